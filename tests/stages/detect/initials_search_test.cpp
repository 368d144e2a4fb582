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
  std::uniform_int_distribution<int> length(0, 240);  // past a search window (64 bytes)
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
  EXPECT_GT(matches, 1000u);
}

TEST(InitialsSearch, FindsInitialsFarFromEachOtherAndAtTheStart) {
  const RE2 re(kPatterns[0]);
  const std::string text = "M.G.H. signed. " + std::string(200, 'x') + " then J. Á. M. and (É.A.R.) and U.S.";
  const Spans expected = WithFindAndConsume(re, text);
  ASSERT_EQ(expected.size(), 4u);
  EXPECT_EQ(WithInitialsSearch(re, text), expected);
}

// A place that looks like initials but is none ("U.S." for three) is read
// in a window; initials far after it are still found.
TEST(InitialsSearch, APlaceThatIsNoMatchDoesNotHideALaterOne) {
  const RE2 three(kPatterns[1]);
  for (size_t gap : {0, 1, 20, 30, 40, 56, 60, 70, 200}) {
    const std::string text = "the U.S. " + std::string(gap, 'x') + " then M.Q.A. and E.U. x J.Á.M.Z.";
    const Spans expected = WithFindAndConsume(three, text);
    ASSERT_EQ(expected.size(), 2u) << gap;
    EXPECT_EQ(WithInitialsSearch(three, text), expected) << gap;
  }
  // Five accented initials (22 bytes) at every distance from it: each is
  // found whole, never cut short at a window's end.
  for (size_t gap = 0; gap < 80; ++gap) {
    const std::string text = "the U.S." + std::string(gap, 'x') + " \u00C1. \u00C9. \u0141. \u1EA0. \u00D3. end";
    const Spans expected = WithFindAndConsume(three, text);
    ASSERT_EQ(expected.size(), 1u) << gap;
    EXPECT_EQ(WithInitialsSearch(three, text), expected) << gap;
  }
}

}  // namespace
}  // namespace redact
