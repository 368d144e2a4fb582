// Fuzzes font loading and decoding: the input chooses a font dictionary
// (subtype, base font, encoding, /Differences, /Widths, CID /W and /W2, a
// ToUnicode CMap, an embedded Type1 program with a built-in encoding) and
// the string the font then decodes. The dictionary is written by us, so
// PoDoFo's parser sees well-formed PDF; what varies is what our font code
// has to make sense of.
#include <fuzzer/FuzzedDataProvider.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "pdf/document.h"
#include "pdf/font.h"
#include "tests/testing/pdf_builder.h"

namespace {

using redact::testing::PdfBuilder;

std::string Name(FuzzedDataProvider& in) {
  static const char* const kNames[] = {
      "A",         "B",        "space",    "fi",       "uni0041",  "uni00410042", "u1F600",
      "g12",       "a1",       "cid123",   "Adieresis", "hyphen",  "minus",       "uniD800",
      "afii10017", "G41",      "c65",      ".notdef",  "zero",     "one.sups",    "f_f_i"};
  if (in.ConsumeBool()) return kNames[in.ConsumeIntegralInRange<size_t>(0, std::size(kNames) - 1)];
  std::string raw = in.ConsumeRandomLengthString(12), name;
  for (char c : raw) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
        c == '_')
      name += c;
  }
  return name.empty() ? "x" : name;
}

std::string Number(FuzzedDataProvider& in) {
  if (in.ConsumeBool()) return std::to_string(in.ConsumeIntegralInRange<int>(-70000, 70000));
  return std::to_string(in.ConsumeFloatingPointInRange<double>(-1e6, 1e6));
}

std::string Stream(FuzzedDataProvider& in, PdfBuilder& b, const std::string& dict) {
  return std::to_string(b.AddStream(dict, in.ConsumeRandomLengthString(2048))) + " 0 R";
}

std::string FontDict(FuzzedDataProvider& in, PdfBuilder& b) {
  static const char* const kBase[] = {"Helvetica", "Times-Roman", "Symbol", "ZapfDingbats",
                                      "Courier-Bold", "ABCDEF+CMR10", "Arial,Bold", "Unknown"};
  static const char* const kSimpleEnc[] = {"WinAnsiEncoding", "MacRomanEncoding",
                                           "StandardEncoding", "MacExpertEncoding", "Bogus"};
  static const char* const kCidEnc[] = {"Identity-H", "Identity-V", "UniGB-UCS2-H",
                                        "UniJIS-UCS2-V", "90ms-RKSJ-H", "Bogus"};
  const int kind = in.ConsumeIntegralInRange(0, 3);
  std::string base = kBase[in.ConsumeIntegralInRange<size_t>(0, std::size(kBase) - 1)];
  std::string d = "<< /Type /Font";
  if (kind == 3) {
    d += " /Subtype /Type0 /BaseFont /" + base + " /Encoding ";
    if (in.ConsumeBool()) {
      d += "/" + std::string(kCidEnc[in.ConsumeIntegralInRange<size_t>(0, std::size(kCidEnc) - 1)]);
    } else {
      d += Stream(in, b, "/Type /CMap");
    }
    std::string w = "[";
    for (int i = in.ConsumeIntegralInRange(0, 8); i > 0; --i) {
      w += " " + Number(in) + (in.ConsumeBool() ? " [" + Number(in) + " " + Number(in) + "]"
                                                : " " + Number(in) + " " + Number(in));
    }
    w += "]";
    std::string w2 = "[";
    for (int i = in.ConsumeIntegralInRange(0, 4); i > 0; --i) {
      w2 += " " + Number(in) + " [" + Number(in) + " " + Number(in) + " " + Number(in) + "]";
    }
    w2 += "]";
    d += " /DescendantFonts [<< /Type /Font /Subtype /CIDFontType" +
         std::string(in.ConsumeBool() ? "0" : "2") + " /BaseFont /" + base + " /DW " + Number(in) +
         " /W " + w + " /W2 " + w2 + " /DW2 [" + Number(in) + " " + Number(in) + "] >>]";
  } else {
    static const char* const kSub[] = {"Type1", "TrueType", "Type3"};
    d += std::string(" /Subtype /") + kSub[kind] + " /BaseFont /" + base;
    if (kind == 2) {
      d += " /FontMatrix [" + Number(in) + " 0 0 " + Number(in) + " 0 0] /FontBBox [0 0 1 1]"
           " /CharProcs << >> /Resources << >>";
    }
    switch (in.ConsumeIntegralInRange(0, 2)) {
      case 0:
        d += " /Encoding /" +
             std::string(kSimpleEnc[in.ConsumeIntegralInRange<size_t>(0, std::size(kSimpleEnc) - 1)]);
        break;
      case 1: {
        d += " /Encoding << /Differences [";
        for (int i = in.ConsumeIntegralInRange(0, 12); i > 0; --i) {
          d += in.ConsumeBool() ? " " + Number(in) : " /" + Name(in);
        }
        d += "] >>";
        break;
      }
      default:
        break;
    }
    if (in.ConsumeBool()) {
      d += " /FirstChar " + Number(in) + " /Widths [";
      for (int i = in.ConsumeIntegralInRange(0, 16); i > 0; --i) d += " " + Number(in);
      d += "]";
    }
    if (in.ConsumeBool()) {
      d += " /FontDescriptor << /Type /FontDescriptor /Flags " + Number(in) + " /Ascent " +
           Number(in) + " /Descent " + Number(in) + " /MissingWidth " + Number(in) +
           " /FontFile " + Stream(in, b, "/Length1 10 /Length2 0 /Length3 0") + " >>";
    }
  }
  if (in.ConsumeBool()) d += " /ToUnicode " + Stream(in, b, "");
  return d + " >>";
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  FuzzedDataProvider in(data, size);
  PdfBuilder b;
  const int font = b.Add(FontDict(in, b));
  const int contents = b.AddStream("", "");
  const std::string pdf =
      b.BuildOnePage(contents, "<< /Font << /F " + std::to_string(font) + " 0 R >> >>");
  auto doc = redact::pdf::Document::OpenBytes(pdf, "fuzz.pdf", {});
  if (!doc) return 0;
  auto object = (*doc)->PageObject(0);
  if (!object) return 0;
  const PoDoFo::PdfObject* resources = (*doc)->InheritedPageKey(*object, "Resources");
  if (!resources) return 0;
  redact::pdf::FontCache cache;
  // The font dictionary, through the page's resources as the interpreter
  // finds it.
  const PoDoFo::PdfObject* fonts = resources->GetDictionary().GetKey("Font");
  if (!fonts || !fonts->IsDictionary()) return 0;
  const PoDoFo::PdfObject* ref = fonts->GetDictionary().GetKey("F");
  if (!ref) return 0;
  std::shared_ptr<const redact::pdf::Font> loaded = cache.Get(ref);
  if (!loaded) return 0;
  std::vector<redact::pdf::DecodedCode> codes;
  const std::string text = in.ConsumeRemainingBytesAsString();
  loaded->Decode(text, &codes);
  size_t used = 0;
  for (const auto& c : codes) used += static_cast<size_t>(c.length);
  if (used != text.size()) __builtin_trap();  // every byte belongs to one code
  std::array<std::string, 256> names;
  bool standard = false;
  redact::pdf::ParseType1BuiltinEncoding(text, &names, &standard);
  return 0;
}
