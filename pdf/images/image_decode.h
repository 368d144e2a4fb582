// Images to Leptonica pixmaps as they look on the page, for OCR and for
// burning: image XObjects and inline images, through any generic filter
// chain (ASCII, LZW, Flate with PNG/TIFF predictors, RunLength), then
//   DCTDecode (JPEG) and JPXDecode (JPEG 2000, via openjp2) with Leptonica;
//   CCITTFaxDecode, Group 4 and Group 3 (1-D and 2-D), via libtiff;
//   JBIG2Decode, with /JBIG2Globals, via libjbig2dec;
//   raw samples of 1, 2, 4, 8 or 16 bits in DeviceGray/RGB/CMYK, CalGray/
//   CalRGB, ICCBased (by /N), Indexed, Separation/DeviceN and Lab;
//   image masks; /Decode arrays and /BlackIs1.
// Anything else, or data that does not decode, is kUnsupported: a page that
// needs OCR then fails closed upstream, and the writer replaces the image.
//
// Pixmaps come back as seen: 1 bpp with 1 = black (Leptonica's convention;
// for an image mask, 1 = painted), 8 bpp gray with 0 = black, or 32 bpp RGB.
//
// Thread-safety: pure functions over the document's (read-only) objects.
#ifndef REDACT_PDF_IMAGES_IMAGE_DECODE_H_
#define REDACT_PDF_IMAGES_IMAGE_DECODE_H_

#include <memory>
#include <string>
#include <string_view>

#include "core/limits.h"
#include "pdf/content_parser.h"
#include "core/status.h"

struct Pix;
namespace PoDoFo {
class PdfObject;
}

namespace redact {

struct PixDeleter {
  void operator()(Pix* pix) const;
};
using PixPtr = std::unique_ptr<Pix, PixDeleter>;

// Leptonica reports its errors on stderr; ours say what went wrong, once,
// naming the document. Silences Leptonica for the process (idempotent,
// thread-safe).
void QuietLeptonica();

// An image XObject. Images over limits.max_image_pixels fail (kResource).
StatusOr<PixPtr> DecodeImage(const PoDoFo::PdfObject* image, const ResourceLimits& limits = {});

// An inline image (BI … ID … EI): its dictionary as parsed (short keys and
// names allowed), its data bytes, and the resources of the content stream
// that paints it (for a named colour space).
StatusOr<PixPtr> DecodeInlineImage(const pdf::Operand& dict, std::string_view data,
                                   const PoDoFo::PdfObject* resources,
                                   const ResourceLimits& limits = {});

// A minimal little-endian TIFF around raw CCITT data (WhiteIsZero: black
// runs decode to 1), so Leptonica/libtiff can decode it. `k` as the PDF
// /K: negative is Group 4, 0 Group 3 1-D, positive Group 3 2-D.
std::string WrapCcittInTiff(const std::string& data, int width, int height, int k = -1,
                            bool byte_aligned = false);
inline std::string WrapG4InTiff(const std::string& g4, int width, int height) {
  return WrapCcittInTiff(g4, width, height);
}

}  // namespace redact

#endif  // REDACT_PDF_IMAGES_IMAGE_DECODE_H_
