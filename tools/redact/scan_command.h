// `redact scan FILE.pdf... [--names CSV] [--policy FILE] [--patterns DIR]
//  [--format text|json] [--password P]`: prints findings for review on
// stdout (this is the one output that shows plaintext identifiers: it is
// for the reviewer's screen, never written to disk by redact) and a count
// per category.
#ifndef REDACT_TOOLS_REDACT_SCAN_COMMAND_H_
#define REDACT_TOOLS_REDACT_SCAN_COMMAND_H_

#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "pipeline/session.h"
#include "tools/redact/verbosity.h"

namespace CLI {
class App;
}

namespace redact::cli {

enum class ScanFormat { kText, kJson };

struct ScanOptions {
  Verbosity verbosity = Verbosity::kNormal;  // -v: per-page progress (set by main)
  std::vector<std::string> files;
  ScanFormat format = ScanFormat::kText;
  std::optional<std::string> password;
  SessionOptions session;
};

void AddScanCommand(CLI::App* app, ScanOptions* options);
int RunScan(const ScanOptions& options, std::ostream& out, std::ostream& err);

}  // namespace redact::cli

#endif  // REDACT_TOOLS_REDACT_SCAN_COMMAND_H_
