#include "pipeline/jobs/journal.h"

#include <fcntl.h>
#include <unistd.h>

#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>

namespace redact::jobs {

StatusOr<std::unique_ptr<Journal>> Journal::Open(const std::string& path) {
  std::unique_ptr<Journal> j(new Journal());
  j->path_ = path;
  {
    std::ifstream in(path);
    std::string line;
    while (std::getline(in, line)) {
      const nlohmann::json entry = nlohmann::json::parse(line, nullptr, false);
      if (entry.is_discarded() || !entry.is_object()) continue;  // a torn last line
      if (entry.value("status", "") == "done" && entry.contains("input") && entry.contains("sha256")) {
        j->done_[entry["input"].get<std::string>()] = entry["sha256"].get<std::string>();
      }
    }
  }
  j->fd_ = open(path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
  if (j->fd_ < 0) return Error(StatusCode::kIo, path + ": cannot open the job journal");
  return j;
}

bool Journal::Done(const std::string& relative, const std::string& sha256) const {
  std::lock_guard lock(mutex_);
  auto it = done_.find(relative);
  return it != done_.end() && it->second == sha256;
}

Status Journal::RecordDone(const std::string& relative, const std::string& sha256) {
  const std::string line =
      nlohmann::json{{"input", relative}, {"sha256", sha256}, {"status", "done"}}.dump(-1, ' ', false,
                                                                                        nlohmann::json::error_handler_t::replace) +
      "\n";
  std::lock_guard lock(mutex_);
  // One write of one line: a kill leaves it whole or torn, never mixed.
  if (write(fd_, line.data(), line.size()) != static_cast<ssize_t>(line.size()) || fdatasync(fd_) != 0) {
    return Status(StatusCode::kWriteFailed, path_ + ": cannot write the job journal");
  }
  done_[relative] = sha256;
  return Status::Ok();
}

Journal::~Journal() {
  if (fd_ >= 0) close(fd_);
}

}  // namespace redact::jobs
