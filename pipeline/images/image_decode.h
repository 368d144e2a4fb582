// Image XObjects to Leptonica pixmaps, for OCR: baseline JPEG, CCITT Group 4,
// and Flate/LZW/raw samples (8-bit gray or RGB, 1-bit gray). Anything else
// is kUnsupported — a page that needs OCR then fails closed upstream.
//
// Thread-safety: pure functions over the document's (read-only) objects.
#ifndef REDACT_PIPELINE_IMAGES_IMAGE_DECODE_H_
#define REDACT_PIPELINE_IMAGES_IMAGE_DECODE_H_

#include <memory>
#include <string>

#include "pipeline/status.h"

struct Pix;
namespace PoDoFo {
class PdfObject;
}

namespace redact {

struct PixDeleter {
  void operator()(Pix* pix) const;
};
using PixPtr = std::unique_ptr<Pix, PixDeleter>;

// 1-bit images come back with Leptonica's convention (1 = black); 8-bit gray
// and 32-bit RGB as they are.
StatusOr<PixPtr> DecodeImage(const PoDoFo::PdfObject* image);

// A minimal little-endian TIFF around raw CCITT Group 4 data (WhiteIsZero:
// black runs decode to 1), so Leptonica/libtiff can decode it.
std::string WrapG4InTiff(const std::string& g4, int width, int height);

}  // namespace redact

#endif  // REDACT_PIPELINE_IMAGES_IMAGE_DECODE_H_
