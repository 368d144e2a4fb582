#include "pdf/images/image_decode.h"

extern "C" {
#include <jbig2.h>
}
// jbig2.h defines `inline` away for old C compilers; in C++ that turns
// PoDoFo's inline header functions into strong definitions of symbols the
// library does not export.
#undef inline
#include <leptonica/allheaders.h>
#include <podofo/podofo.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <utility>
#include <vector>

#include "pdf/podofo_util.h"

namespace redact {

using PoDoFo::PdfObject;

void PixDeleter::operator()(Pix* pix) const { pixDestroy(&pix); }

void QuietLeptonica() {
  static const bool once = [] {
    setMsgSeverity(L_SEVERITY_NONE);
    return true;
  }();
  (void)once;
}

namespace {

constexpr size_t kMaxImageBytes = size_t{512} << 20;

Status Unsupported(const std::string& why) { return Status(StatusCode::kUnsupported, why); }

bool AsBool(const PdfObject* obj) { return obj && obj->IsBool() && obj->GetBool(); }

// A colour space, reduced to what turns samples into gray or RGB.
struct ColourSpace {
  enum class Kind { kGray, kRGB, kCMYK, kIndexed, kInk, kLab } kind = Kind::kGray;
  int components = 1;
  // Indexed: the base space and its palette (hival + 1 entries).
  std::shared_ptr<ColourSpace> base;
  int hival = 0;
  std::string lookup;
};

StatusOr<ColourSpace> ParseColourSpace(const PdfObject* cs, int depth = 0) {
  cs = pdf::Resolve(cs);
  if (!cs || depth > 4) return Error(Unsupported("image with no usable colour space"));
  ColourSpace out;
  auto simple = [&](const std::string& name) -> bool {
    if (name == "DeviceGray" || name == "G" || name == "CalGray") {
      out.kind = ColourSpace::Kind::kGray, out.components = 1;
    } else if (name == "DeviceRGB" || name == "RGB" || name == "CalRGB") {
      out.kind = ColourSpace::Kind::kRGB, out.components = 3;
    } else if (name == "DeviceCMYK" || name == "CMYK") {
      out.kind = ColourSpace::Kind::kCMYK, out.components = 4;
    } else {
      return false;
    }
    return true;
  };
  if (auto name = pdf::AsName(cs)) {
    if (simple(*name)) return out;
    return Error(Unsupported("image colour space " + name->substr(0, 32)));
  }
  const PoDoFo::PdfArray* arr = pdf::AsArray(cs);
  if (!arr || arr->empty()) return Error(Unsupported("image with a malformed colour space"));
  const std::string family = pdf::AsName(&(*arr)[0]).value_or("");
  if (family == "CalGray" || family == "CalRGB") {
    simple(family);
    return out;
  }
  if (family == "ICCBased" && arr->size() >= 2) {
    const int n = static_cast<int>(pdf::AsNumber(pdf::DictGet(pdf::Resolve(&(*arr)[1]), "N")).value_or(0));
    if (n == 1) return simple("DeviceGray"), out;
    if (n == 3) return simple("DeviceRGB"), out;
    if (n == 4) return simple("DeviceCMYK"), out;
    return Error(Unsupported("ICC colour space with " + std::to_string(n) + " components"));
  }
  if ((family == "Indexed" || family == "I") && arr->size() >= 4) {
    StatusOr<ColourSpace> base = ParseColourSpace(&(*arr)[1], depth + 1);
    if (!base) return Error(base.error());
    if (base->kind == ColourSpace::Kind::kIndexed) return Error(Unsupported("nested Indexed colour space"));
    out.kind = ColourSpace::Kind::kIndexed;
    out.components = 1;
    out.hival = std::clamp(static_cast<int>(pdf::AsNumber(&(*arr)[2]).value_or(0)), 0, 255);
    const PdfObject* lookup = pdf::Resolve(&(*arr)[3]);
    if (lookup && (lookup->IsString() || lookup->IsHexString())) {
      out.lookup.assign(lookup->GetString().GetString(), static_cast<size_t>(lookup->GetString().GetLength()));
    } else if (lookup && lookup->HasStream()) {
      StatusOr<std::string> bytes = pdf::ReadStream(lookup, 1 << 20);
      if (!bytes) return Error(Unsupported("Indexed colour space whose palette does not decode"));
      out.lookup = std::move(*bytes);
    }
    if (out.lookup.size() < static_cast<size_t>(out.hival + 1) * base->components) {
      return Error(Unsupported("Indexed colour space with a short palette"));
    }
    out.base = std::make_shared<ColourSpace>(std::move(*base));
    return out;
  }
  if (family == "Separation" && arr->size() >= 2) {
    out.kind = ColourSpace::Kind::kInk, out.components = 1;
    return out;
  }
  if (family == "DeviceN" && arr->size() >= 2) {
    const PoDoFo::PdfArray* inks = pdf::AsArray(&(*arr)[1]);
    if (!inks || inks->empty() || inks->size() > 32) return Error(Unsupported("malformed DeviceN colour space"));
    out.kind = ColourSpace::Kind::kInk, out.components = static_cast<int>(inks->size());
    return out;
  }
  if (family == "Lab") {
    out.kind = ColourSpace::Kind::kLab, out.components = 3;
    return out;
  }
  return Error(Unsupported("image colour space " + family.substr(0, 32)));
}

// The image's /Decode array, or its default; true when it swaps the first
// component's ends (an inverted gray or bilevel image).
std::vector<double> DecodeArray(const PdfObject* image, const ColourSpace& cs, int bpc) {
  std::vector<double> out;
  if (const PoDoFo::PdfArray* arr = pdf::AsArray(pdf::DictGet(image, "Decode"))) {
    for (const PdfObject& v : *arr) out.push_back(pdf::AsNumber(&v).value_or(0));
  }
  if (out.size() >= static_cast<size_t>(2 * cs.components)) return out;
  out.clear();
  for (int c = 0; c < cs.components; ++c) {
    if (cs.kind == ColourSpace::Kind::kIndexed) {
      out.push_back(0), out.push_back((1 << std::min(bpc, 8)) - 1);
    } else if (cs.kind == ColourSpace::Kind::kLab) {
      if (c == 0) out.push_back(0), out.push_back(100);
      else out.push_back(-100), out.push_back(100);
    } else {
      out.push_back(0), out.push_back(1);
    }
  }
  return out;
}

bool DecodeInverts(const PdfObject* image) {
  const PoDoFo::PdfArray* arr = pdf::AsArray(pdf::DictGet(image, "Decode"));
  return arr && arr->size() >= 2 && pdf::AsNumber(&(*arr)[0]).value_or(0) > pdf::AsNumber(&(*arr)[1]).value_or(1);
}

uint8_t Clamp255(double v) { return static_cast<uint8_t>(std::clamp(std::lround(v * 255.0), 0L, 255L)); }

// Gray or RGB (0..255) for one pixel's decoded components.
void ToDevice(const ColourSpace& cs, const double* v, uint8_t rgb[3], bool* gray) {
  switch (cs.kind) {
    case ColourSpace::Kind::kGray:
      rgb[0] = rgb[1] = rgb[2] = Clamp255(v[0]);
      *gray = true;
      return;
    case ColourSpace::Kind::kRGB:
      rgb[0] = Clamp255(v[0]), rgb[1] = Clamp255(v[1]), rgb[2] = Clamp255(v[2]);
      *gray = false;
      return;
    case ColourSpace::Kind::kCMYK:
      for (int c = 0; c < 3; ++c) rgb[c] = Clamp255(1.0 - std::min(1.0, v[c] + v[3]));
      *gray = false;
      return;
    case ColourSpace::Kind::kInk: {
      double ink = 0;
      for (int c = 0; c < cs.components; ++c) ink = std::max(ink, v[c]);
      rgb[0] = rgb[1] = rgb[2] = Clamp255(1.0 - ink);
      *gray = true;
      return;
    }
    case ColourSpace::Kind::kLab:
      rgb[0] = rgb[1] = rgb[2] = Clamp255(v[0] / 100.0);
      *gray = true;
      return;
    case ColourSpace::Kind::kIndexed: {
      const int index = std::clamp(static_cast<int>(std::lround(v[0])), 0, cs.hival);
      const ColourSpace& base = *cs.base;
      double components[4] = {0, 0, 0, 0};
      for (int c = 0; c < base.components && c < 4; ++c) {
        components[c] = static_cast<uint8_t>(cs.lookup[static_cast<size_t>(index) * base.components + c]) / 255.0;
      }
      ToDevice(base, components, rgb, gray);
      return;
    }
  }
}

// Samples (after all generic filters) to a pixmap.
StatusOr<PixPtr> FromSamples(const std::string& data, int width, int height, int bpc,
                             const ColourSpace& cs, const std::vector<double>& decode) {
  if (!(bpc == 1 || bpc == 2 || bpc == 4 || bpc == 8 || bpc == 16)) {
    return Error(Unsupported(std::to_string(bpc) + "-bit image samples"));
  }
  const int comps = cs.components;
  const size_t row = (static_cast<size_t>(width) * comps * bpc + 7) / 8;
  if (data.size() < row * static_cast<size_t>(height)) return Error(Unsupported("image data shorter than its size"));
  // Per component, each sample value (high byte for 16-bit) → decoded value.
  const int levels = 1 << std::min(bpc, 8);
  std::vector<std::vector<double>> table(static_cast<size_t>(comps), std::vector<double>(static_cast<size_t>(levels)));
  for (int c = 0; c < comps; ++c) {
    const double lo = decode[2 * c], hi = decode[2 * c + 1];
    for (int s = 0; s < levels; ++s) table[c][s] = lo + s * (hi - lo) / (levels - 1);
  }
  // Is the output gray? Decided by the colour space (an Indexed palette
  // over a gray base is gray too).
  const ColourSpace& device = cs.kind == ColourSpace::Kind::kIndexed ? *cs.base : cs;
  const bool gray_output = device.kind == ColourSpace::Kind::kGray || device.kind == ColourSpace::Kind::kInk ||
                           device.kind == ColourSpace::Kind::kLab;
  const bool bilevel = gray_output && bpc == 1 && cs.kind != ColourSpace::Kind::kIndexed;
  Pix* pix = pixCreate(width, height, bilevel ? 1 : gray_output ? 8 : 32);
  if (!pix) return Error(Status(StatusCode::kResource, "out of memory for an image"));
  const int wpl = pixGetWpl(pix);
  l_uint32* pixels = pixGetData(pix);
  const unsigned char* bytes = reinterpret_cast<const unsigned char*>(data.data());
  std::vector<double> v(static_cast<size_t>(comps));
  for (int y = 0; y < height; ++y) {
    const unsigned char* in = bytes + row * static_cast<size_t>(y);
    l_uint32* out = pixels + static_cast<size_t>(wpl) * y;
    for (int x = 0; x < width; ++x) {
      for (int c = 0; c < comps; ++c) {
        const size_t index = static_cast<size_t>(x) * comps + c;
        int s;
        if (bpc == 16) s = in[2 * index];
        else if (bpc == 8) s = in[index];
        else s = (in[index * bpc / 8] >> (8 - bpc - (index * bpc) % 8)) & ((1 << bpc) - 1);
        v[c] = table[c][s];
      }
      uint8_t rgb[3];
      bool gray = true;
      ToDevice(cs, v.data(), rgb, &gray);
      if (bilevel) {
        if (rgb[0] < 128) SET_DATA_BIT(out, x);
      } else if (gray_output) {
        SET_DATA_BYTE(out, x, rgb[0]);
      } else {
        composeRGBPixel(rgb[0], rgb[1], rgb[2], out + x);
      }
    }
  }
  return PixPtr(pix);
}

// libjbig2dec, embedded stream with optional globals. JBIG2 images hold
// 1 = black, as Leptonica does.
StatusOr<PixPtr> DecodeJbig2(const std::string& data, const std::string* globals, int width, int height) {
  auto quiet = [](void*, const char*, Jbig2Severity, uint32_t) {};
  Jbig2GlobalCtx* global_ctx = nullptr;
  if (globals) {
    Jbig2Ctx* g = jbig2_ctx_new(nullptr, JBIG2_OPTIONS_EMBEDDED, nullptr, quiet, nullptr);
    if (!g) return Error(Status(StatusCode::kResource, "out of memory for a JBIG2 image"));
    if (jbig2_data_in(g, reinterpret_cast<const unsigned char*>(globals->data()), globals->size()) < 0) {
      jbig2_ctx_free(g);
      return Error(Unsupported("JBIG2 globals that do not decode"));
    }
    global_ctx = jbig2_make_global_ctx(g);
  }
  Jbig2Ctx* ctx = jbig2_ctx_new(nullptr, JBIG2_OPTIONS_EMBEDDED, global_ctx, quiet, nullptr);
  if (!ctx) {
    if (global_ctx) jbig2_global_ctx_free(global_ctx);
    return Error(Status(StatusCode::kResource, "out of memory for a JBIG2 image"));
  }
  Pix* pix = nullptr;
  if (jbig2_data_in(ctx, reinterpret_cast<const unsigned char*>(data.data()), data.size()) >= 0) {
    jbig2_complete_page(ctx);
    if (Jbig2Image* image = jbig2_page_out(ctx)) {
      if (static_cast<int>(image->width) == width && static_cast<int>(image->height) >= height) {
        pix = pixCreate(width, height, 1);
        if (pix) {
          const int wpl = pixGetWpl(pix);
          for (int y = 0; y < height; ++y) {
            const uint8_t* in = image->data + static_cast<size_t>(image->stride) * y;
            l_uint32* out = pixGetData(pix) + static_cast<size_t>(wpl) * y;
            for (int x = 0; x < width; ++x) {
              if ((in[x >> 3] >> (7 - (x & 7))) & 1) SET_DATA_BIT(out, x);
            }
          }
        }
      }
      jbig2_release_page(ctx, image);
    }
  }
  jbig2_ctx_free(ctx);
  if (global_ctx) jbig2_global_ctx_free(global_ctx);
  if (!pix) return Error(Unsupported("JBIG2 data that does not decode"));
  return PixPtr(pix);
}

// Decodes `raw` (the stream's undecoded bytes) of an image whose dictionary
// is `image` (long key names; short filter and colour space names allowed).
StatusOr<PixPtr> Decode(const PdfObject* image, std::string raw, int64_t max_pixels) {
  QuietLeptonica();
  const int width = static_cast<int>(pdf::AsNumber(pdf::DictGet(image, "Width")).value_or(0));
  const int height = static_cast<int>(pdf::AsNumber(pdf::DictGet(image, "Height")).value_or(0));
  if (width <= 0 || height <= 0) return Error(Unsupported("image size out of range"));
  if (static_cast<double>(width) * height > static_cast<double>(max_pixels)) {
    return Error(StatusCode::kResource,
                 "image of " + std::to_string(width) + " x " + std::to_string(height) +
                     " pixels, more than the limit of " + std::to_string(max_pixels / 1000000) +
                     " megapixels ([limits] max_image_megapixels)");
  }
  auto filters = pdf::StreamFilters(image);
  std::string last = filters.empty() ? "" : filters.back().first;
  const PdfObject* last_parms = filters.empty() ? nullptr : filters.back().second;
  const bool image_filter = last == "DCTDecode" || last == "DCT" || last == "JPXDecode" ||
                            last == "CCITTFaxDecode" || last == "CCF" || last == "JBIG2Decode";
  if (image_filter) filters.pop_back();
  StatusOr<std::string> data = pdf::DecodeFilters(std::move(raw), filters, kMaxImageBytes);
  if (!data) return Error(Unsupported("image data that does not decode (" + data.error().message() + ")"));

  const bool mask = AsBool(pdf::DictGet(image, "ImageMask"));
  const bool inverted = DecodeInverts(image);
  Pix* pix = nullptr;
  if (last == "DCTDecode" || last == "DCT" || last == "JPXDecode") {
    pix = pixReadMem(reinterpret_cast<const l_uint8*>(data->data()), data->size());
    if (!pix) return Error(Unsupported(last == "JPXDecode" ? "JPEG 2000 data that does not decode"
                                                           : "JPEG data that does not decode"));
    if (pixGetDepth(pix) != 8 && pixGetDepth(pix) != 32) {
      Pix* converted = pixGetDepth(pix) < 8 ? pixConvertTo8(pix, 0) : pixConvertTo32(pix);
      pixDestroy(&pix);
      pix = converted;
    }
    if (pix && inverted) pixInvert(pix, pix);
  } else if (last == "CCITTFaxDecode" || last == "CCF") {
    const int k = static_cast<int>(pdf::AsNumber(pdf::DictGet(last_parms, "K")).value_or(0));
    const int columns = static_cast<int>(pdf::AsNumber(pdf::DictGet(last_parms, "Columns")).value_or(1728));
    if (columns != width) return Error(Unsupported("CCITT image whose /Columns differ from its /Width"));
    const std::string tiff =
        WrapCcittInTiff(*data, width, height, k, AsBool(pdf::DictGet(last_parms, "EncodedByteAlign")));
    pix = pixReadMemTiff(reinterpret_cast<const l_uint8*>(tiff.data()), tiff.size(), 0);
    if (!pix || pixGetDepth(pix) != 1) {
      if (pix) pixDestroy(&pix);
      return Error(Unsupported(k < 0 ? "CCITT Group 4 data that does not decode"
                                     : "CCITT Group 3 data that does not decode"));
    }
    // Decoded, a black run is 1. It shows black unless /BlackIs1 or an
    // inverting /Decode (not both) turn it to white; a mask paints 0s.
    const bool black_run_dark = mask ? inverted : AsBool(pdf::DictGet(last_parms, "BlackIs1")) == inverted;
    if (!black_run_dark) pixInvert(pix, pix);
  } else if (last == "JBIG2Decode") {
    std::string globals;
    const PdfObject* globals_stream = pdf::DictGet(last_parms, "JBIG2Globals");
    if (globals_stream) {
      StatusOr<std::string> g = pdf::ReadStream(globals_stream, kMaxImageBytes);
      if (!g) return Error(Unsupported("JBIG2 globals that do not decode"));
      globals = std::move(*g);
    }
    StatusOr<PixPtr> decoded = DecodeJbig2(*data, globals_stream ? &globals : nullptr, width, height);
    if (!decoded) return Error(decoded.error());
    pix = decoded->release();
    // The filter hands PDF 0 for black; a mask paints 0s: both show the
    // JBIG2 1s, unless the /Decode array inverts.
    if (inverted) pixInvert(pix, pix);
  } else if (mask) {
    ColourSpace gray;
    // Samples of 0 paint (show "black"), unless /Decode is [1 0].
    StatusOr<PixPtr> decoded = FromSamples(*data, width, height, 1, gray, {0, 1});
    if (!decoded) return Error(decoded.error());
    pix = decoded->release();
    if (inverted) pixInvert(pix, pix);
  } else {
    StatusOr<ColourSpace> cs = ParseColourSpace(pdf::DictGet(image, "ColorSpace"));
    if (!cs) return Error(cs.error());
    const int bpc = static_cast<int>(pdf::AsNumber(pdf::DictGet(image, "BitsPerComponent")).value_or(8));
    StatusOr<PixPtr> decoded = FromSamples(*data, width, height, bpc, *cs, DecodeArray(image, *cs, bpc));
    if (!decoded) return Error(decoded.error());
    pix = decoded->release();
  }
  if (!pix) return Error(Unsupported("image data that does not decode"));
  return PixPtr(pix);
}

// A parsed inline-image operand as a PoDoFo object.
PdfObject ToObject(const pdf::Operand& o) {
  using Type = pdf::Operand::Type;
  switch (o.type) {
    case Type::kNumber:
      if (o.number == std::floor(o.number) && std::fabs(o.number) < 1e15) {
        return PdfObject(PoDoFo::PdfVariant(static_cast<PoDoFo::pdf_int64>(o.number)));
      }
      return PdfObject(PoDoFo::PdfVariant(o.number));
    case Type::kString:
      return PdfObject(PoDoFo::PdfString(o.value.data(), static_cast<PoDoFo::pdf_long>(o.value.size())));
    case Type::kName:
      return PdfObject(PoDoFo::PdfName(o.value));
    case Type::kArray: {
      PoDoFo::PdfArray arr;
      for (const pdf::Operand& item : o.items) arr.push_back(ToObject(item));
      return PdfObject(arr);
    }
    case Type::kDictionary: {
      PoDoFo::PdfDictionary dict;
      for (size_t i = 0; i + 1 < o.items.size(); i += 2) {
        if (o.items[i].is_name()) dict.AddKey(PoDoFo::PdfName(o.items[i].value), ToObject(o.items[i + 1]));
      }
      return PdfObject(dict);
    }
    case Type::kBool:
      return PdfObject(PoDoFo::PdfVariant(o.number != 0));
    case Type::kNull:
      break;
  }
  return PdfObject(PoDoFo::PdfVariant());
}

}  // namespace

std::string WrapCcittInTiff(const std::string& data, int width, int height, int k, bool byte_aligned) {
  std::string t = std::string("II*\0", 4);
  auto u16 = [&](uint16_t v) {
    t.push_back(static_cast<char>(v & 0xFF));
    t.push_back(static_cast<char>(v >> 8));
  };
  auto u32 = [&](uint32_t v) {
    for (int i = 0; i < 4; ++i) t.push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
  };
  const bool group3 = k >= 0;
  const uint16_t entries = group3 ? 10 : 9;
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
  // Tags in ascending order, as TIFF requires.
  entry(256, 4, static_cast<uint32_t>(width));          // ImageWidth
  entry(257, 4, static_cast<uint32_t>(height));         // ImageLength
  entry(258, 3, 1);                                     // BitsPerSample
  entry(259, 3, group3 ? 3 : 4);                        // Compression: T.4 or T.6
  entry(262, 3, 0);                                     // Photometric: WhiteIsZero
  entry(273, 4, data_offset);                           // StripOffsets
  entry(277, 3, 1);                                     // SamplesPerPixel
  entry(278, 4, static_cast<uint32_t>(height));         // RowsPerStrip
  entry(279, 4, static_cast<uint32_t>(data.size()));    // StripByteCounts
  if (group3) {
    // T4Options: bit 0 two-dimensional coding, bit 2 fill bits (EOLs
    // byte-aligned).
    entry(292, 4, (k > 0 ? 1u : 0u) | (byte_aligned ? 4u : 0u));
  }
  u32(0);  // no next IFD
  return t + data;
}

StatusOr<PixPtr> DecodeImage(const PdfObject* image, const ResourceLimits& limits) {
  image = pdf::Resolve(image);
  if (!image || !image->HasStream()) return Error(Unsupported("not an image stream"));
  StatusOr<std::string> data = pdf::RawStreamData(image);
  if (!data) return Error(Unsupported("image data that cannot be read"));
  std::string raw = std::move(*data);
  return Decode(image, std::move(raw), limits.max_image_pixels);
}

StatusOr<PixPtr> DecodeInlineImage(const pdf::Operand& dict, std::string_view data,
                                   const PdfObject* resources, const ResourceLimits& limits) {
  static const std::array<std::pair<const char*, const char*>, 9> kKeys = {{
      {"W", "Width"}, {"H", "Height"}, {"BPC", "BitsPerComponent"}, {"CS", "ColorSpace"},
      {"F", "Filter"}, {"DP", "DecodeParms"}, {"IM", "ImageMask"}, {"D", "Decode"}, {"I", "Interpolate"}}};
  PdfObject object = ToObject(dict);
  if (!object.IsDictionary()) return Error(Unsupported("inline image without a dictionary"));
  PoDoFo::PdfDictionary& d = object.GetDictionary();
  for (const auto& [short_key, long_key] : kKeys) {
    if (const PdfObject* v = d.GetKey(PoDoFo::PdfName(short_key))) {
      PdfObject copy = *v;
      d.RemoveKey(PoDoFo::PdfName(short_key));
      d.AddKey(PoDoFo::PdfName(long_key), copy);
    }
  }
  // A colour space named in the resources (not G, RGB, CMYK or I).
  if (auto name = pdf::AsName(d.GetKey(PoDoFo::PdfName("ColorSpace")))) {
    if (*name != "G" && *name != "RGB" && *name != "CMYK" && *name != "DeviceGray" && *name != "DeviceRGB" &&
        *name != "DeviceCMYK") {
      const PdfObject* named = pdf::DictGet(pdf::DictGet(resources, "ColorSpace"), *name);
      if (!named) return Error(Unsupported("inline image with an unknown colour space"));
      // Only direct parts can be copied out; the lookups resolve the rest.
      d.AddKey(PoDoFo::PdfName("ColorSpace"), *named);
    }
  }
  return Decode(&object, std::string(data), limits.max_image_pixels);
}

}  // namespace redact
