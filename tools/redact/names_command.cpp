#include "tools/redact/names_command.h"

#include <CLI/CLI.hpp>

#include "pipeline/names_cache.h"
#include "tools/redact/common.h"
#include "tools/redact/exit_codes.h"

namespace redact::cli {

void AddNamesCommand(CLI::App* app, NamesOptions* options) {
  CLI::App* names = app->add_subcommand("names", "Prepare a names list for fast loading");
  names->require_subcommand(1);
  CLI::App* compile = names->add_subcommand(
      "compile", "Build the compiled index of a names list in the private cache (reused while the list is unchanged)");
  compile->add_option("list", options->csv, "the names list (CSV), as given to --names")->required();
}

int RunNames(const NamesOptions& options, std::ostream& out, std::ostream& err) {
  StatusOr<CompiledNames> compiled = CompileNamesList(options.csv);
  if (!compiled) return Fail(err, compiled.error());
  for (const std::string& w : compiled->warnings) err << "redact: " << w << "\n";
  out << compiled->index_path << "\t" << compiled->entities << " people"
      << (compiled->reused ? " (already compiled)" : "") << "\n";
  return kExitOk;
}

}  // namespace redact::cli
