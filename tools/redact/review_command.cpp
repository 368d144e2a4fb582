#include "tools/redact/review_command.h"

#include <CLI/CLI.hpp>

#include <map>

#include "pipeline/review.h"
#include "tools/redact/common.h"
#include "tools/redact/exit_codes.h"

namespace redact::cli {

void AddReviewCommand(CLI::App* app, ReviewOptions* options) {
  CLI::App* cmd = app->add_subcommand(
      "review", "Write a review copy with highlighted findings and an editable findings file");
  cmd->add_option("file", options->file, "PDF file")->required();
  cmd->add_option("--out", options->out, "output folder (created if missing)")->required();
  const std::map<std::string, OutputNaming> namings = {
      {"pseudonym", OutputNaming::kPseudonym}, {"sequence", OutputNaming::kSequence}, {"keep", OutputNaming::kKeep}};
  cmd->add_option("--output-names", options->naming, "name outputs as apply does: pseudonym (default), sequence or keep")
      ->transform(CLI::CheckedTransformer(namings));
  cmd->add_option("--password", options->password, "password for encrypted PDFs");
  AddSessionFlags(cmd, &options->session, "pages OCR'd at once (default: one per core)");
  AddNoNamesFlag(cmd, &options->no_names);
}

int RunReview(const ReviewOptions& options, std::ostream& out, std::ostream& err) {
  if (Status s = CheckNamesChoice(options.session, options.no_names, err); !s.ok()) return Fail(err, s);
  int code = kExitOk;
  std::unique_ptr<Session> session = OpenSession(options.session, err, &code);
  if (!session) return code;
  OcrContext ocr = session->NewOcrContext();
  StatusOr<ReviewResult> r =
      ReviewDocument(*session, &ocr, {options.file, options.password, options.out, options.naming});
  if (!r) return Fail(err, r.error());
  out << r->review_pdf << ": " << r->findings << " finding(s) highlighted\n"
      << r->findings_json << ": edit, then: redact apply " << (r->hide_path ? "INPUT" : options.file)
      << " --findings " << r->findings_json << " --out DIR\n";
  for (const DocumentResult::PageToReview& p : r->pages_to_review) {
    err << "redact: " << r->shown << ": page " << p.page << ": review by hand before filing (" << p.reason << ")\n";
  }
  return kExitOk;
}

}  // namespace redact::cli
