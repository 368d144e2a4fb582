// Resource attacks: each bounded by a limit (policy [limits], sane
// defaults) and answered with a clear error naming the limit, never an
// out-of-memory, a hang, a stack overflow or a crash.
#include <gtest/gtest.h>
#include <zlib.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "tests/testing/pdf_builder.h"
#include "tests/testing/subprocess.h"

namespace redact {
namespace {

namespace fs = std::filesystem;
using testing::Deflate;
using testing::PdfBuilder;
using testing::RunCommand;

const std::string kFont = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>";


struct ApplyRun {
  int exit_code;
  int signal;
  std::string err;
};

// `redact apply` on `pdf` with an optional policy text, under a time limit.
ApplyRun Apply(const std::string& name, const std::string& pdf, const std::string& policy = "") {
  const fs::path dir = fs::temp_directory_path() / ("redact_limits_" + name);
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::ofstream(dir / "in.pdf", std::ios::binary) << pdf;
  std::vector<std::string> argv = {"timeout", "120", REDACT_BINARY, "apply", "--out", (dir / "out").string()};
  if (!policy.empty()) {
    std::ofstream(dir / "policy.toml") << policy;
    argv.insert(argv.end(), {"--policy", (dir / "policy.toml").string()});
  }
  argv.push_back((dir / "in.pdf").string());
  auto r = RunCommand(argv);
  return {r.exit_code, r.signal, r.err};
}

TEST(ResourceLimits, ADecompressionBombInAContentStreamHitsTheStreamLimit) {
  // 64 MiB of spaces in 64 KB of Flate; the policy allows 16 MiB.
  PdfBuilder b;
  const int contents = b.AddStream("/Filter /FlateDecode", Deflate(std::string(size_t{64} << 20, ' ')));
  ApplyRun r = Apply("bomb", b.BuildOnePage(contents, "<< >>"), "[limits]\nmax_stream_mb = 16\n");
  EXPECT_EQ(r.exit_code, 4) << r.err;
  EXPECT_NE(r.err.find("max_stream_mb"), std::string::npos) << r.err;
}

TEST(ResourceLimits, TooManyPagesFailBeforeAnyIsRead) {
  PdfBuilder b;
  const int contents = b.AddStream("", "BT /F1 12 Tf 72 700 Td (Page) Tj ET");
  const int pages = b.Reserve();
  std::string kids;
  for (int i = 0; i < 30; ++i) {
    kids += std::to_string(b.Add("<< /Type /Page /Parent " + std::to_string(pages) +
                                 " 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 " + kFont +
                                 " >> >> /Contents " + std::to_string(contents) + " 0 R >>")) +
            " 0 R ";
  }
  b.Set(pages, "<< /Type /Pages /Kids [" + kids + "] /Count 30 >>");
  const std::string pdf = b.Build(b.Add("<< /Type /Catalog /Pages " + std::to_string(pages) + " 0 R >>"));
  ApplyRun r = Apply("pages", pdf, "[limits]\nmax_pages = 20\n");
  EXPECT_EQ(r.exit_code, 4) << r.err;
  EXPECT_NE(r.err.find("30 pages, more than the limit of 20 ([limits] max_pages)"), std::string::npos) << r.err;
  EXPECT_EQ(Apply("pages_ok", pdf).exit_code, 0);
}

TEST(ResourceLimits, AHugeImageHitsThePixelLimit) {
  // Declared 40000 x 40000 (1.6 gigapixels) on an otherwise empty page: OCR
  // would have to decode it.
  PdfBuilder b;
  const int image = b.AddStream("/Type /XObject /Subtype /Image /Width 40000 /Height 40000 "
                                "/ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode",
                                Deflate(std::string(1000, '\0')));
  const int contents = b.AddStream("", "q 612 0 0 792 0 0 cm /Im Do Q");
  ApplyRun r = Apply("image", b.BuildOnePage(contents, "<< /XObject << /Im " + std::to_string(image) + " 0 R >> >>"));
  EXPECT_EQ(r.exit_code, 4) << r.err;
  EXPECT_NE(r.err.find("max_image_megapixels"), std::string::npos) << r.err;
}

TEST(ResourceLimits, DeepPageTreesAndCyclicFormsStayBounded) {
  {
    // 5000 nested /Pages nodes above one page.
    PdfBuilder b;
    const int contents = b.AddStream("", "BT /F1 12 Tf 72 700 Td (Deep) Tj ET");
    int node = b.Reserve();
    const int root = node;
    for (int i = 0; i < 5000; ++i) {
      const int child = b.Reserve();
      b.Set(node, "<< /Type /Pages /Kids [" + std::to_string(child) + " 0 R] /Count 1 >>");
      node = child;
    }
    b.Set(node, "<< /Type /Page /MediaBox [0 0 612 792] /Resources << /Font << /F1 " + kFont +
                    " >> >> /Contents " + std::to_string(contents) + " 0 R >>");
    ApplyRun r = Apply("deep_tree", b.Build(b.Add("<< /Type /Catalog /Pages " + std::to_string(root) + " 0 R >>")));
    EXPECT_EQ(r.signal, 0) << r.err;
    EXPECT_NE(r.exit_code, 124) << "hang";
    EXPECT_TRUE(r.exit_code == 0 || r.exit_code == 4) << r.exit_code << ": " << r.err;
  }
  {
    // A form that paints itself.
    PdfBuilder b;
    const int form = b.Reserve();
    b.Set(form, "<< /Type /XObject /Subtype /Form /BBox [0 0 9 9] /Resources << /XObject << /Fx " +
                    std::to_string(form) + " 0 R >> >> /Length 6 >>\nstream\n/Fx Do\nendstream");
    const int contents = b.AddStream("", "/Fx Do");
    ApplyRun r = Apply("cycle", b.BuildOnePage(contents, "<< /XObject << /Fx " + std::to_string(form) + " 0 R >> >>"));
    EXPECT_EQ(r.exit_code, 4) << r.err;
    EXPECT_NE(r.err.find("paints itself"), std::string::npos) << r.err;
  }
}

TEST(ResourceLimits, AbsurdNumbersInOperatorsNeitherCrashNorHang) {
  const std::string content =
      "1e308 0 0 1e308 0 0 cm BT /F1 1e300 Tf 1e300 Tz 1e300 TL -1e308 1e308 Td 1e300 Tc 1e300 Tw "
      "(Overflow) Tj T* (Again) ' 1e308 1e308 1e308 1e308 1e308 1e308 Tm (More) Tj ET "
      "0 0 0 0 0 0 cm BT /F1 12 Tf (Degenerate) Tj ET "
      "BT /F1 12 Tf 99999999999999999999999999999 0 Td [(Far) -1e308 (Away)] TJ ET "
      "q 1e308 0 0 1e308 0 0 cm 0 0 m 1e308 1e308 l 1 1 1 1 1 1 c f Q";
  ApplyRun r = Apply("numbers", PdfBuilder::OnePage(content, "<< /Font << /F1 " + kFont + " >> >>"));
  EXPECT_EQ(r.signal, 0) << r.err;
  EXPECT_TRUE(r.exit_code == 0 || r.exit_code == 4) << r.exit_code << ": " << r.err;
}

TEST(ResourceLimits, ThePolicyRejectsNonsenseLimits) {
  ApplyRun r = Apply("bad_policy", PdfBuilder::OnePage("", "<< >>"), "[limits]\nmax_pages = -3\n");
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.err.find("max_pages"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace redact
