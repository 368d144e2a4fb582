#include "pdf/font_data.h"

#include <gtest/gtest.h>

#include "pdf/font.h"

namespace redact::pdf {
namespace {

TEST(GlyphNames, AdobeGlyphListAndConventions) {
  EXPECT_EQ(GlyphNameToUnicode("A"), "A");
  EXPECT_EQ(GlyphNameToUnicode("ntilde"), "\xC3\xB1");
  EXPECT_EQ(GlyphNameToUnicode("fi"), "\xEF\xAC\x81");
  EXPECT_EQ(GlyphNameToUnicode("uni00E9"), "\xC3\xA9");
  EXPECT_EQ(GlyphNameToUnicode("uni00660069"), "fi");
  EXPECT_EQ(GlyphNameToUnicode("u1F600"), "\xF0\x9F\x98\x80");
  EXPECT_EQ(GlyphNameToUnicode("f_f_i"), "ffi");
  EXPECT_EQ(GlyphNameToUnicode("a.sc"), "a");
  EXPECT_FALSE(GlyphNameToUnicode("g31").has_value());
  EXPECT_FALSE(GlyphNameToUnicode(".notdef").has_value());
  EXPECT_FALSE(GlyphNameToUnicode("uniD800").has_value());  // surrogate
  EXPECT_FALSE(GlyphNameToUnicode("uni00e9").has_value());  // lower case
}

TEST(BaseEncodings, KnownCodes) {
  EXPECT_STREQ(GetEncodingTable(BaseEncoding::kWinAnsi)[0xE9], "eacute");
  EXPECT_STREQ(GetEncodingTable(BaseEncoding::kWinAnsi)[0x80], "Euro");
  EXPECT_STREQ(GetEncodingTable(BaseEncoding::kStandard)[0x27], "quoteright");
  EXPECT_STREQ(GetEncodingTable(BaseEncoding::kMacRoman)[0x87], "aacute");
  EXPECT_STREQ(GetEncodingTable(BaseEncoding::kStandard)[0xE9], "Oslash");
}

TEST(Standard14, WidthsAndAliases) {
  const Standard14Metrics* h = FindStandard14("Helvetica");
  ASSERT_NE(h, nullptr);
  EXPECT_EQ(h->Width("A"), 667);
  EXPECT_EQ(h->Width("space"), 278);
  EXPECT_EQ(FindStandard14("Arial,Bold"), FindStandard14("Helvetica-Bold"));
  EXPECT_EQ(FindStandard14("TimesNewRomanPSMT"), FindStandard14("Times-Roman"));
  EXPECT_EQ(FindStandard14("Courier")->Width("W"), 600);
  EXPECT_EQ(FindStandard14("NotAFont"), nullptr);
  EXPECT_STREQ(FindStandard14("Symbol")->builtin_encoding[0x61], "alpha");
}

TEST(Type1BuiltinEncoding, ParsesDupPutLines) {
  std::array<std::string, 256> names;
  bool standard = true;
  const std::string program =
      "%!PS-AdobeFont-1.0: CMR10\n/Encoding 256 array\n0 1 255 {1 index exch /.notdef put} for\n"
      "dup 12 /fi put\ndup 65 /A put\nreadonly def\ncurrentfile eexec\n\x8f\x12garbage";
  ASSERT_TRUE(ParseType1BuiltinEncoding(program, &names, &standard));
  EXPECT_FALSE(standard);
  EXPECT_EQ(names[12], "fi");
  EXPECT_EQ(names[65], "A");
  EXPECT_EQ(names[66], "");
}

TEST(Type1BuiltinEncoding, StandardEncodingKeyword) {
  std::array<std::string, 256> names;
  bool standard = false;
  ASSERT_TRUE(ParseType1BuiltinEncoding("/Encoding StandardEncoding def", &names, &standard));
  EXPECT_TRUE(standard);
}

}  // namespace
}  // namespace redact::pdf
