#include "pdf/cmap.h"

#include <algorithm>
#include <iterator>

#include "pdf/content_parser.h"

namespace redact::pdf {
namespace {

uint32_t BytesToCode(std::string_view s) {
  uint32_t v = 0;
  for (size_t i = 0; i < s.size() && i < 4; ++i) {
    v = (v << 8) | static_cast<uint8_t>(s[i]);
  }
  return v;
}

// Ranges whose span is at most this are expanded into the char map for
// speed; larger ones stay ranges.
constexpr uint32_t kExpandLimit = 256;

}  // namespace

void AppendUtf8(char32_t cp, std::string* out) {
  if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

std::optional<std::string> Utf16BeToUtf8(std::string_view s) {
  if (s.size() % 2 != 0) return std::nullopt;
  std::string out;
  for (size_t i = 0; i < s.size(); i += 2) {
    char32_t u = (static_cast<uint8_t>(s[i]) << 8) | static_cast<uint8_t>(s[i + 1]);
    if (u >= 0xD800 && u <= 0xDBFF) {
      if (i + 3 >= s.size()) return std::nullopt;
      char32_t lo = (static_cast<uint8_t>(s[i + 2]) << 8) |
                    static_cast<uint8_t>(s[i + 3]);
      if (lo < 0xDC00 || lo > 0xDFFF) return std::nullopt;
      u = 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00);
      i += 2;
    } else if (u >= 0xDC00 && u <= 0xDFFF) {
      return std::nullopt;
    }
    AppendUtf8(u, &out);
  }
  return out;
}

CMap CMap::Identity(bool vertical) {
  CMap m;
  m.identity_ = true;
  m.vertical_ = vertical;
  m.codespace_.push_back({2, {0, 0}, {0xFF, 0xFF}});
  return m;
}

void CMap::AddCodespace(const std::string& lo, const std::string& hi) {
  if (lo.empty() || lo.size() != hi.size() || lo.size() > 4) {
    ++problems_;
    return;
  }
  CodespaceRange r{static_cast<int>(lo.size()), {}, {}};
  for (size_t i = 0; i < lo.size(); ++i) {
    r.lo[i] = static_cast<uint8_t>(lo[i]);
    r.hi[i] = static_cast<uint8_t>(hi[i]);
  }
  codespace_.push_back(r);
}

void CMap::AddUnicodeChar(const std::string& src, const std::string& dst) {
  if (src.empty() || src.size() > 4) {
    ++problems_;
    return;
  }
  std::optional<std::string> text = Utf16BeToUtf8(dst);
  if (!text) {
    ++problems_;
    return;
  }
  unicode_chars_[BytesToCode(src)] = std::move(*text);
}

void CMap::AddUnicodeRange(uint32_t lo, uint32_t hi, const std::string& dst) {
  if (dst.size() < 2 || dst.size() % 2 != 0) {
    ++problems_;
    return;
  }
  std::u16string first;
  for (size_t i = 0; i < dst.size(); i += 2) {
    first.push_back(static_cast<char16_t>((static_cast<uint8_t>(dst[i]) << 8) |
                                          static_cast<uint8_t>(dst[i + 1])));
  }
  if (hi - lo < kExpandLimit) {
    for (uint32_t c = lo;; ++c) {
      std::u16string t = first;
      t.back() = static_cast<char16_t>(t.back() + (c - lo));
      std::string bytes;
      for (char16_t u : t) {
        bytes.push_back(static_cast<char>(u >> 8));
        bytes.push_back(static_cast<char>(u & 0xFF));
      }
      if (auto text = Utf16BeToUtf8(bytes)) unicode_chars_[c] = std::move(*text);
      if (c == hi) break;
    }
    return;
  }
  unicode_ranges_.push_back({lo, hi, std::move(first), {}});
}

CMap CMap::Parse(std::string_view data) {
  CMap m;
  ParsedContent parsed = ParseContent(data);
  for (const Operation& op : parsed.ops) {
    const std::vector<Operand>& a = op.operands;
    if (op.op == "endcodespacerange") {
      for (size_t i = 0; i + 1 < a.size(); i += 2) {
        if (!a[i].is_string() || !a[i + 1].is_string()) {
          ++m.problems_;
          continue;
        }
        m.AddCodespace(a[i].value, a[i + 1].value);
      }
    } else if (op.op == "endbfchar") {
      for (size_t i = 0; i + 1 < a.size(); i += 2) {
        if (!a[i].is_string()) {
          ++m.problems_;
          continue;
        }
        if (a[i + 1].is_string()) {
          m.AddUnicodeChar(a[i].value, a[i + 1].value);
        } else {
          ++m.problems_;  // a glyph-name target: rare, not trusted
        }
      }
    } else if (op.op == "endbfrange") {
      for (size_t i = 0; i + 2 < a.size(); i += 3) {
        if (!a[i].is_string() || !a[i + 1].is_string() || a[i].value.empty() ||
            a[i].value.size() > 4) {
          ++m.problems_;
          continue;
        }
        const uint32_t lo = BytesToCode(a[i].value);
        const uint32_t hi = BytesToCode(a[i + 1].value);
        if (hi < lo) {
          ++m.problems_;
          continue;
        }
        if (a[i + 2].is_string()) {
          m.AddUnicodeRange(lo, hi, a[i + 2].value);
        } else if (a[i + 2].is_array()) {
          const auto& items = a[i + 2].items;
          for (size_t k = 0; k < items.size() && lo + k <= hi; ++k) {
            if (!items[k].is_string()) {
              ++m.problems_;
              continue;
            }
            std::string src;
            uint32_t code = lo + static_cast<uint32_t>(k);
            for (int b = static_cast<int>(a[i].value.size()) - 1; b >= 0; --b) {
              src.push_back(static_cast<char>((code >> (8 * b)) & 0xFF));
            }
            m.AddUnicodeChar(src, items[k].value);
          }
        } else {
          ++m.problems_;
        }
      }
    } else if (op.op == "endcidchar") {
      for (size_t i = 0; i + 1 < a.size(); i += 2) {
        if (!a[i].is_string() || !a[i + 1].is_number() || a[i + 1].number < 0) {
          ++m.problems_;
          continue;
        }
        m.cid_chars_[BytesToCode(a[i].value)] =
            static_cast<uint32_t>(a[i + 1].number);
      }
    } else if (op.op == "endcidrange") {
      for (size_t i = 0; i + 2 < a.size(); i += 3) {
        if (!a[i].is_string() || !a[i + 1].is_string() ||
            !a[i + 2].is_number() || a[i + 2].number < 0) {
          ++m.problems_;
          continue;
        }
        const uint32_t lo = BytesToCode(a[i].value);
        const uint32_t hi = BytesToCode(a[i + 1].value);
        if (hi < lo) {
          ++m.problems_;
          continue;
        }
        m.cid_ranges_.push_back({lo, hi, static_cast<uint32_t>(a[i + 2].number)});
      }
    } else if (op.op == "usecmap") {
      if (!a.empty() && a.back().is_name() &&
          (a.back().value == "Identity-H" || a.back().value == "Identity-V")) {
        m.identity_ = true;
        if (m.codespace_.empty()) m.codespace_.push_back({2, {0, 0}, {0xFF, 0xFF}});
      } else if (!a.empty() && a.back().is_name()) {
        m.used_cmap_ = a.back().value;  // resolved by the caller (SetParent)
      } else {
        ++m.problems_;
      }
    } else if (op.op == "def") {
      if (a.size() >= 2 && a[a.size() - 2].is_name() &&
          a[a.size() - 2].value == "WMode" && a.back().is_number()) {
        m.vertical_ = a.back().number == 1;
      }
    }
  }
  m.IndexCidRanges();
  return m;
}

void CMap::IndexCidRanges() {
  std::vector<CidRange> sorted = cid_ranges_;
  std::stable_sort(sorted.begin(), sorted.end(),
                   [](const CidRange& a, const CidRange& b) { return a.lo < b.lo; });
  for (size_t i = 1; i < sorted.size(); ++i) {
    if (sorted[i].lo <= sorted[i - 1].hi) return;  // overlapping: file order decides
  }
  cid_ranges_ = std::move(sorted);
  cid_ranges_sorted_ = true;
}

void CMap::SetParent(std::shared_ptr<const CMap> parent) {
  if (parent && codespace_.empty()) codespace_ = parent->codespace_;
  parent_ = std::move(parent);
}

CMap::Code CMap::NextCode(std::string_view bytes, bool two_byte_default) const {
  if (codespace_.empty()) {
    const int n = (two_byte_default && bytes.size() >= 2) ? 2 : 1;
    return {BytesToCode(bytes.substr(0, n)), n, true};
  }
  for (int len = 1; len <= 4 && len <= static_cast<int>(bytes.size()); ++len) {
    for (const CodespaceRange& r : codespace_) {
      if (r.length != len) continue;
      bool match = true;
      for (int i = 0; i < len && match; ++i) {
        const uint8_t b = static_cast<uint8_t>(bytes[i]);
        match = b >= r.lo[i] && b <= r.hi[i];
      }
      if (match) return {BytesToCode(bytes.substr(0, len)), len, true};
    }
  }
  // No range matched: consume the shortest declared length, flagged.
  int shortest = 4;
  for (const CodespaceRange& r : codespace_) shortest = std::min(shortest, r.length);
  shortest = std::min<int>(shortest, static_cast<int>(bytes.size()));
  return {BytesToCode(bytes.substr(0, shortest)), shortest, false};
}

std::optional<std::string> CMap::LookupUnicode(uint32_t code) const {
  if (auto it = unicode_chars_.find(code); it != unicode_chars_.end()) {
    return it->second;
  }
  for (const UnicodeRange& r : unicode_ranges_) {
    if (code < r.lo || code > r.hi) continue;
    std::u16string t = r.first;
    t.back() = static_cast<char16_t>(t.back() + (code - r.lo));
    std::string bytes;
    for (char16_t u : t) {
      bytes.push_back(static_cast<char>(u >> 8));
      bytes.push_back(static_cast<char>(u & 0xFF));
    }
    return Utf16BeToUtf8(bytes);
  }
  return std::nullopt;
}

std::optional<uint32_t> CMap::OwnCid(uint32_t code) const {
  if (auto it = cid_chars_.find(code); it != cid_chars_.end()) return it->second;
  if (cid_ranges_sorted_) {
    auto it = std::upper_bound(cid_ranges_.begin(), cid_ranges_.end(), code,
                               [](uint32_t c, const CidRange& r) { return c < r.lo; });
    if (it != cid_ranges_.begin() && code <= std::prev(it)->hi) {
      return std::prev(it)->cid + (code - std::prev(it)->lo);
    }
    return std::nullopt;
  }
  for (const CidRange& r : cid_ranges_) {
    if (code >= r.lo && code <= r.hi) return r.cid + (code - r.lo);
  }
  return std::nullopt;
}

std::optional<uint32_t> CMap::LookupCid(uint32_t code) const {
  if (identity_ && cid_chars_.empty() && cid_ranges_.empty() && !parent_) return code;
  if (std::optional<uint32_t> cid = OwnCid(code)) return cid;
  if (parent_) {
    if (std::optional<uint32_t> cid = parent_->LookupCid(code)) return cid;
  }
  if (identity_) return code;
  return std::nullopt;
}

std::vector<char32_t> CodePointsOfUtf8(std::string_view s) {
  std::vector<char32_t> out;
  for (size_t i = 0; i < s.size();) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    const int len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    if (len == 0 || i + static_cast<size_t>(len) > s.size()) {
      out.push_back(0xFFFD);
      ++i;
      continue;
    }
    char32_t cp = len == 1 ? c : c & (0x7F >> len);
    for (int k = 1; k < len; ++k) cp = cp << 6 | (static_cast<unsigned char>(s[i + static_cast<size_t>(k)]) & 0x3F);
    out.push_back(cp);
    i += static_cast<size_t>(len);
  }
  return out;
}

namespace {

std::string Hex(uint32_t value, int bytes) {
  static const char kDigits[] = "0123456789ABCDEF";
  std::string out = "<";
  for (int i = bytes - 1; i >= 0; --i) {
    const uint32_t b = (value >> (8 * i)) & 0xFF;
    out += kDigits[b >> 4];
    out += kDigits[b & 15];
  }
  return out + ">";
}

// UTF-8 text as a hex string of its UTF-16BE units (surrogate pairs for
// astral code points; invalid bytes as U+FFFD).
std::string Utf16Hex(std::string_view utf8) {
  std::string out = "<";
  auto unit = [&](uint32_t u) {
    static const char kDigits[] = "0123456789ABCDEF";
    for (int shift = 12; shift >= 0; shift -= 4) out += kDigits[(u >> shift) & 15];
  };
  for (char32_t c : CodePointsOfUtf8(utf8)) {
    uint32_t cp = c;
    if (cp >= 0x10000) {
      cp -= 0x10000;
      unit(0xD800 + (cp >> 10));
      unit(0xDC00 + (cp & 0x3FF));
    } else {
      unit(cp);
    }
  }
  return out + ">";
}

std::string Utf16ToUtf8(const std::u16string& units) {
  std::string bytes;
  for (char16_t u : units) {
    bytes.push_back(static_cast<char>(u >> 8));
    bytes.push_back(static_cast<char>(u & 0xFF));
  }
  return Utf16BeToUtf8(bytes).value_or("");
}

}  // namespace

bool CMap::EveryUnicode(const std::function<bool(std::string_view)>& keep) const {
  for (const auto& [code, text] : unicode_chars_) {
    if (!keep(text)) return false;
  }
  for (const UnicodeRange& r : unicode_ranges_) {
    if (!keep(Utf16ToUtf8(r.first))) return false;
  }
  return true;
}

std::string CMap::ToUnicodeProgram(int default_bytes, const std::function<bool(std::string_view)>& keep,
                                   size_t* dropped) const {
  auto bytes_of = [&](uint32_t code) {
    for (const CodespaceRange& r : codespace_) {
      bool inside = r.length == 4 || code < (uint32_t{1} << (8 * r.length));
      for (int i = 0; i < r.length && inside; ++i) {
        const uint8_t b = static_cast<uint8_t>(code >> (8 * (r.length - 1 - i)));
        inside = b >= r.lo[i] && b <= r.hi[i];
      }
      if (inside) return r.length;
    }
    return default_bytes;
  };
  std::vector<std::pair<uint32_t, const std::string*>> chars;
  for (const auto& [code, text] : unicode_chars_) {
    if (keep(text)) chars.push_back({code, &text});
    else if (dropped) ++*dropped;
  }
  std::sort(chars.begin(), chars.end());
  std::string out =
      "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
      "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
      "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n";
  if (!codespace_.empty()) {
    out += std::to_string(codespace_.size()) + " begincodespacerange\n";
    for (const CodespaceRange& r : codespace_) {
      uint32_t lo = 0, hi = 0;
      for (int i = 0; i < r.length; ++i) lo = lo << 8 | r.lo[i], hi = hi << 8 | r.hi[i];
      out += Hex(lo, r.length) + " " + Hex(hi, r.length) + "\n";
    }
    out += "endcodespacerange\n";
  } else {
    out += "1 begincodespacerange\n" + Hex(0, default_bytes) + " " +
           Hex(default_bytes >= 4 ? 0xFFFFFFFFu : (uint32_t{1} << (8 * default_bytes)) - 1, default_bytes) +
           "\nendcodespacerange\n";
  }
  for (size_t from = 0; from < chars.size(); from += 100) {
    const size_t n = std::min<size_t>(100, chars.size() - from);
    out += std::to_string(n) + " beginbfchar\n";
    for (size_t k = from; k < from + n; ++k) {
      out += Hex(chars[k].first, bytes_of(chars[k].first)) + " " + Utf16Hex(*chars[k].second) + "\n";
    }
    out += "endbfchar\n";
  }
  for (const UnicodeRange& r : unicode_ranges_) {
    if (!keep(Utf16ToUtf8(r.first))) {
      if (dropped) ++*dropped;
      continue;
    }
    const int b = bytes_of(r.lo);
    std::string first;
    for (char16_t u : r.first) first += Hex(u, 2).substr(1, 4);
    out += "1 beginbfrange\n" + Hex(r.lo, b) + " " + Hex(r.hi, b) + " <" + first + ">\nendbfrange\n";
  }
  out += "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
  return out;
}

}  // namespace redact::pdf
