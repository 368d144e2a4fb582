#include "tests/testing/hostile_pdfs.h"

#include <array>
#include <cstdio>
#include <map>
#include <set>

#include <ft2build.h>
#include FT_FREETYPE_H

#include <fstream>
#include <sstream>

#include "tests/testing/pdf_builder.h"

namespace redact::testing {
namespace {

// Rows top to bottom, '#' lit.
const std::map<char, std::array<const char*, 7>>& Glyphs() {
  static const std::map<char, std::array<const char*, 7>> glyphs = {
      {'A', {".###.", "#...#", "#...#", "#####", "#...#", "#...#", "#...#"}},
      {'D', {"####.", "#...#", "#...#", "#...#", "#...#", "#...#", "####."}},
      {'E', {"#####", "#....", "#....", "####.", "#....", "#....", "#####"}},
      {'H', {"#...#", "#...#", "#...#", "#####", "#...#", "#...#", "#...#"}},
      {'I', {".###.", "..#..", "..#..", "..#..", "..#..", "..#..", ".###."}},
      {'M', {"#...#", "##.##", "#.#.#", "#.#.#", "#...#", "#...#", "#...#"}},
      {'N', {"#...#", "##..#", "##..#", "#.#.#", "#..##", "#..##", "#...#"}},
      {'R', {"####.", "#...#", "#...#", "####.", "#.#..", "#..#.", "#...#"}},
      {'Z', {"#####", "....#", "...#.", "..#..", ".#...", "#....", "#####"}},
      {'0', {".###.", "#...#", "#...#", "#...#", "#...#", "#...#", ".###."}},
      {'1', {"..#..", ".##..", "..#..", "..#..", "..#..", "..#..", ".###."}},
      {'2', {".###.", "#...#", "....#", "...#.", "..#..", ".#...", "#####"}},
      {'3', {"####.", "....#", "....#", ".###.", "....#", "....#", "####."}},
      {'4', {"...#.", "..##.", ".#.#.", "#..#.", "#####", "...#.", "...#."}},
      {'5', {"#####", "#....", "####.", "....#", "....#", "#...#", ".###."}},
      {'6', {".###.", "#....", "#....", "####.", "#...#", "#...#", ".###."}},
      {'7', {"#####", "....#", "...#.", "..#..", ".#...", ".#...", ".#..."}},
      {'8', {".###.", "#...#", "#...#", ".###.", "#...#", "#...#", ".###."}},
      {'9', {".###.", "#...#", "#...#", ".####", "....#", "....#", ".###."}},
  };
  return glyphs;
}

std::string Num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  return buf;
}

}  // namespace

std::string BlockLetter(char c, double x, double y, double cell_w, double cell_h) {
  auto it = Glyphs().find(c);
  if (it == Glyphs().end()) return "";
  std::string ops;
  for (int row = 0; row < 7; ++row) {
    for (int col = 0; col < 5; ++col) {
      if (it->second[static_cast<size_t>(row)][col] != '#') continue;
      ops += Num(x + col * cell_w) + " " + Num(y + (6 - row) * cell_h) + " " + Num(cell_w) + " " + Num(cell_h) +
             " re\n";
    }
  }
  return ops + "f\n";
}

std::string LyingToUnicodePdf(const std::string& text) {
  std::string cmap =
      "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
      "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
      "/CMapName /Lie def /CMapType 2 def\n1 begincodespacerange <00> <FF> endcodespacerange\n";
  cmap += "36 beginbfchar\n";
  for (char c = 'A'; c <= 'Z'; ++c) {
    char line[32];
    std::snprintf(line, sizeof line, "<%02X> <0078>\n", static_cast<unsigned char>(c));
    cmap += line;
  }
  for (char c = '0'; c <= '9'; ++c) {
    char line[32];
    std::snprintf(line, sizeof line, "<%02X> <0078>\n", static_cast<unsigned char>(c));
    cmap += line;
  }
  cmap += "endbfchar\nendcmap CMapName currentdict /CMap defineresource pop end end\n";
  PdfBuilder b;
  const int to_unicode = b.AddStream("", cmap);
  const int font = b.Add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding "
                         "/ToUnicode " + std::to_string(to_unicode) + " 0 R >>");
  const int contents = b.AddStream("", "BT /F1 28 Tf 72 600 Td (" + text + ") Tj ET\n");
  return b.BuildOnePage(contents, "<< /Font << /F1 " + std::to_string(font) + " 0 R >> >>");
}

std::string VectorLettersPdf(const std::string& text) {
  // Cells 1.6 x 2.2 pt, two cells between letters: the proportions
  // Tesseract reads best at 150 dpi (bigger blocks read as other letters).
  std::string content = "0 g\n";
  double x = 72;
  for (char c : text) {
    content += BlockLetter(c, x, 600, 1.6, 2.2);
    x += 7 * 1.6;
  }
  return PdfBuilder::OnePage(content, "<< >>");
}

std::string Type3LettersPdf(const std::string& text) {
  PdfBuilder b;
  std::set<char> used(text.begin(), text.end());
  std::string procs, differences;
  for (char c : used) {
    if (c == ' ') continue;
    const int proc = b.AddStream("", "700 0 0 0 500 963 d1\n" + BlockLetter(c, 0, 0, 100, 137.5));
    procs += "/g" + std::to_string(static_cast<int>(c)) + " " + std::to_string(proc) + " 0 R ";
    differences += std::to_string(static_cast<int>(c)) + " /g" + std::to_string(static_cast<int>(c)) + " ";
  }
  // Every glyph is also named /x in the encoding extractors read: the
  // procedures are keyed by the /gNN names (CharProcs), /Differences maps
  // codes to them, and a ToUnicode says "x" for each.
  std::string cmap =
      "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
      "/CMapName /Lie def /CMapType 2 def\n1 begincodespacerange <00> <FF> endcodespacerange\n" +
      std::to_string(used.size()) + " beginbfchar\n";
  for (char c : used) {
    char line[32];
    std::snprintf(line, sizeof line, "<%02X> <%04X>\n", static_cast<unsigned char>(c), c == ' ' ? 0x20 : 0x78);
    cmap += line;
  }
  cmap += "endbfchar\nendcmap CMapName currentdict /CMap defineresource pop end end\n";
  const int to_unicode = b.AddStream("", cmap);
  const int font = b.Add("<< /Type /Font /Subtype /Type3 /FontBBox [0 0 700 1000] "
                         "/FontMatrix [0.001 0 0 0.001 0 0] /CharProcs << " + procs + ">> "
                         "/Encoding << /Type /Encoding /Differences [" + differences + "] >> "
                         "/FirstChar 32 /LastChar 90 /Widths [" + [] {
                           std::string w;
                           for (int i = 32; i <= 90; ++i) w += "700 ";
                           return w;
                         }() + "] /ToUnicode " + std::to_string(to_unicode) + " 0 R /Resources << >> >>");
  const int contents = b.AddStream("", "BT /F3 16 Tf 72 600 Td (" + text + ") Tj ET\n");
  return b.BuildOnePage(contents, "<< /Font << /F3 " + std::to_string(font) + " 0 R >> >>");
}

std::string ScannedPdf(int pages) {
  PdfBuilder b;
  const int image = b.AddStream("/Type /XObject /Subtype /Image /Width 612 /Height 792 "
                                "/ColorSpace /DeviceGray /BitsPerComponent 8",
                                std::string(612 * 792, '\xf0'));
  const int contents = b.AddStream("", "q 612 0 0 792 0 0 cm /Im1 Do Q");
  const int tree = b.Reserve();
  std::string kids;
  for (int i = 0; i < pages; ++i) {
    kids += std::to_string(b.Add("<< /Type /Page /Parent " + std::to_string(tree) +
                                 " 0 R /MediaBox [0 0 612 792] /Resources << /XObject << /Im1 " +
                                 std::to_string(image) + " 0 R >> >> /Contents " + std::to_string(contents) +
                                 " 0 R >>")) +
            " 0 R ";
  }
  b.Set(tree, "<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(pages) + " >>");
  return b.Build(b.Add("<< /Type /Catalog /Pages " + std::to_string(tree) + " 0 R >>"));
}

std::string PlainTextPdf(const std::string& text, int pages) {
  PdfBuilder b;
  const int font = b.Add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
  const int tree = b.Reserve();
  std::string kids;
  for (int i = 0; i < pages; ++i) {
    const int contents = b.AddStream("", "BT /F1 12 Tf 72 700 Td (" + text + ") Tj ET\n");
    const int page = b.Add("<< /Type /Page /Parent " + std::to_string(tree) +
                           " 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 " + std::to_string(font) +
                           " 0 R >> >> /Contents " + std::to_string(contents) + " 0 R >>");
    kids += std::to_string(page) + " 0 R ";
  }
  b.Set(tree, "<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(pages) + " >>");
  return b.Build(b.Add("<< /Type /Catalog /Pages " + std::to_string(tree) + " 0 R >>"));
}

std::string EmbeddedTrueTypePdf(const std::string& text, const std::string& font_path, bool lie) {
  std::ifstream in(font_path, std::ios::binary);
  std::stringstream program;
  program << in.rdbuf();
  const std::string bytes = program.str();
  FT_Library lib = nullptr;
  FT_Face face = nullptr;
  if (bytes.empty() || FT_Init_FreeType(&lib) != 0) return "";
  if (FT_New_Memory_Face(lib, reinterpret_cast<const FT_Byte*>(bytes.data()), static_cast<FT_Long>(bytes.size()), 0,
                         &face) != 0) {
    FT_Done_FreeType(lib);
    return "";
  }
  std::string shown, widths, map;
  int mapped = 0;
  for (char c : text) {
    const FT_UInt gid = FT_Get_Char_Index(face, static_cast<unsigned char>(c));
    char code[8];
    std::snprintf(code, sizeof code, "%04X", gid);
    shown += code;
    if (FT_Load_Glyph(face, gid, FT_LOAD_NO_SCALE) == 0) {
      widths += std::to_string(gid) + " [" +
                std::to_string(face->glyph->advance.x * 1000 / face->units_per_EM) + "] ";
    }
    const bool capital = (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    char line[32];
    std::snprintf(line, sizeof line, "<%s> <%04X>\n", code, capital ? 'x' : static_cast<unsigned char>(c));
    map += line;
    ++mapped;
  }
  FT_Done_Face(face);
  FT_Done_FreeType(lib);
  PdfBuilder b;
  const int file = b.AddStream("/Filter /FlateDecode /Length1 " + std::to_string(bytes.size()), Deflate(bytes));
  const int descriptor = b.Add("<< /Type /FontDescriptor /FontName /DejaVuSans /Flags 32 /FontBBox [-1021 -463 1793 "
                               "1232] /ItalicAngle 0 /Ascent 928 /Descent -236 /CapHeight 729 /StemV 80 /FontFile2 " +
                               std::to_string(file) + " 0 R >>");
  std::string to_unicode;
  if (lie) {
    const int cmap = b.AddStream(
        "", "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n/CMapName /Lie def /CMapType 2 def\n"
            "1 begincodespacerange <0000> <FFFF> endcodespacerange\n" +
                std::to_string(mapped) + " beginbfchar\n" + map +
                "endbfchar\nendcmap CMapName currentdict /CMap defineresource pop end end\n");
    to_unicode = " /ToUnicode " + std::to_string(cmap) + " 0 R";
  }
  const int font = b.Add("<< /Type /Font /Subtype /Type0 /BaseFont /DejaVuSans /Encoding /Identity-H" + to_unicode +
                         " /DescendantFonts [<< /Type /Font /Subtype /CIDFontType2 /BaseFont /DejaVuSans "
                         "/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor " +
                         std::to_string(descriptor) + " 0 R /CIDToGIDMap /Identity /DW 600 /W [" + widths + "] >>] >>");
  const int contents = b.AddStream("", "BT /F1 24 Tf 40 600 Td <" + shown + "> Tj ET\n");
  return b.BuildOnePage(contents, "<< /Font << /F1 " + std::to_string(font) + " 0 R >> >>");
}

}  // namespace redact::testing
