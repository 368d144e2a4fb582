// Built as C++17: see qpdf_calls.h.
#include "pdf/qpdf_calls.h"

#include <qpdf/Buffer.hh>
#include <qpdf/Pl_Discard.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFExc.hh>
#include <qpdf/QPDFLogger.hh>
#include <qpdf/QPDFAcroFormDocumentHelper.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>
#include <qpdf/QPDFWriter.hh>

#include <exception>
#include <future>
#include <memory>
#include <set>
#include <sstream>
#include <vector>

namespace redact::pdf::qpdf_calls {
namespace {

std::string Take(QPDFWriter& writer) {
  std::unique_ptr<Buffer> buffer(writer.getBuffer());
  return std::string(reinterpret_cast<const char*>(buffer->getBuffer()), buffer->getSize());
}

// Reads `data` with recovery on, lets `edit` change it (and fill in
// `o`), and writes it unencrypted, without object streams, streams as they
// were: Repair and FlattenForms.
template <typename Edit>
Outcome ReadEditWrite(const char* data, size_t size, const std::string& label, const char* password, Edit edit) {
  Outcome o;
  try {
    QPDF in;
    in.setSuppressWarnings(true);
    in.setAttemptRecovery(true);
    in.processMemoryFile(label.c_str(), data, size, password);
    edit(in, &o);
    QPDFWriter writer(in);
    writer.setOutputMemory();
    writer.setPreserveEncryption(false);
    writer.setObjectStreamMode(qpdf_o_disable);
    writer.setCompressStreams(false);
    writer.setDecodeLevel(qpdf_dl_none);
    writer.setDeterministicID(true);
    writer.write();
    o.bytes = Take(writer);
    o.warnings = in.numWarnings();
    o.ok = true;
  } catch (const QPDFExc& e) {
    o.wrong_password = e.getErrorCode() == qpdf_e_password;
    o.error = e.what();
  } catch (const std::exception& e) {
    o.error = e.what();
  }
  return o;
}

}  // namespace

Outcome Repair(const char* data, size_t size, const std::string& label, const char* password) {
  return ReadEditWrite(data, size, label, password, [](QPDF& in, Outcome* o) {
    // qpdf repairs the page tree as it walks it (a page without /Type, a
    // kid that is not a dictionary); the writer then keeps the repair.
    o->pages = in.getAllPages().size();
  });
}

namespace {

bool IsWidget(QPDFObjectHandle annot) {
  return annot.isDictionary() && annot.getKey("/Subtype").isNameAndEquals("/Widget");
}

// Whether `field` or a field or widget under it (/Kids, at most `depth`
// levels) is among `left`.
bool HoldsAny(QPDFObjectHandle field, const std::set<QPDFObjGen>& left, int depth) {
  if (left.count(field.getObjGen())) return true;
  QPDFObjectHandle kids = field.isDictionary() ? field.getKey("/Kids") : QPDFObjectHandle::newNull();
  if (depth <= 0 || !kids.isArray()) return false;
  for (QPDFObjectHandle kid : kids.getArrayAsVector()) {
    if (HoldsAny(kid, left, depth - 1)) return true;
  }
  return false;
}

// The form's fields that still have a widget on a page (`left`); no
// /AcroForm when none has.
void KeepFieldsOf(QPDF& in, const std::set<QPDFObjGen>& left) {
  QPDFObjectHandle root = in.getRoot();
  QPDFObjectHandle form = root.getKey("/AcroForm");
  if (left.empty() || !form.isDictionary()) {
    root.removeKey("/AcroForm");
    return;
  }
  std::vector<QPDFObjectHandle> kept;
  QPDFObjectHandle fields = form.getKey("/Fields");
  if (fields.isArray()) {
    for (QPDFObjectHandle f : fields.getArrayAsVector()) {
      if (HoldsAny(f, left, 32)) kept.push_back(f);
    }
  }
  form.replaceKey("/Fields", QPDFObjectHandle::newArray(kept));
}

// Flattens the widgets of `in`'s pages only: qpdf's flattening takes every
// annotation with an appearance, so the others stand aside meanwhile.
// Returns how many widgets left the pages.
size_t FlattenWidgets(QPDF& in) {
  QPDFAcroFormDocumentHelper forms(in);
  forms.generateAppearancesIfNeeded();
  QPDFPageDocumentHelper pages(in);
  std::vector<std::pair<QPDFObjectHandle, std::vector<QPDFObjectHandle>>> aside;
  size_t before = 0;
  for (QPDFPageObjectHelper& page : pages.getAllPages()) {
    QPDFObjectHandle dict = page.getObjectHandle();
    QPDFObjectHandle annots = dict.getKey("/Annots");
    if (!annots.isArray()) continue;
    std::vector<QPDFObjectHandle> own, others;
    for (QPDFObjectHandle a : annots.getArrayAsVector()) (IsWidget(a) ? own : others).push_back(a);
    before += own.size();
    dict.replaceKey("/Annots", QPDFObjectHandle::newArray(own));
    aside.emplace_back(dict, std::move(others));
  }
  pages.flattenAnnotations(0, an_invisible | an_hidden);
  // Widgets qpdf did not draw (hidden, no appearance) stay, to be read as
  // fields; the others' fields leave the form.
  std::set<QPDFObjGen> left;
  for (auto& [dict, others] : aside) {
    std::vector<QPDFObjectHandle> kept = std::move(others);
    QPDFObjectHandle now = dict.getKey("/Annots");
    if (now.isArray()) {
      for (QPDFObjectHandle a : now.getArrayAsVector()) {
        if (IsWidget(a)) left.insert(a.getObjGen());
        kept.push_back(a);
      }
    }
    if (kept.empty()) {
      dict.removeKey("/Annots");
    } else {
      dict.replaceKey("/Annots", QPDFObjectHandle::newArray(kept));
    }
  }
  KeepFieldsOf(in, left);
  return before - left.size();
}

}  // namespace

Outcome FlattenForms(const char* data, size_t size, const std::string& label, const char* password) {
  return ReadEditWrite(data, size, label, password, [](QPDF& in, Outcome* o) {
    o->widgets = FlattenWidgets(in);
    o->pages = in.getAllPages().size();
  });
}

Outcome Renumber(const char* data, size_t size, const std::string& label) {
  Outcome o;
  try {
    QPDF in;
    in.setSuppressWarnings(true);
    in.setAttemptRecovery(false);
    in.processMemoryFile(label.c_str(), data, size);
    QPDFWriter writer(in);
    writer.setOutputMemory();
    writer.setDeterministicID(true);
    writer.setObjectStreamMode(qpdf_o_disable);
    writer.setCompressStreams(true);
    writer.setDecodeLevel(qpdf_dl_generalized);
    writer.write();
    o.warnings = in.numWarnings();
    if (o.warnings > 0) o.first_warning = in.getWarnings().front().what();
    o.bytes = Take(writer);
    o.ok = true;
  } catch (const std::exception& e) {
    o.error = e.what();
  }
  return o;
}

namespace {

// Content parsed for its errors only, as qpdf --check parses it.
class DiscardContents : public QPDFObjectHandle::ParserCallbacks {
 public:
  void handleObject(QPDFObjectHandle) override {}
  void handleEOF() override {}
};

// One reader's share of the checks QPDFJob::doCheck (qpdf 11) makes, on
// its own QPDF of the file: reader 0 checks linearization and writes the
// whole file to nowhere decoding every stream it can (a full traversal);
// every reader parses the content of the pages k with k % readers ==
// reader. What qpdf prints goes to `out` and `err` as its job prints it.
struct Share {
  bool errors = false;
  bool warnings = false;
  std::string out, err;
};

Share CheckShare(const std::string& path, size_t reader, size_t readers) {
  Share s;
  std::ostringstream out, err;
  std::shared_ptr<QPDFLogger> log = QPDFLogger::create();
  log->setOutputStreams(&out, &err);
  try {
    QPDF pdf;
    pdf.setLogger(log);
    pdf.processFile(path.c_str());
    try {
      if (reader == 0) {
        if (pdf.isLinearized()) pdf.checkLinearization();
        QPDFWriter writer(pdf);
        Pl_Discard discard;
        writer.setOutputPipeline(&discard);
        writer.setDecodeLevel(qpdf_dl_all);
        writer.write();
      }
      DiscardContents contents;
      size_t number = 0;
      for (QPDFPageObjectHelper& page : QPDFPageDocumentHelper(pdf).getAllPages()) {
        if (number++ % readers != reader) continue;
        try {
          page.parseContents(&contents);
        } catch (const QPDFExc& e) {
          s.errors = true;
          err << "ERROR: page " << number << ": " << e.what() << "\n";
        }
      }
    } catch (const std::exception& e) {
      s.errors = true;
      err << "ERROR: " << e.what() << "\n";
    }
    s.warnings = pdf.anyWarnings();
  } catch (const std::exception& e) {  // the file cannot be opened at all
    s.errors = true;
    err << "ERROR: " << e.what() << "\n";
  }
  s.out = out.str(), s.err = err.str();
  return s;
}

}  // namespace

Check RunCheck(const std::string& path, size_t readers) {
  if (readers == 0) readers = 1;
  std::vector<std::future<Share>> others;
  for (size_t r = 1; r < readers; ++r) {
    others.push_back(std::async(std::launch::async, [&path, r, readers] { return CheckShare(path, r, readers); }));
  }
  std::vector<Share> shares{CheckShare(path, 0, readers)};
  for (std::future<Share>& f : others) shares.push_back(f.get());
  Check c;
  bool errors = false, warnings = false;
  for (const Share& s : shares) {
    errors = errors || s.errors, warnings = warnings || s.warnings;
    c.out += s.out, c.err += s.err;
  }
  if (errors) c.err += "qpdf: errors detected\n";
  c.exit_code = errors ? 2 : warnings ? 3 : 0;
  return c;
}

}  // namespace redact::pdf::qpdf_calls
