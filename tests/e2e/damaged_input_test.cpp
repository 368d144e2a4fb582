// Files every other reader opens (issue 18), judged by tools no one here
// wrote: a %PDF header after junk bytes, a broken or missing xref table, a
// startxref that points wrong, a trailer /Size too small — each made from a
// sound one-page PDF — must open in extract, scan and apply, say on stderr
// and in the report that the input was repaired, and give an output that
// `qpdf --check` passes and `pdftotext` and `mutool` read with the
// identifier gone. A file qpdf cannot open either fails with one line
// naming it (exit 4). A content stream whose Flate data breaks off (qpdf
// --check reports it) is read up to the break, as poppler reads it; the
// page goes to review and what followed the break is not in the output.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "tests/testing/damaged_pdf.h"
#include "tests/testing/pdf_builder.h"
#include "tests/testing/require_tool.h"
#include "tests/testing/subprocess.h"

namespace redact {
namespace {

namespace fs = std::filesystem;
using testing::PdfBuilder;
using testing::RunCommand;

const std::string kFont = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>";
const std::string kResources = "<< /Font << /F1 " + kFont + " >> >>";
// What every damaged file shows: words to keep, and an A-number to remove.
const std::string kContent = "BT /F1 12 Tf 72 700 Td (Filed under A201-234-567 today) Tj ET";
constexpr const char* kKept = "Filed under";
constexpr const char* kDigits = "201-234-567";

std::string ReadFile(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), {});
}

int Lines(const std::string& s) { return static_cast<int>(std::count(s.begin(), s.end(), '\n')); }

// A fresh folder holding `name`.pdf with `bytes`; returns the file's path.
fs::path Input(const std::string& name, const std::string& bytes) {
  const fs::path dir = fs::temp_directory_path() / ("redact_damaged_input_" + name);
  fs::remove_all(dir);
  fs::create_directories(dir);
  const fs::path in = dir / (name + ".pdf");
  std::ofstream(in, std::ios::binary) << bytes;
  return in;
}

struct Applied {
  testing::CommandResult run;
  fs::path output;
  nlohmann::json report;
};

Applied Apply(const fs::path& in, std::vector<std::string> extra = {}) {
  const fs::path out = in.parent_path() / "out";
  std::vector<std::string> argv{REDACT_BINARY, "apply", "--no-names", "--ocr", "never", "--out", out.string()};
  argv.insert(argv.end(), extra.begin(), extra.end());
  argv.push_back(in.string());
  Applied a;
  a.run = RunCommand(argv);
  a.output = out / in.filename();
  const fs::path report = out / in.filename().replace_extension(".report.json");
  if (fs::exists(report)) a.report = nlohmann::json::parse(ReadFile(report));
  return a;
}

// The output as the oracles read it: passes `qpdf --check` without a
// warning; pdftotext and mutool show `kept`, never the A-number.
void ExpectCleanOutput(const fs::path& output, const std::string& kept) {
  auto check = RunCommand({"qpdf", "--check", output.string()});
  EXPECT_EQ(check.exit_code, 0) << check.out << check.err;
  const std::string poppler = RunCommand({"pdftotext", output.string(), "-"}).out;
  const std::string mupdf = RunCommand({"mutool", "draw", "-F", "txt", "-o", "-", output.string()}).out;
  for (const std::string& text : {poppler, mupdf}) {
    EXPECT_NE(text.find(kept), std::string::npos) << text;
    EXPECT_EQ(text.find(kDigits), std::string::npos) << text;
    EXPECT_EQ(text.find("201234567"), std::string::npos) << text;
  }
}

struct Damage {
  const char* name;
  std::string (*make)(const std::string&);
};

class DamagedInput : public ::testing::TestWithParam<Damage> {};

TEST_P(DamagedInput, OpensAsOtherReadersDoAndSaysItWasRepaired) {
  REDACT_REQUIRE_TOOL("qpdf");
  REDACT_REQUIRE_TOOL("pdftotext");
  REDACT_REQUIRE_TOOL("mutool");
  const fs::path in = Input(GetParam().name, GetParam().make(PdfBuilder::OnePage(kContent, kResources)));
  const std::string before = ReadFile(in);
  // The oracles open it (qpdf perhaps with warnings) and read the words.
  const int qpdf = RunCommand({"qpdf", "--check", in.string()}).exit_code;
  ASSERT_TRUE(qpdf == 0 || qpdf == 3) << "qpdf --check exit " << qpdf;
  ASSERT_NE(RunCommand({"pdftotext", in.string(), "-"}).out.find(kKept), std::string::npos);

  auto extract = RunCommand({REDACT_BINARY, "extract", in.string()});
  ASSERT_EQ(extract.exit_code, 0) << extract.err;
  EXPECT_NE(extract.out.find(kKept), std::string::npos) << extract.out;
  EXPECT_NE(extract.err.find("repaired"), std::string::npos) << extract.err;
  EXPECT_NE(extract.err.find(in.string()), std::string::npos) << extract.err;

  auto scan = RunCommand({REDACT_BINARY, "scan", "--ocr", "never", in.string()});
  ASSERT_EQ(scan.exit_code, 0) << scan.err;
  EXPECT_NE(scan.err.find("repaired"), std::string::npos) << scan.err;

  Applied a = Apply(in);
  ASSERT_EQ(a.run.exit_code, 0) << a.run.err;
  EXPECT_NE(a.run.err.find("repaired"), std::string::npos) << a.run.err;
  ExpectCleanOutput(a.output, kKept);
  ASSERT_TRUE(a.report.contains("input_repaired")) << a.report.dump();
  EXPECT_TRUE(a.report["input_repaired"]["repaired"].get<bool>());
  const std::string reason = a.report["input_repaired"]["reason"];
  EXPECT_FALSE(reason.empty());
  // The reason names what was wrong, never what the document says.
  EXPECT_EQ(reason.find("Filed"), std::string::npos) << reason;
  EXPECT_EQ(reason.find("201"), std::string::npos) << reason;
  EXPECT_EQ(before, ReadFile(in)) << "input modified";
}

std::string CrLfBeforeHeader(const std::string& pdf) { return testing::WithJunkBeforeHeader(pdf, "\r\n"); }
std::string EofLineBeforeHeader(const std::string& pdf) {
  return testing::WithJunkBeforeHeader(pdf, "%%EOF\r\n");
}
std::string JunkBeforeHeader(const std::string& pdf) {
  std::string junk;
  for (int i = 0; i < 20; ++i) junk += "Content-Type: application/octet-stream; x=" + std::to_string(i) + "\n";
  return testing::WithJunkBeforeHeader(pdf, junk.substr(0, 900));
}

INSTANTIATE_TEST_SUITE_P(
    Issue18, DamagedInput,
    ::testing::Values(Damage{"crlf_header", CrLfBeforeHeader}, Damage{"eof_line_header", EofLineBeforeHeader},
                      Damage{"junk_header", JunkBeforeHeader}, Damage{"broken_xref", testing::WithBrokenXref},
                      Damage{"wrong_startxref", testing::WithWrongStartxref},
                      Damage{"wrong_size", testing::WithWrongSize}, Damage{"no_xref", testing::WithoutXref}),
    [](const ::testing::TestParamInfo<Damage>& info) { return std::string(info.param.name); });

TEST(DamagedInputRefused, AFileQpdfCannotOpenEitherFailsWithOneLineNamingIt) {
  REDACT_REQUIRE_TOOL("qpdf");
  const fs::path in = Input("unrepairable", "%PDF-1.4\n%\xE2\xE3\xCF\xD3\nnothing here is an object\n%%EOF\n");
  ASSERT_EQ(RunCommand({"qpdf", "--check", in.string()}).exit_code, 2);
  for (const char* command : {"extract", "scan"}) {
    auto r = RunCommand({REDACT_BINARY, command, in.string()});
    EXPECT_EQ(r.exit_code, 4) << command << ": " << r.err;
    EXPECT_EQ(Lines(r.err), 1) << r.err;
    EXPECT_NE(r.err.find(in.string()), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("cannot open"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("qpdf cannot repair it either"), std::string::npos) << r.err;
  }
  Applied a = Apply(in);
  EXPECT_EQ(a.run.exit_code, 4) << a.run.err;
  EXPECT_FALSE(fs::exists(a.output));
}

TEST(DamagedInputRefused, AnEncryptedDamagedFileNeedsItsPasswordAndOpensWithIt) {
  REDACT_REQUIRE_TOOL("qpdf");
  REDACT_REQUIRE_TOOL("pdftotext");
  REDACT_REQUIRE_TOOL("mutool");
  const fs::path plain = Input("encrypted_damaged", PdfBuilder::OnePage(kContent, kResources));
  const fs::path locked = plain.parent_path() / "locked.pdf";
  auto enc = RunCommand({"qpdf", "--object-streams=disable", "--encrypt", "userpw", "ownerpw", "256", "--",
                         plain.string(), locked.string()});
  ASSERT_EQ(enc.exit_code, 0) << enc.err;
  const fs::path in = plain.parent_path() / "damaged.pdf";
  std::ofstream(in, std::ios::binary) << testing::WithWrongStartxref(ReadFile(locked));
  ASSERT_NE(RunCommand({"qpdf", "--check", "--password=userpw", in.string()}).exit_code, 2);

  auto none = RunCommand({REDACT_BINARY, "extract", in.string()});
  EXPECT_EQ(none.exit_code, 5) << none.err;
  EXPECT_NE(none.err.find("password"), std::string::npos) << none.err;
  auto wrong = RunCommand({REDACT_BINARY, "extract", "--password", "nope", in.string()});
  EXPECT_EQ(wrong.exit_code, 5) << wrong.err;
  EXPECT_NE(wrong.err.find("wrong password"), std::string::npos) << wrong.err;
  auto right = RunCommand({REDACT_BINARY, "extract", "--password", "userpw", in.string()});
  ASSERT_EQ(right.exit_code, 0) << right.err;
  EXPECT_NE(right.out.find(kKept), std::string::npos) << right.out;
  EXPECT_NE(right.err.find("repaired"), std::string::npos) << right.err;

  Applied a = Apply(in, {"--password", "userpw"});
  ASSERT_EQ(a.run.exit_code, 0) << a.run.err;
  ExpectCleanOutput(a.output, kKept);
  EXPECT_TRUE(a.report["input_repaired"]["repaired"].get<bool>());
}

// Page 1 paints two streams: the first's Flate data breaks off inside a
// second text object, the second is sound.
std::string TruncatedFlatePdf() {
  PdfBuilder b;
  const int broken = b.AddStream(
      "/Filter /FlateDecode",
      testing::FlateWithBadTail("BT /F1 12 Tf 72 700 Td (Filed under A201-234-567 before the break) Tj ET\n"
                                "BT /F1 12 Tf 72 650 Td (half a str"));
  const int sound = b.AddStream("", "BT /F1 12 Tf 72 600 Td (Second stream) Tj ET");
  const int contents = b.Add("[" + std::to_string(broken) + " 0 R " + std::to_string(sound) + " 0 R]");
  return b.BuildOnePage(contents, kResources);
}

TEST(TruncatedFlate, ReadUpToTheBreakWithAWarningAndThePageToReview) {
  REDACT_REQUIRE_TOOL("qpdf");
  REDACT_REQUIRE_TOOL("pdftotext");
  REDACT_REQUIRE_TOOL("mutool");
  const fs::path in = Input("truncated_flate", TruncatedFlatePdf());
  // qpdf finds the stream's data damaged; poppler reads up to the break.
  auto check = RunCommand({"qpdf", "--check", in.string()});
  EXPECT_NE(check.exit_code, 0);
  EXPECT_NE((check.out + check.err).find("error decoding stream data"), std::string::npos) << check.out;
  const std::string poppler = RunCommand({"pdftotext", in.string(), "-"}).out;
  ASSERT_NE(poppler.find("before the break"), std::string::npos) << poppler;

  auto extract = RunCommand({REDACT_BINARY, "extract", in.string()});
  ASSERT_EQ(extract.exit_code, 0) << extract.err;
  EXPECT_NE(extract.out.find("before the break"), std::string::npos) << extract.out;
  EXPECT_NE(extract.out.find("Second stream"), std::string::npos) << extract.out;
  EXPECT_NE(extract.err.find("warning"), std::string::npos) << extract.err;
  EXPECT_NE(extract.err.find("page 1"), std::string::npos) << extract.err;
  EXPECT_NE(extract.err.find("breaks off"), std::string::npos) << extract.err;

  auto scan = RunCommand({REDACT_BINARY, "scan", "--ocr", "never", in.string()});
  ASSERT_EQ(scan.exit_code, 0) << scan.err;
  EXPECT_NE(scan.err.find("stream-truncated"), std::string::npos) << scan.err;

  Applied a = Apply(in);
  ASSERT_EQ(a.run.exit_code, 0) << a.run.err;
  EXPECT_NE(a.run.err.find("page 1"), std::string::npos) << a.run.err;
  ExpectCleanOutput(a.output, "before the break");
  const std::string text = RunCommand({"pdftotext", a.output.string(), "-"}).out;
  EXPECT_NE(text.find("Second stream"), std::string::npos) << text;
  EXPECT_EQ(text.find("half a str"), std::string::npos) << text;
  bool listed = false;
  for (const auto& p : a.report["warnings"]["pages_to_review"]) {
    listed |= p["page"] == 1 && p["reason"] == "stream-truncated";
  }
  EXPECT_TRUE(listed) << a.report["warnings"].dump();
  EXPECT_FALSE(a.report["input_repaired"]["repaired"].get<bool>());
}

}  // namespace
}  // namespace redact
