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
// along +across, for any baseline direction (display space, y down).
struct Frame {
  double along, across;
};
Frame ToFrame(Point p, Point dir) {
  return {p.x * dir.x + p.y * dir.y, -p.x * dir.y + p.y * dir.x};
}
Point QuadrantDirection(int rotation) {
  switch (rotation) {
    case 1: return {0, 1};
    case 2: return {-1, 0};
    case 3: return {0, -1};
    default: return {1, 0};
  }
}
// The glyph's baseline direction; the quadrant's for zero-width glyphs.
Point GlyphDirection(const Glyph& g) {
  const double dx = g.baseline_end.x - g.baseline_start.x;
  const double dy = g.baseline_end.y - g.baseline_start.y;
  const double len = std::hypot(dx, dy);
  if (len < 1e-6) return QuadrantDirection(g.rotation);
  return {dx / len, dy / len};
}
// Directions within half a degree share a bucket (and so lines and blocks).
int DirectionBucket(Point dir) {
  return static_cast<int>(std::lround(std::atan2(dir.y, dir.x) * 180.0 / M_PI * 2.0));
}
Point BucketDirection(int bucket) {
  const double a = bucket / 2.0 * M_PI / 180.0;
  return {std::cos(a), std::sin(a)};
}

// Where a word sits in its bucket's frame.
struct WordGeom {
  int bucket = 0;
  double along0 = 0, along1 = 0;  // start of first glyph, end of last
  double across = 0;              // baseline
  double font_size = 1;
};

WordGeom GeomOf(const PageText& page, const Word& w) {
  WordGeom g;
  const Glyph& first = page.glyphs[w.glyphs.front()];
  const Glyph& last = page.glyphs[w.glyphs.back()];
  g.bucket = DirectionBucket(GlyphDirection(first));
  const Point dir = BucketDirection(g.bucket);
  const Frame a = ToFrame(first.baseline_start, dir);
  const Frame b = ToFrame(last.baseline_end, dir);
  g.along0 = std::min(a.along, b.along);
  g.along1 = std::max(a.along, b.along);
  g.across = a.across;
  g.font_size = std::max(w.font_size, 1.0);
  return g;
}

struct WordBuilder {
  Word word;
  Point dir;              // baseline direction of the word's first glyph
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
    if (g.superseded) continue;
    if (g.is_space) {
      finish();
      continue;
    }
    const Point gdir = GlyphDirection(g);
    if (open) {
      const Word& w = cur.word;
      const double fs = w.font_size;
      const Frame start = ToFrame(g.baseline_start, cur.dir);
      const double gap = start.along - cur.end_along;
      const bool same_direction = gdir.x * cur.dir.x + gdir.y * cur.dir.y > 0.9995;  // ~1.8°
      const bool same_line = same_direction &&
                             std::fabs(start.across - cur.baseline) <= kMaxBaselineShift &&
                             std::fabs(g.font_size - fs) <= 0.01 * std::max(fs, 1.0);
      if (same_line) {
        // Overprinted twin of a recent glyph (fake bold): keep, not as text.
        bool duplicate = false;
        for (int k = static_cast<int>(w.glyphs.size()) - 1, n = 0; k >= 0 && n < 3; --k, ++n) {
          const Glyph& prev = glyphs[w.glyphs[k]];
          const Frame p = ToFrame(prev.baseline_start, cur.dir);
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
      cur.dir = gdir;
      cur.word.rotation = g.rotation;
      cur.word.font_size = g.font_size;
      cur.word.box = g.box;
      cur.baseline = ToFrame(g.baseline_start, gdir).across;
    }
    const Frame start = ToFrame(g.baseline_start, cur.dir);
    const Frame end = ToFrame(g.baseline_end, cur.dir);
    // The gap to the next glyph is measured from the pen after character
    // spacing, as pdftotext does: letter-spaced text ("M a r i a") is one
    // word. Negative spacing (tight tracking) does not make glyphs overlap.
    const Frame pen = ToFrame(g.pen_end, cur.dir);
    cur.word.glyphs.push_back(i);
    cur.word.text += g.text;
    cur.word.box = cur.word.box.Union(g.box);
    cur.end_along = std::max({end.along, start.along, pen.along});
  }
  finish();
}

void BuildLines(PageText* page, const std::vector<WordGeom>& geom,
                std::vector<WordGeom>* line_geom) {
  const std::vector<Word>& words = page->words;
  std::vector<int> order(words.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = static_cast<int>(i);
  std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
    if (geom[a].bucket != geom[b].bucket) return geom[a].bucket < geom[b].bucket;
    return geom[a].across < geom[b].across;
  });
  // Bands of words on (nearly) one baseline, then split bands at wide gaps.
  size_t i = 0;
  while (i < order.size()) {
    const WordGeom& g0 = geom[order[i]];
    const double tol = 0.5 * g0.font_size;
    size_t j = i;
    while (j < order.size() && geom[order[j]].bucket == g0.bucket &&
           geom[order[j]].across - g0.across <= tol) {
      ++j;
    }
    std::vector<int> band(order.begin() + i, order.begin() + j);
    std::stable_sort(band.begin(), band.end(),
                     [&](int a, int b) { return geom[a].along0 < geom[b].along0; });
    Line line;
    WordGeom lg;
    for (int w : band) {
      const WordGeom& wg = geom[w];
      if (!line.words.empty() && wg.along0 - lg.along1 > kMaxLineGap * wg.font_size) {
        page->lines.push_back(std::move(line));
        line_geom->push_back(lg);
        line = Line{};
      }
      if (line.words.empty()) {
        line.box = words[w].box;
        lg = wg;
      } else {
        line.box = line.box.Union(words[w].box);
        lg.along1 = std::max(lg.along1, wg.along1);
        lg.font_size = std::max(lg.font_size, wg.font_size);
      }
      line.words.push_back(w);
    }
    if (!line.words.empty()) {
      page->lines.push_back(std::move(line));
      line_geom->push_back(lg);
    }
    i = j;
  }
}

struct BlockGeom {
  int bucket;
  double along0, along1, across0, across1;  // across of first/last baseline
  double top;                               // across0 minus the ascent
};

void BuildBlocks(PageText* page, const std::vector<WordGeom>& lg, std::vector<Block>* blocks,
                 std::vector<BlockGeom>* bg) {
  // Lines are sorted by direction and baseline.
  for (int li = 0; li < static_cast<int>(page->lines.size()); ++li) {
    const WordGeom& l = lg[li];
    int target = -1;
    for (int b = static_cast<int>(blocks->size()) - 1; b >= 0; --b) {
      const WordGeom& last = lg[(*blocks)[b].lines.back()];
      if (last.bucket != l.bucket) continue;
      const double fs = std::max(l.font_size, last.font_size);
      const double spacing = l.across - last.across;
      if (spacing <= 0 || spacing > kMaxLineSpacing * fs) continue;
      if (l.along1 < last.along0 || l.along0 > last.along1) continue;
      if (fs / std::min(l.font_size, last.font_size) > 1.5) continue;
      target = b;
      break;
    }
    if (target < 0) {
      blocks->push_back(Block{{}, page->lines[li].box});
      bg->push_back({l.bucket, l.along0, l.along1, l.across, l.across, l.across - l.font_size});
      target = static_cast<int>(blocks->size()) - 1;
    }
    Block& block = (*blocks)[target];
    BlockGeom& g = (*bg)[target];
    block.lines.push_back(li);
    block.box = block.box.Union(page->lines[li].box);
    g.along0 = std::min(g.along0, l.along0);
    g.along1 = std::max(g.along1, l.along1);
    g.across1 = std::max(g.across1, l.across);
  }
}

// Orders blocks of one direction by recursive XY cuts: top to bottom across
// horizontal gaps, else left to right across vertical gaps (columns).
void OrderBlocks(const std::vector<BlockGeom>& bg, const std::vector<int>& idx,
                 std::vector<int>* out, int depth) {
  if (idx.size() <= 1 || depth > 64) {
    out->insert(out->end(), idx.begin(), idx.end());
    return;
  }
  auto cut = [&](bool across) -> bool {
    std::vector<int> sorted = idx;
    auto lo = [&](int b) { return across ? bg[b].top : bg[b].along0; };
    auto hi = [&](int b) { return across ? bg[b].across1 : bg[b].along1; };
    std::stable_sort(sorted.begin(), sorted.end(), [&](int a, int b) { return lo(a) < lo(b); });
    std::vector<std::vector<int>> groups(1);
    double reach = hi(sorted[0]);
    groups[0].push_back(sorted[0]);
    for (size_t k = 1; k < sorted.size(); ++k) {
      if (lo(sorted[k]) >= reach) groups.emplace_back();
      groups.back().push_back(sorted[k]);
      reach = std::max(reach, hi(sorted[k]));
    }
    if (groups.size() < 2) return false;
    for (const auto& g : groups) OrderBlocks(bg, g, out, depth + 1);
    return true;
  };
  if (cut(true) || cut(false)) return;
  std::vector<int> sorted = idx;
  std::stable_sort(sorted.begin(), sorted.end(), [&](int a, int b) {
    return bg[a].top != bg[b].top ? bg[a].top < bg[b].top : bg[a].along0 < bg[b].along0;
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
  std::vector<WordGeom> geom;
  geom.reserve(page->words.size());
  for (const Word& w : page->words) geom.push_back(GeomOf(*page, w));
  std::vector<WordGeom> line_geom;
  BuildLines(page, geom, &line_geom);
  std::vector<Block> blocks;
  std::vector<BlockGeom> block_geom;
  BuildBlocks(page, line_geom, &blocks, &block_geom);

  // Reading order: upright text first, then the other directions in turn,
  // each by XY cuts.
  std::vector<int> buckets;
  for (const BlockGeom& g : block_geom) buckets.push_back(g.bucket);
  std::sort(buckets.begin(), buckets.end());
  buckets.erase(std::unique(buckets.begin(), buckets.end()), buckets.end());
  std::stable_sort(buckets.begin(), buckets.end(), [](int a, int b) {
    return (a != 0) < (b != 0);  // bucket 0 (left to right) first
  });
  std::vector<int> ordered;
  for (int bucket : buckets) {
    std::vector<int> idx;
    for (int b = 0; b < static_cast<int>(blocks.size()); ++b) {
      if (block_geom[b].bucket == bucket) idx.push_back(b);
    }
    OrderBlocks(block_geom, idx, &ordered, 0);
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
        Word& word = page->words[line.words[w]];
        word.text_begin = page->text.size();
        for (int g : word.glyphs) {
          const std::string& t = page->glyphs[g].text;
          page->text += t;
          page->text_glyph.insert(page->text_glyph.end(), t.size(), g);
        }
        word.text_end = page->text.size();
      }
    }
  }
}

}  // namespace redact
