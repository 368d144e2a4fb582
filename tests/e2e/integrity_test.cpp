// Never report success that did not happen: outputs that cannot be written
// fail with their own exit code and leave nothing under the output's name.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <vector>
#include <cstdio>

#include "tests/testing/require_tool.h"
#include "tests/testing/subprocess.h"

namespace redact {
namespace {

namespace fs = std::filesystem;
using testing::RunCommand;

const std::string kSamples = std::string(REDACT_SOURCE_DIR) + "/samples";

fs::path FreshDir(const std::string& name) {
  const fs::path dir = fs::temp_directory_path() / ("redact_integrity_" + name);
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

// With writes failing part way (a 20 KiB file size limit; a full disk does
// the same), apply once left a truncated PDF under the final name, said
// "finding(s) removed" and exited 0.
TEST(Integrity, AWriteThatFailsLeavesNothingAndSaysSo) {
  const fs::path out = FreshDir("ulimit");
  const std::string command = "ulimit -f 20; exec \"$0\" apply --names \"$1\" --out \"$2\" \"$3\"";
  auto r = RunCommand({"/bin/sh", "-c", command, REDACT_BINARY, kSamples + "/names.csv", out.string(),
                       kSamples + "/declaracion_pdflatex.pdf"});
  EXPECT_EQ(r.exit_code, 8) << r.out << r.err;
  EXPECT_EQ(r.out.find("removed"), std::string::npos) << r.out;
  EXPECT_NE(r.err.find("declaracion_pdflatex.pdf"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("write failed"), std::string::npos) << r.err;
  for (const auto& e : fs::directory_iterator(out)) ADD_FAILURE() << "left behind: " << e.path().filename();
  fs::remove_all(out);
}

// `run` does not journal a document whose output could not be written, so
// a resume does it again instead of skipping it.
TEST(Integrity, RunDoesNotRecordAFailedWriteAsDone) {
  const fs::path dir = FreshDir("run");
  const fs::path in = dir / "in", out = dir / "out";
  fs::create_directories(in);
  fs::copy_file(kSamples + "/declaracion_pdflatex.pdf", in / "declaracion.pdf");
  const std::string command =
      "ulimit -f 20; exec \"$0\" run --names \"$1\" --out \"$2\" --progress none \"$3\"";
  auto r = RunCommand({"/bin/sh", "-c", command, REDACT_BINARY, kSamples + "/names.csv", out.string(), in.string()});
  EXPECT_EQ(r.exit_code, 6) << r.out << r.err;
  EXPECT_FALSE(fs::exists(out / "declaracion.pdf"));
  auto again = RunCommand({REDACT_BINARY, "run", "--names", kSamples + "/names.csv", "--out", out.string(),
                           "--progress", "none", in.string()});
  EXPECT_EQ(again.exit_code, 0) << again.err;
  EXPECT_NE(again.err.find("1 done, 0 skipped"), std::string::npos) << again.err;
  EXPECT_TRUE(fs::exists(out / "declaracion.pdf"));
  fs::remove_all(dir);
}

std::string Recipient(const fs::path& dir) {
  auto k = RunCommand({REDACT_BINARY, "keygen", "-o", (dir / "id.key").string()});
  EXPECT_EQ(k.exit_code, 0) << k.err;
  std::string r = k.out;
  while (!r.empty() && (r.back() == '\n' || r.back() == '\r')) r.pop_back();
  return r;
}

// Two pseudonymizing runs into one folder once left mapping.age holding
// only the second document: the first could never be reversed.
TEST(Integrity, AMappingIsNeverOverwritten) {
  const fs::path dir = FreshDir("mapping");
  const std::string recipient = Recipient(dir);
  for (const char* sample : {"order_libreoffice.pdf", "notice_ghostscript.pdf"}) {
    auto a = RunCommand({REDACT_BINARY, "apply", "--mode", "pseudonymize", "--names", kSamples + "/names.csv",
                         "--recipient", recipient, "--out", (dir / "out").string(), kSamples + "/" + sample});
    ASSERT_EQ(a.exit_code, 0) << a.err;
  }
  ASSERT_TRUE(fs::exists(dir / "out" / "mapping.age"));
  ASSERT_TRUE(fs::exists(dir / "out" / "mapping-2.age"));
  auto first = RunCommand({REDACT_BINARY, "unseal", "-i", (dir / "id.key").string(), (dir / "out" / "mapping.age").string()});
  auto second = RunCommand({REDACT_BINARY, "unseal", "-i", (dir / "id.key").string(), (dir / "out" / "mapping-2.age").string()});
  EXPECT_NE(first.out.find("order_libreoffice.pdf"), std::string::npos) << first.out;
  EXPECT_NE(second.out.find("notice_ghostscript.pdf"), std::string::npos) << second.out;
  auto explicit_again = RunCommand({REDACT_BINARY, "apply", "--mode", "pseudonymize", "--names",
                                    kSamples + "/names.csv", "--recipient", recipient, "--mapping-out",
                                    (dir / "out" / "mapping.age").string(), "--out", (dir / "out2").string(),
                                    kSamples + "/order_libreoffice.pdf"});
  EXPECT_EQ(explicit_again.exit_code, 2) << explicit_again.err;
  EXPECT_FALSE(fs::exists(dir / "out2" / "order_libreoffice.pdf"));
  fs::remove_all(dir);
}

// When the mapping cannot be written, the pseudonymized PDF once appeared
// anyway: now no PDF appears before its mapping is durable.
TEST(Integrity, NoPdfAppearsBeforeItsMapping) {
  const fs::path dir = FreshDir("mapping_first");
  const std::string recipient = Recipient(dir);
  auto a = RunCommand({REDACT_BINARY, "apply", "--mode", "pseudonymize", "--names", kSamples + "/names.csv",
                       "--recipient", recipient, "--mapping-out", (dir / "missing" / "m.age").string(), "--out",
                       (dir / "out").string(), kSamples + "/order_libreoffice.pdf"});
  EXPECT_EQ(a.exit_code, 8) << a.err;
  EXPECT_FALSE(fs::exists(dir / "out" / "order_libreoffice.pdf"));
  for (const auto& e : fs::directory_iterator(dir / "out")) ADD_FAILURE() << "left behind: " << e.path().filename();
  fs::remove_all(dir);
}

// apply checks its own output before it appears, and says when told not to.
TEST(Integrity, ApplyChecksItsOutputUnlessToldNot) {
  const fs::path dir = FreshDir("selfcheck");
  auto a = RunCommand({REDACT_BINARY, "apply", "--names", kSamples + "/names.csv", "--out", (dir / "a").string(),
                       kSamples + "/order_libreoffice.pdf"});
  ASSERT_EQ(a.exit_code, 0) << a.err;
  EXPECT_NE(a.out.find(", checked;"), std::string::npos) << a.out;
  const std::string checked = testing::ReadFile((dir / "a" / "order_libreoffice.report.json").string());
  EXPECT_NE(checked.find("\"checked\": true"), std::string::npos) << checked;
  auto b = RunCommand({REDACT_BINARY, "apply", "--no-verify", "--names", kSamples + "/names.csv", "--out",
                       (dir / "b").string(), kSamples + "/order_libreoffice.pdf"});
  ASSERT_EQ(b.exit_code, 0) << b.err;
  EXPECT_NE(b.out.find("NOT checked"), std::string::npos) << b.out;
  const std::string skipped = testing::ReadFile((dir / "b" / "order_libreoffice.report.json").string());
  EXPECT_NE(skipped.find("\"skipped\": \"--no-verify\""), std::string::npos) << skipped;
  fs::remove_all(dir);
}

// A file with the marks of the real court filing that once gave an output
// holding both `1 0 obj` and `1 1 obj`: objects under generations 1 and 2,
// freed object numbers waiting in the xref's free list (PoDoFo reused them
// for new objects, with a new generation), and `stream` keywords ending in
// a lone CR (which qpdf warns about).
std::string ReusedNumbersPdf() {
  const std::string content = "BT /F1 12 Tf 72 700 Td (Applicant: Maria Guadalupe Hernandez-Nunez) Tj ET\n"
                              "q 40 0 0 40 72 600 cm /Im1 Do Q\n";
  const std::string pixels(16 * 16, '\x80');
  const int gens[7] = {0, 0, 0, 1, 2, 0, 1};
  const std::vector<std::string> objects = {
      "<< /Type /Catalog /Pages 2 0 R >>",
      "<< /Type /Pages /Kids [3 1 R] /Count 1 >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 2 R "
      "/Resources << /Font << /F1 5 0 R >> /XObject << /Im1 6 1 R >> >> >>",
      "<< /Length " + std::to_string(content.size()) + " >>\nstream\r" + content + "endstream",
      "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
      "<< /Type /XObject /Subtype /Image /Width 16 /Height 16 /ColorSpace /DeviceGray /BitsPerComponent 8 "
      "/Length " + std::to_string(pixels.size()) + " >>\nstream\r" + pixels + "endstream"};
  std::string pdf = "%PDF-1.4\n";
  std::vector<size_t> offsets;
  for (size_t i = 0; i < objects.size(); ++i) {
    offsets.push_back(pdf.size());
    pdf += std::to_string(i + 1) + " " + std::to_string(gens[i + 1]) + " obj\n" + objects[i] + "\nendobj\n";
  }
  const size_t xref = pdf.size();
  pdf += "xref\n0 9\n0000000007 65535 f \n";
  char entry[32];
  for (size_t i = 0; i < offsets.size(); ++i) {
    std::snprintf(entry, sizeof entry, "%010zu %05d n \n", offsets[i], gens[i + 1]);
    pdf += entry;
  }
  pdf += "0000000008 00003 f \n0000000000 00001 f \n";
  pdf += "trailer\n<< /Size 9 /Root 1 0 R >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
  return pdf;
}

// Outputs use fresh object numbers, generation 0, and pass `qpdf --check`,
// `mutool` and pdftoppm, whatever state the input's xref was in.
TEST(Integrity, OutputsGetFreshObjectNumbersThatOtherReadersAccept) {
  REDACT_REQUIRE_TOOL("qpdf");
  REDACT_REQUIRE_TOOL("mutool");
  REDACT_REQUIRE_TOOL("pdftoppm");
  const fs::path dir = FreshDir("brokenxref");
  std::ofstream(dir / "filing.pdf", std::ios::binary) << ReusedNumbersPdf();
  auto a = RunCommand({REDACT_BINARY, "apply", "--names", kSamples + "/names.csv", "--out", (dir / "out").string(),
                       (dir / "filing.pdf").string()});
  ASSERT_EQ(a.exit_code, 0) << a.err;
  const fs::path out = dir / "out" / "filing.pdf";
  const std::string bytes = testing::ReadFile(out.string());
  const std::regex obj("(^|[\\r\\n])([0-9]+) ([0-9]+) obj");
  std::set<std::string> numbers;
  for (auto it = std::sregex_iterator(bytes.begin(), bytes.end(), obj); it != std::sregex_iterator(); ++it) {
    EXPECT_EQ((*it)[3].str(), "0") << "object " << (*it)[2] << " has generation " << (*it)[3];
    EXPECT_TRUE(numbers.insert((*it)[2].str()).second) << "object number " << (*it)[2] << " used twice";
  }
  EXPECT_GE(numbers.size(), 4u);
  auto q = RunCommand({"qpdf", "--check", out.string()});
  EXPECT_EQ(q.exit_code, 0) << q.out << q.err;
  auto m = RunCommand({"mutool", "info", out.string()});
  EXPECT_EQ(m.exit_code, 0) << m.err;
  EXPECT_EQ(m.err.find("error"), std::string::npos) << m.err;
  auto r = RunCommand({"pdftoppm", "-r", "20", "-png", out.string(), (dir / "page").string()});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err.find("Error"), std::string::npos) << r.err;
  const std::string text = RunCommand({"pdftotext", out.string(), "-"}).out;
  EXPECT_EQ(text.find("Guadalupe"), std::string::npos) << text;
  EXPECT_NE(text.find("Applicant"), std::string::npos) << text;
  fs::remove_all(dir);
}

// An input stream no one can decode (qpdf's own bad-JPEG case) was copied
// into the output unread and called clean; now the document fails, exit 4,
// and nothing appears.
TEST(Integrity, AStreamThatCannotBeDecodedIsNotPassedThrough) {
  const fs::path dir = FreshDir("badjpeg");
  const std::string input =
      std::string(REDACT_SOURCE_DIR) + "/tests/data/external/qpdf-damaged/qpdf-qtest/bad-jpeg.pdf";
  auto a = RunCommand({REDACT_BINARY, "apply", "--no-names", "--ocr", "never", "--out", (dir / "out").string(), input});
  EXPECT_EQ(a.exit_code, 4) << a.err;
  EXPECT_NE(a.err.find("cannot be decoded"), std::string::npos) << a.err;
  EXPECT_FALSE(fs::exists(dir / "out" / "bad-jpeg.pdf"));
  fs::remove_all(dir);
}

// verify runs the same structural check: a file other readers must repair
// is not called clean.
TEST(Integrity, VerifyDoesNotCallAStructurallyBrokenFileClean) {
  const fs::path dir = FreshDir("verifybroken");
  std::ofstream(dir / "broken.pdf", std::ios::binary) << ReusedNumbersPdf();
  auto v = RunCommand({REDACT_BINARY, "verify", (dir / "broken.pdf").string()});
  EXPECT_NE(v.exit_code, 0) << v.out << v.err;
  EXPECT_EQ(v.out.find("clean"), std::string::npos) << v.out;
  EXPECT_NE(v.err.find("structural check"), std::string::npos) << v.err;
  fs::remove_all(dir);
}

// A detention list whose names column is removed brings each A-number next
// to its header: apply's own check then found numbers analysis had missed,
// and withheld the output (exit 7). Analysis now reads the pages again as
// they will read after removal, so the output is written and holds none.
TEST(Integrity, AnalysisFindsWhatRemovalBringsTogether) {
  REDACT_REQUIRE_TOOL("pdftotext");
  const fs::path dir = FreshDir("second_look");
  const std::string eval = std::string(REDACT_SOURCE_DIR) + "/tests/data/eval";
  auto a = RunCommand({REDACT_BINARY, "apply", "--names", eval + "/names.csv", "--policy", eval + "/policy.toml",
                       "--out", (dir / "out").string(), eval + "/docs/t01_detention_list_chromium.pdf"});
  ASSERT_EQ(a.exit_code, 0) << a.err;
  const std::string text = RunCommand({"pdftotext", (dir / "out" / "t01_detention_list_chromium.pdf").string(), "-"}).out;
  EXPECT_FALSE(std::regex_search(text, std::regex("[0-9]{3}-[0-9]{3}-[0-9]{3}"))) << "an A-number survived";
  fs::remove_all(dir);
}

}  // namespace
}  // namespace redact
