#include "pipeline/runner/analyze.h"

#include "stages/assemble/assemble.h"
#include "stages/extract/extract.h"
#include "stages/ocr/ocr.h"

namespace redact {

// Below this mean character confidence (Tesseract's 0-100) a page is
// flagged for review: at 60 and above the sample scans read cleanly.
constexpr double kMinMeanOcrConfidence = 60;

StatusOr<PageText> ReadPageText(pdf::Document& doc, int index, OcrContext* ocr) {
  StatusOr<PageText> page = ExtractGlyphs(doc, index);
  if (!page) return Error(page.error());
  if (!ocr) {
    AssembleText(&*page);
    return page;
  }
  const std::vector<PlacedImage> images = FindPageImages(doc, index);
  const OcrPlan plan = PlanPageOcr(images, *page, ocr->mode);
  if (!plan.images.empty()) {
    if (!ocr->engine) {
      auto engine = MakeTesseractEngine(ocr->languages);
      if (!engine) return Error(engine.error());
      ocr->engine = std::move(*engine);
    }
    StatusOr<int> words = OcrPage(doc, plan.images, &*page, *ocr->engine);
    if (!words) return Error(words.error());
    ++ocr->pages_recognized;
  }
  if (plan.page_is_scan) {
    // A scan OCR could barely read is not a clean page: say so. (An image
    // on a typed page may rightly hold no text: a photo, a seal.)
    double confidence = 0;
    int read = 0;
    for (const Glyph& g : page->glyphs) {
      if (g.ocr) confidence += g.confidence, ++read;
    }
    if (read < 20 || confidence / read < kMinMeanOcrConfidence) {
      page->problems.push_back({ExtractionProblem::Kind::kLowOcrConfidence, -1, -1,
                                std::to_string(read) + " characters read, mean confidence " +
                                    std::to_string(read ? static_cast<int>(confidence / read) : 0)});
    }
  } else if (ocr->mode == "never" && PageNeedsOcr(images, *page, "auto")) {
    page->problems.push_back({ExtractionProblem::Kind::kNotOcrd, -1, -1,
                              "a page of images with no text layer, not OCR'd (--ocr never)"});
  }
  AssembleText(&*page);
  return page;
}

StatusOr<AnalyzedDocument> AnalyzeDocument(const std::string& path,
                                           const pdf::OpenOptions& options,
                                           const Detector& detector, OcrContext* ocr) {
  AnalyzedDocument out;
  StatusOr<std::unique_ptr<pdf::Document>> doc = pdf::Document::Open(path, options);
  if (!doc) return Error(doc.error());
  out.document = std::move(*doc);
  const int n = out.document->page_count();
  out.pages.reserve(static_cast<size_t>(n));
  for (int i = 0; i < n; ++i) {
    StatusOr<PageText> page = ReadPageText(*out.document, i, ocr);
    if (!page) return Error(page.error());
    out.pages.push_back(std::move(*page));
  }
  out.findings = detector.DetectDocument(out.pages);
  return out;
}

StatusOr<std::unique_ptr<Detector>> LoadDetector(const std::string& patterns_dir,
                                                 const std::optional<std::string>& names_csv,
                                                 const std::optional<std::string>& policy_file) {
  StatusOr<RuleSet> rules = LoadRulesDirectory(patterns_dir);
  if (!rules) return Error(rules.error());
  std::optional<NamesIndex> names;
  if (names_csv) {
    StatusOr<NamesIndex> loaded = NamesIndex::LoadCsv(*names_csv);
    if (!loaded) return Error(loaded.error());
    names = std::move(*loaded);
  }
  Policy policy;
  if (policy_file) {
    StatusOr<Policy> loaded = Policy::Load(*policy_file);
    if (!loaded) return Error(loaded.error());
    policy = std::move(*loaded);
  }
  return std::make_unique<Detector>(std::move(*rules), std::move(names), std::move(policy));
}

}  // namespace redact
