// `redact scan` end to end on the samples, with the demo names list and
// policy: every identifier planted in the samples is reported, nothing is
// written, and configuration errors name the file and line.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>

#include "tests/testing/subprocess.h"

namespace redact {
namespace {

namespace fs = std::filesystem;
using testing::RunCommand;

const std::string kTop = REDACT_SOURCE_DIR;

TEST(Scan, FindsEveryPlantedIdentifierInTheSamples) {
  std::vector<std::string> cmd = {REDACT_BINARY, "scan", "--format", "json", "--names",
                                  kTop + "/samples/names.csv", "--policy",
                                  kTop + "/samples/policy.toml"};
  for (const auto& e : fs::directory_iterator(kTop + "/samples")) {
    if (e.path().extension() == ".pdf") cmd.push_back(e.path().string());
  }
  auto r = RunCommand(cmd);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  std::set<std::string> a_numbers, entities;
  for (const auto& doc : j["documents"]) {
    for (const auto& f : doc["findings"]) {
      if (f["category"] == "a_number") a_numbers.insert(f["value"].get<std::string>());
      if (!f["entity"].get<std::string>().empty()) entities.insert(f["entity"].get<std::string>());
    }
  }
  // Every A-number of the names list appears in some sample; all are found.
  for (const char* a : {"A201234567", "A098765432", "A212345678", "A087654321", "A209876543",
                        "A215555019", "A204111222", "A078123456"}) {
    EXPECT_TRUE(a_numbers.count(a)) << a;
  }
  EXPECT_EQ(entities.size(), 8u);
  EXPECT_GE(j["counts"]["credible_fear"].get<int>(), 20);
  EXPECT_GE(j["counts"]["name"].get<int>(), 20);
}

TEST(Scan, ConfigurationErrorsNameFileAndLine) {
  const fs::path dir = fs::temp_directory_path() / "redact_scan_test";
  fs::create_directories(dir / "rules");
  std::ofstream(dir / "rules" / "x.toml") << "[[rule]]\nid = \"x\"\ncategory = \"c\"\n"
                                             "pattern = '''(['''\n";
  auto bad_rules = RunCommand({REDACT_BINARY, "scan", "--patterns", (dir / "rules").string(),
                               kTop + "/samples/order_libreoffice.pdf"});
  EXPECT_EQ(bad_rules.exit_code, 2);
  EXPECT_NE(bad_rules.err.find("x.toml:4"), std::string::npos) << bad_rules.err;

  std::ofstream(dir / "names.csv") << "name,a_number\nAna Ruiz,12\n";
  auto bad_names = RunCommand({REDACT_BINARY, "scan", "--names", (dir / "names.csv").string(),
                               kTop + "/samples/order_libreoffice.pdf"});
  EXPECT_EQ(bad_names.exit_code, 2);
  EXPECT_NE(bad_names.err.find("names.csv:2"), std::string::npos) << bad_names.err;

  std::ofstream(dir / "policy.toml") << "[categories]\nname = \"shred\"\n";
  auto bad_policy = RunCommand({REDACT_BINARY, "scan", "--policy", (dir / "policy.toml").string(),
                                kTop + "/samples/order_libreoffice.pdf"});
  EXPECT_EQ(bad_policy.exit_code, 2);
  EXPECT_NE(bad_policy.err.find("policy.toml:2"), std::string::npos) << bad_policy.err;
}

TEST(Scan, ABadDocumentDoesNotStopTheOthers) {
  auto r = RunCommand({REDACT_BINARY, "scan", "/nonexistent.pdf",
                       kTop + "/samples/order_libreoffice.pdf"});
  EXPECT_EQ(r.exit_code, 6);
  EXPECT_NE(r.err.find("/nonexistent.pdf"), std::string::npos);
  EXPECT_NE(r.out.find("order_libreoffice.pdf"), std::string::npos);
  EXPECT_NE(r.out.find("a_number"), std::string::npos);
}

TEST(Scan, PolicyCanKeepACategory) {
  const fs::path p = fs::temp_directory_path() / "redact_keep_cf.toml";
  std::ofstream(p) << "[categories]\ncredible_fear = \"keep\"\n";
  auto r = RunCommand({REDACT_BINARY, "scan", "--policy", p.string(),
                       kTop + "/samples/order_libreoffice.pdf"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.find("credible_fear"), std::string::npos);
  EXPECT_NE(r.out.find("a_number"), std::string::npos);
}

}  // namespace
}  // namespace redact
