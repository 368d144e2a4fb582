// What the TOML readers of core (the policy, --config files) share: parsing
// a file into a table with errors that name its line, and the "FILE:LINE: "
// prefix of every message about a key.
//
// Thread-safety: pure functions.
#ifndef REDACT_CORE_TOML_FILE_H_
#define REDACT_CORE_TOML_FILE_H_

#include <string>
#include <vector>

#include <toml++/toml.h>

#include "core/status.h"

namespace redact {

// `path` parsed. kInvalidArgument "FILE:LINE: <what toml++ says>" on a
// syntax error (a file that cannot be opened is one too).
StatusOr<toml::table> ParseTomlFile(const std::string& path);

// "FILE:LINE: " for a message about node `n` of `path`.
std::string TomlWhere(const std::string& path, const toml::node& n);

// "a, b, c".
std::string JoinWords(const std::vector<std::string>& words);

}  // namespace redact

#endif  // REDACT_CORE_TOML_FILE_H_
