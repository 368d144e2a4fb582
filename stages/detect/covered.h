// Text the input hides under an opaque box or image it paints over it
// (Glyph::covered, marked by stages/extract): black rectangles drawn over
// live text, hatched boxes, pictures laid on top. The author meant it
// hidden, and every text extractor still reads it — the classic bad
// redaction. Each run of covered glyphs on a line (spaces between covered
// words included) is a finding of category "covered", whatever it says,
// so `scan` and `review` show it and `apply` removes it.
//
// Thread-safety: pure function.
#ifndef REDACT_STAGES_DETECT_COVERED_H_
#define REDACT_STAGES_DETECT_COVERED_H_

#include <vector>

#include "core/finding.h"
#include "core/model.h"

namespace redact {

inline constexpr char kCoveredCategory[] = "covered";

// One finding per run of covered glyphs in `page`'s text (assembled), with
// its span and glyphs; covered glyphs outside the text (overprinted
// copies) join the run whose line they lie on.
std::vector<Finding> CoveredTextFindings(const PageText& page);

}  // namespace redact

#endif  // REDACT_STAGES_DETECT_COVERED_H_
