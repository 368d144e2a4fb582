// The analysis half of the pipeline, composed from the stages: open a PDF,
// extract every page's glyphs, assemble page text, detect findings in it,
// and inspect the side channels (outline, annotations, form fields, links,
// marked content). Both `redact scan` and the writers start here, so what
// is reported is what is removed: the writers detect nothing themselves.
//
// Thread-safety: AnalyzeDocument may run concurrently on different files
// with one shared Detector.
#ifndef REDACT_PIPELINE_ANALYZE_H_
#define REDACT_PIPELINE_ANALYZE_H_

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/finding.h"
#include "core/model.h"
#include "pdf/document.h"
#include "stages/detect/detector.h"
#include "stages/ocr/ocr.h"

namespace redact {

// OCR for pages without a usable text layer. Engines are created on first
// need (by `make_engine`, for `languages`) and reused across documents, one
// per worker.
struct OcrContext {
  OcrMode mode = OcrMode::kAuto;
  std::string languages = "eng+spa";
  int jobs = 1;                       // pages of one document OCR'd at once
  OcrCleanup cleanup;                 // --deskew, --binarize
  OcrEngineFactory make_engine = MakeTesseractEngine;
  std::vector<std::unique_ptr<OcrEngine>> engines;
  int pages_recognized = 0;
  // Progress, owned by the command (-v): called once per page of
  // ReadDocumentText as its text is ready, `page` 1-based of `pages`,
  // `recognized` when it was OCR'd. With jobs > 1 it may be called from OCR
  // worker threads, one call at a time, pages in any order. Gets no text.
  std::function<void(int page, int pages, bool recognized)> on_page;
};

// One page's text, ready for detection: its glyphs, OCR'd when the page
// needs it (`ocr` may be null: no OCR), assembled. A page OCR read poorly
// gets a kLowOcrConfidence problem, and an image-only page left unread
// under --ocr never a kNotOcrd problem, so reports can send a person to
// them. Errors: extraction's, an engine that will not start, and an image
// that needs OCR but cannot be decoded.
StatusOr<PageText> ReadPageText(pdf::Document& doc, int index, OcrContext* ocr);

// Whether analysis holds every page's glyphs to the end, or lets each
// page's go once its text is assembled and its structure built (stages/
// extract ReleaseGlyphs; PageText::released). Released pages are read again
// where glyphs are needed — the reading after removal below, the writer —
// one page at a time: a long document then costs its text, not its glyphs,
// for one more interpretation of each page with findings. Callers that
// read glyphs themselves (review, extract) keep them; scan lets them go and
// reads its boxes with FindingBoxes.
// kAuto releases them in documents of more than kHoldGlyphsUpToPages pages
// (a short one costs little either way, and is not read twice).
enum class GlyphHolding { kKeep, kRelease, kAuto };
inline constexpr int kHoldGlyphsUpToPages = 32;

// Every page of `doc` as ReadPageText makes it. With ocr->jobs > 1, pages
// are recognized on that many worker threads while this thread reads the
// document (PoDoFo is used from this thread only); at most 2 x jobs decoded
// page images are held at once. The result does not depend on jobs.
StatusOr<std::vector<PageText>> ReadDocumentText(pdf::Document& doc, OcrContext* ocr,
                                                 GlyphHolding holding = GlyphHolding::kKeep);

struct AnalyzedDocument {
  std::unique_ptr<pdf::Document> document;
  std::vector<PageText> pages;
  // Page findings (channel "page"): spans of page text with their glyphs;
  // every one has 1 <= page <= pages.size().
  std::vector<Finding> findings;
  // Side-channel findings (stages/inspect/inspect.h): what holds an
  // identifier outside the page content, and where. No span, no glyphs;
  // page is 0 for document-level channels. Kept apart so consumers of page
  // findings never see them; a reviewed findings file replaces `findings`
  // only. Pass both to RedactDocument.
  std::vector<Finding> side_findings;
};

// Errors: those of Document::Open, a page whose content cannot be read
// (the whole document fails: a page we cannot read is a page we cannot
// clean), and a side channel that cannot be read (InspectSideChannels).
StatusOr<AnalyzedDocument> AnalyzeDocument(const std::string& path,
                                           const pdf::OpenOptions& options,
                                           const Detector& detector, OcrContext* ocr = nullptr,
                                           GlyphHolding holding = GlyphHolding::kKeep);

// The display-space box of each of doc->findings (in their order): the
// union of its glyphs. A page whose glyphs were let go is read again for
// the boxes of its findings, one page at a time, and let go again.
// Errors: those of RestoreGlyphs (a page that reads differently now).
StatusOr<std::vector<Rect>> FindingBoxes(AnalyzedDocument* doc);

// Loads the detector: rules from `patterns_dir`, the optional names list
// and policy file. Errors name the file (and line) at fault; a policy
// category that neither the rules nor the code (kBuiltInCategories) gives
// findings is one. The names list's warnings stay on detector->names().
StatusOr<std::unique_ptr<Detector>> LoadDetector(const std::string& patterns_dir,
                                                 const std::optional<std::string>& names_csv,
                                                 const std::optional<std::string>& policy_file);

}  // namespace redact

#endif  // REDACT_PIPELINE_ANALYZE_H_
