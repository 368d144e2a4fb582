// `redact run INPUT... --out DIR [apply options]`: a bulk job
// (pipeline/jobs/job.h): every document applied by its own worker process
// under limits, N at a time, resumable, shardable. This file parses the
// options, opens the Session, shows progress, and maps the outcome to an
// exit code.
#ifndef REDACT_TOOLS_REDACT_RUN_COMMAND_H_
#define REDACT_TOOLS_REDACT_RUN_COMMAND_H_

#include <iosfwd>
#include <string>
#include <vector>

#include "pipeline/session.h"
#include "tools/redact/common.h"

namespace CLI {
class App;
}

namespace redact::cli {

enum class ProgressStyle { kAuto, kBar, kJson, kNone };

struct RunOptions {
  std::vector<std::string> inputs;  // files, folders, manifests
  std::string out;
  SessionOptions session;           // --jobs: documents at once
  ApplyFlags apply;
  ProgressStyle progress = ProgressStyle::kAuto;
  double memory_gib = 8;            // per worker (RLIMIT_AS)
  double timeout_seconds = 900;     // per document (wall time)
  std::string shard;                // "I/N" (0-based I), "auto", or "" for all
  std::optional<std::string> findings_dir;  // --findings: reviewed findings files
  std::optional<std::string> reviewed_dir;  // --reviewed: review copies marked up in a viewer
  bool restart = false;             // start over under new rules (pipeline/jobs/job_rules.h)
};

void AddRunCommand(CLI::App* app, RunOptions* options);
int RunJob(const RunOptions& options, std::ostream& out, std::ostream& err);

}  // namespace redact::cli

#endif  // REDACT_TOOLS_REDACT_RUN_COMMAND_H_
