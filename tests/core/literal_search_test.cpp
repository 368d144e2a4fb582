#include "core/literal_search.h"

#include <random>
#include <set>
#include <utility>

#include <gtest/gtest.h>

namespace redact {
namespace {

// Every (pattern, begin) the way std::string::find sees it.
std::set<std::pair<size_t, size_t>> ByFind(const std::vector<std::string>& patterns, const std::string& text) {
  std::set<std::pair<size_t, size_t>> out;
  for (size_t k = 0; k < patterns.size(); ++k) {
    if (patterns[k].empty()) continue;
    for (size_t p = text.find(patterns[k]); p != std::string::npos; p = text.find(patterns[k], p + 1)) out.insert({k, p});
  }
  return out;
}

std::set<std::pair<size_t, size_t>> ByAutomaton(const std::vector<std::string>& patterns, const std::string& text) {
  std::set<std::pair<size_t, size_t>> out;
  LiteralSearch search(patterns);
  search.ForEach(text, [&](size_t k, size_t begin) { EXPECT_TRUE(out.insert({k, begin}).second); });
  return out;
}

TEST(LiteralSearch, FindsOverlappingNestedAndRepeatedPatterns) {
  const std::vector<std::string> patterns = {"he", "she", "his", "hers", "", "she", "A201234567", "1234"};
  const std::string text = "ushers said his A201234567 and she";
  EXPECT_EQ(ByAutomaton(patterns, text), ByFind(patterns, text));
  const std::vector<bool> present = LiteralSearch(patterns).Present(text);
  EXPECT_TRUE(present[1] && present[5] && present[6] && present[7]);
  EXPECT_FALSE(present[4]);  // the empty pattern never matches
}

TEST(LiteralSearch, NoPatternsAndNoTextFindNothing) {
  EXPECT_EQ(ByAutomaton({}, "anything"), (std::set<std::pair<size_t, size_t>>{}));
  EXPECT_EQ(ByAutomaton({"abc"}, ""), (std::set<std::pair<size_t, size_t>>{}));
}

TEST(LiteralSearch, AgreesWithFindOnRandomTextsOverASmallAlphabet) {
  // A small alphabet makes overlaps and failure chains common; bytes
  // above 0x7f are UTF-8 and hex digests alike.
  std::mt19937 rng(7);
  const std::string alphabet = "ab\xc3\xa9 1";
  auto random_string = [&](size_t max) {
    std::string s(rng() % (max + 1), ' ');
    for (char& c : s) c = alphabet[rng() % alphabet.size()];
    return s;
  };
  for (int round = 0; round < 200; ++round) {
    std::vector<std::string> patterns;
    for (size_t k = 0, n = rng() % 12; k < n; ++k) patterns.push_back(random_string(6));
    const std::string text = random_string(300);
    ASSERT_EQ(ByAutomaton(patterns, text), ByFind(patterns, text)) << "round " << round;
  }
}

}  // namespace
}  // namespace redact
