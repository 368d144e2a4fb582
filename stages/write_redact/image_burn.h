// Burning pixels: the part of an image that lies under redaction boxes is
// painted black in the image data itself (never only covered by a box),
// and the image is re-encoded — JPEG stays JPEG at the quality it was
// written at (estimated from its quantization table), other images
// become Flate. The result is a new image object; the caller replaces the
// invocation with it, so the original pixels leave the file unless other
// content still paints the original.
//
// Handled in their own encoding: Flate/LZW/RunLength/ASCII-filtered or raw
// samples, 8-bit DeviceGray/DeviceRGB/DeviceCMYK and 1-bit DeviceGray or
// image masks; baseline DCT (JPEG) in gray or RGB; CCITT Group 4 (stays G4).
// Anything else pdf/images can decode (JBIG2, JPX, CCITT Group 3,
// Indexed, ICC-based, 16-bit, /Decode arrays, inline images) is burned in
// its decoded pixels and written anew: bilevel as G4, from a lossy source
// as JPEG, else Flate. Images with soft masks or colour-key masks, and what
// does not decode, are reported as not burnable and the caller replaces
// the image whole — fail closed.
//
// This stage edits PDF objects through PoDoFo directly (it creates image
// XObjects in the document's PdfVecObjects and reads image dictionaries):
// image encoding parameters are PDF dictionaries through and through.
//
// Thread-safety: mutates the document; one thread per document.
#ifndef REDACT_STAGES_WRITE_REDACT_IMAGE_BURN_H_
#define REDACT_STAGES_WRITE_REDACT_IMAGE_BURN_H_

#include <podofo/podofo.h>

#include <string>
#include <string_view>
#include <vector>

#include "core/geometry.h"
#include "pdf/content_parser.h"
#include "core/status.h"

namespace redact {

// Returns the new (burned) image object, or an error saying why the image
// cannot be burned (kUnsupported) — the caller then removes it whole.
// `ctm` maps the image's unit square to user space; `boxes` are user space.
StatusOr<PoDoFo::PdfObject*> BurnImage(PoDoFo::PdfVecObjects& objects,
                                       const PoDoFo::PdfObject* image, const Matrix& ctm,
                                       const std::vector<Quad>& boxes);

// An inline image (its parsed dictionary and data, and the resources of its
// stream), burned and written as a new image XObject to paint in its place.
StatusOr<PoDoFo::PdfObject*> BurnInlineImage(PoDoFo::PdfVecObjects& objects, const pdf::Operand& dict,
                                             std::string_view data, const PoDoFo::PdfObject* resources,
                                             const Matrix& ctm, const std::vector<Quad>& boxes);

}  // namespace redact

#endif  // REDACT_STAGES_WRITE_REDACT_IMAGE_BURN_H_
