// `redact names compile LIST.csv`: builds the compiled index of a names
// list into the private cache (pipeline/names_cache.h), or checks the one
// there, so that every later command given the same list (--names) maps it
// instead of building it. Commands do this on their own the first time;
// this command does it ahead of a batch, and says where the index is.
// Prints the index's path and the number of people; the list's warnings go
// to stderr.
#ifndef REDACT_TOOLS_REDACT_NAMES_COMMAND_H_
#define REDACT_TOOLS_REDACT_NAMES_COMMAND_H_

#include <ostream>
#include <string>

namespace CLI {
class App;
}

namespace redact::cli {

struct NamesOptions {
  std::string csv;
};

void AddNamesCommand(CLI::App* app, NamesOptions* options);
int RunNames(const NamesOptions& options, std::ostream& out, std::ostream& err);

}  // namespace redact::cli

#endif  // REDACT_TOOLS_REDACT_NAMES_COMMAND_H_
