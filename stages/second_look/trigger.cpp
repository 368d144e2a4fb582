#include "stages/second_look/trigger.h"

#include <cctype>
#include <set>

#include "stages/detect/normalize.h"

namespace redact {
namespace {

bool WordByte(char c) {
  const unsigned char u = static_cast<unsigned char>(c);
  return std::isalnum(u) || u >= 0x80;
}

std::set<std::string> Words(std::string_view text) {
  const std::string folded = FoldForComparison(text);
  std::set<std::string> words;
  std::string word;
  for (size_t i = 0; i <= folded.size(); ++i) {
    if (i < folded.size() && WordByte(folded[i])) {
      word.push_back(folded[i]);
      continue;
    }
    if (word.size() >= 2) words.insert(word);
    word.clear();
  }
  return words;
}

// Whether `a` has at least 3, and at least a tenth, of its words missing
// from `b`.
bool Lacks(const std::set<std::string>& a, const std::set<std::string>& b) {
  size_t missing = 0;
  for (const std::string& w : a) missing += b.count(w) == 0;
  return missing >= 3 && missing * 10 >= a.size();
}

}  // namespace

std::string FoldForComparison(std::string_view text) {
  const std::string norm = NormalizeString(text);
  std::string out;
  bool space = false;
  for (char c : norm) {
    if (std::isspace(static_cast<unsigned char>(c))) {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

bool WholeWordsAt(std::string_view haystack, size_t begin, size_t length) {
  if (length == 0 || begin + length > haystack.size()) return false;
  const bool starts = begin == 0 || !WordByte(haystack[begin - 1]) || !WordByte(haystack[begin]);
  const size_t end = begin + length;
  const bool ends = end == haystack.size() || !WordByte(haystack[end]) || !WordByte(haystack[end - 1]);
  return starts && ends;
}

std::string FoldOcrLookalikes(std::string_view folded) {
  std::string out(folded);
  for (char& c : out) {
    if (c == 'i' || c == 'l' || c == '|' || c == '!') c = '1';
    if (c == 'o') c = '0';
  }
  return out;
}

bool ContainsWords(std::string_view haystack, std::string_view needle) {
  if (needle.empty()) return false;
  for (size_t p = haystack.find(needle); p != std::string_view::npos; p = haystack.find(needle, p + 1)) {
    if (WholeWordsAt(haystack, p, needle.size())) return true;
  }
  return false;
}

bool WordsDisagree(std::string_view a, std::string_view b) {
  const std::set<std::string> wa = Words(a), wb = Words(b);
  return Lacks(wa, wb) || Lacks(wb, wa);
}

std::string RenderReason(const PageText& ours, const pdf::PageTraits& traits, std::string_view poppler_text,
                         bool full) {
  if (full) return "full";
  if (traits.images) return "image";
  if (traits.type3_font) return "type3";
  if (traits.soft_mask) return "soft-mask";
  if (traits.lying_to_unicode) return "tounicode";
  if (ours.undecodable_glyph_count() > 0) return "undecodable";
  if (ours.vector_shapes >= kMinVectorShapes) return "vector";
  if (WordsDisagree(ours.text, poppler_text)) return "disagree";
  return "";
}

}  // namespace redact
