// Scanned pages, end to end: image-only PDFs made here from the samples
// (pdftoppm → JPEG at 200 dpi, and → bilevel CCITT G4), OCR'd, redacted
// with pixels burned, and judged by the tesseract CLI on pdftoppm renders
// of the outputs: none of the values may be read back, and the original
// image stream is gone.
#include <gtest/gtest.h>
#include <leptonica/allheaders.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "tests/testing/pdf_builder.h"
#include "tests/testing/require_tool.h"
#include "tests/testing/subprocess.h"

namespace redact {
namespace {

namespace fs = std::filesystem;
using testing::PdfBuilder;
using testing::RunCommand;

const std::string kTop = REDACT_SOURCE_DIR;

std::string Read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), {});
}

std::string Lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), ::tolower);
  return s;
}

// For tests that OCR (after REDACT_REQUIRE_TOOL pdftoppm and tesseract):
// OpenMP is held to one thread as in redact, and `dir` is made empty.
void PrepareForOcr(const fs::path& dir) {
  setenv("OMP_THREAD_LIMIT", "1", 1);
  fs::remove_all(dir);
  fs::create_directories(dir);
}

// What the tesseract CLI reads on a pdftoppm render of page 1 of `pdf` at
// `dpi`, lower-cased.
std::string ReadBack(const fs::path& pdf, int dpi) {
  const fs::path prefix = pdf.parent_path() / (pdf.stem().string() + "_readback");
  RunCommand({"pdftoppm", "-r", std::to_string(dpi), "-gray", "-singlefile", "-f", "1", "-l", "1", pdf.string(),
              prefix.string()});
  const std::string text = Lower(RunCommand({"tesseract", prefix.string() + ".pgm", "-", "-l", "eng+spa"}).out);
  fs::remove(prefix.string() + ".pgm");
  return text;
}

void ExpectUnread(const std::string& read_back, const std::vector<std::string>& values) {
  for (const std::string& v : values) {
    EXPECT_EQ(read_back.find(v), std::string::npos) << "tesseract reads " << v << " in\n" << read_back;
  }
}

// An image-only PDF: one page of `sample`, rendered and embedded as a
// full-page JPEG or G4 image. Returns {pdf bytes, image stream bytes}.
// With `stamp`, a line of real text is added at the foot, as a Bates stamp.
std::pair<std::string, std::string> Scan(const std::string& sample, bool g4, const fs::path& dir,
                                         const std::string& stamp = "") {
  const std::string prefix = (dir / "render").string();
  if (g4) {
    RunCommand({"pdftoppm", "-r", "200", "-mono", "-f", "1", "-l", "1", sample, prefix});
  } else {
    RunCommand({"pdftoppm", "-r", "200", "-jpeg", "-f", "1", "-l", "1", sample, prefix});
  }
  fs::path image;
  for (const auto& e : fs::directory_iterator(dir)) {
    if (e.path().filename().string().starts_with("render")) image = e.path();
  }
  std::string data, dict;
  PIX* pix = pixRead(image.string().c_str());
  const int w = pixGetWidth(pix), h = pixGetHeight(pix);
  if (g4) {
    L_COMP_DATA* cid = nullptr;
    pixGenerateCIData(pix, L_G4_ENCODE, 0, 0, &cid);
    data.assign(reinterpret_cast<char*>(cid->datacomp), cid->nbytescomp);
    l_CIDataDestroy(&cid);
    dict = "/ColorSpace /DeviceGray /BitsPerComponent 1 /Filter /CCITTFaxDecode /DecodeParms << "
           "/K -1 /Columns " + std::to_string(w) + " /Rows " + std::to_string(h) + " >>";
  } else {
    data = Read(image);
    dict = "/ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /DCTDecode";
  }
  pixDestroy(&pix);
  fs::remove(image);
  PdfBuilder b;
  const int im = b.AddStream("/Type /XObject /Subtype /Image /Width " + std::to_string(w) +
                                 " /Height " + std::to_string(h) + " " + dict, data);
  // The samples are letter size: the 200-dpi image fills a letter page.
  const int contents = b.AddStream("", "q 612 0 0 792 0 0 cm /Im1 Do Q" +
                                           (stamp.empty() ? "" : " BT /F1 8 Tf 380 14 Td (" + stamp + ") Tj ET"));
  return {b.BuildOnePage(contents, "<< /Font << /F1 " + testing::Helvetica() + " >> /XObject << /Im1 " +
                                       std::to_string(im) + " 0 R >> >>"),
          data};
}

void CheckScan(const std::string& name, const std::string& sample, bool g4,
               const std::vector<std::string>& values, const std::vector<std::string>& lines,
               const std::string& stamp = "") {
  REDACT_REQUIRE_TOOL("pdftoppm");
  REDACT_REQUIRE_TOOL("tesseract");
  // The tesseract CLI, like our own binary, is slower with OpenMP threads
  // contending on a small machine.
  setenv("OMP_THREAD_LIMIT", "1", 1);
  const fs::path dir = fs::temp_directory_path() / ("redact_ocr_" + name);
  fs::remove_all(dir);
  fs::create_directories(dir);
  auto [pdf, image] = Scan(sample, g4, dir, stamp);
  std::ofstream(dir / "scan.pdf", std::ios::binary) << pdf;
  const std::vector<std::string> detection = {"--names", kTop + "/samples/names.csv"};

  // Read: OCR'd words assemble into the lines a reader sees (overlapping
  // symbol boxes, table rules read as blanks, wrapped cells).
  auto e = RunCommand({REDACT_BINARY, "extract", (dir / "scan.pdf").string()});
  ASSERT_EQ(e.exit_code, 0) << e.err;
  for (const std::string& line : lines) {
    EXPECT_NE(e.out.find(line), std::string::npos) << name << ": no line \"" << line << "\" in\n" << e.out;
  }

  // Found: the scan reports the listed people and their A-numbers.
  std::vector<std::string> scan = {REDACT_BINARY, "scan", "--format", "json"};
  scan.insert(scan.end(), detection.begin(), detection.end());
  scan.push_back((dir / "scan.pdf").string());
  auto s = RunCommand(scan);
  ASSERT_EQ(s.exit_code, 0) << s.err;
  auto counts = nlohmann::json::parse(s.out)["counts"];
  EXPECT_GE(counts.value("name", 0), 2) << s.out;
  EXPECT_GE(counts.value("a_number", 0), 1) << s.out;

  // Removed: pixels burned, image re-encoded, nothing read back.
  std::vector<std::string> apply = {REDACT_BINARY, "apply", "--out", (dir / "out").string()};
  apply.insert(apply.end(), detection.begin(), detection.end());
  apply.push_back((dir / "scan.pdf").string());
  auto a = RunCommand(apply);
  ASSERT_EQ(a.exit_code, 0) << a.err;
  auto report = nlohmann::json::parse(Read(dir / "out" / "scan.report.json"));
  EXPECT_EQ(report["removed"]["images_burned"], 1);
  EXPECT_EQ(report["removed"]["images_replaced_whole"], 0);
  const std::string output = Read(dir / "out" / "scan.pdf");
  EXPECT_EQ(output.find(image), std::string::npos) << "the original image stream survives";
  RunCommand({"pdftoppm", "-r", "200", "-png", (dir / "out" / "scan.pdf").string(),
              (dir / "after").string()});
  const std::string read_back =
      Lower(RunCommand({"tesseract", (dir / "after-1.png").string(), "-", "-l", "eng+spa"}).out);
  ASSERT_GT(read_back.size(), 200u) << "tesseract read nothing at all";
  for (const std::string& v : values) {
    EXPECT_EQ(read_back.find(Lower(v)), std::string::npos) << name << ": tesseract reads " << v;
  }
}

TEST(Ocr, JpegScanOfTheOrder) {
  CheckScan("jpeg", kTop + "/samples/order_libreoffice.pdf", false,
            {"Guadalupe", "Hernández", "201-234", "234-567", "098-765-432", "EAC2190012345",
             "credible fear", "Ortiz"},
            {"SOUTHERN DISTRICT OF CALIFORNIA\n", "ORDER GRANTING MOTION TO PROCEED UNDER PSEUDONYM\n"});
}

TEST(Ocr, AStampedScanIsStillRead) {
  // A text layer of one stamp line is not a text layer of the page.
  CheckScan("stamped", kTop + "/samples/order_libreoffice.pdf", false,
            {"Guadalupe", "201-234", "098-765-432", "Ortiz"}, {"ORDER GRANTING MOTION", "DEF-000123 CONFIDENTIAL"},
            "DEF-000123 CONFIDENTIAL - SUBJECT TO PROTECTIVE ORDER");
}

TEST(Ocr, G4ScanOfTheClassList) {
  CheckScan("g4", kTop + "/samples/class_list_chromium.pdf", true,
            {"Guadalupe", "A201234567", "Petrenko", "A204111222", "Bekele", "Idrissi"},
            {"HERNÁNDEZ-NÚÑEZ, Maria\nGuadalupe\n", "Contact for the class: Legal Aid Office",
             "\n1-870) are attached as Exhibit B."});
}

// A one-page PDF painting `image_dict`/`data` over the whole page.
std::string ImagePage(const std::string& image_dict, const std::string& data) {
  PdfBuilder b;
  const int im = b.AddStream("/Type /XObject /Subtype /Image " + image_dict, data);
  const int contents = b.AddStream("", "q 612 0 0 792 0 0 cm /Im1 Do Q");
  return b.BuildOnePage(contents, "<< /XObject << /Im1 " + std::to_string(im) + " 0 R >> >>");
}

TEST(Ocr, UnreadAndUnreadablePagesAreSentToAPerson) {
  REDACT_REQUIRE_TOOL("pdftoppm");
  const fs::path dir = fs::temp_directory_path() / "redact_ocr_review";
  fs::remove_all(dir);
  fs::create_directories(dir);
  // A scan of the order, left unread by --ocr never.
  auto [scan, image] = Scan(kTop + "/samples/order_libreoffice.pdf", false, dir);
  std::ofstream(dir / "scan.pdf", std::ios::binary) << scan;
  // A blank grey scan: OCR runs and reads nothing.
  std::ofstream(dir / "blank.pdf", std::ios::binary)
      << ImagePage("/Width 170 /Height 220 /ColorSpace /DeviceGray /BitsPerComponent 8",
                   std::string(170 * 220, '\xe0'));
  struct Case { std::string file, ocr, reason; };
  for (const Case& c : {Case{"scan", "never", "not-ocrd"}, Case{"blank", "auto", "low-ocr-confidence"}}) {
    auto a = RunCommand({REDACT_BINARY, "apply", "--ocr", c.ocr, "--out", (dir / "out").string(),
                         (dir / (c.file + ".pdf")).string()});
    ASSERT_EQ(a.exit_code, 0) << a.err;
    EXPECT_NE(a.err.find("page 1: review by hand before filing (" + c.reason + ")"), std::string::npos)
        << c.file << ": " << a.err;
    auto report = nlohmann::json::parse(Read(dir / "out" / (c.file + ".report.json")));
    EXPECT_EQ(report["warnings"]["pages_to_review"],
              nlohmann::json::parse("[{\"page\": 1, \"reason\": \"" + c.reason + "\"}]"))
        << c.file;
  }
  // The scan read normally is not sent to review.
  auto a = RunCommand({REDACT_BINARY, "apply", "--out", (dir / "out2").string(), (dir / "scan.pdf").string()});
  ASSERT_EQ(a.exit_code, 0) << a.err;
  EXPECT_EQ(a.err.find("review by hand"), std::string::npos) << a.err;
}

TEST(Ocr, AScanPaintedAsAnInlineImageIsReadAndBurned) {
  const fs::path dir = fs::temp_directory_path() / "redact_ocr_inline";
  REDACT_REQUIRE_TOOL("pdftoppm");
  REDACT_REQUIRE_TOOL("tesseract");
  PrepareForOcr(dir);
  // The order at 150 dpi, bilevel, as an ASCIIHex + CCITT G4 inline image.
  RunCommand({"pdftoppm", "-r", "150", "-mono", "-f", "1", "-l", "1", kTop + "/samples/order_libreoffice.pdf",
              (dir / "render").string()});
  PIX* pix = pixRead((dir / "render-1.pbm").string().c_str());
  ASSERT_NE(pix, nullptr);
  L_COMP_DATA* cid = nullptr;
  pixGenerateCIData(pix, L_G4_ENCODE, 0, 0, &cid);
  std::string hex;
  for (size_t i = 0; i < cid->nbytescomp; ++i) {
    static const char* digits = "0123456789abcdef";
    hex += digits[cid->datacomp[i] >> 4];
    hex += digits[cid->datacomp[i] & 15];
    if (i % 64 == 63) hex += '\n';
  }
  const std::string w = std::to_string(pixGetWidth(pix)), h = std::to_string(pixGetHeight(pix));
  l_CIDataDestroy(&cid);
  pixDestroy(&pix);
  std::ofstream(dir / "inline.pdf", std::ios::binary) << PdfBuilder::OnePage(
      "q 595 0 0 842 0 0 cm BI /W " + w + " /H " + h + " /CS /G /BPC 1 /F [/AHx /CCF] /DP [null << /K -1 /Columns " +
          w + " >>] ID\n" + hex + ">\nEI Q",
      "<< >>", "", "[0 0 595 842]");
  auto a = RunCommand({REDACT_BINARY, "apply", "--names", kTop + "/samples/names.csv", "--out",
                       (dir / "out").string(), (dir / "inline.pdf").string()});
  ASSERT_EQ(a.exit_code, 0) << a.err;
  auto report = nlohmann::json::parse(Read(dir / "out" / "inline.report.json"));
  EXPECT_EQ(report["removed"]["images_burned"], 1) << report.dump(1);
  EXPECT_EQ(report["removed"]["images_replaced_whole"], 0);
  EXPECT_EQ(Read(dir / "out" / "inline.pdf").find(hex.substr(0, 200)), std::string::npos)
      << "the inline image's data survives";
  const std::string read_back = ReadBack(dir / "out" / "inline.pdf", 150);
  ASSERT_NE(read_back.find("order granting motion"), std::string::npos) << "the page was not kept:\n" << read_back;
  ExpectUnread(read_back, {"guadalupe", "201-234", "098-765-432", "ortiz"});
}

TEST(Ocr, AnImageOnATypedPageIsReadToo) {
  // A typed declaration with a photographed ID card pasted in: the page has
  // a real text layer, but the card's name and A-number are only pixels.
  const fs::path dir = fs::temp_directory_path() / "redact_ocr_card";
  REDACT_REQUIRE_TOOL("pdftoppm");
  REDACT_REQUIRE_TOOL("tesseract");
  PrepareForOcr(dir);
  std::ofstream(dir / "card_source.pdf", std::ios::binary) << PdfBuilder::OnePage(
      "BT /F1 14 Tf 10 40 Td (Maria Guadalupe Hernandez-Nunez) Tj 0 -20 Td (USCIS A201234567) Tj ET",
      "<< /Font << /F1 " + testing::Helvetica() + " >> >>", "", "[0 0 300 70]");
  RunCommand({"pdftoppm", "-r", "200", "-jpeg", (dir / "card_source.pdf").string(), (dir / "card").string()});
  const std::string jpeg = Read(dir / "card-1.jpg");
  ASSERT_FALSE(jpeg.empty());
  PdfBuilder b;
  const int im = b.AddStream("/Type /XObject /Subtype /Image /Width 833 /Height 194 /ColorSpace /DeviceRGB "
                             "/BitsPerComponent 8 /Filter /DCTDecode", jpeg);
  std::string text = "BT /F1 11 Tf 72 720 Td 14 TL";
  for (int i = 0; i < 20; ++i) text += " (I declare under penalty of perjury that the following is true and correct.) '";
  text += " ET q 300 0 0 70 72 300 cm /Card Do Q";
  const int contents = b.AddStream("", text);
  std::ofstream(dir / "declaration.pdf", std::ios::binary)
      << b.BuildOnePage(contents, "<< /Font << /F1 " + testing::Helvetica() + " >> /XObject << /Card " +
                                      std::to_string(im) + " 0 R >> >>");
  auto a = RunCommand({REDACT_BINARY, "apply", "--names", kTop + "/samples/names.csv", "--out",
                       (dir / "out").string(), (dir / "declaration.pdf").string()});
  ASSERT_EQ(a.exit_code, 0) << a.err;
  auto report = nlohmann::json::parse(Read(dir / "out" / "declaration.report.json"));
  EXPECT_EQ(report["removed"]["images_burned"], 1) << report.dump(1);
  const std::string read_back = ReadBack(dir / "out" / "declaration.pdf", 200);
  ASSERT_NE(read_back.find("declare under"), std::string::npos) << "the page was not kept:\n" << read_back;
  ExpectUnread(read_back, {"guadalupe", "hernandez", "201234567"});
}

TEST(Ocr, AnUnreadableImageOnAPageThatNeedsOcrFailsClosed) {
  const fs::path dir = fs::temp_directory_path() / "redact_ocr_unreadable";
  fs::remove_all(dir);
  fs::create_directories(dir);
  // An inline "JPEG" that is not one, and a JBIG2 XObject that is not one.
  std::ofstream(dir / "inline.pdf", std::ios::binary) << PdfBuilder::OnePage(
      "q 500 0 0 700 50 50 cm BI /W 20 /H 20 /CS /G /BPC 8 /F [/AHx /DCT] ID 00112233> EI Q", "<< >>");
  std::ofstream(dir / "jbig2.pdf", std::ios::binary)
      << ImagePage("/Width 200 /Height 200 /ColorSpace /DeviceGray /BitsPerComponent 1 /Filter /JBIG2Decode",
                   std::string(300, '\x5a'));
  for (const char* name : {"inline", "jbig2"}) {
    const std::string file = (dir / (std::string(name) + ".pdf")).string();
    auto a = RunCommand({REDACT_BINARY, "apply", "--out", (dir / "out").string(), file});
    EXPECT_EQ(a.exit_code, 4) << a.err;
    EXPECT_NE(a.err.find(std::string(name) + ".pdf"), std::string::npos) << a.err;
    EXPECT_NE(a.err.find("not readable"), std::string::npos) << a.err;
    EXPECT_FALSE(fs::exists(dir / "out" / (std::string(name) + ".pdf"))) << "a page nobody read was written";
  }
}

// The order rendered at 150 dpi, turned by `turn` (Leptonica), painted by
// `placement` on a page of `media_box` with `page_extra` (/Rotate): a scan
// whose pixels only read upright once the page is shown as a viewer shows it.
void CheckTurnedScan(const std::string& name, PIX* (*turn)(PIX*), const std::string& placement,
                     const std::string& media_box, const std::string& page_extra) {
  SCOPED_TRACE(name);
  const fs::path dir = fs::temp_directory_path() / ("redact_ocr_turned_" + name);
  REDACT_REQUIRE_TOOL("pdftoppm");
  REDACT_REQUIRE_TOOL("tesseract");
  PrepareForOcr(dir);
  RunCommand({"pdftoppm", "-r", "150", "-gray", "-singlefile", kTop + "/samples/order_libreoffice.pdf",
              (dir / "render").string()});
  PIX* upright = pixRead((dir / "render.pgm").string().c_str());
  ASSERT_NE(upright, nullptr);
  PIX* turned = turn(upright);
  l_uint8* jpeg = nullptr;
  size_t size = 0;
  ASSERT_EQ(pixWriteMemJpeg(&jpeg, &size, turned, 85, 0), 0);
  const std::string data(reinterpret_cast<char*>(jpeg), size);
  lept_free(jpeg);
  PdfBuilder b;
  const int im = b.AddStream("/Type /XObject /Subtype /Image /Width " + std::to_string(pixGetWidth(turned)) +
                                 " /Height " + std::to_string(pixGetHeight(turned)) +
                                 " /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /DCTDecode",
                             data);
  pixDestroy(&upright);
  pixDestroy(&turned);
  const int contents = b.AddStream("", "q " + placement + " cm /Im1 Do Q");
  const int pages = b.Reserve();
  const int page = b.Add("<< /Type /Page /Parent " + std::to_string(pages) + " 0 R /MediaBox " + media_box +
                         " /Resources << /XObject << /Im1 " + std::to_string(im) + " 0 R >> >> /Contents " +
                         std::to_string(contents) + " 0 R " + page_extra + " >>");
  b.Set(pages, "<< /Type /Pages /Kids [" + std::to_string(page) + " 0 R] /Count 1 >>");
  std::ofstream(dir / "turned.pdf", std::ios::binary)
      << b.Build(b.Add("<< /Type /Catalog /Pages " + std::to_string(pages) + " 0 R >>"));
  const std::string names = kTop + "/samples/names.csv";
  auto s = RunCommand({REDACT_BINARY, "scan", "--format", "json", "--names", names, (dir / "turned.pdf").string()});
  ASSERT_EQ(s.exit_code, 0) << s.err;
  auto counts = nlohmann::json::parse(s.out)["counts"];
  EXPECT_GE(counts.value("name", 0), 3) << s.out;
  EXPECT_GE(counts.value("a_number", 0), 2) << s.out;
  auto a = RunCommand({REDACT_BINARY, "apply", "--names", names, "--out", (dir / "out").string(),
                       (dir / "turned.pdf").string()});
  ASSERT_EQ(a.exit_code, 0) << a.err;
  const std::string read_back = ReadBack(dir / "out" / "turned.pdf", 150);
  ASSERT_NE(read_back.find("order granting motion"), std::string::npos) << "not shown upright:\n" << read_back;
  ExpectUnread(read_back, {"guadalupe", "201-", "098-765-432", "ortiz"});
}

PIX* TurnQuarterClockwise(PIX* p) { return pixRotateOrth(p, 1); }
PIX* TurnHalf(PIX* p) { return pixRotateOrth(p, 2); }
PIX* Mirror(PIX* p) { return pixFlipLR(nullptr, p); }

TEST(Ocr, SidewaysScanOnARotatedPage) {
  // Stored a quarter turn clockwise on a landscape page; /Rotate 270 shows
  // it upright.
  CheckTurnedScan("rotate", TurnQuarterClockwise, "842 0 0 595 0 0", "[0 0 842 595]", "/Rotate 270");
}

TEST(Ocr, UpsideDownAndMirroredScansPlacedUpright) {
  // The placement matrix turns or flips the pixels back.
  CheckTurnedScan("half", TurnHalf, "-595 0 0 -842 595 842", "[0 0 595 842]", "");
  CheckTurnedScan("mirror", Mirror, "-595 0 0 842 595 0", "[0 0 595 842]", "");
}

TEST(Ocr, AskewScanStraightenedAndThresholdedFirst) {
  const fs::path dir = fs::temp_directory_path() / "redact_ocr_askew";
  REDACT_REQUIRE_TOOL("pdftoppm");
  REDACT_REQUIRE_TOOL("tesseract");
  PrepareForOcr(dir);
  // The order at 200 dpi, turned 2.5 degrees as a careless scan would be.
  RunCommand({"pdftoppm", "-r", "200", "-gray", "-singlefile", kTop + "/samples/order_libreoffice.pdf",
              (dir / "render").string()});
  PIX* upright = pixRead((dir / "render.pgm").string().c_str());
  ASSERT_NE(upright, nullptr);
  PIX* askew = pixRotate(upright, 2.5f * 3.14159265f / 180, L_ROTATE_AREA_MAP, L_BRING_IN_WHITE, 0, 0);
  l_uint8* jpeg = nullptr;
  size_t size = 0;
  ASSERT_EQ(pixWriteMemJpeg(&jpeg, &size, askew, 85, 0), 0);
  const std::string data(reinterpret_cast<char*>(jpeg), size);
  lept_free(jpeg);
  const std::string w = std::to_string(pixGetWidth(askew)), h = std::to_string(pixGetHeight(askew));
  pixDestroy(&upright);
  pixDestroy(&askew);
  PdfBuilder b;
  const int im = b.AddStream("/Type /XObject /Subtype /Image /Width " + w + " /Height " + h +
                                 " /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /DCTDecode",
                             data);
  const int contents = b.AddStream("", "q 595 0 0 842 0 0 cm /Im1 Do Q");
  std::ofstream(dir / "askew.pdf", std::ios::binary)
      << b.BuildOnePage(contents, "<< /XObject << /Im1 " + std::to_string(im) + " 0 R >> >>");
  const std::string names = kTop + "/samples/names.csv";
  for (const std::vector<std::string>& cleanup :
       {std::vector<std::string>{"--deskew"}, std::vector<std::string>{"--deskew", "--binarize"}}) {
    SCOPED_TRACE(cleanup.back());
    std::vector<std::string> scan = {REDACT_BINARY, "scan", "--format", "json", "--names", names};
    scan.insert(scan.end(), cleanup.begin(), cleanup.end());
    scan.push_back((dir / "askew.pdf").string());
    auto s = RunCommand(scan);
    ASSERT_EQ(s.exit_code, 0) << s.err;
    auto counts = nlohmann::json::parse(s.out)["counts"];
    EXPECT_GE(counts.value("name", 0), 3) << s.out;
    EXPECT_GE(counts.value("a_number", 0), 2) << s.out;
    const fs::path out = dir / ("out" + std::to_string(cleanup.size()));
    // --no-verify: this test is about where boxes land on a skewed scan.
    // apply's own check (rightly) refuses this output: OCR of the burned
    // skewed page reads a credible-fear phrase the first OCR pass missed.
    std::vector<std::string> apply = {REDACT_BINARY, "apply", "--no-verify", "--names", names, "--out", out.string()};
    apply.insert(apply.end(), cleanup.begin(), cleanup.end());
    apply.push_back((dir / "askew.pdf").string());
    auto a = RunCommand(apply);
    ASSERT_EQ(a.exit_code, 0) << a.err;
    // Boxes land on the skewed words: nothing of them is left to read.
    const std::string read_back = ReadBack(out / "askew.pdf", 200);
    ASSERT_NE(read_back.find("proceed under"), std::string::npos) << read_back;
    ExpectUnread(read_back, {"guadalupe", "201-", "234-567", "098-765-432", "ortiz", "eac2190012345"});
  }
}

}  // namespace
}  // namespace redact
