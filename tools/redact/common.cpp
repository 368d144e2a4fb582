#include "tools/redact/common.h"

#include <CLI/CLI.hpp>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <map>

#include "tools/redact/config_flag.h"
#include "tools/redact/exit_codes.h"
#include "tools/redact/messages.h"

namespace redact::cli {

void AddSessionFlags(CLI::App* cmd, SessionOptions* options, const std::string& jobs_help) {
  cmd->add_option("--names", options->names_csv, "names master list (CSV with a header)");
  cmd->add_option("--policy", options->policy_file, "policy file (TOML)");
  cmd->add_option("--patterns", options->patterns_dir,
                  "folder of rule files (default: the shipped patterns/, or $REDACT_PATTERNS)");
  const std::map<std::string, OcrMode> modes = {
      {"auto", OcrMode::kAuto}, {"always", OcrMode::kAlways}, {"never", OcrMode::kNever}};
  cmd->add_option("--ocr", options->ocr.mode, "OCR pages without a text layer: auto (default), always, never")
      ->transform(CLI::CheckedTransformer(modes));
  cmd->add_option("--lang", options->ocr.languages, "OCR languages (Tesseract names, default eng+spa)");
  cmd->add_option("--jobs", options->ocr.jobs, jobs_help)->check(CLI::Range(0, 256));
  cmd->add_flag("--deskew", options->ocr.cleanup.deskew, "OCR: straighten pages scanned askew first");
  cmd->add_flag("--binarize", options->ocr.cleanup.binarize,
                "OCR: black-and-white gray or colour scans first (adaptive threshold: uneven light, faint faxes)");
  AddConfigFlag(cmd, options);
}

void AddSealFlags(CLI::App* cmd, SessionOptions* options) {
  cmd->add_option("--recipient", options->seal.recipients,
                  "seal the mapping to this age recipient (age1…, repeatable)")
      ->allow_extra_args(false);
  cmd->add_option("--recipients-file", options->seal.recipients_file, "file of age recipients");
  cmd->add_option("--passphrase-file", options->seal.passphrase_file,
                  "seal the mapping with the passphrase in this file (scrypt)");
  cmd->add_flag("--armor", options->seal.armor, "write the sealed mapping ASCII-armored (PEM)");
  cmd->add_option("--job-key", options->job_key_file,
                  "file holding the job key: pseudonyms of unlisted people and report hashes "
                  "stay the same across runs and shards that share it");
}

void AddPasswordFlags(CLI::App* cmd, std::optional<std::string>* password, const std::string& help) {
  CLI::Option* inline_password = cmd->add_option("--password", *password, help + " (prefer --password-file)");
  cmd->add_option_function<std::string>(
         "--password-file",
         [password](const std::string& path) {
           std::ifstream in(path, std::ios::binary);
           std::string line;
           if (!in || (!std::getline(in, line) && !in.eof())) {
             throw CLI::ValidationError("--password-file", path + ": cannot read");
           }
           if (!line.empty() && line.back() == '\r') line.pop_back();
           *password = line;
         },
         help + ": read from the first line of this file")
      ->excludes(inline_password);
}

CLI::Validator VerifyLevelValidator() {
  return CLI::Validator(
      [](std::string& text) -> std::string {
        if (ParseVerifyLevel(text)) return "";
        return "--verify takes standard or full, not '" + text + "' (put files before --verify, or write --verify=standard)";
      },
      "standard|full");
}

void AddApplyFlags(CLI::App* cmd, ApplyFlags* flags, SessionOptions* session) {
  ApplySettings& s = flags->settings;
  AddPasswordFlags(cmd, &flags->password, "password for encrypted PDFs");
  cmd->add_flag("--no-boxes{false}", s.draw_boxes, "remove without drawing boxes");
  cmd->add_flag("--uniform-boxes", s.uniform_boxes,
                "round box widths up to 3-em steps where the line has room (never over "
                "live text); labels come from the policy's [labels]");
  cmd->add_flag("--ocr-layer", s.ocr_layer,
                "make redacted scans searchable: an invisible text layer of the OCR'd words that "
                "were not removed");
  cmd->add_flag("--fail-on-undecodable", s.fail_on_undecodable,
                "fail a document whose pages with findings hold undecodable text "
                "(default: remove and box that text)");
  const std::map<std::string, ApplyMode> modes = {{"redact", ApplyMode::kRedact},
                                                  {"pseudonymize", ApplyMode::kPseudonymize}};
  cmd->add_option("--mode", s.mode, "redact (boxes) or pseudonymize (replacements drawn)")
      ->transform(CLI::CheckedTransformer(modes));
  cmd->add_option_function<std::string>(
         "--verify",
         [&s](const std::string& text) {
           s.verify_with_ocr = true;
           s.verify_level = ParseVerifyLevel(text).value_or(VerifyLevel::kStandard);
         },
         "check each output with OCR even under --ocr never (the check itself is the default); "
         "LEVEL standard (default: render and OCR the pages text cannot speak for) or full (every page)")
      ->expected(0, 1)
      ->default_str("standard")
      ->check(VerifyLevelValidator());
  cmd->add_flag("--no-verify{false}", s.verify,
                "do not check each output before it appears (the report and the summary say it was not checked)");
  cmd->add_flag("--no-mapping", flags->no_mapping,
                "pseudonymize without a mapping: the pseudonyms cannot be reversed");
  const std::map<std::string, OutputNaming> namings = {
      {"pseudonym", OutputNaming::kPseudonym}, {"sequence", OutputNaming::kSequence}, {"keep", OutputNaming::kKeep}};
  cmd->add_option("--output-names", flags->naming,
                  "pseudonym: file and folder names holding an identifier take its pseudonym "
                  "(default); sequence: doc-000001.pdf …; keep: the input's name, for inputs known "
                  "to be clean")
      ->transform(CLI::CheckedTransformer(namings));
  AddNoNamesFlag(cmd, &flags->no_names);
  AddSealFlags(cmd, session);
}

void AddNoNamesFlag(CLI::App* cmd, bool* no_names) {
  cmd->add_flag("--no-names", *no_names,
                "run without a names list on purpose: only cued names (after \"Applicant:\" and the like) "
                "are found; silences the warning that says so");
}

Status CheckNamesChoice(const SessionOptions& options, bool no_names, std::ostream& err) {
  if (no_names && options.names_csv) {
    return Status(StatusCode::kInvalidArgument, "--names and --no-names contradict each other: give one of them");
  }
  if (!no_names && !options.names_csv) {
    // Not a "warning:" line: -q keeps it (a weaker run always says so;
    // --no-names is the way to silence it).
    err << "redact: "
        << Translate("weaker run: no --names list: only names after cues such as \"Applicant:\" will be found, not "
                     "the people on your list — give --names LIST.csv, or --no-names to run without one")
        << "\n";
  }
  return Status::Ok();
}

Status CheckMappingChoice(const Session& session, const ApplyFlags& flags) {
  if (flags.settings.mode == ApplyMode::kPseudonymize && !session.sealing() && !flags.no_mapping) {
    return Status(StatusCode::kInvalidArgument,
                  "pseudonymize needs --recipient, --recipients-file or --passphrase-file to seal the "
                  "mapping, or --no-mapping to accept that pseudonyms cannot be reversed");
  }
  return Status::Ok();
}

bool UseColour(int fd) { return std::getenv("NO_COLOR") == nullptr && isatty(fd) == 1; }

std::string Paint(bool on, const char* sgr, const std::string& text) {
  return on ? "\033[" + std::string(sgr) + "m" + text + "\033[0m" : text;
}

std::string ShellQuote(const std::string& text) {
  const bool plain = !text.empty() && std::all_of(text.begin(), text.end(), [](unsigned char c) {
    return std::isalnum(c) || (c != 0 && std::strchr("_-./:=@%+,", c) != nullptr);
  });
  if (plain) return text;
  std::string quoted = "'";
  for (char c : text) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return quoted + "'";
}

void WarnIfRepaired(std::ostream& err, const std::string& shown, const std::string& reason) {
  if (reason.empty()) return;
  err << "redact: warning: " << shown << ": the input was repaired before it could be read (" << reason << ")\n";
}

int Fail(std::ostream& err, const Status& status) {
  err << "redact: " << Translate(status.message()) << "\n";
  return ExitCodeFor(status.code());
}

std::unique_ptr<Session> OpenSession(const SessionOptions& options, std::ostream& err, int* exit_code) {
  StatusOr<std::unique_ptr<Session>> session = Session::Open(options);
  if (!session) {
    *exit_code = Fail(err, session.error());
    return nullptr;
  }
  for (const std::string& warning : (*session)->warnings()) err << "redact: " << warning << "\n";
  *exit_code = kExitOk;
  return std::move(*session);
}

}  // namespace redact::cli
