// Many literal byte strings searched for in a text at once.
//
// Verification looks for every value the original held (thousands in a
// long filing) in every page, string and stream of the output. One
// `find` per value per page grows with pages × values; this automaton
// (Aho–Corasick) reads each text once, whatever the number of values.
//
//   LiteralSearch search({"maria lopez", "201234567"});
//   search.ForEach(text, [&](size_t pattern, size_t begin) { ... });
//
// Matching is exact, byte for byte (callers fold case and accents first).
// Empty patterns never match. A pattern given twice reports both indices.
// Thread-compatible: const methods may run concurrently.
#ifndef REDACT_CORE_LITERAL_SEARCH_H_
#define REDACT_CORE_LITERAL_SEARCH_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace redact {

class LiteralSearch {
 public:
  LiteralSearch() = default;
  explicit LiteralSearch(const std::vector<std::string>& patterns);

  size_t pattern_count() const { return lengths_.size(); }
  size_t pattern_length(size_t pattern) const { return lengths_[pattern]; }

  // Calls on_match(pattern, begin) for every occurrence of every pattern in
  // `text`, overlapping ones too, in order of their end; `begin` is the
  // byte offset where the occurrence starts.
  template <typename OnMatch>
  void ForEach(std::string_view text, OnMatch&& on_match) const {
    if (nodes_.empty()) return;
    int32_t state = 0;
    for (size_t i = 0; i < text.size(); ++i) {
      state = Next(state, static_cast<uint8_t>(text[i]));
      for (int32_t n = nodes_[static_cast<size_t>(state)].has_output ? state : nodes_[static_cast<size_t>(state)].output_link;
           n > 0; n = nodes_[static_cast<size_t>(n)].output_link) {
        for (int32_t p = nodes_[static_cast<size_t>(n)].first_pattern; p >= 0; p = next_same_[static_cast<size_t>(p)]) {
          on_match(static_cast<size_t>(p), i + 1 - lengths_[static_cast<size_t>(p)]);
        }
      }
    }
  }

  // present[k] is true when pattern k occurs in `text`.
  std::vector<bool> Present(std::string_view text) const;

 private:
  struct Node {
    int32_t first_child = -1;    // children: a list through next_sibling
    int32_t next_sibling = -1;
    int32_t fail = 0;            // longest proper suffix that is a node
    int32_t output_link = 0;     // nearest suffix node ending a pattern (0: none)
    int32_t first_pattern = -1;  // patterns ending here: a list through next_same_
    uint8_t byte = 0;
    bool has_output = false;
  };
  int32_t Child(int32_t node, uint8_t byte) const;
  int32_t Next(int32_t state, uint8_t byte) const;

  std::vector<Node> nodes_;
  std::array<int32_t, 256> root_{};  // the root's moves, every byte
  std::vector<size_t> lengths_;       // per pattern
  std::vector<int32_t> next_same_;    // per pattern
};

}  // namespace redact

#endif  // REDACT_CORE_LITERAL_SEARCH_H_
