#include "stages/detect/covered.h"

#include <optional>
#include <set>
#include <string>

namespace redact {
namespace {

Finding NewFinding(const PageText& page, size_t begin) {
  Finding f;
  f.category = kCoveredCategory;
  f.rule = "covered.box";
  f.basis = "rule";
  f.page = page.number;
  f.begin = f.end = begin;
  f.confidence = 1.0;
  f.reason = "text the input hides under an opaque box or image drawn over it (a redaction that removed nothing)";
  return f;
}

bool Covered(const PageText& page, int g) {
  return g >= 0 && static_cast<size_t>(g) < page.glyphs.size() && page.glyphs[static_cast<size_t>(g)].covered;
}

}  // namespace

std::vector<Finding> CoveredTextFindings(const PageText& page) {
  std::vector<Finding> out;
  bool any = false;
  for (const Glyph& g : page.glyphs) any = any || g.covered;
  if (!any) return out;
  std::set<int> in_text;
  std::optional<Finding> run;
  auto close = [&]() {
    if (run && !run->glyphs.empty()) {
      run->value = page.text.substr(run->begin, run->end - run->begin);
      out.push_back(std::move(*run));
    }
    run.reset();
  };
  for (size_t b = 0; b < page.text.size(); ++b) {
    const int g = b < page.text_glyph.size() ? page.text_glyph[b] : -1;
    if (g >= 0) in_text.insert(g);
    if (Covered(page, g)) {
      if (!run) run = NewFinding(page, b);
      if (run->glyphs.empty() || run->glyphs.back() != g) run->glyphs.push_back(g);
      run->end = b + 1;
    } else if (page.text[b] == '\n' || (g >= 0 && !page.glyphs[static_cast<size_t>(g)].is_space)) {
      close();  // a line ends, or a glyph the box leaves visible
    }
  }
  close();
  // Overprinted copies (fake bold) are not in the text: they go with the
  // run whose glyphs they overlap.
  for (size_t g = 0; g < page.glyphs.size(); ++g) {
    if (!page.glyphs[g].covered || in_text.count(static_cast<int>(g))) continue;
    const Rect box = page.glyphs[g].box;
    for (Finding& f : out) {
      bool near = false;
      for (int k : f.glyphs) near = near || page.glyphs[static_cast<size_t>(k)].box.Intersect(box).area() > 0;
      if (near) {
        f.glyphs.push_back(static_cast<int>(g));
        break;
      }
    }
  }
  return out;
}

}  // namespace redact
