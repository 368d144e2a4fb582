#include "pdf/font_data.h"

#include <algorithm>
#include <iterator>
#include <utility>

#include "pdf/cmap.h"

namespace redact::pdf {
namespace {

struct GlyphUnicode {
  const char* name;
  const char* utf8;
};

constexpr GlyphUnicode kGlyphList[] = {
#include "pdf/data/glyph_list.inc"
};

constexpr GlyphUnicode kDingbatsList[] = {
#include "pdf/data/dingbats_list.inc"
};

#include "pdf/data/base_encodings.inc"
#include "pdf/data/standard14.inc"

int HexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;  // the conventions use upper case only
}

// Parses exactly `n` upper-case hex digits.
std::optional<char32_t> ParseHex(std::string_view s) {
  char32_t v = 0;
  for (char c : s) {
    int d = HexDigit(c);
    if (d < 0) return std::nullopt;
    v = v * 16 + d;
  }
  return v;
}

bool UsableCodePoint(char32_t cp) {
  return cp <= 0x10FFFF && !(cp >= 0xD800 && cp <= 0xDFFF);
}

std::optional<std::string> SingleComponentToUnicode(std::string_view name) {
  if (name.empty()) return std::nullopt;
  const auto* begin = std::begin(kGlyphList);
  const auto* end = std::end(kGlyphList);
  const auto* it = std::lower_bound(
      begin, end, name,
      [](const GlyphUnicode& g, std::string_view n) { return std::string_view(g.name) < n; });
  if (it != end && std::string_view(it->name) == name) return std::string(it->utf8);
  if (name.size() >= 7 && name.starts_with("uni") && (name.size() - 3) % 4 == 0) {
    std::string out;
    for (size_t i = 3; i < name.size(); i += 4) {
      auto cp = ParseHex(name.substr(i, 4));
      if (!cp || !UsableCodePoint(*cp)) return std::nullopt;
      AppendUtf8(*cp, &out);
    }
    return out;
  }
  if (name.size() >= 5 && name.size() <= 7 && name[0] == 'u') {
    auto cp = ParseHex(name.substr(1));
    if (cp && UsableCodePoint(*cp)) {
      std::string out;
      AppendUtf8(*cp, &out);
      return out;
    }
  }
  return std::nullopt;
}

}  // namespace

EncodingTable GetEncodingTable(BaseEncoding encoding) {
  switch (encoding) {
    case BaseEncoding::kStandard: return kStandardEncoding;
    case BaseEncoding::kWinAnsi: return kWinAnsiEncoding;
    case BaseEncoding::kMacRoman: return kMacRomanEncoding;
    case BaseEncoding::kPdfDoc: return kPdfDocEncoding;
    case BaseEncoding::kMacExpert: return kMacExpertEncoding;
    case BaseEncoding::kSymbol: return kSymbolEncoding;
    case BaseEncoding::kZapfDingbats: return kZapfDingbatsEncoding;
  }
  return kStandardEncoding;
}

std::optional<BaseEncoding> BaseEncodingFromName(std::string_view name) {
  if (name == "WinAnsiEncoding") return BaseEncoding::kWinAnsi;
  if (name == "MacRomanEncoding") return BaseEncoding::kMacRoman;
  if (name == "MacExpertEncoding") return BaseEncoding::kMacExpert;
  if (name == "StandardEncoding") return BaseEncoding::kStandard;
  if (name == "PDFDocEncoding") return BaseEncoding::kPdfDoc;
  return std::nullopt;
}

std::optional<std::string> DingbatsGlyphNameToUnicode(std::string_view name) {
  const auto* end = std::end(kDingbatsList);
  const auto* it = std::lower_bound(
      std::begin(kDingbatsList), end, name,
      [](const GlyphUnicode& g, std::string_view n) { return std::string_view(g.name) < n; });
  if (it != end && std::string_view(it->name) == name) return std::string(it->utf8);
  return std::nullopt;
}

std::optional<std::string> GlyphNameToUnicode(std::string_view name) {
  // Drop a suffix: "a.sc" → "a", "T_h.liga" → "T_h".
  if (size_t dot = name.find('.'); dot != std::string_view::npos && dot > 0) {
    name = name.substr(0, dot);
  }
  if (name.empty()) return std::nullopt;
  if (name.find('_') == std::string_view::npos) return SingleComponentToUnicode(name);
  std::string out;
  while (!name.empty()) {
    size_t us = name.find('_');
    auto part = SingleComponentToUnicode(name.substr(0, us));
    if (!part) return std::nullopt;
    out += *part;
    if (us == std::string_view::npos) break;
    name = name.substr(us + 1);
  }
  return out;
}

std::optional<int> Standard14Metrics::Width(std::string_view glyph) const {
  const GlyphWidth* end = widths + width_count;
  const GlyphWidth* it = std::lower_bound(
      widths, end, glyph,
      [](const GlyphWidth& g, std::string_view n) { return std::string_view(g.name) < n; });
  if (it != end && std::string_view(it->name) == glyph) return it->width;
  return std::nullopt;
}

const Standard14Metrics* FindStandard14(std::string_view base_font) {
  static constexpr std::pair<std::string_view, std::string_view> kAliases[] = {
      {"Arial", "Helvetica"},
      {"Arial,Bold", "Helvetica-Bold"},
      {"Arial-Bold", "Helvetica-Bold"},
      {"Arial-BoldMT", "Helvetica-Bold"},
      {"Arial,Italic", "Helvetica-Oblique"},
      {"Arial-Italic", "Helvetica-Oblique"},
      {"Arial-ItalicMT", "Helvetica-Oblique"},
      {"Arial,BoldItalic", "Helvetica-BoldOblique"},
      {"Arial-BoldItalic", "Helvetica-BoldOblique"},
      {"Arial-BoldItalicMT", "Helvetica-BoldOblique"},
      {"ArialMT", "Helvetica"},
      {"Courier,Bold", "Courier-Bold"},
      {"Courier,Italic", "Courier-Oblique"},
      {"Courier,BoldItalic", "Courier-BoldOblique"},
      {"CourierNew", "Courier"},
      {"CourierNew,Bold", "Courier-Bold"},
      {"CourierNew,Italic", "Courier-Oblique"},
      {"CourierNew,BoldItalic", "Courier-BoldOblique"},
      {"CourierNewPSMT", "Courier"},
      {"CourierNewPS-BoldMT", "Courier-Bold"},
      {"Helvetica,Bold", "Helvetica-Bold"},
      {"Helvetica,Italic", "Helvetica-Oblique"},
      {"Helvetica,BoldItalic", "Helvetica-BoldOblique"},
      {"Times", "Times-Roman"},
      {"Times,Bold", "Times-Bold"},
      {"Times,Italic", "Times-Italic"},
      {"Times,BoldItalic", "Times-BoldItalic"},
      {"TimesNewRoman", "Times-Roman"},
      {"TimesNewRoman,Bold", "Times-Bold"},
      {"TimesNewRoman,Italic", "Times-Italic"},
      {"TimesNewRoman,BoldItalic", "Times-BoldItalic"},
      {"TimesNewRomanPSMT", "Times-Roman"},
      {"TimesNewRomanPS-BoldMT", "Times-Bold"},
      {"TimesNewRomanPS-ItalicMT", "Times-Italic"},
      {"TimesNewRomanPS-BoldItalicMT", "Times-BoldItalic"},
      {"Symbol,Bold", "Symbol"},
  };
  for (const auto& [alias, canonical] : kAliases) {
    if (alias == base_font) {
      base_font = canonical;
      break;
    }
  }
  for (const Standard14Metrics& m : kStandard14) {
    if (base_font == m.name) return &m;
  }
  return nullptr;
}

}  // namespace redact::pdf
