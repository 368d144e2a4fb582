// The names list through its compiled index (pipeline/names_cache.h): the
// index is written once, private, and reused; a list edited afterwards is
// never served by the index of its old version; a damaged index is
// rebuilt, and says so.
#include "pipeline/names_cache.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "stages/detect/detector.h"

namespace redact {
namespace {

namespace fs = std::filesystem;

class NamesCache : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("redact_names_cache_" + std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    setenv("REDACT_NAMES_CACHE", (dir_ / "cache").c_str(), 1);
  }
  void TearDown() override {
    unsetenv("REDACT_NAMES_CACHE");
    fs::remove_all(dir_);
  }
  std::string WriteList(const std::string& csv) {
    std::ofstream(dir_ / "names.csv", std::ios::binary) << csv;
    return (dir_ / "names.csv").string();
  }
  std::vector<fs::path> Indexes() const {
    std::vector<fs::path> out;
    for (const auto& e : fs::directory_iterator(dir_ / "cache")) out.push_back(e.path());
    return out;
  }
  fs::path dir_;
};

// Whether the list finds `text` whole as a listed name.
bool Finds(const NamesIndex& names, const std::string& text) {
  Detector d(RuleSet{}, names, Policy{});
  for (const Finding& f : d.DetectText(text)) {
    if (f.rule == "names.list" && f.end - f.begin == text.size()) return true;
  }
  return false;
}

mode_t Mode(const fs::path& p) {
  struct stat st;
  return stat(p.c_str(), &st) == 0 ? (st.st_mode & 0777) : 0;
}

TEST_F(NamesCache, CompiledOncePrivateAndReused) {
  const std::string list = WriteList("first,last\nOksana,Petrenko\n");
  auto compiled = CompileNamesList(list);
  ASSERT_TRUE(compiled.has_value()) << compiled.error().ToString();
  EXPECT_FALSE(compiled->reused);
  EXPECT_EQ(compiled->entities, 1u);
  ASSERT_EQ(Indexes().size(), 1u);
  EXPECT_EQ(Indexes()[0].string(), compiled->index_path);
  EXPECT_EQ(Mode(compiled->index_path), 0600u);
  EXPECT_EQ(Mode(dir_ / "cache"), 0700u);
  // The file name is a digest, never a value from the list.
  EXPECT_EQ(compiled->index_path.find("Petrenko"), std::string::npos);
  auto again = CompileNamesList(list);
  ASSERT_TRUE(again.has_value());
  EXPECT_TRUE(again->reused);
  auto loaded = LoadNamesList(list);
  ASSERT_TRUE(loaded.has_value());
  EXPECT_TRUE(Finds(*loaded, "Oksana Petrenko"));
  EXPECT_TRUE(loaded->warnings().empty());
}

TEST_F(NamesCache, ChangedListIsNotServedByTheStaleIndex) {
  // The same size before and after: only the content tells them apart.
  const std::string list = WriteList("first,last\nOksana,Petrenko\n");
  ASSERT_TRUE(CompileNamesList(list).has_value());
  auto before = LoadNamesList(list);
  ASSERT_TRUE(before.has_value());
  ASSERT_TRUE(Finds(*before, "Oksana Petrenko"));
  WriteList("first,last\nOksana,Petrenka\n");
  auto after = LoadNamesList(list);
  ASSERT_TRUE(after.has_value());
  EXPECT_TRUE(Finds(*after, "Oksana Petrenka"));
  EXPECT_FALSE(Finds(*after, "Oksana Petrenko"));
  EXPECT_EQ(Indexes().size(), 1u);  // the new version's replaced the old one's
}

TEST_F(NamesCache, DamagedIndexIsRebuiltAndSaysSo) {
  const std::string list = WriteList("first,last\nOksana,Petrenko\n");
  auto compiled = CompileNamesList(list);
  ASSERT_TRUE(compiled.has_value());
  {
    std::fstream f(compiled->index_path, std::ios::in | std::ios::out | std::ios::binary);
    const auto at = static_cast<std::streamoff>(fs::file_size(compiled->index_path) - 12);
    f.seekg(at);
    const char c = static_cast<char>(f.get());
    f.seekp(at);
    f.put(static_cast<char>(c ^ 0x5A));
  }
  auto loaded = LoadNamesList(list);
  ASSERT_TRUE(loaded.has_value()) << loaded.error().ToString();
  EXPECT_TRUE(Finds(*loaded, "Oksana Petrenko"));
  ASSERT_EQ(loaded->warnings().size(), 1u);
  EXPECT_NE(loaded->warnings()[0].find("damaged (checksum) — rebuilt from the list"), std::string::npos)
      << loaded->warnings()[0];
  // Replaced by a good one.
  auto again = CompileNamesList(list);
  ASSERT_TRUE(again.has_value());
  EXPECT_TRUE(again->reused);
  EXPECT_TRUE(again->warnings.empty());
}

TEST_F(NamesCache, IndexReadableByOthersIsNotTrusted) {
  const std::string list = WriteList("first,last\nOksana,Petrenko\n");
  auto compiled = CompileNamesList(list);
  ASSERT_TRUE(compiled.has_value());
  chmod(compiled->index_path.c_str(), 0644);
  auto loaded = LoadNamesList(list);
  ASSERT_TRUE(loaded.has_value());
  ASSERT_EQ(loaded->warnings().size(), 1u);
  EXPECT_NE(loaded->warnings()[0].find("not private"), std::string::npos);
  EXPECT_EQ(Mode(compiled->index_path), 0600u);  // rewritten private
}

TEST_F(NamesCache, CacheOffStillLoadsTheList) {
  setenv("REDACT_NAMES_CACHE", "off", 1);
  const std::string list = WriteList("first,last\nOksana,Petrenko\n");
  auto loaded = LoadNamesList(list);
  ASSERT_TRUE(loaded.has_value());
  EXPECT_TRUE(Finds(*loaded, "Oksana Petrenko"));
  auto compiled = CompileNamesList(list);
  ASSERT_FALSE(compiled.has_value());
  EXPECT_EQ(compiled.error().code(), StatusCode::kInvalidArgument);
}

TEST_F(NamesCache, ListErrorsAreTheLists) {
  const std::string list = WriteList("first,last,a_number\nOksana,Petrenko,12\n");
  auto loaded = LoadNamesList(list);
  ASSERT_FALSE(loaded.has_value());
  EXPECT_EQ(loaded.error().code(), StatusCode::kInvalidArgument);
  EXPECT_FALSE(LoadNamesList((dir_ / "missing.csv").string()).has_value());
  EXPECT_EQ(LoadNamesList((dir_ / "missing.csv").string()).error().code(), StatusCode::kNotFound);
}

}  // namespace
}  // namespace redact

namespace redact {
namespace {

// Without REDACT_NAMES_CACHE the index sits beside the list, hidden, on
// the list's own volume (an encrypted share stays the only place the names
// are) — never in a home cache the list's owner did not choose; an edited
// list's index replaces the old version's.
TEST_F(NamesCache, ByDefaultTheIndexLivesBesideTheListAndReplacesItsOldVersion) {
  unsetenv("REDACT_NAMES_CACHE");
  const std::string list = WriteList("first,last\nOksana,Petrenko\n");
  auto first = CompileNamesList(list);
  ASSERT_TRUE(first.has_value()) << first.error().ToString();
  EXPECT_EQ(fs::path(first->index_path).parent_path(), dir_);
  EXPECT_EQ(fs::path(first->index_path).filename().string().rfind(".names.csv.", 0), 0u) << first->index_path;
  EXPECT_EQ(Mode(first->index_path), 0600u);
  EXPECT_FALSE(fs::exists(dir_ / "cache"));
  WriteList("first,last\nOksana,Petrenko\nNelson,Quintanilla\n");
  auto second = CompileNamesList(list);
  ASSERT_TRUE(second.has_value()) << second.error().ToString();
  EXPECT_NE(second->index_path, first->index_path);
  EXPECT_FALSE(fs::exists(first->index_path)) << "the old version's index stays";
  EXPECT_TRUE(fs::exists(second->index_path));
  EXPECT_EQ(second->entities, 2u);
}

}  // namespace
}  // namespace redact
