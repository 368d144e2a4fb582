#include "tools/redact/apply_command.h"

#include <CLI/CLI.hpp>

#include <stdlib.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "pdf/clean_writer.h"
#include "pipeline/apply.h"
#include "pipeline/review.h"
#include "pipeline/reviewed_pdf.h"
#include "tools/redact/exit_codes.h"

namespace redact::cli {
namespace {

namespace fs = std::filesystem;

// The reviewed findings file (--findings) or marked-up review PDF
// (--reviewed), read and checked before any document is (one input only;
// ApplyDocument checks it was made from that input — a review copy is
// checked first, before its annotations are read). `shown`: the input in
// messages.
StatusOr<std::optional<ReviewedFindings>> ReadReviewed(const ApplyOptions& options, const std::string& shown) {
  if (!options.findings && !options.reviewed) return std::optional<ReviewedFindings>();
  const char* flag = options.findings ? "--findings" : "--reviewed";
  if (options.files.size() != 1) return Error(StatusCode::kInvalidArgument, std::string(flag) + " goes with exactly one input");
  StatusOr<ReviewedFindings> reviewed =
      options.findings ? ReadReviewedFindings(*options.findings)
                       : ReadReviewedPdf(*options.reviewed, options.files[0], shown);
  if (!reviewed) return Error(reviewed.error());
  return std::optional<ReviewedFindings>(std::move(*reviewed));
}

// Where this run's sealed mapping goes: --mapping-out (never over an
// existing file), else DIR/mapping.age, or mapping-2.age, -3, … when an
// earlier run's mapping is there — a mapping is never overwritten, or the
// documents it reverses could never be reversed again.
StatusOr<fs::path> MappingPath(const ApplyOptions& options) {
  std::error_code ec;
  if (options.mapping_out) {
    if (fs::exists(*options.mapping_out, ec)) {
      return Error(StatusCode::kInvalidArgument, *options.mapping_out +
                                                     ": a mapping is already there; it is never overwritten "
                                                     "(choose another --mapping-out)");
    }
    return fs::path(*options.mapping_out);
  }
  fs::path path = fs::path(options.out) / "mapping.age";
  for (int n = 2; fs::exists(path, ec); ++n) path = fs::path(options.out) / ("mapping-" + std::to_string(n) + ".age");
  return path;
}

// Seals and writes the mapping of the documents staged so far. Errors:
// Seal's and the write's.
Status WriteMapping(const Session& session, MappingBuilder* mapping, const fs::path& path) {
  StatusOr<std::string> sealed = session.Seal(mapping);
  return sealed ? pdf::WriteFileAtomically(path.string(), *sealed) : sealed.error();
}

// A private folder (mkdtemp: 0700) removed with everything in it when
// this goes out of scope.
class PrivateTempDir {
 public:
  static StatusOr<PrivateTempDir> Make() {
    const char* tmp = std::getenv("TMPDIR");
    std::string pattern = (fs::path(tmp && *tmp ? tmp : "/tmp") / "redact-XXXXXX").string();
    if (!mkdtemp(pattern.data())) {
      return Error(StatusCode::kWriteFailed, "cannot make a private temporary folder under " +
                                                 fs::path(pattern).parent_path().string() + " (set TMPDIR)");
    }
    return PrivateTempDir(pattern);
  }
  PrivateTempDir(PrivateTempDir&& other) noexcept : path_(std::move(other.path_)) { other.path_.clear(); }
  PrivateTempDir(const PrivateTempDir&) = delete;
  ~PrivateTempDir() {
    std::error_code ec;
    if (!path_.empty()) fs::remove_all(path_, ec);
  }
  const fs::path& path() const { return path_; }

 private:
  explicit PrivateTempDir(fs::path path) : path_(std::move(path)) {}
  fs::path path_;
};

std::string ReadWhole(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), {});
}

Status ReadStandardInput(const fs::path& to) {
  std::string bytes((std::istreambuf_iterator<char>(std::cin)), {});
  if (std::cin.bad()) return Status(StatusCode::kInvalidArgument, "standard input: could not be read");
  if (bytes.empty()) return Status(StatusCode::kInvalidArgument, "standard input: empty (pipe a PDF into redact apply -)");
  return pdf::WriteFileAtomically(to.string(), bytes);
}

Status CopyToStandardOutput(const fs::path& from) {
  const std::string bytes = ReadWhole(from);
  std::cout.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  std::cout.flush();
  if (!std::cout) return Status(StatusCode::kWriteFailed, "standard output: the PDF could not be written");
  return Status::Ok();
}

int RunApplyStaged(const ApplyOptions& options, bool to_stdout, std::ostream& out, std::ostream& err);

}  // namespace

void AddApplyCommand(CLI::App* app, ApplyOptions* options) {
  CLI::App* cmd = app->add_subcommand("apply", "Write redacted PDFs and reports (identifiers removed, not covered)");
  cmd->add_option("files", options->files, "PDF files (\"-\": one PDF from standard input)")->required();
  cmd->add_option("--out", options->out,
                  "output folder (created if missing); \"-\": the one output PDF to standard output, "
                  "after it is checked")
      ->required();
  CLI::Option* findings = cmd->add_option("--findings", options->findings,
                  "apply exactly the findings of a reviewed file (from redact review of the "
                  "same PDF: its sha256 is checked) instead of detecting; one input only");
  cmd->add_option("--reviewed", options->reviewed,
                  "apply the review copy (FILE.review.pdf from redact review of the same PDF) as marked up "
                  "in a PDF viewer: a deleted highlight keeps its text, a drawn rectangle or redaction mark "
                  "is removed whole, a note's \"category:\" or \"label:\" changes its finding; one input only")
      ->excludes(findings);
  cmd->add_option("--mapping-out", options->mapping_out, "where the sealed mapping goes (default: OUT/mapping.age)");
  cmd->add_option("--report-out", options->report_out,
                  "with --out - (the PDF to standard output): where the report goes");
  AddApplyFlags(cmd, &options->apply, &options->session);
  AddSessionFlags(cmd, &options->session, "pages OCR'd at once (default: one per core)");
}

int RunApply(const ApplyOptions& options, std::ostream& out, std::ostream& err) {
  const bool from_stdin = std::find(options.files.begin(), options.files.end(), "-") != options.files.end();
  const bool to_stdout = options.out == "-";
  if (!from_stdin && !to_stdout) {
    if (options.report_out) return Fail(err, Status(StatusCode::kInvalidArgument, "--report-out goes with --out -"));
    return RunApplyStaged(options, false, out, err);
  }
  if (options.files.size() != 1) {
    return Fail(err, Status(StatusCode::kInvalidArgument,
                            std::string(from_stdin ? "\"-\" (standard input)" : "--out -") +
                                " goes with exactly one input"));
  }
  StatusOr<PrivateTempDir> dir = PrivateTempDir::Make();
  if (!dir) return Fail(err, dir.error());
  ApplyOptions staged = options;
  if (from_stdin) {
    fs::create_directories(dir->path() / "in");
    staged.files = {(dir->path() / "in" / "stdin.pdf").string()};
    if (Status s = ReadStandardInput(staged.files[0]); !s.ok()) return Fail(err, s);
  }
  if (to_stdout) staged.out = (dir->path() / "out").string();
  // Standard output carries the PDF: status lines go to stderr.
  const int code = RunApplyStaged(staged, to_stdout, to_stdout ? err : out, err);
  if (!to_stdout || code != kExitOk) return code;
  fs::path pdf, report;
  for (const auto& entry : fs::directory_iterator(staged.out)) {
    if (entry.path().extension() == ".pdf") pdf = entry.path();
  }
  if (pdf.empty()) return Fail(err, Status(StatusCode::kInternal, "the output PDF was not staged"));
  report = fs::path(pdf).replace_extension(".report.json");
  if (options.report_out) {
    if (Status s = pdf::WriteFileAtomically(*options.report_out, ReadWhole(report)); !s.ok()) return Fail(err, s);
  } else {
    err << "redact: the report was not kept (--report-out FILE keeps it)\n";
  }
  if (Status s = CopyToStandardOutput(pdf); !s.ok()) return Fail(err, s);
  return kExitOk;
}

namespace {

int RunApplyStaged(const ApplyOptions& options, bool to_stdout, std::ostream& out, std::ostream& err) {
  // A reviewed findings file is applied as it stands: no detection to weaken.
  const bool no_names =
      options.apply.no_names || ((options.findings || options.reviewed) && !options.session.names_csv);
  if (Status s = CheckNamesChoice(options.session, no_names, err); !s.ok()) return Fail(err, s);
  int code = kExitOk;
  std::unique_ptr<Session> session = OpenSession(options.session, err, &code);
  if (!session) return code;
  if (Status s = CheckMappingChoice(*session, options.apply); !s.ok()) return Fail(err, s);
  if (to_stdout && session->sealing() && !options.mapping_out) {
    return Fail(err, Status(StatusCode::kInvalidArgument,
                            "with --out -, say where the sealed mapping goes with --mapping-out FILE"));
  }
  // Output names: an input named after the person is not published under
  // that name, and messages call it by its output name.
  std::vector<std::string> file_names;
  for (const std::string& file : options.files) file_names.push_back(fs::path(file).stem().string() + ".pdf");
  const std::vector<NamedOutput> named = session->NameOutputs(file_names, options.apply.naming);
  const size_t renamed = static_cast<size_t>(
      std::count_if(named.begin(), named.end(), [](const NamedOutput& n) { return !n.findings.empty(); }));
  if (renamed > 0 && !session->sealing()) {
    err << "redact: " << renamed << " input(s) named after a person are written under other names; "
        << "without --recipient or --passphrase-file no record links them to their outputs\n";
  }
  StatusOr<std::optional<ReviewedFindings>> reviewed =
      ReadReviewed(options, ShowInput(*session, options.files[0], named[0].output, file_names[0]).shown);
  if (!reviewed) return Fail(err, reviewed.error());
  std::error_code ec;
  fs::create_directories(options.out, ec);
  if (!fs::is_directory(options.out)) return Fail(err, Status(StatusCode::kWriteFailed, options.out + ": cannot create the output folder"));
  StatusOr<fs::path> map_path = MappingPath(options);
  if (!map_path) return Fail(err, map_path.error());
  OcrContext ocr = session->NewOcrContext();
  MappingBuilder mapping = session->NewMapping();
  std::vector<DocumentResult> staged;
  size_t failed = 0;
  StatusCode last_error = StatusCode::kOk;
  for (size_t i = 0; i < options.files.size(); ++i) {
    DocumentTask task;
    task.input = options.files[i];
    task.password = options.apply.password;
    task.output_pdf = (fs::path(options.out) / named[i].output).string();
    task.shown = ShowInput(*session, task.input, named[i].output, file_names[i]).shown;
    task.reviewed = *reviewed ? &**reviewed : nullptr;
    ocr.on_page = PageProgress(options.verbosity, err, task.shown);
    const Status name_ok = OutputNameProblem(named[i], task.shown);
    StatusOr<DocumentResult> result = name_ok.ok() ? ApplyDocument(*session, &ocr, task, options.apply.settings)
                                                   : StatusOr<DocumentResult>(Error(name_ok));
    if (!result) {
      // A reviewed list that does not fit its document stops the command.
      if (task.reviewed && result.error().code() == StatusCode::kInvalidArgument) return Fail(err, result.error());
      Fail(err, result.error());
      ++failed, last_error = result.error().code();
      continue;
    }
    // The input's own name (which may name the person) is kept in the
    // sealed mapping, and nowhere else.
    if (session->sealing()) {
      mapping.AddDocument(fs::path(task.input).filename().string(), named[i].output, std::move(result->mapping));
    }
    WarnIfRepaired(err, task.shown, result->input_repaired);
    if (result->verification.pages_render_skipped > 0) {
      err << "redact: " << task.shown << ": weaker check: " << result->verification.pages_render_skipped
          << " page(s) that needed rendering and OCR were not read (--ocr never; --verify reads them)\n";
    }
    for (const DocumentResult::PageToReview& p : result->pages_to_review) {
      err << "redact: " << task.shown << ": " << (p.page > 0 ? "page " + std::to_string(p.page) : "the document")
          << ": review by hand before filing (" << p.reason << ")\n";
    }
    staged.push_back(std::move(*result));
  }
  // The mapping is durable before any PDF it reverses appears.
  if (session->sealing() && !mapping.empty()) {
    if (Status w = WriteMapping(*session, &mapping, *map_path); !w.ok()) {
      for (DocumentResult& r : staged) DiscardDocument(&r);
      return Fail(err, w);
    }
    out << map_path->string() << ": mapping sealed (age); open it with redact unseal or age -d\n";
  }
  for (DocumentResult& r : staged) {
    if (Status s = PublishDocument(&r); !s.ok()) {
      Fail(err, s);
      ++failed, last_error = s.code();
      continue;
    }
    // Under --out - the staging folder is gone when the command ends: name
    // the stream, not the staged path.
    out << (to_stdout ? std::string("standard output") : r.output_pdf) << ": " << r.findings.size()
        << " finding(s) removed, " << r.boxes.size() << " box(es)"
        << (r.verification.checked ? ", checked" : ", NOT checked (--no-verify)")
        << (to_stdout ? std::string() : "; report " + r.report) << "\n";
  }
  return ExitCodeForBatch(options.files.size(), failed, last_error);
}

}  // namespace

}  // namespace redact::cli
