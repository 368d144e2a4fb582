// Bad redactions already in the input (issue 18): a black box drawn over
// live text, hatched boxes over names, a picture laid over a name. Before:
// `scan`, `apply` and `verify` said nothing and the text stayed
// extractable in the output (x-ray's own test sentence among it). Now the
// covered text is a finding of its own ("covered"): scan shows it, apply
// removes it (the author meant it hidden) and names the page in the
// report, and verify reports live text under a box in any output. Judged
// by pdftotext, mutool and qpdf's decoded bytes (tests/testing/oracles.h).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "tests/testing/oracles.h"
#include "tests/testing/pdf_builder.h"
#include "tests/testing/require_tool.h"
#include "tests/testing/subprocess.h"

namespace redact {
namespace {

namespace fs = std::filesystem;
using testing::PdfBuilder;
using testing::RunCommand;

// Helvetica 12 pt; x positions from its widths.
std::string BadRedactionsPdf() {
  std::string hatch = "0 G 0.5 w";
  for (const auto& [x0, x1] : {std::pair{138, 214}, std::pair{236, 330}}) {
    hatch += " " + std::to_string(x0) + " 626 m " + std::to_string(x1) + " 626 l " + std::to_string(x1) + " 640 l " +
             std::to_string(x0) + " 640 l h";
    for (int x = x0; x < x1; x += 6) hatch += " " + std::to_string(x) + " 626 m " + std::to_string(x + 6) + " 640 l";
    hatch += " S";  // one hatched box per path
  }
  const std::string content =
      "BT /F1 12 Tf 72 700 Td (Declaration of the applicant) Tj ET\n"
      "BT /F1 12 Tf 72 670 Td (She answered Yes, but did not disclose all relevant medical history) Tj ET\n"
      "0 g 70 666 400 14 re f\n"
      "BT /F1 12 Tf 72 630 Td (Witnesses: Tomas Ibarra and Lucia Fernandez) Tj ET\n" +
      hatch + "\n"
      "BT /F1 12 Tf 72 600 Td (Photo of Rosa Delgado attached) Tj ET\n"
      "q 80 0 0 14 118 596 cm /Im1 Do Q\n";
  PdfBuilder b;
  const int image = b.AddStream("/Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray "
                                "/BitsPerComponent 8",
                                std::string("\x40\x40\x40\x40", 4));
  const int contents = b.AddStream("", content);
  return b.BuildOnePage(contents, "<< /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding "
                                  "/WinAnsiEncoding >> >> /XObject << /Im1 " +
                                      std::to_string(image) + " 0 R >> >>");
}

struct Case {
  fs::path dir, pdf, names;
};

// Each test its own folder: ctest runs them side by side.
Case Write(const std::string& test) {
  Case c;
  c.dir = fs::temp_directory_path() / ("redact_bad_redactions_" + test);
  fs::remove_all(c.dir);
  fs::create_directories(c.dir);
  c.pdf = c.dir / "filing.pdf";
  std::ofstream(c.pdf, std::ios::binary) << BadRedactionsPdf();
  c.names = c.dir / "names.csv";
  std::ofstream(c.names) << "id,name,a_number\nP1,Maria Hernandez,A201234567\n";
  return c;
}

const char* const kHidden[] = {"disclose", "medical history", "Ibarra", "Fernandez", "Delgado"};

TEST(BadRedactions, ScanShowsTextUnderBoxesAsCovered) {
  const Case c = Write("scan");
  auto r = RunCommand({REDACT_BINARY, "scan", "--format", "json", "--names", c.names.string(), c.pdf.string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const nlohmann::json j = nlohmann::json::parse(r.out);
  std::string covered;
  for (const auto& f : j["documents"][0]["findings"]) {
    if (f["category"] == "covered") {
      EXPECT_EQ(f["page"], 1);
      covered += f["value"].get<std::string>() + "|";
    }
  }
  for (const char* v : kHidden) EXPECT_NE(covered.find(v), std::string::npos) << v << " in " << covered;
  EXPECT_EQ(covered.find("Declaration"), std::string::npos) << covered;
  EXPECT_EQ(covered.find("Witnesses"), std::string::npos) << covered;
}

TEST(BadRedactions, ApplyRemovesTheCoveredTextAndKeepsTheRest) {
  REDACT_REQUIRE_TOOL("pdftotext");
  REDACT_REQUIRE_TOOL("mutool");
  REDACT_REQUIRE_TOOL("qpdf");
  const Case c = Write("apply");
  auto r = RunCommand({REDACT_BINARY, "apply", "--names", c.names.string(), "--out", (c.dir / "out").string(),
                       c.pdf.string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const testing::OracleReading reading =
      testing::ReadWithOracles((c.dir / "out" / "filing.pdf").string(), (c.dir / "oracle").string(), false);
  for (const char* v : kHidden) EXPECT_TRUE(testing::ReadersShowing(reading, v).empty()) << v;
  for (const char* v : {"Declaration of the applicant", "Witnesses", "attached", "Photo of"}) {
    EXPECT_FALSE(testing::ReadersShowing(reading, v).empty()) << v << " was removed too";
  }
  std::ifstream in(c.dir / "out" / "filing.report.json");
  const nlohmann::json report = nlohmann::json::parse(in);
  int covered = 0;
  for (const auto& f : report["findings"]) covered += f["category"] == "covered" && f["page"] == 1;
  EXPECT_GE(covered, 4) << report["findings"].dump();
}

TEST(BadRedactions, VerifyReportsLiveTextUnderABoxInAnyOutput) {
  const Case c = Write("verify");
  auto r = RunCommand({REDACT_BINARY, "verify", "--format", "json", "--names", c.names.string(), c.pdf.string()});
  EXPECT_EQ(r.exit_code, 7) << r.out << r.err;
  const nlohmann::json j = nlohmann::json::parse(r.out, nullptr, false);
  ASSERT_FALSE(j.is_discarded()) << r.out;
  bool reported = false;
  for (const auto& l : j["documents"][0]["leaks"]) reported = reported || l["category"] == "covered";
  EXPECT_TRUE(reported) << r.out;
  EXPECT_EQ(r.out.find("Ibarra"), std::string::npos) << "a message names a value";
  EXPECT_EQ(r.err.find("Ibarra"), std::string::npos) << "a message names a value";
}

}  // namespace
}  // namespace redact
