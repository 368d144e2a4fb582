// A glyph's text in 16 bytes. A document's glyphs are all held at once and
// are most of the memory a long document costs; nearly every glyph's text
// is one to four bytes of UTF-8 (a letter, a ligature's "ffi"), which a
// std::string holds in 32. GlyphText keeps up to 15 bytes inline and only a
// longer text (an /ActualText span given to one glyph) on the heap.
//
// A value type: copies are deep, moves leave the source empty. Reads go
// through std::string_view (implicit), so it compares, appends and hashes
// as a string does.
#ifndef REDACT_CORE_GLYPH_TEXT_H_
#define REDACT_CORE_GLYPH_TEXT_H_

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <ostream>
#include <string>
#include <string_view>

namespace redact {

class GlyphText {
 public:
  GlyphText() { Clear(); }
  GlyphText(std::string_view s) { Set(s); }  // NOLINT: a string is a text
  GlyphText(const char* s) { Set(s); }       // NOLINT
  GlyphText(const std::string& s) { Set(s); }  // NOLINT
  GlyphText(const GlyphText& o) { Set(o.view()); }
  GlyphText(GlyphText&& o) noexcept {
    std::memcpy(bytes_, o.bytes_, sizeof bytes_);
    o.Clear();
  }
  GlyphText& operator=(const GlyphText& o) {
    if (this != &o) Assign(o.view());
    return *this;
  }
  GlyphText& operator=(GlyphText&& o) noexcept {
    if (this != &o) {
      Release();
      std::memcpy(bytes_, o.bytes_, sizeof bytes_);
      o.Clear();
    }
    return *this;
  }
  GlyphText& operator=(std::string_view s) {
    Assign(s);
    return *this;
  }
  GlyphText& operator=(const char* s) { return *this = std::string_view(s); }
  GlyphText& operator=(const std::string& s) { return *this = std::string_view(s); }
  ~GlyphText() { Release(); }

  std::string_view view() const {
    if (on_heap()) return {heap_pointer(), heap_size()};
    return {bytes_, static_cast<size_t>(bytes_[kTag])};
  }
  operator std::string_view() const { return view(); }  // NOLINT: reads as a string
  const char* data() const { return view().data(); }
  size_t size() const { return view().size(); }
  bool empty() const { return size() == 0; }

  friend bool operator==(const GlyphText& a, const GlyphText& b) { return a.view() == b.view(); }
  friend bool operator==(const GlyphText& a, std::string_view b) { return a.view() == b; }
  friend bool operator==(const GlyphText& a, const char* b) { return a.view() == b; }
  friend bool operator==(const GlyphText& a, const std::string& b) { return a.view() == b; }
  friend std::ostream& operator<<(std::ostream& o, const GlyphText& t) { return o << t.view(); }

 private:
  static constexpr size_t kInline = 15;  // bytes_[15] holds the length
  static constexpr size_t kTag = 15;
  static constexpr char kHeap = 0x7f;    // the tag of a text on the heap

  bool on_heap() const { return bytes_[kTag] == kHeap; }
  const char* heap_pointer() const {
    const char* p;
    std::memcpy(&p, bytes_, sizeof p);
    return p;
  }
  size_t heap_size() const {
    uint32_t n;
    std::memcpy(&n, bytes_ + sizeof(char*), sizeof n);
    return n;
  }
  void Clear() {
    std::memset(bytes_, 0, sizeof bytes_);
  }
  void Release() {
    if (on_heap()) delete[] heap_pointer();
    Clear();
  }
  void Assign(std::string_view s) {
    // `s` may point into this text (a = a.view()): copy before releasing.
    GlyphText copy(s);
    *this = std::move(copy);
  }
  void Set(std::string_view s) {
    Clear();
    if (s.size() <= kInline) {
      std::memcpy(bytes_, s.data(), s.size());
      bytes_[kTag] = static_cast<char>(s.size());
      return;
    }
    const uint32_t n = static_cast<uint32_t>(s.size());
    char* p = new char[n];
    std::memcpy(p, s.data(), n);
    std::memcpy(bytes_, &p, sizeof p);
    std::memcpy(bytes_ + sizeof p, &n, sizeof n);
    bytes_[kTag] = kHeap;
  }

  char bytes_[16];
};

static_assert(sizeof(GlyphText) == 16);

}  // namespace redact

#endif  // REDACT_CORE_GLYPH_TEXT_H_
