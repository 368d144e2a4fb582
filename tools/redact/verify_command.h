// `redact verify OUT.pdf... [--names CSV] [--policy FILE] [--original IN.pdf]
//  [--password P]`: re-extracts every channel of each output and runs
// detection again; with --original (one output), also checks that no value
// found in the original survives. Exit 0 clean, 7 on a leak; each leak is
// one line naming the channel and page or object, never the value.
// `--format json` prints one JSON object instead:
//   {"documents": [VerifyJson(...) or {"file", "status": "error", "error"}],
//    "leaks": N, "failed": M}
// (errors still go to stderr as one line each as well).
#ifndef REDACT_TOOLS_REDACT_VERIFY_COMMAND_H_
#define REDACT_TOOLS_REDACT_VERIFY_COMMAND_H_

#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "pipeline/verify.h"
#include "pipeline/session.h"

namespace CLI {
class App;
}

namespace redact::cli {

enum class VerifyFormat { kText, kJson };

struct VerifyOptions {
  std::vector<std::string> files;
  VerifyFormat format = VerifyFormat::kText;
  std::optional<std::string> original;
  std::optional<std::string> password;  // for the original
  VerifyLevel level = VerifyLevel::kStandard;  // --level
  SessionOptions session;
};

void AddVerifyCommand(CLI::App* app, VerifyOptions* options);
int RunVerify(const VerifyOptions& options, std::ostream& out, std::ostream& err);

}  // namespace redact::cli

#endif  // REDACT_TOOLS_REDACT_VERIFY_COMMAND_H_
