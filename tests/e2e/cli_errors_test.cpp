// The CLI's contract for bad input: one line on stderr naming the file and
// the problem, and a distinct exit code per cause.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "tests/testing/subprocess.h"

namespace redact {
namespace {

namespace fs = std::filesystem;
using testing::RunCommand;

const std::string kData = std::string(REDACT_SOURCE_DIR) + "/tests/data";

std::string TempFile(const std::string& name, const std::string& bytes) {
  fs::path p = fs::temp_directory_path() / ("redact_cli_test_" + name);
  std::ofstream(p, std::ios::binary) << bytes;
  return p.string();
}

int Lines(const std::string& s) { return static_cast<int>(std::count(s.begin(), s.end(), '\n')); }

TEST(CliErrors, MissingFile) {
  auto r = RunCommand({REDACT_BINARY, "extract", "/nonexistent/dir/missing.pdf"});
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find("/nonexistent/dir/missing.pdf"), std::string::npos);
  EXPECT_NE(r.err.find("no such file"), std::string::npos);
  EXPECT_EQ(Lines(r.err), 1);
}

TEST(CliErrors, NotAPdf) {
  std::string f = TempFile("text.pdf", "hello, this is plain text\n");
  auto r = RunCommand({REDACT_BINARY, "extract", f});
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find(f), std::string::npos);
  EXPECT_NE(r.err.find("not a PDF"), std::string::npos);
  EXPECT_EQ(Lines(r.err), 1);
}

TEST(CliErrors, DamagedPdf) {
  std::string f = TempFile("damaged.pdf", "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 9 0 R >>\n"
                                          "garbage garbage\n%%EOF\n");
  auto r = RunCommand({REDACT_BINARY, "extract", f});
  EXPECT_EQ(r.exit_code, 4);
  EXPECT_NE(r.err.find(f), std::string::npos);
  EXPECT_EQ(Lines(r.err), 1);
}

TEST(CliErrors, DirectoryIsNotAFile) {
  auto r = RunCommand({REDACT_BINARY, "extract", "/tmp"});
  EXPECT_EQ(r.exit_code, 3);
}

TEST(CliErrors, UsageErrors) {
  EXPECT_EQ(RunCommand({REDACT_BINARY}).exit_code, 2);
  EXPECT_EQ(RunCommand({REDACT_BINARY, "extract"}).exit_code, 2);
  EXPECT_EQ(RunCommand({REDACT_BINARY, "extract", "--format", "xml", "x.pdf"}).exit_code, 2);
  EXPECT_EQ(RunCommand({REDACT_BINARY, "frobnicate"}).exit_code, 2);
}

TEST(CliErrors, HelpListsExitCodes) {
  auto r = RunCommand({REDACT_BINARY, "--help"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("Exit codes"), std::string::npos);
}

class Encrypted : public ::testing::TestWithParam<std::string> {};

TEST_P(Encrypted, NeedsThePasswordAndOpensWithIt) {
  const std::string f = kData + "/encrypted/" + GetParam();
  auto none = RunCommand({REDACT_BINARY, "extract", f});
  EXPECT_EQ(none.exit_code, 5);
  EXPECT_NE(none.err.find(f), std::string::npos);
  EXPECT_NE(none.err.find("password"), std::string::npos);
  auto wrong = RunCommand({REDACT_BINARY, "extract", "--password", "nope", f});
  EXPECT_EQ(wrong.exit_code, 5);
  EXPECT_NE(wrong.err.find("wrong password"), std::string::npos);
  auto right = RunCommand({REDACT_BINARY, "extract", "--password", "s3cret", f});
  EXPECT_EQ(right.exit_code, 0) << right.err;
  EXPECT_NE(right.out.find("Department of Homeland Security"), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(AllMethods, Encrypted,
                         ::testing::Values("rc4_40.pdf", "rc4_128.pdf", "aesv2.pdf", "aesv3.pdf"));

TEST(CliErrors, OwnerPasswordOnlyOpensWithoutPassword) {
  auto r = RunCommand({REDACT_BINARY, "extract", kData + "/encrypted/owner_only.pdf"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("Petrenko"), std::string::npos);
}

TEST(CliErrors, InputIsNotModified) {
  const std::string f = std::string(REDACT_SOURCE_DIR) + "/samples/record_reportlab.pdf";
  auto before = fs::last_write_time(f);
  std::ifstream a(f, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(a)), {});
  ASSERT_EQ(RunCommand({REDACT_BINARY, "extract", "--format", "json", f}).exit_code, 0);
  std::ifstream b(f, std::ios::binary);
  std::string after((std::istreambuf_iterator<char>(b)), {});
  EXPECT_EQ(bytes, after);
  EXPECT_EQ(before, fs::last_write_time(f));
}

}  // namespace
}  // namespace redact
