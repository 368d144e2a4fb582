#include "stages/detect/initials_search.h"

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
// the leftmost-first match, and consumes through its end. Every match's
// group opens with two initials, so its first period is a candidate at or
// after consumed_, hence at or after `cand`, the first one; the match
// starts at most 5 bytes before that period (the prefix character and a
// capital of up to 4 bytes). So no match starts before cand - 5: when that
// is past consumed_, neither does the one `^` would give at consumed_, and
// the leftmost match from consumed_ is the leftmost from cand - 8 read with
// the text before it as context (RE2::Match with a start position: `^`
// matches only at the text's true start, which lies before).
bool InitialsSearch::Next(re2::StringPiece* group) {
  constexpr size_t kBack = 8;
  const size_t cand = NextCandidate(text_, consumed_);
  if (cand == std::string_view::npos) {
    consumed_ = text_.size();
    return false;
  }
  if (cand < consumed_ + kBack) {
    re2::StringPiece input(text_.data() + consumed_, text_.size() - consumed_);
    if (!RE2::FindAndConsume(&input, re_, group)) {
      consumed_ = text_.size();
      return false;
    }
    consumed_ = static_cast<size_t>(input.data() - text_.data());
    return true;
  }
  re2::StringPiece m[2];
  const re2::StringPiece whole(text_.data(), text_.size());
  if (!re_.Match(whole, cand - kBack, text_.size(), RE2::UNANCHORED, m, 2)) {
    consumed_ = text_.size();
    return false;
  }
  *group = m[1];
  consumed_ = static_cast<size_t>(m[0].data() - text_.data()) + m[0].size();
  return true;
}

}  // namespace redact
