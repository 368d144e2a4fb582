// --config FILE for the commands that open a Session: a team's TOML file
// of options (core/config_file.h) whose keys fill the flags the command
// line did not give. Added by AddSessionFlags (common.h).
#ifndef REDACT_TOOLS_REDACT_CONFIG_FLAG_H_
#define REDACT_TOOLS_REDACT_CONFIG_FLAG_H_

#include "pipeline/session.h"

namespace CLI {
class App;
}

namespace redact::cli {

// Adds --config to `cmd`; it must be added after every flag it can fill
// (names, policy, patterns, ocr, lang, recipient, recipients-file,
// passphrase-file, job-key). Reading it happens while the command line is
// parsed: a file that cannot be read, an unknown key, a wrong type or an
// unknown OCR mode is a usage error (CLI::ValidationError) naming the
// file, line and key. `cmd` and `options` must outlive parsing.
void AddConfigFlag(CLI::App* cmd, SessionOptions* options);

}  // namespace redact::cli

#endif  // REDACT_TOOLS_REDACT_CONFIG_FLAG_H_
