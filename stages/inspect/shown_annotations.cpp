#include "stages/inspect/shown_annotations.h"

#include <podofo/podofo.h>

#include "pdf/podofo_util.h"
#include "stages/assemble/assemble.h"
#include "stages/extract/extract.h"

namespace redact {
namespace {

using PoDoFo::PdfObject;

constexpr int kHidden = 1 << 1;  // annotation flags, PDF 32000-1 12.5.3
constexpr int kNoView = 1 << 5;

// The stream a viewer draws for `annot` in its normal state, or nullptr.
const PdfObject* NormalAppearance(const PdfObject* annot) {
  const PdfObject* normal = pdf::DictGet(pdf::DictGet(annot, "AP"), "N");
  if (!normal || normal->HasStream()) return normal;
  const std::optional<std::string> state = pdf::AsName(pdf::DictGet(annot, "AS"));
  if (!state) return nullptr;
  const PdfObject* chosen = pdf::DictGet(normal, *state);
  return chosen && chosen->HasStream() ? chosen : nullptr;
}

}  // namespace

std::string AppearanceProblem(const PageText& text, int images) {
  if (text.undecodable_glyph_count() > 0) return "appearance text could not be decoded";
  // Pixels in an appearance are not read (no OCR here).
  if (images > 0) return "appearance paints an image";
  for (const ExtractionProblem& p : text.problems) {
    using Kind = ExtractionProblem::Kind;
    if (p.kind == Kind::kStreamError || p.kind == Kind::kTruncatedStream || p.kind == Kind::kBrokenXObject ||
        p.kind == Kind::kRecursionLimit || p.kind == Kind::kBadToken || p.kind == Kind::kUnknownOperator) {
      return "appearance could not be read in full";
    }
  }
  return "";
}

StatusOr<std::vector<ShownAnnotation>> ShownAnnotationText(pdf::Document& doc, int index) {
  std::vector<ShownAnnotation> out;
  Status s = pdf::Guard(doc.name(), [&]() -> Status {
    StatusOr<const PdfObject*> page = doc.PageObject(index);
    if (!page) return page.error();
    const PoDoFo::PdfArray* annots = pdf::AsArray((*page)->GetDictionary().GetKey("Annots"));
    if (!annots) return Status::Ok();
    for (size_t i = 0; i < annots->size(); ++i) {
      const PdfObject* annot = pdf::Resolve(&(*annots)[i]);
      if (!annot || !annot->IsDictionary()) continue;
      const std::string subtype = pdf::AsName(pdf::DictGet(annot, "Subtype")).value_or("");
      const int flags = static_cast<int>(pdf::AsNumber(pdf::DictGet(annot, "F")).value_or(0));
      if (subtype == "Popup" || (flags & (kHidden | kNoView)) != 0) continue;
      const PdfObject* appearance = NormalAppearance(annot);
      if (!appearance) continue;
      int images = 0;
      StatusOr<PageText> text = ExtractFormGlyphs(doc, appearance, &images);
      ShownAnnotation shown;
      shown.index = static_cast<int>(i);
      shown.subtype = subtype;
      shown.rect = pdf::AsRect(pdf::DictGet(annot, "Rect")).value_or(Rect{});
      if (!text) {
        shown.problem = "appearance could not be read";
      } else {
        AssembleText(&*text);
        shown.text = text->text;
        shown.problem = AppearanceProblem(*text, images);
      }
      while (!shown.text.empty() && (shown.text.back() == '\n' || shown.text.back() == ' ')) shown.text.pop_back();
      if (shown.text.empty() && shown.problem.empty()) continue;
      out.push_back(std::move(shown));
    }
    return Status::Ok();
  });
  if (!s.ok()) return Error(s);
  return out;
}

}  // namespace redact
