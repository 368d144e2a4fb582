// Output names: where each input's output goes, so that no file or folder
// name of the output holds what was removed from inside the file. Asylum
// files arrive named after the person ("Garcia-Lopez_Maria_A201234567_
// declaration.pdf", a folder per family); every component of each input's
// relative path goes through the same detectors as the text, and the
// components that hold a finding are rewritten with the finding's
// pseudonym ("Applicant-1_A-XXX-XXX-001_declaration.pdf").
//
// Naming is a choice (--output-names):
//   pseudonym  components with findings rewritten, others kept (default);
//   sequence   doc-000001.pdf, doc-000002.pdf … in input order, flat;
//   keep       the input's relative path, for inputs known to be clean.
// Deterministic: the same inputs, detector and pseudonymizer give the same
// names on every machine, run and shard. Two inputs that would share an
// output get "-2", "-3" … before the extension, in input order.
//
// The input paths and the findings' values are for the sealed mapping
// only: callers print and write the output names.
//
// Thread-safety: a pure function of its arguments.
#ifndef REDACT_PIPELINE_OUTPUT_NAMES_H_
#define REDACT_PIPELINE_OUTPUT_NAMES_H_

#include <string>
#include <string_view>
#include <vector>

#include "core/finding.h"
#include "core/status.h"
#include "stages/detect/detector.h"
#include "stages/write_pseudonym/pseudonyms.h"

namespace redact {

enum class OutputNaming { kPseudonym, kSequence, kKeep };

// "pseudonym" | "sequence" | "keep"; kInvalidArgument otherwise.
StatusOr<OutputNaming> ParseOutputNaming(std::string_view text);

struct NamedOutput {
  std::string input;    // relative input path: may hold identifiers
  std::string output;   // relative output path: safe to print
  // What the input path held (Finding::page is the 1-based component;
  // begin/end index that component). Values: for the sealed mapping only.
  std::vector<Finding> findings;
  // The output path, read again by the detector, still names someone:
  // the document must fail (OutputNameProblem) instead of appearing.
  bool still_identifies = false;
};

// The failure for a document whose output name still identifies someone
// (kUnsupported, naming the document as `shown`), or OK.
Status OutputNameProblem(const NamedOutput& named, const std::string& shown);

// Names the outputs of `inputs` (relative paths with '/' separators, in the
// order the job takes them). Findings are reported whatever the naming, so
// that callers can refuse "keep" for paths that hold identifiers if they
// wish.
std::vector<NamedOutput> NameOutputs(const std::vector<std::string>& inputs, OutputNaming naming,
                                     const Detector& detector, const Pseudonymizer& pseudonyms);

// Whether any component of `path` (as typed: folders included) holds a
// finding: then messages must not repeat the path.
bool PathHoldsIdentifier(const std::string& path, const Detector& detector);

// The text a path component is searched as: the extension of the last
// component dropped, and '_', '.' and '+' read as spaces, byte for byte (so
// offsets stay those of the component).
std::string PathComponentText(std::string_view component, bool is_file);

}  // namespace redact

#endif  // REDACT_PIPELINE_OUTPUT_NAMES_H_
