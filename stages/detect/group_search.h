// Where a pattern's capture group lies, found with RE2's DFAs alone where
// the pattern's shape allows it.
//
// RE2 finds where a match starts and ends with its DFAs, which are fast and
// cached. The bounds of a capture group need its other engines (BitState,
// NFA), which run again for every match and cost in proportion to the
// pattern's size: a name cue's group is six words of any script, and on
// dense text those engines were most of what cues cost, and a third of
// what pattern rules cost. Two shapes let the group follow from DFA
// matches alone:
//
//  - the group is the whole match but for zero-width assertions:
//    `\b(…)\b` with group 1 (most identifier rules);
//  - the pattern is two parts, each a regex of its own, and the group is
//    one of them (a name cue: cue + name, or name + cue). The first part's
//    own leftmost-first match inside the whole match, when the second part
//    matches the rest exactly, is the split RE2's submatch search takes
//    (a higher-priority split would have no continuation; see the .cpp).
//
// Anything else, and a split the parts' own matches do not settle ("Plaintiff
// \nMaria": the cue's first choice stops before the line break), goes to
// RE2's submatch search. The answer is always the one RE2's submatch search
// gives for the whole pattern (tests/stages/detect/prefilter_test.cpp checks
// it on every shipped rule and cue).
#ifndef REDACT_STAGES_DETECT_GROUP_SEARCH_H_
#define REDACT_STAGES_DETECT_GROUP_SEARCH_H_

#include <string>

#include <re2/re2.h>

namespace redact {

// Whether `pattern`'s group `group` is its whole match: the pattern is
// `\b(X)\b`, X a regex of its own (its parentheses balanced) without
// capture groups, and `group` is 1. `options` are the pattern's.
bool GroupIsWholeMatch(const std::string& pattern, int group, const RE2::Options& options);

// The first match of `re` in text[pos, end of text) (unanchored,
// leftmost-first, \b and $ read against the whole text) and its group
// `group`, which may be empty or unset (null data) when the group did not
// take part. False when nothing matches. `group_is_whole` as
// GroupIsWholeMatch said for `re`.
bool FindWithGroup(const RE2& re, int group, bool group_is_whole, re2::StringPiece text,
                   size_t pos, re2::StringPiece* whole, re2::StringPiece* group_out);

// A pattern that is `first` followed by `second` (`whole` compiled from
// "(?:first)(?:second)" with one capture group, group 1, being all of
// `first` or all of `second`: `group_is_first` says which). The first
// match of `whole` at or after `pos`, and its group 1, as
// FindWithGroup(whole, 1, false, …) gives them.
bool FindSplitGroup(const RE2& whole, const RE2& first, const RE2& second, bool group_is_first,
                    re2::StringPiece text, size_t pos, re2::StringPiece* whole_out,
                    re2::StringPiece* group_out);

}  // namespace redact

#endif  // REDACT_STAGES_DETECT_GROUP_SEARCH_H_
