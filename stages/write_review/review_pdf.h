// The review PDF as something a reviewer can edit in any viewer and hand
// back (`redact apply --reviewed`): what it records about itself, and the
// annotations it holds when it comes back. PDF objects only; what each
// annotation *means* is decided in pipeline/reviewed_pdf.h.
//
// What the review copy records. Each finding's highlight carries
// /NM "redact-finding-<id>" (the id of the findings file), /T "redact" and
// a note in /Contents (ReviewNote). The catalog
// carries /RedactReview << /Version 1 /SHA256 (<hex>) /Record <stream> >>,
// the stream holding ReviewRecord's JSON: {"findings_file": the findings
// file exactly as review writes it beside the PDF (sha256 included),
// "input_annotations": [{"page", "subtype", "rect"}, …] the annotations
// the input itself had (display space), so they are not taken for a
// reviewer's, "page_content": [PageContentDigests of the copy]}, so that a
// page whose content a viewer changed (redactions applied, text edited)
// is noticed, not silently ignored. Viewers keep catalog keys they do not know when they save
// (PyMuPDF and qpdf are tested: tests/e2e/review_pdf_test.cpp); /Info is
// not used, as the clean writer drops it.
//
// The record quotes identifiers (the findings file does): the review PDF
// is for the review team, like the findings file.
//
// Thread-safety: one document per thread (PoDoFo).
#ifndef REDACT_STAGES_WRITE_REVIEW_REVIEW_PDF_H_
#define REDACT_STAGES_WRITE_REVIEW_REVIEW_PDF_H_

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/finding.h"
#include "core/geometry.h"
#include "core/status.h"
#include "pdf/document.h"

namespace redact {

// /NM of the highlight of findings-file entry `id`: kReviewNamePrefix + id.
inline constexpr char kReviewNamePrefix[] = "redact-finding-";

// The note review writes into a finding's highlight: one "key: value" per
// line — "category: <category>", "rule: <rule>", "why: <basis>: <reason>"
// (the findings file's fields; never the value). A reviewer changes
// "category:" or adds "label: <text>" (pipeline/reviewed_pdf.h reads it
// back).
std::string ReviewNote(const std::string& category, const std::string& rule, const std::string& why);

// One annotation found on a page of a review PDF, as the file has it.
// Every box is in display space (points from the top-left of the page as
// shown, y down: as the findings file and `extract --format json`).
struct SeenAnnotation {
  int page = 0;          // 1-based
  int index = 0;         // 1-based place in the page's /Annots
  std::string subtype;   // /Subtype as written (may be anything: print with care)
  std::string name;      // /NM, "" when absent
  std::string contents;  // /Contents as UTF-8, "" when absent
  bool has_rect = false;
  Rect rect;             // /Rect
  // What it marks, when it says more precisely than /Rect: one box per
  // quadrilateral of /QuadPoints (Highlight, Underline, StrikeOut,
  // Squiggly, Redact). Empty when it has none (or they are malformed).
  std::vector<Rect> marked;
  bool has_parent = false;  // /Parent (a Popup's) or /IRT (a reply)
};

// The annotations of every page of `doc`, in page order and /Annots
// order. A page whose /Annots is not an array, or an entry that is not a
// dictionary, is reported as an annotation with subtype "" (it cannot be
// interpreted, and must not be ignored). Errors: kDamagedPdf (a page
// cannot be read).
StatusOr<std::vector<SeenAnnotation>> ListAnnotations(const pdf::Document& doc);

// Records in `doc`'s catalog what the review copy was made from
// (see above): `sha256` of the input, the findings file written beside it,
// and the input's own annotations (ListAnnotations of the input, before
// highlights were added). Errors: kDamagedPdf (no catalog).
Status RecordReviewSource(pdf::Document& doc, const std::string& sha256, const nlohmann::json& findings_file,
                          const std::vector<SeenAnnotation>& input_annotations);

// The SHA-256 (hex) of each page's content as drawn: its /Contents
// streams decoded, each followed by a newline; a part that cannot be read
// counts as the text "(unreadable)". Errors: kDamagedPdf (a page cannot
// be read).
StatusOr<std::vector<std::string>> PageContentDigests(const pdf::Document& doc);

// A review PDF read back: its record (nullopt when the catalog has no
// /RedactReview: not a review copy, or a viewer dropped it) and its
// annotations.
struct ReviewPdf {
  int page_count = 0;
  std::optional<nlohmann::json> record;  // {"findings_file", "input_annotations", "page_content"?}
  std::vector<SeenAnnotation> annotations;
  std::vector<std::string> page_content;  // PageContentDigests of the file as it is now
};

// Opens the review PDF at `path` and reads it. Errors: Document::Open's
// (naming `path`); kInvalidArgument when /RedactReview is there but its
// record does not read as JSON of the shape above (the message names
// `path`, never the record's text).
StatusOr<ReviewPdf> ReadReviewPdf(const std::string& path);

}  // namespace redact

#endif  // REDACT_STAGES_WRITE_REVIEW_REVIEW_PDF_H_
