#include "stages/write_redact/allow_list.h"

#include <podofo/podofo.h>

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "pdf/content_parser.h"
#include "pdf/podofo_util.h"
#include "stages/write_redact/allow_list_keys.h"
#include "stages/write_redact/font_names.h"
#include "pdf/cmap.h"

namespace redact {
namespace {

using allow::Kind;
using allow::KeyRule;
using allow::Rule;
using PoDoFo::PdfObject;

constexpr size_t kMaxStream = size_t{256} << 20;

bool OneOf(std::string_view s, std::initializer_list<std::string_view> set) {
  return std::find(set.begin(), set.end(), s) != set.end();
}

// The resource names a content stream (or several) uses, by category.
struct Usage {
  std::map<std::string, std::set<std::string>> names;
  bool all = false;  // AcroForm /DR: every font may be used by a field
  bool Uses(const std::string& category, const std::string& name) const {
    if (all) return true;
    auto it = names.find(category);
    return it != names.end() && it->second.count(name) > 0;
  }
};

void AddUsage(const pdf::ParsedContent& p, Usage* u) {
  for (const pdf::Operation& op : p.ops) {
    const auto& a = op.operands;
    auto name_at = [&](size_t i) -> const pdf::Operand* { return i < a.size() && a[i].is_name() ? &a[i] : nullptr; };
    const pdf::Operand* last = a.empty() ? nullptr : name_at(a.size() - 1);
    const pdf::Operand* n = nullptr;
    const char* category = nullptr;
    if (op.op == "Tf") n = name_at(0), category = "Font";
    else if (op.op == "Do") n = last, category = "XObject";
    else if (op.op == "gs") n = name_at(0), category = "ExtGState";
    else if (op.op == "sh") n = name_at(0), category = "Shading";
    else if (op.op == "scn" || op.op == "SCN") n = last, category = "Pattern";
    else if (op.op == "cs" || op.op == "CS") n = name_at(0), category = "ColorSpace";
    else if (op.op == "BDC" || op.op == "DP") n = name_at(1), category = "Properties";
    else if (op.op == "BI" && !a.empty()) {
      const pdf::Operand* cs = a[0].Find("CS");
      if (!cs) cs = a[0].Find("ColorSpace");
      if (cs && cs->is_name()) n = cs, category = "ColorSpace";
    }
    if (n && category) u->names[category].insert(n->value);
  }
}

// A JPEG with only the segments decoding needs: APPn (but APP0 JFIF and
// APP14 Adobe) and COM segments dropped, and anything after EOI. Progressive
// files' segments between scans are checked too. nullopt when the bytes do
// not parse as JPEG; *removed counts what went.
std::optional<std::string> CleanJpeg(std::string_view in, int* removed) {
  auto byte = [&](size_t i) { return static_cast<unsigned char>(in[i]); };
  if (in.size() < 4 || byte(0) != 0xFF || byte(1) != 0xD8) return std::nullopt;
  std::string out(in.substr(0, 2));
  size_t p = 2;
  while (p + 2 <= in.size()) {
    if (byte(p) != 0xFF) return std::nullopt;
    const unsigned char marker = byte(p + 1);
    if (marker == 0xFF) {
      ++p;
      continue;
    }
    if (marker == 0xD9) {  // EOI: what follows is not image data
      out.append("\xFF\xD9", 2);
      if (p + 2 < in.size()) ++*removed;
      return out;
    }
    if ((marker >= 0xD0 && marker <= 0xD7) || marker == 0x01) {
      out.append(in.substr(p, 2));
      p += 2;
      continue;
    }
    if (p + 4 > in.size()) return std::nullopt;
    const size_t length = (static_cast<size_t>(byte(p + 2)) << 8) | byte(p + 3);
    if (length < 2 || p + 2 + length > in.size()) return std::nullopt;
    const bool metadata = (marker >= 0xE1 && marker <= 0xEF && marker != 0xEE) || marker == 0xFE;
    if (metadata) {
      ++*removed;
    } else {
      out.append(in.substr(p, 2 + length));
    }
    p += 2 + length;
    if (marker != 0xDA) continue;
    // Entropy-coded data up to the next marker (FF00 and RSTn are data).
    size_t q = p;
    while (q + 1 < in.size() && !(byte(q) == 0xFF && byte(q + 1) != 0x00 && byte(q + 1) != 0xFF &&
                                  !(byte(q + 1) >= 0xD0 && byte(q + 1) <= 0xD7))) {
      ++q;
    }
    if (q + 1 >= in.size()) {  // no EOI: the data runs to the end
      out.append(in.substr(p));
      return out;
    }
    out.append(in.substr(p, q - p));
    p = q;
  }
  return std::nullopt;
}

const std::set<std::string>& KnownAnnotations() {
  static const std::set<std::string> kinds{
      "Text", "Link", "FreeText", "Line", "Square", "Circle", "Polygon", "PolyLine", "Highlight",
      "Underline", "Squiggly", "StrikeOut", "Stamp", "Caret", "Ink", "Popup", "FileAttachment",
      "Sound", "Movie", "Widget", "Screen", "PrinterMark", "TrapNet", "Watermark", "3D", "Redact",
      "Projection", "RichMedia"};
  return kinds;
}

bool KeptAnnotation(const std::string& subtype) {
  return OneOf(subtype, {"Link", "Widget", "Text", "FreeText", "Popup", "Highlight", "Underline",
                         "Squiggly", "StrikeOut", "Stamp", "Square", "Circle", "Line", "Polygon",
                         "PolyLine", "Ink", "Caret"});
}

const std::set<std::string>& KnownActions() {
  static const std::set<std::string> kinds{
      "GoTo", "GoToR", "GoToE", "GoToDp", "Launch", "Thread", "URI", "Sound", "Movie", "Hide",
      "Named", "SubmitForm", "ResetForm", "ImportData", "JavaScript", "SetOCGState", "Rendition",
      "Trans", "GoTo3DView", "RichMediaExecute"};
  return kinds;
}

class Walker {
 public:
  Walker(pdf::Document& doc, RedactionSummary* summary) : doc_(doc), summary_(summary) {}

  Status Run(int page_count);

 private:
  void Count(const std::string& kind, int n = 1) {
    if (n > 0) summary_->dropped[kind] += n;
  }
  void CountKey(const std::string& key) { Count(allow::ReportableKey(key) ? "key:/" + key : "unknown_keys"); }

  bool Visit(PdfObject* obj, Kind kind);
  bool Admit(PdfObject* obj, Kind kind, Kind* as);
  bool Ownership(PdfObject* obj, Kind kind, Usage* usage);
  void Keys(PdfObject* obj, Kind kind, const Usage& usage);
  bool Apply(PdfObject* obj, const PoDoFo::PdfName& name, const KeyRule& rule, const Usage& usage);
  bool Plain(const PdfObject* v, int depth = 0) const;
  bool TextValue(const PdfObject* v, int depth = 0) const;
  bool Functions(PdfObject* v, int depth = 0);
  bool ColorSpace(PdfObject* v, int depth = 0);
  bool OcRefs(PdfObject* v, int depth = 0);
  PoDoFo::PdfDictionary Resources(PdfObject* res, const Usage& usage);
  std::optional<PoDoFo::PdfArray> Dest(const PdfObject* v, int depth = 0);
  bool ContentUsage(const std::vector<PdfObject*>& parts, Usage* usage);
  void InheritedUsage(PdfObject* res, Usage* usage, std::set<const PdfObject*>* seen, int depth);
  void CleanInlineJpegs(PdfObject* stream, std::string* data);
  bool CleanImageJpeg(PdfObject* image);
  bool CleanToUnicode(PdfObject* cmap, bool two_byte);
  void CollectFields(PdfObject* field, int depth);
  void CollectDests(PdfObject* catalog);
  void NameTree(const PdfObject* node, int depth, int* n);
  void NumberTree(const PdfObject* node, int depth, std::map<int64_t, const PdfObject*>* out);
  void PageLabels(PdfObject* catalog, int page_count);
  void OcProperties(PdfObject* catalog);
  PoDoFo::PdfArray OcList(const PdfObject* list, int depth);

  pdf::Document& doc_;
  RedactionSummary* summary_;
  Status error_;
  int fonts_renamed_ = 0;
  std::map<std::pair<const PdfObject*, Kind>, bool> visited_;
  std::set<const PdfObject*> pages_;
  std::set<const PdfObject*> fields_;
  std::map<std::string, const PdfObject*> named_dests_;  // into /Dests and /Names, kept until the end
  std::map<const PdfObject*, int> ocg_numbers_;
};

bool Walker::Plain(const PdfObject* v, int depth) const {
  if (!v || depth > 32) return false;
  if (v->IsReference()) {
    const PdfObject* r = pdf::Resolve(v);
    if (!r || r->IsDictionary() || r->HasStream()) return false;
    return Plain(r, depth + 1);
  }
  if (v->IsString() || v->IsHexString() || v->IsRawData()) return false;
  if (v->IsArray()) {
    for (const PdfObject& e : v->GetArray()) {
      if (!Plain(&e, depth + 1)) return false;
    }
    return true;
  }
  if (v->IsDictionary()) {
    if (v->HasStream()) return false;
    for (const auto& [k, e] : v->GetDictionary().GetKeys()) {
      if (!Plain(e, depth + 1)) return false;
    }
    return true;
  }
  return true;  // number, bool, name, null
}

bool Walker::TextValue(const PdfObject* v, int depth) const {
  v = pdf::Resolve(v);
  if (!v || depth > 8 || v->IsDictionary()) return false;
  if (v->IsArray()) {
    for (const PdfObject& e : v->GetArray()) {
      if (!TextValue(&e, depth + 1)) return false;
    }
    return true;
  }
  return !v->IsRawData();
}

bool Walker::Functions(PdfObject* v, int depth) {
  PdfObject* r = pdf::Resolve(v);
  if (!r || depth > 8) return false;
  if (r->IsName()) return true;
  if (r->IsDictionary()) return Visit(r, Kind::kFunction);
  if (!r->IsArray()) return false;
  for (PdfObject& e : r->GetArray()) {
    if (!Functions(&e, depth + 1)) return false;
  }
  return true;
}

// A colour space: a name, or an array of names, numbers, the lookup string
// of /Indexed, ICC and lookup streams, functions (tint transforms), nested
// colour spaces and plain dictionaries (CalRGB, Lab, DeviceN attributes).
bool Walker::ColorSpace(PdfObject* v, int depth) {
  PdfObject* r = pdf::Resolve(v);
  if (!r || depth > 8) return false;
  if (r->IsName()) return true;
  if (!r->IsArray()) return false;
  PoDoFo::PdfArray& a = r->GetArray();
  const std::string family = a.empty() ? "" : pdf::AsName(&a[0]).value_or("");
  for (size_t i = 1; i < a.size(); ++i) {
    PdfObject* e = pdf::Resolve(&a[i]);
    if (!e) return false;
    bool ok = false;
    if (e->IsString() || e->IsHexString()) {
      ok = family == "Indexed" && i == 3;
    } else if (e->HasStream()) {
      ok = family == "ICCBased" ? Visit(e, Kind::kIcc)
                                : family == "Indexed" ? Visit(e, Kind::kContent) : Visit(e, Kind::kFunction);
    } else if (e->IsDictionary()) {
      ok = e->GetDictionary().HasKey("FunctionType") ? Visit(e, Kind::kFunction) : Plain(e);
    } else if (e->IsArray()) {
      ok = Plain(e) || ColorSpace(e, depth + 1);
    } else {
      ok = true;
    }
    if (!ok) {
      Count("colour_space");
      return false;
    }
  }
  return true;
}

bool Walker::OcRefs(PdfObject* v, int depth) {
  if (!v || depth > 16) return false;
  if (v->IsReference()) {
    PdfObject* r = pdf::Resolve(v);
    return r && r->IsDictionary() && Visit(r, Kind::kOc);
  }
  if (v->IsArray()) {
    for (PdfObject& e : v->GetArray()) {
      if (!OcRefs(&e, depth + 1)) return false;
    }
    return true;
  }
  if (v->IsDictionary()) return Visit(v, Kind::kOc);
  return !v->IsString() && !v->IsHexString() && !v->IsRawData();
}

// Whether `obj` may be kept as `kind` at all, before its keys are looked
// at; `as` is the kind its keys are checked as (an XObject is an image or
// a form). Counts what it refuses.
bool Walker::Admit(PdfObject* obj, Kind kind, Kind* as) {
  *as = kind;
  const std::string subtype = pdf::AsName(pdf::DictGet(obj, "Subtype")).value_or("");
  const std::string type = pdf::AsName(pdf::DictGet(obj, "Type")).value_or("");
  switch (kind) {
    case Kind::kXObject:
      if (subtype == "Image") return *as = Kind::kImage, true;
      if (subtype == "Form") return *as = Kind::kForm, true;
      Count(subtype == "PS" ? "xobject:PS" : "xobject:other");
      return false;
    case Kind::kImage:
      return obj->HasStream() && CleanImageJpeg(obj);
    case Kind::kAppearanceStates:
      if (obj->HasStream()) *as = Kind::kForm;  // one appearance, not a dictionary of states
      return true;
    case Kind::kForm:
    case Kind::kContent:
    case Kind::kFontFile:
    case Kind::kIcc:
      return obj->HasStream();
    case Kind::kAnnot:
      if (subtype.empty()) return true;  // a field that is not also a widget
      if (!KeptAnnotation(subtype)) {
        Count("annotation:" + (KnownAnnotations().count(subtype) ? subtype : std::string("other")));
        return false;
      }
      if (subtype == "Widget" && !fields_.count(obj)) {
        Count("annotation:Widget(not in AcroForm)");
        return false;
      }
      return true;
    case Kind::kAction: {
      const std::string s = pdf::AsName(pdf::DictGet(obj, "S")).value_or("");
      if (s == "GoTo" || s == "URI") return true;
      Count("action:" + (KnownActions().count(s) ? s : std::string("other")));
      return false;
    }
    case Kind::kFont:
      if (OneOf(subtype, {"Type0", "Type1", "MMType1", "Type3", "TrueType", "CIDFontType0", "CIDFontType2"})) {
        return true;
      }
      Count("font:other");
      return false;
    case Kind::kOc:
      if (type == "OCG" || type == "OCMD") return true;
      Count("properties:not_optional_content");
      return false;
    default:
      return true;
  }
}

// The content that owns resources (a page, a form, a tiling pattern's cell,
// a Type3 font's glyph procedures): what it uses. False when it cannot be
// read (error_ is set).
bool Walker::Ownership(PdfObject* obj, Kind kind, Usage* usage) {
  std::vector<PdfObject*> parts;
  if (kind == Kind::kPage) {
    PdfObject* contents = pdf::DictGet(obj, "Contents");
    if (contents && contents->IsArray()) {
      for (PdfObject& e : contents->GetArray()) {
        if (PdfObject* part = pdf::Resolve(&e); part && part->HasStream()) parts.push_back(part);
      }
    } else if (contents && contents->HasStream()) {
      parts.push_back(contents);
    }
    for (PdfObject* part : parts) Visit(part, Kind::kContent);
  } else if (kind == Kind::kForm ||
             (kind == Kind::kPattern && pdf::AsNumber(pdf::DictGet(obj, "PatternType")).value_or(0) == 1)) {
    if (obj->HasStream()) parts.push_back(obj);
  } else if (kind == Kind::kFont) {
    if (PdfObject* procs = pdf::DictGet(obj, "CharProcs"); procs && procs->IsDictionary()) {
      for (const auto& [name, value] : procs->GetDictionary().GetKeys()) {
        if (PdfObject* p = pdf::Resolve(value); p && p->HasStream()) parts.push_back(p);
      }
    }
  } else if (kind == Kind::kAcroForm) {
    usage->all = true;
    return true;
  }
  if (!parts.empty() && !ContentUsage(parts, usage)) return false;
  std::set<const PdfObject*> seen;
  InheritedUsage(pdf::DictGet(obj, "Resources"), usage, &seen, 0);
  return error_.ok();
}

// Forms and tiling patterns without resources of their own use their
// painter's (PDF 1.1): what they use is the painter's usage too.
void Walker::InheritedUsage(PdfObject* res, Usage* usage, std::set<const PdfObject*>* seen, int depth) {
  if (!res || !res->IsDictionary() || depth > 16) return;
  for (const char* category : {"XObject", "Pattern"}) {
    const std::set<std::string> used = usage->names[category];
    for (const std::string& name : used) {
      PdfObject* x = pdf::DictGet(pdf::DictGet(res, category), name);
      if (!x || !x->HasStream() || x->GetDictionary().HasKey("Resources")) continue;
      if (pdf::AsName(pdf::DictGet(x, "Subtype")).value_or("Form") != "Form") continue;
      if (!seen->insert(x).second) continue;
      if (!ContentUsage({x}, usage)) return;
      InheritedUsage(res, usage, seen, depth + 1);
    }
  }
}

bool Walker::Visit(PdfObject* obj, Kind kind) {
  obj = pdf::Resolve(obj);
  if (!obj || !obj->IsDictionary() || !error_.ok()) return false;
  auto key = std::make_pair(static_cast<const PdfObject*>(obj), kind);
  if (auto it = visited_.find(key); it != visited_.end()) return it->second;
  visited_[key] = true;  // a cycle sees it kept; the verdict below replaces it
  Kind as = kind;
  bool keep = Admit(obj, kind, &as);
  if (keep && as != kind) {
    keep = Visit(obj, as);
  } else if (keep) {
    Usage usage;
    keep = Ownership(obj, kind, &usage);
    if (keep) Keys(obj, kind, usage);
    if (keep && kind == Kind::kAction &&
        pdf::AsName(pdf::DictGet(obj, "S")).value_or("") == "GoTo" && !obj->GetDictionary().HasKey("D")) {
      keep = false;  // its destination did not resolve to a page of the output
    }
    if (keep && kind == Kind::kOc && pdf::AsName(pdf::DictGet(obj, "Type")).value_or("") == "OCG") {
      auto [it, fresh] = ocg_numbers_.emplace(obj, static_cast<int>(ocg_numbers_.size()) + 1);
      obj->GetDictionary().AddKey("Name", PoDoFo::PdfString("Layer " + std::to_string(it->second)));
      Count("ocg_names_replaced");
    }
  }
  visited_[key] = keep;
  return keep;
}

void Walker::Keys(PdfObject* obj, Kind kind, const Usage& usage) {
  const std::vector<KeyRule>& rules = allow::RulesFor(kind);
  const KeyRule* any = nullptr;
  for (const KeyRule& r : rules) {
    if (r.key == "*") any = &r;
  }
  std::vector<PoDoFo::PdfName> names;
  for (const auto& [name, value] : obj->GetDictionary().GetKeys()) names.push_back(name);
  for (const PoDoFo::PdfName& name : names) {
    const std::string key = name.GetName();
    if (obj->HasStream() && OneOf(key, {"Length", "Filter", "DecodeParms", "DL"})) continue;
    const KeyRule* rule = any;
    for (const KeyRule& r : rules) {
      if (r.key == key) rule = &r;
    }
    if (!rule) {
      CountKey(key);
      obj->GetDictionary().RemoveKey(name);
    } else if (!Apply(obj, name, *rule, usage)) {
      obj->GetDictionary().RemoveKey(name);
    }
  }
}

// Whether the value of `name` in `obj` stays (it may be rewritten in place).
// Counts what it refuses, except a child's refusal (the child counted it).
bool Walker::Apply(PdfObject* obj, const PoDoFo::PdfName& name, const KeyRule& rule, const Usage& usage) {
  PdfObject* v = obj->GetDictionary().GetKey(name);
  PdfObject* r = pdf::Resolve(v);
  const std::string key = name.GetName();
  auto counted = [&](bool ok) {
    if (!ok) CountKey(key);
    return ok;
  };
  switch (rule.rule) {
    case Rule::kPlain: return counted(Plain(v));
    case Rule::kText: return counted(TextValue(v));
    case Rule::kDa: {
      const bool ok = r && (r->IsString() || r->IsHexString()) &&
                      r->GetString().GetStringUtf8().find_first_of("(<[") == std::string::npos;
      return counted(ok);
    }
    case Rule::kChild: return Visit(r, rule.child);
    case Rule::kNameOrChild: return (r && r->IsName()) || Visit(r, rule.child);
    case Rule::kPlainOrChild: return Plain(v) || Visit(r, rule.child);
    case Rule::kFunctions: return counted(Functions(v));
    case Rule::kColorSpace: return ColorSpace(v);
    case Rule::kOcRefs: return counted(OcRefs(v));
    case Rule::kKeep: return true;
    case Rule::kPageRef: return v && v->IsReference() && pages_.count(r) > 0;
    case Rule::kArrayOf: {
      PoDoFo::PdfArray* a = pdf::AsArray(v);
      if (!a) return counted(false);
      PoDoFo::PdfArray kept;
      for (PdfObject& e : *a) {
        if (Visit(&e, rule.child)) kept.push_back(e);
      }
      *a = kept;
      return true;
    }
    case Rule::kResources: {
      PoDoFo::PdfDictionary res = Resources(r, usage);
      obj->GetDictionary().AddKey(name, res);
      return true;
    }
    case Rule::kDest: {
      std::optional<PoDoFo::PdfArray> d = Dest(v);
      if (!d) {
        Count("destination:unresolved");
        return false;
      }
      obj->GetDictionary().AddKey(name, *d);
      return true;
    }
    case Rule::kFontName: {
      const std::optional<std::string> font = pdf::AsName(r);
      if (!font) return counted(false);
      if (IsFontName(*font)) return true;
      // The program inside draws the glyphs; the name is a label a
      // viewer only shows, and a page never.
      const bool subset = font->size() > 7 && (*font)[6] == '+';
      obj->GetDictionary().AddKey(name, PoDoFo::PdfName((subset ? font->substr(0, 7) : "") + "RedactFont" +
                                                        std::to_string(++fonts_renamed_)));
      Count("font_name_replaced");
      return true;
    }
    case Rule::kToUnicode: {
      if (!Visit(r, rule.child)) return false;
      const bool two_byte = pdf::AsName(pdf::DictGet(obj, "Subtype")).value_or("") == "Type0";
      return counted(CleanToUnicode(r, two_byte));
    }
    case Rule::kKnownText: {
      const std::string s = r && (r->IsString() || r->IsHexString()) ? r->GetString().GetStringUtf8() : "";
      if (OneOf(s, {"Adobe", "Identity", "Japan1", "Japan2", "GB1", "CNS1", "Korea1", "KR", "UCS"})) return true;
      obj->GetDictionary().AddKey(name, PoDoFo::PdfString(key == "Registry" ? "Adobe" : "Identity"));
      Count("cid_system_info_replaced");
      return true;
    }
  }
  return false;
}

// A fresh resource dictionary holding only what `usage` names, each entry
// walked as its kind.
PoDoFo::PdfDictionary Walker::Resources(PdfObject* res, const Usage& usage) {
  static const std::vector<std::pair<std::string, Kind>> kCategories{
      {"Font", Kind::kFont},       {"XObject", Kind::kXObject}, {"ExtGState", Kind::kExtGState},
      {"Pattern", Kind::kPattern}, {"Shading", Kind::kShading}, {"ColorSpace", Kind::kCatalog},
      {"Properties", Kind::kOc}};
  PoDoFo::PdfDictionary out;
  if (!res || !res->IsDictionary()) return out;
  for (const auto& [key, value] : res->GetDictionary().GetKeys()) {
    const std::string k = key.GetName();
    if (k == "ProcSet") {
      if (Plain(value)) out.AddKey(key, *value);
      continue;
    }
    auto cat = std::find_if(kCategories.begin(), kCategories.end(), [&](const auto& c) { return c.first == k; });
    if (cat == kCategories.end()) {
      CountKey(k);
      continue;
    }
    PdfObject* src = pdf::Resolve(value);
    if (!src || !src->IsDictionary()) continue;
    PoDoFo::PdfDictionary kept;
    for (const auto& [name, entry] : src->GetDictionary().GetKeys()) {
      if (!usage.Uses(k, name.GetName())) {
        Count("unused_resource:" + k);
        continue;
      }
      const bool ok = k == "ColorSpace" ? ColorSpace(entry) : Visit(entry, cat->second);
      if (ok) kept.AddKey(name, *entry);
    }
    if (!kept.GetKeys().empty()) out.AddKey(key, kept);
  }
  return out;
}

// An explicit destination to a page of the output (named ones resolved),
// or nullopt.
std::optional<PoDoFo::PdfArray> Walker::Dest(const PdfObject* v, int depth) {
  const PdfObject* r = pdf::Resolve(v);
  if (!r || depth > 4) return std::nullopt;
  if (r->IsName() || r->IsString() || r->IsHexString()) {
    const std::string name = r->IsName() ? r->GetName().GetName() : r->GetString().GetStringUtf8();
    auto it = named_dests_.find(name);
    if (it == named_dests_.end()) return std::nullopt;
    return Dest(it->second, depth + 1);
  }
  if (r->IsDictionary()) return Dest(r->GetDictionary().GetKey("D"), depth + 1);
  if (!r->IsArray() || r->GetArray().empty()) return std::nullopt;
  const PoDoFo::PdfArray& a = r->GetArray();
  if (!a[0].IsReference() || !pages_.count(pdf::Resolve(&a[0]))) return std::nullopt;
  for (size_t i = 1; i < a.size(); ++i) {
    if (!(a[i].IsName() || a[i].IsNumber() || a[i].IsReal() || a[i].IsNull())) return std::nullopt;
  }
  return a;
}

bool Walker::ContentUsage(const std::vector<PdfObject*>& parts, Usage* usage) {
  std::string joined;
  for (PdfObject* part : parts) {
    StatusOr<std::string> data = pdf::ReadStream(part, kMaxStream);
    if (!data) {
      error_ = Status(StatusCode::kDamagedPdf, doc_.name() + ": " + pdf::Describe(part) +
                                                   ": a content stream the output keeps cannot be read "
                                                   "to find the resources it uses (" +
                                                   data.error().message() + ")");
      return false;
    }
    CleanInlineJpegs(part, &*data);
    joined += *data;
    joined += '\n';
  }
  AddUsage(pdf::ParseContent(joined), usage);
  return true;
}

// Inline JPEG images (/F /DCT, also behind other filters) rewritten without
// their metadata segments; one that cannot be read fails the document
// (error_). The stream is replaced only when something changed.
void Walker::CleanInlineJpegs(PdfObject* stream, std::string* data) {
  // An inline image begins with the bytes "BI": content without them has
  // none, and is not parsed twice.
  if (data->find("BI") == std::string::npos) return;
  const std::string source = *data;  // the spans below index it
  const pdf::ParsedContent parsed = pdf::ParseContent(source);
  std::string out;
  size_t copied = 0;
  for (const pdf::Operation& op : parsed.ops) {
    if (op.op != "BI" || op.operands.empty() || op.data_end < op.data_begin) continue;
    const pdf::Operand& dict = op.operands[0];
    const pdf::Operand* f = dict.Find("F") ? dict.Find("F") : dict.Find("Filter");
    const pdf::Operand* dp = dict.Find("DP") ? dict.Find("DP") : dict.Find("DecodeParms");
    std::vector<std::string> filters;
    if (f && f->is_name()) filters.push_back(f->value);
    if (f && f->is_array()) {
      for (const pdf::Operand& i : f->items) filters.push_back(i.value);
    }
    if (filters.empty() || !OneOf(filters.back(), {"DCT", "DCTDecode"})) continue;
    const bool chained = filters.size() > 1;
    std::string replacement;  // "" removes the image
    StatusOr<std::string> jpeg = std::string(source.substr(op.data_begin, op.data_end - op.data_begin));
    if (chained && !(dp && dp->type == pdf::Operand::Type::kNull) && dp) {
      jpeg = Error(StatusCode::kUnsupported, "decode parameters on a chained inline image");
    } else if (chained) {
      std::vector<std::pair<std::string, const PdfObject*>> leading;
      for (size_t i = 0; i + 1 < filters.size(); ++i) leading.push_back({filters[i], nullptr});
      jpeg = pdf::DecodeFilters(*jpeg, leading, kMaxStream);
    }
    int removed = 0;
    std::optional<std::string> clean = jpeg ? CleanJpeg(*jpeg, &removed) : std::nullopt;
    if (clean && removed == 0) continue;  // nothing to take out
    if (clean) {
      replacement = "BI";
      for (size_t i = 0; i + 1 < dict.items.size(); i += 2) {
        const std::string k = dict.items[i].value;
        if (OneOf(k, {"F", "Filter", "DP", "DecodeParms"})) continue;
        replacement += " " + source.substr(dict.items[i].begin, dict.items[i + 1].end - dict.items[i].begin);
      }
      replacement += " /F /DCT";
      if (dp && !chained) replacement += " /DP " + source.substr(dp->begin, dp->end - dp->begin);
      replacement += " ID " + *clean + "\nEI";
      Count("jpeg_metadata_segments", removed);
    } else {
      error_ = Status(StatusCode::kDamagedPdf, doc_.name() + ": " + pdf::Describe(stream) +
                                                   ": an inline image's JPEG data cannot be decoded to remove its "
                                                   "metadata; content that cannot be read is not passed through");
      return;
    }
    out += source.substr(copied, op.begin - copied) + replacement;
    copied = op.end;
  }
  if (copied == 0) return;
  out += source.substr(copied);
  stream->GetDictionary().RemoveKey("Filter");
  stream->GetDictionary().RemoveKey("DecodeParms");
  stream->GetStream()->Set(out.data(), static_cast<PoDoFo::pdf_long>(out.size()));
  *data = out;
}

// An image whose last filter is DCTDecode, metadata segments removed (the
// filters before it decoded). False, with error_ set, when it cannot be
// read: the document fails rather than lose or pass through an image.
bool Walker::CleanImageJpeg(PdfObject* image) {
  const auto filters = pdf::StreamFilters(image);
  if (filters.empty() || !OneOf(filters.back().first, {"DCTDecode", "DCT"})) return true;
  StatusOr<std::string> jpeg = pdf::RawStreamData(image);
  std::vector<std::pair<std::string, const PdfObject*>> leading(filters.begin(), filters.end() - 1);
  if (jpeg && !leading.empty()) jpeg = pdf::DecodeFilters(*jpeg, leading, kMaxStream);
  int removed = 0;
  std::optional<std::string> clean = jpeg ? CleanJpeg(*jpeg, &removed) : std::nullopt;
  if (!clean) {
    error_ = Status(StatusCode::kDamagedPdf, doc_.name() + ": " + pdf::Describe(image) +
                                                 ": its JPEG data cannot be decoded to remove its metadata; "
                                                 "content that cannot be read is not passed through");
    return false;
  }
  if (removed == 0) return true;
  std::optional<PdfObject> parms;
  if (filters.back().second) parms = PdfObject(*filters.back().second);
  PoDoFo::PdfMemoryInputStream in(clean->data(), static_cast<PoDoFo::pdf_long>(clean->size()));
  image->GetStream()->SetRawData(&in, static_cast<PoDoFo::pdf_long>(clean->size()));
  image->GetDictionary().AddKey("Filter", PoDoFo::PdfName("DCTDecode"));
  if (parms) {
    image->GetDictionary().AddKey("DecodeParms", *parms);
  } else {
    image->GetDictionary().RemoveKey("DecodeParms");
  }
  Count("jpeg_metadata_segments", removed);
  return true;
}

// A ToUnicode CMap whose every entry is a glyph's text stays as it is;
// otherwise it is written anew from its parsed entries, those that are no
// glyph's text left out (a code mapped to a whole name: the page no
// longer shows that glyph, but the map would spell the name). False when
// it cannot be read: the key goes.
bool Walker::CleanToUnicode(PdfObject* cmap, bool two_byte) {
  if (!cmap || !cmap->HasStream()) return false;
  StatusOr<std::string> data = pdf::ReadStream(cmap, kMaxStream);
  if (!data) return false;
  const pdf::CMap parsed = pdf::CMap::Parse(*data);
  if (parsed.EveryUnicode(IsGlyphText)) return true;
  size_t dropped = 0;
  const std::string program = parsed.ToUnicodeProgram(two_byte ? 2 : 1, IsGlyphText, &dropped);
  cmap->GetDictionary().RemoveKey("Filter");
  cmap->GetDictionary().RemoveKey("DecodeParms");
  cmap->GetStream()->Set(program.data(), static_cast<PoDoFo::pdf_long>(program.size()));
  Count("tounicode_entries_not_glyph_text", static_cast<int>(dropped));
  return true;
}

void Walker::CollectFields(PdfObject* field, int depth) {
  field = pdf::Resolve(field);
  if (!field || !field->IsDictionary() || depth > 32 || !fields_.insert(field).second) return;
  if (PoDoFo::PdfArray* kids = pdf::AsArray(pdf::DictGet(field, "Kids"))) {
    for (PdfObject& k : *kids) CollectFields(&k, depth + 1);
  }
}

void Walker::NameTree(const PdfObject* node, int depth, int* n) {
  node = pdf::Resolve(node);
  if (!node || !node->IsDictionary() || depth > 32) return;
  if (const PoDoFo::PdfArray* names = pdf::AsArray(pdf::DictGet(node, "Names"))) {
    for (size_t i = 0; i + 1 < names->size(); i += 2) {
      const PdfObject& k = (*names)[i];
      if (!k.IsString() && !k.IsHexString()) continue;
      named_dests_.emplace(k.GetString().GetStringUtf8(), &(*names)[i + 1]);
      ++*n;
    }
  }
  if (const PoDoFo::PdfArray* kids = pdf::AsArray(pdf::DictGet(node, "Kids"))) {
    for (const PdfObject& k : *kids) NameTree(&k, depth + 1, n);
  }
}

// Named destinations, to be resolved where they are used; the trees go.
void Walker::CollectDests(PdfObject* catalog) {
  int n = 0;
  if (const PdfObject* dests = pdf::DictGet(catalog, "Dests"); dests && dests->IsDictionary()) {
    for (const auto& [name, value] : dests->GetDictionary().GetKeys()) {
      named_dests_.emplace(name.GetName(), value);
      ++n;
    }
  }
  NameTree(pdf::DictGet(pdf::DictGet(catalog, "Names"), "Dests"), 0, &n);
  Count("named_destinations", n);
}

void Walker::NumberTree(const PdfObject* node, int depth, std::map<int64_t, const PdfObject*>* out) {
  node = pdf::Resolve(node);
  if (!node || !node->IsDictionary() || depth > 32) return;
  if (const PoDoFo::PdfArray* nums = pdf::AsArray(pdf::DictGet(node, "Nums"))) {
    for (size_t i = 0; i + 1 < nums->size(); i += 2) {
      if ((*nums)[i].IsNumber()) out->emplace((*nums)[i].GetNumber(), pdf::Resolve(&(*nums)[i + 1]));
    }
  }
  if (const PoDoFo::PdfArray* kids = pdf::AsArray(pdf::DictGet(node, "Kids"))) {
    for (const PdfObject& k : *kids) NumberTree(&k, depth + 1, out);
  }
}

// Page labels rebuilt as one flat tree with only the numbering style and
// start: prefixes (/P) are document text.
void Walker::PageLabels(PdfObject* catalog, int page_count) {
  if (!catalog->GetDictionary().HasKey("PageLabels")) return;
  std::map<int64_t, const PdfObject*> labels;
  NumberTree(pdf::DictGet(catalog, "PageLabels"), 0, &labels);
  PoDoFo::PdfArray nums;
  for (const auto& [index, label] : labels) {
    if (index < 0 || index >= page_count || !label || !label->IsDictionary()) continue;
    PoDoFo::PdfDictionary d;
    const std::string style = pdf::AsName(pdf::DictGet(label, "S")).value_or("");
    if (OneOf(style, {"D", "R", "r", "A", "a"})) d.AddKey("S", PoDoFo::PdfName(style));
    if (const PdfObject* st = pdf::DictGet(label, "St"); st && st->IsNumber() && st->GetNumber() >= 1) {
      d.AddKey("St", *st);
    }
    if (label->GetDictionary().HasKey("P")) Count("page_labels_prefix");
    nums.push_back(PdfObject(static_cast<PoDoFo::pdf_int64>(index)));
    nums.push_back(PdfObject(d));
  }
  PoDoFo::PdfDictionary tree;
  tree.AddKey("Nums", nums);
  catalog->GetDictionary().AddKey("PageLabels", tree);
}

// References to kept groups and nested arrays of them; label strings in
// /Order are dropped.
PoDoFo::PdfArray Walker::OcList(const PdfObject* list, int depth) {
  PoDoFo::PdfArray out;
  const PoDoFo::PdfArray* a = pdf::AsArray(list);
  if (!a || depth > 16) return out;
  for (const PdfObject& e : *a) {
    if (e.IsReference()) {
      PdfObject* r = const_cast<PdfObject*>(pdf::Resolve(&e));
      if (r && r->IsDictionary() && Visit(r, Kind::kOc)) out.push_back(e);
    } else if (e.IsArray()) {
      out.push_back(OcList(&e, depth + 1));
    } else if (e.IsString() || e.IsHexString()) {
      Count("ocg_order_labels");
    }
  }
  return out;
}

// /OCProperties rebuilt: the groups (named "Layer N") and the default
// configuration's visibility and order; other configurations go.
void Walker::OcProperties(PdfObject* catalog) {
  PdfObject* oc = pdf::DictGet(catalog, "OCProperties");
  if (!oc) return;
  if (!oc->IsDictionary()) {
    catalog->GetDictionary().RemoveKey("OCProperties");
    return;
  }
  PoDoFo::PdfDictionary out;
  out.AddKey("OCGs", OcList(pdf::DictGet(oc, "OCGs"), 0));
  PoDoFo::PdfDictionary d;
  const PdfObject* src = pdf::DictGet(oc, "D");
  if (src && src->IsDictionary()) {
    for (const auto& [key, value] : src->GetDictionary().GetKeys()) {
      const std::string k = key.GetName();
      if (OneOf(k, {"ON", "OFF", "Order", "RBGroups", "Locked"})) {
        d.AddKey(key, OcList(value, 0));
      } else if (OneOf(k, {"BaseState", "ListMode", "Intent"}) && Plain(value)) {
        d.AddKey(key, *value);
      } else {
        CountKey(k);
      }
    }
  }
  out.AddKey("D", d);
  if (oc->GetDictionary().HasKey("Configs")) Count("key:/Configs");
  catalog->GetDictionary().AddKey("OCProperties", out);
}

Status Walker::Run(int page_count) {
  PdfObject* catalog = doc_.MutableCatalog();
  if (!catalog || !catalog->IsDictionary()) {
    return Status(StatusCode::kDamagedPdf, doc_.name() + ": the document has no catalog");
  }
  for (int i = 0; i < page_count; ++i) {
    StatusOr<PdfObject*> page = doc_.MutablePageObject(i);
    if (page) pages_.insert(*page);
  }
  if (PoDoFo::PdfArray* fields = pdf::AsArray(pdf::DictGet(pdf::DictGet(catalog, "AcroForm"), "Fields"))) {
    for (PdfObject& f : *fields) CollectFields(&f, 0);
  }
  CollectDests(catalog);
  // Group numbers follow the catalog's list, so "Layer N" is stable.
  if (const PoDoFo::PdfArray* ocgs = pdf::AsArray(pdf::DictGet(pdf::DictGet(catalog, "OCProperties"), "OCGs"))) {
    for (const PdfObject& g : *ocgs) ocg_numbers_.emplace(pdf::Resolve(&g), static_cast<int>(ocg_numbers_.size()) + 1);
  }
  for (int i = 0; i < page_count; ++i) {
    StatusOr<PdfObject*> page = doc_.MutablePageObject(i);
    if (page) Visit(*page, Kind::kPage);
  }
  Visit(catalog, Kind::kCatalog);
  PageLabels(catalog, page_count);
  OcProperties(catalog);
  if (!error_.ok()) return error_;
  // Every use of a named destination is resolved: the names go.
  for (const char* key : {"Dests", "Names"}) {
    if (!catalog->GetDictionary().HasKey(key)) continue;
    catalog->GetDictionary().RemoveKey(key);
    Count(std::string("key:/") + key);
  }
  if (PdfObject* tree = pdf::DictGet(catalog, "Pages"); tree && tree->IsDictionary()) {
    for (const char* key : {"Resources", "MediaBox", "CropBox", "Rotate", "Parent"}) tree->GetDictionary().RemoveKey(key);
  }
  PdfObject* trailer = const_cast<PdfObject*>(doc_.podofo().GetTrailer());
  std::vector<PoDoFo::PdfName> names;
  for (const auto& [name, value] : trailer->GetDictionary().GetKeys()) names.push_back(name);
  for (const PoDoFo::PdfName& name : names) {
    const std::string k = name.GetName();
    if (OneOf(k, {"Root", "Size"})) continue;
    if (k != "Info" && k != "Prev" && k != "XRefStm" && k != "Encrypt") Count(k == "ID" ? "trailer:ID" : "trailer:other_keys");
    if (k != "Info") trailer->GetDictionary().RemoveKey(name);
  }
  return Status::Ok();
}

}  // namespace

Status KeepOnlyAllowed(pdf::Document& doc, int page_count, RedactionSummary* summary) {
  Walker walker(doc, summary);
  return walker.Run(page_count);
}

}  // namespace redact
