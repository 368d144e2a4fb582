#include "stages/extract/vector_text.h"

#include <algorithm>
#include <cmath>

namespace redact {
namespace {

// The shape turned so that text in orientation `turn` (0-3, quarter turns)
// reads left to right with its baseline at the bottom.
Rect Turned(const Rect& r, int turn) {
  switch (turn) {
    case 1: return {r.y0, -r.x1, r.y1, -r.x0};
    case 2: return {-r.x1, -r.y1, -r.x0, -r.y0};
    case 3: return {-r.y1, r.x0, -r.y0, r.x1};
    default: return r;
  }
}

struct Placed {
  Rect r;
  bool curved;
};

bool Neighbours(const Placed& a, const Placed& b) {
  const double ha = a.r.height(), hb = b.r.height();
  const double h = std::max(ha, hb);
  if (std::min(ha, hb) <= 0 || h / std::min(ha, hb) > kMaxHeightRatio) return false;
  const double gap = b.r.x0 - a.r.x1;
  return gap >= kMinGap * h && gap <= kMaxGap * h;
}

// Every shape the same round size: a row of dots, not a word.
bool RowOfDots(const std::vector<Placed>& run) {
  double w0 = run[0].r.width(), w1 = w0, h0 = run[0].r.height(), h1 = h0;
  for (const Placed& p : run) {
    w0 = std::min(w0, p.r.width()), w1 = std::max(w1, p.r.width());
    h0 = std::min(h0, p.r.height()), h1 = std::max(h1, p.r.height());
  }
  if (w0 <= 0 || h0 <= 0) return true;
  const double aspect = w1 / h1;
  return w1 / w0 <= kSameSize && h1 / h0 <= kSameSize && aspect >= 1 / kRound && aspect <= kRound;
}

int CountRun(const std::vector<Placed>& run) {
  if (static_cast<int>(run.size()) < kMinRunShapes) return 0;
  if (std::none_of(run.begin(), run.end(), [](const Placed& p) { return p.curved; })) return 0;
  return RowOfDots(run) ? 0 : static_cast<int>(run.size());
}

// Shapes in runs along one baseline.
int CountLine(std::vector<Placed> line) {
  std::sort(line.begin(), line.end(), [](const Placed& a, const Placed& b) { return a.r.x0 < b.r.x0; });
  int total = 0;
  std::vector<Placed> run;
  for (const Placed& p : line) {
    if (!run.empty() && !Neighbours(run.back(), p)) {
      total += CountRun(run);
      run.clear();
    }
    run.push_back(p);
  }
  return total + CountRun(run);
}

int CountTurned(const std::vector<OutlineShape>& shapes, int turn) {
  std::vector<Placed> placed;
  placed.reserve(shapes.size());
  for (const OutlineShape& s : shapes) placed.push_back({Turned(s.bounds, turn), s.curved});
  std::sort(placed.begin(), placed.end(), [](const Placed& a, const Placed& b) { return a.r.y0 < b.r.y0; });
  int total = 0;
  std::vector<Placed> line;
  double base = 0;
  for (const Placed& p : placed) {
    const double slack = std::max(kBaselineSlack, kBaselineShare * p.r.height());
    if (!line.empty() && p.r.y0 - base > slack) {
      total += CountLine(std::move(line));
      line.clear();
    }
    if (line.empty()) base = p.r.y0;
    line.push_back(p);
  }
  return total + CountLine(std::move(line));
}

}  // namespace

int ShapesInTextRuns(const std::vector<OutlineShape>& shapes) {
  int best = 0;
  for (int turn = 0; turn < 4; ++turn) best = std::max(best, CountTurned(shapes, turn));
  return best;
}

}  // namespace redact
