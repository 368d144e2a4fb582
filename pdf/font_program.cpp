#include "pdf/font_program.h"

#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_CID_H

#include <memory>

#include "pdf/cmap.h"
#include "pdf/font_data.h"
#include "pdf/podofo_util.h"

namespace redact::pdf {
namespace {

using PoDoFo::PdfObject;

// One FreeType library per thread: FT_Library may not be shared by threads
// that open faces at the same time.
FT_Library Library() {
  struct Holder {
    FT_Library lib = nullptr;
    Holder() {
      if (FT_Init_FreeType(&lib) != 0) lib = nullptr;
    }
    ~Holder() {
      if (lib) FT_Done_FreeType(lib);
    }
  };
  thread_local Holder holder;
  return holder.lib;
}

struct FaceCloser {
  void operator()(FT_Face face) const { FT_Done_Face(face); }
};
using FacePtr = std::unique_ptr<FT_FaceRec_, FaceCloser>;

// The glyph's own name in the program, "" when it has none.
std::string GlyphName(FT_Face face, FT_UInt gid) {
  if (!FT_HAS_GLYPH_NAMES(face)) return "";
  char buf[128];
  if (FT_Get_Glyph_Name(face, gid, buf, sizeof buf) != 0) return "";
  return buf;
}

// The program's Unicode cmap read backwards: glyph → first code point.
std::unordered_map<uint32_t, char32_t> ReverseUnicodeCmap(FT_Face face) {
  std::unordered_map<uint32_t, char32_t> out;
  if (FT_Select_Charmap(face, FT_ENCODING_UNICODE) != 0) return out;
  FT_UInt gid = 0;
  for (FT_ULong cp = FT_Get_First_Char(face, &gid); gid != 0; cp = FT_Get_Next_Char(face, cp, &gid)) {
    out.emplace(gid, static_cast<char32_t>(cp));
  }
  return out;
}

void ReadGlyphUnicode(FT_Face face, FontProgramGlyphs* g) {
  const std::unordered_map<uint32_t, char32_t> reverse = ReverseUnicodeCmap(face);
  const FT_Long count = std::min<FT_Long>(face->num_glyphs, 65536);
  for (FT_Long gid = 1; gid < count; ++gid) {
    const std::string name = GlyphName(face, static_cast<FT_UInt>(gid));
    if (!name.empty()) g->glyph_of_name.emplace(name, static_cast<uint32_t>(gid));
    std::optional<std::string> text = name.empty() ? std::nullopt : GlyphNameToUnicode(name);
    if (!text) {
      auto it = reverse.find(static_cast<uint32_t>(gid));
      if (it == reverse.end()) continue;
      std::string utf8;
      AppendUtf8(it->second, &utf8);
      text = std::move(utf8);
    }
    g->unicode_of_glyph.emplace(static_cast<uint32_t>(gid), std::move(*text));
  }
}

// The program's own encoding of one-byte codes (for simple fonts).
void ReadGlyphOfCode(FT_Face face, FontProgramGlyphs* g) {
  FT_CharMap symbol = nullptr, mac = nullptr, adobe = nullptr;
  for (int i = 0; i < face->num_charmaps; ++i) {
    FT_CharMap cm = face->charmaps[i];
    if (cm->platform_id == 3 && cm->encoding_id == 0) symbol = cm;
    if (cm->platform_id == 1 && cm->encoding_id == 0) mac = cm;
    if (cm->encoding == FT_ENCODING_ADOBE_CUSTOM || cm->encoding == FT_ENCODING_ADOBE_STANDARD ||
        cm->encoding == FT_ENCODING_ADOBE_EXPERT || cm->encoding == FT_ENCODING_ADOBE_LATIN_1) {
      if (!adobe || cm->encoding == FT_ENCODING_ADOBE_CUSTOM) adobe = cm;
    }
  }
  for (FT_CharMap cm : {symbol, mac, adobe}) {
    if (!cm || FT_Set_Charmap(face, cm) != 0) continue;
    for (uint32_t code = 0; code < 256; ++code) {
      if (g->glyph_of_code[code] >= 0) continue;
      FT_UInt gid = 0;
      if (cm == symbol) {
        for (uint32_t base : {0u, 0xF000u, 0xF100u, 0xF200u}) {
          if ((gid = FT_Get_Char_Index(face, base + code)) != 0) break;
        }
      } else {
        gid = FT_Get_Char_Index(face, code);
      }
      if (gid != 0) g->glyph_of_code[code] = static_cast<int32_t>(gid);
    }
  }
}

void ReadCidKeys(FT_Face face, FontProgramGlyphs* g) {
  FT_Bool is_cid = 0;
  if (FT_Get_CID_Is_Internally_CID_Keyed(face, &is_cid) != 0 || !is_cid) return;
  g->cid_keyed = true;
  const FT_Long count = std::min<FT_Long>(face->num_glyphs, 65536);
  for (FT_Long gid = 1; gid < count; ++gid) {
    FT_UInt cid = 0;
    if (FT_Get_CID_From_Glyph_Index(face, static_cast<FT_UInt>(gid), &cid) == 0) {
      g->glyph_of_cid.emplace(cid, static_cast<uint32_t>(gid));
    }
  }
}

}  // namespace

std::optional<FontProgramGlyphs> ReadFontProgram(const PdfObject* descriptor, size_t max_bytes) {
  const PdfObject* file = nullptr;
  for (const char* key : {"FontFile", "FontFile2", "FontFile3"}) {
    if ((file = DictGet(descriptor, key))) break;
  }
  if (!file || !file->HasStream()) return std::nullopt;
  StatusOr<std::string> data = ReadStream(file, max_bytes);
  FT_Library lib = Library();
  if (!data || data->empty() || !lib) return std::nullopt;
  FT_Face raw = nullptr;
  if (FT_New_Memory_Face(lib, reinterpret_cast<const FT_Byte*>(data->data()), static_cast<FT_Long>(data->size()),
                         0, &raw) != 0) {
    return std::nullopt;
  }
  FacePtr face(raw);  // `data` outlives the face: it is closed first
  FontProgramGlyphs g;
  ReadGlyphUnicode(face.get(), &g);
  ReadGlyphOfCode(face.get(), &g);
  ReadCidKeys(face.get(), &g);
  return g;
}

std::string FreeTypeVersion() {
  FT_Int major = 0, minor = 0, patch = 0;
  if (FT_Library lib = Library()) FT_Library_Version(lib, &major, &minor, &patch);
  return std::to_string(major) + "." + std::to_string(minor) + "." + std::to_string(patch);
}

}  // namespace redact::pdf
