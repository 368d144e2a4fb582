// Interpreter tests over hand-built content streams. Helvetica widths (AFM,
// 1/1000 em): H 722, e 556, l 222, o 556, space 278, A 667, B 667.
#include "pdf/content_interpreter.h"

#include <gtest/gtest.h>

#include "tests/testing/extract_helper.h"
#include "tests/testing/pdf_builder.h"

namespace redact {
namespace {

using testing::ExtractPage;
using testing::GlyphText;
using testing::Helvetica;
using testing::PdfBuilder;

const std::string kFont = "<< /Font << /F1 " + Helvetica() + " >> >>";

PageText Extract(const std::string& content, const std::string& resources = kFont,
                 const std::string& extra = "", const std::string& media = "[0 0 612 792]") {
  auto page = ExtractPage(PdfBuilder::OnePage(content, resources, extra, media));
  EXPECT_TRUE(page.has_value()) << (page ? "" : page.error().ToString());
  return page ? *page : PageText{};
}

// Glyph boxes are kept in floats (core/model.h): a coordinate of a few
// hundred points reads back within 1e-4 pt, a hundredth of the thousandths
// of an em these tests place glyphs by.
constexpr double kStored = 1e-4;

// Display-space x of each glyph's left edge.
std::vector<double> Lefts(const PageText& p) {
  std::vector<double> xs;
  for (const Glyph& g : p.glyphs) xs.push_back(g.box.x0);
  return xs;
}

TEST(ContentInterpreter, StandardFontWidthsPlaceGlyphs) {
  PageText p = Extract("BT /F1 10 Tf 100 700 Td (Hello) Tj ET");
  ASSERT_EQ(p.glyphs.size(), 5u);
  EXPECT_EQ(GlyphText(p), "Hello");
  std::vector<double> x = Lefts(p);
  EXPECT_NEAR(x[0], 100, kStored);
  EXPECT_NEAR(x[1], 107.22, kStored);
  EXPECT_NEAR(x[2], 112.78, kStored);
  // Boxes use Helvetica's ascent 718 / descent -207; y is measured from the top.
  EXPECT_NEAR(p.glyphs[0].box.y0, 792 - 700 - 7.18, kStored);
  EXPECT_NEAR(p.glyphs[0].box.y1, 792 - 700 + 2.07, kStored);
  EXPECT_EQ(p.words.size(), 1u);
}

TEST(ContentInterpreter, TjNumberShiftsPenByThousandths) {
  PageText p = Extract("BT /F1 10 Tf 100 700 Td [(A) -1000 (B)] TJ ET");
  ASSERT_EQ(p.glyphs.size(), 2u);
  EXPECT_NEAR(p.glyphs[1].box.x0, 100 + 6.67 + 10, kStored);
  EXPECT_EQ(p.glyphs[1].source.code, 1);  // code index runs across the array
  EXPECT_EQ(p.words.size(), 2u);          // a 1 em gap splits words
}

TEST(ContentInterpreter, CharSpacingWordSpacingAndHorizontalScale) {
  // Tw applies only to single-byte code 32; Tz scales advances.
  PageText p = Extract("BT /F1 10 Tf 2 Tc 5 Tw 50 Tz 100 700 Td (A B) Tj ET");
  ASSERT_EQ(p.glyphs.size(), 3u);
  std::vector<double> x = Lefts(p);
  EXPECT_NEAR(x[1], 100 + (6.67 + 2) * 0.5, 1e-6);
  EXPECT_NEAR(x[2], x[1] + (2.78 + 2 + 5) * 0.5, 1e-6);
  EXPECT_NEAR(p.glyphs[0].box.width(), 6.67 * 0.5, 1e-6);
  EXPECT_TRUE(p.glyphs[1].is_space);
}

TEST(ContentInterpreter, WordSpacingIgnoredForTwoByteCodes) {
  const std::string type0 =
      "<< /Font << /F2 << /Type /Font /Subtype /Type0 /BaseFont /X /Encoding /Identity-H "
      "/DescendantFonts [<< /Type /Font /Subtype /CIDFontType2 /BaseFont /X /DW 500 "
      "/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> >>] >> >> >>";
  PageText p = Extract("BT /F2 10 Tf 50 Tw 0 700 Td <00200041> Tj ET", type0);
  ASSERT_EQ(p.glyphs.size(), 2u);
  EXPECT_NEAR(p.glyphs[1].box.x0, 5, 1e-6);  // 500/1000 * 10, no Tw
}

TEST(ContentInterpreter, LeadingNextLineAndQuoteOperators) {
  PageText p = Extract("BT /F1 10 Tf 14 TL 100 700 Td (A) Tj T* (B) Tj (C) ' 1 2 (D) \" ET");
  ASSERT_EQ(p.glyphs.size(), 4u);
  EXPECT_NEAR(p.glyphs[1].baseline_start.y, 792 - 686, 1e-6);
  EXPECT_NEAR(p.glyphs[2].baseline_start.y, 792 - 672, 1e-6);
  EXPECT_NEAR(p.glyphs[3].baseline_start.y, 792 - 658, 1e-6);
  EXPECT_EQ(p.text, "A\nB\nC\nD");
}

TEST(ContentInterpreter, TDSetsLeadingAndTmResetsLineMatrix) {
  PageText p = Extract("BT /F1 10 Tf 2 0 0 2 100 500 Tm (A) Tj 0 -10 TD (B) Tj T* (C) Tj ET");
  ASSERT_EQ(p.glyphs.size(), 3u);
  EXPECT_NEAR(p.glyphs[0].font_size, 20, 1e-6);
  EXPECT_NEAR(p.glyphs[1].baseline_start.y, 792 - 480, 1e-6);
  EXPECT_NEAR(p.glyphs[2].baseline_start.y, 792 - 460, 1e-6);
}

TEST(ContentInterpreter, CtmAndSaveRestore) {
  PageText p = Extract("q 1 0 0 1 50 50 cm BT /F1 10 Tf 0 0 Td (A) Tj ET Q "
                       "BT /F1 10 Tf 0 0 Td (B) Tj ET");
  ASSERT_EQ(p.glyphs.size(), 2u);
  EXPECT_NEAR(p.glyphs[0].baseline_start.x, 50, 1e-6);
  EXPECT_NEAR(p.glyphs[1].baseline_start.x, 0, 1e-6);
}

TEST(ContentInterpreter, RiseMovesGlyphsUp) {
  PageText p = Extract("BT /F1 10 Tf 100 700 Td 3 Ts (A) Tj ET");
  EXPECT_NEAR(p.glyphs[0].baseline_start.y, 792 - 703, 1e-6);
}

TEST(ContentInterpreter, InvisibleTextIsStillText) {
  PageText p = Extract("BT 3 Tr /F1 10 Tf 100 700 Td (Ana) Tj ET");
  ASSERT_EQ(p.glyphs.size(), 3u);
  EXPECT_EQ(p.glyphs[0].render_mode, 3);
  EXPECT_EQ(p.text, "Ana");
}

TEST(ContentInterpreter, HexStringsAndDifferencesWithUniNames) {
  const std::string res =
      "<< /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding "
      "<< /BaseEncoding /WinAnsiEncoding /Differences [65 /uni00D1 /Eacute] >> >> >> >>";
  PageText p = Extract("BT /F1 10 Tf 100 700 Td <4142E9> Tj ET", res);
  EXPECT_EQ(GlyphText(p), "\xC3\x91\xC3\x89\xC3\xA9");  // ÑÉé
}

TEST(ContentInterpreter, ToUnicodeWinsOverEncoding) {
  PdfBuilder b;
  const int cmap = b.AddStream("", "1 begincodespacerange <00> <FF> endcodespacerange "
                                   "1 beginbfchar <41> <00660069> endbfchar");
  const int font = b.Add("<< /Type /Font /Subtype /TrueType /BaseFont /ABCDEF+Arial "
                         "/FirstChar 65 /LastChar 66 /Widths [500 600] /ToUnicode " +
                         std::to_string(cmap) + " 0 R >>");
  const int contents = b.AddStream("", "BT /F1 10 Tf 0 700 Td (AB) Tj ET");
  auto p = ExtractPage(b.BuildOnePage(contents, "<< /Font << /F1 " +
                         std::to_string(font) + " 0 R >> >>"));
  ASSERT_TRUE(p.has_value());
  ASSERT_EQ(p->glyphs.size(), 2u);
  EXPECT_EQ(p->glyphs[0].text, "fi");  // a ligature glyph, two letters
  EXPECT_EQ(p->glyphs[1].text, "B");   // not in ToUnicode: StandardEncoding
  EXPECT_NEAR(p->glyphs[1].box.x0, 5, 1e-6);  // /Widths, not AFM
}

TEST(ContentInterpreter, SymbolicTrueTypeWithoutMappingIsUndecodable) {
  const std::string res =
      "<< /Font << /F1 << /Type /Font /Subtype /TrueType /BaseFont /Mystery /FirstChar 0 "
      "/LastChar 255 /Widths [] /FontDescriptor << /Type /FontDescriptor /Flags 4 "
      "/FontName /Mystery >> >> >> >>";
  PageText p = Extract("BT /F1 10 Tf 0 700 Td (Ana) Tj ET", res);
  ASSERT_EQ(p.glyphs.size(), 3u);
  for (const Glyph& g : p.glyphs) {
    EXPECT_FALSE(g.decodable);
    EXPECT_EQ(g.text, "\xEF\xBF\xBD");
  }
  EXPECT_EQ(p.undecodable_glyph_count(), 3);
  ASSERT_FALSE(p.problems.empty());
}

TEST(ContentInterpreter, MissingFontFailsClosed) {
  PageText p = Extract("BT /F9 10 Tf 0 700 Td (Ana) Tj ET");
  ASSERT_EQ(p.glyphs.size(), 3u);
  EXPECT_FALSE(p.glyphs[0].decodable);
  bool missing = false;
  for (const auto& pr : p.problems) missing |= pr.kind == ExtractionProblem::Kind::kMissingFont;
  EXPECT_TRUE(missing);
}

TEST(ContentInterpreter, Type0IdentityWithWidthsAndToUnicode) {
  PdfBuilder b;
  const int cmap = b.AddStream("", "1 begincodespacerange <0000> <FFFF> endcodespacerange "
                                   "2 beginbfchar <0005> <00D1> <0006> <0061> endbfchar");
  const std::string desc =
      "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /F /DW 1000 /W [5 [400] 6 10 250] "
      "/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> >>";
  const int font = b.Add("<< /Type /Font /Subtype /Type0 /BaseFont /F /Encoding /Identity-H "
                         "/DescendantFonts [" + desc + "] /ToUnicode " +
                         std::to_string(cmap) + " 0 R >>");
  const int contents = b.AddStream("", "BT /F1 10 Tf 0 700 Td <000500060007> Tj ET");
  auto p = ExtractPage(b.BuildOnePage(contents, "<< /Font << /F1 " +
                         std::to_string(font) + " 0 R >> >>"));
  ASSERT_TRUE(p.has_value());
  ASSERT_EQ(p->glyphs.size(), 3u);
  EXPECT_EQ(p->glyphs[0].text, "\xC3\x91");
  EXPECT_EQ(p->glyphs[0].code, 5u);
  EXPECT_EQ(p->glyphs[0].code_length, 2);
  EXPECT_NEAR(p->glyphs[1].box.x0, 4, 1e-6);    // W: cid 5 = 400
  EXPECT_NEAR(p->glyphs[2].box.x0, 6.5, 1e-6);  // W: cids 6..10 = 250
  EXPECT_FALSE(p->glyphs[2].decodable);         // cid 7: no ToUnicode entry
}

// A soft mask's group is content: its glyphs come from a stream of its own
// whose parent is the `gs` that set the mask, placed by the CTM in effect
// at that `gs`; and nothing the group fills hides the page's own text (it
// paints nothing on the page by itself).
TEST(ContentInterpreter, SoftMaskGroupGlyphsCarryTheirStreamAndCoverNothing) {
  PdfBuilder b;
  const int group = b.AddStream("/Type /XObject /Subtype /Form /BBox [0 0 612 792] /Resources << /Font << /F1 " +
                                    Helvetica() + " >> >>",
                                "0 g -40 690 80 30 re f 1 g BT /F1 10 Tf 0 600 Td (Ana) Tj ET");
  const int contents = b.AddStream("", "BT /F1 10 Tf 72 700 Td (Luis) Tj ET q 1 0 0 1 100 0 cm /GS1 gs 0 g "
                                       "0 0 612 792 re f Q");
  auto p = ExtractPage(b.BuildOnePage(
      contents, "<< /Font << /F1 " + Helvetica() + " >> /ExtGState << /GS1 << /SMask << /S /Luminosity /G " +
                    std::to_string(group) + " 0 R >> >> >> >>"));
  ASSERT_TRUE(p.has_value());
  ASSERT_EQ(p->glyphs.size(), 7u);
  ASSERT_EQ(p->streams.size(), 2u);
  EXPECT_EQ(p->streams[1].kind, ContentStream::Kind::kSoftMaskGroup);
  EXPECT_EQ(p->streams[1].object_number, group);
  EXPECT_EQ(p->streams[1].parent_stream, 0);
  EXPECT_EQ(p->streams[1].parent_op, 7);  // BT Tf Td Tj ET q cm gs
  EXPECT_EQ(p->glyphs[4].source.stream, 1);
  EXPECT_NEAR(p->glyphs[4].baseline_start.x, 100, 1e-6);
  for (const Glyph& g : p->glyphs) EXPECT_FALSE(g.covered) << g.text;
}

TEST(ContentInterpreter, Type3WidthsGoThroughFontMatrix) {
  const std::string res =
      "<< /Font << /T3 << /Type /Font /Subtype /Type3 /FontBBox [0 0 100 100] "
      "/FontMatrix [0.01 0 0 0.01 0 0] /FirstChar 65 /LastChar 66 /Widths [50 80] "
      "/Encoding << /Differences [65 /A /B] >> /CharProcs << >> >> >> >>";
  PageText p = Extract("BT /T3 10 Tf 100 700 Td (AB) Tj ET", res);
  ASSERT_EQ(p.glyphs.size(), 2u);
  EXPECT_EQ(GlyphText(p), "AB");
  EXPECT_NEAR(p.glyphs[1].box.x0, 105, 1e-6);  // 50 * 0.01 * 10
}

TEST(ContentInterpreter, FormXObjectGlyphsCarryTheirStream) {
  PdfBuilder b;
  const int form = b.AddStream("/Type /XObject /Subtype /Form /BBox [0 0 500 500] "
                               "/Matrix [1 0 0 1 100 0] /Resources << /Font << /F1 " +
                                   Helvetica() + " >> >>",
                               "BT /F1 10 Tf 0 600 Td (Ana) Tj ET");
  const int contents = b.AddStream("", "/X1 Do q 1 0 0 1 0 -100 cm /X1 Do Q");
  auto p = ExtractPage(b.BuildOnePage(contents, "<< /XObject << /X1 " +
                         std::to_string(form) + " 0 R >> >>"));
  ASSERT_TRUE(p.has_value());
  ASSERT_EQ(p->glyphs.size(), 6u);
  ASSERT_EQ(p->streams.size(), 3u);  // page contents + two invocations
  EXPECT_EQ(p->streams[1].kind, ContentStream::Kind::kFormXObject);
  EXPECT_EQ(p->streams[1].object_number, form);
  EXPECT_EQ(p->streams[2].parent_op, 3);  // Do, q, cm, Do
  EXPECT_EQ(p->glyphs[0].source.stream, 1);
  EXPECT_EQ(p->glyphs[3].source.stream, 2);
  EXPECT_NEAR(p->glyphs[0].baseline_start.x, 100, 1e-6);
  EXPECT_NEAR(p->glyphs[3].baseline_start.y, 792 - 500, 1e-6);
}

TEST(ContentInterpreter, CyclicFormXObjectIsReportedNotFollowed) {
  PdfBuilder b;
  const int form = b.Reserve();
  b.Set(form, "<< /Type /XObject /Subtype /Form /BBox [0 0 1 1] /Resources << /XObject << /X1 " +
                  std::to_string(form) + " 0 R >> >> /Length 6 >>\nstream\n/X1 Do\nendstream");
  const int contents = b.AddStream("", "/X1 Do");
  auto p = ExtractPage(b.BuildOnePage(contents, "<< /XObject << /X1 " +
                         std::to_string(form) + " 0 R >> >>"));
  ASSERT_TRUE(p.has_value());
  bool cycle = false;
  for (const auto& pr : p->problems) cycle |= pr.kind == ExtractionProblem::Kind::kRecursionLimit;
  EXPECT_TRUE(cycle);
}

TEST(ContentInterpreter, UnknownOperatorsAreReportedOutsideBxEx) {
  PageText p = Extract("BX foo EX bar");
  int unknown = 0;
  for (const auto& pr : p.problems) unknown += pr.kind == ExtractionProblem::Kind::kUnknownOperator;
  EXPECT_EQ(unknown, 1);
}

TEST(ContentInterpreter, RotatedPageMapsToDisplaySpace) {
  // /Rotate 90 on a 612x792 page with a non-zero media box origin.
  PageText p = Extract("BT /F1 10 Tf 110 120 Td (A) Tj ET", kFont, "/Rotate 90",
                       "[10 20 622 812]");
  EXPECT_EQ(p.geometry.rotate, 90);
  EXPECT_NEAR(p.geometry.display_width, 792, 1e-6);
  ASSERT_EQ(p.glyphs.size(), 1u);
  // Display X = y - y0, Y = x - x0: the baseline runs down the page.
  EXPECT_NEAR(p.glyphs[0].baseline_start.x, 100, 1e-6);
  EXPECT_NEAR(p.glyphs[0].baseline_start.y, 100, 1e-6);
  EXPECT_EQ(p.glyphs[0].rotation, 1);
}

TEST(ContentInterpreter, ContentArrayIsOneStream) {
  PdfBuilder b;
  const int c1 = b.AddStream("", "BT /F1 10 Tf 0 700 Td (A) Tj");
  const int c2 = b.AddStream("", "(B) Tj ET");
  const int pages = b.Reserve();
  const int page = b.Add("<< /Type /Page /Parent " + std::to_string(pages) +
                         " 0 R /MediaBox [0 0 612 792] /Resources " + kFont + " /Contents [" +
                         std::to_string(c1) + " 0 R " + std::to_string(c2) + " 0 R] >>");
  b.Set(pages, "<< /Type /Pages /Kids [" + std::to_string(page) + " 0 R] /Count 1 >>");
  auto p = ExtractPage(b.Build(b.Add("<< /Type /Catalog /Pages " + std::to_string(pages) +
                                     " 0 R >>")));
  ASSERT_TRUE(p.has_value());
  // The text object spans the two streams; the text state carries over.
  ASSERT_EQ(p->glyphs.size(), 2u);
  EXPECT_EQ(p->text, "AB");
  EXPECT_EQ(p->glyphs[1].source.op, 4);
}

// An opaque box sized like a line of text with nothing under it is a blank
// (core/model.h Blank): text that stood there no longer reads. A box over
// text covers it instead; a bullet, a check box or a panel is no blank.
TEST(ContentInterpreter, OpaqueBoxesOverNothingAreBlanks) {
  const PageText p = Extract(
      "0 g 72 690 100 14 re f "                                 // over nothing: a blank
      "BT /F1 10 Tf 300 700 Td (Luis) Tj ET 0 g 298 695 30 14 re f "  // over text: covered
      "0 g 72 600 6 6 re f 72 580 10 10 re f "                  // a bullet, a check box
      "0 g 72 400 300 60 re f");                                // a panel
  ASSERT_EQ(p.blanks.size(), 1u);
  EXPECT_NEAR(p.blanks[0].box.x0, 72, 1e-3);
  EXPECT_NEAR(p.blanks[0].box.y0, 792 - 704, 1e-3);  // display space, y down
  EXPECT_NEAR(p.blanks[0].box.x1, 172, 1e-3);
  EXPECT_GT(p.blanks[0].font_size, 8);
  for (const Glyph& g : p.glyphs) EXPECT_TRUE(g.covered) << g.text;
}

}  // namespace
}  // namespace redact
