// Assemble stage: glyphs → words → lines → blocks in reading order, and the
// page text detection reads, with a map from every byte back to its glyph.
//
// Words are built from where glyphs sit, not the order they were drawn in
// (a reader sees the page, and so do pdftotext and viewers): glyphs are
// grouped into rows by direction and baseline (within 0.5 pt of each other)
// and read along the row. Words follow the rules `pdftotext` uses, so our
// words and its words can be compared: a word ends at a white-space glyph
// that advances the pen (a space kerned back under the next letter does
// not end one), a change of font size, a baseline shift over 0.5 pt, or a
// gap over 0.1 em (an overlap over 0.2 em). Glyphs overprinted on their
// twin (fake bold, a whole line drawn twice) are kept with the word as
// duplicates rather than doubling its text. A spacing accent drawn over a
// letter (TeX's OT1 \', or accents drawn in a second pass) joins that
// letter's word and reads as the combining mark after it (Word::accents).
// Lines split at gaps over 1.5 em, so columns and table cells stay apart;
// blocks are ordered by recursive XY cuts (columns left to right, under
// full-width headers).
//
// Thread-safety: pure function of the PageText.
#ifndef REDACT_STAGES_ASSEMBLE_ASSEMBLE_H_
#define REDACT_STAGES_ASSEMBLE_ASSEMBLE_H_

#include "core/model.h"

namespace redact {

// Fills page->words, lines, blocks, text and text_glyph from page->glyphs
// (replacing whatever they held). Never fails.
void AssembleText(PageText* page);

}  // namespace redact

#endif  // REDACT_STAGES_ASSEMBLE_ASSEMBLE_H_
