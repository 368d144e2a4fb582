#include "pdf/content_parser.h"

#include <gtest/gtest.h>

namespace redact::pdf {
namespace {

TEST(ContentParser, OperatorsCollectTheirOperands) {
  ParsedContent p = ParseContent("BT /F1 12 Tf 72 700 Td (Hi) Tj ET");
  ASSERT_EQ(p.ops.size(), 5u);
  EXPECT_EQ(p.ops[1].op, "Tf");
  ASSERT_EQ(p.ops[1].operands.size(), 2u);
  EXPECT_EQ(p.ops[1].operands[0].value, "F1");
  EXPECT_DOUBLE_EQ(p.ops[1].operands[1].number, 12);
  EXPECT_EQ(p.ops[3].operands[0].value, "Hi");
  EXPECT_EQ(p.bad_tokens, 0);
}

TEST(ContentParser, RawSpansCoverOperandsAndOperator) {
  const std::string s = "q 1 0 0 1 5.5 -3 cm Q";
  ParsedContent p = ParseContent(s);
  ASSERT_EQ(p.ops.size(), 3u);
  EXPECT_EQ(s.substr(p.ops[1].begin, p.ops[1].end - p.ops[1].begin), "1 0 0 1 5.5 -3 cm");
}

TEST(ContentParser, LiteralStringEscapesAndNesting) {
  ParsedContent p = ParseContent(R"((a\(b\)c\\ \101\12 (nested) \
x) Tj)");
  ASSERT_EQ(p.ops.size(), 1u);
  EXPECT_EQ(p.ops[0].operands[0].value, "a(b)c\\ A\n (nested) x");
}

TEST(ContentParser, ByteOrderMarkInAStringIsKept) {
  // PoDoFo strips FE FF / FF FE as a BOM; a content string is just bytes.
  ParsedContent p = ParseContent("(\\377\\376AB) Tj <FEFF0041> Tj");
  ASSERT_EQ(p.ops.size(), 2u);
  EXPECT_EQ(p.ops[0].operands[0].value, std::string("\xFF\xFE" "AB"));
  EXPECT_EQ(p.ops[1].operands[0].value, std::string("\xFE\xFF\x00\x41", 4));
  EXPECT_TRUE(p.ops[1].operands[0].hex);
}

TEST(ContentParser, HexStringOddDigitsAndWhiteSpace) {
  ParsedContent p = ParseContent("<41 42\n4> Tj");
  EXPECT_EQ(p.ops[0].operands[0].value, "AB@");
}

TEST(ContentParser, NamesDecodeHashEscapes) {
  ParsedContent p = ParseContent("/A#20B#2fC Do");
  EXPECT_EQ(p.ops[0].operands[0].value, "A B/C");
}

TEST(ContentParser, TjArrayMixesStringsAndNumbers) {
  ParsedContent p = ParseContent("[(A) -120 (B) 33.5 <43>] TJ");
  ASSERT_EQ(p.ops.size(), 1u);
  const Operand& arr = p.ops[0].operands[0];
  ASSERT_TRUE(arr.is_array());
  ASSERT_EQ(arr.items.size(), 5u);
  EXPECT_DOUBLE_EQ(arr.items[1].number, -120);
  EXPECT_EQ(arr.items[4].value, "C");
}

TEST(ContentParser, MalformedNumbersAreReadAsViewersDo) {
  ParsedContent p = ParseContent("--5 5. .5 w");
  ASSERT_EQ(p.ops[0].operands.size(), 3u);
  EXPECT_DOUBLE_EQ(p.ops[0].operands[0].number, 5);  // "--5": signs cancel
  EXPECT_DOUBLE_EQ(p.ops[0].operands[1].number, 5);
  EXPECT_DOUBLE_EQ(p.ops[0].operands[2].number, 0.5);
}

TEST(ContentParser, DictionaryOperandForMarkedContent) {
  ParsedContent p = ParseContent("/Span << /ActualText (Ana) /MCID 3 >> BDC EMC");
  ASSERT_EQ(p.ops.size(), 2u);
  const Operand& d = p.ops[0].operands[1];
  ASSERT_EQ(d.type, Operand::Type::kDictionary);
  ASSERT_NE(d.Find("ActualText"), nullptr);
  EXPECT_EQ(d.Find("ActualText")->value, "Ana");
}

TEST(ContentParser, UnbalancedBracketsAreCountedNotFatal) {
  ParsedContent p = ParseContent("] (A) Tj >> (B) Tj");
  EXPECT_EQ(p.ops.size(), 2u);
  EXPECT_GE(p.bad_tokens, 2);
}

TEST(ContentParser, UnterminatedStringIsABadToken) {
  ParsedContent p = ParseContent("(never closed Tj");
  EXPECT_GE(p.bad_tokens, 1);
}

TEST(ContentParser, UnfilteredInlineImageUsesExactLengthEvenWithEIInData) {
  // 4x1 RGB = 12 bytes, containing " EI " inside the data.
  std::string data = "ab EI cdefgh";
  ParsedContent p = ParseContent("q BI /W 4 /H 1 /BPC 8 /CS /RGB ID " + data + " EI Q");
  ASSERT_EQ(p.ops.size(), 3u);
  EXPECT_EQ(p.ops[1].op, "BI");
  const std::string all = "q BI /W 4 /H 1 /BPC 8 /CS /RGB ID " + data + " EI Q";
  EXPECT_EQ(all.substr(p.ops[1].data_begin, p.ops[1].data_end - p.ops[1].data_begin), data);
  EXPECT_EQ(p.ops[2].op, "Q");
  EXPECT_EQ(p.bad_tokens, 0);
}

TEST(ContentParser, InlineImageMaskWithABooleanIsReadWhole) {
  // pdfTeX's bitmap glyphs: "/IM true", 9x2 bits = 2 bytes per row, with
  // "EI" inside the data. "true" is a value here, not a bad token.
  const std::string data = std::string("\x00EI\xff", 4);
  const std::string all = "BI /W 9 /H 2 /IM true /D [1 0] ID " + data + " EI Q";
  ParsedContent p = ParseContent(all);
  EXPECT_EQ(p.bad_tokens, 0);
  ASSERT_EQ(p.ops.size(), 2u);
  ASSERT_EQ(p.ops[0].operands.size(), 1u);
  const Operand* mask = p.ops[0].operands[0].Find("IM");
  ASSERT_NE(mask, nullptr);
  EXPECT_EQ(mask->type, Operand::Type::kBool);
  EXPECT_EQ(all.substr(p.ops[0].data_begin, p.ops[0].data_end - p.ops[0].data_begin), data);
  EXPECT_EQ(p.ops[1].op, "Q");
}

TEST(ContentParser, FilteredInlineImageEndsAtPlausibleEI) {
  std::string content = "BI /W 8 /H 8 /F /AHx ID 00FF EIx 00 EI Q";
  ParsedContent p = ParseContent(content);
  ASSERT_EQ(p.ops.size(), 2u);
  EXPECT_EQ(p.ops[1].op, "Q");
}

TEST(ContentParser, NestingLimitIsEnforced) {
  std::string deep(200, '[');
  ParsedContent p = ParseContent(deep + " 1 " + std::string(200, ']') + " TJ");
  EXPECT_GE(p.bad_tokens, 1);
}

TEST(ContentParser, KnownOperators) {
  EXPECT_TRUE(IsKnownOperator("TJ"));
  EXPECT_TRUE(IsKnownOperator("\""));
  EXPECT_FALSE(IsKnownOperator("Tx"));
}

}  // namespace
}  // namespace redact::pdf
