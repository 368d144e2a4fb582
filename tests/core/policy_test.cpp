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
  EXPECT_EQ((*d)->policy().WordsFor(DocumentLanguage::kEnglish).labels.at("credible_fear"), "(b)(3)");
  EXPECT_EQ((*d)->policy().WordsFor(DocumentLanguage::kSpanish).labels.at("credible_fear"), "(b)(3)");
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
        UnknownKeyCase{"vector_text", "[vector_text]\nminshapes = 10\n", 2, "minshapes", "min_shapes"},
        UnknownKeyCase{"output", "[output]\nlanguaje = \"es\"\n", 2, "languaje", "language"}),
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

// Words per language: the language's table over the every-language one
// over redact's own; a team's [pseudonyms] name_label is its choice in
// every language unless [pseudonyms.es] says otherwise.
TEST(PolicyWords, ALanguagesTableOverTheEveryLanguageOneOverBuiltIns) {
  const std::string path = WritePolicy("words", R"toml([output]
language = "es"
[labels]
a_number = "(b)(6)"
[labels.es]
a_number = "(b)(6) número A"
[pseudonyms]
name_label = "Class Member"
[pseudonyms.es]
unlisted_label = "Persona ajena"
[placeholders]
phone = "telephone"
[placeholders.es]
dob = "fecha de nacimiento"
)toml");
  StatusOr<std::unique_ptr<Detector>> d = LoadDetector(kTop + "/patterns", std::nullopt, path);
  ASSERT_TRUE(d.has_value()) << d.error().ToString();
  const Policy& p = (*d)->policy();
  EXPECT_EQ(p.language, DocumentLanguage::kSpanish);
  const OutputWords en = p.WordsFor(DocumentLanguage::kEnglish);
  EXPECT_EQ(en.labels.at("a_number"), "(b)(6)");
  EXPECT_EQ(en.name_label, "Class Member");
  EXPECT_EQ(en.unlisted_label, "Unlisted Person");
  EXPECT_EQ(en.PlaceholderFor("dob"), "dob");
  EXPECT_EQ(en.PlaceholderFor("phone"), "telephone");
  const OutputWords es = p.WordsFor(DocumentLanguage::kSpanish);
  EXPECT_EQ(es.labels.at("a_number"), "(b)(6) número A");
  EXPECT_EQ(es.name_label, "Class Member");
  EXPECT_EQ(es.unlisted_label, "Persona ajena");
  EXPECT_EQ(es.PlaceholderFor("dob"), "fecha de nacimiento");
  EXPECT_EQ(es.PlaceholderFor("phone"), "telephone");
  EXPECT_EQ(es.PlaceholderFor("credible_fear"), "protegido");
}

TEST(PolicyWords, WithoutAPolicyTheLanguageIsGuessedAndSpanishWordsAreSpanish) {
  Policy p;
  EXPECT_FALSE(p.language.has_value());
  EXPECT_EQ(p.WordsFor(DocumentLanguage::kSpanish).name_label, "Solicitante");
  EXPECT_EQ(p.WordsFor(DocumentLanguage::kEnglish).name_label, "Applicant");
  EXPECT_TRUE(p.WordsFor(DocumentLanguage::kSpanish).labels.empty());
}

TEST(PolicyWords, BadWordsAndLanguagesNameTheLineAndWhy) {
  std::string m = LoadError("w1", "[labels.fr]\na_number = \"x\"\n");
  EXPECT_TRUE(Has(m, "no language 'fr'")) << m;
  EXPECT_TRUE(Has(m, "known languages: en, es")) << m;
  // A letter Helvetica cannot show used to be dropped from the box silently.
  m = LoadError("w2", "[labels]\nname = \"申请人\"\n");
  EXPECT_TRUE(Has(m, "redact_policy_test_w2.toml:2:")) << m;
  EXPECT_TRUE(Has(m, "WinAnsiEncoding")) << m;
  m = LoadError("w3", "[pseudonyms]\nname_label = \"Заявитель\"\n");
  EXPECT_TRUE(Has(m, ":2:") && Has(m, "WinAnsiEncoding")) << m;
  m = LoadError("w4", "[placeholders]\ndob = \"[dob]\"\n");
  EXPECT_TRUE(Has(m, "without brackets")) << m;
  m = LoadError("w5", "[placeholders.es]\ndobb = \"f. nac.\"\n");
  EXPECT_TRUE(Has(m, ":2:") && Has(m, "[placeholders.es] has no category 'dobb'")) << m;
  m = LoadError("w6", "[output]\nlanguage = \"fr\"\n");
  EXPECT_TRUE(Has(m, ":2:") && Has(m, "language must be")) << m;
  m = LoadError("w7", "[pseudonyms.es]\nname = \"doe\"\n");
  EXPECT_TRUE(Has(m, "[pseudonyms.es] has no key 'name'")) << m;
  EXPECT_EQ(LoadError("w8", "[labels.es]\nname = \"(b)(6) — nombre\"\n[pseudonyms.es]\nname_label = \"Niño\"\n"), "");
}

TEST(Policy, CheckCategoriesOnAPolicyBuiltInCode) {
  Policy p;
  p.actions["anything"] = PolicyAction::kKeep;  // not from a file: nothing recorded to check
  EXPECT_TRUE(p.CheckCategories({"name"}).ok());
}

}  // namespace
}  // namespace redact
