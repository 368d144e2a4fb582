// The content-stream interpreter: walks a page's content, every Form
// XObject it paints and every soft mask's group it sets, tracking the graphics state (q/Q, cm) and the full text
// state (Tc Tw Tz TL Tf Tr Ts Tm Td TD T* Tj TJ ' "), and reports typed
// events to a sink. Extraction is one sink (stages/extract GlyphCollector);
// the redaction writer is another, so both see the same glyph addresses
// (stream, operator, code) — what we found is what we remove.
//
// The interpreter never fails a page for content it cannot understand; it
// reports each problem (bad tokens, unknown operators, missing fonts,
// undecodable codes, broken or cyclic XObjects) to the sink, and the caller
// applies the fail-closed policy. It fails (returns a Status) only when the
// page itself is unusable.
//
// Thread-safety: not thread-safe; uses its Document's object graph.
#ifndef REDACT_PDF_CONTENT_INTERPRETER_H_
#define REDACT_PDF_CONTENT_INTERPRETER_H_

#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/geometry.h"
#include "core/limits.h"
#include "core/model.h"
#include "pdf/content_parser.h"
#include "pdf/document.h"
#include "pdf/font.h"
#include "core/status.h"

namespace redact::pdf {

// One glyph shown by a text operator. Geometry is in the page's user space.
struct GlyphEvent {
  ContentRef ref;
  const DecodedCode* code = nullptr;
  const Font* font = nullptr;
  Quad quad;              // advance × [descent, ascent]
  Point baseline_start;
  Point baseline_end;
  Point pen_end;          // where the pen stands after the glyph and its
                          // character spacing (Tc; not Tw)
  double font_size = 0;   // the font size as drawn on the page (user units)
  int render_mode = 0;
  // How far this glyph moved the pen, in text space (tx, or ty for vertical
  // fonts), and the text-space length of one TJ unit × 1000 (Tfs × Th, or
  // Tfs): a rewriter that drops the glyph puts back -displacement /
  // tj_scale × 1000 as a TJ number so later glyphs stay in place.
  double displacement = 0;
  double tj_scale = 0;
};

// An image painted on the page: an image XObject or an inline image.
struct ImageEvent {
  int stream = -1;
  int op = -1;
  Matrix ctm;  // maps the unit square to user space
  const PoDoFo::PdfObject* xobject = nullptr;  // nullptr for inline images
  // Painted opaquely (see PathEvent::opaque) and, when clipped, only
  // inside `clip` (user space).
  bool opaque = true;
  bool clipped = false;
  Rect clip;
};

// A path painted with a fill (f F f* B B* b b*): its bounds in user space
// and whether it has curves. Stroked-only and clipping paths are not
// reported. Lets extraction notice text drawn as outlines.
struct PathEvent {
  int stream = -1;
  int op = -1;
  Rect bounds;
  bool curves = false;
  int segments = 0;
  bool filled = true;   // f, F, f*, B, B*, b, b*; false: stroked only (S, s)
  // The path's straight pieces in user space (after the CTM): `l` segments
  // and the four edges of each `re`, at most 64 per path (a longer path
  // is drawing, not ruling). Curved paths leave this empty.
  std::vector<std::pair<Point, Point>> lines;
  // Whether what it paints hides what lies under it: fill alpha (/ca) 1,
  // blend mode Normal or Compatible, no soft mask, and not clipped to
  // glyph outlines (text render modes 4-7). When clipped by a clipping
  // path, it paints only inside `clip` (user space; the clipping paths'
  // bounds, intersected).
  bool opaque = true;
  bool clipped = false;
  Rect clip;
  // Whether its outline is stroked too (S, s, B, B*, b, b*): a drawn edge.
  bool stroked = false;
};

class ContentSink {
 public:
  virtual ~ContentSink() = default;
  // A content stream is about to be interpreted; `parsed` stays valid until
  // RunPage returns.
  virtual void OnStream(int /*index*/, const ContentStream& /*info*/,
                        const ParsedContent& /*parsed*/) {}
  // Where that stream lives: the Form XObject (nullptr for page contents)
  // and the resources its operators name things in. For rewriters.
  virtual void OnStreamSource(int /*index*/, const PoDoFo::PdfObject* /*xobject*/,
                              const PoDoFo::PdfObject* /*resources*/) {}
  virtual void OnGlyph(const GlyphEvent& /*glyph*/) {}
  virtual void OnImage(const ImageEvent& /*image*/) {}
  virtual void OnPath(const PathEvent& /*path*/) {}
  virtual void OnProblem(const ExtractionProblem& /*problem*/) {}
};

// Every event to two sinks, in order: one interpreter run serves extraction
// and image finding together (a page is read once).
class TeeSink final : public ContentSink {
 public:
  TeeSink(ContentSink* first, ContentSink* second) : a_(first), b_(second) {}
  void OnStream(int index, const ContentStream& info, const ParsedContent& parsed) override {
    a_->OnStream(index, info, parsed), b_->OnStream(index, info, parsed);
  }
  void OnStreamSource(int index, const PoDoFo::PdfObject* xobject, const PoDoFo::PdfObject* resources) override {
    a_->OnStreamSource(index, xobject, resources), b_->OnStreamSource(index, xobject, resources);
  }
  void OnGlyph(const GlyphEvent& glyph) override { a_->OnGlyph(glyph), b_->OnGlyph(glyph); }
  void OnImage(const ImageEvent& image) override { a_->OnImage(image), b_->OnImage(image); }
  void OnPath(const PathEvent& path) override { a_->OnPath(path), b_->OnPath(path); }
  void OnProblem(const ExtractionProblem& problem) override { a_->OnProblem(problem), b_->OnProblem(problem); }

 private:
  ContentSink* a_;
  ContentSink* b_;
};

// The interpreter honours max_form_depth, max_stream_bytes,
// max_glyphs_per_page and max_graphics_stack.
using InterpreterLimits = ResourceLimits;

class ContentInterpreter {
 public:
  // With the document's own limits (OpenOptions::limits), or others.
  explicit ContentInterpreter(Document* doc);
  ContentInterpreter(Document* doc, const InterpreterLimits& limits);

  // Interprets page `index` (0-based). Fails only when the page object is
  // missing or its contents cannot be read at all.
  Status RunPage(int index, ContentSink* sink);

  // Interprets a Form XObject on its own (an annotation's appearance
  // stream), in its own form space, as stream 0.
  Status RunForm(const PoDoFo::PdfObject* form, ContentSink* sink);

 private:
  // Starts a run for `sink`: nothing of a previous run carries over.
  void Begin(ContentSink* sink);

  struct TextState {
    double char_space = 0, word_space = 0, h_scale = 1, leading = 0;
    double size = 0, rise = 0;
    int render = 0;
    std::shared_ptr<const Font> font;
  };
  struct GraphicsState {
    Matrix ctm;
    TextState text;
    // What PathEvent::opaque needs: /ca < 1, a blend mode other than
    // Normal, a soft mask, a clip to glyph outlines.
    bool translucent = false, blended = false, soft_mask = false, text_clip = false;
    bool clipped = false;
    Rect clip;
    bool Opaque() const { return !translucent && !blended && !soft_mask && !text_clip; }
  };
  struct Frame;  // one stream being interpreted

  void RunStream(const ParsedContent& parsed, int stream_index,
                 const PoDoFo::PdfObject* resources, GraphicsState gs,
                 int depth);
  void ShowText(Frame& f, const Operation& op, int op_index);
  bool PathOperator(Frame& f, const Operation& op, int op_index);
  void ShowString(Frame& f, const std::string& bytes, int op_index,
                  int* code_index);
  void DoXObject(Frame& f, const Operation& op, int op_index);
  void RunChildForm(Frame& f, const PoDoFo::PdfObject* xobj, int op_index, ContentStream::Kind kind,
                    const GraphicsState& gs);
  void SetGraphicsState(Frame& f, const std::string& name, int op_index);
  void RunSoftMaskGroup(Frame& f, const PoDoFo::PdfObject* smask, int op_index);
  void Problem(ExtractionProblem::Kind kind, int stream, int op,
               std::string detail);

  Document* doc_;
  InterpreterLimits limits_;
  ContentSink* sink_ = nullptr;
  std::vector<ContentStream> streams_;
  std::vector<std::shared_ptr<ParsedContent>> parsed_;  // kept alive per page
  std::unordered_map<const PoDoFo::PdfObject*, std::shared_ptr<ParsedContent>>
      form_cache_;
  std::vector<const PoDoFo::PdfObject*> form_path_;  // cycle detection
  size_t glyph_count_ = 0;
  std::vector<DecodedCode> scratch_;
};

}  // namespace redact::pdf

#endif  // REDACT_PDF_CONTENT_INTERPRETER_H_
