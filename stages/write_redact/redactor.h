// Redaction writer: executes the findings analysis made. It removes the
// glyphs of page findings from the document in memory — content streams
// rewritten, Form XObjects copied before they change, images under a box
// burned or removed whole — draws opaque boxes (labels, pseudonyms) where
// they were, and scrubs side channels: those always removed, and the items
// side-channel findings (stages/inspect) name. It detects nothing itself
// (no Detector): what scan and review report is what it removes. The
// caller then writes a clean copy (pdf/clean_writer.h).
//
// Only show-text operators holding removed glyphs are rewritten: the
// removed codes are dropped and their displacement put back as TJ numbers,
// so every other glyph stays exactly where it was. Operators that were not
// parsed are never copied into a rewritten stream (fail closed).
//
// This stage edits PDF objects through PoDoFo (new content streams, copied
// Form XObjects, private resource dictionaries, burned images), reached
// through pdf::Document's mutable accessors; a narrower PDF-layer API for
// these edits is future work.
//
// Thread-safety: mutates the document; one thread per document.
#ifndef REDACT_STAGES_WRITE_REDACT_REDACTOR_H_
#define REDACT_STAGES_WRITE_REDACT_REDACTOR_H_

#include <map>
#include <string>
#include <vector>

#include "core/finding.h"
#include "core/model.h"
#include "core/status.h"
#include "pdf/document.h"
#include "stages/write_redact/plan.h"

namespace redact {

struct RedactOptions {
  bool draw_boxes = true;
  // Text drawn in white inside each box, by category (from the policy's
  // [labels]: "(b)(6)"); categories without a label get none.
  std::map<std::string, std::string> labels;
  // Box widths rounded up to a multiple of 3 ems where the line has empty
  // space for it (never over live text), so boxes blur the removed length.
  // In a fixed layout the next word's position still shows that length.
  bool uniform_width = false;
  // Undecodable glyphs are removed and boxed; with this set, the document
  // fails instead.
  bool fail_on_undecodable = false;
  // Undecodable glyphs on every page (the policy's default), or only on
  // pages with findings.
  bool undecodable_everywhere = true;
  // A page with at least this many glyph-like filled shapes (PageText::
  // glyph_like_shapes) is judged by their layout (stages/extract/
  // vector_text.h): when this many stand in word-like runs (PageText::
  // glyph_like_in_runs) it fails the document, text drawn as outlines
  // cannot be read; when a few do, the page is listed in RedactionSummary::
  // vector_text_pages (to review); when none do, they are a drawing. 0
  // turns the check off (policy [vector_text] action = "keep").
  int vector_text_min_shapes = 40;
  // Pseudonymize: draw each finding's Finding::replacement on its first
  // line, fitted to the removed width, instead of a box.
  bool pseudonymize = false;
  // Narrower than this share of its natural width, a pseudonym takes its
  // next shorter form (policy [pseudonyms] min_scale).
  double min_replacement_scale = 0.8;
  // Scans: an invisible text layer of the OCR'd words that were not
  // removed (see ocr_layer.h), so the output is searchable.
  bool ocr_layer = false;
};

// Areas the input itself marks for redaction: unapplied /Redact
// annotations (their QuadPoints or Rect) and opaque black markup drawn as
// annotations over text (/Highlight, /Square, /Ink with a black colour or
// interior) — someone meant what lies under them to be hidden. Returned as
// findings of category "prior_redaction" covering the glyphs whose centre
// lies inside; apply them like any other finding, or they would be
// revealed when the annotation goes. A page with annotations whose glyphs
// were released (PageText::released) is read again for them and released
// after. Errors: RestoreGlyphs'.
StatusOr<std::vector<Finding>> PriorRedactions(pdf::Document& doc, std::vector<PageText>* pages);

// Removes `findings` (page findings, already filtered by policy) and acts
// on `side_findings` (InspectSideChannels' for the same document) in
// `doc`, whose page texts are `pages` (from the same Document, unmodified).
// A page whose glyphs were released (PageText::released) is read again just
// before it is rewritten and released after, so one page's glyphs are held
// at a time. Each finding is placed by its Finding::channel, whichever list
// holds it. Both lists must outlive the call.
// Errors: kDamagedPdf when a page cannot be read or rewritten, RestoreGlyphs'
// when a released page reads differently the second time, kUnsupported
// when fail_on_undecodable is set and a page with findings has undecodable
// glyphs (or a page draws text as outlines), kInternal when a side-channel
// finding names an object the writer cannot find (nothing is to be
// written then: what analysis found was not removed).
StatusOr<RedactionSummary> RedactDocument(pdf::Document& doc, std::vector<PageText>* pages,
                                          const std::vector<Finding>& findings,
                                          const std::vector<Finding>& side_findings,
                                          const RedactOptions& options);

}  // namespace redact

#endif  // REDACT_STAGES_WRITE_REDACT_REDACTOR_H_
