#include "stages/assemble/assemble.h"

#include <algorithm>
#include <cmath>
#include <functional>

namespace redact {
namespace {

// Word-break thresholds, in units of the font size (pdftotext's values).
constexpr double kMaxBaselineShift = 0.5;  // points
constexpr double kMinWordGap = 0.1;
constexpr double kMaxOverlap = 0.2;
constexpr double kDuplicateAlong = 0.1;
constexpr double kDuplicateAcross = 0.2;
// Line and block grouping, in units of the font size.
constexpr double kMaxLineGap = 1.5;
constexpr double kMaxLineSpacing = 2.0;

// Coordinates in a frame where text runs along +along and lines advance
// along +across, whatever the rotation.
struct Frame {
  double along, across;
};
Frame ToFrame(Point p, int rotation) {
  switch (rotation) {
    case 1: return {p.y, -p.x};
    case 2: return {-p.x, -p.y};
    case 3: return {-p.y, p.x};
    default: return {p.x, p.y};
  }
}
struct Span {
  double along0, along1, across0, across1;
};
Span SpanOf(const Rect& r, int rotation) {
  Frame a = ToFrame({r.x0, r.y0}, rotation), b = ToFrame({r.x1, r.y1}, rotation);
  return {std::min(a.along, b.along), std::max(a.along, b.along),
          std::min(a.across, b.across), std::max(a.across, b.across)};
}

struct WordBuilder {
  Word word;
  double end_along = 0;   // along-coordinate where the last glyph ended
  double baseline = 0;    // across-coordinate of the baseline
};

void BuildWords(PageText* page) {
  std::vector<Word>& words = page->words;
  const std::vector<Glyph>& glyphs = page->glyphs;
  WordBuilder cur;
  bool open = false;
  auto finish = [&]() {
    if (open && !cur.word.glyphs.empty()) words.push_back(std::move(cur.word));
    cur = WordBuilder{};
    open = false;
  };
  for (int i = 0; i < static_cast<int>(glyphs.size()); ++i) {
    const Glyph& g = glyphs[i];
    if (g.is_space) {
      finish();
      continue;
    }
    const Frame start = ToFrame(g.baseline_start, g.rotation);
    const Frame end = ToFrame(g.baseline_end, g.rotation);
    if (open) {
      const Word& w = cur.word;
      const double fs = w.font_size;
      const double gap = start.along - cur.end_along;
      const bool same_line = g.rotation == w.rotation &&
                             std::fabs(start.across - cur.baseline) <= kMaxBaselineShift &&
                             std::fabs(g.font_size - fs) <= 0.01 * std::max(fs, 1.0);
      if (same_line) {
        // Overprinted twin of a recent glyph (fake bold): keep, not as text.
        bool duplicate = false;
        for (int k = static_cast<int>(w.glyphs.size()) - 1, n = 0; k >= 0 && n < 3; --k, ++n) {
          const Glyph& prev = glyphs[w.glyphs[k]];
          const Frame p = ToFrame(prev.baseline_start, prev.rotation);
          if (prev.text == g.text && std::fabs(p.along - start.along) < kDuplicateAlong * fs &&
              std::fabs(p.across - start.across) < kDuplicateAcross * fs) {
            duplicate = true;
            break;
          }
        }
        if (duplicate) {
          cur.word.duplicates.push_back(i);
          cur.word.box = cur.word.box.Union(g.box);
          continue;
        }
      }
      if (!same_line || gap > kMinWordGap * fs || gap < -kMaxOverlap * fs) finish();
    }
    if (!open) {
      open = true;
      cur.word.rotation = g.rotation;
      cur.word.font_size = g.font_size;
      cur.word.box = g.box;
      cur.baseline = start.across;
    }
    cur.word.glyphs.push_back(i);
    cur.word.text += g.text;
    cur.word.box = cur.word.box.Union(g.box);
    cur.end_along = std::max(end.along, start.along);
  }
  finish();
}

void BuildLines(PageText* page) {
  const std::vector<Word>& words = page->words;
  std::vector<int> order(words.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = static_cast<int>(i);
  auto baseline = [&](int w) {
    const Glyph& g = page->glyphs[words[w].glyphs.front()];
    return ToFrame(g.baseline_start, g.rotation);
  };
  std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
    if (words[a].rotation != words[b].rotation) return words[a].rotation < words[b].rotation;
    return baseline(a).across < baseline(b).across;
  });
  // Bands of words on (nearly) one baseline, then split bands at wide gaps.
  size_t i = 0;
  while (i < order.size()) {
    const int rot = words[order[i]].rotation;
    const double base0 = baseline(order[i]).across;
    const double tol = 0.5 * std::max(words[order[i]].font_size, 1.0);
    size_t j = i;
    while (j < order.size() && words[order[j]].rotation == rot &&
           baseline(order[j]).across - base0 <= tol) {
      ++j;
    }
    std::vector<int> band(order.begin() + i, order.begin() + j);
    std::stable_sort(band.begin(), band.end(), [&](int a, int b) {
      return SpanOf(words[a].box, rot).along0 < SpanOf(words[b].box, rot).along0;
    });
    Line line;
    double line_end = 0;
    for (int w : band) {
      const Span s = SpanOf(words[w].box, rot);
      const double fs = std::max(words[w].font_size, 1.0);
      if (!line.words.empty() && s.along0 - line_end > kMaxLineGap * fs) {
        page->lines.push_back(std::move(line));
        line = Line{};
      }
      if (line.words.empty()) {
        line.box = words[w].box;
      } else {
        line.box = line.box.Union(words[w].box);
      }
      line.words.push_back(w);
      line_end = line.words.size() == 1 ? s.along1 : std::max(line_end, s.along1);
    }
    if (!line.words.empty()) page->lines.push_back(std::move(line));
    i = j;
  }
}

int LineRotation(const PageText& page, const Line& l) {
  return page.words[l.words.front()].rotation;
}
double LineFontSize(const PageText& page, const Line& l) {
  double fs = 0;
  for (int w : l.words) fs = std::max(fs, page.words[w].font_size);
  return std::max(fs, 1.0);
}

void BuildBlocks(PageText* page, std::vector<Block>* blocks) {
  // Lines are already sorted by rotation and baseline.
  for (int li = 0; li < static_cast<int>(page->lines.size()); ++li) {
    const Line& line = page->lines[li];
    const int rot = LineRotation(*page, line);
    const Span s = SpanOf(line.box, rot);
    const double fs = LineFontSize(*page, line);
    Block* target = nullptr;
    for (auto it = blocks->rbegin(); it != blocks->rend(); ++it) {
      const Line& last = page->lines[it->lines.back()];
      if (LineRotation(*page, last) != rot) continue;
      const Span ls = SpanOf(last.box, rot);
      const double lfs = LineFontSize(*page, last);
      const double spacing = s.across1 - ls.across1;
      if (spacing <= 0 || spacing > kMaxLineSpacing * std::max(fs, lfs)) continue;
      if (s.along1 < ls.along0 || s.along0 > ls.along1) continue;
      if (std::max(fs, lfs) / std::min(fs, lfs) > 1.5) continue;
      target = &*it;
      break;
    }
    if (!target) {
      blocks->push_back(Block{});
      target = &blocks->back();
      target->box = line.box;
    }
    target->lines.push_back(li);
    target->box = target->box.Union(line.box);
  }
}

// Orders blocks by recursive XY cuts: top to bottom across horizontal gaps,
// else left to right across vertical gaps (columns).
void OrderBlocks(const PageText& page, std::vector<Block>& blocks, std::vector<int>& idx,
                 std::vector<int>* out, int depth) {
  if (idx.size() <= 1 || depth > 64) {
    out->insert(out->end(), idx.begin(), idx.end());
    return;
  }
  const int rot = LineRotation(page, page.lines[blocks[idx[0]].lines[0]]);
  auto span = [&](int b) { return SpanOf(blocks[b].box, rot); };
  auto cut = [&](bool across) -> bool {
    std::vector<int> sorted = idx;
    std::stable_sort(sorted.begin(), sorted.end(), [&](int a, int b) {
      return across ? span(a).across0 < span(b).across0 : span(a).along0 < span(b).along0;
    });
    std::vector<std::vector<int>> groups(1);
    double reach = across ? span(sorted[0]).across1 : span(sorted[0]).along1;
    groups[0].push_back(sorted[0]);
    for (size_t k = 1; k < sorted.size(); ++k) {
      const Span s = span(sorted[k]);
      const double begin = across ? s.across0 : s.along0;
      if (begin >= reach) groups.emplace_back();
      groups.back().push_back(sorted[k]);
      reach = std::max(reach, across ? s.across1 : s.along1);
    }
    if (groups.size() < 2) return false;
    for (auto& g : groups) OrderBlocks(page, blocks, g, out, depth + 1);
    return true;
  };
  if (cut(true) || cut(false)) return;
  std::vector<int> sorted = idx;
  std::stable_sort(sorted.begin(), sorted.end(), [&](int a, int b) {
    const Span sa = span(a), sb = span(b);
    return sa.across0 != sb.across0 ? sa.across0 < sb.across0 : sa.along0 < sb.along0;
  });
  out->insert(out->end(), sorted.begin(), sorted.end());
}

}  // namespace

void AssembleText(PageText* page) {
  page->words.clear();
  page->lines.clear();
  page->blocks.clear();
  page->text.clear();
  page->text_glyph.clear();

  BuildWords(page);
  BuildLines(page);
  std::vector<Block> blocks;
  BuildBlocks(page, &blocks);

  // Reading order: rotation 0 first, then the others, each by XY cuts.
  std::vector<int> ordered;
  for (int rot = 0; rot < 4; ++rot) {
    std::vector<int> idx;
    for (int b = 0; b < static_cast<int>(blocks.size()); ++b) {
      if (LineRotation(*page, page->lines[blocks[b].lines[0]]) == rot) idx.push_back(b);
    }
    OrderBlocks(*page, blocks, idx, &ordered, 0);
  }
  for (int b : ordered) page->blocks.push_back(std::move(blocks[b]));

  auto append_separator = [&](std::string_view sep) {
    page->text += sep;
    page->text_glyph.insert(page->text_glyph.end(), sep.size(), -1);
  };
  for (size_t b = 0; b < page->blocks.size(); ++b) {
    if (b > 0) append_separator("\n\n");
    const Block& block = page->blocks[b];
    for (size_t l = 0; l < block.lines.size(); ++l) {
      if (l > 0) append_separator("\n");
      const Line& line = page->lines[block.lines[l]];
      for (size_t w = 0; w < line.words.size(); ++w) {
        if (w > 0) append_separator(" ");
        for (int g : page->words[line.words[w]].glyphs) {
          const std::string& t = page->glyphs[g].text;
          page->text += t;
          page->text_glyph.insert(page->text_glyph.end(), t.size(), g);
        }
      }
    }
  }
}

}  // namespace redact
