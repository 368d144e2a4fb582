#include "stages/assemble/packed_text.h"

#include <cstdint>
#include <cstring>
#include <string_view>
#include <utility>
#include <vector>

namespace redact {

// Every field of these is packed below: a new field must be too.
static_assert(sizeof(Word) == 104 && sizeof(Line) == 56 && sizeof(Block) == 56,
              "Word, Line or Block changed: pack and put back the new field in packed_text.cpp");

namespace {

class Writer {
 public:
  explicit Writer(std::string* out) : out_(out) {}
  void Unsigned(uint64_t v) {
    while (v >= 0x80) {
      out_->push_back(static_cast<char>((v & 0x7F) | 0x80));
      v >>= 7;
    }
    out_->push_back(static_cast<char>(v));
  }
  void Signed(int64_t v) { Unsigned((static_cast<uint64_t>(v) << 1) ^ static_cast<uint64_t>(v >> 63)); }
  template <typename T>
  void Raw(const T& v) {
    out_->append(reinterpret_cast<const char*>(&v), sizeof(T));
  }
  void Bytes(std::string_view s) {
    Unsigned(s.size());
    out_->append(s);
  }
  // Each element as its difference from the one before (indices mostly
  // climb by one).
  template <typename Range>
  void Deltas(const Range& r) {
    Unsigned(static_cast<uint64_t>(std::end(r) - std::begin(r)));
    int64_t last = 0;
    for (const auto v : r) Signed(static_cast<int64_t>(v) - last), last = v;
  }

 private:
  std::string* out_;
};

class Reader {
 public:
  explicit Reader(std::string_view in) : in_(in) {}
  uint64_t Unsigned() {
    uint64_t v = 0;
    for (int shift = 0;; shift += 7) {
      const auto byte = static_cast<uint8_t>(in_[at_++]);
      v |= static_cast<uint64_t>(byte & 0x7F) << shift;
      if (!(byte & 0x80)) return v;
    }
  }
  int64_t Signed() {
    const uint64_t u = Unsigned();
    return static_cast<int64_t>(u >> 1) ^ -static_cast<int64_t>(u & 1);
  }
  template <typename T>
  T Raw() {
    T v;
    std::memcpy(&v, in_.data() + at_, sizeof(T));
    at_ += sizeof(T);
    return v;
  }
  std::string Bytes() {
    const size_t n = Unsigned();
    std::string s(in_.substr(at_, n));
    at_ += n;
    return s;
  }
  template <typename Out>
  void Deltas(Out* out) {
    const size_t n = Unsigned();
    int64_t last = 0;
    for (size_t i = 0; i < n; ++i) {
      last += Signed();
      out->push_back(static_cast<int>(last));
    }
  }

 private:
  std::string_view in_;
  size_t at_ = 0;
};

// What a word holds beyond its glyphs and box (one byte of flags).
enum WordFlags : uint8_t {
  kOwnText = 1,  // its text is not its slice of the page text
  kDuplicates = 2,
  kAccents = 4,
  kRotated = 8,
};

void PackWord(const Word& w, std::string_view page_text, Writer* out) {
  const bool slice = w.text_begin <= w.text_end && w.text_end <= page_text.size() &&
                     page_text.substr(w.text_begin, w.text_end - w.text_begin) == w.text;
  const uint8_t flags = (slice ? 0 : kOwnText) | (w.duplicates.empty() ? 0 : kDuplicates) |
                        (w.accents.empty() ? 0 : kAccents) | (w.rotation == 0 ? 0 : kRotated);
  out->Raw(flags);
  out->Unsigned(w.text_begin);
  out->Unsigned(w.text_end);
  if (flags & kOwnText) out->Bytes(w.text);
  out->Deltas(w.glyphs);
  if (flags & kDuplicates) out->Deltas(w.duplicates);
  if (flags & kAccents) out->Deltas(w.accents);
  if (flags & kRotated) out->Signed(w.rotation);
  out->Raw(w.box);
  out->Raw(w.font_size);
}

Word UnpackWord(std::string_view page_text, Reader* in) {
  Word w;
  const auto flags = in->Raw<uint8_t>();
  w.text_begin = static_cast<uint32_t>(in->Unsigned());
  w.text_end = static_cast<uint32_t>(in->Unsigned());
  w.text = (flags & kOwnText) ? in->Bytes() : std::string(page_text.substr(w.text_begin, w.text_end - w.text_begin));
  in->Deltas(&w.glyphs);
  if (flags & kDuplicates) in->Deltas(&w.duplicates);
  if (flags & kAccents) in->Deltas(&w.accents);
  if (flags & kRotated) w.rotation = static_cast<int>(in->Signed());
  w.box = in->Raw<RectF>();
  w.font_size = in->Raw<float>();
  return w;
}

template <typename T>
void Release(T* v) {
  T().swap(*v);
}

}  // namespace

PackedText PackedText::Take(PageText* page) {
  PackedText packed;
  Writer out(&packed.bytes_);
  out.Bytes(page->text);
  out.Deltas(page->text_glyph);
  out.Unsigned(page->words.size());
  for (const Word& w : page->words) PackWord(w, page->text, &out);
  out.Unsigned(page->lines.size());
  for (const Line& l : page->lines) out.Deltas(l.words), out.Raw(l.box);
  out.Unsigned(page->blocks.size());
  for (const Block& b : page->blocks) out.Deltas(b.lines), out.Raw(b.box);
  packed.bytes_.shrink_to_fit();
  Release(&page->words), Release(&page->lines), Release(&page->blocks);
  Release(&page->text), Release(&page->text_glyph);
  return packed;
}

void PackedText::PutBack(PageText* page) {
  Reader in(bytes_);
  page->text = in.Bytes();
  page->text_glyph.clear();
  in.Deltas(&page->text_glyph);
  page->words.clear();
  const size_t words = in.Unsigned();
  page->words.reserve(words);
  for (size_t i = 0; i < words; ++i) page->words.push_back(UnpackWord(page->text, &in));
  page->lines.clear();
  page->lines.resize(in.Unsigned());
  for (Line& l : page->lines) in.Deltas(&l.words), l.box = in.Raw<Rect>();
  page->blocks.clear();
  page->blocks.resize(in.Unsigned());
  for (Block& b : page->blocks) in.Deltas(&b.lines), b.box = in.Raw<Rect>();
  page->text_glyph.shrink_to_fit();
  Release(&bytes_);
}

}  // namespace redact
