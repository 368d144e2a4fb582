// `redact run`: a bulk job. Every input document is redacted by its own
// worker process (`redact apply`, under memory, CPU and wall-time limits),
// N at a time; the output tree mirrors the input tree; a journal lets a
// stopped job resume; a summary lists every document.
#ifndef REDACT_TOOLS_REDACT_RUN_COMMAND_H_
#define REDACT_TOOLS_REDACT_RUN_COMMAND_H_

#include <iosfwd>
#include <string>
#include <vector>

#include "tools/redact/apply_command.h"

namespace CLI {
class App;
}

namespace redact::cli {

struct RunOptions {
  std::vector<std::string> inputs;  // files, folders, manifests
  std::string out;
  ApplyOptions apply;               // how to redact; detection.jobs: documents at once
  bool verify = false;              // verify every output; a leak fails the document
  std::string progress = "auto";    // auto | bar | json | none
  double memory_gib = 8;            // per worker (RLIMIT_AS)
  double timeout_seconds = 900;     // per document (wall time)
  std::string shard;                // "I/N" (0-based I), "auto", or "" for all
};

void AddRunCommand(CLI::App* app, RunOptions* options);
int RunJob(const RunOptions& options, std::ostream& out, std::ostream& err);

}  // namespace redact::cli

#endif  // REDACT_TOOLS_REDACT_RUN_COMMAND_H_
