#include "pdf/qpdf_bridge.h"

#include "pdf/qpdf_calls.h"


#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdint>
#include <thread>
#include <cstring>
#include <exception>
#include <memory>
#include <sstream>
#include <vector>

namespace redact::pdf {
namespace {

// qpdf names the file it read in its messages; show `name` instead, so a
// staged path never reaches a message.
std::string Reword(std::string text, const std::string& path, const std::string& name) {
  if (!path.empty()) {
    for (size_t at = text.find(path); at != std::string::npos; at = text.find(path, at + name.size())) {
      text.replace(at, path.size(), name);
    }
  }
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
  // "WARNING: <file> (offset 735): error decoding …" → "error decoding …".
  const size_t at = text.find("): ");
  if (at != std::string::npos && text.rfind(name, at) != std::string::npos) text.erase(0, at + 3);
  return text;
}

// The first line of qpdf's --check output that reports a problem.
std::string FirstProblem(const std::string& out, const std::string& err) {
  // A specific line first ("ERROR: …", "WARNING: …", "page 2: …"), then
  // qpdf's summary ("errors detected").
  for (int pass = 0; pass < 2; ++pass) {
    for (const std::string* text : {&err, &out}) {
      std::istringstream lines(*text);
      for (std::string line; std::getline(lines, line);) {
        const bool specific = line.starts_with("ERROR:") || line.starts_with("WARNING:") || line.starts_with("page ");
        const bool summary = line.find("error") != std::string::npos || line.find("damaged") != std::string::npos;
        if (pass == 0 ? specific : summary) return line;
      }
    }
  }
  return "qpdf reported a problem";
}

// A stream qpdf cannot decode came from the input unchanged (redact writes
// only streams it encoded): the input's fault, and content no one has read.
Status Problem(const std::string& name, const std::string& what, const std::string& frame) {
  if (what.find("error decoding stream data") != std::string::npos) {
    return Status(StatusCode::kDamagedPdf, name + ": a stream in the input cannot be decoded (" + what +
                                               "); content that cannot be read is not passed through");
  }
  return Status(StatusCode::kInternal, name + ": " + frame + " (" + what + ")");
}

// Why qpdf could not repair `name`: its message on one line, without the
// name it starts with.
Status CannotRepair(const std::string& what, const std::string& label, const std::string& name) {
  std::string text = Reword(what, label, name);
  if (text.starts_with(name + ": ")) text.erase(0, name.size() + 2);
  std::replace(text.begin(), text.end(), '\n', ' ');
  return Status(StatusCode::kDamagedPdf, name + ": qpdf cannot repair it either (" + text + ")");
}

// The repair itself, password by password: the empty user password first,
// as PoDoFo's loading does; then the one given.
StatusOr<QpdfRepair> RepairAttempts(std::string_view bytes, const std::string& name,
                                    const std::optional<std::string>& password) {
  const std::string label = "input " + name;
  std::vector<const char*> tries{nullptr};
  if (password) tries.push_back(password->c_str());
  for (size_t k = 0; k < tries.size(); ++k) {
    qpdf_calls::Outcome o = qpdf_calls::Repair(bytes.data(), bytes.size(), label, tries[k]);
    if (o.ok) return QpdfRepair{std::move(o.bytes), o.warnings, o.pages};
    if (o.wrong_password) {
      if (k + 1 < tries.size()) continue;
      return Error(StatusCode::kPassword, password ? name + ": wrong password"
                                                   : name + ": encrypted; the document needs a password (--password)");
    }
    return Error(CannotRepair(o.error, label, name));
  }
  return Error(StatusCode::kInternal, name + ": no repair was tried");
}

// A child's answer on the pipe: the StatusCode, the counts, then the
// message (an error) or the repaired bytes.
struct AnswerHeader {
  int32_t code = 0;
  uint64_t warnings = 0, pages = 0, widgets = 0;
};

void WriteAll(int fd, const char* data, size_t size) {
  while (size > 0) {
    const ssize_t n = write(fd, data, size);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return;
    data += n, size -= static_cast<size_t>(n);
  }
}

// Reads `fd` to its end, or until `seconds` have passed (false then).
bool ReadAllWithin(int fd, int seconds, std::string* out) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
  char chunk[1 << 16];
  while (true) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) return false;
    pollfd p{fd, POLLIN, 0};
    const int ready = poll(&p, 1, static_cast<int>(left.count()));
    if (ready < 0 && errno == EINTR) continue;
    if (ready == 0) return false;
    if (ready < 0) return true;  // the caller finds the answer short
    const ssize_t n = read(fd, chunk, sizeof chunk);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return true;
    out->append(chunk, static_cast<size_t>(n));
  }
}

// Runs `work` in a child process given `seconds`, whose crash or hang
// fails only `work`: its answer (the QpdfRepair, or the error) comes back
// on a pipe. `what` names the work in the errors ("qpdf cannot repair it
// either (its recovery took longer than N s)").
template <typename Work>
StatusOr<QpdfRepair> InChild(int seconds, const std::string& name, const std::string& what, Work work) {
  int fds[2];
  if (pipe(fds) != 0) return work();
  const pid_t pid = fork();
  if (pid < 0) {
    close(fds[0]), close(fds[1]);
    return work();
  }
  if (pid == 0) {
    close(fds[0]);
    const StatusOr<QpdfRepair> r = work();
    AnswerHeader h;
    h.code = static_cast<int32_t>(r ? StatusCode::kOk : r.error().code());
    if (r) h.warnings = r->warnings, h.pages = r->pages, h.widgets = r->widgets;
    WriteAll(fds[1], reinterpret_cast<const char*>(&h), sizeof h);
    const std::string& payload = r ? r->bytes : r.error().message();
    WriteAll(fds[1], payload.data(), payload.size());
    _exit(0);  // no atexit handlers, no flushing of the parent's buffers
  }
  close(fds[1]);
  std::string answer;
  const bool in_time = ReadAllWithin(fds[0], seconds, &answer);
  close(fds[0]);
  if (!in_time) kill(pid, SIGKILL);
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (!in_time) {
    return Error(StatusCode::kDamagedPdf, name + ": " + what + " (it took longer than " + std::to_string(seconds) + " s)");
  }
  AnswerHeader h;
  if (answer.size() < sizeof h || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    return Error(StatusCode::kDamagedPdf, name + ": " + what + " (qpdf stopped)");
  }
  std::memcpy(&h, answer.data(), sizeof h);
  answer.erase(0, sizeof h);
  if (h.code != 0) return Error(static_cast<StatusCode>(h.code), answer);
  return QpdfRepair{std::move(answer), h.warnings, h.pages, h.widgets};
}

// 5 s plus 1 s a MiB, at most 120 s.
int SecondsFor(std::string_view bytes) { return static_cast<int>(std::min<size_t>(120, 5 + (bytes.size() >> 20))); }

}  // namespace

StatusOr<QpdfRepair> RepairWithQpdf(std::string_view bytes, const std::string& name,
                                    const std::optional<std::string>& password) {
  // qpdf's recovery takes minutes over some fuzzed files and has no time
  // limit of its own: it runs in a child process, whose crash fails the
  // repair only.
  return InChild(SecondsFor(bytes), name, "qpdf cannot repair it either",
                 [&] { return RepairAttempts(bytes, name, password); });
}

StatusOr<QpdfRepair> FlattenFormsWithQpdf(std::string_view bytes, const std::string& name,
                                          const std::optional<std::string>& password) {
  const std::string label = "input " + name;
  return InChild(SecondsFor(bytes), name, "its form fields cannot be drawn into its pages", [&]() -> StatusOr<QpdfRepair> {
    qpdf_calls::Outcome o = qpdf_calls::FlattenForms(bytes.data(), bytes.size(), label, password ? password->c_str() : nullptr);
    if (!o.ok) {
      std::string why = Reword(o.error, label, name);
      if (why.starts_with(name + ": ")) why.erase(0, name.size() + 2);
      std::replace(why.begin(), why.end(), '\n', ' ');
      return Error(StatusCode::kDamagedPdf, name + ": its form fields cannot be drawn into its pages (" + why + ")");
    }
    return QpdfRepair{std::move(o.bytes), o.warnings, o.pages, o.widgets};
  });
}

StatusOr<std::string> RenumberObjects(std::string_view bytes, const std::string& name) {
  const std::string label = "output of " + name;
  qpdf_calls::Outcome o = qpdf_calls::Renumber(bytes.data(), bytes.size(), label);
  const std::string frame = "the written file is not consistent; nothing was written";
  if (!o.ok) return Error(Problem(name, Reword(o.error, label, name), frame));
  if (o.warnings > 0) return Error(Problem(name, Reword(o.first_warning, label, name), frame));
  return std::move(o.bytes);
}

Status CheckStructure(const std::string& path, const std::string& name) {
  // Two readers share the pages' content where there are two cores: the
  // check is on the way to every output, and its cost is mostly parsing.
  const size_t readers = std::thread::hardware_concurrency() >= 2 ? 2 : 1;
  const qpdf_calls::Check c = qpdf_calls::RunCheck(path, readers);
  if (c.exit_code == 0) return Status::Ok();
  return Problem(name, Reword(FirstProblem(c.out, c.err), path, name),
                 "the file fails the structural check `qpdf --check` makes");
}

}  // namespace redact::pdf
