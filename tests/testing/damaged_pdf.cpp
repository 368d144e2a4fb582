#include "tests/testing/damaged_pdf.h"

#include <zlib.h>

#include <cstdio>
#include <regex>
#include <stdexcept>

namespace redact::testing {

std::string WithJunkBeforeHeader(const std::string& pdf, const std::string& junk) { return junk + pdf; }

std::string WithBrokenXref(const std::string& pdf) {
  const size_t table = pdf.rfind("\nxref\n");
  const size_t trailer = pdf.find("trailer", table);
  if (table == std::string::npos || trailer == std::string::npos) throw std::invalid_argument("no xref table");
  std::string entries = pdf.substr(table, trailer - table);
  const std::regex in_use("(\\d{10}) 00000 n");
  std::string moved;
  auto last = entries.cbegin();
  for (std::sregex_iterator it(entries.begin(), entries.end(), in_use), end; it != end; ++it) {
    moved.append(last, (*it)[0].first);
    char line[32];
    std::snprintf(line, sizeof line, "%010lld 00000 n", std::stoll((*it)[1].str()) + 5);
    moved += line;
    last = (*it)[0].second;
  }
  moved.append(last, entries.cend());
  return pdf.substr(0, table) + moved + pdf.substr(trailer);
}

std::string WithWrongStartxref(const std::string& pdf) {
  const size_t at = pdf.rfind("startxref\n");
  if (at == std::string::npos) throw std::invalid_argument("no startxref");
  const size_t begin = at + 10, end = pdf.find('\n', begin);
  const long long offset = std::stoll(pdf.substr(begin, end - begin));
  return pdf.substr(0, begin) + std::to_string(offset - 10) + pdf.substr(end);
}

std::string WithWrongSize(const std::string& pdf) {
  return std::regex_replace(pdf, std::regex("/Size \\d+"), "/Size 9999999", std::regex_constants::format_first_only);
}

std::string WithoutXref(const std::string& pdf) {
  const size_t table = pdf.rfind("\nxref\n");
  const size_t trailer = pdf.find("trailer", table);
  const size_t startxref = pdf.rfind("startxref\n");
  if (table == std::string::npos || trailer == std::string::npos || startxref == std::string::npos) {
    throw std::invalid_argument("no xref table");
  }
  return pdf.substr(0, table + 1) + pdf.substr(trailer, startxref - trailer) + "%%EOF\n";
}

std::string FlateWithBadTail(const std::string& readable) {
  z_stream z{};
  if (deflateInit(&z, Z_BEST_COMPRESSION) != Z_OK) throw std::runtime_error("deflateInit");
  std::string out(deflateBound(&z, readable.size()) + 64, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(readable.data()));
  z.avail_in = static_cast<uInt>(readable.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  const int rc = deflate(&z, Z_FULL_FLUSH);
  out.resize(out.size() - z.avail_out);
  deflateEnd(&z);
  if (rc != Z_OK) throw std::runtime_error("deflate");
  // 0xFF: a final block of type 3, which does not exist.
  return out + std::string(8, '\xFF');
}

}  // namespace redact::testing
