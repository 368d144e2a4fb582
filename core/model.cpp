#include "core/model.h"

#include <cmath>

namespace redact {

PageGeometry PageGeometry::Make(const Rect& media_box, const Rect& crop_box,
                                int rotate) {
  PageGeometry g;
  g.media_box = media_box;
  g.crop_box = crop_box.Intersect(media_box);
  if (g.crop_box.area() <= 0) g.crop_box = media_box;
  int r = rotate % 360;
  if (r < 0) r += 360;
  if (r % 90 != 0) r = 0;
  g.rotate = r;
  // Display space is laid over the media box, as `pdftotext -bbox` does by
  // default; each case maps its user-space corners to display space with
  // the origin top-left, y down, after turning the page clockwise by r.
  const Rect& c = g.media_box;
  const double w = c.width(), h = c.height();
  switch (r) {
    case 0:  // X = x - x0, Y = y1 - y
      g.user_to_display = {1, 0, 0, -1, -c.x0, c.y1};
      g.display_width = w;
      g.display_height = h;
      break;
    case 90:  // X = y - y0, Y = x - x0
      g.user_to_display = {0, 1, 1, 0, -c.y0, -c.x0};
      g.display_width = h;
      g.display_height = w;
      break;
    case 180:  // X = x1 - x, Y = y - y0
      g.user_to_display = {-1, 0, 0, 1, c.x1, -c.y0};
      g.display_width = w;
      g.display_height = h;
      break;
    default:  // 270: X = y1 - y, Y = x1 - x
      g.user_to_display = {0, -1, -1, 0, c.y1, c.x1};
      g.display_width = h;
      g.display_height = w;
      break;
  }
  return g;
}

std::string_view ExtractionProblemName(ExtractionProblem::Kind kind) {
  using K = ExtractionProblem::Kind;
  switch (kind) {
    case K::kBadToken: return "bad-token";
    case K::kUnknownOperator: return "unknown-operator";
    case K::kBadOperands: return "bad-operands";
    case K::kMissingFont: return "missing-font";
    case K::kUnsupportedFont: return "unsupported-font";
    case K::kUndecodableGlyph: return "undecodable-glyph";
    case K::kMissingXObject: return "missing-xobject";
    case K::kBrokenXObject: return "broken-xobject";
    case K::kRecursionLimit: return "recursion-limit";
    case K::kStreamError: return "stream-error";
    case K::kTruncatedStream: return "stream-truncated";
    case K::kNotOcrd: return "not-ocrd";
    case K::kLowOcrConfidence: return "low-ocr-confidence";
    case K::kTextLayerReplaced: return "text-layer-replaced";
  }
  return "unknown";
}

std::string_view BlockRoleName(BlockRole role) {
  switch (role) {
    case BlockRole::kCaption: return "caption";
    case BlockRole::kLetterhead: return "letterhead";
    case BlockRole::kCounsel: return "counsel";
    case BlockRole::kJudge: return "judge";
    case BlockRole::kSignature: return "signature";
    case BlockRole::kCertificate: return "certificate";
    case BlockRole::kHeader: return "header";
    case BlockRole::kFooter: return "footer";
    case BlockRole::kQuotation: return "quotation";
    case BlockRole::kOffice: return "office";
  }
  return "unknown";
}

Rect PageText::GlyphBounds(const std::vector<int>& indices) const {
  Rect box{};
  for (size_t k = 0; k < indices.size(); ++k) {
    const Rect b = glyphs[static_cast<size_t>(indices[k])].box;
    box = k == 0 ? b : box.Union(b);
  }
  return box;
}

int PageText::undecodable_glyph_count() const {
  if (released) return released->undecodable;
  int n = 0;
  for (const Glyph& g : glyphs) n += g.decodable ? 0 : 1;
  return n;
}

}  // namespace redact
