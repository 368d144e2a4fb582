#include "stages/write_redact/marks.h"

#include <algorithm>
#include <cmath>

#include "core/output_words.h"
#include "pdf/content_writer.h"
#include "pdf/font_data.h"

namespace redact {

using pdf::Number;

std::string BoxMark(const Quad& q) { return pdf::FillQuad(q, 0); }

std::string WhiteOutMark(const Quad& q, double m) {
  Quad white = q;
  white.ll = {white.ll.x - m, white.ll.y - m}, white.lr = {white.lr.x + m, white.lr.y - m};
  white.ur = {white.ur.x + m, white.ur.y + m}, white.ul = {white.ul.x - m, white.ul.y + m};
  return pdf::FillQuad(white, 1);
}

std::string LabelText(const Quad& q, const std::string& label) {
  const double dx = q.lr.x - q.ll.x, dy = q.lr.y - q.ll.y;
  const double width = std::hypot(dx, dy);
  const double height = std::hypot(q.ul.x - q.ll.x, q.ul.y - q.ll.y);
  if (width < 1 || height < 1) return "";
  double size = std::min(height * 0.7, 10.0);
  const double characters = static_cast<double>(Utf8ToWinAnsi(label, '?')->size());
  const double text_width = 0.556 * size * characters;  // Helvetica average
  if (text_width > width * 0.95) size *= width * 0.95 / text_width;
  if (size < 3) return "";  // too small to read: box only
  const double ux = dx / width, uy = dy / width;
  const double offset = (width - 0.556 * size * characters) / 2;
  const double x = q.ll.x + ux * offset - uy * (height - size) / 2;
  const double y = q.ll.y + uy * offset + ux * (height - size) / 2 + ux * size * 0.2;
  return std::string("q 1 g BT /") + kLabelFont + " " + Number(size) + " Tf " +
         pdf::TextMatrix(ux, uy, x, y, Number) + " " + pdf::LiteralWinAnsiString(label) + " Tj ET Q\n";
}

namespace {

// Width of UTF-8 `text` in Helvetica (WinAnsiEncoding) at size 1000.
double HelveticaUnits(const std::string& text) {
  const pdf::Standard14Metrics* helvetica = pdf::FindStandard14("Helvetica");
  const pdf::EncodingTable winansi = pdf::GetEncodingTable(pdf::BaseEncoding::kWinAnsi);
  double units = 0;
  const std::string bytes = *Utf8ToWinAnsi(text, '?');  // named: a range-for over *temporary dangles
  for (unsigned char c : bytes) {
    if (c < 0x20) continue;
    const char* name = winansi[c];
    units += (name && *name) ? helvetica->Width(name).value_or(556) : 556;
  }
  return units;
}

}  // namespace

DrawnReplacement ReplacementText(const Quad& q, Point baseline, double size, const std::vector<std::string>& forms,
                                 double min_scale) {
  DrawnReplacement drawn;
  const double dx = q.lr.x - q.ll.x, dy = q.lr.y - q.ll.y;
  const double width = std::hypot(dx, dy);
  if (width < 1 || size <= 0 || forms.empty() || forms.front().empty()) return drawn;
  double fit = 1;
  for (size_t i = 0; i < forms.size(); ++i) {
    const double natural = HelveticaUnits(forms[i]) / 1000.0 * size;
    fit = natural > width ? width / natural : 1.0;
    drawn.form = i;
    if (fit >= min_scale) break;
  }
  drawn.scale = fit;
  // Horizontal compression down to 50%, then a smaller size.
  const double tz = std::max(50.0, fit * 100.0);
  if (fit < 0.5) size *= fit / 0.5;
  const double ux = dx / width, uy = dy / width;
  drawn.ops = std::string("q 0 g BT /") + kLabelFont + " " + Number(size) + " Tf " + Number(tz) + " Tz " +
              pdf::TextMatrix(ux, uy, baseline.x, baseline.y, Number) + " " +
              pdf::LiteralWinAnsiString(forms[drawn.form]) + " Tj ET Q\n";
  return drawn;
}

}  // namespace redact
