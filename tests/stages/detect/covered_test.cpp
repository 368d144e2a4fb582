// Text the input hides under what it paints over it (issue 18: "bad
// redactions already in the input stay readable"): black and coloured
// boxes, hatched boxes and pictures drawn over live text are found; boxes
// under the text, see-through highlights and boxes clipped elsewhere are
// not.
#include "stages/detect/covered.h"

#include <gtest/gtest.h>

#include "tests/testing/extract_helper.h"
#include "tests/testing/pdf_builder.h"

namespace redact {
namespace {

using testing::ExtractPage;
using testing::PdfBuilder;

const std::string kLine = "BT /F1 12 Tf 72 700 Td (She answered Yes but Maria Lopez did not) Tj ET ";

std::vector<std::string> Covered(const std::string& content, const std::string& more_resources = "") {
  auto page = ExtractPage(PdfBuilder::OnePage(
      content, "<< /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >> >> "
               "/ExtGState << /Half << /ca 0.4 >> /Mult << /BM /Multiply >> /Solid << /ca 1 /BM /Normal >> >> " +
                   more_resources + " >>"));
  EXPECT_TRUE(page.has_value());
  std::vector<std::string> out;
  if (!page) return out;
  for (const Finding& f : CoveredTextFindings(*page)) {
    EXPECT_EQ(f.category, "covered");
    EXPECT_FALSE(f.glyphs.empty());
    out.push_back(f.value);
  }
  return out;
}

// "Maria Lopez" spans x ≈ 196..262 at 12 pt Helvetica.
const std::string kBoxOverName = "194 696 70 14 re f ";

TEST(Covered, ABlackBoxDrawnOverLiveTextCoversIt) {
  EXPECT_EQ(Covered(kLine + "0 g " + kBoxOverName), std::vector<std::string>{"Maria Lopez"});
}

TEST(Covered, AnyColourCovers) {
  EXPECT_EQ(Covered(kLine + "1 1 1 rg " + kBoxOverName), std::vector<std::string>{"Maria Lopez"});
  EXPECT_EQ(Covered(kLine + "/Solid gs 0.2 0.3 0.9 rg " + kBoxOverName), std::vector<std::string>{"Maria Lopez"});
}

TEST(Covered, ABoxDrawnBeforeTheTextIsABackground) {
  EXPECT_TRUE(Covered("0.9 g " + kBoxOverName + "0 g " + kLine).empty());
}

TEST(Covered, SeeThroughFillsHideNothing) {
  EXPECT_TRUE(Covered(kLine + "q /Half gs 0 g " + kBoxOverName + "Q").empty());
  EXPECT_TRUE(Covered(kLine + "q /Mult gs 1 1 0 rg " + kBoxOverName + "Q").empty());
  // Back to opaque after Q.
  EXPECT_EQ(Covered(kLine + "q /Half gs Q 0 g " + kBoxOverName), std::vector<std::string>{"Maria Lopez"});
}

TEST(Covered, AFillClippedElsewhereHidesNothingHere) {
  EXPECT_TRUE(Covered(kLine + "q 300 300 50 50 re W n 0 g " + kBoxOverName + "Q").empty());
}

TEST(Covered, AHatchedBoxCovers) {
  std::string hatch = "0 G 0.5 w 194 696 m 264 696 l 264 710 l 194 710 l h ";
  for (int x = 194; x < 264; x += 8) hatch += std::to_string(x) + " 696 m " + std::to_string(x + 8) + " 710 l ";
  EXPECT_EQ(Covered(kLine + hatch + "S"), std::vector<std::string>{"Maria Lopez"});
}

TEST(Covered, SeveralBoxesInOnePathEachCover) {
  // "She" (72..94) and the name, one path of two boxes: "answered Yes but"
  // between them stays.
  EXPECT_EQ(Covered(kLine + "0 g 70 696 26 14 re " + kBoxOverName + "f"),
            (std::vector<std::string>{"She", "Maria Lopez"}));
}

TEST(Covered, InvisibleTextIsNotCoveredText) {
  EXPECT_TRUE(Covered("BT 3 Tr /F1 12 Tf 72 700 Td (Maria Lopez) Tj ET 0 g 70 696 80 14 re f").empty());
}

}  // namespace
}  // namespace redact
