// Text drawn as outlines told from drawings by layout (issue 18): a page
// of diagrams (a dot grid, hatching, arrows) is not text however many
// shapes it paints; text printed with `gs -dNoOutputFonts` still fails the
// document; a diagram with a few word-like runs of shapes is listed in
// pages_to_review (exit 0, as every page to review). Judged by the exit
// code, `qpdf --check`, pdftotext and the report.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "tests/testing/pdf_builder.h"
#include "tests/testing/require_tool.h"
#include "tests/testing/subprocess.h"

namespace redact {
namespace {

namespace fs = std::filesystem;
using testing::PdfBuilder;
using testing::RunCommand;

const std::string kResources =
    "<< /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >> >> >>";

std::string N(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  return buf;
}

// A filled circle of radius r at (x, y): four Bezier quarters.
std::string Dot(double x, double y, double r) {
  const double k = 0.5523 * r;
  return N(x + r) + " " + N(y) + " m " + N(x + r) + " " + N(y + k) + " " + N(x + k) + " " + N(y + r) + " " + N(x) +
         " " + N(y + r) + " c " + N(x - k) + " " + N(y + r) + " " + N(x - r) + " " + N(y + k) + " " + N(x - r) + " " +
         N(y) + " c " + N(x - r) + " " + N(y - k) + " " + N(x - k) + " " + N(y - r) + " " + N(x) + " " + N(y - r) +
         " c " + N(x + k) + " " + N(y - r) + " " + N(x + r) + " " + N(y - k) + " " + N(x + r) + " " + N(y) + " c f\n";
}

// A lecture's figure: a 20 x 10 grid of dots (3 units wide, 12 apart), a
// hatched region of 100 thin filled parallelograms, three arrows (stroked
// shafts, filled heads), two stroked circles and a caption in a font.
std::string DiagramContent() {
  std::string c = "0 g\n";
  for (int row = 0; row < 10; ++row) {
    for (int col = 0; col < 20; ++col) c += Dot(90 + 12 * col, 520 + 12 * row, 1.5);
  }
  for (int i = 0; i < 100; ++i) {
    const double x = 72 + 4 * i;
    c += N(x) + " 300 m " + N(x + 1.2) + " 300 l " + N(x + 31.2) + " 360 l " + N(x + 30) + " 360 l h f\n";
  }
  for (int i = 0; i < 3; ++i) {
    const double y = 200 + 30 * i;
    c += "1 w 100 " + N(y) + " m 300 " + N(y) + " l S 300 " + N(y - 4) + " m 310 " + N(y) + " l 300 " + N(y + 4) +
         " l h f\n";
  }
  const double k = 0.5523 * 40;
  for (double cx : {420.0, 520.0}) {
    c += N(cx + 40) + " 560 m " + N(cx + 40) + " " + N(560 + k) + " " + N(cx + k) + " 600 " + N(cx) + " 600 c " +
         N(cx - k) + " 600 " + N(cx - 40) + " " + N(560 + k) + " " + N(cx - 40) + " 560 c " + N(cx - 40) + " " +
         N(560 - k) + " " + N(cx - k) + " 520 " + N(cx) + " 520 c " + N(cx + k) + " 520 " + N(cx + 40) + " " +
         N(560 - k) + " " + N(cx + 40) + " 560 c S\n";
  }
  return c + "BT /F1 10 Tf 72 150 Td (Figure 3: sampling grid, hatched region and flows) Tj ET\n";
}

// A few word-like runs drawn as letter outlines: curved shapes of varied
// widths on one baseline, a unit or so apart, word spaces between.
std::string OutlineWords(double x, double y, int words) {
  const double widths[] = {5.5, 6.0, 2.5, 5.0, 6.5, 4.0, 5.5};
  const double heights[] = {8.0, 6.0, 8.5, 6.0, 6.0, 8.0, 6.0};
  std::string c;
  int k = 0;
  for (int w = 0; w < words; ++w) {
    for (int l = 0; l < 5; ++l, ++k) {
      const double lw = widths[k % 7], lh = heights[k % 7];
      c += N(x) + " " + N(y) + " m " + N(x) + " " + N(y + lh) + " " + N(x + lw) + " " + N(y + lh) + " " + N(x + lw) +
           " " + N(y) + " c " + N(x + lw / 2) + " " + N(y + 1) + " l h f\n";
      x += lw + 0.8;
    }
    x += 3.5;
  }
  return c;
}

std::string TextPage(int page) {
  std::string c = "BT /F1 11 Tf 72 720 Td 14 TL (Lecture " + std::to_string(page) + ": sampling and estimation) Tj\n";
  for (int i = 0; i < 30; ++i) c += "T* (A sample is drawn from the population and its mean estimates the mean.) Tj\n";
  if (page == 2) c += "T* (Guest speaker: Maria Hernandez-Nunez spoke on field work.) Tj\n";
  return c + "ET\n";
}

// One PDF whose pages have the given contents.
std::string Pages(const std::vector<std::string>& contents) {
  PdfBuilder b;
  const int pages = b.Reserve();
  std::string kids;
  for (const std::string& c : contents) {
    const int stream = b.AddStream("", c);
    const int page = b.Add("<< /Type /Page /Parent " + std::to_string(pages) + " 0 R /MediaBox [0 0 612 792] "
                           "/Resources " + kResources + " /Contents " + std::to_string(stream) + " 0 R >>");
    kids += std::to_string(page) + " 0 R ";
  }
  b.Set(pages, "<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(contents.size()) + " >>");
  return b.Build(b.Add("<< /Type /Catalog /Pages " + std::to_string(pages) + " 0 R >>"));
}

struct Applied {
  testing::CommandResult run;
  fs::path output;
  nlohmann::json report;
};

Applied Apply(const std::string& name, const std::string& pdf, bool outlines_by_gs = false) {
  const fs::path dir = fs::temp_directory_path() / ("redact_vector_text_" + name);
  fs::remove_all(dir);
  fs::create_directories(dir / "out");
  fs::path in = dir / (name + ".pdf");
  std::ofstream(outlines_by_gs ? dir / "text.pdf" : in, std::ios::binary) << pdf;
  if (outlines_by_gs) {
    auto gs = RunCommand({"gs", "-q", "-dNOPAUSE", "-dBATCH", "-dSAFER", "-sDEVICE=pdfwrite", "-dNoOutputFonts",
                          "-sOutputFile=" + in.string(), (dir / "text.pdf").string()});
    EXPECT_EQ(gs.exit_code, 0) << gs.err;
  }
  std::ofstream(dir / "names.csv") << "id,name,a_number\nP1,Maria Hernandez-Nunez,A201234567\n";
  Applied a;
  a.run = RunCommand({REDACT_BINARY, "apply", "--names", (dir / "names.csv").string(), "--out",
                      (dir / "out").string(), in.string()});
  a.output = dir / "out" / (name + ".pdf");
  std::ifstream rep(dir / "out" / (name + ".report.json"));
  if (rep) a.report = nlohmann::json::parse(rep, nullptr, false);
  return a;
}

// The output exists, passes `qpdf --check`, and its report lists no page
// to review for shapes.
void ExpectWrittenClean(const Applied& a) {
  ASSERT_EQ(a.run.exit_code, 0) << a.run.err;
  ASSERT_TRUE(fs::exists(a.output));
  auto check = RunCommand({"qpdf", "--check", a.output.string()});
  EXPECT_EQ(check.exit_code, 0) << check.out << check.err;
  ASSERT_TRUE(a.report.is_object());
  for (const auto& p : a.report["warnings"]["pages_to_review"]) {
    EXPECT_NE(p["reason"], "shapes-may-be-outlined-text") << p.dump();
  }
}

TEST(VectorText, DiagramPageIsNotText) {
  REDACT_REQUIRE_TOOL("qpdf");
  const Applied a = Apply("diagram", Pages({DiagramContent()}));
  ExpectWrittenClean(a);
  EXPECT_EQ(a.run.err.find("glyph-like"), std::string::npos) << a.run.err;
}

TEST(VectorText, LectureNotesWithADiagramPage) {
  REDACT_REQUIRE_TOOL("qpdf");
  REDACT_REQUIRE_TOOL("pdftotext");
  const Applied a = Apply("lecture", Pages({TextPage(1), TextPage(2), DiagramContent(), TextPage(4)}));
  ExpectWrittenClean(a);
  const std::string text = RunCommand({"pdftotext", a.output.string(), "-"}).out;
  EXPECT_NE(text.find("sampling and estimation"), std::string::npos);
  EXPECT_NE(text.find("Figure 3"), std::string::npos);
  EXPECT_EQ(text.find("Hernandez"), std::string::npos) << "the listed name survived";
}

TEST(VectorText, TextPrintedAsOutlinesStillFails) {
  REDACT_REQUIRE_TOOL("gs");
  // Three pages of text as gs draws it with -dNoOutputFonts: every letter
  // its own filled path; nothing a font or OCR layer could be read from.
  const Applied a = Apply("gs_outlines", Pages({TextPage(1), TextPage(2), TextPage(3)}), true);
  EXPECT_EQ(a.run.exit_code, 4) << a.run.err;
  EXPECT_NE(a.run.err.find("glyph-like shapes: text seems to be drawn as outlines"), std::string::npos)
      << a.run.err;
  EXPECT_EQ(a.run.err.find("Hernandez"), std::string::npos) << "the message holds document text";
  EXPECT_FALSE(fs::exists(a.output));
}

TEST(VectorText, DiagramWithAFewOutlinedWordsIsToReview) {
  REDACT_REQUIRE_TOOL("qpdf");
  // The diagram's dots and hatching, plus three short words drawn as
  // outlines (a label someone converted): not enough to call the page
  // text, too word-like to call it a drawing.
  const Applied a = Apply("mixed", Pages({TextPage(1), DiagramContent() + OutlineWords(100, 460, 3)}));
  ASSERT_EQ(a.run.exit_code, 0) << a.run.err;
  ASSERT_TRUE(fs::exists(a.output));
  EXPECT_EQ(RunCommand({"qpdf", "--check", a.output.string()}).exit_code, 0);
  EXPECT_NE(a.run.err.find("page 2: review by hand before filing (shapes-may-be-outlined-text)"), std::string::npos)
      << a.run.err;
  ASSERT_TRUE(a.report.is_object());
  bool listed = false;
  for (const auto& p : a.report["warnings"]["pages_to_review"]) {
    listed |= p["page"] == 2 && p["reason"] == "shapes-may-be-outlined-text";
    EXPECT_NE(p["page"], 1) << p.dump();
  }
  EXPECT_TRUE(listed) << a.report["warnings"].dump();
}

}  // namespace
}  // namespace redact
