// What the allow-list understands of a font's own strings (stages/
// write_redact/font_names.h): names that read as fonts stay, others are
// replaced; a ToUnicode entry is kept when it is one glyph's text.
#include "stages/write_redact/font_names.h"

#include <gtest/gtest.h>

namespace redact {
namespace {

TEST(FontNames, FontsOfRealFilingsReadAsFonts) {
  for (const char* name : {"Helvetica", "Times-Roman", "TimesNewRomanPSMT", "TimesNewRomanPS-BoldItalicMT",
                           "Arial,Bold", "ArialMT", "BAAAAA+LiberationMono", "AAAAAA+DejaVuSans-Bold",
                           "Calibri-Light", "BookAntiqua", "CenturySchoolbook", "AGaramondPro-Regular",
                           "CMR10", "CMBX12", "LMRoman10-Regular", "NimbusRomNo9L-Regu", "BFMHAE+Times-Roman",
                           "F1", "T1_0", "TT2", "SymbolMT", "CourierNewPSMT", "PalatinoLinotype-Roman",
                           "cmr10", "RedactOcrText", "Adobe-Identity-UCS"}) {
    EXPECT_TRUE(IsFontName(name)) << name;
  }
}

TEST(FontNames, APersonsNameIsNoFontName) {
  for (const char* name : {"ABCDEF+MariaLopezGarcia", "MariaHernandezNunez", "Maria-Hernandez-Nunez",
                           "FaridaRahimi-Bold", "ABCDEF+JeanBaptisteWiselande"}) {
    EXPECT_FALSE(IsFontName(name)) << name;
  }
}

TEST(FontNames, GlyphTextIsOneCharacterALigatureOrAnAccentedLetter) {
  for (const char* text : {"a", "\xC3\xA9", "fi", "ff", "ffi", "ffl", "e\xCC\x81", "\xEF\xAC\x83", "\xD9\x84\xD8\xA7"}) {
    EXPECT_TRUE(IsGlyphText(text)) << text;
  }
  for (const char* text : {"Farida Rahimi", "Rahimi", "abc", "A201"}) {
    EXPECT_FALSE(IsGlyphText(text)) << text;
  }
}

}  // namespace
}  // namespace redact
