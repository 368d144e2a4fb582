// A list of ints that is nearly always empty, in the room of one pointer.
//
// A long document holds hundreds of thousands of words, and each word keeps
// two such lists (the glyphs overprinted on it, its spacing accents) that
// almost no word fills: as std::vector they took 48 of a word's 168 bytes.
// IntList holds nothing until the first element arrives, then a vector on
// the heap. It reads like a vector (begin/end over contiguous ints, size,
// empty, push_back, insert at a position) and copies deeply.
//
// Thread-safety: as std::vector.
#ifndef REDACT_CORE_INT_LIST_H_
#define REDACT_CORE_INT_LIST_H_

#include <algorithm>
#include <cstddef>
#include <initializer_list>
#include <memory>
#include <vector>

namespace redact {

class IntList {
 public:
  IntList() = default;
  IntList(std::initializer_list<int> values) {
    if (values.size() > 0) v_ = std::make_unique<std::vector<int>>(values);
  }
  IntList(const IntList& other) : v_(other.empty() ? nullptr : std::make_unique<std::vector<int>>(*other.v_)) {}
  IntList& operator=(const IntList& other) {
    if (this != &other) v_ = other.empty() ? nullptr : std::make_unique<std::vector<int>>(*other.v_);
    return *this;
  }
  IntList(IntList&&) noexcept = default;
  IntList& operator=(IntList&&) noexcept = default;

  bool empty() const { return !v_ || v_->empty(); }
  size_t size() const { return v_ ? v_->size() : 0; }
  // Contiguous; null (an empty range) while nothing is held.
  const int* begin() const { return v_ ? v_->data() : nullptr; }
  const int* end() const { return v_ ? v_->data() + v_->size() : nullptr; }
  int* begin() { return v_ ? v_->data() : nullptr; }
  int* end() { return v_ ? v_->data() + v_->size() : nullptr; }
  int operator[](size_t i) const { return (*v_)[i]; }

  void push_back(int value) { Held().push_back(value); }
  // [first, last) before `at` (a position in this list, end() included).
  template <typename It>
  void insert(const int* at, It first, It last) {
    if (first == last) return;
    const std::ptrdiff_t offset = at ? at - begin() : 0;
    std::vector<int>& v = Held();
    v.insert(v.begin() + offset, first, last);
  }
  void clear() { v_.reset(); }

  friend bool operator==(const IntList& a, const IntList& b) {
    return std::equal(a.begin(), a.end(), b.begin(), b.end());
  }
  friend bool operator==(const IntList& a, const std::vector<int>& b) {
    return std::equal(a.begin(), a.end(), b.begin(), b.end());
  }

 private:
  std::vector<int>& Held() {
    if (!v_) v_ = std::make_unique<std::vector<int>>();
    return *v_;
  }
  std::unique_ptr<std::vector<int>> v_;
};

}  // namespace redact

#endif  // REDACT_CORE_INT_LIST_H_
