// `redact scan FILE.pdf... [--names CSV] [--policy FILE] [--patterns DIR]
//  [--format text|json] [--password P]`: prints findings for review on
// stdout (this is the one output that shows plaintext identifiers: it is
// for the reviewer's screen, never written to disk by redact) and a count
// per category.
#ifndef REDACT_TOOLS_REDACT_SCAN_COMMAND_H_
#define REDACT_TOOLS_REDACT_SCAN_COMMAND_H_

#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace CLI {
class App;
}

#include "pipeline/analyze.h"

namespace redact::cli {

struct DetectionOptions {
  std::optional<std::string> names;
  std::optional<std::string> policy;
  std::string patterns;  // defaults to the shipped patterns/ folder
  std::string ocr = "auto";
  std::string lang = "eng+spa";
  int jobs = 0;          // OCR workers per document; 0: one per core
  bool deskew = false;
  bool binarize = false;
};

// The OcrContext these options ask for.
OcrContext MakeOcrContext(const DetectionOptions& options);

// Adds --names, --policy, --patterns, --ocr, --lang, --jobs to a subcommand.
void AddDetectionOptions(CLI::App* cmd, DetectionOptions* options);

// The rules folder: --patterns if given, else $REDACT_PATTERNS, else the
// shipped patterns/ folder.
std::string PatternsDir(const std::string& given);

struct ScanOptions {
  std::vector<std::string> files;
  std::string format = "text";
  std::optional<std::string> password;
  DetectionOptions detection;
};

void AddScanCommand(CLI::App* app, ScanOptions* options);
int RunScan(const ScanOptions& options, std::ostream& out, std::ostream& err);

}  // namespace redact::cli

#endif  // REDACT_TOOLS_REDACT_SCAN_COMMAND_H_
