#include "pipeline/jobs/worker.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cerrno>
#include <cstring>

namespace redact::jobs {

namespace {

constexpr size_t kKeep = 64 * 1024;

void Keep(std::string* buffer, const char* data, size_t n) {
  buffer->append(data, n);
  if (buffer->size() > 2 * kKeep) buffer->erase(0, buffer->size() - kKeep);
}

}  // namespace

std::string WorkerOutcome::Describe() const {
  if (cancelled) return "stopped";
  if (timed_out) return "out of time";
  if (signal != 0) {
    const char* name = sigdescr_np(signal);
    return std::string("killed by signal ") + std::to_string(signal) + (name ? std::string(" (") + name + ")" : "");
  }
  return "exit " + std::to_string(exit_code);
}

StatusOr<WorkerOutcome> RunIsolated(const std::vector<std::string>& argv, const WorkerLimits& limits,
                                    const std::atomic<bool>* cancel) {
  if (argv.empty()) return Error(StatusCode::kInvalidArgument, "no command to run");
  int out_pipe[2], err_pipe[2];
  if (pipe2(out_pipe, O_CLOEXEC) != 0) return Error(StatusCode::kInternal, "pipe failed");
  if (pipe2(err_pipe, O_CLOEXEC) != 0) {
    close(out_pipe[0]), close(out_pipe[1]);
    return Error(StatusCode::kInternal, "pipe failed");
  }
  std::vector<char*> args;
  for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  const auto start = std::chrono::steady_clock::now();
  const pid_t parent = getpid();
  const pid_t pid = fork();
  if (pid < 0) {
    close(out_pipe[0]), close(out_pipe[1]), close(err_pipe[0]), close(err_pipe[1]);
    return Error(StatusCode::kResource, std::string("cannot start a worker: ") + std::strerror(errno));
  }
  if (pid == 0) {
    // Child: only async-signal-safe calls until exec.
    setpgid(0, 0);
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (getppid() != parent) _exit(127);  // the job died before we got here
    dup2(out_pipe[1], STDOUT_FILENO);
    dup2(err_pipe[1], STDERR_FILENO);
    const rlimit as{limits.address_space_bytes, limits.address_space_bytes};
    const rlimit cpu{limits.cpu_seconds, limits.cpu_seconds + 5};
    const rlimit core{0, 0};
    setrlimit(RLIMIT_AS, &as);
    setrlimit(RLIMIT_CPU, &cpu);
    setrlimit(RLIMIT_CORE, &core);
    execv(args[0], args.data());
    _exit(127);
  }
  close(out_pipe[1]);
  close(err_pipe[1]);
  WorkerOutcome outcome;
  pollfd fds[2] = {{out_pipe[0], POLLIN, 0}, {err_pipe[0], POLLIN, 0}};
  int open_fds = 2;
  char buf[8192];
  while (open_fds > 0) {
    const double elapsed =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (cancel && cancel->load()) {
      outcome.cancelled = true;
      kill(-pid, SIGKILL);
      kill(pid, SIGKILL);
      break;
    }
    if (elapsed > limits.wall_seconds) {
      outcome.timed_out = true;
      kill(-pid, SIGKILL);
      kill(pid, SIGKILL);
      break;
    }
    const int wait_ms = static_cast<int>(std::min(1000.0, (limits.wall_seconds - elapsed) * 1000) + 1);
    const int ready = poll(fds, 2, wait_ms);
    if (ready < 0 && errno != EINTR) break;
    for (int i = 0; i < 2; ++i) {
      if (fds[i].fd < 0 || !(fds[i].revents & (POLLIN | POLLHUP | POLLERR))) continue;
      const ssize_t n = read(fds[i].fd, buf, sizeof buf);
      if (n > 0) {
        Keep(i == 0 ? &outcome.out : &outcome.err, buf, static_cast<size_t>(n));
      } else if (n == 0 || errno != EINTR) {
        close(fds[i].fd);
        fds[i].fd = -1;
        --open_fds;
      }
    }
  }
  for (pollfd& f : fds) {
    if (f.fd >= 0) close(f.fd);
  }
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  // Whatever the worker started (it should start nothing) goes with it.
  kill(-pid, SIGKILL);
  outcome.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (WIFEXITED(status)) outcome.exit_code = WEXITSTATUS(status);
  if (WIFSIGNALED(status)) outcome.signal = WTERMSIG(status);
  return outcome;
}

}  // namespace redact::jobs
