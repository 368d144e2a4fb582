#include "tools/redact/verify_command.h"

#include <CLI/CLI.hpp>
#include <unistd.h>

#include <map>

#include <nlohmann/json.hpp>

#include "pipeline/report.h"
#include "pipeline/verify.h"
#include "tools/redact/common.h"
#include "tools/redact/exit_codes.h"

namespace redact::cli {

void AddVerifyCommand(CLI::App* app, VerifyOptions* options) {
  CLI::App* cmd = app->add_subcommand(
      "verify", "Prove that nothing detectable survives in redacted outputs (exit 7 on a leak)");
  cmd->add_option("files", options->files, "redacted PDF files")->required();
  cmd->add_option("--original", options->original, "the input the output was made from: its values must all be gone");
  AddPasswordFlags(cmd, &options->password, "password of the original");
  const std::map<std::string, VerifyLevel> levels = {{"standard", VerifyLevel::kStandard}, {"full", VerifyLevel::kFull}};
  cmd->add_option("--level", options->level,
                  "standard (default): poppler reads every page, and the pages its text cannot speak for "
                  "(images, Type3 fonts, soft masks, a ToUnicode that contradicts its glyphs, drawn "
                  "shapes, engines that disagree) are rendered and read by OCR; full: every page is")
      ->transform(CLI::CheckedTransformer(levels));
  const std::map<std::string, VerifyFormat> formats = {{"text", VerifyFormat::kText}, {"json", VerifyFormat::kJson}};
  cmd->add_option("--format", options->format, "text (default) or json (one object: each output's verdict)")
      ->transform(CLI::CheckedTransformer(formats));
  AddSessionFlags(cmd, &options->session, "pages OCR'd at once (default: one per core)");
}

int RunVerify(const VerifyOptions& options, std::ostream& out, std::ostream& err) {
  if (options.original && options.files.size() != 1) {
    return Fail(err, Status(StatusCode::kInvalidArgument, "--original goes with exactly one output"));
  }
  int code = kExitOk;
  std::unique_ptr<Session> session = OpenSession(options.session, err, &code);
  if (!session) return code;
  pdf::OpenOptions original_options;
  original_options.password = options.password;
  const bool json = options.format == VerifyFormat::kJson;
  const bool colour = !json && UseColour(STDOUT_FILENO);
  nlohmann::json documents = nlohmann::json::array();
  size_t leaks = 0, failed = 0;
  StatusCode last_error = StatusCode::kOk;
  for (const std::string& file : options.files) {
    SecondLookSettings second;
    second.level = options.level;
    second.languages = session->options().ocr.languages;
    second.jobs = session->NewOcrContext().jobs;
    StatusOr<VerifyResult> r = VerifyOutput(file, options.original, original_options, session->detector(),
                                              session->options().ocr.mode, second);
    if (!r) {
      Fail(err, r.error());
      if (json) documents.push_back({{"file", file}, {"status", "error"}, {"error", r.error().message()}});
      ++failed, last_error = r.error().code();
      continue;
    }
    if (json) documents.push_back(VerifyJson(file, *r));
    if (!r->structure_problem.empty()) {
      // A file other readers must repair is not called clean.
      Fail(err, Status(StatusCode::kDamagedPdf, r->structure_problem));
      ++failed, last_error = StatusCode::kDamagedPdf;
      continue;
    }
    leaks += r->leaks.size();
    if (r->pages_render_skipped > 0) {
      err << "redact: " << file << ": weaker check: " << r->pages_render_skipped
          << " page(s) that needed rendering and OCR were not read (--ocr never)\n";
    }
    for (const Leak& l : r->to_review) {
      err << "redact: " << file << ": " << l.where << ": review by hand (a " << l.category
          << " found only by a cue in text OCR read off the output)\n";
    }
    if (json) continue;
    for (const Leak& l : r->leaks) out << file << ": " << Paint(colour, "1;31", "LEAK") << " in " << l.channel << ", " << l.where << " (" << l.category << ")\n";
    if (r->leaks.empty()) {
      out << file << ": " << Paint(colour, "32", "clean") << " (" << r->pages << " pages, " << r->objects_checked << " objects, " << r->streams_checked
          << " streams, " << r->values_searched << " original values searched; poppler read " << r->pages_poppler
          << " pages, " << r->pages_rendered << " rendered and OCR'd)\n";
    }
  }
  if (json) out << JsonText({{"documents", documents}, {"leaks", leaks}, {"failed", failed}}, 2) << "\n";
  if (leaks > 0) return kExitLeak;
  return ExitCodeForBatch(options.files.size(), failed, last_error);
}

}  // namespace redact::cli
