// The review loop: `redact review` highlights (nothing removed) and writes
// an editable findings file; a reviewer deletes two findings and adds a box
// by hand; `redact apply --findings` applies exactly that list.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "tests/testing/subprocess.h"

namespace redact {
namespace {

namespace fs = std::filesystem;
using testing::RunCommand;

TEST(Review, HighlightEditApplyExactly) {
  const std::string top = REDACT_SOURCE_DIR;
  const std::string input = top + "/samples/order_libreoffice.pdf";
  const fs::path dir = fs::temp_directory_path() / "redact_review_test";
  fs::remove_all(dir);
  auto r = RunCommand({REDACT_BINARY, "review", "--names", top + "/samples/names.csv", "--out",
                       dir.string(), input});
  ASSERT_EQ(r.exit_code, 0) << r.err;

  // The review copy still has everything, plus one highlight per finding.
  const fs::path review_pdf = dir / "order_libreoffice.review.pdf";
  EXPECT_NE(RunCommand({"pdftotext", review_pdf.string(), "-"}).out.find("Kevin"), std::string::npos);
  RunCommand({"qpdf", "--qdf", review_pdf.string(), (dir / "qdf.pdf").string()});
  std::ifstream q(dir / "qdf.pdf", std::ios::binary);
  const std::string raw((std::istreambuf_iterator<char>(q)), {});
  nlohmann::json findings = nlohmann::json::parse(std::ifstream(dir / "order_libreoffice.findings.json"));
  size_t highlights = 0;
  for (size_t p = raw.find("/Highlight"); p != std::string::npos; p = raw.find("/Highlight", p + 1)) {
    ++highlights;
  }
  EXPECT_EQ(highlights, findings["findings"].size());

  // Review: Kevin (a child, say, already public) and the phone stay; the case
  // number is added by hand.
  nlohmann::json kept = nlohmann::json::array();
  for (const auto& f : findings["findings"]) {
    const std::string text = f["text"];
    if (text.find("Kevin") == std::string::npos && f["category"] != "phone") kept.push_back(f);
  }
  ASSERT_EQ(kept.size() + 2, findings["findings"].size());
  const std::string bbox = RunCommand({"pdftotext", "-bbox", input, "-"}).out;
  const size_t at = bbox.find(">3:24-cv-01234-ABC-DEF<");
  ASSERT_NE(at, std::string::npos);
  double x0, y0, x1, y1;
  ASSERT_EQ(std::sscanf(bbox.c_str() + bbox.rfind("<word", at),
                        "<word xMin=\"%lf\" yMin=\"%lf\" xMax=\"%lf\" yMax=\"%lf\"", &x0, &y0, &x1, &y1), 4);
  kept.push_back({{"page", 1}, {"category", "case_number"}, {"boxes", {{x0, y0, x1, y1}}}});
  findings["findings"] = kept;
  std::ofstream(dir / "edited.json") << findings.dump(1);

  auto a = RunCommand({REDACT_BINARY, "apply", input, "--findings", (dir / "edited.json").string(),
                       "--out", (dir / "out").string()});
  ASSERT_EQ(a.exit_code, 0) << a.err;
  const std::string text = RunCommand({"pdftotext", (dir / "out" / "order_libreoffice.pdf").string(), "-"}).out;
  EXPECT_NE(text.find("Kevin"), std::string::npos);
  EXPECT_NE(text.find("555-0142"), std::string::npos);
  EXPECT_EQ(text.find("3:24-cv-01234"), std::string::npos);
  EXPECT_EQ(text.find("Guadalupe"), std::string::npos);
  EXPECT_NE(text.find("Case No."), std::string::npos);

  // A malformed entry is refused with its index.
  std::ofstream(dir / "bad.json") << R"({"findings": [{"page": 1, "boxes": [[1, 2, 3]]}]})";
  auto bad = RunCommand({REDACT_BINARY, "apply", input, "--findings", (dir / "bad.json").string(),
                         "--out", (dir / "out2").string()});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("finding 1"), std::string::npos) << bad.err;
}

}  // namespace
}  // namespace redact
