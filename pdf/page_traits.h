// What a page's resources hold that text extraction cannot speak for: the
// traits verification (pipeline/verify.cpp) uses to decide which pages of
// an output must be rendered and read by OCR as well as extracted.
//
// The walk covers the page's /Resources and those of the Form XObjects it
// holds (nested up to 8 deep, each object once): fonts (Type3; a ToUnicode
// contradicting the glyph names, pdf/font.h), graphics states with a soft
// mask, images and images with a soft mask. It reads what the resources
// hold, not what the content uses: an unused resource counts too (the
// clean writer drops unused resources, so outputs rarely carry one).
//
// Thread-safety: reads `doc` only; not concurrently with a writer of it.
#ifndef REDACT_PDF_PAGE_TRAITS_H_
#define REDACT_PDF_PAGE_TRAITS_H_

#include "core/status.h"
#include "pdf/document.h"

namespace redact::pdf {

struct PageTraits {
  bool images = false;             // an image XObject
  bool type3_font = false;         // glyphs are procedures: they may paint anything
  bool lying_to_unicode = false;   // Font::to_unicode_contradicts_names()
  bool soft_mask = false;          // an ExtGState /SMask, or an image's /SMask
};

// The traits of page `index` (0-based). Errors: PageObject's, and a PoDoFo
// error while reading (kDamagedPdf).
StatusOr<PageTraits> InspectPageTraits(const Document& doc, int index);

}  // namespace redact::pdf

#endif  // REDACT_PDF_PAGE_TRAITS_H_
