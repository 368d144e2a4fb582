#include "stages/extract/extract.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "pdf/podofo_util.h"
#include "stages/extract/vector_text.h"

namespace redact {
namespace {

bool IsWhiteSpaceText(std::string_view s) {
  if (s.empty()) return false;
  for (size_t i = 0; i < s.size();) {
    unsigned char c = s[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      ++i;
    } else if (s.compare(i, 2, "\xC2\xA0") == 0) {  // no-break space
      i += 2;
    } else if (s.compare(i, 3, "\xE3\x80\x80") == 0 ||  // ideographic space
               (s.compare(i, 2, "\xE2\x80") == 0 && i + 2 < s.size() &&
                static_cast<unsigned char>(s[i + 2]) <= 0x8A)) {  // U+2000–200A
      i += 3;
    } else {
      return false;
    }
  }
  return true;
}

int Quadrant(Point dir) {
  // Display space has y down, so "down the page" is +y.
  if (std::fabs(dir.x) >= std::fabs(dir.y)) return dir.x >= 0 ? 0 : 2;
  return dir.y >= 0 ? 1 : 3;
}

class GlyphCollector : public pdf::ContentSink {
 public:
  explicit GlyphCollector(PageText* page, int* images = nullptr) : page_(page), images_(images) {}

  void OnImage(const pdf::ImageEvent& e) override {
    if (images_) ++*images_;
    // An opaque image without a mask hides what was painted under it.
    if (!e.opaque || !e.xobject || pdf::DictGet(e.xobject, "ImageMask") || pdf::DictGet(e.xobject, "SMask") ||
        pdf::DictGet(e.xobject, "Mask")) {
      return;
    }
    const Rect area = Quad::Transform({{0, 0}, {1, 0}, {1, 1}, {0, 1}}, e.ctm).Bounds();
    AddCover(e.clipped ? area.Intersect(e.clip) : area);
  }

  // Marks the glyphs a later opaque box or image hides (Glyph::covered):
  // at least 60 % of a visible glyph's box under one cover.
  void MarkCovered() {
    for (const Cover& c : covers_) {
      for (size_t i = 0; i < c.glyphs_before; ++i) {
        Glyph& g = page_->glyphs[i];
        if (g.covered || g.is_space || g.render_mode == 3 || g.render_mode == 7) continue;
        const Rect b = g.quad.Bounds();
        if (b.area() > 0 && b.Intersect(c.area).area() >= 0.6 * b.area()) g.covered = true;
      }
    }
  }

  void OnStream(int index, const ContentStream& info,
                const pdf::ParsedContent& parsed) override {
    if (static_cast<int>(page_->streams.size()) <= index) {
      page_->streams.resize(index + 1);
    }
    page_->streams[index] = info;
    for (int i = 0; i < static_cast<int>(parsed.ops.size()); ++i) {
      const pdf::Operation& op = parsed.ops[i];
      if (op.op != "BDC" || op.operands.size() != 2 || op.operands[1].type != pdf::Operand::Type::kDictionary) {
        continue;
      }
      std::string text = pdf::MarkedPropertyText(op.operands[1]);
      if (!text.empty()) page_->marked.push_back({index, i, std::move(text)});
    }
  }

  void OnGlyph(const pdf::GlyphEvent& e) override {
    const Matrix& to_display = page_->geometry.user_to_display;
    Glyph g;
    g.decodable = e.code->decodable;
    g.text = g.decodable ? e.code->text : "\xEF\xBF\xBD";  // U+FFFD
    g.code = e.code->code;
    g.code_length = e.code->length;
    g.quad = e.quad;
    g.box = Quad::Transform(e.quad, to_display).Bounds();
    g.baseline_start = to_display.Apply(e.baseline_start);
    g.baseline_end = to_display.Apply(e.baseline_end);
    g.pen_end = to_display.Apply(e.pen_end);
    g.font_size = e.font_size;
    Point dir{g.baseline_end.x - g.baseline_start.x, g.baseline_end.y - g.baseline_start.y};
    if (std::hypot(dir.x, dir.y) < 1e-9) {
      // Zero-width glyph: take the direction from the glyph's frame.
      Point ll = to_display.Apply(e.quad.ll), lr = to_display.Apply(e.quad.lr);
      Point ul = to_display.Apply(e.quad.ul);
      dir = {lr.x - ll.x, lr.y - ll.y};
      if (std::hypot(dir.x, dir.y) < 1e-9) dir = {ll.y - ul.y, ul.x - ll.x};
    }
    g.rotation = Quadrant(dir);
    g.render_mode = e.render_mode;
    g.is_space = g.decodable && IsWhiteSpaceText(g.text);
    g.source = e.ref;
    page_->glyphs.push_back(std::move(g));
  }

  void OnPath(const pdf::PathEvent& e) override {
    const double w = e.bounds.width(), h = e.bounds.height();
    if (e.opaque) AddCovers(e);
    if (e.filled && e.curves && e.segments >= 2 && h >= 1.5 && h <= 72 && w >= 0.3 && w <= 72) {
      ++page_->glyph_like_shapes;
    }
    if (e.filled && std::max(w, h) >= 1.5 && h >= 0.3 && h <= 72 && w >= 0.3 && w <= 72) {
      if (shapes_.size() < kMaxShapes) shapes_.push_back({e.bounds, e.curves});
      else shapes_overflow_ = true;
    }
    // Shapes that may be letters (PageText::vector_shapes): 5 for a curved
    // path or one of more pieces than a box (block letters of several
    // `re`s, outlines), 1 for a tiny box (a cell of pixel lettering); not a
    // box (`re`, or `m l l l h` as redaction marks are drawn) or a line.
    const bool box_or_line = !e.curves && e.segments <= 4;
    if (std::max(w, h) >= 1.5 && w <= 72 && h <= 72) {
      if (!box_or_line && std::min(w, h) >= 1) {
        page_->vector_shapes += 5;
      } else if (box_or_line && std::max(w, h) < 6 && std::min(w, h) >= 0.5) {
        page_->vector_shapes += 1;
      }
    }
    const Matrix& to_display = page_->geometry.user_to_display;
    if (e.filled && !e.curves && e.segments == 4 && (w < 3 || h < 3)) {
      // A thin filled rectangle is a rule (how browsers draw cell borders).
      const Rect r = Rect::FromCorners(to_display.Apply({e.bounds.x0, e.bounds.y0}),
                                       to_display.Apply({e.bounds.x1, e.bounds.y1}));
      if (r.width() >= r.height()) {
        AddRuling({r.x0, (r.y0 + r.y1) / 2}, {r.x1, (r.y0 + r.y1) / 2});
      } else {
        AddRuling({(r.x0 + r.x1) / 2, r.y0}, {(r.x0 + r.x1) / 2, r.y1});
      }
      return;
    }
    // The edges of a box only filled, not stroked (a redaction mark, a
    // shaded area), bound no cell: an output's black boxes must not become
    // a grid that reads prose below them as a table row. Thin filled
    // boxes are rules (above); drawn lines and stroked boxes are edges.
    if (e.filled && !e.stroked && !e.curves && e.segments <= 4) return;
    for (const auto& [a, b] : e.lines) AddRuling(to_display.Apply(a), to_display.Apply(b));
  }

  // Boxes an opaque path hides text under: each box of a filled path of
  // boxes (`re`s, or `m l l l h`: straight edges, all horizontal or
  // vertical), or a hatched box. Other filled shapes (wedges, outlines)
  // cover less than their bounds.
  void AddCovers(const pdf::PathEvent& e) {
    auto clipped = [&](const Rect& r) { return e.clipped ? r.Intersect(e.clip) : r; };
    if (!e.filled) {
      if (IsHatched(e)) AddCover(clipped(e.bounds));
      return;
    }
    if (e.curves || e.lines.empty() || e.lines.size() % 4 != 0 || e.lines.size() < static_cast<size_t>(e.segments)) {
      return;
    }
    for (const auto& [a, b] : e.lines) {
      if (std::fabs(a.x - b.x) > 0.5 && std::fabs(a.y - b.y) > 0.5) return;
    }
    for (size_t i = 0; i + 3 < e.lines.size(); i += 4) {
      Rect box = Rect::FromCorners(e.lines[i].first, e.lines[i].second);
      for (size_t k = 1; k < 4; ++k) box = box.Union(Rect::FromCorners(e.lines[i + k].first, e.lines[i + k].second));
      AddCover(clipped(box));
      if (boxes_.size() < PageText::kMaxBlanks) boxes_.push_back(clipped(box));
    }
  }

  // PageText::blanks: of the opaque boxes painted, those sized like a line
  // of text (5 to 40 units high, wider than high by a third: not a check
  // box, bullet or rule) with no glyph's middle inside, whatever was
  // painted before or after them.
  void MarkBlanks() {
    const Matrix& to_display = page_->geometry.user_to_display;
    std::vector<Point> middles;
    for (const Glyph& g : page_->glyphs) {
      if (!g.is_space) middles.push_back({(g.box.x0 + g.box.x1) / 2, (g.box.y0 + g.box.y1) / 2});
    }
    std::sort(middles.begin(), middles.end(), [](const Point& a, const Point& b) { return a.y < b.y; });
    for (const Rect& user : boxes_) {
      const Rect r = Rect::FromCorners(to_display.Apply({user.x0, user.y0}), to_display.Apply({user.x1, user.y1}));
      if (r.height() < 5 || r.height() > 40 || r.width() < 1.3 * r.height()) continue;
      auto it = std::lower_bound(middles.begin(), middles.end(), r.y0, [](const Point& m, double y) { return m.y < y; });
      bool empty = true;
      for (; empty && it != middles.end() && it->y <= r.y1; ++it) empty = it->x < r.x0 || it->x > r.x1;
      if (empty) page_->blanks.push_back({r, static_cast<float>(r.height() / 1.15)});
    }
  }

  // A hatched box: a stroked path of at least six straight pieces, four or
  // more of them diagonal.
  static bool IsHatched(const pdf::PathEvent& e) {
    if (e.curves || e.lines.size() < 6) return false;
    int diagonal = 0;
    for (const auto& [a, b] : e.lines) diagonal += std::fabs(a.x - b.x) > 1 && std::fabs(a.y - b.y) > 1;
    return diagonal >= 4;
  }

  void AddCover(const Rect& area) {
    if (area.area() < 4 || page_->glyphs.empty() || covers_.size() >= kMaxCovers) return;
    covers_.push_back({area, page_->glyphs.size()});
  }

  // Keeps the segment when it is horizontal or vertical and long enough to
  // bound a cell.
  void AddRuling(Point a, Point b) {
    if (page_->rulings.size() >= PageText::kMaxRulings) return;
    const double dx = std::fabs(b.x - a.x), dy = std::fabs(b.y - a.y);
    if (std::max(dx, dy) < 6 || std::min(dx, dy) > 1) return;
    Ruling r;
    r.from = {std::min(a.x, b.x), std::min(a.y, b.y)};
    r.to = {std::max(a.x, b.x), std::max(a.y, b.y)};
    if (dx >= dy) r.from.y = r.to.y = (a.y + b.y) / 2;
    else r.from.x = r.to.x = (a.x + b.x) / 2;
    page_->rulings.push_back(r);
  }

  // PageText::glyph_like_in_runs from the shapes seen. Past kMaxShapes the
  // layout is not measured and every glyph-like shape counts as in a run
  // (fail closed: as if the page were text).
  void MeasureShapeRuns() {
    page_->glyph_like_in_runs =
        shapes_overflow_ ? std::max(page_->glyph_like_shapes, static_cast<int>(shapes_.size()))
                         : ShapesInTextRuns(shapes_);
  }

  void OnProblem(const ExtractionProblem& p) override {
    // Undecodable glyphs are counted per font, not listed one by one.
    if (p.kind == ExtractionProblem::Kind::kUndecodableGlyph) {
      if (++undecodable_[{p.stream, p.op}] > 1) return;
    }
    page_->problems.push_back(p);
  }

 private:
  // An opaque box or image, in user space, painted after the first
  // `glyphs_before` glyphs.
  struct Cover {
    Rect area;
    size_t glyphs_before;
  };
  static constexpr size_t kMaxCovers = 20000;
  static constexpr size_t kMaxShapes = 100000;

  PageText* page_;
  int* images_;
  std::map<std::pair<int, int>, int> undecodable_;
  std::vector<Cover> covers_;
  std::vector<Rect> boxes_;  // opaque filled boxes, user space (MarkBlanks)
  std::vector<OutlineShape> shapes_;  // letter-sized filled shapes
  bool shapes_overflow_ = false;
};

}  // namespace

StatusOr<PageText> ExtractGlyphs(pdf::Document& doc, int index) {
  return ExtractGlyphs(doc, index, doc.limits());
}

StatusOr<PageText> ExtractFormGlyphs(pdf::Document& doc, const PoDoFo::PdfObject* form,
                                     int* images) {
  return ExtractFormGlyphs(doc, form, doc.limits(), images);
}

StatusOr<PageText> ExtractGlyphs(pdf::Document& doc, int index,
                                 const pdf::InterpreterLimits& limits) {
  return ExtractGlyphs(doc, index, limits, nullptr);
}

StatusOr<PageText> ExtractGlyphs(pdf::Document& doc, int index, const pdf::InterpreterLimits& limits,
                                 pdf::ContentSink* also) {
  pdf::ContentInterpreter interpreter(&doc, limits);
  return ExtractGlyphsWith(doc, index, &interpreter, also);
}

StatusOr<PageText> ExtractGlyphsWith(pdf::Document& doc, int index, pdf::ContentInterpreter* interpreter,
                                     pdf::ContentSink* also) {
  PageText page;
  page.number = index + 1;
  StatusOr<PageGeometry> geometry = doc.Geometry(index);
  if (!geometry) return Error(geometry.error());
  page.geometry = *geometry;
  // Glyphs gather in a buffer kept from page to page (warm memory, grown
  // once) and move once into a vector of the page's own size: grown from
  // empty, a page's vector moved every glyph about twice into fresh memory
  // and kept up to twice the room it needed, for the whole document.
  thread_local std::vector<Glyph> buffer;
  buffer.clear();
  page.glyphs.swap(buffer);
  GlyphCollector collector(&page);
  pdf::TeeSink tee(&collector, also);
  Status s = interpreter->RunPage(index, also ? static_cast<pdf::ContentSink*>(&tee) : &collector);
  if (s.ok()) {
    collector.MarkCovered();
    collector.MarkBlanks();
    collector.MeasureShapeRuns();
  }
  std::vector<Glyph> exact(std::make_move_iterator(page.glyphs.begin()), std::make_move_iterator(page.glyphs.end()));
  page.glyphs.swap(buffer);
  page.glyphs = std::move(exact);
  constexpr size_t kMaxKeptBuffer = size_t{1} << 16;  // glyphs: a huge page's room is given back
  if (buffer.capacity() > kMaxKeptBuffer) std::vector<Glyph>().swap(buffer);
  if (!s.ok()) return Error(s);
  page.marked_read = true;
  return page;
}

}  // namespace redact

namespace redact {

StatusOr<PageText> ExtractFormGlyphs(pdf::Document& doc, const PoDoFo::PdfObject* form,
                                     const pdf::InterpreterLimits& limits, int* images) {
  PageText page;
  page.number = 0;
  page.geometry = PageGeometry::Make({0, 0, 1, 1}, {0, 0, 1, 1}, 0);
  page.geometry.user_to_display = Matrix{1, 0, 0, -1, 0, 0};  // y down, as pages
  if (images) *images = 0;
  GlyphCollector collector(&page, images);
  pdf::ContentInterpreter interpreter(&doc, limits);
  Status s = interpreter.RunForm(form, &collector);
  if (!s.ok()) return Error(s);
  collector.MarkCovered();
  return page;
}

namespace {

// A 64-bit digest of what makes a glyph that glyph (its text, code, place
// and address in the content), mixed a word at a time. Not a secret: it only tells a page read twice from one
// that reads the same.
class GlyphDigest {
 public:
  void Mix(uint64_t v) {
    h_ ^= v + 0x9e3779b97f4a7c15ULL + (h_ << 6) + (h_ >> 2);
    h_ *= 0xff51afd7ed558ccdULL;
  }
  static uint64_t Pair(float a, float b) {
    return uint64_t{std::bit_cast<uint32_t>(a)} << 32 | std::bit_cast<uint32_t>(b);
  }
  void AddGlyph(const Glyph& g) {
    const std::string_view text = g.text;
    uint64_t word = text.size();
    for (size_t i = 0; i < text.size(); ++i) {
      word = word << 8 | static_cast<unsigned char>(text[i]);
      if (i % 7 == 6) Mix(word), word = 0;
    }
    Mix(word);
    // The user-space quad: the display box, baselines and size follow
    // from it and the page's geometry.
    for (int k = 0; k < 8; k += 2) Mix(Pair(g.quad.c[k], g.quad.c[k + 1]));
    Mix(Pair(g.pen_end.x, std::bit_cast<float>(g.code)));
    Mix(uint64_t{static_cast<uint32_t>(g.source.stream)} << 32 | static_cast<uint32_t>(g.source.op));
    Mix(uint64_t{static_cast<uint32_t>(g.source.code)} << 32 | uint64_t{static_cast<uint16_t>(g.code_length)} << 16 |
        static_cast<uint16_t>(g.render_mode));
    Mix(uint64_t{static_cast<uint16_t>(g.rotation)} << 2 | g.decodable | g.is_space << 1);
  }
  uint64_t value() const { return h_; }

 private:
  uint64_t h_ = 0xcbf29ce484222325ULL;
};

uint64_t DigestOf(const std::vector<Glyph>& glyphs) {
  GlyphDigest d;
  for (const Glyph& g : glyphs) d.AddGlyph(g);
  return d.value();
}

}  // namespace

bool CanReleaseGlyphs(const PageText& page) {
  return !page.released && std::none_of(page.glyphs.begin(), page.glyphs.end(), [](const Glyph& g) {
    return g.ocr || g.superseded || g.covered;
  });
}

void ReleaseGlyphs(PageText* page) {
  if (!CanReleaseGlyphs(*page)) return;
  PageText::ReleasedGlyphs r;
  r.count = page->glyphs.size();
  r.undecodable = page->undecodable_glyph_count();
  r.digest = DigestOf(page->glyphs);
  std::vector<Glyph>().swap(page->glyphs);
  page->released = r;
}

Status RestoreGlyphs(pdf::Document& doc, PageText* page) {
  if (!page->released) return Status::Ok();
  pdf::ContentInterpreter interpreter(&doc);
  return RestoreGlyphs(doc, page, &interpreter, nullptr);
}

Status RestoreGlyphs(pdf::Document& doc, PageText* page, pdf::ContentInterpreter* interpreter,
                     pdf::ContentSink* also) {
  if (!page->released) return Status(StatusCode::kInternal, "RestoreGlyphs: the page holds its glyphs");
  StatusOr<PageText> again = ExtractGlyphsWith(doc, page->number - 1, interpreter, also);
  if (!again) return again.error();
  if (again->glyphs.size() != page->released->count || DigestOf(again->glyphs) != page->released->digest) {
    return Status(StatusCode::kInternal, doc.name() + ": page " + std::to_string(page->number) +
                                             " read differently the second time; nothing is written from it");
  }
  page->glyphs = std::move(again->glyphs);
  page->released.reset();
  return Status::Ok();
}

void ReleaseRestoredGlyphs(PageText* page, const std::optional<PageText::ReleasedGlyphs>& was) {
  if (!was) return;
  std::vector<Glyph>().swap(page->glyphs);
  page->released = was;
}

}  // namespace redact
