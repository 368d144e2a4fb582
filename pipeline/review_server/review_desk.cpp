#include "pipeline/review_server/review_desk.h"

#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "pdf/clean_writer.h"
#include "pipeline/apply.h"
#include "stages/seal/digest.h"
#include "stages/write_review/review.h"

namespace redact {

namespace fs = std::filesystem;

namespace {

constexpr char kStateFile[] = "review-state.json";

StatusOr<std::string> ReadBytes(const std::string& path, const std::string& shown) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  if (in) bytes << in.rdbuf();
  if (!in || in.bad()) return Error(StatusCode::kIo, shown + ": cannot be read");
  return bytes.str();
}

// A private folder for one preview (0700, under TMPDIR), removed with all
// it holds when this goes out of scope.
class PrivateTempDir {
 public:
  PrivateTempDir() {
    std::string pattern = (fs::temp_directory_path() / "redact-preview-XXXXXX").string();
    if (mkdtemp(pattern.data()) != nullptr) path_ = pattern;
  }
  ~PrivateTempDir() {
    std::error_code ec;
    if (!path_.empty()) fs::remove_all(path_, ec);
  }
  PrivateTempDir(const PrivateTempDir&) = delete;
  PrivateTempDir& operator=(const PrivateTempDir&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

nlohmann::json ReadStateFile(const std::string& out_dir) {
  std::ifstream in(fs::path(out_dir) / kStateFile);
  nlohmann::json state = nlohmann::json::parse(in, nullptr, /*allow_exceptions=*/false);
  return state.is_object() ? state : nlohmann::json::object();
}

std::string FileName(const std::string& path) { return fs::path(path).filename().string(); }

}  // namespace

std::map<std::string, std::string> ReadSavedFindings(const std::string& out_dir) {
  std::map<std::string, std::string> kept;
  const nlohmann::json state = ReadStateFile(out_dir);
  if (!state.contains("saved") || !state["saved"].is_object()) return kept;
  for (const auto& [name, sha] : state["saved"].items()) {
    if (!sha.is_string() || name != FileName(name)) continue;  // a bare file name only
    StatusOr<std::string> text = ReadBytes((fs::path(out_dir) / name).string(), name);
    if (text && Sha256Hex(*text) == sha.get<std::string>()) kept[name] = std::move(*text);
  }
  return kept;
}

StatusOr<ReviewDesk> ReviewDesk::Open(const Session& session, OcrContext* ocr, std::vector<ServedDocument> documents,
                                      const ReviewServerOptions& options) {
  ReviewDesk desk(session, ocr);
  desk.documents_ = std::move(documents);
  desk.out_dir_ = options.out_dir;
  desk.ReadState();
  if (Status s = desk.PutBackSaved(options.saved_findings); !s.ok()) return Error(s);
  for (const ServedDocument& d : desk.documents_) {
    StatusOr<ReviewedFindings> read = ReadReviewedFindings(d.review.findings_json);
    if (!read) return Error(read.error());
    desk.findings_.push_back(std::move(read->json));
  }
  return desk;
}

// Where the reviewer was, and what was saved, if this queue ran before.
void ReviewDesk::ReadState() {
  const nlohmann::json state = ReadStateFile(out_dir_);
  const std::string at = state.value("current", std::string());
  for (size_t i = 0; i < documents_.size(); ++i) {
    if (FileName(documents_[i].review.findings_json) == at) current_ = i;
  }
}

// A findings file saved before replaces review's new one when both were
// made from the same input; otherwise the new one stands, unsaved.
Status ReviewDesk::PutBackSaved(const std::map<std::string, std::string>& saved) {
  for (const ServedDocument& d : documents_) {
    const std::string name = FileName(d.review.findings_json);
    auto kept = saved.find(name);
    if (kept == saved.end()) continue;
    StatusOr<ReviewedFindings> fresh = ReadReviewedFindings(d.review.findings_json);
    const nlohmann::json old = nlohmann::json::parse(kept->second, nullptr, false);
    if (!fresh || !old.is_object() || old.value("sha256", "") != fresh->json.value("sha256", "-")) continue;
    if (Status s = pdf::WriteFileAtomically(d.review.findings_json, kept->second); !s.ok()) return s;
    saved_[name] = Sha256Hex(kept->second);
  }
  return Status::Ok();
}

nlohmann::json ReviewDesk::Queue() const {
  nlohmann::json docs = nlohmann::json::array();
  for (size_t i = 0; i < documents_.size(); ++i) {
    const ReviewResult& r = documents_[i].review;
    nlohmann::json pages = nlohmann::json::array();
    for (const DocumentResult::PageToReview& p : r.pages_to_review) {
      pages.push_back({{"page", p.page}, {"reason", p.reason}});
    }
    const std::string name = FileName(r.findings_json);
    docs.push_back({{"index", i},
                    {"shown", r.shown},
                    {"pages", findings_[i].value("pages", 0)},
                    {"pages_to_review", pages},
                    {"findings", findings_[i]["findings"].size()},
                    {"saved", saved_.contains(name)},
                    {"apply_command", documents_[i].apply_command}});
  }
  return {{"documents", docs}, {"current", current_}};
}

StatusOr<std::string> ReviewDesk::PdfBytes(size_t doc) const {
  const ServedDocument& d = documents_[doc];
  return d.password ? ReadBytes(d.review.review_pdf, "the review copy of " + d.review.shown)
                    : ReadBytes(d.input, d.review.shown);
}

// The file as review wrote it, its "findings" replaced by the reviewer's,
// checked as apply --findings will check it.
StatusOr<nlohmann::json> ReviewDesk::Reviewed(size_t doc, const nlohmann::json& findings) const {
  nlohmann::json reviewed = findings_[doc];
  reviewed["findings"] = findings;
  const std::string& source = documents_[doc].review.findings_json;
  if (Status s = ValidateFindings(reviewed, source, reviewed.value("pages", -1)); !s.ok()) return Error(s);
  return reviewed;
}

StatusOr<std::string> ReviewDesk::Save(size_t doc, const nlohmann::json& findings) {
  StatusOr<nlohmann::json> reviewed = Reviewed(doc, findings);
  if (!reviewed) return Error(reviewed.error());
  const ServedDocument& d = documents_[doc];
  const std::string text = reviewed->dump(1) + "\n";
  if (Status s = pdf::WriteFileAtomically(d.review.findings_json, text); !s.ok()) return Error(s);
  // What apply will read: the file as written, for this input.
  StatusOr<ReviewedFindings> back = ReadReviewedFindings(d.review.findings_json);
  if (!back) return Error(back.error());
  if (Status s = CheckFindingsMadeFor(*back, d.input, d.review.shown); !s.ok()) return Error(s);
  findings_[doc] = std::move(back->json);
  saved_[FileName(d.review.findings_json)] = Sha256Hex(text);
  if (Status s = WriteState(); !s.ok()) return Error(s);
  return d.apply_command;
}

StatusOr<std::string> ReviewDesk::Preview(size_t doc, const nlohmann::json& findings) {
  StatusOr<nlohmann::json> reviewed = Reviewed(doc, findings);
  if (!reviewed) return Error(reviewed.error());
  const ServedDocument& d = documents_[doc];
  PrivateTempDir dir;
  if (dir.path().empty()) return Error(StatusCode::kWriteFailed, "cannot make a private folder for the preview");
  const ReviewedFindings list{d.review.findings_json, std::move(*reviewed)};
  DocumentTask task;
  task.input = d.input;
  task.password = d.password;
  task.output_pdf = (fs::path(dir.path()) / "preview.pdf").string();
  task.shown = d.review.shown;
  task.reviewed = &list;
  ApplySettings settings;
  settings.verify = false;  // shown, never filed: apply checks what is filed
  StatusOr<DocumentResult> result = ApplyDocument(*session_, ocr_, task, settings);
  if (!result) return Error(result.error());
  StatusOr<std::string> bytes = ReadBytes(result->staged_pdf, "the preview of " + d.review.shown);
  DiscardDocument(&*result);
  return bytes;
}

Status ReviewDesk::SetCurrent(size_t doc) {
  current_ = doc;
  return WriteState();
}

Status ReviewDesk::WriteState() const {
  const nlohmann::json state = {
      {"current", FileName(documents_[current_].review.findings_json)},
      {"saved", saved_},
      {"note", "Where redact review --serve was in this folder's queue; safe to delete."}};
  return pdf::WriteFileAtomically((fs::path(out_dir_) / kStateFile).string(), state.dump(1) + "\n");
}

}  // namespace redact
