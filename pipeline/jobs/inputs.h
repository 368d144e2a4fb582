// What a bulk job reads: PDF files, folders of them (recursive), and
// manifests (one path per line), each with the relative path its output
// takes under the job's output folder, so the output tree mirrors the
// input tree.
//
// Thread-safety: pure functions over the file system.
#ifndef REDACT_PIPELINE_JOBS_INPUTS_H_
#define REDACT_PIPELINE_JOBS_INPUTS_H_

#include <string>
#include <vector>

#include "core/status.h"

namespace redact::jobs {

struct JobInput {
  std::string path;      // as found (absolute or relative to the cwd)
  std::string relative;  // its place in the input ("a/b.pdf")
  // Set by the caller that names outputs (pipeline/output_names): where the
  // output goes, and whether `relative` holds an identifier (then it is
  // never printed or written outside the sealed mapping).
  std::string output;
  bool path_holds_identifier = false;
  // The output path still names someone: the document fails.
  bool output_identifies = false;
};

// Each argument is a PDF file (relative path: its file name), a folder
// (every *.pdf below it, any case, hidden entries and symbolic links
// skipped; relative to the folder), or a manifest: any other file, one
// path per line, blank lines and '#' comments ignored, relative paths
// taken from the manifest's folder (relative path: as written if
// relative and without "..", else the file name). The result is sorted by
// relative path and has no duplicates. Errors (kNotFound, kInvalidArgument)
// name the argument or manifest line: a missing input, or two inputs that
// would write the same output.
StatusOr<std::vector<JobInput>> CollectInputs(const std::vector<std::string>& arguments);

}  // namespace redact::jobs

#endif  // REDACT_PIPELINE_JOBS_INPUTS_H_
