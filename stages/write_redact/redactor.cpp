#include "stages/write_redact/redactor.h"

#include <podofo/podofo.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <unordered_map>
#include <set>
#include <unordered_set>

#include "pdf/content_interpreter.h"
#include "pdf/content_writer.h"
#include "pdf/podofo_util.h"
#include "stages/extract/extract.h"
#include "stages/extract/vector_text.h"
#include "stages/write_redact/image_burn.h"
#include "stages/write_redact/marks.h"
#include "stages/write_redact/ocr_layer.h"
#include "stages/write_redact/side_channels.h"

namespace redact {
namespace {

using PoDoFo::PdfObject;

struct RefHash {
  size_t operator()(const ContentRef& r) const {
    return (static_cast<size_t>(r.stream) * 1000003u + static_cast<size_t>(r.op)) * 1000003u +
           static_cast<size_t>(r.code);
  }
};

bool Overlaps(const Rect& a, const Rect& b) {
  return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
}

// One glyph as the rewriting pass saw it.
struct CodeRecord {
  uint32_t code;
  int length;
  bool removed;
  double tj_number;  // what keeps later glyphs in place when it is dropped
  bool compensable;
  int index;  // ContentRef::code
};

struct OpEdit {
  const pdf::Font* font = nullptr;
  std::vector<CodeRecord> codes;
  bool any_removed = false;
  bool drop = false;           // an image under a box
  // A copy's new resource name: a `Do` paints a copied form or a burned
  // image (an inline image's BI … EI becomes that `Do`); a `gs` sets a copy
  // of its ExtGState whose soft mask's group was rewritten.
  std::string rename;
};

struct StreamRecord {
  ContentStream info;
  const pdf::ParsedContent* parsed = nullptr;
  const PdfObject* xobject = nullptr;
  const PdfObject* resources = nullptr;
  std::unordered_map<int, OpEdit> ops;
  // Copies of child Form XObjects (and ExtGStates) to enter in this
  // stream's (private) resources under fresh names.
  std::vector<std::pair<std::string, PoDoFo::PdfReference>> new_xobjects;
  std::vector<std::pair<std::string, PoDoFo::PdfReference>> new_ext_gstates;
};

struct ImageHit {
  int stream;
  int op;
  Matrix ctm;
  const PdfObject* xobject;  // nullptr for inline images
  std::vector<Quad> boxes;   // the boxes over it
  Quad area;
};

// Records a page's run (every stream, show-text operator and image), then
// Decide marks what the plan removes: the run may come before the plan, when
// it is the one that reads a released page's glyphs back (RedactPage).
class PageRewriter : public pdf::ContentSink {
 public:
  explicit PageRewriter(RedactionSummary* summary) : summary_(summary) {}

  void OnStream(int index, const ContentStream& info, const pdf::ParsedContent& parsed) override {
    if (static_cast<int>(streams_.size()) <= index) streams_.resize(index + 1);
    streams_[index].info = info;
    streams_[index].parsed = &parsed;
  }
  void OnStreamSource(int index, const PdfObject* xobject, const PdfObject* resources) override {
    streams_[index].xobject = xobject;
    streams_[index].resources = resources;
  }
  void OnGlyph(const pdf::GlyphEvent& e) override {
    OpEdit& op = streams_[e.ref.stream].ops[e.ref.op];
    op.font = e.font;
    const bool compensable = std::fabs(e.tj_scale) > 1e-9;
    op.codes.push_back({e.code->code, e.code->length, false,
                        compensable ? -e.displacement / e.tj_scale * 1000.0 : 0.0, compensable, e.ref.code});
  }
  void OnImage(const pdf::ImageEvent& e) override {
    const Quad q{e.ctm.Apply({0, 0}), e.ctm.Apply({1, 0}), e.ctm.Apply({1, 1}), e.ctm.Apply({0, 1})};
    images_.push_back({e.stream, e.op, e.ctm, e.xobject, {}, q});
  }

  // The run's glyphs in `remove` are removed; an image under one of the
  // `boxes` (with their `box_bounds`) is a hit, to burn. Once, after the run.
  void Decide(const std::unordered_set<ContentRef, RefHash>& remove, const std::vector<Quad>& boxes,
              const std::vector<Rect>& box_bounds) {
    for (size_t si = 0; si < streams_.size(); ++si) {
      for (auto& [op_index, op] : streams_[si].ops) {
        for (CodeRecord& c : op.codes) {
          if (!remove.count(ContentRef{static_cast<int>(si), op_index, c.index})) continue;
          c.removed = true;
          op.any_removed = true;
          ++summary_->glyphs_removed;
        }
      }
    }
    for (ImageHit& hit : images_) {
      const Rect bounds = hit.area.Bounds();
      for (size_t i = 0; i < box_bounds.size(); ++i) {
        if (Overlaps(bounds, box_bounds[i])) hit.boxes.push_back(boxes[i]);
      }
      if (!hit.boxes.empty()) hits_.push_back(std::move(hit));
    }
    images_.clear();
  }

  // An image that could not be burned goes whole, under a box.
  void DropWhole(const ImageHit& hit) {
    streams_[hit.stream].ops[hit.op].drop = true;
    image_boxes_.push_back(hit.area);
    ++summary_->images_removed;
  }

  std::vector<StreamRecord>& streams() { return streams_; }
  const std::vector<ImageHit>& hits() const { return hits_; }
  const std::vector<Quad>& image_boxes() const { return image_boxes_; }

 private:
  std::vector<ImageHit> images_;  // every image of the run, until Decide
  std::vector<ImageHit> hits_;
  RedactionSummary* summary_;
  std::vector<StreamRecord> streams_;
  std::vector<Quad> image_boxes_;
};

// Rebuilds a show-text operator without its removed codes.
std::string RewriteShowText(const pdf::Operation& op, const OpEdit& edit) {
  std::string out;
  const auto& a = op.operands;
  std::vector<const pdf::Operand*> pieces;  // strings and numbers in order
  if (op.op == "TJ") {
    for (const pdf::Operand& item : a.back().items) pieces.push_back(&item);
  } else {
    if (op.op == "'") out += "T*\n";
    if (op.op == "\"") {
      out += pdf::Number(a[a.size() - 3].number) + " Tw " + pdf::Number(a[a.size() - 2].number) + " Tc T*\n";
    }
    pieces.push_back(&a.back());
  }
  std::string array, pending_bytes;
  double pending_number = 0;
  bool have_number = false;
  auto flush_bytes = [&]() {
    if (!pending_bytes.empty()) array += pdf::HexString(pending_bytes);
    pending_bytes.clear();
  };
  auto flush_number = [&]() {
    if (have_number && std::fabs(pending_number) > 1e-6) array += " " + pdf::Number(pending_number) + " ";
    pending_number = 0;
    have_number = false;
  };
  size_t next = 0;
  std::vector<pdf::DecodedCode> scratch;
  for (const pdf::Operand* piece : pieces) {
    if (piece->is_number()) {
      flush_bytes();
      pending_number += piece->number;
      have_number = true;
      continue;
    }
    if (!piece->is_string()) continue;
    scratch.clear();
    edit.font->Decode(piece->value, &scratch);
    for (size_t k = 0; k < scratch.size() && next < edit.codes.size(); ++k, ++next) {
      const CodeRecord& c = edit.codes[next];
      if (c.removed) {
        flush_bytes();
        pending_number += c.tj_number;
        have_number = true;
      } else {
        flush_number();
        for (int b = c.length - 1; b >= 0; --b) {
          pending_bytes.push_back(static_cast<char>((c.code >> (8 * b)) & 0xFF));
        }
      }
    }
  }
  flush_bytes();
  flush_number();
  return out + "[" + array + "] TJ";
}

// Why an extraction problem leaves content unread, for the error message.
std::string UnreadableContent(const ExtractionProblem& p) {
  switch (p.kind) {
    case ExtractionProblem::Kind::kStreamError:
      return "a content stream cannot be decoded (" + p.detail + ")";
    case ExtractionProblem::Kind::kBrokenXObject:
      return "a Form XObject cannot be read (" + p.detail + ")";
    case ExtractionProblem::Kind::kRecursionLimit:
      return p.detail + " is nested too deep or paints itself";
    default:
      return p.detail;
  }
}

// Operators outside ISO 32000 do nothing in a conforming viewer, but a
// lenient one might make something of them: rewritten streams drop them.
bool Unknown(const pdf::Operation& op) { return op.op != "BI" && !pdf::IsKnownOperator(op.op); }

// Serializes a stream with its edits. Unparsed bytes never reach the
// output; a Q with nothing to restore is dropped (it would pop our own q).
// The BDC operators in `strip` keep only their tag (BMC); those stripped
// are added to `stripped`.
std::string RewriteStream(const StreamRecord& s, const std::set<int>& strip, int* open_saves,
                          std::set<int>* stripped) {
  const pdf::ParsedContent& p = *s.parsed;
  std::string out;
  int depth = 0;
  for (int i = 0; i < static_cast<int>(p.ops.size()); ++i) {
    const pdf::Operation& op = p.ops[i];
    auto it = s.ops.find(i);
    if (it != s.ops.end() && it->second.drop) continue;
    if (Unknown(op)) continue;
    if (op.op == "q") ++depth;
    if (op.op == "Q") {
      if (depth == 0) continue;
      --depth;
    }
    if (strip.count(i) && op.operands.size() == 2 && op.operands[0].is_name() &&
        op.operands[1].type == pdf::Operand::Type::kDictionary) {
      // The property list may spell out removed text: keep only the tag.
      // (/OC /name BDC names a resource, not text: never stripped.)
      out.append(p.source, op.operands[0].begin, op.operands[0].end - op.operands[0].begin);
      out += " BMC";
      stripped->insert(i);
    } else if (it != s.ops.end() && it->second.any_removed) {
      out += RewriteShowText(op, it->second);
    } else if (it != s.ops.end() && !it->second.rename.empty()) {
      out += "/" + it->second.rename + (op.op == "gs" ? " gs" : " Do");  // a burned inline image becomes a Do
    } else {
      out.append(p.source, op.begin, op.end - op.begin);
    }
    out += '\n';
  }
  *open_saves = depth;
  return out;
}

bool NeedsRewrite(const StreamRecord& s, const std::set<int>& strip) {
  if (!strip.empty()) return true;
  // Unreadable bytes, unknown operators and a damaged tail are never copied.
  if (s.parsed && (s.parsed->bad_tokens > 0 || s.parsed->truncated)) return true;
  for (const pdf::Operation& op : s.parsed ? s.parsed->ops : std::vector<pdf::Operation>{}) {
    if (Unknown(op)) return true;
  }
  for (const auto& [i, e] : s.ops) {
    if (e.any_removed || e.drop || !e.rename.empty()) return true;
  }
  return false;
}

// A resource name not yet used in `dict`.
std::string FreshName(const PdfObject* dict, int* counter) {
  while (true) {
    std::string name = "RdX" + std::to_string(++*counter);
    if (!pdf::DictGet(dict, name)) return name;
  }
}

// A private copy of a stream's resources for its rewritten version: copies
// of changed forms are entered under their new names, and XObject names the
// rewritten stream no longer paints are dropped, so an original form that no
// other content uses becomes unreachable and is swept from the file.
PoDoFo::PdfObject PrivateResources(const StreamRecord& s, bool label_font = false,
                                   const PoDoFo::PdfObject* ocr_font = nullptr) {
  const PdfObject* source = pdf::Resolve(s.resources);
  PoDoFo::PdfObject res = (source && source->IsDictionary()) ? PoDoFo::PdfObject(*source)
                                                              : PoDoFo::PdfObject(PoDoFo::PdfDictionary());
  // Resolve against the document-owned original: references inside the
  // detached copy cannot be followed.
  const PdfObject* xo = pdf::DictGet(source, "XObject");
  PoDoFo::PdfObject xobjects = (xo && xo->IsDictionary()) ? PoDoFo::PdfObject(*xo)
                                                          : PoDoFo::PdfObject(PoDoFo::PdfDictionary());
  std::set<std::string> used;
  for (int i = 0; i < static_cast<int>(s.parsed->ops.size()); ++i) {
    const pdf::Operation& op = s.parsed->ops[i];
    if (op.op != "Do" || op.operands.empty() || !op.operands.back().is_name()) continue;
    auto it = s.ops.find(i);
    if (it != s.ops.end() && (it->second.drop || !it->second.rename.empty())) continue;
    used.insert(op.operands.back().value);
  }
  std::vector<PoDoFo::PdfName> unused;
  for (const auto& [name, value] : xobjects.GetDictionary().GetKeys()) {
    if (!used.count(name.GetName())) unused.push_back(name);
  }
  for (const PoDoFo::PdfName& n : unused) xobjects.GetDictionary().RemoveKey(n);
  for (const auto& [name, ref] : s.new_xobjects) {
    xobjects.GetDictionary().AddKey(PoDoFo::PdfName(name), ref);
  }
  res.GetDictionary().AddKey("XObject", xobjects);
  if (!s.new_ext_gstates.empty()) {
    const PdfObject* gs = pdf::DictGet(source, "ExtGState");
    PoDoFo::PdfObject states = (gs && gs->IsDictionary()) ? PoDoFo::PdfObject(*gs)
                                                          : PoDoFo::PdfObject(PoDoFo::PdfDictionary());
    for (const auto& [name, ref] : s.new_ext_gstates) states.GetDictionary().AddKey(PoDoFo::PdfName(name), ref);
    res.GetDictionary().AddKey("ExtGState", states);
  }
  if (label_font) {
    const PdfObject* fonts = pdf::DictGet(source, "Font");
    PoDoFo::PdfObject font_dict = (fonts && fonts->IsDictionary())
                                      ? PoDoFo::PdfObject(*fonts)
                                      : PoDoFo::PdfObject(PoDoFo::PdfDictionary());
    PoDoFo::PdfDictionary helvetica;
    helvetica.AddKey("Type", PoDoFo::PdfName("Font"));
    helvetica.AddKey("Subtype", PoDoFo::PdfName("Type1"));
    helvetica.AddKey("BaseFont", PoDoFo::PdfName("Helvetica"));
    helvetica.AddKey("Encoding", PoDoFo::PdfName("WinAnsiEncoding"));
    font_dict.GetDictionary().AddKey(kLabelFont, helvetica);
    res.GetDictionary().AddKey("Font", font_dict);
  }
  if (ocr_font) {
    const PdfObject* fonts = pdf::DictGet(&res, "Font");
    PoDoFo::PdfObject font_dict = (fonts && fonts->IsDictionary())
                                      ? PoDoFo::PdfObject(*fonts)
                                      : PoDoFo::PdfObject(PoDoFo::PdfDictionary());
    font_dict.GetDictionary().AddKey("RdOcr", ocr_font->Reference());
    res.GetDictionary().AddKey("Font", font_dict);
  }
  return res;
}

// Per-line quads covering a finding's glyphs (user space).
std::vector<Quad> FindingQuads(const PageText& page, const Finding& f) {
  std::vector<Quad> out;
  const Glyph* first = nullptr;
  const Glyph* last = nullptr;
  std::vector<const Glyph*> run;
  // One quad over every glyph of the run, along the first glyph's baseline:
  // glyphs of a run may differ in height (OCR'd words span their own ink —
  // a comma's tail, a tilde — and mixed font sizes), and all of each must
  // be under the box.
  auto flush = [&]() {
    if (first) {
      const Quad fq = first->quad, lq = last->quad;
      const Point o = fq.ll;
      Point u{fq.lr.x - o.x, fq.lr.y - o.y};
      const double ulen = std::hypot(u.x, u.y);
      if (ulen < 1e-9) {
        out.push_back({fq.ll, lq.lr, lq.ur, fq.ul});
      } else {
        u = {u.x / ulen, u.y / ulen};
        Point n{-u.y, u.x};
        const Point up{fq.ul.x - o.x, fq.ul.y - o.y};
        if (up.x * n.x + up.y * n.y < 0) n = {-n.x, -n.y};
        double a0 = 1e300, a1 = -1e300, b0 = 1e300, b1 = -1e300;
        for (const Glyph* g : run) {
          const Quad gq = g->quad;
          for (const Point& p : {gq.ll, gq.lr, gq.ur, gq.ul}) {
            const double a = (p.x - o.x) * u.x + (p.y - o.y) * u.y, b = (p.x - o.x) * n.x + (p.y - o.y) * n.y;
            a0 = std::min(a0, a), a1 = std::max(a1, a), b0 = std::min(b0, b), b1 = std::max(b1, b);
          }
        }
        auto at = [&](double a, double b) { return Point{o.x + a * u.x + b * n.x, o.y + a * u.y + b * n.y}; };
        out.push_back({at(a0, b0), at(a1, b0), at(a1, b1), at(a0, b1)});
      }
    }
    first = last = nullptr;
    run.clear();
  };
  for (int gi : f.glyphs) {
    const Glyph& g = page.glyphs[gi];
    if (first) {
      // Along and across the first glyph's baseline (display space), so
      // rotated pages and rotated text group the same way as upright text.
      double dx = first->baseline_end.x - first->baseline_start.x;
      double dy = first->baseline_end.y - first->baseline_start.y;
      const double len = std::hypot(dx, dy);
      if (len > 1e-9) {
        dx /= len;
        dy /= len;
      } else {
        dx = 1;
        dy = 0;
      }
      const double rx = g.baseline_start.x - first->baseline_start.x;
      const double ry = g.baseline_start.y - first->baseline_start.y;
      const double across = std::fabs(-rx * dy + ry * dx);
      const double back = (g.baseline_start.x - last->baseline_start.x) * dx +
                          (g.baseline_start.y - last->baseline_start.y) * dy;
      const double gap = std::hypot(g.baseline_start.x - last->baseline_end.x,
                                    g.baseline_start.y - last->baseline_end.y);
      // A new quad at a new line, a change of direction, or a gap over 1 em
      // (a name spread over two form fields gets two boxes, not one across).
      if (g.rotation != first->rotation || across > 0.5 * g.font_size ||
          back < -0.5 * g.font_size || gap > g.font_size) {
        flush();
      }
    }
    if (!first) first = &g;
    last = &g;
    run.push_back(&g);
  }
  flush();
  return out;
}

// What the writer decided for one page before touching it: the glyphs to
// remove and the boxes to draw (with the finding and category of each).
struct PagePlan {
  std::unordered_set<ContentRef, RefHash> remove;
  std::vector<Quad> quads;
  std::vector<std::string> quad_categories;
  std::vector<const Finding*> quad_findings;  // null for undecodable glyphs
  std::vector<bool> quad_first;               // the finding's first line
  std::vector<bool> quad_area;                // a finding's area: kept whole
  std::vector<bool> removed_glyphs;           // indexed like PageText::glyphs
  bool parse_problems = false;                // bad tokens, unknown operators
  bool superseded = false;                    // an old OCR layer goes
  bool add_ocr_layer = false;

  void AddQuad(const Quad& q, const std::string& category, const Finding* f, bool first, bool area = false) {
    quads.push_back(q);
    quad_categories.push_back(category);
    quad_findings.push_back(f);
    quad_first.push_back(first);
    quad_area.push_back(area);
  }
};

// State carried from page to page of one document.
struct DocumentState {
  int name_counter = 0;
  PdfObject* ocr_layer_font = nullptr;                  // made on first use
  std::map<std::string, std::set<int>> changed_images;  // object → pages changed on
};

// Text drawn as outlines, judged by layout (stages/extract/vector_text.h)
// on a page with at least min_shapes glyph-like shapes: enough of them in
// word-like runs fails the document; a few runs put the page to review
// (RedactionSummary::vector_text_pages); none is a drawing.
Status CheckVectorText(const pdf::Document& doc, const PageText& page, const RedactOptions& options,
                       RedactionSummary* summary) {
  if (options.vector_text_min_shapes <= 0 || page.glyph_like_shapes < options.vector_text_min_shapes) {
    return Status();
  }
  if (page.glyph_like_in_runs >= options.vector_text_min_shapes) {
    return Status(StatusCode::kUnsupported,
                  doc.name() + ": page " + std::to_string(page.number) + ": " +
                      std::to_string(page.glyph_like_shapes) +
                      " glyph-like shapes: text seems to be drawn as outlines, which cannot be read "
                      "without rendering (policy [vector_text] action = \"keep\" if they are not text)");
  }
  if (page.glyph_like_in_runs >= kMinRunShapes) {
    summary->vector_text_pages.push_back(page.number);
    summary->warnings.push_back("page " + std::to_string(page.number) + ": " +
                                std::to_string(page.glyph_like_shapes) + " glyph-like shapes, " +
                                std::to_string(page.glyph_like_in_runs) +
                                " of them in word-like runs: some may be text drawn as outlines");
  }
  return Status();
}

// Fails the document when the page holds content that cannot be read
// (neither copied nor silently dropped).
Status CheckPageReadable(const pdf::Document& doc, const PageText& page, const RedactOptions& options,
                         bool* parse_problems) {
  for (const ExtractionProblem& p : page.problems) {
    using Kind = ExtractionProblem::Kind;
    *parse_problems |= p.kind == Kind::kBadToken || p.kind == Kind::kUnknownOperator;
    // Content a viewer may paint but we could not read: neither copied
    // nor silently dropped; the document fails and says where.
    if (p.kind == Kind::kStreamError || p.kind == Kind::kBrokenXObject || p.kind == Kind::kRecursionLimit) {
      return Status(StatusCode::kDamagedPdf, doc.name() + ": page " + std::to_string(page.number) + ": " +
                                                 UnreadableContent(p) +
                                                 "; content that cannot be read is not passed through");
    }
  }
  return Status::Ok();
}

// Whether `p` lies inside the convex quadrilateral `q` (either winding).
bool InQuad(const Quad& q, Point p) {
  const Point c[4] = {q.ll, q.lr, q.ur, q.ul};
  bool pos = false, neg = false;
  for (int i = 0; i < 4; ++i) {
    const Point a = c[i], b = c[(i + 1) % 4];
    const double cross = (b.x - a.x) * (p.y - a.y) - (b.y - a.y) * (p.x - a.x);
    pos |= cross > 0;
    neg |= cross < 0;
  }
  return !(pos && neg);
}

// A finding's areas: boxed and burned whole (first, so that a replacement
// drawn on the finding's glyphs lies over them), and the glyphs whose
// centre lies inside removed.
void PlanAreas(const PageText& page, const Finding& f, PagePlan* plan) {
  for (const Quad& area : f.areas) {
    plan->AddQuad(area, f.category, &f, false, true);
    for (size_t g = 0; g < page.glyphs.size(); ++g) {
      const Quad& q = page.glyphs[g].quad;
      const Point centre{(q.ll.x + q.lr.x + q.ur.x + q.ul.x) / 4, (q.ll.y + q.lr.y + q.ur.y + q.ul.y) / 4};
      if (!InQuad(area, centre)) continue;
      plan->remove.insert(page.glyphs[g].source);
      plan->removed_glyphs[g] = true;
    }
  }
}

// The glyphs of the page's findings, and their boxes. OCR'd letters are
// placed from the recognizer's boxes, which can be spread evenly over a
// word when its segmentation disagrees with its text: a finding's last
// letter may then lie partly in the next glyph's slot ("Hernandez,"). On
// scans whole words are boxed.
void PlanFindings(const PageText& page, const std::vector<const Finding*>& page_findings, PagePlan* plan) {
  std::vector<int> word_of(page.glyph_count(), -1);
  for (size_t w = 0; w < page.words.size(); ++w) {
    for (int g : page.words[w].glyphs) word_of[static_cast<size_t>(g)] = static_cast<int>(w);
  }
  for (const Finding* f : page_findings) {
    PlanAreas(page, *f, plan);
    Finding boxed = *f;
    boxed.glyphs.clear();
    std::set<int> words_done;
    for (int g : f->glyphs) {
      const int w = word_of[static_cast<size_t>(g)];
      if (!page.glyphs[g].ocr || w < 0) {
        boxed.glyphs.push_back(g);
      } else if (words_done.insert(w).second) {
        for (int wg : page.words[static_cast<size_t>(w)].glyphs) boxed.glyphs.push_back(wg);
      }
    }
    for (int g : boxed.glyphs) {
      plan->remove.insert(page.glyphs[g].source);
      plan->removed_glyphs[static_cast<size_t>(g)] = true;
    }
    bool first = true;
    for (const Quad& q : FindingQuads(page, boxed)) {
      plan->AddQuad(q, f->category, f, first);
      first = false;
    }
  }
}

// An invisible layer our OCR replaced (--ocr always) goes, unboxed; and,
// fail closed, glyphs we could not decode may be anything: they go, boxed,
// or the document fails (policy).
Status PlanSupersededAndUndecodable(const pdf::Document& doc, const PageText& page, bool has_findings,
                                    const RedactOptions& options, PagePlan* plan, RedactionSummary* summary) {
  bool ocr_read = false;
  for (const Glyph& g : page.glyphs) {
    if (g.superseded) plan->remove.insert(g.source), plan->superseded = true;
    ocr_read |= g.ocr;
  }
  plan->add_ocr_layer = options.ocr_layer && ocr_read;
  if (!has_findings && !options.undecodable_everywhere) return Status::Ok();
  bool removed_here = false;
  for (const Glyph& g : page.glyphs) {
    if (g.decodable) continue;
    if (options.fail_on_undecodable) {
      return Status(StatusCode::kUnsupported, doc.name() + ": page " + std::to_string(page.number) +
                                                  ": text with no provable Unicode (policy: fail)");
    }
    if (plan->remove.insert(g.source).second) {
      plan->AddQuad(g.quad, "undecodable", nullptr, false);
      ++summary->undecodable_removed;
      removed_here = true;
    }
  }
  if (removed_here) {
    summary->undecodable_pages.push_back(page.number);
    summary->warnings.push_back("page " + std::to_string(page.number) +
                                ": text with no provable Unicode was removed and boxed; what it said is "
                                "unknown, so check the page by hand");
  }
  return Status::Ok();
}

// Box ends: never over the next live glyph on the line (kerning can pull
// it under the last removed glyph's advance; that glyph's ink is gone, so
// stopping short hides nothing). With uniform widths, boxes are first
// rounded up to a multiple of 3 ems into the empty space that remains. In
// a fixed layout the next word's position still shows the removed width;
// rounding only blurs the box.
void TrimBoxes(const PageText& page, const RedactOptions& options, PagePlan* plan) {
  for (size_t i = 0; i < plan->quads.size(); ++i) {
    if (plan->quad_area[i]) continue;  // a reviewer's box stays as drawn
    Quad& q = plan->quads[i];
    const double dx = q.lr.x - q.ll.x, dy = q.lr.y - q.ll.y;
    const double width = std::hypot(dx, dy);
    const double height = std::hypot(q.ul.x - q.ll.x, q.ul.y - q.ll.y);
    if (width < 1e-6 || height < 1e-6) continue;
    const double ux = dx / width, uy = dy / width;
    double target = options.uniform_width ? std::ceil(width / (3 * height)) * 3 * height : width;
    for (const Glyph& g : page.glyphs) {
      if (g.is_space) continue;
      const Quad gq = g.quad;
      const double rx = gq.ll.x - q.ll.x, ry = gq.ll.y - q.ll.y;
      const double along = rx * ux + ry * uy, across = -rx * uy + ry * ux;
      if (std::fabs(across) >= 0.5 * height || along <= 0.5 * width) continue;
      // Spaces between the words of a removed name are no live text, nor
      // are its glyphs (asked last: the geometry rules out most glyphs).
      if (plan->remove.count(g.source)) continue;
      target = std::min(target, along < width ? along : std::max(width, along - 1.0));
    }
    const double k = target / width;
    q.lr = {q.ll.x + dx * k, q.ll.y + dy * k};
    q.ur = {q.ul.x + dx * k, q.ul.y + dy * k};
  }
}

// Everything decided about page `page` before it is interpreted again.
StatusOr<PagePlan> PlanPage(const pdf::Document& doc, const PageText& page,
                            const std::vector<const Finding*>& page_findings, const RedactOptions& options,
                            RedactionSummary* summary) {
  PagePlan plan;
  plan.removed_glyphs.assign(page.glyph_count(), false);
  Status readable = CheckPageReadable(doc, page, options, &plan.parse_problems);
  if (!readable.ok()) return Error(readable);
  Status vector_text = CheckVectorText(doc, page, options, summary);
  if (!vector_text.ok()) return Error(vector_text);
  // Read up to a damaged tail: the page is rewritten from what was read,
  // so the unread rest is not in the output (and the page is to review).
  for (const ExtractionProblem& p : page.problems) {
    if (p.kind != ExtractionProblem::Kind::kTruncatedStream) continue;
    summary->warnings.push_back("page " + std::to_string(page.number) + ": " + p.detail +
                                "; the output holds only what was read");
  }
  PlanFindings(page, page_findings, &plan);
  Status undecodable = PlanSupersededAndUndecodable(doc, page, !page_findings.empty(), options, &plan, summary);
  if (!undecodable.ok()) return Error(undecodable);
  TrimBoxes(page, options, &plan);
  return plan;
}

// The BDC operators of each stream whose property lists must go: those
// whose sequence holds a removed glyph, and those analysis found an
// identifier in (`marked`, this page's marked-content findings, listed per
// stream in `by_stream`).
std::vector<std::set<int>> PropertiesToStrip(const std::vector<StreamRecord>& streams,
                                             const std::vector<const Finding*>& marked,
                                             std::vector<std::vector<const Finding*>>* by_stream) {
  std::vector<std::set<int>> strip(streams.size());
  by_stream->assign(streams.size(), {});
  for (const Finding* f : marked) {
    if (f->stream < 0 || f->stream >= static_cast<int>(streams.size())) continue;  // stays pending
    strip[static_cast<size_t>(f->stream)].insert(f->op);
    (*by_stream)[static_cast<size_t>(f->stream)].push_back(f);
  }
  for (size_t si = 0; si < streams.size(); ++si) {
    if (!streams[si].parsed) continue;
    const pdf::ParsedContent& p = *streams[si].parsed;
    std::vector<int> open;
    for (int i = 0; i < static_cast<int>(p.ops.size()); ++i) {
      const pdf::Operation& op = p.ops[i];
      if (op.op == "BDC" || op.op == "BMC") {
        open.push_back(op.op == "BDC" ? i : -1);
      } else if (op.op == "EMC") {
        if (!open.empty()) open.pop_back();
      } else if (auto it = streams[si].ops.find(i); it != streams[si].ops.end() && it->second.any_removed) {
        for (int b : open) {
          if (b >= 0) strip[si].insert(b);
        }
      }
    }
  }
  return strip;
}

// Images under boxes: burned copies replace their invocations; what cannot
// be burned goes whole. Throws PoDoFo errors (call inside pdf::Guard).
void BurnImages(pdf::Document& doc, const PageText& page, PageRewriter& rewriter, DocumentState* state,
                RedactionSummary* summary) {
  PoDoFo::PdfVecObjects& objects = doc.podofo().GetObjects();
  auto& streams = rewriter.streams();
  for (const ImageHit& hit : rewriter.hits()) {
    StreamRecord& s = streams[hit.stream];
    StatusOr<PdfObject*> burned = Error(StatusCode::kUnsupported, "no image");
    if (hit.xobject) {
      state->changed_images[pdf::Describe(hit.xobject)].insert(page.number);
      burned = BurnImage(objects, hit.xobject, hit.ctm, hit.boxes);
    } else {
      // Painted in its place as a burned image XObject.
      const pdf::Operation& op = s.parsed->ops[static_cast<size_t>(hit.op)];
      burned = op.operands.empty() || op.data_end < op.data_begin
                   ? Error(StatusCode::kUnsupported, "inline image without a dictionary")
                   : BurnInlineImage(objects, op.operands[0],
                                     std::string_view(s.parsed->source).substr(op.data_begin,
                                                                                op.data_end - op.data_begin),
                                     s.resources, hit.ctm, hit.boxes);
    }
    if (!burned) {
      rewriter.DropWhole(hit);
      summary->warnings.push_back("page " + std::to_string(page.number) + ": " +
                                  (hit.xobject ? "image " + pdf::Describe(hit.xobject) : "inline image") +
                                  " replaced whole (" + burned.error().message() + ")");
      continue;
    }
    const std::string name = FreshName(pdf::DictGet(s.resources, "XObject"), &state->name_counter);
    s.new_xobjects.push_back({name, (*burned)->Reference()});
    s.ops[hit.op].rename = name;
    ++summary->images_burned;
  }
}

// One stream's new bytes; the marked-content findings whose property lists
// it stripped are done.
std::string RewriteAndTrack(const StreamRecord& s, const std::set<int>& strip,
                            const std::vector<const Finding*>& marked, SideFindings* side) {
  int open_saves = 0;
  std::set<int> stripped;
  std::string data = RewriteStream(s, strip, &open_saves, &stripped);
  data.append(static_cast<size_t>(open_saves), 'Q');
  for (const Finding* f : marked) {
    if (stripped.count(f->op)) side->Done(f);
  }
  return data;
}

// A soft mask's rewritten group enters its parent as a copy of the
// ExtGState that set it, with a copy of the mask pointing at the group's
// copy, under a fresh name the `gs` now sets. The original ExtGState, if
// nothing else sets it, is cut from the resources with the original group.
Status EnterSoftMaskCopy(PoDoFo::PdfVecObjects& objects, StreamRecord& parent, int gs_op,
                         const PoDoFo::PdfReference& group, DocumentState* state) {
  const pdf::Operation& op = parent.parsed->ops[static_cast<size_t>(gs_op)];
  const PdfObject* states = pdf::DictGet(parent.resources, "ExtGState");
  const PdfObject* original = pdf::DictGet(states, op.operands.back().value);
  const PdfObject* mask = pdf::Resolve(pdf::DictGet(original, "SMask"));
  if (!original || !original->IsDictionary() || !mask || !mask->IsDictionary()) {
    return Status(StatusCode::kInternal, "a soft mask's rewritten group has no ExtGState to enter it in");
  }
  PoDoFo::PdfDictionary mask_copy = mask->GetDictionary();
  mask_copy.AddKey("G", group);
  PoDoFo::PdfDictionary gs_copy = original->GetDictionary();
  gs_copy.AddKey("SMask", mask_copy);
  PdfObject* copy = objects.CreateObject(PoDoFo::PdfVariant(gs_copy));
  const std::string name = FreshName(states, &state->name_counter);
  parent.new_ext_gstates.push_back({name, copy->Reference()});
  parent.ops[gs_op].rename = name;
  return Status::Ok();
}

// Changed Form XObjects and soft masks' groups, children before parents (a
// copied form renames its Do, a copied group its gs, in the parent). Each
// is copied: other pages or invocations may use it unchanged. Throws PoDoFo
// errors (call inside pdf::Guard).
Status RewriteForms(pdf::Document& doc, std::vector<StreamRecord>& streams, const std::vector<std::set<int>>& strip,
                    const std::vector<std::vector<const Finding*>>& marked, SideFindings* side,
                    DocumentState* state, RedactionSummary* summary) {
  PoDoFo::PdfVecObjects& objects = doc.podofo().GetObjects();
  for (int si = static_cast<int>(streams.size()) - 1; si >= 1; --si) {
    StreamRecord& s = streams[si];
    if (!s.parsed || !s.xobject || !NeedsRewrite(s, strip[si])) continue;
    const std::string data = RewriteAndTrack(s, strip[si], marked[si], side);
    PdfObject* copy = objects.CreateObject(PoDoFo::PdfVariant(s.xobject->GetDictionary()));
    copy->GetDictionary().RemoveKey("DecodeParms");
    copy->GetDictionary().RemoveKey("Filter");
    copy->GetDictionary().AddKey("Resources", PrivateResources(s));
    copy->GetStream()->Set(data.data(), static_cast<PoDoFo::pdf_long>(data.size()));
    ++summary->forms_copied;
    ++summary->streams_rewritten;
    StreamRecord& parent = streams[s.info.parent_stream];
    if (s.info.kind == ContentStream::Kind::kSoftMaskGroup) {
      if (Status e = EnterSoftMaskCopy(objects, parent, s.info.parent_op, copy->Reference(), state); !e.ok()) return e;
      continue;
    }
    const std::string name = FreshName(pdf::DictGet(parent.resources, "XObject"), &state->name_counter);
    parent.new_xobjects.push_back({name, copy->Reference()});
    parent.ops[s.info.parent_op].rename = name;
  }
  return Status::Ok();
}

// Boxes (with labels) over what was removed, or in pseudonymize mode each
// finding's replacement on its first line (later lines stay empty, nothing
// is boxed; over an image or an area's box the burned, black, pixels are
// first painted white, so the replacement reads on a scan as on a typed
// page). A finding's areas are boxed in either mode.
std::string DrawMarks(const PageText& page, const PagePlan& plan, const PageRewriter& rewriter,
                      const RedactOptions& options, std::vector<ReplacementDrawn>* drawn) {
  std::string data;
  const Matrix to_user = page.geometry.user_to_display.Inverse();
  for (size_t k = 0; k < plan.quads.size(); ++k) {
    const Finding* f = plan.quad_findings[k];
    if (options.pseudonymize && f && !f->replacement.empty() && !plan.quad_area[k]) {
      const Rect bounds = plan.quads[k].Bounds();
      bool over_black = false;
      for (const ImageHit& hit : rewriter.hits()) over_black |= Overlaps(bounds, hit.area.Bounds());
      for (size_t a = 0; a < plan.quads.size(); ++a) {
        over_black |= plan.quad_area[a] && Overlaps(bounds, plan.quads[a].Bounds());
      }
      if (over_black) data += WhiteOutMark(plan.quads[k], 2.5);  // past the burn's 2-pixel margin
      if (plan.quad_first[k] && !f->glyphs.empty()) {
        const Glyph& g0 = page.glyphs[f->glyphs.front()];
        std::vector<std::string> forms{f->replacement};
        forms.insert(forms.end(), f->shorter_replacements.begin(), f->shorter_replacements.end());
        DrawnReplacement r = ReplacementText(plan.quads[k], to_user.Apply(g0.baseline_start), g0.font_size, forms,
                                             options.min_replacement_scale);
        data += r.ops;
        if (!r.ops.empty()) drawn->push_back({page.number, f, r.form, r.scale});
      }
      continue;
    }
    data += BoxMark(plan.quads[k]);
    auto label = options.labels.find(plan.quad_categories[k]);
    if (f && !f->label.empty() && plan.quad_first[k]) {
      data += LabelText(plan.quads[k], f->label);  // a reviewer's label, on the finding's first box
    } else if (label != options.labels.end() && !label->second.empty()) {
      data += LabelText(plan.quads[k], label->second);
    }
  }
  for (const Quad& q : rewriter.image_boxes()) data += BoxMark(q);
  return data;
}

// The page itself: one new content stream, the original wrapped in q/Q,
// marks drawn in default user space on top, then the OCR text layer; and
// private resources. Throws PoDoFo errors (call inside pdf::Guard).
Status CommitPage(pdf::Document& doc, int index, const PageText& page, const PagePlan& plan,
                  PageRewriter& rewriter, const std::vector<std::set<int>>& strip,
                  const std::vector<std::vector<const Finding*>>& marked, const RedactOptions& options,
                  SideFindings* side, DocumentState* state, RedactionSummary* summary) {
  auto& streams = rewriter.streams();
  std::string data = "q\n" + RewriteAndTrack(streams[0], strip[0], marked[0], side) + "\nQ\n";
  if (options.draw_boxes) data += DrawMarks(page, plan, rewriter, options, &summary->replacements);
  const PdfObject* ocr_font = nullptr;
  if (plan.add_ocr_layer) {
    const std::string layer = OcrTextLayer(page, plan.removed_glyphs, "RdOcr");
    if (!layer.empty()) {
      if (!state->ocr_layer_font) state->ocr_layer_font = AddOcrLayerFont(doc.podofo().GetObjects());
      ocr_font = state->ocr_layer_font;
      data += "q\n" + layer + "Q\n";
    }
  }
  StatusOr<PdfObject*> page_obj = doc.MutablePageObject(index);
  if (!page_obj) return page_obj.error();
  auto& page_dict = (*page_obj)->GetDictionary();
  page_dict.AddKey("Contents", doc.NewStream(data)->Reference());
  const bool reviewer_labels = std::any_of(plan.quad_findings.begin(), plan.quad_findings.end(),
                                           [](const Finding* f) { return f && !f->label.empty(); });
  const bool label_font = !options.labels.empty() || options.pseudonymize || reviewer_labels;
  page_dict.AddKey("Resources", PrivateResources(streams[0], options.draw_boxes && label_font, ocr_font));
  ++summary->streams_rewritten;
  return Status::Ok();
}

// One page: plan, interpret again to find what to rewrite, then edit it all
// or nothing (the edit runs inside one guard). A released page whose plan
// reads glyphs (`restore`) gets them back from the same run that the
// rewrite records, before the plan: the page is interpreted once here.
Status RedactPage(pdf::Document& doc, int index, PageText* text, bool restore,
                  const std::vector<const Finding*>& page_findings, const RedactOptions& options,
                  SideFindings* side, DocumentState* state, RedactionSummary* summary) {
  const PageText& page = *text;
  PageRewriter rewriter(summary);
  pdf::ContentInterpreter interpreter(&doc);
  const bool run_first = restore && page.released.has_value();
  if (run_first) {
    if (Status again = RestoreGlyphs(doc, text, &interpreter, &rewriter); !again.ok()) return again;
  }
  for (const Finding* f : page_findings) summary->finding_boxes[f] = page.GlyphBounds(f->glyphs);
  StatusOr<PagePlan> plan = PlanPage(doc, page, page_findings, options, summary);
  if (!plan) return plan.error();
  std::vector<Rect> bounds;
  for (const Quad& q : plan->quads) bounds.push_back(q.Bounds());
  if (!run_first) {
    if (Status run = interpreter.RunPage(index, &rewriter); !run.ok()) return run;
  }
  rewriter.Decide(plan->remove, plan->quads, bounds);
  auto& streams = rewriter.streams();
  std::vector<std::vector<const Finding*>> marked;
  const std::vector<std::set<int>> strip = PropertiesToStrip(streams, side->MarkedContent(page.number), &marked);
  bool any_change = !page_findings.empty() || plan->parse_problems || !rewriter.hits().empty() ||
                    plan->superseded || plan->add_ocr_layer;
  for (size_t si = 0; si < streams.size(); ++si) {
    if (streams[si].parsed) any_change |= NeedsRewrite(streams[si], strip[si]);
  }
  if (!any_change) return Status::Ok();  // nothing on this page to remove
  Status edited = pdf::Guard(doc.name(), [&]() -> Status {
    BurnImages(doc, page, rewriter, state, summary);
    if (Status s = RewriteForms(doc, streams, strip, marked, side, state, summary); !s.ok()) return s;
    return CommitPage(doc, index, page, *plan, rewriter, strip, marked, options, side, state, summary);
  });
  if (!edited.ok()) return edited;
  for (size_t k = 0; k < plan->quads.size(); ++k) {
    summary->boxes.push_back({page.number, plan->quads[k], plan->quad_categories[k]});
  }
  for (const Quad& q : rewriter.image_boxes()) summary->boxes.push_back({page.number, q, "image"});
  return Status::Ok();
}

// An image changed on some pages may be painted, unchanged, on others: the
// report says where (those pages had no box over it).
void WarnSharedImages(pdf::Document& doc, const std::vector<PageText>& pages,
                      const std::map<std::string, std::set<int>>& changed_images, RedactionSummary* summary) {
  if (changed_images.empty()) return;
  std::map<std::string, std::set<int>> used_on;
  for (size_t pi = 0; pi < pages.size(); ++pi) {
    StatusOr<const PdfObject*> page_obj = doc.PageObject(static_cast<int>(pi));
    if (!page_obj) continue;
    std::vector<std::pair<const PdfObject*, int>> todo{
        {pdf::DictGet(doc.InheritedPageKey(*page_obj, "Resources"), "XObject"), 0}};
    std::set<const PdfObject*> seen;
    while (!todo.empty()) {
      auto [xobjects, depth] = todo.back();
      todo.pop_back();
      xobjects = pdf::Resolve(xobjects);
      if (!xobjects || !xobjects->IsDictionary() || depth > 16 || !seen.insert(xobjects).second) continue;
      for (const auto& [name, value] : xobjects->GetDictionary().GetKeys()) {
        const PdfObject* x = pdf::Resolve(static_cast<const PdfObject*>(value));
        if (!x) continue;
        used_on[pdf::Describe(x)].insert(pages[pi].number);
        todo.push_back({pdf::DictGet(pdf::DictGet(x, "Resources"), "XObject"), depth + 1});
      }
    }
  }
  for (const auto& [image, changed] : changed_images) {
    std::string others;
    for (int p : used_on[image]) {
      if (!changed.count(p)) others += (others.empty() ? "" : ", ") + std::to_string(p);
    }
    if (!others.empty()) {
      summary->warnings.push_back("image " + image + " was changed where boxes covered it; "
                                  "page(s) " + others + " still paint the original (no box there)");
    }
  }
}

// Where a side-channel finding lies, for an error message (no values).
std::string Where(const Finding& f) {
  std::string where = f.channel;
  if (f.page > 0) where += " on page " + std::to_string(f.page);
  if (!f.object.empty()) where += ", object " + f.object;
  if (f.stream >= 0) where += ", stream " + std::to_string(f.stream) + " operator " + std::to_string(f.op);
  return where;
}

}  // namespace

StatusOr<RedactionSummary> RedactDocument(pdf::Document& doc, std::vector<PageText>* pages_in,
                                          const std::vector<Finding>& findings,
                                          const std::vector<Finding>& side_findings,
                                          const RedactOptions& options) {
  const std::vector<PageText>& pages = *pages_in;
  RedactionSummary summary;
  SideFindings side;
  side.Add(findings);
  side.Add(side_findings);
  std::vector<std::vector<const Finding*>> by_page(pages.size());
  for (const std::vector<Finding>* list : {&findings, &side_findings}) {
    for (const Finding& f : *list) {
      if (f.channel != kChannelPage) continue;
      if (f.page >= 1 && f.page <= static_cast<int>(pages.size())) by_page[f.page - 1].push_back(&f);
    }
  }
  DocumentState state;
  for (size_t pi = 0; pi < pages.size(); ++pi) {
    PageText& text = (*pages_in)[pi];
    const std::optional<PageText::ReleasedGlyphs> released = text.released;
    // A released page is read again when its plan reads glyphs: it has
    // findings, or text with no provable Unicode (PlanSupersededAndUndecodable;
    // it holds no superseded or OCR'd glyph, CanReleaseGlyphs). Otherwise
    // its plan is empty and the page is only rewritten.
    const bool plan_reads_glyphs = !by_page[pi].empty() || (released && released->undecodable > 0);
    Status page = RedactPage(doc, static_cast<int>(pi), &text, plan_reads_glyphs, by_page[pi], options, &side,
                             &state, &summary);
    if (!page.ok()) return Error(page);
    ReleaseRestoredGlyphs(&text, released);
  }
  WarnSharedImages(doc, pages, state.changed_images, &summary);
  Status scrubbed = ScrubSideChannels(doc, pages, &side, &summary);
  if (!scrubbed.ok()) return Error(scrubbed);
  // Fail closed: an identifier analysis found and the writer did not reach
  // would survive in the output.
  if (const Finding* pending = side.FirstPending()) {
    return Error(StatusCode::kInternal, doc.name() + ": analysis found an identifier in the " + Where(*pending) +
                                            ", which the writer could not find to remove; nothing is written");
  }
  return summary;
}

}  // namespace redact
