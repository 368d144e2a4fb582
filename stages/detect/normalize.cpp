#include "stages/detect/normalize.h"

#include <utf8proc.h>

namespace redact {
namespace {

// Maps one decomposed, case-folded code point to what matching sees.
void AppendFolded(utf8proc_int32_t cp, std::string* out) {
  switch (cp) {
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015:
    case 0x2212: case 0xFE58: case 0xFE63: case 0xFF0D: case 0x00AD:
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
  if (cat == UTF8PROC_CATEGORY_CF) return;  // soft hyphens handled above; ZWJ etc.
  utf8proc_uint8_t buf[4];
  const utf8proc_ssize_t n = utf8proc_encode_char(cp, buf);
  out->append(reinterpret_cast<const char*>(buf), static_cast<size_t>(n));
}

}  // namespace

NormalizedText NormalizeForMatching(std::string_view s) {
  NormalizedText n;
  n.text.reserve(s.size());
  n.orig_begin.reserve(s.size());
  n.orig_end.reserve(s.size());
  const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(s.data());
  size_t i = 0;
  utf8proc_int32_t decomposed[32];
  while (i < s.size()) {
    const size_t before = n.text.size();
    utf8proc_int32_t cp;
    utf8proc_ssize_t len =
        utf8proc_iterate(bytes + i, static_cast<utf8proc_ssize_t>(s.size() - i), &cp);
    if (len <= 0) {  // invalid UTF-8: treat the byte as undecodable
      n.text.push_back(kUndecodableByte);
      len = 1;
    } else if (cp < 0x80) {
      n.text.push_back(static_cast<char>(cp >= 'A' && cp <= 'Z' ? cp + 32 : cp));
      if (cp == '\t' || cp == '\r' || cp == '\f' || cp == '\v') n.text.back() = ' ';
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
    i += static_cast<size_t>(len);
  }
  return n;
}

std::string NormalizeString(std::string_view utf8) { return NormalizeForMatching(utf8).text; }

}  // namespace redact
