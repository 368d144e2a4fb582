#include "stages/assemble/assemble.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace redact {
namespace {

// Word-break thresholds, in units of the font size (pdftotext's values).
constexpr double kMaxBaselineShift = 0.5;  // points
constexpr double kMinWordGap = 0.1;
constexpr double kMaxOverlap = 0.2;

// Letters of one word may be set in two sizes — fake small caps, as
// captions and signature blocks set names ("A" at 12 pt, "NNA" at 9.6 pt):
// on one baseline, sizes up to 1.6 times apart may join into a word, as
// pdftotext joins them.
bool SizesMayJoin(double a, double b) {
  return std::max(a, b) <= 1.6 * std::max(std::min(a, b), 0.01);
}
bool SameSize(double a, double b) { return std::fabs(a - b) <= 0.01 * std::max(a, 1.0); }
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

// `bucket`: the word's direction bucket, or -1000 for its own first glyph's.
WordGeom GeomOf(const PageText& page, const Word& w, int bucket = -1000) {
  WordGeom g;
  const Glyph& first = page.glyphs[w.glyphs.front()];
  int last_index = w.glyphs.back();
  for (auto it = w.glyphs.rbegin(); it != w.glyphs.rend(); ++it) {
    if (!std::binary_search(w.accents.begin(), w.accents.end(), *it)) {
      last_index = *it;
      break;
    }
  }
  const Glyph& last = page.glyphs[last_index];
  g.bucket = bucket != -1000 ? bucket : DirectionBucket(GlyphDirection(first));
  const Point dir = BucketDirection(g.bucket);
  const Frame a = ToFrame(first.baseline_start, dir);
  const Frame b = ToFrame(last.baseline_end, dir);
  g.along0 = std::min(a.along, b.along);
  g.along1 = std::max(a.along, b.along);
  g.across = a.across;
  g.font_size = std::max(static_cast<double>(w.font_size), 1.0);
  return g;
}

std::string_view AccentMark(std::string_view t);

// What glyph `g` of word `w` adds to the page text: its own text, or the
// combining mark of an accent drawn over the letter before it.
std::string_view ReadingText(const PageText& page, const Word& w, int g) {
  const std::string_view t = page.glyphs[g].text;
  if (w.accents.empty() || !std::binary_search(w.accents.begin(), w.accents.end(), g)) return t;
  return AccentMark(t);
}

// A glyph placed in its direction bucket's frame.
struct Placed {
  int index = -1;
  int bucket = 0;
  double along0 = 0;  // start of the glyph
  double ink1 = 0;    // end of the glyph's advance
  double along1 = 0;  // end of the advance and character spacing (the pen)
  double across = 0;  // baseline
};

Placed Place(const std::vector<Glyph>& glyphs, int i) {
  const Glyph& g = glyphs[i];
  Placed p;
  p.index = i;
  p.bucket = DirectionBucket(GlyphDirection(g));
  const Point dir = BucketDirection(p.bucket);
  const Frame s = ToFrame(g.baseline_start, dir);
  const Frame e = ToFrame(g.baseline_end, dir);
  const Frame pen = ToFrame(g.pen_end, dir);
  p.along0 = std::min(s.along, e.along);
  p.ink1 = std::max(s.along, e.along);
  // Negative spacing (tight tracking) does not make glyphs overlap;
  // letter-spaced text ("M a r i a") is measured from the pen, as
  // pdftotext does.
  p.along1 = std::max(p.ink1, pen.along);
  p.across = s.across;
  return p;
}

// The combining mark a spacing accent stands for when it is drawn over a
// letter ("´" → U+0301), a combining mark itself, or "" for other text.
std::string_view AccentMark(std::string_view t) {
  static constexpr std::pair<std::string_view, std::string_view> kAccents[] = {
      {"`", "\xCC\x80"},         {"\xC2\xB4", "\xCC\x81"}, {"^", "\xCC\x82"},
      {"\xCB\x86", "\xCC\x82"},  {"~", "\xCC\x83"},         {"\xCB\x9C", "\xCC\x83"},
      {"\xC2\xAF", "\xCC\x84"},  {"\xCB\x89", "\xCC\x84"}, {"\xCB\x98", "\xCC\x86"},
      {"\xCB\x99", "\xCC\x87"},  {"\xC2\xA8", "\xCC\x88"}, {"\xCB\x9A", "\xCC\x8A"},
      {"\xCB\x9D", "\xCC\x8B"},  {"\xCB\x87", "\xCC\x8C"}, {"\xC2\xB8", "\xCC\xA7"},
      {"\xCB\x9B", "\xCC\xA8"},
  };
  for (const auto& [spacing, mark] : kAccents) {
    if (t == spacing) return mark;
  }
  // Combining diacritical marks U+0300–U+036F, alone.
  if (t.size() == 2 && static_cast<unsigned char>(t[0]) == 0xCC) return t;
  if (t.size() == 2 && static_cast<unsigned char>(t[0]) == 0xCD &&
      static_cast<unsigned char>(t[1]) <= 0xAF) {
    return t;
  }
  return {};
}

// Pairs accent glyphs with the letter they sit on: the accent's middle
// lies within the letter's advance, on its baseline or raised by up to
// 0.8 em (TeX raises accents over capitals), in the same direction. An
// accent with its own place in the line ("D´Angelo") has no such letter.
// Returns accent glyph → letter glyph.
std::vector<std::pair<int, int>> AttachAccents(const PageText& page,
                                               const std::vector<Placed>& placed) {
  std::vector<std::pair<int, int>> attached;
  std::vector<const Placed*> accents, letters;
  double max_size = 1;
  for (const Placed& p : placed) {
    const Glyph& g = page.glyphs[p.index];
    max_size = std::max(max_size, static_cast<double>(g.font_size));
    if (g.decodable && !AccentMark(g.text).empty()) {
      accents.push_back(&p);
    } else if (!g.is_space) {
      letters.push_back(&p);
    }
  }
  if (accents.empty()) return attached;
  // Letters by direction and baseline, so each accent looks at a band.
  auto key = [](const Placed* p) { return std::make_pair(p->bucket, p->across); };
  std::sort(letters.begin(), letters.end(),
            [&](const Placed* a, const Placed* b) { return key(a) < key(b); });
  for (const Placed* a : accents) {
    const double middle = (a->along0 + a->ink1) / 2;
    int best = -1;
    double best_cost = 0;
    auto it = std::lower_bound(
        letters.begin(), letters.end(), std::make_pair(a->bucket, a->across - 0.3 * max_size),
        [&](const Placed* p, const std::pair<int, double>& k) { return key(p) < k; });
    for (; it != letters.end() && (*it)->bucket == a->bucket &&
           (*it)->across <= a->across + 0.8 * max_size;
         ++it) {
      const Placed& b = **it;
      const double fs = std::max(static_cast<double>(page.glyphs[b.index].font_size), 0.01);
      const double rise = a->across - b.across;  // negative: raised (y down)
      if (middle < b.along0 || middle > b.ink1 || rise < -0.8 * fs || rise > 0.3 * fs) continue;
      const double cost = std::fabs(middle - (b.along0 + b.ink1) / 2) + std::fabs(rise);
      if (best < 0 || cost < best_cost) {
        best = b.index;
        best_cost = cost;
      }
    }
    if (best >= 0) attached.emplace_back(a->index, best);
  }
  return attached;
}

// Whether `p` is an overprinted twin (fake bold) of one of the word's last
// glyphs: the same text at nearly the same place.
bool IsTwin(const std::vector<Glyph>& glyphs, const std::vector<Placed>& word_placed,
            const Placed& p, double fs) {
  const int n = static_cast<int>(word_placed.size());
  for (int k = n - 1; k >= 0 && k >= n - 6; --k) {
    const Placed& q = word_placed[k];
    if (glyphs[q.index].text == glyphs[p.index].text &&
        std::fabs(q.along0 - p.along0) < kDuplicateAlong * fs &&
        std::fabs(q.across - p.across) < kDuplicateAcross * fs) {
      return true;
    }
  }
  return false;
}

// A word as drawn: glyphs in content order (see DrawnWords).
struct Fragment {
  Word word;
  std::vector<Placed> placed;  // of word.glyphs
  double end_along = 0;        // where its last glyph's pen ended
};

// Whether a white-space glyph `space` separates what ends at `end_along`
// from a glyph starting at `next_along`: it advances the pen and the next
// glyph starts past half its advance (a space kerned back under the next
// letter, "Nel" " " -278 "son", separates nothing).
bool Separates(const Placed& space, double end_along, double next_along, double fs) {
  const double advance = space.along1 - space.along0;
  return advance > 0.02 * fs && space.along0 >= end_along - kMaxOverlap * fs &&
         next_along - space.along0 > 0.5 * advance;
}

// The glyphs of `placed[from, to)` as a fragment of `like`'s direction
// and size.
Fragment Slice(const std::vector<Glyph>& glyphs, const Fragment& like, size_t from, size_t to) {
  Fragment f;
  f.word.rotation = like.word.rotation;
  f.word.font_size = like.word.font_size;
  for (size_t k = from; k < to; ++k) {
    const Placed& p = like.placed[k];
    const Glyph& g = glyphs[p.index];
    f.word.box = f.word.glyphs.empty() ? g.box.ToRect() : f.word.box.Union(g.box);
    f.word.glyphs.push_back(p.index);
    f.word.text += g.text;
    f.placed.push_back(p);
    f.end_along = f.word.glyphs.size() == 1 ? p.along1 : std::max(f.end_along, p.along1);
  }
  return f;
}

// Character spacing used as a word space: Ghostscript's PDF of groff text
// sets "fO" with 3.6 pt of Tc (or "dap" with 2.76: "d a p") and then
// places the next glyph where the last one's ink ends, ignoring the pen. A
// glyph that starts at the last glyph's ink end but well before its pen
// (or a kerning pair's overlap before it) shows the spacing was no letter
// spacing: the word then splits at every
// gap between inks wider than a word gap ("Plaintiff" | "Oksana",
// "received" | "a" | "p"), and the glyph continues the last part. Returns
// the parts before it (none when it did not split `cur`).
std::vector<Fragment> SplitAtSpacingGaps(const std::vector<Glyph>& glyphs, Fragment* cur, const Placed& p,
                                         double fs) {
  std::vector<Fragment> heads;
  const Placed& last = cur->placed.back();
  const double from_pen = p.along0 - cur->end_along, from_ink = p.along0 - last.ink1;
  // (At the ink end, or kerned into it: "V" then "e" 0.11 em back in Times.)
  if (from_pen >= -kMaxOverlap * fs || from_ink > kMinWordGap * fs || from_ink < -kMaxOverlap * fs) {
    return heads;
  }
  if (!cur->word.duplicates.empty()) return heads;
  size_t from = 0;
  for (size_t k = 1; k < cur->placed.size(); ++k) {
    if (cur->placed[k].along0 - cur->placed[k - 1].ink1 <= kMinWordGap * fs) continue;
    heads.push_back(Slice(glyphs, *cur, from, k));
    heads.back().end_along = heads.back().placed.back().ink1;  // its spacing was the word gap
    from = k;
  }
  if (!heads.empty()) *cur = Slice(glyphs, *cur, from, cur->placed.size());
  // The glyph continues the last part where its ink ends ("A" set with
  // the spacing, then ".W" at its ink: "A.W.S."), not where its pen does.
  cur->end_along = cur->placed.back().ink1;
  return heads;
}

// Whether a glyph's text is only invisible format characters: soft
// hyphen U+00AD, zero widths and joiners U+200B–U+200F, word joiners
// U+2060–U+2064, BOM U+FEFF.
bool InvisibleFormat(std::string_view t) {
  if (t.empty()) return false;
  for (size_t i = 0; i < t.size();) {
    if (t.compare(i, 2, "\xC2\xAD") == 0) {
      i += 2;
      continue;
    }
    if (i + 3 > t.size()) return false;
    const auto b0 = static_cast<unsigned char>(t[i]), b1 = static_cast<unsigned char>(t[i + 1]),
               b2 = static_cast<unsigned char>(t[i + 2]);
    const bool zero_width = b0 == 0xE2 && b1 == 0x80 && b2 >= 0x8B && b2 <= 0x8F;
    const bool joiner = b0 == 0xE2 && b1 == 0x81 && b2 >= 0xA0 && b2 <= 0xA4;
    const bool bom = b0 == 0xEF && b1 == 0xBB && b2 == 0xBF;
    if (!zero_width && !joiner && !bom) return false;
    i += 3;
  }
  return true;
}

// Where a fragment's last glyph that is not an invisible character ends
// (its pen).
double VisibleEnd(const std::vector<Glyph>& glyphs, const Fragment& f) {
  for (auto it = f.placed.rbegin(); it != f.placed.rend(); ++it) {
    if (!InvisibleFormat(glyphs[it->index].text)) return it->along1;
  }
  return f.placed.front().along0;
}

// Words in the order glyphs were drawn, as pdftotext builds them: a word
// ends at a separating white-space glyph, a change of direction or font
// size, a baseline shift over 0.5 pt, or a gap over 0.1 em (an overlap over
// 0.2 em). Overprinted twins of the word's last glyphs are its duplicates.
std::vector<Fragment> DrawnWords(const std::vector<Glyph>& glyphs,
                                 const std::vector<Placed>& placed) {
  std::vector<Fragment> out;
  Fragment cur;
  const Placed* space = nullptr;  // the last white space since the last glyph
  auto finish = [&]() {
    if (!cur.word.glyphs.empty()) out.push_back(std::move(cur));
    cur = Fragment{};
  };
  for (const Placed& p : placed) {
    const Glyph& g = glyphs[p.index];
    if (g.is_space) {
      space = &p;
      continue;
    }
    if (!cur.word.glyphs.empty()) {
      const double fs = std::max(static_cast<double>(cur.word.font_size), 0.01);
      const bool same_line = p.bucket == cur.placed.front().bucket &&
                             std::fabs(p.across - cur.placed.front().across) <= kMaxBaselineShift &&
                             SizesMayJoin(g.font_size, cur.word.font_size);
      if (same_line && SameSize(g.font_size, cur.word.font_size) && IsTwin(glyphs, cur.placed, p, fs)) {
        cur.word.duplicates.push_back(p.index);
        cur.word.box = cur.word.box.Union(g.box);
        continue;
      }
      const bool spaced = space && space->bucket == p.bucket &&
                          Separates(*space, cur.end_along, p.along0, fs);
      std::vector<Fragment> heads;
      if (same_line && !spaced) heads = SplitAtSpacingGaps(glyphs, &cur, p, fs);
      double gap = p.along0 - cur.end_along;
      // An invisible character may take no room, whatever its glyph's
      // advance (a soft hyphen kerned back inside a name): the glyph after
      // it may start where the visible one before it ended.
      if (gap < -kMaxOverlap * fs && InvisibleFormat(glyphs[cur.placed.back().index].text)) {
        gap = std::max(gap, p.along0 - VisibleEnd(glyphs, cur));
      }
      if (!heads.empty()) {
        for (Fragment& h : heads) out.push_back(std::move(h));
      } else if (!same_line || spaced || gap > kMinWordGap * fs || gap < -kMaxOverlap * fs) {
        finish();
      }
    }
    space = nullptr;
    if (cur.word.glyphs.empty()) {
      cur.word.rotation = g.rotation;
      cur.word.font_size = g.font_size;
      cur.word.box = g.box;
      cur.end_along = p.along1;
    }
    cur.word.glyphs.push_back(p.index);
    cur.word.text += g.text;
    cur.word.box = cur.word.box.Union(g.box);
    cur.placed.push_back(p);
    cur.end_along = std::max(cur.end_along, p.along1);
  }
  finish();
  return out;
}

// Whether fragment `f` is an overprinted copy of glyphs of `m` (a line or
// word drawn twice for fake bold): every glyph the same text at nearly the
// same place as a run of m's.
bool IsTwinFragment(const std::vector<Glyph>& glyphs, const Fragment& m, const Fragment& f) {
  const double fs = std::max(static_cast<double>(m.word.font_size), 0.01);
  if (f.placed.size() > m.placed.size()) return false;
  // A long run joined from many pieces is searched only near its end, so a
  // line of glyphs drawn one by one stays linear.
  const size_t last = m.placed.size() - f.placed.size();
  const size_t first = last > 256 ? last - 64 : 0;
  for (size_t k = first; k <= last; ++k) {
    bool all = true;
    for (size_t j = 0; j < f.placed.size() && all; ++j) {
      const Placed& a = m.placed[k + j];
      const Placed& b = f.placed[j];
      all = glyphs[a.index].text == glyphs[b.index].text &&
            std::fabs(a.along0 - b.along0) < kDuplicateAlong * fs &&
            std::fabs(a.across - b.across) < kDuplicateAcross * fs;
    }
    if (all) return true;
  }
  return false;
}

// Words by position: drawn words on one baseline are read along it, and
// one that continues another without a gap (glyphs drawn one by one out of
// order, a name drawn in pieces) joins it; one drawn over another as its
// twin (a line drawn twice) becomes its duplicates. Overlapping words of
// different text stay apart, as drawn.
std::vector<Word> JoinByPosition(const std::vector<Glyph>& glyphs, std::vector<Fragment> frags,
                                 const std::vector<Placed>& spaces_in) {
  struct Item {
    const Placed* at;
    Fragment* frag;  // null: a white-space glyph
  };
  std::vector<Item> items;
  for (Fragment& f : frags) items.push_back({&f.placed.front(), &f});
  for (const Placed& s : spaces_in) items.push_back({&s, nullptr});
  std::stable_sort(items.begin(), items.end(), [](const Item& a, const Item& b) {
    if (a.at->bucket != b.at->bucket) return a.at->bucket < b.at->bucket;
    return a.at->across < b.at->across;
  });
  std::vector<Word> words;
  for (size_t i = 0; i < items.size();) {
    size_t j = i + 1;  // a row: baselines within 0.5 pt of the previous one
    while (j < items.size() && items[j].at->bucket == items[i].at->bucket &&
           items[j].at->across - items[j - 1].at->across <= kMaxBaselineShift) {
      ++j;
    }
    std::stable_sort(items.begin() + i, items.begin() + j,
                     [](const Item& a, const Item& b) { return a.at->along0 < b.at->along0; });
    Fragment* m = nullptr;
    const Placed* space = nullptr;
    for (size_t k = i; k < j; ++k) {
      if (!items[k].frag) {
        space = items[k].at;
        continue;
      }
      Fragment& f = *items[k].frag;
      const double fs = m ? std::max(static_cast<double>(m->word.font_size), 0.01) : 1;
      const bool same = m && SizesMayJoin(f.word.font_size, m->word.font_size) &&
                        std::fabs(f.placed.front().across - m->placed.front().across) <=
                            kMaxBaselineShift;
      if (same && SameSize(f.word.font_size, m->word.font_size) && IsTwinFragment(glyphs, *m, f)) {
        m->word.duplicates.insert(m->word.duplicates.end(), f.word.glyphs.begin(),
                                  f.word.glyphs.end());
        m->word.duplicates.insert(m->word.duplicates.end(), f.word.duplicates.begin(),
                                  f.word.duplicates.end());
        m->word.box = m->word.box.Union(f.word.box);
        continue;
      }
      const double gap = same ? f.placed.front().along0 - m->end_along : 0;
      if (same && gap <= kMinWordGap * fs && gap >= -kMaxOverlap * fs &&
          !(space && Separates(*space, m->end_along, f.placed.front().along0, fs))) {
        m->word.glyphs.insert(m->word.glyphs.end(), f.word.glyphs.begin(), f.word.glyphs.end());
        m->word.duplicates.insert(m->word.duplicates.end(), f.word.duplicates.begin(),
                                  f.word.duplicates.end());
        m->word.text += f.word.text;
        m->word.box = m->word.box.Union(f.word.box);
        m->placed.insert(m->placed.end(), f.placed.begin(), f.placed.end());
        m->end_along = std::max(m->end_along, f.end_along);
      } else {
        if (m) words.push_back(std::move(m->word));
        m = &f;
      }
      space = nullptr;
    }
    if (m) words.push_back(std::move(m->word));
    i = j;
  }
  return words;
}

// Puts each attached accent right after its letter (or among the word's
// duplicates when the letter is one) and in the word's text as a mark.
void InsertAccents(const PageText& page, const std::vector<std::pair<int, int>>& attached,
                   std::vector<Word>* words) {
  std::vector<int> word_of(page.glyphs.size(), -1);
  for (int w = 0; w < static_cast<int>(words->size()); ++w) {
    for (int g : (*words)[w].glyphs) word_of[g] = w;
    for (int g : (*words)[w].duplicates) word_of[g] = w;
  }
  for (const auto& [accent, letter] : attached) {
    if (word_of[letter] < 0) continue;
    Word& w = (*words)[word_of[letter]];
    auto at = std::find(w.glyphs.begin(), w.glyphs.end(), letter);
    if (at == w.glyphs.end()) {
      w.duplicates.push_back(accent);
    } else {
      ++at;
      while (at != w.glyphs.end() &&
             std::find(w.accents.begin(), w.accents.end(), *at) != w.accents.end()) {
        ++at;
      }
      w.glyphs.insert(at, accent);
    }
    w.accents.push_back(accent);
    w.box = w.box.Union(page.glyphs[accent].box);
  }
  for (Word& w : *words) {
    if (w.accents.empty()) continue;
    std::sort(w.accents.begin(), w.accents.end());
    w.text.clear();
    for (int g : w.glyphs) w.text += ReadingText(page, w, g);
  }
}

// OCR gives each text line its own baseline, and a page scanned askew
// has lines a fraction of a degree apart that fall either side of a
// half-degree bucket (0.74 and 0.76 degrees): read as two directions, each
// ordered apart, a line's words scatter over the page text. An OCR'd
// word takes the most common direction of OCR'd words within a degree
// and a half of its own. (A text layer's directions are exact: a stamp set
// at one degree stays its own.)
void SnapOcrDirections(const PageText& page, std::vector<WordGeom>* geom) {
  std::map<int, int> count;  // bucket -> OCR'd words
  for (size_t w = 0; w < page.words.size(); ++w) {
    if (page.glyphs[page.words[w].glyphs.front()].ocr) ++count[(*geom)[w].bucket];
  }
  if (count.size() < 2) return;
  for (size_t w = 0; w < page.words.size(); ++w) {
    const Word& word = page.words[w];
    if (!page.glyphs[word.glyphs.front()].ocr) continue;
    const int own = (*geom)[w].bucket;
    int best = own;
    for (auto it = count.lower_bound(own - 3); it != count.end() && it->first <= own + 3; ++it) {
      if (it->second > count[best] || (it->second == count[best] && std::abs(it->first - own) < std::abs(best - own))) {
        best = it->first;
      }
    }
    if (best != own) (*geom)[w] = GeomOf(page, word, best);
  }
}

// Glyphs placed beyond a float's range (a finite 1e39 in a content
// stream) or at NaN are still text: detection reads them and the writer
// removes them by index. Their geometry is pulled in to a finite place
// far off any page (NaN to the far corner), so that every comparison
// below is a real one; NaN compares false with every tolerance, and line
// building spun forever on it (CI's fuzzer, stop 38).
constexpr float kFar = 1e7f;
float Finite(float v) {
  if (std::isnan(v)) return kFar;
  return std::clamp(v, -kFar, kFar);
}
void KeepGeometryFinite(PageText* page) {
  for (Glyph& g : page->glyphs) {
    for (PointF* p : {&g.baseline_start, &g.baseline_end, &g.pen_end}) {
      p->x = Finite(p->x), p->y = Finite(p->y);
    }
    g.box = RectF(Rect{Finite(g.box.x0), Finite(g.box.y0), Finite(g.box.x1), Finite(g.box.y1)});
    for (float& c : g.quad.c) c = Finite(c);
    if (!std::isfinite(g.font_size) || g.font_size < 0) g.font_size = 1;
    g.font_size = std::min(g.font_size, kFar);
  }
}

// Words from glyph positions as well as draw order: glyphs drawn one by
// one out of order, a line drawn twice (fake bold) and accents drawn over
// letters (in a second pass, or kerned back as TeX does) all read as the
// page shows them.
void BuildWords(PageText* page) {
  std::vector<Placed> placed;
  for (int i = 0; i < static_cast<int>(page->glyphs.size()); ++i) {
    if (!page->glyphs[i].superseded) placed.push_back(Place(page->glyphs, i));
  }
  const std::vector<std::pair<int, int>> attached = AttachAccents(*page, placed);
  if (!attached.empty()) {
    std::vector<bool> is_attached(page->glyphs.size(), false);
    for (const auto& [accent, letter] : attached) is_attached[accent] = true;
    std::erase_if(placed, [&](const Placed& p) { return is_attached[p.index]; });
  }
  std::vector<Placed> spaces;
  for (const Placed& p : placed) {
    if (page->glyphs[p.index].is_space) spaces.push_back(p);
  }
  page->words = JoinByPosition(page->glyphs, DrawnWords(page->glyphs, placed), spaces);
  InsertAccents(*page, attached, &page->words);
}

// A band: words on (nearly) one baseline, in order along it.
struct Band {
  std::vector<int> words;
  double font_size = 1;
};

constexpr double kMinGutter = 0.8;       // ems of white between two columns of prose
constexpr int kMinGutterLines = 5;       // lines a gutter runs through
constexpr double kMinColumnWidth = 100;  // points of text on each side

// Whether the words on either side of x in `band` are of two characters
// or more (a comb's boxes hold one each).
bool WordsBesideAreWords(const PageText& page, const Band& band, const std::vector<WordGeom>& geom, double x) {
  for (size_t k = 0; k + 1 < band.words.size(); ++k) {
    if (geom[band.words[k]].along1 <= x && geom[band.words[k + 1]].along0 >= x) {
      return page.words[static_cast<size_t>(band.words[k])].glyphs.size() >= 2 &&
             page.words[static_cast<size_t>(band.words[k + 1])].glyphs.size() >= 2;
    }
  }
  return false;
}

// Where each band is cut by a gutter between two columns of prose set too
// close for kMaxLineGap (a bilingual declaration: the original and its
// translation side by side, 1.2 em apart): a strip at least kMinGutter
// wide, white in kMinGutterLines or more lines running one under the other
// with prose on both sides, no word across it in any of them. The lines
// are cut there (not a comb's boxes the strip runs through), so each
// column reads as a block of its own.
std::vector<std::vector<double>> GutterCuts(const PageText& page, const std::vector<Band>& bands,
                                            const std::vector<WordGeom>& geom) {
  std::vector<std::vector<double>> cuts(bands.size());
  auto crossed = [&](const Band& b, double x) {
    return std::any_of(b.words.begin(), b.words.end(),
                       [&](int w) { return geom[w].along0 < x && geom[w].along1 > x; });
  };
  // The text on each side of x in band b: points of it (0 when none).
  auto sides = [&](const Band& b, double x) {
    double left0 = 1e18, left1 = -1e18, right0 = 1e18, right1 = -1e18;
    for (int w : b.words) {
      if (geom[w].along1 <= x) left0 = std::min(left0, geom[w].along0), left1 = std::max(left1, geom[w].along1);
      if (geom[w].along0 >= x) right0 = std::min(right0, geom[w].along0), right1 = std::max(right1, geom[w].along1);
    }
    return std::pair<double, double>{left1 > left0 ? left1 - left0 : 0, right1 > right0 ? right1 - right0 : 0};
  };
  // Prose on both sides of x in `lines`: words of two letters or more,
  // three a line on each side, and `per_side` or more on each side of most
  // lines (not a form's comb boxes, one character each, or a table's short
  // cells). One line: `per_side` on each side.
  auto prose = [&](const std::vector<size_t>& lines, double x, int per_side) {
    int left_total = 0, right_total = 0, prose_lines = 0;
    for (size_t b : lines) {
      int left = 0, right = 0;
      for (int w : bands[b].words) {
        if (page.words[static_cast<size_t>(w)].glyphs.size() < 2) continue;
        (geom[w].along1 <= x ? left : right) += 1;
      }
      left_total += left;
      right_total += right;
      prose_lines += left >= per_side && right >= per_side ? 1 : 0;
    }
    const int n = static_cast<int>(lines.size());
    if (n == 1) return prose_lines == 1;
    return left_total >= 3 * n && right_total >= 3 * n && prose_lines >= kMinGutterLines && 4 * prose_lines >= 3 * n;
  };
  auto follows = [&](size_t upper, size_t lower) {
    if (geom[bands[upper].words.front()].bucket != 0 || geom[bands[lower].words.front()].bucket != 0) return false;
    const double spacing = geom[bands[lower].words.front()].across - geom[bands[upper].words.front()].across;
    return spacing > 0 && spacing <= kMaxLineSpacing * std::max(bands[upper].font_size, bands[lower].font_size);
  };
  for (size_t i = 0; i < bands.size(); ++i) {
    const Band& band = bands[i];
    if (geom[band.words.front()].bucket != 0) continue;
    for (size_t k = 0; k + 1 < band.words.size(); ++k) {
      const double gap0 = geom[band.words[k]].along1, gap1 = geom[band.words[k + 1]].along0;
      if (gap1 - gap0 < kMinGutter * band.font_size || gap1 - gap0 > kMaxLineGap * band.font_size) continue;
      const double x = (gap0 + gap1) / 2;
      if (std::find(cuts[i].begin(), cuts[i].end(), x) != cuts[i].end()) continue;
      // The run of lines the strip goes through: up and down while lines
      // follow one another and no word crosses it.
      size_t top = i, bottom = i;
      while (top > 0 && follows(top - 1, top) && !crossed(bands[top - 1], x)) --top;
      while (bottom + 1 < bands.size() && follows(bottom, bottom + 1) && !crossed(bands[bottom + 1], x)) ++bottom;
      // The strip white in every line with words on both sides.
      std::vector<size_t> both;
      double left = 0, right = 0, strip0 = gap0, strip1 = gap1;
      for (size_t b = top; b <= bottom; ++b) {
        const auto [l, r] = sides(bands[b], x);
        if (l <= 0 || r <= 0) continue;
        both.push_back(b);
        left = std::max(left, l);
        right = std::max(right, r);
        for (int w : bands[b].words) {
          if (geom[w].along1 <= x) strip0 = std::max(strip0, geom[w].along1);
          if (geom[w].along0 >= x) strip1 = std::min(strip1, geom[w].along0);
        }
      }
      if (static_cast<int>(both.size()) < kMinGutterLines || left < kMinColumnWidth || right < kMinColumnWidth ||
          strip1 - strip0 < kMinGutter * band.font_size || !prose(both, x, 2)) {
        continue;
      }
      for (size_t b : both) {
        if (!prose({b}, x, 1) || !WordsBesideAreWords(page, bands[b], geom, x)) continue;
        if (std::find(cuts[b].begin(), cuts[b].end(), x) == cuts[b].end()) cuts[b].push_back(x);
      }
    }
  }
  return cuts;
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
  // Bands of words on (nearly) one baseline, then split bands at wide gaps
  // and at gutters between columns.
  std::vector<Band> bands;
  for (size_t i = 0; i < order.size();) {
    const WordGeom& g0 = geom[order[i]];
    const double tol = 0.5 * g0.font_size;
    size_t j = i + 1;  // a band holds at least its first word
    while (j < order.size() && geom[order[j]].bucket == g0.bucket &&
           geom[order[j]].across - g0.across <= tol) {
      ++j;
    }
    Band band{std::vector<int>(order.begin() + i, order.begin() + j), g0.font_size};
    std::stable_sort(band.words.begin(), band.words.end(),
                     [&](int a, int b) { return geom[a].along0 < geom[b].along0; });
    for (int w : band.words) band.font_size = std::max(band.font_size, geom[w].font_size);
    bands.push_back(std::move(band));
    i = j;
  }
  const std::vector<std::vector<double>> cuts = GutterCuts(*page, bands, geom);
  for (size_t b = 0; b < bands.size(); ++b) {
    Line line;
    WordGeom lg;
    for (int w : bands[b].words) {
      const WordGeom& wg = geom[w];
      const bool gutter = !line.words.empty() && std::any_of(cuts[b].begin(), cuts[b].end(), [&](double x) {
        return lg.along1 <= x && wg.along0 >= x;
      });
      if (!line.words.empty() && (gutter || wg.along0 - lg.along1 > kMaxLineGap * wg.font_size)) {
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

  KeepGeometryFinite(page);
  BuildWords(page);
  std::vector<WordGeom> geom;
  geom.reserve(page->words.size());
  for (const Word& w : page->words) geom.push_back(GeomOf(*page, w));
  SnapOcrDirections(*page, &geom);
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
          const std::string_view t = ReadingText(*page, word, g);
          page->text += t;
          page->text_glyph.insert(page->text_glyph.end(), t.size(), g);
        }
        word.text_end = page->text.size();
      }
    }
  }
  // A document's pages are all held at once: each keeps only the room it uses.
  page->words.shrink_to_fit();
  page->lines.shrink_to_fit();
  page->blocks.shrink_to_fit();
  page->text.shrink_to_fit();
  page->text_glyph.shrink_to_fit();
}

}  // namespace redact
