// ShapesInTextRuns: letter outlines on a baseline are counted, a diagram's
// dots, hatching and scatter are not (stages/extract/vector_text.h).
#include "stages/extract/vector_text.h"

#include <gtest/gtest.h>

#include <vector>

namespace redact {
namespace {

// Letters as Helvetica 11 pt draws them (gs -dNoOutputFonts): x-height
// 5.7, ascenders 8, widths 2.5 to 8, side bearings ~0.8, word spaces ~4.
std::vector<OutlineShape> Line(double x, double y, int words, int letters = 6) {
  const double widths[] = {5.5, 6.0, 2.5, 5.0, 8.0, 4.0, 5.5, 3.0};
  const double heights[] = {5.7, 8.0, 8.0, 5.7, 5.7, 8.0, 5.7, 7.9};
  std::vector<OutlineShape> out;
  int k = 0;
  for (int w = 0; w < words; ++w, x += 3.1) {
    for (int l = 0; l < letters; ++l, ++k) {
      const double lw = widths[k % 8], lh = heights[(k * 3) % 8];
      out.push_back({{x, y, x + lw, y + lh}, k % 3 != 2});  // some letters straight (l, i, t)
      x += lw + 0.8;
    }
  }
  return out;
}

TEST(VectorText, LettersOnBaselinesAreRuns) {
  std::vector<OutlineShape> page;
  for (int row = 0; row < 5; ++row) {
    for (const OutlineShape& s : Line(72, 700 - 14 * row, 4)) page.push_back(s);
  }
  EXPECT_EQ(ShapesInTextRuns(page), 5 * 4 * 6);
}

TEST(VectorText, DescendersLeaveTheLineButTheRestStays) {
  std::vector<OutlineShape> line = Line(72, 700, 2);
  line[3].bounds.y0 -= 2.4;  // a p: its bottom below the baseline
  EXPECT_GE(ShapesInTextRuns(line), 10);
}

TEST(VectorText, TurnedTextIsCounted) {
  std::vector<OutlineShape> line = Line(72, 300, 3);
  for (OutlineShape& s : line) s.bounds = {-s.bounds.y1, s.bounds.x0, -s.bounds.y0, s.bounds.x1};  // 90 degrees
  EXPECT_EQ(ShapesInTextRuns(line), 18);
}

TEST(VectorText, DotGridIsNotText) {
  std::vector<OutlineShape> dots;
  for (int row = 0; row < 10; ++row) {
    for (int col = 0; col < 20; ++col) {
      const double x = 90 + 12 * col, y = 520 + 12 * row;
      dots.push_back({{x - 1.5, y - 1.5, x + 1.5, y + 1.5}, true});
    }
  }
  EXPECT_EQ(ShapesInTextRuns(dots), 0);
  // Packed tight (pitch 1.5 diameters): still one round size, a row of dots.
  dots.clear();
  for (int col = 0; col < 40; ++col) dots.push_back({{100.0 + 4.5 * col, 500, 103.0 + 4.5 * col, 503}, true});
  EXPECT_EQ(ShapesInTextRuns(dots), 0);
}

TEST(VectorText, HatchingIsNotText) {
  std::vector<OutlineShape> strips;
  for (int i = 0; i < 100; ++i) strips.push_back({{72.0 + 4 * i, 300, 72.0 + 4 * i + 8, 312}, false});
  EXPECT_EQ(ShapesInTextRuns(strips), 0);
}

TEST(VectorText, ScatteredMarksAreNotText) {
  std::vector<OutlineShape> marks;
  for (int i = 0; i < 60; ++i) {
    const double x = 80 + (i * 37) % 400, y = 200 + (i * 53) % 300, r = 1.5 + (i % 3);
    marks.push_back({{x - r, y - r, x + r, y + r}, true});
  }
  EXPECT_EQ(ShapesInTextRuns(marks), 0);
}

TEST(VectorText, TwoShapesAreNoWord) {
  EXPECT_EQ(ShapesInTextRuns(Line(72, 700, 1, 2)), 0);
  EXPECT_EQ(ShapesInTextRuns(Line(72, 700, 1, 3)), 3);
}

}  // namespace
}  // namespace redact
