#include "tools/redact/messages.h"

#include <libintl.h>

#include <CLI/CLI.hpp>
#include <clocale>
#include <filesystem>

namespace redact::cli {

void InitMessages() {
  std::setlocale(LC_MESSAGES, "");
  std::error_code ec;
  const std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (ec) return;
  const std::filesystem::path catalog = exe.parent_path().parent_path() / "share" / "locale";
  bindtextdomain("redact", catalog.c_str());
  bind_textdomain_codeset("redact", "UTF-8");
  textdomain("redact");
}

std::string Translate(const std::string& english) {
  if (english.empty()) return english;  // "" would fetch the catalog's header
  return dgettext("redact", english.c_str());
}

void TranslateHelp(CLI::App* app) {
  app->description(Translate(app->get_description()));
  app->footer(Translate(app->get_footer()));
  for (CLI::Option* option : app->get_options()) {
    option->description(Translate(option->get_description()));
    option->group(Translate(option->get_group()));  // "Options"; "" (hidden) stays ""
  }
  for (CLI::App* command : app->get_subcommands([](CLI::App*) { return true; })) {
    command->group(Translate(command->get_group()));  // "Subcommands"
    TranslateHelp(command);
  }
  for (const char* label :
       {"Usage", "OPTIONS", "SUBCOMMAND", "REQUIRED", "Positionals", "Excludes", "Needs"}) {
    app->get_formatter()->label(label, Translate(label));
  }
}

}  // namespace redact::cli
