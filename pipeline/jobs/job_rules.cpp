#include "pipeline/jobs/job_rules.h"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "pdf/clean_writer.h"
#include "stages/seal/digest.h"

namespace redact::jobs {
namespace {

namespace fs = std::filesystem;

StatusOr<std::string> HashOrNone(const std::optional<std::string>& path, const std::string& none) {
  if (!path) return none;
  StatusOr<std::string> sha = FileSha256(*path);
  if (!sha) return Error(sha.error().code(), *path + ": cannot read it to record the job's rules");
  return *sha;
}

// The rule files (sorted by name), each name and bytes, hashed together.
StatusOr<std::string> HashPatterns(const std::string& dir) {
  std::vector<fs::path> files;
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->is_regular_file() && it->path().extension() == ".toml") files.push_back(it->path());
  }
  if (ec) return Error(StatusCode::kNotFound, dir + ": cannot list the rule files");
  std::sort(files.begin(), files.end());
  std::string all;
  for (const fs::path& f : files) {
    std::ifstream in(f, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    if (!in.good() && !in.eof()) return Error(StatusCode::kIo, f.string() + ": cannot read it");
    all += f.filename().string() + '\0' + Sha256Hex(bytes.str()) + '\n';
  }
  return Sha256Hex(all);
}

nlohmann::json ToJson(const JobRules& r) {
  return {{"names", r.names}, {"policy", r.policy},  {"patterns", r.patterns},
          {"mode", r.mode},   {"naming", r.naming}, {"findings", r.findings}};
}

// What differs, in words ("the names list, the mode").
std::string Differences(const nlohmann::json& before, const JobRules& now) {
  static const std::vector<std::pair<std::string, std::string>> kWhat = {
      {"names", "the names list"}, {"policy", "the policy"},   {"patterns", "the rule files"},
      {"mode", "the mode"},        {"naming", "--output-names"}, {"findings", "detected or reviewed findings"}};
  const nlohmann::json current = ToJson(now);
  std::string out;
  for (const auto& [key, words] : kWhat) {
    if (!before.contains(key) || before[key] != current[key]) out += (out.empty() ? "" : ", ") + words;
  }
  return out.empty() ? "the rules" : out;
}

// Moves the earlier run into .redact-job/previous-N/: its outputs, journal,
// rules and mappings. The job key stays.
StatusOr<std::string> MoveAside(const fs::path& out) {
  const fs::path state = out / kStateDir;
  fs::path aside;
  for (int n = 1;; ++n) {
    aside = state / ("previous-" + std::to_string(n));
    if (!fs::exists(aside)) break;
  }
  std::error_code ec;
  fs::create_directories(aside / "outputs", ec);
  if (ec) return Error(StatusCode::kWriteFailed, aside.string() + ": cannot create it (" + ec.message() + ")");
  std::vector<std::pair<fs::path, fs::path>> moves;
  for (fs::directory_iterator it(out, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->path().filename() != kStateDir) moves.push_back({it->path(), aside / "outputs" / it->path().filename()});
  }
  for (const char* name : {"journal.jsonl", "rules.json", "mappings"}) {
    if (fs::exists(state / name)) moves.push_back({state / name, aside / name});
  }
  for (const auto& [from, to] : moves) {
    fs::rename(from, to, ec);
    if (ec) return Error(StatusCode::kWriteFailed, from.string() + ": cannot move it aside (" + ec.message() + ")");
  }
  fs::create_directories(state / "mappings", ec);
  return aside.string();
}

// Writes `text` under `path` only if nothing is there yet (link(2) does
// not replace): the first of several shards wins.
Status WriteIfAbsent(const fs::path& path, const std::string& text) {
  const std::string staged = path.string() + ".tmp-" + std::to_string(getpid());
  Status s = pdf::WriteFileAtomically(staged, text);
  if (!s.ok()) return s;
  const int linked = link(staged.c_str(), path.c_str());
  const int error = errno;
  unlink(staged.c_str());
  if (linked != 0 && error != EEXIST) {
    return Status(StatusCode::kWriteFailed, path.string() + ": cannot write the job's rules");
  }
  return Status::Ok();
}

}  // namespace

StatusOr<JobRules> CurrentJobRules(const SessionOptions& session, const JobOptions& job) {
  JobRules r;
  StatusOr<std::string> names = HashOrNone(session.names_csv, "none");
  if (!names) return Error(names.error());
  StatusOr<std::string> policy = HashOrNone(session.policy_file, "built-in");
  if (!policy) return Error(policy.error());
  StatusOr<std::string> patterns =
      HashPatterns(session.patterns_dir.empty() ? DefaultPatternsDir() : session.patterns_dir);
  if (!patterns) return Error(patterns.error());
  r.names = *names, r.policy = *policy, r.patterns = *patterns;
  r.mode = job.settings.mode == ApplyMode::kPseudonymize ? "pseudonymize" : "redact";
  r.naming = job.naming == OutputNaming::kSequence ? "sequence" : job.naming == OutputNaming::kKeep ? "keep" : "pseudonym";
  r.findings = job.findings_dir ? "reviewed" : job.reviewed_dir ? "reviewed-pdf" : "detected";
  return r;
}

Status SettleJobRules(const std::string& out, const JobRules& rules, bool restart, std::string* moved_to) {
  const fs::path file = fs::path(out) / kStateDir / "rules.json";
  for (int attempt = 0; attempt < 2; ++attempt) {
    if (!fs::exists(file)) {
      Status s = WriteIfAbsent(file, ToJson(rules).dump(1) + "\n");
      if (!s.ok()) return s;
    }
    std::ifstream in(file);
    const nlohmann::json before = nlohmann::json::parse(in, nullptr, /*allow_exceptions=*/false);
    if (!before.is_discarded() && before == ToJson(rules)) return Status::Ok();
    if (!restart || attempt > 0) {
      return Status(StatusCode::kInvalidArgument,
                    out + ": this job was started with other rules (" +
                        (before.is_discarded() ? std::string("its record of them is unreadable")
                                               : Differences(before, rules)) +
                        "); resume it with the options it was started with, or start over with --restart "
                        "(the earlier outputs, journal and mappings are moved into " + kStateDir + "/previous-N)");
    }
    StatusOr<std::string> aside = MoveAside(out);
    if (!aside) return aside.error();
    *moved_to = *aside;
  }
  return Status::Ok();
}

}  // namespace redact::jobs
