// Issue 16 §3: a scan's invisible text layer (a scanner's or an earlier
// OCR's) is believed by pdftotext and by viewers' search, but it may cover
// only the header or misread the A-number while the pixels show it all.
// Each test makes a real scan (pdftoppm of a typed page), lays a partial or
// wrong invisible layer over it, runs `redact apply`, and judges the output
// by tesseract on pdftoppm renders (tests/testing/oracles.h).
#include <gtest/gtest.h>
#include <zlib.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "tests/testing/oracles.h"
#include "tests/testing/pdf_builder.h"
#include "tests/testing/require_tool.h"
#include "tests/testing/subprocess.h"

namespace redact {
namespace {

namespace fs = std::filesystem;
using testing::Deflate;
using testing::PdfBuilder;
using testing::ReadersShowing;
using testing::RunCommand;

const std::string kFont = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>";

// The typed page the scan is made of: (baseline y, text) in 14-pt Helvetica.
const std::vector<std::pair<int, std::string>> kLines = {
    {720, "DECLARATION OF THE APPLICANT"},
    {680, "My name is Maria Hernandez-Nunez."},
    {650, "My A-Number is A201234567."},
    {620, "Counsel: John Smith, Attorney for Petitioner."},
};

std::string TextOf(const std::vector<std::pair<int, std::string>>& lines, int render_mode) {
  std::string s = "BT " + std::to_string(render_mode) + " Tr /F1 14 Tf ";
  for (const auto& [y, text] : lines) s += "1 0 0 1 72 " + std::to_string(y) + " Tm (" + text + ") Tj ";
  return s + "ET";
}


// A 150-dpi gray scan of kLines with `layer` as its invisible text layer.
std::string ScanWithLayer(const fs::path& dir, const std::vector<std::pair<int, std::string>>& layer) {
  fs::create_directories(dir);
  std::ofstream(dir / "typed.pdf", std::ios::binary)
      << PdfBuilder::OnePage(TextOf(kLines, 0), "<< /Font << /F1 " + kFont + " >> >>");
  RunCommand({"pdftoppm", "-r", "150", "-gray", "-singlefile", (dir / "typed.pdf").string(),
              (dir / "scan").string()});
  std::istringstream pgm(testing::ReadFile((dir / "scan.pgm").string()));
  std::string magic;
  int w = 0, h = 0, maxval = 0;
  pgm >> magic >> w >> h >> maxval;
  pgm.get();
  std::string pixels((std::istreambuf_iterator<char>(pgm)), {});
  EXPECT_EQ(magic, "P5");
  EXPECT_EQ(pixels.size(), static_cast<size_t>(w) * h);
  PdfBuilder b;
  const int image = b.AddStream("/Type /XObject /Subtype /Image /Width " + std::to_string(w) + " /Height " +
                                    std::to_string(h) +
                                    " /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode",
                                Deflate(pixels));
  const int contents = b.AddStream("", "q 612 0 0 792 0 0 cm /Im1 Do Q " + TextOf(layer, 3));
  return b.BuildOnePage(contents, "<< /XObject << /Im1 " + std::to_string(image) + " 0 R >> /Font << /F1 " +
                                      kFont + " >> >>");
}

struct Applied {
  int exit_code = -1;
  std::string err;
  testing::OracleReading reading;
  nlohmann::json report;
};

Applied Apply(const std::string& name, const std::vector<std::pair<int, std::string>>& layer) {
  const fs::path dir = fs::temp_directory_path() / ("redact_layer_" + name);
  fs::remove_all(dir);
  const std::string pdf = ScanWithLayer(dir, layer);
  std::ofstream(dir / (name + ".pdf"), std::ios::binary) << pdf;
  std::ofstream(dir / "names.csv") << "id,name,a_number\nP1,Maria Hernandez-Nunez,A201234567\n";
  fs::create_directories(dir / "out");
  auto r = RunCommand({REDACT_BINARY, "apply", "--names", (dir / "names.csv").string(), "--out",
                       (dir / "out").string(), (dir / (name + ".pdf")).string()});
  Applied a;
  a.exit_code = r.exit_code;
  a.err = r.err;
  const fs::path out = dir / "out" / (name + ".pdf");
  if (r.exit_code != 0 || !fs::exists(out)) return a;
  a.reading = testing::ReadWithOracles(out.string(), (dir / "oracle").string(), /*ocr=*/true);
  a.report = nlohmann::json::parse(testing::ReadFile((dir / "out" / (name + ".report.json")).string()));
  return a;
}

void ExpectScanRedacted(const Applied& a) {
  ASSERT_EQ(a.exit_code, 0) << a.err;
  for (const char* value : {"Hernandez", "201234567"}) {
    EXPECT_EQ(ReadersShowing(a.reading, value), std::vector<std::string>{}) << value;
  }
  // Counsel stays, in the pixels at least.
  EXPECT_NE(testing::FoldForReading(a.reading.ocr).find("johnsmith"), std::string::npos) << a.reading.ocr;
  ASSERT_TRUE(a.report.contains("warnings")) << a.report.dump();
  EXPECT_NE(a.report["warnings"]["pages_to_review"].dump().find("text-layer-replaced"), std::string::npos)
      << a.report["warnings"].dump();
}

void RequireOracles() {
  for (const char* tool : {"pdftoppm", "pdftotext", "mutool", "qpdf", "tesseract"}) {
    ASSERT_TRUE(testing::RequireProgram(tool)) << tool;
  }
}

TEST(HostileLayer, ALayerOverOnlyTheHeaderDoesNotHideTheScan) {
  RequireOracles();
  ExpectScanRedacted(Apply("header_only", {kLines[0]}));
}

TEST(HostileLayer, ALayerThatMisreadsTheNameAndNumberIsReplaced) {
  ExpectScanRedacted(Apply("misread", {kLines[0],
                                      {680, "My narne is Mana Hcrnandcz-Nuncz."},
                                      {650, "My A-Numbcr is A2O1Z34S67."},
                                      kLines[3]}));
}

TEST(HostileLayer, ATrueLayerIsKeptAndNotSentToReview) {
  RequireOracles();
  const Applied a = Apply("true_layer", kLines);
  ASSERT_EQ(a.exit_code, 0) << a.err;
  for (const char* value : {"Hernandez", "201234567"}) {
    EXPECT_EQ(ReadersShowing(a.reading, value), std::vector<std::string>{}) << value;
  }
  EXPECT_EQ(a.report["warnings"]["pages_to_review"].dump().find("text-layer-replaced"), std::string::npos)
      << a.report["warnings"].dump();
  EXPECT_NE(testing::FoldForReading(a.reading.pdftotext).find("johnsmith"), std::string::npos);
}

}  // namespace
}  // namespace redact
