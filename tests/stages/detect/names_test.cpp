#include "stages/detect/names.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "stages/detect/detector.h"

namespace redact {
namespace {

Detector WithNames(const std::string& csv) {
  auto names = NamesIndex::FromCsvText(csv, "names.csv");
  EXPECT_TRUE(names.has_value()) << names.error().ToString();
  RuleSet empty;
  return Detector(std::move(empty), std::move(*names), Policy{});
}

std::vector<std::string> Found(const Detector& d, const std::string& text) {
  std::vector<std::string> out;
  for (const Finding& f : d.DetectText(text)) out.push_back(text.substr(f.begin, f.end - f.begin));
  return out;
}

using Strings = std::vector<std::string>;

const char kList[] =
    "id,first,middle,last,a_number,aliases\n"
    "CM-1,María,Guadalupe,García-López,A-012-345-678,Lupita García\n"
    "CM-2,Jean-Baptiste,,Joseph,,\n"
    "CM-3,Ana,,de la Cruz,,\n";

TEST(Names, AccentCaseAndPunctuationInsensitive) {
  Detector d = WithNames(kList);
  EXPECT_EQ(Found(d, "MARIA GARCIA LOPEZ signed"), Strings{"MARIA GARCIA LOPEZ"});
  EXPECT_EQ(Found(d, "Maria Garcia-Lopez signed"), Strings{"Maria Garcia-Lopez"});
  EXPECT_EQ(Found(d, "María Guadalupe García López"), Strings{"María Guadalupe García López"});
  EXPECT_EQ(Found(d, "Maria G. Garcia-Lopez"), Strings{"Maria G. Garcia-Lopez"});
}

TEST(Names, LastCommaFirstAndCompoundSurnames) {
  Detector d = WithNames(kList);
  EXPECT_EQ(Found(d, "GARCÍA-LÓPEZ, María Guadalupe"), Strings{"GARCÍA-LÓPEZ, María Guadalupe"});
  EXPECT_EQ(Found(d, "Garcia Lopez, Maria"), Strings{"Garcia Lopez, Maria"});
  EXPECT_EQ(Found(d, "Maria Garcia spoke"), Strings{"Maria Garcia"});  // first surname only
}

TEST(Names, SplitAcrossALineBreak) {
  Detector d = WithNames(kList);
  EXPECT_EQ(Found(d, "Plaintiff Maria Garcia-\nLopez moved"), Strings{"Maria Garcia-\nLopez"});
}

TEST(Names, MiddleNameAloneAndSurnameRunTogether) {
  Detector d = WithNames("id,first,middle,last\nCM-1,María,Guadalupe,Hernández-Núñez\n"
                         "CM-7,Fatima,Zahra,El Idrissi\n");
  // OCR may read a wrapped table cell out of order: the middle name alone
  // still names her once the full name is in the document.
  EXPECT_EQ(Found(d, "Guadalupe 1 HERNANDEZ-NUNEZ, Maria"),
            (Strings{"Guadalupe", "HERNANDEZ-NUNEZ, Maria"}));
  EXPECT_EQ(Found(d, "Guadalupe HERNANDEZ-NUNEZ, Maria"),
            (Strings{"Guadalupe", "HERNANDEZ-NUNEZ, Maria"}));
  EXPECT_EQ(Found(d, "Guadalupe Road"), Strings{});  // no full mention, no partial
  EXPECT_EQ(Found(d, "7 | ELIDRISSI, Fatima Zahra"), Strings{"ELIDRISSI, Fatima Zahra"});
}

TEST(Names, AMiddleInitialTheListLacksStillMatches) {
  // Issue 18: "CRYSTAL M. LONG" survived for a listed Crystal Long.
  Detector d = WithNames("id,name\nP1,Crystal Long\nP2,Ana de la Cruz\n");
  EXPECT_EQ(Found(d, "Testimony of CRYSTAL M. LONG, sworn"), Strings{"CRYSTAL M. LONG"});
  EXPECT_EQ(Found(d, "Ms. Crystal M Long stated"), Strings{"Crystal M Long"});
  EXPECT_EQ(Found(d, "Ana M. de la Cruz"), Strings{"Ana M. de la Cruz"});
  // Two letters are no initial, and a lone letter with no surname after it
  // is not a name.
  EXPECT_EQ(Found(d, "Crystal MA Long"), Strings{});
  EXPECT_EQ(Found(d, "Crystal M. Jones"), Strings{});
}

TEST(Names, OneOfTwoSurnamesWithAMiddleInitial) {
  // An I-589's "other names used": "Yusmary C. Palencia" of listed Yusmary
  // Coromoto Briceño Palencia; "Yusmary" was left before a removed surname.
  Detector d = WithNames("first,last\nYusmary Coromoto,Briceño Palencia\n");
  EXPECT_EQ(Found(d, "Yusmary Briceño; Yusmary C. Palencia"), (Strings{"Yusmary Briceño", "Yusmary C. Palencia"}));
  EXPECT_EQ(Found(d, "signed Yusmary C. Briceño"), Strings{"Yusmary C. Briceño"});
}

TEST(Names, MiddleNamesTheListLacksStillMatch) {
  // A list holds "first last"; declarations and captions write the full
  // name ("Rosa Elena Marquez", "María de la Cruz"): the whole name went
  // unread and stayed in the output.
  Detector d = WithNames("id,name\nP1,Rosa Marquez\nP2,María Cruz\n");
  EXPECT_EQ(Found(d, "The declarant, Rosa Elena Marquez, fled."), Strings{"Rosa Elena Marquez"});
  EXPECT_EQ(Found(d, "DECLARATION OF ROSA ELENA MARQUEZ"), Strings{"ROSA ELENA MARQUEZ"});
  EXPECT_EQ(Found(d, "signed by Rosa Elena\nMarquez on"), Strings{"Rosa Elena\nMarquez"});
  EXPECT_EQ(Found(d, "Rosa Elena Guadalupe Marquez"), Strings{"Rosa Elena Guadalupe Marquez"});
  EXPECT_EQ(Found(d, "Applicant María de la Cruz"), Strings{"María de la Cruz"});
  // Not one name: a lower-case word, a title or role, a sentence or list
  // break between the parts, or more than two words.
  EXPECT_EQ(Found(d, "Rosa told Marquez"), Strings{});
  EXPECT_EQ(Found(d, "Rosa Officer Marquez"), Strings{});
  EXPECT_EQ(Found(d, "Rosa. Elena Marquez"), Strings{});
  EXPECT_EQ(Found(d, "Rosa, Elena Marquez"), Strings{});
  EXPECT_EQ(Found(d, "Rosa Ana Elena Luz Marquez"), Strings{});
}

TEST(Names, SurnameAloneOnlyAfterAFullMention) {
  Detector d = WithNames(kList);
  EXPECT_TRUE(Found(d, "Garcia-Lopez testified.").empty());
  EXPECT_EQ(Found(d, "Maria Garcia-Lopez arrived. Later Garcia-Lopez testified."),
            (Strings{"Maria Garcia-Lopez", "Garcia-Lopez"}));
  // Lower case is a word, not a name: "garcia" alone in lower case stays.
  EXPECT_EQ(Found(d, "Maria Garcia-Lopez arrived; the garcia lopez family"),
            Strings{"Maria Garcia-Lopez"});
}

TEST(Names, ANumberMentionEnablesPartials) {
  auto names = NamesIndex::FromCsvText(kList, "names.csv");
  ASSERT_TRUE(names.has_value());
  auto rules = LoadRulesDirectory(std::string(REDACT_SOURCE_DIR) + "/patterns");
  ASSERT_TRUE(rules.has_value());
  Detector d(std::move(*rules), std::move(*names), Policy{});
  auto f = d.DetectText("File A012345678. Ms. García-López appeared.");
  ASSERT_GE(f.size(), 2u);
  EXPECT_EQ(f[0].category, "a_number");
  EXPECT_EQ(f[0].entity, "CM-1");
  EXPECT_EQ(f[0].value, "A012345678");
  bool surname = false;
  for (const Finding& x : f) surname |= x.entity == "CM-1" && x.category == "name";
  EXPECT_TRUE(surname);
}

// Rows whose names share a variant ("Maria Hernández" of R-1 and of R-3,
// Maria Elena): the span is found once, reported for the first row, and
// every row it names counts as mentioned, so R-3's middle name alone is
// hers — also where it runs on into her full name.
TEST(Names, RowsSharingAVariantEachCountAsMentioned) {
  Detector d = WithNames(
      "id,first,middle,last\n"
      "R-1,Maria,,Hernandez\n"
      "R-2,Ana,,Lopez\n"
      "R-3,Maria,Elena,Hernandez\n");
  auto f = d.DetectText("Maria Hernandez arrived.");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].entity, "R-1");
  f = d.DetectText("Maria Hernandez arrived. Later Elena testified.");
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(f[1].entity, "R-3");
  EXPECT_EQ(f[1].rule, "names.list.partial");
  EXPECT_EQ(Found(d, "Maria Hernandez arrived. Elena HERNANDEZ, Maria signed."),
            (Strings{"Maria Hernandez", "Elena", "HERNANDEZ, Maria"}));
  EXPECT_TRUE(Found(d, "Later Elena testified.").empty());
}

TEST(Names, ParticlesAndHyphenatedGivenNames) {
  Detector d = WithNames(kList);
  EXPECT_EQ(Found(d, "Ana de la Cruz"), Strings{"Ana de la Cruz"});
  EXPECT_EQ(Found(d, "Ana De La Cruz"), Strings{"Ana De La Cruz"});
  EXPECT_EQ(Found(d, "Jean Baptiste Joseph"), Strings{"Jean Baptiste Joseph"});
  EXPECT_EQ(Found(d, "JOSEPH, Jean-Baptiste"), Strings{"JOSEPH, Jean-Baptiste"});
}

// A surname that opens with particles ("de la Garza Treviño"): its first
// surname is "de la Garza", never "de" alone. Before, "Juan de" was found
// in "Hospital San Juan de Dios" of a fresh declaration.
TEST(Names, TheFirstSurnameKeepsItsParticlesAndItsWord) {
  Detector d = WithNames("first,last\nJuan,de la Garza Treviño\n");
  EXPECT_TRUE(Found(d, "She was treated at Hospital San Juan de Dios in 2019.").empty());
  EXPECT_EQ(Found(d, "Juan de la Garza testified."), Strings{"Juan de la Garza"});
  EXPECT_EQ(Found(d, "Juan de la Garza Treviño testified."), Strings{"Juan de la Garza Treviño"});
}

// The last of two surnames alone, once the person is named in full: a
// two-column declaration's Spanish heading wrapped "DECLARACIÓN DE DARWIN
// OMAR MARADIAGA" / "EUCEDA", and the reading joined the first line to the
// English heading's, leaving "EUCEDA" alone (a fresh Ghostscript file).
TEST(Names, TheLastSurnameAloneAfterAFullMention) {
  Detector d = WithNames("first,last\nDarwin Omar,Maradiaga Euceda\n");
  const Strings found = Found(d, "I, Darwin Omar Maradiaga Euceda, declare.\nEUCEDA\nYo declaro.");
  EXPECT_NE(std::find(found.begin(), found.end(), "EUCEDA"), found.end());
}

TEST(Names, AliasesBelongToTheEntity) {
  Detector d = WithNames(kList);
  auto f = d.DetectText("known as Lupita Garcia");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].entity, "CM-1");
}

TEST(Names, NameColumnIsSplitHeuristically) {
  Detector d = WithNames("name\nJosé Luis Peña Ortiz\n\"NGUYEN VAN, Thanh\"\n");
  EXPECT_EQ(Found(d, "José Luis Peña Ortiz"), Strings{"José Luis Peña Ortiz"});
  EXPECT_EQ(Found(d, "Jose Pena testified"), Strings{"Jose Pena"});
  EXPECT_EQ(Found(d, "Thanh Nguyen Van"), Strings{"Thanh Nguyen Van"});
}

std::vector<std::string> FoundInOcr(const Detector& d, const std::string& text) {
  std::vector<std::string> out;
  for (const Finding& f : d.DetectText(text, /*as_ocr=*/true)) out.push_back(text.substr(f.begin, f.end - f.begin));
  return out;
}

TEST(Names, OcrMisreadsOfListedWordsOnScannedText) {
  Detector d = WithNames(
      "id,first,middle,last\nCM-1,María,Guadalupe,Hernández-Núñez\nCM-2,José,Luis,Peña Ortiz\n"
      "CM-3,Daniel,,Bekele\n");
  // One letter wrong, missing, extra or swapped in a word of 5 or more.
  EXPECT_EQ(FoundInOcr(d, "RERNANDEZ-NUNEZ, Maria"), Strings{"RERNANDEZ-NUNEZ, Maria"});
  EXPECT_EQ(FoundInOcr(d, "Maria Guadalupe Hernadez-Nunez"), Strings{"Maria Guadalupe Hernadez-Nunez"});
  EXPECT_EQ(FoundInOcr(d, "Daniel Bekelle"), Strings{"Daniel Bekelle"});
  EXPECT_EQ(FoundInOcr(d, "Daniel Bkeele"), Strings{"Daniel Bkeele"});
  // Usual confusions in any word: ñ read as "fi", digits for letters.
  EXPECT_EQ(FoundInOcr(d, "Plaintiff José Luis Pefia Ortiz appeared"), Strings{"José Luis Pefia Ortiz"});
  EXPECT_EQ(FoundInOcr(d, "Jose Luis Pena 0rtiz"), Strings{"Jose Luis Pena 0rtiz"});
  // Only on OCR'd text: typed text says what it says.
  EXPECT_EQ(Found(d, "RERNANDEZ-NUNEZ, Maria"), Strings{});
  EXPECT_EQ(Found(d, "José Luis Pefia Ortiz"), Strings{});
  // Two letters off, or a short word off by one, is another word.
  EXPECT_EQ(FoundInOcr(d, "Daniel Bakalle"), Strings{});
  EXPECT_EQ(FoundInOcr(d, "Jise Pena Ortiz"), Strings{});
  // ("Luiz" is no OCR misread of "Luis", but a middle name written another
  // way does not hide the listed José Peña Ortiz around it.)
  EXPECT_EQ(FoundInOcr(d, "Jose Luiz Pena Ortiz"), Strings{"Jose Luiz Pena Ortiz"});
}

// Chinese, Japanese and Korean write no space between a name and what
// follows it, and often none between surname and given name: a listed
// "山田 太郎" was missed in "山田太郎さんは", and so was its surname alone.
TEST(Names, CjkNamesWithoutSpacesAndTheirParts) {
  Detector d = WithNames(
      "id,name\n"
      "J1,山田 太郎\n"
      "C1,\"王,小明\"\n"
      "K1,김민준\n");
  EXPECT_EQ(Found(d, "申請者山田太郎は東京に住んでいます。"), Strings{"山田太郎"});
  EXPECT_EQ(Found(d, "申請者：山田 太郎"), Strings{"山田 太郎"});
  EXPECT_EQ(Found(d, "太郎山田"), Strings{"太郎山田"});  // either order
  EXPECT_EQ(Found(d, "王小明说他害怕回国。"), Strings{"王小明"});
  EXPECT_EQ(Found(d, "신청인 김민준은 2019년에 입국했다."), Strings{"김민준"});
  // Parts only after the whole name, two characters or more.
  EXPECT_EQ(Found(d, "山田さんは来ました。"), Strings{});
  EXPECT_EQ(Found(d, "山田太郎は申請した。山田さんは、太郎と呼ばれる。"),
            (Strings{"山田太郎", "山田", "太郎"}));
  EXPECT_EQ(Found(d, "王小明说。小明的母亲王女士也来了。"), (Strings{"王小明", "小明"}))
      << "a one-character surname alone is in too many words";
  // Other text in these scripts stays.
  EXPECT_EQ(Found(d, "東京地方裁判所は山田市の事件を審理した。"), Strings{});
}

// A Hangul vowel or final jamo with no initial consonant before it (text
// decomposed by a producer, or a stray character) started a token of no
// length, and the tokenizer never moved past it: `apply` hung on the page
// and the names fuzzer timed out. Such a jamo is a token of its own.
TEST(Names, ALoneHangulVowelOrFinalJamoIsATokenOfItsOwn) {
  for (const std::string text : {"\u1161", "\u11A8\u11A8", "ab\u1161cd", "\uD7B0x", "\u1161\u4E00"}) {
    const std::vector<TextToken> tokens = TokenizeForNames(text);
    ASSERT_FALSE(tokens.empty()) << text;
    for (const TextToken& t : tokens) EXPECT_LT(t.begin, t.end) << text;
    EXPECT_EQ(tokens.back().end, text.size()) << text;
  }
  Detector d = WithNames("id,name\nK1,김민준\n");
  EXPECT_EQ(Found(d, "신청인 \u1161 김민준은 입국했다."), Strings{"김민준"});
}

TEST(NamesCsv, HeaderVariantsQuotesAndBom) {
  auto n = NamesIndex::FromCsvText("\xEF\xBB\xBF" "Last Name,First Name,A-Number\n"
                                   "\"Pérez, Jr.\",Luis,\"A 98-765-432\"\n",
                                   "x.csv");
  ASSERT_TRUE(n.has_value()) << n.error().ToString();
  ASSERT_EQ(n->entities().size(), 1u);
  EXPECT_EQ(n->entities()[0].a_number, "A098765432");
}

TEST(NamesCsv, ErrorsNameFileAndLine) {
  auto no_header = NamesIndex::FromCsvText("foo,bar\n1,2\n", "list.csv");
  ASSERT_FALSE(no_header.has_value());
  EXPECT_NE(no_header.error().message().find("list.csv:1"), std::string::npos);
  auto bad_anum = NamesIndex::FromCsvText("name,a_number\nAna Ruiz,12\n", "list.csv");
  ASSERT_FALSE(bad_anum.has_value());
  EXPECT_NE(bad_anum.error().message().find("list.csv:2"), std::string::npos);
  auto quote = NamesIndex::FromCsvText("name\n\"Ana Ruiz\n", "list.csv");
  EXPECT_FALSE(quote.has_value());
  EXPECT_FALSE(NamesIndex::LoadCsv("/nonexistent.csv").has_value());
}

TEST(ANumber, Normalization) {
  EXPECT_EQ(NormalizeANumber("A-012-345-678"), "A012345678");
  EXPECT_EQ(NormalizeANumber("78123456"), "A078123456");
  EXPECT_EQ(NormalizeANumber("1234567"), "A001234567");
  EXPECT_EQ(NormalizeANumber("123456"), "");
  EXPECT_EQ(NormalizeANumber("1234567890"), "");
}

}  // namespace
}  // namespace redact
