#include "tests/testing/cjk_pdfs.h"

#include <cstdio>
#include <optional>
#include <string_view>

#include "tests/testing/pdf_builder.h"

namespace redact::testing {
namespace {

// A character's code in each encoding (hex digits of the string bytes).
struct Coded {
  std::string identity;  // Adobe-Japan1 CID, 2 bytes
  std::string rksj;      // 90ms-RKSJ-H: Shift-JIS, 1 or 2 bytes
  std::string ucs2;      // UniJIS-UCS2-H: UTF-16BE
};

std::string Hex(unsigned value, int bytes) {
  char buf[16];
  std::snprintf(buf, sizeof buf, bytes == 1 ? "%02X" : "%04X", value);
  return buf;
}

// Kanji from Adobe's UniJIS-UCS2-H and 90ms-RKSJ-H CMaps.
struct Kanji {
  std::string_view utf8;
  unsigned cid, sjis, ucs2;
};
constexpr Kanji kKanji[] = {
    {"\xE7\x94\xB3", 2563, 0x905C, 0x7533},  // 申
    {"\xE8\xAB\x8B", 2661, 0x90BF, 0x8ACB},  // 請
    {"\xE6\x9B\xB8", 2427, 0x8F91, 0x66F8},  // 書
    {"\xE5\xB1\xB1", 2177, 0x8E52, 0x5C71},  // 山
    {"\xE7\x94\xB0", 3134, 0x9363, 0x7530},  // 田
    {"\xE5\xA4\xAA", 2848, 0x91BE, 0x592A},  // 太
    {"\xE9\x83\x8E", 4064, 0x9859, 0x90CE},  // 郎
};

// The first character of `text` and its byte length, if this file knows it.
std::optional<std::pair<Coded, size_t>> Next(std::string_view text) {
  const unsigned char c = static_cast<unsigned char>(text[0]);
  if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
    // Adobe-Japan1 CIDs 1-95 are ASCII 0x20-0x7E, proportional.
    return std::make_pair(Coded{Hex(c - 0x1F, 2), Hex(c, 1), Hex(c, 2)}, size_t{1});
  }
  for (const Kanji& k : kKanji) {
    if (text.starts_with(k.utf8)) {
      return std::make_pair(Coded{Hex(k.cid, 2), Hex(k.sjis, 2), Hex(k.ucs2, 2)}, k.utf8.size());
    }
  }
  return std::nullopt;
}

}  // namespace

std::string NonEmbeddedJapanesePdf(const std::vector<std::string>& lines,
                                   const std::string& encoding) {
  if (encoding != "Identity-H" && encoding != "90ms-RKSJ-H" && encoding != "UniJIS-UCS2-H")
    return "";
  std::string content;
  double y = 700;
  for (const std::string& line : lines) {
    std::string tj = "[<";
    std::string_view rest = line;
    while (!rest.empty()) {
      if (rest[0] == ' ') {
        tj += "> -1000 <";
        rest.remove_prefix(1);
        continue;
      }
      auto coded = Next(rest);
      if (!coded) return "";
      tj += encoding == "Identity-H"    ? coded->first.identity
            : encoding == "90ms-RKSJ-H" ? coded->first.rksj
                                        : coded->first.ucs2;
      rest.remove_prefix(coded->second);
    }
    content +=
        "BT /F1 24 Tf 72 " + std::to_string(static_cast<int>(y)) + " Td " + tj + ">] TJ ET\n";
    y -= 40;
  }
  PdfBuilder b;
  const int descriptor = b.Add(
      "<< /Type /FontDescriptor /FontName /KozMinPr6N-Regular /Flags 6 /FontBBox [-437 -340 1147 "
      "1317] "
      "/ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 742 /StemV 80 >>");
  const int cid_font = b.Add(
      "<< /Type /Font /Subtype /CIDFontType0 /BaseFont /KozMinPr6N-Regular "
      "/CIDSystemInfo << /Registry (Adobe) /Ordering (Japan1) /Supplement 6 >> /DW 1000 "
      "/FontDescriptor " +
      std::to_string(descriptor) + " 0 R >>");
  const int font = b.Add("<< /Type /Font /Subtype /Type0 /BaseFont /KozMinPr6N-Regular-" +
                         encoding + " /Encoding /" + encoding + " /DescendantFonts [" +
                         std::to_string(cid_font) + " 0 R] >>");
  const int contents = b.AddStream("", content);
  return b.BuildOnePage(contents, "<< /Font << /F1 " + std::to_string(font) + " 0 R >> >>");
}

}  // namespace redact::testing
