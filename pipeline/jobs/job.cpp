#include "pipeline/jobs/job.h"

#include <poll.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <thread>

#include "pdf/clean_writer.h"
#include "pipeline/jobs/inputs.h"
#include "pipeline/jobs/journal.h"
#include "pipeline/review.h"
#include "pipeline/reviewed_pdf.h"
#include "stages/seal/digest.h"

namespace redact::jobs {

namespace fs = std::filesystem;

namespace {

// A stable 64-bit hash (FNV-1a) of a relative path: the same shard on any
// machine, build or run.
uint64_t StableHash(const std::string& s) {
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

std::string Env(const char* name) {
  const char* v = std::getenv(name);
  return v ? v : "";
}

void RemoveOutputs(const fs::path& pdf) {
  std::error_code ec;
  fs::remove(pdf, ec);
  fs::remove(ReportPathFor(pdf.string()), ec);
}

void WriteAll(int fd, const std::string& bytes) {
  size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = write(fd, bytes.data() + done, bytes.size() - done);
    if (n <= 0) return;
    done += static_cast<size_t>(n);
  }
}

// One input of the job, named and placed.
struct Planned {
  JobInput in;
  bool hide_path = false;  // no part of its path may be printed
  std::string shown;       // how messages name it
};

// Temporary files a killed worker left (outputs are written to a temp name
// and renamed): never an output, removed. Only this run's own documents'
// ones: shards sharing the folder are writing theirs now.
void RemovePartials(const fs::path& out_dir, const std::vector<Planned>& planned) {
  for (const Planned& p : planned) {
    const fs::path output = out_dir / p.in.output;
    const std::vector<std::string> prefixes = {output.filename().string() + ".tmp-",
                                               fs::path(ReportPathFor(output.string())).filename().string() + ".tmp-"};
    std::error_code e;
    for (fs::directory_iterator it(output.parent_path(), e), end; !e && it != end; it.increment(e)) {
      const std::string name = it->path().filename().string();
      for (const std::string& prefix : prefixes) {
        std::error_code rm;
        if (name.starts_with(prefix)) fs::remove(it->path(), rm);
      }
    }
  }
}

// The job's inputs, named over all of them before sharding (so that every
// shard and run names, and resolves collisions, the same way), then
// sharded.
StatusOr<std::vector<Planned>> PlanInputs(const Session& session, const JobOptions& options) {
  StatusOr<std::vector<JobInput>> inputs = CollectInputs(options.inputs);
  if (!inputs) return Error(StatusCode::kInvalidArgument, inputs.error().message());
  std::vector<std::string> relatives;
  for (const JobInput& in : *inputs) relatives.push_back(in.relative);
  const std::vector<NamedOutput> named = session.NameOutputs(relatives, options.naming);
  std::vector<Planned> planned;
  for (size_t i = 0; i < inputs->size(); ++i) {
    JobInput in = (*inputs)[i];
    in.output = named[i].output;
    in.path_holds_identifier = !named[i].findings.empty();
    in.output_identifies = named[i].still_identifies;
    if (options.shard && StableHash(in.relative) % options.shard->count != options.shard->index) continue;
    Planned p{in, false, in.path};
    // Messages name a document by its input path only when no part of that
    // path (the folders typed on the command line included) names anyone.
    p.hide_path = in.path_holds_identifier || PathHoldsIdentifier(in.path, session.detector());
    p.shown = in.path_holds_identifier ? "input renamed " + in.output : p.hide_path ? "input " + in.output : in.path;
    planned.push_back(std::move(p));
  }
  std::error_code ec;
  for (const Planned& p : planned) {
    if (fs::equivalent(fs::path(p.in.path).parent_path(), fs::path(options.out) / fs::path(p.in.output).parent_path(), ec)) {
      return Error(StatusCode::kInvalidArgument, options.out + ": the output folder must not hold the inputs");
    }
  }
  return planned;
}

// The reviewed findings file or review copy of a document (JobOptions
// findings_dir, reviewed_dir), read; none when the job detects.
StatusOr<std::optional<ReviewedFindings>> ReviewedFor(const JobOptions& options, const Planned& p) {
  if (!options.findings_dir && !options.reviewed_dir) return std::optional<ReviewedFindings>();
  const bool pdf = options.reviewed_dir.has_value();
  const std::string path = pdf ? ReviewPdfPathFor(*options.reviewed_dir, p.in.output)
                               : FindingsPathFor(*options.findings_dir, p.in.output);
  std::error_code ec;
  if (!fs::is_regular_file(path, ec)) {
    return Error(StatusCode::kNotFound, p.shown + (pdf ? ": no review copy " : ": no reviewed findings file ") + path +
                                            " (redact review writes it under this name; nothing was detected "
                                            "in its place)");
  }
  StatusOr<ReviewedFindings> read = pdf ? ReadReviewedPdf(path, p.in.path, p.shown) : ReadReviewedFindings(path);
  if (!read) return Error(read.error());
  return std::optional<ReviewedFindings>(std::move(*read));
}

// What a worker does for one document, in the child process.
StatusOr<DocumentResult> WorkOn(const Session& session, const JobOptions& options, const Planned& p) {
  if (p.in.output_identifies) {
    NamedOutput named;
    named.still_identifies = true;
    return Error(OutputNameProblem(named, p.shown));
  }
  const fs::path out_dir(options.out);
  DocumentTask task;
  task.input = p.in.path;
  task.password = options.password;
  task.output_pdf = (out_dir / p.in.output).string();
  task.shown = p.shown;
  task.source_label = p.in.relative;  // sealed in the mapping only
  StatusOr<std::optional<ReviewedFindings>> reviewed = ReviewedFor(options, p);
  if (!reviewed) return Error(reviewed.error());
  if (*reviewed) task.reviewed = &**reviewed;
  OcrContext ocr = session.NewOcrContext();
  StatusOr<DocumentResult> result = ApplyDocument(session, &ocr, task, options.settings);
  if (!result) return result;
  // The mapping is durable before the PDF it reverses appears.
  if (session.sealing() && !result->mapping.empty()) {
    // Named by a hash of the document's output place, not its input name
    // (which may name a person), and the same in every shard and run.
    char name[40];
    std::snprintf(name, sizeof name, "doc-%016llx.age", static_cast<unsigned long long>(StableHash(p.in.output)));
    MappingBuilder mapping = session.NewMapping();
    mapping.AddDocument(p.in.relative, fs::path(task.output_pdf).filename().string(), std::move(result->mapping));
    StatusOr<std::string> sealed = session.Seal(&mapping);
    Status w = sealed ? pdf::WriteFileAtomically((out_dir / kStateDir / "mappings" / name).string(), *sealed)
                      : sealed.error();
    if (!w.ok()) {
      DiscardDocument(&*result);
      return Error(w);
    }
  }
  if (Status s = PublishDocument(&*result); !s.ok()) return Error(s);
  return result;
}

// What the journal knows a finished document by: its input's bytes, and
// with reviewed findings its findings file's too (an edited file, or a
// document done before without one, is applied again). A findings file
// that cannot be read matches nothing: the worker fails it.
StatusOr<std::string> JournalKey(const JobOptions& options, const Planned& p) {
  StatusOr<std::string> sha = FileSha256(p.in.path);
  if (!sha || (!options.findings_dir && !options.reviewed_dir)) return sha;
  StatusOr<std::string> findings = FileSha256(options.reviewed_dir ? ReviewPdfPathFor(*options.reviewed_dir, p.in.output)
                                                                   : FindingsPathFor(*options.findings_dir, p.in.output));
  return findings ? Sha256Hex("reviewed:" + *sha + ":" + *findings) : std::string("reviewed:unreadable");
}

// The scheduler: forks a worker per document, polls them all, and records
// each as it ends.
class Scheduler {
 public:
  Scheduler(const Session& session, const JobOptions& options, std::vector<Planned> planned, Journal* journal,
            ProgressSink* progress, const std::atomic<bool>& stop)
      : session_(session), options_(options), planned_(std::move(planned)), journal_(journal),
        progress_(progress), stop_(stop), docs_(planned_.size()) {
    for (size_t i = 0; i < planned_.size(); ++i) {
      docs_[i].input = planned_[i].in.path_holds_identifier ? "" : planned_[i].in.relative;
      docs_[i].output = planned_[i].in.output;
    }
  }

  std::vector<JobDocument> Run();

 private:
  struct Running {
    size_t index;
    std::string sha;
    std::unique_ptr<Worker> worker;
  };
  void StartMore();
  void Start(size_t i);
  void Finish(Running& run);
  void Report(size_t i);

  const Session& session_;
  const JobOptions& options_;
  std::vector<Planned> planned_;
  Journal* journal_;
  ProgressSink* progress_;
  const std::atomic<bool>& stop_;
  std::vector<JobDocument> docs_;
  std::vector<Running> running_;
  size_t next_ = 0, finished_ = 0, failed_ = 0, pages_done_ = 0;
  std::chrono::steady_clock::time_point started_ = std::chrono::steady_clock::now();
};

void Scheduler::Report(size_t i) {
  const JobDocument& d = docs_[i];
  ++finished_;
  if (d.status == DocumentStatus::kFailed) ++failed_;
  pages_done_ += static_cast<size_t>(d.pages);
  const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count();
  if (progress_) progress_->Document(d, finished_, docs_.size(), failed_, pages_done_, elapsed);
}

void Scheduler::Start(size_t i) {
  const Planned& p = planned_[i];
  JobDocument& d = docs_[i];
  const fs::path output = fs::path(options_.out) / p.in.output;
  StatusOr<std::string> sha = JournalKey(options_, p);
  if (!sha) {
    d.status = DocumentStatus::kFailed, d.error = sha.error().code();
    d.reason = p.hide_path ? "input " + p.in.output + ": cannot be read" : sha.error().message();
    return Report(i);
  }
  std::error_code e;
  // The journal knows documents by output name and content: no input name
  // that holds an identifier is written down.
  if (journal_->Done(p.in.output, *sha) && fs::exists(output, e)) {
    d.status = DocumentStatus::kSkipped, d.reason = "done in an earlier run";
    return Report(i);
  }
  fs::create_directories(output.parent_path(), e);
  const Session& session = session_;
  const JobOptions& options = options_;
  StatusOr<std::unique_ptr<Worker>> w = Worker::Start(
      [&session, &options, &p]() {
        WriteAll(STDOUT_FILENO, WorkerLine(WorkOn(session, options, p)) + "\n");
        return 0;
      },
      options_.limits);
  if (!w) {
    d.status = DocumentStatus::kFailed, d.error = w.error().code(), d.reason = w.error().message();
    return Report(i);
  }
  running_.push_back({i, *sha, std::move(*w)});
}

void Scheduler::StartMore() {
  const int cores = std::max(1, static_cast<int>(std::thread::hardware_concurrency()));
  const size_t workers = static_cast<size_t>(options_.workers > 0 ? options_.workers : cores);
  while (!stop_ && running_.size() < workers && next_ < planned_.size()) Start(next_++);
}

void Scheduler::Finish(Running& run) {
  JobDocument& d = docs_[run.index];
  const WorkerOutcome& w = run.worker->outcome();
  const fs::path output = fs::path(options_.out) / planned_[run.index].in.output;
  d.seconds += w.seconds;
  if (w.cancelled || (stop_ && !w.ok())) {
    // Stopped part way: what it may have written is not a finished
    // document (a PDF without its report) and goes.
    d.status = DocumentStatus::kInterrupted;
    RemoveOutputs(output);
    return;
  }
  StatusOr<DocumentResult> result =
      w.ok() ? ParseWorkerLine(w.out) : StatusOr<DocumentResult>(Error(StatusCode::kInternal, w.Describe()));
  if (result) {
    d.status = DocumentStatus::kDone, d.pages = result->pages, d.counts = result->counts;
    d.pages_to_review = result->pages_to_review;
    Status st = journal_->RecordDone(d.output, run.sha);
    if (!st.ok()) d.status = DocumentStatus::kFailed, d.error = st.code(), d.reason = st.message();
  } else {
    d.status = DocumentStatus::kFailed, d.error = result.error().code(), d.reason = result.error().message();
    // Where a leak was is in the worker's message; the summary says what
    // happened, in words scripts can match.
    if (d.error == StatusCode::kLeakDetected) d.reason = "verification found a leak";
  }
  Report(run.index);
}

std::vector<JobDocument> Scheduler::Run() {
  for (;;) {
    StartMore();
    if (running_.empty()) break;
    std::vector<pollfd> fds;
    bool closing = false;  // a worker's output ended: it is exiting now
    for (const Running& run : running_) {
      if (run.worker->out_fd() >= 0) fds.push_back({run.worker->out_fd(), POLLIN, 0});
      if (run.worker->err_fd() >= 0) fds.push_back({run.worker->err_fd(), POLLIN, 0});
      closing |= run.worker->out_fd() < 0 && run.worker->err_fd() < 0;
    }
    poll(fds.data(), fds.size(), closing ? 1 : 100);
    for (size_t k = 0; k < running_.size();) {
      if (!running_[k].worker->Step(stop_)) {
        ++k;
        continue;
      }
      Finish(running_[k]);
      running_.erase(running_.begin() + static_cast<long>(k));
    }
  }
  for (size_t i = next_; i < docs_.size(); ++i) docs_[i].status = DocumentStatus::kInterrupted;
  if (stop_) RemovePartials(options_.out, planned_);
  return std::move(docs_);
}

// "I/N" for a Slurm array task. Task ids start where the array says (often
// 0 or 1) and may step (--array=0-14:2): shard (id - MIN) / STEP. An array
// given as a list (--array=1,3,8) numbers its tasks with no relation to
// their count, so some shard would be run twice and another never: refused.
StatusOr<std::string> SlurmShard() {
  auto number = [](const char* name, long otherwise) {
    const std::string v = Env(name);
    return v.empty() ? otherwise : std::strtol(v.c_str(), nullptr, 10);
  };
  const long id = number("SLURM_ARRAY_TASK_ID", 0);
  const long count = number("SLURM_ARRAY_TASK_COUNT", 0);
  const long min = number("SLURM_ARRAY_TASK_MIN", 0);
  const long step = std::max(1L, number("SLURM_ARRAY_TASK_STEP", 1));
  const long max = number("SLURM_ARRAY_TASK_MAX", min + (count - 1) * step);
  if ((max - min) / step + 1 != count || (id - min) % step != 0) {
    return Error(StatusCode::kInvalidArgument,
                 "--shard auto: this Slurm array's task ids (" + std::to_string(min) + " to " + std::to_string(max) +
                     ", " + std::to_string(count) +
                     " tasks) are not one range; submit it as --array=FIRST-LAST (or FIRST-LAST:STEP)");
  }
  return std::to_string((id - min) / step) + "/" + std::to_string(count);
}

}  // namespace

StatusOr<Shard> ParseShard(const std::string& spec) {
  std::string text = spec;
  if (spec == "auto") {
    if (!Env("JOB_COMPLETION_INDEX").empty()) {
      std::string count = Env("REDACT_SHARD_COUNT");
      if (count.empty()) count = Env("JOB_COMPLETIONS");
      if (count.empty()) {
        return Error(StatusCode::kInvalidArgument,
                     "--shard auto under Kubernetes needs REDACT_SHARD_COUNT (the Job's completions)");
      }
      text = Env("JOB_COMPLETION_INDEX") + "/" + count;
    } else if (!Env("SLURM_ARRAY_TASK_ID").empty() && !Env("SLURM_ARRAY_TASK_COUNT").empty()) {
      StatusOr<std::string> slurm = SlurmShard();
      if (!slurm) return Error(slurm.error());
      text = *slurm;
    } else {
      return Error(StatusCode::kInvalidArgument,
                   "--shard auto: neither JOB_COMPLETION_INDEX nor SLURM_ARRAY_TASK_ID is set");
    }
  }
  const size_t slash = text.find('/');
  char* end = nullptr;
  const long long i = slash == std::string::npos ? -1 : std::strtoll(text.c_str(), &end, 10);
  const long long n = slash == std::string::npos ? -1 : std::strtoll(text.c_str() + slash + 1, nullptr, 10);
  if (slash == std::string::npos || end != text.c_str() + slash || n < 1 || i < 0 || i >= n) {
    return Error(StatusCode::kInvalidArgument, "--shard " + text + ": expected I/N with 0 <= I < N");
  }
  return Shard{static_cast<uint64_t>(i), static_cast<uint64_t>(n)};
}

Status PrepareJobFolder(const std::string& out, SessionOptions* session_options) {
  std::error_code ec;
  const fs::path state = fs::path(out) / kStateDir;
  fs::create_directories(state / "mappings", ec);
  if (!fs::is_directory(state)) return Status(StatusCode::kWriteFailed, out + ": cannot create the output folder");
  if (session_options->job_key_file) return Status::Ok();
  const std::string key = (state / "job.key").string();
  Status s = EnsureJobKeyFile(key);
  if (!s.ok()) return s;
  session_options->job_key_file = key;
  return Status::Ok();
}

StatusOr<JobOutcome> RunJob(const Session& session, const JobOptions& options, ProgressSink* progress,
                            const std::atomic<bool>& stop) {
  StatusOr<std::vector<Planned>> planned = PlanInputs(session, options);
  if (!planned) return Error(planned.error());
  JobOutcome outcome;
  for (const Planned& p : *planned) outcome.renamed += p.in.path_holds_identifier ? 1 : 0;
  RemovePartials(options.out, *planned);
  auto journal = Journal::Open((fs::path(options.out) / kStateDir / "journal.jsonl").string());
  if (!journal) return Error(StatusCode::kIo, journal.error().message());
  const auto started = std::chrono::steady_clock::now();
  Scheduler scheduler(session, options, std::move(*planned), journal->get(), progress, stop);
  outcome.documents = scheduler.Run();
  outcome.interrupted = stop;
  outcome.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  std::string summary_name = "job-summary.json";
  if (options.shard) {
    summary_name = "job-summary.shard-" + std::to_string(options.shard->index) + "-of-" +
                   std::to_string(options.shard->count) + ".json";
  }
  outcome.summary_path = (fs::path(options.out) / summary_name).string();
  outcome.summary_written =
      pdf::WriteFileAtomically(outcome.summary_path, JobSummaryText(outcome.documents, outcome.seconds));
  return outcome;
}

}  // namespace redact::jobs
