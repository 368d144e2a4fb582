#include "stages/structure/structure.h"

#include <re2/re2.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstring>
#include <map>
#include <numeric>
#include <set>
#include <optional>
#include <string>

#include "stages/detect/layout.h"
#include "stages/detect/normalize.h"
#include "stages/structure/labels.h"
#include "stages/structure/line_numbers.h"

namespace redact {
namespace {

// A line of the page as a piece of layout: one cell's line, a label, a
// value, a line of a paragraph.
struct Frag {
  std::vector<int> words;          // left to right
  Rect box;
  std::string text;                // words joined by ' '
  std::vector<size_t> word_offset; // where each word starts in `text`
  int band = -1;
  bool in_table = false;
  // Blanked text (PageText::blanks) read as part of this piece: a piece
  // that is only a blank has no words, reads "\u2588" and `blank` is set.
  std::vector<Rect> blanks;
  bool blank = false;
  bool ends_blank = false;  // a blank follows its last word (a label's value)
  float blank_size = 0;     // a blank's font size
};

struct Page {
  PageText* page;
  std::vector<Frag> frags;
  std::vector<std::vector<int>> bands;  // frag indices, top to bottom, left to right
  std::vector<Ruling> vertical;         // the page's vertical rulings, left to right
  std::vector<Ruling> horizontal;       // and its horizontal ones, top to bottom
};

double Height(const Rect& r) { return std::max(r.height(), 1.0); }
double CenterY(const Rect& r) { return (r.y0 + r.y1) / 2; }

bool HasDigit(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool IsLabelText(const std::string& text) {
  size_t end = 0;
  return !LabelKey(text).empty() || !LabelKeyBeforeColon(text, &end).empty();
}

std::string FieldKey(const std::string& text) {
  std::string t = text;
  const bool colon = t.find(':') != std::string::npos;
  while (!t.empty() && (t.back() == ':' || t.back() == ' ')) t.pop_back();
  if (IsColumnOnlyLabel(t)) return "";
  // "Client" heads a docket's column, and "Client:" a letter's field; a
  // bare "Client" before a name in prose is neither ("Client Maria
  // Hernandez-Nunez arrived").
  if (!colon) {
    const std::string n = NormalizeLabel(t);
    for (const char* word : {"client", "clients", "cliente", "clienta", "clientes"}) {
      if (n == word) return "";
    }
  }
  return LabelKey(t);
}

// Whether a vertical ruling runs between x0 and x1 at height y: two cells'
// or boxes' text that assembly joined into one line.
bool RuledBetween(const std::vector<Ruling>& vertical, double x0, double x1, double y) {
  auto it = std::lower_bound(vertical.begin(), vertical.end(), x0,
                             [](const Ruling& r, double x) { return r.from.x < x; });
  for (; it != vertical.end() && it->from.x <= x1; ++it) {
    if (it->from.y <= y && it->to.y >= y) return true;
  }
  return false;
}

// Each blank of the page joins the line piece it touches (within half its
// size: a removed word of a line, the value after a label) or, standing
// apart, is a piece of its own: a table's blacked-out cell still fills its
// column, so the columns read as they did with the text.
void AddBlanks(const PageText& page, std::vector<Frag>* frags) {
  for (const Blank& b : page.blanks) {
    const Rect box = b.box;
    const double reach = 0.5 * std::max<double>(b.font_size, 1.0);
    Frag* near = nullptr;
    double best = reach;
    for (Frag& f : *frags) {
      if (std::fabs(CenterY(f.box) - CenterY(box)) > 0.4 * std::max(Height(f.box), Height(box))) continue;
      const double gap = std::max(f.box.x0 - box.x1, box.x0 - f.box.x1);
      if (gap <= best) best = gap, near = &f;
    }
    if (near) {
      if (!near->words.empty() && box.x0 >= near->box.x1 - 1) near->ends_blank = true;
      near->box = near->box.Union(box);
      near->blanks.push_back(box);
      continue;
    }
    Frag f;
    f.box = box;
    f.text = "\u2588";
    f.blanks.push_back(box);
    f.blank = true;
    f.blank_size = b.font_size;
    frags->push_back(std::move(f));
  }
}

Page MakePage(PageText* page) {
  Page p{page, {}, {}, {}, {}};
  std::vector<Ruling> vertical;
  for (const Ruling& r : page->rulings) {
    (r.horizontal() ? p.horizontal : vertical).push_back(r);
  }
  std::sort(vertical.begin(), vertical.end(),
            [](const Ruling& a, const Ruling& b) { return a.from.x < b.from.x; });
  std::sort(p.horizontal.begin(), p.horizontal.end(),
            [](const Ruling& a, const Ruling& b) { return a.from.y < b.from.y; });
  // The line-number column is the paper's: no cell, label or value.
  const std::vector<int>& numbers = page->layout.line_numbers;
  for (int l = 0; l < static_cast<int>(page->lines.size()); ++l) {
    const Line& line = page->lines[l];
    if (line.words.empty() || page->words[line.words[0]].rotation != 0) continue;
    Frag f;
    for (int w : line.words) {
      if (std::find(numbers.begin(), numbers.end(), w) != numbers.end()) continue;
      const Word& word = page->words[w];
      if (!f.words.empty() &&
          RuledBetween(vertical, f.box.x1, word.box.x0, CenterY(word.box))) {
        p.frags.push_back(std::move(f));
        f = Frag{};
      }
      f.box = f.words.empty() ? word.box.ToRect() : f.box.Union(word.box);
      if (!f.text.empty()) f.text.push_back(' ');
      f.word_offset.push_back(f.text.size());
      f.text += word.text;
      f.words.push_back(w);
    }
    if (!f.words.empty()) p.frags.push_back(std::move(f));
  }
  p.vertical = vertical;
  AddBlanks(*page, &p.frags);
  // Bands: frags whose middles lie within 0.4 line heights of each other.
  std::vector<int> order(p.frags.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
    return CenterY(p.frags[a].box) < CenterY(p.frags[b].box);
  });
  for (size_t i = 0; i < order.size();) {
    const Rect& first = p.frags[order[i]].box;
    std::vector<int> band;
    size_t j = i;
    while (j < order.size() && CenterY(p.frags[order[j]].box) - CenterY(first) <=
                                   0.4 * std::max(Height(first), Height(p.frags[order[j]].box))) {
      band.push_back(order[j++]);
    }
    std::stable_sort(band.begin(), band.end(),
                     [&](int a, int b) { return p.frags[a].box.x0 < p.frags[b].box.x0; });
    for (int f : band) p.frags[f].band = static_cast<int>(p.bands.size());
    p.bands.push_back(std::move(band));
    i = j;
  }
  return p;
}

std::vector<int> SortedWords(const PageText& page, std::vector<int> words) {
  std::sort(words.begin(), words.end(), [&](int a, int b) {
    return page.words[a].text_begin < page.words[b].text_begin;
  });
  words.erase(std::unique(words.begin(), words.end()), words.end());
  return words;
}

// A cell's visual lines, top to bottom, each its words left to right.
std::vector<std::string> CellLines(const PageText& page, const TableCell& cell) {
  std::vector<int> words = cell.words;
  std::stable_sort(words.begin(), words.end(), [&](int a, int b) {
    const Rect &ra = page.words[a].box, &rb = page.words[b].box;
    if (std::fabs(CenterY(ra) - CenterY(rb)) > 0.4 * std::max(Height(ra), Height(rb))) {
      return CenterY(ra) < CenterY(rb);
    }
    return ra.x0 < rb.x0;
  });
  std::vector<std::string> lines;
  const Rect* line_box = nullptr;
  for (int w : words) {
    const Rect& r = page.words[w].box;
    if (line_box == nullptr ||
        std::fabs(CenterY(*line_box) - CenterY(r)) > 0.4 * std::max(Height(*line_box), Height(r))) {
      lines.emplace_back();
      line_box = &r;
    } else {
      lines.back().push_back(' ');
    }
    lines.back() += page.words[w].text;
  }
  return lines;
}

std::string Joined(const std::vector<std::string>& parts, size_t from, size_t to) {
  std::string text;
  for (size_t i = from; i < to; ++i) text += (text.empty() ? "" : " ") + parts[i];
  return text;
}

std::string CellText(const PageText& page, const TableCell& cell) {
  // Lines top to bottom, words left to right: how a header is read.
  const std::vector<std::string> lines = CellLines(page, cell);
  return Joined(lines, 0, lines.size());
}

// Per row of `t`, its cells' texts by column ("" where there is no cell).
std::vector<std::vector<std::string>> RowTexts(const PageText& page, const Table& t, int rows) {
  std::vector<std::vector<std::string>> texts(static_cast<size_t>(rows),
                                              std::vector<std::string>(static_cast<size_t>(t.columns)));
  for (const TableCell& c : t.cells) {
    if (c.row < rows) texts[static_cast<size_t>(c.row)][static_cast<size_t>(c.column)] = CellText(page, c);
  }
  return texts;
}

// Whether row `r` of `texts` only finishes the header cells above it, each
// cell of it making a known header with the cell over it ("Date of" +
// "birth", "Family name, given" + "name(s)"): a header's wrapped lines set
// as a row of their own.
bool FinishesHeaderAbove(const std::vector<std::vector<std::string>>& texts, size_t r) {
  bool any = false;
  for (size_t c = 0; c < texts[r].size(); ++c) {
    const std::string& text = texts[r][c];
    if (text.empty()) continue;
    const std::string& above = texts[r - 1][c];
    if (above.empty() || HasDigit(text) || LabelKey(above + " " + text).empty()) return false;
    any = true;
  }
  return any;
}

// Whether a table's first row is one cell drawn across it (four fifths of
// its width or more) and nothing else.
bool TitleRow(const Table& t, const std::vector<std::vector<std::string>>& texts, int row) {
  const std::vector<std::string>& cells = texts[static_cast<size_t>(row)];
  const auto filled = std::count_if(cells.begin(), cells.end(), [](const std::string& s) { return !s.empty(); });
  if (filled != 1 || t.columns < 3) return false;
  for (const TableCell& c : t.cells) {
    if (c.row == row && !c.words.empty()) return c.box.x1 - c.box.x0 >= 0.8 * (t.box.x1 - t.box.x0);
  }
  return false;
}

// How many of a table's first rows are its header: row 0 when a cell of it
// is a known column header and none of it looks like data (digits); up to
// three rows when the later ones are mostly known headers too (a header
// grouped over several lines: "Class member" over "Name | A-Number | Date
// of birth", or cells stacked in rows of their own), every row above them
// free of data; and then a row that only finishes the cells above it. A
// data row is always left below.
int HeaderRowCount(const PageText& page, const Table& t) {
  constexpr int kMaxHeaderRows = 3;
  const int rows = std::min(kMaxHeaderRows + 1, t.rows - 1);
  if (rows < 1) return 0;
  const std::vector<std::vector<std::string>> texts = RowTexts(page, t, rows);
  // A title drawn in the grid's first row, one cell across the table (a
  // Calc sheet's "Bond Requests - Houston AOR Class Members (… No.
  // 4:25-cv-00912)"), heads the table as its header's group: its case
  // number is no data. Without a header under it, there is none.
  // (Two, a court's calendar: the court's line, then the session's.)
  int titles = 0;
  while (titles < 2 && titles + 1 < rows && TitleRow(t, texts, titles)) ++titles;
  int count = 0;
  for (int r = titles; r < std::min(rows, kMaxHeaderRows); ++r) {
    int known = 0, cells = 0;
    bool data = false;
    for (const std::string& text : texts[static_cast<size_t>(r)]) {
      if (text.empty()) continue;
      const bool label = !LabelKey(text).empty();
      ++cells;
      known += label ? 1 : 0;
      data |= HasDigit(text) && !label;
    }
    if (data) break;
    if (r == titles ? known >= 1 : known >= 1 && known * 2 >= cells) count = r + 1;
  }
  if (count <= titles) return 0;
  if (count > 0 && count < rows && FinishesHeaderAbove(texts, static_cast<size_t>(count))) ++count;
  return count;
}

// The key of one column's header (its parts top to bottom: group headers
// over it, then its cell in each header row, a cell wrapped over lines read
// whole): the parts under a group header are read before the group. Runs of
// parts ending at the last are tried longest first ("Identifiers" over
// "A-Number": the two, then "A-Number"), then runs ending higher ("Class
// member" over a "Family name, given name(s)" it does not know). A cell is
// never split: "Interpreter / Name" wrapped in one cell is no name column.
std::string HeaderPartsKey(const std::vector<std::string>& parts) {
  for (size_t end = parts.size(); end > 0; --end) {
    for (size_t begin = 0; begin < end; ++begin) {
      std::string key = LabelKey(Joined(parts, begin, end));
      if (!key.empty()) return key;
    }
  }
  return "";
}

// A header cell above the last header row whose text reaches over the
// columns beside it that hold nothing in its row heads those columns too
// (a group header: "Identifiers" over "A-Number | Date of birth"); in a
// ruled table, so does a merged cell drawn over them. Returns
// per column the group texts over it, top to bottom.
std::vector<std::vector<std::string>> GroupHeaders(const PageText& page, const Table& t) {
  std::vector<std::vector<std::string>> groups(static_cast<size_t>(t.columns));
  for (int r = 0; r + 1 < t.header_rows; ++r) {
    std::vector<const TableCell*> row(static_cast<size_t>(t.columns), nullptr);
    for (const TableCell& c : t.cells) {
      if (c.row == r) row[static_cast<size_t>(c.column)] = &c;
    }
    for (int c = 0; c < t.columns; ++c) {
      const TableCell* cell = row[static_cast<size_t>(c)];
      if (cell == nullptr) continue;
      Rect box = page.words[cell->words.front()].box;
      for (int w : cell->words) box = box.Union(page.words[w].box);
      // A ruled table draws a merged cell's reach: "Screening" centred over
      // "CF outcome | IJ review | Date" heads all three, though its text
      // stands over the middle one only.
      if (t.ruled) box = box.Union(cell->box);
      const std::string text = CellText(page, *cell);
      constexpr double kReach = 2.0;  // points into the next column
      for (int n = c - 1; n >= 0 && !row[static_cast<size_t>(n)] &&
                          box.x0 < t.column_right[static_cast<size_t>(n)] - kReach; --n) {
        groups[static_cast<size_t>(n)].push_back(text);
      }
      for (int n = c + 1; n < t.columns && !row[static_cast<size_t>(n)] &&
                          box.x1 > t.column_left[static_cast<size_t>(n)] + kReach; ++n) {
        groups[static_cast<size_t>(n)].push_back(text);
      }
    }
  }
  return groups;
}

// Types the columns from the first `header_rows` rows: each column's header
// is its own cells in those rows, under any group header over it.
void TypeHeader(const PageText& page, int header_rows, Table* t) {
  t->headers.assign(static_cast<size_t>(t->columns), "");
  t->header_keys.assign(static_cast<size_t>(t->columns), "");
  if (header_rows < 1) return;
  t->header_rows = header_rows;
  std::vector<std::vector<std::string>> parts = GroupHeaders(page, *t);
  for (const TableCell& c : t->cells) {  // row-major: top rows first
    if (c.row < header_rows) parts[static_cast<size_t>(c.column)].push_back(CellText(page, c));
  }
  for (size_t c = 0; c < parts.size(); ++c) {
    t->headers[c] = Joined(parts[c], 0, parts[c].size());
    t->header_keys[c] = HeaderPartsKey(parts[c]);
    // Two headers one column took (a single row under them: "No. Class
    // Member" over "14 NAZARI, Shabnam"): the row number's and the next.
    for (const char* row : {"No. ", "No ", "# "}) {
      const std::string& h = t->headers[c];
      if (t->header_keys[c].empty() && h.starts_with(row) && h.size() > std::string_view(row).size()) {
        t->header_keys[c] = LabelKey(h.substr(std::string_view(row).size()));
      }
    }
  }
  // In a table of people, a bare "Status" is theirs: where their asylum or
  // fear screening stands ("Positive CF; parole req. pending", a legal-aid
  // bond tracker's last column). Elsewhere it may be a document's.
  const bool people = std::any_of(t->header_keys.begin(), t->header_keys.end(),
                                  [](const std::string& k) { return k == "name" || k == "a_number"; });
  for (size_t c = 0; c < t->header_keys.size() && people; ++c) {
    const std::string n = NormalizeLabel(t->headers[c]);
    for (const char* status : {"status", "estado", "estatus", "case status", "current status", "estado del caso"}) {
      if (t->header_keys[c].empty() && n == status) t->header_keys[c] = "credible_fear";
    }
  }
  // ... and a bare "Date" right after their screening's column is the day
  // of that screening or decision (a class list's "CF Determination |
  // Date").
  for (size_t c = 1; c < t->header_keys.size() && people; ++c) {
    if (t->header_keys[c] == "date" && t->header_keys[c - 1] == "credible_fear") t->header_keys[c] = "credible_fear";
  }
  // A schedule of fear interviews ("Date | Time | Applicant | A-Number |
  // … | Result", probe30): where a row's screening has an outcome column,
  // a bare "Date" (or "Date/Time") is the day of that screening, wherever
  // it stands. Not a date named for something else ("Date of entry").
  const bool screened = std::count(t->header_keys.begin(), t->header_keys.end(), "credible_fear") > 0;
  for (size_t c = 0; c < t->header_keys.size() && people && screened; ++c) {
    const std::string n = NormalizeLabel(t->headers[c]);
    if (t->header_keys[c] == "date" && (n == "date" || n == "fecha" || n == "date time" || n == "fecha hora")) {
      t->header_keys[c] = "credible_fear";
    }
  }
}

// Cells of `t` whose text is blanked out (PageText::blanks), per row and per
// column: a blank whose middle lies in a row's cells and a column's span,
// in no cell of words. A table whose names were blacked out is still a
// table of names, not a form of its header's labels.
struct BlankedCells {
  std::vector<int> per_row, per_column;
};
BlankedCells CountBlanked(const PageText& page, const Table& t) {
  BlankedCells n{std::vector<int>(static_cast<size_t>(t.rows), 0), std::vector<int>(static_cast<size_t>(t.columns), 0)};
  for (const Blank& b : page.blanks) {
    const double cx = (b.box.x0 + b.box.x1) / 2, cy = (b.box.y0 + b.box.y1) / 2;
    int row = -1;
    bool in_words = false;
    for (const TableCell& c : t.cells) {
      if (cy < c.box.y0 || cy > c.box.y1) continue;
      row = c.row;
      in_words |= cx >= c.box.x0 && cx <= c.box.x1;
    }
    if (row < 0 || in_words) continue;
    for (int c = 0; c < t.columns; ++c) {
      if (cx < t.column_left[static_cast<size_t>(c)] || cx > t.column_right[static_cast<size_t>(c)]) continue;
      ++n.per_row[static_cast<size_t>(row)], ++n.per_column[static_cast<size_t>(c)];
      break;
    }
  }
  return n;
}

// A table whose first column holds labels ("Name", "A-Number", …) is a
// form laid out as a table: its fields are label–value pairs instead. The
// header rows after the first are left out.
bool IsLabelColumn(const PageText& page, const Table& t, int header_rows) {
  int labels = 0, cells = page.blanks.empty() ? 0 : CountBlanked(page, t).per_column.front();
  for (const TableCell& c : t.cells) {
    if (c.column != 0 || (c.row > 0 && c.row < header_rows)) continue;
    ++cells;
    labels += LabelKey(CellText(page, c)).empty() ? 0 : 1;
  }
  return cells > 0 && labels * 2 >= cells;
}

// A box whose text opens with a label and goes on with its value ("4.
// Primer nombre Brayan", "8. Fecha de nacimiento 04/14/2006"): the longest
// run of its first words that is a label, the rest its value. When the box
// holds more lines than the label's, the value is those lines only: the
// rest of the label's own lines is more of the label ("1. Número A" /
// "del cónyuge" over "078-021-519"), never a value.
bool SplitLabelledCell(const PageText& page, const TableCell& c, LabeledField* field) {
  const std::vector<int>& words = c.words;
  // A label alone (its value removed, or yet to be written) has no value.
  if (!LabelKey(CellText(page, c)).empty()) return false;
  std::string prefix;
  std::vector<std::string> prefixes;
  std::vector<int> line(words.size(), 0);  // each word's line in the box, top first
  for (size_t k = 0; k < words.size(); ++k) {
    const Rect& r = page.words[static_cast<size_t>(words[k])].box;
    prefix += (prefix.empty() ? "" : " ") + page.words[static_cast<size_t>(words[k])].text;
    prefixes.push_back(prefix);
    if (k > 0) {
      const Rect& before = page.words[static_cast<size_t>(words[k - 1])].box;
      const bool same = std::fabs(CenterY(before) - CenterY(r)) <= 0.4 * std::max(Height(before), Height(r));
      line[k] = line[k - 1] + (same ? 0 : 1);
    }
  }
  for (size_t k = words.size() > 0 ? words.size() - 1 : 0; k >= 1; --k) {
    const std::string& label = prefixes[k - 1];
    const std::string key = LabelKey(label);
    if (key.empty() || IsColumnOnlyLabel(label)) continue;
    size_t value = k;
    if (line.back() > line[k - 1]) {
      while (value < words.size() && line[value] == line[k - 1]) ++value;
      // A label wrapped onto lines of its own size, over a value set in
      // another: those lines are the label's too.
      const double label_h = Height(page.words[static_cast<size_t>(words[k - 1])].box);
      auto label_sized = [&](size_t w) {
        return std::fabs(Height(page.words[static_cast<size_t>(words[w])].box) - label_h) <= 0.1 * label_h;
      };
      while (value < words.size() && !label_sized(words.size() - 1) && label_sized(value) &&
             !HasDigit(page.words[static_cast<size_t>(words[value])].text)) {
        ++value;
      }
      // A number after the label on its line is the value after all.
      for (size_t w = k; w < value; ++w) {
        if (HasDigit(page.words[static_cast<size_t>(words[w])].text)) value = k;
      }
    }
    std::vector<int> rest(words.begin() + static_cast<std::ptrdiff_t>(value), words.end());
    // A bilingual label's second line ("Número de registro de extranjero")
    // is no value: the box holds a label alone.
    std::string rest_text;
    for (int w : rest) rest_text += (rest_text.empty() ? "" : " ") + page.words[static_cast<size_t>(w)].text;
    if (LabelKey(rest_text) == key) return false;
    *field = {key, std::vector<int>(words.begin(), words.begin() + static_cast<std::ptrdiff_t>(value)),
              std::move(rest), false};
    return true;
  }
  return false;
}

// A grid of labels and values (a form drawn as boxes, or fields side by
// side, label above value) is not a table: a row after the header holds
// labels too (alone, or opening a value: once a value is removed, a form's
// first row reads as a header), or most cells open with a label line. The header rows after
// the first are left out.
bool IsFormGrid(const PageText& page, const Table& t, int header_rows) {
  std::vector<int> labels(static_cast<size_t>(t.rows), 0), cells(static_cast<size_t>(t.rows), 0);
  int opening = 0, total = 0;
  for (const TableCell& c : t.cells) {
    if (c.row > 0 && c.row < header_rows) continue;
    const std::string text = CellText(page, c);
    ++cells[static_cast<size_t>(c.row)];
    LabeledField opened;  // a label alone, or opening its value ("Country of birth Peru")
    labels[static_cast<size_t>(c.row)] += IsLabelText(text) || SplitLabelledCell(page, c, &opened) ? 1 : 0;
    // The cell's first line alone.
    const std::string top = CellLines(page, c).front();
    ++total;
    opening += top != text && IsLabelText(top) ? 1 : 0;
  }
  if (!page.blanks.empty()) {
    const std::vector<int> blanked = CountBlanked(page, t).per_row;
    for (int r = 0; r < t.rows; ++r) cells[static_cast<size_t>(r)] += blanked[static_cast<size_t>(r)];
  }
  for (int r = std::max(header_rows, 1); r < t.rows; ++r) {
    if (labels[static_cast<size_t>(r)] >= 1 && labels[static_cast<size_t>(r)] * 2 >= cells[static_cast<size_t>(r)]) return true;
  }
  return total > 0 && opening * 2 >= total;
}

// A grid without a header whose boxes mostly hold a label and its value
// The boxes holding the value of a box that holds a label alone, drawn in
// the next row (comb boxes under "1. Alien Registration Number
// (A-Number)", one digit each): every box of that row whose text starts
// under the label's box and before the next box of the label's row; none
// when one of them holds a label (alone, or before a value of its own),
// or when their text is set no larger than the label's (a row of labels
// this code does not know: "Middle" over "Height", their values removed).
std::vector<const TableCell*> ValueBoxesUnder(const PageText& page, const Table& t, const TableCell& label) {
  float label_size = 0;
  for (int w : label.words) label_size = std::max(label_size, page.words[static_cast<size_t>(w)].font_size);
  double right = 1e18;
  for (const TableCell& c : t.cells) {
    if (c.row == label.row && c.box.x0 > label.box.x0 + 1) right = std::min(right, c.box.x0);
  }
  std::vector<const TableCell*> boxes;
  for (const TableCell& c : t.cells) {
    if (c.row != label.row + 1 || c.words.empty()) continue;
    // (Where its text starts: a value box may begin left of its label's.)
    const double x = page.words[static_cast<size_t>(c.words.front())].box.x0;
    if (x < label.box.x0 - 2 || x >= right - 1) continue;
    LabeledField opened;  // a box opening with a label of its own is the next field
    if (IsLabelText(CellText(page, c)) || SplitLabelledCell(page, c, &opened)) return {};
    for (int w : c.words) {
      if (page.words[static_cast<size_t>(w)].font_size < 1.1F * label_size) return {};
    }
    boxes.push_back(&c);
  }
  return boxes;
}

// The field of a box holding a label alone and the boxes under it, if any
// (*read: those boxes, the label's first).
std::optional<LabeledField> LabelOverBoxes(const PageText& page, const Table& t, const TableCell& label,
                                           std::vector<const TableCell*>* read) {
  const std::string key = LabelKey(CellText(page, label));
  if (key.empty()) return std::nullopt;
  const std::vector<const TableCell*> boxes = ValueBoxesUnder(page, t, label);
  if (boxes.empty()) return std::nullopt;
  LabeledField field{key, label.words, {}, true};
  read->push_back(&label);
  for (const TableCell* c : boxes) {
    field.value_words.insert(field.value_words.end(), c->words.begin(), c->words.end());
    read->push_back(c);
  }
  return field;
}

// A grid without a header whose boxes mostly hold a label and its value
// each is a form drawn as boxes: its fields, or none when it is a table.
// A box whose first line is the first line of a box of the same column in
// another row, with more under it: a label printed in every box (an
// I-589's "Relationship" | "Full Name" | "City/Town and Country of Birth /
// Current Location", set again for each relative), whether or not this
// code knows the label.
bool RepeatsItsLabel(const PageText& page, const Table& t, const TableCell& c) {
  const std::vector<std::string> lines = CellLines(page, c);
  if (lines.size() < 2) return false;
  return std::any_of(t.cells.begin(), t.cells.end(), [&](const TableCell& o) {
    if (o.column != c.column || o.row == c.row) return false;
    const std::vector<std::string> other = CellLines(page, o);
    return other.size() >= 2 && other.front() == lines.front();
  });
}

std::vector<LabeledField> LabelledCells(const PageText& page, const Table& t) {
  std::vector<LabeledField> fields;
  std::vector<const TableCell*> read;  // boxes holding a label and its value, or a label and its value boxes
  size_t labelled = 0;  // those, and boxes that repeat a label this code does not know
  for (const TableCell& c : t.cells) {
    LabeledField f;
    const size_t before = read.size();
    if (SplitLabelledCell(page, c, &f)) {
      fields.push_back(std::move(f));
      read.push_back(&c);
    } else if (std::optional<LabeledField> over = LabelOverBoxes(page, t, c, &read)) {
      fields.push_back(std::move(*over));
    }
    labelled += read.size() - before;
    if (read.size() == before && RepeatsItsLabel(page, t, c)) ++labelled;
  }
  if (t.header_rows > 0 || labelled * 2 < t.cells.size()) fields.clear();
  return fields;
}

// Whether a box opens with a heading set smaller than what follows it (a
// DHS record's "Scars and Marks (Type and Location)" over its answer): a
// labelled box of its own, whatever its label says, never the value of
// the box beside it.
bool OpensWithSmallerHeading(const PageText& page, const TableCell& c) {
  if (c.words.size() < 2) return false;
  float largest = 0;
  for (int w : c.words) largest = std::max(largest, page.words[static_cast<size_t>(w)].font_size);
  return page.words[static_cast<size_t>(c.words.front())].font_size < 0.85F * largest;
}

// In a grid of label boxes beside value boxes (a worksheet or record drawn
// as a ruled table: "Applicant's name (Family, Given, Middle)" | "SOKOLOV,
// Dmitriy"), each box holding a label alone, however many lines it wraps
// to, has its value in the next box of its row, when that box holds no
// label. Geometry alone read the label's own wrapped lines as its value
// (and, once the value was removed, the label's own note). Boxes holding
// a label alone, and the values paired with them, are marked read
// (`done`).
std::vector<LabeledField> BesideCells(const PageText& page, const Table& t, std::vector<const TableCell*>* done) {
  std::vector<LabeledField> fields;
  std::vector<const TableCell*> cells;
  // Columns of labels and columns of values: a box beside a label is its
  // value only in a column of values (a form of label boxes alone, its
  // values erased, pairs none).
  std::vector<int> labels(static_cast<size_t>(t.columns), 0), filled(static_cast<size_t>(t.columns), 0);
  for (const TableCell& c : t.cells) {
    cells.push_back(&c);
    ++filled[static_cast<size_t>(c.column)];
    labels[static_cast<size_t>(c.column)] += IsLabelText(CellText(page, c)) ? 1 : 0;
  }
  auto of_values = [&](int column) { return labels[static_cast<size_t>(column)] * 2 < filled[static_cast<size_t>(column)]; };
  std::sort(cells.begin(), cells.end(), [](const TableCell* a, const TableCell* b) {
    return std::tie(a->row, a->column) < std::tie(b->row, b->column);
  });
  for (size_t k = 0; k < cells.size(); ++k) {
    const TableCell& label = *cells[k];
    const TableCell& value = k + 1 < cells.size() ? *cells[k + 1] : label;
    const std::string text = CellText(page, label);
    const std::string key = LabelKey(text);
    if (key.empty() || IsColumnOnlyLabel(text)) continue;
    done->push_back(&label);  // its wrapped lines are more of the label, never its value
    LabeledField opened;
    const std::string value_text = CellText(page, value);
    if (value.row != label.row || !of_values(value.column) || IsLabelText(value_text) ||
        SplitLabelledCell(page, value, &opened) || OpensWithSmallerHeading(page, value)) {
      continue;
    }
    fields.push_back({key, label.words, value.words, false});
    done->push_back(&value);
    ++k;
  }
  return fields;
}

// ---------------------------------------------------------------- ruled

std::vector<double> Distinct(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  std::vector<double> out;
  for (double x : v) {
    if (out.empty() || x - out.back() > 2.0) out.push_back(x);
  }
  return out;
}

int Find(std::vector<int>& parent, int i) {
  while (parent[i] != i) i = parent[i] = parent[parent[i]];
  return i;
}

// Groups of rulings that touch one another: one grid each.
std::vector<std::vector<int>> Grids(const std::vector<Ruling>& rulings) {
  const int n = static_cast<int>(rulings.size());
  std::vector<int> parent(n);
  std::iota(parent.begin(), parent.end(), 0);
  constexpr double kSlack = 2.0;
  for (int a = 0; a < n; ++a) {
    if (!rulings[a].horizontal()) continue;
    for (int b = 0; b < n; ++b) {
      if (rulings[b].horizontal()) continue;
      const Ruling &h = rulings[a], &v = rulings[b];
      if (v.from.x >= h.from.x - kSlack && v.from.x <= h.to.x + kSlack &&
          h.from.y >= v.from.y - kSlack && h.from.y <= v.to.y + kSlack) {
        parent[Find(parent, a)] = Find(parent, b);
      }
    }
  }
  std::vector<std::vector<int>> groups(n);
  for (int i = 0; i < n; ++i) groups[Find(parent, i)].push_back(i);
  std::erase_if(groups, [](const auto& g) { return g.size() < 5; });
  return groups;
}

// The rows of one drawn row of a grid (`band`: its words by column,
// between rules at y0 and y1), as boundaries from y0 to y1. A table drawn
// with rules only around it and under its header (groff's tbl "box",
// Writer tables with outer borders) holds all its rows in one band: a line
// where at least half the band's columns, and two or more, have words
// opens a row; a line only some columns have continues the row above (a
// wrapped cell). A band with fewer than three such lines (four in the
// grid's `first` band, which may hold the header), or set in more than one
// size, is one row: a form's boxes of label and value.
std::vector<double> RowsInBand(const PageText& page, const std::vector<std::vector<int>>& band, double y0,
                               double y1, bool first) {
  std::vector<std::pair<double, int>> lines;  // (centre, columns with a word there)
  int columns = 0;
  for (size_t c = 0; c < band.size(); ++c) {
    if (band[c].empty()) continue;
    ++columns;
    std::vector<double> ys;
    for (int w : band[c]) ys.push_back(CenterY(page.words[static_cast<size_t>(w)].box));
    for (double y : Distinct(ys)) {
      auto it = std::find_if(lines.begin(), lines.end(), [&](const auto& l) { return std::fabs(l.first - y) <= 2.0; });
      if (it == lines.end()) {
        lines.push_back({y, 1});
      } else {
        ++it->second;
      }
    }
  }
  std::sort(lines.begin(), lines.end());
  std::vector<double> starts;
  for (const auto& [y, n] : lines) {
    if (n >= 2 && 2 * n >= columns) starts.push_back(y);
  }
  // A form's box sets its label smaller than its value: one size only.
  float smallest = 1e9F, largest = 0;
  for (const std::vector<int>& column : band) {
    for (int w : column) {
      smallest = std::min(smallest, page.words[static_cast<size_t>(w)].font_size);
      largest = std::max(largest, page.words[static_cast<size_t>(w)].font_size);
    }
  }
  if (starts.size() < (first ? 4u : 3u) || largest - smallest > 0.5F) return {y0, y1};
  std::vector<double> bounds = {y0};
  for (size_t k = 1; k < starts.size(); ++k) {
    // Halfway up from the row's first line to the last line above it.
    double above = starts[k - 1];
    for (const auto& l : lines) {
      if (l.first < starts[k] - 2.0) above = std::max(above, l.first);
    }
    bounds.push_back((above + starts[k]) / 2);
  }
  bounds.push_back(y1);
  return bounds;
}

void RuledTables(Page& p) {
  PageText& page = *p.page;
  for (const std::vector<int>& grid : Grids(page.rulings)) {
    std::vector<double> xs, ys;
    for (int r : grid) {
      const Ruling& ru = page.rulings[r];
      (ru.horizontal() ? ys : xs).push_back(ru.horizontal() ? ru.from.y : ru.from.x);
    }
    xs = Distinct(xs), ys = Distinct(ys);
    if (xs.size() < 3 || ys.size() < 3) continue;
    Table t;
    t.ruled = true;
    t.box = {xs.front(), ys.front(), xs.back(), ys.back()};
    const int cols = static_cast<int>(xs.size()) - 1, rows = static_cast<int>(ys.size()) - 1;
    std::vector<std::vector<int>> words(static_cast<size_t>(cols * rows));
    for (int w = 0; w < static_cast<int>(page.words.size()); ++w) {
      const Rect& b = page.words[w].box;
      const double cx = (b.x0 + b.x1) / 2, cy = CenterY(b);
      if (page.words[w].rotation != 0 || cx <= xs.front() || cx >= xs.back() ||
          cy <= ys.front() || cy >= ys.back()) {
        continue;
      }
      int c = static_cast<int>(std::upper_bound(xs.begin(), xs.end(), cx) - xs.begin()) - 1;
      const int r = static_cast<int>(std::upper_bound(ys.begin(), ys.end(), cy) - ys.begin()) - 1;
      // A box spanning columns (no line drawn between them in its row) is
      // one cell, in its first column.
      while (c > 0 && !RuledBetween(p.vertical, xs[c] - 2, xs[c] + 2, (ys[r] + ys[r + 1]) / 2)) --c;
      words[static_cast<size_t>(r * cols + c)].push_back(w);
    }
    // Rows without words (double rules, spacing) are not rows; a band of
    // several rows with no rule between them is read as its rows.
    int row = 0;
    std::vector<int> used_columns(static_cast<size_t>(cols), 0);
    for (int r = 0; r < rows; ++r) {
      std::vector<std::vector<int>> band(words.begin() + r * cols, words.begin() + (r + 1) * cols);
      const std::vector<double> bounds = RowsInBand(page, band, ys[r], ys[r + 1], r == 0);
      for (size_t k = 0; k + 1 < bounds.size(); ++k) {
        bool any = false;
        for (int c = 0; c < cols; ++c) {
          std::vector<int> cw;
          for (int w : band[static_cast<size_t>(c)]) {
            const double cy = CenterY(page.words[static_cast<size_t>(w)].box);
            if (cy >= bounds[k] && cy < bounds[k + 1]) cw.push_back(w);
          }
          if (cw.empty()) continue;
          any = true;
          used_columns[static_cast<size_t>(c)] = 1;
          int right = c + 1;  // the box's right edge: the next line drawn in its row
          while (right < cols && !RuledBetween(p.vertical, xs[right] - 2, xs[right] + 2, (ys[r] + ys[r + 1]) / 2)) {
            ++right;
          }
          TableCell cell{row, c, SortedWords(page, cw), {xs[c], bounds[k], xs[right], bounds[k + 1]}};
          t.cells.push_back(std::move(cell));
        }
        row += any ? 1 : 0;
      }
    }
    t.rows = row;
    t.columns = cols;
    for (int c = 0; c < cols; ++c) t.column_left.push_back(xs[c]), t.column_right.push_back(xs[c + 1]);
    if (t.rows < 2 || std::accumulate(used_columns.begin(), used_columns.end(), 0) < 2) continue;
    const int header_rows = HeaderRowCount(page, t);
    if (header_rows == 0) {
      std::vector<LabeledField> fields = LabelledCells(page, t);
      if (!fields.empty()) {
        for (LabeledField& f : fields) page.layout.fields.push_back(std::move(f));
        for (Frag& f : p.frags) {  // read: no unruled table or field of them again
          const double cx = (f.box.x0 + f.box.x1) / 2, cy = CenterY(f.box);
          if (cx > t.box.x0 && cx < t.box.x1 && cy > t.box.y0 && cy < t.box.y1) f.in_table = true;
        }
        continue;
      }
    }
    if (IsLabelColumn(page, t, header_rows) || IsFormGrid(page, t, header_rows)) {
      std::vector<const TableCell*> paired;
      for (LabeledField& f : BesideCells(page, t, &paired)) page.layout.fields.push_back(std::move(f));
      // Labels alone over boxes of their value (a form's comb boxes); a
      // label box BesideCells paired keeps its pair.
      for (const TableCell& c : t.cells) {
        if (std::any_of(page.layout.fields.begin(), page.layout.fields.end(),
                        [&](const LabeledField& f) { return f.label_words == c.words; })) {
          continue;
        }
        if (std::optional<LabeledField> over = LabelOverBoxes(page, t, c, &paired)) {
          page.layout.fields.push_back(std::move(*over));
        }
      }
      for (Frag& f : p.frags) {  // paired boxes are read: no field of them again
        const double cx = (f.box.x0 + f.box.x1) / 2, cy = CenterY(f.box);
        for (const TableCell* c : paired) {
          if (cx > c->box.x0 && cx < c->box.x1 && cy > c->box.y0 && cy < c->box.y1) f.in_table = true;
        }
      }
      continue;
    }
    TypeHeader(page, header_rows, &t);
    for (Frag& f : p.frags) {
      const double cx = (f.box.x0 + f.box.x1) / 2, cy = CenterY(f.box);
      if (cx > t.box.x0 && cx < t.box.x1 && cy > t.box.y0 && cy < t.box.y1) f.in_table = true;
    }
    page.layout.tables.push_back(std::move(t));
  }
}

// ---------------------------------------------------------------- unruled

// In a table numbered by a row column ("No.", "#"), a row with no number
// is the wrapped lines of a numbered row's cells ("(305) 555-" over
// "0191"), which assembly set as a band of their own: it joins the
// numbered row nearest it (above on a tie). Unruled tables only: a drawn
// row is a row.
// Lines as near one row as the next, within kRowTie, are the upper row's: a
// cell wraps downward. Without the margin a wrapped header line halfway
// between two rows ("Fear" / "screening" / "Status") went to one or the
// other by the last bits of its coordinates.
constexpr double kRowTie = 0.5;  // points

void MergeUnnumberedRows(const PageText& page, Table* t) {
  int key = -1;
  for (int c = 0; c < static_cast<int>(t->header_keys.size()); ++c) {
    if (t->header_keys[static_cast<size_t>(c)] == "row") key = c;
  }
  if (key < 0 || t->ruled) return;
  const size_t rows = static_cast<size_t>(t->rows);
  std::vector<double> number_y(rows, -1), sum_y(rows, 0);
  std::vector<int> cells(rows, 0);
  for (const TableCell& c : t->cells) {
    sum_y[static_cast<size_t>(c.row)] += CenterY(c.box);
    ++cells[static_cast<size_t>(c.row)];
    if (c.column == key && c.row >= t->header_rows) number_y[static_cast<size_t>(c.row)] = CenterY(c.box);
  }
  std::vector<int> target(rows);
  std::iota(target.begin(), target.end(), 0);
  int numbered = 0;
  for (size_t r = static_cast<size_t>(t->header_rows); r < rows; ++r) numbered += number_y[r] >= 0 ? 1 : 0;
  if (numbered < 2) return;
  for (size_t r = static_cast<size_t>(t->header_rows); r < rows; ++r) {
    if (number_y[r] >= 0 || cells[r] == 0) continue;
    const double y = sum_y[r] / cells[r];
    int above = -1, below = -1;
    for (int a = static_cast<int>(r) - 1; a >= t->header_rows && above < 0; --a) above = number_y[a] >= 0 ? a : -1;
    for (size_t b = r + 1; b < rows && below < 0; ++b) below = number_y[b] >= 0 ? static_cast<int>(b) : -1;
    if (above < 0 && below < 0) continue;
    if (above < 0 || (below >= 0 && std::fabs(number_y[below] - y) < std::fabs(y - number_y[above]) - kRowTie)) {
      target[r] = below;
    } else {
      target[r] = above;
    }
  }
  std::vector<int> renumber(rows, 0);
  int next = 0;
  for (size_t r = 0; r < rows; ++r) {
    if (target[r] == static_cast<int>(r)) renumber[r] = next++;
  }
  if (next == t->rows) return;
  std::map<std::pair<int, int>, TableCell> merged;
  for (const TableCell& c : t->cells) {
    const int row = renumber[static_cast<size_t>(target[static_cast<size_t>(c.row)])];
    auto [it, fresh] = merged.try_emplace({row, c.column}, TableCell{row, c.column, c.words, c.box});
    if (fresh) continue;
    it->second.words.insert(it->second.words.end(), c.words.begin(), c.words.end());
    it->second.words = SortedWords(page, it->second.words);
    it->second.box = it->second.box.Union(c.box);
  }
  t->cells.clear();
  for (auto& [at, cell] : merged) t->cells.push_back(std::move(cell));
  t->rows = next;
}

struct Column {
  double x0, x1;
  int starts = 0;  // frags that begin in it
};

// Columns of a run of bands: the x-ranges covered by words, split where a
// vertical river of white runs through every band; a range in which no
// line begins only continues the one before it.
std::vector<Column> Columns(const Page& p, const std::vector<int>& bands) {
  const PageText& page = *p.page;
  std::vector<std::pair<double, double>> spans;
  for (int b : bands) {
    if (p.bands[b].size() < 2) continue;
    for (int f : p.bands[b]) {
      for (int w : p.frags[f].words) {
        spans.push_back({page.words[w].box.x0, page.words[w].box.x1});
      }
      for (const Rect& blank : p.frags[f].blanks) spans.push_back({blank.x0, blank.x1});
    }
  }
  std::sort(spans.begin(), spans.end());
  std::vector<Column> cols;
  for (const auto& [x0, x1] : spans) {
    if (!cols.empty() && x0 <= cols.back().x1 + 1.0) {
      cols.back().x1 = std::max(cols.back().x1, x1);
    } else {
      cols.push_back({x0, x1, 0});
    }
  }
  for (int b : bands) {
    for (int f : p.bands[b]) {
      for (Column& c : cols) {
        if (p.frags[f].box.x0 >= c.x0 - 0.5 && p.frags[f].box.x0 <= c.x1) ++c.starts;
      }
    }
  }
  std::vector<Column> merged;
  for (const Column& c : cols) {
    if (!merged.empty() && c.starts < 2) {
      merged.back().x1 = c.x1;
    } else {
      merged.push_back(c);
    }
  }
  return merged;
}

int ColumnOf(const std::vector<Column>& cols, double x0) {
  int c = 0;
  while (c + 1 < static_cast<int>(cols.size()) && cols[c + 1].x0 <= x0 + 0.5) ++c;
  return c;
}

// The columns of a run whose first bands may be group headers centred over
// the columns they group ("Class Member" from inside the name column to
// inside the date-of-birth one, as a merged cell is centred): such a band
// holds fewer cells than the run's widest band, comes before it, and its
// text bridges the white between columns. Columns are found without those
// bands when that keeps more of them apart.
std::vector<Column> ColumnsUnderGroupHeaders(const Page& p, const std::vector<int>& bands) {
  std::vector<Column> cols = Columns(p, bands);
  size_t widest = 0;
  for (int b : bands) widest = std::max(widest, p.bands[b].size());
  std::vector<int> below;
  bool reached = false;
  for (int b : bands) {
    reached |= p.bands[b].size() == widest;
    if (reached) below.push_back(b);
  }
  if (below.size() == bands.size()) return cols;
  std::vector<Column> apart = Columns(p, below);
  return apart.size() > cols.size() ? apart : cols;
}

// Whether a band reads as a header of a table of people: three pieces or
// more that are labels, one of them for names, A-numbers or dates of birth
// (a class list's header repeated over its last row on a later page).
bool IsPeopleHeaderBand(const Page& p, int band) {
  int labels = 0;
  bool people = false;
  for (int f : p.bands[static_cast<size_t>(band)]) {
    const std::string key = LabelKey(p.frags[static_cast<size_t>(f)].text);
    labels += key.empty() ? 0 : 1;
    people |= key == "name" || key == "a_number" || key == "dob";
  }
  return labels >= 3 && people;
}

// A run of bands becomes a table when three bands or more fill at least
// half of two columns or more (two, under a header of a table of people).
// Bands that fill fewer (a wrapped cell's second line, a header's first)
// belong to the nearest full row.
void TableFromRun(Page& p, const std::vector<int>& bands) {
  PageText& page = *p.page;
  const std::vector<Column> cols = ColumnsUnderGroupHeaders(p, bands);
  if (cols.size() < 2) return;
  const int ncols = static_cast<int>(cols.size());
  std::vector<int> anchors;
  // Bands of two cells or more above the first full row are rows of their
  // own, each cell whole where it starts: group headers centred over the
  // columns they group fill fewer columns than a full row.
  std::set<int> group_bands;
  for (int b : bands) {
    std::vector<int> seen(cols.size(), 0);
    for (int f : p.bands[b]) seen[static_cast<size_t>(ColumnOf(cols, p.frags[f].box.x0))] = 1;
    const int filled = std::accumulate(seen.begin(), seen.end(), 0);
    if (filled >= 2 && filled * 2 >= ncols) {
      anchors.push_back(b);
    } else if (anchors.empty() && filled >= 2) {
      anchors.push_back(b);
      group_bands.insert(b);
    }
  }
  const size_t least = !bands.empty() && IsPeopleHeaderBand(p, bands.front()) ? 2 : 3;
  if (anchors.size() < least + group_bands.size()) return;
  auto band_y = [&](int b) { return CenterY(p.frags[p.bands[b][0]].box); };
  Table t;
  t.columns = ncols;
  t.rows = static_cast<int>(anchors.size());
  for (const Column& c : cols) t.column_left.push_back(c.x0), t.column_right.push_back(c.x1);
  std::vector<std::vector<int>> words(static_cast<size_t>(t.rows * ncols));
  std::vector<Rect> boxes(words.size());
  bool first = true;
  for (int b : bands) {
    int row = 0;
    for (int a = 1; a < t.rows; ++a) {
      if (std::fabs(band_y(anchors[a]) - band_y(b)) < std::fabs(band_y(anchors[row]) - band_y(b)) - kRowTie) {
        row = a;  // nearer by more than a tie
      }
    }
    for (int f : p.bands[b]) {
      p.frags[f].in_table = true;
      t.box = first ? p.frags[f].box : t.box.Union(p.frags[f].box);
      first = false;
      for (int w : p.frags[f].words) {
        const double x0 = group_bands.count(b) ? p.frags[f].box.x0 : page.words[w].box.x0;
        const size_t k = static_cast<size_t>(row * ncols + ColumnOf(cols, x0));
        boxes[k] = words[k].empty() ? page.words[w].box.ToRect() : boxes[k].Union(page.words[w].box);
        words[k].push_back(w);
      }
    }
  }
  for (int r = 0; r < t.rows; ++r) {
    for (int c = 0; c < ncols; ++c) {
      const size_t k = static_cast<size_t>(r * ncols + c);
      if (!words[k].empty()) t.cells.push_back({r, c, SortedWords(page, words[k]), boxes[k]});
    }
  }
  const int header_rows = HeaderRowCount(page, t);
  if (IsLabelColumn(page, t, header_rows) || IsFormGrid(page, t, header_rows)) {
    for (int b : bands) {
      for (int f : p.bands[b]) p.frags[f].in_table = false;
    }
    return;
  }
  TypeHeader(page, header_rows, &t);
  MergeUnnumberedRows(page, &t);
  page.layout.tables.push_back(std::move(t));
}

// Runs of narrow lines close together; each is offered to TableFromRun.
// A one-line band at either end of a run joins it only when it touches the
// band next to it (a header's or a cell's other line).
void UnruledTables(Page& p) {
  const double narrow = 0.45 * std::max(p.page->geometry.display_width, 1.0);
  auto top = [&](int b) {
    double y = 1e18;
    for (int f : p.bands[b]) y = std::min(y, p.frags[f].box.y0);
    return y;
  };
  auto bottom = [&](int b) {
    double y = -1e18;
    for (int f : p.bands[b]) y = std::max(y, p.frags[f].box.y1);
    return y;
  };
  auto single = [&](int b) { return p.bands[b].size() < 2; };
  // Whether band b starts three cells or more where band a starts them
  // (at least half of b's): the next row of the same table, however far
  // below (a court's attachment sets its rows two lines apart).
  auto aligned = [&](int a, int b) {
    int same = 0;
    for (int f : p.bands[b]) {
      const double x0 = p.frags[f].box.x0;
      same += std::any_of(p.bands[a].begin(), p.bands[a].end(),
                          [&](int g) { return std::fabs(p.frags[g].box.x0 - x0) <= 2.0; }) ? 1 : 0;
    }
    return same >= 3 && same * 2 >= static_cast<int>(p.bands[b].size());
  };
  // A form's next label row under its values is set in another size (an
  // I-213's small labels over its values); a table's next row is not.
  auto size_of = [&](int b) {
    for (int f : p.bands[b]) {
      if (!p.frags[f].words.empty()) return p.page->words[p.frags[f].words[0]].font_size;
    }
    return p.frags[p.bands[b][0]].blank_size;
  };
  auto same_size = [&](int a, int b) { return std::fabs(size_of(a) - size_of(b)) <= 0.1 * std::max(size_of(a), size_of(b)); };
  auto next_row = [&](const std::vector<int>& run, int b, double h) {
    if (top(b) - bottom(run.back()) > 4 * h) return false;
    for (auto it = run.rbegin(); it != run.rend(); ++it) {
      if (p.bands[*it].size() >= 3) return aligned(*it, b) && same_size(*it, b);
    }
    return false;
  };
  std::vector<int> run;
  auto flush = [&] {
    while (run.size() >= 2 && single(run.back()) &&
           top(run.back()) - bottom(run[run.size() - 2]) > 0.5 * Height(p.frags[p.bands[run.back()][0]].box)) {
      run.pop_back();
    }
    if (run.size() >= 3 || (run.size() == 2 && IsPeopleHeaderBand(p, run.front()))) TableFromRun(p, run);
    run.clear();
  };
  for (int b = 0; b < static_cast<int>(p.bands.size()); ++b) {
    bool fits = true, all_narrow = true;
    double h = 1;
    for (int f : p.bands[b]) {
      fits &= !p.frags[f].in_table && p.frags[f].box.width() < narrow;
      all_narrow &= p.frags[f].box.width() < narrow;
      h = std::max(h, Height(p.frags[f].box));
    }
    // A people table's header read as a form's labels (a class list's header
    // repeated over the last row on a later page, boxed by its rules) still
    // heads the rows under it.
    if (!fits && all_narrow && run.empty() && IsPeopleHeaderBand(p, b)) fits = true;
    if (!run.empty() && top(b) - bottom(run.back()) > 1.5 * h && !(fits && next_row(run, b, h))) flush();
    if (!fits) {
      flush();
      continue;
    }
    if (!run.empty() && std::all_of(run.begin(), run.end(), single)) {
      // Lines before any row: only the one touching this band may be a
      // header's first line; the others are titles or prose.
      const int last = run.back();
      run.clear();
      if (top(b) - bottom(last) <= 0.5 * h) run.push_back(last);
    }
    run.push_back(b);
  }
  flush();
}

// ---------------------------------------------------------------- fields

std::vector<int> WordsFrom(const Frag& f, size_t offset) {
  std::vector<int> out;
  const std::vector<int>& words = f.words;
  for (size_t k = 0; k < words.size(); ++k) {
    if (f.word_offset[k] >= offset) out.push_back(words[k]);
  }
  return out;
}

std::vector<int> WordsBefore(const Frag& f, size_t offset) {
  std::vector<int> out;
  const std::vector<int>& words = f.words;
  for (size_t k = 0; k < words.size(); ++k) {
    if (f.word_offset[k] < offset) out.push_back(words[k]);
  }
  return out;
}

// Whether a drawn vertical line between a label and the text right of it
// bounds a box (the text is the next box's); the short side of a check
// box's square just before its answer does not.
bool BoxBoundaryBetween(const std::vector<Ruling>& vertical, const Rect& label, const Rect& right) {
  const double y = CenterY(label);
  auto it = std::lower_bound(vertical.begin(), vertical.end(), label.x1,
                             [](const Ruling& r, double x) { return r.from.x < x; });
  for (; it != vertical.end() && it->from.x <= right.x0; ++it) {
    if (it->from.y > y || it->to.y < y) continue;
    const bool check_box = it->from.x >= right.x0 - 14 && it->to.y - it->from.y <= 1.6 * Height(label);
    if (!check_box) return true;
  }
  return false;
}

// Whether a drawn horizontal line runs between a label and the text below
// it, under the label: the text is the next box's (a form of boxes whose
// values were removed: the box below's label is no value of this one). A
// check box's square before its answer is no such line: a box's edge is
// longer than a few letters are high.
bool RuledUnder(const std::vector<Ruling>& horizontal, const Rect& label, const Rect& below) {
  const double x = (label.x0 + label.x1) / 2;
  auto it = std::lower_bound(horizontal.begin(), horizontal.end(), label.y1 - 1,
                             [](const Ruling& r, double y) { return r.from.y < y; });
  for (; it != horizontal.end() && it->from.y <= below.y0 + 1; ++it) {
    const bool check_box = it->to.x - it->from.x <= 3 * std::max(Height(label), Height(below));
    if (!check_box && it->from.x <= x && it->to.x >= x) return true;
  }
  return false;
}

// Whether `text` opens with a label of its own: one to three words of
// letters and a colon, then more ("Centro: Florence Service Processing
// Center"), as a form's next field reads under a label no list knows. A
// time ("10:30") or a number is no such label.
bool OpensWithALabel(std::string_view text) {
  const size_t colon = text.find(':');
  if (colon == std::string_view::npos || colon == 0 || colon + 1 >= text.size()) return false;
  const std::string_view head = text.substr(0, colon);
  int words = 1;
  for (size_t i = 0; i < head.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(head[i]);
    if (c == ' ') {
      if (i == 0 || head[i - 1] == ' ') return false;
      ++words;
    } else if (std::isdigit(c) || c == ',' || c == '.' || c == ';') {
      return false;
    }
  }
  const unsigned char first = static_cast<unsigned char>(head.front());
  return words <= 3 && (std::isupper(first) || first >= 0x80);
}

// The value of a label that fills a line of its own: the next line piece to
// its right, else the nearest one below it (under the label, within two
// lines), skipping a second line of the same label (a bilingual label).
int ValueFrag(const Page& p, int label, const std::string& key) {
  const Frag& l = p.frags[label];
  const std::vector<int>& band = p.bands[l.band];
  for (size_t k = 0; k + 1 < band.size(); ++k) {
    if (band[k] != label) continue;
    const Frag& right = p.frags[band[k + 1]];
    // Text beyond a drawn line is the next box's, not this label's value
    // (a check box's square just before its answer is no such line).
    if (!right.in_table && !IsLabelText(right.text) &&
        right.box.x0 - l.box.x1 < 0.35 * p.page->geometry.display_width &&
        !BoxBoundaryBetween(p.vertical, l.box, right.box)) {
      return band[k + 1];
    }
    break;
  }
  double bottom = l.box.y1;
  for (int b = l.band + 1; b < static_cast<int>(p.bands.size()); ++b) {
    bool any_near = false;
    for (int f : p.bands[b]) {
      const Frag& v = p.frags[f];
      if (v.box.y0 > bottom + 2.5 * Height(l.box)) continue;
      any_near = true;
      const bool under = v.box.x0 < l.box.x1 && v.box.x1 > l.box.x0 && v.box.x0 >= l.box.x0 - 12;
      if (!under || v.in_table || RuledUnder(p.horizontal, l.box, v.box)) continue;
      const bool note = v.text.front() == '(' && v.text.back() == ')' && !HasDigit(v.text);
      if (FieldKey(v.text) == key || note) {
        bottom = v.box.y1;  // the label's second language, or its note ("(where you reside)")
        continue;
      }
      if (IsLabelText(v.text) || OpensWithALabel(v.text)) return -1;
      return f;
    }
    if (!any_near) break;
  }
  return -1;
}

// Whether `text` holds a check mark or a filled box, as forms mark the
// chosen answer ("✔ Yes", "■ No", "☒ Positive").
bool HasCheckMark(const std::string& text) {
  static constexpr std::string_view kMarks[] = {
      "\u2713", "\u2714", "\u2715", "\u2716", "\u2717", "\u2718",  // ✓ ✔ ✕ ✖ ✗ ✘
      "\u2611", "\u2612", "\u25A0", "\u25AA", "\u25FC", "\u25CF"};  // ☑ ☒ ■ ▪ ◼ ●
  return std::any_of(std::begin(kMarks), std::end(kMarks),
                     [&](std::string_view m) { return text.find(m) != std::string::npos; });
}

// The value of `label` whose first piece is `value`: when its line holds a
// check mark, the answers are check boxes, and the value is every answer
// on that line from the first piece on (one box over the checked square
// alone would tell which it was); otherwise the piece itself.
std::vector<int> AnswerWords(const Page& p, int label, int value) {
  const Frag& v = p.frags[value];
  std::vector<int> pieces;
  bool marked = false;
  for (int f : p.bands[v.band]) {
    const Frag& piece = p.frags[f];
    if (piece.in_table || piece.box.x0 < v.box.x0 - 1 || f == label) continue;
    if (piece.box.x0 > v.box.x0 && piece.text.back() == ':') break;  // the next field's label
    pieces.push_back(f);
    marked |= HasCheckMark(piece.text);
  }
  if (!marked) return v.words;
  std::vector<int> words;
  for (int f : pieces) words.insert(words.end(), p.frags[f].words.begin(), p.frags[f].words.end());
  return words;
}

// A transcript's or sworn statement's question and its answer are a label
// and its value ("Q: What is your date of birth? / A: October 21, 1988.",
// "Q: What is your mother's name? A: Marie-Ange Dorvil.", "Q. Where were
// you born? / A. In Tocoa, …"): the question's
// words, the answer's up to the end of its line. Pleading line numbers may
// sit between them.
void QuestionAnswerFields(PageText& page) {
  // The answer follows "A:" on the question's line, or is the next line
  // that asks nothing (OCR may lose a scan's "Q:" and "A:" column).
  static const RE2 kQa(
      R"((?im)^[ \t]*(?:Q[ \t]*[.:][ \t]*)?(?:(?:what|which|cu[aá]l)[ \t]+(?:is|was|are|were|es|era)[ \t]+(?:your|the|su|tu)[ \t]+([^?\n]{3,60})|(where[ \t]+were[ \t]+you[ \t]+born|d[oó]nde[ \t]+naci[oó](?:[ \t]+usted)?))\?[ \t]*(?:A[ \t]*[.:][ \t]*([^\n]{1,100})|\n[\s\d]*?(?:A[ \t]*[.:][ \t]*)?(?:\n[\s\d]*)?([^\n?]{1,100})(?:\n|$)))");
  re2::StringPiece rest(page.text), asked_your, asked_born, inline_answer, next_answer;
  while (RE2::FindAndConsume(&rest, kQa, &asked_your, &asked_born, &inline_answer, &next_answer)) {
    const re2::StringPiece asked = asked_your.empty() ? asked_born : asked_your;
    const re2::StringPiece answer = inline_answer.empty() ? next_answer : inline_answer;
    const std::string key = QuestionKey(std::string_view(asked.data(), asked.size()));
    if (key.empty() || key == "public") continue;
    const size_t q_begin = static_cast<size_t>(asked.data() - page.text.data()), q_end = q_begin + asked.size();
    const size_t a_begin = static_cast<size_t>(answer.data() - page.text.data()), a_end = a_begin + answer.size();
    LabeledField field{key, {}, {}, false};
    for (int w = 0; w < static_cast<int>(page.words.size()); ++w) {
      const Word& word = page.words[static_cast<size_t>(w)];
      if (word.text_begin >= q_begin && word.text_end <= q_end) field.label_words.push_back(w);
      if (word.text_begin >= a_begin && word.text_end <= a_end) field.value_words.push_back(w);
    }
    // The answer's own mark, past a blank line ("A. In Tocoa, …").
    if (!field.value_words.empty()) {
      const std::string& mark = page.words[static_cast<size_t>(field.value_words.front())].text;
      if (mark == "A." || mark == "A:" || mark == "R." || mark == "R:") field.value_words.erase(field.value_words.begin());
    }
    if (!field.value_words.empty()) page.layout.fields.push_back(std::move(field));
  }
}

// Whether `text` is one character (one UTF-8 code point).
bool OneCharacter(const std::string& text) {
  if (text.empty()) return false;
  size_t points = 0;
  for (unsigned char c : text) points += (c & 0xC0) != 0x80 ? 1 : 0;
  return points == 1;
}

// The words of a comb field right of `label` on its line: three boxes or
// more, one character each, drawn one after the other ("B R I C E Ñ O",
// an empty box between words: at most three boxes' pitch apart), each
// piece of its own because a drawn line runs between every two. Empty
// when no such run follows the label.
std::vector<int> CombRun(const Page& p, int label) {
  const Frag& l = p.frags[static_cast<size_t>(label)];
  const std::vector<int>& band = p.bands[static_cast<size_t>(l.band)];
  const auto at = std::find(band.begin(), band.end(), label);
  std::vector<int> letters;
  std::vector<double> x0s;
  for (auto it = at + 1; it != band.end(); ++it) {
    const Frag& f = p.frags[static_cast<size_t>(*it)];
    if (f.in_table || f.words.size() != 1 || !OneCharacter(f.text)) break;
    if (letters.empty() && f.box.x0 - l.box.x1 > 0.35 * p.page->geometry.display_width) break;
    x0s.push_back(f.box.x0);
    letters.push_back(f.words[0]);
  }
  if (letters.size() < 3) return {};
  double pitch = 1e18;
  for (size_t k = 1; k < x0s.size(); ++k) pitch = std::min(pitch, x0s[k] - x0s[k - 1]);
  if (pitch < 1) return {};
  size_t run = 1;  // the letters up to the first gap wider than three boxes
  while (run < x0s.size() && x0s[run] - x0s[run - 1] <= 3.2 * pitch) ++run;
  if (run < 3) return {};
  letters.resize(run);
  return letters;
}

// "Respondent: BRICEÑO CARRASQUEL, YUSMARY COROMOTO  A# 245-703-168": a
// party's role alone before a colon labels a name when its line goes on
// to an A-number (an EOIR notice's certificate of service). Alone,
// "Respondent" is also the warden a habeas petition names: no label. The
// name is the words before the number and its label.
std::vector<int> NameBeforeANumber(const Page& p, int label) {
  const Frag& f = p.frags[static_cast<size_t>(label)];
  const size_t colon = f.text.find(':');
  if (colon == std::string::npos) return {};
  const std::string role = NormalizeLabel(f.text.substr(0, colon));
  static const char* const kRoles[] = {"respondent", "lead respondent", "applicant", "principal applicant",
                                       "detainee", "beneficiary", "petitioner", "derivative", "rider",
                                       "demandado", "solicitante", "detenido", "detenida"};
  if (std::none_of(std::begin(kRoles), std::end(kRoles), [&](const char* r) { return role == r; })) return {};
  std::vector<int> words = WordsFrom(f, colon + 1);
  const std::vector<int>& band = p.bands[static_cast<size_t>(f.band)];
  for (auto it = std::find(band.begin(), band.end(), label) + 1; it != band.end(); ++it) {
    const Frag& next = p.frags[static_cast<size_t>(*it)];
    words.insert(words.end(), next.words.begin(), next.words.end());
  }
  const PageText& page = *p.page;
  auto digits = [&](int w) {
    const std::string& t = page.words[static_cast<size_t>(w)].text;
    return std::count_if(t.begin(), t.end(), [](char c) { return c >= '0' && c <= '9'; });
  };
  const auto number = std::find_if(words.begin(), words.end(), [&](int w) { return digits(w) > 0; });
  if (number == words.end() || digits(*number) < 7) return {};
  words.erase(number, words.end());
  while (!words.empty()) {
    const std::string& last = page.words[static_cast<size_t>(words.back())].text;
    if (NormalizeLabel(last) != "a" && LabelKey(last).empty()) break;
    words.pop_back();  // "A#", "A-Number"
  }
  return words;
}

// How many of a line piece's first words (one or two) are a label set
// apart from its value by a wide gap, with no colon: a scanned intake
// form's "Name      Nadege Célestin" under "Family members in the U.S.",
// read by OCR as one line. 0 when none.
size_t WideGapLabel(const PageText& page, const Frag& f) {
  if (f.words.size() < 2 || f.text.find(':') != std::string::npos) return 0;
  for (size_t k = 1; k <= 2 && k < f.words.size(); ++k) {
    const std::string label = f.text.substr(0, f.word_offset[k] - 1);
    if (FieldKey(label).empty()) continue;
    const Rect& last = page.words[static_cast<size_t>(f.words[k - 1])].box;
    const Rect& next = page.words[static_cast<size_t>(f.words[k])].box;
    if (next.x0 - last.x1 >= 1.2 * Height(last)) return k;
  }
  return 0;
}

void Fields(Page& p) {
  PageText& page = *p.page;
  for (int i = 0; i < static_cast<int>(p.frags.size()); ++i) {
    const Frag& f = p.frags[i];
    if (f.in_table) continue;
    size_t end = 0;
    std::string key = LabelKeyBeforeColon(f.text, &end);
    if (!key.empty() && IsColumnOnlyLabel(f.text.substr(0, end - 1))) key.clear();
    if (!key.empty()) {
      std::vector<int> value = WordsFrom(f, end);
      if (!value.empty()) {
        page.layout.fields.push_back({key, WordsBefore(f, end), std::move(value), false});
        continue;
      }
    }
    if (key.empty()) {
      if (std::vector<int> name = NameBeforeANumber(p, i); !name.empty()) {
        page.layout.fields.push_back({"name", WordsBefore(f, f.text.find(':') + 1), std::move(name), false});
        continue;
      }
    }
    if (key.empty()) {
      if (const size_t k = WideGapLabel(page, f); k > 0) {
        page.layout.fields.push_back({FieldKey(f.text.substr(0, f.word_offset[k] - 1)),
                                      std::vector<int>(f.words.begin(), f.words.begin() + static_cast<long>(k)),
                                      std::vector<int>(f.words.begin() + static_cast<long>(k), f.words.end()), false});
        continue;
      }
    }
    if (key.empty()) key = FieldKey(f.text);
    // A label whose value is blacked out has that value, not the next
    // line's text.
    if (key.empty() || f.ends_blank) continue;
    if (std::vector<int> comb = CombRun(p, i); !comb.empty()) {
      page.layout.fields.push_back({key, f.words, std::move(comb), false, true});
      continue;
    }
    const int v = ValueFrag(p, i, key);
    if (v < 0 || p.frags[v].words.empty()) continue;
    LabeledField field{key, f.words, AnswerWords(p, i, v), p.frags[v].band != f.band};
    page.layout.fields.push_back(std::move(field));
  }
}

// ---------------------------------------------------------------- roles

bool Has(const std::string& text, std::initializer_list<const char*> needles) {
  return std::any_of(needles.begin(), needles.end(),
                     [&](const char* n) { return text.find(n) != std::string::npos; });
}

struct BlockText {
  std::string norm;  // normalized (lower case, accents stripped)
  Rect box;
  int lines = 0;
  double line_chars = 0;  // mean characters per line
  int long_lines = 0;     // lines of more than 80 characters: prose
  int continued = 0;      // lines going on with the sentence above (opening
                          // with a small letter, no e-mail or web address):
                          // prose set in a narrow column
  int centered = 0;         // lines set centred on the body
  int narrow_centered = 0;  // of those, lines narrower than the body
  float size = 0;           // its largest font size
};

// Whether normalized text names counsel's role or firm.
bool NamesCounsel(const std::string& n) {
  return !Has(n, {"pro se", "por derecho propio"}) &&
         Has(n, {"attorney for", "attorneys for", "counsel for", "abogado de", "abogada de",
                 "bar no", "bar number", "bar #", "sbn", "state bar", "esq", "pro bono counsel",
                 "llp", "law office", "law group", "law center", "law firm", "legal aid",
                 "legal services", "law clinic", "p.c.", "pllc", "chief counsel", "trial attorney",
                 "on behalf of dhs", "on behalf of the department", "on behalf of respondent",
                 "on behalf of the respondent", "on behalf of the government", "en nombre del dhs",
                 // A docket sheet's attorney entries (PACER).
                 "lead attorney", "attorney to be noticed", "pro hac vice"});
}

// Whether a signature's normalized lines (a name, then a title and a
// firm) are counsel's: also by a title or a center's name that prose
// uses of others ("contacting the Upstate Refugee & Immigrant Legal
// Center through our intake form" in a quoted reply is no signature).
bool SignatureNamesCounsel(const std::string& n) {
  return NamesCounsel(n) || Has(n, {"staff attorney", "supervising attorney", "managing attorney",
                                    "attorney at law", "legal center", "legal services center"});
}

// Whether normalized text cites a statute, regulation or case (or quotes).
bool CitesLaw(const std::string& n) {
  return Has(n, {"\xC2\xA7", "c.f.r", "u.s.c", "f.3d", "f.4th", "f.2d", " u.s. ", "i&n dec", "\"", "ina "});
}

// Sections that run over several blocks: a certificate, from its title to
// the end of the page; a form's part for the person who prepared it
// (counsel, a representative), from its title to the next part or to where
// the form speaks of the applicant again.
struct RoleSections {
  bool in_certificate = false;
  float certificate_size = 0;  // the font size of the block that opened it
  bool in_preparer = false;
};

// Whether a form's part for its preparer starts (true) or ends (false)
// with this block; unchanged otherwise. Only a form's label lines open the
// part (`may_open`: no more than one prose line): a notice's paragraph that
// tells the reader they "may bring an attorney or accredited
// representative" opens none.
void TrackPreparerPart(const std::string& n, bool may_open, bool* in_preparer) {
  // The applicant's own signature lines, even beside the preparer's and the
  // interpreter's ("Signature of applicant / Preparer / Interpreter"), are
  // not the preparer's part: the applicant's name there would turn public.
  if (Has(n, {"signature of applicant", "applicant's signature", "signature of the applicant",
              "firma del solicitante", "firma de la solicitante"})) {
    *in_preparer = false;
    return;
  }
  if (Has(n, {"person preparing", "preparer", "preparador", "quien preparo", "persona que prepara",
              "attorney or accredited representative", "abogado o representante acreditado",
              "interpreter's name", "name of interpreter", "interpreter's telephone", "nombre del interprete",
              "telefono del interprete"})) {
    if (may_open) *in_preparer = true;
  } else if (*in_preparer && (n.starts_with("part ") || n.starts_with("parte ") ||
                              Has(n, {"applicant", "solicitante"}))) {
    *in_preparer = false;
  }
}

// Whether a block opens a certificate of translation, interpretation,
// transcription or service: it speaks of certifying and of translating,
// transcribing or serving, and its
// "certif…" comes where a certificate puts it, in its first 80 characters
// ("CERTIFICATE OF TRANSLATION", "I, Elena Vasquez, certify that…") or as
// a line's first or second word ("Translator's Certification"). Prose
// that only mentions a certified interpreter ("Interpreter: Mariana
// Castellanos (certified court interpreter)") opens none: a certificate
// runs to the end of the page and keeps the names in it.
bool OpensCertificate(const std::string& n) {
  if (Has(n, {"competent to translate", "competente para traducir"})) return true;
  // A translation's own heading ("CERTIFIED ENGLISH TRANSLATION" over the
  // translated declaration) titles what follows; it certifies nothing, and
  // the declarant's page under it is no translator's certificate.
  static const RE2 kTranslationHeading(
      R"(^\s*(?:certified(?:[ \t]+[a-z]+)?[ \t]+translation|traduccion(?:[ \t]+[a-z]+)?[ \t]+certificada)\s*$)");
  if (RE2::FullMatch(n, kTranslationHeading)) return false;
  if (!Has(n, {"translat", "traduc", "interpret", "service", "servicio", "served", "transcri", "court reporter"})) return false;
  // A document's kind is none ("including birth certificate translation",
  // a Vaughn index's row; "a marriage certificate and its translation").
  static const RE2 kKindBefore(
      R"((?:birth|death|marriage|baptismal|baptism|divorce|medical|school|police|naturalization|citizenship|vaccination)[ \t\n]+$)");
  static const RE2 kKindAfter(R"(^certificados?[ \t\n]+de[ \t\n]+(?:nacimiento|defuncion|matrimonio|bautismo))");
  for (size_t at = n.find("certif"); at != std::string::npos; at = n.find("certif", at + 1)) {
    // An adjective opens nothing ("through a court-certified interpreter").
    if (n.compare(at, 9, "certified") == 0 && at > 0 && n[at - 1] != '\n') continue;
    const size_t window = at > 24 ? at - 24 : 0;
    if (RE2::PartialMatch(re2::StringPiece(n.data() + window, at - window), kKindBefore) ||
        RE2::PartialMatch(re2::StringPiece(n.data() + at, std::min<size_t>(n.size() - at, 40)), kKindAfter)) {
      continue;
    }
    if (at < 80) return true;
    const size_t line = n.rfind('\n', at);
    const size_t from = line == std::string::npos ? 0 : line + 1;
    const std::string_view before = std::string_view(n).substr(from, at - from);
    if (before.find_first_not_of(' ') == std::string_view::npos) return true;
    const size_t words = static_cast<size_t>(std::count(before.begin(), before.end(), ' '));
    if (words <= 1 && before.back() == ' ' && before.find('(') == std::string_view::npos) return true;
  }
  return false;
}

// Where a block's role ends: the index of its first line, after the
// first, that opens another e-mail (a forwarded message's "----------
// Forwarded message ---------" or "From: …", a reply's "On … wrote:");
// the block's line count when none does. Printed threads run a signature
// and the next message's header together, and the sender of that message
// is not the signer's office.
size_t MessageHeaderLine(const PageText& page, const Block& block) {
  static const RE2 kOpens(
      R"((?i)^(?:[ \t>]*)(?:-{3,}[ \t]*(?:forwarded|original|mensaje)|from[ \t]*:|de[ \t]*:[ \t]*\S+.*@|on[ \t].*\bwrote:|on[ \t]+(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?[ \t]+\S+.*\d{4}|el[ \t].*\bescribi[oó]:|begin forwarded message))");
  for (size_t k = 1; k < block.lines.size(); ++k) {
    const Line& line = page.lines[static_cast<size_t>(block.lines[k])];
    if (line.words.empty()) continue;
    const size_t from = page.words[static_cast<size_t>(line.words.front())].text_begin;
    const size_t to = page.words[static_cast<size_t>(line.words.back())].text_end;
    if (RE2::PartialMatch(std::string_view(page.text).substr(from, to - from), kOpens)) return k;
  }
  return block.lines.size();
}

// A professional's letterhead set centred at the top of a letter, in
// lines as long as the page allows (a clinician's name, credentials,
// practice, address, "Tel. … • Fax … • e-mail"): every line centred, an
// office's contact line, a practice's or credential's word, and nothing
// that introduces a person the letter is about.
bool CenteredLetterhead(const BlockText& b, double page_height) {
  const std::string& n = b.norm;
  if (b.box.y1 >= 0.22 * page_height || b.lines < 2 || b.lines > 6 || b.centered < b.lines ||
      b.narrow_centered < 2) {
    return false;
  }
  if (b.continued > 1) return false;
  const bool contact = Has(n, {"tel.", "tel:", "phone", "telephone", "fax", "@", "www.", "suite"});
  const bool practice = Has(n, {"associates", "psy.d", "ph.d", "m.d.", "lcsw", "licensed", "inc.", "llc",
                                "center", "centre", "clinic", "hospital", "university", "institute",
                                "foundation", "network", "services", "practice", "consult", "law", "legal",
                                "llp", "esq", "rights", "program"});
  const bool about_someone = Has(n, {"re:", "dob", "a#", "a-number", "date of birth", "client", "applicant",
                                     "respondent", "declarant", "pro se", "detainee"});
  return contact && practice && !about_someone;
}

// Whether a block's line is a judge's: a judge's title ending it
// ("United States District Judge", "Hon. Ana Ruiz, Immigration Judge") or
// opening it and little after ("IMMIGRATION JUDGE", "SO ORDERED."). A
// title inside a line of prose or of a table's description is none:
// "Referral notice to Immigration Judge for Óscar …" (an exhibit list) made
// the column a judge's, and the class members it named public.
bool SignsAsJudge(const std::string& n) {
  static const char* const kTitles[] = {"district judge", "magistrate judge", "circuit judge", "immigration judge",
                                        "bankruptcy judge", "so ordered", "juez de inmigracion"};
  size_t from = 0;
  while (from < n.size()) {
    const size_t end = std::min(n.find('\n', from), n.size());
    const std::string_view line = std::string_view(n).substr(from, end - from);
    for (const char* title : kTitles) {
      const size_t at = line.find(title);
      if (at == std::string_view::npos) continue;
      const std::string_view rest = line.substr(at + std::strlen(title));
      const size_t word = rest.find_first_not_of(" \t.,;:)");
      // Nothing after it, or a short tail after a comma (", presiding").
      if (word == std::string_view::npos) return true;
      if (rest.find_first_of(",;") < word && rest.size() - word <= 24) return true;
      // A caption's label: "Immigration Judge: Hon. Patricia E." / "Oyelaran".
      if (rest.find(':') < word && rest.size() - word <= 40) return true;
      // "SO ORDERED this 3rd day of May" opens its line.
      if (std::string_view(title) == "so ordered" && line.substr(0, at).find_first_not_of(" \t") == std::string_view::npos) {
        return true;
      }
      if (std::string_view(title) == "so ordered" && line.substr(0, at) == "it is ") return true;
    }
    from = end + 1;
  }
  return false;
}

// The role a block's words and place give it, or none (false).
bool Classify(const BlockText& b, const PageText& page, double body_left, double body_right,
              RoleSections* sections, BlockRole* role) {
  bool* in_certificate = &sections->in_certificate;
  const double h = std::max(page.geometry.display_height, 1.0);
  const std::string& n = b.norm;
  // Signature blocks, letterheads and captions are set in short lines;
  // prose that merely mentions counsel or a court is not, nor a paragraph
  // run together with the signature under it (its tail has a role of its
  // own: SignatureTail).
  // A narrow column of prose is not: its sentences run on from line to
  // line (a shelter bulletin's announcements, naming volunteer attorneys
  // beside residents' phone numbers, took counsel's role).
  const bool prose_column = b.continued >= 2 && 4 * b.continued >= b.lines;
  // (One line up to 80 characters: "Daniel Okafor-Lindqvist, Esq. | Ohio
  // Bar No. 0101472 | (614) 555-0114" over a forwarded message.)
  const bool short_lines = (b.line_chars <= 60 || (b.lines == 1 && b.long_lines == 0)) && b.long_lines <= 1 &&
                           !prose_column;
  if (b.box.y1 < 0.075 * h) return *role = BlockRole::kHeader, true;
  // A form's preparer part may run into the bottom margin: its last boxes
  // there (the preparer's phone) are the preparer's, not a page footer's.
  if (b.box.y0 > 0.925 * h && !sections->in_preparer) return *role = BlockRole::kFooter, true;
  // A footnote under a certificate (set smaller: a brief's "(declaration
  // of Ms. Quintanilla)" at the foot of its last page) is no part of it.
  if (*in_certificate && b.size > 0 && b.size < 0.85F * sections->certificate_size) *in_certificate = false;
  if (OpensCertificate(n)) *in_certificate = true, sections->certificate_size = b.size;
  if (*in_certificate) return *role = BlockRole::kCertificate, true;
  TrackPreparerPart(n, b.long_lines <= 1, &sections->in_preparer);
  if (sections->in_preparer) return *role = BlockRole::kCounsel, true;
  if (short_lines && SignsAsJudge(n)) {
    return *role = BlockRole::kJudge, true;
  }
  if (short_lines && NamesCounsel(n)) return *role = BlockRole::kCounsel, true;
  if (short_lines && b.lines <= 4 && Has(n, {"/s/", "signature", "firma", "signed"})) {
    return *role = BlockRole::kSignature, true;
  }
  if (b.lines >= 2 && b.box.x0 >= body_left + 18 && b.box.x1 <= body_right - 18 && CitesLaw(n)) {
    return *role = BlockRole::kQuotation, true;
  }
  if (page.number == 1 && b.box.y0 < 0.5 * h &&
      Has(n, {" v. ", "\nv.\n", " vs. ", "case no", "civil action", "in the matter of",
              "en el asunto", "in removal proceedings", "petitioner,", "respondent.",
              "plaintiffs,", "defendants."})) {
    return *role = BlockRole::kCaption, true;
  }
  if (b.box.y1 < 0.22 * h && short_lines &&
      Has(n, {"law", "llp", "legal", "attorney", "clinic", "court", "department of",
              "project", "abogad", "p.c.", "pllc", "esq", "proyecto", "defens", "advocat",
              "rights", "derechos", "justice", "justicia", "immigrant", "inmigrante", "migrante"})) {
    return *role = BlockRole::kLetterhead, true;
  }
  if (CenteredLetterhead(b, h)) return *role = BlockRole::kLetterhead, true;
  // An office's address block is a few short lines naming it; prose that
  // mentions a court beside a person's address (set in a narrow column) is
  // none: its address is that person's.
  if (b.line_chars <= 45 && b.lines <= 8 &&
      Has(n, {"field office", "immigration and customs enforcement", "citizenship and immigration services",
              "immigration court", "asylum office", "executive office for immigration review",
              "enforcement and removal operations", "office of the chief counsel", "oficina de asilo",
              "corte de inmigracion"}) &&
      !Has(n, {"respondent", "applicant", "client", "declarant", "detainee", " he ", " she ", " i ", " my ",
               " her ", " his ", " their ", "resid", "lives", " live ", "vive", "solicitante", "cliente"})) {
    return *role = BlockRole::kOffice, true;
  }
  return false;
}

// Lines of a block set in from the body on both sides, two or more in a
// row, that cite a statute, regulation or case: a block quotation that the
// paragraphs around it ran into, because the producer left no more space
// before it than between lines (LibreOffice, groff's .QP). Each such run
// has the quotation role over its own span; the block keeps any other.
void QuotationsInBlock(PageText* page, int bi, double body_left, double body_right) {
  const Block& block = page->blocks[static_cast<size_t>(bi)];
  auto inset = [&](int l) {
    const Rect& r = page->lines[static_cast<size_t>(l)].box;
    return r.x0 >= body_left + 18 && r.x1 <= body_right - 18;
  };
  for (size_t k = 0; k < block.lines.size();) {
    if (!inset(block.lines[k])) {
      ++k;
      continue;
    }
    size_t j = k;
    while (j < block.lines.size() && inset(block.lines[j])) ++j;
    if (j - k >= 2 && j - k < block.lines.size()) {
      size_t begin = SIZE_MAX, end = 0;
      for (size_t l = k; l < j; ++l) {
        for (int w : page->lines[static_cast<size_t>(block.lines[l])].words) {
          begin = std::min<size_t>(begin, page->words[static_cast<size_t>(w)].text_begin);
          end = std::max<size_t>(end, page->words[static_cast<size_t>(w)].text_end);
        }
      }
      if (begin < end && CitesLaw(NormalizeString(std::string_view(page->text).substr(begin, end - begin)))) {
        page->layout.roles.push_back({BlockRole::kQuotation, bi, begin, end});
      }
    }
    k = j;
  }
}

// Whether a line is a letter's or a filing's closing ("Thank you,",
// "Sincerely,", "Respectfully submitted,").
bool IsClosing(const std::string& n) {
  static const char* const kClosings[] = {"thank you", "thanks", "sincerely", "respectfully", "respectfully submitted",
                                          "regards", "best regards", "kind regards", "very truly yours",
                                          "yours truly", "atentamente", "cordialmente", "saludos"};
  std::string t = n;
  while (!t.empty() && (t.back() == ',' || t.back() == '.' || t.back() == ' ')) t.pop_back();
  return std::any_of(std::begin(kClosings), std::end(kClosings), [&](const char* c) { return t == c; });
}

// Whether a signature's first line is a person's name, alone or before
// a title set off by "|" ("Aline Mbuyamba-Ross | Staff Attorney").
bool OpensWithNameLine(const PageText& page, const Line& line) {
  Line name = line;
  const auto bar = std::find_if(name.words.begin(), name.words.end(),
                                [&](int w) { return page.words[static_cast<size_t>(w)].text == "|"; });
  name.words.erase(bar, name.words.end());
  return !NameLineWords(page, name).empty();
}

// A signature set right under a paragraph, with no more space between them
// than between lines (an e-mail printed by Chromium: "... by Monday." /
// "Priya Raman-Holt" / "Assistant Chief Counsel" / ...): the short lines
// before line `last` of block `bi` (where a printed thread's next message
// opens, or its end), from a name line (after a date line or a closing, if
// any), have the counsel role when they name counsel's role or firm; the
// paragraph above keeps none of it.
void SignatureTail(PageText* page, int bi, size_t last) {
  const Block& block = page->blocks[static_cast<size_t>(bi)];
  auto chars = [&](int l) {
    size_t n = 0;
    for (int w : page->lines[static_cast<size_t>(l)].words) n += page->words[static_cast<size_t>(w)].text.size() + 1;
    return n;
  };
  auto line_text = [&](size_t k) {
    const Line& line = page->lines[static_cast<size_t>(block.lines[k])];
    std::string t;
    for (int w : line.words) t += (t.empty() ? "" : " ") + page->words[static_cast<size_t>(w)].text;
    return NormalizeString(t);
  };
  // The signature ends where the next message of a printed thread opens
  // (`last`: MessageHeaderLine), and above a confidentiality notice.
  while (last > 1 && Has(line_text(last - 1), {"confidential", "privileged", "intended only", "confidencial"})) --last;
  size_t first = last;
  while (first > 0 && chars(block.lines[first - 1]) <= 60) --first;
  // No prose above (a block of short lines Classify found no role for),
  // unless a closing opens it; or no tail.
  if ((first == 0 && !IsClosing(line_text(0))) || last - first < 2) return;
  // An e-mail's signature opens after its "--" line, whatever short line
  // of the message comes before it ("if you prefer to talk in Tigrinya.").
  for (size_t k = last; k-- > first;) {
    const std::string t = line_text(k);
    if (t == "--" || t == "\u2014") {
      first = k + 1;
      break;
    }
  }
  // A signature's date line ("Dated: July 25, 2025") and closing open it.
  if (first < last && line_text(first).starts_with("dated")) ++first;
  if (first < last && IsClosing(line_text(first))) ++first;
  // A given name signed alone above the full signature ("Aline" /
  // "Aline Mbuyamba-Ross | Staff Attorney").
  if (last - first >= 3 && line_text(first).find(' ') == std::string::npos &&
      line_text(first + 1).starts_with(line_text(first) + " ")) {
    ++first;
  }
  if (last - first < 2 || !OpensWithNameLine(*page, page->lines[static_cast<size_t>(block.lines[first])])) return;
  size_t begin = SIZE_MAX, end = 0;
  for (size_t k = first; k < last; ++k) {
    for (int w : page->lines[static_cast<size_t>(block.lines[k])].words) {
      begin = std::min<size_t>(begin, page->words[static_cast<size_t>(w)].text_begin);
      end = std::max<size_t>(end, page->words[static_cast<size_t>(w)].text_end);
    }
  }
  if (begin >= end || !SignatureNamesCounsel(NormalizeString(std::string_view(page->text).substr(begin, end - begin)))) return;
  page->layout.roles.push_back({BlockRole::kCounsel, bi, begin, end});
}

// Whether a block lies in a table whose columns list people (a header for
// their names, A-numbers or dates of birth): its cells are data, and no
// cell opens a role ("need certified translation" in a docket's Notes
// column opened a certificate that made the rest of the page public).
bool InPeoplesTable(const PageText& page, const Rect& box) {
  const double cx = (box.x0 + box.x1) / 2, cy = (box.y0 + box.y1) / 2;
  for (const Table& t : page.layout.tables) {
    if (t.header_rows == 0 || cx < t.box.x0 || cx > t.box.x1 || cy < t.box.y0 || cy > t.box.y1) continue;
    for (const std::string& key : t.header_keys) {
      if (key == "name" || key == "a_number" || key == "dob") return true;
    }
  }
  return false;
}

// A signature of several firms: "Respectfully submitted," then one block
// per firm, then "Attorneys for Plaintiffs …". A firm's block that names
// no counsel's word of its own ("IMMIGRANT RIGHTS CLINIC" / a name with
// "(S.D. Tex. No. 3319920)" / its address and phone) is counsel's too when
// counsel's blocks stand above and below it, set at the same left edge.
// `plain` holds the page's blocks of short lines that took no role.
void FirmsAmongCounsel(PageText* page, const std::vector<size_t>& plain) {
  std::vector<const RoleBlock*> counsel;
  for (const RoleBlock& r : page->layout.roles) {
    if (r.role == BlockRole::kCounsel && r.block >= 0) counsel.push_back(&r);
  }
  if (counsel.size() < 2) return;
  std::vector<RoleBlock> found;
  for (size_t bi : plain) {
    const Block& block = page->blocks[bi];
    if (std::any_of(page->layout.roles.begin(), page->layout.roles.end(),
                    [&](const RoleBlock& r) { return r.block == static_cast<int>(bi); })) {
      continue;  // a signature's tail took part of it
    }
    bool above = false, below = false;
    for (const RoleBlock* r : counsel) {
      const Rect& box = page->blocks[static_cast<size_t>(r->block)].box;
      if (std::fabs(box.x0 - block.box.x0) > 6) continue;
      above = above || box.y1 <= block.box.y0;
      below = below || box.y0 >= block.box.y1;
    }
    if (!above || !below) continue;
    size_t begin = SIZE_MAX, end = 0;
    for (int l : block.lines) {
      for (int w : page->lines[static_cast<size_t>(l)].words) {
        begin = std::min<size_t>(begin, page->words[static_cast<size_t>(w)].text_begin);
        end = std::max<size_t>(end, page->words[static_cast<size_t>(w)].text_end);
      }
    }
    if (begin < end) found.push_back({BlockRole::kCounsel, static_cast<int>(bi), begin, end});
  }
  for (RoleBlock& r : found) page->layout.roles.push_back(std::move(r));
}

void Roles(Page& p) {
  PageText& page = *p.page;
  double body_left = 1e18, body_right = -1e18;
  for (const Block& b : page.blocks) {
    if (b.lines.size() < 2) continue;
    body_left = std::min(body_left, b.box.x0);
    body_right = std::max(body_right, b.box.x1);
  }
  RoleSections sections;
  const double body_center = (body_left + body_right) / 2, body_width = body_right - body_left;
  std::vector<size_t> plain;  // blocks of short lines with no role: a firm's block among counsel's?
  for (int bi = 0; bi < static_cast<int>(page.blocks.size()); ++bi) {
    const Block& block = page.blocks[bi];
    size_t begin = SIZE_MAX, end = 0;
    int chars = 0, long_lines = 0, continued = 0, centered = 0, narrow_centered = 0, lines = 0;
    float size = 0;
    // A printed thread's next message is no part of this block's role.
    const size_t message = MessageHeaderLine(page, block);
    for (size_t k = 0; k < message; ++k) {
      const int l = block.lines[k];
      ++lines;
      const Rect& line = page.lines[l].box;
      if (std::abs((line.x0 + line.x1) / 2 - body_center) <= 6) {
        ++centered;
        narrow_centered += line.x1 - line.x0 < body_width - 24 ? 1 : 0;
      }
      int line_chars = 0;
      if (l != block.lines.front() && !page.lines[l].words.empty()) {
        const std::string& first = page.words[static_cast<size_t>(page.lines[l].words.front())].text;
        continued += std::islower(static_cast<unsigned char>(first[0])) && first.find('@') == std::string::npos &&
                             !first.starts_with("www") && !first.starts_with("http")
                         ? 1
                         : 0;
      }
      for (int w : page.lines[l].words) {
        begin = std::min<size_t>(begin, page.words[w].text_begin);
        end = std::max<size_t>(end, page.words[w].text_end);
        line_chars += static_cast<int>(page.words[w].text.size()) + 1;
        size = std::max(size, page.words[w].font_size);
      }
      chars += line_chars;
      long_lines += line_chars > 80 ? 1 : 0;
    }
    if (begin >= end || InPeoplesTable(page, block.box)) continue;
    BlockText bt{NormalizeString(std::string_view(page.text).substr(begin, end - begin)),
                 block.box, lines, static_cast<double>(chars) / std::max(lines, 1), long_lines, continued,
                 centered, narrow_centered, size};
    BlockRole role;
    const bool classified = Classify(bt, page, body_left, body_right, &sections, &role);
    if (classified) page.layout.roles.push_back({role, bi, begin, end});
    if (!classified && message == block.lines.size() && bt.lines <= 8 && bt.long_lines == 0 &&
        bt.line_chars <= 60) {
      plain.push_back(static_cast<size_t>(bi));
    }
    if (!classified) SignatureTail(&page, bi, message);
    if (!classified || role != BlockRole::kQuotation) QuotationsInBlock(&page, bi, body_left, body_right);
  }
  FirmsAmongCounsel(&page, plain);
}

}  // namespace

void BuildPageStructure(PageText* page) {
  page->layout = PageLayout{};
  page->layout.line_numbers = FindLineNumberColumn(*page);
  Page p = MakePage(page);
  if (!page->rulings.empty()) RuledTables(p);
  UnruledTables(p);
  Fields(p);
  QuestionAnswerFields(*page);
  Roles(p);
}

// Whether two or more of a table's cells open with a label of their own
// ("EOIR ID Number" over "EOIR ID: TV418265", "Texas Bar No." over its
// number): a form's boxes, which continue no table. A preparer's boxes on
// page 2 took page 1's children's "Date of Birth" column, and counsel's bar
// number was removed as a date of birth.
bool BoxesCarryTheirLabels(const PageText& page, const Table& t) {
  int labelled = 0;
  for (const TableCell& c : t.cells) {
    const std::vector<std::string> lines = CellLines(page, c);
    if (OpensWithSmallerHeading(page, c) || (lines.size() >= 2 && !LabelKey(lines.front()).empty())) ++labelled;
  }
  return labelled >= 2;
}

void LinkDocumentStructure(std::vector<PageText>* pages) {
  std::optional<Table> headed;  // the last table with a header of its own
  for (PageText& page : *pages) {
    for (Table& t : page.layout.tables) {
      if (t.header_rows > 0) {
        headed = t;
        continue;
      }
      if (!headed || BoxesCarryTheirLabels(page, t)) continue;
      // Each column takes the header of the column it overlaps most; all
      // must find one, and no two the same.
      std::vector<int> map;
      for (int c = 0; c < t.columns; ++c) {
        int best = -1;
        double best_overlap = 0;
        for (int h = 0; h < headed->columns; ++h) {
          const double o = std::min(t.column_right[c], headed->column_right[h]) -
                           std::max(t.column_left[c], headed->column_left[h]);
          if (o > best_overlap) best = h, best_overlap = o;
        }
        if (best < 0 || std::find(map.begin(), map.end(), best) != map.end()) break;
        map.push_back(best);
      }
      if (static_cast<int>(map.size()) != t.columns) continue;
      // A table with fewer columns continues the headed one only where each
      // column starts where its header's does: prose set with wide gaps (a
      // page whose replacements left room) overlaps some header's column
      // too, and took its header.
      bool aligned = true;
      for (int c = 0; c < t.columns && t.columns != headed->columns; ++c) {
        aligned = aligned && std::fabs(t.column_left[c] - headed->column_left[map[c]]) <= 10;
      }
      if (!aligned) continue;
      for (int c = 0; c < t.columns; ++c) {
        t.headers[c] = headed->headers[map[c]];
        t.header_keys[c] = headed->header_keys[map[c]];
      }
      t.header_inherited = true;
      MergeUnnumberedRows(page, &t);
    }
  }
}

}  // namespace redact
