// Initials ("M.G.H.", "J. Á. M.") found by a pattern of them without
// running the pattern over text that holds none.
//
// Both initials rules (layout.h's DetectListedInitials, short_forms.h's
// ShortForms::Find) search a page with a pattern of the shape
// `(?:^|[^\p{L}\p{N}.])((?:\p{Lu}\.[ \t]?){n,m})`, n ≥ 2, by
// RE2::FindAndConsume. On dense text that search was most of what they
// cost, though most stretches of a page hold no two initials in a row.
// Every match holds one: a period after a capital letter (an ASCII capital,
// or the last byte of a multi-byte letter), an optional space or tab, and a
// capital followed by a period. InitialsSearch finds such a place with a
// byte scan first and starts the pattern just before it. The matches and
// their groups are exactly those FindAndConsume gives (the .cpp says why;
// tests/stages/detect/initials_search_test.cpp compares them).
//
// Thread-safety: an instance is used by one thread; `re` is RE2's
// (thread-safe).
#ifndef REDACT_STAGES_DETECT_INITIALS_SEARCH_H_
#define REDACT_STAGES_DETECT_INITIALS_SEARCH_H_

#include <cstddef>
#include <string_view>

#include <re2/re2.h>

namespace redact {

class InitialsSearch {
 public:
  // `re`: a pattern of the shape above, with one capture group. Both must
  // outlive the search.
  InitialsSearch(const RE2& re, std::string_view text) : re_(re), text_(text) {}

  // The next match's group 1, as the next RE2::FindAndConsume(&input, re,
  // group) call over `text` would give it. False when no match is left.
  bool Next(re2::StringPiece* group);

 private:
  const RE2& re_;
  std::string_view text_;
  size_t consumed_ = 0;  // FindAndConsume's input starts here
};

}  // namespace redact

#endif  // REDACT_STAGES_DETECT_INITIALS_SEARCH_H_
