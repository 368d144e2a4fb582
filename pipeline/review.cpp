#include "pipeline/review.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "pdf/clean_writer.h"
#include "pipeline/report.h"
#include "stages/seal/digest.h"
#include "stages/write_review/review.h"
#include "stages/write_review/review_pdf.h"

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
  const NamedOutput named = session.NameOutputs({input_name}, task.naming)[0];
  const std::string& out_name = named.output;
  const ShownInput shown = ShowInput(session, task.input, out_name, input_name);
  if (Status s = OutputNameProblem(named, shown.shown); !s.ok()) return Error(s);
  ReviewResult result;
  result.shown = shown.shown;
  result.hide_path = shown.hide_path;
  result.review_pdf = ReviewPdfPathFor(task.out_dir, out_name);
  result.findings_json = FindingsPathFor(task.out_dir, out_name);
  if (fs::exists(result.review_pdf) && fs::equivalent(task.input, result.review_pdf, ec)) {
    return Error(StatusCode::kInvalidArgument, shown.shown + ": refusing to overwrite the input");
  }
  // OCR as apply does it: findings.json addresses glyphs, and apply
  // --findings must see the same glyphs.
  StatusOr<AnalyzedDocument> doc = AnalyzeDocument(
      task.input, session.OpenOptionsFor(task.password, shown.hide_path ? shown.shown : ""), session.detector(), ocr);
  if (!doc) return Error(doc.error());
  StatusOr<std::string> sha = FileSha256(task.input);
  if (!sha) return Error(sha.error().code(), shown.shown + ": cannot be read again to fingerprint it");
  nlohmann::json findings = FindingsToJson(shown.renamed ? out_name : fs::path(task.input).filename().string(),
                                           *sha, doc->pages, doc->findings);
  // Side channels (outline, annotations, form values, links, marked
  // content) that name someone: always scrubbed by apply; listed so the
  // reviewer sees them, not editable.
  nlohmann::json side = nlohmann::json::array();
  for (const Finding& f : doc->side_findings) {
    side.push_back({{"page", f.page}, {"channel", f.channel}, {"object", f.object}, {"key", f.key},
                    {"category", f.category}, {"rule", f.rule}, {"text", f.value}});
  }
  findings["side_findings"] = std::move(side);
  // The input's own annotations, before the highlights join them: the
  // review copy records them, so a reviewer's are told apart.
  StatusOr<std::vector<SeenAnnotation>> own = ListAnnotations(*doc->document);
  if (!own) return Error(own.error());
  Status s = AddReviewHighlights(*doc->document, doc->pages, doc->findings);
  if (s.ok()) s = RecordReviewSource(*doc->document, *sha, findings, *own);
  if (s.ok()) s = pdf::WriteCleanCopy(*doc->document, result.review_pdf, nullptr);
  if (s.ok()) s = pdf::WriteFileAtomically(result.findings_json, findings.dump(1) + "\n");
  if (!s.ok()) return Error(s);
  result.findings = doc->findings.size();
  result.pages_to_review = PagesToReview(doc->pages);
  result.input_repaired = doc->document->repair_reason();
  return result;
}

std::string FindingsPathFor(const std::string& dir, const std::string& output) {
  const fs::path out(output);
  return (fs::path(dir) / out.parent_path() / (out.stem().string() + ".findings.json")).string();
}

std::string ReviewPdfPathFor(const std::string& dir, const std::string& output) {
  const fs::path out(output);
  return (fs::path(dir) / out.parent_path() / (out.stem().string() + ".review.pdf")).string();
}

StatusOr<ReviewedFindings> ReadReviewedFindings(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error(StatusCode::kNotFound, path + ": cannot open the findings file");
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) return Error(StatusCode::kIo, path + ": cannot read the findings file");
  StatusOr<nlohmann::json> json = ParseFindingsText(text.str(), path);
  if (!json) return Error(json.error());
  Status valid = ValidateFindings(*json, path);
  if (!valid.ok()) return Error(valid);
  return ReviewedFindings{path, std::move(*json)};
}

Status CheckFindingsMadeFor(const ReviewedFindings& reviewed, const std::string& input, const std::string& shown) {
  auto recorded = reviewed.json.is_object() ? reviewed.json.find("sha256") : reviewed.json.end();
  if (!reviewed.json.is_object() || recorded == reviewed.json.end() || !recorded->is_string()) {
    if (reviewed.kind == ReviewedFindings::Kind::kReviewPdf) {
      return Status(StatusCode::kInvalidArgument, reviewed.source + ": the review PDF does not say which PDF it was "
                    "made from; run redact review on " + shown + " again and mark up the new copy");
    }
    return Status(StatusCode::kInvalidArgument,
                  reviewed.source + ": the findings file does not say which PDF it was made from (no \"sha256\": "
                  "made by hand, or by an older redact); run redact review on " + shown +
                  " to make it again, or add \"sha256\": \"<sha256sum of the input>\" if it is meant for that file");
  }
  std::string want = recorded->get<std::string>();
  std::transform(want.begin(), want.end(), want.begin(), [](unsigned char c) { return std::tolower(c); });
  StatusOr<std::string> have = FileSha256(input);
  if (!have) return Status(have.error().code(), shown + ": cannot be read to check the findings file");
  if (want != *have && reviewed.kind == ReviewedFindings::Kind::kReviewPdf) {
    return Status(StatusCode::kInvalidArgument,
                  reviewed.source + ": the review PDF was made from another PDF than the input " + shown +
                      " (their SHA-256 differ); applying it would leave that input's identifiers in place. Run "
                      "redact review on " + shown + ", mark up that review copy, and apply it with --reviewed");
  }
  if (want != *have) {
    return Status(StatusCode::kInvalidArgument,
                  reviewed.source + ": the findings file was made from another PDF than the input " + shown +
                      " (their SHA-256 differ); applying it would leave that input's identifiers in place. Run "
                      "redact review on " + shown + " and apply its own findings file");
  }
  return Status::Ok();
}

}  // namespace redact
