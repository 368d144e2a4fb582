#include "pipeline/runner/analyze.h"

#include "stages/assemble/assemble.h"
#include "stages/extract/extract.h"
#include "stages/ocr/ocr.h"

namespace redact {

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
    StatusOr<PageText> page = ExtractGlyphs(*out.document, i);
    if (!page) return Error(page.error());
    if (ocr && PageNeedsOcr(*out.document, i, *page, ocr->mode)) {
      if (!ocr->engine) {
        auto engine = MakeTesseractEngine(ocr->languages);
        if (!engine) return Error(engine.error());
        ocr->engine = std::move(*engine);
      }
      StatusOr<int> words = OcrPage(*out.document, i, &*page, *ocr->engine);
      if (!words) return Error(words.error());
      ++ocr->pages_recognized;
    }
    AssembleText(&*page);
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
