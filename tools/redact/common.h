// What the commands share: the options that open a Session (rules, names,
// policy, OCR, sealing, job key), parsed into the pipeline's types and
// enums at the edge, and the one way a command reports an error.
#ifndef REDACT_TOOLS_REDACT_COMMON_H_
#define REDACT_TOOLS_REDACT_COMMON_H_

#include <memory>
#include <optional>
#include <ostream>
#include <string>

#include "core/status.h"
#include "pipeline/apply.h"
#include "pipeline/output_names.h"
#include "pipeline/session.h"

namespace CLI {
class App;
class Validator;
}

namespace redact::cli {

// --names --policy --patterns --ocr --lang --jobs --deskew --binarize, and
// --config FILE (core/config_file.h), whose keys fill the flags of this
// command that the command line did not give. A config file that cannot be
// read or used is a usage error naming its file, line and key.
// `jobs_help` says what --jobs counts for this command.
void AddSessionFlags(CLI::App* cmd, SessionOptions* options, const std::string& jobs_help);
// --recipient --recipients-file --passphrase-file --armor --job-key.
void AddSealFlags(CLI::App* cmd, SessionOptions* options);

// --password and --password-file FILE (the file's first line, without its
// line end): a password on the command line lands in shell history and
// `ps`. Both set `*password`; giving both is a usage error, and so is a file
// that cannot be read ("--password-file: <path>: cannot read").
void AddPasswordFlags(CLI::App* cmd, std::optional<std::string>* password, const std::string& help);

// How apply and run redact: --mode, boxes, --ocr-layer, undecodable text,
// output names, mapping.
struct ApplyFlags {
  ApplySettings settings;
  OutputNaming naming = OutputNaming::kPseudonym;
  std::optional<std::string> password;
  bool no_mapping = false;
  bool no_names = false;  // --no-names (AddNoNamesFlag)
};
// Checks a --verify or --level value: "standard" or "full".
CLI::Validator VerifyLevelValidator();

// Also adds --no-names.
void AddApplyFlags(CLI::App* cmd, ApplyFlags* flags, SessionOptions* session);

// --no-names: for the commands that write what a court will see (apply,
// run, review), which otherwise warn without --names (CheckNamesChoice).
// Not for scan, verify or extract.
void AddNoNamesFlag(CLI::App* cmd, bool* no_names);

// Without --names, detection finds only cued names (after "Applicant:" and
// the like), not the people on a list: says so on `err` once, unless
// --no-names says the user knows. kInvalidArgument for --names together
// with --no-names.
Status CheckNamesChoice(const SessionOptions& options, bool no_names, std::ostream& err);

// Pseudonyms need a way back (a recipient or passphrase) or --no-mapping.
Status CheckMappingChoice(const Session& session, const ApplyFlags& flags);

// Whether to colour what goes to file descriptor `fd`: only on a terminal,
// and never while NO_COLOR is set (https://no-color.org).
bool UseColour(int fd);

// `text` in the ANSI SGR colour `sgr` ("31" red, "32" green) when `on`.
std::string Paint(bool on, const char* sgr, const std::string& text);

// `text` as one word for a POSIX shell: as is when it holds only
// characters no shell treats specially, else in single quotes.
std::string ShellQuote(const std::string& text);

// Says on `err` that input `shown` was repaired before it could be read
// (`reason`: pdf::Document::repair_reason); nothing when `reason` is "".
void WarnIfRepaired(std::ostream& err, const std::string& shown, const std::string& reason);

// Prints "redact: <message>" and returns the status's exit code.
int Fail(std::ostream& err, const Status& status);

// Opens the session, or prints why not. Null on failure; *exit_code set.
// Prints each of the session's warnings as "redact: <file>:<line>: …".
std::unique_ptr<Session> OpenSession(const SessionOptions& options, std::ostream& err, int* exit_code);

}  // namespace redact::cli

#endif  // REDACT_TOOLS_REDACT_COMMON_H_
