#include "tests/testing/subprocess.h"

#include <fstream>
#include <iterator>

#include <fcntl.h>
#include <poll.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <map>
#include <mutex>

#include <gtest/gtest.h>

#include "tests/testing/require_tool.h"

namespace redact::testing {
namespace {

CommandResult Run(const std::vector<std::string>& argv);

// Every PDF redact writes under a test's --out folder is judged by
// `qpdf --check` right after the command that wrote it (issue 17: "the
// suite runs every output it writes through qpdf --check"). Files are
// checked once per (path, size, time); inputs the test later damages on
// purpose are damaged after this check.
void CheckOutputsWithQpdf(const std::vector<std::string>& argv) {
  if (argv.empty() || !argv[0].ends_with("/redact")) return;
  std::vector<std::filesystem::path> dirs;
  for (size_t i = 1; i + 1 < argv.size(); ++i) {
    if (argv[i] == "--out") dirs.emplace_back(argv[i + 1]);
  }
  if (dirs.empty() || !RequireProgram("qpdf")) return;
  static std::mutex mutex;
  static std::map<std::string, std::filesystem::file_time_type> checked;
  std::error_code ec;
  for (const std::filesystem::path& dir : dirs) {
    for (std::filesystem::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
      const std::filesystem::path& p = it->path();
      if (!it->is_regular_file() || p.extension() != ".pdf") continue;
      const auto when = std::filesystem::last_write_time(p, ec);
      {
        std::lock_guard<std::mutex> lock(mutex);
        auto [at, fresh] = checked.try_emplace(p.string(), when);
        if (!fresh && at->second == when) continue;
        at->second = when;
      }
      const CommandResult q = Run({"qpdf", "--check", p.string()});
      EXPECT_EQ(q.exit_code, 0) << "qpdf --check fails on an output redact wrote: " << p << "\n" << q.out << q.err;
    }
  }
}

}  // namespace

CommandResult RunCommand(const std::vector<std::string>& argv) {
  CommandResult r = Run(argv);
  CheckOutputsWithQpdf(argv);
  return r;
}

namespace {

CommandResult Run(const std::vector<std::string>& argv) {
  CommandResult r;
  int out_pipe[2], err_pipe[2];
  if (pipe(out_pipe) != 0 || pipe(err_pipe) != 0) return r;
  pid_t pid = fork();
  if (pid == 0) {
    dup2(out_pipe[1], 1);
    dup2(err_pipe[1], 2);
    close(out_pipe[0]);
    close(err_pipe[0]);
    std::vector<char*> args;
    for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    execvp(args[0], args.data());
    _exit(127);
  }
  close(out_pipe[1]);
  close(err_pipe[1]);
  pollfd fds[2] = {{out_pipe[0], POLLIN, 0}, {err_pipe[0], POLLIN, 0}};
  std::string* sinks[2] = {&r.out, &r.err};
  int open_fds = 2;
  char buf[65536];
  while (open_fds > 0) {
    if (poll(fds, 2, -1) < 0) break;
    for (int i = 0; i < 2; ++i) {
      if (fds[i].fd < 0 || !(fds[i].revents & (POLLIN | POLLHUP))) continue;
      ssize_t n = read(fds[i].fd, buf, sizeof buf);
      if (n > 0) {
        sinks[i]->append(buf, static_cast<size_t>(n));
      } else {
        close(fds[i].fd);
        fds[i].fd = -1;
        --open_fds;
      }
    }
  }
  int status = 0;
  waitpid(pid, &status, 0);
  if (WIFEXITED(status)) r.exit_code = WEXITSTATUS(status);
  if (WIFSIGNALED(status)) r.signal = WTERMSIG(status);
  return r;
}

}  // namespace

bool HaveProgram(const std::string& program) {
  return RunCommand({"sh", "-c", "command -v " + program}).exit_code == 0;
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), {});
}

}  // namespace redact::testing
