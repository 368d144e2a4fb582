// The round trip through a PDF viewer (issue 20, part 2), end to end
// through the CLI: `redact review` writes a review copy; PyMuPDF (MuPDF,
// which no one here wrote; tests/e2e/edit_review_pdf.py) marks it up the
// way a reviewer's viewer would and saves it; `redact apply --reviewed`
// applies what the marks say. The outputs are judged by pdftotext,
// pdftoppm, mutool and tesseract (tests/testing/oracles.h).
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "tests/testing/oracles.h"
#include "tests/testing/require_tool.h"
#include "tests/testing/subprocess.h"

namespace redact {
namespace {

namespace fs = std::filesystem;
using testing::RunCommand;

const std::string kTop = REDACT_SOURCE_DIR;
const std::string kEditor = kTop + "/tests/e2e/edit_review_pdf.py";  // PyMuPDF, as a viewer
const std::string kOrder = kTop + "/samples/order_libreoffice.pdf";
const std::string kNotice = kTop + "/samples/notice_ghostscript.pdf";
const std::string kNames = kTop + "/samples/names.csv";

std::string PdfText(const fs::path& pdf) { return RunCommand({"pdftotext", pdf.string(), "-"}).out; }

// review INPUT --names … --out DIR (which must succeed); the review copy.
fs::path Review(const std::string& input, const fs::path& dir_, std::vector<std::string> extra = {}) {
  std::vector<std::string> argv = {REDACT_BINARY, "review", "--names", kNames, "--out", dir_.string(), input};
  argv.insert(argv.end(), extra.begin(), extra.end());
  auto r = RunCommand(argv);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return dir_ / (fs::path(input).stem().string() + ".review.pdf");
}

// The box of the first word `word` on page 1 of `pdf`, by pdftotext
// -bbox (points from the top-left), as "x0|y0|x1|y1"; "" when none.
std::string WordBox(const std::string& pdf, const std::string& word) {
  const std::string html = RunCommand({"pdftotext", "-bbox", "-f", "1", "-l", "1", pdf, "-"}).out;
  const size_t end = html.find(">" + word + "</word>");
  const size_t start = html.rfind("<word ", end);
  if (end == std::string::npos || start == std::string::npos) return "";
  std::string box;
  for (const char* key : {"xMin=\"", "yMin=\"", "xMax=\"", "yMax=\""}) {
    const size_t at = html.find(key, start) + std::string(key).size();
    box += (box.empty() ? "" : "|") + html.substr(at, html.find('"', at) - at);
  }
  return box;
}

// The centre of a WordBox, as "x|y".
std::string Centre(const std::string& box) {
  double v[4] = {0, 0, 0, 0};
  std::sscanf(box.c_str(), "%lf|%lf|%lf|%lf", &v[0], &v[1], &v[2], &v[3]);
  return std::to_string((v[0] + v[2]) / 2) + "|" + std::to_string((v[1] + v[3]) / 2);
}

// PyMuPDF's edits (edit_review_pdf.py) of `in`, saved as `out`. Debian's
// python3 has python3-fitz; PATH may lead to another python.
testing::CommandResult Edit(const fs::path& in, const fs::path& out, std::vector<std::string> edits) {
  const std::string python = fs::exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
  std::vector<std::string> argv = {python, kEditor, in.string(), out.string()};
  argv.insert(argv.end(), edits.begin(), edits.end());
  return RunCommand(argv);
}

// Ends the test unless PyMuPDF edited: skipped without it locally, failed
// under CI (as REDACT_REQUIRE_TOOL).
#define EDIT_OR_END(result)                                                                     \
  do {                                                                                          \
    const testing::CommandResult& edit_result = (result);                                       \
    if (edit_result.exit_code == 77) {                                                          \
      if (testing::UnderCi()) FAIL() << "PyMuPDF is missing (Debian package: python3-fitz)";   \
      GTEST_SKIP() << "PyMuPDF is missing (Debian package: python3-fitz)";                      \
    }                                                                                           \
    ASSERT_EQ(edit_result.exit_code, 0) << edit_result.err;                                     \
  } while (0)

testing::CommandResult ApplyReviewed(const std::string& input, const fs::path& reviewed, const fs::path& out,
                                     std::vector<std::string> extra = {}) {
  std::vector<std::string> argv = {REDACT_BINARY, "apply", input, "--reviewed", reviewed.string(), "--out",
                                   out.string()};
  argv.insert(argv.end(), extra.begin(), extra.end());
  return RunCommand(argv);
}

// Each test works in a fresh folder named after it.
class ReviewPdf : public ::testing::Test {
 protected:
  void SetUp() override {
    REDACT_REQUIRE_TOOL("pdftotext");
    dir_ = fs::temp_directory_path() /
           ("redact_review_pdf_" + std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  fs::path dir_;
};

TEST_F(ReviewPdf, HighlightsCarryTheirIdsAndTheRecordSurvivesPyMuPdfAndQpdf) {
  REDACT_REQUIRE_TOOL("qpdf");
  const fs::path copy = Review(kOrder, dir_ / "review");
  // Saved by PyMuPDF without an edit: every highlight is redact's, by id.
  const testing::CommandResult listed = Edit(copy, dir_ / "saved.pdf", {});
  EDIT_OR_END(listed);
  const size_t findings = nlohmann::json::parse(testing::ReadFile((dir_ / "review" / "order_libreoffice.findings.json").string()))
                              ["findings"].size();
  ASSERT_GT(findings, 3u);
  for (size_t id = 1; id <= findings; ++id) {
    EXPECT_NE(listed.out.find("Highlight redact-finding-" + std::to_string(id) + "\n"), std::string::npos)
        << listed.out;
  }
  // qpdf's full rewrite (object streams, fresh numbers) keeps the record too.
  auto q = RunCommand({"qpdf", "--object-streams=generate", (dir_ / "saved.pdf").string(), (dir_ / "q.pdf").string()});
  ASSERT_EQ(q.exit_code, 0) << q.err;
  auto a = ApplyReviewed(kOrder, dir_ / "q.pdf", dir_ / "out");
  ASSERT_EQ(a.exit_code, 0) << a.err;
  EXPECT_NE(a.out.find(std::to_string(findings) + " finding(s) removed"), std::string::npos) << a.out;
  const std::string text = PdfText(dir_ / "out" / "order_libreoffice.pdf");
  for (const char* gone : {"Guadalupe", "Kevin", "201234"}) EXPECT_EQ(text.find(gone), std::string::npos) << gone;
  // Review says how to apply the copy.
  auto r = RunCommand({REDACT_BINARY, "review", "--names", kNames, "--out", (dir_ / "again").string(), kOrder});
  EXPECT_NE(r.out.find("order_libreoffice.review.pdf: or mark it up in a PDF viewer, then: redact apply " + kOrder +
                       " --reviewed " + (dir_ / "again" / "order_libreoffice.review.pdf").string()),
            std::string::npos)
      << r.out;
}

TEST_F(ReviewPdf, ADeletedHighlightKeepsItsTextAndARedactMarkRemovesText) {
  const fs::path copy = Review(kOrder, dir_ / "review");
  const std::string kevin = WordBox(kOrder, "Kevin"), judge = WordBox(kOrder, "Whitfield");
  ASSERT_NE(kevin, "");
  ASSERT_NE(judge, "");
  EDIT_OR_END(Edit(copy, dir_ / "edited.pdf", {"delete|1|" + Centre(kevin), "redact|1|" + judge}));
  auto a = ApplyReviewed(kOrder, dir_ / "edited.pdf", dir_ / "out");
  ASSERT_EQ(a.exit_code, 0) << a.err;
  const std::string text = PdfText(dir_ / "out" / "order_libreoffice.pdf");
  EXPECT_NE(text.find("Kevin"), std::string::npos) << text;          // its highlight deleted: kept
  EXPECT_EQ(text.find("Guadalupe"), std::string::npos) << text;      // still highlighted: removed
  EXPECT_EQ(text.find("Whitfield"), std::string::npos) << text;      // marked for redaction: removed
  EXPECT_NE(text.find("Margaret"), std::string::npos) << text;       // beside the mark: kept
}

TEST_F(ReviewPdf, AChangedNoteChangesTheCategoryAndDrawsTheLabel) {
  const fs::path copy = Review(kOrder, dir_ / "review");
  const std::string kevin = WordBox(kOrder, "Kevin");
  ASSERT_NE(kevin, "");
  EDIT_OR_END(Edit(copy, dir_ / "edited.pdf", {"note|1|" + Centre(kevin) + "|category: witness\\nlabel: Client 1"}));
  auto a = ApplyReviewed(kOrder, dir_ / "edited.pdf", dir_ / "out");
  ASSERT_EQ(a.exit_code, 0) << a.err;
  const std::string text = PdfText(dir_ / "out" / "order_libreoffice.pdf");
  EXPECT_EQ(text.find("Kevin"), std::string::npos) << text;
  EXPECT_NE(text.find("Client 1"), std::string::npos) << text;  // drawn in its box
  const nlohmann::json report = nlohmann::json::parse(testing::ReadFile((dir_ / "out" / "order_libreoffice.report.json").string()));
  EXPECT_EQ(report["counts"].value("witness", 0), 1) << report["counts"].dump();
  // Pseudonymizing, the label stands in the finding's place (and the
  // check after writing does not take it for a name left behind).
  auto p = ApplyReviewed(kOrder, dir_ / "edited.pdf", dir_ / "pseudo", {"--mode", "pseudonymize", "--no-mapping"});
  ASSERT_EQ(p.exit_code, 0) << p.err;
  const std::string pseudo = PdfText(dir_ / "pseudo" / "order_libreoffice.pdf");
  EXPECT_EQ(pseudo.find("Kevin"), std::string::npos) << pseudo;
  EXPECT_NE(pseudo.find("her son, Client 1"), std::string::npos) << pseudo;
}

TEST_F(ReviewPdf, ASquareOverAPictureBurnsItsPixels) {
  REDACT_REQUIRE_TOOL("pdftoppm");
  REDACT_REQUIRE_TOOL("mutool");
  REDACT_REQUIRE_TOOL("tesseract");
  setenv("OMP_THREAD_LIMIT", "1", 1);
  // A scanned notice, not read (--ocr never): its page is one picture.
  // "Joseph" lies in this box: points from the top-left, tesseract 5.3 read
  // it at 149,146-177,156 on a 150-dpi render, padded by 3 pt
  // (ReviewLoop.ABoxOverAPictureBurnsThePixelsUnderIt finds it so).
  const std::string input = kTop + "/samples/scans/notice_g4_200dpi.pdf";
  fs::copy_file(input, dir_ / "scan.pdf");
  const fs::path copy = Review((dir_ / "scan.pdf").string(), dir_ / "review", {"--ocr", "never"});
  EDIT_OR_END(Edit(copy, dir_ / "edited.pdf", {"square|1|145|142|181|159"}));
  auto a = ApplyReviewed((dir_ / "scan.pdf").string(), dir_ / "edited.pdf", dir_ / "out", {"--ocr", "never"});
  ASSERT_EQ(a.exit_code, 0) << a.err;
  EXPECT_NE(a.out.find("1 finding(s) removed, 1 box(es)"), std::string::npos) << a.out;
  // Neither a render nor the image itself (mutool extract) shows the name
  // to tesseract any more; the rest of the notice still reads.
  const testing::OracleReading read =
      testing::ReadWithOracles((dir_ / "out" / "scan.pdf").string(), (dir_ / "oracles").string(), true);
  EXPECT_TRUE(read.problems.empty()) << read.problems.front();
  EXPECT_TRUE(testing::ReadersShowing(read, "joseph").empty()) << read.ocr;
  EXPECT_NE(testing::FoldForReading(read.ocr).find("notice"), std::string::npos) << read.ocr;
}

TEST_F(ReviewPdf, WhatItCannotInterpretIsAnErrorNamingPageAndAnnotationAndNothingIsWritten) {
  const fs::path copy = Review(kOrder, dir_ / "review");
  EDIT_OR_END(Edit(copy, dir_ / "edited.pdf",
                   {"freetext|1|300|700|500|740|also remove Peña's son", "sticky|1|50|50|keep the judge"}));
  auto a = ApplyReviewed(kOrder, dir_ / "edited.pdf", dir_ / "out");
  EXPECT_EQ(a.exit_code, 2) << a.err;
  EXPECT_NE(a.err.find("edited.pdf: 2 mark(s) or change(s) redact cannot interpret; nothing was applied"), std::string::npos)
      << a.err;
  EXPECT_NE(a.err.find("(FreeText): a text box"), std::string::npos) << a.err;
  EXPECT_NE(a.err.find("(Text): a sticky note"), std::string::npos) << a.err;
  EXPECT_NE(a.err.find("page 1, annotation "), std::string::npos) << a.err;
  for (const char* text : {"Peña", "son", "judge"}) EXPECT_EQ(a.err.find(text), std::string::npos) << a.err;
  EXPECT_FALSE(fs::exists(dir_ / "out" / "order_libreoffice.pdf"));
}

TEST_F(ReviewPdf, ARedactionAppliedInTheViewerIsAnErrorNotIgnored) {
  const fs::path copy = Review(kOrder, dir_ / "review");
  const std::string judge = WordBox(kOrder, "Whitfield");
  ASSERT_NE(judge, "");
  // Applied, the mark is gone and only the copy's page lacks the name:
  // there is nothing left to read, so apply must not pass it by.
  EDIT_OR_END(Edit(copy, dir_ / "edited.pdf", {"redact|1|" + judge, "apply-redactions|1"}));
  ASSERT_EQ(PdfText(dir_ / "edited.pdf").find("Whitfield"), std::string::npos);
  auto a = ApplyReviewed(kOrder, dir_ / "edited.pdf", dir_ / "out");
  EXPECT_EQ(a.exit_code, 2) << a.err;
  EXPECT_NE(a.err.find("page 1: its content was changed in the viewer"), std::string::npos) << a.err;
  EXPECT_FALSE(fs::exists(dir_ / "out" / "order_libreoffice.pdf"));
}

TEST_F(ReviewPdf, AReviewCopyOfAnotherInputIsRefused) {
  const fs::path copy = Review(kNotice, dir_ / "review");
  auto a = ApplyReviewed(kOrder, copy, dir_ / "out");
  EXPECT_EQ(a.exit_code, 2) << a.err;
  EXPECT_NE(a.err.find(copy.string() + ": the review PDF was made from another PDF than the input " + kOrder),
            std::string::npos)
      << a.err;
  EXPECT_NE(a.err.find("mark up that review copy, and apply it with --reviewed"), std::string::npos) << a.err;
  EXPECT_FALSE(fs::exists(dir_ / "out" / "order_libreoffice.pdf"));
  // The findings file and the review copy go one at a time.
  auto both = RunCommand({REDACT_BINARY, "apply", kNotice, "--reviewed", copy.string(), "--findings",
                          (dir_ / "review" / "notice_ghostscript.findings.json").string(), "--out",
                          (dir_ / "out").string()});
  EXPECT_EQ(both.exit_code, 2) << both.err;
}

// A batch: `run --reviewed DIR` applies each input's review copy from DIR,
// as marked up in a viewer, the way `apply --reviewed` applies one.
TEST_F(ReviewPdf, RunAppliesAFolderOfReviewCopies) {
  const fs::path order_copy = Review(kOrder, dir_ / "reviewed");
  const fs::path notice_copy = Review(kNotice, dir_ / "reviewed");
  const std::string kevin = WordBox(kOrder, "Kevin");
  ASSERT_NE(kevin, "");
  // The reviewer keeps Kevin in the order, and saves over the copy.
  EDIT_OR_END(Edit(order_copy, dir_ / "edited.pdf", {"delete|1|" + Centre(kevin)}));
  fs::rename(dir_ / "edited.pdf", order_copy);
  auto run = RunCommand({REDACT_BINARY, "run", "--names", kNames, "--progress", "none", "--reviewed",
                         (dir_ / "reviewed").string(), "--out", (dir_ / "job").string(), kOrder, kNotice});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const std::string order = PdfText(dir_ / "job" / "order_libreoffice.pdf");
  EXPECT_NE(order.find("Kevin"), std::string::npos) << order;       // its highlight deleted: kept
  EXPECT_EQ(order.find("Guadalupe"), std::string::npos) << order;   // still highlighted: removed
  const std::string notice = PdfText(dir_ / "job" / "notice_ghostscript.pdf");
  EXPECT_EQ(notice.find("Petrenko"), std::string::npos) << notice;
  EXPECT_NE(notice.find("NOTICE OF CLASS MEMBERSHIP"), std::string::npos) << notice;

  // Findings files and review copies at once are a usage error.
  auto both = RunCommand({REDACT_BINARY, "run", "--names", kNames, "--findings", (dir_ / "reviewed").string(),
                          "--reviewed", (dir_ / "reviewed").string(), "--out", (dir_ / "job3").string(), kOrder});
  EXPECT_EQ(both.exit_code, 2) << both.err;

  // One document's copy made from the other, and one missing: each of
  // those documents fails, saying why; the job says some failed.
  fs::copy_file(notice_copy, order_copy, fs::copy_options::overwrite_existing);
  fs::remove(notice_copy);
  auto refused = RunCommand({REDACT_BINARY, "run", "--names", kNames, "--progress", "json", "--reviewed",
                             (dir_ / "reviewed").string(), "--out", (dir_ / "job2").string(), kOrder, kNotice});
  EXPECT_EQ(refused.exit_code, 6) << refused.out << refused.err;
  EXPECT_NE(refused.out.find("made from another PDF than the input"), std::string::npos) << refused.out;
  EXPECT_NE(refused.out.find("no review copy"), std::string::npos) << refused.out;
  EXPECT_FALSE(fs::exists(dir_ / "job2" / "order_libreoffice.pdf"));
  EXPECT_FALSE(fs::exists(dir_ / "job2" / "notice_ghostscript.pdf"));
}

}  // namespace
}  // namespace redact
