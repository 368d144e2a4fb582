#include "pipeline/jobs/worker.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace redact::jobs {

namespace {

// stderr is kept for its last lines; stdout carries the worker's result
// (one line that grows with the findings) and is kept whole up to a bound
// no real result reaches.
constexpr size_t kKeepErr = 64 * 1024;
constexpr size_t kKeepOut = 256ull << 20;

void Keep(std::string* buffer, const char* data, size_t n, size_t keep) {
  buffer->append(data, n);
  if (buffer->size() > 2 * keep) buffer->erase(0, buffer->size() - keep);
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

StatusOr<std::unique_ptr<Worker>> Worker::Start(const std::function<int()>& body, const WorkerLimits& limits) {
  int out_pipe[2], err_pipe[2];
  if (pipe2(out_pipe, O_CLOEXEC) != 0) return Error(StatusCode::kInternal, "pipe failed");
  if (pipe2(err_pipe, O_CLOEXEC) != 0) {
    close(out_pipe[0]), close(out_pipe[1]);
    return Error(StatusCode::kInternal, "pipe failed");
  }
  std::unique_ptr<Worker> w(new Worker());
  w->limits_ = limits;
  w->start_ = std::chrono::steady_clock::now();
  const pid_t parent = getpid();
  const pid_t pid = fork();
  if (pid < 0) {
    close(out_pipe[0]), close(out_pipe[1]), close(err_pipe[0]), close(err_pipe[1]);
    return Error(StatusCode::kResource, std::string("cannot start a worker: ") + std::strerror(errno));
  }
  if (pid == 0) {
    setpgid(0, 0);
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (getppid() != parent) _exit(127);  // the job died before we got here
    dup2(out_pipe[1], STDOUT_FILENO);
    dup2(err_pipe[1], STDERR_FILENO);
    const rlimit as{limits.address_space_bytes, limits.address_space_bytes};
    const rlimit cpu{limits.cpu_seconds, limits.cpu_seconds + 5};
    const rlimit core{0, 0};
#if !defined(__SANITIZE_ADDRESS__)
    // (AddressSanitizer maps terabytes of shadow memory: under it, the
    // address-space limit would stop every worker, so only the sanitizer
    // build goes without it.)
    setrlimit(RLIMIT_AS, &as);
#endif
    setrlimit(RLIMIT_CPU, &cpu);
    setrlimit(RLIMIT_CORE, &core);
    _exit(body());
  }
  close(out_pipe[1]);
  close(err_pipe[1]);
  fcntl(out_pipe[0], F_SETFL, O_NONBLOCK);
  fcntl(err_pipe[0], F_SETFL, O_NONBLOCK);
  w->pid_ = pid;
  w->fds_[0] = out_pipe[0];
  w->fds_[1] = err_pipe[0];
  return w;
}

void Worker::Drain(bool to_the_end) {
  char buf[8192];
  for (int i = 0; i < 2; ++i) {
    while (fds_[i] >= 0) {
      const ssize_t n = read(fds_[i], buf, sizeof buf);
      if (n > 0) {
        Keep(i == 0 ? &outcome_.out : &outcome_.err, buf, static_cast<size_t>(n), i == 0 ? kKeepOut : kKeepErr);
        continue;
      }
      if (n < 0 && (errno == EAGAIN || errno == EINTR) && !to_the_end) break;
      close(fds_[i]);  // end of output (or an error reading it)
      fds_[i] = -1;
    }
  }
}

bool Worker::Step(bool cancel) {
  if (exited_) return true;
  Drain(false);
  const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  if (!outcome_.timed_out && !outcome_.cancelled && (cancel || elapsed > limits_.wall_seconds)) {
    (cancel ? outcome_.cancelled : outcome_.timed_out) = true;
    kill(-pid_, SIGKILL);
    kill(pid_, SIGKILL);
  }
  int status = 0;
  const pid_t done = waitpid(pid_, &status, WNOHANG);
  if (done != pid_) return false;
  // Whatever the worker started (it should start nothing) goes with it.
  kill(-pid_, SIGKILL);
  Drain(true);
  exited_ = true;
  outcome_.seconds = elapsed;
  if (WIFEXITED(status)) outcome_.exit_code = WEXITSTATUS(status);
  if (WIFSIGNALED(status)) outcome_.signal = WTERMSIG(status);
  return true;
}

Worker::~Worker() {
  if (!exited_ && pid_ > 0) {
    kill(-pid_, SIGKILL);
    kill(pid_, SIGKILL);
    int status = 0;
    waitpid(pid_, &status, 0);
  }
  for (int fd : fds_) {
    if (fd >= 0) close(fd);
  }
}

}  // namespace redact::jobs
