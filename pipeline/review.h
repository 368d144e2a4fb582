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
  std::string input_repaired;  // as DocumentResult::input_repaired
};

// The findings file records the input's SHA-256 (apply refuses it for any
// other file). Errors: the input's; kInvalidArgument when an output would
// overwrite the input; kIo when an output cannot be written.
StatusOr<ReviewResult> ReviewDocument(const Session& session, OcrContext* ocr, const ReviewTask& task);

// Where review writes the findings file of an input whose output is
// `output` (a path relative to an output folder, as NameOutputs gives it):
// `dir`/<output's folders>/<output's stem>.findings.json.
std::string FindingsPathFor(const std::string& dir, const std::string& output);
// Where review writes the review copy of that input, beside its findings
// file: `dir`/<output's folders>/<output's stem>.review.pdf.
std::string ReviewPdfPathFor(const std::string& dir, const std::string& output);

// Reads a findings file a reviewer may have edited, and checks all it can
// without the document (ParseFindingsText, ValidateFindings: JSON errors by
// line and column, each entry's fields by index and id). Errors:
// kNotFound when it cannot be read; kInvalidArgument naming the file and
// the place.
StatusOr<ReviewedFindings> ReadReviewedFindings(const std::string& path);

// Refuses `reviewed` for any input but the one it was made from: its
// "sha256" must be the SHA-256 of `input`'s bytes. A findings file without
// one (made by hand, or by an older redact) is refused too, saying how
// to make one: run review again, or add the input's sha256sum by hand.
// Errors (kInvalidArgument) name both files by their roles — the findings
// file by its path, the input as `shown` — never a hash or a value; kIo
// when the input cannot be read.
Status CheckFindingsMadeFor(const ReviewedFindings& reviewed, const std::string& input, const std::string& shown);

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
