#include "pdf/content_interpreter.h"

#include <podofo/podofo.h>

#include <algorithm>
#include <cmath>

#include "pdf/podofo_util.h"

namespace redact::pdf {

using PoDoFo::PdfObject;
using Kind = ExtractionProblem::Kind;

namespace {

// A content stream's bytes as far as they decode (ReadStreamAsFarAsItDecodes).
// `broken` says why the data breaks off, "" when it is whole.
struct ContentBytes {
  std::string data;
  std::string broken;
};

// When the data breaks off, it is cut after the last complete operation:
// the broken one may be half an operand, and a half string would swallow
// whatever follows it (the next /Contents part).
StatusOr<ContentBytes> ReadContent(const PdfObject* stream, size_t max_bytes) {
  StatusOr<PartialStream> read = ReadStreamAsFarAsItDecodes(stream, max_bytes);
  if (!read) return Error(read.error());
  if (!read->truncated) return ContentBytes{std::move(read->data), ""};
  const size_t decoded = read->data.size();
  const ParsedContent head = ParseContent(read->data);
  read->data.resize(head.ops.empty() ? 0 : head.ops.back().end);
  return ContentBytes{std::move(read->data), Describe(stream) + ": its Flate data breaks off after " +
                                                 std::to_string(decoded) + " decoded bytes (" + read->why +
                                                 "); what follows is unread"};
}

}  // namespace

struct ContentInterpreter::Frame {
  const ParsedContent* parsed;
  int stream;
  const PdfObject* resources;
  int depth;
  GraphicsState gs;
  std::vector<GraphicsState> stack;
  Matrix tm, tlm;
  bool in_text = false;
  int compat_depth = 0;  // inside BX … EX unknown operators are allowed
  // The path under construction, in user space.
  Rect path_bounds;
  bool path_empty = true;
  bool path_curves = false;
  int path_segments = 0;
  Point path_start, path_current;  // user space (after the CTM)
  std::vector<std::pair<Point, Point>> path_lines;
  bool pending_clip = false;  // W or W* seen: the next painting op clips
};

ContentInterpreter::ContentInterpreter(Document* doc) : doc_(doc), limits_(doc->limits()) {}

ContentInterpreter::ContentInterpreter(Document* doc, const InterpreterLimits& limits)
    : doc_(doc), limits_(limits) {}

void ContentInterpreter::Problem(Kind kind, int stream, int op, std::string detail) {
  if (sink_) sink_->OnProblem({kind, stream, op, std::move(detail)});
}

void ContentInterpreter::Begin(ContentSink* sink) {
  sink_ = sink;
  streams_.clear();
  parsed_.clear();
  form_cache_.clear();
  form_path_.clear();
  glyph_count_ = 0;
}

Status ContentInterpreter::RunPage(int index, ContentSink* sink) {
  Begin(sink);

  StatusOr<const PdfObject*> page = doc_->PageObject(index);
  if (!page) return page.error();
  const std::string where = doc_->name() + ": page " + std::to_string(index + 1);

  // Concatenate the page's content streams, as PDF defines them.
  std::string content;
  std::vector<std::string> broken;  // parts whose data breaks off
  const PdfObject* resources = nullptr;
  Status read = Guard(where, [&]() -> Status {
    resources = doc_->InheritedPageKey(*page, "Resources");
    for (const PdfObject* part : ContentParts(*page)) {  // none: an empty page
      if (!part || !part->HasStream()) {
        Problem(Kind::kStreamError, 0, -1, "a /Contents entry is not a stream");
        continue;
      }
      StatusOr<ContentBytes> data = ReadContent(part, limits_.max_stream_bytes);
      if (!data) {
        if (data.error().code() == StatusCode::kResource) return data.error();
        Problem(Kind::kStreamError, 0, -1, data.error().message());
        continue;
      }
      if (content.size() + data->data.size() > limits_.max_stream_bytes) {
        return Status(StatusCode::kResource, where + ": page content larger than the limit");
      }
      content += data->data;
      content += '\n';
      if (!data->broken.empty()) broken.push_back(std::move(data->broken));
    }
    return Status::Ok();
  });
  if (!read.ok()) return read;

  auto parsed = std::make_shared<ParsedContent>(ParseContent(content));
  parsed->source = std::move(content);
  parsed->truncated = !broken.empty();
  parsed_.push_back(parsed);
  streams_.push_back(ContentStream{});
  if (sink_) {
    sink_->OnStream(0, streams_[0], *parsed);
    sink_->OnStreamSource(0, nullptr, resources);
  }
  for (std::string& why : broken) Problem(Kind::kTruncatedStream, 0, -1, std::move(why));
  if (parsed->bad_tokens > 0) {
    Problem(Kind::kBadToken, 0, -1,
            std::to_string(parsed->bad_tokens) + " unreadable token(s)");
  }
  Status run = Guard(where, [&]() -> Status {
    RunStream(*parsed, 0, resources, GraphicsState{}, 0);
    return Status::Ok();
  });
  sink_ = nullptr;
  return run;
}

Status ContentInterpreter::RunForm(const PdfObject* form, ContentSink* sink) {
  Begin(sink);
  form = Resolve(form);
  const std::string where = doc_->name() + ": " + Describe(form);
  if (!form || !form->HasStream()) {
    sink_ = nullptr;
    return Status(StatusCode::kDamagedPdf, where + ": not a form stream");
  }
  StatusOr<ContentBytes> data = ReadContent(form, limits_.max_stream_bytes);
  if (!data) {
    sink_ = nullptr;
    return data.error();
  }
  auto parsed = std::make_shared<ParsedContent>(ParseContent(data->data));
  parsed->source = std::move(data->data);
  parsed->truncated = !data->broken.empty();
  parsed_.push_back(parsed);
  ContentStream info;
  info.kind = ContentStream::Kind::kFormXObject;
  info.object_number = static_cast<int>(form->Reference().ObjectNumber());
  streams_.push_back(info);
  const PdfObject* resources = DictGet(form, "Resources");
  if (sink_) {
    sink_->OnStream(0, info, *parsed);
    sink_->OnStreamSource(0, form, resources);
  }
  if (!data->broken.empty()) Problem(Kind::kTruncatedStream, 0, -1, data->broken);
  form_path_.push_back(form);
  Status run = Guard(where, [&]() -> Status {
    GraphicsState gs;
    if (auto m = AsMatrix(DictGet(form, "Matrix"))) gs.ctm = *m;
    RunStream(*parsed, 0, resources, gs, 1);
    return Status::Ok();
  });
  sink_ = nullptr;
  return run;
}

// Path construction and painting (m l c v y re h, f F f* B B* b b* S s n):
// false for any other operator.
bool ContentInterpreter::PathOperator(Frame& f, const Operation& op, int i) {
  const std::vector<Operand>& a = op.operands;
  const std::string& o = op.op;
  auto numbers = [&](size_t n) {
    if (a.size() < n) return false;
    for (size_t k = a.size() - n; k < a.size(); ++k) {
      if (!a[k].is_number() || !std::isfinite(a[k].number)) return false;
    }
    return true;
  };
  auto at = [&](size_t n, size_t k) -> double { return a[a.size() - n + k].number; };
  if (o == "m" || o == "l" || o == "c" || o == "v" || o == "y" || o == "re") {
    const size_t n = o == "m" || o == "l" ? 2 : o == "c" ? 6 : 4;
    if (!numbers(n)) { Problem(Kind::kBadOperands, f.stream, i, o); return true; }
    auto add = [&](double x, double y) {
      const Point p = f.gs.ctm.Apply({x, y});
      const Rect r{p.x, p.y, p.x, p.y};
      f.path_bounds = f.path_empty ? r : f.path_bounds.Union(r);
      f.path_empty = false;
      return p;
    };
    // Straight pieces are kept for ruled tables (bounded per path).
    auto line = [&](Point from, Point to) {
      if (f.path_lines.size() < 64) f.path_lines.push_back({from, to});
    };
    if (o == "re") {
      const Point p0 = add(at(4, 0), at(4, 1));
      const Point p2 = add(at(4, 0) + at(4, 2), at(4, 1) + at(4, 3));
      const Point p3 = add(at(4, 0), at(4, 1) + at(4, 3));
      const Point p1 = add(at(4, 0) + at(4, 2), at(4, 1));
      line(p0, p1), line(p1, p2), line(p2, p3), line(p3, p0);
      f.path_start = f.path_current = p0;
      f.path_segments += 4;
    } else {
      Point last{};
      for (size_t k = 0; k < n; k += 2) last = add(at(n, k), at(n, k + 1));
      if (o == "m") f.path_start = last;
      if (o == "l") line(f.path_current, last);
      f.path_current = last;
      if (o != "m") ++f.path_segments;
      f.path_curves |= o == "c" || o == "v" || o == "y";
    }
  } else if (o == "h") {
    if (!f.path_empty) {
      if (f.path_lines.size() < 64) f.path_lines.push_back({f.path_current, f.path_start});
      f.path_current = f.path_start;
    }
  } else if (o == "W" || o == "W*") {
    f.pending_clip = true;
  } else if (o == "f" || o == "F" || o == "f*" || o == "B" || o == "B*" || o == "b" ||
             o == "b*" || o == "S" || o == "s" || o == "n") {
    const bool filled = o != "S" && o != "s" && o != "n";
    if (o != "n" && !f.path_empty && sink_) {
      if (o == "s" || o == "b" || o == "b*") f.path_lines.push_back({f.path_current, f.path_start});
      PathEvent e{f.stream, i, f.path_bounds, f.path_curves, f.path_segments, filled, {},
                  f.gs.Opaque(), f.gs.clipped, f.gs.clip, !(o == "f" || o == "F" || o == "f*")};
      if (!f.path_curves) e.lines = std::move(f.path_lines);
      sink_->OnPath(e);
    }
    // A clipping path applies after the painting operator that ends it.
    if (f.pending_clip) {
      const Rect bounds = f.path_empty ? Rect{} : f.path_bounds;
      f.gs.clip = f.gs.clipped ? f.gs.clip.Intersect(bounds) : bounds;
      f.gs.clipped = true;
      f.pending_clip = false;
    }
    f.path_empty = true;
    f.path_curves = false;
    f.path_segments = 0;
    f.path_lines.clear();
  } else {
    return false;
  }
  return true;
}

void ContentInterpreter::RunStream(const ParsedContent& parsed, int stream_index,
                                   const PdfObject* resources, GraphicsState gs,
                                   int depth) {
  Frame f{&parsed, stream_index, resources, depth, gs, {}, {}, {}, false, 0, {}, true, false, 0, {}, {}, {}, false};
  for (int i = 0; i < static_cast<int>(parsed.ops.size()); ++i) {
    const Operation& op = parsed.ops[i];
    const std::vector<Operand>& a = op.operands;
    const std::string& o = op.op;
    auto num = [&](size_t k) { return a[k].number; };
    auto numbers = [&](size_t n) {
      if (a.size() < n) return false;
      for (size_t k = a.size() - n; k < a.size(); ++k) {
        if (!a[k].is_number() || !std::isfinite(a[k].number)) return false;
      }
      return true;
    };
    auto bad = [&]() { Problem(Kind::kBadOperands, stream_index, i, o); };
    // Operands are taken from the end, as viewers do when there are extras.
    auto at = [&](size_t n, size_t k) -> double { return num(a.size() - n + k); };
    TextState& ts = f.gs.text;

    if (o == "q") {
      if (static_cast<int>(f.stack.size()) >= limits_.max_graphics_stack) {
        Problem(Kind::kBadOperands, stream_index, i, "graphics stack too deep");
      } else {
        f.stack.push_back(f.gs);
      }
    } else if (o == "Q") {
      if (!f.stack.empty()) {
        f.gs = f.stack.back();
        f.stack.pop_back();
      }
    } else if (o == "cm") {
      if (!numbers(6)) { bad(); continue; }
      Matrix m{at(6, 0), at(6, 1), at(6, 2), at(6, 3), at(6, 4), at(6, 5)};
      f.gs.ctm = m * f.gs.ctm;
    } else if (o == "BT") {
      f.in_text = true;
      f.tm = f.tlm = Matrix{};
    } else if (o == "ET") {
      f.in_text = false;
      // Glyphs shown in a clipping mode (4-7) clip what follows to their
      // outlines: a fill then paints the letters, it hides nothing.
      if (ts.render >= 4) f.gs.text_clip = true;
    } else if (o == "Tc") {
      if (!numbers(1)) { bad(); continue; }
      ts.char_space = at(1, 0);
    } else if (o == "Tw") {
      if (!numbers(1)) { bad(); continue; }
      ts.word_space = at(1, 0);
    } else if (o == "Tz") {
      if (!numbers(1)) { bad(); continue; }
      ts.h_scale = at(1, 0) / 100.0;
    } else if (o == "TL") {
      if (!numbers(1)) { bad(); continue; }
      ts.leading = at(1, 0);
    } else if (o == "Ts") {
      if (!numbers(1)) { bad(); continue; }
      ts.rise = at(1, 0);
    } else if (o == "Tr") {
      if (!numbers(1)) { bad(); continue; }
      ts.render = static_cast<int>(at(1, 0));
    } else if (o == "Tf") {
      if (a.size() < 2 || !a[a.size() - 2].is_name() || !a.back().is_number()) {
        bad();
        continue;
      }
      ts.size = a.back().number;
      const std::string& name = a[a.size() - 2].value;
      const PdfObject* font_dict = DictGet(DictGet(f.resources, "Font"), name);
      if (!font_dict) {
        Problem(Kind::kMissingFont, stream_index, i, "font /" + name + " not in resources");
        ts.font = Font::Missing();
      } else {
        ts.font = doc_->fonts().Get(font_dict);
        if (!ts.font->unsupported_reason().empty()) {
          Problem(Kind::kUnsupportedFont, stream_index, i,
                  "font /" + name + ": " + ts.font->unsupported_reason());
        }
      }
    } else if (o == "Td" || o == "TD") {
      if (!numbers(2)) { bad(); continue; }
      if (o == "TD") ts.leading = -at(2, 1);
      f.tlm = Matrix::Translate(at(2, 0), at(2, 1)) * f.tlm;
      f.tm = f.tlm;
    } else if (o == "Tm") {
      if (!numbers(6)) { bad(); continue; }
      f.tlm = f.tm = Matrix{at(6, 0), at(6, 1), at(6, 2), at(6, 3), at(6, 4), at(6, 5)};
    } else if (o == "T*") {
      f.tlm = Matrix::Translate(0, -ts.leading) * f.tlm;
      f.tm = f.tlm;
    } else if (IsTextShowingOperator(o)) {
      ShowText(f, op, i);
    } else if (o == "Do") {
      DoXObject(f, op, i);
    } else if (o == "BI") {
      if (sink_) sink_->OnImage({stream_index, i, f.gs.ctm, nullptr, false, f.gs.clipped, f.gs.clip});
    } else if (o == "gs") {
      if (!a.empty() && a.back().is_name()) SetGraphicsState(f, a.back().value, i);
    } else if (PathOperator(f, op, i)) {
    } else if (o == "BX") {
      ++f.compat_depth;
    } else if (o == "EX") {
      if (f.compat_depth > 0) --f.compat_depth;
    } else if (!IsKnownOperator(o) && f.compat_depth == 0) {
      Problem(Kind::kUnknownOperator, stream_index, i,
              "operator '" + o.substr(0, 16) + "'");
    }
  }
}

void ContentInterpreter::ShowText(Frame& f, const Operation& op, int op_index) {
  const std::vector<Operand>& a = op.operands;
  TextState& ts = f.gs.text;
  if (!ts.font) {
    // Text with no Tf: viewers draw nothing we can decode. Fail closed.
    Problem(Kind::kMissingFont, f.stream, op_index, "text shown before any Tf");
    ts.font = Font::Missing();
  }
  int code_index = 0;
  auto next_line = [&]() {
    f.tlm = Matrix::Translate(0, -ts.leading) * f.tlm;
    f.tm = f.tlm;
  };
  if (op.op == "Tj" || op.op == "'") {
    if (a.empty() || !a.back().is_string()) {
      Problem(Kind::kBadOperands, f.stream, op_index, op.op);
      return;
    }
    if (op.op == "'") next_line();
    ShowString(f, a.back().value, op_index, &code_index);
  } else if (op.op == "\"") {
    if (a.size() < 3 || !a[a.size() - 3].is_number() || !a[a.size() - 2].is_number() ||
        !a.back().is_string()) {
      Problem(Kind::kBadOperands, f.stream, op_index, op.op);
      return;
    }
    ts.word_space = a[a.size() - 3].number;
    ts.char_space = a[a.size() - 2].number;
    next_line();
    ShowString(f, a.back().value, op_index, &code_index);
  } else {  // TJ
    if (a.empty() || !a.back().is_array()) {
      Problem(Kind::kBadOperands, f.stream, op_index, op.op);
      return;
    }
    for (const Operand& item : a.back().items) {
      if (item.is_string()) {
        ShowString(f, item.value, op_index, &code_index);
      } else if (item.is_number() && std::isfinite(item.number)) {
        const double shift = -item.number / 1000.0 * ts.size;
        if (ts.font->vertical()) {
          f.tm = Matrix::Translate(0, shift) * f.tm;
        } else {
          f.tm = Matrix::Translate(shift * ts.h_scale, 0) * f.tm;
        }
      }
    }
  }
}

void ContentInterpreter::ShowString(Frame& f, const std::string& bytes, int op_index,
                                    int* code_index) {
  TextState& ts = f.gs.text;
  const Font& font = *ts.font;
  scratch_.clear();
  font.Decode(bytes, &scratch_);
  for (const DecodedCode& code : scratch_) {
    const int this_code = (*code_index)++;
    if (++glyph_count_ > limits_.max_glyphs_per_page) {
      if (glyph_count_ == limits_.max_glyphs_per_page + 1) {
        Problem(Kind::kBadOperands, f.stream, op_index, "too many glyphs on the page");
      }
      continue;
    }
    const Matrix tm_ctm = f.tm * f.gs.ctm;
    const Point up = tm_ctm.ApplyVector({0, ts.size});
    GlyphEvent e;
    e.ref = {f.stream, op_index, this_code};
    e.code = &code;
    e.font = &font;
    e.render_mode = ts.render;
    e.font_size = std::hypot(up.x, up.y);
    if (!font.vertical()) {
      const Matrix trm = Matrix{ts.size * ts.h_scale, 0, 0, ts.size, 0, ts.rise} * tm_ctm;
      const double w = code.advance, lo = font.descent(), hi = font.ascent();
      e.quad = {trm.Apply({0, lo}), trm.Apply({w, lo}), trm.Apply({w, hi}), trm.Apply({0, hi})};
      e.baseline_start = trm.Apply({0, 0});
      e.baseline_end = trm.Apply({w, 0});
      e.pen_end = (Matrix::Translate((w * ts.size + ts.char_space) * ts.h_scale, ts.rise) * tm_ctm)
                      .Apply({0, 0});
      double tx = (code.advance * ts.size + ts.char_space +
                   (code.word_space ? ts.word_space : 0)) * ts.h_scale;
      e.displacement = tx;
      e.tj_scale = ts.size * ts.h_scale;
      f.tm = Matrix::Translate(tx, 0) * f.tm;
    } else {
      const Matrix trm = Matrix{ts.size, 0, 0, ts.size, 0, ts.rise} * tm_ctm;
      const double w0 = std::max(0.0, 2 * code.position.x);  // vx = w0 / 2
      const double vx = code.position.x, vy = code.position.y;
      const double lo = font.descent() - vy, hi = font.ascent() - vy;
      e.quad = {trm.Apply({-vx, lo}), trm.Apply({w0 - vx, lo}),
                trm.Apply({w0 - vx, hi}), trm.Apply({-vx, hi})};
      e.baseline_start = trm.Apply({0, 0});
      e.baseline_end = trm.Apply({0, code.advance});
      e.pen_end = (Matrix::Translate(0, code.advance * ts.size + ts.char_space + ts.rise) * tm_ctm)
                      .Apply({0, 0});
      double ty = code.advance * ts.size + ts.char_space +
                  (code.word_space ? ts.word_space : 0);
      e.displacement = ty;
      e.tj_scale = ts.size;
      f.tm = Matrix::Translate(0, ty) * f.tm;
    }
    if (!code.decodable) {
      Problem(Kind::kUndecodableGlyph, f.stream, op_index,
              "code " + std::to_string(code.code) + " in font " + font.base_font() +
                  (font.undecodable_note().empty() ? "" : " (" + font.undecodable_note() + ")"));
    }
    if (sink_) sink_->OnGlyph(e);
  }
}

// An ExtGState: the font it sets, and what decides whether fills hide
// what lies under them (fill alpha, blend mode, soft mask).
void ContentInterpreter::SetGraphicsState(Frame& f, const std::string& name, int op_index) {
  const PdfObject* egs = DictGet(DictGet(f.resources, "ExtGState"), name);
  TextState& ts = f.gs.text;
  if (const PoDoFo::PdfArray* font = AsArray(DictGet(egs, "Font"))) {
    if (font->size() == 2) {
      ts.font = doc_->fonts().Get(Resolve(&(*font)[0]));
      ts.size = AsNumber(&(*font)[1]).value_or(ts.size);
    }
  }
  if (auto ca = AsNumber(DictGet(egs, "ca"))) f.gs.translucent = *ca < 0.999;
  if (const PdfObject* bm = DictGet(egs, "BM")) {
    std::optional<std::string> mode = AsName(bm);
    if (const PoDoFo::PdfArray* modes = AsArray(bm); modes && !modes->empty()) mode = AsName(&(*modes)[0]);
    f.gs.blended = mode.value_or("") != "Normal" && mode.value_or("") != "Compatible";
  }
  if (const PdfObject* smask = DictGet(egs, "SMask")) {
    f.gs.soft_mask = AsName(smask).value_or("") != "None";
    RunSoftMaskGroup(f, Resolve(smask), op_index);
  }
}

// A soft mask's group is drawn when `gs` sets the mask: in the current
// transformation and otherwise the initial graphics state (ISO 32000-1
// 11.6.5.2). It paints nothing on the page by itself, so nothing it draws
// hides what lies under it (its state counts as soft-masked).
void ContentInterpreter::RunSoftMaskGroup(Frame& f, const PdfObject* smask, int op_index) {
  if (!smask || !smask->IsDictionary()) return;
  const PdfObject* group = Resolve(DictGet(smask, "G"));
  if (!group || !group->HasStream()) return;
  GraphicsState gs;
  gs.ctm = f.gs.ctm;
  if (auto m = AsMatrix(DictGet(group, "Matrix"))) gs.ctm = *m * gs.ctm;
  gs.soft_mask = true;
  RunChildForm(f, group, op_index, ContentStream::Kind::kSoftMaskGroup, gs);
}

void ContentInterpreter::DoXObject(Frame& f, const Operation& op, int op_index) {
  const std::vector<Operand>& a = op.operands;
  if (a.empty() || !a.back().is_name()) {
    Problem(Kind::kBadOperands, f.stream, op_index, "Do");
    return;
  }
  const std::string& name = a.back().value;
  const PdfObject* xobj = DictGet(DictGet(f.resources, "XObject"), name);
  if (!xobj || !xobj->HasStream()) {
    Problem(Kind::kMissingXObject, f.stream, op_index, "XObject /" + name);
    return;
  }
  const std::string subtype = AsName(DictGet(xobj, "Subtype")).value_or("");
  if (subtype == "Image") {
    if (sink_) sink_->OnImage({f.stream, op_index, f.gs.ctm, xobj, f.gs.Opaque(), f.gs.clipped, f.gs.clip});
    return;
  }
  if (subtype != "Form") return;  // PostScript XObjects are not rendered
  GraphicsState gs = f.gs;
  if (auto m = AsMatrix(DictGet(xobj, "Matrix"))) gs.ctm = *m * gs.ctm;
  RunChildForm(f, xobj, op_index, ContentStream::Kind::kFormXObject, gs);
}

// A form painted by stream `f` at `op_index` (a `Do`, or the `gs` that sets
// a soft mask whose group it is), interpreted as stream of its own.
void ContentInterpreter::RunChildForm(Frame& f, const PdfObject* xobj, int op_index, ContentStream::Kind kind,
                                      const GraphicsState& gs) {
  if (f.depth + 1 > limits_.max_form_depth ||
      std::find(form_path_.begin(), form_path_.end(), xobj) != form_path_.end()) {
    Problem(Kind::kRecursionLimit, f.stream, op_index, "Form XObject " + Describe(xobj));
    return;
  }
  std::shared_ptr<ParsedContent> parsed;
  if (auto it = form_cache_.find(xobj); it != form_cache_.end()) {
    parsed = it->second;
  } else {
    StatusOr<ContentBytes> data = ReadContent(xobj, limits_.max_stream_bytes);
    if (!data) {
      Problem(Kind::kBrokenXObject, f.stream, op_index, data.error().message());
      return;
    }
    parsed = std::make_shared<ParsedContent>(ParseContent(data->data));
    parsed->source = std::move(data->data);
    parsed->truncated = !data->broken.empty();
    form_cache_[xobj] = parsed;
  }
  const int index = static_cast<int>(streams_.size());
  ContentStream info;
  info.kind = kind;
  info.object_number = static_cast<int>(xobj->Reference().ObjectNumber());
  info.generation = static_cast<int>(xobj->Reference().GenerationNumber());
  info.parent_stream = f.stream;
  info.parent_op = op_index;
  streams_.push_back(info);
  parsed_.push_back(parsed);
  const PdfObject* resources = DictGet(xobj, "Resources");
  if (!resources) resources = f.resources;  // old files rely on inheritance
  if (sink_) {
    sink_->OnStream(index, info, *parsed);
    sink_->OnStreamSource(index, xobj, resources);
  }
  if (parsed->truncated) {
    Problem(Kind::kTruncatedStream, index, -1,
            Describe(xobj) + ": its Flate data breaks off; what follows is unread");
  }
  if (parsed->bad_tokens > 0) {
    Problem(Kind::kBadToken, index, -1,
            std::to_string(parsed->bad_tokens) + " unreadable token(s)");
  }
  form_path_.push_back(xobj);
  RunStream(*parsed, index, resources, gs, f.depth + 1);
  form_path_.pop_back();
}

}  // namespace redact::pdf
