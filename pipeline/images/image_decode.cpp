#include "pipeline/images/image_decode.h"

#include <leptonica/allheaders.h>
#include <podofo/podofo.h>

#include "pipeline/pdf/podofo_util.h"

namespace redact {

void PixDeleter::operator()(Pix* pix) const { pixDestroy(&pix); }

std::string WrapG4InTiff(const std::string& g4, int width, int height) {
  std::string t = std::string("II*\0", 4);
  auto u16 = [&](uint16_t v) {
    t.push_back(static_cast<char>(v & 0xFF));
    t.push_back(static_cast<char>(v >> 8));
  };
  auto u32 = [&](uint32_t v) {
    for (int i = 0; i < 4; ++i) t.push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
  };
  const uint16_t entries = 9;
  const uint32_t data_offset = 8 + 2 + entries * 12 + 4;
  u32(8);
  u16(entries);
  auto entry = [&](uint16_t tag, uint16_t type, uint32_t value) {
    u16(tag);
    u16(type);
    u32(1);
    if (type == 3) {
      u16(static_cast<uint16_t>(value));
      u16(0);
    } else {
      u32(value);
    }
  };
  entry(256, 4, static_cast<uint32_t>(width));      // ImageWidth
  entry(257, 4, static_cast<uint32_t>(height));     // ImageLength
  entry(258, 3, 1);                                 // BitsPerSample
  entry(259, 3, 4);                                 // Compression: CCITT T.6
  entry(262, 3, 0);                                 // Photometric: WhiteIsZero
  entry(273, 4, data_offset);                       // StripOffsets
  entry(277, 3, 1);                                 // SamplesPerPixel
  entry(278, 4, static_cast<uint32_t>(height));     // RowsPerStrip
  entry(279, 4, static_cast<uint32_t>(g4.size()));  // StripByteCounts
  u32(0);                                           // no next IFD
  return t + g4;
}

StatusOr<PixPtr> DecodeImage(const PoDoFo::PdfObject* image) {
  image = pdf::Resolve(image);
  auto unsupported = [](const std::string& why) { return Error(StatusCode::kUnsupported, why); };
  if (!image || !image->HasStream()) return unsupported("not an image stream");
  const int width = static_cast<int>(pdf::AsNumber(pdf::DictGet(image, "Width")).value_or(0));
  const int height = static_cast<int>(pdf::AsNumber(pdf::DictGet(image, "Height")).value_or(0));
  if (width <= 0 || height <= 0 || static_cast<double>(width) * height > 4e8) {
    return unsupported("image size out of range");
  }
  std::string filter;
  if (auto f = pdf::AsName(pdf::DictGet(image, "Filter"))) filter = *f;
  if (const PoDoFo::PdfArray* arr = pdf::AsArray(pdf::DictGet(image, "Filter"))) {
    if (arr->size() == 1) filter = pdf::AsName(&(*arr)[0]).value_or("?");
    else if (!arr->empty()) filter = "?";
  }
  auto raw_bytes = [&]() {
    char* raw = nullptr;
    PoDoFo::pdf_long length = 0;
    image->GetStream()->GetCopy(&raw, &length);
    std::string out(raw ? raw : "", static_cast<size_t>(length));
    PoDoFo::podofo_free(raw);
    return out;
  };
  Pix* pix = nullptr;
  if (filter == "DCTDecode" || filter == "DCT") {
    const std::string bytes = raw_bytes();
    pix = pixReadMem(reinterpret_cast<const l_uint8*>(bytes.data()), bytes.size());
  } else if (filter == "CCITTFaxDecode" || filter == "CCF") {
    const PoDoFo::PdfObject* parms = pdf::DictGet(image, "DecodeParms");
    if (pdf::AsNumber(pdf::DictGet(parms, "K")).value_or(0) >= 0) {
      return unsupported("CCITT Group 3 image");
    }
    const std::string tiff = WrapG4InTiff(raw_bytes(), width, height);
    pix = pixReadMemTiff(reinterpret_cast<const l_uint8*>(tiff.data()), tiff.size(), 0);
  } else if (filter.empty() || filter == "FlateDecode" || filter == "Fl" || filter == "LZWDecode") {
    const std::string cs = pdf::AsName(pdf::DictGet(image, "ColorSpace")).value_or("");
    const int bpc = static_cast<int>(pdf::AsNumber(pdf::DictGet(image, "BitsPerComponent")).value_or(8));
    const int comps = (cs == "DeviceRGB" || cs == "RGB") ? 3 : (cs == "DeviceGray" || cs == "G") ? 1 : 0;
    if (comps == 0 || !(bpc == 8 || (bpc == 1 && comps == 1))) {
      return unsupported("image colour space or depth not decodable for OCR");
    }
    StatusOr<std::string> data = pdf::ReadStream(image, size_t{512} << 20);
    if (!data) return unsupported("image data that does not decode");
    const size_t row = (static_cast<size_t>(width) * comps * bpc + 7) / 8;
    if (data->size() < row * static_cast<size_t>(height)) return unsupported("image data too short");
    pix = pixCreate(width, height, bpc == 1 ? 1 : (comps == 1 ? 8 : 32));
    for (int y = 0; y < height; ++y) {
      const unsigned char* line = reinterpret_cast<const unsigned char*>(data->data()) + row * y;
      for (int x = 0; x < width; ++x) {
        if (bpc == 1) {
          const int bit = (line[x / 8] >> (7 - x % 8)) & 1;
          pixSetPixel(pix, x, y, bit ? 0 : 1);  // PDF: 0 is black; Leptonica: 1 is
        } else if (comps == 1) {
          pixSetPixel(pix, x, y, line[x]);
        } else {
          l_uint32 v = 0;
          composeRGBPixel(line[3 * x], line[3 * x + 1], line[3 * x + 2], &v);
          pixSetPixel(pix, x, y, v);
        }
      }
    }
  } else {
    return unsupported("image filter " + filter + " not decodable for OCR");
  }
  if (!pix) return unsupported("image data that does not decode");
  return PixPtr(pix);
}

}  // namespace redact
