// Checking a text layer someone else made against the pixels under it.
// Scanner and copier PDFs carry an invisible text layer (render mode 3)
// over the scan, made by their own OCR; so do files an earlier OCR run
// (ocrmypdf, Acrobat) went over. Such a layer is believed by viewers'
// search and by pdftotext, but it may cover only the header, or misread
// the A-number, while the pixels still show everything. So an image under
// an invisible layer is OCR'd too (OcrPlan::check_layer), and the two
// readings are compared word by word, in place:
//   agreeing     an OCR word the layer has at the same place (folded:
//                case, letters and digits only; one edit in five allowed)
//   disagreeing  an OCR word where the layer has other text
//   uncovered    an OCR word where the layer has nothing
// Only OCR words read with confidence (60 or more) and holding two letters
// or digits count.
//
// The layer is replaced — its glyphs superseded (left out of the page
// text, removed from the output), our OCR's kept, and a
// kTextLayerReplaced problem recorded for the page — when it misreads (3
// or more disagreeing words, a fifth or more of those it covers; or any
// word of 3 or more digits read otherwise: an A-number) or is
// partial (3 or more uncovered words, a tenth or more of all). Otherwise
// the layer stands: the OCR glyphs it covers are dropped (the layer reads
// them) and uncovered ones are kept, so text the layer left out is read.
//
// Thread-safety: pure functions of their arguments.
#ifndef REDACT_STAGES_OCR_LAYER_CHECK_H_
#define REDACT_STAGES_OCR_LAYER_CHECK_H_

#include "core/model.h"

namespace redact {

struct LayerCheck {
  int ocr_words = 0;
  int agreeing = 0;
  int disagreeing = 0;
  int uncovered = 0;
  int numbers_misread = 0;  // disagreeing words with 3 or more digits
  bool replace = false;
};

// Compares the invisible glyphs of `page` (not OCR, render mode 3 or 7)
// with its OCR glyphs (Glyph::ocr, grouped by Glyph::ocr_word).
LayerCheck CheckTextLayer(const PageText& page);

// Checks, then replaces or keeps the layer as described above. Call after
// OCR glyphs were added and before AssembleText. Returns the check.
LayerCheck SettleTextLayer(PageText* page);

}  // namespace redact

#endif  // REDACT_STAGES_OCR_LAYER_CHECK_H_
