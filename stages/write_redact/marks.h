// Marks the redaction writer draws over a page after removing content:
// opaque boxes, white policy labels inside them, and (pseudonymize) the
// replacement text fitted to the removed width. Each returns content-stream
// operators in the page's default user space, written with
// pdf/content_writer.h; text uses the Helvetica resource /RdLbl, which the
// caller enters in the page's resources.
//
// Thread-safety: pure functions.
#ifndef REDACT_STAGES_WRITE_REDACT_MARKS_H_
#define REDACT_STAGES_WRITE_REDACT_MARKS_H_

#include <string>
#include <vector>

#include "core/geometry.h"

namespace redact {

// The resource name of the label/replacement font (Helvetica, WinAnsi).
inline constexpr char kLabelFont[] = "RdLbl";

// An opaque black box over `q`.
std::string BoxMark(const Quad& q);

// A white box over `q` grown by `margin` on every side (under a
// replacement drawn over burned, black, image pixels).
std::string WhiteOutMark(const Quad& q, double margin);

// White Helvetica text centered in a box, along its baseline direction and
// scaled to fit. Labels are policy text ("(b)(6)"), in WinAnsiEncoding. Empty
// when the box is too small to hold readable text.
std::string LabelText(const Quad& q, const std::string& label);

// Replacement text on the removed glyphs' baseline, in Helvetica, fitted
// to the removed width. Of `forms` (longest first, pseudonyms.h) the first
// that fits at `min_scale` of its natural width is drawn, compressed
// horizontally as needed; when none does, the last (shortest) is drawn,
// compressed down to 50% and then set smaller. UTF-8, drawn in WinAnsiEncoding.
struct DrawnReplacement {
  std::string ops;   // content-stream operators; empty when nothing fits
  size_t form = 0;   // index into forms
  double scale = 1;  // drawn width / natural width at the removed size
};
DrawnReplacement ReplacementText(const Quad& q, Point baseline, double size, const std::vector<std::string>& forms,
                                 double min_scale);

}  // namespace redact

#endif  // REDACT_STAGES_WRITE_REDACT_MARKS_H_
