// Review output: the original document with a coloured highlight annotation
// over each finding (nothing removed), and an editable findings file. A
// reviewer deletes findings that are wrong and adds missed ones as a page
// and a box; `redact apply --findings` then applies exactly that list.
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
#include <vector>

#include "core/finding.h"
#include "core/model.h"
#include "pdf/document.h"

namespace redact {

// Adds highlight annotations for `findings` to the pages of `doc`.
Status AddReviewHighlights(pdf::Document& doc, const std::vector<PageText>& pages,
                           const std::vector<Finding>& findings);

// The editable findings file: {"file", "pages", "findings": [{"id", "page",
// "category", "rule", "text", "boxes": [[x0,y0,x1,y1], …]}]} with boxes in
// display coordinates (as `redact extract --format json` and pdftotext).
nlohmann::json FindingsToJson(const std::string& file, const std::vector<PageText>& pages,
                              const std::vector<Finding>& findings);

// Findings from an edited file: each entry selects the glyphs of its page
// whose box centre lies inside one of its boxes. Errors name the file and
// the entry (kInvalidArgument).
StatusOr<std::vector<Finding>> FindingsFromJson(const nlohmann::json& json,
                                                const std::string& source,
                                                const std::vector<PageText>& pages);

}  // namespace redact

#endif  // REDACT_STAGES_WRITE_REVIEW_REVIEW_H_
