// The review loop's guarantees (issue 17), end to end through the CLI:
// a findings file applies only to the PDF it was made from; every field a
// reviewer edits is checked and named when wrong; a box over a picture
// burns the pixels under it (judged on pdftoppm renders and by tesseract);
// the command review prints is the one to run next; and `run --findings`
// applies a folder of reviewed files to a whole job.
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <functional>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "tests/testing/require_tool.h"
#include "tests/testing/subprocess.h"

namespace redact {
namespace {

namespace fs = std::filesystem;
using testing::ReadFile;
using testing::RunCommand;

const std::string kTop = REDACT_SOURCE_DIR;
const std::string kNames = kTop + "/samples/names.csv";
const std::string kOrder = kTop + "/samples/order_libreoffice.pdf";
const std::string kNotice = kTop + "/samples/notice_ghostscript.pdf";

fs::path FreshDir(const std::string& name) {
  const fs::path dir = fs::temp_directory_path() / name;
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

nlohmann::json ReadJson(const fs::path& p) { return nlohmann::json::parse(ReadFile(p.string())); }

void WriteText(const fs::path& p, const std::string& text) { std::ofstream(p, std::ios::binary) << text; }

std::string PdfText(const fs::path& pdf) { return RunCommand({"pdftotext", pdf.string(), "-"}).out; }

// review INPUT --names … --out DIR, which must succeed.
void Review(const std::string& input, const fs::path& dir, std::vector<std::string> extra = {}) {
  std::vector<std::string> argv = {REDACT_BINARY, "review", "--names", kNames, "--out", dir.string(), input};
  argv.insert(argv.end(), extra.begin(), extra.end());
  auto r = RunCommand(argv);
  ASSERT_EQ(r.exit_code, 0) << r.err;
}

TEST(ReviewLoop, FindingsMadeForAnotherFileAreRefused) {
  REDACT_REQUIRE_TOOL("pdftotext");
  REDACT_REQUIRE_TOOL("sha256sum");
  const fs::path dir = FreshDir("redact_review_loop_sha");
  Review(kOrder, dir);
  const fs::path findings = dir / "order_libreoffice.findings.json";
  nlohmann::json json = ReadJson(findings);
  const std::string sha = RunCommand({"sha256sum", kOrder}).out.substr(0, 64);
  EXPECT_EQ(json["sha256"], sha);

  // The order's findings on the notice: refused, naming both roles, no hash.
  auto wrong = RunCommand({REDACT_BINARY, "apply", kNotice, "--findings", findings.string(), "--out",
                           (dir / "wrong").string()});
  EXPECT_EQ(wrong.exit_code, 2) << wrong.out << wrong.err;
  EXPECT_NE(wrong.err.find(findings.string() + ": the findings file was made from another PDF than the input " +
                           kNotice),
            std::string::npos)
      << wrong.err;
  EXPECT_EQ(wrong.err.find(sha.substr(0, 16)), std::string::npos) << wrong.err;
  EXPECT_FALSE(fs::exists(dir / "wrong" / "notice_ghostscript.pdf"));

  // Without "sha256" (made by hand): refused, saying how to make one.
  json.erase("sha256");
  WriteText(dir / "hand.json", json.dump(1));
  auto hand = RunCommand({REDACT_BINARY, "apply", kOrder, "--findings", (dir / "hand.json").string(), "--out",
                          (dir / "hand").string()});
  EXPECT_EQ(hand.exit_code, 2) << hand.out << hand.err;
  EXPECT_NE(hand.err.find("does not say which PDF it was made from"), std::string::npos) << hand.err;
  EXPECT_NE(hand.err.find("run redact review on " + kOrder), std::string::npos) << hand.err;
  EXPECT_FALSE(fs::exists(dir / "hand" / "order_libreoffice.pdf"));

  // With the input's sha256sum added by hand (upper case too): applied.
  std::string upper = sha;
  std::transform(upper.begin(), upper.end(), upper.begin(), ::toupper);
  json["sha256"] = upper;
  WriteText(dir / "hand.json", json.dump(1));
  auto bound = RunCommand({REDACT_BINARY, "apply", kOrder, "--findings", (dir / "hand.json").string(), "--out",
                           (dir / "bound").string()});
  ASSERT_EQ(bound.exit_code, 0) << bound.err;
  EXPECT_EQ(PdfText(dir / "bound" / "order_libreoffice.pdf").find("Guadalupe"), std::string::npos);
}

// Applies `text` as the findings file for the order; returns the result.
testing::CommandResult ApplyEdited(const fs::path& dir, const std::string& name, const std::string& text) {
  WriteText(dir / name, text);
  return RunCommand({REDACT_BINARY, "apply", kOrder, "--findings", (dir / name).string(), "--out",
                     (dir / ("out-" + name)).string()});
}

TEST(ReviewLoop, EveryEditedFieldIsCheckedAndNamed) {
  const fs::path dir = FreshDir("redact_review_loop_fields");
  Review(kOrder, dir);
  const nlohmann::json good = ReadJson(dir / "order_libreoffice.findings.json");
  ASSERT_GE(good["findings"].size(), 2u);
  struct Case {
    std::string name;
    std::function<void(nlohmann::json&)> edit;
    std::string expected;  // in the message
  };
  const std::vector<Case> cases = {
      {"rule", [](auto& f) { f["rule"] = 5; }, ": finding 2 (id 2): \"rule\" must be a string"},
      {"category", [](auto& f) { f["category"] = nullptr; }, "finding 2 (id 2): \"category\" must be a string"},
      {"text", [](auto& f) { f["text"] = {1}; }, "finding 2 (id 2): \"text\" must be a string"},
      {"entity", [](auto& f) { f["entity"] = false; }, "finding 2 (id 2): \"entity\" must be a string"},
      {"id", [](auto& f) { f["id"] = "two"; }, "finding 2: \"id\" must be an integer"},
      {"page_type", [](auto& f) { f["page"] = "1"; }, "finding 2 (id 2): \"page\" must be an integer"},
      {"page_float", [](auto& f) { f["page"] = 1.5; }, "finding 2 (id 2): \"page\" must be an integer"},
      {"page_range", [](auto& f) { f["page"] = 9; }, "finding 2 (id 2): \"page\" is out of range (the document has 1 page)"},
      {"page_zero", [](auto& f) { f["page"] = 0; }, "finding 2 (id 2): \"page\" is out of range"},
      {"no_page", [](auto& f) { f.erase("page"); }, "finding 2 (id 2): needs \"page\""},
      {"no_boxes", [](auto& f) { f.erase("boxes"); }, "finding 2 (id 2): needs \"boxes\""},
      {"empty_boxes", [](auto& f) { f["boxes"] = nlohmann::json::array(); }, "finding 2 (id 2): \"boxes\" must be a non-empty list"},
      {"box_three", [](auto& f) { f["boxes"] = {{1, 2, 3}}; }, "finding 2 (id 2): \"boxes\" 1: a box is [x0, y0, x1, y1]"},
      {"box_string", [](auto& f) { f["boxes"] = {{1, 2, "3", 4}}; }, "finding 2 (id 2): \"boxes\" 1: a box is"},
      {"box_reversed", [](auto& f) { f["boxes"] = {{100, 700, 200, 650}}; },
       "finding 2 (id 2): \"boxes\" 1: needs x0 < x1 and y0 < y1"},
      {"box_off_page", [](auto& f) { f["boxes"] = {{100, -700, 200, -650}}; }, "finding 2 (id 2): \"boxes\" 1 lies off page 1"},
      {"typo", [](auto& f) { f["catgory"] = "name"; }, "finding 2 (id 2): unknown field \"catgory\""},
      {"not_object", [](auto& f) { f = 7; }, "finding 2: must be an object"},
  };
  for (const Case& c : cases) {
    nlohmann::json edited = good;
    c.edit(edited["findings"][1]);
    auto r = ApplyEdited(dir, c.name + ".json", edited.dump(1));
    EXPECT_EQ(r.exit_code, 2) << c.name << ": " << r.err;
    EXPECT_NE(r.err.find((dir / (c.name + ".json")).string() + ": "), std::string::npos) << c.name << ": " << r.err;
    EXPECT_NE(r.err.find(c.expected), std::string::npos) << c.name << ": " << r.err;
    EXPECT_FALSE(fs::exists(dir / ("out-" + c.name + ".json") / "order_libreoffice.pdf")) << c.name;
  }
  // The top level too.
  nlohmann::json top = good;
  top["finding"] = top["findings"];
  auto typo = ApplyEdited(dir, "top.json", top.dump(1));
  EXPECT_EQ(typo.exit_code, 2);
  EXPECT_NE(typo.err.find("unknown field \"finding\""), std::string::npos) << typo.err;
  top = good;
  top["findings"] = nlohmann::json::object();
  auto not_list = ApplyEdited(dir, "top2.json", top.dump(1));
  EXPECT_EQ(not_list.exit_code, 2);
  EXPECT_NE(not_list.err.find("\"findings\" must be a list"), std::string::npos) << not_list.err;

  // A trailing comma: the line and column of the '}' after it (the last
  // line, column 1), and not the text around it.
  std::string text = good.dump(1);
  ASSERT_EQ(text.substr(text.size() - 2), "\n}");
  text.insert(text.size() - 2, ",");
  const size_t bad_line = 1 + std::count(text.begin(), text.end(), '\n');
  const size_t bad_column = 1;
  auto comma_r = ApplyEdited(dir, "comma.json", text);
  EXPECT_EQ(comma_r.exit_code, 2) << comma_r.err;
  EXPECT_NE(comma_r.err.find("comma.json: not valid JSON at line " + std::to_string(bad_line) + ", column " +
                             std::to_string(bad_column)),
            std::string::npos)
      << comma_r.err;
  EXPECT_EQ(comma_r.err.find("last read"), std::string::npos) << comma_r.err;
}

// A PGM (P5, 8-bit) as width, height and pixels.
struct Gray {
  int width = 0, height = 0;
  std::string pixels;
  int at(int x, int y) const { return static_cast<unsigned char>(pixels[static_cast<size_t>(y) * width + x]); }
};

Gray ReadPgm(const fs::path& p) {
  std::istringstream in(ReadFile(p.string()));
  std::string magic;
  int max = 0;
  Gray g;
  in >> magic >> g.width >> g.height >> max;
  in.get();
  g.pixels.resize(static_cast<size_t>(g.width) * g.height);
  in.read(g.pixels.data(), static_cast<long>(g.pixels.size()));
  if (magic != "P5" || max != 255 || !in) g = {};
  return g;
}

// Page 1 of `pdf` rendered in gray at `dpi` by pdftoppm.
Gray Render(const fs::path& pdf, int dpi) {
  const fs::path prefix = pdf.parent_path() / (pdf.stem().string() + "_" + std::to_string(dpi));
  RunCommand({"pdftoppm", "-r", std::to_string(dpi), "-gray", "-singlefile", "-f", "1", "-l", "1", pdf.string(),
              prefix.string()});
  return ReadPgm(prefix.string() + ".pgm");
}

// The box (points from the top-left) of the first word tesseract reads as
// `word` on a render of `pdf` at 150 dpi; all zero when it reads none.
std::array<double, 4> FindWord(const fs::path& pdf, const std::string& word) {
  const fs::path prefix = pdf.parent_path() / (pdf.stem().string() + "_find");
  RunCommand({"pdftoppm", "-r", "150", "-gray", "-singlefile", "-f", "1", "-l", "1", pdf.string(), prefix.string()});
  std::istringstream tsv(RunCommand({"tesseract", prefix.string() + ".pgm", "-", "-l", "eng", "tsv"}).out);
  for (std::string line; std::getline(tsv, line);) {
    std::istringstream cols(line);
    std::vector<std::string> c;
    for (std::string v; std::getline(cols, v, '\t');) c.push_back(v);
    if (c.size() < 12 || c[0] != "5") continue;
    std::string text = c[11];
    std::transform(text.begin(), text.end(), text.begin(), ::tolower);
    if (text.find(word) == std::string::npos) continue;
    const double k = 72.0 / 150.0;
    const double left = std::stod(c[6]), top = std::stod(c[7]), w = std::stod(c[8]), h = std::stod(c[9]);
    return {left * k, top * k, (left + w) * k, (top + h) * k};
  }
  return {0, 0, 0, 0};
}

std::string Tesseract(const fs::path& pdf) {
  const fs::path prefix = pdf.parent_path() / (pdf.stem().string() + "_read");
  RunCommand({"pdftoppm", "-r", "200", "-gray", "-singlefile", "-f", "1", "-l", "1", pdf.string(), prefix.string()});
  std::string text = RunCommand({"tesseract", prefix.string() + ".pgm", "-", "-l", "eng"}).out;
  std::transform(text.begin(), text.end(), text.begin(), ::tolower);
  return text;
}

TEST(ReviewLoop, ABoxOverAPictureBurnsThePixelsUnderIt) {
  REDACT_REQUIRE_TOOL("pdftoppm");
  REDACT_REQUIRE_TOOL("tesseract");
  setenv("OMP_THREAD_LIMIT", "1", 1);
  const fs::path dir = FreshDir("redact_review_loop_picture");
  // A scanned notice, not read (--ocr never): its page is one picture, and
  // no glyph lies under any box a reviewer draws on it.
  const std::string input = kTop + "/samples/scans/notice_g4_200dpi.pdf";
  fs::copy_file(input, dir / "scan.pdf");
  Review((dir / "scan.pdf").string(), dir / "review", {"--ocr", "never"});
  const std::array<double, 4> word = FindWord(dir / "scan.pdf", "joseph");
  ASSERT_GT(word[2], word[0]) << "tesseract does not read the name on the original";
  ASSERT_NE(Tesseract(dir / "scan.pdf").find("notice"), std::string::npos);

  nlohmann::json json = ReadJson(dir / "review" / "scan.findings.json");
  const std::array<double, 4> box = {word[0] - 3, word[1] - 3, word[2] + 3, word[3] + 3};
  json["findings"].push_back({{"page", 1}, {"category", "name"}, {"boxes", {box}}});
  WriteText(dir / "edited.json", json.dump(1));
  auto a = RunCommand({REDACT_BINARY, "apply", (dir / "scan.pdf").string(), "--ocr", "never", "--findings",
                       (dir / "edited.json").string(), "--out", (dir / "out").string()});
  ASSERT_EQ(a.exit_code, 0) << a.err;
  EXPECT_NE(a.out.find("1 finding(s) removed, 1 box(es)"), std::string::npos) << a.out;
  const fs::path out = dir / "out" / "scan.pdf";

  // Every pixel under the box is black at 72 dpi (1 px = 1 pt; 1 pt in
  // from its edges), and the page around it is still mostly white paper.
  const Gray g = Render(out, 72);
  ASSERT_GT(g.width, 0);
  int light = 0, inside = 0;
  for (int y = static_cast<int>(box[1]) + 1; y < static_cast<int>(box[3]) - 1; ++y) {
    for (int x = static_cast<int>(box[0]) + 1; x < static_cast<int>(box[2]) - 1; ++x) {
      ++inside;
      light += g.at(x, y) > 40 ? 1 : 0;
    }
  }
  EXPECT_GT(inside, 50);
  EXPECT_EQ(light, 0) << light << " of " << inside << " pixels under the box are not black";
  long sum = 0;
  for (int x = 0; x < g.width; ++x) sum += g.at(x, g.height - 5);
  EXPECT_GT(sum / g.width, 200) << "the bottom of the page is no longer white";

  // The name is gone from the pixels (the original image with it too); the
  // rest still reads.
  const std::string read_back = Tesseract(out);
  EXPECT_EQ(read_back.find("joseph"), std::string::npos) << read_back;
  EXPECT_NE(read_back.find("notice"), std::string::npos) << read_back;
}

// The command review printed after "edit, then: ", its "redact" made this
// build's binary.
std::string PrintedCommand(const std::string& out) {
  const std::string marker = ": edit, then: ";
  const size_t at = out.find(marker);
  if (at == std::string::npos) return "";
  std::string cmd = out.substr(at + marker.size(), out.find('\n', at) - at - marker.size());
  if (cmd.rfind("redact ", 0) != 0) return "";
  return std::string("'") + REDACT_BINARY + "'" + cmd.substr(6);
}

// `cmd` with its INPUT placeholder (an input renamed on output is not
// printed) replaced by `input`.
std::string WithInput(std::string cmd, const std::string& input) {
  const size_t at = cmd.find(" INPUT ");
  if (at != std::string::npos) cmd.replace(at + 1, 5, "'" + input + "'");
  return cmd;
}

TEST(ReviewLoop, ReviewPrintsTheApplyCommandToRunNext) {
  REDACT_REQUIRE_TOOL("pdftotext");
  const fs::path dir = FreshDir("redact_review_loop_command") / "a folder's name";
  fs::create_directories(dir);
  auto r = RunCommand({REDACT_BINARY, "review", "--names", kNames, "--policy", kTop + "/samples/policy.toml",
                       "--output-names", "sequence", "--lang", "eng", "--ocr", "never", "--out",
                       (dir / "review").string(), kOrder});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  // Named doc-000001 on output: the input is INPUT in what review prints.
  const std::string printed = PrintedCommand(r.out);
  ASSERT_NE(printed.find(" apply INPUT --findings "), std::string::npos) << r.out;
  const std::string cmd = WithInput(printed, kOrder);
  for (const char* option : {"--names", "--policy", "--output-names sequence", "--lang eng", "--ocr never"}) {
    EXPECT_NE(cmd.find(option), std::string::npos) << option << " missing from: " << cmd;
  }
  // The reviewer keeps Kevin; the printed command, run as printed, applies that.
  const fs::path findings = dir / "review" / "doc-000001.findings.json";
  nlohmann::json json = ReadJson(findings);
  nlohmann::json kept = nlohmann::json::array();
  for (const auto& f : json["findings"]) {
    if (f["text"].get<std::string>().find("Kevin") == std::string::npos) kept.push_back(f);
  }
  ASSERT_LT(kept.size(), json["findings"].size());
  json["findings"] = kept;
  WriteText(findings, json.dump(1));
  auto a = RunCommand({"/bin/sh", "-c", cmd});
  ASSERT_EQ(a.exit_code, 0) << cmd << "\n" << a.err;
  const std::string text = PdfText(dir / "review" / "redacted" / "doc-000001.pdf");
  EXPECT_NE(text.find("Kevin"), std::string::npos) << text;
  EXPECT_EQ(text.find("Guadalupe"), std::string::npos) << text;

  // An input whose path names someone is INPUT; a password is a placeholder.
  fs::copy_file(kOrder, dir / "A201234567_order.pdf");
  auto hidden = RunCommand({REDACT_BINARY, "review", "--names", kNames, "--password", "s3cret", "--out",
                            (dir / "review2").string(), (dir / "A201234567_order.pdf").string()});
  ASSERT_EQ(hidden.exit_code, 0) << hidden.err;
  EXPECT_NE(hidden.out.find("then: redact apply INPUT --findings"), std::string::npos) << hidden.out;
  EXPECT_NE(hidden.out.find("--password PASSWORD"), std::string::npos) << hidden.out;
  EXPECT_EQ(hidden.out.find("s3cret"), std::string::npos) << hidden.out;
  EXPECT_EQ(hidden.out.find("201234567"), std::string::npos) << hidden.out;
}

TEST(ReviewLoop, RunAppliesAFolderOfReviewedFindings) {
  REDACT_REQUIRE_TOOL("pdftotext");
  const fs::path dir = FreshDir("redact_review_loop_run");
  Review(kOrder, dir / "reviewed");
  Review(kNotice, dir / "reviewed");
  // The reviewer keeps Kevin in the order.
  const fs::path order_findings = dir / "reviewed" / "order_libreoffice.findings.json";
  nlohmann::json json = ReadJson(order_findings);
  nlohmann::json kept = nlohmann::json::array();
  for (const auto& f : json["findings"]) {
    if (f["text"].get<std::string>().find("Kevin") == std::string::npos) kept.push_back(f);
  }
  ASSERT_EQ(kept.size() + 1, json["findings"].size());
  json["findings"] = kept;
  WriteText(order_findings, json.dump(1));

  auto run = RunCommand({REDACT_BINARY, "run", "--names", kNames, "--progress", "none", "--findings",
                         (dir / "reviewed").string(), "--out", (dir / "job").string(), kOrder, kNotice});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const std::string order = PdfText(dir / "job" / "order_libreoffice.pdf");
  EXPECT_NE(order.find("Kevin"), std::string::npos) << order;
  EXPECT_EQ(order.find("Guadalupe"), std::string::npos) << order;
  EXPECT_EQ(order.find("201-234-567"), std::string::npos) << order;
  const std::string notice = PdfText(dir / "job" / "notice_ghostscript.pdf");
  EXPECT_EQ(notice.find("Joseph"), std::string::npos) << notice;
  EXPECT_EQ(notice.find("Petrenko"), std::string::npos) << notice;
  EXPECT_NE(notice.find("NOTICE OF CLASS MEMBERSHIP"), std::string::npos) << notice;

  // Done documents are done for those findings: an edited file is applied
  // again, not skipped.
  json["findings"] = nlohmann::json::array();
  WriteText(order_findings, json.dump(1));
  auto again = RunCommand({REDACT_BINARY, "run", "--names", kNames, "--progress", "none", "--findings",
                           (dir / "reviewed").string(), "--out", (dir / "job").string(), kOrder, kNotice});
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_NE(again.err.find("1 done, 1 skipped"), std::string::npos) << again.err;
  EXPECT_NE(PdfText(dir / "job" / "order_libreoffice.pdf").find("Guadalupe"), std::string::npos);

  // One document's findings made for the other, and one missing: each of
  // those documents fails, saying why; the job says some failed.
  fs::copy_file(dir / "reviewed" / "notice_ghostscript.findings.json", order_findings,
                fs::copy_options::overwrite_existing);
  fs::remove(dir / "reviewed" / "notice_ghostscript.findings.json");
  auto refused = RunCommand({REDACT_BINARY, "run", "--names", kNames, "--progress", "json", "--findings",
                             (dir / "reviewed").string(), "--out", (dir / "job2").string(), kOrder, kNotice});
  EXPECT_EQ(refused.exit_code, 6) << refused.out << refused.err;
  EXPECT_NE(refused.out.find("made from another PDF than the input"), std::string::npos) << refused.out;
  EXPECT_NE(refused.out.find("no reviewed findings file"), std::string::npos) << refused.out;
  EXPECT_FALSE(fs::exists(dir / "job2" / "order_libreoffice.pdf"));
  EXPECT_FALSE(fs::exists(dir / "job2" / "notice_ghostscript.pdf"));
}

}  // namespace
}  // namespace redact
