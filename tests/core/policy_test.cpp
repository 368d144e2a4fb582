// Policy files: every key of every table is known, or the file is refused
// with its line, the key and the keys that are known — a misspelled "keep"
// or limit must never silently not take effect.
#include "core/policy.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "pipeline/analyze.h"

namespace redact {
namespace {

namespace fs = std::filesystem;

const std::string kTop = REDACT_SOURCE_DIR;

std::string WritePolicy(const std::string& name, const std::string& toml) {
  const fs::path p = fs::temp_directory_path() / ("redact_policy_test_" + name + ".toml");
  std::ofstream(p) << toml;
  return p.string();
}

// The error of loading `toml` (through LoadDetector, with the shipped rules,
// so category names are checked too); "" when it loads.
std::string LoadError(const std::string& name, const std::string& toml) {
  const std::string path = WritePolicy(name, toml);
  StatusOr<std::unique_ptr<Detector>> d = LoadDetector(kTop + "/patterns", std::nullopt, path);
  return d.has_value() ? "" : d.error().message();
}

bool Has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

TEST(Policy, ShippedSampleLoads) {
  StatusOr<std::unique_ptr<Detector>> d =
      LoadDetector(kTop + "/patterns", std::nullopt, kTop + "/samples/policy.toml");
  ASSERT_TRUE(d.has_value()) << d.error().ToString();
  EXPECT_EQ((*d)->policy().labels.at("credible_fear"), "(b)(3)");
  EXPECT_DOUBLE_EQ((*d)->policy().min_confidence, 0.5);
}

TEST(Policy, EveryBuiltInCategoryMayBeNamed) {
  std::string toml = "[categories]\n";
  for (const char* c : kBuiltInCategories) toml += std::string(c) + " = \"redact\"\n";
  EXPECT_EQ(LoadError("builtin", toml), "");
}

TEST(Policy, MisspelledCategoryIsAnError) {
  const std::string m = LoadError("categories", "[categories]\nname = \"redact\"\ncredible_fears = \"keep\"\n");
  EXPECT_TRUE(Has(m, "redact_policy_test_categories.toml:3:")) << m;
  EXPECT_TRUE(Has(m, "[categories]")) << m;
  EXPECT_TRUE(Has(m, "'credible_fears'")) << m;
  EXPECT_TRUE(Has(m, "credible_fear,")) << "lists the known categories: " << m;
}

TEST(Policy, MisspelledLabelCategoryIsAnError) {
  const std::string m = LoadError("labels", "[labels]\na_number = \"(b)(6)\"\n\nanumber = \"(b)(6)\"\n");
  EXPECT_TRUE(Has(m, "redact_policy_test_labels.toml:4:")) << m;
  EXPECT_TRUE(Has(m, "[labels]")) << m;
  EXPECT_TRUE(Has(m, "'anumber'")) << m;
}

struct UnknownKeyCase {
  const char* table;
  const char* toml;
  int line;
  const char* key;
  const char* a_known_key;
};

class PolicyUnknownKey : public ::testing::TestWithParam<UnknownKeyCase> {};

TEST_P(PolicyUnknownKey, NamesFileLineKeyAndTheKnownKeys) {
  const UnknownKeyCase& c = GetParam();
  const std::string m = LoadError(c.table, c.toml);
  EXPECT_TRUE(Has(m, "redact_policy_test_" + std::string(c.table) + ".toml:" + std::to_string(c.line) + ":")) << m;
  EXPECT_TRUE(Has(m, "[" + std::string(c.table) + "] has no key '" + c.key + "'")) << m;
  EXPECT_TRUE(Has(m, "known keys:")) << m;
  EXPECT_TRUE(Has(m, c.a_known_key)) << m;
}

INSTANTIATE_TEST_SUITE_P(
    EveryTable, PolicyUnknownKey,
    ::testing::Values(
        UnknownKeyCase{"detection", "[detection]\nmin_confidance = 0.5\n", 2, "min_confidance", "min_confidence"},
        UnknownKeyCase{"pseudonyms", "[pseudonyms]\nname = \"label\"\nname_lable = \"Client\"\n", 3, "name_lable",
                       "name_label"},
        UnknownKeyCase{"undecodable", "[undecodable]\nscope = \"everywhere\"\nactoin = \"fail\"\n", 3, "actoin",
                       "action"},
        UnknownKeyCase{"limits", "[limits]\nmax_page = 10\n", 2, "max_page", "max_pages"},
        UnknownKeyCase{"vector_text", "[vector_text]\nminshapes = 10\n", 2, "minshapes", "min_shapes"}),
    [](const ::testing::TestParamInfo<UnknownKeyCase>& info) { return std::string(info.param.table); });

TEST(Policy, UnknownTableAndKeysOutsideTables) {
  std::string m = LoadError("table", "[categorys]\nname = \"keep\"\n");
  EXPECT_TRUE(Has(m, "redact_policy_test_table.toml:1:")) << m;
  EXPECT_TRUE(Has(m, "'categorys'")) << m;
  EXPECT_TRUE(Has(m, "known tables: categories")) << m;
  m = LoadError("toplevel", "min_confidence = 0.5\n");
  EXPECT_TRUE(Has(m, "'min_confidence'")) << m;
}

TEST(Policy, BadValuesStillSayWhatIsExpected) {
  EXPECT_TRUE(Has(LoadError("value1", "[categories]\nname = \"kept\"\n"), ":2: [categories] name: expected"));
  EXPECT_TRUE(Has(LoadError("value2", "[limits]\nmax_pages = 0\n"), ":2: limits: expected"));
  EXPECT_TRUE(Has(LoadError("value3", "[detection]\nmin_confidence = 2\n"), ":2: min_confidence must be"));
}

TEST(Policy, CheckCategoriesOnAPolicyBuiltInCode) {
  Policy p;
  p.actions["anything"] = PolicyAction::kKeep;  // not from a file: nothing recorded to check
  EXPECT_TRUE(p.CheckCategories({"name"}).ok());
}

}  // namespace
}  // namespace redact
