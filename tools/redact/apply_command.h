// `redact apply FILE.pdf... --out DIR [--names CSV] [--policy FILE]
//  [--password P] [--no-boxes] [--fail-on-undecodable]`: writes
// DIR/<name>.pdf (identifiers removed) and DIR/<name>.report.json (counts,
// boxes, side channels, warnings, timings; values only as keyed hashes).
// Inputs are read-only and never overwritten; outputs appear atomically;
// one bad document does not stop the others.
#ifndef REDACT_TOOLS_REDACT_APPLY_COMMAND_H_
#define REDACT_TOOLS_REDACT_APPLY_COMMAND_H_

#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "stages/detect/detector.h"
#include "stages/seal/keyed_hash.h"
#include "tools/redact/scan_command.h"

namespace CLI {
class App;
}

namespace redact::cli {

struct ApplyOptions {
  std::vector<std::string> files;
  std::string out;
  std::optional<std::string> password;
  DetectionOptions detection;
  bool no_boxes = false;
  bool uniform_boxes = false;
  bool ocr_layer = false;  // scans: an invisible text layer of the words kept
  std::optional<std::string> findings;  // a reviewed findings file
  std::string mode = "redact";          // redact | pseudonymize
  std::vector<std::string> recipients;  // age1…
  std::optional<std::string> recipients_file;
  std::optional<std::string> passphrase_file;
  bool no_mapping = false;
  std::optional<std::string> job_key;   // file: keys pseudonyms and hashes
  bool armor = false;                   // ASCII-armored mapping
  bool fail_on_undecodable = false;
  std::optional<std::string> mapping_out;  // default OUT/mapping.age
  // How outputs are named when an input's file name holds an identifier
  // (pipeline/output_names): pseudonym | sequence | keep.
  std::string output_names = "pseudonym";
  // Set by redact run for its one file: the output file name it chose, the
  // name messages use for the input, and the input's place recorded in the
  // sealed mapping only.
  std::optional<std::string> output_file;
  std::optional<std::string> display_name;
  std::optional<std::string> source_label;
};

void AddApplyCommand(CLI::App* app, ApplyOptions* options);

// The options that say how to redact (not which files, nor where), shared
// with commands that run apply for each document (redact run).
void AddApplySettings(CLI::App* cmd, ApplyOptions* options);
int RunApply(const ApplyOptions& options, std::ostream& out, std::ostream& err);
// The keyed hasher of a job key file (read private, hashed to 32 bytes).
StatusOr<std::unique_ptr<KeyedHasher>> LoadJobHasher(const std::string& path);
// RunApply with the detector (rules, names, policy) already loaded, as a
// job's workers do: loading it is most of a small document's cost.
int RunApplyWith(const ApplyOptions& options, const Detector& detector, std::ostream& out, std::ostream& err);

}  // namespace redact::cli

#endif  // REDACT_TOOLS_REDACT_APPLY_COMMAND_H_
