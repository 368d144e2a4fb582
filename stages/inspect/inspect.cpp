#include "stages/inspect/inspect.h"

#include <podofo/podofo.h>

#include <set>
#include <string>

#include "pdf/content_interpreter.h"
#include "pdf/font.h"
#include "pdf/podofo_util.h"
#include "stages/assemble/assemble.h"
#include "stages/detect/detector.h"
#include "stages/extract/extract.h"
#include "stages/inspect/shown_annotations.h"

namespace redact {
namespace {

using PoDoFo::PdfObject;

std::string Utf8(const PdfObject* o) {
  o = pdf::Resolve(o);
  if (!o) return "";
  if (o->IsString() || o->IsHexString()) return o->GetString().GetStringUtf8();
  if (o->IsName()) return o->GetName().GetName();
  return "";
}

// Text held by a marked-content property list (/ActualText, /Alt, /E),
// UTF-16 or PDFDocEncoding (read as Latin-1), as UTF-8.
// Reads the side channels of one document and collects their findings.
class Inspector {
 public:
  Inspector(pdf::Document& doc, const Detector& detector, std::vector<int> mentioned,
            std::vector<std::vector<std::string>> people, std::vector<Finding>* out)
      : doc_(doc), detector_(detector), mentioned_(std::move(mentioned)), people_(std::move(people)), out_(out) {}

  // Findings of `text` as side-channel findings at `where`; how many.
  // Matches from byte `uri_begin` on lie in a URI: channel "link".
  size_t Detect(const std::string& text, const Finding& where, size_t uri_begin = std::string::npos) {
    if (text.empty()) return 0;
    size_t n = 0;
    for (Finding& f : detector_.DetectText(text, false, mentioned_, people_)) {
      Finding side = where;
      if (f.begin >= uri_begin) {
        side.channel = kChannelLink;
        side.key = "URI";
      }
      side.category = std::move(f.category);
      side.rule = std::move(f.rule);
      side.value = std::move(f.value);
      side.entity = std::move(f.entity);
      side.confidence = f.confidence;
      side.reason = std::move(f.reason);
      out_->push_back(std::move(side));
      ++n;
    }
    return n;
  }

  static Finding At(const char* channel, int page, std::string object, const char* key) {
    Finding f;
    f.channel = channel;
    f.page = page;
    f.object = std::move(object);
    f.key = key;
    return f;
  }

  // AcroForm fields, in the order and with the cycle and depth limits the
  // writer walks them.
  void Fields() {
    const PdfObject* root = pdf::DictGet(doc_.podofo().GetTrailer(), "Root");
    const PoDoFo::PdfArray* fields = pdf::AsArray(pdf::DictGet(pdf::DictGet(root, "AcroForm"), "Fields"));
    if (!fields) return;
    std::set<const PdfObject*> seen;
    for (size_t i = 0; i < fields->size(); ++i) {
      Field(pdf::Resolve(&(*fields)[i]), "AcroForm/Fields[" + std::to_string(i) + "]", &seen, 0);
    }
  }

  void Field(const PdfObject* field, const std::string& path, std::set<const PdfObject*>* seen, int depth) {
    if (!field || !field->IsDictionary() || depth > 32 || !seen->insert(field).second) return;
    const auto& d = field->GetDictionary();
    const std::string address = pdf::Address(field, path);
    std::string text;
    for (const char* key : {"V", "DV", "TU", "TM", "T"}) text += Utf8(d.GetKey(key)) + "\n";
    if (const PoDoFo::PdfArray* opts = pdf::AsArray(d.GetKey("Opt"))) {
      for (const PdfObject& o : *opts) text += Utf8(&o) + "\n";
    }
    Detect(text, At(kChannelFormField, 0, address, "value"));
    if (const PoDoFo::PdfArray* kids = pdf::AsArray(d.GetKey("Kids"))) {
      for (size_t i = 0; i < kids->size(); ++i) {
        Field(pdf::Resolve(&(*kids)[i]), address + "/Kids[" + std::to_string(i) + "]", seen, depth + 1);
      }
    }
  }

  // Outline items: titles and their actions' URIs.
  void Outline() {
    const PdfObject* root = pdf::DictGet(doc_.podofo().GetTrailer(), "Root");
    const PdfObject* outlines = pdf::DictGet(root, "Outlines");
    std::set<const PdfObject*> seen;
    if (outlines && outlines->IsDictionary()) {
      OutlineItems(pdf::DictGet(outlines, "First"), pdf::Address(outlines, "Outlines") + "/First", &seen, 0);
    }
  }

  void OutlineItems(const PdfObject* item, std::string path, std::set<const PdfObject*>* seen, int depth) {
    for (int n = 0; item && item->IsDictionary() && n < 100000 && depth < 64; ++n) {
      if (!seen->insert(item).second) return;
      const std::string address = pdf::Address(item, path);
      Detect(Utf8(item->GetDictionary().GetKey("Title")), At(kChannelOutline, 0, address, "Title"));
      const PdfObject* action = pdf::DictGet(item, "A");
      if (action && action->IsDictionary()) {
        Detect(Utf8(action->GetDictionary().GetKey("URI")), At(kChannelOutline, 0, address, "URI"));
      }
      OutlineItems(pdf::DictGet(item, "First"), address + "/First", seen, depth + 1);
      item = pdf::DictGet(item, "Next");
      path = address + "/Next";
    }
  }

  // The annotations page `index` lists.
  void Annotations(int index, int page_number) {
    StatusOr<const PdfObject*> page = doc_.PageObject(index);
    if (!page) return;
    const PoDoFo::PdfArray* annots = pdf::AsArray((*page)->GetDictionary().GetKey("Annots"));
    if (!annots) return;
    for (size_t i = 0; i < annots->size(); ++i) {
      const PdfObject* annot = pdf::Resolve(&(*annots)[i]);
      if (!annot || !annot->IsDictionary()) continue;
      Annotation(annot, At(kChannelAnnotation, page_number,
                           pdf::Address(annot, "Annots[" + std::to_string(i) + "]"), "text"));
    }
  }

  void Annotation(const PdfObject* annot, const Finding& where) {
    const std::string subtype = pdf::AsName(pdf::DictGet(annot, "Subtype")).value_or("");
    if (subtype == "FileAttachment" || subtype == "Sound" || subtype == "Movie" || subtype == "Screen" ||
        subtype == "RichMedia" || subtype == "3D" || subtype == "Redact") {
      return;  // removed whatever it holds
    }
    const PdfObject* action = pdf::DictGet(annot, "A");
    if (pdf::DictGet(action, "JS")) return;  // removed whatever it holds
    std::string text;
    for (const char* key : {"Contents", "T", "RC", "Subj", "NM"}) {
      text += Utf8(pdf::DictGet(annot, key)) + "\n";
    }
    const size_t uri_begin = text.size();
    text += Utf8(pdf::DictGet(action, "URI")) + "\n";
    // Its text matching removes it, appearance and all: not read further.
    if (Detect(text, where, uri_begin) > 0) return;
    Appearance(annot, where);
  }

  // What an annotation's appearance streams draw, read like a page. The
  // first stream that cannot be read in full, or whose text matches, is
  // reported.
  void Appearance(const PdfObject* annot, Finding where) {
    where.key = "AP";
    const PdfObject* ap = pdf::DictGet(annot, "AP");
    if (!ap) return;
    std::vector<const PdfObject*> streams;
    for (const char* state : {"N", "R", "D"}) {
      const PdfObject* s = pdf::DictGet(ap, state);
      if (!s) continue;
      if (s->HasStream()) {
        streams.push_back(s);
      } else if (s->IsDictionary()) {  // appearance states (/On /Off …)
        for (const auto& [name, value] : s->GetDictionary().GetKeys()) {
          const PdfObject* v = pdf::Resolve(value);
          if (v && v->HasStream()) streams.push_back(v);
        }
      }
    }
    for (const PdfObject* s : streams) {
      bool matched = false;
      const std::string unreadable = ReadAppearance(s, where, &matched);
      if (matched) return;
      if (!unreadable.empty()) {
        Finding f = where;
        f.category = "unreadable";
        f.rule = "annotation.appearance";
        f.reason = unreadable;
        f.confidence = 1.0;
        out_->push_back(std::move(f));
        return;
      }
    }
  }

  // Reads one appearance stream: why it cannot be shown clean, or "" when
  // it was read; *matched when its text had findings (added at `where`).
  std::string ReadAppearance(const PdfObject* s, const Finding& where, bool* matched) {
    int images = 0;
    StatusOr<PageText> text = ExtractFormGlyphs(doc_, s, &images);
    if (!text) return "appearance could not be read";
    if (std::string why = AppearanceProblem(*text, images); !why.empty()) return why;
    AssembleText(&*text);
    *matched = Detect(text->text, where) > 0;
    return "";
  }

 private:
  pdf::Document& doc_;
  const Detector& detector_;
  std::vector<int> mentioned_;  // entities the page text names in full
  std::vector<std::vector<std::string>> people_;  // the unlisted people it names in full
  std::vector<Finding>* out_;
};

// Marked-content property lists of every stream a page paints, read as the
// writer's interpreter numbers the streams.
class MarkedContentReader : public pdf::ContentSink {
 public:
  MarkedContentReader(Inspector* inspector, int page) : inspector_(inspector), page_(page) {}

  void OnStream(int index, const ContentStream& info, const pdf::ParsedContent& parsed) override {
    for (int i = 0; i < static_cast<int>(parsed.ops.size()); ++i) {
      const pdf::Operation& op = parsed.ops[i];
      if (op.op != "BDC" || op.operands.size() != 2 ||
          op.operands[1].type != pdf::Operand::Type::kDictionary) {
        continue;
      }
      DetectMarked(inspector_, page_, info, {index, i, pdf::MarkedPropertyText(op.operands[1])});
    }
  }

  // One property list's text, detected where it lies.
  static void DetectMarked(Inspector* inspector, int page, const ContentStream& info, const MarkedText& m) {
    const std::string object = info.kind != ContentStream::Kind::kPageContents
                                   ? std::to_string(info.object_number) + " " +
                                         std::to_string(info.generation) + " R"
                                   : "";
    Finding where = Inspector::At(kChannelMarkedContent, page, object, "properties");
    where.stream = m.stream;
    where.op = m.op;
    inspector->Detect(m.text, where);
  }

 private:
  Inspector* inspector_;
  int page_;
};

}  // namespace

StatusOr<std::vector<Finding>> InspectSideChannels(pdf::Document& doc, const std::vector<PageText>& pages,
                                                   const Detector& detector,
                                                   const std::vector<Finding>& page_findings) {
  std::vector<Finding> out;
  Inspector inspector(doc, detector, detector.EntitiesNamed(page_findings), detector.PeopleFoundInFull(page_findings),
                      &out);
  Status s = pdf::Guard(doc.name(), [&]() -> Status {
    inspector.Fields();
    inspector.Outline();
    for (size_t i = 0; i < pages.size(); ++i) {
      const PageText& page = pages[i];
      inspector.Annotations(static_cast<int>(i), page.number);
      if (page.marked_read) {
        // Read with the glyphs, in the same run: no second interpretation.
        for (const MarkedText& m : page.marked) {
          if (m.stream < 0 || static_cast<size_t>(m.stream) >= page.streams.size()) {
            return Status(StatusCode::kInternal, "marked content of page " + std::to_string(page.number) +
                                                     " names a stream the page does not have");
          }
          MarkedContentReader::DetectMarked(&inspector, page.number, page.streams[static_cast<size_t>(m.stream)], m);
        }
        continue;
      }
      MarkedContentReader reader(&inspector, page.number);
      pdf::ContentInterpreter interpreter(&doc);
      Status run = interpreter.RunPage(static_cast<int>(i), &reader);
      if (!run.ok()) return run;
    }
    return Status::Ok();
  });
  if (!s.ok()) return Error(s);
  return out;
}

}  // namespace redact
