// Reading a names list as people export it, before NamesIndex builds on it:
// the bytes decoded to UTF-8, the separator found from the header line, and
// the header's columns recognized in Spanish or English.
//
// Encodings: UTF-8 (with or without a BOM); UTF-16LE/BE with a BOM, or
// without one when its zero bytes give it away (a warning says it was a
// guess); anything else that is not valid UTF-8 is read as Windows-1252
// (a superset of Latin-1) byte by byte where it is invalid, with a warning
// naming the first line: "Pe\xF1a" becomes "Peña" and still matches.
// Line ends: \n, \r\n or \r.
//
// Separators: ',', ';' (Spanish-locale spreadsheets) or tab, whichever the
// header line holds most of outside quotes; a header with none of them is
// one column, and its rows are read whole ("LAST, First" stays one name).
//
// Headers are matched case-, accent- and punctuation-insensitively
// (NamesColumnFor). Unknown headers are warnings, not errors: the column is
// not read. Two headers for the same column are an error.
//
// Messages name the file and line and never a value from a row; a header
// may be quoted (it is not a value).
//
// Thread-safety: pure functions.
#ifndef REDACT_STAGES_DETECT_NAMES_CSV_H_
#define REDACT_STAGES_DETECT_NAMES_CSV_H_

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace redact {

// What a names-list column holds. kSecondLast ("Segundo apellido",
// "Apellido materno") is appended to kLast.
enum class NamesColumn { kName, kFirst, kMiddle, kLast, kSecondLast, kId, kANumber, kAliases, kDob };
inline constexpr size_t kNamesColumnCount = 9;

// The column a header names ("Primer nombre", "A#", "F. nac."), or nullopt.
std::optional<NamesColumn> NamesColumnFor(std::string_view header);

enum class TextEncoding { kUtf8, kUtf16Le, kUtf16Be, kWindows1252 };

struct DecodedText {
  std::string utf8;           // BOM removed, every line end "\n"
  TextEncoding encoding = TextEncoding::kUtf8;
  std::vector<std::string> warnings;  // "<name>:<line>: …"
};

// `bytes` as UTF-8. Errors (kInvalidArgument, "<name>:<line>: …"): UTF-32,
// UTF-16 with an odd byte count or a broken surrogate pair, zero bytes in
// what is not UTF-16.
StatusOr<DecodedText> DecodeNamesText(std::string_view bytes, const std::string& name);

struct NamesTable {
  struct Row {
    int line = 0;  // where the row starts in the file (1-based)
    std::vector<std::string> cells;  // trimmed
  };
  // Cell index per NamesColumn (static_cast<size_t>), -1 when absent.
  std::array<int, kNamesColumnCount> columns;
  std::vector<Row> rows;  // data rows, header excluded; blank rows dropped
  // The cell of `row` for `column`, "" when absent.
  const std::string& Cell(const Row& row, NamesColumn column) const;
  std::vector<std::string> warnings;  // "<name>:<line>: …"
};

// Decodes, splits and maps the header. Errors (kInvalidArgument, naming
// file and line and saying what to fix): an empty list, a header with no
// name column, two headers for one column, a header whose separator is
// ambiguous, malformed or unclosed quotes, a row with more values than the
// header has columns.
StatusOr<NamesTable> ReadNamesTable(std::string_view bytes, const std::string& name);

}  // namespace redact

#endif  // REDACT_STAGES_DETECT_NAMES_CSV_H_
