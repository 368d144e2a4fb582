// Which pages of an output verification renders and reads by OCR, besides
// extracting their text twice (redact's interpreter and poppler). Text
// extraction speaks for the pixels only when every mark on the page is a
// glyph whose Unicode is what it shows; a page is rendered when it holds
// something extraction cannot vouch for:
//
//   reason        when
//   "full"        --verify full: every page
//   "image"       the page's resources hold an image (pixels may spell)
//   "type3"       a Type3 font: its glyph procedures may paint anything
//   "soft-mask"   a soft mask (ExtGState or image /SMask) shapes what shows
//   "tounicode"   a font whose /ToUnicode contradicts what its glyphs are
//                 (pdf/font.h: by declared glyph names, or by the names and
//                 Unicode cmap inside the embedded program — Type0 and
//                 symbolic TrueType too): glyphs show "Maria", the map
//                 says "xxxxx"
//   "undecodable" glyphs with no provable Unicode
//   "vector"      PageText::vector_shapes reaches kMinVectorShapes: six
//                 letter-like paths (block letters of `re`s, strokes,
//                 outlines) or thirty tiny rectangles (pixel lettering);
//                 redaction boxes, rules and checkboxes do not count
//   "disagree"    redact's and poppler's words differ materially
//                 (WordsDisagree)
//
// Not covered under `standard` (use `--verify full`): a lying ToUnicode in
// a font whose program names nothing and has no Unicode cmap (a bare CFF
// CID font, a TrueType subset stripped of both) — both engines then read
// the same lie; only pixels tell.
//
// Thread-safety: pure functions.
#ifndef REDACT_STAGES_SECOND_LOOK_TRIGGER_H_
#define REDACT_STAGES_SECOND_LOOK_TRIGGER_H_

#include <string>
#include <string_view>

#include "core/model.h"
#include "pdf/page_traits.h"

namespace redact {

inline constexpr int kMinVectorShapes = 30;

// The first reason (table above) page `ours` (assembled, with its
// vector_shapes) must be rendered, or "" when extraction speaks for it.
// `traits` from pdf::InspectPageTraits, `poppler_text` poppler's text of
// the same page.
std::string RenderReason(const PageText& ours, const pdf::PageTraits& traits, std::string_view poppler_text,
                         bool full);

// Whether two extractions of one page disagree materially: of the words
// (folded: case, accents; letters and digits, 2 or more) either has that
// the other lacks, at least 3 and at least a tenth of its words.
bool WordsDisagree(std::string_view a, std::string_view b);

// `text` folded for comparing engines: NormalizeString (case, accents,
// dashes, quotes) with every run of white space one ' ', trimmed.
std::string FoldForComparison(std::string_view text);

// Whether folded `needle` occurs in folded `haystack` as whole words (not
// inside a longer run of letters or digits).
bool ContainsWords(std::string_view haystack, std::string_view needle);
// Folded text (FoldForComparison) with the marks OCR reads for one another
// in numbers made one: 'i', 'l', '|' and '!' read as '1', 'o' as '0'. One
// engine's "form |-589" is another's "form 1-589".
std::string FoldOcrLookalikes(std::string_view folded);

// Whether haystack[begin, begin + length) stands as whole words there, as
// ContainsWords asks of each place it finds the needle.
bool WholeWordsAt(std::string_view haystack, size_t begin, size_t length);

}  // namespace redact

#endif  // REDACT_STAGES_SECOND_LOOK_TRIGGER_H_
