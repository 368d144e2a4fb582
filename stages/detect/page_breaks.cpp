#include "stages/detect/page_breaks.h"

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

// The span of the page's first (or last) line of body text in reading
// order; nothing when the page has no such line.
std::optional<Span> EdgeLine(const PageText& page, bool last) {
  const int blocks = static_cast<int>(page.blocks.size());
  for (int k = 0; k < blocks; ++k) {
    const int b = last ? blocks - 1 - k : k;
    if (IsRunningBlock(page, b) || page.blocks[b].lines.empty()) continue;
    const std::vector<int>& lines = page.blocks[b].lines;
    const Line& line = page.lines[last ? lines.back() : lines.front()];
    if (line.words.empty()) continue;
    const Word& first = page.words[line.words.front()];
    const Word& end = page.words[line.words.back()];
    if (first.text_begin >= end.text_end || end.text_end > page.text.size()) continue;
    return Span{first.text_begin, end.text_end};
  }
  return std::nullopt;
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
        if (f.begin >= a.size() || f.end <= b_at) continue;  // within one page
        if (f.basis != "rule" && !(f.basis == "list" && !joiner.empty())) continue;
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
