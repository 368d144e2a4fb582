#include "stages/detect/language.h"

#include <algorithm>
#include <array>
#include <string>

#include "stages/detect/normalize.h"

namespace redact {
namespace {

constexpr size_t kMaxWords = 50000;

// Function words of one language and not the other, normalized (lower
// case, no accents: "también" → "tambien").
constexpr std::array<std::string_view, 40> kSpanish = {
    "de",   "la",    "el",     "que",   "y",     "los",    "las",   "del",   "se",    "por",
    "una",  "un",    "para",   "con",   "su",    "al",     "lo",    "como",  "pero",  "sus",
    "le",   "este",  "esta",   "entre", "cuando", "muy",   "sin",   "sobre", "tambien", "fue",
    "hasta", "desde", "donde", "mi",    "yo",    "nos",    "ser",   "es",    "son",   "en"};
constexpr std::array<std::string_view, 36> kEnglish = {
    "the",  "and",  "of",    "to",   "that",  "is",    "was",   "for",  "with", "as",   "by",   "this",
    "be",   "from", "or",    "an",   "are",   "his",   "her",   "it",   "not",  "have", "has",  "had",
    "were", "which", "they", "she",  "we",    "you",   "will",  "would", "on",  "at",   "in",   "my"};

struct Counts {
  size_t spanish = 0, english = 0, words = 0;
};

void Count(std::string_view text, Counts* c) {
  const std::string normalized = NormalizeString(text);
  size_t i = 0;
  while (i < normalized.size() && c->words < kMaxWords) {
    while (i < normalized.size() && !(normalized[i] >= 'a' && normalized[i] <= 'z')) ++i;
    const size_t start = i;
    while (i < normalized.size() && normalized[i] >= 'a' && normalized[i] <= 'z') ++i;
    if (i == start) break;
    const std::string_view word(normalized.data() + start, i - start);
    ++c->words;
    if (std::find(kSpanish.begin(), kSpanish.end(), word) != kSpanish.end()) ++c->spanish;
    if (std::find(kEnglish.begin(), kEnglish.end(), word) != kEnglish.end()) ++c->english;
  }
}

DocumentLanguage Decide(const Counts& c) {
  // Clearly more Spanish than English, and enough to tell.
  return c.spanish >= 5 && c.spanish * 4 > c.english * 5 ? DocumentLanguage::kSpanish : DocumentLanguage::kEnglish;
}

}  // namespace

DocumentLanguage GuessLanguage(std::string_view text) {
  Counts c;
  Count(text, &c);
  return Decide(c);
}

DocumentLanguage GuessLanguage(const std::vector<PageText>& pages) {
  Counts c;
  for (const PageText& page : pages) {
    if (c.words >= kMaxWords) break;
    Count(page.text, &c);
  }
  return Decide(c);
}

}  // namespace redact
