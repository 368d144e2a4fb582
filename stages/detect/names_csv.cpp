#include "stages/detect/names_csv.h"

#include <csv.h>
#include <utf8proc.h>

#include <algorithm>
#include <cstring>
#include <utility>

#include "stages/detect/normalize.h"

namespace redact {
namespace {

std::string At(const std::string& name, int line) { return name + ":" + std::to_string(line) + ": "; }

Status Invalid(std::string message) { return Status(StatusCode::kInvalidArgument, std::move(message)); }

void AppendUtf8(int32_t cp, std::string* out) {
  utf8proc_uint8_t buf[4];
  const utf8proc_ssize_t n = utf8proc_encode_char(cp, buf);
  out->append(reinterpret_cast<const char*>(buf), static_cast<size_t>(n));
}

// Windows-1252 at 0x80–0x9F; the five bytes it leaves undefined read as
// Latin-1's C1 controls, as Windows itself does.
constexpr int32_t kWindows1252High[32] = {
    0x20AC, 0x81,   0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0x8D,   0x017D, 0x8F,   0x90,   0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D,   0x017E, 0x0178};

// UTF-8 where the bytes are UTF-8; every other byte read as Windows-1252.
// `first_bad_line` (0: none) and `bad_lines` say where that happened.
std::string FromUtf8OrWindows1252(std::string_view bytes, int* first_bad_line, int* bad_lines) {
  std::string out;
  out.reserve(bytes.size() + bytes.size() / 8);
  int line = 1, last_bad = 0;
  size_t i = 0;
  while (i < bytes.size()) {
    const auto c = static_cast<unsigned char>(bytes[i]);
    if (c < 0x80) {
      out.push_back(static_cast<char>(c));
      if (c == '\n') ++line;
      ++i;
      continue;
    }
    utf8proc_int32_t cp = 0;
    const utf8proc_ssize_t n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(bytes.data() + i),
                                                static_cast<utf8proc_ssize_t>(bytes.size() - i), &cp);
    if (n > 0) {
      out.append(bytes.substr(i, static_cast<size_t>(n)));
      i += static_cast<size_t>(n);
      continue;
    }
    AppendUtf8(c < 0xA0 ? kWindows1252High[c - 0x80] : c, &out);
    if (*first_bad_line == 0) *first_bad_line = line;
    if (last_bad != line) ++*bad_lines;
    last_bad = line;
    ++i;
  }
  return out;
}

StatusOr<std::string> FromUtf16(std::string_view bytes, bool little_endian, const std::string& name) {
  std::string out;
  out.reserve(bytes.size());
  int line = 1;
  auto unit = [&](size_t at) {
    const auto a = static_cast<unsigned char>(bytes[at]), b = static_cast<unsigned char>(bytes[at + 1]);
    return little_endian ? static_cast<uint32_t>(a | (b << 8)) : static_cast<uint32_t>((a << 8) | b);
  };
  for (size_t i = 0; i + 1 < bytes.size(); i += 2) {
    uint32_t cp = unit(i);
    if (cp >= 0xD800 && cp <= 0xDBFF && i + 3 < bytes.size() && unit(i + 2) >= 0xDC00 &&
        unit(i + 2) <= 0xDFFF) {
      cp = 0x10000 + ((cp - 0xD800) << 10) + (unit(i + 2) - 0xDC00);
      i += 2;
    } else if (cp >= 0xD800 && cp <= 0xDFFF) {
      return Error(Invalid(At(name, line) + "a broken UTF-16 character (half a surrogate pair) — "
                                            "the file may be damaged; export the list again"));
    }
    if (cp == 0) {
      return Error(Invalid(At(name, line) + "a zero character — this is not a text list; export it as CSV"));
    }
    if (cp == '\n') ++line;
    AppendUtf8(static_cast<int32_t>(cp), &out);
  }
  if (bytes.size() % 2 != 0) {
    return Error(Invalid(At(name, line) + "the file ends in half a UTF-16 character — it may be cut "
                                          "short; export the list again"));
  }
  return out;
}

// A UTF-16 file without a byte-order mark, from where its zero bytes fall:
// ASCII text in UTF-16LE has a zero in every odd byte. true: LE, false: BE.
std::optional<bool> GuessUtf16(std::string_view bytes) {
  const size_t n = std::min<size_t>(bytes.size(), 4096) & ~size_t{1};
  size_t even_zeros = 0, odd_zeros = 0;
  for (size_t i = 0; i < n; ++i) {
    if (bytes[i] == '\0') ++(i % 2 == 0 ? even_zeros : odd_zeros);
  }
  const size_t pairs = n / 2;
  if (pairs < 2) return std::nullopt;
  if (odd_zeros * 4 >= pairs && even_zeros * 10 < odd_zeros) return true;
  if (even_zeros * 4 >= pairs && odd_zeros * 10 < even_zeros) return false;
  return std::nullopt;
}

std::string UnifyLineEnds(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r') {
      out.push_back('\n');
      if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
    } else {
      out.push_back(text[i]);
    }
  }
  return out;
}

bool IsBlank(std::string_view line) {
  return line.find_first_not_of(" \t\n") == std::string_view::npos;
}

std::string Trim(std::string_view s) {
  const size_t b = s.find_first_not_of(" \t\r\n");
  const size_t e = s.find_last_not_of(" \t\r\n");
  return b == std::string_view::npos ? "" : std::string(s.substr(b, e - b + 1));
}

// The separator the header line uses most outside quotes; '\0' when it has
// none (one column).
StatusOr<char> DetectSeparator(std::string_view text, const std::string& name) {
  size_t begin = 0;
  int line = 1;
  for (size_t end = text.find('\n'); end != std::string_view::npos && IsBlank(text.substr(begin, end - begin));
       end = text.find('\n', begin)) {
    begin = end + 1;
    ++line;
  }
  const std::string_view header = text.substr(begin, text.find('\n', begin) - begin);
  std::pair<char, int> counts[] = {{',', 0}, {';', 0}, {'\t', 0}};
  bool quoted = false;
  for (char c : header) {
    if (c == '"') quoted = !quoted;
    for (auto& [sep, count] : counts) count += !quoted && c == sep;
  }
  std::sort(std::begin(counts), std::end(counts),
            [](const auto& a, const auto& b) { return a.second > b.second; });
  if (counts[0].second == 0) return '\0';
  if (counts[0].second == counts[1].second) {
    auto show = [](char c) { return c == '\t' ? std::string("tabs") : std::string("'") + c + "'"; };
    return Error(Invalid(At(name, line) + "the header holds as many " + show(counts[0].first) + " as " +
                         show(counts[1].first) + ", so the separator is unclear — separate the "
                         "columns with one of them only"));
  }
  return counts[0].first;
}

struct RowCollector {
  std::vector<NamesTable::Row> rows;
  std::vector<std::string> current;
  int line = 0;      // the line being parsed
  int row_line = 0;  // where the open row started; 0: none open

  static void Field(void* s, size_t len, void* data) {
    auto* self = static_cast<RowCollector*>(data);
    self->current.push_back(Trim(std::string_view(static_cast<const char*>(s), len)));
  }
  static void Row(int, void* data) {
    auto* self = static_cast<RowCollector*>(data);
    self->rows.push_back({self->row_line != 0 ? self->row_line : self->line, std::move(self->current)});
    self->current.clear();
    self->row_line = 0;
  }
};

int OnlySpaces(unsigned char c) { return c == ' ' ? 1 : 0; }

// What went wrong in libcsv's terms, said so that a person can fix the row.
Status CsvError(int error, const RowCollector& c, bool at_end, const std::string& name) {
  if (error == CSV_ENOMEM || error == CSV_ETOOBIG) {
    return Status(StatusCode::kResource, At(name, c.row_line ? c.row_line : c.line) +
                                             "a value too large to read — check the quotes in this row");
  }
  if (at_end) {
    return Invalid(At(name, c.row_line ? c.row_line : c.line) +
                   "a quote opened here is never closed — check the quotes in this row");
  }
  if (c.row_line != 0 && c.row_line < c.line) {
    return Invalid(At(name, c.row_line) + "a quote opened here is not closed where it should be (the "
                                          "row runs on to line " + std::to_string(c.line) +
                   ") — check the quotes in this row");
  }
  return Invalid(At(name, c.line) + "a misplaced quote — a value holding quotes must itself be in "
                                    "quotes, with each quote inside doubled (\"\"); check the quotes in "
                                    "this row");
}

// Rows of `text` (line ends "\n"), each with the line it starts on.
StatusOr<std::vector<NamesTable::Row>> ParseRows(std::string_view text, char separator, const std::string& name) {
  csv_parser parser;
  if (csv_init(&parser, CSV_APPEND_NULL | CSV_STRICT | CSV_STRICT_FINI) != 0) {
    return Error(StatusCode::kInternal, name + ": cannot start the CSV parser");
  }
  csv_set_delim(&parser, static_cast<unsigned char>(separator));
  csv_set_space_func(&parser, &OnlySpaces);
  RowCollector c;
  size_t pos = 0;
  Status failed;
  while (pos < text.size() && failed.ok()) {
    const size_t nl = text.find('\n', pos);
    const std::string_view chunk = text.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl + 1 - pos);
    ++c.line;
    if (c.row_line == 0 && !IsBlank(chunk)) c.row_line = c.line;
    if (csv_parse(&parser, chunk.data(), chunk.size(), &RowCollector::Field, &RowCollector::Row, &c) != chunk.size()) {
      failed = CsvError(csv_error(&parser), c, false, name);
    }
    pos += chunk.size();
  }
  if (failed.ok() && csv_fini(&parser, &RowCollector::Field, &RowCollector::Row, &c) != 0) {
    failed = CsvError(csv_error(&parser), c, true, name);
  }
  csv_free(&parser);
  if (!failed.ok()) return Error(failed);
  std::erase_if(c.rows, [](const NamesTable::Row& row) {
    return std::all_of(row.cells.begin(), row.cells.end(), [](const std::string& s) { return s.empty(); });
  });
  return std::move(c.rows);
}

// Header words, normalized by NormalizedHeader.
struct HeaderName {
  const char* header;
  NamesColumn column;
};
constexpr HeaderName kHeaders[] = {
    {"name", NamesColumn::kName}, {"full name", NamesColumn::kName}, {"fullname", NamesColumn::kName},
    {"nombre completo", NamesColumn::kName}, {"nombre y apellidos", NamesColumn::kName},
    {"nombres y apellidos", NamesColumn::kName},
    {"first", NamesColumn::kFirst}, {"first name", NamesColumn::kFirst}, {"firstname", NamesColumn::kFirst},
    {"given", NamesColumn::kFirst}, {"given name", NamesColumn::kFirst}, {"given names", NamesColumn::kFirst},
    {"forename", NamesColumn::kFirst}, {"nombre", NamesColumn::kFirst}, {"nombres", NamesColumn::kFirst},
    {"primer nombre", NamesColumn::kFirst}, {"nombre de pila", NamesColumn::kFirst},
    {"middle", NamesColumn::kMiddle}, {"middle name", NamesColumn::kMiddle},
    {"middle names", NamesColumn::kMiddle}, {"middlename", NamesColumn::kMiddle},
    {"segundo nombre", NamesColumn::kMiddle},
    {"last", NamesColumn::kLast}, {"last name", NamesColumn::kLast}, {"lastname", NamesColumn::kLast},
    {"surname", NamesColumn::kLast}, {"surnames", NamesColumn::kLast}, {"family name", NamesColumn::kLast},
    {"apellido", NamesColumn::kLast}, {"apellidos", NamesColumn::kLast},
    {"primer apellido", NamesColumn::kLast}, {"apellido paterno", NamesColumn::kLast},
    {"segundo apellido", NamesColumn::kSecondLast}, {"apellido materno", NamesColumn::kSecondLast},
    {"id", NamesColumn::kId}, {"entity", NamesColumn::kId}, {"entity id", NamesColumn::kId},
    {"identificador", NamesColumn::kId},
    {"a number", NamesColumn::kANumber}, {"anumber", NamesColumn::kANumber}, {"a#", NamesColumn::kANumber},
    {"a #", NamesColumn::kANumber}, {"a no", NamesColumn::kANumber}, {"alien no", NamesColumn::kANumber},
    {"alien number", NamesColumn::kANumber}, {"alien registration number", NamesColumn::kANumber},
    {"numero a", NamesColumn::kANumber}, {"numero de a", NamesColumn::kANumber},
    {"no a", NamesColumn::kANumber}, {"numero de extranjero", NamesColumn::kANumber},
    {"dob", NamesColumn::kDob}, {"date of birth", NamesColumn::kDob}, {"birth date", NamesColumn::kDob},
    {"birthdate", NamesColumn::kDob}, {"fecha de nacimiento", NamesColumn::kDob},
    {"fecha nacimiento", NamesColumn::kDob}, {"fecha nac", NamesColumn::kDob}, {"f nac", NamesColumn::kDob},
    {"fnac", NamesColumn::kDob}, {"nacimiento", NamesColumn::kDob},
    {"aliases", NamesColumn::kAliases}, {"alias", NamesColumn::kAliases}, {"aka", NamesColumn::kAliases},
    {"a k a", NamesColumn::kAliases}, {"also known as", NamesColumn::kAliases},
    {"tambien conocido como", NamesColumn::kAliases}, {"otros nombres", NamesColumn::kAliases},
    {"other names", NamesColumn::kAliases},
};

const char kKnownHeaders[] =
    "name / full name / nombre completo, first name / nombre, middle name / segundo nombre, "
    "last name / surname / apellidos, segundo apellido, id, A-number / número A / A#, "
    "date of birth / fecha de nacimiento, aliases / alias";

// Lower case, accents gone, "(s)" parentheses dropped, other punctuation
// ('_', '-', '.', '/') a space: "Apellido(s)" → "apellidos", "F. nac." →
// "f nac", "A-Number" → "a number".
std::string NormalizedHeader(std::string_view header) {
  const std::string folded = NormalizeString(header);
  std::string out;
  for (char c : folded) {
    const auto u = static_cast<unsigned char>(c);
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '#' || u >= 0x80) {
      out.push_back(c);
    } else if (c != '(' && c != ')' && !out.empty() && out.back() != ' ') {
      out.push_back(' ');
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

// Maps the header row to columns; warnings for what is not read.
Status MapHeader(const NamesTable::Row& header, const std::vector<NamesTable::Row>& rows,
                 const std::string& name, NamesTable* table) {
  table->columns.fill(-1);
  const std::string at = At(name, header.line);
  for (size_t i = 0; i < header.cells.size(); ++i) {
    const std::string& h = header.cells[i];
    if (h.empty()) {
      const bool has_data = std::any_of(rows.begin() + 1, rows.end(), [&](const NamesTable::Row& r) {
        return i < r.cells.size() && !r.cells[i].empty();
      });
      if (has_data) {
        table->warnings.push_back(at + "column " + std::to_string(i + 1) +
                                  " has no header and is not read — give it one of: " + kKnownHeaders);
      }
      continue;
    }
    const std::optional<NamesColumn> column = NamesColumnFor(h);
    if (!column) {
      table->warnings.push_back(at + "column '" + h + "' is not one the names list reads; it is ignored "
                                "(known: " + kKnownHeaders + ")");
      continue;
    }
    int& slot = table->columns[static_cast<size_t>(*column)];
    if (slot >= 0) {
      return Invalid(at + "columns '" + header.cells[static_cast<size_t>(slot)] + "' and '" + h +
                     "' hold the same thing — keep one of them");
    }
    slot = static_cast<int>(i);
  }
  auto& c = table->columns;
  auto has = [&](NamesColumn col) { return c[static_cast<size_t>(col)] >= 0; };
  if (!has(NamesColumn::kName) && !has(NamesColumn::kLast) && !has(NamesColumn::kSecondLast) &&
      !has(NamesColumn::kMiddle) && has(NamesColumn::kFirst)) {
    // "Nombre" alone: in Spanish lists the whole name more often than not.
    std::swap(c[static_cast<size_t>(NamesColumn::kName)], c[static_cast<size_t>(NamesColumn::kFirst)]);
    table->warnings.push_back(at + "column '" + header.cells[static_cast<size_t>(c[0])] +
                              "' is read as whole names (there is no surname column)");
  }
  if (!has(NamesColumn::kName) && !has(NamesColumn::kFirst) && !has(NamesColumn::kLast) &&
      !has(NamesColumn::kSecondLast)) {
    return Invalid(at + "no name column — the header needs a full-name column (name, full name, "
                        "nombre completo) or first- and last-name columns (first name, nombre; "
                        "last name, surname, apellidos)");
  }
  return Status::Ok();
}

}  // namespace

std::optional<NamesColumn> NamesColumnFor(std::string_view header) {
  const std::string h = NormalizedHeader(header);
  for (const HeaderName& known : kHeaders) {
    if (h == known.header) return known.column;
  }
  return std::nullopt;
}

StatusOr<DecodedText> DecodeNamesText(std::string_view bytes, const std::string& name) {
  DecodedText out;
  if (bytes.starts_with(std::string_view("\xFF\xFE\0\0", 4)) || bytes.starts_with(std::string_view("\0\0\xFE\xFF", 4))) {
    return Error(Invalid(At(name, 1) + "the list is UTF-32 — save it as UTF-8 (CSV UTF-8)"));
  }
  std::optional<bool> utf16_le;
  if (bytes.starts_with("\xEF\xBB\xBF")) {
    bytes.remove_prefix(3);
  } else if (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF")) {
    utf16_le = bytes[0] == '\xFF';
    bytes.remove_prefix(2);
  } else if (bytes.find('\0') != std::string_view::npos) {
    utf16_le = GuessUtf16(bytes);
    if (!utf16_le) {
      return Error(Invalid(At(name, 1) + "the file holds zero bytes and is no text encoding this tool "
                                         "knows — export the list as CSV (UTF-8)"));
    }
    out.warnings.push_back(At(name, 1) + "no byte-order mark; read as UTF-16" + (*utf16_le ? "LE" : "BE") +
                           " from where its zero bytes fall — save the list as UTF-8 to be sure");
  }
  if (utf16_le) {
    StatusOr<std::string> text = FromUtf16(bytes, *utf16_le, name);
    if (!text) return Error(text.error());
    out.encoding = *utf16_le ? TextEncoding::kUtf16Le : TextEncoding::kUtf16Be;
    std::string_view view = *text;
    if (view.starts_with("\xEF\xBB\xBF")) view.remove_prefix(3);
    out.utf8 = UnifyLineEnds(view);
    return out;
  }
  int first_bad = 0, bad_lines = 0;
  const std::string text = FromUtf8OrWindows1252(bytes, &first_bad, &bad_lines);
  if (first_bad != 0) {
    out.encoding = TextEncoding::kWindows1252;
    out.warnings.push_back(At(name, first_bad) + "not UTF-8 text; read as Windows-1252 (Latin-1)" +
                           (bad_lines > 1 ? " here and on " + std::to_string(bad_lines - 1) + " more line(s)"
                                          : std::string()) +
                           " — save the list as UTF-8 (CSV UTF-8) so accented names are read as written");
  }
  out.utf8 = UnifyLineEnds(text);
  return out;
}

const std::string& NamesTable::Cell(const Row& row, NamesColumn column) const {
  static const std::string kEmpty;
  const int c = columns[static_cast<size_t>(column)];
  return c >= 0 && static_cast<size_t>(c) < row.cells.size() ? row.cells[static_cast<size_t>(c)] : kEmpty;
}

StatusOr<NamesTable> ReadNamesTable(std::string_view bytes, const std::string& name) {
  StatusOr<DecodedText> decoded = DecodeNamesText(bytes, name);
  if (!decoded) return Error(decoded.error());
  StatusOr<char> separator = DetectSeparator(decoded->utf8, name);
  if (!separator) return Error(separator.error());
  StatusOr<std::vector<NamesTable::Row>> rows = ParseRows(decoded->utf8, *separator, name);
  if (!rows) return Error(rows.error());
  if (rows->empty()) {
    return Error(Invalid(name + ": empty names list — it needs a header row, then one row per person"));
  }
  NamesTable table;
  table.warnings = std::move(decoded->warnings);
  if (Status s = MapHeader(rows->front(), *rows, name, &table); !s.ok()) return Error(s);
  const size_t width = rows->front().cells.size();
  for (size_t r = 1; r < rows->size(); ++r) {
    const NamesTable::Row& row = (*rows)[r];
    for (size_t i = width; i < row.cells.size(); ++i) {
      if (row.cells[i].empty()) continue;
      const std::string sep = *separator == '\t' ? "a tab" : std::string("'") + *separator + "'";
      return Error(Invalid(At(name, row.line) + "this row has more values than the header has columns (" +
                           std::to_string(width) + ") — a value holding " + sep +
                           " must be in quotes"));
    }
  }
  rows->erase(rows->begin());
  table.rows = std::move(*rows);
  return table;
}

}  // namespace redact
