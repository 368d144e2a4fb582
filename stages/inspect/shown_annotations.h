// What a page's annotations show on it, read as a viewer draws them: the
// text each annotation's normal appearance stream paints (a FreeText box,
// a stamp, a filled form field). pdftotext and mutool print this text with
// the page's own; `redact extract` prints it after the page's text, so what
// a user inspects is what other readers show.
//
// Which annotations: those a viewer draws on screen — not Popup (drawn only
// when opened), not flagged Hidden or NoView — with a normal appearance
// (/AP /N, the state /AS names when /N is a dictionary of states). An
// annotation without an appearance shows nothing here (viewers differ on
// whether they draw one; the inspect stage reads its /Contents anyway).
//
// Reading only: this is for display. Detection and removal read the same
// streams through InspectSideChannels (inspect.h), which fails closed on
// what it cannot read; here an appearance that cannot be read in full is
// kept with `problem` saying so (never document text), and its text is
// whatever was read.
//
// Thread-safety: one thread per Document.
#ifndef REDACT_STAGES_INSPECT_SHOWN_ANNOTATIONS_H_
#define REDACT_STAGES_INSPECT_SHOWN_ANNOTATIONS_H_

#include <string>
#include <vector>

#include "core/geometry.h"
#include "core/model.h"
#include "core/status.h"
#include "pdf/document.h"

namespace redact {

struct ShownAnnotation {
  int index = 0;         // position in the page's /Annots, 0-based
  std::string subtype;   // "FreeText", "Widget", "Stamp", …
  Rect rect;             // its /Rect on the page, in points
  std::string text;      // what its appearance draws, assembled into lines
  std::string problem;   // why that text may be incomplete, or ""
};

// Why the text read from an appearance stream (`text`, which paints
// `images` images) is not all it shows — undecodable text, an image, content
// the interpreter could not follow — or "" when it was read in full. Never
// document text. Shared with InspectSideChannels, which fails closed on it.
std::string AppearanceProblem(const PageText& text, int images);

// The annotations page `index` (0-based) shows that draw text, in /Annots
// order. Errors: the page is missing (kDamagedPdf), or PoDoFo's mapped
// error when an object cannot be read at all.
StatusOr<std::vector<ShownAnnotation>> ShownAnnotationText(pdf::Document& doc, int index);

}  // namespace redact

#endif  // REDACT_STAGES_INSPECT_SHOWN_ANNOTATIONS_H_
