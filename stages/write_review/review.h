// Review output: the original document with a coloured highlight annotation
// over each finding (nothing removed), and an editable findings file. A
// reviewer deletes findings that are wrong and adds missed ones as a page
// and a box (over text or over a picture); `redact apply --findings` then
// applies exactly that list, to the file it was made from only.
//
// Both outputs hold identifiers (the review PDF is the original; the
// findings file quotes each finding's text so it can be reviewed): they are
// working files for the review team, not for filing.
//
// Findings here are page findings (channel "page"; AnalyzedDocument::
// findings): side-channel findings have no glyphs to highlight or boxes to
// edit, and apply takes them from analysis, not from the findings file.
//
// AddReviewHighlights edits PDF objects through PoDoFo directly (new
// annotation dictionaries, the page's /Annots), reached through
// pdf::Document::MutablePageObject: one small edit, not worth a PDF-layer
// API of its own yet.
//
// Thread-safety: mutates the document; one thread per document.
#ifndef REDACT_STAGES_WRITE_REVIEW_REVIEW_H_
#define REDACT_STAGES_WRITE_REVIEW_REVIEW_H_

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "core/finding.h"
#include "core/model.h"
#include "pdf/document.h"

namespace redact {

// Adds highlight annotations for `findings` to the pages of `doc`: the
// highlight of findings[i] has /NM kReviewNamePrefix + (i + 1), the id
// FindingsToJson gives it, and ReviewNote as /Contents
// (stages/write_review/review_pdf.h).
Status AddReviewHighlights(pdf::Document& doc, const std::vector<PageText>& pages,
                           const std::vector<Finding>& findings);

// The editable findings file: {"file", "sha256", "pages", "note",
// "findings": [{"id", "page", "category", "rule", "text", "entity",
// "boxes": [[x0,y0,x1,y1], …]}]} with boxes in display coordinates (points
// from the top-left of the page as shown, as `redact extract --format json`
// and pdftotext -bbox). `sha256` is the SHA-256 of the PDF the findings
// were made from, so that apply can refuse them for any other file.
nlohmann::json FindingsToJson(const std::string& file, const std::string& sha256,
                              const std::vector<PageText>& pages, const std::vector<Finding>& findings);

// Parses the text of a findings file. Errors (kInvalidArgument) name
// `source` and the line and column where the JSON goes wrong (a trailing
// comma, a missing quote), and never quote the file's text.
StatusOr<nlohmann::json> ParseFindingsText(std::string_view text, const std::string& source);

// Checks every field of a findings file, as a reviewer may have edited it:
// the top level is an object of the fields review writes ("file", "sha256"
// and "note" strings, "pages" an integer, "findings" and "side_findings"
// lists; "findings" required); each entry of "findings" is an object of
// known fields only (a typo is an error, not a field ignored): "page" an
// integer from 1 to `page_count` (the upper bound not checked when
// `page_count` < 0), "boxes" a non-empty list of [x0, y0, x1, y1] numbers
// with x0 < x1 and y0 < y1, "id" an integer, "category", "rule", "text",
// "entity" and "label" strings ("label": what is drawn in the finding's
// place instead of its pseudonym or category label; optional); "page"
// and "boxes" are required. Errors
// (kInvalidArgument) name `source`, the entry (its index from 1, and its id
// when it has one) and the field, never a value. Never throws.
Status ValidateFindings(const nlohmann::json& json, const std::string& source, int page_count = -1);

// Findings from an edited file (ValidateFindings first: its errors). Each
// entry selects the glyphs of its page whose box centre lies inside one of
// its boxes; a box that reaches beyond the glyphs it selects (over a
// picture, a signature, a margin — or no glyph at all) is kept whole as an
// area of the finding (Finding::areas), which the writer removes whole.
// Errors also for a box wholly off its page. Never throws.
StatusOr<std::vector<Finding>> FindingsFromJson(const nlohmann::json& json,
                                                const std::string& source,
                                                const std::vector<PageText>& pages);

}  // namespace redact

#endif  // REDACT_STAGES_WRITE_REVIEW_REVIEW_H_
