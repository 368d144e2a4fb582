#include "stages/detect/page_breaks.h"

#include <algorithm>
#include <cctype>
#include <optional>
#include <string>
#include <utility>

#include "stages/detect/detector.h"

namespace redact {
namespace {

struct Span {
  size_t begin = 0;
  size_t end = 0;
};

bool IsRunningBlock(const PageText& page, int block) {
  for (const RoleBlock& r : page.layout.roles) {
    if (r.block == block && (r.role == BlockRole::kHeader || r.role == BlockRole::kFooter)) {
      return true;
    }
  }
  return false;
}

// The span of the line `l` without the line numbers at its start
// (pleading paper's "1 Peluso …"); nothing when that leaves no word.
std::optional<Span> BodyOfLine(const PageText& page, int l) {
  const std::vector<int>& words = page.lines[static_cast<size_t>(l)].words;
  const std::vector<int>& numbers = page.layout.line_numbers;
  size_t k = 0;
  while (k < words.size() && std::find(numbers.begin(), numbers.end(), words[k]) != numbers.end()) ++k;
  if (k == words.size()) return std::nullopt;
  const Word& first = page.words[static_cast<size_t>(words[k])];
  const Word& end = page.words[static_cast<size_t>(words.back())];
  if (first.text_begin >= end.text_end || end.text_end > page.text.size()) return std::nullopt;
  return Span{first.text_begin, end.text_end};
}

// The span of the page's first (or last) line of body text in reading
// order; nothing when the page has no such line. Lines of nothing but a
// line number (the blank lines of pleading paper) are no body text.
std::optional<Span> EdgeLine(const PageText& page, bool last) {
  const int blocks = static_cast<int>(page.blocks.size());
  for (int k = 0; k < blocks; ++k) {
    const int b = last ? blocks - 1 - k : k;
    if (IsRunningBlock(page, b)) continue;
    const std::vector<int>& lines = page.blocks[b].lines;
    const int count = static_cast<int>(lines.size());
    for (int i = 0; i < count; ++i) {
      if (std::optional<Span> span = BodyOfLine(page, lines[static_cast<size_t>(last ? count - 1 - i : i)])) {
        return span;
      }
    }
  }
  return std::nullopt;
}

// Whether the later page's first line opens a new word where the earlier
// page's last line ends: a capital after a small letter or a digit
// ("…@usdoj.example.gov" + "Defendant"), never a value cut in two.
bool OpensANewWord(const std::string& a, const std::string& b) {
  if (a.empty() || b.empty()) return false;
  const auto last = static_cast<unsigned char>(a.back()), first = static_cast<unsigned char>(b.front());
  return std::isupper(first) && (std::islower(last) || std::isdigit(last));
}

}  // namespace

std::vector<Finding> FindingsAcrossPageBreaks(const Detector& detector,
                                              const std::vector<PageText>& pages) {
  std::vector<Finding> out;
  for (size_t i = 0; i + 1 < pages.size(); ++i) {
    const std::optional<Span> tail = EdgeLine(pages[i], /*last=*/true);
    const std::optional<Span> head = EdgeLine(pages[i + 1], /*last=*/false);
    if (!tail || !head) continue;
    const std::string a = pages[i].text.substr(tail->begin, tail->end - tail->begin);
    const std::string b = pages[i + 1].text.substr(head->begin, head->end - head->begin);
    // Joined as the next line (a name), or run together (a number cut in
    // two). Only what a pattern or the names list found counts: a cue reads
    // on across the join ("Applicant Maria Lopez" + "Page two").
    for (const std::string joiner : {"\n", ""}) {
      const size_t b_at = a.size() + joiner.size();
      for (const Finding& f : detector.DetectText(a + joiner + b)) {
        if (f.basis != "rule" && !(f.basis == "list" && !joiner.empty())) continue;
        // A pattern found on the later page's first line whose context
        // (a label, "born") ends the earlier page: "He was born" / "on the
        // 9th of June, 1996" (a transcript's page break). Per-page
        // detection may have it too; resolution merges the two.
        if (f.begin >= b_at && !joiner.empty() && f.basis == "rule") {
          Finding after = f;
          after.page = pages[i + 1].number;
          after.begin = head->begin + (f.begin - b_at);
          after.end = head->begin + (f.end - b_at);
          after.glyphs.clear();
          after.reason = f.reason + ", its context on the page before";
          out.push_back(std::move(after));
          continue;
        }
        if (f.begin >= a.size() || f.end <= b_at) continue;  // within one page
        // Run together, a value whole on the earlier page took the next
        // page's first word ("…@usdoj.example.gov" + "Defendant").
        if (joiner.empty() && OpensANewWord(a, b)) continue;
        Finding before = f;
        before.page = pages[i].number;
        before.begin = tail->begin + f.begin;
        before.end = tail->end;
        before.glyphs.clear();
        before.reason = f.reason + ", across a page break";
        Finding after = before;
        after.page = pages[i + 1].number;
        after.begin = head->begin;
        after.end = head->begin + (f.end - b_at);
        out.push_back(std::move(before));
        out.push_back(std::move(after));
      }
    }
  }
  return out;
}

}  // namespace redact
