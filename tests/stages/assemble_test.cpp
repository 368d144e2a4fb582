#include "stages/assemble/assemble.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "tests/testing/extract_helper.h"
#include "tests/testing/pdf_builder.h"

namespace redact {
namespace {

using testing::ExtractPage;
using testing::Helvetica;
using testing::PdfBuilder;

PageText Extract(const std::string& content) {
  auto page = ExtractPage(
      PdfBuilder::OnePage(content, "<< /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont "
                                   "/Helvetica /Encoding /WinAnsiEncoding >> >> >>"));
  EXPECT_TRUE(page.has_value());
  return page ? *page : PageText{};
}

std::vector<std::string> WordTexts(const PageText& p) {
  std::vector<std::string> out;
  for (const Word& w : p.words) out.push_back(w.text);
  return out;
}

TEST(Assemble, WordsBreakAtSpacesAndGaps) {
  // "Ana" then a 0.3 em gap made by a TJ number (no space glyph), then "Ruiz".
  PageText p = Extract("BT /F1 10 Tf 100 700 Td [(Ana) -300 (Ruiz) ( Lopez)] TJ ET");
  EXPECT_EQ(WordTexts(p), (std::vector<std::string>{"Ana", "Ruiz", "Lopez"}));
  EXPECT_EQ(p.text, "Ana Ruiz Lopez");
}

TEST(Assemble, KerningDoesNotSplitWords) {
  PageText p = Extract("BT /F1 10 Tf 100 700 Td [(A) 80 (V) -20 (ERY)] TJ ET");
  EXPECT_EQ(WordTexts(p), (std::vector<std::string>{"AVERY"}));
}

TEST(Assemble, FakeBoldDuplicatesStayOneWord) {
  // The same name drawn twice, offset by 0.3 pt, as word processors fake bold.
  PageText p = Extract("BT /F1 10 Tf 100 700 Td (Ana) Tj ET BT /F1 10 Tf 100.3 700 Td (Ana) Tj ET");
  ASSERT_EQ(p.words.size(), 1u);
  EXPECT_EQ(p.words[0].text, "Ana");
  EXPECT_EQ(p.words[0].duplicates.size(), 3u);
}

// Fake small caps (issue 18): a capital set larger than the rest of the
// word, as captions and signature blocks set names. Seven real filings
// read "A NNA S CHUBERT" and "J USTICE S OTOMAYOR"; letters of one word in
// two sizes are one word, as pdftotext reads them. A word in another size
// after a real space still stands apart, and so does a heading twice the
// size.
TEST(Assemble, FakeSmallCapsAreOneWord) {
  PageText p = Extract(
      "BT /F1 12 Tf 72 700 Td (A) Tj /F1 9.6 Tf (NNA ) Tj /F1 12 Tf (S) Tj /F1 9.6 Tf (CHUBERT) Tj ET "
      "BT /F1 12 Tf 72 680 Td (Signed) Tj /F1 9.6 Tf ( below) Tj ET "
      "BT /F1 24 Tf 72 640 Td (BIG) Tj /F1 10 Tf (small) Tj ET");
  EXPECT_EQ(WordTexts(p), (std::vector<std::string>{"ANNA", "SCHUBERT", "Signed", "below", "BIG", "small"}));
}

TEST(Assemble, TwoColumnsReadColumnByColumn) {
  PageText p = Extract(
      "BT /F1 10 Tf 14 TL 72 700 Td (Left one) Tj T* (Left two) Tj ET "
      "BT /F1 10 Tf 14 TL 320 700 Td (Right one) Tj T* (Right two) Tj ET "
      "BT /F1 14 Tf 72 740 Td (Title across) Tj ET");
  EXPECT_EQ(p.text, "Title across\n\nLeft one\nLeft two\n\nRight one\nRight two");
}

// A declaration and its translation side by side, 1.2 em apart (probe27,
// reportlab): closer than a line's widest gap, so each line read across
// both columns, and "Tenemos dos hijos:" ran into the English column before
// the children's names. A white strip down five or more lines of prose is
// a gutter: each column reads as its own block.
TEST(Assemble, ProseColumnsCloseTogetherReadColumnByColumn) {
  const char* const left[] = {"1. Me llamo Kenia Zeledon Obando y naci", "el 5 de mayo de 2010 en el barrio de",
                              "Monimbo, en la ciudad de Masaya. Mis", "padres son Juana Obando y Jairo Obando,",
                              "que viven en Masaya con mi hermano.", "Tenemos dos hijos: Axel Antonio Zeledon"};
  const char* const right[] = {"1. My name is Kenia Zeledon Obando and I", "was born on May 5, 2010 in the barrio of",
                               "Monimbo, in the city of Masaya. My parents", "are Juana Obando and Jairo Obando, who",
                               "live in Masaya with my brother. We have", "two children: Axel Antonio Zeledon Obando"};
  std::string content = "BT /F1 10 Tf 12 TL 72 700 Td";
  for (const char* line : left) content += std::string(" (") + line + ") Tj T*";
  content += " ET BT /F1 10 Tf 12 TL 275.2 700 Td";  // the widest left line ends at 263.2
  for (const char* line : right) content += std::string(" (") + line + ") Tj T*";
  content += " ET";
  PageText p = Extract(content);
  std::string expected;
  for (const char* line : left) expected += std::string(expected.empty() ? "" : "\n") + line;
  expected += "\n\n";
  for (size_t k = 0; k < std::size(right); ++k) expected += std::string(k ? "\n" : "") + right[k];
  EXPECT_EQ(p.text, expected);
}

// ... but the boxes of a comb field stay one line with a form's columns
// of labels over them: no strip runs between two boxes.
TEST(Assemble, ACombFieldUnderAFormsColumnsStaysOneLine) {
  std::string content;
  for (int k = 0; k < 5; ++k) {
    const std::string y = std::to_string(700 - 14 * k);
    content += "BT /F1 10 Tf 72 " + y + " Td (Number of the field on the left) Tj ET ";
    content += "BT /F1 10 Tf 215.2 " + y + " Td (Label of the right column) Tj ET ";
  }
  // "2 2 0 8 7 3 4 1 6" one box every 14 pt from x 100; the column strip
  // (the left labels end at 203.2, the right ones start at 215.2) falls
  // between the last two boxes.
  content += "BT /F1 10 Tf 82 630 Td (A-) Tj ET ";
  for (int k = 0; k < 9; ++k) {
    content += "BT /F1 10 Tf " + std::to_string(100 + 14 * k) + " 630 Td (" + std::string(1, "220873416"[k]) + ") Tj ET ";
  }
  content += "BT /F1 10 Tf 230 630 Td (None given here) Tj ET";
  PageText p = Extract(content);
  EXPECT_NE(p.text.find("A- 2 2 0 8 7 3 4 1 6"), std::string::npos) << p.text;
}

TEST(Assemble, TextMapPointsEveryByteAtItsGlyph) {
  PageText p = Extract("BT /F1 10 Tf 100 700 Td (Pe\\361a) Tj 0 -14 Td (Ruiz) Tj ET");
  ASSERT_EQ(p.text.size(), p.text_glyph.size());
  EXPECT_EQ(p.text, "Pe\xC3\xB1" "a\nRuiz");
  EXPECT_EQ(p.text_glyph[2], 2);  // both bytes of ñ map to glyph 2
  EXPECT_EQ(p.text_glyph[3], 2);
  EXPECT_EQ(p.text_glyph[5], -1);  // the newline we inserted
  EXPECT_EQ(p.text_glyph[6], 4);
}

TEST(Assemble, SuperscriptOnSameLineKeepsLineOrder) {
  PageText p = Extract("BT /F1 10 Tf 100 700 Td (Note) Tj 3 Ts (1) Tj 0 Ts ( here) Tj ET");
  EXPECT_EQ(p.lines.size(), 1u);
}

}  // namespace
}  // namespace redact

namespace redact {
namespace {

TEST(Assemble, DiagonalTextStaysOneWord) {
  // A watermark at 35 degrees: pdftotext breaks it into letters; names in
  // watermarks must stay whole for detection.
  PageText p = Extract("q 0.8192 0.5736 -0.5736 0.8192 200 300 cm "
                       "BT /F1 40 Tf 0 0 Td (SEALED) Tj ET Q");
  ASSERT_EQ(p.words.size(), 1u);
  EXPECT_EQ(p.words[0].text, "SEALED");
}

TEST(Assemble, VerticalMarginStampReadsAsALine) {
  PageText p = Extract("q 0 1 -1 0 40 200 cm BT /F1 8 Tf 0 0 Td (CONFIDENTIAL Ana Ruiz) Tj ET Q "
                       "BT /F1 11 Tf 90 700 Td (Body text) Tj ET");
  EXPECT_EQ(p.text, "Body text\n\nCONFIDENTIAL Ana Ruiz");
  EXPECT_EQ(p.words.front().rotation, 3);  // bottom to top (content order: stamp first)
}

}  // namespace
}  // namespace redact

namespace redact {
namespace {

TEST(Assemble, LetterSpacedTextIsOneWord) {
  // 2 pt of character spacing at 10 pt: wider than pdftotext's 0.1 em word
  // gap, but character spacing is not a word break (headings are often set
  // this way, and a letter-spaced name must still be found).
  PageText p = Extract("BT /F1 10 Tf 2 Tc 72 700 Td (MARIA LOPEZ) Tj ET");
  std::vector<std::string> words;
  for (const Word& w : p.words) words.push_back(w.text);
  EXPECT_EQ(words, (std::vector<std::string>{"MARIA", "LOPEZ"}));
}

}  // namespace
}  // namespace redact

// Issue 16 §2: words from where glyphs sit, not the order they were drawn.
namespace redact {
namespace {

TEST(Assemble, GlyphsDrawnOutOfOrderReadInPlace) {
  // "Ana" with each letter its own text object, drawn n, A, a (Helvetica:
  // A 667, n 556 thousandths).
  PageText p = Extract("BT /F1 10 Tf 1 0 0 1 106.67 700 Tm (n) Tj ET "
                       "BT /F1 10 Tf 1 0 0 1 100 700 Tm (A) Tj ET "
                       "BT /F1 10 Tf 1 0 0 1 112.23 700 Tm (a) Tj ET");
  EXPECT_EQ(WordTexts(p), (std::vector<std::string>{"Ana"}));
  EXPECT_EQ(p.text, "Ana");
  EXPECT_EQ(p.text_glyph[0], 1);  // the A, drawn second
}

TEST(Assemble, WholeLineDrawnTwiceReadsOnce) {
  PageText p = Extract("BT /F1 10 Tf 100 700 Td (Ana Ruiz) Tj ET "
                       "BT /F1 10 Tf 100.3 700.2 Td (Ana Ruiz) Tj ET");
  EXPECT_EQ(WordTexts(p), (std::vector<std::string>{"Ana", "Ruiz"}));
  EXPECT_EQ(p.text, "Ana Ruiz");
  ASSERT_EQ(p.words.size(), 2u);
  EXPECT_EQ(p.words[0].duplicates.size(), 3u);  // the second A, n, a
  EXPECT_EQ(p.words[1].duplicates.size(), 4u);
}

TEST(Assemble, SpaceKernedBackIsNoWordBreak) {
  // The space advances 2.78 pt and the kern takes it back: "Nel son" drawn,
  // "Nelson" seen. A space that advances still breaks.
  PageText p = Extract("BT /F1 10 Tf 100 700 Td [(Nel) ( ) 278 (son) ( Ruiz)] TJ ET");
  EXPECT_EQ(WordTexts(p), (std::vector<std::string>{"Nelson", "Ruiz"}));
}

// An invisible character kerned back inside a name (a hostile probe: soft
// hyphens and zero-width spaces drawn with a glyph, then the pen moved back
// by its width). pdftotext reads "Wil\u00ADmer" as one word; so must we —
// before, the overlap broke the word, and the name was not matched.
TEST(Assemble, SoftHyphenKernedBackIsNoWordBreak) {
  PdfBuilder b;
  const int cmap = b.AddStream("", "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
                                   "1 begincodespacerange <00> <FF> endcodespacerange\n"
                                   "2 beginbfchar\n<AD> <00AD>\n<2D> <200B>\nendbfchar\n"
                                   "endcmap CMapName currentdict /CMap defineresource pop end end\n");
  const int contents = b.AddStream("", "BT /F1 10 Tf 100 700 Td [(Wil\\255) 333 (mer) ( Ixco-) 333 (y)] TJ ET");
  auto page = ExtractPage(b.BuildOnePage(
      contents, "<< /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding "
                "/ToUnicode " + std::to_string(cmap) + " 0 R >> >> >>"));
  ASSERT_TRUE(page.has_value());
  EXPECT_EQ(WordTexts(*page), (std::vector<std::string>{"Wil\u00ADmer", "Ixco\u200By"}));
}

TEST(Assemble, AccentKernedOverALetterComposesWithIt) {
  // pdfTeX's \'a in OT1: the acute (code 0x13) kerned over the a, then back.
  auto page = ExtractPage(PdfBuilder::OnePage(
      "BT /F1 10 Tf 100 700 Td [(Iv) -55.5 (\\023) 388.5 (an)] TJ ET",
      "<< /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Times-Roman /Encoding "
      "<< /Differences [19 /acute] >> >> >> >>"));
  ASSERT_TRUE(page.has_value());
  EXPECT_EQ(WordTexts(*page), (std::vector<std::string>{"Iva\xCC\x81n"}));
  ASSERT_EQ(page->words.size(), 1u);
  EXPECT_EQ(page->words[0].accents, (std::vector<int>{2}));
  // The mark's bytes map to the accent glyph.
  EXPECT_EQ(page->text_glyph[3], 2);
  EXPECT_EQ(page->text_glyph[4], 2);
}

TEST(Assemble, AccentDrawnLaterOverALetterComposesWithIt) {
  // "Ivan", then at the end of the stream an acute (WinAnsi 0xB4) centred
  // over its a (Helvetica: I 278, v 500, a 556, acute 333).
  PageText p = Extract("BT /F1 10 Tf 100 700 Td (Ivan Ruiz) Tj ET "
                       "BT /F1 10 Tf 1 0 0 1 108.895 700 Tm (\\264) Tj ET");
  EXPECT_EQ(WordTexts(p), (std::vector<std::string>{"Iva\xCC\x81n", "Ruiz"}));
}

TEST(Assemble, AccentWithItsOwnPlaceStaysAsWritten) {
  // "D´Angelo": the acute takes its own advance, over no letter.
  PageText p = Extract("BT /F1 10 Tf 100 700 Td (D\\264Angelo) Tj ET");
  EXPECT_EQ(WordTexts(p), (std::vector<std::string>{"D\xC2\xB4" "Angelo"}));
  EXPECT_TRUE(p.words[0].accents.empty());
}

}  // namespace
}  // namespace redact

namespace redact {
namespace {

TEST(Assemble, CharacterSpacingUsedAsAWordSpaceSplitsWhereItShows) {
  // Ghostscript's PDF of groff text: "Plaintif" then "fO" set with 3.6 pt
  // of Tc, then "ksana" placed where the O's ink ends (Td from the line
  // start, ignoring the pen). pdftotext reads "Plaintiff Oksana"; redact
  // read "PlaintiffO ksana", and the name went unmatched. (Helvetica at 10
  // pt: "Plaintif" 30.01 pt, f 2.78, O 7.78: the O's ink ends 14.16 pt
  // after the second Td.)
  PageText p = Extract("BT /F1 10 Tf 72 700 Td (Plaintif) Tj 3.6 Tc 30.01 0 Td (fO) Tj "
                       "0 Tc 14.16 0 Td (ksana) Tj ET");
  EXPECT_EQ(WordTexts(p), (std::vector<std::string>{"Plaintiff", "Oksana"}));
  // "received a positive": "dap" set with 2.76 pt of Tc, "ositive" placed
  // at the p's ink end (d 5.56, a 5.56, p 5.56).
  PageText q = Extract("BT /F1 10 Tf 72 700 Td (receive) Tj 2.76 Tc 32.23 0 Td (dap) Tj "
                       "0 Tc 22.2 0 Td (ositive) Tj ET");
  EXPECT_EQ(WordTexts(q), (std::vector<std::string>{"received", "a", "positive"}));
}

TEST(Assemble, CharacterSpacingAsAWordSpaceBeforeAKernedPair) {
  // Evaluation set, a groff order: "Mr" then ".V" set with 3.11 pt of Tc,
  // then "elasquez" placed at the V's ink end less the "Ve" kerning (1.11
  // pt, more than 0.1 em). redact read "Mr.V elasquez", so the honorific
  // cue found no name. (Helvetica at 10 pt: "Mr" 11.66, "." 2.78, V 6.67.)
  PageText p = Extract("BT /F1 10 Tf 72 700 Td (Mr) Tj 3.11 Tc 11.66 0 Td (.V) Tj "
                       "0 Tc 11.45 0 Td (elasquez) Tj ET");
  EXPECT_EQ(WordTexts(p), (std::vector<std::string>{"Mr.", "Velasquez"}));
}

// probe28, a groff motion: "Plaintif", then "fA" set with 5.063 pt of Tc
// (6 pt here, in Helvetica's wider period),
// then ".W" placed where the A's ink ends, then ".S." — pdftotext reads
// "Plaintiff A.W.S.". redact split "A." from "W.S.": after the split at the
// spacing, the A was still measured to its pen, so the "." after it
// looked kerned 0.2 em back into it and opened a word. (Helvetica at 11
// pt: "Plaintif" 33.01, f 3.058, A 7.337, "." 3.058, W 10.384.)
TEST(Assemble, CharacterSpacingAsAWordSpaceBeforeInitials) {
  PageText p = Extract("BT /F1 11 Tf 72 700 Td (Plaintif) Tj 6 Tc 33.01 0 Td (fA) Tj "
                       "0 Tc 16.395 0 Td (.W) Tj 13.442 0 Td (.S. recei) Tj ET");
  EXPECT_EQ(WordTexts(p), (std::vector<std::string>{"Plaintiff", "A.W.S.", "recei"}));
}

// CI's fuzzer (stop 38): glyphs at positions beyond a float's range (a
// finite 1e39 in a content stream) or at NaN made line building spin
// forever, since NaN compares false with every tolerance. Such glyphs
// stay text (detection must still read them, the writer must still be
// able to remove them), placed far off the page.
TEST(Assemble, GlyphsAtNonFinitePositionsStillAssemble) {
  const double inf = std::numeric_limits<double>::infinity();
  const double nan = std::numeric_limits<double>::quiet_NaN();
  PageText page;
  page.number = 1;
  page.geometry = PageGeometry::Make({0, 0, 612, 792}, {0, 0, 612, 792}, 0);
  const std::vector<std::pair<Point, std::string>> placed = {
      {{100, inf}, "Ana"}, {{140, inf}, "Ruiz"}, {{inf, inf}, "Lopez"}, {{nan, 700}, "A123"},
      {{-inf, nan}, "B456"}, {{100, 100}, "Visible"}, {{130, 100}, "line"}};
  for (const auto& [at, text] : placed) {
    Glyph g;
    g.text = text;
    g.baseline_start = at;
    g.baseline_end = Point{at.x + 20, at.y};
    g.pen_end = g.baseline_end;
    g.box = Rect{at.x, at.y - 8, at.x + 20, at.y + 2};
    g.font_size = text == "Lopez" ? static_cast<float>(nan) : 10.0f;
    page.glyphs.push_back(g);
  }
  AssembleText(&page);
  for (const auto& [at, text] : placed) {
    EXPECT_NE(page.text.find(text), std::string::npos) << text;
  }
  EXPECT_NE(page.text.find("Visible line"), std::string::npos);
}

// probe22's skewed scan: Tesseract gives each text line its own baseline,
// and on a page scanned 0.75 degrees askew one line measured 0.74 and the
// next 0.76, either side of a half-degree bucket. The lines then read as
// two directions, each ordered apart ("October 21," at the top of the
// text, "1988." near its end), and the answer's date was never read as
// one. OCR'd lines a degree or so apart are one direction.
TEST(Assemble, OcrLinesAFractionOfADegreeApartReadInOrder) {
  PageText page;
  page.number = 1;
  page.geometry = PageGeometry::Make({0, 0, 612, 792}, {0, 0, 612, 792}, 0);
  const auto word = [&](const std::string& text, double x, double y, double degrees) {
    const double a = degrees * M_PI / 180.0;
    for (size_t k = 0; k < text.size(); ++k) {
      Glyph g;
      g.text = text.substr(k, 1);
      g.ocr = true;
      const double x0 = x + 6.0 * static_cast<double>(k);
      const Point start{x0, y + (x0 - 100) * std::tan(a)};
      const Point end{x0 + 6, y + (x0 + 6 - 100) * std::tan(a)};
      g.baseline_start = start;
      g.baseline_end = end;
      g.pen_end = end;
      g.box = Rect{start.x, start.y - 7, end.x, end.y + 2};
      g.font_size = 10;
      page.glyphs.push_back(g);
    }
  };
  word("Q:", 100, 100, 0.74), word("What", 118, 100, 0.74), word("birth?", 148, 100, 0.74);
  word("A:", 100, 114, 0.76), word("October", 118, 114, 0.76), word("21,", 166, 114, 0.76);
  word("1988.", 190, 114, 0.73);
  word("Q:", 100, 128, 0.77), word("Country?", 118, 128, 0.77);
  AssembleText(&page);
  EXPECT_NE(page.text.find("Q: What birth?\nA: October 21, 1988.\nQ: Country?"), std::string::npos) << page.text;
}

}  // namespace
}  // namespace redact
