// The scanned samples (samples/scans, made by samples/make_scans.sh from the
// text samples: skewed, noisy, JPEG and G4, 200 and 300 dpi, and a mixed
// document). What the text sample yields is the answer key: every A-number
// and listed name found on the text page must be found at the same place on
// its scan (recall floor 0.97), and after apply, tesseract on a render of
// the output reads none of them, and no original image stream is left.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <podofo/podofo.h>
#include <utf8proc.h>

#include "pdf/document.h"
#include "stages/ocr/ocr.h"
#include "tests/testing/pdf_builder.h"
#include "tests/testing/require_tool.h"
#include "tests/testing/subprocess.h"

namespace redact {
namespace {

namespace fs = std::filesystem;
using testing::RunCommand;

const std::string kSamples = std::string(REDACT_SOURCE_DIR) + "/samples/";

std::string Read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), {});
}

// Case and accents folded away, white space runs made one space: the
// findings' values are written that way.
std::string Fold(const std::string& s) {
  utf8proc_uint8_t* out = nullptr;
  utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(s.c_str()), 0, &out,
               static_cast<utf8proc_option_t>(UTF8PROC_NULLTERM | UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK |
                                              UTF8PROC_CASEFOLD));
  std::string folded, spaced;
  if (out) folded = reinterpret_cast<char*>(out);
  std::free(out);
  for (char c : folded) {
    if (std::isspace(static_cast<unsigned char>(c))) {
      if (!spaced.empty() && spaced.back() != ' ') spaced += ' ';
    } else {
      spaced += c;
    }
  }
  return spaced;
}

struct ScannedSample {
  std::string text;      // the text sample
  std::string scan;      // its scan, under samples/scans
  int scan_page;         // the page of the scan that holds the text page
};

const ScannedSample kScans[] = {
    {"order_libreoffice.pdf", "order_jpeg_200dpi.pdf", 1},
    {"class_list_chromium.pdf", "class_list_g4_300dpi.pdf", 1},
    {"declaracion_pdflatex.pdf", "declaracion_jpeg_300dpi.pdf", 1},
    {"notice_ghostscript.pdf", "notice_g4_200dpi.pdf", 1},
    {"motion_pdflatex_cm.pdf", "motion_g4_300dpi.pdf", 1},
    {"class_list_chromium.pdf", "mixed_order_and_scan.pdf", 2},
};

nlohmann::json Findings(const std::string& file) {
  auto r = RunCommand({REDACT_BINARY, "scan", "--format", "json", "--names", kSamples + "names.csv", file});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return nlohmann::json::parse(r.out)["documents"][0]["findings"];
}

// What tesseract reads on a 200-dpi render of page `page` of `pdf`, folded.
std::string ReadBack(const fs::path& pdf, int page = 1) {
  const fs::path prefix = pdf.parent_path() / (pdf.stem().string() + "_render");
  RunCommand({"pdftoppm", "-r", "200", "-gray", "-singlefile", "-f", std::to_string(page), "-l",
              std::to_string(page), pdf.string(), prefix.string()});
  const fs::path render = prefix.string() + ".pgm";
  const std::string text = Fold(RunCommand({"tesseract", render.string(), "-", "-l", "eng+spa"}).out);
  fs::remove(render);
  return text;
}

void ExpectUnread(const std::string& read_back, const std::vector<std::string>& values) {
  for (const std::string& v : values) EXPECT_EQ(read_back.find(v), std::string::npos) << "tesseract reads " << v;
}

bool Key(const nlohmann::json& f) {
  return f["category"] == "a_number" || (f["category"] == "name" && f["rule"] == "names.list");
}

// Same place: the boxes overlap well, or one's centre lies in the other.
bool SamePlace(const nlohmann::json& a, const nlohmann::json& b) {
  const double ax0 = a[0], ay0 = a[1], ax1 = a[2], ay1 = a[3];
  const double bx0 = b[0], by0 = b[1], bx1 = b[2], by1 = b[3];
  const double iw = std::max(0.0, std::min(ax1, bx1) - std::max(ax0, bx0));
  const double ih = std::max(0.0, std::min(ay1, by1) - std::max(ay0, by0));
  const double inter = iw * ih, uni = (ax1 - ax0) * (ay1 - ay0) + (bx1 - bx0) * (by1 - by0) - inter;
  const double cx = (ax0 + ax1) / 2, cy = (ay0 + ay1) / 2;
  return (uni > 0 && inter / uni >= 0.3) || (cx >= bx0 - 3 && cx <= bx1 + 3 && cy >= by0 - 3 && cy <= by1 + 3);
}

class ScannedSamples : public ::testing::Test {
 protected:
  void SetUp() override {
    REDACT_REQUIRE_TOOL("pdftoppm");
    REDACT_REQUIRE_TOOL("tesseract");
    setenv("OMP_THREAD_LIMIT", "1", 1);
  }
};

TEST_F(ScannedSamples, AnumbersAndListedNamesAreFoundWhereTheTextHasThem) {
  int expected = 0, found = 0;
  for (const ScannedSample& s : kScans) {
    const nlohmann::json truth = Findings(kSamples + s.text);
    const nlohmann::json read = Findings(kSamples + "scans/" + s.scan);
    for (const auto& f : truth) {
      if (!Key(f) || f["page"] != 1) continue;
      ++expected;
      bool hit = false;
      for (const auto& g : read) {
        hit |= g["page"] == s.scan_page && g["category"] == f["category"] && SamePlace(f["bbox"], g["bbox"]);
      }
      found += hit;
      if (!hit) ADD_FAILURE() << s.scan << ": missed " << f["category"] << " (rule " << f["rule"] << ")";
    }
  }
  const double recall = expected ? static_cast<double>(found) / expected : 0;
  std::printf("scanned samples: A-number and listed-name recall %.3f (%d of %d)\n", recall, found, expected);
  EXPECT_GE(expected, 40);
  EXPECT_GE(recall, 0.97);
}

TEST_F(ScannedSamples, AfterApplyTesseractReadsNoneOfThemAndTheScansAreGone) {
  const fs::path dir = fs::temp_directory_path() / "redact_scanned_samples";
  fs::remove_all(dir);
  for (const ScannedSample& s : kScans) {
    SCOPED_TRACE(s.scan);
    const std::string input = kSamples + "scans/" + s.scan;
    auto a = RunCommand({REDACT_BINARY, "apply", "--names", kSamples + "names.csv", "--out", dir.string(), input});
    ASSERT_EQ(a.exit_code, 0) << a.err;
    const fs::path output = dir / s.scan;
    const std::string bytes = Read(output);
    // Re-encoded at their own quality (JPEG) or coding (G4): the redacted
    // scan is about the size of the original, not several times it.
    EXPECT_LE(bytes.size(), fs::file_size(input) * 5 / 4 + 20000) << "the redacted scan grew";
    // Every scanned image stream of the input is gone from the output.
    auto doc = pdf::Document::Open(input, {});
    ASSERT_TRUE(doc.has_value());
    for (const PlacedImage& im : FindPageImages(**doc, s.scan_page - 1)) {
      char* raw = nullptr;
      PoDoFo::pdf_long length = 0;
      im.xobject->GetStream()->GetCopy(&raw, &length);
      // Whole: a re-encoded G4 image shares its first rows' bytes.
      const std::string data(raw, static_cast<size_t>(length));
      PoDoFo::podofo_free(raw);
      EXPECT_EQ(bytes.find(data), std::string::npos) << "an original image stream survives";
    }
    // Our own verify, which OCRs the output again, agrees: redaction boxes
    // read as "M" or "MIMI" are no names.
    auto v = RunCommand({REDACT_BINARY, "verify", "--names", kSamples + "names.csv", "--original", input,
                         output.string()});
    EXPECT_EQ(v.exit_code, 0) << v.out << v.err;
    // What the text sample says is there, tesseract no longer reads.
    const std::string read_back = ReadBack(output, s.scan_page);
    ASSERT_GT(read_back.size(), 200u) << "the page is gone";
    std::string digits_only;
    for (char c : read_back) {
      if (std::isdigit(static_cast<unsigned char>(c))) digits_only += c;
    }
    for (const auto& f : Findings(kSamples + s.text)) {
      if (!Key(f) || f["page"] != 1) continue;
      const std::string value = f["value"];
      if (f["category"] == "a_number") {
        const std::string digits = value.substr(value.size() - 8);  // the last 8 digits
        EXPECT_EQ(digits_only.find(digits), std::string::npos) << "tesseract reads an A-number";
      } else {
        EXPECT_EQ(read_back.find(value), std::string::npos) << "tesseract reads a listed name";
      }
    }
  }
}

}  // namespace
}  // namespace redact

namespace redact {
namespace {

TEST_F(ScannedSamples, ReviewReadsTheScanAsApplyDoes) {
  // findings.json addresses what review saw; apply --findings must see the
  // same page, OCR'd the same way, and remove exactly that.
  const fs::path dir = fs::temp_directory_path() / "redact_scanned_review";
  fs::remove_all(dir);
  const std::string input = kSamples + "scans/order_jpeg_200dpi.pdf";
  auto r = RunCommand({REDACT_BINARY, "review", "--names", kSamples + "names.csv", "--out", dir.string(), input});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto reviewed = nlohmann::json::parse(Read(dir / "order_jpeg_200dpi.findings.json"))["findings"];
  const size_t scanned = Findings(input).size();
  EXPECT_EQ(reviewed.size(), scanned);
  EXPECT_GE(reviewed.size(), 10u);
  auto a = RunCommand({REDACT_BINARY, "apply", "--findings", (dir / "order_jpeg_200dpi.findings.json").string(),
                       "--out", (dir / "out").string(), input});
  ASSERT_EQ(a.exit_code, 0) << a.err;
  EXPECT_NE(a.out.find(std::to_string(scanned) + " finding(s) removed"), std::string::npos) << a.out;
  const std::string read_back = ReadBack(dir / "out" / "order_jpeg_200dpi.pdf");
  ASSERT_NE(read_back.find("order granting motion"), std::string::npos) << read_back;
  ExpectUnread(read_back, {"guadalupe", "ortiz", "234-567", "098-765-432"});
}

}  // namespace
}  // namespace redact

namespace redact {
namespace {

TEST_F(ScannedSamples, PagesReadInParallelReadAsInTurn) {
  REDACT_REQUIRE_TOOL("qpdf");
  const fs::path dir = fs::temp_directory_path() / "redact_scanned_jobs";
  fs::remove_all(dir);
  fs::create_directories(dir);
  // Scans, a text page between them, and a scan again: pages finish out
  // of order on two workers.
  const std::string joined = (dir / "joined.pdf").string();
  RunCommand({"qpdf", "--empty", "--pages", kSamples + "scans/notice_g4_200dpi.pdf", kSamples + "scans/class_list_g4_300dpi.pdf",
              kSamples + "order_libreoffice.pdf", kSamples + "scans/motion_g4_300dpi.pdf", "--", joined});
  auto one = RunCommand({REDACT_BINARY, "scan", "--jobs", "1", "--format", "json", "--names", kSamples + "names.csv", joined});
  auto two = RunCommand({REDACT_BINARY, "scan", "--jobs", "2", "--format", "json", "--names", kSamples + "names.csv", joined});
  ASSERT_EQ(one.exit_code, 0) << one.err;
  ASSERT_EQ(two.exit_code, 0) << two.err;
  EXPECT_EQ(one.out, two.out);
  EXPECT_GE(nlohmann::json::parse(one.out)["documents"][0]["findings"].size(), 40u);
  auto text_one = RunCommand({REDACT_BINARY, "extract", "--jobs", "1", joined});
  auto text_two = RunCommand({REDACT_BINARY, "extract", "--jobs", "2", joined});
  EXPECT_EQ(text_one.out, text_two.out);
}

}  // namespace
}  // namespace redact

namespace redact {
namespace {

std::string Pdftotext(const fs::path& pdf) {
  return RunCommand({"pdftotext", "-layout", pdf.string(), "-"}).out;
}

TEST_F(ScannedSamples, OcrLayerMakesTheRedactedScanSearchableWithoutWhatWasRemoved) {
  const fs::path dir = fs::temp_directory_path() / "redact_scanned_layer";
  fs::remove_all(dir);
  const std::string input = kSamples + "scans/order_jpeg_200dpi.pdf";
  auto a = RunCommand({REDACT_BINARY, "apply", "--ocr-layer", "--names", kSamples + "names.csv", "--out",
                       dir.string(), input});
  ASSERT_EQ(a.exit_code, 0) << a.err;
  const fs::path output = dir / "order_jpeg_200dpi.pdf";
  const std::string text = Fold(Pdftotext(output));
  EXPECT_NE(text.find("order granting motion to proceed under pseudonym"), std::string::npos) << text;
  EXPECT_NE(text.find("3:24-cv-01234-abc-def"), std::string::npos) << text;
  for (const std::string v : {"guadalupe", "hernandez", "ortiz", "201-", "234-567", "098-765-432", "eac2190012345",
                              "credible fear"}) {
    EXPECT_EQ(text.find(v), std::string::npos) << "the text layer holds " << v;
  }
  // Each word lies where it was read (pdftotext -bbox against our own
  // reading of the input).
  const std::string bbox = RunCommand({"pdftotext", "-bbox", output.string(), "-"}).out;
  const size_t at = bbox.find(">GRANTING<");
  ASSERT_NE(at, std::string::npos) << bbox;
  const size_t tag = bbox.rfind("<word", at);
  double x0 = 0, y0 = 0;
  ASSERT_EQ(std::sscanf(bbox.c_str() + tag, "<word xMin=\"%lf\" yMin=\"%lf\"", &x0, &y0), 2);
  auto e = RunCommand({REDACT_BINARY, "extract", "--format", "json", input});
  const nlohmann::json extracted = nlohmann::json::parse(e.out);  // outlives the loop
  for (const auto& w : extracted["pages"][0]["words"]) {
    if (w["text"] != "GRANTING") continue;
    EXPECT_NEAR(x0, w["bbox"][0].get<double>(), 2.0);
    EXPECT_NEAR(y0, w["bbox"][1].get<double>(), 4.0);
  }
  auto check = RunCommand({"qpdf", "--check", output.string()});
  EXPECT_EQ(check.exit_code, 0) << check.out;
  auto v = RunCommand({REDACT_BINARY, "verify", "--original", input, "--names", kSamples + "names.csv", output.string()});
  EXPECT_EQ(v.exit_code, 0) << v.out << v.err;
}

TEST_F(ScannedSamples, OcrAlwaysReplacesAnExistingInvisibleLayer) {
  REDACT_REQUIRE_TOOL("qpdf");
  const fs::path dir = fs::temp_directory_path() / "redact_scanned_always";
  fs::remove_all(dir);
  fs::create_directories(dir);
  // The scan with a misplaced invisible layer from some earlier OCR: the
  // name sits far from where the scan shows it, beside a marker word.
  const std::string layer = "BT 3 Tr /F1 11 Tf 1 0 0 1 60 60 Tm (ZQXJ Maria Guadalupe Hernandez-Nunez) Tj "
                            "0 -14 Td (ZQXJ overlay of an earlier OCR with many words in it) Tj ET";
  const fs::path overlay = dir / "overlay.pdf";
  std::ofstream(overlay, std::ios::binary) << testing::PdfBuilder::OnePage(
      layer, "<< /Font << /F1 " + testing::Helvetica() + " >> >>", "", "[0 0 601.92 847.08]");
  const fs::path layered = dir / "layered.pdf";
  RunCommand({"qpdf", kSamples + "scans/order_jpeg_200dpi.pdf", "--overlay", overlay.string(), "--",
              layered.string()});
  ASSERT_NE(Fold(Pdftotext(layered)).find("zqxj"), std::string::npos);
  for (const bool with_layer : {false, true}) {
    SCOPED_TRACE(with_layer ? "--ocr-layer" : "no layer");
    const fs::path out = dir / (with_layer ? "out_layer" : "out");
    std::vector<std::string> cmd = {REDACT_BINARY, "apply", "--ocr", "always", "--names", kSamples + "names.csv",
                                    "--out", out.string(), layered.string()};
    if (with_layer) cmd.push_back("--ocr-layer");
    auto a = RunCommand(cmd);
    ASSERT_EQ(a.exit_code, 0) << a.err;
    const std::string text = Fold(Pdftotext(out / "layered.pdf"));
    EXPECT_EQ(text.find("zqxj"), std::string::npos) << "the old layer survives:\n" << text;
    EXPECT_EQ(text.find("guadalupe"), std::string::npos) << text;
    EXPECT_EQ(text.find("order granting motion") != std::string::npos, with_layer) << text;
  }
}

TEST_F(ScannedSamples, PseudonymsOnAScanAreReadable) {
  const fs::path dir = fs::temp_directory_path() / "redact_scanned_pseudonyms";
  fs::remove_all(dir);
  auto a = RunCommand({REDACT_BINARY, "apply", "--mode", "pseudonymize", "--no-mapping", "--names",
                       kSamples + "names.csv", "--out", dir.string(), kSamples + "scans/order_jpeg_200dpi.pdf"});
  ASSERT_EQ(a.exit_code, 0) << a.err;
  const std::string read_back = ReadBack(dir / "order_jpeg_200dpi.pdf");
  EXPECT_NE(read_back.find("applicant"), std::string::npos) << "no pseudonym can be read:\n" << read_back;
  ExpectUnread(read_back, {"guadalupe", "ortiz", "234-567", "098-765-432"});
}

TEST_F(ScannedSamples, AScanWithAGoodInvisibleLayerIsBurnedWhereTheLayerSays) {
  // A scan that already carries a well-placed OCR layer (made here: our own
  // layer, with nothing removed) is read through that layer under auto, and
  // its pixels are still burned under every box.
  const fs::path dir = fs::temp_directory_path() / "redact_scanned_good_layer";
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::ofstream(dir / "keep.toml") << "[categories]\n"
                                      "a_number = \"keep\"\nname = \"keep\"\ncredible_fear = \"keep\"\n"
                                      "receipt_number = \"keep\"\ndob = \"keep\"\nphone = \"keep\"\n";
  auto made = RunCommand({REDACT_BINARY, "apply", "--ocr-layer", "--policy", (dir / "keep.toml").string(),
                          "--out", (dir / "layered").string(), kSamples + "scans/order_jpeg_200dpi.pdf"});
  ASSERT_EQ(made.exit_code, 0) << made.err;
  const fs::path layered = dir / "layered" / "order_jpeg_200dpi.pdf";
  ASSERT_NE(Fold(Pdftotext(layered)).find("guadalupe"), std::string::npos);
  auto a = RunCommand({REDACT_BINARY, "apply", "--names", kSamples + "names.csv", "--out", (dir / "out").string(),
                       layered.string()});
  ASSERT_EQ(a.exit_code, 0) << a.err;
  const fs::path output = dir / "out" / "order_jpeg_200dpi.pdf";
  EXPECT_EQ(Fold(Pdftotext(output)).find("guadalupe"), std::string::npos);
  const std::string read_back = ReadBack(output);
  ASSERT_NE(read_back.find("order granting motion"), std::string::npos) << read_back;
  ExpectUnread(read_back, {"guadalupe", "ortiz", "234-567", "098-765-432"});
}

}  // namespace
}  // namespace redact
