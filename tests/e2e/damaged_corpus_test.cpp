// Damaged and fuzzed PDFs from qpdf's test suite (../shared/testdata/damaged):
// `redact extract` must never crash or hang on them; each file either
// extracts or fails with a one-line reason naming it, and is left unchanged.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "tests/testing/subprocess.h"

namespace redact {
namespace {

namespace fs = std::filesystem;
using testing::RunCommand;

std::string ReadAll(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), {});
}

TEST(DamagedCorpus, NeverCrashesOrHangsAndAlwaysSaysWhy) {
  const fs::path corpus = fs::path(REDACT_SOURCE_DIR) / ".." / "shared" / "testdata" / "damaged";
  if (!fs::exists(corpus)) GTEST_SKIP() << "no shared/testdata beside the checkout";
  int files = 0, extracted = 0, refused = 0;
  for (const auto& e : fs::recursive_directory_iterator(corpus)) {
    if (!e.is_regular_file()) continue;
    ++files;
    const std::string path = e.path().string();
    const std::string before = ReadAll(e.path());
    // `timeout` turns a hang into exit 124.
    auto r = RunCommand({"timeout", "20", REDACT_BINARY, "extract", path});
    EXPECT_EQ(r.signal, 0) << path;
    EXPECT_NE(r.exit_code, 124) << "hang: " << path;
    if (r.exit_code == 0) {
      ++extracted;
    } else {
      ++refused;
      EXPECT_TRUE(r.exit_code == 3 || r.exit_code == 4 || r.exit_code == 5)
          << path << " exit " << r.exit_code;
      EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << path << ": " << r.err;
      EXPECT_NE(r.err.find(path), std::string::npos) << r.err;
    }
    EXPECT_EQ(before, ReadAll(e.path())) << "input modified: " << path;
  }
  std::printf("damaged corpus: %d files, %d extracted, %d refused with a reason\n", files,
              extracted, refused);
  EXPECT_GT(files, 100);
}

}  // namespace
}  // namespace redact
