// One document, one process: work runs in a child process with limits on
// its address space, CPU time and wall time, in its own process group, and
// is killed if this process dies; so a parser crash, a hang or a
// decompression bomb fails that document and nothing else.
//
// Worker::Start forks and runs a function in the child: no exec, so what
// the parent has loaded (rules, names) the child shares; a body may also
// exec a command. A single-threaded scheduler polls many workers.
//
// Thread-safety: Worker::Start forks; unless its body only execs, call it
// while this process has one thread. A Worker is used by one thread.
#ifndef REDACT_PIPELINE_JOBS_WORKER_H_
#define REDACT_PIPELINE_JOBS_WORKER_H_

#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/status.h"

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
  bool cancelled = false;  // killed by us on request
  std::string out;         // its stdout (whole, up to 256 MiB): the result line
  std::string err;         // its stderr (the last 64 KiB)
  double seconds = 0;

  bool ok() const { return exit_code == 0 && signal == 0 && !timed_out && !cancelled; }
  // "exit 4", "killed by signal 11 (Segmentation fault)", "out of time", …
  std::string Describe() const;
};

class Worker {
 public:
  // Forks a child that runs `body` under `limits` with stdout and stderr on
  // pipes, and exits with what it returns. Errors when it cannot fork.
  static StatusOr<std::unique_ptr<Worker>> Start(const std::function<int()>& body, const WorkerLimits& limits);
  ~Worker();

  // The pipes to poll for input (-1 once closed).
  int out_fd() const { return fds_[0]; }
  int err_fd() const { return fds_[1]; }
  // Reads what is ready, kills the child past its wall limit or when
  // `cancel`; true once it has ended (outcome() is then complete).
  bool Step(bool cancel);
  const WorkerOutcome& outcome() const { return outcome_; }

 private:
  Worker() = default;
  // Reads what its pipes hold; with `to_the_end`, until they close.
  void Drain(bool to_the_end);
  int pid_ = -1;
  int fds_[2] = {-1, -1};
  bool exited_ = false;
  WorkerLimits limits_;
  std::chrono::steady_clock::time_point start_;
  WorkerOutcome outcome_;
};

}  // namespace redact::jobs

#endif  // REDACT_PIPELINE_JOBS_WORKER_H_
