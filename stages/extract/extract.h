// Extract stage: every glyph on a page with its Unicode text, its box on
// the page and its address in the file, from the content-stream interpreter.
// Problems the interpreter met (undecodable codes, unknown operators, …) are
// kept in PageText::problems so later stages can fail closed on them.
//
// Thread-safety: uses the Document; one thread per Document.
#ifndef REDACT_STAGES_EXTRACT_EXTRACT_H_
#define REDACT_STAGES_EXTRACT_EXTRACT_H_

#include <optional>

#include "core/model.h"
#include "pdf/content_interpreter.h"
#include "pdf/document.h"
#include "core/status.h"

namespace redact {

// Glyphs of page `index` (0-based): PageText with number, geometry, streams,
// glyphs and problems filled; words/lines/text are left to AssembleText.
// Errors: the page is missing from the page tree, or its content could not
// be read at all (kDamagedPdf, kResource).
// The document's own limits apply unless others are given.
StatusOr<PageText> ExtractGlyphs(pdf::Document& doc, int index);
StatusOr<PageText> ExtractGlyphs(pdf::Document& doc, int index, const pdf::InterpreterLimits& limits);
// The same, with every event of the run also sent to `also` when not null
// (image finding: stages/ocr NewImageCollector), so the page is interpreted
// once.
StatusOr<PageText> ExtractGlyphs(pdf::Document& doc, int index, const pdf::InterpreterLimits& limits,
                                 pdf::ContentSink* also);
// The same through the caller's `interpreter` (its limits apply), whose
// parsed streams stay valid after the call, until its next run: a sink in
// `also` may keep pointers into them.
StatusOr<PageText> ExtractGlyphsWith(pdf::Document& doc, int index, pdf::ContentInterpreter* interpreter,
                                     pdf::ContentSink* also);

// Letting a page's glyphs go, and reading them back. A long document's
// glyphs are most of what it costs to hold (core/model.h Glyph), and
// detection needs only the text assembled from them; the writer and the
// reading after removal need them one page at a time.
//
// CanReleaseGlyphs: whether the page's glyphs can be read again from its
// content alone — not when OCR made some (they live in pixels), a text
// layer was superseded, or text is covered (detection reads those glyphs).
bool CanReleaseGlyphs(const PageText& page);
// Empties page->glyphs (when CanReleaseGlyphs), keeping their count, how
// many are undecodable and a digest in PageText::released.
void ReleaseGlyphs(PageText* page);
// Reads page->number of `doc` again and puts its glyphs back, clearing
// PageText::released; nothing for a page that holds its glyphs. Errors:
// extraction's, and kInternal when the page reads differently the second
// time (other glyphs than the text, words and findings index): nothing may
// be written from such a page.
Status RestoreGlyphs(pdf::Document& doc, PageText* page);
// The same for a page that was released (kInternal otherwise), read by
// `interpreter`'s run of the page with every event also sent to `also` when
// not null: a writer that needs the glyphs to plan and the run to rewrite
// interprets the page once (ExtractGlyphsWith).
Status RestoreGlyphs(pdf::Document& doc, PageText* page, pdf::ContentInterpreter* interpreter,
                     pdf::ContentSink* also);
// Lets go again the glyphs RestoreGlyphs read back for a page that was
// released as `was` (what PageText::released held before): unchanged
// glyphs need no new digest. Nothing when `was` is empty.
void ReleaseRestoredGlyphs(PageText* page, const std::optional<PageText::ReleasedGlyphs>& was);

// Glyphs of a Form XObject read on its own (an annotation's appearance
// stream), as a PageText in form space (number 0, identity geometry).
// `images`, when given, receives the number of images the form paints.
StatusOr<PageText> ExtractFormGlyphs(pdf::Document& doc, const PoDoFo::PdfObject* form,
                                     int* images = nullptr);
StatusOr<PageText> ExtractFormGlyphs(pdf::Document& doc, const PoDoFo::PdfObject* form,
                                     const pdf::InterpreterLimits& limits, int* images = nullptr);

}  // namespace redact

#endif  // REDACT_STAGES_EXTRACT_EXTRACT_H_
