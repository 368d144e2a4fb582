#include "core/output_words.h"

#include <array>
#include <cstdint>
#include <utility>

namespace redact {

std::string_view LanguageCode(DocumentLanguage language) {
  switch (language) {
    case DocumentLanguage::kEnglish: return "en";
    case DocumentLanguage::kSpanish: return "es";
  }
  return "en";
}

std::optional<DocumentLanguage> ParseLanguageCode(std::string_view code) {
  for (DocumentLanguage l : AllLanguages()) {
    if (LanguageCode(l) == code) return l;
  }
  return std::nullopt;
}

const std::vector<DocumentLanguage>& AllLanguages() {
  static const std::vector<DocumentLanguage> kAll = {DocumentLanguage::kEnglish, DocumentLanguage::kSpanish};
  return kAll;
}

std::string OutputWords::PlaceholderFor(const std::string& category) const {
  auto it = placeholders.find(category);
  return it != placeholders.end() && !it->second.empty() ? it->second : category;
}

OutputWords BuiltInWords(DocumentLanguage language) {
  OutputWords w;
  if (language == DocumentLanguage::kSpanish) {
    w.name_label = "Solicitante";
    w.unlisted_label = "Persona no listada";
    w.person = "Persona";
    w.a_number_of = "Número A de";
    w.placeholders = {{"credible_fear", "protegido"},
                      {"dob", "f. nac."},
                      {"phone", "teléfono"},
                      {"address", "domicilio"},
                      {"email", "correo"},
                      {"receipt_number", "n.º de recibo"},
                      {"ssn", "n.º de seguro social"},
                      {"eoir_or_fbi_label", "n.º de expediente"},
                      {"covered", "oculto"},
                      {"unreadable", "ilegible"},
                      {"undecodable", "ilegible"},
                      {"prior_redaction", "tachado"},
                      {"manual", "protegido"}};
    return w;
  }
  w.name_label = "Applicant";
  w.unlisted_label = "Unlisted Person";
  w.person = "Person";
  w.a_number_of = "A-number of";
  w.placeholders = {{"credible_fear", "protected"}};
  return w;
}

namespace {

// Windows-1252's 0x80–0x9F, by Unicode code point (0 where the code is
// unassigned).
constexpr std::array<uint16_t, 32> kWinAnsiHigh = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

std::optional<char> WinAnsiByte(uint32_t cp) {
  if (cp >= 0x20 && cp < 0x7F) return static_cast<char>(cp);
  if (cp >= 0xA0 && cp <= 0xFF) return static_cast<char>(cp);
  for (size_t i = 0; i < kWinAnsiHigh.size(); ++i) {
    if (kWinAnsiHigh[i] != 0 && kWinAnsiHigh[i] == cp) return static_cast<char>(0x80 + i);
  }
  return std::nullopt;
}

// The code point at s[*i], advancing *i; nullopt for malformed UTF-8.
std::optional<uint32_t> NextCodePoint(std::string_view s, size_t* i) {
  const auto byte = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char lead = byte(*i);
  int extra = lead < 0x80 ? 0 : (lead >> 5) == 0x6 ? 1 : (lead >> 4) == 0xE ? 2 : (lead >> 3) == 0x1E ? 3 : -1;
  if (extra < 0 || *i + static_cast<size_t>(extra) >= s.size()) return std::nullopt;
  uint32_t cp = extra == 0 ? lead : lead & (0x3F >> extra);
  for (int k = 1; k <= extra; ++k) {
    if ((byte(*i + static_cast<size_t>(k)) & 0xC0) != 0x80) return std::nullopt;
    cp = (cp << 6) | (byte(*i + static_cast<size_t>(k)) & 0x3F);
  }
  *i += static_cast<size_t>(extra) + 1;
  return cp;
}

}  // namespace

std::optional<std::string> Utf8ToWinAnsi(std::string_view utf8, std::optional<char> replacement) {
  std::string out;
  for (size_t i = 0; i < utf8.size();) {
    const std::optional<uint32_t> cp = NextCodePoint(utf8, &i);
    const std::optional<char> b = cp ? WinAnsiByte(*cp) : std::nullopt;
    if (!cp) ++i;  // a malformed byte
    if (!b && !replacement) return std::nullopt;
    out.push_back(b ? *b : *replacement);
  }
  return out;
}

}  // namespace redact
