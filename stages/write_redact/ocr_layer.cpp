#include "stages/write_redact/ocr_layer.h"

#include <cmath>
#include <cstdio>

#include "pdf/content_writer.h"

namespace redact {
namespace {

// Code points of UTF-8 text (invalid bytes become U+FFFD).
std::vector<char32_t> CodePoints(std::string_view s) {
  std::vector<char32_t> out;
  for (size_t i = 0; i < s.size();) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    int n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    if (n == 0 || i + n > s.size()) {
      out.push_back(0xFFFD);
      ++i;
      continue;
    }
    char32_t cp = n == 1 ? c : c & (0x7F >> n);
    for (int k = 1; k < n; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    out.push_back(cp);
    i += static_cast<size_t>(n);
  }
  return out;
}

// The layer's numbers: 3 decimals, as it has always been written.
std::string Num(double v) { return pdf::FixedNumber(v, 3); }

// One run of kept glyphs: a string at its baseline, stretched to its width.
std::string Run(const PageText& page, const std::vector<int>& glyphs, const Matrix& to_user,
                const std::string& font) {
  std::string codes;  // UTF-16BE code units
  int units = 0;
  for (int gi : glyphs) {
    for (char32_t cp : CodePoints(page.glyphs[gi].text)) {
      if (cp > 0xFFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;  // BMP only: one code, one unit
      codes.push_back(static_cast<char>(cp >> 8));
      codes.push_back(static_cast<char>(cp & 0xFF));
      ++units;
    }
  }
  if (units == 0) return "";
  const Glyph& first = page.glyphs[glyphs.front()];
  const Glyph& last = page.glyphs[glyphs.back()];
  const Point start = to_user.Apply(first.baseline_start);
  const Point end = to_user.Apply(last.baseline_end);
  const double width = std::hypot(end.x - start.x, end.y - start.y);
  const double size = first.font_size > 0 ? first.font_size : 10;
  if (width < 0.1) return "";
  const double ux = (end.x - start.x) / width, uy = (end.y - start.y) / width;
  // Every code is 500 units wide (the font's /DW).
  const double scale = 100.0 * width / (units * 0.5 * size);
  return "BT 3 Tr /" + font + " " + Num(size) + " Tf " + Num(scale) + " Tz " +
         pdf::TextMatrix(ux, uy, start.x, start.y, Num) + " " + pdf::HexString(codes) + " Tj ET\n";
}

}  // namespace

std::string OcrTextLayer(const PageText& page, const std::vector<bool>& removed, const std::string& font) {
  const Matrix to_user = page.geometry.user_to_display.Inverse();
  std::string out;
  for (const Word& w : page.words) {
    std::vector<int> run;
    auto flush = [&]() {
      if (!run.empty()) out += Run(page, run, to_user, font);
      run.clear();
    };
    for (int gi : w.glyphs) {
      const Glyph& g = page.glyphs[gi];
      if (!g.ocr || removed[static_cast<size_t>(gi)]) {
        flush();
        continue;
      }
      run.push_back(gi);
    }
    flush();
  }
  return out;
}

PoDoFo::PdfObject* AddOcrLayerFont(PoDoFo::PdfVecObjects& objects) {
  using PoDoFo::PdfName;
  using PoDoFo::PdfVariant;
  std::string cmap =
      "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
      "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
      "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
      "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
  // Ranges may differ only in their last byte: one per high byte, outside
  // the surrogates.
  std::vector<std::string> ranges;
  for (int hi = 0; hi < 256; ++hi) {
    if (hi >= 0xD8 && hi <= 0xDF) continue;
    char buf[40];
    std::snprintf(buf, sizeof buf, "<%02X00> <%02XFF> <%02X00>\n", hi, hi, hi);
    ranges.push_back(buf);
  }
  for (size_t i = 0; i < ranges.size(); i += 100) {
    const size_t n = std::min<size_t>(100, ranges.size() - i);
    cmap += std::to_string(n) + " beginbfrange\n";
    for (size_t k = 0; k < n; ++k) cmap += ranges[i + k];
    cmap += "endbfrange\n";
  }
  cmap += "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
  PoDoFo::PdfObject* to_unicode = objects.CreateObject();
  to_unicode->GetStream()->Set(cmap.data(), static_cast<PoDoFo::pdf_long>(cmap.size()));

  PoDoFo::PdfDictionary descriptor;
  descriptor.AddKey("Type", PdfName("FontDescriptor"));
  descriptor.AddKey("FontName", PdfName("RedactOcrText"));
  descriptor.AddKey("Flags", PdfVariant(static_cast<PoDoFo::pdf_int64>(4)));  // symbolic
  PoDoFo::PdfArray bbox;
  for (int v : {0, -200, 500, 800}) bbox.push_back(PdfVariant(static_cast<PoDoFo::pdf_int64>(v)));
  descriptor.AddKey("FontBBox", bbox);
  descriptor.AddKey("ItalicAngle", PdfVariant(static_cast<PoDoFo::pdf_int64>(0)));
  descriptor.AddKey("Ascent", PdfVariant(static_cast<PoDoFo::pdf_int64>(800)));
  descriptor.AddKey("Descent", PdfVariant(static_cast<PoDoFo::pdf_int64>(-200)));
  descriptor.AddKey("CapHeight", PdfVariant(static_cast<PoDoFo::pdf_int64>(700)));
  descriptor.AddKey("StemV", PdfVariant(static_cast<PoDoFo::pdf_int64>(80)));
  PoDoFo::PdfObject* descriptor_obj = objects.CreateObject(PdfVariant(descriptor));

  PoDoFo::PdfDictionary system_info;
  system_info.AddKey("Registry", PoDoFo::PdfString("Adobe"));
  system_info.AddKey("Ordering", PoDoFo::PdfString("Identity"));
  system_info.AddKey("Supplement", PdfVariant(static_cast<PoDoFo::pdf_int64>(0)));
  PoDoFo::PdfDictionary cid_font;
  cid_font.AddKey("Type", PdfName("Font"));
  cid_font.AddKey("Subtype", PdfName("CIDFontType2"));
  cid_font.AddKey("BaseFont", PdfName("RedactOcrText"));
  cid_font.AddKey("CIDSystemInfo", system_info);
  cid_font.AddKey("FontDescriptor", descriptor_obj->Reference());
  cid_font.AddKey("DW", PdfVariant(static_cast<PoDoFo::pdf_int64>(500)));
  cid_font.AddKey("CIDToGIDMap", PdfName("Identity"));
  PoDoFo::PdfObject* cid_font_obj = objects.CreateObject(PdfVariant(cid_font));

  PoDoFo::PdfDictionary font;
  font.AddKey("Type", PdfName("Font"));
  font.AddKey("Subtype", PdfName("Type0"));
  font.AddKey("BaseFont", PdfName("RedactOcrText"));
  font.AddKey("Encoding", PdfName("Identity-H"));
  PoDoFo::PdfArray descendants;
  descendants.push_back(cid_font_obj->Reference());
  font.AddKey("DescendantFonts", descendants);
  font.AddKey("ToUnicode", to_unicode->Reference());
  return objects.CreateObject(PdfVariant(font));
}

}  // namespace redact
