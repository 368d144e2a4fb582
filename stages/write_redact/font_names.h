// What the allow-list understands of a font's own strings: its name
// (/BaseFont, /FontName) and the text its ToUnicode CMap gives each code.
// Both are free text in the file that no page shows, so an identifier can
// hide there ("ABCDEF+MariaLopezGarcia"; one code mapped to a whole name).
//
// Thread-safety: pure functions.
#ifndef REDACT_STAGES_WRITE_REDACT_FONT_NAMES_H_
#define REDACT_STAGES_WRITE_REDACT_FONT_NAMES_H_

#include <string_view>

namespace redact {

// Whether `name` (a PDF name's text) reads as a font's name: after a
// subset tag ("ABCDEF+"), every word (split at separators and where
// capitals start one, trailing digits aside) is a word of font families,
// foundries, styles and CMaps ("TimesNewRomanPS-BoldItalicMT", "CMR10",
// "LiberationSans", "NimbusRomNo9L-Regu", "F1", "T1_0"), at most two
// letters, or capitals of at most five ("MT", "PSMT", "CMBX"). A name of
// other words is not understood: the writer replaces it.
bool IsFontName(std::string_view name);

// Whether a ToUnicode entry's text is what one glyph shows: at most two
// code points, a three-letter ligature ("ffi", "ffl"), or one character
// with combining marks. A code mapped to a word is not a glyph's text.
bool IsGlyphText(std::string_view utf8);

}  // namespace redact

#endif  // REDACT_STAGES_WRITE_REDACT_FONT_NAMES_H_
