// Synthetic pages for structure and layout-detection tests: words placed
// by hand (one glyph per word), then assembled and structured as the
// pipeline does.
#ifndef REDACT_TESTS_STAGES_STRUCTURE_PAGE_BUILDER_H_
#define REDACT_TESTS_STAGES_STRUCTURE_PAGE_BUILDER_H_

#include <sstream>
#include <string>

#include "core/model.h"
#include "stages/assemble/assemble.h"
#include "stages/structure/structure.h"

namespace redact::testing {

class PageBuilder {
 public:
  explicit PageBuilder(int number = 1) {
    page_.number = number;
    page_.geometry = PageGeometry::Make({0, 0, 612, 792}, {0, 0, 612, 792}, 0);
  }

  // Words of `text` from x on the baseline y (display space, y down), each
  // 0.5 em per character, a third of an em apart.
  PageBuilder& Text(const std::string& text, double x, double y, double size = 10) {
    std::istringstream in(text);
    std::string word;
    while (in >> word) {
      Glyph g;
      g.text = word;
      const double w = 0.5 * size * static_cast<double>(word.size());
      g.box = Rect{x, y - 0.8 * size, x + w, y + 0.2 * size};
      g.baseline_start = Point{x, y};
      g.baseline_end = Point{x + w, y};
      g.pen_end = Point{x + w, y};
      g.font_size = size;
      page_.glyphs.push_back(g);
      x += w + 0.33 * size;
    }
    return *this;
  }

  // Pleading paper's line numbers 1..`lines`, right-aligned at x 64, one
  // every 24 pt from y 72 (line n's baseline is 72 + 24 (n - 1)).
  PageBuilder& PleadingLineNumbers(int lines = 28, double size = 12) {
    for (int n = 1; n <= lines; ++n) {
      const std::string number = std::to_string(n);
      Text(number, 64 - 0.5 * size * static_cast<double>(number.size()), 72 + 24.0 * (n - 1), size);
    }
    return *this;
  }

  PageBuilder& Rule(double x0, double y0, double x1, double y1) {
    page_.rulings.push_back({{x0, y0}, {x1, y1}});
    return *this;
  }

  PageText Build() {
    AssembleText(&page_);
    BuildPageStructure(&page_);
    return page_;
  }

 private:
  PageText page_;
};

// The text of `words` of `page`, joined by spaces.
inline std::string WordsText(const PageText& page, const std::vector<int>& words) {
  std::string s;
  for (int w : words) s += (s.empty() ? "" : " ") + page.words[w].text;
  return s;
}

}  // namespace redact::testing

#endif  // REDACT_TESTS_STAGES_STRUCTURE_PAGE_BUILDER_H_
