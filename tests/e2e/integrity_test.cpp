// Never report success that did not happen: outputs that cannot be written
// fail with their own exit code and leave nothing under the output's name.
#include <gtest/gtest.h>

#include <filesystem>

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

}  // namespace
}  // namespace redact
