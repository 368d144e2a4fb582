#include "tools/redact/run_command.h"

#include <CLI/CLI.hpp>
#include <poll.h>
#include <signal.h>
#include <sodium.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <nlohmann/json.hpp>
#include <thread>

#include "pipeline/analyze.h"

#include "pipeline/jobs/inputs.h"
#include "pipeline/jobs/journal.h"
#include "pipeline/jobs/worker.h"
#include "pdf/clean_writer.h"
#include "pipeline/output_names.h"
#include "stages/seal/keyed_hash.h"
#include "stages/write_pseudonym/pseudonyms.h"
#include "tools/redact/exit_codes.h"

namespace redact::cli {

namespace fs = std::filesystem;

namespace {

std::atomic<bool> g_stop{false};
void OnInterrupt(int) { g_stop = true; }

// Where the job keeps its own state: journal, per-document sealed
// mappings, a generated job key.
constexpr const char* kStateDir = ".redact-job";

struct DocumentResult {
  std::string input;   // relative input path; "" when it holds an identifier
  std::string output;  // relative output path (what reports and progress name)
  std::string status;  // done | failed | skipped | interrupted
  std::string reason;
  int pages = 0;
  nlohmann::json counts = nlohmann::json::object();
  double seconds = 0;
};

// The last line the worker wrote on stderr that says what went wrong.
std::string Reason(const jobs::WorkerOutcome& w) {
  std::string last;
  size_t start = 0;
  while (start < w.err.size()) {
    size_t end = w.err.find('\n', start);
    if (end == std::string::npos) end = w.err.size();
    std::string line = w.err.substr(start, end - start);
    if (line.rfind("redact: ", 0) == 0 && line.find("review by hand") == std::string::npos) last = line.substr(8);
    start = end + 1;
  }
  if (w.timed_out || w.signal != 0 || last.empty()) return w.Describe();
  return last;
}

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

// "I/N", or "auto" from the scheduler's environment. Errors say why.
StatusOr<std::pair<uint64_t, uint64_t>> ParseShard(const std::string& spec) {
  std::string text = spec;
  if (spec == "auto") {
    auto env = [](const char* name) -> std::string {
      const char* v = std::getenv(name);
      return v ? v : "";
    };
    if (!env("JOB_COMPLETION_INDEX").empty()) {
      std::string count = env("REDACT_SHARD_COUNT");
      if (count.empty()) count = env("JOB_COMPLETIONS");
      if (count.empty()) {
        return Error(StatusCode::kInvalidArgument,
                     "--shard auto under Kubernetes needs REDACT_SHARD_COUNT (the Job's completions)");
      }
      text = env("JOB_COMPLETION_INDEX") + "/" + count;
    } else if (!env("SLURM_ARRAY_TASK_ID").empty() && !env("SLURM_ARRAY_TASK_COUNT").empty()) {
      // Slurm task ids start where the array says (often 0 or 1): taken
      // relative to SLURM_ARRAY_TASK_MIN.
      const std::string min = env("SLURM_ARRAY_TASK_MIN").empty() ? "0" : env("SLURM_ARRAY_TASK_MIN");
      const long id = std::strtol(env("SLURM_ARRAY_TASK_ID").c_str(), nullptr, 10) - std::strtol(min.c_str(), nullptr, 10);
      text = std::to_string(id) + "/" + env("SLURM_ARRAY_TASK_COUNT");
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
  return std::pair<uint64_t, uint64_t>(static_cast<uint64_t>(i), static_cast<uint64_t>(n));
}

void WriteAll(int fd, const std::string& bytes) {
  size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = write(fd, bytes.data() + done, bytes.size() - done);
    if (n <= 0) return;
    done += static_cast<size_t>(n);
  }
}

void RemoveOutputs(const fs::path& pdf) {
  std::error_code ec;
  fs::remove(pdf, ec);
  fs::path report = pdf;
  report.replace_extension(".report.json");
  fs::remove(report, ec);
}

}  // namespace

void AddRunCommand(CLI::App* app, RunOptions* options) {
  CLI::App* cmd = app->add_subcommand(
      "run", "Redact many documents: one isolated worker process per document, resumable");
  cmd->add_option("inputs", options->inputs, "PDF files, folders (recursive) or manifests (one path per line)")
      ->required();
  cmd->add_option("--out", options->out, "output folder; its tree mirrors the inputs'")->required();
  cmd->add_flag("--verify", options->verify, "verify every output against its input; a leak fails the document");
  cmd->add_option("--progress", options->progress, "auto (bar on a terminal, else JSON lines), bar, json, none")
      ->check(CLI::IsMember({"auto", "bar", "json", "none"}));
  cmd->add_option("--memory-limit", options->memory_gib, "address space per worker, GiB (default 8)")
      ->check(CLI::Range(0.25, 1024.0));
  cmd->add_option("--timeout", options->timeout_seconds, "seconds per document (default 900)")
      ->check(CLI::Range(1.0, 86400.0));
  cmd->add_option("--shard", options->shard,
                  "I/N: only the documents of shard I (0-based) of N, by a stable hash of their "
                  "relative path; auto: from JOB_COMPLETION_INDEX (Kubernetes; N from "
                  "REDACT_SHARD_COUNT) or SLURM_ARRAY_TASK_ID/SLURM_ARRAY_TASK_COUNT");
  AddApplySettings(cmd, &options->apply);
}

int RunJob(const RunOptions& options, std::ostream& out, std::ostream& err) {
  StatusOr<std::vector<jobs::JobInput>> inputs = jobs::CollectInputs(options.inputs);
  if (!inputs) {
    err << "redact: " << inputs.error().message() << "\n";
    return kExitUsage;
  }
  std::string summary_name = "job-summary.json";
  std::optional<std::pair<uint64_t, uint64_t>> shard;
  if (!options.shard.empty()) {
    StatusOr<std::pair<uint64_t, uint64_t>> parsed = ParseShard(options.shard);
    if (!parsed) {
      err << "redact: " << parsed.error().message() << "\n";
      return kExitUsage;
    }
    if (options.apply.mode == "pseudonymize" && !options.apply.job_key) {
      err << "redact: pseudonymizing in shards needs --job-key (one file shared by every shard), or "
             "pseudonyms would differ between shards\n";
      return kExitUsage;
    }
    shard = *parsed;
    summary_name = "job-summary.shard-" + std::to_string(shard->first) + "-of-" +
                   std::to_string(shard->second) + ".json";
  }
  std::error_code ec;
  const fs::path out_dir(options.out);
  fs::create_directories(out_dir / kStateDir / "mappings", ec);
  if (!fs::is_directory(out_dir / kStateDir)) {
    err << "redact: " << options.out << ": cannot create the output folder\n";
    return kExitInputFile;
  }
  ApplyOptions apply = options.apply;
  // One job key keys pseudonyms (and the names of renamed outputs) for every
  // document and run of the job; made once, kept private, when not given.
  if (!apply.job_key) {
    const fs::path key = out_dir / kStateDir / "job.key";
    if (!fs::exists(key)) {
      std::string bytes(32, '\0');
      randombytes_buf(bytes.data(), bytes.size());
      Status s = pdf::WriteFileAtomically(key.string(), bytes);
      sodium_memzero(bytes.data(), bytes.size());
      if (!s.ok()) {
        err << "redact: " << s.message() << "\n";
        return kExitInputFile;
      }
    }
    apply.job_key = key.string();
  }
  apply.detection.jobs = 1;  // documents in parallel, not pages
  // Rules, names and policy are loaded once here; every worker shares them.
  auto detector = LoadDetector(PatternsDir(apply.detection.patterns), apply.detection.names, apply.detection.policy);
  if (!detector) {
    err << "redact: " << detector.error().message() << "\n";
    return kExitUsage;
  }
  // Output names, over every input of the job before sharding, so that
  // every shard and run names (and resolves collisions) the same way.
  {
    StatusOr<std::unique_ptr<KeyedHasher>> hasher = LoadJobHasher(*apply.job_key);
    if (!hasher) {
      err << "redact: " << hasher.error().message() << "\n";
      return kExitUsage;
    }
    PseudonymStyle style;
    style.name = (*detector)->policy().pseudonym_name;
    style.name_label = (*detector)->policy().pseudonym_name_label;
    style.a_number = (*detector)->policy().pseudonym_a_number;
    const Pseudonymizer pseudonyms(style, (*detector)->names(), hasher->get());
    std::vector<std::string> relatives;
    for (const jobs::JobInput& in : *inputs) relatives.push_back(in.relative);
    const std::vector<NamedOutput> named =
        NameOutputs(relatives, *ParseOutputNaming(apply.output_names), **detector, pseudonyms);
    for (size_t i = 0; i < inputs->size(); ++i) {
      (*inputs)[i].output = named[i].output;
      (*inputs)[i].path_holds_identifier = !named[i].findings.empty();
    }
  }
  if (shard) {
    const uint64_t index = shard->first, count = shard->second;
    std::erase_if(*inputs, [&](const jobs::JobInput& in) { return StableHash(in.relative) % count != index; });
  }
  // Messages name a document by its input path only when no part of that
  // path (the folders typed on the command line included) names anyone.
  std::vector<bool> hide_path(inputs->size());
  for (size_t i = 0; i < inputs->size(); ++i) {
    hide_path[i] = (*inputs)[i].path_holds_identifier || PathHoldsIdentifier((*inputs)[i].path, **detector);
  }
  for (const jobs::JobInput& in : *inputs) {
    if (fs::equivalent(fs::path(in.path).parent_path(), out_dir / fs::path(in.output).parent_path(), ec)) {
      err << "redact: " << options.out << ": the output folder must not hold the inputs\n";
      return kExitUsage;
    }
  }
  // Temporary files a killed worker left (outputs are written to a temp
  // name and renamed): never an output, removed. Only this run's own
  // documents' ones: shards sharing the folder are writing theirs now.
  auto remove_partials = [&]() {
    std::error_code e;
    for (const jobs::JobInput& in : *inputs) {
      const fs::path output = out_dir / in.output;
      fs::path report = output;
      report.replace_extension(".report.json");
      std::vector<std::string> prefixes = {output.filename().string() + ".tmp-",
                                           report.filename().string() + ".tmp-"};
      for (fs::directory_iterator it(output.parent_path(), e), end; !e && it != end; it.increment(e)) {
        const std::string name = it->path().filename().string();
        for (const std::string& prefix : prefixes) {
          if (name.starts_with(prefix)) {
            std::error_code rm;
            fs::remove(it->path(), rm);
          }
        }
      }
      e.clear();
    }
  };
  remove_partials();
  auto journal = jobs::Journal::Open((out_dir / kStateDir / "journal.jsonl").string());
  if (!journal) {
    err << "redact: " << journal.error().message() << "\n";
    return kExitInputFile;
  }
  // Workers run this very binary.
  char self[4096];
  const ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
  if (n <= 0) {
    err << "redact: cannot find the redact binary to start workers\n";
    return kExitInternal;
  }
  self[n] = '\0';
  const bool sealing = !apply.recipients.empty() || apply.recipients_file || apply.passphrase_file;

  jobs::WorkerLimits limits;
  limits.address_space_bytes = static_cast<unsigned long long>(options.memory_gib * (1ull << 30));
  limits.wall_seconds = options.timeout_seconds;
  limits.cpu_seconds = static_cast<unsigned long>(options.timeout_seconds) + 1;

  const int workers = options.apply.detection.jobs > 0
                          ? options.apply.detection.jobs
                          : std::max(1, static_cast<int>(std::thread::hardware_concurrency()));
  const std::string progress =
      options.progress == "auto" ? (isatty(STDOUT_FILENO) ? "bar" : "json") : options.progress;

  struct sigaction action {};
  action.sa_handler = OnInterrupt;
  sigaction(SIGINT, &action, nullptr);
  sigaction(SIGTERM, &action, nullptr);

  const size_t total = inputs->size();
  std::vector<DocumentResult> results(total);
  size_t finished = 0, failed = 0, pages_done = 0;
  const auto started = std::chrono::steady_clock::now();
  auto report_progress = [&](size_t index) {
    const DocumentResult& r = results[index];
    ++finished;
    if (r.status == "failed") ++failed;
    pages_done += static_cast<size_t>(r.pages);
    const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    const double rate = elapsed > 0 ? finished / elapsed : 0;
    const double eta = rate > 0 ? (total - finished) / rate : 0;
    if (progress == "json") {
      out << nlohmann::json{{"event", "document"},  {"done", finished},  {"total", total},
                            {"output", r.output},    {"status", r.status}, {"reason", r.reason},
                            {"pages", r.pages},      {"seconds", std::round(r.seconds * 100) / 100},
                            {"failed_so_far", failed}}
                 .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)
          << std::endl;
    } else if (progress == "bar") {
      const int width = 30;
      const int filled = total ? static_cast<int>(width * finished / total) : width;
      out << "\r[" << std::string(static_cast<size_t>(filled), '#') << std::string(static_cast<size_t>(width - filled), '.')
          << "] " << finished << "/" << total << " documents, " << pages_done << " pages, "
          << static_cast<int>(rate * 60) << "/min, ETA " << static_cast<int>(eta) << " s, " << failed
          << " failed   " << std::flush;
    }
  };

  // One thread schedules: it forks a worker per document (the child runs
  // apply in-process with the rules and names loaded here once, so a small
  // document costs a fork, not a start-up), polls them all, and records
  // each as it ends. Verification runs as a worker of its own (exec).
  struct Running {
    size_t index;
    std::string sha;
    fs::path output;
    bool verifying = false;
    std::unique_ptr<jobs::Worker> worker;
  };
  std::vector<Running> running;
  size_t next_input = 0;
  auto finish = [&](Running& run) {
    DocumentResult& r = results[run.index];
    if (r.status == "interrupted") {
      // Stopped part way: what it may have written is not a finished
      // document (a PDF without its report) and goes.
      RemoveOutputs(run.output);
      return;
    }
    fs::path report = run.output;
    report.replace_extension(".report.json");
    if (r.status == "done") {
      std::ifstream rep(report);
      const nlohmann::json j = nlohmann::json::parse(rep, nullptr, false);
      if (!j.is_discarded()) {
        r.pages = j.value("pages", 0);
        if (j.contains("counts")) r.counts = j["counts"];
      }
      Status st = (*journal)->RecordDone(r.output, run.sha);
      if (!st.ok()) r.status = "failed", r.reason = st.message();
    }
    report_progress(run.index);
  };
  // Starts the next documents while there is room; false when none is left.
  auto start_more = [&]() {
    while (!g_stop && running.size() < static_cast<size_t>(workers) && next_input < total) {
      const size_t i = next_input++;
      const jobs::JobInput& in = (*inputs)[i];
      DocumentResult& r = results[i];
      r.input = in.path_holds_identifier ? "" : in.relative;
      r.output = in.output;
      const fs::path output = out_dir / in.output;
      StatusOr<std::string> sha = jobs::FileSha256(in.path);
      if (!sha) {
        r.status = "failed", r.reason = hide_path[i] ? "input " + in.output + ": cannot be read" : sha.error().message();
        report_progress(i);
        continue;
      }
      std::error_code e;
      // The journal knows documents by output name and content: no input
      // name that holds an identifier is written down.
      if ((*journal)->Done(in.output, *sha) && fs::exists(output, e)) {
        r.status = "skipped", r.reason = "done in an earlier run";
        report_progress(i);
        continue;
      }
      fs::create_directories(output.parent_path(), e);
      ApplyOptions doc = apply;
      doc.files = {in.path};
      doc.out = output.parent_path().string();
      doc.output_file = output.filename().string();
      doc.source_label = in.relative;  // sealed in the mapping only
      if (in.path_holds_identifier) {
        doc.display_name = "input renamed " + in.output;
      } else if (hide_path[i]) {
        doc.display_name = "input " + in.output;
      }
      if (sealing) {
        // Named by a hash of the document's output place, not its input name
        // (which may name a person), and the same in every shard and run.
        char name[40];
        std::snprintf(name, sizeof name, "doc-%016llx.age", static_cast<unsigned long long>(StableHash(in.output)));
        doc.mapping_out = (out_dir / kStateDir / "mappings" / name).string();
      }
      const Detector& loaded = **detector;
      StatusOr<std::unique_ptr<jobs::Worker>> w = jobs::Worker::Start(
          [doc, &loaded]() {
            std::ostringstream o, e;
            const int code = RunApplyWith(doc, loaded, o, e);
            WriteAll(STDOUT_FILENO, o.str());
            WriteAll(STDERR_FILENO, e.str());
            return code;
          },
          limits);
      if (!w) {
        r.status = "failed", r.reason = w.error().message();
        report_progress(i);
        continue;
      }
      running.push_back({i, *sha, output, false, std::move(*w)});
    }
  };
  for (;;) {
    start_more();
    if (running.empty()) break;
    std::vector<pollfd> fds;
    bool closing = false;  // a worker's output ended: it is exiting now
    for (const Running& run : running) {
      if (run.worker->out_fd() >= 0) fds.push_back({run.worker->out_fd(), POLLIN, 0});
      if (run.worker->err_fd() >= 0) fds.push_back({run.worker->err_fd(), POLLIN, 0});
      closing |= run.worker->out_fd() < 0 && run.worker->err_fd() < 0;
    }
    poll(fds.data(), fds.size(), closing ? 1 : 100);
    for (size_t k = 0; k < running.size();) {
      Running& run = running[k];
      if (!run.worker->Step(g_stop)) {
        ++k;
        continue;
      }
      const jobs::WorkerOutcome& w = run.worker->outcome();
      DocumentResult& r = results[run.index];
      r.seconds += w.seconds;
      if (w.cancelled || (g_stop && !w.ok())) {
        r.status = "interrupted";
      } else if (run.verifying) {
        if (!w.ok()) {
          // Fail closed: an output that leaks does not stay under its name.
          RemoveOutputs(run.output);
          r.status = "failed";
          // verify names the original by its path: not repeated when that
          // path holds an identifier.
          r.reason = w.exit_code == kExitLeak ? "verification found a leak"
                     : hide_path[run.index]
                         ? "verification failed (" + w.Describe() + ")"
                         : "verification failed: " + Reason(w);
        } else {
          r.status = "done";
        }
      } else if (!w.ok()) {
        r.status = "failed", r.reason = Reason(w);
      } else if (options.verify) {
        const jobs::JobInput& in = (*inputs)[run.index];
        std::vector<std::string> v = {self, "verify", "--original", in.path};
        if (apply.detection.names) v.insert(v.end(), {"--names", *apply.detection.names});
        if (apply.detection.policy) v.insert(v.end(), {"--policy", *apply.detection.policy});
        if (!apply.detection.patterns.empty()) v.insert(v.end(), {"--patterns", apply.detection.patterns});
        if (apply.password) v.insert(v.end(), {"--password", *apply.password});
        v.push_back(run.output.string());
        StatusOr<std::unique_ptr<jobs::Worker>> vw = jobs::Worker::Start(
            [v]() {
              std::vector<char*> a;
              for (const std::string& s : v) a.push_back(const_cast<char*>(s.c_str()));
              a.push_back(nullptr);
              execv(a[0], a.data());
              return 127;
            },
            limits);
        if (vw) {
          run.worker = std::move(*vw);
          run.verifying = true;
          ++k;
          continue;
        }
        RemoveOutputs(run.output);
        r.status = "failed", r.reason = vw.error().message();
      } else {
        r.status = "done";
      }
      finish(run);
      running.erase(running.begin() + static_cast<long>(k));
    }
  }
  for (size_t i = next_input; i < total; ++i) {
    results[i].input = (*inputs)[i].path_holds_identifier ? "" : (*inputs)[i].relative;
    results[i].output = (*inputs)[i].output;
    results[i].status = "interrupted";
  }
  if (progress == "bar") out << "\n";
  if (g_stop) remove_partials();

  nlohmann::json docs = nlohmann::json::array();
  int done = 0, skipped = 0, failures = 0, leaks = 0, interrupted = 0;
  for (const DocumentResult& r : results) {
    nlohmann::json d = {{"output", r.output}, {"status", r.status}, {"reason", r.reason},
                        {"pages", r.pages}, {"findings", r.counts}, {"seconds", std::round(r.seconds * 100) / 100}};
    // The input's own path only when it holds no identifier; otherwise it
    // is in the sealed mapping alone.
    if (r.input.empty()) {
      d["input_renamed"] = true;
    } else {
      d["input"] = r.input;
    }
    docs.push_back(std::move(d));
    if (r.status == "done") ++done;
    if (r.status == "skipped") ++skipped;
    if (r.status == "failed") ++failures;
    if (r.status == "interrupted") ++interrupted;
    if (r.reason == "verification found a leak") ++leaks;
  }
  const nlohmann::json summary = {
      {"tool", "redact " REDACT_VERSION},
      {"documents", docs},
      {"totals", {{"done", done}, {"skipped", skipped}, {"failed", failures}, {"interrupted", interrupted}}},
      {"seconds", std::round(std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count() * 100) /
                      100}};
  Status s = pdf::WriteFileAtomically((out_dir / summary_name).string(),
                                      summary.dump(1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n");
  if (!s.ok()) err << "redact: " << s.message() << "\n";
  const size_t renamed = static_cast<size_t>(
      std::count_if(inputs->begin(), inputs->end(), [](const jobs::JobInput& in) { return in.path_holds_identifier; }));
  if (renamed > 0 && !sealing) {
    err << "redact: " << renamed << " input(s) named after a person were renamed; without --recipient or "
        << "--passphrase-file no record links them to their outputs\n";
  }
  err << "redact: " << done << " done, " << skipped << " skipped (done before), " << failures << " failed"
      << (interrupted ? ", " + std::to_string(interrupted) + " interrupted" : "") << "; summary "
      << (out_dir / summary_name).string() << "\n";
  if (g_stop) return 130;
  if (leaks > 0) return kExitLeak;
  if (failures > 0) return kExitSomeFailed;
  return kExitOk;
}

}  // namespace redact::cli
