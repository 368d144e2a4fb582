// `redact apply FILE.pdf... --out DIR [options]`: writes DIR/<name>.pdf
// (identifiers removed, or replaced by pseudonyms with --mode pseudonymize)
// and DIR/<name>.report.json per input, and DIR/mapping.age (sealed) when
// given recipients. Parses options, opens the Session, calls
// ApplyDocument per input (pipeline/apply.h), prints, and returns the exit
// code; one bad document does not stop the others.
#ifndef REDACT_TOOLS_REDACT_APPLY_COMMAND_H_
#define REDACT_TOOLS_REDACT_APPLY_COMMAND_H_

#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "pipeline/session.h"
#include "tools/redact/verbosity.h"
#include "tools/redact/common.h"

namespace CLI {
class App;
}

namespace redact::cli {

struct ApplyOptions {
  Verbosity verbosity = Verbosity::kNormal;  // -v: per-page progress (set by main)
  std::vector<std::string> files;
  std::string out;
  SessionOptions session;
  ApplyFlags apply;
  std::optional<std::string> findings;     // a reviewed findings file
  std::optional<std::string> reviewed;     // a review PDF marked up in a viewer
  std::optional<std::string> mapping_out;  // default OUT/mapping.age
  // With `--out -` (the PDF to standard output): where the report goes
  // (otherwise it is not kept, and stderr says so).
  std::optional<std::string> report_out;
};

void AddApplyCommand(CLI::App* app, ApplyOptions* options);
// "-" as the only input reads the PDF from standard input; `--out -`
// (one input) writes the checked output PDF to standard output, once it is
// verified, and the status lines to stderr. Both stage through a private
// temporary folder (0700) that is removed before returning; with `--out -`
// a sealed mapping needs --mapping-out (it would be lost otherwise).
int RunApply(const ApplyOptions& options, std::ostream& out, std::ostream& err);

}  // namespace redact::cli

#endif  // REDACT_TOOLS_REDACT_APPLY_COMMAND_H_
