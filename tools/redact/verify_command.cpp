#include "tools/redact/verify_command.h"

#include <CLI/CLI.hpp>
#include <cstdlib>

#include "pipeline/analyze.h"
#include "pipeline/verify.h"
#include "tools/redact/exit_codes.h"

namespace redact::cli {

void AddVerifyCommand(CLI::App* app, VerifyOptions* options) {
  CLI::App* cmd = app->add_subcommand(
      "verify", "Prove that nothing detectable survives in redacted outputs (exit 7 on a leak)");
  cmd->add_option("files", options->files, "redacted PDF files")->required();
  cmd->add_option("--original", options->original,
                  "the input the output was made from: its values must all be gone");
  cmd->add_option("--password", options->password, "password of the original");
  AddDetectionOptions(cmd, &options->detection);
}

int RunVerify(const VerifyOptions& options, std::ostream& out, std::ostream& err) {
  if (options.original && options.files.size() != 1) {
    err << "redact: --original goes with exactly one output\n";
    return kExitUsage;
  }
  auto detector = LoadDetector(PatternsDir(options.detection.patterns), options.detection.names,
                               options.detection.policy);
  if (!detector) {
    err << "redact: " << detector.error().message() << "\n";
    return kExitUsage;
  }
  pdf::OpenOptions original_options;
  original_options.password = options.password;
  int leaks = 0, failed = 0, last_error = kExitOk;
  for (const std::string& file : options.files) {
    StatusOr<VerifyResult> r = VerifyOutput(file, options.original, original_options, **detector);
    if (!r) {
      err << "redact: " << r.error().message() << "\n";
      ++failed;
      last_error = ExitCodeFor(r.error().code());
      continue;
    }
    for (const Leak& l : r->leaks) {
      out << file << ": LEAK in " << l.channel << ", " << l.where << " (" << l.category << ")\n";
    }
    for (const Leak& l : r->to_review) {
      err << "redact: " << file << ": " << l.where << ": review by hand (a " << l.category
          << " found only by a cue in text OCR read off the output)\n";
    }
    leaks += static_cast<int>(r->leaks.size());
    if (r->leaks.empty()) {
      out << file << ": clean (" << r->pages << " pages, " << r->objects_checked << " objects, "
          << r->streams_checked << " streams, " << r->values_searched
          << " original values searched)\n";
    }
  }
  if (leaks > 0) return kExitLeak;
  if (failed > 0) return options.files.size() == 1 ? last_error : kExitSomeFailed;
  return kExitOk;
}

}  // namespace redact::cli
