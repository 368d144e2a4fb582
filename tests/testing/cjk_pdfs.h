// Hand-built PDFs in a Japanese font that is not embedded and has no
// /ToUnicode — what Japanese word processors and older scanners' OCR
// layers write: a Type0 font over a CIDFontType0 /KozMinPr6N-Regular of
// the Adobe-Japan1 collection, with only a font descriptor. Readers decode
// it through the collection's tables (poppler-data: the predefined CMap,
// then CID → Unicode), as pdf/cid_collections.h does (tests:
// tests/e2e/cjk_fonts_test.cpp, tests/pdf/cid_collections_test.cpp).
#ifndef REDACT_TESTS_TESTING_CJK_PDFS_H_
#define REDACT_TESTS_TESTING_CJK_PDFS_H_

#include <string>
#include <vector>

namespace redact::testing {

// One line per entry of `lines`, at 24 pt from (72, 700), 40 pt apart, in
// the font above with the Type0 /Encoding `encoding`: "Identity-H" (codes
// are Adobe-Japan1 CIDs), "90ms-RKSJ-H" (Shift-JIS bytes) or
// "UniJIS-UCS2-H" (UTF-16BE). Lines are UTF-8 made of the characters this
// file knows — 申 請 書 山 田 太 郎, A-Z and 0-9 — and spaces, each space
// drawn as a 1 em gap (a TJ offset), not a glyph. Empty when a line has
// another character or the encoding is none of the three.
std::string NonEmbeddedJapanesePdf(const std::vector<std::string>& lines,
                                   const std::string& encoding);

}  // namespace redact::testing

#endif  // REDACT_TESTS_TESTING_CJK_PDFS_H_
