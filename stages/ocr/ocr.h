// OCR stage: pages with no usable text layer get glyphs from their images.
// The images a page paints are found by the content interpreter (with their
// placement matrix), decoded with Leptonica and read by an OcrEngine; each
// recognized symbol becomes a Glyph in page space (ocr = true, with its
// confidence; low-confidence ones are kept, not dropped). Detection then
// works unchanged, and the writer burns the pixels under every box.
//
// A page that needs OCR but has an image that cannot be decoded fails
// (kUnsupported): fail closed.
//
// Thread-safety: an OcrEngine is not thread-safe (one per worker).
#ifndef REDACT_STAGES_OCR_OCR_H_
#define REDACT_STAGES_OCR_OCR_H_

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pdf/images/image_decode.h"
#include "core/model.h"
#include "pdf/content_interpreter.h"
#include "pdf/content_parser.h"
#include "pdf/document.h"
#include "core/status.h"

struct Pix;

namespace redact {

struct OcrSymbol {
  std::string text;        // UTF-8
  int x0, y0, x1, y1;      // pixels, top-left origin
};
struct OcrWord {
  std::vector<OcrSymbol> symbols;
  float confidence = 0;    // 0..100
  // The word's text line: its index in reading order and its baseline
  // (pixels, top-left origin, as a line through two points). Words of one
  // line share them, so "Guadalupe" (descender) and "MARIA" (caps) stay on
  // one line.
  int line = 0;
  int baseline_x0 = 0, baseline_y0 = 0, baseline_x1 = 0, baseline_y1 = 0;
};

class OcrEngine {
 public:
  virtual ~OcrEngine() = default;
  // The words in `image` (upright; `dpi` its resolution), boxes in its
  // pixels with a top-left origin. An error fails the page (fail closed).
  virtual StatusOr<std::vector<OcrWord>> Recognize(Pix* image, int dpi) = 0;
};

// Tesseract through its C++ API, initialized once (eng+spa by default),
// with OpenMP held to one thread (two were slower than one; docs/PODOFO.md).
StatusOr<std::unique_ptr<OcrEngine>> MakeTesseractEngine(const std::string& languages);

// The Tesseract version this stage was compiled against ("5.3.0").
const char* TesseractVersion();

// Makes an engine for `languages` ("eng+spa"): the seam through which the
// pipeline gets its engines (MakeTesseractEngine in production, a scripted
// fake in tests: tests/testing/fake_ocr.h). Called once per worker, before
// the worker threads start; the engines it makes run one per thread.
using OcrEngineFactory = std::function<StatusOr<std::unique_ptr<OcrEngine>>(const std::string& languages)>;

// An image a page paints and where: the image space's unit square maps
// through `ctm` to user space. Points into `doc`; valid while it lives.
struct PlacedImage {
  const PoDoFo::PdfObject* xobject = nullptr;  // nullptr for an inline image
  Matrix ctm;
  // An inline image: its dictionary, its data (copied out of the content
  // stream) and the resources of that stream.
  pdf::Operand inline_dict;
  std::string inline_data;
  const PoDoFo::PdfObject* resources = nullptr;
};

// Every image page `index` paints (XObjects, inside Form XObjects too, and
// inline images), found by one pass of the content interpreter. Content
// problems were already reported by extraction and are not repeated.
std::vector<PlacedImage> FindPageImages(pdf::Document& doc, int index);
// The sink FindPageImages runs: appends to `out` the images of whatever run
// it is given to (with extraction's, through pdf::TeeSink: one run reads
// the page for both).
std::unique_ptr<pdf::ContentSink> NewImageCollector(std::vector<PlacedImage>* out);

// When pages are OCR'd (--ocr), parsed once at the edge.
enum class OcrMode { kAuto, kAlways, kNever };
// "auto" | "always" | "never"; nullopt otherwise.
std::optional<OcrMode> ParseOcrMode(std::string_view text);

// Whether `page`, painting `images`, is a scan under `mode`: kAuto when
// images cover at least half the page and its text layer is thin (under 20
// decodable glyphs, or glyphs covering under 5% of the page: a stamp on a
// scan) and is not an invisible OCR layer (20 glyphs in render mode 3 or
// 7, however sparse); kAlways when it paints any image; kNever not at all.
bool PageNeedsOcr(const std::vector<PlacedImage>& images, const PageText& page, OcrMode mode);

// What OCR reads on a page. On a scan, every image. On a page with a real
// text layer (kAuto), every image big enough to hold a line of text
// (18 x 6 pt and 8 px tall) that visible text does not already cover
// (5% of its area) —
// a photographed ID card or a pasted-in screenshot in a typed declaration
// holds names the text layer does not have.
// An image under an invisible text layer is read too, and `check_layer`
// set: the caller then settles layer and OCR with SettleTextLayer
// (layer_check.h).
struct OcrPlan {
  bool page_is_scan = false;
  bool check_layer = false;
  std::vector<PlacedImage> images;
};
OcrPlan PlanPageOcr(const std::vector<PlacedImage>& images, const PageText& page, OcrMode mode);

// Appends OCR glyphs for `images` (those of `page`) to `page`, before
// AssembleText: DecodeForOcr, RecognizeInputs and AddOcrGlyphs in turn.
// Returns the number of words recognized. Errors (kUnsupported, naming the
// document and page): an image that cannot be decoded — never skipped,
// since it could hold a name.
// Optional clean-up before recognition: `deskew` straightens an image
// scanned askew (by the skew Leptonica finds, if 0.1° or more and found
// with confidence); `binarize` turns gray or colour scans into black and
// white with Sauvola's adaptive threshold (uneven lighting, faint faxes).
struct OcrCleanup {
  bool deskew = false;
  bool binarize = false;
};
StatusOr<int> OcrPage(const pdf::Document& doc, const std::vector<PlacedImage>& images,
                      PageText* page, OcrEngine& engine, const OcrCleanup& cleanup);

// The three steps apart, so pages can be recognized on worker threads
// while one thread reads the document (PoDoFo is not thread-safe):
// DecodeForOcr reads the document; RecognizeInputs touches only its inputs
// and engine; AddOcrGlyphs only its inputs and page.
// The engine is given each image turned the way the page shows it (the
// placement's rotation and flips and the page's /Rotate undone), so a
// sideways scan reads as upright text; word boxes come back through
// `upright_to_pixel`.
struct OcrInput {
  PixPtr pix;                  // upright; freed once recognized
  int width = 0, height = 0;   // the image's own pixels (not turned)
  int dpi = 300;
  Matrix ctm;                  // image space's unit square → user space
  Matrix upright_to_pixel;     // pixel of `pix` → pixel of the image
  std::vector<OcrWord> words;  // filled by RecognizeInputs
};
StatusOr<std::vector<OcrInput>> DecodeForOcr(const pdf::Document& doc, const std::vector<PlacedImage>& images,
                                             const PageText& page, const OcrCleanup& cleanup = {});
Status RecognizeInputs(std::vector<OcrInput>* inputs, OcrEngine& engine);
int AddOcrGlyphs(const std::vector<OcrInput>& inputs, PageText* page);

}  // namespace redact

#endif  // REDACT_STAGES_OCR_OCR_H_
