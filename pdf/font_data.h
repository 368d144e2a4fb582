// Font data redact ships instead of trusting PoDoFo's: the Adobe Glyph List,
// the PDF base encodings, and metrics of the standard 14 fonts. Generated
// tables (pdf/data/*.inc, made by tools/gen/gen_font_data.py).
//
// Thread-safety: read-only static data.
#ifndef REDACT_PDF_FONT_DATA_H_
#define REDACT_PDF_FONT_DATA_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace redact::pdf {

// A base encoding: 256 glyph names, "" where the code is undefined.
using EncodingTable = const char* const*;

enum class BaseEncoding {
  kStandard,
  kWinAnsi,
  kMacRoman,
  kPdfDoc,
  kMacExpert,
  kSymbol,
  kZapfDingbats,
};

EncodingTable GetEncodingTable(BaseEncoding encoding);

// /WinAnsiEncoding etc. → the enum; nullopt for names that are not one of
// the predefined simple-font encodings.
std::optional<BaseEncoding> BaseEncodingFromName(std::string_view name);

// The Unicode text (UTF-8) for a glyph name: Adobe Glyph List, then the
// uniXXXX[XXXX…] and uXXXX[XX] conventions, then ligature names joined with
// '_' and names with a '.suffix' ("a.sc"). nullopt for names that prove
// nothing ("g31", "cid123", ".notdef").
std::optional<std::string> GlyphNameToUnicode(std::string_view name);
// The Unicode text of a ZapfDingbats glyph name ("a20" → "✔", "a1" → "✁")
// from the ITC Zapf Dingbats Glyph List; nullopt for any other name. Only
// for the ZapfDingbats font: elsewhere "a20" means nothing in particular.
std::optional<std::string> DingbatsGlyphNameToUnicode(std::string_view name);

struct GlyphWidth {
  const char* name;
  int width;  // glyph space units (1/1000 em)
};

struct Standard14Metrics {
  const char* name;      // "Helvetica-Bold"
  int ascent;            // glyph space units
  int descent;
  int flags;             // FontDescriptor flags (4 = symbolic)
  const GlyphWidth* widths;  // sorted by name
  size_t width_count;
  EncodingTable builtin_encoding;  // the font's own encoding

  // Width of a glyph name, or nullopt if the font lacks that glyph.
  std::optional<int> Width(std::string_view glyph) const;
};

// Metrics for a standard-14 font, also under the common aliases viewers
// accept (Arial → Helvetica, TimesNewRoman,Bold → Times-Bold, …). The
// subset prefix ("ABCDEF+") must already be stripped. nullptr otherwise.
const Standard14Metrics* FindStandard14(std::string_view base_font);

}  // namespace redact::pdf

#endif  // REDACT_PDF_FONT_DATA_H_
