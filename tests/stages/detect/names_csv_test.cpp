// Names lists as people export them: encodings, separators, Spanish and
// English headers, and errors a person can act on. The bytes of each file
// are written out here, not produced by a converter.
#include "stages/detect/names_csv.h"

#include <gtest/gtest.h>

#include "stages/detect/detector.h"
#include "stages/detect/names.h"

namespace redact {
namespace {

using Strings = std::vector<std::string>;

// The bytes of a string literal, zero bytes included.
template <size_t N>
std::string Bytes(const char (&literal)[N]) {
  return std::string(literal, N - 1);
}

NamesIndex Load(const std::string& csv) {
  auto names = NamesIndex::FromCsvText(csv, "list.csv");
  EXPECT_TRUE(names.has_value()) << names.error().ToString();
  return names.has_value() ? std::move(*names) : NamesIndex();
}

Strings Found(const NamesIndex& names, const std::string& text) {
  Detector d(RuleSet{}, names, Policy{});
  Strings out;
  for (const Finding& f : d.DetectText(text)) out.push_back(text.substr(f.begin, f.end - f.begin));
  return out;
}

std::string Message(const std::string& csv) {
  auto names = NamesIndex::FromCsvText(csv, "list.csv");
  EXPECT_FALSE(names.has_value()) << "the list should be refused";
  return names.has_value() ? "" : names.error().message();
}

bool Has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// --- Encodings -------------------------------------------------------------

TEST(NamesEncoding, Utf8WithBomCrLfAndSemicolons) {
  NamesIndex n = Load("\xEF\xBB\xBF" "Nombre;Apellidos\r\nJos\xC3\xA9;Pe\xC3\xB1" "a Ortiz\r\n");
  EXPECT_EQ(Found(n, "Jos\xC3\xA9 Pe\xC3\xB1" "a Ortiz testified"), Strings{"Jos\xC3\xA9 Pe\xC3\xB1" "a Ortiz"});
  EXPECT_TRUE(n.warnings().empty());
}

TEST(NamesEncoding, Utf16LittleEndianWithBom) {
  // "name\r\nJosé Peña Ortiz\r\n" in UTF-16LE.
  NamesIndex n = Load(Bytes("\xFF\xFE" "n\0a\0m\0e\0\r\0\n\0"
                            "J\0o\0s\0\xE9\0 \0P\0e\0\xF1\0a\0 \0O\0r\0t\0i\0z\0\r\0\n\0"));
  ASSERT_EQ(n.entities().size(), 1u);
  EXPECT_EQ(Found(n, "Jos\xC3\xA9 Pe\xC3\xB1" "a Ortiz"), Strings{"Jos\xC3\xA9 Pe\xC3\xB1" "a Ortiz"});
  EXPECT_TRUE(n.warnings().empty());
}

TEST(NamesEncoding, Utf16BigEndianWithBom) {
  NamesIndex n = Load(Bytes("\xFE\xFF" "\0n\0a\0m\0e\0\n"
                            "\0J\0o\0s\0\xE9\0 \0P\0e\0\xF1\0a\0 \0O\0r\0t\0i\0z\0\n"));
  EXPECT_EQ(Found(n, "Jose Pena Ortiz"), Strings{"Jose Pena Ortiz"});
}

TEST(NamesEncoding, Utf16WithoutBomIsGuessedWithAWarning) {
  NamesIndex n = Load(Bytes("n\0a\0m\0e\0\n\0A\0n\0a\0 \0R\0u\0i\0z\0\n\0"));
  EXPECT_EQ(Found(n, "Ana Ruiz"), Strings{"Ana Ruiz"});
  ASSERT_EQ(n.warnings().size(), 1u);
  EXPECT_TRUE(Has(n.warnings()[0], "list.csv:1:")) << n.warnings()[0];
  EXPECT_TRUE(Has(n.warnings()[0], "UTF-16LE")) << n.warnings()[0];
}

TEST(NamesEncoding, Latin1IsReadAsWindows1252WithAWarning) {
  // The list that left "Peña Ortiz" in a filed PDF: "Pe\xF1a" is no UTF-8.
  NamesIndex n = Load("id,first,last\nCM-2,Jos\xE9,Pe\xF1" "a Ortiz\n");
  EXPECT_EQ(Found(n, "Jos\xC3\xA9 Pe\xC3\xB1" "a Ortiz"), Strings{"Jos\xC3\xA9 Pe\xC3\xB1" "a Ortiz"});
  EXPECT_EQ(Found(n, "PE\xC3\x91" "A ORTIZ, Jos\xC3\xA9"), Strings{"PE\xC3\x91" "A ORTIZ, Jos\xC3\xA9"});
  ASSERT_EQ(n.warnings().size(), 1u);
  const std::string& w = n.warnings()[0];
  EXPECT_TRUE(Has(w, "list.csv:2:")) << w;
  EXPECT_TRUE(Has(w, "Windows-1252")) << w;
  EXPECT_FALSE(Has(w, "Pe") || Has(w, "Ortiz") || Has(w, "Jos")) << "a warning shows no value: " << w;
}

TEST(NamesEncoding, Windows1252PunctuationAndMixedLines) {
  // Line 2 is UTF-8, lines 3 and 4 Windows-1252 (0x92 is a curly apostrophe).
  NamesIndex n = Load("name\nMar\xC3\xAD" "a L\xC3\xB3pez\nAna Nu\xF1" "ez\nSe\xE1n O\x92" "Brien\n");
  EXPECT_EQ(Found(n, "Mar\xC3\xAD" "a L\xC3\xB3pez"), Strings{"Mar\xC3\xAD" "a L\xC3\xB3pez"});
  EXPECT_EQ(Found(n, "Ana Nu\xC3\xB1" "ez"), Strings{"Ana Nu\xC3\xB1" "ez"});
  EXPECT_EQ(Found(n, "Se\xC3\xA1n O'Brien"), Strings{"Se\xC3\xA1n O'Brien"});
  ASSERT_EQ(n.warnings().size(), 1u);
  EXPECT_TRUE(Has(n.warnings()[0], "list.csv:3:")) << n.warnings()[0];
  EXPECT_TRUE(Has(n.warnings()[0], "1 more line")) << n.warnings()[0];
}

TEST(NamesEncoding, Refused) {
  EXPECT_TRUE(Has(Message(Bytes("\xFF\xFE\0\0n\0\0\0")), "UTF-32"));
  EXPECT_TRUE(Has(Message(Bytes("\xFF\xFE" "n\0a\0m\0e\0\n")), "half a UTF-16 character"));
  EXPECT_TRUE(Has(Message(Bytes("\xFF\xFE" "n\0\x00\xD8" "a\0")), "surrogate"));
  EXPECT_TRUE(Has(Message(Bytes("PK\3\4\0\0\0\0\x14\0\0\0")), "zero bytes"));
}

// --- Separators ------------------------------------------------------------

TEST(NamesSeparator, SemicolonWithCommasInsideValues) {
  NamesIndex n = Load("id;name;aliases\nP1;Ruiz G\xC3\xB3mez, Ana;\"Anita Ruiz; A. Ruiz\"\n");
  ASSERT_EQ(n.entities().size(), 1u);
  EXPECT_EQ(n.entities()[0].id, "P1");
  EXPECT_EQ(Found(n, "Ana Ruiz G\xC3\xB3mez"), Strings{"Ana Ruiz G\xC3\xB3mez"});
  EXPECT_EQ(Found(n, "Anita Ruiz"), Strings{"Anita Ruiz"});
}

TEST(NamesSeparator, Tab) {
  NamesIndex n = Load("first\tlast\ta_number\nOksana\tPetrenko\tA-215-555-019\n");
  ASSERT_EQ(n.entities().size(), 1u);
  EXPECT_EQ(n.entities()[0].a_number, "A215555019");
  EXPECT_EQ(Found(n, "Oksana Petrenko"), Strings{"Oksana Petrenko"});
}

TEST(NamesSeparator, OneColumnKeepsCommasInTheName) {
  NamesIndex n = Load("name\nRuiz G\xC3\xB3mez, Ana\n");
  EXPECT_EQ(Found(n, "Ana Ruiz G\xC3\xB3mez"), Strings{"Ana Ruiz G\xC3\xB3mez"});
}

TEST(NamesSeparator, AmbiguousHeaderIsAnError) {
  const std::string m = Message("name,id;dob;aliases,x\nAna Ruiz,1;2;3,4\n");
  EXPECT_TRUE(Has(m, "list.csv:1:")) << m;
  EXPECT_TRUE(Has(m, "separator")) << m;
}

// --- Headers ---------------------------------------------------------------

TEST(NamesHeader, SpanishAndEnglishAliases) {
  const std::pair<const char*, NamesColumn> cases[] = {
      {"Nombre", NamesColumn::kFirst},        {"Primer nombre", NamesColumn::kFirst},
      {"First name", NamesColumn::kFirst},    {"Given Name", NamesColumn::kFirst},
      {"first_name", NamesColumn::kFirst},    {"Segundo nombre", NamesColumn::kMiddle},
      {"Middle name", NamesColumn::kMiddle},  {"Apellido(s)", NamesColumn::kLast},
      {"APELLIDOS", NamesColumn::kLast},      {"Last name", NamesColumn::kLast},
      {"Surname", NamesColumn::kLast},        {"Family Name", NamesColumn::kLast},
      {"Segundo apellido", NamesColumn::kSecondLast},
      {"Nombre completo", NamesColumn::kName}, {"Full name", NamesColumn::kName},
      {"name", NamesColumn::kName},           {"N\xC3\xBAmero A", NamesColumn::kANumber},
      {"Numero A", NamesColumn::kANumber},    {"A-Number", NamesColumn::kANumber},
      {"a_number", NamesColumn::kANumber},    {"A#", NamesColumn::kANumber},
      {"Alien No.", NamesColumn::kANumber},   {"Alien Number", NamesColumn::kANumber},
      {"Fecha de nacimiento", NamesColumn::kDob}, {"F. nac.", NamesColumn::kDob},
      {"DOB", NamesColumn::kDob},             {"Date of birth", NamesColumn::kDob},
      {"Alias", NamesColumn::kAliases},       {"Aliases", NamesColumn::kAliases},
      {"AKA", NamesColumn::kAliases},         {"Tambi\xC3\xA9n conocido como", NamesColumn::kAliases},
      {"ID", NamesColumn::kId},               {"Id", NamesColumn::kId}};
  for (const auto& [header, column] : cases) {
    EXPECT_EQ(NamesColumnFor(header), column) << header;
  }
  EXPECT_EQ(NamesColumnFor("A\xC3\xB1o"), std::nullopt);  // "Año" (year) is no A-number
  EXPECT_EQ(NamesColumnFor("Tel\xC3\xA9" "fono"), std::nullopt);
}

TEST(NamesHeader, SpanishList) {
  NamesIndex n = Load(
      "ID;Nombre;Segundo nombre;Apellido(s);N\xC3\xBAmero A;F. nac.;Tambi\xC3\xA9n conocido como\n"
      "CM-1;Mar\xC3\xAD" "a;Guadalupe;Hern\xC3\xA1ndez-N\xC3\xBA\xC3\xB1" "ez;A-201-234-567;03/14/1987;Lupita\n");
  ASSERT_EQ(n.entities().size(), 1u);
  EXPECT_EQ(n.entities()[0].id, "CM-1");
  EXPECT_EQ(n.entities()[0].a_number, "A201234567");
  EXPECT_EQ(n.entities()[0].dob, "03/14/1987");
  EXPECT_EQ(Found(n, "MARIA HERNANDEZ NUNEZ"), Strings{"MARIA HERNANDEZ NUNEZ"});
  EXPECT_EQ(Found(n, "Maria Guadalupe Hernandez-Nunez"), Strings{"Maria Guadalupe Hernandez-Nunez"});
  EXPECT_TRUE(n.warnings().empty());
}

TEST(NamesHeader, SecondSurnameJoinsTheFirst) {
  NamesIndex n = Load("Nombre,Primer apellido,Segundo apellido\nJos\xC3\xA9,Pe\xC3\xB1" "a,Ortiz\n");
  EXPECT_EQ(Found(n, "Jose Pena Ortiz"), Strings{"Jose Pena Ortiz"});
  EXPECT_EQ(Found(n, "PENA ORTIZ, Jose"), Strings{"PENA ORTIZ, Jose"});
}

TEST(NamesHeader, NombreAloneHoldsWholeNames) {
  NamesIndex n = Load("Nombre;A#\nJos\xC3\xA9 Luis Pe\xC3\xB1" "a Ortiz;098765432\n");
  EXPECT_EQ(Found(n, "PE\xC3\x91" "A ORTIZ, Jos\xC3\xA9 Luis"), Strings{"PE\xC3\x91" "A ORTIZ, Jos\xC3\xA9 Luis"});
  ASSERT_EQ(n.warnings().size(), 1u);
  EXPECT_TRUE(Has(n.warnings()[0], "list.csv:1: column 'Nombre' is read as whole names")) << n.warnings()[0];
}

TEST(NamesHeader, UnknownColumnIsAWarningNamingIt) {
  NamesIndex n = Load("name,Tel\xC3\xA9" "fono,a_number\nAna Ruiz,555-0100,A201234567\n");
  ASSERT_EQ(n.entities().size(), 1u);
  ASSERT_EQ(n.warnings().size(), 1u);
  const std::string& w = n.warnings()[0];
  EXPECT_TRUE(Has(w, "list.csv:1:")) << w;
  EXPECT_TRUE(Has(w, "'Tel\xC3\xA9" "fono'")) << w;
  EXPECT_FALSE(Has(w, "555")) << w;
}

TEST(NamesHeader, Errors) {
  std::string m = Message("foo,bar\n1,2\n");
  EXPECT_TRUE(Has(m, "list.csv:1: no name column")) << m;
  EXPECT_TRUE(Has(m, "apellidos")) << m;
  m = Message("Nombre,First name,last\nAna,Ana,Ruiz\n");
  EXPECT_TRUE(Has(m, "list.csv:1:")) << m;
  EXPECT_TRUE(Has(m, "'Nombre' and 'First name'")) << m;
  m = Message("\n\n");
  EXPECT_TRUE(Has(m, "empty names list")) << m;
}

// --- Rows ------------------------------------------------------------------

TEST(NamesRows, QuoteNeverClosedNamesItsLine) {
  const std::string m = Message("name,id\nAna Ruiz,1\n\nLuis Vega,2\n\"Peña Ortiz,3\nMar\xC3\xAD" "a L\xC3\xB3pez,4\n");
  EXPECT_TRUE(Has(m, "list.csv:5: a quote opened here is never closed")) << m;
  EXPECT_TRUE(Has(m, "check the quotes in this row")) << m;
  EXPECT_FALSE(Has(m, "Ortiz") || Has(m, "L\xC3\xB3pez")) << m;
}

TEST(NamesRows, QuoteClosedTooLateNamesWhereItOpened) {
  const std::string m = Message("name,id\n\"Ana Ruiz,1\n\"Luis\" Vega,2\n");
  EXPECT_TRUE(Has(m, "list.csv:2: a quote opened here")) << m;
}

TEST(NamesRows, StrayQuoteInAValue) {
  const std::string m = Message("name,id\nAna Ruiz,1\nLuis \"Lucho\" Vega,2\n");
  EXPECT_TRUE(Has(m, "list.csv:3:")) << m;
  EXPECT_TRUE(Has(m, "quote")) << m;
  EXPECT_FALSE(Has(m, "Lucho")) << m;
}

TEST(NamesRows, MoreValuesThanColumns) {
  const std::string m = Message("first,last\nAna,Ruiz\nJos\xC3\xA9,Pe\xC3\xB1" "a, Ortiz\n");
  EXPECT_TRUE(Has(m, "list.csv:3:")) << m;
  EXPECT_TRUE(Has(m, "in quotes")) << m;
  // Trailing empty values (spreadsheets add them) are fine.
  EXPECT_EQ(Load("first,last\nAna,Ruiz,,\n").entities().size(), 1u);
}

TEST(NamesRows, IdDefaultsToTheLine) {
  NamesIndex n = Load("name\n\nAna Ruiz\n");
  ASSERT_EQ(n.entities().size(), 1u);
  EXPECT_EQ(n.entities()[0].id, "row-3");
}

}  // namespace
}  // namespace redact
