// Built as C++17: see qpdf_calls.h.
#include "pdf/qpdf_calls.h"

#include <qpdf/Buffer.hh>
#include <qpdf/Pl_Discard.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFExc.hh>
#include <qpdf/QPDFLogger.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>
#include <qpdf/QPDFWriter.hh>

#include <exception>
#include <future>
#include <memory>
#include <sstream>
#include <vector>

namespace redact::pdf::qpdf_calls {
namespace {

std::string Take(QPDFWriter& writer) {
  std::unique_ptr<Buffer> buffer(writer.getBuffer());
  return std::string(reinterpret_cast<const char*>(buffer->getBuffer()), buffer->getSize());
}

}  // namespace

Outcome Repair(const char* data, size_t size, const std::string& label, const char* password) {
  Outcome o;
  try {
    QPDF in;
    in.setSuppressWarnings(true);
    in.setAttemptRecovery(true);
    in.processMemoryFile(label.c_str(), data, size, password);
    // qpdf repairs the page tree as it walks it (a page without /Type, a
    // kid that is not a dictionary); the writer then keeps the repair.
    o.pages = in.getAllPages().size();
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
