// ReviewDocument: the review copy of one input — the original with a
// highlight per finding, nothing removed — and the editable findings file
// that `redact apply --findings` applies exactly. Outputs are named as
// apply would name the redacted output (never after a person).
//
// Both outputs quote identifiers: they are for the review team, not for
// filing.
//
// Thread-safety: one document per call; the Session may be shared.
#ifndef REDACT_PIPELINE_REVIEW_H_
#define REDACT_PIPELINE_REVIEW_H_

#include <optional>
#include <string>
#include <vector>

#include "core/status.h"
#include "pipeline/apply.h"
#include "pipeline/session.h"

namespace redact {

struct ReviewTask {
  std::string input;
  std::optional<std::string> password;
  std::string out_dir;
  OutputNaming naming = OutputNaming::kPseudonym;
};

struct ReviewResult {
  std::string review_pdf;     // DIR/<stem>.review.pdf
  std::string findings_json;  // DIR/<stem>.findings.json
  std::string shown;          // the input's name in messages
  bool hide_path = false;     // the input's path names someone
  size_t findings = 0;
  std::vector<DocumentResult::PageToReview> pages_to_review;
};

// Errors: the input's; kInvalidArgument when an output would overwrite the
// input; kIo when an output cannot be written.
StatusOr<ReviewResult> ReviewDocument(const Session& session, OcrContext* ocr, const ReviewTask& task);

// How messages name an input whose output is `output_name`: the path as
// given, unless it (or the output's renaming) shows that it names someone —
// then "input renamed <output>" or "input <output>".
struct ShownInput {
  std::string shown;
  bool renamed = false;
  bool hide_path = false;
};
ShownInput ShowInput(const Session& session, const std::string& path, const std::string& output_name,
                     const std::string& input_name);

}  // namespace redact

#endif  // REDACT_PIPELINE_REVIEW_H_
