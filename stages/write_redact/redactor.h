// Redaction writer: removes the glyphs of findings from the document in
// memory — content streams rewritten, Form XObjects copied before they
// change, images under a box removed whole — draws opaque boxes where they
// were, and scrubs side channels. The caller then writes a clean copy
// (pdf/clean_writer.h).
//
// Only show-text operators holding removed glyphs are rewritten: the
// removed codes are dropped and their displacement put back as TJ numbers,
// so every other glyph stays exactly where it was. Operators that were not
// parsed are never copied into a rewritten stream (fail closed).
//
// Thread-safety: mutates the document; one thread per document.
#ifndef REDACT_STAGES_WRITE_REDACT_REDACTOR_H_
#define REDACT_STAGES_WRITE_REDACT_REDACTOR_H_

#include <map>
#include <string>
#include <vector>

#include "core/finding.h"
#include "core/model.h"
#include "pdf/document.h"
#include "core/status.h"

namespace redact {

class Detector;

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
  // glyph_like_shapes) fails the document: text drawn as outlines cannot be
  // read. 0 turns the check off (policy [vector_text] action = "keep").
  int vector_text_min_shapes = 40;
  // Pseudonymize: draw each finding's Finding::replacement on its first
  // line, fitted to the removed width, instead of a box.
  bool pseudonymize = false;
  // Scans: an invisible text layer of the OCR'd words that were not
  // removed (see ocr_layer.h), so the output is searchable.
  bool ocr_layer = false;
};

struct RedactionBox {
  int page = 0;
  Quad quad;              // user space
  std::string category;   // or "image", "undecodable"
};

struct RedactionSummary {
  int glyphs_removed = 0;
  int streams_rewritten = 0;
  int forms_copied = 0;
  int images_burned = 0;    // pixels under boxes painted, re-encoded
  int images_removed = 0;   // replaced whole (could not be burned)
  int undecodable_removed = 0;
  std::vector<RedactionBox> boxes;
  std::vector<std::string> side_channels;  // what was scrubbed, no values
  std::vector<std::string> warnings;       // no values
};

// Areas the input itself marks for redaction: unapplied /Redact
// annotations (their QuadPoints or Rect) and opaque black markup drawn as
// annotations over text (/Highlight, /Square, /Ink with a black colour or
// interior) — someone meant what lies under them to be hidden. Returned as
// findings of category "prior_redaction" covering the glyphs whose centre
// lies inside; apply them like any other finding, or they would be
// revealed when the annotation goes.
std::vector<Finding> PriorRedactions(pdf::Document& doc, const std::vector<PageText>& pages);

// Removes `findings` (already filtered by policy) from `doc`, whose page
// texts are `pages` (from the same Document, unmodified). `detector` scans
// the side channels (outlines, annotations, form fields). Errors: kDamagedPdf
// when a page cannot be rewritten, kUnsupported when fail_on_undecodable
// is set and a page with findings has undecodable glyphs.
StatusOr<RedactionSummary> RedactDocument(pdf::Document& doc, const std::vector<PageText>& pages,
                                          const std::vector<Finding>& findings,
                                          const Detector& detector,
                                          const RedactOptions& options);

}  // namespace redact

#endif  // REDACT_STAGES_WRITE_REDACT_REDACTOR_H_
