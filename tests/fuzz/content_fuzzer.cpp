// Fuzzes the content-stream interpreter and the rewriter that shares it:
// the input is a page's content stream, painted with a fixed set of
// resources (a simple font with /Differences, an Identity-H font with a
// ToUnicode CMap, a Type3 font, a Form XObject, an image). The page is
// extracted, assembled, searched (side channels too), every third glyph is redacted, and the
// rewritten page is extracted again.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "pdf/document.h"
#include "stages/assemble/assemble.h"
#include "stages/detect/detector.h"
#include "stages/extract/extract.h"
#include "stages/inspect/inspect.h"
#include "stages/write_redact/redactor.h"
#include "tests/testing/pdf_builder.h"

namespace {

using redact::testing::PdfBuilder;

std::string PageWith(const std::string& content) {
  PdfBuilder b;
  const int contents = b.AddStream("", content);
  const int to_unicode = b.AddStream(
      "", "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
          "1 begincodespacerange <0000> <FFFF> endcodespacerange\n"
          "2 beginbfchar <0003> <0020> <0024> <00410042> endbfchar\n"
          "1 beginbfrange <0010> <0030> <0061> endbfrange\n"
          "endcmap CMapName currentdict /CMap defineresource pop end end");
  const int cid_font = b.Add(
      "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Fuzz /CIDSystemInfo << /Registry "
      "(Adobe) /Ordering (Identity) /Supplement 0 >> /DW 600 /W [16 [500 510 520] 40 60 700] >>");
  const int type0 = b.Add("<< /Type /Font /Subtype /Type0 /BaseFont /Fuzz /Encoding /Identity-H "
                          "/DescendantFonts [" + std::to_string(cid_font) + " 0 R] /ToUnicode " +
                          std::to_string(to_unicode) + " 0 R >>");
  const int glyph_proc = b.AddStream("", "500 0 0 0 400 700 d1 0 0 400 700 re f");
  const int type3 = b.Add(
      "<< /Type /Font /Subtype /Type3 /FontBBox [0 0 500 700] /FontMatrix [0.001 0 0 0.001 0 0] "
      "/CharProcs << /a " + std::to_string(glyph_proc) + " 0 R >> /Encoding << /Type /Encoding "
      "/Differences [97 /a] >> /FirstChar 97 /LastChar 97 /Widths [500] /Resources << >> >>");
  const int form = b.Reserve();
  const int image = b.AddStream("/Type /XObject /Subtype /Image /Width 2 /Height 2 "
                                "/ColorSpace /DeviceGray /BitsPerComponent 8",
                                std::string("\x00\xff\xff\x00", 4));
  const std::string resources =
      "<< /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding << "
      "/Differences [65 /A /uni0042 /fi /g123 /Adieresis] >> >> /F2 " + std::to_string(type0) +
      " 0 R /F3 " + std::to_string(type3) + " 0 R >> /XObject << /Fm1 " + std::to_string(form) +
      " 0 R /Im1 " + std::to_string(image) + " 0 R >> >>";
  b.Set(form, "<< /Type /XObject /Subtype /Form /BBox [0 0 200 200] /Resources " + resources +
                  " /Length 24 >>\nstream\nBT /F1 9 Tf (Form) Tj ET\nendstream");
  return b.BuildOnePage(contents, resources);
}

const redact::Detector& SharedDetector() {
  static const redact::Detector* detector = [] {
    auto rules = redact::LoadRulesDirectory(REDACT_SOURCE_DIR "/patterns");
    if (!rules) __builtin_trap();  // the checked-in rules must load
    return new redact::Detector(std::move(*rules), std::nullopt, redact::Policy{});
  }();
  return *detector;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > 64 * 1024) return -1;
  const std::string content(reinterpret_cast<const char*>(data), size);
  auto doc = redact::pdf::Document::OpenBytes(PageWith(content), "fuzz.pdf", {});
  if (!doc) return 0;
  redact::pdf::InterpreterLimits limits;
  limits.max_glyphs_per_page = 20000;
  auto page = redact::ExtractGlyphs(**doc, 0, limits);
  if (!page) return 0;
  redact::AssembleText(&*page);
  std::vector<redact::PageText> pages;
  pages.push_back(std::move(*page));
  const redact::Detector& detector = SharedDetector();
  std::vector<redact::Finding> findings = detector.DetectDocument(pages);
  redact::Finding every_third;
  every_third.category = "name";
  every_third.rule = "fuzz";
  every_third.page = 1;
  for (size_t i = 0; i < pages[0].glyphs.size(); i += 3) every_third.glyphs.push_back(int(i));
  if (!every_third.glyphs.empty()) findings.push_back(every_third);
  redact::RedactOptions options;
  options.uniform_width = size % 2 == 1;
  auto side = redact::InspectSideChannels(**doc, pages, detector);
  if (!side) return 0;
  auto summary = redact::RedactDocument(**doc, &pages, findings, *side, options);
  if (!summary) return 0;
  auto again = redact::ExtractGlyphs(**doc, 0, limits);
  (void)again;
  return 0;
}
