// The line-number column of court paper: pleading paper's 1–28 (one per
// ruled line, blank lines numbered too, right-aligned left of a vertical
// rule) and a deposition transcript's 1–25 (often set off by a court
// reporter's middle dots, "·3·"). The numbers belong to the paper, not to
// the text: a name wrapped from line 4 to line 5 reads "Patrick H." /
// "5 Peluso" in the text stream, and detection must read it as "Patrick H.
// Peluso" (stages/detect/layout.h, MatchingText).
//
// A column is the first words of lines (or lines of their own) that are
// whole numbers 1–99 (middle dots around them allowed), in the left quarter
// of the page, sharing a left or a right edge (within 2 pt), counting up
// by one from 1, 2 or 3 down the page at an even pitch — a number OCR lost
// may leave a gap of that many pitches. Fewer than kMinLineNumbers in a
// row is no column: a numbered list of a few items, a table's row numbers
// of a short table, the page number.
//
// Thread-safety: pure function.
#ifndef REDACT_STAGES_STRUCTURE_LINE_NUMBERS_H_
#define REDACT_STAGES_STRUCTURE_LINE_NUMBERS_H_

#include <vector>

#include "core/model.h"

namespace redact {

inline constexpr int kMinLineNumbers = 8;

// The words (indices into page.words) of the page's line-number column,
// top to bottom; empty when it has none. Reads page.words and page.lines
// (assembled) and the page's width.
std::vector<int> FindLineNumberColumn(const PageText& page);

}  // namespace redact

#endif  // REDACT_STAGES_STRUCTURE_LINE_NUMBERS_H_
