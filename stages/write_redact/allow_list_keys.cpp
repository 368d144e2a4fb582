#include "stages/write_redact/allow_list_keys.h"

#include <map>
#include <set>
#include <string>

namespace redact::allow {
namespace {

using R = Rule;
using K = Kind;

std::vector<KeyRule> Plain(std::initializer_list<std::string_view> keys) {
  std::vector<KeyRule> out;
  for (std::string_view k : keys) out.push_back({k, R::kPlain});
  return out;
}

std::vector<KeyRule> Join(std::vector<KeyRule> a, const std::vector<KeyRule>& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

// Annotations and form fields share one list: a widget is often merged
// with its field, and one dictionary must not lose the other's keys.
std::vector<KeyRule> AnnotOrField() {
  return Join(Plain({"Type", "Subtype", "Rect", "F", "AS", "Border", "C", "BE", "Open", "QuadPoints",
                     "InkList", "L", "LE", "IC", "CA", "LL", "LLE", "Cap", "IT", "RD", "Vertices", "Rotate",
                     "Q", "Name", "H", "RT", "FT", "Ff", "MaxLen"}),
              {{"NM", R::kText}, {"Contents", R::kText}, {"T", R::kText}, {"Subj", R::kText},
               {"RC", R::kText}, {"TU", R::kText}, {"TM", R::kText}, {"V", R::kText}, {"DV", R::kText},
               {"Opt", R::kText}, {"DA", R::kDa}, {"P", R::kPageRef},
               {"AP", R::kChild, K::kAppearance}, {"BS", R::kChild, K::kBorder},
               {"Popup", R::kChild, K::kAnnot}, {"Parent", R::kChild, K::kAnnot},
               {"IRT", R::kChild, K::kAnnot}, {"Kids", R::kArrayOf, K::kAnnot},
               {"A", R::kChild, K::kAction}, {"Dest", R::kDest}, {"MK", R::kChild, K::kMk},
               {"OC", R::kChild, K::kOc}});
}

std::map<Kind, std::vector<KeyRule>> Tables() {
  std::map<Kind, std::vector<KeyRule>> t;
  t[K::kCatalog] = Join(Plain({"Type", "PageLayout", "PageMode", "Version", "ViewerPreferences"}),
                        {{"Pages", R::kKeep}, {"Outlines", R::kChild, K::kOutlines},
                         {"AcroForm", R::kChild, K::kAcroForm}, {"PageLabels", R::kKeep},
                         {"OCProperties", R::kKeep}, {"Dests", R::kKeep}, {"Names", R::kKeep}});
  t[K::kPage] = Join(Plain({"Type", "MediaBox", "CropBox", "BleedBox", "TrimBox", "ArtBox", "Rotate",
                            "UserUnit", "Tabs", "Trans"}),
                     {{"Parent", R::kKeep}, {"Contents", R::kKeep}, {"Resources", R::kResources},
                      {"Annots", R::kArrayOf, K::kAnnot}, {"Group", R::kChild, K::kGroup}});
  t[K::kFont] = Join(Plain({"Type", "Subtype", "FirstChar", "LastChar", "Widths", "DW", "W",
                            "DW2", "W2", "FontMatrix", "FontBBox"}),
                     {{"BaseFont", R::kFontName}, {"FontDescriptor", R::kChild, K::kFontDescriptor},
                      {"Encoding", R::kNameOrChild, K::kCMap}, {"ToUnicode", R::kToUnicode, K::kCMap},
                      {"DescendantFonts", R::kArrayOf, K::kFont},
                      {"CIDSystemInfo", R::kChild, K::kCidSystemInfo},
                      {"CIDToGIDMap", R::kNameOrChild, K::kContent},
                      {"CharProcs", R::kChild, K::kCharProcs}, {"Resources", R::kResources}});
  t[K::kFontDescriptor] =
      Join(Plain({"Type", "FontStretch", "FontWeight", "Flags", "FontBBox", "ItalicAngle",
                  "Ascent", "Descent", "Leading", "CapHeight", "XHeight", "StemV", "StemH", "AvgWidth",
                  "MaxWidth", "MissingWidth"}),
           {{"FontName", R::kFontName}, {"FontFile", R::kChild, K::kFontFile}, {"FontFile2", R::kChild, K::kFontFile},
            {"FontFile3", R::kChild, K::kFontFile}, {"CIDSet", R::kChild, K::kContent}});
  t[K::kFontFile] = Plain({"Length1", "Length2", "Length3", "Subtype"});
  t[K::kCMap] = Join(Plain({"Type", "BaseEncoding", "Differences", "CMapName", "WMode"}),
                     {{"CIDSystemInfo", R::kChild, K::kCidSystemInfo},
                      {"UseCMap", R::kNameOrChild, K::kCMap}});
  t[K::kCidSystemInfo] = {{"Registry", R::kKnownText}, {"Ordering", R::kKnownText},
                          {"Supplement", R::kPlain}};
  t[K::kCharProcs] = {{"*", R::kChild, K::kContent}};
  t[K::kImage] = Join(Plain({"Type", "Subtype", "Width", "Height", "BitsPerComponent", "Intent",
                             "ImageMask", "Decode", "Interpolate", "SMaskInData", "Matte"}),
                      {{"ColorSpace", R::kColorSpace}, {"Mask", R::kPlainOrChild, K::kImage},
                       {"SMask", R::kChild, K::kImage}, {"OC", R::kChild, K::kOc}});
  t[K::kForm] = Join(Plain({"Type", "Subtype", "FormType", "BBox", "Matrix"}),
                     {{"Resources", R::kResources}, {"Group", R::kChild, K::kGroup},
                      {"OC", R::kChild, K::kOc}});
  t[K::kPattern] = Join(Plain({"Type", "PatternType", "PaintType", "TilingType", "BBox", "XStep", "YStep",
                               "Matrix"}),
                        {{"Resources", R::kResources}, {"Shading", R::kChild, K::kShading},
                         {"ExtGState", R::kChild, K::kExtGState}});
  t[K::kShading] = Join(Plain({"Type", "ShadingType", "Background", "BBox", "AntiAlias", "Coords", "Domain",
                               "Extend", "Matrix", "Decode", "BitsPerCoordinate", "BitsPerComponent",
                               "BitsPerFlag", "VerticesPerRow"}),
                        {{"ColorSpace", R::kColorSpace}, {"Function", R::kFunctions}});
  t[K::kFunction] = Join(Plain({"FunctionType", "Domain", "Range", "Size", "BitsPerSample", "Order",
                                "Encode", "Decode", "C0", "C1", "N", "Bounds"}),
                         {{"Functions", R::kFunctions}});
  t[K::kExtGState] = Join(Plain({"Type", "LW", "LC", "LJ", "ML", "D", "RI", "OP", "op", "OPM", "FL", "SM",
                                 "SA", "BM", "CA", "ca", "AIS", "TK", "UseBlackPtComp", "HTO"}),
                          {{"BG", R::kFunctions}, {"BG2", R::kFunctions}, {"UCR", R::kFunctions},
                           {"UCR2", R::kFunctions}, {"TR", R::kFunctions}, {"TR2", R::kFunctions},
                           {"SMask", R::kNameOrChild, K::kSoftMask}});
  t[K::kSoftMask] = Join(Plain({"Type", "S", "BC"}),
                         {{"G", R::kChild, K::kForm}, {"TR", R::kFunctions}});
  t[K::kGroup] = Join(Plain({"Type", "S", "I", "K"}), {{"CS", R::kColorSpace}});
  t[K::kIcc] = Join(Plain({"N", "Range"}), {{"Alternate", R::kColorSpace}});
  t[K::kOutlines] = Join(Plain({"Type", "Count"}), {{"First", R::kChild, K::kOutlineItem},
                                                    {"Last", R::kChild, K::kOutlineItem}});
  t[K::kOutlineItem] = Join(Plain({"Type", "Count", "C", "F"}),
                            {{"Title", R::kText}, {"Parent", R::kKeep},
                             {"Prev", R::kChild, K::kOutlineItem}, {"Next", R::kChild, K::kOutlineItem},
                             {"First", R::kChild, K::kOutlineItem}, {"Last", R::kChild, K::kOutlineItem},
                             {"Dest", R::kDest}, {"A", R::kChild, K::kAction}});
  // /S is checked by the walker (GoTo and URI only); /Next never survives.
  t[K::kAction] = Join(Plain({"Type", "S", "IsMap"}), {{"D", R::kDest}, {"URI", R::kText}});
  t[K::kAnnot] = AnnotOrField();
  t[K::kAppearance] = {{"N", R::kChild, K::kAppearanceStates}, {"R", R::kChild, K::kAppearanceStates},
                       {"D", R::kChild, K::kAppearanceStates}};
  t[K::kAppearanceStates] = {{"*", R::kChild, K::kForm}};
  t[K::kMk] = Plain({"R", "BC", "BG", "TP", "IF"});
  t[K::kBorder] = Plain({"Type", "W", "S", "D"});
  t[K::kAcroForm] = Join(Plain({"NeedAppearances", "SigFlags", "Q"}),
                         {{"Fields", R::kArrayOf, K::kAnnot}, {"CO", R::kArrayOf, K::kAnnot},
                          {"DR", R::kResources}, {"DA", R::kDa}});
  // /Name is replaced by the walker ("Layer N").
  t[K::kOc] = Join(Plain({"Type", "Intent", "P"}), {{"Name", R::kKeep}, {"OCGs", R::kOcRefs},
                                                    {"VE", R::kOcRefs}});
  return t;
}

}  // namespace

const std::vector<KeyRule>& RulesFor(Kind kind) {
  static const std::map<Kind, std::vector<KeyRule>> tables = Tables();
  static const std::vector<KeyRule> none;
  auto it = tables.find(kind);
  return it == tables.end() ? none : it->second;
}

bool ReportableKey(std::string_view key) {
  static const std::set<std::string, std::less<>> known{
      "AA", "AF", "OPI", "Alternates", "Metadata", "PieceInfo", "Thumb", "LastModified", "StructParent",
      "StructParents", "ID", "Info", "Lang", "Names", "Dests", "Next", "URI", "Threads", "B", "Dur",
      "PZ", "SeparationInfo", "VP", "Measure", "PtData", "Ref", "Name", "FontFamily", "Style", "CharSet",
      "Lang", "CreationDate", "M", "State", "StateModel", "CA", "RC", "AC", "I", "RI", "IX", "Usage",
      "Configs", "Creator", "Font", "HT", "FD", "Collection", "Legal", "Perms", "SpiderInfo", "Version",
      "Extensions", "NeedsRendering", "DSS", "Requirements", "OpenAction", "MarkInfo", "StructTreeRoot",
      "Outlines", "AcroForm", "XFA", "V", "DV", "Contents", "T", "JS", "F", "FS", "D", "Win", "Mac", "Unix",
      "NewWindow", "EF", "RF", "Desc", "UF", "Subj", "NM", "TU", "TM", "Opt", "DR", "DA", "MK", "Popup",
      "Parent", "IRT", "Dest", "A", "P", "Rect", "Annots", "Resources", "Group", "Tabs", "Trans",
      "Encrypt", "Root", "Size", "Prev", "XRefStm", "DecodeParms", "Filter", "Length", "DL", "FFilter",
      "FDecodeParms", "Mask", "SMask", "OC", "Intent", "Title", "Author", "Subject", "Keywords",
      "Producer", "ModDate", "Trapped", "ExData", "GoToRemote"};
  return known.count(key) > 0;
}

}  // namespace redact::allow
