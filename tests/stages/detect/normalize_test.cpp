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

TEST(Normalize, AWordHyphenatedAtALineEndReadsWhole) {
  // pdftotext reads "credi-" / "ble" as "credible"; so must detection, or
  // "negative credi-\nble fear finding" survived while poppler saw it.
  const NormalizedText n = NormalizeForMatching("a negative credi-\nble fear finding");
  EXPECT_EQ(n.text, "a negative credible fear finding");
  const auto [begin, end] = n.ToOriginal(11, 19);  // "credible"
  EXPECT_EQ(begin, 11u);
  EXPECT_EQ(end, 21u);  // through "ble", the hyphen and line break inside
  // A capital after the break is a hyphenated name: the hyphen stays.
  EXPECT_EQ(NormalizeString("Garcia-\nLopez"), "garcia-\nlopez");
  EXPECT_EQ(NormalizeString("well-\n"), "well-\n");
}

// bench/peers.sh's LibreOffice filing: a line broke inside "(354) 508-9030"
// after its hyphen, and the phone number stayed readable in 357 of 14,000
// identifiers (pdftotext reads "(354) 5089030"). A number wrapped at its
// own hyphen reads whole, hyphen kept, as it was written.
TEST(Normalize, ANumberWrappedAtItsHyphenReadsWhole) {
  const NormalizedText n = NormalizeForMatching("reached at (354) 508-\n9030.");
  EXPECT_EQ(n.text, "reached at (354) 508-9030.");
  const auto [begin, end] = n.ToOriginal(11, 25);  // "(354) 508-9030"
  EXPECT_EQ(begin, 11u);
  EXPECT_EQ(end, 26u);  // the line break inside
  EXPECT_EQ(NormalizeString("A-\n201-234-\n567"), "a-201-234-567");
  EXPECT_EQ(NormalizeString("Form I-\n589"), "form i-589");
  // Words stay words: a hyphen before a line of words is left as it was.
  EXPECT_EQ(NormalizeString("1990-\nPresent"), "1990-\npresent");
}

TEST(Normalize, MiddleDotsSeparateWords) {
  // A court reporter's spacers: "·CRYSTAL LONG,·" is two words of a name.
  const std::string s = "is\xC2\xB7" "CRYSTAL LONG,\xC2\xB7" "is";
  const NormalizedText n = NormalizeForMatching(s);
  EXPECT_EQ(n.text, "is crystal long, is");
  const auto [b, e] = n.ToOriginal(3, 15);  // "crystal long"
  EXPECT_EQ(s.substr(b, e - b), "CRYSTAL LONG");
  EXPECT_EQ(NormalizeString("\xE2\x88\x99" "a\xE2\x8B\x85" "b"), " a b");  // bullet and dot operators
}

// probe26's exhibit: a font whose hyphen maps to U+00AD in its ToUnicode
// drew "DOB 2019-05-02", which pdftotext shows with soft hyphens; dropped,
// they made "20190502" and the date stayed. Between digits a soft hyphen
// is the hyphen; inside a word it is still nothing ("Her\u00ADnandez").
TEST(Normalize, ASoftHyphenBetweenDigitsIsAHyphen) {
  const std::string s = "DOB 2019\xC2\xAD" "05\xC2\xAD" "02";
  const NormalizedText n = NormalizeForMatching(s);
  EXPECT_EQ(n.text, "dob 2019-05-02");
  const auto [b, e] = n.ToOriginal(4, 14);
  EXPECT_EQ(s.substr(b, e - b), "2019\xC2\xAD" "05\xC2\xAD" "02");
  EXPECT_EQ(NormalizeString("Her\xC2\xAD" "nandez"), "hernandez");
}

TEST(Normalize, DroppedSpansLeaveTheRestMappedToTheOriginal) {
  const std::string s = "Patrick H.\n5 Peluso";
  NormalizedText n = NormalizeForMatching(s);
  DropOriginalSpans({{11, 13}}, &n);  // "5 "
  ASSERT_EQ(n.text, "patrick h.\npeluso");
  const auto [b, e] = n.ToOriginal(11, 17);  // "peluso"
  EXPECT_EQ(s.substr(b, e - b), "Peluso");
  const auto [b2, e2] = n.ToOriginal(0, 17);
  EXPECT_EQ(s.substr(b2, e2 - b2), s);
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

// Issue 16 §2: what a reader cannot tell from plain Latin folds to it.
namespace redact {
namespace {

TEST(Normalize, SoftHyphensAndZeroWidthsVanishInsideNames) {
  EXPECT_EQ(NormalizeString("Mar\xC2\xAD" "ia"), "maria");                    // soft hyphen
  EXPECT_EQ(NormalizeString("Ma\xE2\x80\x8Bri\xE2\x80\x8C" "a"), "maria");   // ZWSP, ZWNJ
  EXPECT_EQ(NormalizeString("Ma\xE2\x80\x8Dri\xE2\x81\xA0" "a\xEF\xBB\xBF"), "maria");  // ZWJ, WJ, BOM
}

TEST(Normalize, FullwidthLettersAndDigits) {
  EXPECT_EQ(NormalizeString("\xEF\xBC\xAD\xEF\xBD\x81\xEF\xBD\x92\xEF\xBD\x89\xEF\xBD\x81"),
            "maria");
  EXPECT_EQ(NormalizeString("\xEF\xBC\xA1\xEF\xBC\x92\xEF\xBC\x90\xEF\xBC\x91"), "a201");
}

TEST(Normalize, OtherScriptsDigitsAreDigits) {
  EXPECT_EQ(NormalizeString("A\xD9\xA2\xD9\xA0\xD9\xA1\xD9\xA9"), "a2019");  // Arabic-Indic
  EXPECT_EQ(NormalizeString("\xDB\xB0\xDB\xB7"), "07");                      // Extended Arabic-Indic
  EXPECT_EQ(NormalizeString("\xE0\xA5\xA8\xE0\xA5\xA6\xE0\xA5\xAF"), "209");  // Devanagari
  EXPECT_EQ(NormalizeString("\xE0\xA7\xA7"), "1");                            // Bengali
}

TEST(Normalize, CyrillicAndGreekLookAlikesReadAsLatin) {
  // А Е О Р С Т Х К М Н В (Cyrillic capitals), а е о р с х (small).
  EXPECT_EQ(NormalizeString("\xD0\x90\xD0\x95\xD0\x9E\xD0\xA0\xD0\xA1\xD0\xA2\xD0\xA5\xD0\x9A"
                            "\xD0\x9C\xD0\x9D\xD0\x92"),
            "aeopctxkmhb");
  EXPECT_EQ(NormalizeString("\xD0\xB0\xD0\xB5\xD0\xBE\xD1\x80\xD1\x81\xD1\x85"), "aeopcx");
  EXPECT_EQ(NormalizeString("\xCE\x91\xCE\x9F"), "ao");  // Greek Alpha, Omicron
  EXPECT_EQ(NormalizeString("Ram\xC4\xB1\xCC\x81rez"), "ramirez");  // dotless i + acute
  EXPECT_EQ(NormalizeString("\xD0\x90" "201234567"), "a201234567");
  // Letters with no Latin twin stay as they are (case folded).
  EXPECT_EQ(NormalizeString("\xD0\x96"), "\xD0\xB6");  // Ж → ж
}

TEST(Normalize, AMarkOrInvisibleAtTheEndBelongsToTheLetterBefore) {
  const std::string s = "Jose\xCC\x81 x";  // e + U+0301, then " x"
  NormalizedText n = NormalizeForMatching(s);
  ASSERT_EQ(n.text, "jose x");
  auto [b, e] = n.ToOriginal(0, 4);  // "jose" covers the mark
  EXPECT_EQ(s.substr(b, e - b), "Jose\xCC\x81");
  const std::string z = "Ana\xE2\x80\x8B";
  NormalizedText nz = NormalizeForMatching(z);
  ASSERT_EQ(nz.text, "ana");
  EXPECT_EQ(nz.ToOriginal(0, 3).second, z.size());
}

}  // namespace
}  // namespace redact
