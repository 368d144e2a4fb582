#include "stages/detect/group_search.h"

#include <vector>

namespace redact {
namespace {

re2::StringPiece Span(re2::StringPiece text, size_t begin, size_t end) {
  return re2::StringPiece(text.data() + begin, end - begin);
}

size_t Offset(re2::StringPiece text, re2::StringPiece part) {
  return static_cast<size_t>(part.data() - text.data());
}

// RE2's own answer: the match's bounds by DFA, then its submatch search
// over exactly those bounds (what RE2::Match does inside for a search with
// groups).
bool SubmatchGroup(const RE2& re, int group, re2::StringPiece text, size_t begin, size_t end,
                   re2::StringPiece* group_out) {
  std::vector<re2::StringPiece> m(static_cast<size_t>(group) + 1);
  if (!re.Match(text, begin, end, RE2::ANCHOR_BOTH, m.data(), group + 1)) return false;
  *group_out = m[static_cast<size_t>(group)];
  return true;
}

}  // namespace

bool GroupIsWholeMatch(const std::string& pattern, int group, const RE2::Options& options) {
  if (group != 1 || pattern.size() < 7 || !pattern.starts_with("\\b(") || !pattern.ends_with(")\\b")) {
    return false;
  }
  // "\b(" + X + ")\b" with X a regex of its own: its parentheses balance,
  // so the group opened at the start closes at the end.
  RE2::Options quiet = options;
  quiet.set_log_errors(false);
  const RE2 inner(pattern.substr(3, pattern.size() - 6), quiet);
  return inner.ok() && inner.NumberOfCapturingGroups() == 0;
}

bool FindWithGroup(const RE2& re, int group, bool group_is_whole, re2::StringPiece text,
                   size_t pos, re2::StringPiece* whole, re2::StringPiece* group_out) {
  if (!re.Match(text, pos, text.size(), RE2::UNANCHORED, whole, 1)) return false;
  if (group == 0 || group_is_whole) {
    *group_out = *whole;
    return true;
  }
  const size_t begin = Offset(text, *whole);
  return SubmatchGroup(re, group, text, begin, begin + whole->size(), group_out);
}

// Why the split is RE2's. Leftmost-first, the whole pattern's match from its
// start s is the first-priority way for `first` to match from s after which
// `second` can match at all, continued by `second`'s own first-priority
// match. `first` alone, anchored at s and bounded by the whole match's end e,
// takes its first-priority match k among those ending by e; the pattern's
// split is one of those. If `second` matches [k, e] exactly, `second` can
// match from k, so no higher-priority split exists: k is the split. If it
// does not, k cannot be the split (its continuation would end at e), and
// RE2's submatch search decides.
bool FindSplitGroup(const RE2& whole, const RE2& first, const RE2& second, bool group_is_first,
                    re2::StringPiece text, size_t pos, re2::StringPiece* whole_out,
                    re2::StringPiece* group_out) {
  if (!whole.Match(text, pos, text.size(), RE2::UNANCHORED, whole_out, 1)) return false;
  const size_t begin = Offset(text, *whole_out), end = begin + whole_out->size();
  re2::StringPiece head;
  if (first.Match(text, begin, end, RE2::ANCHOR_START, &head, 1)) {
    const size_t split = Offset(text, head) + head.size();
    if (second.Match(text, split, end, RE2::ANCHOR_BOTH, nullptr, 0)) {
      *group_out = group_is_first ? Span(text, begin, split) : Span(text, split, end);
      return true;
    }
  }
  return SubmatchGroup(whole, 1, text, begin, end, group_out);
}

}  // namespace redact
