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
  std::optional<std::string> mapping_out;  // default OUT/mapping.age
};

void AddApplyCommand(CLI::App* app, ApplyOptions* options);
int RunApply(const ApplyOptions& options, std::ostream& out, std::ostream& err);

}  // namespace redact::cli

#endif  // REDACT_TOOLS_REDACT_APPLY_COMMAND_H_
