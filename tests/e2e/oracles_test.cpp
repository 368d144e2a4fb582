// The hostile-PDF judge (tests/testing/oracles.h) itself: it must see what a
// reader sees, or every test built on it passes for the wrong reason.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "tests/testing/oracles.h"
#include "tests/testing/pdf_builder.h"
#include "tests/testing/require_tool.h"

namespace redact {
namespace {

namespace fs = std::filesystem;
using testing::FoldForReading;
using testing::PdfBuilder;
using testing::ReadersShowing;
using testing::ReadWithOracles;

TEST(Oracles, FoldSeesLookAlikesSpacesAndInvisibleCharacters) {
  EXPECT_EQ(FoldForReading("Nelson"), FoldForReading("\xEF\xBC\xAE" "elson"));  // fullwidth N
  EXPECT_EQ(FoldForReading("Nelson"), FoldForReading("Nel son"));
  EXPECT_EQ(FoldForReading("Nelson"), FoldForReading("Nel\xC2\xADson"));      // soft hyphen
  EXPECT_EQ(FoldForReading("Nelson"), FoldForReading("Nel\xE2\x80\x8Bson"));  // zero width
  EXPECT_EQ(FoldForReading("Ivan"), FoldForReading("Iva\xCC\x81n"));          // NFD accent
  EXPECT_EQ(FoldForReading("A201"), FoldForReading("\xEF\xBC\xA1\xEF\xBC\x92" "01"));
}

TEST(Oracles, EveryReaderSeesAPlainName) {
  REDACT_REQUIRE_TOOL("pdftotext");
  REDACT_REQUIRE_TOOL("mutool");
  REDACT_REQUIRE_TOOL("qpdf");
  REDACT_REQUIRE_TOOL("tesseract");
  REDACT_REQUIRE_TOOL("pdftoppm");
  const fs::path dir = fs::temp_directory_path() / "redact_oracles_plain";
  fs::create_directories(dir);
  const fs::path pdf = dir / "plain.pdf";
  std::ofstream(pdf, std::ios::binary) << PdfBuilder::OnePage(
      "BT /F1 24 Tf 72 600 Td (Nelson Quintanilla) Tj ET",
      "<< /Font << /F1 " + testing::Helvetica() + " >> >>");
  const auto reading = ReadWithOracles(pdf.string(), (dir / "work").string(), /*ocr=*/true);
  EXPECT_TRUE(reading.problems.empty()) << reading.problems.front();
  EXPECT_EQ(ReadersShowing(reading, "Nelson Quintanilla"),
            (std::vector<std::string>{"pdftotext", "mutool", "qpdf-bytes", "ocr"}));
  EXPECT_TRUE(ReadersShowing(reading, "Hernandez").empty());
}

}  // namespace
}  // namespace redact
