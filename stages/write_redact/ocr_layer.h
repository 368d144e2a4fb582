// The invisible text layer of a redacted scan (apply --ocr-layer), as
// ocrmypdf makes one: the OCR'd words that survive redaction, drawn in
// render mode 3 over the image where they were read, so the output is
// searchable and copyable, and removed words are simply not there.
//
// The operators are written with pdf/content_writer.h. AddOcrLayerFont
// builds the font's dictionaries through PoDoFo directly, in the document's
// PdfVecObjects.
//
// Thread-safety: pure functions; AddOcrLayerFont mutates `objects`.
#ifndef REDACT_STAGES_WRITE_REDACT_OCR_LAYER_H_
#define REDACT_STAGES_WRITE_REDACT_OCR_LAYER_H_

#include <podofo/podofo.h>

#include <string>
#include <vector>

#include "core/model.h"

namespace redact {

// Content-stream operators (default user space of the page) drawing the
// OCR'd words of `page` (assembled), leaving out every glyph marked in
// `removed` (indexed like page.glyphs). Each run of kept glyphs is one
// string, stretched (Tz) to the width it was read at. Uses the font
// resource `font` (see AddOcrLayerFont). Empty when the page has no OCR'd
// words left.
std::string OcrTextLayer(const PageText& page, const std::vector<bool>& removed, const std::string& font);

// A Type0 font for the layer: Identity-H codes are UTF-16 code units, and
// its ToUnicode maps each back to itself; no glyphs are embedded (the text
// is never painted). Returns the new font object.
PoDoFo::PdfObject* AddOcrLayerFont(PoDoFo::PdfVecObjects& objects);

}  // namespace redact

#endif  // REDACT_STAGES_WRITE_REDACT_OCR_LAYER_H_
