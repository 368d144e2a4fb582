// The words redact itself writes into a document — box labels, pseudonym
// words ("Applicant 12", "Unlisted Person 482-173") and placeholders
// ("[dob]") — in the document's language. A Spanish declaration gets
// "Solicitante 12" and "[f. nac.]", not "[dob]".
//
// Where a word comes from, most specific first:
//   1. the policy's table for that language ([labels.es], [pseudonyms.es],
//      [placeholders.es]);
//   2. the policy's table for every language ([labels], [pseudonyms],
//      [placeholders]) — what a team wrote there is its choice everywhere;
//   3. redact's built-in words for the language (BuiltInWords).
// Policy::WordsFor (core/policy.h) does the layering; the document's
// language comes from [output] language, or is guessed from its text
// (stages/detect/language.h).
//
// Every word is drawn in Helvetica with WinAnsiEncoding
// (stages/write_redact/marks.h), so each must be encodable there
// (Utf8ToWinAnsi): the policy loader refuses any that is not, rather than
// drop a letter silently.
//
// Thread-safety: plain values.
#ifndef REDACT_CORE_OUTPUT_WORDS_H_
#define REDACT_CORE_OUTPUT_WORDS_H_

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace redact {

// The languages redact has words for.
enum class DocumentLanguage { kEnglish, kSpanish };

// "en", "es".
std::string_view LanguageCode(DocumentLanguage language);
// The inverse; nullopt for any other code.
std::optional<DocumentLanguage> ParseLanguageCode(std::string_view code);
// Every language, in a fixed order.
const std::vector<DocumentLanguage>& AllLanguages();

struct OutputWords {
  // Redact mode: text in the box over a removed finding, by category.
  // Empty by default: a plain black box.
  std::map<std::string, std::string> labels;
  // Pseudonymize mode, label style: listed people ("Applicant 12") and
  // everyone else ("Unlisted Person 482-173").
  std::string name_label;
  std::string unlisted_label;
  // Token style: "Person 482-173".
  std::string person;
  // A-number reference style: "[A-number of Applicant 12]".
  std::string a_number_of;
  // Other categories in pseudonymize mode, drawn in brackets ("[dob]").
  // A category not listed is written as its name.
  std::map<std::string, std::string> placeholders;

  std::string PlaceholderFor(const std::string& category) const;
};

// redact's own words for `language`: English "Applicant", "Unlisted
// Person", "Person", "A-number of", "[protected]" for credible-fear
// findings; Spanish "Solicitante", "Persona no listada", "Persona",
// "Número A de", "[protegido]", "[f. nac.]", "[teléfono]", …
OutputWords BuiltInWords(DocumentLanguage language);

// `utf8` in WinAnsiEncoding (Windows-1252), one byte a character, or
// nullopt when a character has no WinAnsi code (CJK, Cyrillic, …) or the
// text is not valid UTF-8. Control characters have none either. With a
// `replacement`, each such character (or malformed byte) becomes it
// instead, visibly.
std::optional<std::string> Utf8ToWinAnsi(std::string_view utf8, std::optional<char> replacement = std::nullopt);

}  // namespace redact

#endif  // REDACT_CORE_OUTPUT_WORDS_H_
