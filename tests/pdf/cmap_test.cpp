#include "pdf/cmap.h"

#include <gtest/gtest.h>

namespace redact::pdf {
namespace {

constexpr char kToUnicode[] = R"(/CIDInit /ProcSet findresource begin
12 dict begin begincmap
/CMapName /Test def
1 begincodespacerange <0000> <FFFF> endcodespacerange
3 beginbfchar
<0003> <0020>
<0011> <00660069>
<0012> <D83DDE00>
endbfchar
2 beginbfrange
<0024> <0026> <0041>
<0030> <0032> [<0061> <0062> <00630068>]
endbfrange
endcmap CMapName currentdict /CMap defineresource pop end end)";

TEST(CMap, BfcharIncludingLigatureAndSurrogatePair) {
  CMap m = CMap::Parse(kToUnicode);
  EXPECT_EQ(m.LookupUnicode(0x0003), " ");
  EXPECT_EQ(m.LookupUnicode(0x0011), "fi");
  EXPECT_EQ(m.LookupUnicode(0x0012), "\xF0\x9F\x98\x80");  // U+1F600
  EXPECT_EQ(m.problems(), 0);
}

TEST(CMap, BfrangeIncrementsAndArrays) {
  CMap m = CMap::Parse(kToUnicode);
  EXPECT_EQ(m.LookupUnicode(0x0024), "A");
  EXPECT_EQ(m.LookupUnicode(0x0026), "C");
  EXPECT_EQ(m.LookupUnicode(0x0031), "b");
  EXPECT_EQ(m.LookupUnicode(0x0032), "ch");
  EXPECT_FALSE(m.LookupUnicode(0x0027).has_value());
}

TEST(CMap, EntryCountsAreIgnoredNotMisread) {
  // "10" declared but 1 entry given: counts are advisory (PoDoFo reads them
  // as hex and walks past the data).
  CMap m = CMap::Parse("1 begincodespacerange <00> <FF> endcodespacerange "
                       "10 beginbfchar <41> <0042> endbfchar");
  EXPECT_EQ(m.LookupUnicode(0x41), "B");
}

TEST(CMap, MixedCodespaceLengths) {
  CMap m = CMap::Parse("2 begincodespacerange <00> <80> <8140> <FFFF> endcodespacerange");
  CMap::Code c = m.NextCode("\x41\x81\x40", false);
  EXPECT_EQ(c.length, 1);
  EXPECT_EQ(c.value, 0x41u);
  c = m.NextCode("\x81\x40", false);
  EXPECT_EQ(c.length, 2);
  EXPECT_EQ(c.value, 0x8140u);
  EXPECT_TRUE(c.in_codespace);
}

TEST(CMap, ByteOutsideCodespaceIsFlagged) {
  CMap m = CMap::Parse("1 begincodespacerange <8140> <FFFF> endcodespacerange");
  CMap::Code c = m.NextCode("\x20\x20", false);
  EXPECT_FALSE(c.in_codespace);
  EXPECT_EQ(c.length, 2);
}

TEST(CMap, HugeRangesAreNotExpanded) {
  // A hostile range over the whole 32-bit space must not allocate per code.
  CMap m = CMap::Parse("1 begincodespacerange <00000000> <FFFFFFFF> endcodespacerange "
                       "1 beginbfrange <00000000> <FFFFFFFE> <0041> endbfrange");
  EXPECT_EQ(m.unicode_entry_count(), 1u);
  EXPECT_EQ(m.LookupUnicode(1), "B");
}

TEST(CMap, CidRangesAndUseCMapIdentity) {
  CMap m = CMap::Parse("/Identity-H usecmap 1 begincidrange <0100> <01FF> 5000 endcidrange "
                       "/WMode 1 def");
  EXPECT_EQ(m.LookupCid(0x0105), 5005u);
  EXPECT_EQ(m.LookupCid(0x0042), 0x42u);  // from Identity
  EXPECT_TRUE(m.vertical());
}

TEST(CMap, IdentityIsTwoBytes) {
  CMap m = CMap::Identity(false);
  CMap::Code c = m.NextCode(std::string("\x00\x41\x00\x42", 4), true);
  EXPECT_EQ(c.length, 2);
  EXPECT_EQ(c.value, 0x41u);
  EXPECT_EQ(m.LookupCid(0x41), 0x41u);
}

TEST(CMap, MalformedUtf16IsAProblemNotText) {
  CMap m = CMap::Parse("1 beginbfchar <01> <DC00> endbfchar");
  EXPECT_FALSE(m.LookupUnicode(1).has_value());
  EXPECT_EQ(m.problems(), 1);
}

TEST(Utf16, Conversion) {
  EXPECT_EQ(Utf16BeToUtf8(std::string("\x00\xE9", 2)), "\xC3\xA9");
  EXPECT_FALSE(Utf16BeToUtf8(std::string("\xD8\x3D", 2)).has_value());
  EXPECT_FALSE(Utf16BeToUtf8(std::string("\x00", 1)).has_value());
}

}  // namespace
}  // namespace redact::pdf
