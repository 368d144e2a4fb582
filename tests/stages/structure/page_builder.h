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

  // One word as OCR reads it off a scan: `width` wide whatever its text
  // (a misread sets a long word's ink under a short text), its glyph at
  // `confidence`.
  PageBuilder& OcrWord(const std::string& word, double x, double y, double width, float confidence,
                       double size = 10) {
    Glyph g;
    g.text = word;
    g.box = Rect{x, y - 0.8 * size, x + width, y + 0.2 * size};
    g.baseline_start = Point{x, y};
    g.baseline_end = Point{x + width, y};
    g.pen_end = Point{x + width, y};
    g.font_size = size;
    g.ocr = true;
    g.confidence = confidence;
    page_.glyphs.push_back(g);
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

  // A label at x 40 beside `boxes` comb boxes (13.5 pt apart from x 170,
  // 16 pt high, the label's baseline at y), `letters` drawn one to a box
  // in 12 pt, a space leaving its box empty (an EOIR notice's name boxes).
  PageBuilder& CombField(const std::string& label, const std::string& letters, int boxes, double y) {
    Text(label, 40, y, 9);
    for (int k = 0; k <= boxes; ++k) {
      const double x = 170 + 13.5 * k;
      Rule(x, y - 12, x, y + 4);
      if (k < static_cast<int>(letters.size()) && letters[static_cast<size_t>(k)] != ' ') {
        Text(std::string(1, letters[static_cast<size_t>(k)]), x + 3.4, y + 1, 12);
      }
    }
    return Rule(170, y - 12, 170 + 13.5 * boxes, y - 12).Rule(170, y + 4, 170 + 13.5 * boxes, y + 4);
  }

  // Text blacked out (PageText::blanks): a box where it stood.
  PageBuilder& Blank(double x0, double y0, double x1, double y1, double size = 10) {
    page_.blanks.push_back({Rect{x0, y0, x1, y1}, static_cast<float>(size)});
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

// A screening worksheet drawn as a ruled grid (LibreOffice from an HTML
// table, as an I-870-style record): label boxes beside value boxes, the
// first label wrapped over three lines, values in boxes that span columns
// (no line drawn between those columns in their row).
inline PageText WorksheetGrid() {
  PageBuilder b;
  for (double y : {80.0, 120.0, 150.0, 180.0, 210.0}) b.Rule(40, y, 600, y);
  for (double x : {40.0, 180.0, 600.0}) b.Rule(x, 80, x, 210);
  for (double x : {320.0, 460.0}) b.Rule(x, 120, x, 150).Rule(x, 180, x, 210);
  b.Text("Applicant's name", 44, 92, 9).Text("(Family, Given,", 44, 103, 9).Text("Middle)", 44, 114, 9);
  b.Text("SOKOLOV MIRONOV, Dmitriy Olegovich", 184, 103, 10);
  b.Text("A-number", 44, 138, 9).Text("A# 217 330 945", 184, 138, 10);
  b.Text("Date of birth", 324, 138, 9).Text("11/23/1987", 464, 138, 10);
  b.Text("Asylum Office", 44, 168, 9).Text("San Francisco Asylum Office, 75 Hawthorne Street, San Francisco", 184, 168, 8);
  b.Text("Applicant's spouse", 44, 198, 9).Text("Ekaterina Sokolova", 184, 198, 10);
  b.Text("Child(ren)", 324, 198, 9).Text("Arseniy Sokolov", 464, 198, 10);
  return b.Build();
}

// An exhibit's paragraph naming counsel and a certified interpreter, then
// an unruled class list of up to three members (Name, A-Number, Country).
inline PageText InterpreterParagraphThenClassList(int members = 3) {
  PageBuilder b;
  b.Text("Prepared by counsel for Plaintiffs, Ana Ruiz, Legal Aid Society, 600 B Street, San Diego, CA", 40, 60);
  b.Text("92101. Interpreter: Mariana Castellanos (certified court interpreter), for the Spanish pages.", 40, 72);
  b.Text("#", 40, 110).Text("Name", 70, 110).Text("A-Number", 200, 110).Text("Country", 380, 110);
  const char* const kRows[][3] = {{"1", "ORDONEZ, Glenda", "A214408151"},
                                  {"2", "SABILLON, Wuilmer", "A216150620"},
                                  {"3", "EUCEDA, Anderson", "A219295019"}};
  for (int r = 0; r < members && r < 3; ++r) {
    const double y = 130 + 18 * r;
    b.Text(kRows[r][0], 40, y).Text(kRows[r][1], 70, y).Text(kRows[r][2], 200, y).Text("Honduras", 380, y);
  }
  return b.Build();
}

}  // namespace redact::testing

#endif  // REDACT_TESTS_STAGES_STRUCTURE_PAGE_BUILDER_H_
