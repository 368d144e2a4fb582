#include "core/literal_search.h"

#include <deque>

namespace redact {

int32_t LiteralSearch::Child(int32_t node, uint8_t byte) const {
  for (int32_t c = nodes_[static_cast<size_t>(node)].first_child; c >= 0; c = nodes_[static_cast<size_t>(c)].next_sibling) {
    if (nodes_[static_cast<size_t>(c)].byte == byte) return c;
  }
  return -1;
}

int32_t LiteralSearch::Next(int32_t state, uint8_t byte) const {
  while (state != 0) {
    if (const int32_t c = Child(state, byte); c >= 0) return c;
    state = nodes_[static_cast<size_t>(state)].fail;
  }
  return root_[byte];
}

LiteralSearch::LiteralSearch(const std::vector<std::string>& patterns) {
  nodes_.emplace_back();  // the root
  lengths_.reserve(patterns.size());
  next_same_.assign(patterns.size(), -1);
  // The trie.
  for (size_t k = 0; k < patterns.size(); ++k) {
    lengths_.push_back(patterns[k].size());
    if (patterns[k].empty()) continue;
    int32_t node = 0;
    for (unsigned char byte : patterns[k]) {
      int32_t child = Child(node, byte);
      if (child < 0) {
        child = static_cast<int32_t>(nodes_.size());
        Node n;
        n.byte = byte;
        n.next_sibling = nodes_[static_cast<size_t>(node)].first_child;
        nodes_.push_back(n);
        nodes_[static_cast<size_t>(node)].first_child = child;
      }
      node = child;
    }
    Node& end = nodes_[static_cast<size_t>(node)];
    next_same_[k] = end.first_pattern;
    end.first_pattern = static_cast<int32_t>(k);
    end.has_output = true;
  }
  // Failure and output links, breadth first: a node's links are set from
  // its parent's, which are final by then.
  root_.fill(0);
  std::deque<int32_t> queue;
  for (int32_t c = nodes_[0].first_child; c >= 0; c = nodes_[static_cast<size_t>(c)].next_sibling) {
    root_[nodes_[static_cast<size_t>(c)].byte] = c;
    queue.push_back(c);  // fail and output_link stay 0 (the root)
  }
  while (!queue.empty()) {
    const int32_t parent = queue.front();
    queue.pop_front();
    for (int32_t c = nodes_[static_cast<size_t>(parent)].first_child; c >= 0;
         c = nodes_[static_cast<size_t>(c)].next_sibling) {
      const int32_t fail = Next(nodes_[static_cast<size_t>(parent)].fail, nodes_[static_cast<size_t>(c)].byte);
      Node& n = nodes_[static_cast<size_t>(c)];
      n.fail = fail;
      n.output_link = nodes_[static_cast<size_t>(fail)].has_output ? fail : nodes_[static_cast<size_t>(fail)].output_link;
      queue.push_back(c);
    }
  }
}

std::vector<bool> LiteralSearch::Present(std::string_view text) const {
  std::vector<bool> present(lengths_.size(), false);
  ForEach(text, [&](size_t pattern, size_t) { present[pattern] = true; });
  return present;
}

}  // namespace redact
