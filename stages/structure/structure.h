// Structure stage: reads a page the way it is laid out. From the words,
// lines and blocks of assembly and the rulings of extraction it finds
//   - tables: ruled (a grid of drawn lines) and unruled (columns aligned
//     over three rows or more), with rows, columns, header rows (a header
//     written over two lines, a header repeated on a later page, or a
//     continued table without one: LinkDocumentStructure), and each cell's
//     words, a cell wrapping over several lines included;
//   - label–value fields: the value right of its label (after a colon, or
//     the next cell of the line) or below it, for the labels of
//     structure/labels.h (USCIS and EOIR forms, English and Spanish);
//   - roles of blocks: caption, letterhead, counsel and judge signature
//     blocks, other signatures, certificates (translation, interpretation,
//     service), running headers and footers, block quotations.
// It decides nothing about identifiers: detection reads page->layout.
// The same code serves text layers and OCR'd pages (both are words).
//
// Cost: O(n log n) in the page's lines and rulings, except ruled grids
// (rulings pairwise, bounded by PageText::kMaxRulings).
//
// Thread-safety: pure functions of their arguments.
#ifndef REDACT_STAGES_STRUCTURE_STRUCTURE_H_
#define REDACT_STAGES_STRUCTURE_STRUCTURE_H_

#include <vector>

#include "core/model.h"

namespace redact {

// Fills page->layout (replacing what it held) from an assembled page.
// Never fails; a page it cannot read as a layout gets an empty one.
void BuildPageStructure(PageText* page);

// Across a document's pages, in order: a table with no header row of its
// own that continues an earlier table (the same number of columns, at the
// same places) takes that table's headers.
void LinkDocumentStructure(std::vector<PageText>* pages);

}  // namespace redact

#endif  // REDACT_STAGES_STRUCTURE_STRUCTURE_H_
