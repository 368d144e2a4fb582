// Letting a page's glyphs go and reading them back (stages/extract
// ReleaseGlyphs / RestoreGlyphs): what comes back is the page's own glyphs,
// a page that reads otherwise is refused, and glyphs that cannot be read
// again from the content are never let go.
#include <gtest/gtest.h>

#include "pdf/document.h"
#include "stages/assemble/assemble.h"
#include "stages/extract/extract.h"
#include "tests/testing/pdf_builder.h"

namespace redact {
namespace {

const std::string kPdf = testing::PdfBuilder::OnePage(
    "BT /F1 12 Tf 72 700 Td (Applicant Maria Hernandez-Nunez) Tj 0 -20 Td (A-201-234-567) Tj ET",
    "<< /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >> >> >>");

TEST(ReleaseGlyphs, ReadsBackThePagesOwnGlyphs) {
  auto doc = pdf::Document::OpenBytes(kPdf, "test.pdf", {});
  ASSERT_TRUE(doc.has_value());
  StatusOr<PageText> page = ExtractGlyphs(**doc, 0);
  ASSERT_TRUE(page.has_value());
  AssembleText(&*page);
  const std::vector<Glyph> before = page->glyphs;
  ASSERT_TRUE(CanReleaseGlyphs(*page));
  ReleaseGlyphs(&*page);
  ASSERT_TRUE(page->released.has_value());
  EXPECT_TRUE(page->glyphs.empty());
  EXPECT_EQ(page->glyph_count(), before.size());
  ASSERT_TRUE(RestoreGlyphs(**doc, &*page).ok());
  EXPECT_FALSE(page->released.has_value());
  ASSERT_EQ(page->glyphs.size(), before.size());
  for (size_t i = 0; i < before.size(); ++i) {
    EXPECT_EQ(std::string_view(page->glyphs[i].text), std::string_view(before[i].text));
    EXPECT_EQ(page->glyphs[i].source, before[i].source);
  }
  // Let go again unchanged: the same record, no new reading needed.
  const std::optional<PageText::ReleasedGlyphs> was = [&] {
    PageText copy = *page;
    ReleaseGlyphs(&copy);
    return copy.released;
  }();
  ReleaseRestoredGlyphs(&*page, was);
  EXPECT_TRUE(page->glyphs.empty());
  EXPECT_EQ(page->released->digest, was->digest);
}

TEST(ReleaseGlyphs, APageThatReadsOtherwiseIsRefused) {
  auto doc = pdf::Document::OpenBytes(kPdf, "test.pdf", {});
  ASSERT_TRUE(doc.has_value());
  StatusOr<PageText> page = ExtractGlyphs(**doc, 0);
  ASSERT_TRUE(page.has_value());
  ReleaseGlyphs(&*page);
  ASSERT_TRUE(page->released.has_value());
  PageText other_count = *page;
  other_count.released->count += 1;
  Status s = RestoreGlyphs(**doc, &other_count);
  EXPECT_EQ(s.code(), StatusCode::kInternal);
  EXPECT_NE(s.message().find("page 1 read differently"), std::string::npos) << s.message();
  PageText other_glyphs = *page;
  other_glyphs.released->digest ^= 1;
  EXPECT_EQ(RestoreGlyphs(**doc, &other_glyphs).code(), StatusCode::kInternal);
  EXPECT_TRUE(other_glyphs.glyphs.empty());
}

TEST(ReleaseGlyphs, OcrCoveredAndSupersededGlyphsAreKept) {
  auto doc = pdf::Document::OpenBytes(kPdf, "test.pdf", {});
  ASSERT_TRUE(doc.has_value());
  for (int kind = 0; kind < 3; ++kind) {
    StatusOr<PageText> page = ExtractGlyphs(**doc, 0);
    ASSERT_TRUE(page.has_value());
    Glyph& g = page->glyphs.back();
    (kind == 0 ? g.ocr : kind == 1 ? g.covered : g.superseded) = true;
    EXPECT_FALSE(CanReleaseGlyphs(*page)) << kind;
    ReleaseGlyphs(&*page);
    EXPECT_FALSE(page->released.has_value()) << kind;
    EXPECT_FALSE(page->glyphs.empty()) << kind;
  }
}

}  // namespace
}  // namespace redact
