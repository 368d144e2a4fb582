// The names list as it reaches the CLI: a list saved in Latin-1 still
// removes the person from the filed PDF (judged by pdftotext) and says how
// it was read; runs without a list say they are weaker.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "tests/testing/pdf_builder.h"
#include "tests/testing/require_tool.h"
#include "tests/testing/subprocess.h"

namespace redact {
namespace {

namespace fs = std::filesystem;
using testing::PdfBuilder;
using testing::RunCommand;

const std::string kFont = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>";
const char kNoNamesWarning[] = "no --names list";

fs::path Folder(const std::string& name) {
  const fs::path dir = fs::temp_directory_path() / ("redact_names_list_" + name);
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

// A one-page PDF saying `text` (WinAnsi bytes) in Helvetica.
fs::path WritePdf(const fs::path& dir, const std::string& text) {
  const fs::path pdf = dir / "notes.pdf";
  std::ofstream(pdf, std::ios::binary)
      << PdfBuilder::OnePage("BT /F1 12 Tf 72 700 Td (" + text + ") Tj ET", "<< /Font << /F1 " + kFont + " >> >>");
  return pdf;
}

bool Has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

TEST(NamesList, Latin1ListRemovesTheNameAndSaysHowItWasRead) {
  REDACT_REQUIRE_TOOL("pdftotext");
  const fs::path dir = Folder("latin1");
  // No cue before the name: only the list can find it. WinAnsi \xE9 \xF1
  // are é and ñ.
  const fs::path pdf = WritePdf(dir, "Hearing notes for Jos\xE9 Pe\xF1" "a Ortiz, set for March.");
  ASSERT_TRUE(Has(RunCommand({"pdftotext", pdf.string(), "-"}).out, "Pe\xC3\xB1" "a Ortiz"));
  // The list as Excel on Windows saves "CSV": Windows-1252 bytes.
  std::ofstream(dir / "names.csv", std::ios::binary) << "id,first,last\nCM-2,Jos\xE9,Pe\xF1" "a Ortiz\n";
  auto r = RunCommand({REDACT_BINARY, "apply", "--names", (dir / "names.csv").string(), "--out",
                       (dir / "out").string(), pdf.string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string text = RunCommand({"pdftotext", (dir / "out" / "notes.pdf").string(), "-"}).out;
  EXPECT_FALSE(Has(text, "Ortiz")) << text;
  EXPECT_FALSE(Has(text, "Pe\xC3\xB1" "a")) << text;
  EXPECT_TRUE(Has(text, "Hearing notes for")) << text;
  EXPECT_TRUE(Has(r.err, "redact: " + (dir / "names.csv").string() + ":2: not UTF-8")) << r.err;
  EXPECT_TRUE(Has(r.err, "Windows-1252")) << r.err;
  EXPECT_FALSE(Has(r.err, "Ortiz")) << r.err;
}

TEST(NamesList, ABrokenListStopsTheRunNamingTheLine) {
  const fs::path dir = Folder("broken");
  const fs::path pdf = WritePdf(dir, "Hearing notes.");
  std::ofstream(dir / "names.csv", std::ios::binary) << "name;id\nAna Ruiz;1\n\"Luis Vega;2\n";
  auto r = RunCommand({REDACT_BINARY, "apply", "--names", (dir / "names.csv").string(), "--out",
                       (dir / "out").string(), pdf.string()});
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_TRUE(Has(r.err, (dir / "names.csv").string() + ":3: a quote opened here is never closed")) << r.err;
  EXPECT_FALSE(fs::exists(dir / "out" / "notes.pdf"));
}

// Without --names only cued names are found: apply, run and review say so
// once, unless --no-names says the user knows.
TEST(NamesList, RunsWithoutAListWarn) {
  const fs::path dir = Folder("no_names");
  const fs::path pdf = WritePdf(dir, "Hearing notes.");
  std::ofstream(dir / "names.csv") << "name\nAna Ruiz\n";
  const std::string names = (dir / "names.csv").string();
  auto apply = [&](std::vector<std::string> extra) {
    std::vector<std::string> argv = {REDACT_BINARY, "apply", "--out", (dir / "out").string(), pdf.string()};
    argv.insert(argv.end(), extra.begin(), extra.end());
    return RunCommand(argv);
  };
  auto bare = apply({});
  EXPECT_EQ(bare.exit_code, 0) << bare.err;
  EXPECT_TRUE(Has(bare.err, kNoNamesWarning)) << bare.err;
  EXPECT_TRUE(Has(bare.err, "--no-names")) << bare.err;
  EXPECT_EQ(bare.err.find(kNoNamesWarning), bare.err.rfind(kNoNamesWarning)) << "once: " << bare.err;
  auto listed = apply({"--names", names});
  EXPECT_EQ(listed.exit_code, 0) << listed.err;
  EXPECT_FALSE(Has(listed.err, kNoNamesWarning)) << listed.err;
  auto silenced = apply({"--no-names"});
  EXPECT_EQ(silenced.exit_code, 0) << silenced.err;
  EXPECT_FALSE(Has(silenced.err, kNoNamesWarning)) << silenced.err;
  auto both = apply({"--names", names, "--no-names"});
  EXPECT_EQ(both.exit_code, 2) << both.err;
  EXPECT_TRUE(Has(both.err, "--no-names")) << both.err;

  auto review = RunCommand({REDACT_BINARY, "review", "--out", (dir / "review").string(), pdf.string()});
  EXPECT_EQ(review.exit_code, 0) << review.err;
  EXPECT_TRUE(Has(review.err, kNoNamesWarning)) << review.err;
  auto review_silenced =
      RunCommand({REDACT_BINARY, "review", "--no-names", "--out", (dir / "review").string(), pdf.string()});
  EXPECT_EQ(review_silenced.exit_code, 0) << review_silenced.err;
  EXPECT_FALSE(Has(review_silenced.err, kNoNamesWarning)) << review_silenced.err;

  fs::create_directories(dir / "in");
  fs::copy_file(pdf, dir / "in" / "notes.pdf");
  auto run = RunCommand({REDACT_BINARY, "run", "--progress", "none", "--out", (dir / "job").string(),
                         (dir / "in").string()});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_TRUE(Has(run.err, kNoNamesWarning)) << run.err;
  EXPECT_EQ(run.err.find(kNoNamesWarning), run.err.rfind(kNoNamesWarning)) << "once: " << run.err;
  auto run_silenced = RunCommand({REDACT_BINARY, "run", "--no-names", "--progress", "none", "--out",
                                  (dir / "job2").string(), (dir / "in").string()});
  EXPECT_EQ(run_silenced.exit_code, 0) << run_silenced.err;
  EXPECT_FALSE(Has(run_silenced.err, kNoNamesWarning)) << run_silenced.err;

  // Commands that only read do not warn.
  auto scan = RunCommand({REDACT_BINARY, "scan", pdf.string()});
  EXPECT_EQ(scan.exit_code, 0) << scan.err;
  EXPECT_FALSE(Has(scan.err, kNoNamesWarning)) << scan.err;
  auto verify = RunCommand({REDACT_BINARY, "verify", "--original", pdf.string(), (dir / "out" / "notes.pdf").string()});
  EXPECT_FALSE(Has(verify.err, kNoNamesWarning)) << verify.err;
}

// `redact names compile` builds the list's index once (private); apply
// reuses it; an edited list (same size) is not served by the old index, and
// a damaged index is rebuilt with a warning that names no one.
TEST(NamesList, CompiledIndexIsReusedNeverStaleAndRebuiltWhenDamaged) {
  REDACT_REQUIRE_TOOL("pdftotext");
  const fs::path dir = Folder("compiled");
  const fs::path pdf = WritePdf(dir, "Hearing notes for Oksana Petrenko and Oksana Petrenka, set for March.");
  const std::string names = (dir / "names.csv").string();
  const std::string cache = "REDACT_NAMES_CACHE=" + (dir / "cache").string();
  std::ofstream(names, std::ios::binary) << "first,last\nOksana,Petrenko\n";
  auto compile = RunCommand({"env", cache, REDACT_BINARY, "names", "compile", names});
  ASSERT_EQ(compile.exit_code, 0) << compile.err;
  EXPECT_TRUE(Has(compile.out, (dir / "cache").string() + "/")) << compile.out;
  EXPECT_TRUE(Has(compile.out, "1 people")) << compile.out;
  EXPECT_FALSE(Has(compile.out, "already compiled")) << compile.out;
  auto again = RunCommand({"env", cache, REDACT_BINARY, "names", "compile", names});
  EXPECT_TRUE(Has(again.out, "already compiled")) << again.out;
  auto apply = [&] {
    auto r = RunCommand({"env", cache, REDACT_BINARY, "apply", "--names", names, "--out", (dir / "out").string(),
                         pdf.string()});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return std::pair(r.err, RunCommand({"pdftotext", (dir / "out" / "notes.pdf").string(), "-"}).out);
  };
  auto [err, text] = apply();
  EXPECT_FALSE(Has(text, "Petrenko")) << text;
  EXPECT_TRUE(Has(text, "Petrenka")) << text;
  // The list edited, its size unchanged: the old index is not used.
  std::ofstream(names, std::ios::binary | std::ios::trunc) << "first,last\nOksana,Petrenka\n";
  std::tie(err, text) = apply();
  EXPECT_TRUE(Has(text, "Petrenko")) << text;
  EXPECT_FALSE(Has(text, "Petrenka")) << text;
  // Every index damaged: rebuilt, and said.
  for (const auto& e : fs::directory_iterator(dir / "cache")) {
    std::fstream f(e.path(), std::ios::in | std::ios::out | std::ios::binary);
    const auto at = static_cast<std::streamoff>(fs::file_size(e.path()) / 2);
    f.seekg(at);
    const char c = static_cast<char>(f.get());
    f.seekp(at);
    f.put(static_cast<char>(c ^ 0x5A));
  }
  std::tie(err, text) = apply();
  EXPECT_FALSE(Has(text, "Petrenka")) << text;
  EXPECT_TRUE(Has(err, "the compiled names index is damaged")) << err;
  EXPECT_TRUE(Has(err, "rebuilt from the list")) << err;
  EXPECT_FALSE(Has(err, "Petrenk")) << err;
}

}  // namespace
}  // namespace redact
