// What an embedded font program says its glyphs are, read with FreeType
// (the only file that includes it). A PDF's /ToUnicode map is what text
// extractors read; the program's glyphs are what a viewer paints. Where a
// font has no /ToUnicode and no glyph names of its own, the program can
// still prove what a code shows; where it has both, a disagreement is a
// lie one reader or the other would believe (pdf/font.h decides what to do
// with either).
//
// A glyph's Unicode comes from its name in the program (TrueType `post`
// table, CFF charset, Type1 CharStrings) through the Adobe Glyph List,
// else from the program's own Unicode cmap read backwards. Names that
// prove nothing ("g31", "cid123", ".notdef") give nothing.
//
// Everything is read once, at load, into plain tables; no FreeType object
// outlives ReadFontProgram.
//
// Thread-safety: ReadFontProgram uses a FreeType library per thread; the
// returned tables are immutable values.
#ifndef REDACT_PDF_FONT_PROGRAM_H_
#define REDACT_PDF_FONT_PROGRAM_H_

#include <podofo/podofo.h>

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>

namespace redact::pdf {

struct FontProgramGlyphs {
  // Glyph index → the Unicode text (UTF-8) it stands for, where the
  // program says.
  std::unordered_map<uint32_t, std::string> unicode_of_glyph;
  // Simple fonts: the glyph a one-byte code selects through the program's
  // own encoding — a TrueType (3,0) cmap at code, F000+code, F100+code or
  // F200+code, else its (1,0) cmap; a Type1 or CFF program's built-in
  // encoding. -1 where it selects none.
  std::array<int32_t, 256> glyph_of_code;
  // CID-keyed CFF programs: CID → glyph index. Empty for other programs
  // (TrueType CIDs go through /CIDToGIDMap; other CFF glyphs are their CID).
  std::unordered_map<uint32_t, uint32_t> glyph_of_cid;
  bool cid_keyed = false;
  // Glyph index of each glyph name the program has (for /Differences names
  // that prove nothing by themselves, as "g31").
  std::unordered_map<std::string, uint32_t> glyph_of_name;

  FontProgramGlyphs() { glyph_of_code.fill(-1); }
  std::optional<std::string> UnicodeOfGlyph(uint32_t gid) const {
    auto it = unicode_of_glyph.find(gid);
    if (it == unicode_of_glyph.end()) return std::nullopt;
    return it->second;
  }
};

// Reads the program embedded in font descriptor `descriptor` (/FontFile,
// /FontFile2 or /FontFile3), at most `max_bytes` decoded. nullopt when
// there is none, it cannot be read, or FreeType cannot open it (the font
// is then decoded as before, never trusted more). Must be called inside a
// PoDoFo Guard.
std::optional<FontProgramGlyphs> ReadFontProgram(const PoDoFo::PdfObject* descriptor, size_t max_bytes);

// The FreeType version linked ("2.12.1").
std::string FreeTypeVersion();

}  // namespace redact::pdf

#endif  // REDACT_PDF_FONT_PROGRAM_H_
