// The second look: an output read by an engine redact did not write.
// Verification (pipeline/verify.cpp) must not judge an output only with the
// content interpreter that wrote it — they share blind spots (a lying
// ToUnicode, text drawn as outlines or Type3 procedures, soft-masked
// content). This stage opens the file with poppler (poppler-cpp, the only
// folder that links it) and gives, per page:
//   - PageText: the text poppler extracts (its own fonts, CMaps and
//     reading order; UTF-8, lines by '\n');
//   - RenderGray: the page as poppler paints it (annotations included), an
//     8-bit gray Leptonica image at `dpi`;
//   - ReadRenderedPage: that render read by an OcrEngine (stages/ocr: the
//     Tesseract engine in production, tests/testing/fake_ocr.h in tests),
//     as text with words by ' ' and lines by '\n'.
// What to do with the text (detection, searching for removed values) is
// the caller's; nothing here detects.
//
// Errors (kDamagedPdf) when poppler cannot open the file or a page, or
// cannot render (no Splash backend); kPassword for a locked file. Poppler's
// own diagnostics are not printed (they are counted in errors_seen()).
//
// Thread-safety: one SecondLook per thread; poppler's global error hook is
// set once, on first Open.
#ifndef REDACT_STAGES_SECOND_LOOK_SECOND_LOOK_H_
#define REDACT_STAGES_SECOND_LOOK_SECOND_LOOK_H_

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "core/status.h"
#include "pdf/images/image_decode.h"
#include "stages/ocr/ocr.h"

namespace poppler {
class document;
}

namespace redact {

class SecondLook {
 public:
  // Opens `path` with poppler. Errors as above.
  static StatusOr<std::unique_ptr<SecondLook>> Open(const std::string& path);
  ~SecondLook();
  SecondLook(const SecondLook&) = delete;
  SecondLook& operator=(const SecondLook&) = delete;

  int page_count() const;
  // Poppler's text of page `index` (0-based), in reading order.
  StatusOr<std::string> PageText(int index) const;
  // Page `index` rendered at `dpi` (72..600) in 8-bit gray, its crop box
  // upright as displayed (/Rotate applied).
  StatusOr<PixPtr> RenderGray(int index, int dpi) const;

 private:
  SecondLook() = default;
  std::string path_;
  std::unique_ptr<poppler::document> doc_;
};

// What OCR read off a render: words by ' ', lines (OcrWord::line) by '\n';
// and the byte spans of `text` holding words read off solid ink (a word
// whose box is at least kBlotInk dark): OCR reads a filled box as letters
// ("Plaintiff [box]" as "Plaintiff LS"). Text in white on a dark band is
// less dark than that; still, only weak evidence (a name found only by a
// cue) may be dismissed for lying in a blot.
struct RenderReading {
  std::string text;
  std::vector<std::pair<size_t, size_t>> blots;  // [begin, end), in order
};
inline constexpr double kBlotInk = 0.9;

// The words `engine` reads on page `index` rendered at `dpi`. Errors:
// RenderGray's and the engine's.
StatusOr<RenderReading> ReadRenderedPage(const SecondLook& doc, int index, int dpi, OcrEngine& engine);

// The same for a render already made (RenderGray, 8-bit gray): the part
// that needs no poppler, so it may run on another thread than the
// SecondLook's.
StatusOr<RenderReading> ReadRender(Pix* render, int dpi, OcrEngine& engine);

// The poppler version linked ("22.12.0").
std::string PopplerVersion();

}  // namespace redact

#endif  // REDACT_STAGES_SECOND_LOOK_SECOND_LOOK_H_
