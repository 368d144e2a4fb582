// Opening what other readers open (issue 18): a header after junk, damage
// PoDoFo refuses and qpdf repairs in memory, and Flate data read up to a
// damaged tail. The e2e suite (tests/e2e/damaged_input_test.cpp) judges
// the same files with qpdf, poppler and MuPDF.
#include "pdf/document.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "tests/testing/damaged_pdf.h"
#include "tests/testing/extract_helper.h"
#include "tests/testing/pdf_builder.h"

namespace redact {
namespace {

using testing::PdfBuilder;

const std::string kResources = "<< /Font << /F1 " + testing::Helvetica() + " >> >>";

std::string Sound() { return PdfBuilder::OnePage("BT /F1 12 Tf 72 700 Td (Sound text) Tj ET", kResources); }

StatusOr<std::unique_ptr<pdf::Document>> Open(std::string bytes) {
  return pdf::Document::OpenBytes(std::move(bytes), "in.pdf", pdf::OpenOptions{});
}

TEST(DocumentOpen, ASoundFileIsNotRepaired) {
  auto doc = Open(Sound());
  ASSERT_TRUE(doc) << doc.error().ToString();
  EXPECT_FALSE((*doc)->repaired());
  EXPECT_EQ((*doc)->repair_reason(), "");
}

TEST(DocumentOpen, AHeaderAfterJunkIsFoundAndTheJunkSkipped) {
  for (const std::string& junk : {std::string("\r\n"), std::string("%%EOF\n"), std::string(1000, 'x')}) {
    auto doc = Open(testing::WithJunkBeforeHeader(Sound(), junk));
    ASSERT_TRUE(doc) << doc.error().ToString();
    EXPECT_EQ((*doc)->page_count(), 1);
    EXPECT_TRUE((*doc)->repaired());
    EXPECT_NE((*doc)->repair_reason().find("starts at byte " + std::to_string(junk.size())), std::string::npos)
        << (*doc)->repair_reason();
  }
}

TEST(DocumentOpen, WithoutAHeaderInTheFirst1024BytesOnlyQpdfsRecoveryMayFindAPdf) {
  auto late = Open(testing::WithJunkBeforeHeader(Sound(), std::string(1100, 'x')));
  ASSERT_TRUE(late) << late.error().ToString();
  EXPECT_NE((*late)->repair_reason().find("no %PDF header"), std::string::npos) << (*late)->repair_reason();
  auto text = Open("hello, this is plain text\n");
  ASSERT_FALSE(text);
  EXPECT_EQ(text.error().code(), StatusCode::kNotPdf);
  EXPECT_EQ(text.error().message(), "in.pdf: not a PDF file (no %PDF header in its first 1,024 bytes)");
}

TEST(DocumentOpen, DamagePoDoFoRefusesIsRepairedByQpdf) {
  for (auto make : {testing::WithBrokenXref, testing::WithWrongStartxref, testing::WithWrongSize,
                    testing::WithoutXref}) {
    auto doc = Open(make(Sound()));
    ASSERT_TRUE(doc) << doc.error().ToString();
    EXPECT_TRUE((*doc)->repaired());
    EXPECT_NE((*doc)->repair_reason().find("qpdf rebuilt it"), std::string::npos) << (*doc)->repair_reason();
    auto page = testing::ExtractPage(make(Sound()));
    ASSERT_TRUE(page) << page.error().ToString();
    EXPECT_EQ(testing::GlyphText(*page), "Sound text");
  }
}

TEST(DocumentOpen, AFileQpdfCannotRepairEitherGivesBothReasons) {
  auto doc = Open("%PDF-1.4\nnothing here is an object\n%%EOF\n");
  ASSERT_FALSE(doc);
  EXPECT_EQ(doc.error().code(), StatusCode::kDamagedPdf);
  const std::string& m = doc.error().message();
  EXPECT_TRUE(m.starts_with("in.pdf: cannot open: ")) << m;
  EXPECT_NE(m.find("qpdf cannot repair it either"), std::string::npos) << m;
  EXPECT_EQ(std::count(m.begin(), m.end(), '\n'), 0) << m;
}

TEST(DocumentOpen, FlateDataIsReadUpToADamagedTail) {
  PdfBuilder b;
  const int broken = b.AddStream("/Filter /FlateDecode",
                                 testing::FlateWithBadTail("BT /F1 12 Tf 72 700 Td (Before) Tj ET\n"
                                                           "BT /F1 12 Tf 72 650 Td (half a str"));
  const int sound = b.AddStream("", "BT /F1 12 Tf 72 600 Td (After) Tj ET");
  const int contents = b.Add("[" + std::to_string(broken) + " 0 R " + std::to_string(sound) + " 0 R]");
  auto page = testing::ExtractPage(b.BuildOnePage(contents, kResources));
  ASSERT_TRUE(page) << page.error().ToString();
  // The half operation at the break is dropped: it would swallow "After".
  EXPECT_EQ(testing::GlyphText(*page), "BeforeAfter");
  int truncated = 0;
  for (const ExtractionProblem& p : page->problems) {
    if (p.kind != ExtractionProblem::Kind::kTruncatedStream) continue;
    ++truncated;
    EXPECT_NE(p.detail.find("breaks off"), std::string::npos) << p.detail;
    EXPECT_EQ(p.detail.find("half"), std::string::npos) << p.detail;
  }
  EXPECT_EQ(truncated, 1);
}

TEST(DocumentOpen, FlateDataThatBreaksAtOnceIsStillAStreamError) {
  PdfBuilder b;
  const int broken = b.AddStream("/Filter /FlateDecode", std::string(16, '\xFF'));
  auto page = testing::ExtractPage(b.BuildOnePage(broken, kResources));
  ASSERT_TRUE(page) << page.error().ToString();
  bool stream_error = false;
  for (const ExtractionProblem& p : page->problems) stream_error |= p.kind == ExtractionProblem::Kind::kStreamError;
  EXPECT_TRUE(stream_error);
}

}  // namespace
}  // namespace redact
