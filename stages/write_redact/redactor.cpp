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
#include "pdf/cmap.h"
#include "pdf/font_data.h"
#include "pdf/podofo_util.h"
#include "stages/detect/detector.h"
#include "stages/write_redact/image_burn.h"
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

std::string Num(double v) {
  if (std::fabs(v) < 5e-5) return "0";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.4f", v);
  std::string s(buf);
  s.erase(s.find_last_not_of('0') + 1);
  if (s.back() == '.') s.pop_back();
  return s;
}

std::string Hex(const std::string& bytes) {
  static const char* kDigits = "0123456789ABCDEF";
  std::string out = "<";
  for (unsigned char c : bytes) {
    out.push_back(kDigits[c >> 4]);
    out.push_back(kDigits[c & 15]);
  }
  return out + ">";
}

std::string QuadPath(const Quad& q) {
  return Num(q.ll.x) + " " + Num(q.ll.y) + " m " + Num(q.lr.x) + " " + Num(q.lr.y) + " l " +
         Num(q.ur.x) + " " + Num(q.ur.y) + " l " + Num(q.ul.x) + " " + Num(q.ul.y) + " l h\n";
}

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
};

struct OpEdit {
  const pdf::Font* font = nullptr;
  std::vector<CodeRecord> codes;
  bool any_removed = false;
  bool drop = false;           // an image under a box
  std::string rename_do;       // a copied Form XObject's new resource name
};

struct StreamRecord {
  ContentStream info;
  const pdf::ParsedContent* parsed = nullptr;
  const PdfObject* xobject = nullptr;
  const PdfObject* resources = nullptr;
  std::unordered_map<int, OpEdit> ops;
  // Copies of child Form XObjects to enter in this stream's (private)
  // resources under fresh names.
  std::vector<std::pair<std::string, PoDoFo::PdfReference>> new_xobjects;
};

struct ImageHit {
  int stream;
  int op;
  Matrix ctm;
  const PdfObject* xobject;  // nullptr for inline images
  std::vector<Quad> boxes;   // the boxes over it
  Quad area;
};

class PageRewriter : public pdf::ContentSink {
 public:
  PageRewriter(const std::unordered_set<ContentRef, RefHash>& remove, const std::vector<Quad>& boxes,
               const std::vector<Rect>& box_bounds, RedactionSummary* summary, int page)
      : remove_(remove), boxes_(boxes), box_bounds_(box_bounds), summary_(summary), page_(page) {}

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
    const bool removed = remove_.count(e.ref) > 0;
    const bool compensable = std::fabs(e.tj_scale) > 1e-9;
    op.codes.push_back({e.code->code, e.code->length, removed,
                        compensable ? -e.displacement / e.tj_scale * 1000.0 : 0.0, compensable});
    if (removed) {
      op.any_removed = true;
      ++summary_->glyphs_removed;
    }
  }
  void OnImage(const pdf::ImageEvent& e) override {
    const Quad q{e.ctm.Apply({0, 0}), e.ctm.Apply({1, 0}), e.ctm.Apply({1, 1}), e.ctm.Apply({0, 1})};
    const Rect bounds = q.Bounds();
    ImageHit hit{e.stream, e.op, e.ctm, e.xobject, {}, q};
    for (size_t i = 0; i < box_bounds_.size(); ++i) {
      if (Overlaps(bounds, box_bounds_[i])) hit.boxes.push_back(boxes_[i]);
    }
    if (!hit.boxes.empty()) hits_.push_back(std::move(hit));
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
  const std::unordered_set<ContentRef, RefHash>& remove_;
  const std::vector<Quad>& boxes_;
  const std::vector<Rect>& box_bounds_;
  std::vector<ImageHit> hits_;
  RedactionSummary* summary_;
  int page_;
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
      out += Num(a[a.size() - 3].number) + " Tw " + Num(a[a.size() - 2].number) + " Tc T*\n";
    }
    pieces.push_back(&a.back());
  }
  std::string array, pending_bytes;
  double pending_number = 0;
  bool have_number = false;
  auto flush_bytes = [&]() {
    if (!pending_bytes.empty()) array += Hex(pending_bytes);
    pending_bytes.clear();
  };
  auto flush_number = [&]() {
    if (have_number && std::fabs(pending_number) > 1e-6) array += " " + Num(pending_number) + " ";
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

// Text held by a marked-content property list (/ActualText, /Alt, /E),
// UTF-16 or PDFDocEncoding (read as Latin-1), as UTF-8.
std::string PropertyText(const pdf::Operand& dict) {
  std::string out;
  for (const char* key : {"ActualText", "Alt", "E"}) {
    const pdf::Operand* v = dict.Find(key);
    if (!v || !v->is_string()) continue;
    const std::string& b = v->value;
    if (b.size() >= 2 && static_cast<unsigned char>(b[0]) == 0xFE &&
        static_cast<unsigned char>(b[1]) == 0xFF) {
      for (size_t i = 2; i + 1 < b.size(); i += 2) {
        pdf::AppendUtf8((static_cast<unsigned char>(b[i]) << 8) | static_cast<unsigned char>(b[i + 1]),
                        &out);
      }
    } else {
      for (unsigned char c : b) pdf::AppendUtf8(c, &out);
    }
    out += '\n';
  }
  return out;
}

// Serializes a stream with its edits. Unparsed bytes never reach the
// output; a Q with nothing to restore is dropped (it would pop our own q).
// A marked-content property list (/ActualText …) is kept unless its
// sequence holds a removed glyph or its own text has a finding; then only
// the tag stays (BMC).
// The BDC operators of a stream whose property lists must go.
std::set<int> PropertiesToStrip(const StreamRecord& s, const Detector& detector) {
  const pdf::ParsedContent& p = *s.parsed;
  std::set<int> strip;
  std::vector<int> open;
  for (int i = 0; i < static_cast<int>(p.ops.size()); ++i) {
    const pdf::Operation& op = p.ops[i];
    if (op.op == "BDC" || op.op == "BMC") {
      open.push_back(op.op == "BDC" ? i : -1);
      if (op.op == "BDC" && op.operands.size() == 2 &&
          op.operands[1].type == pdf::Operand::Type::kDictionary) {
        const std::string text = PropertyText(op.operands[1]);
        if (!text.empty() && !detector.DetectText(text).empty()) strip.insert(i);
      }
    } else if (op.op == "EMC") {
      if (!open.empty()) open.pop_back();
    } else if (auto it = s.ops.find(i); it != s.ops.end() && it->second.any_removed) {
      for (int b : open) {
        if (b >= 0) strip.insert(b);
      }
    }
  }
  return strip;
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

std::string RewriteStream(const StreamRecord& s, const std::set<int>& strip, int* open_saves) {
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
    } else if (it != s.ops.end() && it->second.any_removed) {
      out += RewriteShowText(op, it->second);
    } else if (it != s.ops.end() && !it->second.rename_do.empty()) {
      out += "/" + it->second.rename_do + " Do";
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
  // Unreadable bytes and unknown operators are never copied.
  if (s.parsed && s.parsed->bad_tokens > 0) return true;
  for (const pdf::Operation& op : s.parsed ? s.parsed->ops : std::vector<pdf::Operation>{}) {
    if (Unknown(op)) return true;
  }
  for (const auto& [i, e] : s.ops) {
    if (e.any_removed || e.drop || !e.rename_do.empty()) return true;
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
    if (it != s.ops.end() && (it->second.drop || !it->second.rename_do.empty())) continue;
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
    font_dict.GetDictionary().AddKey("RdLbl", helvetica);
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

// White Helvetica text centered in a box, along its baseline direction and
// scaled to fit. Labels are ASCII policy text ("(b)(6)"), escaped.
std::string LabelText(const Quad& q, const std::string& label) {
  const double dx = q.lr.x - q.ll.x, dy = q.lr.y - q.ll.y;
  const double width = std::hypot(dx, dy);
  const double height = std::hypot(q.ul.x - q.ll.x, q.ul.y - q.ll.y);
  if (width < 1 || height < 1) return "";
  double size = std::min(height * 0.7, 10.0);
  const double text_width = 0.556 * size * static_cast<double>(label.size());  // Helvetica average
  if (text_width > width * 0.95) size *= width * 0.95 / text_width;
  if (size < 3) return "";  // too small to read: box only
  const double ux = dx / width, uy = dy / width;
  const double offset = (width - 0.556 * size * label.size()) / 2;
  const double x = q.ll.x + ux * offset - uy * (height - size) / 2;
  const double y = q.ll.y + uy * offset + ux * (height - size) / 2 + ux * size * 0.2;
  std::string escaped;
  for (char c : label) {
    if (c == '(' || c == ')' || c == '\\') escaped.push_back('\\');
    if (c >= 0x20 && c < 0x7F) escaped.push_back(c);
  }
  return "q 1 g BT /RdLbl " + Num(size) + " Tf " + Num(ux) + " " + Num(uy) + " " + Num(-uy) + " " +
         Num(ux) + " " + Num(x) + " " + Num(y) + " Tm (" + escaped + ") Tj ET Q\n";
}

// Replacement text on the removed glyphs' baseline, in Helvetica, fitted
// to the removed width: horizontal scaling down to 50%, then a smaller
// size. ASCII only (pseudonyms are).
std::string ReplacementText(const Quad& q, Point baseline, double size, const std::string& text) {
  const double dx = q.lr.x - q.ll.x, dy = q.lr.y - q.ll.y;
  const double width = std::hypot(dx, dy);
  if (width < 1 || size <= 0 || text.empty()) return "";
  const pdf::Standard14Metrics* helvetica = pdf::FindStandard14("Helvetica");
  const pdf::EncodingTable winansi = pdf::GetEncodingTable(pdf::BaseEncoding::kWinAnsi);
  double units = 0;
  std::string escaped;
  for (unsigned char c : text) {
    if (c < 0x20 || c >= 0x7F) continue;
    const char* name = winansi[c];
    units += (name && *name) ? helvetica->Width(name).value_or(556) : 556;
    if (c == '(' || c == ')' || c == '\\') escaped.push_back('\\');
    escaped.push_back(static_cast<char>(c));
  }
  double text_width = units / 1000.0 * size;
  double scale = 100;
  if (text_width > width) {
    scale = std::max(50.0, width / text_width * 100.0);
    if (text_width * scale / 100.0 > width) size *= width / (text_width * scale / 100.0);
  }
  const double ux = dx / width, uy = dy / width;
  return "q 0 g BT /RdLbl " + Num(size) + " Tf " + Num(scale) + " Tz " + Num(ux) + " " + Num(uy) +
         " " + Num(-uy) + " " + Num(ux) + " " + Num(baseline.x) + " " + Num(baseline.y) + " Tm (" +
         escaped + ") Tj ET Q\n";
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
      const Point o = first->quad.ll;
      Point u{first->quad.lr.x - o.x, first->quad.lr.y - o.y};
      const double ulen = std::hypot(u.x, u.y);
      if (ulen < 1e-9) {
        out.push_back({first->quad.ll, last->quad.lr, last->quad.ur, first->quad.ul});
      } else {
        u = {u.x / ulen, u.y / ulen};
        Point n{-u.y, u.x};
        const Point up{first->quad.ul.x - o.x, first->quad.ul.y - o.y};
        if (up.x * n.x + up.y * n.y < 0) n = {-n.x, -n.y};
        double a0 = 1e300, a1 = -1e300, b0 = 1e300, b1 = -1e300;
        for (const Glyph* g : run) {
          for (const Point& p : {g->quad.ll, g->quad.lr, g->quad.ur, g->quad.ul}) {
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

}  // namespace

std::vector<Finding> PriorRedactions(pdf::Document& doc, const std::vector<PageText>& pages) {
  std::vector<Finding> out;
  Status s = pdf::Guard(doc.name(), [&]() -> Status {
    for (size_t pi = 0; pi < pages.size(); ++pi) {
      StatusOr<const PdfObject*> page_obj = doc.PageObject(static_cast<int>(pi));
      if (!page_obj) continue;
      const PoDoFo::PdfArray* annots = pdf::AsArray(pdf::DictGet(*page_obj, "Annots"));
      if (!annots) continue;
      const PageText& page = pages[pi];
      for (const PdfObject& a : *annots) {
        const PdfObject* annot = pdf::Resolve(&a);
        const std::string subtype = pdf::AsName(pdf::DictGet(annot, "Subtype")).value_or("");
        auto black = [&](const char* key) {
          const PoDoFo::PdfArray* c = pdf::AsArray(pdf::DictGet(annot, key));
          if (!c || c->empty()) return false;
          double sum = 0;
          for (const PdfObject& v : *c) sum += pdf::AsNumber(&v).value_or(1);
          // Gray/RGB: all near 0; CMYK: K near 1 and the rest near 0.
          if (c->size() == 4) {
            return pdf::AsNumber(&(*c)[3]).value_or(0) > 0.8 && sum - 1 < 0.4;
          }
          return sum / static_cast<double>(c->size()) < 0.15;
        };
        const bool marks = subtype == "Redact" ||
                           ((subtype == "Highlight" || subtype == "Ink") && black("C")) ||
                           ((subtype == "Square" || subtype == "Polygon") && black("IC"));
        if (!marks) continue;
        // Areas in user space: QuadPoints, else Rect.
        std::vector<Rect> areas;
        if (const PoDoFo::PdfArray* qp = pdf::AsArray(pdf::DictGet(annot, "QuadPoints"))) {
          for (size_t i = 0; i + 7 < qp->size(); i += 8) {
            Rect r{1e300, 1e300, -1e300, -1e300};
            for (size_t k = 0; k < 8; k += 2) {
              const double x = pdf::AsNumber(&(*qp)[i + k]).value_or(0);
              const double y = pdf::AsNumber(&(*qp)[i + k + 1]).value_or(0);
              r = r.Union({x, y, x, y});
            }
            areas.push_back(r);
          }
        }
        if (areas.empty()) {
          if (auto r = pdf::AsRect(pdf::DictGet(annot, "Rect"))) areas.push_back(*r);
        }
        Finding f;
        f.category = "prior_redaction";
        f.rule = "annotation." + subtype;
        f.page = page.number;
        f.confidence = 1.0;
        f.reason = "marked for redaction in the input (" + subtype + " annotation)";
        for (int g = 0; g < static_cast<int>(page.glyphs.size()); ++g) {
          const Rect b = page.glyphs[g].quad.Bounds();
          const Point c{(b.x0 + b.x1) / 2, (b.y0 + b.y1) / 2};
          for (const Rect& r : areas) {
            if (c.x >= r.x0 && c.x <= r.x1 && c.y >= r.y0 && c.y <= r.y1) {
              f.glyphs.push_back(g);
              f.value += page.glyphs[g].text;
              break;
            }
          }
        }
        if (!f.glyphs.empty()) out.push_back(std::move(f));
      }
    }
    return Status::Ok();
  });
  (void)s;  // an unreadable annotation list leaves nothing to honour
  return out;
}

StatusOr<RedactionSummary> RedactDocument(pdf::Document& doc, const std::vector<PageText>& pages,
                                          const std::vector<Finding>& findings,
                                          const Detector& detector,
                                          const RedactOptions& options) {
  RedactionSummary summary;
  std::vector<std::vector<const Finding*>> by_page(pages.size());
  for (const Finding& f : findings) {
    if (f.page >= 1 && f.page <= static_cast<int>(pages.size())) by_page[f.page - 1].push_back(&f);
  }
  int name_counter = 0;
  PdfObject* ocr_layer_font = nullptr;  // one per document, made on first use
  std::map<std::string, std::set<int>> changed_images;  // object → pages changed on
  for (size_t pi = 0; pi < pages.size(); ++pi) {
    const PageText& page = pages[pi];
    const auto& page_findings = by_page[pi];
    if (options.vector_text_min_shapes > 0 && page.glyph_like_shapes >= options.vector_text_min_shapes) {
      return Error(StatusCode::kUnsupported,
                   doc.name() + ": page " + std::to_string(page.number) + ": " +
                       std::to_string(page.glyph_like_shapes) +
                       " glyph-like shapes: text seems to be drawn as outlines, which cannot be read "
                       "without rendering (policy [vector_text] action = \"keep\" if they are not text)");
    }
    bool parse_problems = false;
    for (const ExtractionProblem& p : page.problems) {
      using Kind = ExtractionProblem::Kind;
      parse_problems |= p.kind == Kind::kBadToken || p.kind == Kind::kUnknownOperator;
      // Content a viewer may paint but we could not read: neither copied
      // nor silently dropped; the document fails and says where.
      if (p.kind == Kind::kStreamError || p.kind == Kind::kBrokenXObject ||
          p.kind == Kind::kRecursionLimit) {
        return Error(StatusCode::kDamagedPdf,
                     doc.name() + ": page " + std::to_string(page.number) + ": " +
                         UnreadableContent(p) + "; content that cannot be read is not passed through");
      }
    }

    std::unordered_set<ContentRef, RefHash> remove;
    std::vector<Quad> quads;
    std::vector<std::string> quad_categories;
    std::vector<const Finding*> quad_findings;  // null for undecodable glyphs
    std::vector<bool> quad_first;               // the finding's first line
    std::vector<bool> removed_glyphs(page.glyphs.size(), false);
    // OCR'd letters are placed from the recognizer's boxes, which can be
    // spread evenly over a word when its segmentation disagrees with its
    // text: a finding's last letter may then lie partly in the next
    // glyph's slot ("Hernandez,"). On scans whole words are boxed.
    std::vector<int> word_of(page.glyphs.size(), -1);
    for (size_t w = 0; w < page.words.size(); ++w) {
      for (int g : page.words[w].glyphs) word_of[static_cast<size_t>(g)] = static_cast<int>(w);
    }
    for (const Finding* f : page_findings) {
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
        remove.insert(page.glyphs[g].source);
        removed_glyphs[static_cast<size_t>(g)] = true;
      }
      bool first = true;
      for (const Quad& q : FindingQuads(page, boxed)) {
        quads.push_back(q);
        quad_categories.push_back(f->category);
        quad_findings.push_back(f);
        quad_first.push_back(first);
        first = false;
      }
    }
    // Before the rewriter runs: an invisible layer our OCR replaced (--ocr always) goes, unboxed.
    bool superseded = false;
    bool ocr_read = false;
    for (const Glyph& g : page.glyphs) {
      if (g.superseded) remove.insert(g.source), superseded = true;
      ocr_read |= g.ocr;
    }
    const bool add_ocr_layer = options.ocr_layer && ocr_read;
    // Fail closed: glyphs we could not decode may be anything.
    if (!page_findings.empty() || options.undecodable_everywhere) {
      for (const Glyph& g : page.glyphs) {
        if (g.decodable) continue;
        if (options.fail_on_undecodable) {
          return Error(StatusCode::kUnsupported,
                       doc.name() + ": page " + std::to_string(page.number) +
                           ": text with no provable Unicode (policy: fail)");
        }
        if (remove.insert(g.source).second) {
          quads.push_back(g.quad);
          quad_categories.push_back("undecodable");
          quad_findings.push_back(nullptr);
          quad_first.push_back(false);
          ++summary.undecodable_removed;
        }
      }
    }
    // Box ends: never over the next live glyph on the line (kerning can pull
    // it under the last removed glyph's advance; that glyph's ink is gone,
    // so stopping short hides nothing). With uniform widths, boxes are first
    // rounded up to a multiple of 3 ems into the empty space that remains.
    // In a fixed layout the next word's position still shows the removed
    // width; rounding only blurs the box.
    for (Quad& q : quads) {
      const double dx = q.lr.x - q.ll.x, dy = q.lr.y - q.ll.y;
      const double width = std::hypot(dx, dy);
      const double height = std::hypot(q.ul.x - q.ll.x, q.ul.y - q.ll.y);
      if (width < 1e-6 || height < 1e-6) continue;
      const double ux = dx / width, uy = dy / width;
      double target = options.uniform_width ? std::ceil(width / (3 * height)) * 3 * height : width;
      for (const Glyph& g : page.glyphs) {
        // Spaces between the words of a removed name are no live text.
        if (g.is_space || remove.count(g.source)) continue;
        const double rx = g.quad.ll.x - q.ll.x, ry = g.quad.ll.y - q.ll.y;
        const double along = rx * ux + ry * uy, across = -rx * uy + ry * ux;
        if (std::fabs(across) < 0.5 * height && along > 0.5 * width) {
          target = std::min(target, along < width ? along : std::max(width, along - 1.0));
        }
      }
      const double k = target / width;
      q.lr = {q.ll.x + dx * k, q.ll.y + dy * k};
      q.ur = {q.ul.x + dx * k, q.ul.y + dy * k};
    }
    std::vector<Rect> bounds;
    for (const Quad& q : quads) bounds.push_back(q.Bounds());

    PageRewriter rewriter(remove, quads, bounds, &summary, page.number);
    pdf::ContentInterpreter interpreter(&doc);
    Status run = interpreter.RunPage(static_cast<int>(pi), &rewriter);
    if (!run.ok()) return Error(run);
    auto& streams = rewriter.streams();
    std::vector<std::set<int>> strip(streams.size());
    bool any_change = !page_findings.empty() || parse_problems || !rewriter.hits().empty() || superseded ||
                      add_ocr_layer;
    for (size_t si = 0; si < streams.size(); ++si) {
      if (!streams[si].parsed) continue;
      strip[si] = PropertiesToStrip(streams[si], detector);
      any_change |= NeedsRewrite(streams[si], strip[si]);
    }
    if (!any_change) continue;  // nothing on this page to remove

    Status edited = pdf::Guard(doc.name(), [&]() -> Status {
      PoDoFo::PdfVecObjects& objects = doc.podofo().GetObjects();
      // Images under boxes: burned copies replace their invocations; what
      // cannot be burned goes whole.
      for (const ImageHit& hit : rewriter.hits()) {
        StreamRecord& s = streams[hit.stream];
        StatusOr<PdfObject*> burned = Error(StatusCode::kUnsupported, "no image");
        if (hit.xobject) {
          changed_images[pdf::Describe(hit.xobject)].insert(page.number);
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
          summary.warnings.push_back("page " + std::to_string(page.number) + ": " +
                                     (hit.xobject ? "image " + pdf::Describe(hit.xobject) : "inline image") +
                                     " replaced whole (" + burned.error().message() + ")");
          continue;
        }
        const std::string name = FreshName(pdf::DictGet(s.resources, "XObject"), &name_counter);
        s.new_xobjects.push_back({name, (*burned)->Reference()});
        s.ops[hit.op].rename_do = name;
        ++summary.images_burned;
      }
      // Children before parents: a copied form renames its Do in the parent.
      for (int si = static_cast<int>(streams.size()) - 1; si >= 1; --si) {
        StreamRecord& s = streams[si];
        if (!s.parsed || !s.xobject || !NeedsRewrite(s, strip[si])) continue;
        int open_saves = 0;
        std::string data = RewriteStream(s, strip[si], &open_saves);
        data.append(static_cast<size_t>(open_saves), 'Q');
        // Copy the form: other pages or invocations may use it unchanged.
        PdfObject* copy = objects.CreateObject(PoDoFo::PdfVariant(s.xobject->GetDictionary()));
        copy->GetDictionary().RemoveKey("DecodeParms");
        copy->GetDictionary().RemoveKey("Filter");
        copy->GetDictionary().AddKey("Resources", PrivateResources(s));
        copy->GetStream()->Set(data.data(), static_cast<PoDoFo::pdf_long>(data.size()));
        ++summary.forms_copied;
        ++summary.streams_rewritten;
        StreamRecord& parent = streams[s.info.parent_stream];
        const std::string name = FreshName(pdf::DictGet(parent.resources, "XObject"), &name_counter);
        parent.new_xobjects.push_back({name, copy->Reference()});
        parent.ops[s.info.parent_op].rename_do = name;
      }
      // The page itself: one new content stream, original wrapped in q/Q,
      // boxes drawn in default user space on top.
      int open_saves = 0;
      std::string data = "q\n" + RewriteStream(streams[0], strip[0], &open_saves);
      data.append(static_cast<size_t>(open_saves), 'Q');
      data += "\nQ\n";
      const Matrix to_user = page.geometry.user_to_display.Inverse();
      if (options.draw_boxes) {
        for (size_t k = 0; k < quads.size(); ++k) {
          const Finding* f = quad_findings[k];
          if (options.pseudonymize && f && !f->replacement.empty()) {
            // The replacement on the finding's first line; later lines of it
            // stay empty, and nothing is boxed. Over an image the burned
            // (black) pixels are first painted white, so the replacement
            // reads on a scan as it does on a typed page.
            const Rect bounds = quads[k].Bounds();
            for (const ImageHit& hit : rewriter.hits()) {
              if (Overlaps(bounds, hit.area.Bounds())) {
                // Grown past the burn's 2-pixel margin.
                Quad white = quads[k];
                white.ll = {white.ll.x - 2.5, white.ll.y - 2.5}, white.lr = {white.lr.x + 2.5, white.lr.y - 2.5};
                white.ur = {white.ur.x + 2.5, white.ur.y + 2.5}, white.ul = {white.ul.x - 2.5, white.ul.y + 2.5};
                data += "q 1 g " + QuadPath(white) + "f Q\n";
                break;
              }
            }
            if (quad_first[k] && !f->glyphs.empty()) {
              const Glyph& g0 = page.glyphs[f->glyphs.front()];
              data += ReplacementText(quads[k], to_user.Apply(g0.baseline_start), g0.font_size,
                                      f->replacement);
            }
            continue;
          }
          data += "q 0 g " + QuadPath(quads[k]) + "f Q\n";
          auto label = options.labels.find(quad_categories[k]);
          if (label != options.labels.end() && !label->second.empty()) {
            data += LabelText(quads[k], label->second);
          }
        }
        for (const Quad& q : rewriter.image_boxes()) data += "q 0 g " + QuadPath(q) + "f Q\n";
      }
      const PdfObject* ocr_font = nullptr;
      if (add_ocr_layer) {
        const std::string layer = OcrTextLayer(page, removed_glyphs, "RdOcr");
        if (!layer.empty()) {
          if (!ocr_layer_font) ocr_layer_font = AddOcrLayerFont(objects);
          ocr_font = ocr_layer_font;
          data += "q\n" + layer + "Q\n";
        }
      }
      PdfObject* contents = objects.CreateObject();
      contents->GetStream()->Set(data.data(), static_cast<PoDoFo::pdf_long>(data.size()));
      StatusOr<const PdfObject*> page_obj = doc.PageObject(static_cast<int>(pi));
      if (!page_obj) return page_obj.error();
      auto& page_dict = const_cast<PdfObject*>(*page_obj)->GetDictionary();
      page_dict.AddKey("Contents", contents->Reference());
      page_dict.AddKey("Resources",
                       PrivateResources(streams[0],
                                        options.draw_boxes && (!options.labels.empty() || options.pseudonymize),
                                        ocr_font));
      ++summary.streams_rewritten;
      return Status::Ok();
    });
    if (!edited.ok()) return Error(edited);
    for (size_t k = 0; k < quads.size(); ++k) {
      summary.boxes.push_back({page.number, quads[k], quad_categories[k]});
    }
    for (const Quad& q : rewriter.image_boxes()) summary.boxes.push_back({page.number, q, "image"});
  }

  // An image changed on some pages may be painted, unchanged, on others:
  // the report says where (those pages had no box over it).
  if (!changed_images.empty()) {
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
        if (!xobjects || !xobjects->IsDictionary() || depth > 16 || !seen.insert(xobjects).second) {
          continue;
        }
        for (const auto& [name, value] : xobjects->GetDictionary().GetKeys()) {
          const PdfObject* x = pdf::Resolve(value);
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
        summary.warnings.push_back("image " + image + " was changed where boxes covered it; "
                                   "page(s) " + others + " still paint the original (no box there)");
      }
    }
  }

  Status scrubbed = ScrubSideChannels(doc, pages, findings, detector, &summary);
  if (!scrubbed.ok()) return Error(scrubbed);
  return summary;
}

}  // namespace redact
