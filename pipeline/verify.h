// Verification: proves, as far as redact can look, that nothing
// protected survives in an output. Channels: page text (invisible text
// included) re-detected; every string in every object (metadata,
// annotations, form values, outlines, names) re-detected; the number of
// revisions (%%EOF markers, /Prev). With an original, every value found
// in it is also searched for in the output's text, strings and decoded
// non-image streams — literally, normalized, as hex, and (for numbers)
// digits only in text and strings.
//
// Leaks name the channel and page or object, never the value.
//
// Thread-safety: uses its own Documents; the Detector is shared read-only.
#ifndef REDACT_PIPELINE_VERIFY_H_
#define REDACT_PIPELINE_VERIFY_H_

#include <optional>
#include <string>
#include <vector>

#include "pdf/document.h"
#include "pipeline/analyze.h"
#include "core/status.h"
#include "stages/detect/detector.h"

namespace redact {

struct Leak {
  std::string channel;   // "text", "string", "stream", "revisions"
  std::string where;     // "page 3", "object 12 0 R"
  std::string category;  // of the finding or value
};

struct VerifyResult {
  std::vector<Leak> leaks;
  // Weak evidence, for a person to look at: a name found only by a cue, or
  // a cell typed only by its table column, in text OCR read off the output.
  // Around redaction boxes OCR makes words out of noise ("Yo, [box]
  // Núxero"), so these are not counted as leaks;
  // listed names, identifiers and every original value still are.
  std::vector<Leak> to_review;
  int pages = 0;
  int objects_checked = 0;
  int streams_checked = 0;
  int values_searched = 0;
  // VerifyOutput only: what `qpdf --check` finds wrong with the file
  // (pdf/qpdf_bridge.h); empty when the structure is sound.
  std::string structure_problem;
};

// Errors only when a file cannot be read; leaks and a structural problem
// are data in the result.
// Scans of the output and the original are OCR'd under `ocr_mode` (none
// under kNever: then a scan is not read at all).
StatusOr<VerifyResult> VerifyOutput(const std::string& output_path,
                                    const std::optional<std::string>& original_path,
                                    const pdf::OpenOptions& original_options,
                                    const Detector& detector, OcrMode ocr_mode = OcrMode::kAuto);

// Apply's own check of an output it just wrote, before the output appears:
// every value apply removed — the page findings of `original` (with their
// text there) and its side findings — is searched for in the output's
// text, strings and streams, and the output is read again with detection.
// What detection found in the input (`detected`) but apply was told to
// keep (a reviewer rejected it) is not a leak. Scans are OCR'd under
// `ocr_mode` (none under kNever). Errors only when the output cannot be read.
StatusOr<VerifyResult> VerifyRemoval(const std::string& output_path, const AnalyzedDocument& original,
                                     const std::vector<Finding>& detected, OcrMode ocr_mode,
                                     const Detector& detector);

}  // namespace redact

#endif  // REDACT_PIPELINE_VERIFY_H_
