// The command line's messages and help in the user's language (gettext,
// domain "redact"): English is the source text and the fallback; Spanish
// is in po/es.po. Only LC_MESSAGES follows the environment (LANG,
// LC_ALL, LC_MESSAGES, LANGUAGE): numbers, character classes and
// everything redact reads or writes stay in the C locale.
//
// Translated: the help (descriptions of the program, commands and flags
// that po/es.po lists, CLI11's headings, the exit codes) and the
// command line's own messages (usage warnings and errors made in tools/).
// Messages made below tools/ (a file's problem, a page's) stay English.
//
// Thread-safety: InitMessages once, at the start of main; then Translate
// may be called from any thread.
#ifndef REDACT_TOOLS_REDACT_MESSAGES_H_
#define REDACT_TOOLS_REDACT_MESSAGES_H_

#include <string>

namespace CLI {
class App;
}

namespace redact::cli {

// Binds the catalog at <exe dir>/../share/locale (installed, or build/share
// in the build tree), read as UTF-8.
void InitMessages();

// `english` in the user's language, or `english` when there is no
// translation.
std::string Translate(const std::string& english);

// Translates the descriptions of `app`, its flags and its subcommands (and
// theirs), its footer, and CLI11's headings, in place.
void TranslateHelp(CLI::App* app);

}  // namespace redact::cli

#endif  // REDACT_TOOLS_REDACT_MESSAGES_H_
