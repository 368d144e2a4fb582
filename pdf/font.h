// Fonts as the interpreter needs them: how a string splits into codes, each
// code's Unicode text and its advance. Our own, because PoDoFo 0.9.8's font
// layer gets widths, code lengths and ToUnicode wrong, refuses pdfTeX's
// Type1 fonts and mutates the document (docs/PODOFO.md).
//
// Supported: standard 14 (shipped AFM widths), simple Type1/MMType1/
// TrueType with /Widths, /FirstChar, /MissingWidth, base encodings +
// /Differences, built-in encodings of embedded Type1 programs, Type3 (via
// /FontMatrix), Type0 with Identity-H/V or embedded CMaps, predefined
// Uni…-UCS2 CMaps, CID /W /DW /W2 /DW2, and /ToUnicode CMaps; where a font
// has no /ToUnicode and no glyph name proves a code, the glyph names and
// Unicode cmap inside its embedded program (FreeType, pdf/font_program.h);
// for Type0 fonts of Adobe's CJK collections (Japan1, GB1, CNS1, Korea1),
// embedded or not, the other predefined CMaps (90ms-RKSJ-H, …) and the
// collection's CID → Unicode table, both from poppler-data
// (pdf/cid_collections.h), for codes nothing above proves.
//
// Fail closed: a code whose Unicode cannot be proven comes back with
// decodable = false (never an empty string that looks like nothing).
//
// Thread-safety: a loaded Font is immutable and may be shared; FontCache is
// not thread-safe (one per document per thread).
#ifndef REDACT_PDF_FONT_H_
#define REDACT_PDF_FONT_H_

#include <podofo/podofo.h>

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/geometry.h"
#include "pdf/cid_collections.h"
#include "pdf/cmap.h"

namespace redact::pdf {

struct DecodedCode {
  uint32_t code = 0;
  int length = 1;          // bytes of the string this code used
  std::string text;        // UTF-8 (ligatures expanded: "fi"); empty iff
  bool decodable = true;   // decodable is false
  double advance = 0;      // displacement per unit font size, in text space:
                           // horizontal (w0) or, for vertical fonts, w1
  Point position;          // vertical fonts: origin offset v (per unit size)
  bool word_space = false; // single-byte code 32: Tw applies
};

class Font {
 public:
  enum class Kind { kType1, kTrueType, kType3, kType0 };

  // Splits `bytes` into codes and decodes each, appending to *out.
  void Decode(std::string_view bytes, std::vector<DecodedCode>* out) const;

  Kind kind() const { return kind_; }
  bool vertical() const { return vertical_; }
  // Ascent and descent per unit font size, text space (descent < 0).
  double ascent() const { return ascent_; }
  double descent() const { return descent_; }
  const std::string& base_font() const { return base_font_; }
  // Non-empty when the font as a whole cannot be decoded (all its codes
  // come back undecodable); says why, without document text.
  const std::string& unsupported_reason() const { return unsupported_; }
  // Non-empty when some codes may come back undecodable for a reason the
  // reader can fix: "poppler-data's Adobe-Japan1 tables are missing from
  // /usr/share/poppler". Without document text.
  const std::string& undecodable_note() const { return undecodable_note_; }
  // A font whose /ToUnicode maps some letter or digit code to another
  // letter or digit than the glyph shows: by its declared glyph name (an
  // /Encoding, or a standard-14 font's own), or, for fonts without one
  // (Type0, symbolic TrueType), by what the embedded program says the
  // glyph is (pdf/font_program.h). The text a reader extracts is not what
  // the page shows (a lying ToUnicode). Case is ignored. Such codes decode
  // as undecodable: neither reading can be proven, so neither is kept.
  bool to_unicode_contradicts_names() const { return to_unicode_contradicts_; }

  // Loads a font dictionary. Never fails: problems degrade to undecodable
  // codes and unsupported_reason(). Must be called inside a PoDoFo Guard.
  static std::shared_ptr<const Font> Load(const PoDoFo::PdfObject* font_dict);

  // A font for a Tf whose resource is missing: all codes undecodable. One
  // shared instance that lives as long as the process.
  static std::shared_ptr<const Font> Missing();

 private:
  struct WidthRange {
    uint32_t first, last;
    double width;
  };
  struct VerticalRange {
    uint32_t first, last;
    double w1y, vx, vy;
  };

  void LoadSimple(const PoDoFo::PdfObject* dict);
  void LoadType0(const PoDoFo::PdfObject* dict);
  void LoadType0Encoding(const PoDoFo::PdfObject* encoding);
  void LoadCollectionText();
  void LoadDescriptor(const PoDoFo::PdfObject* descriptor);
  void LoadToUnicode(const PoDoFo::PdfObject* dict);
  double SimpleWidth(uint32_t code) const;
  double CidWidth(uint32_t cid) const;
  void DecodeOne(uint32_t code, int length, DecodedCode* out) const;
  std::optional<std::string> UnicodeOf(uint32_t code, int length) const;
  bool ToUnicodeContradictsNames() const;
  void LoadProgram(const PoDoFo::PdfObject* dict);
  bool ProgramNeeded() const;
  // What the embedded program shows for a code (simple fonts) or CID
  // (Type0), where it says.
  const std::string* ProgramText(uint32_t key) const;

  Kind kind_ = Kind::kType1;
  std::string base_font_;
  std::string unsupported_;
  bool vertical_ = false;
  double ascent_ = 0.95;
  double descent_ = -0.35;
  int flags_ = 0;

  // Simple fonts.
  std::array<std::string, 256> glyph_names_;
  std::vector<double> widths_;  // from /FirstChar
  uint32_t first_char_ = 0;
  bool has_widths_ = false;
  double missing_width_ = 0;
  const struct Standard14Metrics* standard14_ = nullptr;
  // A glyph name's text: the Adobe Glyph List, and for ZapfDingbats (its
  // "a20" is a check mark) the Zapf Dingbats list too.
  std::optional<std::string> NameToUnicode(std::string_view name) const;
  Matrix font_matrix_ = {0.001, 0, 0, 0.001, 0, 0};

  // Type0.
  std::shared_ptr<const CMap> encoding_;
  bool unicode_is_code_ = false;  // predefined Uni…-UCS2 encodings
  std::vector<WidthRange> cid_widths_;  // sorted by first
  double default_width_ = 1000;
  std::vector<VerticalRange> cid_vertical_;
  double default_w1y_ = -1000, default_vy_ = 880;
  // "Japan1", "GB1", "CNS1" or "Korea1" (Registry Adobe), else "".
  std::string collection_;
  std::shared_ptr<const CidToUnicode> collection_text_;  // CID → text
  std::string undecodable_note_;

  // Simple fonts: code → text; Type0: CID → text (pdf/font_program.h).
  std::unordered_map<uint32_t, std::string> program_text_;
  // Simple fonts: DecodeOne of every code, made once the font is loaded.
  std::vector<DecodedCode> simple_codes_;

  std::shared_ptr<const CMap> to_unicode_;
  bool to_unicode_broken_ = false;
  bool names_declared_ = false;
  bool to_unicode_contradicts_ = false;
};

// Loaded fonts of one document, keyed by the font dictionary's address (not
// its reference: two direct dictionaries must not collide, which is the bug
// in PoDoFo's own cache).
class FontCache {
 public:
  std::shared_ptr<const Font> Get(const PoDoFo::PdfObject* font_dict);

 private:
  std::unordered_map<const PoDoFo::PdfObject*, std::shared_ptr<const Font>>
      fonts_;
};

// Parses the built-in encoding of a Type1 font program (the cleartext
// "/Encoding" part of a FontFile): code → glyph name, "" where undefined.
// Returns false when the program has no usable encoding (then *names is
// untouched). `standard` is set when it says "StandardEncoding".
bool ParseType1BuiltinEncoding(std::string_view program,
                               std::array<std::string, 256>* names,
                               bool* standard);

// A Type3 font's glyph procedures are shapes standing for the glyph names,
// unless one shows text or paints a form: then that content would go
// unread. Returns why ("a Type3 glyph procedure shows text"), or "" when
// every procedure is a shape (paths, image masks, images).
std::string Type3ProceduresUnread(const PoDoFo::PdfObject* font);

}  // namespace redact::pdf

#endif  // REDACT_PDF_FONT_H_
