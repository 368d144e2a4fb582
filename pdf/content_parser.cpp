#include "pdf/content_parser.h"

#include <array>
#include <cmath>
#include <charconv>
#include <cstdlib>
#include <optional>

#include "pdf/cmap.h"

namespace redact::pdf {
namespace {

bool IsWhite(unsigned char c) {
  return c == 0 || c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == ' ';
}
bool IsDelimiter(unsigned char c) {
  return c == '(' || c == ')' || c == '<' || c == '>' || c == '[' ||
         c == ']' || c == '{' || c == '}' || c == '/' || c == '%';
}
bool IsRegular(unsigned char c) { return !IsWhite(c) && !IsDelimiter(c); }
int HexValue(unsigned char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

class Parser {
 public:
  Parser(std::string_view data, const ParseLimits& limits)
      : d_(data), limits_(limits) {}

  ParsedContent Run() {
    std::vector<Operand> stack;
    size_t op_begin = std::string_view::npos;
    while (true) {
      SkipWhiteAndComments();
      if (pos_ >= d_.size()) break;
      const size_t start = pos_;
      unsigned char c = d_[pos_];
      if (IsRegular(c) && !StartsNumber(c)) {
        std::string_view word = ReadRegular();
        if (word == "true" || word == "false") {
          Operand o;
          o.type = Operand::Type::kBool;
          o.number = word == "true" ? 1 : 0;
          o.begin = start;
          o.end = pos_;
          Push(stack, std::move(o), op_begin);
          continue;
        }
        if (word == "null") {
          Operand o;
          o.begin = start;
          o.end = pos_;
          Push(stack, std::move(o), op_begin);
          continue;
        }
        Operation op;
        op.op = std::string(word);
        op.operands = std::move(stack);
        stack.clear();
        op.begin = op_begin == std::string_view::npos ? start : op_begin;
        op.end = pos_;
        op_begin = std::string_view::npos;
        if (op.op == "BI") {
          ReadInlineImage(op);
        } else if (op.op == "ID" || op.op == "EI") {
          Bad(start);  // stray inline-image keyword
        }
        out_.ops.push_back(std::move(op));
        continue;
      }
      std::optional<Operand> o = ReadObject(0);
      if (!o) continue;  // ReadObject counted the problem and advanced
      Push(stack, std::move(*o), op_begin);
    }
    if (!stack.empty()) Bad(stack.front().begin);  // operands with no operator
    return std::move(out_);
  }

 private:
  void Push(std::vector<Operand>& stack, Operand o, size_t& op_begin) {
    if (stack.size() >= limits_.max_operands) {
      Bad(o.begin);
      return;
    }
    if (op_begin == std::string_view::npos) op_begin = o.begin;
    stack.push_back(std::move(o));
  }

  void Bad(size_t offset) {
    if (out_.bad_tokens == 0) out_.first_bad_offset = offset;
    ++out_.bad_tokens;
  }

  static bool StartsNumber(unsigned char c) {
    return (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.';
  }

  void SkipWhiteAndComments() {
    while (pos_ < d_.size()) {
      unsigned char c = d_[pos_];
      if (IsWhite(c)) {
        ++pos_;
      } else if (c == '%') {
        while (pos_ < d_.size() && d_[pos_] != '\n' && d_[pos_] != '\r') ++pos_;
      } else {
        break;
      }
    }
  }

  std::string_view ReadRegular() {
    size_t s = pos_;
    while (pos_ < d_.size() && IsRegular(d_[pos_])) ++pos_;
    return d_.substr(s, pos_ - s);
  }

  // Reads one operand at pos_. On failure counts a bad token, advances past
  // the offending bytes and returns nullopt.
  std::optional<Operand> ReadObject(size_t depth) {
    const size_t start = pos_;
    unsigned char c = d_[pos_];
    Operand o;
    o.begin = start;
    if (StartsNumber(c)) {
      std::string_view word = ReadRegular();
      if (!ParseNumber(word, &o.number)) {
        Bad(start);
        return std::nullopt;
      }
      o.type = Operand::Type::kNumber;
    } else if (c == '/') {
      ++pos_;
      o.type = Operand::Type::kName;
      o.value = DecodeName(ReadRegular());
    } else if (c == '(') {
      o.type = Operand::Type::kString;
      if (!ReadLiteralString(&o.value)) {
        Bad(start);
        return std::nullopt;
      }
    } else if (c == '<' && pos_ + 1 < d_.size() && d_[pos_ + 1] == '<') {
      pos_ += 2;
      o.type = Operand::Type::kDictionary;
      if (!ReadContainer(depth, ">>", &o.items)) return std::nullopt;
      if (o.items.size() % 2 != 0) {
        Bad(start);
        return std::nullopt;
      }
    } else if (c == '<') {
      o.type = Operand::Type::kString;
      o.hex = true;
      if (!ReadHexString(&o.value)) {
        Bad(start);
        return std::nullopt;
      }
    } else if (c == '[') {
      ++pos_;
      o.type = Operand::Type::kArray;
      if (!ReadContainer(depth, "]", &o.items)) return std::nullopt;
    } else {
      // ')', '>', ']', '{', '}' out of place, or a keyword inside an array.
      Bad(start);
      ++pos_;
      if (IsRegular(c)) ReadRegular();
      return std::nullopt;
    }
    o.end = pos_;
    return o;
  }

  bool ReadContainer(size_t depth, std::string_view close,
                     std::vector<Operand>* items) {
    const size_t start = pos_;
    if (depth + 1 > limits_.max_nesting) {
      Bad(start);
      return false;
    }
    while (true) {
      SkipWhiteAndComments();
      if (pos_ >= d_.size()) {
        Bad(start);
        return false;
      }
      if (d_.substr(pos_, close.size()) == close) {
        pos_ += close.size();
        return true;
      }
      unsigned char c = d_[pos_];
      if (IsRegular(c) && !StartsNumber(c)) {
        std::string_view word = d_.substr(pos_);
        size_t n = 0;
        while (n < word.size() && IsRegular(word[n])) ++n;
        word = word.substr(0, n);
        if (word == "true" || word == "false" || word == "null") {
          Operand o;
          o.begin = pos_;
          pos_ += n;
          o.end = pos_;
          if (word != "null") {
            o.type = Operand::Type::kBool;
            o.number = word == "true" ? 1 : 0;
          }
          items->push_back(std::move(o));
          continue;
        }
        // An operator inside an array: the array is broken. Leave the
        // keyword for the caller so the operation stream resynchronizes.
        Bad(start);
        return false;
      }
      std::optional<Operand> o = ReadObject(depth + 1);
      if (!o) continue;
      items->push_back(std::move(*o));
    }
  }

  static bool ParseNumber(std::string_view word, double* out) {
    // Accept PDF numbers and the common malformations readers accept
    // ("--5", "5."), reject anything else.
    size_t i = 0;
    bool negative = false;
    while (i < word.size() && (word[i] == '+' || word[i] == '-')) {
      if (word[i] == '-') negative = !negative;
      ++i;
    }
    std::string_view rest = word.substr(i);
    if (rest.empty()) return false;
    double value = 0;
    bool seen_digit = false, seen_point = false;
    double scale = 0.1;
    for (char ch : rest) {
      if (ch >= '0' && ch <= '9') {
        seen_digit = true;
        if (!seen_point) {
          value = value * 10 + (ch - '0');
        } else {
          value += (ch - '0') * scale;
          scale /= 10;
        }
      } else if (ch == '.' && !seen_point) {
        seen_point = true;
      } else {
        return false;
      }
    }
    if (!seen_digit) return false;
    *out = negative ? -value : value;
    return true;
  }

  static std::string DecodeName(std::string_view raw) {
    std::string out;
    out.reserve(raw.size());
    for (size_t i = 0; i < raw.size(); ++i) {
      if (raw[i] == '#' && i + 2 < raw.size()) {
        int hi = HexValue(raw[i + 1]), lo = HexValue(raw[i + 2]);
        if (hi >= 0 && lo >= 0) {
          out.push_back(static_cast<char>(hi * 16 + lo));
          i += 2;
          continue;
        }
      }
      out.push_back(raw[i]);
    }
    return out;
  }

  bool ReadLiteralString(std::string* out) {
    ++pos_;  // '('
    int depth = 1;
    while (pos_ < d_.size()) {
      unsigned char c = d_[pos_++];
      if (c == '\\') {
        if (pos_ >= d_.size()) return false;
        unsigned char e = d_[pos_++];
        switch (e) {
          case 'n': out->push_back('\n'); break;
          case 'r': out->push_back('\r'); break;
          case 't': out->push_back('\t'); break;
          case 'b': out->push_back('\b'); break;
          case 'f': out->push_back('\f'); break;
          case '\r':  // line continuation
            if (pos_ < d_.size() && d_[pos_] == '\n') ++pos_;
            break;
          case '\n': break;
          default:
            if (e >= '0' && e <= '7') {
              int v = e - '0';
              for (int k = 0; k < 2 && pos_ < d_.size() && d_[pos_] >= '0' &&
                              d_[pos_] <= '7';
                   ++k) {
                v = v * 8 + (d_[pos_++] - '0');
              }
              out->push_back(static_cast<char>(v & 0xff));
            } else {
              out->push_back(static_cast<char>(e));  // \( \) \\ and unknown
            }
        }
      } else if (c == '(') {
        ++depth;
        out->push_back('(');
      } else if (c == ')') {
        if (--depth == 0) return true;
        out->push_back(')');
      } else if (c == '\r') {  // EOL in a string reads as \n
        if (pos_ < d_.size() && d_[pos_] == '\n') ++pos_;
        out->push_back('\n');
      } else {
        out->push_back(static_cast<char>(c));
      }
    }
    return false;  // unterminated
  }

  bool ReadHexString(std::string* out) {
    ++pos_;  // '<'
    int pending = -1;
    while (pos_ < d_.size()) {
      unsigned char c = d_[pos_++];
      if (c == '>') {
        if (pending >= 0) out->push_back(static_cast<char>(pending << 4));
        return true;
      }
      if (IsWhite(c)) continue;
      int v = HexValue(c);
      if (v < 0) return false;
      if (pending < 0) {
        pending = v;
      } else {
        out->push_back(static_cast<char>(pending * 16 + v));
        pending = -1;
      }
    }
    return false;
  }

  // After "BI": key/value pairs up to "ID", one white byte, data, "EI".
  void ReadInlineImage(Operation& op) {
    Operand dict;
    dict.type = Operand::Type::kDictionary;
    dict.begin = pos_;
    while (true) {
      SkipWhiteAndComments();
      if (pos_ >= d_.size()) {
        ++out_.unterminated_inline_images;
        Bad(op.begin);
        return;
      }
      if (d_.substr(pos_, 2) == "ID" &&
          (pos_ + 2 >= d_.size() || !IsRegular(d_[pos_ + 2]))) {
        pos_ += 2;
        break;
      }
      // Booleans are keywords, which ReadObject leaves to the operator
      // loop; inside BI they are values ("/IM true").
      const std::string_view rest = d_.substr(pos_);
      bool keyword = false;
      for (std::string_view word : {"true", "false"}) {
        if (rest.starts_with(word) && (rest.size() == word.size() || !IsRegular(rest[word.size()]))) {
          Operand b;
          b.type = Operand::Type::kBool;
          b.number = word == "true" ? 1 : 0;
          b.begin = pos_;
          pos_ += word.size();
          b.end = pos_;
          dict.items.push_back(std::move(b));
          keyword = true;
          break;
        }
      }
      if (keyword) continue;
      std::optional<Operand> o = ReadObject(0);
      if (!o) {
        ++out_.unterminated_inline_images;
        return;
      }
      dict.items.push_back(std::move(*o));
    }
    dict.end = pos_;
    if (pos_ < d_.size() && IsWhite(d_[pos_])) ++pos_;
    op.data_begin = pos_;
    const size_t data_end = FindInlineImageEnd(dict, pos_);
    if (data_end == std::string_view::npos) {
      ++out_.unterminated_inline_images;
      Bad(op.begin);
      op.data_end = d_.size();
      pos_ = d_.size();
    } else {
      op.data_end = data_end;
      pos_ = data_end;
      SkipWhiteAndComments();
      pos_ += 2;  // "EI"
    }
    op.end = pos_;
    op.operands.clear();
    op.operands.push_back(std::move(dict));
  }

  // Returns the offset where the image data ends (before the white space
  // preceding "EI"), or npos when no plausible end exists.
  size_t FindInlineImageEnd(const Operand& dict, size_t data_begin) {
    auto find = [&](std::string_view a, std::string_view b) -> const Operand* {
      const Operand* o = dict.Find(a);
      return o ? o : dict.Find(b);
    };
    const Operand* filter = find("Filter", "F");
    const bool filtered =
        filter && !(filter->is_array() && filter->items.empty());
    if (!filtered) {
      // Unfiltered: the length is known exactly.
      const Operand* w = find("Width", "W");
      const Operand* h = find("Height", "H");
      const Operand* bpc = find("BitsPerComponent", "BPC");
      const Operand* cs = find("ColorSpace", "CS");
      const Operand* mask = find("ImageMask", "IM");
      if (w && h && w->is_number() && h->is_number()) {
        int comps = 1;
        int bits = bpc && bpc->is_number() ? static_cast<int>(bpc->number) : 1;
        if (mask && mask->type == Operand::Type::kBool && mask->number != 0) {
          bits = 1;
        } else if (cs && cs->is_name()) {
          if (cs->value == "RGB" || cs->value == "DeviceRGB") comps = 3;
          if (cs->value == "CMYK" || cs->value == "DeviceCMYK") comps = 4;
        }
        const double row = std::ceil(w->number * comps * bits / 8.0);
        const double len = row * h->number;
        if (len >= 0 && data_begin + len <= d_.size()) {
          size_t end = data_begin + static_cast<size_t>(len);
          size_t p = end;
          while (p < d_.size() && IsWhite(d_[p])) ++p;
          if (d_.substr(p, 2) == "EI") return end;
        }
      }
    }
    // Filtered (or inconsistent): the first "EI" between white space that is
    // followed by something that reads as content.
    for (size_t p = data_begin; p + 2 <= d_.size(); ++p) {
      if (d_[p] != 'E' || d_[p + 1] != 'I') continue;
      if (p > data_begin && !IsWhite(d_[p - 1])) continue;
      if (p + 2 < d_.size() && !IsWhite(d_[p + 2])) continue;
      if (FollowedByContent(p + 2)) {
        size_t end = p;
        if (end > data_begin && IsWhite(d_[end - 1])) --end;
        return end;
      }
    }
    return std::string_view::npos;
  }

  bool FollowedByContent(size_t p) const {
    // Look at up to 8 following tokens: only printable ASCII, and the first
    // keyword must be a known operator.
    size_t q = p;
    for (int tokens = 0; tokens < 8; ++tokens) {
      while (q < d_.size() && IsWhite(d_[q])) ++q;
      if (q >= d_.size()) return true;
      unsigned char c = d_[q];
      if (c >= 0x80 || (c < 0x20 && !IsWhite(c))) return false;
      if (IsRegular(c) && !StartsNumber(c)) {
        size_t s = q;
        while (q < d_.size() && IsRegular(d_[q])) ++q;
        return IsKnownOperator(d_.substr(s, q - s));
      }
      ++q;
      while (q < d_.size() && IsRegular(d_[q])) ++q;
    }
    return false;
  }

  std::string_view d_;
  ParseLimits limits_;
  size_t pos_ = 0;
  ParsedContent out_;
};

}  // namespace

const Operand* Operand::Find(std::string_view key) const {
  if (type != Type::kDictionary) return nullptr;
  for (size_t i = 0; i + 1 < items.size(); i += 2) {
    if (items[i].is_name() && items[i].value == key) return &items[i + 1];
  }
  return nullptr;
}

ParsedContent ParseContent(std::string_view data, const ParseLimits& limits) {
  return Parser(data, limits).Run();
}

std::string MarkedPropertyText(const Operand& dict) {
  std::string out;
  for (const char* key : {"ActualText", "Alt", "E"}) {
    const Operand* v = dict.Find(key);
    if (!v || !v->is_string()) continue;
    const std::string& b = v->value;
    if (b.size() >= 2 && static_cast<unsigned char>(b[0]) == 0xFE && static_cast<unsigned char>(b[1]) == 0xFF) {
      for (size_t i = 2; i + 1 < b.size(); i += 2) {
        AppendUtf8((static_cast<unsigned char>(b[i]) << 8) | static_cast<unsigned char>(b[i + 1]), &out);
      }
    } else {
      for (unsigned char c : b) AppendUtf8(c, &out);
    }
    out += '\n';
  }
  return out;
}

bool IsTextShowingOperator(std::string_view op) {
  return op == "Tj" || op == "TJ" || op == "'" || op == "\"";
}

bool IsKnownOperator(std::string_view op) {
  static constexpr std::array<std::string_view, 73> kOps = {
      "b",  "B",  "b*", "B*", "BDC", "BI", "BMC", "BT", "BX", "c",  "cm",
      "CS", "cs", "d",  "d0", "d1",  "Do", "DP",  "EI", "EMC", "ET", "EX",
      "f",  "F",  "f*", "G",  "g",   "gs", "h",   "i",  "ID",  "j",  "J",
      "K",  "k",  "l",  "m",  "M",   "MP", "n",   "q",  "Q",   "re", "RG",
      "rg", "ri", "s",  "S",  "SC",  "sc", "SCN", "scn", "sh", "T*", "Tc",
      "Td", "TD", "Tf", "TJ", "Tj",  "TL", "Tm",  "Tr", "Ts",  "Tw", "Tz",
      "v",  "w",  "W",  "W*", "y",   "'",  "\""};
  for (std::string_view k : kOps) {
    if (k == op) return true;
  }
  return false;
}

}  // namespace redact::pdf
