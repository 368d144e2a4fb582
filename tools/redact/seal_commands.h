// `redact keygen [-o FILE] [--demo]`: writes an age identity file (mode
// 0600, never overwriting) and prints its recipient (age1…).
// `redact unseal MAP.age... -i IDENTITY [--passphrase-file F]
//  [--format json|csv]`: opens sealed mappings (every shard of a job, say)
// and prints them merged. A damaged or wrong-key file fails with a clear
// error and releases nothing.
#ifndef REDACT_TOOLS_REDACT_SEAL_COMMANDS_H_
#define REDACT_TOOLS_REDACT_SEAL_COMMANDS_H_

#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace redact::cli {

struct KeygenOptions {
  std::optional<std::string> output;
  bool demo = false;
};

struct UnsealOptions {
  std::vector<std::string> files;
  std::vector<std::string> identities;
  std::optional<std::string> passphrase_file;
  std::string format = "json";
};

void AddKeygenCommand(CLI::App* app, KeygenOptions* options);
int RunKeygen(const KeygenOptions& options, std::ostream& out, std::ostream& err);
void AddUnsealCommand(CLI::App* app, UnsealOptions* options);
int RunUnseal(const UnsealOptions& options, std::ostream& out, std::ostream& err);

}  // namespace redact::cli

#endif  // REDACT_TOOLS_REDACT_SEAL_COMMANDS_H_
