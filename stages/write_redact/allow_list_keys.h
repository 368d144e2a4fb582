// The allow-list itself: for each kind of dictionary redact writes, the
// keys it understands and what each key's value may be. One table, in
// allow_list_keys.cpp; the walker that applies it is allow_list.cpp.
//
// Contract of the table (read it before adding a key):
// - A key is listed only when redact knows what its value does and that it
//   cannot carry document text other than through a rule below.
// - kText keys hold strings that stages/inspect reads with the detector
//   (outline titles, annotation text, form values, the URI of a link's or
//   an outline item's own action). Adding a kText key without teaching
//   stages/inspect to read it would let an identifier through.
// - kPlain values are numbers, booleans, names, null, and arrays or
//   dictionaries of them (references to such arrays are followed); a
//   string or a reference to a dictionary or stream fails the check and
//   the key is dropped.
// - Every other rule names the kind its value is walked as.
// Stream dictionaries also keep /Length /Filter /DecodeParms /DL.
//
// Thread-safety: immutable tables.
#ifndef REDACT_STAGES_WRITE_REDACT_ALLOW_LIST_KEYS_H_
#define REDACT_STAGES_WRITE_REDACT_ALLOW_LIST_KEYS_H_

#include <string_view>
#include <vector>

namespace redact::allow {

enum class Kind {
  kCatalog, kPage, kContent, kResources, kFont, kFontDescriptor, kFontFile, kCMap,
  kCidSystemInfo, kXObject, kImage, kForm, kPattern, kShading, kFunction, kExtGState,
  kSoftMask, kGroup, kIcc, kOutlines, kOutlineItem, kAction, kAnnot, kAppearance,
  kAppearanceStates, kMk, kAcroForm, kOc, kCharProcs, kBorder
};

enum class Rule {
  kPlain,         // see above
  kText,          // a string (or name, number, array of them) inspect reads
  kDa,            // a default-appearance string: operators, no string operands
  kChild,         // a dictionary or stream walked as `child`
  kArrayOf,       // an array of `child` (an element that fails is removed)
  kNameOrChild,   // a name, or a `child`
  kPlainOrChild,  // plain, or a `child`
  kFunctions,     // a name, a function, or an array of functions
  kColorSpace,    // a colour space (name or array, see allow_list.cpp)
  kResources,     // the owner's resources, cut to what its content uses
  kDest,          // a destination: explicit, to a page in the output
  kPageRef,       // a reference to a page of the output
  kOcRefs,        // optional-content groups: references, arrays, names
  kKnownText,     // CIDSystemInfo Registry/Ordering: known values only
  kFontName,      // a font's name: kept when it reads as one (font_names.h), else replaced
  kToUnicode,     // a ToUnicode CMap: rebuilt without entries that are no glyph's text
  kKeep,          // rebuilt by the writer itself (the page tree)
};

struct KeyRule {
  std::string_view key;  // "*" matches any key (states, glyph procedures)
  Rule rule;
  Kind child = Kind::kCatalog;
};

// The rules of `kind` (empty for a kind whose keys are all dropped).
const std::vector<KeyRule>& RulesFor(Kind kind);

// Whether `key` names a key of ISO 32000 that may be reported by name when
// dropped ("key:/AA"); any other key is counted as "unknown_keys", since a
// private key's name is the document's text.
bool ReportableKey(std::string_view key);

}  // namespace redact::allow

#endif  // REDACT_STAGES_WRITE_REDACT_ALLOW_LIST_KEYS_H_
