// A team's `--config FILE` (TOML): the options it always uses, so a job is
// one short command. Flat keys named after the command-line flags they
// stand for; a flag given on the command line wins over its key.
//
//   names = "names.csv"                 # --names
//   policy = "policy.toml"              # --policy
//   patterns = "/srv/redact/patterns"   # --patterns
//   ocr = "auto"                        # --ocr: auto, always, never
//   lang = "eng+spa"                    # --lang (OCR languages)
//   recipients = ["age1…", "age1…"]     # --recipient, repeated
//   recipients-file = "recipients.txt"  # --recipients-file
//   passphrase-file = "passphrase.txt"  # --passphrase-file
//   job-key = "job.key"                 # --job-key
//
// Relative paths are relative to the config file's folder (a shared
// config works from any working directory). A key this file does not know,
// a value of the wrong type, or a TOML syntax error is an error naming the
// file, line and key (a misspelled key would otherwise silently do
// nothing). Commands use the keys that apply to them and ignore the rest
// (`extract` takes no names list).
//
// Thread-safety: a pure function over the file.
#ifndef REDACT_CORE_CONFIG_FILE_H_
#define REDACT_CORE_CONFIG_FILE_H_

#include <optional>
#include <string>
#include <vector>

#include "core/status.h"

namespace redact {

struct ConfigFile {
  std::optional<std::string> names;
  std::optional<std::string> policy;
  std::optional<std::string> patterns;
  std::optional<std::string> ocr;  // as written; the command parses it
  std::optional<std::string> lang;
  std::optional<std::vector<std::string>> recipients;
  std::optional<std::string> recipients_file;
  std::optional<std::string> passphrase_file;
  std::optional<std::string> job_key;
};

// The keys above, in their order.
const std::vector<std::string>& ConfigFileKeys();

// Reads `path`. kNotFound when it cannot be opened; kInvalidArgument
// ("FILE:LINE: …") for syntax, unknown keys and wrong types.
StatusOr<ConfigFile> LoadConfigFile(const std::string& path);

}  // namespace redact

#endif  // REDACT_CORE_CONFIG_FILE_H_
