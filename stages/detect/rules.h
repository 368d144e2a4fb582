// Detection rules, loaded from TOML files (patterns/*.toml) so a user can
// add a rule, a phrase or a public name without recompiling. Every entry is
// validated at load time; an error names the file, the line and what is
// wrong ("patterns/identifiers.toml:41: rule \"ssn.dashed\": pattern: missing
// ): …"). Unknown keys are errors too, so a typo never silently disables a
// rule.
//
// File format (see patterns/README.md for the full reference):
//   [[context]]   name, pattern, before (chars, default 80), after (0)
//   [[rule]]      id, category, pattern (RE2, over normalized text), group,
//                 value ("text"|"digits"|"digits9"|"upper"|"ocr_digits"), validate
//                 (""|"ssn"|"a_number"|"has_digits"|"date"), confidence,
//                 context (names; any one must match nearby), exclude_before
//                 (RE2 over the 24 chars before the match), length ([min,
//                 max] bytes of the group), description, examples, near_misses
//   [[lexicon]]   id, category, confidence, phrases (matched accent-, case-,
//                 hyphen- and space-insensitively), examples, near_misses,
//                 public_as_proper_name (see PatternRule)
//   [[name_cue]]  id, pattern (RE2 over original text: what precedes a
//                 name, or with position = "after", what follows it),
//                 confidence, examples, near_misses, ocr_only
//   [public]      roles_before, roles_after (RE2 over original text: role
//                 words that make a cued name public), names (allow-list),
//                 not_names (capitalized words that are never names),
//                 organisations (words that make a capitalized run a
//                 company's, bank's or agency's name: never a person's)
//
// Thread-safety: a loaded RuleSet is immutable; share across threads.
#ifndef REDACT_STAGES_DETECT_RULES_H_
#define REDACT_STAGES_DETECT_RULES_H_

#include <re2/re2.h>
#include <re2/set.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "core/status.h"

namespace redact {

// A set of normalized words looked up by std::string_view without making a
// string of each (detection asks it about most capitalized words of a page).
struct WordHash {
  using is_transparent = void;
  size_t operator()(std::string_view w) const { return std::hash<std::string_view>{}(w); }
};
using WordSet = std::unordered_set<std::string, WordHash, std::equal_to<>>;

struct ContextPattern {
  std::string name;
  std::unique_ptr<RE2> re;
  int before = 80;
  int after = 0;
  // Its place in RuleSet::prefilter (PatternWithoutAssertions of `re`), or
  // -1 when it is not there: then it may be present on any page.
  int prefilter_index = -1;
};

struct PatternRule {
  std::string id;
  std::string category;
  std::string description;
  std::unique_ptr<RE2> re;
  int group = 0;
  // The group is the whole match (`\b(…)\b`): found without RE2's
  // submatch search (detect/group_search.h).
  bool group_is_whole = false;
  // The group's length in bytes of normalized text, both ends included
  // (TOML `length = [6, 12]`): a bound the pattern need not spell out, so
  // it can say what a match must hold instead ("three digits") and match
  // less (every match costs RE2 a search of its own).
  size_t min_length = 0;
  size_t max_length = SIZE_MAX;
  std::string value_kind = "text";
  std::string validator;
  double confidence = 0.9;
  std::vector<const ContextPattern*> contexts;  // any one must match
  std::unique_ptr<RE2> exclude_before;
  // Fires only on text read by OCR (every glyph of the match), where
  // recognition errors ("A201234567" read "1 701234567") call for looser
  // patterns than a text layer deserves.
  bool ocr_only = false;
  // A lexicon's phrase that names an office or a title ("asylum office",
  // "asylum officer") is public where it is part of a proper name or a
  // title: written capitalized beside another capitalized word ("Houston
  // Asylum Office", "Asylum Officer Dana Ruiz") or as a label ("Asylum
  // Officer:"). Elsewhere it is a notation as any other phrase.
  bool public_as_proper_name = false;
  std::vector<std::string> examples;
  std::vector<std::string> near_misses;
  std::string where;  // "file:line", for messages
};

struct NameCue {
  std::string id;
  std::unique_ptr<RE2> re;  // cue + name capture (group 1), built at load
  std::string cue;          // the cue's own pattern, without the name
  std::unique_ptr<RE2> cue_re;  // the cue alone: with RuleSet::name_re it
                                // splits a match of `re` without RE2's
                                // submatch search (detect/group_search.h)
  bool after = false;       // the cue follows the name (captions)
  double confidence = 0.8;
  std::vector<std::string> examples;
  std::vector<std::string> near_misses;
  std::string where;
};

struct RuleSet {
  std::vector<std::unique_ptr<ContextPattern>> contexts;
  std::vector<PatternRule> rules;  // pattern rules and compiled lexicons
  // Every rule's pattern in one automaton (rule i is pattern i): one pass
  // over a page says which rules may match it, so the others are not run
  // (most rules match nothing on most pages). Null when it could not be
  // built; then every rule runs. After the rules, each context's pattern
  // without its assertions (ContextPattern::prefilter_index): a page where
  // none of a rule's contexts can match anywhere holds no finding of that
  // rule, however many matches its pattern has (agency_number matches
  // every number, its label is rare).
  std::unique_ptr<RE2::Set> prefilter;
  // The same for the name cues, from each cue's own pattern (cue i is
  // pattern i): a text none of a cue's words occur in holds no name it cues.
  std::unique_ptr<RE2::Set> cue_prefilter;
  std::vector<NameCue> name_cues;
  std::unique_ptr<RE2> name_re;  // the name every cue wraps, alone
  std::unique_ptr<RE2> public_roles_before;  // anchored at the end ($)
  std::unique_ptr<RE2> public_roles_after;   // anchored at the start (^)
  WordSet public_names;   // normalized
  WordSet not_names;      // normalized words
  WordSet organisations;  // normalized words
  std::vector<std::string> files;

  RuleSet() = default;
  RuleSet(RuleSet&&) = default;
  RuleSet& operator=(RuleSet&&) = default;
};

// Loads every *.toml file in `dir` (sorted by name). kInvalidArgument with
// file:line on any error; kNotFound when the folder does not exist.
StatusOr<RuleSet> LoadRulesDirectory(const std::string& dir);

// Loads the given files, in order, into one RuleSet.
StatusOr<RuleSet> LoadRuleFiles(const std::vector<std::string>& files);

// Loads one rule file's text; `name` stands for its path in messages.
StatusOr<RuleSet> LoadRulesText(std::string_view toml_text, const std::string& name);

// `pattern` (RE2 syntax) without its zero-width assertions outside
// character classes (\b \B \A \z ^ $): a pattern that matches every string
// the original matches in any surroundings, so it finds in a whole page
// whatever the original finds in a window of it (where `$` matches at the
// window's end and `\b` at its start). nullopt when the pattern holds \Q
// (quoted text this does not read).
std::optional<std::string> PatternWithoutAssertions(std::string_view pattern);

// The RE2 source a lexicon phrase compiles to (exposed for tests).
std::string PhraseToPattern(const std::string& phrase);

}  // namespace redact

#endif  // REDACT_STAGES_DETECT_RULES_H_
