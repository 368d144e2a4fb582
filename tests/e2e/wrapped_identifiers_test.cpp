// Identifiers a line break splits after their own hyphen ("(354) 508-" /
// "9030"), as word processors wrap them: bench/peers.sh's LibreOffice filing
// kept 357 of its 14,000 identifiers readable so, and pdftotext reads them
// whole ("(354) 5089030"). `redact apply` judged by pdftotext and by
// qpdf's decoded bytes: each is gone, counsel and citations stay. Fixture:
// tests/data/wrapped/make_wrapped_pdfs.py.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "tests/testing/require_tool.h"
#include "tests/testing/subprocess.h"

namespace redact {
namespace {

namespace fs = std::filesystem;
using testing::RunCommand;

TEST(WrappedIdentifiers, ANumberWrappedAtItsHyphenIsRemovedWhole) {
  REDACT_REQUIRE_TOOL("pdftotext");
  REDACT_REQUIRE_TOOL("qpdf");
  const fs::path dir = fs::temp_directory_path() / "redact_wrapped_identifiers";
  fs::remove_all(dir);
  const std::string input =
      std::string(REDACT_SOURCE_DIR) + "/tests/data/wrapped/wrapped_identifiers_reportlab.pdf";
  // The input as poppler reads it: the numbers are there, joined.
  const std::string before = RunCommand({"pdftotext", input, "-"}).out;
  ASSERT_NE(before.find("(354) 5089030"), std::string::npos) << before;
  auto r = RunCommand({REDACT_BINARY, "apply", "--out", (dir / "out").string(), input});
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  const fs::path output = dir / "out" / "wrapped_identifiers_reportlab.pdf";
  const std::string text = RunCommand({"pdftotext", output.string(), "-"}).out;
  auto q = RunCommand({"qpdf", "--qdf", "--object-streams=disable", output.string(), (dir / "qdf.pdf").string()});
  ASSERT_TRUE(q.exit_code == 0 || q.exit_code == 3) << q.err;
  const std::string bytes = RunCommand({"cat", (dir / "qdf.pdf").string()}).out;
  for (const char* gone : {"354", "508", "9030", "201", "234-567", "567", "EAC", "900-12345", "12345"}) {
    EXPECT_EQ(text.find(gone), std::string::npos) << gone << "\n" << text;
    EXPECT_EQ(bytes.find(std::string("(") + gone), std::string::npos) << gone;
  }
  for (const char* kept : {"Dana K. Whitfield", "Whitfield & Ortega LLP", "Cardoza-Fonseca, 480 U.S. 421 (1987)",
                           "Matter of Acosta, 19 I&N Dec. 211", "during business hours"}) {
    EXPECT_NE(text.find(kept), std::string::npos) << kept << "\n" << text;
  }
  fs::remove_all(dir);
}

}  // namespace
}  // namespace redact
