// Hand-built PDFs whose text layer does not say what the page shows — the
// cases a verifier that only extracts text misses (tests of the second
// look: tests/e2e/hostile_verify_test.cpp, tests/stages/second_look_test.cpp).
// Letters are drawn in a 5 x 7 block font (each lit cell a filled square),
// sized for OCR of a 150-dpi render. BlockLetter knows the letters of the
// tests (A D E H I M N R Z, 0-9) and the space.
#ifndef REDACT_TESTS_TESTING_HOSTILE_PDFS_H_
#define REDACT_TESTS_TESTING_HOSTILE_PDFS_H_

#include <string>

namespace redact::testing {

// `text` in Helvetica (WinAnsi) at 28 pt, whose /ToUnicode maps every
// letter to "x": the glyphs show `text`, every extractor reads "xxxx".
std::string LyingToUnicodePdf(const std::string& text);

// `text` drawn as filled squares (one path per letter, no font at all),
// from (72, 600), letters 8 x 15 pt.
std::string VectorLettersPdf(const std::string& text);

// `text` shown with a Type3 font whose glyph procedures draw the block
// letters, but whose /Differences name every glyph /x: extraction reads
// "xxxx", the page shows `text`.
std::string Type3LettersPdf(const std::string& text);

// `text` at 24 pt in the TrueType program at `font_path` (embedded whole,
// Type0 Identity-H, /CIDToGIDMap /Identity: codes are glyph indices).
// With `lie`, a /ToUnicode maps every capital letter and digit to "x" and
// the rest truthfully: the page shows `text`, extractors read x's where it
// has capitals. Without, there is no /ToUnicode at all: only the program's
// glyph names say what the codes are. Empty when the font cannot be read.
std::string EmbeddedTrueTypePdf(const std::string& text, const std::string& font_path, bool lie);

// `pages` pages of plain Helvetica text (`text` on each), honest.
std::string PlainTextPdf(const std::string& text, int pages = 1);

// `pages` pages, each painting one light-grey 612 x 792 image (no text
// layer) over its whole letter-size page: a scan at 72 dpi, for a fake
// OCR engine (testing/fake_ocr.h) to "read".
std::string ScannedPdf(int pages = 1);

// The content operators drawing `c` of the block font with its lower-left
// corner at (x, y), cells `cell_w` x `cell_h`, ending in `f` ("" for a
// space or an unknown character).
std::string BlockLetter(char c, double x, double y, double cell_w, double cell_h);

}  // namespace redact::testing

#endif  // REDACT_TESTS_TESTING_HOSTILE_PDFS_H_
