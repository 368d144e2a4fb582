// Japanese text in a font that is neither embedded nor given a /ToUnicode
// (issue 18): poppler and mutool decode it through Adobe-Japan1's tables
// (poppler-data), and so must redact — before, every glyph was
// undecodable, so a Japanese document's whole text was removed and every
// page sent to a person. The fixtures: tests/testing/cjk_pdfs.h.
// Judged by pdftotext (extraction) and by pdftotext and mutool (the
// output of apply).
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "tests/testing/cjk_pdfs.h"
#include "tests/testing/oracles.h"
#include "tests/testing/require_tool.h"
#include "tests/testing/subprocess.h"

namespace redact {
namespace {

namespace fs = std::filesystem;
using testing::RunCommand;

const std::string kYamada = "山田", kTaro = "太郎", kTitle = "申請書";

fs::path WritePdf(const std::string& name, const std::string& bytes) {
  const fs::path dir = fs::temp_directory_path() / ("redact_cjk_" + name);
  fs::remove_all(dir);
  fs::create_directories(dir / "out");
  const fs::path pdf = dir / (name + ".pdf");
  std::ofstream(pdf, std::ios::binary) << bytes;
  return pdf;
}

// The words of `text`, split at white space (U+0020, tab, newline, form
// feed), so two extractors' layouts compare by their words alone.
std::vector<std::string> Words(const std::string& text) {
  std::vector<std::string> words;
  std::istringstream in(text);
  for (std::string w; in >> w;) words.push_back(w);
  return words;
}

class CjkFonts : public ::testing::TestWithParam<const char*> {};

// `redact extract` reads the words pdftotext reads, none undecodable.
TEST_P(CjkFonts, ExtractReadsWhatPdftotextReads) {
  REDACT_REQUIRE_TOOL("pdftotext");
  const std::string encoding = GetParam();
  const std::string bytes =
      testing::NonEmbeddedJapanesePdf({kTitle, "山田 太郎", "A201234567"}, encoding);
  ASSERT_FALSE(bytes.empty());
  const fs::path pdf = WritePdf("extract_" + encoding, bytes);
  const auto poppler = RunCommand({"pdftotext", pdf.string(), "-"});
  ASSERT_EQ(poppler.exit_code, 0) << poppler.err;
  const auto ours = RunCommand({REDACT_BINARY, "extract", "--format", "json", pdf.string()});
  ASSERT_EQ(ours.exit_code, 0) << ours.err;
  const nlohmann::json j = nlohmann::json::parse(ours.out);
  const std::string text = j["pages"][0]["text"];
  EXPECT_EQ(Words(text), Words(poppler.out))
      << "redact: " << text << "\npdftotext: " << poppler.out;
  EXPECT_EQ(Words(text), (std::vector<std::string>{kTitle, kYamada, kTaro, "A201234567"}));
  EXPECT_EQ(j["pages"][0]["undecodable_glyphs"], 0) << ours.out;
}

INSTANTIATE_TEST_SUITE_P(Encodings, CjkFonts,
                         ::testing::Values("Identity-H", "90ms-RKSJ-H", "UniJIS-UCS2-H"),
                         [](const auto& info) {
                           std::string name = info.param;
                           std::erase(name, '-');
                           return name;
                         });

// A listed Japanese name is removed; the rest of the page stays, and the
// page is not sent to a person as undecodable.
TEST(CjkFontsApply, AListedJapaneseNameIsRemovedAndTheRestStays) {
  REDACT_REQUIRE_TOOL("pdftotext");
  REDACT_REQUIRE_TOOL("mutool");
  REDACT_REQUIRE_TOOL("qpdf");
  const fs::path pdf =
      WritePdf("apply", testing::NonEmbeddedJapanesePdf({kTitle, "山田 太郎"}, "Identity-H"));
  const fs::path dir = pdf.parent_path();
  std::ofstream(dir / "names.csv") << "id,name\nP1,山田 太郎\n";
  const auto r = RunCommand({REDACT_BINARY, "apply", "--names", (dir / "names.csv").string(),
                             "--out", (dir / "out").string(), pdf.string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err.find(kYamada), std::string::npos) << "a message names the value: " << r.err;
  const testing::OracleReading reading = testing::ReadWithOracles(
      (dir / "out" / "apply.pdf").string(), (dir / "oracle").string(), false);
  EXPECT_TRUE(reading.problems.empty()) << reading.problems[0];
  EXPECT_TRUE(testing::ReadersShowing(reading, kYamada).empty());
  EXPECT_TRUE(testing::ReadersShowing(reading, kTaro).empty());
  EXPECT_NE(reading.pdftotext.find(kTitle), std::string::npos)
      << "public text was removed too: " << reading.pdftotext;
  EXPECT_NE(reading.mutool.find(kTitle), std::string::npos) << reading.mutool;

  std::ifstream in(dir / "out" / "apply.report.json");
  const nlohmann::json report = nlohmann::json::parse(in, nullptr, false);
  ASSERT_FALSE(report.is_discarded());
  EXPECT_EQ(report.dump().find("undecodable-text-removed"), std::string::npos) << report.dump();
  EXPECT_EQ(report["removed"]["undecodable_glyphs"], 0) << report.dump();
}

// Japanese runs a name into the words around it: a listed "山田 太郎"
// written "申請書山田太郎" was left whole, and so was "山田" alone on a later
// line. Both go; the words around them stay.
TEST(CjkFontsApply, ANameWithoutSpacesAndItsSurnameAloneAreRemoved) {
  REDACT_REQUIRE_TOOL("pdftotext");
  REDACT_REQUIRE_TOOL("mutool");
  REDACT_REQUIRE_TOOL("qpdf");
  const fs::path pdf = WritePdf("run_together", testing::NonEmbeddedJapanesePdf(
                                                    {kTitle + kYamada + kTaro, kYamada + " " + kTitle}, "Identity-H"));
  const fs::path dir = pdf.parent_path();
  std::ofstream(dir / "names.csv") << "id,name\nP1,山田 太郎\n";
  const auto r = RunCommand({REDACT_BINARY, "apply", "--names", (dir / "names.csv").string(), "--out",
                             (dir / "out").string(), pdf.string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const testing::OracleReading reading = testing::ReadWithOracles(
      (dir / "out" / "run_together.pdf").string(), (dir / "oracle").string(), false);
  EXPECT_TRUE(reading.problems.empty()) << reading.problems[0];
  EXPECT_TRUE(testing::ReadersShowing(reading, kYamada).empty()) << reading.pdftotext;
  EXPECT_TRUE(testing::ReadersShowing(reading, kTaro).empty()) << reading.pdftotext;
  const std::vector<std::string> words = Words(reading.pdftotext);
  EXPECT_EQ(std::count(words.begin(), words.end(), kTitle), 2) << reading.pdftotext;
}

// Without poppler-data's tables the text stays undecodable, as before:
// removed whole, the page sent to a person (fail closed).
TEST(CjkFontsApply, WithoutTheTablesTheTextIsRemovedAsUndecodable) {
  REDACT_REQUIRE_TOOL("pdftotext");
  const fs::path pdf =
      WritePdf("no_tables", testing::NonEmbeddedJapanesePdf({kTitle, "山田 太郎"}, "Identity-H"));
  const fs::path dir = pdf.parent_path();
  std::ofstream(dir / "names.csv") << "id,name\nP1,山田 太郎\n";
  const auto r = RunCommand({"env", "REDACT_POPPLER_DATA=" + (dir / "none").string(), REDACT_BINARY,
                             "apply", "--names", (dir / "names.csv").string(), "--out",
                             (dir / "out").string(), pdf.string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto text = RunCommand({"pdftotext", (dir / "out" / "no_tables.pdf").string(), "-"});
  EXPECT_EQ(text.out.find(kYamada), std::string::npos);
  EXPECT_EQ(text.out.find(kTitle), std::string::npos);
  std::ifstream in(dir / "out" / "no_tables.report.json");
  const nlohmann::json report = nlohmann::json::parse(in, nullptr, false);
  EXPECT_NE(report.dump().find("undecodable-text-removed"), std::string::npos) << report.dump();
}

}  // namespace
}  // namespace redact
