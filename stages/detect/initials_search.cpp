#include "stages/detect/initials_search.h"

#include <algorithm>
#include <cstring>

namespace redact {
namespace {

bool AsciiUpper(unsigned char c) { return c >= 'A' && c <= 'Z'; }

// Whether the period at text[dot] can be a match's first initial's: a
// capital's last byte before it, then (past one space or tab) a capital
// followed by its period. A necessary condition only: it looks at bytes,
// not at letters' categories.
bool FirstOfTwoInitials(std::string_view text, size_t dot) {
  if (dot == 0) return false;
  const unsigned char before = static_cast<unsigned char>(text[dot - 1]);
  if (!AsciiUpper(before) && before < 0x80) return false;
  size_t j = dot + 1;
  if (j < text.size() && (text[j] == ' ' || text[j] == '\t')) ++j;
  if (j >= text.size()) return false;
  const unsigned char lead = static_cast<unsigned char>(text[j]);
  if (AsciiUpper(lead)) return j + 1 < text.size() && text[j + 1] == '.';
  if (lead < 0xC0) return false;  // neither an ASCII capital nor a letter's first byte
  for (size_t k = j + 2; k <= j + 4 && k < text.size(); ++k) {
    if (text[k] == '.') return true;
  }
  return false;
}

// The first place at or after `from` where FirstOfTwoInitials holds, or npos.
size_t NextCandidate(std::string_view text, size_t from) {
  while (from < text.size()) {
    const void* hit = std::memchr(text.data() + from, '.', text.size() - from);
    if (!hit) return std::string_view::npos;
    const size_t dot = static_cast<size_t>(static_cast<const char*>(hit) - text.data());
    if (FirstOfTwoInitials(text, dot)) return dot;
    from = dot + 1;
  }
  return std::string_view::npos;
}

}  // namespace

// Why the matches are FindAndConsume's. FindAndConsume searches
// text[consumed_, end) as a text of its own (`^` matches at its start) for
// the leftmost-first match, and consumes through its end.
//
// Where a match can start: its group opens with two initials, so its first
// period is a candidate, at most 5 bytes after the match's start (the
// prefix character and a capital, each up to 4 bytes, less one). So a match
// starts at or after cand - 5, cand the first candidate past what is known
// to hold no match start. When cand - 8 lies past consumed_, the search may
// start there, reading the text before as context (RE2::Match with a start
// position: `^` matches only at the text's true start, before it).
//
// How far to read: a match is at most 34 bytes long (a prefix character and
// five initials of a 4-byte capital, a period and a space each). The search
// reads a window up to cand + 64. A match found starting by cand + 24 ends
// inside the window, so the window cut it short of nothing, and no match
// starts before it (one would fit in the window too). Finding none that
// early says no match starts by cand + 24, and the search moves on to the
// next candidate: a candidate that is no match ("U.S." for three initials)
// costs a window, not the rest of the page.
bool InitialsSearch::Next(re2::StringPiece* group) {
  constexpr size_t kBack = 8, kAhead = 64, kSettled = 24;
  size_t scan_from = consumed_;
  for (;;) {
    const size_t cand = NextCandidate(text_, scan_from);
    if (cand == std::string_view::npos) {
      consumed_ = text_.size();
      return false;
    }
    const bool own_text = cand < consumed_ + kBack;  // `^` may match at consumed_
    const size_t base = own_text ? consumed_ : cand - kBack;
    const size_t end = std::min(text_.size(), cand + kAhead);
    const re2::StringPiece text =
        own_text ? re2::StringPiece(text_.data() + consumed_, text_.size() - consumed_)
                 : re2::StringPiece(text_.data(), text_.size());
    const size_t offset = own_text ? consumed_ : 0;  // of `text` in text_
    re2::StringPiece m[2];
    if (re_.Match(text, base - offset, end - offset, RE2::UNANCHORED, m, 2)) {
      const size_t start = static_cast<size_t>(m[0].data() - text_.data());
      if (start <= cand + kSettled || end == text_.size()) {
        *group = m[1];
        consumed_ = start + m[0].size();
        return true;
      }
    } else if (end == text_.size()) {
      consumed_ = text_.size();
      return false;
    }
    scan_from = cand + 1;  // no match starts by cand + kSettled
  }
}

}  // namespace redact
