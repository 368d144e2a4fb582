// The structure check every output passes: the checks of `qpdf --check`,
// run in-process with the pages' content shared between readers. Judged by
// the qpdf program itself, on qpdf's own damaged files and on files made
// here with a broken page in each reader's share.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "pdf/qpdf_bridge.h"
#include "pdf/qpdf_calls.h"
#include "tests/testing/pdf_builder.h"
#include "tests/testing/require_tool.h"
#include "tests/testing/subprocess.h"

namespace redact {
namespace {

namespace fs = std::filesystem;

// Pages 1..n, each its own content stream; page `broken` (1-based) holds
// content no reader can parse (a dictionary never closed).
std::string PagesWithOneBroken(int n, int broken) {
  testing::PdfBuilder b;
  const int font = b.Add(testing::Helvetica());
  const int pages = b.Reserve();
  std::string kids;
  for (int p = 1; p <= n; ++p) {
    const std::string content = p == broken ? "BT /F1 12 Tf 72 700 Td << /A (x) Tj ET"
                                            : "BT /F1 12 Tf 72 700 Td (page " + std::to_string(p) + ") Tj ET";
    const int c = b.AddStream("", content);
    const int page = b.Add("<< /Type /Page /Parent " + std::to_string(pages) + " 0 R /MediaBox [0 0 612 792] " +
                           "/Resources << /Font << /F1 " + std::to_string(font) + " 0 R >> >> /Contents " +
                           std::to_string(c) + " 0 R >>");
    kids += std::to_string(page) + " 0 R ";
  }
  b.Set(pages, "<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(n) + " >>");
  return b.Build(b.Add("<< /Type /Catalog /Pages " + std::to_string(pages) + " 0 R >>"));
}

fs::path Write(const std::string& name, const std::string& bytes) {
  const fs::path dir = fs::temp_directory_path() / "redact_qpdf_check";
  fs::create_directories(dir);
  std::ofstream(dir / name, std::ios::binary) << bytes;
  return dir / name;
}

// A page whose content fails to parse fails the check whichever reader
// parses it: with two readers, pages 2 and 4 are the second reader's.
TEST(QpdfCheck, ABrokenPageFailsInEitherReadersShare) {
  for (int broken : {0, 1, 2, 3, 4}) {
    const fs::path file = Write("pages" + std::to_string(broken) + ".pdf", PagesWithOneBroken(4, broken));
    for (size_t readers : {1, 2, 3}) {
      const pdf::qpdf_calls::Check c = pdf::qpdf_calls::RunCheck(file.string(), readers);
      if (broken == 0) {
        EXPECT_EQ(c.exit_code, 0) << readers << " readers: " << c.err;
      } else {
        // What `qpdf --check` says of it: a warning (exit 3) naming the
        // page's content stream (object 2p+1 here).
        EXPECT_EQ(c.exit_code, 3) << "page " << broken << ", " << readers << " readers";
        EXPECT_NE(c.err.find("stream " + std::to_string(2 * broken + 1) + " 0 (content"), std::string::npos)
            << c.err;
      }
    }
  }
}

// On qpdf's own damaged files and the samples, the verdict (sound, errors,
// warnings) is the qpdf program's, for any number of readers.
TEST(QpdfCheck, TheVerdictIsThatOfQpdfCheck) {
  REDACT_REQUIRE_TOOL("qpdf");
  std::vector<fs::path> files;
  const fs::path top = REDACT_SOURCE_DIR;
  for (const char* dir : {"tests/data/external/qpdf-damaged/qpdf-qtest", "samples"}) {
    for (const auto& e : fs::directory_iterator(top / dir)) {
      if (e.path().extension() == ".pdf") files.push_back(e.path());
    }
  }
  ASSERT_GT(files.size(), 50u);
  int sound = 0, failing = 0;
  for (const fs::path& f : files) {
    const int expected = testing::RunCommand({"qpdf", "--check", f.string()}).exit_code;
    for (size_t readers : {1, 2}) {
      EXPECT_EQ(pdf::qpdf_calls::RunCheck(f.string(), readers).exit_code, expected)
          << f.filename() << " with " << readers << " readers";
    }
    (expected == 0 ? sound : failing)++;
  }
  // Both kinds are there to agree on.
  EXPECT_GT(sound, 5);
  EXPECT_GT(failing, 20);
}

TEST(QpdfCheck, CheckStructureNamesTheContentAndTheDocument) {
  const fs::path file = Write("broken2.pdf", PagesWithOneBroken(3, 2));
  const Status s = pdf::CheckStructure(file.string(), "filing.pdf");
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("filing.pdf"), std::string::npos) << s.message();
  EXPECT_NE(s.message().find("stream 5 0 (content"), std::string::npos) << s.message();  // page 2's
  EXPECT_EQ(s.message().find(file.string()), std::string::npos) << s.message();
  EXPECT_TRUE(pdf::CheckStructure(Write("sound.pdf", PagesWithOneBroken(3, 0)).string(), "x.pdf").ok());
}

}  // namespace
}  // namespace redact
