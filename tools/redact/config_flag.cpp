#include "tools/redact/config_flag.h"

#include <CLI/CLI.hpp>

#include "core/config_file.h"

namespace redact::cli {
namespace {

// Fills what the command line left unset from `config`: a flag given on the
// command line (count > 0) wins; a flag this command does not have is
// skipped.
void ApplyConfig(const CLI::App& cmd, const ConfigFile& config, SessionOptions* options) {
  const auto unset = [&cmd](const char* flag) {
    const CLI::Option* option = cmd.get_option_no_throw(flag);
    return option != nullptr && option->count() == 0;
  };
  if (config.names && unset("--names")) options->names_csv = config.names;
  if (config.policy && unset("--policy")) options->policy_file = config.policy;
  if (config.patterns && unset("--patterns")) options->patterns_dir = *config.patterns;
  if (config.lang && unset("--lang")) options->ocr.languages = *config.lang;
  if (config.ocr) {
    // Checked even when --ocr overrides it: the file is wrong either way.
    const std::optional<OcrMode> mode = ParseOcrMode(*config.ocr);
    if (!mode) throw CLI::ValidationError("--config", "ocr = \"" + *config.ocr + "\": use auto, always or never");
    if (unset("--ocr")) options->ocr.mode = *mode;
  }
  if (config.recipients && unset("--recipient")) options->seal.recipients = *config.recipients;
  if (config.recipients_file && unset("--recipients-file"))
    options->seal.recipients_file = config.recipients_file;
  if (config.passphrase_file && unset("--passphrase-file"))
    options->seal.passphrase_file = config.passphrase_file;
  if (config.job_key && unset("--job-key")) options->job_key_file = config.job_key;
}

}  // namespace

void AddConfigFlag(CLI::App* cmd, SessionOptions* options) {
  cmd->add_option_function<std::string>(
      "--config",
      [cmd, options](const std::string& path) {
        StatusOr<ConfigFile> config = LoadConfigFile(path);
        if (!config) throw CLI::ValidationError("--config", config.error().message());
        ApplyConfig(*cmd, *config, options);
      },
      "TOML file of options this team always uses (names, policy, patterns, ocr, lang, recipients, "
      "recipients-file, passphrase-file, job-key); flags given here win");
}

}  // namespace redact::cli
