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

}  // namespace
}  // namespace redact
