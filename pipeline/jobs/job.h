// A bulk job: every input document is applied by its own worker process
// (forked from this one, so the Session loaded here is shared, not loaded
// again), under memory, CPU and wall-time limits, N at a time — detected,
// or from the reviewed findings files of a findings folder. The output
// tree under the job folder mirrors the inputs; a journal lets a stopped
// job resume (a document is done for its input's bytes and, with reviewed
// findings, its findings file's); per-document sealed mappings go under .redact-job/mappings;
// a summary lists every document.
//
// Workers talk in types: each runs ApplyDocument in-process (which checks
// its output before it appears), seals the document's mapping, publishes
// the output, and sends one WorkerLine (pipeline/report.h)
// on its stdout. A worker that crashes, hangs or runs out of memory fails
// its document with what happened, and the job goes on.
//
// Thread-safety: RunJob forks; call it while this process has one thread.
#ifndef REDACT_PIPELINE_JOBS_JOB_H_
#define REDACT_PIPELINE_JOBS_JOB_H_

#include <atomic>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/status.h"
#include "pipeline/apply.h"
#include "pipeline/jobs/worker.h"
#include "pipeline/report.h"
#include "pipeline/session.h"

namespace redact::jobs {

// Where a job keeps its own state (journal, mappings, a generated job key).
inline constexpr const char* kStateDir = ".redact-job";

// Shard I of N (0 <= I < N) of a job split across machines.
struct Shard {
  uint64_t index = 0;
  uint64_t count = 1;
};
// "I/N", or "auto": from JOB_COMPLETION_INDEX with REDACT_SHARD_COUNT or
// JOB_COMPLETIONS (Kubernetes Indexed Jobs), or SLURM_ARRAY_TASK_ID with
// SLURM_ARRAY_TASK_COUNT (counted from SLURM_ARRAY_TASK_MIN in steps of
// SLURM_ARRAY_TASK_STEP; an array given as a list is refused). Errors:
// kInvalidArgument saying what is missing or wrong.
StatusOr<Shard> ParseShard(const std::string& spec);

struct JobOptions {
  std::vector<std::string> inputs;  // files, folders, manifests
  std::string out;                  // the job folder
  ApplySettings settings;
  std::optional<std::string> password;
  OutputNaming naming = OutputNaming::kPseudonym;
  int workers = 0;                  // documents at once; 0: one per core
  WorkerLimits limits;
  std::optional<Shard> shard;
  // Reviewed findings instead of detection: each document applies the
  // findings file review wrote for it, FindingsPathFor(findings_dir, its
  // output) — the job's output tree mirrored. A document whose file is
  // missing, unreadable or made from another PDF fails, saying which.
  std::optional<std::string> findings_dir;
  // Or the review copies review wrote (ReviewPdfPathFor(reviewed_dir, its
  // output)), as marked up in a PDF viewer: read as `apply --reviewed`
  // reads one (ReadReviewedPdf). Never with findings_dir.
  std::optional<std::string> reviewed_dir;
};

// The job's folder, made ready before the Session opens: its state folder,
// and (unless the options name one) a job key generated there once and
// set in `session_options`, so pseudonyms and output names agree across
// every document, run and shard. Errors: kIo when the folder cannot be made.
Status PrepareJobFolder(const std::string& out, SessionOptions* session_options);

// Told of each document as it ends, on the scheduler's thread.
class ProgressSink {
 public:
  virtual ~ProgressSink() = default;
  virtual void Document(const JobDocument& document, size_t done, size_t total, size_t failed,
                        size_t pages_done, double elapsed_seconds) = 0;
};

struct JobOutcome {
  std::vector<JobDocument> documents;  // in input order
  std::string summary_path;
  Status summary_written;              // writing the summary, which may fail
  size_t renamed = 0;                  // inputs whose path named someone
  bool interrupted = false;
  double seconds = 0;
};

// Runs the job. `stop` is polled: once it is set, running workers are
// stopped and what they wrote removed, and the rest is "interrupted".
// Errors (before any document starts): kInvalidArgument for inputs that
// cannot be collected or an output folder that holds the inputs; kIo for a
// journal that cannot be opened. Per-document failures are in the outcome.
StatusOr<JobOutcome> RunJob(const Session& session, const JobOptions& options, ProgressSink* progress,
                            const std::atomic<bool>& stop);

}  // namespace redact::jobs

#endif  // REDACT_PIPELINE_JOBS_JOB_H_
