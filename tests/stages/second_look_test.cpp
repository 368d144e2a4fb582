// The second look (stages/second_look): which pages verification renders
// (trigger.h), what the pdf layer sees that makes it (pdf/page_traits.h),
// and what VerifyOutput does with what an engine reads off a render —
// through the OCR seam (tests/testing/fake_ocr.h), so these do not depend
// on what Tesseract happens to read.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "pdf/document.h"
#include "pdf/page_traits.h"
#include "pipeline/analyze.h"
#include "pipeline/verify.h"
#include "stages/second_look/trigger.h"
#include "tests/testing/extract_helper.h"
#include "tests/testing/fake_ocr.h"
#include "tests/testing/hostile_pdfs.h"
#include "tests/testing/pdf_builder.h"

namespace redact {
namespace {

namespace fs = std::filesystem;
using testing::FakeOcr;

pdf::PageTraits TraitsOf(const std::string& bytes) {
  auto doc = pdf::Document::OpenBytes(bytes, "t.pdf", {});
  EXPECT_TRUE(doc.has_value());
  if (!doc) return {};
  StatusOr<pdf::PageTraits> t = pdf::InspectPageTraits(**doc, 0);
  EXPECT_TRUE(t.has_value());
  return t ? *t : pdf::PageTraits{};
}

PageText PageWith(const std::string& text) {
  PageText p;
  p.text = text;
  return p;
}

TEST(SecondLookTrigger, AnHonestTextPageIsNotRendered) {
  EXPECT_EQ(RenderReason(PageWith("Order of the court"), {}, "Order of the court", false), "");
  EXPECT_EQ(RenderReason(PageWith("Order of the court"), {}, "Order of the court", true), "full");
}

TEST(SecondLookTrigger, EachReasonRenders) {
  pdf::PageTraits images, type3, mask, lie;
  images.images = type3.type3_font = mask.soft_mask = lie.lying_to_unicode = true;
  const PageText plain = PageWith("a b c");
  EXPECT_EQ(RenderReason(plain, images, "a b c", false), "image");
  EXPECT_EQ(RenderReason(plain, type3, "a b c", false), "type3");
  EXPECT_EQ(RenderReason(plain, mask, "a b c", false), "soft-mask");
  EXPECT_EQ(RenderReason(plain, lie, "a b c", false), "tounicode");
  PageText shapes = plain;
  shapes.vector_shapes = kMinVectorShapes - 1;
  EXPECT_EQ(RenderReason(shapes, {}, "a b c", false), "");
  shapes.vector_shapes = kMinVectorShapes;
  EXPECT_EQ(RenderReason(shapes, {}, "a b c", false), "vector");
  PageText bad = plain;
  Glyph g;
  g.decodable = false;
  bad.glyphs.push_back(g);
  EXPECT_EQ(RenderReason(bad, {}, "a b c", false), "undecodable");
}

// Redaction marks (`m l l l h f`, as the writer draws them), rules and
// checkboxes are no letters; block letters of several `re`s are.
TEST(SecondLookTrigger, MarksAreNotLettersButBlockLettersAre) {
  std::string marks;
  for (int i = 0; i < 12; ++i) {
    const std::string y = std::to_string(100 + 20 * i), top = std::to_string(115 + 20 * i);
    marks += "q 0 g 72 " + y + " m 130 " + y + " l 130 " + top + " l 72 " + top + " l h f Q\n";
    marks += "200 " + y + " 10 10 re S 300 " + y + " m 360 " + y + " l S\n";
  }
  StatusOr<PageText> boxes = testing::ExtractPage(testing::PdfBuilder::OnePage(marks, "<< >>"));
  ASSERT_TRUE(boxes.has_value());
  EXPECT_LT(boxes->vector_shapes, kMinVectorShapes);
  StatusOr<PageText> letters = testing::ExtractPage(testing::VectorLettersPdf("A201234567"));
  ASSERT_TRUE(letters.has_value());
  EXPECT_GE(letters->vector_shapes, kMinVectorShapes);
}

TEST(SecondLookTrigger, EnginesThatDisagreeRender) {
  const std::string ours = "The respondent appeared before the court with counsel on the date set";
  EXPECT_FALSE(WordsDisagree(ours, "The  RESPONDENT appeared\nbefore the court with counsel on the date set"));
  // One word of a long page differs (a ligature, a hyphen): not material.
  EXPECT_FALSE(WordsDisagree(ours, "The respondent appeared before the court with counsel on the date fixed"));
  EXPECT_TRUE(WordsDisagree(ours, ours + " Maria Guadalupe Hernandez Nunez"));
  EXPECT_TRUE(WordsDisagree("xxxxx", "Maria Guadalupe Hernandez"));
}

TEST(SecondLookTrigger, ValuesAreFoldedAndMatchedAsWords) {
  EXPECT_EQ(FoldForComparison("  José\n  PEÑA  "), "jose pena");
  EXPECT_TRUE(ContainsWords("the applicant jose pena appeared", "jose pena"));
  EXPECT_FALSE(ContainsWords("josepena", "pena"));
  EXPECT_FALSE(ContainsWords("indiana", "ana"));
}

TEST(PageTraits, SeesWhatTextCannotSpeakFor) {
  EXPECT_TRUE(TraitsOf(testing::LyingToUnicodePdf("MARIA")).lying_to_unicode);
  EXPECT_TRUE(TraitsOf(testing::Type3LettersPdf("MARIA")).type3_font);
  const pdf::PageTraits plain = TraitsOf(testing::PlainTextPdf("Maria"));
  EXPECT_FALSE(plain.lying_to_unicode || plain.type3_font || plain.images || plain.soft_mask);
  // An honest ToUnicode (it says what the glyph names say, case aside) is
  // no lie.
  testing::PdfBuilder b;
  const int cmap = b.AddStream("", "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
                                   "1 begincodespacerange <00> <FF> endcodespacerange\n"
                                   "2 beginbfchar\n<41> <0041>\n<42> <0062>\nendbfchar\n"
                                   "endcmap CMapName currentdict /CMap defineresource pop end end\n");
  const int contents = b.AddStream("", "BT /F1 12 Tf 72 700 Td (AB) Tj ET");
  const std::string honest = b.BuildOnePage(
      contents, "<< /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding "
                "/ToUnicode " + std::to_string(cmap) + " 0 R >> >> >>");
  EXPECT_FALSE(TraitsOf(honest).lying_to_unicode);
  const std::string mask = testing::PdfBuilder::OnePage(
      "/G1 gs 0 0 10 10 re f", "<< /ExtGState << /G1 << /SMask << /S /Luminosity /G 5 0 R >> >> >> >>");
  EXPECT_TRUE(TraitsOf(mask).soft_mask);
}

class VerifySecondLook : public ::testing::Test {
 protected:
  void SetUp() override {
    auto d = LoadDetector(std::string(REDACT_SOURCE_DIR) + "/patterns", std::nullopt, std::nullopt);
    ASSERT_TRUE(d.has_value());
    detector_ = std::move(*d);
    dir_ = fs::temp_directory_path() / "redact_second_look_test";
    fs::create_directories(dir_);
  }
  std::string Write(const std::string& name, const std::string& bytes) {
    const std::string path = (dir_ / name).string();
    std::ofstream(path, std::ios::binary) << bytes;
    return path;
  }
  StatusOr<VerifyResult> Verify(const std::string& path, VerifyLevel level = VerifyLevel::kStandard) {
    SecondLookSettings second;
    second.level = level;
    second.make_engine = fake_.Factory();
    return VerifyOutput(path, std::nullopt, {}, *detector_, OcrMode::kAuto, second);
  }
  std::unique_ptr<Detector> detector_;
  fs::path dir_;
  FakeOcr fake_;
};

// Vector letters: nothing to extract, so only the render can tell; what
// the engine reads there is judged like text (an A-number: a leak).
TEST_F(VerifySecondLook, WhatOnlyTheRenderShowsIsALeak) {
  fake_.Push({{"A-Number:", 100, 100, 300, 130}, {"A201234567", 320, 100, 600, 130}});
  StatusOr<VerifyResult> r = Verify(Write("vector.pdf", testing::VectorLettersPdf("A201234567")));
  ASSERT_TRUE(r.has_value()) << r.error().message();
  EXPECT_EQ(fake_.recognize_calls(), 1);
  EXPECT_EQ(fake_.calls()[0].dpi, 150);
  EXPECT_EQ(r->pages_rendered, 1);
  ASSERT_EQ(r->leaks.size(), 1u);
  EXPECT_EQ(r->leaks[0].channel, "render-ocr");
  EXPECT_EQ(r->leaks[0].where, "page 1");
  EXPECT_EQ(r->leaks[0].category, "a_number");
  EXPECT_EQ(r->engines, (std::vector<std::string>{"redact", "poppler-text", "render-ocr"}));
}

// An honest text page is read by poppler and not rendered; under kFull it
// is, and what the render reads that the text also holds is not counted
// twice.
TEST_F(VerifySecondLook, HonestTextIsNotRenderedUnlessFull) {
  const std::string path = Write("plain.pdf", testing::PlainTextPdf("Nothing to hide on this page."));
  StatusOr<VerifyResult> r = Verify(path);
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(fake_.recognize_calls(), 0);
  EXPECT_EQ(r->pages_poppler, 1);
  EXPECT_EQ(r->pages_rendered, 0);
  EXPECT_TRUE(r->leaks.empty());
  fake_.Push({{"Nothing", 10, 10, 80, 30}, {"to", 90, 10, 110, 30}, {"hide", 120, 10, 160, 30}});
  r = Verify(path, VerifyLevel::kFull);
  ASSERT_TRUE(r.has_value()) << r.error().message();
  EXPECT_EQ(r->pages_rendered, 1);
  EXPECT_TRUE(r->leaks.empty());
}

// A form number the render's OCR reads with a look-alike mark ("Form
// 1-589") where redact's own OCR of the scan read another ("Form |-589",
// as probe21's scanned notice read): the first engine judged that text.
// Refused before: the OCR-only misread rule took it for this person's
// asylum form. A text layer that reads a look-alike is no OCR noise: its
// "A2O1234567" over pixels showing A201234567 is a leak.
TEST_F(VerifySecondLook, ANumberReadWithALookalikeMarkIsJudgedByTheText) {
  auto words = [](const std::string& form) {
    return std::vector<testing::FakeWord>{{"This", 10, 10, 60, 30}, {"notice", 70, 10, 130, 30}, {"confirms", 140, 10, 220, 30},
                                 {"your", 230, 10, 270, 30}, {"Form", 280, 10, 330, 30}, {form, 340, 10, 400, 30},
                                 {"was", 410, 10, 450, 30}, {"filed.", 460, 10, 510, 30}};
  };
  const std::string scan = testing::ScannedPdf();
  fake_.Push(words("|-589"));  // redact's own OCR of the scan
  fake_.Push(words("1-589"));  // the render's
  StatusOr<VerifyResult> r = Verify(Write("lookalike.pdf", scan), VerifyLevel::kFull);
  ASSERT_TRUE(r.has_value()) << r.error().message();
  EXPECT_EQ(r->pages_rendered, 1);
  for (const Leak& l : r->leaks) ADD_FAILURE() << l.channel << " " << l.where << " " << l.category;
  fake_.Push({{"Her", 100, 100, 160, 130}, {"file", 170, 100, 230, 130}, {"is", 240, 100, 270, 130},
              {"A201234567.", 280, 100, 560, 130}});
  r = Verify(Write("lying.pdf", testing::PlainTextPdf("Her file is A2O1234567.")), VerifyLevel::kFull);
  ASSERT_TRUE(r.has_value()) << r.error().message();
  EXPECT_FALSE(r->leaks.empty()) << "a text layer's look-alike is a leak";
  EXPECT_EQ(FoldOcrLookalikes("form |-589"), FoldOcrLookalikes("form 1-589"));
  EXPECT_NE(FoldOcrLookalikes("form 2-589"), FoldOcrLookalikes("form 1-589"));
}

// A name found only by a cue in OCR'd render text is for a person to look
// at, not a leak (the to_review rule).
TEST_F(VerifySecondLook, CueOnlyNamesInRenderTextGoToReview) {
  fake_.Push({{"Applicant:", 100, 100, 300, 130}, {"Rosalind", 320, 100, 480, 130}, {"Okafor", 490, 100, 600, 130}});
  StatusOr<VerifyResult> r = Verify(Write("cue.pdf", testing::VectorLettersPdf("A201234567")));
  ASSERT_TRUE(r.has_value()) << r.error().message();
  EXPECT_TRUE(r->leaks.empty());
  EXPECT_FALSE(r->to_review.empty());
}

// OCR reads a filled box as letters. A name found only by a cue in words
// read off solid ink (a redaction box of ours, at least kBlotInk dark) is
// that box, not even weak evidence; the same words on paper still go to a
// person.
TEST_F(VerifySecondLook, CueOnlyNamesReadOffASolidBoxAreNoise) {
  // A black box over x 150..350, y 600..640 (user space): at 150 dpi,
  // pixels x 313..729, y 317..400 of the render.
  const std::string boxed = testing::PdfBuilder::OnePage("0 g 150 600 200 40 re f", "<< >>");
  fake_.Push({{"Applicant:", 100, 330, 300, 390}, {"Rosalind", 330, 330, 500, 390}, {"Okafor", 520, 330, 700, 390}});
  StatusOr<VerifyResult> r = Verify(Write("boxed.pdf", boxed), VerifyLevel::kFull);
  ASSERT_TRUE(r.has_value()) << r.error().message();
  EXPECT_EQ(r->pages_rendered, 1);
  EXPECT_TRUE(r->leaks.empty());
  EXPECT_TRUE(r->to_review.empty());
  // The same words beside the box, on white.
  fake_.Push({{"Applicant:", 100, 500, 300, 560}, {"Rosalind", 330, 500, 500, 560}, {"Okafor", 520, 500, 700, 560}});
  r = Verify(Write("beside.pdf", boxed), VerifyLevel::kFull);
  ASSERT_TRUE(r.has_value()) << r.error().message();
  EXPECT_TRUE(r->leaks.empty());
  EXPECT_FALSE(r->to_review.empty());
}

}  // namespace
}  // namespace redact

// Issue 15 probe (a fresh Chromium letter): OCR of the render read the
// letterhead's public address with its numbers clipped, "1120 Peachtree
// Industrial Blvd., Suite 210" as "20 … Suite 2", and apply withheld the
// letter. An address whose words redact reads on the page, its numbers
// part of the page's digits, was judged there; one the page does not hold
// is still a leak.
namespace redact {
namespace {

TEST_F(VerifySecondLook, AnAddressOcrReadWithClippedNumbersIsNoLeak) {
  const std::string path =
      // (Words of a public letterhead, which redact's reading keeps; here
      // set so that no rule reads them as an address.)
      Write("letterhead.pdf", testing::PlainTextPdf("Refugee Rights Project: Peachtree Industrial Blvd., Suite 210, at 1120"));
  fake_.Push({{"Refugee", 10, 10, 80, 30}, {"Rights", 90, 10, 150, 30}, {"Project,", 160, 10, 230, 30},
              {"20", 240, 10, 260, 30}, {"Peachtree", 270, 10, 350, 30}, {"Industrial", 360, 10, 440, 30},
              {"Blvd.,", 450, 10, 500, 30}, {"Suite", 510, 10, 560, 30}, {"2", 570, 10, 580, 30}});
  StatusOr<VerifyResult> r = Verify(path, VerifyLevel::kFull);
  ASSERT_TRUE(r.has_value()) << r.error().message();
  EXPECT_EQ(r->pages_rendered, 1);
  EXPECT_TRUE(r->leaks.empty());
  // An address the page's text does not hold.
  fake_.Push({{"lives", 10, 10, 60, 30}, {"at", 70, 10, 90, 30}, {"4471", 100, 10, 140, 30},
              {"Rosewood", 150, 10, 230, 30}, {"Lane,", 240, 10, 290, 30}, {"Suite", 300, 10, 350, 30},
              {"9", 360, 10, 370, 30}});
  r = Verify(path, VerifyLevel::kFull);
  ASSERT_TRUE(r.has_value()) << r.error().message();
  ASSERT_EQ(r->leaks.size(), 1u);
  EXPECT_EQ(r->leaks[0].category, "address");
}

}  // namespace
}  // namespace redact
