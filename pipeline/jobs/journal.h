// A job's journal: one line per finished document, appended and synced as
// each finishes, so a stopped job (Ctrl-C, kill -9, a lost machine) resumes
// where it was. A document counts as done only with the same input bytes
// (SHA-256) and its output still there.
//
// Thread-safety: Record may be called from several threads.
#ifndef REDACT_PIPELINE_JOBS_JOURNAL_H_
#define REDACT_PIPELINE_JOBS_JOURNAL_H_

#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "core/status.h"

namespace redact::jobs {

class Journal {
 public:
  // Opens (creating) `path` and reads what it holds; a torn last line (a
  // kill mid-write) is ignored.
  static StatusOr<std::unique_ptr<Journal>> Open(const std::string& path);

  // Whether `relative` was finished from input bytes hashing to `sha256`.
  bool Done(const std::string& relative, const std::string& sha256) const;

  // Appends a finished document and syncs it to disk.
  Status RecordDone(const std::string& relative, const std::string& sha256);

  ~Journal();

 private:
  Journal() = default;
  int fd_ = -1;
  std::string path_;
  std::map<std::string, std::string> done_;  // relative → sha256
  mutable std::mutex mutex_;
};

}  // namespace redact::jobs

#endif  // REDACT_PIPELINE_JOBS_JOURNAL_H_
