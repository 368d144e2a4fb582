#include "tools/redact/review_command.h"

#include <CLI/CLI.hpp>

#include <cstdlib>
#include <filesystem>
#include <map>

#include "pipeline/review.h"
#include "tools/redact/common.h"
#include "tools/redact/exit_codes.h"

namespace redact::cli {
namespace {

// The apply command that applies the reviewed findings as review found
// them: every option that changes what apply reads, names or keys, shell-
// quoted. The input is "INPUT" when its path names someone; a password is
// never printed ("PASSWORD" stands for it).
std::string ApplyCommand(const ReviewOptions& options, const ReviewResult& r) {
  const SessionOptions& s = options.session;
  std::string cmd = "redact apply " + (r.hide_path ? std::string("INPUT") : ShellQuote(options.file));
  cmd += " --findings " + ShellQuote(r.findings_json);
  cmd += " --out " + ShellQuote((std::filesystem::path(options.out) / "redacted").string());
  if (s.names_csv) cmd += " --names " + ShellQuote(*s.names_csv);
  if (s.policy_file) cmd += " --policy " + ShellQuote(*s.policy_file);
  if (!s.patterns_dir.empty() || std::getenv("REDACT_PATTERNS")) {
    cmd += " --patterns " + ShellQuote(s.patterns_dir.empty() ? DefaultPatternsDir() : s.patterns_dir);
  }
  if (s.job_key_file) cmd += " --job-key " + ShellQuote(*s.job_key_file);
  const OcrSettings defaults;
  if (s.ocr.mode != defaults.mode) cmd += s.ocr.mode == OcrMode::kAlways ? " --ocr always" : " --ocr never";
  if (s.ocr.languages != defaults.languages) cmd += " --lang " + ShellQuote(s.ocr.languages);
  if (s.ocr.cleanup.deskew) cmd += " --deskew";
  if (s.ocr.cleanup.binarize) cmd += " --binarize";
  if (options.naming == OutputNaming::kSequence) cmd += " --output-names sequence";
  if (options.naming == OutputNaming::kKeep) cmd += " --output-names keep";
  if (options.password) cmd += " --password PASSWORD";
  return cmd;
}

}  // namespace

void AddReviewCommand(CLI::App* app, ReviewOptions* options) {
  CLI::App* cmd = app->add_subcommand(
      "review", "Write a review copy with highlighted findings and an editable findings file");
  cmd->add_option("file", options->file, "PDF file")->required();
  cmd->add_option("--out", options->out, "output folder (created if missing)")->required();
  const std::map<std::string, OutputNaming> namings = {
      {"pseudonym", OutputNaming::kPseudonym}, {"sequence", OutputNaming::kSequence}, {"keep", OutputNaming::kKeep}};
  cmd->add_option("--output-names", options->naming, "name outputs as apply does: pseudonym (default), sequence or keep")
      ->transform(CLI::CheckedTransformer(namings));
  AddPasswordFlags(cmd, &options->password, "password for encrypted PDFs");
  cmd->add_option("--job-key", options->session.job_key_file,
                  "the job key apply will use: output names that take a pseudonym are the same");
  AddSessionFlags(cmd, &options->session, "pages OCR'd at once (default: one per core)");
  AddNoNamesFlag(cmd, &options->no_names);
}

int RunReview(const ReviewOptions& options, std::ostream& out, std::ostream& err) {
  if (Status s = CheckNamesChoice(options.session, options.no_names, err); !s.ok()) return Fail(err, s);
  int code = kExitOk;
  std::unique_ptr<Session> session = OpenSession(options.session, err, &code);
  if (!session) return code;
  OcrContext ocr = session->NewOcrContext();
  ocr.on_page = PageProgress(options.verbosity, err, "the input");  // its path may name someone
  StatusOr<ReviewResult> r =
      ReviewDocument(*session, &ocr, {options.file, options.password, options.out, options.naming});
  if (!r) return Fail(err, r.error());
  out << r->review_pdf << ": " << r->findings << " finding(s) highlighted\n"
      << r->findings_json << ": edit, then: " << ApplyCommand(options, *r) << "\n";
  // Or the review copy, marked up in any PDF viewer: the same command, reading it.
  std::string by_viewer = ApplyCommand(options, *r);
  by_viewer.replace(by_viewer.find(" --findings "), 12 + ShellQuote(r->findings_json).size(),
                    " --reviewed " + ShellQuote(r->review_pdf));
  out << r->review_pdf << ": or mark it up in a PDF viewer, then: " << by_viewer << "\n";
  if (r->hide_path || options.password) {
    out << "  (" << (r->hide_path ? "INPUT: the input's path, not printed because it names someone" : "")
        << (r->hide_path && options.password ? "; " : "")
        << (options.password ? "PASSWORD: the input's password, not printed" : "") << ")\n";
  }
  WarnIfRepaired(err, r->shown, r->input_repaired);
  for (const DocumentResult::PageToReview& p : r->pages_to_review) {
    err << "redact: " << r->shown << ": page " << p.page << ": review by hand before filing (" << p.reason << ")\n";
  }
  return kExitOk;
}

}  // namespace redact::cli
