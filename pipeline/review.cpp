#include "pipeline/review.h"

#include <filesystem>

#include "pdf/clean_writer.h"
#include "pipeline/report.h"
#include "stages/write_review/review.h"

namespace redact {

namespace fs = std::filesystem;

ShownInput ShowInput(const Session& session, const std::string& path, const std::string& output_name,
                     const std::string& input_name) {
  ShownInput s;
  s.renamed = output_name != input_name;
  s.hide_path = s.renamed || PathHoldsIdentifier(path, session.detector());
  s.shown = s.renamed ? "input renamed " + output_name : s.hide_path ? "input " + output_name : path;
  return s;
}

StatusOr<ReviewResult> ReviewDocument(const Session& session, OcrContext* ocr, const ReviewTask& task) {
  std::error_code ec;
  fs::create_directories(task.out_dir, ec);
  const std::string input_name = fs::path(task.input).stem().string() + ".pdf";
  const std::string out_name = session.NameOutputs({input_name}, task.naming)[0].output;
  const ShownInput shown = ShowInput(session, task.input, out_name, input_name);
  ReviewResult result;
  result.shown = shown.shown;
  result.hide_path = shown.hide_path;
  const std::string stem = fs::path(out_name).stem().string();
  result.review_pdf = (fs::path(task.out_dir) / (stem + ".review.pdf")).string();
  result.findings_json = (fs::path(task.out_dir) / (stem + ".findings.json")).string();
  if (fs::exists(result.review_pdf) && fs::equivalent(task.input, result.review_pdf, ec)) {
    return Error(StatusCode::kInvalidArgument, shown.shown + ": refusing to overwrite the input");
  }
  // OCR as apply does it: findings.json addresses glyphs, and apply
  // --findings must see the same glyphs.
  StatusOr<AnalyzedDocument> doc = AnalyzeDocument(
      task.input, session.OpenOptionsFor(task.password, shown.hide_path ? shown.shown : ""), session.detector(), ocr);
  if (!doc) return Error(doc.error());
  nlohmann::json findings = FindingsToJson(
      shown.renamed ? out_name : fs::path(task.input).filename().string(), doc->pages, doc->findings);
  // Side channels (outline, annotations, form values, links, marked
  // content) that name someone: always scrubbed by apply; listed so the
  // reviewer sees them, not editable.
  nlohmann::json side = nlohmann::json::array();
  for (const Finding& f : doc->side_findings) {
    side.push_back({{"page", f.page}, {"channel", f.channel}, {"object", f.object}, {"key", f.key},
                    {"category", f.category}, {"rule", f.rule}, {"text", f.value}});
  }
  findings["side_findings"] = std::move(side);
  Status s = AddReviewHighlights(*doc->document, doc->pages, doc->findings);
  if (s.ok()) s = pdf::WriteCleanCopy(*doc->document, result.review_pdf, nullptr);
  if (s.ok()) s = pdf::WriteFileAtomically(result.findings_json, findings.dump(1) + "\n");
  if (!s.ok()) return Error(s);
  result.findings = doc->findings.size();
  result.pages_to_review = PagesToReview(doc->pages);
  return result;
}

}  // namespace redact
