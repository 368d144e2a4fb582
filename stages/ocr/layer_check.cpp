#include "stages/ocr/layer_check.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <string>
#include <vector>

namespace redact {
namespace {

constexpr float kMinWordConfidence = 60;

bool Invisible(const Glyph& g) {
  return !g.ocr && !g.superseded && g.decodable && !g.is_space &&
         (g.render_mode == 3 || g.render_mode == 7);
}

// Letters and digits, ASCII lower-cased; other bytes (accented letters in
// UTF-8) kept as they are.
std::string Fold(const std::string& text) {
  std::string out;
  for (unsigned char c : text) {
    if (c >= 0x80) {
      out.push_back(static_cast<char>(c));
    } else if (std::isalnum(c)) {
      out.push_back(static_cast<char>(std::tolower(c)));
    }
  }
  return out;
}

size_t EditDistance(const std::string& a, const std::string& b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = up;
    }
  }
  return row[b.size()];
}

struct OcrWordSeen {
  std::vector<int> glyphs;
  Rect box{1e300, 1e300, -1e300, -1e300};
  std::string text;
  float confidence = 0;
  bool horizontal = true;
};

std::map<int, OcrWordSeen> OcrWords(const PageText& page) {
  std::map<int, OcrWordSeen> words;
  for (size_t i = 0; i < page.glyphs.size(); ++i) {
    const Glyph& g = page.glyphs[i];
    if (!g.ocr || g.ocr_word < 0) continue;
    OcrWordSeen& w = words[g.ocr_word];
    w.glyphs.push_back(static_cast<int>(i));
    w.box = w.box.Union(g.box);
    w.text += g.text;
    w.confidence = g.confidence;
    w.horizontal = g.rotation % 2 == 0;
  }
  return words;
}

// The layer's text at `w`: its glyphs whose centres lie in the word's box
// (grown by a quarter of its height), in reading order.
std::string LayerTextAt(const PageText& page, const OcrWordSeen& w) {
  const double grow = 0.25 * std::min(w.box.x1 - w.box.x0, w.box.y1 - w.box.y0);
  const Rect area{w.box.x0 - grow, w.box.y0 - grow, w.box.x1 + grow, w.box.y1 + grow};
  std::vector<std::pair<double, const Glyph*>> inside;
  for (const Glyph& g : page.glyphs) {
    if (!Invisible(g)) continue;
    const double cx = (g.box.x0 + g.box.x1) / 2, cy = (g.box.y0 + g.box.y1) / 2;
    if (cx < area.x0 || cx > area.x1 || cy < area.y0 || cy > area.y1) continue;
    inside.emplace_back(w.horizontal ? cx : cy, &g);
  }
  std::sort(inside.begin(), inside.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  std::string text;
  for (const auto& [key, g] : inside) text += g->text;
  return text;
}

bool Agrees(const std::string& ocr, const std::string& layer) {
  if (layer.find(ocr) != std::string::npos || ocr.find(layer) != std::string::npos) {
    return !layer.empty();
  }
  return EditDistance(ocr, layer) <= std::max<size_t>(1, ocr.size() / 5);
}

bool CountsAsWord(const OcrWordSeen& w, const std::string& folded) {
  return w.confidence >= kMinWordConfidence && folded.size() >= 2;
}

}  // namespace

LayerCheck CheckTextLayer(const PageText& page) {
  LayerCheck check;
  for (const auto& [id, w] : OcrWords(page)) {
    const std::string ocr = Fold(w.text);
    if (!CountsAsWord(w, ocr)) continue;
    ++check.ocr_words;
    const std::string layer = Fold(LayerTextAt(page, w));
    if (layer.empty()) {
      ++check.uncovered;
    } else if (Agrees(ocr, layer)) {
      ++check.agreeing;
    } else {
      ++check.disagreeing;
      // A number the layer reads otherwise is an identifier it may hide.
      if (std::count_if(ocr.begin(), ocr.end(), [](char c) { return c >= '0' && c <= '9'; }) >= 3) {
        ++check.numbers_misread;
      }
    }
  }
  const int covered = check.agreeing + check.disagreeing;
  const bool misread = (check.disagreeing >= 3 && 5 * check.disagreeing >= covered) || check.numbers_misread > 0;
  const bool partial = check.uncovered >= 3 && 10 * check.uncovered >= check.ocr_words;
  check.replace = misread || partial;
  return check;
}

LayerCheck SettleTextLayer(PageText* page) {
  const LayerCheck check = CheckTextLayer(*page);
  if (check.replace) {
    for (Glyph& g : page->glyphs) {
      if (!g.ocr && (g.render_mode == 3 || g.render_mode == 7)) g.superseded = true;
    }
    page->problems.push_back(
        {ExtractionProblem::Kind::kTextLayerReplaced, -1, -1,
         "the page's invisible text layer does not match its image (of " + std::to_string(check.ocr_words) +
             " words OCR read, " + std::to_string(check.disagreeing) + " read otherwise and " +
             std::to_string(check.uncovered) + " missing): replaced by OCR"});
    return check;
  }
  // The layer stands: drop the OCR words it covers (it reads them); keep
  // the ones it left out.
  std::vector<bool> drop(page->glyphs.size(), false);
  for (const auto& [id, w] : OcrWords(*page)) {
    if (LayerTextAt(*page, w).empty()) continue;
    for (int g : w.glyphs) drop[static_cast<size_t>(g)] = true;
  }
  std::vector<Glyph> kept;
  kept.reserve(page->glyphs.size());
  for (size_t i = 0; i < page->glyphs.size(); ++i) {
    if (!drop[i]) kept.push_back(std::move(page->glyphs[i]));
  }
  page->glyphs = std::move(kept);
  return check;
}

}  // namespace redact
