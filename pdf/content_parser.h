// Content-stream lexer and parser: bytes in, operations out, with every
// operand's raw byte span kept so a rewriter can copy untouched operators
// byte for byte. This exists because PoDoFo's lexer strips what looks like
// a byte-order mark from strings and rounds reals to 6 decimals
// (docs/PODOFO.md).
//
// The parser never fails as a whole: bytes it cannot read are skipped and
// counted in ParsedContent::bad_tokens, so callers can fail closed on them.
// Inline images (BI … ID data EI) become one operation "BI" whose data span
// is recorded; their bytes are never interpreted as operators.
//
// Thread-safety: pure functions over immutable input.
#ifndef REDACT_PDF_CONTENT_PARSER_H_
#define REDACT_PDF_CONTENT_PARSER_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace redact::pdf {

struct Operand {
  enum class Type { kNumber, kString, kName, kArray, kDictionary, kBool, kNull };
  Type type = Type::kNull;
  double number = 0;          // kNumber; kBool: 1 or 0
  bool hex = false;           // kString written as <…>
  std::string value;          // kString: decoded bytes; kName: decoded name
  std::vector<Operand> items; // kArray items; kDictionary: key, value, …
  size_t begin = 0;           // byte span in the stream
  size_t end = 0;

  bool is_number() const { return type == Type::kNumber; }
  bool is_string() const { return type == Type::kString; }
  bool is_name() const { return type == Type::kName; }
  bool is_array() const { return type == Type::kArray; }
  // For kDictionary: the value of /key, or nullptr.
  const Operand* Find(std::string_view key) const;
};

struct Operation {
  std::string op;                  // operator keyword, e.g. "Tj"; "BI" for
                                   // an inline image
  std::vector<Operand> operands;   // for "BI": one kDictionary operand
  size_t begin = 0;                // span from first operand to operator end
  size_t end = 0;
  size_t data_begin = 0;           // "BI" only: the image data span
  size_t data_end = 0;
};

struct ParsedContent {
  std::string source;              // the decoded bytes the spans refer to
                                   // (filled by the interpreter)
  std::vector<Operation> ops;
  int bad_tokens = 0;              // unreadable bytes or unbalanced brackets
  size_t first_bad_offset = 0;     // offset of the first, when bad_tokens > 0
  int unterminated_inline_images = 0;
  bool truncated = false;          // the stream's data broke off (a damaged
                                   // Flate tail): `source` ends after the last
                                   // operation read before the break (filled
                                   // by the interpreter)
};

struct ParseLimits {
  size_t max_nesting = 64;         // arrays/dictionaries inside operands
  size_t max_operands = 65536;     // operands before one operator
};

// Parses a whole content stream (already decoded: filters removed).
ParsedContent ParseContent(std::string_view data,
                           const ParseLimits& limits = ParseLimits());

// True for operators defined by ISO 32000 (content streams, Table A.1).
bool IsKnownOperator(std::string_view op);

// True for the operators that show text: Tj TJ ' ".
bool IsTextShowingOperator(std::string_view op);

// The text a marked-content property list (BDC's dictionary operand)
// carries for readers: its /ActualText, /Alt and /E strings (UTF-16BE with
// a byte-order mark, else bytes as Latin-1), each followed by a line
// break; "" when it has none.
std::string MarkedPropertyText(const Operand& dict);

}  // namespace redact::pdf

#endif  // REDACT_PDF_CONTENT_PARSER_H_
