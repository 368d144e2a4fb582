// Text drawn as outlines, told from drawings by where the shapes lie.
//
// A page printed with `gs -dNoOutputFonts` (or a designer's "convert text to
// outlines") paints every letter as its own filled path, one after another
// along the line: the shapes are letter-sized, their bottoms sit on one
// baseline, and the gaps between them are small (a letter's side bearings,
// a word space). A diagram's filled shapes do not line up that way: a dot
// grid repeats one round shape at a pitch several times its size, hatching
// is straight thin strips, a scatter is off any baseline. Counting shapes
// alone cannot tell the two apart (a page of 200 dots is not text); their
// layout can.
//
// ShapesInTextRuns counts the shapes that stand in word-like runs. The
// writer (stages/write_redact/redactor.cpp) decides with it, on a page that
// has at least [vector_text] min_shapes glyph-like shapes:
//   runs hold min_shapes or more   → text: the document fails, as before
//   some run (kMinRunShapes)       → unsure: the page is to review
//   no run                         → drawing: nothing happens
//
// Thresholds (sizes relative to the taller of two neighbours, h):
//   baseline   bottoms within max(kBaselineSlack, kBaselineShare * h):
//              letters on one line overshoot it by ~1.5% of the em; a
//              descender (p, g) leaves the line and only splits a run
//   gap        from kMinGap * h (kerning overlap) to kMaxGap * h: the
//              gap between letters is ~0.1 h, a word space ~0.5 h, one
//              skipped descender letter ~1 h (Helvetica, as gs draws it);
//              a dot grid's pitch is 3 to 5 diameters (gap 2 h and more)
//   heights    within kMaxHeightRatio of each other (x-height to capital
//              ~1.5; a dot beside a letter ~3)
//   a run      kMinRunShapes shapes or more, at least one curved (a row of
//              straight strips is hatching), and not all the same round
//              size (a row of dots: widths and heights within kSameSize,
//              width / height from 1 / kRound to kRound)
// Every shape is tried in the four orientations of the page (text turned
// 90, 180 or 270 degrees); the largest count wins.
//
// Thread-safety: pure functions.
#ifndef REDACT_STAGES_EXTRACT_VECTOR_TEXT_H_
#define REDACT_STAGES_EXTRACT_VECTOR_TEXT_H_

#include <vector>

#include "core/geometry.h"

namespace redact {

// A filled path of letter size (each side from 0.3 to 72 units, at least
// 1.5 high or wide), in user space; `curved` when it has curves.
struct OutlineShape {
  Rect bounds;
  bool curved = false;
};

inline constexpr double kBaselineSlack = 0.3;
inline constexpr double kBaselineShare = 0.08;
inline constexpr double kMinGap = -0.3;
inline constexpr double kMaxGap = 1.2;
inline constexpr double kMaxHeightRatio = 2.5;
inline constexpr int kMinRunShapes = 3;
inline constexpr double kSameSize = 1.1;
inline constexpr double kRound = 1.25;

// How many of `shapes` stand in word-like runs on a baseline (see above),
// in the orientation where most do. 0 for no run.
int ShapesInTextRuns(const std::vector<OutlineShape>& shapes);

}  // namespace redact

#endif  // REDACT_STAGES_EXTRACT_VECTOR_TEXT_H_
