// `redact extract FILE.pdf|- [--format text|json] [--password P]`: prints the
// glyph-accurate text of a PDF. JSON boxes use the `pdftotext -bbox`
// convention (points, origin top-left of the displayed page).
#ifndef REDACT_TOOLS_REDACT_EXTRACT_COMMAND_H_
#define REDACT_TOOLS_REDACT_EXTRACT_COMMAND_H_

#include <optional>
#include <ostream>
#include <string>

#include "pipeline/session.h"
#include "tools/redact/verbosity.h"

namespace CLI {
class App;
}

namespace redact::cli {

struct ExtractOptions {
  Verbosity verbosity = Verbosity::kNormal;  // -v: per-page progress (set by main)
  std::string file;
  enum class Format { kText, kJson } format = Format::kText;
  std::optional<std::string> password;
  bool glyphs = false;          // json: include every glyph
  OcrSettings ocr{OcrMode::kAuto, "eng+spa", 1, {}};  // jobs > 1: pages OCR'd at once (holds all pages)
};

// Registers the subcommand; `options` must outlive `app`.
void AddExtractCommand(CLI::App* app, ExtractOptions* options);

// Runs it; writes output to `out`, one-line errors to `err`; returns the
// process exit code.
int RunExtract(const ExtractOptions& options, std::ostream& out, std::ostream& err);

}  // namespace redact::cli

#endif  // REDACT_TOOLS_REDACT_EXTRACT_COMMAND_H_
