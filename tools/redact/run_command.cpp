#include "tools/redact/run_command.h"

#include <CLI/CLI.hpp>
#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <iostream>
#include <map>

#include "pipeline/jobs/job.h"
#include "pipeline/jobs/job_rules.h"
#include "tools/redact/exit_codes.h"

namespace redact::cli {
namespace {

std::atomic<bool> g_stop{false};
void OnInterrupt(int) { g_stop = true; }

// Progress on stdout: one JSON line per document, or a bar on a terminal.
class PrintProgress : public jobs::ProgressSink {
 public:
  PrintProgress(std::ostream& out, bool bar) : out_(out), bar_(bar) {}
  ~PrintProgress() override {
    if (bar_) out_ << "\n";
  }
  void Document(const JobDocument& d, size_t done, size_t total, size_t failed, size_t pages,
                double elapsed) override {
    if (!bar_) {
      out_ << ProgressLine(d, done, total, failed) << std::endl;
      return;
    }
    const double rate = elapsed > 0 ? done / elapsed : 0;
    const double eta = rate > 0 ? (total - done) / rate : 0;
    const size_t width = 30, filled = total ? width * done / total : width;
    out_ << "\r[" << std::string(filled, '#') << std::string(width - filled, '.') << "] " << done << "/" << total
         << " documents, " << pages << " pages, " << static_cast<int>(rate * 60) << "/min, ETA "
         << static_cast<int>(eta) << " s, " << failed << " failed   " << std::flush;
  }

 private:
  std::ostream& out_;
  bool bar_;
};

}  // namespace

void AddRunCommand(CLI::App* app, RunOptions* options) {
  CLI::App* cmd = app->add_subcommand("run", "Redact many documents: one isolated worker process per document, resumable");
  cmd->add_option("inputs", options->inputs, "PDF files, folders (recursive) or manifests (one path per line)")->required();
  cmd->add_option("--out", options->out, "output folder; its tree mirrors the inputs'")->required();
  const std::map<std::string, ProgressStyle> styles = {{"auto", ProgressStyle::kAuto},
                                                       {"bar", ProgressStyle::kBar},
                                                       {"json", ProgressStyle::kJson},
                                                       {"none", ProgressStyle::kNone}};
  cmd->add_option("--progress", options->progress, "auto (bar on a terminal, else JSON lines), bar, json, none")
      ->transform(CLI::CheckedTransformer(styles));
  cmd->add_option("--memory-limit", options->memory_gib, "address space per worker, GiB (default 8)")
      ->check(CLI::Range(0.25, 1024.0));
  cmd->add_option("--timeout", options->timeout_seconds, "seconds per document (default 900)")
      ->check(CLI::Range(1.0, 86400.0));
  cmd->add_option("--shard", options->shard,
                  "I/N: only the documents of shard I (0-based) of N, by a stable hash of their "
                  "relative path; auto: from JOB_COMPLETION_INDEX (Kubernetes; N from "
                  "REDACT_SHARD_COUNT) or SLURM_ARRAY_TASK_ID/SLURM_ARRAY_TASK_COUNT");
  CLI::Option* findings = cmd->add_option("--findings", options->findings_dir,
                  "apply reviewed findings instead of detecting: for each input, the findings file "
                  "redact review wrote for it in this folder (<output name>.findings.json, in the "
                  "output tree's folders); a document whose file is missing or was made from another "
                  "PDF fails");
  cmd->add_option("--reviewed", options->reviewed_dir,
                  "apply review copies as marked up in a PDF viewer instead of detecting: for each input, "
                  "the review copy redact review wrote for it in this folder (<output name>.review.pdf, in "
                  "the output tree's folders), read as apply --reviewed reads one; a document whose copy is "
                  "missing, was made from another PDF or holds a mark redact cannot read fails")
      ->excludes(findings);
  cmd->add_flag("--restart", options->restart,
               "start the job over under new rules (names list, policy, rule files, mode, naming): the "
               "earlier outputs, journal and mappings are moved into .redact-job/previous-N");
  AddApplyFlags(cmd, &options->apply, &options->session);
  AddSessionFlags(cmd, &options->session, "documents at once (default: one per core)");
}

int RunJob(const RunOptions& options, std::ostream& out, std::ostream& err) {
  if (Status s = CheckNamesChoice(options.session, options.apply.no_names, err); !s.ok()) return Fail(err, s);
  jobs::JobOptions job{options.inputs, options.out, options.apply.settings, options.apply.password,
                       options.apply.naming, options.session.ocr.jobs, {}, {}, options.findings_dir, options.reviewed_dir};
  if (!options.shard.empty()) {
    StatusOr<jobs::Shard> shard = jobs::ParseShard(options.shard);
    if (!shard) return Fail(err, shard.error());
    if (options.apply.settings.mode == ApplyMode::kPseudonymize && !options.session.job_key_file) {
      return Fail(err, Status(StatusCode::kInvalidArgument,
                              "pseudonymizing in shards needs --job-key (one file shared by every shard), "
                              "or pseudonyms would differ between shards"));
    }
    if (options.restart) {
      return Fail(err, Status(StatusCode::kInvalidArgument,
                              "--restart does not go with --shard (shards would move each other's outputs "
                              "aside); start a sharded job over in a new output folder"));
    }
    job.shard = *shard;
  }
  job.limits.address_space_bytes = static_cast<unsigned long long>(options.memory_gib * (1ull << 30));
  job.limits.wall_seconds = options.timeout_seconds;
  job.limits.cpu_seconds = static_cast<unsigned long>(options.timeout_seconds) + 1;
  SessionOptions session_options = options.session;
  session_options.ocr.jobs = 1;  // documents in parallel, not pages
  if (Status s = jobs::PrepareJobFolder(options.out, &session_options); !s.ok()) return Fail(err, s);
  StatusOr<jobs::JobRules> rules = jobs::CurrentJobRules(session_options, job);
  if (!rules) return Fail(err, rules.error());
  std::string moved_to;
  if (Status s = jobs::SettleJobRules(options.out, *rules, options.restart, &moved_to); !s.ok()) return Fail(err, s);
  if (!moved_to.empty()) err << "redact: started over; the earlier run is in " << moved_to << "\n";
  int code = kExitOk;
  std::unique_ptr<Session> session = OpenSession(session_options, err, &code);
  if (!session) return code;
  if (Status s = CheckMappingChoice(*session, options.apply); !s.ok()) return Fail(err, s);
  struct sigaction action {};
  action.sa_handler = OnInterrupt;
  sigaction(SIGINT, &action, nullptr);
  sigaction(SIGTERM, &action, nullptr);
  const bool bar = options.progress == ProgressStyle::kBar ||
                   (options.progress == ProgressStyle::kAuto && isatty(STDOUT_FILENO));
  StatusOr<jobs::JobOutcome> outcome = [&] {
    std::optional<PrintProgress> progress;
    if (options.progress != ProgressStyle::kNone) progress.emplace(out, bar);
    return jobs::RunJob(*session, job, progress ? &*progress : nullptr, g_stop);
  }();
  if (!outcome) return Fail(err, outcome.error());
  if (!outcome->summary_written.ok()) Fail(err, outcome->summary_written);
  if (outcome->renamed > 0 && !session->sealing()) {
    err << "redact: " << outcome->renamed << " input(s) named after a person were renamed; without --recipient or "
        << "--passphrase-file no record links them to their outputs\n";
  }
  const JobTotals t = CountJob(outcome->documents);
  err << "redact: " << t.done << " done, " << t.skipped << " skipped (done before), " << t.failed << " failed"
      << (t.interrupted ? ", " + std::to_string(t.interrupted) + " interrupted" : "") << "; summary "
      << outcome->summary_path << "\n";
  const std::string attention = JobAttentionText(outcome->documents);
  if (!attention.empty()) err << "redact: needs a person:\n" << attention;
  if (outcome->interrupted) return ExitCodeFor(StatusCode::kInterrupted);
  if (t.leaks > 0) return kExitLeak;
  return t.failed > 0 ? kExitSomeFailed : kExitOk;
}

}  // namespace redact::cli
