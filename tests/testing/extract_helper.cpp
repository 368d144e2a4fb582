#include "tests/testing/extract_helper.h"

#include "pdf/document.h"
#include "stages/assemble/assemble.h"
#include "stages/extract/extract.h"

namespace redact::testing {

StatusOr<PageText> ExtractPage(const std::string& pdf_bytes, int index) {
  auto doc = pdf::Document::OpenBytes(pdf_bytes, "test.pdf", {});
  if (!doc) return Error(doc.error());
  auto page = ExtractGlyphs(**doc, index);
  if (!page) return Error(page.error());
  AssembleText(&*page);
  return page;
}

std::string GlyphText(const PageText& page) {
  std::string s;
  for (const Glyph& g : page.glyphs) s += g.text;
  return s;
}

}  // namespace redact::testing
