#include "tools/redact/review_command.h"

#include <CLI/CLI.hpp>
#include <cstdlib>
#include <filesystem>

#include "pdf/clean_writer.h"
#include "pipeline/analyze.h"
#include "pipeline/output_names.h"
#include "stages/seal/keyed_hash.h"
#include "stages/write_pseudonym/pseudonyms.h"
#include "stages/write_review/review.h"
#include "tools/redact/exit_codes.h"

namespace redact::cli {

namespace fs = std::filesystem;

void AddReviewCommand(CLI::App* app, ReviewOptions* options) {
  CLI::App* cmd = app->add_subcommand(
      "review", "Write a review copy with highlighted findings and an editable findings file");
  cmd->add_option("file", options->file, "PDF file")->required();
  cmd->add_option("--out", options->out, "output folder (created if missing)")->required();
  cmd->add_option("--output-names", options->output_names,
                  "name outputs as apply does: pseudonym (default), sequence or keep")
      ->check(CLI::IsMember({"pseudonym", "sequence", "keep"}));
  cmd->add_option("--password", options->password, "password for encrypted PDFs");
  AddDetectionOptions(cmd, &options->detection);
}

int RunReview(const ReviewOptions& options, std::ostream& out, std::ostream& err) {
  auto detector = LoadDetector(PatternsDir(options.detection.patterns), options.detection.names,
                               options.detection.policy);
  if (!detector) {
    err << "redact: " << detector.error().message() << "\n";
    return kExitUsage;
  }
  std::error_code ec;
  fs::create_directories(options.out, ec);
  // Named as apply names its output: not after a person.
  PseudonymStyle style;
  style.name = (*detector)->policy().pseudonym_name;
  style.name_label = (*detector)->policy().pseudonym_name_label;
  style.a_number = (*detector)->policy().pseudonym_a_number;
  KeyedHasher hasher;
  const Pseudonymizer pseudonyms(style, (*detector)->names(), &hasher);
  const std::string input_name = fs::path(options.file).stem().string() + ".pdf";
  const std::string out_name =
      NameOutputs({input_name}, *ParseOutputNaming(options.output_names), **detector, pseudonyms)[0].output;
  const bool renamed = out_name != input_name;
  const bool hide_path = renamed || PathHoldsIdentifier(options.file, **detector);
  const std::string shown = renamed ? "input renamed " + out_name : hide_path ? "input " + out_name : options.file;
  const std::string stem = fs::path(out_name).stem().string();
  const fs::path pdf_path = fs::path(options.out) / (stem + ".review.pdf");
  const fs::path json_path = fs::path(options.out) / (stem + ".findings.json");
  if (fs::exists(pdf_path) && fs::equivalent(options.file, pdf_path, ec)) {
    err << "redact: " << shown << ": refusing to overwrite the input\n";
    return kExitUsage;
  }
  pdf::OpenOptions open;
  open.password = options.password;
  open.limits = (*detector)->policy().limits;
  if (hide_path) open.display_name = shown;
  // OCR as apply does it: findings.json addresses glyphs, and apply
  // --findings must see the same glyphs.
  OcrContext ocr = MakeOcrContext(options.detection);
  StatusOr<AnalyzedDocument> doc = AnalyzeDocument(options.file, open, **detector, &ocr);
  if (!doc) {
    err << "redact: " << doc.error().message() << "\n";
    return ExitCodeFor(doc.error().code());
  }
  const nlohmann::json findings =
      FindingsToJson(renamed ? out_name : fs::path(options.file).filename().string(), doc->pages, doc->findings);
  Status s = AddReviewHighlights(*doc->document, doc->pages, doc->findings);
  if (s.ok()) s = pdf::WriteCleanCopy(*doc->document, pdf_path.string(), nullptr);
  if (s.ok()) s = pdf::WriteFileAtomically(json_path.string(), findings.dump(1) + "\n");
  if (!s.ok()) {
    err << "redact: " << s.message() << "\n";
    return ExitCodeFor(s.code());
  }
  out << pdf_path.string() << ": " << doc->findings.size() << " finding(s) highlighted\n"
      << json_path.string() << ": edit, then: redact apply " << (hide_path ? "INPUT" : options.file) << " --findings "
      << json_path.string() << " --out DIR\n";
  for (const PageText& p : doc->pages) {
    for (const ExtractionProblem& pr : p.problems) {
      if (pr.kind == ExtractionProblem::Kind::kNotOcrd || pr.kind == ExtractionProblem::Kind::kLowOcrConfidence) {
        err << "redact: " << shown << ": page " << p.number << ": review by hand before filing ("
            << ExtractionProblemName(pr.kind) << ")\n";
      }
    }
  }
  return kExitOk;
}

}  // namespace redact::cli
