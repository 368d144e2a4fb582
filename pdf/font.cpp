#include "pdf/font.h"

#include <algorithm>
#include <cmath>

#include "pdf/cid_collections.h"
#include "pdf/content_parser.h"
#include "pdf/font_data.h"
#include "pdf/font_program.h"
#include "pdf/podofo_util.h"

namespace redact::pdf {
namespace {

using PoDoFo::PdfObject;

constexpr size_t kMaxFontStreamBytes = 32u << 20;

std::string StripSubsetPrefix(const std::string& name) {
  if (name.size() > 7 && name[6] == '+' &&
      std::all_of(name.begin(), name.begin() + 6,
                  [](char c) { return c >= 'A' && c <= 'Z'; })) {
    return name.substr(7);
  }
  return name;
}

// Presentation-form ligatures (U+FB00–U+FB06) become their letters, so
// "ﬁ" in a name matches "fi" in a names list.
std::string ExpandLigature(std::string text) {
  static constexpr std::pair<std::string_view, std::string_view> kLigatures[] = {
      {"\xEF\xAC\x80", "ff"},  {"\xEF\xAC\x81", "fi"}, {"\xEF\xAC\x82", "fl"},
      {"\xEF\xAC\x83", "ffi"}, {"\xEF\xAC\x84", "ffl"}, {"\xEF\xAC\x85", "st"},
      {"\xEF\xAC\x86", "st"},
  };
  for (const auto& [lig, letters] : kLigatures) {
    if (text == lig) return std::string(letters);
  }
  return text;
}

// True when every code point is a C0/C1 control other than white space:
// such mappings (often U+0000) prove nothing about what is drawn.
bool OnlyControls(const std::string& s) {
  if (s.empty()) return true;
  for (unsigned char c : s) {
    if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') return false;
  }
  return true;
}

// Type3 fonts made from bitmaps (pdfTeX's METAFONT fallback) name glyphs
// after their own code: /a167 at code 167. Such a name proves the code is
// the character in a Latin-1-like encoding (TeX's T1/TS1/OT1 agree with
// ASCII on letters and digits). Any other shape proves nothing.
std::optional<std::string> SelfNumberedName(std::string_view name, uint32_t code) {
  size_t letters = 0;
  while (letters < name.size() && letters < 2 &&
         ((name[letters] >= 'a' && name[letters] <= 'z') ||
          (name[letters] >= 'A' && name[letters] <= 'Z'))) {
    ++letters;
  }
  std::string_view digits = name.substr(letters);
  if (letters == 0 || digits.empty() || digits.size() > 3) return std::nullopt;
  uint32_t value = 0;
  for (char c : digits) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  if (value != code || code < 0x20 || (code >= 0x7F && code < 0xA0) || code > 0xFF) {
    return std::nullopt;
  }
  std::string out;
  AppendUtf8(static_cast<char32_t>(code), &out);
  return out;
}

}  // namespace

// A Type3 glyph is its procedure: a shape (paths, image masks) stands for
// the glyph's name, but a procedure that shows text or paints a form draws
// content we would not read.
std::string Type3ProceduresUnread(const PdfObject* font) {
  const PdfObject* procs = DictGet(font, "CharProcs");
  if (!procs || !procs->IsDictionary()) return "";
  const PdfObject* xobjects = DictGet(DictGet(font, "Resources"), "XObject");
  for (const auto& [name, value] : procs->GetDictionary().GetKeys()) {
    const PdfObject* proc = Resolve(value);
    if (!proc || !proc->HasStream()) continue;
    StatusOr<std::string> data = ReadStream(proc, size_t{4} << 20);
    if (!data) return "a Type3 glyph procedure cannot be read";
    const ParsedContent parsed = ParseContent(*data);
    if (parsed.bad_tokens > 0) return "a Type3 glyph procedure cannot be parsed";
    for (const Operation& op : parsed.ops) {
      if (IsTextShowingOperator(op.op)) {
        return "a Type3 glyph procedure shows text";
      }
      if (op.op == "Do" && !op.operands.empty() && op.operands[0].is_name()) {
        const PdfObject* x = DictGet(xobjects, op.operands[0].value);
        if (!x || AsName(DictGet(x, "Subtype")).value_or("") != "Image") {
          return "a Type3 glyph procedure paints a form";
        }
      }
    }
  }
  return "";
}

std::shared_ptr<const Font> Font::Missing() {
  // One instance for the process: glyph events point at their font, and
  // rewriters use those pointers after the interpreter's state is gone.
  static const std::shared_ptr<const Font> missing = [] {
    auto f = std::make_shared<Font>();
    f->unsupported_ = "font resource missing";
    return f;
  }();
  return missing;
}

std::shared_ptr<const Font> Font::Load(const PdfObject* font_dict) {
  auto f = std::make_shared<Font>();
  font_dict = Resolve(font_dict);
  if (!font_dict || !font_dict->IsDictionary()) {
    f->unsupported_ = "font is not a dictionary";
    return f;
  }
  const std::string subtype = AsName(DictGet(font_dict, "Subtype")).value_or("");
  f->base_font_ = AsName(DictGet(font_dict, "BaseFont")).value_or("");
  if (subtype == "Type0") {
    f->kind_ = Kind::kType0;
    f->LoadType0(font_dict);
  } else {
    if (subtype == "TrueType") {
      f->kind_ = Kind::kTrueType;
    } else if (subtype == "Type3") {
      f->kind_ = Kind::kType3;
    } else {
      f->kind_ = Kind::kType1;  // Type1, MMType1, and unknown subtypes
    }
    f->LoadSimple(font_dict);
    const PdfObject* descriptor = Resolve(DictGet(font_dict, "FontDescriptor"));
    const bool embedded = DictGet(descriptor, "FontFile") || DictGet(descriptor, "FontFile2") ||
                          DictGet(descriptor, "FontFile3");
    f->names_declared_ = DictGet(font_dict, "Encoding") != nullptr || (f->standard14_ && !embedded);
  }
  f->LoadToUnicode(font_dict);
  f->LoadProgram(font_dict);
  f->LoadCollectionText();
  f->to_unicode_contradicts_ = f->ToUnicodeContradictsNames();
  if (f->kind_ != Kind::kType0) {
    // A simple font's 256 codes decoded once: a page shows thousands of
    // glyphs from a few fonts, and each is read three times under apply.
    f->simple_codes_.resize(256);
    for (uint32_t code = 0; code < 256; ++code) f->DecodeOne(code, 1, &f->simple_codes_[code]);
  }
  return f;
}

namespace {
// The one ASCII letter (folded to lower case) or digit `text` is, or 0.
char SingleAlnum(const std::optional<std::string>& text) {
  if (!text || text->size() != 1) return 0;
  const unsigned char c = static_cast<unsigned char>((*text)[0]);
  if (c >= 'A' && c <= 'Z') return static_cast<char>(c - 'A' + 'a');
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ? static_cast<char>(c) : 0;
}
}  // namespace

bool Font::ToUnicodeContradictsNames() const {
  if (!to_unicode_ || !unsupported_.empty()) return false;
  auto contradicts = [&](uint32_t code, const std::optional<std::string>& drawn) {
    const char by_drawn = SingleAlnum(drawn);
    const char by_map = by_drawn ? SingleAlnum(to_unicode_->LookupUnicode(code)) : 0;
    return by_drawn && by_map && by_drawn != by_map;
  };
  if (kind_ == Kind::kType0) {
    // Codes are CIDs under Identity encodings, the common case; other
    // encodings are checked code by code as they are decoded.
    if (!encoding_ || !encoding_->identity()) return false;
    for (const auto& [cid, text] : program_text_) {
      if (contradicts(cid, text)) return true;
    }
    return false;
  }
  for (uint32_t code = 0; code < 256; ++code) {
    if (names_declared_ && !glyph_names_[code].empty()) {
      if (contradicts(code, NameToUnicode(glyph_names_[code]))) return true;
    } else if (const std::string* shown = ProgramText(code)) {
      if (contradicts(code, *shown)) return true;
    }
  }
  return false;
}

std::optional<std::string> Font::NameToUnicode(std::string_view name) const {
  std::optional<std::string> text = GlyphNameToUnicode(name);
  if (!text && standard14_ && std::string_view(standard14_->name) == "ZapfDingbats") {
    text = DingbatsGlyphNameToUnicode(name);
  }
  return text;
}

// The program is read only where it can prove something: a Type0 font
// (its glyph names are nowhere else), a simple font with a ToUnicode but
// no declared names (to check the map), or one with codes in use that no
// glyph name proves.
bool Font::ProgramNeeded() const {
  if (!unsupported_.empty() || kind_ == Kind::kType3) return false;
  if (kind_ == Kind::kType0) return !unicode_is_code_;
  if (to_unicode_) return !names_declared_;
  for (uint32_t code = 0; code < 256; ++code) {
    const bool drawn = has_widths_ ? code >= first_char_ && code - first_char_ < widths_.size() &&
                                         widths_[code - first_char_] != 0
                                   : !glyph_names_[code].empty();
    if (drawn && !NameToUnicode(glyph_names_[code])) return true;
  }
  return false;
}

void Font::LoadProgram(const PdfObject* dict) {
  if (!ProgramNeeded()) return;
  const PdfObject* font = dict;
  if (kind_ == Kind::kType0) {
    const PoDoFo::PdfArray* d = AsArray(DictGet(dict, "DescendantFonts"));
    font = d && !d->empty() ? Resolve(&(*d)[0]) : nullptr;
  }
  std::optional<FontProgramGlyphs> program = ReadFontProgram(DictGet(font, "FontDescriptor"), kMaxFontStreamBytes);
  if (!program) return;
  if (kind_ != Kind::kType0) {
    for (uint32_t code = 0; code < 256; ++code) {
      int64_t gid = program->glyph_of_code[code];
      if (auto it = program->glyph_of_name.find(glyph_names_[code]); it != program->glyph_of_name.end()) {
        gid = it->second;
      }
      if (gid <= 0) continue;
      if (auto text = program->UnicodeOfGlyph(static_cast<uint32_t>(gid))) program_text_.emplace(code, *text);
    }
    return;
  }
  if (AsName(DictGet(font, "Subtype")).value_or("") == "CIDFontType0") {
    if (!program->cid_keyed) {
      program_text_ = program->unicode_of_glyph;  // CID = glyph index
      return;
    }
    for (const auto& [cid, gid] : program->glyph_of_cid) {
      if (auto text = program->UnicodeOfGlyph(gid)) program_text_.emplace(cid, *text);
    }
    return;
  }
  const PdfObject* map = DictGet(font, "CIDToGIDMap");
  if (!map || !map->HasStream()) {  // /Identity, the default
    program_text_ = program->unicode_of_glyph;
    return;
  }
  StatusOr<std::string> bytes = ReadStream(map, kMaxFontStreamBytes);
  if (!bytes) return;
  for (size_t cid = 0; 2 * cid + 1 < bytes->size(); ++cid) {
    const uint32_t gid = (static_cast<uint8_t>((*bytes)[2 * cid]) << 8) | static_cast<uint8_t>((*bytes)[2 * cid + 1]);
    if (auto text = gid ? program->UnicodeOfGlyph(gid) : std::nullopt) program_text_.emplace(cid, *text);
  }
}

const std::string* Font::ProgramText(uint32_t key) const {
  auto it = program_text_.find(key);
  return it == program_text_.end() ? nullptr : &it->second;
}

void Font::LoadDescriptor(const PdfObject* d) {
  if (!IsDictionary(d)) return;
  flags_ = static_cast<int>(AsNumber(DictGet(d, "Flags")).value_or(0));
  // The sanity rules viewers apply: zero or absurd values are ignored.
  if (auto a = AsNumber(DictGet(d, "Ascent"))) {
    double t = std::fabs(*a * 0.001);
    if (t != 0 && t < 3) ascent_ = t;
  }
  if (auto a = AsNumber(DictGet(d, "Descent"))) {
    double t = -std::fabs(*a * 0.001);
    if (t != 0 && t > -3) descent_ = t;
  }
  missing_width_ = AsNumber(DictGet(d, "MissingWidth")).value_or(0);
}

void Font::LoadToUnicode(const PdfObject* dict) {
  const PdfObject* tu = DictGet(dict, "ToUnicode");
  if (!tu) return;
  if (auto name = AsName(tu)) {
    if (*name == "Identity-H" || *name == "Identity-V") unicode_is_code_ = true;
    return;
  }
  StatusOr<std::string> data = ReadStream(tu, kMaxFontStreamBytes);
  if (!data) {
    to_unicode_broken_ = true;
    return;
  }
  to_unicode_ = std::make_shared<CMap>(CMap::Parse(*data));
}

void Font::LoadSimple(const PdfObject* dict) {
  const std::string plain_name = StripSubsetPrefix(base_font_);
  const PdfObject* descriptor = DictGet(dict, "FontDescriptor");
  LoadDescriptor(descriptor);
  const PdfObject* font_file = DictGet(descriptor, "FontFile");
  const bool embedded = font_file || DictGet(descriptor, "FontFile2") ||
                        DictGet(descriptor, "FontFile3");
  standard14_ = FindStandard14(plain_name);
  if (standard14_ && !embedded) {
    ascent_ = standard14_->ascent * 0.001;
    descent_ = standard14_->descent * 0.001;
    if (!descriptor) flags_ = standard14_->flags;
  }

  if (kind_ == Kind::kType3) {
    if (std::string why = Type3ProceduresUnread(dict); !why.empty()) unsupported_ = why;
    if (auto m = AsMatrix(DictGet(dict, "FontMatrix"))) font_matrix_ = *m;
    if (auto bbox = AsRect(DictGet(dict, "FontBBox"))) {
      double a = bbox->y1 * font_matrix_.d, d = bbox->y0 * font_matrix_.d;
      if (a > d && a - d < 3) {
        ascent_ = a;
        descent_ = std::min(d, 0.0);
      }
    }
  }

  // Base names: the font's built-in encoding, unless /Encoding says more.
  EncodingTable base = nullptr;
  bool have_builtin = false;
  if (kind_ == Kind::kType1 && font_file) {
    if (StatusOr<std::string> program = ReadStream(font_file, kMaxFontStreamBytes)) {
      bool standard = false;
      if (ParseType1BuiltinEncoding(*program, &glyph_names_, &standard)) {
        have_builtin = !standard;
        if (standard) base = GetEncodingTable(BaseEncoding::kStandard);
      }
    }
  }
  if (!have_builtin && !base) {
    if (standard14_ && !embedded) {
      base = standard14_->builtin_encoding;
    } else if (!(flags_ & 4) || kind_ == Kind::kType1) {
      // Non-symbolic fonts default to StandardEncoding. Symbolic Type1
      // programs we could not read (CFF) fall back to it too; their codes
      // are then checked against the ToUnicode CMap when there is one.
      base = GetEncodingTable(BaseEncoding::kStandard);
    }
  }
  const PdfObject* encoding = DictGet(dict, "Encoding");
  std::optional<std::string> enc_name = AsName(encoding);
  if (!enc_name && IsDictionary(encoding)) {
    enc_name = AsName(DictGet(encoding, "BaseEncoding"));
  }
  if (enc_name) {
    if (auto be = BaseEncodingFromName(*enc_name)) {
      base = GetEncodingTable(*be);
      have_builtin = false;
    }
  }
  if (base && !have_builtin) {
    for (int c = 0; c < 256; ++c) glyph_names_[c] = base[c];
  }
  if (const PoDoFo::PdfArray* diffs = AsArray(DictGet(encoding, "Differences"))) {
    int code = -1;
    for (const PdfObject& item : *diffs) {
      if (auto n = AsNumber(&item)) {
        code = static_cast<int>(*n);
      } else if (auto name = AsName(&item)) {
        if (code >= 0 && code < 256) glyph_names_[code] = *name;
        if (code >= 0) ++code;
      }
    }
  }

  // Widths.
  if (const PoDoFo::PdfArray* widths = AsArray(DictGet(dict, "Widths"))) {
    has_widths_ = true;
    first_char_ = static_cast<uint32_t>(
        std::max(0.0, AsNumber(DictGet(dict, "FirstChar")).value_or(0)));
    widths_.reserve(std::min<size_t>(widths->size(), 65536));
    for (size_t i = 0; i < widths->size() && i < 65536; ++i) {
      widths_.push_back(AsNumber(&(*widths)[i]).value_or(missing_width_));
    }
  } else if (!standard14_ && kind_ != Kind::kType3) {
    // No widths and not a standard font: substitute one by its flags, as
    // viewers do, so positions stay plausible.
    const char* substitute = (flags_ & 1)   ? "Courier"
                             : (flags_ & 2) ? "Times-Roman"
                                            : "Helvetica";
    standard14_ = FindStandard14(substitute);
  }
}

// The CMap named by a Type0 font's /Encoding (or embedded as a stream).
// Predefined CMaps other than Identity and the Uni…-UCS2/UTF16 ones are
// read from poppler-data for the four Adobe CJK collections.
void Font::LoadType0Encoding(const PdfObject* encoding) {
  if (auto name = AsName(encoding)) {
    const bool vertical = name->ends_with("-V");
    if (*name == "Identity-H" || *name == "Identity-V") {
      encoding_ = std::make_shared<CMap>(CMap::Identity(*name == "Identity-V"));
    } else if (name->starts_with("Uni") &&
               (name->find("-UCS2-") != std::string::npos ||
                name->find("-UTF16-") != std::string::npos)) {
      // Codes are UTF-16BE; their CIDs are not looked up, so widths fall
      // back to /DW.
      encoding_ = std::make_shared<CMap>(CMap::Identity(vertical));
      unicode_is_code_ = true;
    } else if (std::shared_ptr<const CMap> predefined = PredefinedCMap(collection_, *name)) {
      encoding_ = std::move(predefined);
    } else {
      encoding_ = std::make_shared<CMap>(CMap::Identity(vertical));
      unsupported_ = "predefined CMap " + *name + " is not supported";
      if (!collection_.empty()) unsupported_ += ": " + MissingCollectionReason(collection_);
    }
  } else if (encoding && encoding->HasStream()) {
    if (StatusOr<std::string> data = ReadStream(encoding, kMaxFontStreamBytes)) {
      auto cmap = std::make_shared<CMap>(CMap::Parse(*data));
      if (!cmap->used_cmap().empty()) {
        if (std::shared_ptr<const CMap> used = PredefinedCMap(collection_, cmap->used_cmap())) {
          cmap->SetParent(std::move(used));
        }
      }
      if (!cmap->has_codespace()) {
        unsupported_ = "embedded CMap without codespace ranges";
      }
      encoding_ = std::move(cmap);
    } else {
      encoding_ = std::make_shared<CMap>(CMap::Identity(false));
      unsupported_ = "unreadable CMap stream";
    }
  } else {
    encoding_ = std::make_shared<CMap>(CMap::Identity(false));
    unsupported_ = "Type0 font without a usable /Encoding";
  }
  vertical_ = encoding_->vertical();
}

// A Type0 font of one of Adobe's CJK collections: codes its ToUnicode and
// program leave unproven are read through the collection's CID → Unicode
// table (pdf/cid_collections.h), as poppler and mutool read them.
void Font::LoadCollectionText() {
  if (kind_ != Kind::kType0 || collection_.empty() || unicode_is_code_ || !unsupported_.empty()) return;
  collection_text_ = CollectionCidToUnicode(collection_);
  if (!collection_text_) undecodable_note_ = MissingCollectionReason(collection_);
}

void Font::LoadType0(const PdfObject* dict) {
  const PdfObject* descendant = nullptr;
  if (const PoDoFo::PdfArray* d = AsArray(DictGet(dict, "DescendantFonts"))) {
    if (!d->empty()) descendant = Resolve(&(*d)[0]);
  }
  if (IsDictionary(descendant)) {
    const PdfObject* info = DictGet(descendant, "CIDSystemInfo");
    collection_ = KnownCjkOrdering(AsString(DictGet(info, "Registry")).value_or(""),
                                   AsString(DictGet(info, "Ordering")).value_or(""));
  }
  LoadType0Encoding(DictGet(dict, "Encoding"));
  if (!IsDictionary(descendant)) {
    if (unsupported_.empty()) unsupported_ = "Type0 font without a descendant font";
    return;
  }
  LoadDescriptor(DictGet(descendant, "FontDescriptor"));
  default_width_ = AsNumber(DictGet(descendant, "DW")).value_or(1000);
  if (const PoDoFo::PdfArray* w = AsArray(DictGet(descendant, "W"))) {
    for (size_t i = 0; i < w->size();) {
      auto first = AsNumber(&(*w)[i]);
      if (!first || *first < 0 || i + 1 >= w->size()) break;
      const uint32_t c0 = static_cast<uint32_t>(*first);
      if (const PoDoFo::PdfArray* list = AsArray(&(*w)[i + 1])) {
        for (size_t k = 0; k < list->size(); ++k) {
          double width = AsNumber(&(*list)[k]).value_or(default_width_);
          cid_widths_.push_back({c0 + static_cast<uint32_t>(k),
                                 c0 + static_cast<uint32_t>(k), width});
        }
        i += 2;
      } else {
        auto last = AsNumber(&(*w)[i + 1]);
        auto width = i + 2 < w->size() ? AsNumber(&(*w)[i + 2]) : std::nullopt;
        if (!last || !width || *last < *first) break;
        cid_widths_.push_back({c0, static_cast<uint32_t>(*last), *width});
        i += 3;
      }
    }
    std::stable_sort(cid_widths_.begin(), cid_widths_.end(),
                     [](const WidthRange& a, const WidthRange& b) { return a.first < b.first; });
  }
  if (const PoDoFo::PdfArray* dw2 = AsArray(DictGet(descendant, "DW2"))) {
    if (dw2->size() == 2) {
      default_vy_ = AsNumber(&(*dw2)[0]).value_or(880);
      default_w1y_ = AsNumber(&(*dw2)[1]).value_or(-1000);
    }
  }
  if (const PoDoFo::PdfArray* w2 = AsArray(DictGet(descendant, "W2"))) {
    for (size_t i = 0; i < w2->size();) {
      auto first = AsNumber(&(*w2)[i]);
      if (!first || *first < 0 || i + 1 >= w2->size()) break;
      const uint32_t c0 = static_cast<uint32_t>(*first);
      if (const PoDoFo::PdfArray* list = AsArray(&(*w2)[i + 1])) {
        for (size_t k = 0; k + 2 < list->size(); k += 3) {
          const uint32_t c = c0 + static_cast<uint32_t>(k / 3);
          cid_vertical_.push_back({c, c, AsNumber(&(*list)[k]).value_or(default_w1y_),
                                   AsNumber(&(*list)[k + 1]).value_or(0),
                                   AsNumber(&(*list)[k + 2]).value_or(default_vy_)});
        }
        i += 2;
      } else {
        if (i + 4 >= w2->size()) break;
        auto last = AsNumber(&(*w2)[i + 1]);
        if (!last || *last < *first) break;
        cid_vertical_.push_back({c0, static_cast<uint32_t>(*last),
                                 AsNumber(&(*w2)[i + 2]).value_or(default_w1y_),
                                 AsNumber(&(*w2)[i + 3]).value_or(0),
                                 AsNumber(&(*w2)[i + 4]).value_or(default_vy_)});
        i += 5;
      }
    }
  }
}

double Font::SimpleWidth(uint32_t code) const {
  if (has_widths_) {
    if (code >= first_char_ && code - first_char_ < widths_.size()) {
      return widths_[code - first_char_];
    }
    return missing_width_;
  }
  if (standard14_ && code < 256) {
    const std::string& name = glyph_names_[code];
    if (!name.empty()) {
      if (auto w = standard14_->Width(name)) return *w;
    }
  }
  return missing_width_;
}

double Font::CidWidth(uint32_t cid) const {
  auto it = std::upper_bound(cid_widths_.begin(), cid_widths_.end(), cid,
                             [](uint32_t c, const WidthRange& r) { return c < r.first; });
  while (it != cid_widths_.begin()) {
    --it;
    if (cid <= it->last) return it->width;
    if (it->first != it->last) break;  // ranges rarely overlap; stop early
  }
  return default_width_;
}

// ToUnicode first, then glyph names, code values, the embedded program
// and the CJK collection's table. A ToUnicode letter or digit that
// contradicts the glyph's declared name, or what its program says it is,
// proves nothing.
std::optional<std::string> Font::UnicodeOf(uint32_t code, int length) const {
  const std::string* shown = nullptr;
  std::optional<uint32_t> cid;
  if (kind_ == Kind::kType0) {
    cid = encoding_ ? encoding_->LookupCid(code) : std::nullopt;
    if (cid) shown = ProgramText(*cid);
  } else {
    shown = ProgramText(code);
  }
  std::optional<std::string> by_name;
  if (kind_ != Kind::kType0 && code < 256 && !glyph_names_[code].empty()) {
    by_name = NameToUnicode(glyph_names_[code]);
    if (!by_name && kind_ == Kind::kType3) by_name = SelfNumberedName(glyph_names_[code], code);
  }
  if (to_unicode_) {
    if (std::optional<std::string> mapped = to_unicode_->LookupUnicode(code)) {
      const char says = SingleAlnum(mapped);
      const char drawn = names_declared_ && by_name ? SingleAlnum(by_name) : shown ? SingleAlnum(*shown) : 0;
      if (says && drawn && says != drawn) return std::nullopt;
      return mapped;
    }
  }
  if (by_name) return by_name;
  if (unicode_is_code_) {
    std::string utf16;
    for (int b = length - 1; b >= 0; --b) utf16.push_back(static_cast<char>((code >> (8 * b)) & 0xFF));
    if (std::optional<std::string> t = Utf16BeToUtf8(utf16)) return t;
  }
  if (shown) return *shown;
  if (collection_text_ && cid) return collection_text_->Lookup(*cid);
  return std::nullopt;
}

void Font::DecodeOne(uint32_t code, int length, DecodedCode* out) const {
  out->code = code;
  out->length = length;
  out->word_space = length == 1 && code == 32;

  std::optional<std::string> text = unsupported_.empty() ? UnicodeOf(code, length) : std::nullopt;
  if (text && !OnlyControls(*text)) {
    out->text = ExpandLigature(std::move(*text));
    out->decodable = true;
  } else {
    out->text.clear();
    out->decodable = false;
  }

  // Advance.
  if (kind_ == Kind::kType0) {
    std::optional<uint32_t> cid = encoding_ ? encoding_->LookupCid(code) : std::nullopt;
    const uint32_t c = cid.value_or(0);
    const double w0 = (unicode_is_code_ ? default_width_ : CidWidth(c)) * 0.001;
    if (vertical_) {
      double w1y = default_w1y_, vx = w0 * 1000 / 2, vy = default_vy_;
      for (const VerticalRange& r : cid_vertical_) {
        if (c >= r.first && c <= r.last) {
          w1y = r.w1y;
          vx = r.vx;
          vy = r.vy;
          break;
        }
      }
      out->advance = w1y * 0.001;
      out->position = {vx * 0.001, vy * 0.001};
    } else {
      out->advance = w0;
    }
    if (!cid) out->decodable = false, out->text.clear();
  } else if (kind_ == Kind::kType3) {
    out->advance = SimpleWidth(code) * font_matrix_.a;
  } else {
    out->advance = SimpleWidth(code) * 0.001;
  }
}

void Font::Decode(std::string_view bytes, std::vector<DecodedCode>* out) const {
  while (!bytes.empty()) {
    DecodedCode d;
    if (kind_ == Kind::kType0 && encoding_) {
      CMap::Code c = encoding_->NextCode(bytes, true);
      DecodeOne(c.value, c.length, &d);
      if (!c.in_codespace) {
        d.decodable = false;
        d.text.clear();
      }
      bytes.remove_prefix(static_cast<size_t>(c.length));
    } else if (!simple_codes_.empty()) {
      out->push_back(simple_codes_[static_cast<uint8_t>(bytes[0])]);
      bytes.remove_prefix(1);
      continue;
    } else {
      DecodeOne(static_cast<uint8_t>(bytes[0]), 1, &d);
      bytes.remove_prefix(1);
    }
    out->push_back(std::move(d));
  }
}

std::shared_ptr<const Font> FontCache::Get(const PdfObject* font_dict) {
  font_dict = Resolve(font_dict);
  if (!font_dict) return Font::Missing();
  auto it = fonts_.find(font_dict);
  if (it != fonts_.end()) return it->second;
  std::shared_ptr<const Font> font = Font::Load(font_dict);
  fonts_.emplace(font_dict, font);
  return font;
}

bool ParseType1BuiltinEncoding(std::string_view program,
                               std::array<std::string, 256>* names,
                               bool* standard) {
  *standard = false;
  size_t eexec = program.find("eexec");
  if (eexec != std::string_view::npos) program = program.substr(0, eexec);
  size_t at = program.find("/Encoding");
  if (at == std::string_view::npos) return false;
  std::string_view rest = program.substr(at + 9);
  size_t first = rest.find_first_not_of(" \t\r\n");
  if (first != std::string_view::npos &&
      rest.substr(first).starts_with("StandardEncoding")) {
    *standard = true;
    return true;
  }
  ParsedContent parsed = ParseContent(rest);
  std::array<std::string, 256> found;
  bool any = false;
  for (const Operation& op : parsed.ops) {
    if (op.op == "put" && op.operands.size() >= 2) {
      const Operand& code = op.operands[op.operands.size() - 2];
      const Operand& name = op.operands.back();
      if (code.is_number() && name.is_name() && code.number >= 0 &&
          code.number < 256) {
        found[static_cast<int>(code.number)] =
            name.value == ".notdef" ? "" : name.value;
        any = true;
      }
    } else if (op.op == "def" && any) {
      break;
    }
  }
  if (!any) return false;
  *names = std::move(found);
  return true;
}

}  // namespace redact::pdf
