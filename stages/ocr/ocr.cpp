#include "stages/ocr/ocr.h"

#include <leptonica/allheaders.h>
#include <tesseract/baseapi.h>
#include <tesseract/version.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <cstdlib>
#include <cstring>

#include "pdf/images/image_decode.h"
#include "pdf/content_interpreter.h"
#include "pdf/podofo_util.h"

namespace redact {
namespace {

// One symbol per character of `text` (UTF-8, white space dropped), side by
// side in equal widths across the box.
std::vector<OcrSymbol> SpreadOverBox(const std::string& text, int x0, int y0, int x1, int y1) {
  std::vector<std::string> chars;
  for (size_t i = 0; i < text.size();) {
    size_t n = 1;
    while (i + n < text.size() && (static_cast<unsigned char>(text[i + n]) & 0xC0) == 0x80) ++n;
    std::string c = text.substr(i, n);
    if (c.find_first_not_of(" \t\r\n") != std::string::npos) chars.push_back(std::move(c));
    i += n;
  }
  std::vector<OcrSymbol> out;
  const double step = chars.empty() ? 0 : static_cast<double>(x1 - x0) / chars.size();
  for (size_t k = 0; k < chars.size(); ++k) {
    OcrSymbol s;
    s.text = chars[k];
    s.x0 = x0 + static_cast<int>(std::lround(step * k));
    s.x1 = x0 + static_cast<int>(std::lround(step * (k + 1)));
    s.y0 = y0;
    s.y1 = y1;
    out.push_back(std::move(s));
  }
  return out;
}

class TesseractEngine : public OcrEngine {
 public:
  Status Init(const std::string& languages) {
    setenv("OMP_THREAD_LIMIT", "1", 0);
    if (api_.Init(nullptr, languages.c_str()) != 0) {
      return Status(StatusCode::kUnsupported,
                    "Tesseract could not load languages '" + languages + "' (tesseract-ocr-eng/spa)");
    }
    // Sparse text: court tables and forms (I-213s, class lists) are boxes
    // of fields; read as sparse text they lose far fewer names and numbers
    // than under automatic page layout (samples/scans: A-number and listed
    // name recall 0.87 → 0.96), at the same speed; prose reads the same.
    api_.SetPageSegMode(tesseract::PSM_SPARSE_TEXT);
    return Status::Ok();
  }

  StatusOr<std::vector<OcrWord>> Recognize(Pix* image, int dpi) override {
    api_.SetImage(image);
    api_.SetSourceResolution(dpi);
    if (api_.Recognize(nullptr) != 0) return Error(StatusCode::kInternal, "Tesseract failed");
    std::vector<OcrWord> words;
    int line = 0;
    std::unique_ptr<tesseract::ResultIterator> it(api_.GetIterator());
    if (!it) return words;
    do {
      if (it->Empty(tesseract::RIL_WORD)) continue;
      OcrWord word;
      word.confidence = it->Confidence(tesseract::RIL_WORD);
      if (it->IsAtBeginningOf(tesseract::RIL_TEXTLINE)) ++line;
      word.line = line;
      int lx0 = 0, ly0 = 0, lx1 = 0, ly1 = 0;
      it->BoundingBox(tesseract::RIL_TEXTLINE, &lx0, &ly0, &lx1, &ly1);
      if (!it->Baseline(tesseract::RIL_TEXTLINE, &word.baseline_x0, &word.baseline_y0, &word.baseline_x1,
                        &word.baseline_y1)) {
        word.baseline_x0 = lx0, word.baseline_x1 = lx1, word.baseline_y0 = word.baseline_y1 = ly1;
      }
      std::unique_ptr<char[]> word_text(it->GetUTF8Text(tesseract::RIL_WORD));
      int wx0 = 0, wy0 = 0, wx1 = 0, wy1 = 0;
      it->BoundingBox(tesseract::RIL_WORD, &wx0, &wy0, &wx1, &wy1);
      // Symbols of this word.
      do {
        OcrSymbol s;
        std::unique_ptr<char[]> text(it->GetUTF8Text(tesseract::RIL_SYMBOL));
        if (!text || !it->BoundingBox(tesseract::RIL_SYMBOL, &s.x0, &s.y0, &s.x1, &s.y1)) continue;
        s.text = text.get();
        // Tesseract reads table rules as blank "symbols" lines tall; they
        // carry no text to find, and their size would swallow real lines.
        if (s.text.find_first_not_of(" \t\r\n") == std::string::npos) continue;
        word.symbols.push_back(std::move(s));
      } while (!it->IsAtFinalElement(tesseract::RIL_WORD, tesseract::RIL_SYMBOL) &&
               it->Next(tesseract::RIL_SYMBOL));
      // The LSTM recognizer's word text is what it read; its symbol boxes
      // come from segmentation and may miss a letter ("CALIFO NIA"). A word
      // with a letter missing is a name we would not find, so when they
      // disagree the word's text wins, its letters spread over its box.
      std::string joined;
      for (const OcrSymbol& sym : word.symbols) joined += sym.text;
      if (word_text && joined != word_text.get() && std::strlen(word_text.get()) > 0) {
        word.symbols = SpreadOverBox(word_text.get(), wx0, wy0, wx1, wy1);
      }
      if (!word.symbols.empty()) words.push_back(std::move(word));
    } while (it->Next(tesseract::RIL_WORD));
    api_.Clear();
    return words;
  }

 private:
  tesseract::TessBaseAPI api_;
};

class ImageFinder : public pdf::ContentSink {
 public:
  explicit ImageFinder(std::vector<PlacedImage>* out) : images(*out) {}
  void OnStream(int index, const ContentStream&, const pdf::ParsedContent& parsed) override {
    streams_[index].parsed = &parsed;
  }
  void OnStreamSource(int index, const PoDoFo::PdfObject*, const PoDoFo::PdfObject* resources) override {
    streams_[index].resources = resources;
  }
  // Inline images too: a page painted by one must not look image-free.
  void OnImage(const pdf::ImageEvent& e) override {
    PlacedImage image;
    image.xobject = e.xobject;
    image.ctm = e.ctm;
    if (!e.xobject) {
      const Stream& stream = streams_[e.stream];
      if (stream.parsed && e.op >= 0 && static_cast<size_t>(e.op) < stream.parsed->ops.size()) {
        const pdf::Operation& op = stream.parsed->ops[static_cast<size_t>(e.op)];
        if (!op.operands.empty()) image.inline_dict = op.operands[0];
        if (op.data_end >= op.data_begin && op.data_end <= stream.parsed->source.size()) {
          image.inline_data = stream.parsed->source.substr(op.data_begin, op.data_end - op.data_begin);
        }
      }
      image.resources = stream.resources;
    }
    images.push_back(std::move(image));
  }
  std::vector<PlacedImage>& images;

 private:
  struct Stream {
    const pdf::ParsedContent* parsed = nullptr;
    const PoDoFo::PdfObject* resources = nullptr;
  };
  std::map<int, Stream> streams_;
};

// Images smaller than this on the page cannot hold a line of text a
// reader could take in (points), nor one Tesseract could read (pixels).
constexpr double kMinTextImageWidth = 18, kMinTextImageHeight = 6;
constexpr int kMinTextImagePixels = 8;

Rect PlacedBounds(const PlacedImage& im) {
  const Quad q{im.ctm.Apply({0, 0}), im.ctm.Apply({1, 0}), im.ctm.Apply({1, 1}), im.ctm.Apply({0, 1})};
  return q.Bounds();
}

// A page whose text glyphs cover less than this share of it has no real
// text layer. Letter-size body text covers 20-45%; a stamp under 1%.
constexpr double kMinTextLayerShare = 0.05;

int Quadrant(Point dir) {
  if (std::fabs(dir.x) >= std::fabs(dir.y)) return dir.x >= 0 ? 0 : 2;
  return dir.y >= 0 ? 1 : 3;
}

// `pix` turned (by quarter turns and flips) so that, with `to_display`
// mapping its unit square to display space (y down), its rows run left to
// right and its columns top to bottom. Sets `upright_to_pixel` to map a
// pixel of the result back to one of `pix`.
PixPtr Upright(PixPtr pix, const Matrix& to_display, Matrix* upright_to_pixel) {
  const int w = pixGetWidth(pix.get()), h = pixGetHeight(pix.get());
  // Display directions of the pixel axes: +x (next column), +y (next row).
  const Point along = to_display.ApplyVector({1, 0});
  const Point down = to_display.ApplyVector({0, -1});
  auto axis = [](Point v) {  // 0: +x, 1: -x, 2: +y, 3: -y
    return std::fabs(v.x) >= std::fabs(v.y) ? (v.x >= 0 ? 0 : 1) : (v.y >= 0 ? 2 : 3);
  };
  const int ax = axis(along), ay = axis(down);
  *upright_to_pixel = Matrix{};
  if (ax == 0 && ay == 2) return pix;  // already upright
  // New pixel (X, Y) ← old pixel: X follows whichever old axis shows as +x.
  const bool swap = ax >= 2;  // old columns run vertically on the page
  const int nw = swap ? h : w, nh = swap ? w : h;
  // old = M (X, Y): for each old axis, which new axis and sense it follows.
  // Old x-axis shows as display direction ax, old y-axis as ay.
  Matrix m{0, 0, 0, 0, 0, 0};
  auto place = [&](int dir, bool old_is_x, int old_extent) {
    // dir: display direction of this old axis; new X is display +x, new Y +y.
    const bool reversed = dir == 1 || dir == 3;
    const bool on_x = dir <= 1;
    const double scale = reversed ? -1 : 1, offset = reversed ? old_extent - 1 : 0;
    // old_coord = scale * (on_x ? X : Y) + offset
    if (old_is_x) {
      (on_x ? m.a : m.c) = scale;
      m.e = offset;
    } else {
      (on_x ? m.b : m.d) = scale;
      m.f = offset;
    }
  };
  place(ax, true, w);
  place(ay, false, h);
  // Matrix maps (X, Y) to (X a + Y c + e, X b + Y d + f): old x, old y.
  Pix* out = pixCreate(nw, nh, pixGetDepth(pix.get()));
  if (!out) return nullptr;
  pixCopyResolution(out, pix.get());
  const int depth = pixGetDepth(pix.get());
  const l_uint32* src = pixGetData(pix.get());
  const int swpl = pixGetWpl(pix.get());
  l_uint32* dst = pixGetData(out);
  const int dwpl = pixGetWpl(out);
  for (int Y = 0; Y < nh; ++Y) {
    l_uint32* line = dst + static_cast<size_t>(dwpl) * Y;
    for (int X = 0; X < nw; ++X) {
      const int x = static_cast<int>(X * m.a + Y * m.c + m.e), y = static_cast<int>(X * m.b + Y * m.d + m.f);
      const l_uint32* sl = src + static_cast<size_t>(swpl) * y;
      if (depth == 1) {
        if (GET_DATA_BIT(sl, x)) SET_DATA_BIT(line, X);
      } else if (depth == 8) {
        SET_DATA_BYTE(line, X, GET_DATA_BYTE(sl, x));
      } else {
        line[X] = sl[x];
      }
    }
  }
  *upright_to_pixel = m;
  return PixPtr(out);
}

// Sauvola's adaptive threshold, for gray or colour images; bilevel ones
// (and any that fail) are returned as they are.
PixPtr Binarize(PixPtr pix) {
  if (pixGetDepth(pix.get()) == 1) return pix;
  Pix* gray = pixGetDepth(pix.get()) == 32 ? pixConvertRGBToLuminance(pix.get()) : pixClone(pix.get());
  Pix* bilevel = nullptr;
  if (gray && pixSauvolaBinarizeTiled(gray, 25, 0.35f, 1, 1, nullptr, &bilevel) == 0 && bilevel) {
    pixDestroy(&gray);
    pixCopyResolution(bilevel, pix.get());
    return PixPtr(bilevel);
  }
  if (gray) pixDestroy(&gray);
  return pix;
}

// `pix` rotated about its centre by the skew Leptonica finds, when that is
// at least 0.1° and found with confidence; `to_pixel` (pixel of `pix` →
// pixel of the image) gets the rotation back composed in.
PixPtr Deskew(PixPtr pix, Matrix* to_pixel) {
  Pix* bilevel = pixGetDepth(pix.get()) == 1 ? pixClone(pix.get()) : pixConvertTo1(pix.get(), 160);
  if (!bilevel) return pix;
  l_float32 degrees = 0, confidence = 0;
  const bool found = pixFindSkew(bilevel, &degrees, &confidence) == 0;
  pixDestroy(&bilevel);
  if (!found || confidence < 2.5f || std::fabs(degrees) < 0.1f) return pix;
  const double theta = degrees * M_PI / 180.0;
  Pix* rotated = pixRotate(pix.get(), static_cast<l_float32>(theta), L_ROTATE_AREA_MAP, L_BRING_IN_WHITE, 0, 0);
  if (!rotated) return pix;
  // Leptonica turns clockwise (rows down) by theta about the centre; a
  // pixel of the result comes from the same point turned back.
  const double cx = pixGetWidth(pix.get()) / 2.0, cy = pixGetHeight(pix.get()) / 2.0;
  const double c = std::cos(theta), s = std::sin(theta);
  const Matrix back{c, -s, s, c, cx - c * cx - s * cy, cy + s * cx - c * cy};
  *to_pixel = back * *to_pixel;
  return PixPtr(rotated);
}

// Whether the box of `word` in `pix` is nearly all dark (96% or more).
bool SolidInk(Pix* pix, const OcrWord& word) {
  if (word.symbols.empty()) return false;
  int x0 = word.symbols[0].x0, y0 = word.symbols[0].y0, x1 = word.symbols[0].x1, y1 = word.symbols[0].y1;
  for (const OcrSymbol& s : word.symbols) {
    x0 = std::min(x0, s.x0), y0 = std::min(y0, s.y0), x1 = std::max(x1, s.x1), y1 = std::max(y1, s.y1);
  }
  if (x1 - x0 < 2 || y1 - y0 < 2) return false;
  BOX* box = boxCreate(x0, y0, x1 - x0, y1 - y0);
  Pix* clip = pixClipRectangle(pix, box, nullptr);
  boxDestroy(&box);
  if (!clip) return false;
  Pix* bilevel = pixGetDepth(clip) == 1 ? pixClone(clip) : pixConvertTo1(clip, 128);
  pixDestroy(&clip);
  if (!bilevel) return false;
  l_int32 dark = 0;
  pixCountPixels(bilevel, &dark, nullptr);
  const double share = static_cast<double>(dark) / (pixGetWidth(bilevel) * pixGetHeight(bilevel));
  pixDestroy(&bilevel);
  return share >= 0.96;
}

}  // namespace

const char* TesseractVersion() { return TESSERACT_VERSION_STR; }

StatusOr<std::unique_ptr<OcrEngine>> MakeTesseractEngine(const std::string& languages) {
  auto engine = std::make_unique<TesseractEngine>();
  Status s = engine->Init(languages);
  if (!s.ok()) return Error(s);
  return std::unique_ptr<OcrEngine>(std::move(engine));
}

std::vector<PlacedImage> FindPageImages(pdf::Document& doc, int index) {
  std::vector<PlacedImage> images;
  ImageFinder finder(&images);
  pdf::ContentInterpreter interpreter(&doc);
  (void)interpreter.RunPage(index, &finder);  // problems were reported by extraction
  return images;
}

std::unique_ptr<pdf::ContentSink> NewImageCollector(std::vector<PlacedImage>* out) {
  return std::make_unique<ImageFinder>(out);
}

std::optional<OcrMode> ParseOcrMode(std::string_view text) {
  if (text == "auto") return OcrMode::kAuto;
  if (text == "always") return OcrMode::kAlways;
  if (text == "never") return OcrMode::kNever;
  return std::nullopt;
}

bool PageNeedsOcr(const std::vector<PlacedImage>& images, const PageText& page, OcrMode mode) {
  if (mode == OcrMode::kNever) return false;
  if (images.empty()) return false;
  if (mode == OcrMode::kAlways) return true;
  // A text layer counts by the area its glyphs cover, not their number: a
  // Bates stamp on a scanned page is text, and must not keep the scan
  // itself from being read.
  int decodable = 0, invisible = 0;
  double text_area = 0;
  for (const Glyph& g : page.glyphs) {
    if (!g.decodable || g.is_space) continue;
    ++decodable;
    if (g.render_mode == 3 || g.render_mode == 7) ++invisible;
    text_area += g.box.area();
  }
  const Rect& media = page.geometry.media_box;
  if (decodable >= 20 && text_area >= kMinTextLayerShare * media.area()) return false;
  // An invisible layer is an earlier OCR's, however sparse the page: it is
  // read through (and its pixels burned under every box); --ocr always
  // reads the pixels instead.
  if (invisible >= 20) return false;
  double covered = 0;
  for (const PlacedImage& im : images) covered += PlacedBounds(im).Intersect(media).area();
  return covered >= 0.5 * media.area();
}

OcrPlan PlanPageOcr(const std::vector<PlacedImage>& images, const PageText& page, OcrMode mode) {
  OcrPlan plan;
  if (PageNeedsOcr(images, page, mode)) {
    plan.page_is_scan = true;
    plan.images = images;
    return plan;
  }
  if (mode != OcrMode::kAuto) return plan;
  const Rect& media = page.geometry.media_box;
  for (const PlacedImage& im : images) {
    // Display space, as glyph boxes are.
    const Rect bounds = Quad::Transform(Quad{im.ctm.Apply({0, 0}), im.ctm.Apply({1, 0}), im.ctm.Apply({1, 1}),
                                             im.ctm.Apply({0, 1})},
                                        page.geometry.user_to_display)
                            .Bounds();
    const Rect visible = PlacedBounds(im).Intersect(media);
    const double w = std::max(bounds.x1 - bounds.x0, 0.0), h = std::max(bounds.y1 - bounds.y0, 0.0);
    if (visible.area() <= 0 || std::max(w, h) < kMinTextImageWidth || std::min(w, h) < kMinTextImageHeight) {
      continue;
    }
    if (im.xobject) {
      const double pixels_w = pdf::AsNumber(pdf::DictGet(im.xobject, "Width")).value_or(0);
      const double pixels_h = pdf::AsNumber(pdf::DictGet(im.xobject, "Height")).value_or(0);
      if (std::min(pixels_w, pixels_h) < kMinTextImagePixels) continue;
    }
    // An image visible text already covers (a letterhead under a typed
    // page) is read through that text. One under an invisible layer (a
    // scanner's, an earlier OCR's) is OCR'd too, and the layer checked
    // against what OCR reads (layer_check.h): such layers cover only a
    // header, or misread the A-number, often enough.
    double visible_area = 0, invisible_area = 0;
    int invisible = 0;
    for (const Glyph& g : page.glyphs) {
      if (!g.decodable || g.is_space) continue;
      const double inside = g.box.Intersect(bounds).area();
      if (g.render_mode == 3 || g.render_mode == 7) {
        invisible_area += inside;
        if (inside > 0) ++invisible;
      } else {
        visible_area += inside;
      }
    }
    if (visible_area >= kMinTextLayerShare * bounds.area()) continue;
    if (invisible >= 20 || invisible_area >= kMinTextLayerShare * bounds.area()) plan.check_layer = true;
    plan.images.push_back(im);
  }
  return plan;
}

StatusOr<std::vector<OcrInput>> DecodeForOcr(const pdf::Document& doc, const std::vector<PlacedImage>& images,
                                             const PageText& page, const OcrCleanup& cleanup) {
  const int page_number = page.number;
  std::vector<OcrInput> inputs;
  for (const PlacedImage& im : images) {
    // Fail closed: an image we cannot read could hold a name.
    StatusOr<PixPtr> pix = im.xobject ? DecodeImage(im.xobject, doc.limits())
                                      : DecodeInlineImage(im.inline_dict, im.inline_data, im.resources,
                                                          doc.limits());
    if (!pix) {
      return Error(StatusCode::kUnsupported, doc.name() + ": page " + std::to_string(page_number) + ": " +
                                                 (im.xobject ? "an image" : "an inline image") +
                                                 " OCR must read is not readable: " + pix.error().message());
    }
    OcrInput in;
    in.width = pixGetWidth(pix->get());
    in.height = pixGetHeight(pix->get());
    in.ctm = im.ctm;
    // Resolution from the placement: pixels per inch across the image.
    const Point across = im.ctm.ApplyVector({1, 0});
    const double inches = std::hypot(across.x, across.y) / 72.0;
    in.dpi = inches > 0 ? std::clamp(static_cast<int>(std::lround(in.width / inches)), 70, 1200) : 300;
    in.pix = Upright(std::move(*pix), im.ctm * page.geometry.user_to_display, &in.upright_to_pixel);
    if (!in.pix) return Error(StatusCode::kResource, doc.name() + ": out of memory turning an image");
    if (cleanup.binarize) in.pix = Binarize(std::move(in.pix));
    if (cleanup.deskew) in.pix = Deskew(std::move(in.pix), &in.upright_to_pixel);
    inputs.push_back(std::move(in));
  }
  return inputs;
}

Status RecognizeInputs(std::vector<OcrInput>* inputs, OcrEngine& engine) {
  for (OcrInput& in : *inputs) {
    StatusOr<std::vector<OcrWord>> words = engine.Recognize(in.pix.get(), in.dpi);
    if (!words) return words.error();
    // A "word" read off solid ink holds no text: Tesseract reads redaction
    // boxes as "M", "MN", "MIMI", which name cues would then take for
    // names. White text on black still shows 10% or more of white.
    std::erase_if(*words, [&](const OcrWord& w) { return SolidInk(in.pix.get(), w); });
    in.words = std::move(*words);
    in.pix.reset();  // pages wait for assembly in order; their pixels need not
  }
  return Status::Ok();
}

StatusOr<int> OcrPage(const pdf::Document& doc, const std::vector<PlacedImage>& images,
                      PageText* page, OcrEngine& engine, const OcrCleanup& cleanup) {
  StatusOr<std::vector<OcrInput>> inputs = DecodeForOcr(doc, images, *page, cleanup);
  if (!inputs) return Error(inputs.error());
  Status recognized = RecognizeInputs(&*inputs, engine);
  if (!recognized.ok()) return Error(recognized);
  return AddOcrGlyphs(*inputs, page);
}

int AddOcrGlyphs(const std::vector<OcrInput>& inputs, PageText* page) {
  int words_found = 0;
  int next_word = 0;
  for (const Glyph& g : page->glyphs) next_word = std::max(next_word, g.ocr_word + 1);
  const Matrix& to_display = page->geometry.user_to_display;
  for (const OcrInput& in : inputs) {
    const int w = in.width, h = in.height;
    const std::vector<OcrWord>* words = &in.words;
    auto to_user = [&](double x, double y) {
      const Point p = in.upright_to_pixel.Apply({x, y});
      return in.ctm.Apply({p.x / w, 1.0 - p.y / h});
    };
    // Ems from ink heights: capitals and ascenders are about 0.72 em, and
    // in mixed text the tallest fifth of the letters (the median may be an
    // x-height, 0.5 em, which makes a paragraph's line gaps look like gaps
    // between blocks). A line of 15 letters or more has its own em; a
    // shorter one (a table cell, read as a line of its own) takes the
    // image's, so a cell's pieces keep one size and stay together. Table
    // rules read as "|" stay out of the tallest fifth.
    auto em_of = [](std::vector<int> heights) {
      const size_t k = heights.size() * 4 / 5;
      std::nth_element(heights.begin(), heights.begin() + static_cast<long>(k), heights.end());
      return std::max(1, heights[k]) / 0.72;
    };
    std::map<int, std::vector<int>> symbol_heights;
    std::vector<int> all_heights;
    for (const OcrWord& word : *words) {
      for (const OcrSymbol& s : word.symbols) {
        symbol_heights[word.line].push_back(s.y1 - s.y0);
        all_heights.push_back(s.y1 - s.y0);
      }
    }
    const double image_em = all_heights.empty() ? 1 : em_of(all_heights);
    std::map<int, double> line_em;
    for (auto& [line, heights] : symbol_heights) {
      line_em[line] = heights.size() >= 15 ? em_of(heights) : image_em;
    }
    for (const OcrWord& word : *words) {
      ++words_found;
      // Boxes span the word's ink; the baseline and size come from its text
      // line, shared by every word on it, so lines assemble as they do for
      // a text layer (symbols differ in height: "x", "H", "g").
      int top = word.symbols[0].y0, bottom = word.symbols[0].y1;
      for (const OcrSymbol& s : word.symbols) {
        top = std::min(top, s.y0);
        bottom = std::max(bottom, s.y1);
      }
      const double run = word.baseline_x1 - word.baseline_x0;
      auto baseline_y = [&](int x) {
        if (std::abs(run) < 1) return static_cast<double>(bottom);
        return word.baseline_y0 + (word.baseline_y1 - word.baseline_y0) * (x - word.baseline_x0) / run;
      };
      const Point t0 = to_user(0, 0), b0 = to_user(0, line_em[word.line]);
      const double em = std::hypot(t0.x - b0.x, t0.y - b0.y);
      // Segmentation boxes may overlap ("R" 1059-1078, "N" 1058-1105); the
      // starts must still run forward, or a glyph would read as right-to-
      // left or as a new word, and the word would lose it ("CALIFO NIA").
      std::vector<OcrSymbol> symbols = word.symbols;
      for (size_t k = 1; k < symbols.size(); ++k) {
        symbols[k].x0 = std::max(symbols[k].x0, symbols[k - 1].x0 + 1);
        symbols[k].x1 = std::max(symbols[k].x1, symbols[k].x0 + 1);
      }
      for (size_t k = 0; k < symbols.size(); ++k) {
        const OcrSymbol& s = symbols[k];
        Glyph g;
        g.text = s.text;
        g.ocr = true;
        g.confidence = word.confidence;
        g.ocr_word = next_word;
        const Quad quad{to_user(s.x0, bottom), to_user(s.x1, bottom), to_user(s.x1, top), to_user(s.x0, top)};
        g.quad = quad;
        g.box = Quad::Transform(quad, to_display).Bounds();
        // Baselines run from symbol to symbol, so a word's symbols stay one
        // word and words stay apart by their real gaps.
        const int next_x = k + 1 < symbols.size() ? symbols[k + 1].x0 : std::max(s.x1, s.x0 + 1);
        g.baseline_start = to_display.Apply(to_user(s.x0, baseline_y(s.x0)));
        g.baseline_end = to_display.Apply(to_user(next_x, baseline_y(next_x)));
        g.pen_end = g.baseline_end;
        // Line spacing and word gaps are judged in ems.
        g.font_size = em;
        const Point dir{g.baseline_end.x - g.baseline_start.x, g.baseline_end.y - g.baseline_start.y};
        g.rotation = Quadrant(std::hypot(dir.x, dir.y) > 1e-9 ? dir : Point{1, 0});
        g.source = ContentRef{-1, -1, -1};
        page->glyphs.push_back(std::move(g));
      }
      ++next_word;
    }
  }
  return words_found;
}

}  // namespace redact
