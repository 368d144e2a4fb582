#include "stages/write_redact/image_burn.h"

#include <leptonica/allheaders.h>

#include <algorithm>
#include <cmath>
#include <optional>

#include "pdf/images/image_decode.h"
#include "pdf/podofo_util.h"

namespace redact {
namespace {

using PoDoFo::PdfObject;

constexpr size_t kMaxImageBytes = size_t{512} << 20;

struct PixelRect {
  int x0, y0, x1, y1;  // pixel space, top-left origin, half-open
};

// Pixel rectangles under the boxes, padded by 2 pixels (anti-aliasing and
// rounding must not leave a fringe of the original).
std::optional<std::vector<PixelRect>> PixelRects(const Matrix& ctm, const std::vector<Quad>& boxes,
                                                 int width, int height) {
  const double det = ctm.a * ctm.d - ctm.b * ctm.c;
  if (std::fabs(det) < 1e-12) return std::nullopt;
  const Matrix inv = ctm.Inverse();
  std::vector<PixelRect> out;
  for (const Quad& q : boxes) {
    double u0 = 1e300, v0 = 1e300, u1 = -1e300, v1 = -1e300;
    for (const Point& p : {q.ll, q.lr, q.ur, q.ul}) {
      const Point u = inv.Apply(p);
      u0 = std::min(u0, u.x), u1 = std::max(u1, u.x), v0 = std::min(v0, u.y), v1 = std::max(v1, u.y);
    }
    // Unit square: v = 1 is the top row of the image.
    int x0 = static_cast<int>(std::floor(u0 * width)) - 2;
    int x1 = static_cast<int>(std::ceil(u1 * width)) + 2;
    int y0 = static_cast<int>(std::floor((1 - v1) * height)) - 2;
    int y1 = static_cast<int>(std::ceil((1 - v0) * height)) + 2;
    x0 = std::clamp(x0, 0, width), x1 = std::clamp(x1, 0, width);
    y0 = std::clamp(y0, 0, height), y1 = std::clamp(y1, 0, height);
    if (x1 > x0 && y1 > y0) out.push_back({x0, y0, x1, y1});
  }
  return out;
}

std::vector<std::string> Filters(const PdfObject* image) {
  std::vector<std::string> out;
  const PdfObject* f = pdf::DictGet(image, "Filter");
  if (auto name = pdf::AsName(f)) out.push_back(*name);
  if (const PoDoFo::PdfArray* arr = pdf::AsArray(f)) {
    for (const PdfObject& item : *arr) out.push_back(pdf::AsName(&item).value_or("?"));
  }
  return out;
}

Status Unsupported(const std::string& why) { return Status(StatusCode::kUnsupported, why); }

PdfObject* NewImage(PoDoFo::PdfVecObjects& objects, const PdfObject* image) {
  PdfObject* copy = objects.CreateObject(PoDoFo::PdfVariant(image->GetDictionary()));
  auto& d = copy->GetDictionary();
  for (const char* key : {"Filter", "DecodeParms", "Metadata", "Length"}) d.RemoveKey(key);
  return copy;
}

// The IJG quality a JPEG was written at, estimated from its first
// quantization table against the standard luminance table (sums, so the
// zigzag order does not matter); 90 when there is none to read.
int EstimateJpegQuality(const std::string& jpeg) {
  static const int kStandardLuminance[64] = {
      16, 11, 10, 16, 24,  40,  51,  61,  12, 12, 14, 19, 26,  58,  60,  55,
      14, 13, 16, 24, 40,  57,  69,  56,  14, 17, 22, 29, 51,  87,  80,  62,
      18, 22, 37, 56, 68,  109, 103, 77,  24, 35, 55, 64, 81,  104, 113, 92,
      49, 64, 78, 87, 103, 121, 120, 101, 72, 92, 95, 98, 112, 100, 103, 99};
  for (size_t i = 2; i + 4 < jpeg.size();) {
    if (static_cast<uint8_t>(jpeg[i]) != 0xFF) break;
    const int marker = static_cast<uint8_t>(jpeg[i + 1]);
    const size_t length = static_cast<size_t>(static_cast<uint8_t>(jpeg[i + 2]) << 8 | static_cast<uint8_t>(jpeg[i + 3]));
    if (marker == 0xDB && length >= 67 && i + 4 + 65 <= jpeg.size() && (static_cast<uint8_t>(jpeg[i + 4]) >> 4) == 0) {
      double table = 0, standard = 0;
      for (int k = 0; k < 64; ++k) {
        table += static_cast<uint8_t>(jpeg[i + 5 + k]);
        standard += kStandardLuminance[k];
      }
      const double scale = 100.0 * table / standard;
      const double quality = scale <= 100 ? (200 - scale) / 2 : 5000 / scale;
      return std::clamp(static_cast<int>(std::lround(quality)), 10, 95);
    }
    if (marker == 0xDA) break;  // image data: no table before it
    i += 2 + length;
  }
  return 90;
}

StatusOr<PdfObject*> BurnJpeg(PoDoFo::PdfVecObjects& objects, const PdfObject* image,
                              const std::vector<PixelRect>& rects) {
  char* raw = nullptr;
  PoDoFo::pdf_long length = 0;
  image->GetStream()->GetCopy(&raw, &length);  // still DCT-encoded
  PIX* pix = pixReadMem(reinterpret_cast<const l_uint8*>(raw), static_cast<size_t>(length));
  // Written back at the quality it came in (a copy of a scan neither grows
  // nor loses more than the burn).
  const int quality = EstimateJpegQuality(std::string(raw ? raw : "", static_cast<size_t>(length)));
  PoDoFo::podofo_free(raw);
  if (!pix) return Error(Unsupported("JPEG that Leptonica cannot decode"));
  const int depth = pixGetDepth(pix);
  if (depth != 8 && depth != 32) {
    pixDestroy(&pix);
    return Error(Unsupported("JPEG with " + std::to_string(depth) + "-bit pixels"));
  }
  for (const PixelRect& r : rects) {
    BOX* box = boxCreate(r.x0, r.y0, r.x1 - r.x0, r.y1 - r.y0);
    pixClearInRect(pix, box);  // 0 = black in gray and RGB
    boxDestroy(&box);
  }
  l_uint8* jpeg = nullptr;
  size_t size = 0;
  const bool ok = pixWriteMemJpeg(&jpeg, &size, pix, quality, 0) == 0;
  pixDestroy(&pix);
  if (!ok) return Error(Unsupported("JPEG re-encoding failed"));
  PdfObject* copy = NewImage(objects, image);
  PoDoFo::PdfMemoryInputStream in(reinterpret_cast<const char*>(jpeg), static_cast<PoDoFo::pdf_long>(size));
  copy->GetStream()->SetRawData(&in, static_cast<PoDoFo::pdf_long>(size));
  copy->GetDictionary().AddKey("Filter", PoDoFo::PdfName("DCTDecode"));
  lept_free(jpeg);
  return copy;
}

StatusOr<PdfObject*> BurnG4(PoDoFo::PdfVecObjects& objects, const PdfObject* image,
                            const std::vector<PixelRect>& rects, int width, int height) {
  const PdfObject* parms = pdf::DictGet(image, "DecodeParms");
  if (const PoDoFo::PdfArray* arr = pdf::AsArray(parms)) parms = arr->empty() ? nullptr : pdf::Resolve(&(*arr)[0]);
  const int k = static_cast<int>(pdf::AsNumber(pdf::DictGet(parms, "K")).value_or(0));
  const int columns = static_cast<int>(pdf::AsNumber(pdf::DictGet(parms, "Columns")).value_or(1728));
  const PdfObject* align = pdf::DictGet(parms, "EncodedByteAlign");
  if (k >= 0) return Error(Unsupported("CCITT Group 3 image"));
  if (columns != width) return Error(Unsupported("CCITT image whose /Columns differ from /Width"));
  if (align && align->IsBool() && align->GetBool()) {
    return Error(Unsupported("CCITT image with EncodedByteAlign"));
  }
  const PdfObject* black_is_1 = pdf::DictGet(parms, "BlackIs1");
  const bool black1 = black_is_1 && black_is_1->IsBool() && black_is_1->GetBool();
  char* raw = nullptr;
  PoDoFo::pdf_long length = 0;
  image->GetStream()->GetCopy(&raw, &length);  // still G4-encoded
  const std::string tiff = WrapG4InTiff(std::string(raw ? raw : "", static_cast<size_t>(length)), width, height);
  PoDoFo::podofo_free(raw);
  PIX* pix = pixReadMemTiff(reinterpret_cast<const l_uint8*>(tiff.data()), tiff.size(), 0);
  if (!pix) return Error(Unsupported("CCITT data that does not decode"));
  if (pixGetDepth(pix) != 1 || pixGetWidth(pix) != width || pixGetHeight(pix) != height) {
    pixDestroy(&pix);
    return Error(Unsupported("CCITT data of an unexpected size"));
  }
  for (const PixelRect& r : rects) {
    BOX* box = boxCreate(r.x0, r.y0, r.x1 - r.x0, r.y1 - r.y0);
    pixSetInRect(pix, box);  // 1 = a black run
    boxDestroy(&box);
  }
  L_COMP_DATA* cid = nullptr;
  const bool ok = pixGenerateCIData(pix, L_G4_ENCODE, 0, 0, &cid) == 0 && cid && !cid->minisblack;
  pixDestroy(&pix);
  if (!ok) {
    if (cid) l_CIDataDestroy(&cid);
    return Error(Unsupported("CCITT re-encoding failed"));
  }
  PdfObject* copy = NewImage(objects, image);
  PoDoFo::PdfMemoryInputStream in(reinterpret_cast<const char*>(cid->datacomp),
                                  static_cast<PoDoFo::pdf_long>(cid->nbytescomp));
  copy->GetStream()->SetRawData(&in, static_cast<PoDoFo::pdf_long>(cid->nbytescomp));
  l_CIDataDestroy(&cid);
  auto& d = copy->GetDictionary();
  d.AddKey("Filter", PoDoFo::PdfName("CCITTFaxDecode"));
  PoDoFo::PdfDictionary p;
  p.AddKey("K", PoDoFo::PdfVariant(static_cast<PoDoFo::pdf_int64>(-1)));
  p.AddKey("Columns", PoDoFo::PdfVariant(static_cast<PoDoFo::pdf_int64>(width)));
  p.AddKey("Rows", PoDoFo::PdfVariant(static_cast<PoDoFo::pdf_int64>(height)));
  p.AddKey("BlackIs1", PoDoFo::PdfVariant(black1));  // as the original: same rendering
  d.AddKey("DecodeParms", p);
  return copy;
}

StatusOr<PdfObject*> BurnSamples(PoDoFo::PdfVecObjects& objects, const PdfObject* image,
                                 const std::vector<PixelRect>& rects, int width, int height) {
  const bool mask = pdf::DictGet(image, "ImageMask") &&
                    pdf::Resolve(pdf::DictGet(image, "ImageMask"))->IsBool() &&
                    pdf::Resolve(pdf::DictGet(image, "ImageMask"))->GetBool();
  const int bpc = mask ? 1 : static_cast<int>(pdf::AsNumber(pdf::DictGet(image, "BitsPerComponent")).value_or(8));
  int comps = 1;
  std::vector<uint8_t> black;  // one pixel's black, per component
  if (!mask) {
    const std::string cs = pdf::AsName(pdf::DictGet(image, "ColorSpace")).value_or("");
    if (cs == "DeviceGray" || cs == "G") {
      comps = 1;
      black = {0};
    } else if (cs == "DeviceRGB" || cs == "RGB") {
      comps = 3;
      black = {0, 0, 0};
    } else if (cs == "DeviceCMYK" || cs == "CMYK") {
      comps = 4;
      black = {0, 0, 0, 255};
    } else {
      return Error(Unsupported("image colour space not burnable"));
    }
  }
  if (!(bpc == 8 || (bpc == 1 && comps == 1))) {
    return Error(Unsupported(std::to_string(bpc) + "-bit samples"));
  }
  StatusOr<std::string> data = pdf::ReadStream(image, kMaxImageBytes);
  if (!data) return Error(Unsupported("image data that does not decode"));
  const size_t row = (static_cast<size_t>(width) * comps * bpc + 7) / 8;
  if (data->size() < row * static_cast<size_t>(height)) {
    return Error(Unsupported("image data shorter than its size"));
  }
  std::string& d = *data;
  for (const PixelRect& r : rects) {
    for (int y = r.y0; y < r.y1; ++y) {
      char* line = d.data() + row * static_cast<size_t>(y);
      for (int x = r.x0; x < r.x1; ++x) {
        if (bpc == 8) {
          for (int c = 0; c < comps; ++c) line[x * comps + c] = static_cast<char>(black[c]);
        } else {
          // 1 bit: 0 paints (black gray, or the mask's fill colour).
          line[x / 8] = static_cast<char>(line[x / 8] & ~(0x80 >> (x % 8)));
        }
      }
    }
  }
  PdfObject* copy = NewImage(objects, image);
  copy->GetStream()->Set(d.data(), static_cast<PoDoFo::pdf_long>(d.size()));  // Flate
  return copy;
}

// A decoded image (pdf/images conventions), burned and written anew.
StatusOr<PdfObject*> BurnPixmap(PoDoFo::PdfVecObjects& objects, PixPtr pix, bool mask, bool lossy_source,
                                const std::vector<PixelRect>& rects) {
  Pix* p = pix.get();
  const int depth = pixGetDepth(p);
  for (const PixelRect& r : rects) {
    BOX* box = boxCreate(r.x0, r.y0, r.x1 - r.x0, r.y1 - r.y0);
    if (depth == 1) pixSetInRect(p, box);  // black, or painted for a mask
    else pixClearInRect(p, box);           // 0 = black in gray and RGB
    boxDestroy(&box);
  }
  PoDoFo::PdfDictionary d;
  d.AddKey("Type", PoDoFo::PdfName("XObject"));
  d.AddKey("Subtype", PoDoFo::PdfName("Image"));
  d.AddKey("Width", PoDoFo::PdfVariant(static_cast<PoDoFo::pdf_int64>(pixGetWidth(p))));
  d.AddKey("Height", PoDoFo::PdfVariant(static_cast<PoDoFo::pdf_int64>(pixGetHeight(p))));
  if (mask) d.AddKey("ImageMask", PoDoFo::PdfVariant(true));
  else d.AddKey("ColorSpace", PoDoFo::PdfName(depth == 32 ? "DeviceRGB" : "DeviceGray"));
  d.AddKey("BitsPerComponent", PoDoFo::PdfVariant(static_cast<PoDoFo::pdf_int64>(depth == 1 ? 1 : 8)));
  if (mask && depth != 1) return Error(Unsupported("image mask that did not decode to one bit"));
  PdfObject* image = objects.CreateObject(PoDoFo::PdfVariant(d));
  auto set_raw = [&](const l_uint8* bytes, size_t size) {
    PoDoFo::PdfMemoryInputStream in(reinterpret_cast<const char*>(bytes), static_cast<PoDoFo::pdf_long>(size));
    image->GetStream()->SetRawData(&in, static_cast<PoDoFo::pdf_long>(size));
  };
  if (depth == 1) {
    // G4 codes black runs; undecoded they are 0s, which show black in
    // DeviceGray and paint in a mask.
    L_COMP_DATA* cid = nullptr;
    if (pixGenerateCIData(p, L_G4_ENCODE, 0, 0, &cid) != 0 || !cid || cid->minisblack) {
      if (cid) l_CIDataDestroy(&cid);
      return Error(Unsupported("CCITT re-encoding failed"));
    }
    set_raw(cid->datacomp, cid->nbytescomp);
    l_CIDataDestroy(&cid);
    image->GetDictionary().AddKey("Filter", PoDoFo::PdfName("CCITTFaxDecode"));
    PoDoFo::PdfDictionary parms;
    parms.AddKey("K", PoDoFo::PdfVariant(static_cast<PoDoFo::pdf_int64>(-1)));
    parms.AddKey("Columns", PoDoFo::PdfVariant(static_cast<PoDoFo::pdf_int64>(pixGetWidth(p))));
    parms.AddKey("Rows", PoDoFo::PdfVariant(static_cast<PoDoFo::pdf_int64>(pixGetHeight(p))));
    image->GetDictionary().AddKey("DecodeParms", parms);
    return image;
  }
  if (lossy_source) {
    l_uint8* jpeg = nullptr;
    size_t size = 0;
    if (pixWriteMemJpeg(&jpeg, &size, p, 90, 0) != 0) return Error(Unsupported("JPEG re-encoding failed"));
    set_raw(jpeg, size);
    lept_free(jpeg);
    image->GetDictionary().AddKey("Filter", PoDoFo::PdfName("DCTDecode"));
    return image;
  }
  const int width = pixGetWidth(p), height = pixGetHeight(p);
  const int comps = depth == 32 ? 3 : 1;
  std::string samples(static_cast<size_t>(width) * comps * height, '\0');
  size_t at = 0;
  for (int y = 0; y < height; ++y) {
    const l_uint32* line = pixGetData(p) + static_cast<size_t>(pixGetWpl(p)) * y;
    for (int x = 0; x < width; ++x) {
      if (comps == 1) {
        samples[at++] = static_cast<char>(GET_DATA_BYTE(line, x));
      } else {
        l_int32 r, g, b;
        extractRGBValues(line[x], &r, &g, &b);
        samples[at++] = static_cast<char>(r), samples[at++] = static_cast<char>(g), samples[at++] = static_cast<char>(b);
      }
    }
  }
  image->GetStream()->Set(samples.data(), static_cast<PoDoFo::pdf_long>(samples.size()));  // Flate
  return image;
}

bool HasMask(const PdfObject* image) { return pdf::DictGet(image, "SMask") || pdf::DictGet(image, "Mask"); }

}  // namespace

StatusOr<PoDoFo::PdfObject*> BurnInlineImage(PoDoFo::PdfVecObjects& objects, const pdf::Operand& dict,
                                             std::string_view data, const PoDoFo::PdfObject* resources,
                                             const Matrix& ctm, const std::vector<Quad>& boxes) {
  const pdf::Operand* mask_key = dict.Find("IM");
  if (!mask_key) mask_key = dict.Find("ImageMask");
  const bool mask = mask_key && mask_key->type == pdf::Operand::Type::kBool && mask_key->number != 0;
  StatusOr<PixPtr> pix = DecodeInlineImage(dict, data, resources);
  if (!pix) return Error(pix.error());
  auto rects = PixelRects(ctm, boxes, pixGetWidth(pix->get()), pixGetHeight(pix->get()));
  if (!rects) return Error(Unsupported("image drawn with a degenerate matrix"));
  const pdf::Operand* filter = dict.Find("F");
  if (!filter) filter = dict.Find("Filter");
  bool lossy = false;
  if (filter) {
    const pdf::Operand& last = filter->is_array() && !filter->items.empty() ? filter->items.back() : *filter;
    lossy = last.value == "DCT" || last.value == "DCTDecode" || last.value == "JPXDecode";
  }
  return BurnPixmap(objects, std::move(*pix), mask, lossy, *rects);
}

StatusOr<PoDoFo::PdfObject*> BurnImage(PoDoFo::PdfVecObjects& objects,
                                       const PoDoFo::PdfObject* image, const Matrix& ctm,
                                       const std::vector<Quad>& boxes) {
  QuietLeptonica();
  image = pdf::Resolve(image);
  if (!image || !image->HasStream()) return Error(Unsupported("not an image stream"));
  const std::vector<std::string> filters = Filters(image);
  const bool g4 = filters.size() == 1 && (filters[0] == "CCITTFaxDecode" || filters[0] == "CCF");
  // A G4 image is re-encoded with its own coding of black and white, so its
  // /Decode array (and BlackIs1) keep their meaning; samples burned in place
  // would be reinterpreted by one, so those go through decoded pixels.
  const int width = static_cast<int>(pdf::AsNumber(pdf::DictGet(image, "Width")).value_or(0));
  const int height = static_cast<int>(pdf::AsNumber(pdf::DictGet(image, "Height")).value_or(0));
  if (width <= 0 || height <= 0 || static_cast<double>(width) * height > 4e8) {
    return Error(Unsupported("image size out of range"));
  }
  auto rects = PixelRects(ctm, boxes, width, height);
  if (!rects) return Error(Unsupported("image drawn with a degenerate matrix"));
  StatusOr<PdfObject*> burned = Error(Unsupported("not yet tried"));
  if (!HasMask(image)) {
    bool generic = true;
    for (const std::string& f : filters) {
      generic &= f == "FlateDecode" || f == "LZWDecode" || f == "RunLengthDecode" || f == "ASCIIHexDecode" ||
                 f == "ASCII85Decode" || f == "Fl" || f == "AHx" || f == "A85";
    }
    if (filters.size() == 1 && filters[0] == "DCTDecode") burned = BurnJpeg(objects, image, *rects);
    else if (g4) burned = BurnG4(objects, image, *rects, width, height);
    else if (generic && !pdf::DictGet(image, "Decode")) burned = BurnSamples(objects, image, *rects, width, height);
    if (burned) return burned;
  }
  // In its own encoding it could not be burned: burn the decoded pixels.
  if (HasMask(image)) return Error(Unsupported("image with a soft or colour-key mask"));
  StatusOr<PixPtr> pix = DecodeImage(image);
  if (!pix) return Error(pix.error());
  if (pixGetWidth(pix->get()) != width || pixGetHeight(pix->get()) != height) {
    return Error(Unsupported("image that decodes to another size"));
  }
  const bool lossy = !filters.empty() && (filters.back() == "DCTDecode" || filters.back() == "DCT" ||
                                          filters.back() == "JPXDecode");
  const PdfObject* mask = pdf::DictGet(image, "ImageMask");
  return BurnPixmap(objects, std::move(*pix), mask && mask->IsBool() && mask->GetBool(), lossy, *rects);
}

}  // namespace redact
