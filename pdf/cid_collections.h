// Adobe's CJK character collections (Adobe-Japan1, -GB1, -CNS1, -Korea1)
// as Debian's poppler-data ships them, for Type0 fonts that carry no
// /ToUnicode (typically non-embedded CJK fonts): the predefined CMaps that
// turn a font's codes into CIDs (cMap/Adobe-<Ordering>/<Name>, PostScript
// CMap programs, possibly chained by usecmap), and each collection's
// CID → Unicode table (cidToUnicode/Adobe-<Ordering>: one hexadecimal
// code point per line, the line number being the CID). Poppler and mutool
// decode such text the same way.
//
// The tables are read from PopplerDataDir() at run time, never built in.
// When they are missing, nothing is found and the caller leaves the text
// undecodable, as it was before (fail closed). A CID whose table entry is
// 0 or absent has no text.
//
// Thread-safety: every function may be called from any thread. Tables are
// loaded lazily, each once per process and folder (a mutex guards the
// cache; a miss is remembered too), and the returned tables are immutable
// and live as long as the process.
#ifndef REDACT_PDF_CID_COLLECTIONS_H_
#define REDACT_PDF_CID_COLLECTIONS_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pdf/cmap.h"

namespace redact::pdf {

// The folder poppler-data's tables are read from: $REDACT_POPPLER_DATA when
// set and not empty, else /usr/share/poppler (Debian's poppler-data).
std::string PopplerDataDir();

// True when PopplerDataDir() holds a cidToUnicode folder (for
// `redact --version`; each table is still looked for on its own).
bool PopplerDataFound();

// "Japan1", "GB1", "CNS1" or "Korea1" when `registry` is "Adobe" and
// `ordering` is one of them; "" for every other collection (Identity ones
// included: their CIDs mean nothing without the font program).
std::string KnownCjkOrdering(std::string_view registry, std::string_view ordering);

// One collection's CID → Unicode table.
class CidToUnicode {
 public:
  // Parses the poppler-data format: line n (from 0) holds CID n's code
  // point in hexadecimal. A line that is not one (or is 0) maps nothing.
  static CidToUnicode Parse(std::string_view data);

  // The UTF-8 text of `cid`, nullopt when the table has none for it.
  std::optional<std::string> Lookup(uint32_t cid) const;
  size_t size() const { return table_.size(); }

 private:
  std::vector<char32_t> table_;  // 0: no text
};

// The CID → Unicode table of collection Adobe-<ordering> (ordering as
// KnownCjkOrdering returns it) from PopplerDataDir(); nullptr when the
// ordering is not one of the four or the file is missing or unreadable.
std::shared_ptr<const CidToUnicode> CollectionCidToUnicode(std::string_view ordering);

// The predefined CMap `name` of collection Adobe-<ordering> from
// PopplerDataDir(), with its usecmap chain resolved (at most 4 deep);
// nullptr when the ordering is not one of the four, the name is not a
// plain CMap name ([A-Za-z0-9._-], no ".."), or the file (or one it
// uses) is missing, unreadable or declares no codespace.
std::shared_ptr<const CMap> PredefinedCMap(std::string_view ordering, std::string_view name);

// The reason text for fonts left undecodable because the tables are
// missing: "poppler-data's Adobe-<ordering> tables are missing from DIR".
std::string MissingCollectionReason(std::string_view ordering);

}  // namespace redact::pdf

#endif  // REDACT_PDF_CID_COLLECTIONS_H_
