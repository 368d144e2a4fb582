// Policy: what to do with each category of finding, and how to label it.
// Loaded from a TOML file (samples/policy.toml is the demo):
//
//   [categories]            # "redact" (default) or "keep"
//   credible_fear = "redact"
//   [output]
//   language = "auto"       # auto | en | es: the language of the words
//                           # redact writes (box labels, pseudonyms);
//                           # auto guesses it per document from its text
//   [labels]                # text drawn in redaction boxes (optional)
//   a_number = "(b)(6)"
//   [labels.es]             # … in Spanish documents (core/output_words.h)
//   a_number = "(b)(6) número A"
//   [detection]
//   min_confidence = 0.5    # findings below are dropped (default 0)
//   [pseudonyms]            # pseudonymize mode
//   name = "label"          # label | initials | doe | token
//   name_label = "Applicant" # "Applicant 12", "Class Member 12"
//   unlisted_label = "Unlisted Person"   person = "Person"
//   a_number_of = "A-number of"          # "[A-number of Applicant 12]"
//   a_number = "pattern"    # pattern (A-XXX-XXX-012) | reference
//   min_scale = 0.8         # narrower than this share of its natural width,
//                           # a pseudonym takes its style's shorter form
//   [pseudonyms.es]         # the words above in Spanish documents
//   name_label = "Miembro del grupo"
//   [placeholders]          # pseudonymize mode, other categories: "[dob]"
//   dob = "date of birth"   # by category, also [placeholders.es]
//   [undecodable]           # glyphs with no provable Unicode
//   scope = "everywhere"            # or "pages-with-findings" (text we
//                                   # cannot read stays on other pages)
//   action = "remove"               # or "fail" (the document fails)
//   [limits]                # per document; exceeding one fails it
//   max_file_mb = 2048      max_pages = 50000      max_stream_mb = 256
//   max_form_depth = 32     max_image_megapixels = 400
//   max_glyphs_per_page = 5000000
//   [vector_text]           # text drawn as outlines (no font)
//   min_shapes = 40         # glyph-like filled shapes that make a page suspect
//   action = "fail"         # or "keep" (the shapes are known not to be text)
//
// Categories the file does not mention are redacted: fail closed. A key no
// table knows, or a table no policy has, is an error naming the file, the
// line and the key, and listing the known ones: a misspelled "keep" or
// limit would otherwise silently not take effect. [categories], [labels]
// and [placeholders] are keyed by category; whoever knows the categories
// (the rules and the code's own: LoadDetector in pipeline/analyze.cpp)
// checks the names with CheckCategories. A word redact would draw that
// Helvetica's WinAnsiEncoding cannot show (Utf8ToWinAnsi) is an error too,
// not a letter silently dropped. [meta] is free text for people.
//
// Thread-safety: immutable after loading.
#ifndef REDACT_CORE_POLICY_H_
#define REDACT_CORE_POLICY_H_

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/limits.h"
#include "core/output_words.h"

#include "core/status.h"

namespace redact {

enum class PolicyAction { kRedact, kKeep };

struct Policy {
  std::map<std::string, PolicyAction> actions;
  // [output] language: the words of this language in every document;
  // nullopt ("auto") guesses each document's (stages/detect/language.h).
  std::optional<DocumentLanguage> language;
  // The words the file sets: for every language ([labels], the word keys
  // of [pseudonyms], [placeholders]) and per language ([labels.es], …).
  // Read them through WordsFor.
  struct WordTables {
    std::map<std::string, std::string> labels;        // by category
    std::map<std::string, std::string> placeholders;  // by category
    std::map<std::string, std::string> pseudonyms;    // name_label, unlisted_label, person, a_number_of
  };
  WordTables words;
  std::map<DocumentLanguage, WordTables> words_by_language;
  double min_confidence = 0.0;
  bool undecodable_everywhere = true;   // [undecodable] scope
  bool undecodable_fail = false;        // [undecodable] action
  // [vector_text]: a page with this many glyph-like filled shapes is judged
  // by their layout; when this many stand in word-like runs it is taken to
  // draw text as outlines, which we cannot read: the document fails, unless
  // action = "keep" says the shapes are known not to be text
  // (stages/write_redact/redactor.h RedactOptions::vector_text_min_shapes).
  int vector_text_min_shapes = 40;      // min_shapes
  ResourceLimits limits;                // [limits]
  bool vector_text_keep = false;        // action
  std::string pseudonym_name = "label";
  std::string pseudonym_a_number = "pattern";
  double pseudonym_min_scale = 0.8;

  PolicyAction ActionFor(const std::string& category) const {
    auto it = actions.find(category);
    return it == actions.end() ? PolicyAction::kRedact : it->second;
  }

  // The words for a document in `language`: this language's table over
  // the every-language one over redact's own (core/output_words.h).
  OutputWords WordsFor(DocumentLanguage language) const;

  // Each [categories], [labels] and [placeholders] key as written (also in
  // a language's table), for CheckCategories.
  struct CategoryKey {
    std::string table;     // "categories", "labels", "labels.es", …
    std::string category;
    std::string where;     // "file:line: "
  };
  std::vector<CategoryKey> category_keys;

  // kInvalidArgument with file:line for malformed files, unknown tables
  // and unknown keys.
  static StatusOr<Policy> Load(const std::string& path);

  // kInvalidArgument naming the file, line and table of the first
  // [categories], [labels] or [placeholders] key that is not in `known`, with the known
  // ones. OK for a policy built in code (no keys recorded).
  Status CheckCategories(const std::set<std::string>& known) const;
};

}  // namespace redact

#endif  // REDACT_CORE_POLICY_H_
