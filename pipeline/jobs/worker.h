// One document, one process: runs a command in a child process with limits
// on its address space, CPU time and wall time, so a parser crash, a hang
// or a decompression bomb fails that document and nothing else.
//
// Thread-safety: RunIsolated may be called from several threads at once
// (each call forks its own child); the returned record owns no resources.
#ifndef REDACT_PIPELINE_JOBS_WORKER_H_
#define REDACT_PIPELINE_JOBS_WORKER_H_

#include <atomic>
#include <string>
#include <vector>

#include "pipeline/status.h"

namespace redact::jobs {

struct WorkerLimits {
  unsigned long long address_space_bytes = 8ull << 30;  // RLIMIT_AS
  unsigned long cpu_seconds = 600;                      // RLIMIT_CPU
  double wall_seconds = 900;                            // killed after
};

struct WorkerOutcome {
  int exit_code = -1;      // when it exited
  int signal = 0;          // when a signal ended it (SIGSEGV, SIGKILL…)
  bool timed_out = false;  // killed by us after wall_seconds
  bool cancelled = false;  // killed by us when `cancel` was set
  std::string out;         // its stdout and stderr (the last 64 KiB each)
  std::string err;
  double seconds = 0;

  bool ok() const { return exit_code == 0 && signal == 0 && !timed_out && !cancelled; }
  // "exit 4", "killed by SIGSEGV", "out of time after 900 s", …
  std::string Describe() const;
};

// Runs argv[0] (a path) with argv, in the current environment, under
// `limits`, in its own process group; it is killed if this process dies
// (no orphan finishes a document after its job was killed) or, within a
// second, once `*cancel` becomes true. Errors only when the child cannot
// be started.
StatusOr<WorkerOutcome> RunIsolated(const std::vector<std::string>& argv, const WorkerLimits& limits,
                                    const std::atomic<bool>* cancel = nullptr);

}  // namespace redact::jobs

#endif  // REDACT_PIPELINE_JOBS_WORKER_H_
