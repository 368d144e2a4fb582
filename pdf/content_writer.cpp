#include "pdf/content_writer.h"

#include <cmath>
#include <cstdio>

#include "core/output_words.h"

namespace redact::pdf {

std::string Number(double v) {
  if (std::fabs(v) < 5e-5) return "0";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.4f", v);
  std::string s(buf);
  s.erase(s.find_last_not_of('0') + 1);
  if (s.back() == '.') s.pop_back();
  return s;
}

std::string FixedNumber(double v, int decimals) {
  char buf[48];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  return buf;
}

std::string HexString(std::string_view bytes) {
  static const char* kDigits = "0123456789ABCDEF";
  std::string out = "<";
  for (unsigned char c : bytes) {
    out.push_back(kDigits[c >> 4]);
    out.push_back(kDigits[c & 15]);
  }
  return out + ">";
}

std::string LiteralWinAnsiString(std::string_view text) {
  const std::string bytes = *Utf8ToWinAnsi(text, '?');
  std::string out = "(";
  for (unsigned char c : bytes) {
    if (c < 0x20 || c >= 0x7F) {
      char octal[5];
      std::snprintf(octal, sizeof octal, "\\%03o", c);
      out += octal;
      continue;
    }
    if (c == '(' || c == ')' || c == '\\') out.push_back('\\');
    out.push_back(static_cast<char>(c));
  }
  return out + ")";
}

std::string QuadPath(const Quad& q) {
  return Number(q.ll.x) + " " + Number(q.ll.y) + " m " + Number(q.lr.x) + " " + Number(q.lr.y) + " l " +
         Number(q.ur.x) + " " + Number(q.ur.y) + " l " + Number(q.ul.x) + " " + Number(q.ul.y) + " l h\n";
}

std::string FillQuad(const Quad& q, int gray) {
  return "q " + std::to_string(gray) + " g " + QuadPath(q) + "f Q\n";
}

}  // namespace redact::pdf
