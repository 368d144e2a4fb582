#include "stages/detect/normalize.h"

#include <algorithm>

#include <utf8proc.h>

#include <utility>

namespace redact {
namespace {

// Maps one decomposed, case-folded code point to what matching sees.
bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }

void AppendFolded(utf8proc_int32_t cp, std::string* out) {
  switch (cp) {
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015:
    case 0x2212: case 0xFE58: case 0xFE63: case 0xFF0D:
      out->push_back('-');
      return;
    case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032: case 0x00B4:
      out->push_back('\'');
      return;
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x2033:
      out->push_back('"');
      return;
    case 0xFFFD:
      out->push_back(kUndecodableByte);
      return;
    // Middle dots set between words, as court reporters space transcripts
    // ("is·CRYSTAL LONG,·is"), and the dots drawn like them (bullet and dot
    // operators, the katakana middle dot between the parts of a foreign
    // name): a space, so the words on either side are words of their own.
    case 0x00B7: case 0x2219: case 0x22C5: case 0x30FB:
      out->push_back(' ');
      return;
    case '\n':
      out->push_back('\n');
      return;
    default:
      break;
  }
  if (cp == '\t' || cp == '\r' || cp == '\f' || cp == '\v') {
    out->push_back(' ');
    return;
  }
  const utf8proc_category_t cat = utf8proc_category(cp);
  if (cat == UTF8PROC_CATEGORY_ZS) {
    out->push_back(' ');
    return;
  }
  if (cat == UTF8PROC_CATEGORY_CF) return;  // soft hyphens, zero widths, ZWJ, BOM
  utf8proc_uint8_t buf[4];
  const utf8proc_ssize_t n = utf8proc_encode_char(cp, buf);
  out->append(reinterpret_cast<const char*>(buf), static_cast<size_t>(n));
}

// Cyrillic and Greek letters drawn like Latin ones, as the Latin letter
// (before case folding: Cyrillic В folds to в, which looks like no b).
utf8proc_int32_t LatinLookalike(utf8proc_int32_t cp) {
  static constexpr std::pair<utf8proc_int32_t, char> kLookalikes[] = {
      // Cyrillic capitals А В Е К М Н О Р С Т Х У І Ј Ѕ
      {0x0410, 'A'}, {0x0412, 'B'}, {0x0415, 'E'}, {0x041A, 'K'}, {0x041C, 'M'},
      {0x041D, 'H'}, {0x041E, 'O'}, {0x0420, 'P'}, {0x0421, 'C'}, {0x0422, 'T'},
      {0x0425, 'X'}, {0x0423, 'Y'}, {0x0406, 'I'}, {0x0408, 'J'}, {0x0405, 'S'},
      // Cyrillic small а е о р с х у і ј ѕ ԁ һ
      {0x0430, 'a'}, {0x0435, 'e'}, {0x043E, 'o'}, {0x0440, 'p'}, {0x0441, 'c'},
      {0x0445, 'x'}, {0x0443, 'y'}, {0x0456, 'i'}, {0x0458, 'j'}, {0x0455, 's'},
      {0x0501, 'd'}, {0x04BB, 'h'},
      // Greek capitals Α Β Ε Ζ Η Ι Κ Μ Ν Ο Ρ Τ Υ Χ, small ο ν
      {0x0391, 'A'}, {0x0392, 'B'}, {0x0395, 'E'}, {0x0396, 'Z'}, {0x0397, 'H'},
      {0x0399, 'I'}, {0x039A, 'K'}, {0x039C, 'M'}, {0x039D, 'N'}, {0x039F, 'O'},
      {0x03A1, 'P'}, {0x03A4, 'T'}, {0x03A5, 'Y'}, {0x03A7, 'X'}, {0x03BF, 'o'},
      {0x03BD, 'v'},
      // Dotless ı and ȷ, which TeX puts under accents (\'{\i})
      {0x0131, 'i'}, {0x0237, 'j'},
  };
  if (cp < 0x0131 || cp > 0x0501) return cp;
  for (const auto& [from, to] : kLookalikes) {
    if (cp == from) return to;
  }
  return cp;
}

// A decimal digit of any script (Arabic-Indic ٠١٢, Devanagari ०१२, …) as
// its ASCII digit; -1 for anything else. Unicode keeps each script's digits
// as one run of ten, zero first.
int DigitValue(utf8proc_int32_t cp) {
  if (cp < 0x80 || utf8proc_category(cp) != UTF8PROC_CATEGORY_ND) return -1;
  utf8proc_int32_t zero = cp;
  while (zero > 0 && cp - zero < 9 && utf8proc_category(zero - 1) == UTF8PROC_CATEGORY_ND) --zero;
  return static_cast<int>((cp - zero) % 10);
}

}  // namespace

// A word hyphenated at a line's end ("credi-" / "ble") reads whole, as
// pdftotext and viewers' search read it: "-\n" between two lower-case
// letters (in the original: "Garcia-\nLopez" keeps its hyphen) leaves
// nothing, and is covered by the letter before it.
// A number broken after its own hyphen ("(354) 508-\n9030", "A-\n201…",
// "I-\n589": a letter or digit, the hyphen, a digit) reads whole with its
// hyphen, as written: the line break goes, covered by the hyphen.
static void JoinLineEndHyphens(std::string_view original, NormalizedText* n) {
  std::string& t = n->text;
  auto lower = [](char c) { return c >= 'a' && c <= 'z'; };
  auto digit = [](char c) { return c >= '0' && c <= '9'; };
  auto not_capital = [](char c) { return !(c >= 'A' && c <= 'Z'); };
  size_t out = 0;
  for (size_t k = 0; k < t.size(); ++k) {
    const bool broken = t[k] == '-' && k + 2 < t.size() && t[k + 1] == '\n' && out > 0;
    if (broken && lower(t[out - 1]) && lower(t[k + 2]) && not_capital(original[n->orig_begin[k + 2]])) {
      n->orig_end[out - 1] = n->orig_end[k + 1];
      ++k;  // the '\n' too
      continue;
    }
    if (broken && (lower(t[out - 1]) || digit(t[out - 1])) && digit(t[k + 2])) {
      t[out] = '-';
      n->orig_begin[out] = n->orig_begin[k];
      n->orig_end[out] = n->orig_end[k + 1];
      ++out;
      ++k;  // the '\n'
      continue;
    }
    t[out] = t[k];
    n->orig_begin[out] = n->orig_begin[k];
    n->orig_end[out] = n->orig_end[k];
    ++out;
  }
  t.resize(out);
  n->orig_begin.resize(out);
  n->orig_end.resize(out);
}

NormalizedText NormalizeForMatching(std::string_view s) {
  NormalizedText n;
  n.text.reserve(s.size());
  n.orig_begin.reserve(s.size());
  n.orig_end.reserve(s.size());
  const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(s.data());
  size_t i = 0;
  utf8proc_int32_t decomposed[32];
  while (i < s.size()) {
    // ASCII, most of any page, folds byte by byte: what utf8proc would
    // read it as, and what the branch for code points below 0x80 makes of it.
    if (const unsigned char c = bytes[i]; c < 0x80) {
      n.text.push_back(FoldAscii(c));
      n.orig_begin.push_back(static_cast<uint32_t>(i));
      n.orig_end.push_back(static_cast<uint32_t>(i + 1));
      ++i;
      continue;
    }
    const size_t before = n.text.size();
    utf8proc_int32_t cp;
    utf8proc_ssize_t len =
        utf8proc_iterate(bytes + i, static_cast<utf8proc_ssize_t>(s.size() - i), &cp);
    if (len <= 0) {  // invalid UTF-8: treat the byte as undecodable
      n.text.push_back(kUndecodableByte);
      len = 1;
    } else if (cp == 0x00AD && !n.text.empty() && IsAsciiDigit(n.text.back()) &&
               i + static_cast<size_t>(len) < s.size() && IsAsciiDigit(s[i + static_cast<size_t>(len)])) {
      // A soft hyphen between digits is drawn as the hyphen it stands for
      // ("DOB 2019\u00AD05\u00AD02", where a font's ToUnicode maps its hyphen
      // glyph to U+00AD): a date or number's separator, not a break.
      n.text.push_back('-');
    } else if (cp = LatinLookalike(cp); cp >= 0x80 && DigitValue(cp) >= 0) {
      n.text.push_back(static_cast<char>('0' + DigitValue(cp)));
    } else if (cp < 0x80) {
      n.text.push_back(FoldAscii(static_cast<unsigned char>(cp)));  // (a look-alike's Latin letter)
    } else {
      int boundclass = UTF8PROC_BOUNDCLASS_START;
      utf8proc_ssize_t count = utf8proc_decompose_char(
          cp, decomposed, 32,
          static_cast<utf8proc_option_t>(UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT | UTF8PROC_CASEFOLD |
                                         UTF8PROC_STRIPMARK),
          &boundclass);
      if (count < 0 || count > 32) {  // 0: a mark, stripped
        AppendFolded(cp, &n.text);
      } else {
        for (utf8proc_ssize_t k = 0; k < count; ++k) AppendFolded(decomposed[k], &n.text);
      }
    }
    for (size_t b = before; b < n.text.size(); ++b) {
      n.orig_begin.push_back(static_cast<uint32_t>(i));
      n.orig_end.push_back(static_cast<uint32_t>(i + len));
    }
    // A code point that left nothing (a combining mark, a zero width, a
    // soft hyphen) belongs to the character before it: a match ending
    // there covers it, so its glyph is removed with the name.
    if (n.text.size() == before && before > 0) {
      const uint32_t from = n.orig_begin[before - 1];
      for (size_t b = before; b > 0 && n.orig_begin[b - 1] == from; --b) {
        n.orig_end[b - 1] = static_cast<uint32_t>(i + len);
      }
    }
    i += static_cast<size_t>(len);
  }
  JoinLineEndHyphens(s, &n);
  return n;
}

void DropOriginalSpans(const std::vector<std::pair<size_t, size_t>>& spans, NormalizedText* n) {
  if (spans.empty()) return;
  size_t out = 0, s = 0;
  for (size_t k = 0; k < n->text.size(); ++k) {
    const size_t at = n->orig_begin[k];
    while (s < spans.size() && spans[s].second <= at) ++s;
    if (s < spans.size() && spans[s].first <= at) continue;
    n->text[out] = n->text[k];
    n->orig_begin[out] = n->orig_begin[k];
    n->orig_end[out] = n->orig_end[k];
    ++out;
  }
  n->text.resize(out);
  n->orig_begin.resize(out);
  n->orig_end.resize(out);
}

std::string NormalizeString(std::string_view utf8) {
  // Plain ASCII without a hyphen at a line's end (most words detection
  // normalizes one by one) folds byte by byte, as NormalizeForMatching does,
  // without its map back to the original.
  if (std::all_of(utf8.begin(), utf8.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; }) &&
      utf8.find("-\n") == std::string_view::npos) {
    std::string out(utf8);
    for (char& c : out) c = FoldAscii(static_cast<unsigned char>(c));
    return out;
  }
  return NormalizeForMatching(utf8).text;
}

}  // namespace redact
