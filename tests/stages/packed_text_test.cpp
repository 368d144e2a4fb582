#include "stages/assemble/packed_text.h"

#include <gtest/gtest.h>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "pdf/document.h"
#include "stages/assemble/assemble.h"
#include "stages/extract/extract.h"
#include "tests/testing/extract_helper.h"
#include "tests/testing/pdf_builder.h"

namespace redact {
namespace {

namespace fs = std::filesystem;

bool SameBytes(const auto& a, const auto& b) { return std::memcmp(&a, &b, sizeof(a)) == 0; }

// Every field, boxes bit for bit.
void ExpectSameReading(const PageText& want, const PageText& got) {
  EXPECT_EQ(want.text, got.text);
  EXPECT_EQ(want.text_glyph, got.text_glyph);
  ASSERT_EQ(want.words.size(), got.words.size());
  for (size_t i = 0; i < want.words.size(); ++i) {
    const Word& a = want.words[i];
    const Word& b = got.words[i];
    SCOPED_TRACE("word " + std::to_string(i));
    EXPECT_EQ(a.glyphs, b.glyphs);
    EXPECT_TRUE(a.duplicates == b.duplicates);
    EXPECT_TRUE(a.accents == b.accents);
    EXPECT_EQ(a.text, b.text);
    EXPECT_TRUE(SameBytes(a.box, b.box));
    EXPECT_EQ(a.rotation, b.rotation);
    EXPECT_TRUE(SameBytes(a.font_size, b.font_size));
    EXPECT_EQ(a.text_begin, b.text_begin);
    EXPECT_EQ(a.text_end, b.text_end);
  }
  ASSERT_EQ(want.lines.size(), got.lines.size());
  for (size_t i = 0; i < want.lines.size(); ++i) {
    EXPECT_EQ(want.lines[i].words, got.lines[i].words);
    EXPECT_TRUE(SameBytes(want.lines[i].box, got.lines[i].box));
  }
  ASSERT_EQ(want.blocks.size(), got.blocks.size());
  for (size_t i = 0; i < want.blocks.size(); ++i) {
    EXPECT_EQ(want.blocks[i].lines, got.blocks[i].lines);
    EXPECT_TRUE(SameBytes(want.blocks[i].box, got.blocks[i].box));
  }
}

void ExpectRoundTrip(const PageText& page) {
  PageText taken = page;
  PackedText packed = PackedText::Take(&taken);
  EXPECT_TRUE(taken.words.empty() && taken.lines.empty() && taken.blocks.empty());
  EXPECT_TRUE(taken.text.empty() && taken.text_glyph.empty());
  EXPECT_EQ(taken.glyphs.size(), page.glyphs.size());  // the glyphs stay
  packed.PutBack(&taken);
  EXPECT_EQ(packed.size(), 0u);
  ExpectSameReading(page, taken);
}

// Fake bold (duplicates), an accent drawn over its letter, rotated text and
// a word whose text is not its slice of the page text.
TEST(PackedText, PutsBackEveryFieldOfAHardPage) {
  auto page = testing::ExtractPage(testing::PdfBuilder::OnePage(
      "BT /F1 10 Tf 100 700 Td (Ana) Tj ET BT /F1 10 Tf 100.3 700 Td (Ana) Tj ET "
      "BT /F1 10 Tf 100 680 Td (Jose) Tj 14.5 1.5 Td (\\264) Tj ET "
      "BT /F1 10 Tf 0 1 -1 0 300 300 Tm (A 123 456 789) Tj ET "
      "BT /F1 12 Tf 72 640 Td [(Mar) -3000 (\\355a)] TJ ET",
      "<< /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >> >> >>"));
  ASSERT_TRUE(page.has_value());
  ASSERT_FALSE(page->words.empty());
  bool duplicates = false, rotated = false;
  for (const Word& w : page->words) duplicates |= !w.duplicates.empty(), rotated |= w.rotation != 0;
  EXPECT_TRUE(duplicates);
  EXPECT_TRUE(rotated);
  ExpectRoundTrip(*page);
  PageText own_text = *page;
  own_text.words[0].text = "not the slice";
  own_text.words[0].box = RectF(Rect{-0.1, 1e-7, 3.4e38, -0.0});
  ExpectRoundTrip(own_text);
  ExpectRoundTrip(PageText{});
}

// Every page of every evaluation document (six producers, forms, tables,
// scans' text layers) reads back exactly.
TEST(PackedText, PutsBackEveryPageOfTheEvaluationDocuments) {
  int pages = 0;
  for (const auto& entry : fs::directory_iterator(fs::path(REDACT_SOURCE_DIR) / "tests/data/eval/docs")) {
    if (entry.path().extension() != ".pdf") continue;
    SCOPED_TRACE(entry.path().filename().string());
    auto doc = pdf::Document::Open(entry.path().string(), {});
    ASSERT_TRUE(doc.has_value());
    for (int i = 0; i < (*doc)->page_count(); ++i) {
      auto page = ExtractGlyphs(**doc, i);
      ASSERT_TRUE(page.has_value());
      AssembleText(&*page);
      ExpectRoundTrip(*page);
      ++pages;
    }
  }
  EXPECT_GT(pages, 40);
}

}  // namespace
}  // namespace redact
