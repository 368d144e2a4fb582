// Court paper end to end (issue 18): pleading paper, whose line-number
// column sits between a name's first part and its wrapped surname
// ("Patrick H." / "5 Peluso"), and a deposition transcript whose court
// reporter spaced words with middle dots ("·CRYSTAL LONG,·"). `redact
// apply --names` judged by `pdftotext` (poppler): the name goes, the line
// numbers and the dots stay; `redact verify` reports a name left after a
// line number. Fixtures: tests/data/pleading/make_pleading_pdfs.py.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "tests/testing/require_tool.h"
#include "tests/testing/subprocess.h"

namespace redact {
namespace {

namespace fs = std::filesystem;
using testing::RunCommand;

const std::string kData = std::string(REDACT_SOURCE_DIR) + "/tests/data/pleading/";

bool Has(const std::string& text, const std::string& what) { return text.find(what) != std::string::npos; }

class PleadingE2e : public ::testing::Test {
 protected:
  void SetUp() override {
    REDACT_REQUIRE_TOOL("pdftotext");
    dir_ = fs::temp_directory_path() /
           ("redact_pleading_" + std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    std::ofstream(dir_ / "names.csv") << "id,first,last\nP-1,Patrick,Peluso\nP-2,Crystal,Long\n";
  }

  // `redact apply --names` on the fixture; pdftotext's reading of the output.
  std::string AppliedText(const std::string& fixture) {
    auto r = RunCommand({REDACT_BINARY, "apply", "--names", (dir_ / "names.csv").string(), "--out",
                         (dir_ / "out").string(), kData + fixture});
    EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
    return RunCommand({"pdftotext", (dir_ / "out" / fixture).string(), "-"}).out;
  }

  fs::path dir_;
};

// Every number 1..`last` stands on a line of its own in pdftotext's reading
// (pdftotext sets the column apart), with the dots a reporter set round it.
bool HasLineNumbers(const std::string& text, int last) {
  for (int n = 1; n <= last; ++n) {
    if (!Has("\n" + text, "\n" + std::to_string(n) + "\n")) return false;
  }
  return true;
}

TEST_F(PleadingE2e, ANameWrappedRoundALineNumberGoesAndTheNumbersStay) {
  // The input as poppler reads it: the name is there, on lines 4 and 5.
  const std::string input = RunCommand({"pdftotext", kData + "pleading_paper_reportlab.pdf", "-"}).out;
  ASSERT_TRUE(Has(input, "Patrick H.") && Has(input, "Peluso (")) << input;
  const std::string text = AppliedText("pleading_paper_reportlab.pdf");
  for (const char* gone : {"Patrick", "Peluso"}) EXPECT_FALSE(Has(text, gone)) << gone << "\n" << text;
  EXPECT_TRUE(HasLineNumbers(text, 28)) << text;
  for (const char* kept : {"This complaint is brought through counsel on behalf of", "resides in San Diego County",
                           "answered each request for evidence", "COMPLAINT FOR WRIT OF MANDAMUS"}) {
    EXPECT_TRUE(Has(text, kept)) << kept << "\n" << text;
  }
}

TEST_F(PleadingE2e, VerifyReportsANameLeftRoundALineNumber) {
  // An output made under a policy that keeps names keeps this one; verify
  // (default policy) must read it across the line number: a leak.
  std::ofstream(dir_ / "keep_names.toml") << "[categories]\nname = \"keep\"\n";
  auto a = RunCommand({REDACT_BINARY, "apply", "--names", (dir_ / "names.csv").string(), "--policy",
                       (dir_ / "keep_names.toml").string(), "--out", (dir_ / "kept").string(),
                       kData + "pleading_paper_reportlab.pdf"});
  ASSERT_EQ(a.exit_code, 0) << a.out << a.err;
  const fs::path output = dir_ / "kept" / "pleading_paper_reportlab.pdf";
  const std::string left = RunCommand({"pdftotext", output.string(), "-"}).out;
  ASSERT_TRUE(Has(left, "Patrick H.") && Has(left, "Peluso")) << left;
  auto v = RunCommand({REDACT_BINARY, "verify", "--format", "json", "--ocr", "never", "--names",
                       (dir_ / "names.csv").string(), output.string()});
  EXPECT_EQ(v.exit_code, 7) << v.out << v.err;
  const nlohmann::json j = nlohmann::json::parse(v.out, nullptr, false);
  ASSERT_FALSE(j.is_discarded()) << v.out;
  bool named = false;
  for (const auto& l : j["documents"][0]["leaks"]) named = named || l["category"] == "name";
  EXPECT_TRUE(named) << v.out;
  EXPECT_FALSE(Has(v.out + v.err, "Peluso")) << "a message names a value";
}

TEST_F(PleadingE2e, ExtractShowsTheLineNumberColumn) {
  auto r = RunCommand({REDACT_BINARY, "extract", "--format", "json", kData + "pleading_paper_reportlab.pdf"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const nlohmann::json j = nlohmann::json::parse(r.out, nullptr, false);
  ASSERT_FALSE(j.is_discarded());
  const nlohmann::json& numbers = j["pages"][0]["layout"]["line_numbers"];
  ASSERT_EQ(numbers.size(), 28u) << numbers;
  EXPECT_EQ(numbers[0]["text"], "1");
  EXPECT_EQ(numbers[27]["text"], "28");
}

TEST_F(PleadingE2e, AReportersMiddleDotsSeparateANameAndStay) {
  const std::string input = RunCommand({"pdftotext", kData + "transcript_reportlab.pdf", "-"}).out;
  ASSERT_TRUE(Has(input, "is\xC2\xB7" "CRYSTAL LONG,\xC2\xB7" "is")) << input;
  const std::string text = AppliedText("transcript_reportlab.pdf");
  for (const char* gone : {"CRYSTAL", "LONG"}) EXPECT_FALSE(Has(text, gone)) << gone << "\n" << text;
  // The question round the name, its dots included, and everything else.
  for (const char* kept : {"Q.\xC2\xB7 \xC2\xB7" "And your name is\xC2\xB7", ",\xC2\xB7" "is that right?",
                           "In Tucson, with my aunt.", "When did you arrive in the United States?",
                           "DEPOSITION OF THE WITNESS", "Page 4"}) {
    EXPECT_TRUE(Has(text, kept)) << kept << "\n" << text;
  }
  EXPECT_TRUE(HasLineNumbers(text, 25)) << text;
}

}  // namespace
}  // namespace redact
