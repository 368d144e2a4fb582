// Identifiers broken by a page break: "Maria" ends page 1 and
// "Hernandez-Nunez" begins page 2, or "A20123" / "4567". Each page is
// detected on its own, so neither half matches; this pass joins the last
// body line of each page with the first body line of the next (running
// headers and footers skipped, and the line-number column of pleading
// paper: "Patrick H." ends page 1, "1 Peluso" begins page 2) and detects
// the joined text, as the next
// line and run together. Only findings of a pattern or the names list
// count (a cue would read on across the join), and run together only a
// pattern's (a number cut in two).
//
// Thread-safety: pure function of its inputs; the detector is only read.
#ifndef REDACT_STAGES_DETECT_PAGE_BREAKS_H_
#define REDACT_STAGES_DETECT_PAGE_BREAKS_H_

#include <vector>

#include "core/finding.h"
#include "core/model.h"

namespace redact {

class Detector;

// Findings that cross a page break, each split in two: one on the earlier
// page (from where it starts to the end of that page's last line) and one
// on the later page (from the start of its first line to where it ends).
// Spans are of PageText::text; glyphs are left for resolution to fill.
// Findings within one page are not returned (per-page detection has them).
std::vector<Finding> FindingsAcrossPageBreaks(const Detector& detector,
                                              const std::vector<PageText>& pages);

}  // namespace redact

#endif  // REDACT_STAGES_DETECT_PAGE_BREAKS_H_
