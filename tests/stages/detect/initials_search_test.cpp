// InitialsSearch skips text that holds no two initials in a row, and gives
// exactly the matches RE2::FindAndConsume gives over the whole text: on the
// evaluation texts and on random strings of the characters that matter
// (capitals and small letters, ASCII and accented, periods, spaces, tabs,
// line breaks, digits).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "stages/detect/initials_search.h"

namespace redact {
namespace {

namespace fs = std::filesystem;

// The two initials patterns the detector uses (layout.cpp, short_forms.cpp).
const char* const kPatterns[] = {
    R"((?:^|[^\p{L}\p{N}.])((?:\p{Lu}\.[ \t]?){2,4}))",
    R"((?:^|[^\p{L}\p{N}.])((?:\p{Lu}\.[ \t]?){3,5}))",
};

// Each match's group as [begin, end) offsets.
using Spans = std::vector<std::pair<size_t, size_t>>;

Spans WithFindAndConsume(const RE2& re, const std::string& text) {
  Spans out;
  re2::StringPiece input(text), m;
  while (RE2::FindAndConsume(&input, re, &m)) {
    out.emplace_back(m.data() - text.data(), m.data() - text.data() + m.size());
  }
  return out;
}

Spans WithInitialsSearch(const RE2& re, const std::string& text) {
  Spans out;
  InitialsSearch search(re, text);
  re2::StringPiece m;
  while (search.Next(&m)) out.emplace_back(m.data() - text.data(), m.data() - text.data() + m.size());
  return out;
}

TEST(InitialsSearch, MatchesFindAndConsumeOnEvaluationTexts) {
  size_t texts = 0, matches = 0;
  for (const auto& e : fs::directory_iterator(fs::path(REDACT_SOURCE_DIR) / "tests/data/detect/eval")) {
    if (e.path().extension() != ".txt") continue;
    std::ifstream in(e.path());
    const std::string text((std::istreambuf_iterator<char>(in)), {});
    for (const char* p : kPatterns) {
      const RE2 re(p);
      ASSERT_TRUE(re.ok());
      const Spans expected = WithFindAndConsume(re, text);
      EXPECT_EQ(WithInitialsSearch(re, text), expected) << e.path().filename();
      matches += expected.size();
    }
    ++texts;
  }
  EXPECT_GT(texts, 0u);
  EXPECT_GT(matches, 0u);  // the texts do hold initials
}

TEST(InitialsSearch, MatchesFindAndConsumeOnRandomText) {
  const std::vector<std::string> pieces = {"A", "M", "Z", "a", "q", ".", ".", ".", " ", " ", "\t", "\n",
                                           "1", "\xC3\x89", "\xC3\xA9", "\xC5\x81", "\xE1\xBA\xA0", ",", "-"};
  std::mt19937 rng(20261205);
  std::uniform_int_distribution<size_t> pick(0, pieces.size() - 1);
  std::uniform_int_distribution<int> length(0, 80);
  const RE2 patterns[] = {RE2(kPatterns[0]), RE2(kPatterns[1])};
  size_t matches = 0;
  for (int round = 0; round < 20000; ++round) {
    std::string text;
    for (int n = length(rng); n > 0; --n) text += pieces[pick(rng)];
    for (const RE2& re : patterns) {
      const Spans expected = WithFindAndConsume(re, text);
      ASSERT_EQ(WithInitialsSearch(re, text), expected) << "text: " << text;
      matches += expected.size();
    }
  }
  EXPECT_GT(matches, 500u);  // (about 800 with this seed)
}

TEST(InitialsSearch, FindsInitialsFarFromEachOtherAndAtTheStart) {
  const RE2 re(kPatterns[0]);
  const std::string text = "M.G.H. signed. " + std::string(200, 'x') + " then J. Á. M. and (É.A.R.) and U.S.";
  const Spans expected = WithFindAndConsume(re, text);
  ASSERT_EQ(expected.size(), 4u);
  EXPECT_EQ(WithInitialsSearch(re, text), expected);
}

}  // namespace
}  // namespace redact
