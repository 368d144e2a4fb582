// Image decoding judged by poppler: each case is a page exactly one image
// in size (1 pt per pixel), rendered by pdftoppm in gray, and
// compared pixel by pixel with what pdf/images decodes — so polarity,
// /Decode, /BlackIs1, palettes, predictors and bit depths must all agree
// with a renderer no one here wrote. Formats: Flate with PNG predictors,
// 16-bit RGB, 4-bit gray, Indexed, CMYK, Separation, image masks, CCITT G4
// and G3, JBIG2 (MMR), JPEG 2000, JPEG with /Decode, and inline images.
#include <gtest/gtest.h>
#include <leptonica/allheaders.h>
#include <zlib.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>

#include "pdf/images/image_decode.h"
#include "pdf/document.h"
#include "stages/ocr/ocr.h"
#include "tests/testing/pdf_builder.h"
#include "tests/testing/require_tool.h"
#include "tests/testing/subprocess.h"

namespace redact {
namespace {

namespace fs = std::filesystem;
using testing::Deflate;
using testing::PdfBuilder;
using testing::RunCommand;

constexpr int kW = 96, kH = 40;

// Shade of pixel (x, y) in the test pattern, 0..255: blocks of 8 with a
// sweep, so inverted, shifted or mirrored decodes all show.
int Shade(int x, int y) { return ((x / 8 + y / 8) % 2) ? 255 - 2 * x : 2 * x; }
bool Black(int x, int y) { return Shade(x, y) < 128; }


std::string Hex(const std::string& in) {
  static const char* digits = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : in) out += digits[c >> 4], out += digits[c & 15];
  return out + ">";
}

PIX* BilevelPattern() {
  PIX* pix = pixCreate(kW, kH, 1);
  for (int y = 0; y < kH; ++y)
    for (int x = 0; x < kW; ++x)
      if (Black(x, y)) pixSetPixel(pix, x, y, 1);
  return pix;
}

std::string G4(PIX* pix) {
  L_COMP_DATA* cid = nullptr;
  pixGenerateCIData(pix, L_G4_ENCODE, 0, 0, &cid);
  std::string out(reinterpret_cast<char*>(cid->datacomp), cid->nbytescomp);
  l_CIDataDestroy(&cid);
  return out;
}

// The one strip of a single-strip little-endian TIFF Leptonica wrote.
std::string TiffStrip(const std::string& tiff) {
  auto u16 = [&](size_t at) { return static_cast<uint32_t>(static_cast<uint8_t>(tiff[at]) | static_cast<uint8_t>(tiff[at + 1]) << 8); };
  auto u32 = [&](size_t at) { return u16(at) | u16(at + 2) << 16; };
  const size_t ifd = u32(4);
  uint32_t offset = 0, count = 0;
  for (uint32_t i = 0; i < u16(ifd); ++i) {
    const size_t e = ifd + 2 + 12 * i;
    const uint32_t tag = u16(e), type = u16(e + 2);
    const uint32_t value = type == 3 ? u16(e + 8) : u32(e + 8);
    if (tag == 273) offset = value;
    if (tag == 279) count = value;
  }
  return tiff.substr(offset, count);
}

// An embedded JBIG2 stream: page information, one immediate generic
// region coded with MMR (Group 4), end of page.
std::string Jbig2Mmr(const std::string& g4, int w, int h) {
  std::string out;
  auto u32 = [&](std::string& s, uint32_t v) {
    for (int i = 3; i >= 0; --i) s.push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
  };
  auto segment = [&](uint32_t number, uint8_t type, const std::string& data) {
    u32(out, number);
    out.push_back(static_cast<char>(type));
    out.push_back(0);  // no referred-to segments
    out.push_back(1);  // page 1
    u32(out, static_cast<uint32_t>(data.size()));
    out += data;
  };
  std::string page;
  u32(page, w), u32(page, h), u32(page, 0), u32(page, 0);
  page.push_back(0), page.push_back(0), page.push_back(0);
  segment(0, 48, page);
  std::string region;
  u32(region, w), u32(region, h), u32(region, 0), u32(region, 0);
  region.push_back(0);  // external combination: OR
  region.push_back(1);  // MMR
  segment(1, 38, region + g4);
  segment(2, 49, "");
  return out;
}

struct Case {
  std::string name;
  std::string image_dict;  // entries after /Type /XObject /Subtype /Image /Width /Height
  std::string data;
  bool lossy = false;
  bool inline_image = false;
  std::string resources_extra = "";
};

// Decodes the case with pdf/images and with poppler; the two must agree.
void Check(const Case& c) {
  SCOPED_TRACE(c.name);
  const fs::path dir = fs::temp_directory_path() / ("redact_decode_" + c.name);
  fs::remove_all(dir);
  fs::create_directories(dir);
  PdfBuilder b;
  std::string content, xobjects;
  const std::string size = "/Width " + std::to_string(kW) + " /Height " + std::to_string(kH) + " ";
  if (c.inline_image) {
    content = "q " + std::to_string(kW) + " 0 0 " + std::to_string(kH) + " 0 0 cm BI " + c.image_dict +
              " ID " + c.data + " EI Q";
  } else {
    const int im = b.AddStream("/Type /XObject /Subtype /Image " + size + c.image_dict, c.data);
    xobjects = "/XObject << /Im1 " + std::to_string(im) + " 0 R >>";
    content = "q " + std::to_string(kW) + " 0 0 " + std::to_string(kH) + " 0 0 cm /Im1 Do Q";
  }
  const int contents = b.AddStream("", content);
  const int pages = b.Reserve();
  const int page = b.Add("<< /Type /Page /Parent " + std::to_string(pages) + " 0 R /MediaBox [0 0 " +
                         std::to_string(kW) + " " + std::to_string(kH) + "] /Resources << " + xobjects +
                         c.resources_extra + " >> /Contents " + std::to_string(contents) + " 0 R >>");
  b.Set(pages, "<< /Type /Pages /Kids [" + std::to_string(page) + " 0 R] /Count 1 >>");
  const std::string pdf = b.Build(b.Add("<< /Type /Catalog /Pages " + std::to_string(pages) + " 0 R >>"));
  const fs::path file = dir / "image.pdf";
  std::ofstream(file, std::ios::binary) << pdf;

  auto doc = pdf::Document::Open(file.string(), {});
  ASSERT_TRUE(doc.has_value()) << doc.error().message();
  const std::vector<PlacedImage> images = FindPageImages(**doc, 0);
  ASSERT_EQ(images.size(), 1u);
  StatusOr<PixPtr> ours = images[0].xobject
                              ? DecodeImage(images[0].xobject)
                              : DecodeInlineImage(images[0].inline_dict, images[0].inline_data, images[0].resources);
  ASSERT_TRUE(ours.has_value()) << ours.error().message();
  Pix* mine = ours->get();
  ASSERT_EQ(pixGetWidth(mine), kW);
  ASSERT_EQ(pixGetHeight(mine), kH);
  // Gray as poppler makes it (ITU-R 601 weights).
  PIX* gray = pixGetDepth(mine) == 32 ? pixConvertRGBToGray(mine, 0.299f, 0.587f, 0.114f) : pixConvertTo8(mine, 0);

  // At 4 device pixels per image pixel, sampled at their centres: at 1:1
  // the rasterizer may shift an edge by a pixel.
  RunCommand({"pdftoppm", "-r", "288", "-gray", "-aa", "no", "-aaVector", "no", file.string(),
              (dir / "poppler").string()});
  fs::path rendered;
  for (const auto& e : fs::directory_iterator(dir)) {
    if (e.path().extension() == ".pgm") rendered = e.path();
  }
  PIX* theirs = pixRead(rendered.string().c_str());
  ASSERT_NE(theirs, nullptr) << "pdftoppm rendered nothing";
  ASSERT_EQ(pixGetWidth(theirs), 4 * kW);
  int off = 0;
  for (int y = 0; y < kH; ++y) {
    for (int x = 0; x < kW; ++x) {
      l_uint32 a = 0, p = 0;
      pixGetPixel(gray, x, y, &a);
      pixGetPixel(theirs, 4 * x + 2, 4 * y + 2, &p);
      if (std::abs(static_cast<int>(a) - static_cast<int>(p)) > (c.lossy ? 48 : 6)) ++off;
    }
  }
  EXPECT_LE(off, c.lossy ? kW * kH / 50 : 0) << off << " pixels differ from poppler's rendering";
  pixDestroy(&gray);
  pixDestroy(&theirs);
}

std::string GraySamples() {
  std::string s;
  for (int y = 0; y < kH; ++y)
    for (int x = 0; x < kW; ++x) s.push_back(static_cast<char>(Shade(x, y)));
  return s;
}

class ImageDecode : public ::testing::Test {
 protected:
  void SetUp() override {
    REDACT_REQUIRE_TOOL("pdftoppm");
  }
};

TEST_F(ImageDecode, FlateWithPngPredictors) {
  // Each row with its own PNG filter: None, Sub, Up, Average, Paeth.
  const std::string gray = GraySamples();
  std::string rows;
  for (int y = 0; y < kH; ++y) {
    const int type = y % 5;
    rows.push_back(static_cast<char>(type));
    for (int x = 0; x < kW; ++x) {
      const int v = static_cast<uint8_t>(gray[y * kW + x]);
      const int a = x ? static_cast<uint8_t>(gray[y * kW + x - 1]) : 0;
      const int u = y ? static_cast<uint8_t>(gray[(y - 1) * kW + x]) : 0;
      const int ul = x && y ? static_cast<uint8_t>(gray[(y - 1) * kW + x - 1]) : 0;
      int predicted = 0;
      if (type == 1) predicted = a;
      if (type == 2) predicted = u;
      if (type == 3) predicted = (a + u) / 2;
      if (type == 4) {
        const int p = a + u - ul, pa = std::abs(p - a), pb = std::abs(p - u), pc = std::abs(p - ul);
        predicted = (pa <= pb && pa <= pc) ? a : (pb <= pc ? u : ul);
      }
      rows.push_back(static_cast<char>((v - predicted) & 0xFF));
    }
  }
  Check({"png_predictors",
         "/ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode /DecodeParms << /Predictor 15 "
         "/Colors 1 /BitsPerComponent 8 /Columns " + std::to_string(kW) + " >>",
         Deflate(rows)});
}

TEST_F(ImageDecode, SixteenBitRgb) {
  std::string s;
  for (int y = 0; y < kH; ++y)
    for (int x = 0; x < kW; ++x)
      for (int c = 0; c < 3; ++c) {
        const int v = c == 1 ? Shade(x, y) : 255 - Shade(x, y) / 2;
        s.push_back(static_cast<char>(v)), s.push_back(static_cast<char>(0x80));
      }
  Check({"rgb16", "/ColorSpace /DeviceRGB /BitsPerComponent 16", s});
}

TEST_F(ImageDecode, FourBitGrayInHex) {
  std::string s;
  for (int y = 0; y < kH; ++y)
    for (int x = 0; x < kW; x += 2) s.push_back(static_cast<char>((Shade(x, y) >> 4) << 4 | (Shade(x + 1, y) >> 4)));
  Check({"gray4", "/ColorSpace /DeviceGray /BitsPerComponent 4 /Filter /ASCIIHexDecode", Hex(s)});
}

TEST_F(ImageDecode, IndexedTwoBitPalette) {
  std::string s;
  for (int y = 0; y < kH; ++y)
    for (int x = 0; x < kW; x += 4) {
      int byte = 0;
      for (int k = 0; k < 4; ++k) byte = byte << 2 | (Shade(x + k, y) >> 6);
      s.push_back(static_cast<char>(byte));
    }
  Check({"indexed",
         "/ColorSpace [/Indexed /DeviceRGB 3 <000000 FF0000 00C0FF FFFFFF>] /BitsPerComponent 2", s});
}

TEST_F(ImageDecode, CmykAndSeparation) {
  std::string cmyk;
  for (int y = 0; y < kH; ++y)
    for (int x = 0; x < kW; ++x) {
      // Ink sums under 100%, where CMYK to gray is one formula everywhere.
      cmyk.push_back(0), cmyk.push_back(static_cast<char>(x)), cmyk.push_back(0);
      cmyk.push_back(static_cast<char>((255 - Shade(x, y)) / 2));
    }
  Check({"cmyk", "/ColorSpace /DeviceCMYK /BitsPerComponent 8", cmyk});
  std::string tint;
  for (int y = 0; y < kH; ++y)
    for (int x = 0; x < kW; ++x) tint.push_back(static_cast<char>(255 - Shade(x, y)));
  Check({"separation",
         "/ColorSpace [/Separation /Black /DeviceGray << /FunctionType 2 /Domain [0 1] /C0 [1] /C1 [0] /N 1 >>] "
         "/BitsPerComponent 8",
         tint});
}

TEST_F(ImageDecode, ImageMasksBothWays) {
  std::string bits;
  for (int y = 0; y < kH; ++y)
    for (int x = 0; x < kW; x += 8) {
      int byte = 0;
      for (int k = 0; k < 8; ++k) byte = byte << 1 | (Black(x + k, y) ? 0 : 1);
      bits.push_back(static_cast<char>(byte));
    }
  Check({"mask", "/ImageMask true", bits});
  Check({"mask_decode", "/ImageMask true /Decode [1 0]", bits});
  Check({"gray1_decode", "/ColorSpace /DeviceGray /BitsPerComponent 1 /Decode [1 0]", bits});
}

TEST_F(ImageDecode, CcittGroup4AndGroup3) {
  PIX* pix = BilevelPattern();
  const std::string g4 = G4(pix);
  const std::string parms = "/Columns " + std::to_string(kW) + " /Rows " + std::to_string(kH);
  Check({"g4", "/ColorSpace /DeviceGray /BitsPerComponent 1 /Filter /CCITTFaxDecode /DecodeParms << /K -1 " + parms + " >>", g4});
  Check({"g4_black_is_1",
         "/ColorSpace /DeviceGray /BitsPerComponent 1 /Filter /CCITTFaxDecode /DecodeParms << /K -1 /BlackIs1 true " +
             parms + " >>",
         g4});
  Check({"g4_decode",
         "/ColorSpace /DeviceGray /BitsPerComponent 1 /Decode [1 0] /Filter /CCITTFaxDecode /DecodeParms << /K -1 " +
             parms + " >>",
         g4});
  l_uint8* tiff = nullptr;
  size_t size = 0;
  ASSERT_EQ(pixWriteMemTiff(&tiff, &size, pix, IFF_TIFF_G3), 0);
  const std::string g3 = TiffStrip(std::string(reinterpret_cast<char*>(tiff), size));
  lept_free(tiff);
  Check({"g3", "/ColorSpace /DeviceGray /BitsPerComponent 1 /Filter /CCITTFaxDecode /DecodeParms << /K 0 " + parms + " >>", g3});
  pixDestroy(&pix);
}

TEST_F(ImageDecode, Jbig2Generic) {
  PIX* pix = BilevelPattern();
  Check({"jbig2", "/ColorSpace /DeviceGray /BitsPerComponent 1 /Filter /JBIG2Decode", Jbig2Mmr(G4(pix), kW, kH)});
  pixDestroy(&pix);
}

TEST_F(ImageDecode, Jpeg2000AndJpegWithDecode) {
  PIX* gray = pixCreate(kW, kH, 8);
  for (int y = 0; y < kH; ++y)
    for (int x = 0; x < kW; ++x) pixSetPixel(gray, x, y, Shade(x, y));
  l_uint8* bytes = nullptr;
  size_t size = 0;
  ASSERT_EQ(pixWriteMemJp2k(&bytes, &size, gray, 0, 0, 0, 0), 0);
  Check({"jpx", "/Filter /JPXDecode", std::string(reinterpret_cast<char*>(bytes), size), true});
  lept_free(bytes);
  ASSERT_EQ(pixWriteMemJpeg(&bytes, &size, gray, 90, 0), 0);
  Check({"jpeg_decode", "/ColorSpace /DeviceGray /BitsPerComponent 8 /Decode [1 0] /Filter /DCTDecode",
         std::string(reinterpret_cast<char*>(bytes), size), true});
  lept_free(bytes);
  pixDestroy(&gray);
}

TEST_F(ImageDecode, InlineImages) {
  PIX* pix = BilevelPattern();
  Check({"inline_ccitt",
         "/W " + std::to_string(kW) + " /H " + std::to_string(kH) +
             " /CS /G /BPC 1 /F [/AHx /CCF] /DP [null << /K -1 /Columns " + std::to_string(kW) + " >>]",
         Hex(G4(pix)), false, true});
  pixDestroy(&pix);
  Check({"inline_gray", "/W " + std::to_string(kW) + " /H " + std::to_string(kH) + " /CS /G /BPC 8 /F /AHx",
         Hex(GraySamples()), false, true});
  Check({"inline_named_indexed",
         "/W " + std::to_string(kW) + " /H " + std::to_string(kH) + " /CS /Pal /BPC 8 /F /AHx",
         Hex(GraySamples()), false, true,
         " /ColorSpace << /Pal [/Indexed /DeviceGray 255 " + [] {
           std::string ramp;
           for (int i = 0; i < 256; ++i) ramp.push_back(static_cast<char>(255 - i));
           return Hex(ramp).insert(0, "<");
         }() + "] >>"});
}

}  // namespace
}  // namespace redact
