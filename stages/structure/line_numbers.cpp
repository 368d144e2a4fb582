#include "stages/structure/line_numbers.h"

#include <algorithm>
#include <cmath>
#include <string_view>

namespace redact {
namespace {

constexpr std::string_view kMiddleDot = "\xC2\xB7";  // U+00B7

struct Candidate {
  int word;
  int value;
  double left, right, middle_y;
};

// The number a word of the line-number column shows ("5", "·5·", "12"),
// or 0.
int LineNumberValue(std::string_view text) {
  auto trim = [&](bool front) {
    for (bool changed = true; changed && !text.empty();) {
      changed = false;
      if (front ? text.starts_with(kMiddleDot) : text.ends_with(kMiddleDot)) {
        text = front ? text.substr(kMiddleDot.size()) : text.substr(0, text.size() - kMiddleDot.size());
        changed = true;
      } else if ((front ? text.front() : text.back()) == ' ') {
        text = front ? text.substr(1) : text.substr(0, text.size() - 1);
        changed = true;
      }
    }
  };
  trim(true);
  trim(false);
  if (text.empty() || text.size() > 2 || text.front() == '0') return 0;
  int value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return 0;
    value = value * 10 + (c - '0');
  }
  return value;
}

// The first words of lines that could be line numbers.
std::vector<Candidate> Candidates(const PageText& page) {
  std::vector<Candidate> out;
  const double max_right = 0.25 * page.geometry.display_width;
  for (const Line& line : page.lines) {
    if (line.words.empty()) continue;
    const int w = line.words.front();
    const Word& word = page.words[static_cast<size_t>(w)];
    if (word.rotation != 0 || (max_right > 0 && word.box.x1 > max_right)) continue;
    const int value = LineNumberValue(word.text);
    if (value > 0) out.push_back({w, value, word.box.x0, word.box.x1, (word.box.y0 + word.box.y1) / 2});
  }
  return out;
}

// The longest run of `group` (sorted top to bottom) counting up by one
// line at a time at an even pitch; a run must start at 1, 2 or 3.
std::vector<int> LongestRun(const std::vector<Candidate>& group) {
  std::vector<double> pitches;
  for (size_t k = 1; k < group.size(); ++k) {
    if (group[k].value == group[k - 1].value + 1) pitches.push_back(group[k].middle_y - group[k - 1].middle_y);
  }
  if (pitches.empty()) return {};
  std::nth_element(pitches.begin(), pitches.begin() + static_cast<std::ptrdiff_t>(pitches.size() / 2), pitches.end());
  const double pitch = pitches[pitches.size() / 2];
  if (pitch <= 0) return {};
  std::vector<int> best, run;
  for (size_t k = 0; k < group.size(); ++k) {
    bool continues = false;
    if (!run.empty()) {
      const Candidate& prev = group[k - 1];
      const int steps = group[k].value - prev.value;
      continues = steps >= 1 && std::fabs((group[k].middle_y - prev.middle_y) - steps * pitch) <= 0.25 * pitch;
    }
    if (!continues) {
      run.clear();
      if (group[k].value > 3) continue;
    }
    run.push_back(static_cast<int>(k));
    if (run.size() > best.size()) best = run;
  }
  std::vector<int> words;
  for (int k : best) words.push_back(group[static_cast<size_t>(k)].word);
  return words;
}

}  // namespace

std::vector<int> FindLineNumberColumn(const PageText& page) {
  const std::vector<Candidate> all = Candidates(page);
  std::vector<int> best;
  if (static_cast<int>(all.size()) < kMinLineNumbers) return best;
  // Right-aligned numbers (pleading paper) share a right edge; left-aligned
  // ones a left edge.
  for (const bool right : {true, false}) {
    auto edge = [&](const Candidate& c) { return right ? c.right : c.left; };
    std::vector<Candidate> sorted = all;
    std::sort(sorted.begin(), sorted.end(), [&](const Candidate& a, const Candidate& b) { return edge(a) < edge(b); });
    // Every window of 2 pt that starts at a candidate's edge.
    for (size_t i = 0; i < sorted.size(); ++i) {
      size_t j = i;
      while (j < sorted.size() && edge(sorted[j]) - edge(sorted[i]) <= 2.0) ++j;
      if (static_cast<int>(j - i) < kMinLineNumbers) continue;
      std::vector<Candidate> group(sorted.begin() + static_cast<std::ptrdiff_t>(i),
                                   sorted.begin() + static_cast<std::ptrdiff_t>(j));
      std::sort(group.begin(), group.end(),
                [](const Candidate& a, const Candidate& b) { return a.middle_y < b.middle_y; });
      std::vector<int> run = LongestRun(group);
      if (run.size() > best.size()) best = std::move(run);
    }
  }
  if (static_cast<int>(best.size()) < kMinLineNumbers) best.clear();
  return best;
}

}  // namespace redact
