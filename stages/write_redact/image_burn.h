// Burning pixels: the part of an image that lies under redaction boxes is
// painted black in the image data itself (never only covered by a box),
// and the image is re-encoded — JPEG stays JPEG (Leptonica), other images
// become Flate. The result is a new image object; the caller replaces the
// invocation with it, so the original pixels leave the file unless other
// content still paints the original.
//
// Handled: Flate/LZW/RunLength/ASCII-filtered or raw samples, 8-bit
// DeviceGray/DeviceRGB/DeviceCMYK and 1-bit DeviceGray or image masks;
// baseline DCT (JPEG) in gray or RGB; CCITT Group 4 bilevel (stays G4).
// Anything else (JPX, JBIG2, CCITT Group 3,
// Indexed, ICC-based CMYK JPEGs, /Decode arrays, soft masks) is reported as
// not burnable and the caller replaces the image whole — fail closed.
//
// Thread-safety: mutates the document; one thread per document.
#ifndef REDACT_STAGES_WRITE_REDACT_IMAGE_BURN_H_
#define REDACT_STAGES_WRITE_REDACT_IMAGE_BURN_H_

#include <podofo/podofo.h>

#include <string>
#include <vector>

#include "pipeline/geometry.h"
#include "pipeline/status.h"

namespace redact {

// Returns the new (burned) image object, or an error saying why the image
// cannot be burned (kUnsupported) — the caller then removes it whole.
// `ctm` maps the image's unit square to user space; `boxes` are user space.
StatusOr<PoDoFo::PdfObject*> BurnImage(PoDoFo::PdfVecObjects& objects,
                                       const PoDoFo::PdfObject* image, const Matrix& ctm,
                                       const std::vector<Quad>& boxes);

}  // namespace redact

#endif  // REDACT_STAGES_WRITE_REDACT_IMAGE_BURN_H_
