// Extract stage: every glyph on a page with its Unicode text, its box on
// the page and its address in the file, from the content-stream interpreter.
// Problems the interpreter met (undecodable codes, unknown operators, …) are
// kept in PageText::problems so later stages can fail closed on them.
//
// Thread-safety: uses the Document; one thread per Document.
#ifndef REDACT_STAGES_EXTRACT_EXTRACT_H_
#define REDACT_STAGES_EXTRACT_EXTRACT_H_

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

// Glyphs of a Form XObject read on its own (an annotation's appearance
// stream), as a PageText in form space (number 0, identity geometry).
// `images`, when given, receives the number of images the form paints.
StatusOr<PageText> ExtractFormGlyphs(pdf::Document& doc, const PoDoFo::PdfObject* form,
                                     int* images = nullptr);
StatusOr<PageText> ExtractFormGlyphs(pdf::Document& doc, const PoDoFo::PdfObject* form,
                                     const pdf::InterpreterLimits& limits, int* images = nullptr);

}  // namespace redact

#endif  // REDACT_STAGES_EXTRACT_EXTRACT_H_
