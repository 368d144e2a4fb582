// Every JSON document redact writes or prints, in one place: the
// per-document report (DIR/<name>.report.json), the result line a `run`
// worker sends its scheduler, the job summary and progress lines, and the
// JSON of `scan` and `extract`. Changing a report means changing this
// file only.
//
// What may hold identifiers: the scan JSON (for the reviewer's screen; it
// quotes findings) and the extract JSON (page text). Reports, result
// lines, summaries and progress hold keyed hashes, counts, places and
// output names only.
//
// Thread-safety: pure functions.
#ifndef REDACT_PIPELINE_REPORT_H_
#define REDACT_PIPELINE_REPORT_H_

#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/model.h"
#include "core/status.h"
#include "pipeline/analyze.h"
#include "pipeline/apply.h"
#include "pipeline/verify.h"

namespace redact {

// JSON text as redact writes it: invalid UTF-8 replaced, not thrown on.
std::string JsonText(const nlohmann::json& j, int indent = -1);

// The report of one applied document:
//   {"tool", "output", "pages", "input_repaired": {"repaired", "reason"},
//    "language" (of the words drawn: "en", "es"), "counts", "per_page": [{"page", "rules"}],
//    "findings": [{"page", "category", "rule", "value_hash", "entity_hash",
//                  "confidence", "glyphs"}],
//    "side_findings": [{"page", "channel", "object", "key", "category",
//                       "rule", "value_hash", "entity_hash"}],
//    "boxes": [{"page", "category", "bbox"}], "removed": {…},
//    "side_channels", "dropped": {kind: count} (allow-list drops, no
//    values), "warnings": {"extraction_problems", "notes",
//    "pages_to_review"}, "timings_ms": {"analyze", "redact", "write"},
//    "verification": {"checked", "skipped", "leaks"}}
nlohmann::json ReportJson(const DocumentResult& result);
// ReportJson as the file's text (one-space indent, final newline).
std::string ReportText(const DocumentResult& result);

// One line (no newline) carrying a DocumentResult without its mapping, and
// back. Errors: kInternal when the line is not one.
std::string ResultLine(const DocumentResult& result);
StatusOr<DocumentResult> ParseResultLine(std::string_view line);

// What a `run` worker sends its scheduler on stdout: its DocumentResult
// (as ResultLine), or the Status it failed with ({"error", "message"}).
// ParseWorkerLine gives back either; a line that is neither is kInternal.
std::string WorkerLine(const StatusOr<DocumentResult>& result);
StatusOr<DocumentResult> ParseWorkerLine(std::string_view line);

// How a document of a job ended.
enum class DocumentStatus { kDone, kFailed, kSkipped, kInterrupted };
std::string_view DocumentStatusName(DocumentStatus status);  // "done", …

// One document's line in the job summary and progress.
struct JobDocument {
  std::string input;   // relative input path; "" when it holds an identifier
  std::string output;  // relative output path
  DocumentStatus status = DocumentStatus::kInterrupted;
  StatusCode error = StatusCode::kOk;  // why it failed
  std::string reason;
  int pages = 0;
  std::map<std::string, int> counts;
  double seconds = 0;
  // Pages a person should look at (DocumentResult::pages_to_review).
  std::vector<DocumentResult::PageToReview> pages_to_review;
};

struct JobTotals {
  int done = 0, skipped = 0, failed = 0, interrupted = 0, leaks = 0;
};
JobTotals CountJob(const std::vector<JobDocument>& documents);

// DIR/job-summary.json: {"tool", "documents": [{"output", "status", "reason",
// "pages", "findings", "seconds", "pages_to_review": [{"page", "reason"}],
// "input" | "input_renamed": true}], "totals": {"done", "skipped",
// "failed", "interrupted", "pages_to_review"}, "seconds"}.
std::string JobSummaryText(const std::vector<JobDocument>& documents, double seconds);

// What a person must act on after a run, for the terminal: one line per
// failed document (its output path and reason) and per page to review
// ("  review: OUTPUT page N (reason)"); "" when there is nothing. Paths are
// output paths, which name no one.
std::string JobAttentionText(const std::vector<JobDocument>& documents);

// A progress line: {"event": "document", "done", "total", "output",
// "status", "reason", "pages", "seconds", "failed_so_far"}.
std::string ProgressLine(const JobDocument& document, size_t done, size_t total, size_t failed_so_far);

// `scan --format json`: one document's findings (quoting their text, with
// `boxes`: FindingBoxes of the document), and its side-channel findings
// (channel, object, key, value).
nlohmann::json ScanDocumentJson(const std::string& file, const AnalyzedDocument& doc, const std::vector<Rect>& boxes);

// `verify --format json`: one output's verdict. `status` is "clean" (no
// leak), "leak" (`leaks` lists each by channel, place and category, never
// the value), or "damaged" (`structure_problem` says what); `to_review`
// lists weak evidence for a person. Counts as in VerifyResult.
nlohmann::json VerifyJson(const std::string& file, const VerifyResult& result);

// `extract --format json`: one page's words, text, problems (and glyphs).
nlohmann::json PageJson(const PageText& page, bool with_glyphs);

}  // namespace redact

#endif  // REDACT_PIPELINE_REPORT_H_
