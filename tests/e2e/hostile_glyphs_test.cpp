// Issue 16 §2: text whose glyphs are drawn in an order, a number of times or
// a form that defeats matching in draw order, while pdftotext and viewers
// show the plain name. Each test builds one such PDF, runs `redact apply`
// and judges the output with the shared oracle judge (tests/testing/
// oracles.h): nothing of the protected people may stay readable (or the
// file must be refused with a reason), and a public name on the same page
// must stay.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "tests/testing/oracles.h"
#include "tests/testing/pdf_builder.h"
#include "tests/testing/require_tool.h"
#include "tests/testing/subprocess.h"

namespace redact {
namespace {

namespace fs = std::filesystem;
using testing::OracleReading;
using testing::PdfBuilder;
using testing::ReadersShowing;
using testing::ReadWithOracles;
using testing::RunCommand;

const std::string kHelvetica =
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>";
const std::string kPublicLine = "BT /F1 12 Tf 72 600 Td (John Smith, Attorney for Petitioner) Tj ET";

struct Judged {
  int exit_code = -1;
  std::string err;
  OracleReading reading;
};

Judged ApplyAndRead(const std::string& name, const std::string& pdf, bool ocr = false) {
  const fs::path dir = fs::temp_directory_path() / ("redact_hostile_glyphs_" + name);
  fs::remove_all(dir);
  fs::create_directories(dir / "out");
  const fs::path in = dir / (name + ".pdf");
  std::ofstream(in, std::ios::binary) << pdf;
  std::ofstream(dir / "names.csv") << "id,name,a_number\n"
                                      "P1,Maria Hernandez-Nunez,A201234567\n"
                                      "P2,Nelson Iv\xC3\xA1n Quintanilla,A209876543\n"
                                      "P3,Sof\xC3\xAD" "a Ram\xC3\xADrez,A207654321\n";
  const auto r = RunCommand({REDACT_BINARY, "apply", "--names", (dir / "names.csv").string(),
                             "--out", (dir / "out").string(), in.string()});
  Judged j;
  j.exit_code = r.exit_code;
  j.err = r.err;
  const fs::path out = dir / "out" / (name + ".pdf");
  if (r.exit_code == 0 && fs::exists(out)) {
    j.reading = ReadWithOracles(out.string(), (dir / "oracles").string(), ocr);
  }
  return j;
}

std::string Join(const std::vector<std::string>& v) {
  std::string s;
  for (const std::string& x : v) s += (s.empty() ? "" : ", ") + x;
  return s;
}

// Nothing of `values` readable in the output, and the public counsel line
// still readable. `label` names the value in failure messages (a test's
// made-up people, but messages never echo values all the same).
void ExpectRedactedKeepingCounsel(const Judged& j,
                                  const std::vector<std::pair<std::string, std::string>>& values) {
  ASSERT_EQ(j.exit_code, 0) << "refused without cause: " << j.err;
  EXPECT_TRUE(j.reading.problems.empty()) << j.reading.problems.front();
  for (const auto& [label, value] : values) {
    EXPECT_TRUE(ReadersShowing(j.reading, value).empty())
        << label << " still readable by: " << Join(ReadersShowing(j.reading, value));
  }
  EXPECT_FALSE(ReadersShowing(j.reading, "John Smith, Attorney for Petitioner").empty())
      << "the public counsel line was removed";
}

#define REQUIRE_ORACLES()          \
  REDACT_REQUIRE_TOOL("pdftotext"); \
  REDACT_REQUIRE_TOOL("mutool");    \
  REDACT_REQUIRE_TOOL("qpdf")

std::string HelveticaPage(const std::string& content) {
  return PdfBuilder::OnePage(content + " " + kPublicLine,
                             "<< /Font << /F1 " + kHelvetica + " >> >>");
}

// UTF-8 → UTF-16BE hex (the Basic Multilingual Plane is enough here).
std::string Utf16Hex(const std::string& utf8) {
  std::string hex;
  for (size_t i = 0; i < utf8.size();) {
    const unsigned char c = static_cast<unsigned char>(utf8[i]);
    uint32_t cp = c;
    int len = 1;
    if (c >= 0xE0) {
      cp = c & 0x0F;
      len = 3;
    } else if (c >= 0xC0) {
      cp = c & 0x1F;
      len = 2;
    }
    for (int k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(utf8[i + k]) & 0x3F);
    char buf[8];
    std::snprintf(buf, sizeof buf, "%04X", cp);
    hex += buf;
    i += static_cast<size_t>(len);
  }
  return hex;
}

// A Type0 Identity-H font whose ToUnicode maps one code per distinct glyph
// text; Glyphs() gives the hex string showing a sequence of glyph texts.
class UnicodeFont {
 public:
  std::string Glyphs(const std::vector<std::string>& texts) {
    std::string hex;
    for (const std::string& t : texts) {
      auto [it, added] = codes_.emplace(t, static_cast<int>(codes_.size()) + 1);
      char buf[8];
      std::snprintf(buf, sizeof buf, "%04X", it->second);
      hex += buf;
    }
    return "<" + hex + ">";
  }
  // Splits UTF-8 into one glyph per code point.
  std::string Text(const std::string& utf8) {
    std::vector<std::string> texts;
    for (size_t i = 0; i < utf8.size();) {
      const unsigned char c = static_cast<unsigned char>(utf8[i]);
      const size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
      texts.push_back(utf8.substr(i, len));
      i += len;
    }
    return Glyphs(texts);
  }
  int Add(PdfBuilder& b) const {
    std::string map;
    for (const auto& [text, code] : codes_) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "%04X", code);
      map += std::string("<") + buf + "> <" + Utf16Hex(text) + ">\n";
    }
    const int cmap = b.AddStream("", "1 begincodespacerange <0000> <FFFF> endcodespacerange\n" +
                                         std::to_string(codes_.size()) + " beginbfchar\n" + map +
                                         "endbfchar");
    return b.Add("<< /Type /Font /Subtype /Type0 /BaseFont /Uni /Encoding /Identity-H "
                 "/ToUnicode " + std::to_string(cmap) + " 0 R /DescendantFonts [<< /Type /Font "
                 "/Subtype /CIDFontType2 /BaseFont /Uni /DW 600 /CIDSystemInfo << /Registry "
                 "(Adobe) /Ordering (Identity) /Supplement 0 >> >>] >>");
  }

 private:
  std::map<std::string, int> codes_;
};

// Pages of content streams sharing Helvetica as /F1 (and more resources).
std::string Pages(const std::vector<std::string>& contents, const std::string& more_fonts = "") {
  PdfBuilder b;
  const int pages = b.Reserve();
  std::string kids;
  for (const std::string& c : contents) {
    const int stream = b.AddStream("", c);
    const int page = b.Add("<< /Type /Page /Parent " + std::to_string(pages) +
                           " 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 " + kHelvetica +
                           " " + more_fonts + " >> >> /Contents " + std::to_string(stream) + " 0 R >>");
    kids += std::to_string(page) + " 0 R ";
  }
  b.Set(pages, "<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(contents.size()) +
                   " >>");
  return b.Build(b.Add("<< /Type /Catalog /Pages " + std::to_string(pages) + " 0 R >>"));
}

// 1. The line drawn twice, 0.3 pt apart (fake bold): both copies go.
TEST(HostileGlyphs, LineDrawnTwiceForFakeBold) {
  REQUIRE_ORACLES();
  const std::string line = "(Petitioner Nelson Iv\\341n Quintanilla appeared.) Tj ET";
  const Judged j = ApplyAndRead("fake_bold", HelveticaPage("BT /F1 12 Tf 72 700 Td " + line +
                                                           " BT /F1 12 Tf 72.3 700.2 Td " + line));
  ExpectRedactedKeepingCounsel(j, {{"name", "Nelson"}, {"surname", "Quintanilla"}});
  EXPECT_FALSE(ReadersShowing(j.reading, "appeared").empty());
}

// Helvetica widths (thousandths of an em) of the letters the tests draw.
double HelveticaWidth(char c) {
  static const std::map<char, int> kWidths = {
      {'M', 833}, {'a', 556}, {'r', 333}, {'i', 222}, {' ', 278}, {'H', 722}, {'e', 556},
      {'n', 556}, {'d', 556}, {'z', 500}, {'-', 333}, {'N', 722}, {'u', 556}, {'A', 667},
      {'0', 556}, {'1', 556}, {'2', 556}, {'3', 556}, {'4', 556}, {'5', 556}, {'6', 556},
      {'7', 556}, {'8', 556}, {'9', 556}, {'#', 556}, {':', 278}};
  return kWidths.at(c) / 1000.0;
}

// Each character its own BT … Tm … Tj ET, in a shuffled order.
std::string Shuffled(const std::string& text, double x, double y) {
  std::vector<std::string> ops;
  for (char c : text) {
    if (c != ' ') {
      char buf[96];
      std::snprintf(buf, sizeof buf, "BT /F1 12 Tf 1 0 0 1 %.3f %.3f Tm (%c) Tj ET", x, y, c);
      ops.push_back(buf);
    }
    x += 12 * HelveticaWidth(c);
  }
  std::string out;
  // Odd positions backwards, then even ones forwards: no two neighbours in a row.
  for (size_t k = ops.size(); k-- > 0;) {
    if (k % 2 == 1) out += ops[k] + "\n";
  }
  for (size_t k = 0; k < ops.size(); k += 2) out += ops[k] + "\n";
  return out;
}

// 2 and 8. Glyphs drawn one by one out of order read in place.
TEST(HostileGlyphs, GlyphsDrawnInShuffledOrder) {
  REQUIRE_ORACLES();
  const Judged j = ApplyAndRead(
      "shuffled", HelveticaPage(Shuffled("Maria Hernandez-Nunez", 72, 700) +
                                Shuffled("A# 201234567", 72, 680)));
  ExpectRedactedKeepingCounsel(
      j, {{"name", "Maria Hernandez-Nunez"}, {"surname", "Hernandez"}, {"A-number", "201234567"}});
}

// 3. Accents drawn in a second pass at the end of the stream, over letters
// drawn without them: "Ivan" with its acute later, and "Sofía Ramírez" as
// TeX sets í, a dotless ı (code 16) with the acute (code 19) over it.
TEST(HostileGlyphs, AccentsDrawnInASecondPass) {
  REQUIRE_ORACLES();
  // x of the a of Ivan: 72 + 12 × width of "Nelson Iv"; Helvetica's acute
  // is 333 wide, its dotless i 278.
  const double a_x = 72 + 12 * (0.722 + 0.556 + 0.222 + 0.5 + 0.556 + 0.556 + 0.278 + 0.278 + 0.5);
  const double i1_x = 72 + 12 * (0.667 + 0.556 + 0.278);
  const double i2_x = 72 + 12 * (0.667 + 0.556 + 0.278 + 0.278 + 0.556 + 0.278 + 0.722 + 0.556 +
                                 0.833);
  char accents[512];
  std::snprintf(accents, sizeof accents,
                "BT /F1 12 Tf 1 0 0 1 %.3f 700 Tm (\\264) Tj ET "
                "BT /F2 12 Tf 1 0 0 1 %.3f 650 Tm (\\023) Tj 1 0 0 1 %.3f 650 Tm (\\023) Tj ET",
                a_x + 12 * (0.556 - 0.333) / 2, i1_x + 12 * (0.278 - 0.333) / 2,
                i2_x + 12 * (0.278 - 0.333) / 2);
  const std::string tex = "/F2 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding "
                          "<< /Type /Encoding /Differences [16 /dotlessi 19 /acute] >> >>";
  const Judged j = ApplyAndRead(
      "second_pass", Pages({"BT /F1 12 Tf 72 700 Td (Nelson Ivan Quintanilla) Tj ET "
                            "BT /F2 12 Tf 72 650 Td (Sof\\020a Ram\\020rez) Tj ET " +
                            std::string(accents) + " " + kPublicLine},
                           tex));
  ExpectRedactedKeepingCounsel(j, {{"name", "Nelson"},
                                   {"given name", "Ivan"},
                                   {"given name", "Sof\xC4\xB1" "a"},
                                   {"surname", "Ram\xC4\xB1rez"},
                                   {"surname", "Ramirez"}});
  // No accent floats where the names were.
  EXPECT_EQ(j.reading.pdftotext.find("\xC2\xB4"), std::string::npos);
  EXPECT_EQ(j.reading.pdftotext.find("\xCC\x81"), std::string::npos);
  EXPECT_EQ(j.reading.mutool.find("\xC2\xB4"), std::string::npos);
}

// 4. TeX's OT1 accent: \'a drawn as the acute (code 0x13) kerned over the
// letter, as pdfTeX writes it: [(Iv) -55.5 (\023) 388.5 (an)].
TEST(HostileGlyphs, TexOt1AccentKernedOverTheLetter) {
  REQUIRE_ORACLES();
  const std::string ot1 = "/F2 << /Type /Font /Subtype /Type1 /BaseFont /Times-Roman /Encoding "
                          "<< /Type /Encoding /BaseEncoding /StandardEncoding "
                          "/Differences [16 /dotlessi 19 /acute] >> >>";
  const std::string pdf = Pages(
      {"BT /F2 12 Tf 72 700 Td [(Petitioner Nelson Iv) -55.5 (\\023) 388.5 "
       "(an Quintanilla appeared.)] TJ ET " + kPublicLine},
      ot1);
  const Judged j = ApplyAndRead("ot1", pdf);
  ExpectRedactedKeepingCounsel(j, {{"name", "Nelson"}, {"surname", "Quintanilla"}});
  EXPECT_FALSE(ReadersShowing(j.reading, "appeared").empty());
}

// 5. A space glyph kerned back inside a name does not break it.
TEST(HostileGlyphs, SpaceKernedBackInsideAName) {
  REQUIRE_ORACLES();
  const Judged j = ApplyAndRead(
      "kerned_space",
      HelveticaPage("BT /F1 12 Tf 72 700 Td [(Nel) ( ) 278 (son Iv\\341n Quin) ( ) 278 (tanilla)] "
                    "TJ ET"));
  ExpectRedactedKeepingCounsel(j, {{"name", "Nelson"}, {"surname", "Quintanilla"}});
}

// 6. ToUnicode text a reader cannot tell from the plain name: decomposed
// accents, soft hyphens and zero widths inside names, fullwidth letters,
// Cyrillic look-alikes and Arabic-Indic digits in an A-number.
TEST(HostileGlyphs, LookAlikesAndInvisiblesInToUnicode) {
  REQUIRE_ORACLES();
  UnicodeFont u;
  const std::vector<std::string> lines = {
      "Petitioner Nelson Iva\xCC\x81n Quin\xC2\xADtanilla",        // NFD, soft hyphen
      "Sister \xEF\xBC\xAD\xEF\xBD\x81\xEF\xBD\x92\xEF\xBD\x89\xEF\xBD\x81 "
      "Her\xE2\x80\x8Bnan\xE2\x81\xA0" "dez-Nu\xEF\xBB\xBFnez",  // fullwidth, ZWSP, WJ, BOM
      "File \xD0\x90" "201234567",                               // Cyrillic A
      "Also \xD0\x90" "2\xD0\x9E" "1234567",                        // Cyrillic A and O
      "File A\xD9\xA2\xD9\xA0\xD9\xA1\xD9\xA2\xD9\xA3\xD9\xA4\xD9\xA5\xD9\xA6\xD9\xA7",  // ٢٠١٢٣٤٥٦٧
  };
  std::string content;
  double y = 700;
  for (const std::string& l : lines) {
    content += "BT /U1 12 Tf 72 " + std::to_string(y) + " Td " + u.Text(l) + " Tj ET\n";
    y -= 20;
  }
  PdfBuilder b;
  const int font = u.Add(b);
  const int stream = b.AddStream("", content + kPublicLine);
  const std::string pdf = b.BuildOnePage(
      stream, "<< /Font << /F1 " + kHelvetica + " /U1 " + std::to_string(font) + " 0 R >> >>");
  const Judged j = ApplyAndRead("lookalikes", pdf);
  ExpectRedactedKeepingCounsel(
      j, {{"given name", "Nelson"},
          {"surname", "Quintanilla"},
          {"fullwidth given name", "\xEF\xBC\xAD\xEF\xBD\x81\xEF\xBD\x92\xEF\xBD\x89\xEF\xBD\x81"},
          {"surname", "Hernandez"},
          {"Cyrillic A-number", "\xD0\x90" "201234567"},
          {"Cyrillic A and O A-number", "\xD0\x90" "2\xD0\x9E" "1234567"},
          {"A-number digits", "201234567"},
          {"Arabic-Indic A-number", "\xD9\xA2\xD9\xA0\xD9\xA1\xD9\xA2\xD9\xA3\xD9\xA4"}});
  EXPECT_FALSE(ReadersShowing(j.reading, "Sister").empty());
}

// 7. A name and an A-number broken by page breaks. (Lines stay out of the
// top and bottom 7.5% of the page, where they would be running headers.)
TEST(HostileGlyphs, NameAndNumberBrokenByAPageBreak) {
  REQUIRE_ORACLES();
  const std::string pdf = Pages({
      "BT /F1 12 Tf 72 700 Td (The hearing concerned the respondent,) Tj 0 -16 Td "
      "(who gave her name as Maria) Tj ET",
      "BT /F1 12 Tf 72 700 Td (Hernandez-Nunez, who appeared in person.) Tj ET " + kPublicLine +
          " BT /F1 12 Tf 72 400 Td (Her file number is A20123) Tj ET",
      "BT /F1 12 Tf 72 700 Td (4567, and she was present.) Tj ET",
  });
  const Judged j = ApplyAndRead("page_break", pdf);
  ExpectRedactedKeepingCounsel(
      j, {{"name", "Maria Hernandez-Nunez"}, {"surname", "Hernandez"}, {"A-number", "A20123"}});
  EXPECT_FALSE(ReadersShowing(j.reading, "who gave her name as").empty());
  EXPECT_FALSE(ReadersShowing(j.reading, "and she was present").empty());
}

// 9. Letters drawn in a soft mask's group (an ExtGState's /SMask /G form):
// a black fill painted through the mask shows them, and pdftotext and
// MuPDF read them as text. Before: the group was never interpreted, its
// letters were neither found nor removed, and apply's own check withheld
// the output (exit 7). Now the group is content like a painted form: the
// name and number go from a copy of it, the rest of the page stays.
TEST(HostileGlyphs, LettersInASoftMasksGroup) {
  REQUIRE_ORACLES();
  REDACT_REQUIRE_TOOL("tesseract");
  REDACT_REQUIRE_TOOL("pdftoppm");
  PdfBuilder b;
  const int font = b.Add(kHelvetica);
  const int group = b.AddStream(
      "/Type /XObject /Subtype /Form /BBox [0 0 612 792] /Group << /S /Transparency /CS /DeviceGray >> "
      "/Resources << /Font << /F1 " + std::to_string(font) + " 0 R >> >>",
      "1 g BT /F1 20 Tf 72 650 Td (Maria Hernandez-Nunez A201234567) Tj ET "
      "BT /F1 20 Tf 72 500 Td (Exhibit 4 to the declaration) Tj ET");
  const int contents = b.AddStream("", kPublicLine + "\n/GS1 gs 0 g 0 0 612 792 re f");
  const Judged j = ApplyAndRead(
      "soft_mask_group",
      b.BuildOnePage(contents, "<< /Font << /F1 " + std::to_string(font) + " 0 R >> /ExtGState << /GS1 << "
                               "/Type /ExtGState /SMask << /Type /Mask /S /Luminosity /G " +
                                   std::to_string(group) + " 0 R >> >> >> >>"),
      /*ocr=*/true);
  ExpectRedactedKeepingCounsel(
      j, {{"name", "Maria Hernandez-Nunez"}, {"surname", "Hernandez"}, {"A-number", "201234567"}});
  EXPECT_FALSE(ReadersShowing(j.reading, "Exhibit 4 to the declaration").empty())
      << "the mask's public line was removed";
}

// The same mask set by a `gs` inside a Form XObject the page paints: the
// form is copied with a copy of the ExtGState, whose mask names the copy of
// the group.
TEST(HostileGlyphs, LettersInASoftMasksGroupSetInsideAForm) {
  REQUIRE_ORACLES();
  PdfBuilder b;
  const int font = b.Add(kHelvetica);
  const std::string fonts = "/Font << /F1 " + std::to_string(font) + " 0 R >>";
  const int group = b.AddStream("/Type /XObject /Subtype /Form /BBox [0 0 612 792] /Resources << " + fonts + " >>",
                                "1 g BT /F1 20 Tf 72 650 Td (Maria Hernandez-Nunez A201234567) Tj ET");
  const int form = b.AddStream(
      "/Type /XObject /Subtype /Form /BBox [0 0 612 792] /Resources << " + fonts +
          " /ExtGState << /GS1 << /SMask << /S /Luminosity /G " + std::to_string(group) + " 0 R >> >> >> >>",
      kPublicLine + "\n/GS1 gs 0 g 0 0 612 792 re f");
  const int contents = b.AddStream("", "q /X1 Do Q");
  const Judged j = ApplyAndRead(
      "soft_mask_in_form", b.BuildOnePage(contents, "<< /XObject << /X1 " + std::to_string(form) + " 0 R >> >>"));
  ExpectRedactedKeepingCounsel(
      j, {{"name", "Maria Hernandez-Nunez"}, {"surname", "Hernandez"}, {"A-number", "201234567"}});
}

}  // namespace
}  // namespace redact
