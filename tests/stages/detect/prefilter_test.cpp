// The rules' prefilters (RuleSet::prefilter, cue_prefilter) only skip work:
// detection with them finds exactly what it finds with every rule and cue
// run on every page. And listed people's initials, now read from the page
// before anyone's initials are formed, are found as before.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <optional>
#include <tuple>

#include "stages/detect/detector.h"
#include "stages/detect/group_search.h"

namespace redact {
namespace {

namespace fs = std::filesystem;

RuleSet ShippedRules() {
  auto rules = LoadRulesDirectory(std::string(REDACT_SOURCE_DIR) + "/patterns");
  EXPECT_TRUE(rules.has_value()) << rules.error().ToString();
  return std::move(*rules);
}

// The evaluation texts without their labels, cut into pages of about 3 KB
// at line ends, and every rule's and cue's examples and near misses, each
// a page of its own.
std::vector<PageText> Corpus(const RuleSet& rules) {
  std::vector<std::string> texts;
  const fs::path dir = fs::path(REDACT_SOURCE_DIR) / "tests/data/detect/eval";
  for (const auto& e : fs::directory_iterator(dir)) {
    if (e.path().extension() != ".txt") continue;
    std::ifstream in(e.path());
    const std::string marked((std::istreambuf_iterator<char>(in)), {});
    std::string text;
    for (size_t i = 0; i < marked.size();) {
      if (marked.compare(i, 2, "[[") == 0 && marked.find('|', i) != std::string::npos) {
        i = marked.find('|', i) + 1;
      } else if (marked.compare(i, 2, "]]") == 0) {
        i += 2;
      } else {
        text += marked[i++];
      }
    }
    for (size_t at = 0; at < text.size();) {
      size_t end = text.find('\n', std::min(text.size(), at + 3000));
      end = end == std::string::npos ? text.size() : end + 1;
      texts.push_back(text.substr(at, end - at));
      at = end;
    }
  }
  for (const PatternRule& r : rules.rules) {
    texts.insert(texts.end(), r.examples.begin(), r.examples.end());
    texts.insert(texts.end(), r.near_misses.begin(), r.near_misses.end());
  }
  for (const NameCue& c : rules.name_cues) {
    texts.insert(texts.end(), c.examples.begin(), c.examples.end());
    texts.insert(texts.end(), c.near_misses.begin(), c.near_misses.end());
  }
  std::vector<PageText> pages;
  for (std::string& t : texts) {
    PageText& page = pages.emplace_back();
    page.number = static_cast<int>(pages.size());
    page.text = std::move(t);
    page.text_glyph.assign(page.text.size(), -1);
  }
  return pages;
}

using Key = std::tuple<int, size_t, size_t, std::string, std::string, std::string, std::string>;

std::vector<Key> Keys(const std::vector<Finding>& findings) {
  std::vector<Key> keys;
  for (const Finding& f : findings) keys.emplace_back(f.page, f.begin, f.end, f.category, f.rule, f.value, f.entity);
  std::sort(keys.begin(), keys.end());
  return keys;
}

std::optional<NamesIndex> EvalNames() {
  auto names = NamesIndex::LoadCsv(std::string(REDACT_SOURCE_DIR) + "/tests/data/detect/eval/names.csv");
  EXPECT_TRUE(names.has_value()) << names.error().ToString();
  return std::move(*names);
}

TEST(Prefilter, IsBuiltForTheShippedRules) {
  const RuleSet rules = ShippedRules();
  EXPECT_NE(rules.prefilter, nullptr);
  EXPECT_NE(rules.cue_prefilter, nullptr);
  // And the parts group_search.h splits a cue's match with.
  EXPECT_NE(rules.name_re, nullptr);
  for (const NameCue& c : rules.name_cues) EXPECT_NE(c.cue_re, nullptr) << c.id;
  size_t whole = 0;
  for (const PatternRule& r : rules.rules) whole += r.group_is_whole;
  EXPECT_GE(whole, 10u);
}

using Spans = std::vector<std::tuple<size_t, size_t, size_t, size_t>>;

// Every match in `text` and its group, each search starting one past the
// last match's start: (match begin, end, group begin, end; group begin
// SIZE_MAX when unset).
template <typename Find>
Spans AllMatches(const std::string& text, Find&& find) {
  Spans out;
  const re2::StringPiece in(text);
  re2::StringPiece whole, group;
  for (size_t pos = 0; pos <= text.size() && find(in, pos, &whole, &group);) {
    const size_t b = static_cast<size_t>(whole.data() - text.data());
    const size_t gb = group.data() ? static_cast<size_t>(group.data() - text.data()) : SIZE_MAX;
    out.emplace_back(b, b + whole.size(), gb, gb == SIZE_MAX ? 0 : gb + group.size());
    pos = b + 1;
  }
  return out;
}

// RE2's own submatch search: what detection ran before group_search.h.
auto Re2Search(const RE2& re, int group) {
  return [&re, group](re2::StringPiece in, size_t pos, re2::StringPiece* whole, re2::StringPiece* g) {
    std::vector<re2::StringPiece> m(static_cast<size_t>(group) + 1);
    if (!re.Match(in, pos, in.size(), RE2::UNANCHORED, m.data(), group + 1)) return false;
    *whole = m[0], *g = m[static_cast<size_t>(group)];
    return true;
  };
}

// The fast group search (a rule's group that is its whole match; a cue's
// match split into cue and name by their own DFAs) gives exactly RE2's
// submatch answer, on every evaluation text, example and near miss, and on
// texts where the split is not the parts' first choice.
TEST(GroupSearch, FindsExactlyWhatRe2SubmatchSearchFinds) {
  const RuleSet rules = ShippedRules();
  std::vector<std::string> texts;
  for (const PageText& p : Corpus(rules)) texts.push_back(p.text);
  for (const char* t : {"Plaintiff \nMaria Lopez filed.", "Plaintiff\t\n  Maria\nLopez", "SIGNED BY MARIA LOPEZ",
                        "Signed by: Ana Ruiz\nDate:", "MARIA LOPEZ, Petitioner,\nv.", "Declaration of Ana María de la Cruz",
                        "her son, Kevin Hernández-Núñez’s school", "FBI No. 123456AB7 and EOIR # A1B2C3D4E5F6G7"}) {
    texts.push_back(t);
  }
  size_t compared = 0;
  for (const std::string& text : texts) {
    for (const PatternRule& r : rules.rules) {
      auto fast = [&](re2::StringPiece in, size_t pos, re2::StringPiece* w, re2::StringPiece* g) {
        return FindWithGroup(*r.re, r.group, r.group_is_whole, in, pos, w, g);
      };
      const Spans a = AllMatches(text, fast);
      ASSERT_EQ(a, AllMatches(text, Re2Search(*r.re, r.group))) << r.id << " in: " << text;
      compared += a.size();
    }
    for (const NameCue& c : rules.name_cues) {
      auto fast = [&](re2::StringPiece in, size_t pos, re2::StringPiece* w, re2::StringPiece* g) {
        return c.after ? FindSplitGroup(*c.re, *rules.name_re, *c.cue_re, true, in, pos, w, g)
                       : FindSplitGroup(*c.re, *c.cue_re, *rules.name_re, false, in, pos, w, g);
      };
      const Spans a = AllMatches(text, fast);
      ASSERT_EQ(a, AllMatches(text, Re2Search(*c.re, 1))) << c.id << " in: " << text;
      compared += a.size();
    }
  }
  EXPECT_GT(compared, 500u);
}

TEST(GroupSearch, KnowsAGroupThatIsTheWholeMatch) {
  const RE2::Options options;
  EXPECT_TRUE(GroupIsWholeMatch(R"(\b(\d{3}-\d{2}-\d{4})\b)", 1, options));
  EXPECT_TRUE(GroupIsWholeMatch(R"(\b(a(?:b|c)\d)\b)", 1, options));
  EXPECT_FALSE(GroupIsWholeMatch(R"(\b(a)(b)\b)", 1, options));        // two groups
  EXPECT_FALSE(GroupIsWholeMatch(R"(\b(a)|(b)\b)", 1, options));       // "a)|(b" is no regex
  EXPECT_FALSE(GroupIsWholeMatch(R"(\b(a)\b|\b(b)\b)", 1, options));   // an alternation
  EXPECT_FALSE(GroupIsWholeMatch(R"((?:^|\D)(\d{9})(?:\D|$))", 1, options));
  EXPECT_FALSE(GroupIsWholeMatch(R"(\b(\d{9})\b)", 0, options));
}

TEST(Prefilter, DetectionFindsExactlyWhatEveryRuleRunEverywhereFinds) {
  RuleSet filtered = ShippedRules();
  RuleSet unfiltered = ShippedRules();
  unfiltered.prefilter.reset();
  unfiltered.cue_prefilter.reset();
  const std::vector<PageText> pages = Corpus(filtered);
  ASSERT_GT(pages.size(), 100u);
  const Detector with(std::move(filtered), EvalNames(), Policy{});
  const Detector without(std::move(unfiltered), EvalNames(), Policy{});
  const std::vector<Key> a = Keys(with.DetectDocument(pages)), b = Keys(without.DetectDocument(pages));
  EXPECT_GT(a.size(), 200u);
  EXPECT_EQ(a, b);
}

// A rule or cue that matches nowhere on a page finds nothing there, and one
// that matches on the next page still does (the prefilter is per page).
TEST(Prefilter, ARuleSkippedOnOnePageStillRunsOnTheNext) {
  const Detector d(ShippedRules(), std::nullopt, Policy{});
  std::vector<PageText> pages(2);
  pages[0].number = 1, pages[0].text = "The hearing was continued to a later date.\n";
  pages[1].number = 2, pages[1].text = "Declarant: Rosa Elvira Tzul Quiej, A-Number A201-234-567.\n";
  for (PageText& p : pages) p.text_glyph.assign(p.text.size(), -1);
  std::vector<std::string> found;
  for (const Finding& f : d.DetectDocument(pages)) {
    EXPECT_EQ(f.page, 2);
    found.push_back(f.category);
  }
  std::sort(found.begin(), found.end());
  EXPECT_EQ(found, (std::vector<std::string>{"a_number", "name"}));
}

TEST(Prefilter, AContextWithoutItsAssertionsMatchesWhereverTheContextDoes) {
  EXPECT_EQ(PatternWithoutAssertions(R"(\bfbi\s*(?:no\b\.?|#)\s*:?\s*$)"), R"(fbi\s*(?:no\.?|#)\s*:?\s*)");
  EXPECT_EQ(PatternWithoutAssertions(R"((?m)(?:^|[^\d])x$)"), R"((?m)(?:|[^\d])x)");
  // Inside a class, and escaped, ^ and $ are characters, and stay.
  EXPECT_EQ(PatternWithoutAssertions(R"([$^][^^$]\$\^[]$][[:alpha:]$]\Ax\z)"),
            R"([$^][^^$]\$\^[]$][[:alpha:]$]x)");
  EXPECT_EQ(PatternWithoutAssertions(R"(\Qa$b\E)"), std::nullopt);
  EXPECT_EQ(PatternWithoutAssertions(R"(ab\)"), std::nullopt);
  EXPECT_EQ(PatternWithoutAssertions(R"([ab)"), std::nullopt);
  // Every shipped context gets its place in the prefilter.
  const RuleSet rules = ShippedRules();
  ASSERT_FALSE(rules.contexts.empty());
  for (const auto& c : rules.contexts) EXPECT_GE(c->prefilter_index, 0) << c->name;
}

// A rule that needs a context runs only on a page where the context can
// occur; a context found only in a match's window (a label right before
// it: "$" at the window's end) still lets it run.
TEST(Prefilter, ARuleWithAContextRunsOnlyWhereTheContextCanBe) {
  const Detector d(ShippedRules(), std::nullopt, Policy{});
  std::vector<PageText> pages(3);
  pages[0].number = 1, pages[0].text = "Invoice 123456AB7 was paid on time.\n";
  pages[1].number = 2, pages[1].text = "FBI No. 123456AB7 and EOIR No.: 212345678\n";
  pages[2].number = 3, pages[2].text = "His FBI number is pending; see file 123456AB7.\n";
  for (PageText& p : pages) p.text_glyph.assign(p.text.size(), -1);
  std::vector<std::string> found;
  for (const Finding& f : d.DetectDocument(pages)) {
    if (f.rule == "agency_number") found.push_back(std::to_string(f.page) + ":" + f.value);
  }
  EXPECT_EQ(found, (std::vector<std::string>{"2:123456AB7", "2:212345678"}));
}

// A common name in a large list names many people: their initials are
// everyone's and no one's; initials only one named person has are theirs.
TEST(ListedInitials, InitialsManyListedPeopleShareAreNoOnes) {
  std::string csv = "id,first,middle,last\n";
  for (int i = 0; i < 300; ++i) csv += "CM-" + std::to_string(i) + ",Maria,,Hernandez\n";
  csv += "CM-X,Oksana,,Petrenko\n";
  auto names = NamesIndex::FromCsvText(csv, "names.csv");
  ASSERT_TRUE(names.has_value()) << names.error().ToString();
  const Detector d(RuleSet{}, std::move(*names), Policy{});
  const std::string text =
      "Maria Hernandez and Oksana Petrenko were interviewed. M.H. declined; O.P. answered.";
  std::vector<std::string> initials;
  for (const Finding& f : d.DetectText(text)) {
    if (f.rule == "names.list.initials") initials.push_back(text.substr(f.begin, f.end - f.begin) + "=" + f.entity);
  }
  EXPECT_EQ(initials, (std::vector<std::string>{"O.P.=CM-X"}));
}

}  // namespace
}  // namespace redact
