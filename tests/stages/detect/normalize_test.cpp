#include "stages/detect/normalize.h"

#include <gtest/gtest.h>

namespace redact {
namespace {

TEST(Normalize, AccentsCaseAndDashes) {
  EXPECT_EQ(NormalizeString("José PEÑA-Núñez"), "jose pena-nunez");
  EXPECT_EQ(NormalizeString("A\xE2\x88\x92Number"), "a-number");  // U+2212 (ghostscript)
  EXPECT_EQ(NormalizeString("I\xE2\x80\x93" "589"), "i-589");     // en dash
  EXPECT_EQ(NormalizeString("Stra\xC3\x9F" "e"), "strasse");
  EXPECT_EQ(NormalizeString("\xEF\xAC\x81" "nal"), "final");       // ligature
  EXPECT_EQ(NormalizeString("O\xE2\x80\x99" "Brien"), "o'brien");
  EXPECT_EQ(NormalizeString("a\xC2\xA0" "b"), "a b");              // no-break space
}

TEST(Normalize, UndecodableGlyphsMatchNothing) {
  EXPECT_EQ(NormalizeString("A\xEF\xBF\xBD" "1"), std::string("a") + kUndecodableByte + "1");
}

TEST(Normalize, OffsetsMapBackToTheOriginal) {
  const std::string s = "Peña ß";
  NormalizedText n = NormalizeForMatching(s);
  ASSERT_EQ(n.text, "pena ss");
  auto [b, e] = n.ToOriginal(2, 3);  // "n" came from "ñ" (2 bytes)
  EXPECT_EQ(s.substr(b, e - b), "\xC3\xB1");
  auto [b2, e2] = n.ToOriginal(5, 7);  // "ss" from "ß"
  EXPECT_EQ(s.substr(b2, e2 - b2), "\xC3\x9F");
}

TEST(Normalize, CombiningMarksInTheInputAreStripped) {
  EXPECT_EQ(NormalizeString("Jose\xCC\x81"), "jose");  // e + U+0301
}

}  // namespace
}  // namespace redact
