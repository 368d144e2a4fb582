// A review PDF marked up in any PDF viewer, read back as the reviewed
// findings `apply --findings` applies (`redact apply --reviewed`): the
// same ReviewedFindings, checked by the same code, applied the same way.
//
// What each annotation of the review copy means (page by page, /Annots
// order; stages/write_review/review_pdf.h reads them):
//
//   | annotation                                      | means                                   |
//   | ----------------------------------------------- | --------------------------------------- |
//   | a finding's highlight (/NM "redact-finding-N")  | finding N stays; its note may change    |
//   |   still there                                   |   its category and label (below)        |
//   | a finding's highlight gone                      | finding N is rejected: its text stays   |
//   | Square, Circle, Redact, Ink, Polygon, PolyLine, | a reviewer's area ("manual"), removed   |
//   |   Highlight/Underline/StrikeOut/Squiggly        |   whole: glyphs under it, image pixels  |
//   |   without redact's /NM (a person drew it)       |   burned. Redact and text markup: their |
//   |                                                 |   /QuadPoints if any, else /Rect        |
//   | Popup                                           | nothing (it shows another's note)       |
//   | one the input itself had (same page, kind, box) | nothing (apply reads the input's own)   |
//   | anything else: FreeText, Text (sticky note),    | an error naming its page, number and    |
//   |   Stamp, Line, …, a redact /NM this copy did    |   kind — never its text — and nothing   |
//   |   not show or on another kind, no area          |   is applied                            |
//
// A page whose content is not what review wrote (the record's
// "page_content": a viewer applied redactions, edited text, or pages were
// added, removed or reordered) is an error too: redact reads marks, not
// edits to the page, and an applied redaction left no mark to read.
//
// A note (/Contents) holds "key: value" lines. Review writes "category:",
// "rule:" and "why:"; a reviewer may change "category: NAME" (letters,
// digits, '_') and add "label: TEXT" (printable ASCII, up to 60
// characters: drawn in the box, or in pseudonymize mode in the finding's
// place). "rule:" and "why:" must stay as written. A note left as review
// wrote it, or emptied, changes nothing; any other line is an error. The
// same lines on a reviewer's own area set its category and label.
//
// The review copy binds itself to its input: its record carries the
// findings file with the input's SHA-256, which ApplyDocument checks
// (CheckFindingsMadeFor). A copy whose record a viewer dropped is refused
// (run review again, or use the findings file).
//
// Thread-safety: plain functions over their arguments.
#ifndef REDACT_PIPELINE_REVIEWED_PDF_H_
#define REDACT_PIPELINE_REVIEWED_PDF_H_

#include <string>

#include "core/status.h"
#include "pipeline/apply.h"
#include "stages/write_review/review_pdf.h"

namespace redact {

// The reviewed findings `pdf` (read from `source`) stands for, by the
// table above: a findings-file JSON whose "findings" are the recorded
// entries still highlighted (category and label as their notes say) and
// one entry per reviewer's area ("category" "manual" unless its note says
// otherwise; "rule" the annotation's kind). Errors (kInvalidArgument,
// naming `source`): no record; every annotation it cannot interpret and
// every changed page, listed in one message (page, number, kind; never
// text).
StatusOr<ReviewedFindings> ReviewedFromAnnotations(const ReviewPdf& pdf, const std::string& source);

// ReadReviewPdf(path); CheckFindingsMadeFor(`input`, named `shown`) on
// its record, so a copy of another PDF is refused as that before its
// annotations are read; then ReviewedFromAnnotations and
// ValidateFindings: the whole reading of `apply --reviewed`. Errors:
// theirs.
StatusOr<ReviewedFindings> ReadReviewedPdf(const std::string& path, const std::string& input,
                                           const std::string& shown);

}  // namespace redact

#endif  // REDACT_PIPELINE_REVIEWED_PDF_H_
