// Damaged and fuzzed PDFs from qpdf's test suite (tests/data/external/qpdf-damaged):
// `redact extract` must never crash or hang on them; each file either
// extracts or fails with a one-line reason naming it (warnings may come
// first), and is left unchanged.
// A `redact run` over all of them plus the samples completes: every
// damaged file has a one-line reason, every sample is done. Every file of
// qpdf's own test suite that `qpdf --check` accepts is opened by `redact
// apply` (issue 18), repaired through qpdf where PoDoFo refuses it.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "tests/testing/require_tool.h"
#include "tests/testing/subprocess.h"

namespace redact {
namespace {

namespace fs = std::filesystem;
using testing::RunCommand;

constexpr const char* kCorpus = "tests/data/external/qpdf-damaged";

std::string ReadAll(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), {});
}

TEST(DamagedCorpus, NeverCrashesOrHangsAndAlwaysSaysWhy) {
  const fs::path corpus = fs::path(REDACT_SOURCE_DIR) / kCorpus;
  ASSERT_TRUE(fs::is_directory(corpus)) << corpus << " is part of the repository";
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
      // One line says why; warnings ("redact: warning: …", a repaired
      // input, a page read in part) may come before it.
      int reasons = 0;
      std::istringstream lines(r.err);
      for (std::string line; std::getline(lines, line);) reasons += line.starts_with("redact: warning: ") ? 0 : 1;
      EXPECT_EQ(reasons, 1) << path << ": " << r.err;
      EXPECT_NE(r.err.find(path), std::string::npos) << r.err;
    }
    EXPECT_EQ(before, ReadAll(e.path())) << "input modified: " << path;
  }
  std::printf("damaged corpus: %d files, %d extracted, %d refused with a reason\n", files,
              extracted, refused);
  EXPECT_GT(files, 100);
}

// Refused on purpose: content that cannot be decoded is neither copied
// nor silently dropped (DESIGN.md, "Fail closed"); a file in which qpdf
// finds no page either holds nothing to redact.
bool RefusedOnPurpose(const std::string& err) {
  return err.find("cannot be decoded") != std::string::npos ||
         err.find("content that cannot be read is not passed through") != std::string::npos ||
         err.find("qpdf finds none either") != std::string::npos;
}

// What other readers open, redact opens: every file `qpdf --check` accepts
// (exit 0, or 3 for "with warnings") is applied, or refused only on
// purpose (RefusedOnPurpose) — never as a file it cannot open. Before
// qpdf's repair, 31 of the 95 files applied; 51 were refused as damaged
// and 13 as not a PDF. With it, 62 of the 70 that qpdf accepts apply.
TEST(DamagedCorpus, EveryFileQpdfAcceptsIsOpened) {
  REDACT_REQUIRE_TOOL("qpdf");
  const fs::path corpus = fs::path(REDACT_SOURCE_DIR) / kCorpus / "qpdf-qtest";
  ASSERT_TRUE(fs::is_directory(corpus)) << corpus << " is part of the repository";
  const fs::path out = fs::temp_directory_path() / "redact_damaged_qtest_apply";
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(corpus)) {
    if (e.is_regular_file() && e.path().extension() == ".pdf") files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  int accepted = 0, applied = 0, on_purpose = 0;
  for (const fs::path& file : files) {
    const int check = RunCommand({"qpdf", "--check", file.string()}).exit_code;
    if (check != 0 && check != 3) continue;
    ++accepted;
    fs::remove_all(out);
    auto r = RunCommand({"timeout", "120", REDACT_BINARY, "apply", "--no-names", "--ocr", "never", "--out",
                         out.string(), file.string()});
    if (r.exit_code == 0) {
      ++applied;
      continue;
    }
    EXPECT_EQ(r.exit_code, 4) << file << ": " << r.err;
    EXPECT_TRUE(RefusedOnPurpose(r.err)) << file << ": " << r.err;
    EXPECT_EQ(r.err.find("cannot open"), std::string::npos) << file << ": " << r.err;
    on_purpose += RefusedOnPurpose(r.err) ? 1 : 0;
  }
  std::printf("qpdf-qtest: %zu files, %d accepted by qpdf --check; redact apply: %d applied, %d refused on "
              "purpose\n",
              files.size(), accepted, applied, on_purpose);
  EXPECT_EQ(files.size(), 95u);
  EXPECT_GE(applied, 62);
}

TEST(DamagedCorpus, ARunOverTheWholeCorpusAndTheSamplesCompletes) {
  const fs::path top = REDACT_SOURCE_DIR;
  const fs::path corpus = top / kCorpus;
  ASSERT_TRUE(fs::is_directory(corpus)) << corpus << " is part of the repository";
  const fs::path dir = fs::temp_directory_path() / "redact_damaged_run";
  fs::remove_all(dir);
  fs::create_directories(dir / "in");
  // Every file of the corpus, whatever its extension, through a manifest;
  // the samples beside them.
  fs::copy(corpus, dir / "in" / "damaged", fs::copy_options::recursive);
  std::vector<std::string> samples;
  fs::create_directories(dir / "in" / "samples");
  for (const auto& e : fs::directory_iterator(top / "samples")) {
    if (e.path().extension() != ".pdf") continue;
    fs::copy_file(e.path(), dir / "in" / "samples" / e.path().filename());
    samples.push_back("in/samples/" + e.path().filename().string());
  }
  std::map<std::string, std::string> before;
  std::ofstream manifest(dir / "manifest.txt");
  for (const auto& e : fs::recursive_directory_iterator(dir / "in")) {
    if (!e.is_regular_file()) continue;
    before[e.path().string()] = ReadAll(e.path());
    manifest << fs::relative(e.path(), dir).string() << "\n";
  }
  manifest.close();
  std::map<std::string, std::string> corpus_before;
  for (const auto& e : fs::recursive_directory_iterator(corpus)) {
    if (e.is_regular_file()) corpus_before[e.path().string()] = ReadAll(e.path());
  }

  auto r = RunCommand({"timeout", "900", REDACT_BINARY, "run", "--jobs", "2", "--verify",
                       "--progress", "none", "--names", (top / "samples" / "names.csv").string(),
                       "--out", (dir / "out").string(), (dir / "manifest.txt").string()});
  ASSERT_EQ(r.exit_code, 6) << r.err;  // finished; some documents failed
  const auto summary = nlohmann::json::parse(ReadAll(dir / "out" / "job-summary.json"));
  std::map<std::string, nlohmann::json> docs;
  for (const auto& d : summary["documents"]) docs[d["input"].get<std::string>()] = d;
  EXPECT_EQ(docs.size(), before.size());
  int done = 0, failed = 0;
  for (const auto& [input, d] : docs) {
    const std::string status = d["status"];
    if (status == "done") {
      ++done;
      auto check = RunCommand({"qpdf", "--check", (dir / "out" / d["output"].get<std::string>()).string()});
      EXPECT_NE(check.exit_code, 2) << input << " output fails qpdf --check";
      continue;
    }
    ++failed;
    EXPECT_EQ(status, "failed") << input;
    const std::string reason = d.value("reason", "");
    EXPECT_FALSE(reason.empty()) << input;
    EXPECT_EQ(reason.find('\n'), std::string::npos) << input << ": " << reason;
    // A reason, not a crash, a hang or a memory blow-up of a worker.
    for (const char* bad : {"killed by signal", "out of time", "exit "}) {
      EXPECT_EQ(reason.find(bad), std::string::npos) << input << ": " << reason;
    }
  }
  for (const std::string& s : samples) {
    ASSERT_TRUE(docs.count(s)) << s;
    EXPECT_EQ(docs[s]["status"], "done") << s << ": " << docs[s].value("reason", "");
  }
  for (const auto& [path, bytes] : before) EXPECT_EQ(ReadAll(path), bytes) << path << " changed";
  for (const auto& [path, bytes] : corpus_before) EXPECT_EQ(ReadAll(path), bytes) << path << " changed";
  std::printf("redact run over the damaged corpus and the samples: %d done, %d failed with a reason\n",
              done, failed);
}

}  // namespace
}  // namespace redact
