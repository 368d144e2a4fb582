// Text normalized for matching: case-folded, compatibility-decomposed with
// diacritics stripped (José = JOSE = jose), every dash (‐ ‑ ‒ – — −) a
// hyphen-minus, typographic quotes straight, every space a plain space (and
// a middle dot · or its look-alikes: court reporters space words with it,
// "is·CRYSTAL LONG,·is"), and
// U+FFFD (an undecodable glyph) kept as a byte no rule matches. What a
// reader cannot tell from plain Latin is folded too: fullwidth forms
// (Ｍａｒｉａ, by NFKC), other scripts' decimal digits (Arabic-Indic ٢٠١,
// Devanagari २०१ → 201), Cyrillic and Greek letters drawn like Latin ones
// (А В Е К М Н О Р С Т Х, а е о р с х, Α Β Ε …; so Russian words made only
// of such letters read as Latin ones), dotless ı and ȷ (TeX's base for
// í) as i and j, and soft hyphens, zero widths
// (U+200B–U+200D, U+2060) and U+FEFF vanish. Each byte of the result maps
// back to the original code point it came from, and a code point that left
// nothing (a mark, an invisible) is covered by the one before it, so a match
// becomes a span of the page text and then glyphs.
//
// Thread-safety: pure functions.
#ifndef REDACT_STAGES_DETECT_NORMALIZE_H_
#define REDACT_STAGES_DETECT_NORMALIZE_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace redact {

struct NormalizedText {
  std::string text;
  std::vector<uint32_t> orig_begin;  // per byte of text
  std::vector<uint32_t> orig_end;    // per byte of text

  // The original byte span of normalized span [begin, end); begin < end.
  std::pair<size_t, size_t> ToOriginal(size_t begin, size_t end) const {
    return {orig_begin[begin], orig_end[end - 1]};
  }
};

NormalizedText NormalizeForMatching(std::string_view utf8);

// What normalization makes of one ASCII character: capitals lowercased,
// tab, CR, FF and VT read as a space, the rest as they are.
inline char FoldAscii(unsigned char c) {
  if (c == '\t' || c == '\r' || c == '\f' || c == '\v') return ' ';
  return static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
}

// Drops from `n` every byte that came from within one of `spans` (byte
// spans of the original text, sorted, not overlapping), keeping each other
// byte's map: what is left reads as if those spans were never there, and a
// match across a gap they leave maps back to an original span that still
// holds them (whoever turns spans into glyphs must leave them out).
void DropOriginalSpans(const std::vector<std::pair<size_t, size_t>>& spans, NormalizedText* n);

// Just the normalized string (for list entries, labels, phrases).
std::string NormalizeString(std::string_view utf8);

// The byte standing for an undecodable glyph in normalized text.
constexpr char kUndecodableByte = '\x1a';

}  // namespace redact

#endif  // REDACT_STAGES_DETECT_NORMALIZE_H_
