// CMaps: how a font's byte strings split into codes, and what each code
// means — Unicode text (a /ToUnicode CMap) or a CID (a Type0 /Encoding
// CMap). Handles codespacerange, bfchar, bfrange (with a destination string
// or an array), cidchar, cidrange, usecmap (Identity here; another CMap
// through SetParent, which pdf/cid_collections.h resolves from poppler-data),
// /WMode, multi-byte codes, UTF-16 surrogate pairs and multi-character
// targets (ligatures).
// PoDoFo's own parser gets most of these wrong (docs/PODOFO.md).
//
// Ranges are stored as ranges, never expanded, so a hostile CMap cannot make
// memory grow with the size of the ranges it declares.
//
// Thread-safety: immutable after Parse() (and SetParent, before it is
// shared); share freely across threads.
#ifndef REDACT_PDF_CMAP_H_
#define REDACT_PDF_CMAP_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace redact::pdf {

class CMap {
 public:
  // Parses CMap program text. Never fails: entries it cannot read are
  // skipped and counted in problems().
  static CMap Parse(std::string_view data);

  // Identity-H / Identity-V: 2-byte codes, CID = code.
  static CMap Identity(bool vertical);

  // The CMap a `/Name usecmap` other than Identity names, "" when none.
  // Parse cannot read it (it has no files); until SetParent gives it, the
  // codes only it maps stay unmapped.
  const std::string& used_cmap() const { return used_cmap_; }
  // Gives the CMap used_cmap() names: its codespace ranges serve when this
  // one declares none, and its CIDs serve codes this one does not map
  // (what this one declares wins, as usecmap comes first in the program).
  // Call before the CMap is shared.
  void SetParent(std::shared_ptr<const CMap> parent);

  // A code read from the front of a byte string.
  struct Code {
    uint32_t value = 0;
    int length = 1;            // bytes consumed, 1..4
    bool in_codespace = true;  // false: no codespace range matched
  };
  // Reads one code from the front of `bytes` (non-empty) using the
  // codespace ranges; without ranges, 2-byte codes (the Identity default)
  // when two_byte_default, else 1-byte.
  Code NextCode(std::string_view bytes, bool two_byte_default) const;

  // The UTF-8 text a ToUnicode CMap gives a code, or nullopt if unmapped.
  std::optional<std::string> LookupUnicode(uint32_t code) const;

  // The CID an encoding CMap gives a code, or nullopt if unmapped.
  std::optional<uint32_t> LookupCid(uint32_t code) const;

  // A ToUnicode CMap program (Adobe-Identity-UCS) holding this one's code →
  // text entries whose text `keep` accepts, and nothing else of the
  // original program: the writer's rebuild of a ToUnicode CMap it cannot
  // keep whole. A code is written in as many bytes as the codespace range
  // it falls in has, else `default_bytes`; a range whose first text is
  // refused goes whole. `dropped` (when not null) counts what was left out.
  std::string ToUnicodeProgram(int default_bytes, const std::function<bool(std::string_view)>& keep,
                               size_t* dropped) const;
  // Whether `keep` accepts every entry's text (ranges: their first).
  bool EveryUnicode(const std::function<bool(std::string_view)>& keep) const;

  bool has_codespace() const { return !codespace_.empty(); }
  bool vertical() const { return vertical_; }
  // Identity-H / Identity-V (CID = code).
  bool identity() const { return identity_; }
  int problems() const { return problems_; }
  size_t unicode_entry_count() const {
    return unicode_chars_.size() + unicode_ranges_.size();
  }

 private:
  struct CodespaceRange {
    int length;
    uint8_t lo[4];
    uint8_t hi[4];
  };
  struct UnicodeRange {
    uint32_t lo, hi;
    std::u16string first;               // destination of lo (incremented)
    std::vector<std::string> each;      // array form: UTF-8 per code
  };
  struct CidRange {
    uint32_t lo, hi, cid;
  };

  void AddCodespace(const std::string& lo, const std::string& hi);
  void AddUnicodeChar(const std::string& src, const std::string& dst_utf16);
  void AddUnicodeRange(uint32_t lo, uint32_t hi, const std::string& dst);
  void IndexCidRanges();
  std::optional<uint32_t> OwnCid(uint32_t code) const;

  std::vector<CodespaceRange> codespace_;
  std::unordered_map<uint32_t, std::string> unicode_chars_;
  std::vector<UnicodeRange> unicode_ranges_;
  std::unordered_map<uint32_t, uint32_t> cid_chars_;
  std::vector<CidRange> cid_ranges_;
  // Sorted by lo and disjoint (the predefined CMaps' thousands of ranges
  // are searched by bisection); otherwise in file order, first match wins.
  bool cid_ranges_sorted_ = false;
  std::string used_cmap_;
  std::shared_ptr<const CMap> parent_;
  bool vertical_ = false;
  bool identity_ = false;
  int problems_ = 0;
};

// UTF-16BE bytes to UTF-8. Returns nullopt on a lone surrogate or odd length.
std::optional<std::string> Utf16BeToUtf8(std::string_view utf16be);

// Appends the UTF-8 encoding of a code point (invalid ones as U+FFFD).
void AppendUtf8(char32_t cp, std::string* out);

// The code points of UTF-8 text (a byte that starts no valid sequence as
// U+FFFD).
std::vector<char32_t> CodePointsOfUtf8(std::string_view utf8);

}  // namespace redact::pdf

#endif  // REDACT_PDF_CMAP_H_
