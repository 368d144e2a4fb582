// Detection from layout: column and field typing, public roles, initials of
// listed people, and that every finding says why.
#include "stages/detect/layout.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "stages/detect/detector.h"
#include "tests/stages/structure/page_builder.h"

namespace redact {
namespace {

using testing::PageBuilder;

Detector MakeDetector(const std::string& names_csv = "") {
  auto rules = LoadRulesDirectory(std::string(REDACT_SOURCE_DIR) + "/patterns");
  EXPECT_TRUE(rules.has_value());
  std::optional<NamesIndex> names;
  if (!names_csv.empty()) {
    auto loaded = NamesIndex::FromCsvText(names_csv, "names.csv");
    EXPECT_TRUE(loaded.has_value());
    names = std::move(*loaded);
  }
  return Detector(std::move(*rules), std::move(names), Policy{});
}

// The text of each finding of `category`, in page order.
std::vector<std::string> Texts(const PageText& page, const std::vector<Finding>& findings,
                               const std::string& category) {
  std::vector<std::string> out;
  for (const Finding& f : findings) {
    if (f.category == category && f.page == page.number) out.push_back(page.text.substr(f.begin, f.end - f.begin));
  }
  return out;
}

TEST(LayoutDetection, CellsUnderAProtectedHeaderAreFoundWithoutCueOrList) {
  PageBuilder b;
  b.Text("Detainees transferred on June 3, 2024 to the facilities listed in the attachment below", 40, 60);
  b.Text("Nombre", 40, 100).Text("F. nac.", 200, 100).Text("Pais", 300, 100).Text("CFI outcome", 400, 100);
  b.Text("SHEVCHENKO, Yuliia", 40, 120).Text("1990-02-14", 200, 120).Text("Ukraine", 300, 120)
      .Text("Positive", 400, 120);
  b.Text("KARIMI, Dariush", 40, 140).Text("2001-06-07", 200, 140).Text("Iran", 300, 140)
      .Text("Negative; IJ review", 400, 140);
  b.Text("ABEBE, Selam", 40, 160).Text("1979-09-21", 200, 160).Text("Ethiopia", 300, 160)
      .Text("N/A", 400, 160);
  const std::vector<PageText> pages = {b.Build()};
  const std::vector<Finding> findings = MakeDetector().DetectDocument(pages);
  EXPECT_EQ(Texts(pages[0], findings, "dob"),
            (std::vector<std::string>{"1990-02-14", "2001-06-07", "1979-09-21"}));
  EXPECT_EQ(Texts(pages[0], findings, "name"),
            (std::vector<std::string>{"SHEVCHENKO, Yuliia", "KARIMI, Dariush", "ABEBE, Selam"}));
  // Countries stay; "N/A" is no outcome.
  EXPECT_EQ(Texts(pages[0], findings, "credible_fear").size(), 2u);
  for (const Finding& f : findings) {
    if (f.category == "dob") {
      EXPECT_EQ(f.basis, "column");
    }
    EXPECT_EQ(f.reason.find("SHEVCHENKO"), std::string::npos);
  }
  const std::string all = pages[0].text;
  for (const Finding& f : findings) EXPECT_NE(all.substr(f.begin, f.end - f.begin), "Ukraine");
}

// The worksheet's applicant, spouse and child go, none of them listed; the
// asylum office's address beside "Asylum Office" stays, and so does the
// label's own note.
TEST(LayoutDetection, AWorksheetsValueBoxesGoAndItsOfficesAddressStays) {
  const std::vector<PageText> pages = {testing::WorksheetGrid()};
  const std::vector<Finding> findings = MakeDetector().DetectDocument(pages);
  const std::vector<std::string> names = Texts(pages[0], findings, "name");
  for (const char* name : {"SOKOLOV MIRONOV, Dmitriy Olegovich", "Ekaterina Sokolova", "Arseniy Sokolov"}) {
    EXPECT_NE(std::find(names.begin(), names.end(), name), names.end()) << name;
  }
  EXPECT_TRUE(Texts(pages[0], findings, "address").empty());
  for (const Finding& f : findings) {
    EXPECT_EQ(pages[0].text.substr(f.begin, f.end - f.begin).find("Given"), std::string::npos);
  }
}

// A form's box for the town of birth (probe26's I-589: "Adi Quala,
// Eritrea", which stayed): the town goes, the country after it stays, and
// a country alone in that box is no one's. An addressee "In Care Of" is a
// person.
TEST(LayoutDetection, ATownOfBirthGoesAndItsCountryStays) {
  PageBuilder b;
  b.Text("12. Date of Birth (mm/dd/yyyy)", 40, 100).Text("13. City and Country of Birth", 260, 100);
  b.Text("03/27/1992", 40, 114).Text("Adi Quala, Eritrea", 260, 114);
  b.Text("In Care Of (if applicable)", 40, 160).Text("Telephone Number", 260, 160);
  b.Text("Kidane Habte (cousin)", 40, 174).Text("(469) 555-0112", 260, 174);
  b.Text("11. City and Country of Birth", 40, 220).Text("12. Present Nationality", 260, 220);
  b.Text("Honduras", 40, 234).Text("Honduran", 260, 234);
  const std::vector<PageText> pages = {b.Build()};
  const std::vector<Finding> findings = MakeDetector().DetectDocument(pages);
  EXPECT_EQ(Texts(pages[0], findings, "address"), (std::vector<std::string>{"Adi Quala,"}));
  const std::vector<std::string> names = Texts(pages[0], findings, "name");
  EXPECT_NE(std::find(names.begin(), names.end(), "Kidane Habte (cousin)"), names.end());
}

// An encounter summary's paired box "COB / POB: Haiti / Jacmel" (probe26's
// exhibit): the place of birth goes, the country of birth stays.
TEST(LayoutDetection, APairedCountryAndPlaceOfBirthLosesOnlyThePlace) {
  PageBuilder b;
  b.Text("DOB:", 60, 100).Text("08/23/1997", 200, 100);
  b.Text("COB / POB:", 60, 114).Text("Haiti / Jacmel", 200, 114);
  b.Text("FIN:", 60, 128).Text("1209384756", 200, 128);
  const std::vector<PageText> pages = {b.Build()};
  const std::vector<Finding> findings = MakeDetector().DetectDocument(pages);
  EXPECT_EQ(Texts(pages[0], findings, "address"), (std::vector<std::string>{"Jacmel"}));
}

// An encounter record's "FIN:" (the fingerprint system's number, as
// "FINS" is) labels an identifier: probe26's "FIN: 1209384756" stayed.
TEST(LayoutDetection, AFingerprintNumberAfterFinGoes) {
  PageBuilder b;
  b.Text("COB / POB:", 40, 100).Text("Haiti", 200, 100);
  b.Text("FIN:", 40, 114).Text("1209384756", 200, 114);
  const std::vector<PageText> pages = {b.Build()};
  const std::vector<Finding> findings = MakeDetector().DetectDocument(pages);
  EXPECT_EQ(Texts(pages[0], findings, "eoir_or_fbi_label"), (std::vector<std::string>{"1209384756"}));
}

// A relative found in full by a cue is called by the given name alone
// later on (a fresh LibreOffice declaration: "Kevin died on April 2" and
// "I have not heard from Edwin" stayed readable). A given name next to
// another capitalized word is another person's name ("Kevin Smith").
TEST(LayoutDetection, AGivenNameAloneOfARelativeFoundInFullGoes) {
  PageBuilder b;
  b.Text("5. My brother Kevin Alexander Alvarado Quintanilla was threatened in front of our house.", 60, 100);
  b.Text("6. Kevin died on April 2, 2019. Our neighbor Kevin Smith saw the men leave.", 60, 114);
  b.Text("7. Since then I have not heard from Kevin's friends. When Kevin left, Cuando Kevin supo.", 60, 128);
  const std::vector<PageText> pages = {b.Build()};
  const std::vector<Finding> findings = MakeDetector().DetectDocument(pages);
  std::vector<size_t> kevins;
  for (const Finding& f : findings) {
    if (f.category == "name" && pages[0].text.substr(f.begin, f.end - f.begin) == "Kevin") kevins.push_back(f.begin);
  }
  const std::string& text = pages[0].text;
  // After a sentence's capitalized first word ("When", "Cuando") it stands
  // alone too (a Spanish declaration: "Cuando Baltazar supo" stayed).
  EXPECT_EQ(kevins, (std::vector<size_t>{text.find("Kevin died"), text.find("Kevin's"), text.find("Kevin left"),
                                         text.find("Kevin supo")}));
  for (const Finding& f : findings) EXPECT_EQ(text.substr(f.begin, f.end - f.begin).find("Smith"), std::string::npos);
}

// A person found in full is called by their given names too, the
// surname set before them or left out (a pdflatex motion's footer
// "KUZNETSOV, Dmitriy Olegovich - A 209-631-478" kept "Dmitriy
// Olegovich" on every page).
TEST(LayoutDetection, TheGivenNamesOfAPersonFoundInFullGo) {
  PageBuilder b;
  b.Text("Respondent Dmitriy Olegovich Kuznetsov, a native of Russia, moves to reopen.", 60, 100);
  b.Text("Dmitriy Olegovich told the court he fears return. Dmitriy Smirnov testified.", 60, 114);
  b.Text("ZZZ, Dmitriy Olegovich - A 209-631-478", 60, 700);
  const std::vector<PageText> pages = {b.Build()};
  const std::vector<Finding> findings = MakeDetector().DetectDocument(pages);
  const std::string& text = pages[0].text;
  std::vector<size_t> found;
  for (const Finding& f : findings) {
    if (f.category == "name" && text.substr(f.begin, f.end - f.begin) == "Dmitriy Olegovich") found.push_back(f.begin);
  }
  EXPECT_EQ(found, (std::vector<size_t>{text.find("Dmitriy Olegovich told"), text.find("Dmitriy Olegovich - A")}));
  for (const Finding& f : findings) EXPECT_EQ(text.substr(f.begin, f.end - f.begin).find("Smirnov"), std::string::npos);
}

// A person found in full is called by a middle name or surname alone too
// (probe23's scanned locator printout: "Name: SAYED NASRATULLAH AZIMI",
// then counsel's note "request G-28 for Nasratullah," stayed readable,
// also where the list's "Sayed Rahmatullah Azimi" matched the line with
// the middle name skipped). Next to another capitalized word it is part of
// another name, which stays.
TEST(LayoutDetection, AMiddleNameOrSurnameAloneOfAPersonFoundInFullGoes) {
  for (const std::string csv : {"", "first,last\nSayed Rahmatullah,Azimi\n"}) {
    PageBuilder b;
    b.Text("Name: SAYED NASRATULLAH AZIMI", 60, 100);
    b.Text("Country of Birth: Afghanistan", 60, 114);
    b.Text("Name: KOFI ASANTE MENSAH", 60, 140);
    b.Text("Counsel will request a G-28 for Nasratullah, who is detained. The officer found that", 60, 170);
    b.Text("Mensah fled in 2019. Asante Holdings LLC employed him. Judge Mensah Ofori presided.", 60, 184);
    const std::vector<PageText> pages = {b.Build()};
    const std::vector<Finding> findings = MakeDetector(csv).DetectDocument(pages);
    const std::string& text = pages[0].text;
    std::vector<size_t> alone;
    for (const Finding& f : findings) {
      if (f.category == "name" && f.begin > text.find("Counsel")) alone.push_back(f.begin);
    }
    EXPECT_EQ(alone, (std::vector<size_t>{text.find("Nasratullah,"), text.find("Mensah fled")})) << csv;
  }
}

// A role word inside a title names no one: probe23's ICE locator printout
// ("Online Detainee Locator System") lost "Locator System" on every page,
// taken for a detainee's name after "Detainee".
TEST(LayoutDetection, ARoleWordInsideATitleNamesNoOne) {
  PageBuilder b;
  b.Text("Online Detainee Locator System", 40, 40, 8);
  b.Text("U.S. Immigration and Customs Enforcement", 60, 80, 16);
  b.Text("Online Detainee Locator System - Search Results", 60, 100, 12);
  b.Text("The ICE Online Detainee Locator System provides information on persons currently in custody.", 60, 300, 9);
  const std::vector<PageText> pages = {b.Build()};
  const std::vector<Finding> findings = MakeDetector().DetectDocument(pages);
  EXPECT_EQ(Texts(pages[0], findings, "name"), std::vector<std::string>{});
}

// probe25's class list: under a merged "Screening" header, the outcome,
// the judge's review and the day of the screening all go, whatever they
// read ("Not requested"); the header "IJ review" itself is no notation.
TEST(LayoutDetection, EveryCellUnderAScreeningGroupGoesAndItsHeadersStay) {
  PageBuilder b;
  for (double y : {80.0, 110.0, 140.0, 170.0}) b.Rule(50, y, 560, y);
  for (double x : {50.0, 330.0, 560.0}) b.Rule(x, 80, x, 170);
  for (double x : {230.0, 410.0, 490.0}) b.Rule(x, 110, x, 170);
  b.Text("Identity", 170, 98).Text("Screening", 425, 98);
  b.Text("Full name", 55, 128).Text("A#", 235, 128).Text("CF outcome", 335, 128).Text("IJ review", 415, 128)
      .Text("Date", 495, 128);
  b.Text("KARIMI, Dariush", 55, 158).Text("217 450 981", 235, 158).Text("Negative CF", 335, 158)
      .Text("Not requested", 415, 158).Text("02/19/2025", 495, 158);
  const std::vector<PageText> pages = {b.Build()};
  const std::vector<Finding> findings = MakeDetector().DetectDocument(pages);
  EXPECT_EQ(Texts(pages[0], findings, "credible_fear"),
            (std::vector<std::string>{"Negative CF", "Not requested", "02/19/2025"}));
}

// A declarant who is staff, not a party ("I, Guo Lihua, am a paralegal
// with …, class counsel", probe25) is public in the whole document: the
// exhibit's title "Declaration of Guo Lihua" lost her name.
TEST(LayoutDetection, ADeclarantWhoIsAParalegalIsPublicEverywhere) {
  PageBuilder b;
  b.Text("Exhibit 3 to the Declaration of Guo Lihua", 60, 80);
  b.Text("I, Guo Lihua, am a paralegal with the Valley Immigrant Justice Center, class counsel here.", 60, 110);
  b.Text("I, Mirela Sokolova, am the mother of the petitioner. Paralegal Ana Ruiz helped me.", 60, 140);
  const std::vector<PageText> pages = {b.Build()};
  const std::vector<Finding> findings = MakeDetector().DetectDocument(pages);
  EXPECT_EQ(Texts(pages[0], findings, "name"), (std::vector<std::string>{"Mirela Sokolova"}));
}

// A habeas caption names the respondents with their offices ("Wolfgang E.
// Hoffmann, Field Office Director"); the petition then calls them by
// surname ("Respondent Hoffmann exercises custody over him"), and the role
// cue took that for a party's name. The petitioner stays found.
TEST(LayoutDetection, ARespondentOfficialIsPublicWhereverNamedAgain) {
  PageBuilder b;
  b.Text("Mohammad Rafiq Noorzai, Petitioner, v. Wolfgang E. Hoffmann, Field Office Director, Phoenix", 60, 80);
  b.Text("Field Office; Griffin L. Shaffer, Facility Administrator, Eloy Detention Center, Respondents.", 60, 92);
  b.Text("Petitioner Mohammad Rafiq Noorzai is detained at Eloy, and Respondent Hoffmann exercises custody.", 60, 120);
  b.Text("Respondent Shaffer runs the facility where Petitioner Noorzai is held.", 60, 132);
  const std::vector<PageText> pages = {b.Build()};
  const std::vector<Finding> findings = MakeDetector().DetectDocument(pages);
  for (const std::string& name : Texts(pages[0], findings, "name")) {
    EXPECT_EQ(name.find("Hoffmann"), std::string::npos) << name;
    EXPECT_EQ(name.find("Shaffer"), std::string::npos) << name;
  }
  EXPECT_FALSE(Texts(pages[0], findings, "name").empty()) << "the petitioner stays found";
}

// probe25's bond tracker: the legal-aid office's own line ("Office: … |
// phone | e-mail") lost its phone and e-mail; a client's phone stays
// found. A listed surname that only begins someone else's compound
// surname ("SDDO Fernando Menjivar-Rios", an ICE officer, of a listed
// Menjívar) is no mention of the listed person.
TEST(LayoutDetection, AnOfficeLineKeepsItsContactsAndACompoundSurnameIsAnothers) {
  PageBuilder b;
  b.Text("Office: 2900 Fourth Street NE, Suite 210, Washington, DC 20017 | (555) 201-3300 | intake@nuestravoz.org",
         40, 60, 8);
  b.Text("Client: Roxana Guadalupe Menjivar Alas, phone (555) 201-3344, roxana.menjivar@gmail.com", 40, 100);
  b.Text("ICE deportation officer on parole request: SDDO Fernando Menjivar-Rios, Baltimore Field Office.", 40, 130);
  const std::vector<PageText> pages = {b.Build()};
  const std::vector<Finding> findings =
      MakeDetector("first,last\nRoxana Guadalupe,Menjivar Alas\n").DetectDocument(pages);
  EXPECT_EQ(Texts(pages[0], findings, "phone"), std::vector<std::string>{"(555) 201-3344"});
  EXPECT_EQ(Texts(pages[0], findings, "email"), std::vector<std::string>{"roxana.menjivar@gmail.com"});
  const std::string& text = pages[0].text;
  for (const Finding& f : findings) EXPECT_LT(f.begin, text.find("ICE deportation")) << f.value;
}

// probe25's bond tracker: in a table of people a bare "Status" column is
// theirs ("Positive CF; parole req. pending"), and a sponsor's address is
// an address.
TEST(LayoutDetection, AStatusColumnOfATableOfPeopleGoes) {
  PageBuilder b;
  b.Text("Client", 40, 100).Text("A-Number", 200, 100).Text("Sponsor address", 300, 100).Text("Status", 480, 100);
  b.Text("HOTAK, Zarmina", 40, 120).Text("A-249-214-590", 200, 120).Text("3302 Gallows Rd, Apt 410", 300, 120)
      .Text("Positive CF;", 480, 120);
  b.Text("Falls Church, VA 22042", 300, 132).Text("bond hrg continued", 480, 132);
  b.Text("SAINTILUS, Jhonley", 40, 150).Text("A249-102-774", 200, 150).Text("1187 Rogers Ave, Apt 3C", 300, 150)
      .Text("parole req. pending", 480, 150);
  b.Text("Brooklyn, NY 11226", 300, 162);
  b.Text("TZOC AJANEL, Elmer", 40, 180).Text("249 277 831", 200, 180).Text("2614 S 11th St, Apt B", 300, 180)
      .Text("IJ vacated neg. CF", 480, 180);
  b.Text("Omaha, NE 68108", 300, 192);
  const std::vector<PageText> pages = {b.Build()};
  const std::vector<Finding> findings = MakeDetector().DetectDocument(pages);
  const std::vector<std::string> gone = Texts(pages[0], findings, "credible_fear");
  for (const char* status : {"bond hrg continued", "parole req. pending"}) {
    EXPECT_TRUE(std::any_of(gone.begin(), gone.end(), [&](const std::string& g) { return g.find(status) != std::string::npos; }))
        << status;
  }
  const std::vector<std::string> addresses = Texts(pages[0], findings, "address");
  for (const char* city : {"Falls Church, VA 22042", "Brooklyn, NY 11226", "Omaha, NE 68108"}) {
    EXPECT_TRUE(std::any_of(addresses.begin(), addresses.end(),
                            [&](const std::string& a) { return a.find(city) != std::string::npos; }))
        << city;
  }
}

// probe25: a USCIS letter's addressee block ends its address with the
// city line under the street ("Fresno, CA 93726" stayed), and its cc line
// names counsel's organisation before its address ("Central Valley Sikh
// Legal Defense, 2150 Tulare Street, …", lost), as a TRO's "Counsel of
// record: …, Puget Sound Refugee Legal Defense, 1200 Fifth Avenue, …,
// (206) 555-0110" did with its phone.
TEST(LayoutDetection, AnAddressTakesItsCityLineAndAnOrganisationKeepsItsOwn) {
  PageBuilder b;
  b.Text("HARJINDER SINGH RANDHAWA", 60, 100);
  b.Text("3417 E. Shields Avenue, Apt 108", 60, 112);
  b.Text("Fresno, CA 93726", 60, 124);
  b.Text("cc: Parminder S. Grewal, Esq., Central Valley Sikh Legal Defense, 2150 Tulare Street, Suite 400,", 60, 300);
  b.Text("Fresno, CA 93721, (559) 555-0100.", 60, 312);
  const std::vector<PageText> pages = {b.Build()};
  const std::vector<Finding> findings = MakeDetector().DetectDocument(pages);
  EXPECT_EQ(Texts(pages[0], findings, "address"), std::vector<std::string>{"3417 E. Shields Avenue, Apt 108\nFresno, CA 93726"});
  EXPECT_EQ(Texts(pages[0], findings, "phone"), std::vector<std::string>{});
}

// A declarant signs with some of her names as initials: probe25's "Reina
// E. Mejía B." under "Yo, Reina Esperanza Mejía Bonilla, declaro" stayed.
TEST(LayoutDetection, ANameSignedWithSomeInitialsGoes) {
  PageBuilder b;
  b.Text("Yo, Reina Esperanza Mejia Bonilla, declaro lo siguiente.", 60, 100);
  b.Text("Reina E. Mejia B.", 60, 300);
  b.Text("Reina Sofia visited the office.", 60, 330);
  const std::vector<PageText> pages = {b.Build()};
  const std::vector<Finding> findings = MakeDetector().DetectDocument(pages);
  const std::vector<std::string> names = Texts(pages[0], findings, "name");
  EXPECT_EQ(names, (std::vector<std::string>{"Reina Esperanza Mejia Bonilla", "Reina E. Mejia B"}));
}

// The village someone comes from, named after its kind ("the village of
// Qala-e Shafi", "municipio de Quimistán", probe25), goes wherever the
// document names it; "the village where she lived" names none, and an
// article alone ("La aldea …") is no place.
TEST(LayoutDetection, AVillageNamedOnceGoesEverywhere) {
  PageBuilder b;
  b.Text("Mr. Noorzai was born on June 30, 1992, in the village of Qala-e Shafi, Nad-e Ali District.", 60, 100);
  b.Text("Taliban fighters went to his family's home in Qala-e Shafi and beat his father.", 60, 114);
  b.Text("Naci en la aldea El Zapotal, municipio de Quimistan, Honduras, and the village where she lived burned.", 60, 128);
  b.Text("La aldea El Zapotal queda a cuarenta minutos de Quimistan.", 60, 142);
  const std::vector<PageText> pages = {b.Build()};
  const std::vector<Finding> findings = MakeDetector().DetectDocument(pages);
  EXPECT_EQ(Texts(pages[0], findings, "address"),
            (std::vector<std::string>{"Qala-e Shafi", "Qala-e Shafi", "El Zapotal", "Quimistan", "El Zapotal",
                                      "Quimistan"}));
}

// An I-213's passport box holds the number and the issuing country: the
// number goes (it was left readable), the country stays.
TEST(LayoutDetection, APassportBoxLosesItsNumberNotItsCountry) {
  PageBuilder b;
  b.Text("Country of Citizenship", 40, 100, 6).Text("Passport Number and Country of Issue", 200, 100, 6);
  b.Text("HONDURAS", 40, 112, 9).Text("F2381746 HONDURAS", 200, 112, 9);
  const std::vector<PageText> pages = {b.Build()};
  const std::vector<Finding> findings = MakeDetector().DetectDocument(pages);
  EXPECT_EQ(Texts(pages[0], findings, "eoir_or_fbi_label"), (std::vector<std::string>{"F2381746"}));
}

// "St." is part of a surname ("St. Fleur", "St. Louis"): before, a cue's
// name ended at its period and the surname after it stayed readable.
TEST(LayoutDetection, ASaintsSurnameIsFoundWhole) {
  PageBuilder b;
  b.Text("MARIE-CLAUDE PIERRE-LOUIS", 60, 100);
  b.Text("C/O GUERDA ST. FLEUR", 60, 112);
  b.Text("1187 S NORMANDIE AVE APT 4C", 60, 124);
  b.Text("Her cousin, Wisly St. Louis, lives in Miami.", 60, 150);
  const std::vector<PageText> pages = {b.Build()};
  const std::vector<Finding> findings = MakeDetector().DetectDocument(pages);
  const std::vector<std::string> names = Texts(pages[0], findings, "name");
  for (const char* name : {"GUERDA ST. FLEUR", "Wisly St. Louis"}) {
    EXPECT_NE(std::find(names.begin(), names.end(), name), names.end()) << name;
  }
}

// A class list's key defines its abbreviations: no notation on anyone's
// record. The same words about a person in the list stay notations.
TEST(LayoutDetection, ALegendsDefinitionsAreNoNotations) {
  PageBuilder b;
  b.Text("1. ORDONEZ, Glenda  A214408151  negative credible fear interview; IJ review requested", 40, 100);
  b.Text("CF = credible fear; CFI = credible fear interview; IJ = Immigration Judge; NTA = Notice to Appear.", 40, 140);
  const std::vector<PageText> pages = {b.Build()};
  const std::vector<Finding> findings = MakeDetector().DetectDocument(pages);
  const std::string& text = pages[0].text;
  const size_t legend = text.find("CF = ");
  for (const Finding& f : findings) {
    if (f.category == "credible_fear") EXPECT_LT(f.begin, legend) << text.substr(f.begin, f.end - f.begin);
  }
  EXPECT_FALSE(Texts(pages[0], findings, "credible_fear").empty());
}

// probe27's class list: its key defines codes that are notations ("CF+",
// "RFI pending"), a definition runs over a line break, and its totals count
// them. None is a notation on anyone's record; the row's still is.
TEST(LayoutDetection, AKeysCodesAndTotalsAreNoNotations) {
  PageBuilder b;
  b.Text("1. KAYA, Welat  A 244-839-206  CF+ 04/17/2025", 40, 100);
  b.Text("Codes: CF+ = positive credible fear determination by USCIS; NCF = negative determination; RFI pending", 40, 140);
  b.Text("= reasonable fear interview scheduled but not yet completed; IJ vacated NCF = vacated on review.", 40, 152);
  b.Text("Totals: 26 class members identified; 9 CF+, 7 NCF, 5 IJ vacated NCF, 5 RFI pending.", 40, 180);
  const std::vector<PageText> pages = {b.Build()};
  const std::vector<Finding> findings = MakeDetector().DetectDocument(pages);
  const std::string& text = pages[0].text;
  const size_t key = text.find("Codes:");
  for (const Finding& f : findings) {
    if (f.category == "credible_fear") EXPECT_LT(f.begin, key) << text.substr(f.begin, f.end - f.begin);
  }
  EXPECT_FALSE(Texts(pages[0], findings, "credible_fear").empty());
}

// A class list's "CF Determination | Date" columns: the screening's
// outcome and its day are each member's (probe27: every date stayed).
TEST(LayoutDetection, ADateBesideAScreeningColumnIsTheScreeningsDay) {
  PageBuilder b;
  b.Text("Class Member", 40, 100).Text("A-Number", 200, 100).Text("CF Determination", 330, 100).Text("Date", 450, 100);
  b.Text("AZIZI, Mohammad Qasim", 40, 120).Text("244-803-117", 200, 120).Text("NCF", 330, 120).Text("04/03/2025", 450, 120);
  b.Text("CHERY, Marie-Lourdes", 40, 140).Text("A244-811-560", 200, 140).Text("IJ vacated NCF", 330, 140).Text("04/09/2025", 450, 140);
  b.Text("HAILE, Mussie Tekeste", 40, 160).Text("244826774", 200, 160).Text("RFI pending", 330, 160).Text("04/14/2025", 450, 160);
  const std::vector<PageText> pages = {b.Build()};
  const std::vector<Finding> findings = MakeDetector().DetectDocument(pages);
  const std::vector<std::string> fear = Texts(pages[0], findings, "credible_fear");
  for (const char* v : {"NCF", "04/03/2025", "04/09/2025", "04/14/2025"}) {
    EXPECT_NE(std::find(fear.begin(), fear.end(), v), fear.end()) << v;
  }
}

// Counsel's signature under the totals paragraph, opened by its date line
// ("Dated: July 25, 2025" / "/s/ …"): counsel's phone and e-mail stay.
TEST(LayoutDetection, ASignatureOpenedByItsDateLineUnderAParagraphIsCounsels) {
  PageBuilder b;
  b.Text("Totals: 26 class members identified. Defendants have not yet produced data for the Dilley Immigration", 40, 100);
  b.Text("Processing Center or the Karnes County Immigration Processing Center, which they agreed to produce.", 40, 112);
  b.Text("Dated: July 25, 2025", 40, 124);
  b.Text("/s/ Ruben Quisbert-Albarracin", 40, 136);
  b.Text("Ruben Quisbert-Albarracin (D.C. Bar No. 1034577)", 40, 148);
  b.Text("Northeast Immigrant Rights Collaborative", 40, 160);
  b.Text("(202) 555-0186 | rquisbert@neirc-law.example", 40, 172);
  b.Text("Counsel for Plaintiffs and the Certified Class", 40, 184);
  const std::vector<PageText> pages = {b.Build()};
  const std::vector<Finding> findings = MakeDetector().DetectDocument(pages);
  EXPECT_TRUE(Texts(pages[0], findings, "phone").empty());
  EXPECT_TRUE(Texts(pages[0], findings, "email").empty());
}

// A printed e-mail thread (probe27): counsel's signature runs into the
// quoted reply under it, and a one-line signature into the forwarded
// message after it. The signature is counsel's; the next message's sender
// (a client's cousin, at a personal address) is not made public by it.
TEST(LayoutDetection, ASignatureEndsWhereTheNextMessageOfAThreadOpens) {
  PageBuilder b;
  const char* const lines[] = {
      "Best regards,",
      "Aline",
      "Aline Mbuyamba-Ross | Staff Attorney",
      "Ohio Immigrant Justice Collaborative",
      "1650 Lake Shore Drive, Suite 300, Columbus, OH 43204",
      "Direct (614) 555-0110 | Fax (614) 555-0111",
      "amross@ohioimmigrantjustice.example",
      "CONFIDENTIAL: This message may contain attorney-client privileged information.",
      "On Wed, Aug 13, 2025 at 9:47 PM Patrick Kabasele <pkabasele.mbuyi@gmail.com> wrote:",
      "> Here are the documents for the bond. My cell is (614) 555-0187.",
  };
  double y = 100;
  for (const char* line : lines) b.Text(line, 50, y += 12);
  PageBuilder c(2);
  c.Text("Daniel Okafor-Lindqvist, Esq. | Ohio Bar No. 0101472 | (614) 555-0114", 50, 100);
  c.Text("---------- Forwarded message ---------", 50, 112);
  c.Text("From: Patrick Kabasele <pkabasele.mbuyi@gmail.com>", 50, 124);
  c.Text("Date: Tue, Aug 12, 2025 at 11:20 AM", 50, 136);
  c.Text("Subject: sponsor letter", 50, 148);
  const std::vector<PageText> pages = {b.Build(), c.Build()};
  const std::vector<Finding> findings = MakeDetector().DetectDocument(pages);
  EXPECT_EQ(Texts(pages[0], findings, "phone"), (std::vector<std::string>{"(614) 555-0187"}));
  EXPECT_EQ(Texts(pages[0], findings, "email"), (std::vector<std::string>{"pkabasele.mbuyi@gmail.com"}));
  EXPECT_TRUE(Texts(pages[1], findings, "phone").empty());
  EXPECT_EQ(Texts(pages[1], findings, "email"), (std::vector<std::string>{"pkabasele.mbuyi@gmail.com"}));
}

// A hearing transcript's last page (probe27): the transcriber certifies
// it and signs with her firm's address and phone. She is public; the
// respondent the certificate names is not.
TEST(LayoutDetection, ATranscribersCertificateKeepsItsCertifier) {
  PageBuilder b;
  b.Text("decision. The hearing is adjourned. (Off the record.)", 84, 110);
  b.Text("CERTIFICATE OF TRANSCRIBER", 200, 150);
  b.Text("I, Janet Oyelaran-Price, certify that the foregoing is a", 84, 174);
  b.Text("true and complete transcript of the proceedings in the matter of", 84, 198);
  b.Text("Karla Bustillo Carcamo, A 247 915 306, before the Houston Immigration Court.", 84, 222);
  b.Text("/s/ Janet Oyelaran-Price, Verbatim Reporting Group, LLC", 84, 270);
  b.Text("1100 Louisiana Street, Suite 2600, Houston, Texas 77002", 84, 294);
  b.Text("(713) 555-0119", 84, 318);
  const std::vector<PageText> pages = {b.Build()};
  const std::vector<Finding> findings = MakeDetector().DetectDocument(pages);
  const std::vector<std::string> names = Texts(pages[0], findings, "name");
  EXPECT_EQ(std::find(names.begin(), names.end(), "Janet Oyelaran-Price"), names.end());
  EXPECT_TRUE(Texts(pages[0], findings, "phone").empty());
  EXPECT_TRUE(Texts(pages[0], findings, "address").empty());
  EXPECT_FALSE(Texts(pages[0], findings, "a_number").empty());
}

// A hearing transcript asks where the respondent was born (probe27): the
// answer names her town, which stayed; the department and country stay.
TEST(LayoutDetection, TheAnswerToWhereWereYouBornIsATown) {
  PageBuilder b;
  b.Text("Q.", 84, 400).Text("Where were you born?", 105, 400);
  b.Text("A.", 84, 424).Text("In Tocoa, in the department of Colón, Honduras.", 105, 424);
  b.Text("Q.", 84, 448).Text("Where do you live now?", 105, 448);
  const std::vector<PageText> pages = {b.Build()};
  const std::vector<Finding> findings = MakeDetector().DetectDocument(pages);
  EXPECT_EQ(Texts(pages[0], findings, "address"), (std::vector<std::string>{"Tocoa, in the department of Colón,"}));
}

// A record's boxes give a passport number and the town of birth; its
// narrative on the next page writes them again (probe27's I-213: the
// passport number stayed there, and apply's check refused the output).
TEST(LayoutDetection, APassportNumberAndATownOfBirthAreFoundAgainInTheNarrative) {
  PageBuilder b;
  b.Text("Passport Number:", 60, 300).Text("B01847263", 200, 300);
  b.Text("City of Birth:", 60, 320).Text("Boghe, Mauritania", 200, 320);
  PageBuilder c(2);
  c.Text("Subject presented Mauritanian passport B01847263, issued at Nouakchott.", 60, 300);
  c.Text("He left Boghe in 2023 after the raid on his family.", 60, 314);
  const std::vector<PageText> pages = {b.Build(), c.Build()};
  const std::vector<Finding> findings = MakeDetector().DetectDocument(pages);
  EXPECT_EQ(Texts(pages[1], findings, "eoir_or_fbi_label"), (std::vector<std::string>{"B01847263"}));
  EXPECT_EQ(Texts(pages[1], findings, "address"), (std::vector<std::string>{"Boghe"}));
}

// A status report names a form with its title (probe27): no notation on
// anyone's record. A class member's own screening in a footnote still is.
TEST(LayoutDetection, AFormNamedWithItsTitleIsNoNotation) {
  PageBuilder b;
  b.Text("every interview was scheduled a day after the class member acknowledged receipt of Form M-444, Information About", 60, 300, 8);
  b.Text("Credible Fear Interview, consistent with the regulation.", 60, 310, 8);
  b.Text("For example, one class member received a positive credible fear determination on 05/14/2025.", 60, 380, 8);
  const std::vector<PageText> pages = {b.Build()};
  const std::vector<Finding> findings = MakeDetector().DetectDocument(pages);
  const std::string& text = pages[0].text;
  const size_t example = text.find("For example");
  for (const Finding& f : findings) {
    if (f.category == "credible_fear") EXPECT_GT(f.begin, example) << text.substr(f.begin, f.end - f.begin);
  }
  EXPECT_FALSE(Texts(pages[0], findings, "credible_fear").empty());
}

// A relative's compound surname, cued with a sibling, is found again with
// the given names written before it (a LibreOffice declaration: "Tenemos
// dos hijos: Kenia Espinoza Núñez, ..., y Byron Josué Espinoza Núñez"
// lost only "Espinoza Núñez").
TEST(LayoutDetection, ACuedCompoundSurnameTakesTheGivenNamesBeforeIt) {
  PageBuilder b;
  b.Text("Tenemos dos hijos: Kenia Espinoza Nunez, nacida el 2 de febrero de 2011, y Byron Josue", 60, 100);
  b.Text("Espinoza Nunez, nacido el 17 de julio de 2015. Plaintiff Espinoza Nunez was seen.", 60, 112);
  const std::vector<PageText> pages = {b.Build()};
  const std::vector<Finding> findings = MakeDetector().DetectDocument(pages);
  const std::vector<std::string> names = Texts(pages[0], findings, "name");
  EXPECT_NE(std::find(names.begin(), names.end(), "Byron Josue\nEspinoza Nunez"), names.end());
  for (const std::string& n : names) EXPECT_EQ(n.find("Plaintiff"), std::string::npos) << n;
}

// Read again once two names are removed, "mis hijos Kenia y Byron el 4 de
// octubre" leaves "hijos" beside a lone "y": no name field's value.
TEST(LayoutDetection, ALoneLetterIsNoNameFieldsValue) {
  PageBuilder b;
  b.Text("Por eso sali de Nicaragua con mis", 60, 100);
  b.Text("hijos", 60, 112).Text("y", 140, 112).Text("el 4 de octubre de 2021.", 200, 112);
  const std::vector<PageText> pages = {b.Build()};
  const std::vector<Finding> findings = MakeDetector().DetectDocument(pages);
  EXPECT_TRUE(Texts(pages[0], findings, "name").empty());
}

// The day of a fear determination told as an event (a fresh groff IJ
// order): "an asylum officer found on January 8, 2025, that he had
// established a credible / fear of persecution" kept its date.
TEST(LayoutDetection, TheDateOfAFearFindingToldAsAnEventGoes) {
  PageBuilder b;
  b.Text("The respondent, a native and citizen of Guinea, was born on March 3, 1990, in Labe, Guinea. He was", 60, 100);
  b.Text("placed in proceedings after an asylum officer found on January 8, 2025, that he had established a credible", 60, 114);
  b.Text("fear of persecution. His wife and their daughter remain in Conakry.", 60, 128);
  const std::vector<PageText> pages = {b.Build()};
  const std::vector<Finding> findings = MakeDetector().DetectDocument(pages);
  const std::vector<std::string> cf = Texts(pages[0], findings, "credible_fear");
  EXPECT_NE(std::find(cf.begin(), cf.end(), "January 8, 2025"), cf.end());
}

// A letter's cc list holds counsel ("Esq., Supervising Attorney") and the
// client's sister, named in full earlier by a family cue: the block is
// counsel's, but the sister stays found there (a fresh Chromium letter).
TEST(LayoutDetection, ARelativeInACcListBesideCounselStaysFound) {
  PageBuilder a;
  a.Text("Upon release she will live with her sister, Nadege Saint-Fleur Joseph, a U.S. citizen.", 60, 100);
  PageBuilder b(2);
  b.Text("Sincerely,", 60, 100);
  b.Text("/s/ Joanna Kestrel", 60, 130).Text("Joanna Kestrel, Esq., Supervising Attorney", 60, 144);
  b.Text("cc: Deportation Officer Raymond Oduya, ERO Atlanta", 60, 172);
  b.Text("Joanna Kestrel, Esq., Supervising Attorney", 84, 186).Text("Nadege Saint-Fleur Joseph (sponsor)", 84, 200);
  const std::vector<PageText> pages = {a.Build(), b.Build()};
  bool counsel = false;
  for (const RoleBlock& r : pages[1].layout.roles) counsel = counsel || r.role == BlockRole::kCounsel;
  ASSERT_TRUE(counsel);
  const std::vector<Finding> findings = MakeDetector().DetectDocument(pages);
  std::vector<std::string> page2;
  for (const Finding& f : findings) {
    if (f.page == 2 && f.category == "name") page2.push_back(pages[1].text.substr(f.begin, f.end - f.begin));
  }
  EXPECT_EQ(page2, (std::vector<std::string>{"Nadege Saint-Fleur Joseph"}));
}

// A letterhead set side by side (a fresh Chromium letter): the office's
// e-mail line reads as a block of its own inside the letterhead's box, and
// was removed as if it were the client's.
TEST(LayoutDetection, AnEmailLineInsideTheLetterheadsBoxStays) {
  PageBuilder b;
  b.Text("Tri-County Refugee Rights Project", 72, 72, 14);
  b.Text("1120 Peachtree Industrial Blvd., Suite 210 - Free legal representation - Tel. (770) 555-0164", 72, 88);
  b.Text("Duluth, GA 30097", 72, 100);
  b.Text("since 1994", 72, 112);
  b.Text("intake@tcrls.org", 400, 106, 8);
  b.Text("April 16, 2025", 72, 150);
  b.Text("Re: Request for release on parole of our client, a citizen of Haiti.", 72, 180);
  b.Text("Please write to the client at wideline86@examplemail.com with any questions.", 72, 194);
  const std::vector<PageText> pages = {b.Build()};
  bool letterhead = false;
  for (const RoleBlock& r : pages[0].layout.roles) letterhead = letterhead || r.role == BlockRole::kLetterhead;
  ASSERT_TRUE(letterhead);
  const std::vector<Finding> findings = MakeDetector().DetectDocument(pages);
  EXPECT_EQ(Texts(pages[0], findings, "email"), (std::vector<std::string>{"wideline86@examplemail.com"}));
}

// A Spanish form's preparer part runs into the bottom margin, and the
// interpreter's boxes open the next page in its top margin (a fresh
// LibreOffice form): their phones were removed as the applicant's, by the
// field or by the phone rule. The applicant's own phone goes.
TEST(LayoutDetection, APreparersAndAnInterpretersPhonesInTheMarginsStay) {
  PageBuilder a;
  a.Text("Telefono del solicitante", 60, 300, 7).Text("(786) 555-0100", 60, 312, 9);
  a.Text("Parte E. Declaracion de la persona que prepara el formulario", 60, 690, 9);
  a.Text("Nombre completo del preparador", 60, 712, 7).Text("Hector Iturriaga, Esq.", 60, 724, 9);
  a.Text("Telefono del preparador", 330, 740, 7).Text("(305) 555-0188", 330, 752, 9);
  PageBuilder b(2);
  b.Text("Nombre del interprete", 60, 36, 7).Text("Telefono del interprete", 330, 36, 7);
  b.Text("Luz Marina Cardenas Ochoa", 60, 50, 9).Text("(305) 555-0191", 330, 50, 9);
  const std::vector<PageText> pages = {a.Build(), b.Build()};
  const std::vector<Finding> findings = MakeDetector().DetectDocument(pages);
  std::vector<std::string> phones;
  for (const Finding& f : findings) {
    if (f.category == "phone") phones.push_back(pages[f.page - 1].text.substr(f.begin, f.end - f.begin));
  }
  EXPECT_EQ(phones, (std::vector<std::string>{"(786) 555-0100"}));
}

// A roster read column by column puts the "A#" header just before the
// first row's bare number, and the A-number rule read "A# 297012560" (a
// fresh Chromium roster): the header stays, the number goes.
TEST(LayoutDetection, AnANumberHeaderStaysWhenTheFirstNumberFollowsIt) {
  PageBuilder b;
  b.Text("Detainee", 40, 100).Text("A#", 200, 100).Text("DOB", 300, 100).Text("Country", 400, 100);
  const char* const rows[][4] = {{"DIALLO, Mamadou", "297012560", "03/14/1990", "Guinea"},
                                 {"LIN, Xiaohong", "243946464", "07/02/1985", "China"},
                                 {"TRAORE, Ibrahima", "216787574", "11/30/1979", "Mali"},
                                 {"NOORZAI, Abdul Wahid", "269504597", "01/09/2001", "Afghanistan"}};
  double y = 118;
  for (const auto& r : rows) {
    b.Text(r[0], 40, y).Text(r[1], 200, y).Text(r[2], 300, y).Text(r[3], 400, y);
    y += 18;
  }
  const std::vector<PageText> pages = {b.Build()};
  const std::vector<Finding> findings = MakeDetector().DetectDocument(pages);
  const std::vector<std::string> numbers = Texts(pages[0], findings, "a_number");
  EXPECT_EQ(numbers, (std::vector<std::string>{"297012560", "243946464", "216787574", "269504597"}));
  for (const Finding& f : findings) EXPECT_EQ(pages[0].text.substr(f.begin, f.end - f.begin).find("A#"), std::string::npos);
}

// A phone's last digits are no street number: "(619) 555-0110 · 880 Front
// Street" was one address finding from the phone's tail (a fresh roster).
TEST(LayoutDetection, AStreetNumberIsNotAPhonesTail) {
  PageBuilder b;
  b.Text("Weekly roster, prepared by the docket unit, (619) 555-0110 \xC2\xB7 880 Front Street, Room 2242", 40, 100);
  const std::vector<PageText> pages = {b.Build()};
  const std::vector<Finding> findings = MakeDetector().DetectDocument(pages);
  EXPECT_EQ(Texts(pages[0], findings, "address"), (std::vector<std::string>{"880 Front Street"}));
}

// An IJ order's appearances (a fresh groff order): DHS's counsel, an
// "Assistant Chief Counsel" under "ON BEHALF OF DHS:", is counsel too;
// their phone was removed while the respondent's counsel's stayed.
TEST(LayoutDetection, DhsCounselInTheAppearancesKeepsTheirPhone) {
  PageBuilder b;
  b.Text("APPEARANCES", 72, 500);
  b.Text("ON BEHALF OF RESPONDENT:", 72, 520).Text("ON BEHALF OF DHS:", 330, 520);
  b.Text("Priya Raman-Whitfield, Esq.", 72, 534).Text("Carl D. Westbrook", 330, 534);
  b.Text("Esperanza Immigrant Rights Project", 72, 548).Text("Assistant Chief Counsel", 330, 548);
  b.Text("1016 West Sixth Street", 72, 562).Text("606 South Olive Street, 8th Floor", 330, 562);
  b.Text("(213) 555-0150", 72, 576).Text("(213) 555-0102", 330, 576);
  const std::vector<PageText> pages = {b.Build()};
  const std::vector<Finding> findings = MakeDetector().DetectDocument(pages);
  EXPECT_TRUE(Texts(pages[0], findings, "phone").empty());
  EXPECT_TRUE(Texts(pages[0], findings, "address").empty());
}

// A letter's inside address to an ICE field office (a fresh Chromium
// letter): the office's street address stays; the client's, in the body,
// goes.
TEST(LayoutDetection, AnAgencyOfficesInsideAddressStays) {
  PageBuilder b;
  b.Text("April 16, 2025", 72, 150);
  b.Text("Field Office Director", 72, 180);
  b.Text("Atlanta Field Office", 72, 194);
  b.Text("U.S. Immigration and Customs Enforcement", 72, 208);
  b.Text("180 Ted Turner Drive SW, Suite 522", 72, 222);
  b.Text("Atlanta, GA 30303", 72, 236);
  b.Text("Upon release our client will live at 4471 Rosewood Lane, Stone Mountain, GA 30083 with her sister.", 72, 280);
  const std::vector<PageText> pages = {b.Build()};
  const std::vector<Finding> findings = MakeDetector().DetectDocument(pages);
  const std::vector<std::string> addresses = Texts(pages[0], findings, "address");
  ASSERT_EQ(addresses.size(), 1u);
  EXPECT_EQ(addresses[0].substr(0, 19), "4471 Rosewood Lane,");
}

// An address in boxes of its own parts (a fresh Spanish form): the city,
// state and ZIP code boxes' values go with the street's.
TEST(LayoutDetection, AnAddressSplitIntoCityStateAndZipBoxesGoes) {
  PageBuilder b;
  for (double x : {40.0, 200.0, 300.0, 420.0}) b.Rule(x, 80, x, 110);
  for (double y : {80.0, 110.0}) b.Rule(40, y, 420, y);
  b.Text("Ciudad", 44, 88, 7).Text("Estado", 204, 88, 7).Text("Codigo postal", 304, 88, 7);
  b.Text("Doral", 44, 104, 9).Text("FL", 204, 104, 9).Text("33172", 304, 104, 9);
  const std::vector<PageText> pages = {b.Build()};
  const std::vector<Finding> findings = MakeDetector().DetectDocument(pages);
  EXPECT_EQ(Texts(pages[0], findings, "address"), (std::vector<std::string>{"Doral", "FL", "33172"}));
}

// Counsel's own e-mail in the letter's prose, at the letterhead's domain
// (a fresh Chromium letter), stays; the client's at a free mail service
// goes, even where counsel's domain is one too.
TEST(LayoutDetection, AnEmailAtTheLetterheadsDomainStays) {
  PageBuilder b;
  b.Text("Tri-County Refugee Rights Project", 72, 72, 14);
  b.Text("1120 Peachtree Industrial Blvd., Suite 210 - Tel. (770) 555-0164", 72, 88);
  b.Text("intake@tcrls.org - help.tcrls@gmail.com", 72, 100);
  b.Text("April 16, 2025", 72, 150);
  b.Text("Please direct any questions to me at mc.desrosiers@tcrls.org. Our client can be", 72, 180);
  b.Text("reached at wideline86@gmail.com or through her sister.", 72, 194);
  const std::vector<PageText> pages = {b.Build()};
  const std::vector<Finding> findings = MakeDetector().DetectDocument(pages);
  EXPECT_EQ(Texts(pages[0], findings, "email"), (std::vector<std::string>{"wideline86@gmail.com"}));
}

// Prose in a narrow column that names an immigration court beside a
// person's address is no office block: the address goes.
TEST(LayoutDetection, ANarrowParagraphNamingACourtKeepsNoAddress) {
  PageBuilder b;
  b.Text("The respondent, who lives at", 72, 200);
  b.Text("4471 Rosewood Lane, Stone", 72, 214);
  b.Text("Mountain, GA 30083, appeared", 72, 228);
  b.Text("before the Immigration Court", 72, 242);
  b.Text("in Atlanta on May 2, 2025.", 72, 256);
  const std::vector<PageText> pages = {b.Build()};
  for (const RoleBlock& r : pages[0].layout.roles) EXPECT_NE(r.role, BlockRole::kOffice);
  const std::vector<Finding> findings = MakeDetector().DetectDocument(pages);
  EXPECT_FALSE(Texts(pages[0], findings, "address").empty());
}

// Evaluation set, status reports and detention lists: the fear-screening
// outcome sat under "Result" or a two-line "Resultado / MCF", and the
// interview's date under "Interview date"; both stayed readable.
// A class list whose header is grouped over three lines: the group line
// ("Class Member", "Identifiers", "Citizenship", "Custody"), then
// sub-headers, two of them wrapped. Every protected column is typed by its
// sub-header (or its group), the public ones are not.
TEST(LayoutDetection, ColumnsUnderAGroupedThreeLineHeaderAreTyped) {
  PageBuilder b;
  b.Text("Exhibit 3 - Detained class members, produced under the stipulated protective order", 40, 60);
  b.Text("Class Member", 70, 96).Text("Identifiers", 220, 96).Text("Citizenship", 380, 96)
      .Text("Custody", 460, 96);
  b.Text("No.", 40, 110).Text("Full name of", 70, 110).Text("A-Number", 220, 110)
      .Text("Date of", 300, 110).Text("Country", 380, 110).Text("Facility", 460, 110);
  b.Text("record", 70, 120).Text("birth", 300, 120);
  b.Text("1", 40, 140).Text("LYSENKO, Olena", 70, 140).Text("A-070-938-223", 220, 140)
      .Text("2002-05-23", 300, 140).Text("Ukraine", 380, 140).Text("Otay Mesa", 460, 140);
  b.Text("2", 40, 158).Text("BANOS PENA, Nayeli", 70, 158).Text("081127241", 220, 158)
      .Text("01/03/1966", 300, 158).Text("Honduras", 380, 158).Text("Krome North", 460, 158);
  b.Text("3", 40, 176).Text("GEBREMEDHIN, Tesfaye", 70, 176).Text("075763582", 220, 176)
      .Text("1980-10-28", 300, 176).Text("Eritrea", 380, 176).Text("Eloy", 460, 176);
  const std::vector<PageText> pages = {b.Build()};
  const std::vector<Finding> findings = MakeDetector().DetectDocument(pages);
  EXPECT_EQ(Texts(pages[0], findings, "dob"),
            (std::vector<std::string>{"2002-05-23", "01/03/1966", "1980-10-28"}));
  EXPECT_EQ(Texts(pages[0], findings, "a_number"),
            (std::vector<std::string>{"A-070-938-223", "081127241", "075763582"}));
  EXPECT_EQ(Texts(pages[0], findings, "name"),
            (std::vector<std::string>{"LYSENKO, Olena", "BANOS PENA, Nayeli", "GEBREMEDHIN, Tesfaye"}));
  for (const Finding& f : findings) {
    const std::string text = pages[0].text.substr(f.begin, f.end - f.begin);
    for (const char* kept : {"Ukraine", "Honduras", "Eritrea", "Otay Mesa", "Krome North", "Eloy",
                             "Class Member", "Identifiers", "A-Number", "Date of"}) {
      EXPECT_EQ(text.find(kept), std::string::npos) << f.category << ": " << text;
    }
  }
}

TEST(LayoutDetection, ScreeningResultsAndInterviewDatesUnderPlainHeaders) {
  PageBuilder b;
  b.Text("Under 8 C.F.R. 208.30, the following class members have received fear screenings:", 40, 60);
  b.Text("Class member", 40, 100).Text("Result", 220, 100).Text("Interview date", 360, 100);
  b.Text("Y. Ramirez Orellana", 40, 120).Text("Positive (RFI)", 220, 120).Text("02/02/2024", 360, 120);
  b.Text("S. Tesfamariam", 40, 140).Text("Negative; IJ vacated", 220, 140).Text("12/09/2024", 360, 140);
  b.Text("A. Gebremedhin", 40, 160).Text("Pending", 220, 160).Text("01/03/2025", 360, 160);
  const std::vector<PageText> pages = {b.Build()};
  const std::vector<Finding> findings = MakeDetector().DetectDocument(pages);
  EXPECT_EQ(Texts(pages[0], findings, "credible_fear"),
            (std::vector<std::string>{"Positive (RFI)", "Negative; IJ vacated", "Pending", "02/02/2024",
                                      "12/09/2024", "01/03/2025"}));
}

TEST(LayoutDetection, ATwoLineSpanishResultHeaderTypesItsColumn) {
  PageBuilder b;
  b.Text("Nombre del detenido", 40, 100).Text("Pais", 220, 100).Text("Resultado", 360, 100);
  b.Text("MCF", 360, 110);
  b.Text("TZUL CHUMIL, Rigoberto", 40, 130).Text("Guatemala", 220, 130).Text("Positive", 360, 130);
  b.Text("PIERRE-LOUIS, Jean-Baptiste", 40, 150).Text("Haiti", 220, 150).Text("Negative", 360, 150);
  const std::vector<PageText> pages = {b.Build()};
  const std::vector<Finding> findings = MakeDetector().DetectDocument(pages);
  EXPECT_EQ(Texts(pages[0], findings, "credible_fear"), (std::vector<std::string>{"Positive", "Negative"}));
}

// Evaluation set: the members of family units and the people an exhibit
// index names by initials stayed readable.
TEST(LayoutDetection, FamilyMembersColumnsAndInitialsOfAnExhibitsPerson) {
  PageBuilder b;
  b.Text("Unit", 40, 100).Text("Family members", 80, 100).Text("Country", 300, 100);
  b.Text("1", 40, 120).Text("Dulce Nunez Mejia", 80, 120).Text("Honduras", 300, 120);
  b.Text("Meron Nunez Mejia", 80, 134);
  b.Text("2", 40, 150).Text("Wilmer Desir", 80, 150).Text("Haiti", 300, 150);
  b.Text("3", 40, 166).Text("Anyelo Baez", 80, 166).Text("Haiti", 300, 166);
  b.Text("Ex. 3 Form I-589 of A.V.P., filed under seal.", 40, 220);
  b.Text("Ex. 4 Form I-870 (Record of Determination) for SIDI BA, sealed.", 40, 240);
  const std::vector<PageText> pages = {b.Build()};
  const std::vector<Finding> findings = MakeDetector().DetectDocument(pages);
  EXPECT_EQ(Texts(pages[0], findings, "name"),
            (std::vector<std::string>{"Dulce Nunez Mejia", "Meron Nunez Mejia", "Wilmer Desir", "Anyelo Baez",
                                      "A.V.P.", "SIDI BA"}));
}

// Evaluation set: letters call the client "Ms. A."; the initial was read
// as the article "a", which is never a name, and stayed.
TEST(LayoutDetection, AnInitialAfterAnHonorificIsAName) {
  PageBuilder b;
  b.Text("If released, Ms. A. will reside with a sponsor.", 40, 100);
  b.Text("We met a client and Mr. A. Smith.", 40, 120);
  const std::vector<PageText> pages = {b.Build()};
  const std::vector<Finding> findings = MakeDetector().DetectDocument(pages);
  EXPECT_EQ(Texts(pages[0], findings, "name"), (std::vector<std::string>{"A.", "A. Smith"}));
}

TEST(LayoutDetection, AValueBelowAFormLabelIsFound) {
  PageBuilder b;
  b.Text("2. Family Name (Last Name)", 60, 100, 8).Text("3. Given Name (First Name)", 300, 100, 8);
  b.Text("Apellido(s)", 60, 110, 8).Text("Nombre(s)", 300, 110, 8);
  b.Text("SHEVCHENKO", 60, 130, 11).Text("Yuliia", 300, 130, 11);
  const std::vector<PageText> pages = {b.Build()};
  const std::vector<Finding> findings = MakeDetector().DetectDocument(pages);
  EXPECT_EQ(Texts(pages[0], findings, "name"), (std::vector<std::string>{"SHEVCHENKO", "Yuliia"}));
  for (const Finding& f : findings) EXPECT_EQ(f.basis, "label");
}

// Issue 18, over-redaction on real filings: cued "names" that are a
// company, a heading or a title, and a span that ran into "U.S.".
TEST(LayoutDetection, CompaniesHeadingsAndTitlesAreNotPeople) {
  PageBuilder b;
  b.Text("ISLAND CREEK COAL COMPANY,", 60, 60).Text("Petitioner,", 60, 74);
  b.Text("BERKSHIRE LIFE INSURANCE COMPANY,", 60, 100).Text("Respondent.", 60, 114);
  b.Text("Applicant: Bank of America", 60, 140);
  b.Text("Petitioner: Acme Holdings LLC", 60, 160);
  b.Text("Applicant: COMPLAINT", 60, 180);
  b.Text("We thank Ms. More for the record.", 60, 200);
  b.Text("Plaintiff Maia Simone Fisher U.S. citizen, testified.", 60, 220);
  b.Text("MARIA LOPEZ GARCIA,", 60, 250).Text("Petitioner,", 60, 264);
  const std::vector<PageText> pages = {b.Build()};
  const std::vector<Finding> findings = MakeDetector().DetectDocument(pages);
  EXPECT_EQ(Texts(pages[0], findings, "name"), (std::vector<std::string>{"Maia Simone Fisher", "MARIA LOPEZ GARCIA"}));
}

TEST(LayoutDetection, AFormValueThatIsACompanyOrATitleIsNoName) {
  PageBuilder b;
  b.Text("Name", 60, 100, 8).Text("Employer name", 300, 100, 8);
  b.Text("Ms.", 60, 120, 11).Text("Acme Holdings LLC", 300, 120, 11);
  b.Text("Full Name", 60, 160, 8);
  b.Text("Yuliia SHEVCHENKO", 60, 180, 11);
  const std::vector<PageText> pages = {b.Build()};
  const std::vector<Finding> findings = MakeDetector().DetectDocument(pages);
  EXPECT_EQ(Texts(pages[0], findings, "name"), (std::vector<std::string>{"Yuliia SHEVCHENKO"}));
}

PageText CounselPage() {
  PageBuilder b;
  b.Text("Respectfully submitted,", 330, 200);
  b.Text("/s/ Laura Kim", 330, 214);
  b.Text("Ms. Laura Kim (SBN 123456)", 330, 228);
  b.Text("600 B Street, Suite 300", 330, 242);
  b.Text("Tel.: (619) 555-0100", 330, 256);
  b.Text("lkim@kimortega.example.com", 330, 270);
  b.Text("Attorney for Petitioner", 330, 284);
  return b.Build();
}

TEST(LayoutDetection, CounselKeepsTheirNameAddressPhoneAndEmail) {
  const std::vector<PageText> pages = {CounselPage()};
  EXPECT_TRUE(MakeDetector().DetectDocument(pages).empty());
}

TEST(LayoutDetection, CounselOnTheNamesListIsTheListsCall) {
  const std::vector<PageText> pages = {CounselPage()};
  const std::vector<Finding> findings =
      MakeDetector("id,first,last\nX-1,Laura,Kim\n").DetectDocument(pages);
  ASSERT_FALSE(findings.empty());
  for (const Finding& f : findings) {
    EXPECT_EQ(f.category, "name");
    EXPECT_EQ(f.basis, "list");
  }
}

TEST(LayoutDetection, ACertificateKeepsItsTranslatorButNotTheDeclarant) {
  PageBuilder b;
  b.Text("CERTIFICATE OF TRANSLATION", 220, 100, 12);
  b.Text("I, Elena Vasquez, certify that I translated the declaration of Lucia Morales", 60, 140);
  b.Text("from Spanish into English. Telephone: (619) 555-0177", 60, 154);
  const std::vector<PageText> pages = {b.Build()};
  const std::vector<Finding> findings = MakeDetector().DetectDocument(pages);
  EXPECT_EQ(Texts(pages[0], findings, "name"), (std::vector<std::string>{"Lucia Morales"}));
  EXPECT_TRUE(Texts(pages[0], findings, "phone").empty());
}

// A certificate of service restates the caption: the respondent "In the
// Matter of" is its subject, not a party served. Before, a cue's finding
// of the name there was dropped as public, and the name with it wherever
// the document repeated it.
TEST(LayoutDetection, ACertificatesMatterOfNamesItsSubject) {
  PageBuilder b(3);
  b.Text("CERTIFICATE OF SERVICE", 217, 258);
  b.Text("In the Matter of: Dmitriy Olegovich KUZNETSOV", 72, 292).Text("File No.: A 209-631-478", 417, 292);
  b.Text("On June 10, 2024, I, Jonathan P. Rosenthal, served a copy of this Respondent's Motion to", 90, 325);
  b.Text("Reopen Removal Proceedings on the Department of Homeland Security by mail to:", 72, 340);
  const PageText page = b.Build();
  ASSERT_FALSE(page.layout.roles.empty());
  Finding f;
  f.category = "name";
  f.rule = "name.cue.caption";
  f.page = 3;
  f.begin = page.text.find("Dmitriy");
  f.end = page.text.find("KUZNETSOV") + 9;
  f.value = "dmitriy olegovich kuznetsov";
  std::vector<Finding> findings = {f};
  std::vector<std::string> public_people;
  KeepPublicRoles(page, &findings, &public_people);
  EXPECT_EQ(findings.size(), 1u);
  EXPECT_TRUE(public_people.empty());
}

// An EOIR notice's certificate of service names the respondent beside
// her A-number ("Respondent: BRICEÑO CARRASQUEL, YUSMARY COROMOTO  A#
// 245-703-168"): that name is the noncitizen's, never a certifier's, and
// stays found inside the certificate. Before, "Respondent:" labelled
// nothing and the certificate's role made the surnames public.
TEST(LayoutDetection, ARespondentBesideHerANumberInACertificateIsFound) {
  PageBuilder b(2);
  b.Text("CERTIFICATE OF SERVICE", 217, 60);
  b.Text("Respondent:", 40, 90).Text("BRICENO CARRASQUEL, YUSMARY COROMOTO", 140, 90).Text("A# 245-703-168", 400, 90);
  b.Text("THIS DOCUMENT WAS SERVED BY: Mail to the respondent's attorney of record:", 40, 120);
  b.Text("Daniel Alejandro Mijares Ramos, Esq.", 60, 134);
  b.Text("2400 NW 7th Street, Suite 5, Miami, FL 33125", 60, 146);
  const std::vector<PageText> pages = {b.Build()};
  const std::vector<Finding> findings = MakeDetector().DetectDocument(pages);
  EXPECT_EQ(Texts(pages[0], findings, "name"), (std::vector<std::string>{"BRICENO CARRASQUEL, YUSMARY COROMOTO"}));
}

// A respondent named without an A-number is no labelled name: in a
// habeas petition the respondent is the warden.
TEST(LayoutDetection, ARespondentWithoutAnANumberIsNoLabel) {
  PageBuilder b;
  b.Text("Respondent: Warden Dale Hoffmann, Krome North Service Processing Center", 40, 90);
  const std::vector<PageText> pages = {b.Build()};
  for (const LabeledField& f : pages[0].layout.fields) ADD_FAILURE() << f.key;
}

// Letters in comb boxes are a name however short each piece: one letter
// per box spells the word.
TEST(LayoutDetection, LettersOfACombFieldAreAName) {
  PageBuilder b;
  b.CombField("3. First / middle name", "YUSMARY COROMOTO", 20, 180);
  const std::vector<PageText> pages = {b.Build()};
  const std::vector<Finding> findings = MakeDetector().DetectDocument(pages);
  std::string found;
  for (const std::string& t : Texts(pages[0], findings, "name")) found += t + "|";
  EXPECT_NE(found.find("Y U S M A R Y"), std::string::npos) << found;
  EXPECT_NE(found.find("C O R O M O T O"), std::string::npos) << found;
}

// A signature printed right under a paragraph, no more space between
// them than between lines (Chromium's print of an e-mail): the signature
// is counsel's, the paragraph keeps what it names. Before, the whole
// block was counsel's, and the class member it named (and her address)
// turned public everywhere; with the signature under a longer paragraph,
// counsel's own name and address were removed.
TEST(LayoutDetection, ASignatureUnderAParagraphIsCounselsAndTheParagraphIsNot) {
  PageBuilder b;
  b.Text("With respect to Ms. Guzman Briceno, USCIS reports that her file is complete and she was released", 60, 100);
  b.Text("on parole on May 10. ICE has her address of record as 3150 NW 7th Street, Apt. 208, Miami, FL 33125.", 60, 112);
  b.Text("For Mr. Dorvilien, ERO Miami is still locating the file; I expect an answer by Monday morning.", 60, 124);
  b.Text("Thank you,", 60, 136);
  b.Text("Rebecca A. Lindqvist", 60, 148);
  b.Text("Senior Staff Attorney | Border Justice Project", 60, 160);
  b.Text("1620 L Street NW, Suite 600, Washington, DC 20036", 60, 172);
  b.Text("(202) 555-0118 | rlindqvist@borderjusticeproject.org", 60, 184);
  b.Text("Counsel for Plaintiffs and the Certified Class", 60, 196);
  const std::vector<PageText> pages = {b.Build()};
  const std::vector<Finding> findings = MakeDetector().DetectDocument(pages);
  const std::vector<std::string> names = Texts(pages[0], findings, "name");
  EXPECT_NE(std::find(names.begin(), names.end(), "Guzman Briceno"), names.end());
  for (const std::string& n : names) EXPECT_EQ(n.find("Lindqvist"), std::string::npos) << n;
  EXPECT_EQ(Texts(pages[0], findings, "address"), (std::vector<std::string>{"3150 NW 7th Street, Apt. 208, Miami, FL 33125"}));
  EXPECT_TRUE(Texts(pages[0], findings, "phone").empty());
  EXPECT_TRUE(Texts(pages[0], findings, "email").empty());
}

// A class action's title gives its plaintiffs' initials as the court let
// them sue ("L.G.M., et al. v. ...", "Plaintiff D.A.K."): public record,
// in the caption and wherever the filing uses them, even of a listed
// person; the full name beside them still goes.
TEST(LayoutDetection, ThePlaintiffsInitialsInTheCaseTitleStay) {
  PageBuilder b;
  b.Text("L.G.M., et al., Plaintiffs, v. U.S. DEPARTMENT OF HOMELAND SECURITY, et al., Defendants.", 60, 100);
  b.Text("Defendants report that Plaintiff L.G.M. (Lesly Gabriela Mazariegos Chun) was released on parole.", 60, 130);
  b.Text("Plaintiff D.A.K. (Djibril Alassane Kouyate) received a new interview.", 60, 142);
  const std::vector<PageText> pages = {b.Build()};
  const std::vector<Finding> findings =
      MakeDetector("first,last\nLesly Gabriela,Mazariegos Chun\nDjibril Alassane,Kouyate\n").DetectDocument(pages);
  EXPECT_EQ(Texts(pages[0], findings, "name"),
            (std::vector<std::string>{"Lesly Gabriela Mazariegos Chun", "Djibril Alassane Kouyate"}));
}

// An official's .gov e-mail in a message's header and an agency's
// toll-free line are nobody's private contact; a personal phone and
// e-mail in the same message go.
TEST(LayoutDetection, GovernmentEmailsAndTollFreeNumbersStay) {
  PageBuilder b;
  b.Text("From: Raman-Holt, Priya <priya.raman-holt@ice.dhs.gov>", 60, 80);
  b.Text("Cc: Ellery, Marcus T. (CIV) <marcus.t.ellery@usdoj.gov>", 60, 94);
  b.Text("Mr. Sharifi's sister can be reached at (703) 555-0174 or farzana.s@gmail.com.", 60, 120);
  b.Text("If you have questions, call the USCIS Contact Center at 800-375-5283.", 60, 134);
  const std::vector<PageText> pages = {b.Build()};
  const std::vector<Finding> findings = MakeDetector().DetectDocument(pages);
  EXPECT_EQ(Texts(pages[0], findings, "email"), (std::vector<std::string>{"farzana.s@gmail.com"}));
  EXPECT_EQ(Texts(pages[0], findings, "phone"), (std::vector<std::string>{"(703) 555-0174"}));
}

// A class list after a paragraph that names the interpreter: every name in
// the list's Name column is found, listed or not, and the interpreter stays.
// Before, "certified court interpreter" in the paragraph made the rest of
// the page a certificate, whose names are public, and the unlisted class
// members were left in.
TEST(LayoutDetection, AClassListAfterAnInterpreterIsNamedKeepsNoMembersName) {
  const std::vector<PageText> pages = {testing::InterpreterParagraphThenClassList(3)};
  const std::vector<Finding> findings = MakeDetector("id,first,last\nX-1,Anderson,Euceda\n").DetectDocument(pages);
  const std::vector<std::string> names = Texts(pages[0], findings, "name");
  for (const char* member : {"ORDONEZ, Glenda", "SABILLON, Wuilmer", "EUCEDA, Anderson"}) {
    EXPECT_NE(std::find(names.begin(), names.end(), member), names.end()) << member;
  }
  for (const std::string& n : names) EXPECT_EQ(n.find("Castellanos"), std::string::npos) << n;
}

// 8 CFR 208.6 quoted in general terms is the law's text, not a notation on
// anyone's record; the same words about a person stay notations.
TEST(LayoutDetection, AQuotedRegulationInGeneralTermsIsNoNotation) {
  PageBuilder b;
  b.Text("Mr. Okafor received a negative reasonable fear determination. The rule reads:", 60, 100);
  b.Text("Records pertaining to any reasonable fear determination", 100, 114);
  b.Text("or any application for asylum shall not be disclosed,", 100, 128);
  b.Text("except as this section permits. 8 C.F.R. 1208.6(a).", 100, 142);
  b.Text("The clerk shall therefore file the declaration and its exhibits under seal today.", 60, 156);
  const std::vector<PageText> pages = {b.Build()};
  const std::vector<Finding> findings = MakeDetector().DetectDocument(pages);
  EXPECT_EQ(Texts(pages[0], findings, "credible_fear"),
            (std::vector<std::string>{"negative reasonable fear determination"}));
}

TEST(LayoutDetection, AQuotationThatNamesAPersonKeepsItsNotations) {
  PageBuilder b;
  b.Text("The immigration judge wrote, in the decision the parties both rely on:", 60, 100);
  b.Text("\"Ms. Adaeze Okafor passed her credible fear interview", 100, 114);
  b.Text("and applied for asylum within the year.\" 8 C.F.R. 1208.4.", 100, 128);
  b.Text("The clerk shall therefore file the decision and its exhibits under seal today.", 60, 142);
  const std::vector<PageText> pages = {b.Build()};
  const std::vector<Finding> findings = MakeDetector().DetectDocument(pages);
  EXPECT_EQ(Texts(pages[0], findings, "credible_fear"),
            (std::vector<std::string>{"credible fear interview", "applied for asylum"}));
}

// A form's part for the person who prepared it (an I-589's Part E):
// counsel's name, address and phone are public; the applicant's name above
// it and the form's lines about the applicant after it are not.
PageText FormWithAPreparerPart() {
  PageBuilder b;
  b.Text("Part D. Applicant Statement", 40, 30);
  b.Text("Full name:", 40, 120).Text("Yuliia Shevchenko", 200, 120);
  b.Text("Part E. Declaration of Person Preparing Form", 44, 150);
  b.Text("Preparer's name:", 40, 175).Text("Tobias R. Lindqvist", 200, 175);
  b.Text("Address:", 40, 195).Text("88 Harbor View Road, Suite 12, Tacoma, WA 98402", 200, 195);
  b.Text("Daytime telephone:", 40, 215).Text("(253) 555-0147", 200, 215);
  b.Text("Applicant's telephone:", 40, 255).Text("(253) 555-0199", 200, 255);
  return b.Build();
}

TEST(LayoutDetection, AFormsPreparerPartKeepsCounselsNameAddressAndPhone) {
  const std::vector<PageText> pages = {FormWithAPreparerPart()};
  const std::vector<Finding> findings = MakeDetector().DetectDocument(pages);
  EXPECT_EQ(Texts(pages[0], findings, "name"), (std::vector<std::string>{"Yuliia Shevchenko"}));
  EXPECT_TRUE(Texts(pages[0], findings, "address").empty());
  EXPECT_EQ(Texts(pages[0], findings, "phone"), (std::vector<std::string>{"(253) 555-0199"}));
}

// A letterhead of a legal-services organisation named in Spanish (no
// "law" or "legal" in it): its address, phone and e-mail are public, here
// and where the letter repeats them.
TEST(LayoutDetection, ASpanishNamedOrganisationsLetterheadIsPublic) {
  PageBuilder b;
  b.Text("Defensoria Migrante del Valle", 200, 60, 12);
  b.Text("410 Orchard Lane, Suite 7 - McAllen, TX 78501", 160, 76);
  b.Text("Tel. (956) 555-0123 - ayuda@dmv.example.org", 170, 90);
  b.Text("The client may be reached at (956) 555-0190. Please write to me at", 60, 200);
  b.Text("ayuda@dmv.example.org or call (956) 555-0123 with any questions.", 60, 214);
  const std::vector<PageText> pages = {b.Build()};
  const std::vector<Finding> findings = MakeDetector().DetectDocument(pages);
  EXPECT_EQ(Texts(pages[0], findings, "phone"), (std::vector<std::string>{"(956) 555-0190"}));
  EXPECT_TRUE(Texts(pages[0], findings, "email").empty());
  EXPECT_TRUE(Texts(pages[0], findings, "address").empty());
}

// A clinician's letterhead set centred over a letter to counsel (probe26's
// forensic evaluation, pdflatex): lines as long as the page allows, no
// law firm's word in them. Its address, phones and e-mail were removed as
// the client's; the client's own, in the RE: line, still go.
double BuilderWidth(const std::string& text, double size) {  // as PageBuilder::Text sets it
  std::istringstream in(text);
  double w = 0;
  int words = 0;
  for (std::string word; in >> word; ++words) w += 0.5 * size * static_cast<double>(word.size());
  return w + 0.33 * size * std::max(words - 1, 0);
}

TEST(LayoutDetection, ACliniciansCentredLetterheadIsPublic) {
  PageBuilder b;
  const std::vector<std::string> prose = {
      "At your request I conducted a forensic psychological evaluation of the client to assess",
      "whether her presentation is consistent with the persecution she reports, and whether any",
      "condition would affect her testimony. She may be reached at (212) 555-0190 after hours.",
  };
  double right = 0;
  for (const std::string& line : prose) right = std::max(right, 72 + BuilderWidth(line, 10));
  const double center = (72 + right) / 2;
  const auto centred = [&](const std::string& text, double y, double size) {
    b.Text(text, center - BuilderWidth(text, size) / 2, y, size);
  };
  centred("Miriam L. Okonkwo-Reyes, Psy.D.", 60, 12);
  centred("Licensed Psychologist - Member, Asylum Network", 74, 10);
  centred("Harbor Trauma Associates, 275 Seventh Avenue, Suite 1204, New York, NY 10001", 86, 10);
  centred("Tel. (212) 555-0163 - Fax (212) 555-0164 - mokonkwo@harbortrauma.example", 98, 10);
  b.Text("August 4, 2025", 72, 150);
  b.Text("RE: the client (DOB 14 May 1990), e-mail madina90@examplemail.com", 72, 170);
  for (size_t k = 0; k < prose.size(); ++k) b.Text(prose[k], 72, 200 + 12.0 * static_cast<double>(k));
  const std::vector<PageText> pages = {b.Build()};
  bool letterhead = false;
  for (const RoleBlock& r : pages[0].layout.roles) letterhead = letterhead || r.role == BlockRole::kLetterhead;
  ASSERT_TRUE(letterhead);
  const std::vector<Finding> findings = MakeDetector().DetectDocument(pages);
  EXPECT_EQ(Texts(pages[0], findings, "phone"), (std::vector<std::string>{"(212) 555-0190"}));
  EXPECT_EQ(Texts(pages[0], findings, "email"), (std::vector<std::string>{"madina90@examplemail.com"}));
  EXPECT_TRUE(Texts(pages[0], findings, "address").empty());
}

// An exhibit index titled in capitals after a declarant, with the case
// name on the next line: the name ends with the title's line.
PageBuilder ExhibitIndexTitle() {
  PageBuilder b;
  b.Text("INDEX OF EXHIBITS TO DECLARATION OF TOBIAS R. LINDQVIST", 120, 60, 12);
  b.Text("Garza Doe Plaintiffs v. Mayorkas, No. 1:23-cv-00042-RST", 150, 76);
  b.Text("Ex. 1 Declaration of the class representative, with its translation", 60, 120);
  return b;
}

TEST(LayoutDetection, ANameInATitleInCapitalsEndsWithItsLine) {
  const std::vector<PageText> pages = {ExhibitIndexTitle().Build()};
  const std::vector<Finding> findings = MakeDetector().DetectDocument(pages);
  EXPECT_EQ(Texts(pages[0], findings, "name"), (std::vector<std::string>{"TOBIAS R. LINDQVIST"}));
}

// ... and when that declarant signs the page as counsel, they are public
// there and in the title.
TEST(LayoutDetection, CounselSigningTheIndexIsPublicInItsTitleToo) {
  PageBuilder b = ExhibitIndexTitle();
  b.Text("Respectfully submitted,", 330, 600);
  b.Text("/s/ Tobias R. Lindqvist", 330, 614);
  b.Text("Tobias R. Lindqvist", 330, 628);
  b.Text("Lindqvist & Ortega LLP", 330, 642);
  b.Text("Attorney for Plaintiffs", 330, 656);
  const std::vector<PageText> pages = {b.Build()};
  EXPECT_TRUE(Texts(pages[0], MakeDetector().DetectDocument(pages), "name").empty());
}

TEST(LayoutDetection, CounselSigningTheIndexOnTheNamesListIsTheListsCall) {
  PageBuilder b = ExhibitIndexTitle();
  b.Text("/s/ Tobias R. Lindqvist", 330, 614);
  b.Text("Attorney for Plaintiffs", 330, 628);
  const std::vector<PageText> pages = {b.Build()};
  const std::vector<Finding> findings =
      MakeDetector("id,first,last\nX-9,Tobias,Lindqvist\n").DetectDocument(pages);
  EXPECT_TRUE(std::any_of(findings.begin(), findings.end(), [&](const Finding& f) {
    return f.basis == "list" && pages[0].text.substr(f.begin, 6) == "Tobias";
  }));
}

TEST(LayoutDetection, InitialsOfAListedPersonNamedInFullOnThePage) {
  PageBuilder b;
  b.Text("Oksana Petrenko fled Kharkiv in 2022. O.P. was interviewed in Spanish and", 60, 100);
  b.Text("later O. P. asked for an interpreter. U.S. officers were present.", 60, 114);
  const std::vector<PageText> pages = {b.Build()};
  const std::vector<Finding> findings =
      MakeDetector("id,first,last\nCM-006,Oksana,Petrenko\n").DetectDocument(pages);
  EXPECT_EQ(Texts(pages[0], findings, "name"),
            (std::vector<std::string>{"Oksana Petrenko", "O.P.", "O. P."}));
}

// Evaluation set, letters: "cc: É.A.R. (client)" stayed readable, because
// RE2's \b sees no word start before an accented capital.
TEST(LayoutDetection, InitialsOfAListedPersonStartingWithAnAccentedCapital) {
  PageBuilder b;
  b.Text("Request for parole of \xC3\x8D\xC3\xB1igo Arrieta Zubiri, detained since March.", 60, 100);
  b.Text("cc: \xC3\x8D.A.Z. (client); the Office of the Chief Counsel", 60, 114);
  const std::vector<PageText> pages = {b.Build()};
  const std::vector<Finding> findings =
      MakeDetector("id,first,last\nCM-017,\xC3\x8D\xC3\xB1igo,Arrieta Zubiri\n").DetectDocument(pages);
  const std::vector<std::string> names = Texts(pages[0], findings, "name");
  EXPECT_NE(std::find(names.begin(), names.end(), "\xC3\x8D.A.Z."), names.end());
}

// Evaluation set, forms and letters: people the list lacks, found in full
// by a cue or a column, stayed readable in their initials ("M.C.P.") and
// first-initial forms ("H. Popal").
TEST(LayoutDetection, InitialsAndFirstInitialFormsOfAnUnlistedPersonFoundInFull) {
  PageBuilder b;
  b.Text("I, Teodora Quintanilla Urbina, declare as follows about my application.", 60, 100);
  b.Text("Later T. Quintanilla Urbina was moved; initials on each page: T.Q.U.", 60, 114);
  b.Text("U.S.A. and D.H.S. officers were present; T.R.U. is someone else.", 60, 128);
  const std::vector<PageText> pages = {b.Build()};
  const std::vector<Finding> findings = MakeDetector().DetectDocument(pages);
  EXPECT_EQ(Texts(pages[0], findings, "name"),
            (std::vector<std::string>{"Teodora Quintanilla Urbina", "T. Quintanilla Urbina", "T.Q.U."}));
}

TEST(LayoutDetection, InitialsWithoutTheMiddleNameOfAnUnlistedPerson) {
  PageBuilder b;
  b.Text("I, Rufino Abelardo Cojti Sacalxot, declare as follows about my application.", 60, 100);
  b.Text("Applicant's initials on each page: R.C.S.", 60, 114);
  const std::vector<PageText> pages = {b.Build()};
  const std::vector<Finding> findings = MakeDetector().DetectDocument(pages);
  EXPECT_EQ(Texts(pages[0], findings, "name"),
            (std::vector<std::string>{"Rufino Abelardo Cojti Sacalxot", "R.C.S."}));
}

// Evaluation set, letters: "Mr. Funes" found "Juan Funes" but left the
// second surname of "Juan Funes Solís", and so his initials "J.F.S.".
TEST(LayoutDetection, ASecondSurnameAfterACuedSurnameIsPartOfTheName) {
  PageBuilder b;
  b.Text("Request for parole of Anselmo Barrios Tzoc, who fled in 2023.", 60, 100);
  b.Text("This office represents Mr. Barrios. A. Barrios Tzoc passed his interview.", 60, 114);
  b.Text("cc: A.B.T. (client)", 60, 128);
  const std::vector<PageText> pages = {b.Build()};
  const std::vector<Finding> findings = MakeDetector().DetectDocument(pages);
  EXPECT_EQ(Texts(pages[0], findings, "name"),
            (std::vector<std::string>{"Anselmo Barrios Tzoc", "Barrios", "A. Barrios Tzoc", "A.B.T."}));
}

// Evaluation set, I-589 (LibreOffice): the family and given names were
// found in their fields, but the name written whole on the signature line
// stayed readable.
TEST(LayoutDetection, ANameWrittenInSeparateFieldsIsFoundWhereItIsWrittenWhole) {
  PageBuilder b;
  b.Text("Family Name: SOKOLOVA", 60, 100);
  b.Text("Given Name: Irina", 60, 114);
  b.Text("Country of Birth: Belarus", 60, 128);
  b.Text("The statement was read back to Irina Sokolova in Russian before she signed it.", 60, 160);
  const std::vector<PageText> pages = {b.Build()};
  const std::vector<Finding> findings = MakeDetector().DetectDocument(pages);
  EXPECT_EQ(Texts(pages[0], findings, "name"),
            (std::vector<std::string>{"SOKOLOVA", "Irina", "Irina Sokolova"}));
}

// A form's signature lines, the applicant's beside the preparer's and the
// interpreter's: the block is the applicant's, not the preparer's part, so
// the name the fields gave is found there too. Both branches merged, the
// preparer's counsel role made it public and it stayed on an I-589.
TEST(LayoutDetection, TheApplicantsSignatureBesideThePreparersIsNoPreparerPart) {
  PageBuilder b;
  b.Text("Family Name: SOKOLOVA", 60, 100);
  b.Text("Given Name: Irina", 60, 114);
  b.Text("Country of Birth: Belarus", 60, 128);
  b.Text("Signature of applicant", 60, 300).Text("Irina Sokolova", 240, 300);
  b.Text("Preparer", 60, 314).Text("Tobias R. Lindqvist, Harbor Immigrant Defense", 240, 314);
  b.Text("Interpreter", 60, 328).Text("Mirela Costa Vidal", 240, 328);
  const std::vector<PageText> pages = {b.Build()};
  const std::vector<Finding> findings = MakeDetector().DetectDocument(pages);
  EXPECT_EQ(Texts(pages[0], findings, "name"),
            (std::vector<std::string>{"SOKOLOVA", "Irina", "Irina Sokolova"}));
}

TEST(LayoutDetection, AGivenNameBeforeACuedSurnameIsFound) {
  PageBuilder b;
  b.Text("The exhibit identifies Oksana Petrenko, who received a positive finding.", 60, 100);
  b.Text("Ms. Petrenko filed her Form I-589 on May 20, 2023.", 60, 114);
  const std::vector<PageText> pages = {b.Build()};
  const std::vector<Finding> findings = MakeDetector().DetectDocument(pages);
  EXPECT_EQ(Texts(pages[0], findings, "name"),
            (std::vector<std::string>{"Oksana Petrenko", "Petrenko"}));
}

// Two given names before the cued surname (a fresh status report: "Another
// class member, Fatoumata Binta Camara," of "Ms. Camara" left "Fatoumata").
// An uncapitalized word before them is no name.
TEST(LayoutDetection, TwoGivenNamesBeforeACuedSurnameAreFound) {
  PageBuilder b;
  b.Text("Another class member, Fatoumata Binta Camara, was detained at Stewart.", 60, 100);
  b.Text("Ms. Camara received no interview. The officer met with Aissatou Camara later.", 60, 114);
  const std::vector<PageText> pages = {b.Build()};
  const std::vector<Finding> findings = MakeDetector().DetectDocument(pages);
  EXPECT_EQ(Texts(pages[0], findings, "name"),
            (std::vector<std::string>{"Fatoumata Binta Camara", "Camara", "Aissatou Camara"}));
}

// probe22's hearing transcript: "File No.: A" ends a line of pleading
// paper, the line number comes next, then "208-561-390" alone; two pages
// on, "A 208-561-390" is found by its prefix. An A-number found anywhere is
// that person's number wherever it is written again, in any grouping; a
// longer number that holds its digits is another number.
TEST(LayoutDetection, AnANumberFoundOnceIsFoundWhereverItIsWrittenAgain) {
  PageBuilder one(1), two(2);
  one.PleadingLineNumbers();
  one.Text("In the Matter of: the Respondent. File No.:", 100, 72);
  one.Text("208-561-390", 100, 96);
  one.Text("Bates 12085613901 and docket 208561390X stay", 100, 120);
  one.Text("The receipt shows 208 561 390 as the file.", 100, 144);
  two.Text("Back on the record in the matter of A 208-561-390.", 72, 100);
  const std::vector<PageText> pages = {one.Build(), two.Build()};
  const std::vector<Finding> findings = MakeDetector().DetectDocument(pages);
  std::vector<std::string> first, second;
  for (const Finding& f : findings) {
    if (f.category != "a_number") continue;
    const PageText& page = pages[static_cast<size_t>(f.page - 1)];
    (f.page == 1 ? first : second).push_back(page.text.substr(f.begin, f.end - f.begin));
  }
  EXPECT_EQ(first, (std::vector<std::string>{"208-561-390", "208 561 390"}));
  EXPECT_EQ(second, (std::vector<std::string>{"A 208-561-390"}));
}

// probe24's printed e-mail thread (Chromium): the message's last line is
// short ("if you prefer to talk in Tigrinya."), then the "--" that opens
// a signature, then counsel's name, "Staff Attorney" and her legal
// center. The signature was never found (its tail began at the short
// prose line), so counsel's name, phone and e-mail went everywhere. An
// ICE locator's "Facility Address" is the facility's, public; the
// sister's own address stays found.
TEST(LayoutDetection, AnEmailSignatureAfterItsDashesIsCounsels) {
  PageBuilder b;
  b.Text("Please do not send original documents by mail. Our paralegal is copied and can help you", 60, 100);
  b.Text("if you prefer to talk in Tigrinya.", 60, 112);
  b.Text("--", 60, 124);
  b.Text("Senait Ghirmay", 60, 136);
  b.Text("Staff Attorney", 60, 148);
  b.Text("Upstate Refugee & Immigrant Legal Center", 60, 160);
  b.Text("112 Franklin Street, Suite 3, Buffalo, NY 14202", 60, 172);
  b.Text("T (716) 555-0131 | sghirmay@urilc.example", 60, 184);
  b.Text("To: Senait Ghirmay <sghirmay@urilc.example>", 60, 230);
  b.Text("Current Detention Facility   Buffalo (Batavia) Service Processing Center", 60, 260);
  b.Text("Facility Address   4250 Federal Drive, Batavia, NY 14020", 60, 272);
  b.Text("My address is 3380 Cleveland Ave, Apt 14B, Columbus, OH 43224 and my phone is (614) 555-0198.", 60, 300);
  const std::vector<PageText> pages = {b.Build()};
  const std::vector<Finding> findings = MakeDetector().DetectDocument(pages);
  for (const std::string& n : Texts(pages[0], findings, "name")) EXPECT_EQ(n.find("Ghirmay"), std::string::npos) << n;
  EXPECT_TRUE(Texts(pages[0], findings, "email").empty());
  EXPECT_EQ(Texts(pages[0], findings, "phone"), (std::vector<std::string>{"(614) 555-0198"}));
  EXPECT_EQ(Texts(pages[0], findings, "address"), (std::vector<std::string>{"3380 Cleveland Ave, Apt 14B, Columbus, OH 43224"}));
}

// probe24's e-mail thread, its second page: counsel writes "Dear Luwam,"
// and "About Kibrom: we cannot speak with him", both named in full on the
// first page. A greeting or a preposition opening the sentence is no
// part of a name, and the given name after it is that person's.
TEST(LayoutDetection, AGivenNameAfterAGreetingOrAnOpeningWordGoes) {
  PageBuilder one(1), two(2);
  one.Text("His friend from the same pod, Kibrom Weldemichael Asfaha, A#241077612, got a negative CF.", 60, 100);
  one.Text("My sister Luwam Tesfamariam will call.", 60, 124);
  two.Text("Dear Luwam,", 60, 100);
  two.Text("About Kibrom: we cannot speak with him about his case without his consent.", 60, 124);
  two.Text("Querida Luwam, gracias.", 60, 148);
  const std::vector<PageText> pages = {one.Build(), two.Build()};
  const std::vector<Finding> findings = MakeDetector().DetectDocument(pages);
  std::vector<std::string> first, second;
  for (const Finding& f : findings) {
    if (f.category != "name") continue;
    if (f.page == 1) first.push_back(pages[0].text.substr(f.begin, f.end - f.begin));
    if (f.page == 2) second.push_back(pages[1].text.substr(f.begin, f.end - f.begin));
  }
  EXPECT_EQ(first, (std::vector<std::string>{"Kibrom Weldemichael Asfaha", "Luwam Tesfamariam"}));
  EXPECT_EQ(second, (std::vector<std::string>{"Luwam", "Kibrom", "Luwam"}));
}

// probe24's scanned notice lists the children included in the case as
// "Kenia Nicol Zelaya (15/11/2014)": the names went, their dates of birth
// stayed. A full date in parentheses right after a name found is that
// person's date of birth; a year alone or an age is not one.
TEST(LayoutDetection, ADateInParenthesesAfterANameIsTheirDateOfBirth) {
  PageBuilder b;
  b.Text("Her son, Kevin Ramos (March 3, 2011), attends school.", 60, 100);
  b.Text("Included: Yama Sadat (01/30/2018) and Hamid Sadat (age 7).", 60, 112);
  b.Text("His daughter, Valentina Ruiz (2015), lives in Quito.", 60, 124);
  const std::vector<PageText> pages = {b.Build()};
  const std::vector<Finding> findings = MakeDetector("first,last\nYama,Sadat\n").DetectDocument(pages);
  const std::vector<std::string> dates = Texts(pages[0], findings, "dob");
  EXPECT_EQ(dates, (std::vector<std::string>{"March 3, 2011", "01/30/2018"}));
}

// probe24's I-213 record: "Subject's father, Diego Ixcoy Batz," stayed,
// since "diego" was a never-name word (for "San Diego"). The city is kept
// by its first word instead; a listed Diego's given name alone is not
// found in "San Diego" either.
TEST(LayoutDetection, DiegoIsAGivenNameAndSanDiegoACity) {
  PageBuilder b;
  b.Text("Subject's father, Diego Ixcoy Batz, remains in the village.", 60, 100);
  b.Text("Diego Ramirez Soto moved to San Diego in 2019; Diego works nights.", 60, 112);
  const std::vector<PageText> pages = {b.Build()};
  const std::vector<Finding> findings = MakeDetector("first,last\nDiego,Ramirez Soto\n").DetectDocument(pages);
  EXPECT_EQ(Texts(pages[0], findings, "name"),
            (std::vector<std::string>{"Diego Ixcoy Batz", "Diego Ramirez Soto", "Diego"}));
}

// probe24's scanned Spanish notice: the clinic's letterhead ("CENTRO LEGAL
// PARA INMIGRANTES DEL VALLE" over its street address) and "el Tribunal
// de Inmigración de Harlingen, ubicado en 2009 W. Jefferson Ave" name
// institutions, whose addresses are public; the client's own address
// ("Domicilio: …", "vivo en …") still goes.
TEST(LayoutDetection, ASpanishInstitutionsAddressStays) {
  PageBuilder b;
  b.Text("CENTRO LEGAL PARA INMIGRANTES DEL VALLE", 60, 60);
  b.Text("1401 W. Harrison Ave, Suite 220, Harlingen, TX 78550", 60, 72);
  b.Text("Su audiencia ante el Tribunal de Inmigracion de Harlingen, ubicado en", 60, 120);
  b.Text("2009 W. Jefferson Ave, Suite 300, Harlingen, TX 78550, ha sido cambiada.", 60, 132);
  b.Text("Yo vivo en el centro de la ciudad, en 418 W. Elizabeth St, Apt. 6, Brownsville, TX 78520.", 60, 180);
  const std::vector<PageText> pages = {b.Build()};
  const std::vector<Finding> findings = MakeDetector().DetectDocument(pages);
  EXPECT_EQ(Texts(pages[0], findings, "address"),
            (std::vector<std::string>{"418 W. Elizabeth St, Apt. 6, Brownsville, TX 78520"}));
}

}  // namespace
}  // namespace redact

// Issue 16 §2: an identifier broken by a page break (detect/page_breaks.h).
namespace redact {
namespace {

TEST(PageBreakDetection, NameAndANumberAcrossPagesLandOnBothPages) {
  testing::PageBuilder p1(1), p2(2), p3(3);
  p1.Text("The respondent gave her name as Maria", 72, 300);
  p2.Text("Hernandez-Nunez, and stated her file number as A20123", 72, 100);
  p2.Text("Page 2", 300, 780);  // a running footer between them is skipped
  p3.Text("4567 at the hearing.", 72, 100);
  const std::vector<PageText> pages = {p1.Build(), p2.Build(), p3.Build()};
  const auto findings =
      MakeDetector("id,name,a_number\nP1,Maria Hernandez-Nunez,A201234567\n").DetectDocument(pages);
  std::vector<std::string> on[3];
  for (const Finding& f : findings) {
    on[f.page - 1].push_back(pages[f.page - 1].text.substr(f.begin, f.end - f.begin));
  }
  EXPECT_EQ(on[0], (std::vector<std::string>{"Maria"}));
  EXPECT_EQ(on[1], (std::vector<std::string>{"Hernandez-Nunez", "A20123"}));
  EXPECT_EQ(on[2], (std::vector<std::string>{"4567"}));
  for (const Finding& f : findings) EXPECT_FALSE(f.glyphs.empty());
}

// probe22's hearing transcript: "He was born" ends page 13 and "on the 9th
// of June, 1996, in Chisec" opens page 14. The date lies on one page and
// its context on the other, so neither page's detection found it.
TEST(PageBreakDetection, ADateOfBirthWhoseContextEndsThePageBefore) {
  testing::PageBuilder p1(1), p2(2);
  p1.Text("Rigoberto is my younger brother. He was born", 72, 300);
  p2.Text("on the 9th of June, 1996, in Chisec, Alta Verapaz.", 72, 100);
  const std::vector<PageText> pages = {p1.Build(), p2.Build()};
  std::vector<std::string> dates;
  for (const Finding& f : MakeDetector().DetectDocument(pages)) {
    if (f.category == "dob") dates.push_back(std::to_string(f.page) + ":" + pages[f.page - 1].text.substr(f.begin, f.end - f.begin));
  }
  EXPECT_EQ(dates, (std::vector<std::string>{"2:the 9th of June, 1996"}));
}

// probe28's docket sheet: a page ends with counsel's e-mail line and the
// next opens with "Defendant". Run together they read as one address
// ending ".orgdefendant", which neither the public-contact rules nor a
// reader would recognise; the e-mail was whole before the break.
TEST(PageBreakDetection, AValueWholeBeforeTheBreakTakesNothingAfterIt) {
  testing::PageBuilder p1(1), p2(2);
  p1.Text("Email: dana.ruiz@example.org", 72, 300);
  p2.Text("Defendant", 72, 100);
  const std::vector<PageText> pages = {p1.Build(), p2.Build()};
  std::vector<std::string> emails;
  for (const Finding& f : MakeDetector().DetectDocument(pages)) {
    emails.push_back(std::to_string(f.page) + ":" + f.value);
  }
  EXPECT_EQ(emails, (std::vector<std::string>{"1:dana.ruiz@example.org"}));
}

TEST(PageBreakDetection, UnrelatedEdgesFindNothing) {
  testing::PageBuilder p1(1), p2(2);
  p1.Text("The court adjourned at noon", 72, 300);
  p2.Text("Counsel for the government appeared.", 72, 100);
  const std::vector<PageText> pages = {p1.Build(), p2.Build()};
  EXPECT_TRUE(MakeDetector().DetectDocument(pages).empty());
}

// Pleading paper: the name wraps from line 4 to line 5, where the line
// number 5 stands before the surname; the surname comes back on line 8.
PageText PleadingPage() {
  PageBuilder b;
  b.PleadingLineNumbers();
  b.Text("Plaintiff brings this action through counsel. Plaintiff Patrick H.", 139, 72 + 24 * 3, 12);
  b.Text("Peluso resides in San Diego County, California.", 79, 72 + 24 * 4, 12);
  b.Text("it asked for. Peluso answered each request.", 79, 72 + 24 * 7, 12);
  return b.Build();
}

// The words of `page` whose glyphs `f` removes.
std::vector<std::string> RemovedWords(const PageText& page, const Finding& f) {
  std::vector<std::string> out;
  for (const Word& w : page.words) {
    for (int g : w.glyphs) {
      if (std::find(f.glyphs.begin(), f.glyphs.end(), g) != f.glyphs.end()) {
        out.push_back(w.text);
        break;
      }
    }
  }
  return out;
}

TEST(LayoutDetection, ANameWrappedRoundALineNumberIsFoundAndTheNumberStays) {
  const std::vector<PageText> pages = {PleadingPage()};
  ASSERT_EQ(pages[0].layout.line_numbers.size(), 28u);
  const std::vector<Finding> findings =
      MakeDetector("id,first,last\nP-1,Patrick,Peluso\n").DetectDocument(pages);
  std::vector<std::vector<std::string>> removed;
  for (const Finding& f : findings) {
    if (f.category == "name") removed.push_back(RemovedWords(pages[0], f));
  }
  EXPECT_EQ(removed, (std::vector<std::vector<std::string>>{{"Patrick", "H.", "Peluso"}, {"Peluso"}}));
}

TEST(PageBreakDetection, ANameAcrossPagesOfPleadingPaperSkipsTheLineNumbers) {
  // Page 1's last body line is line 26 (27 and 28 are blank); page 2's
  // first is "1 Peluso …".
  testing::PageBuilder p1(1), p2(2);
  for (testing::PageBuilder* b : {&p1, &p2}) b->PleadingLineNumbers();
  p1.Text("The agency has not decided the application of Plaintiff Patrick H.", 79, 72 + 24 * 25, 12);
  p2.Text("Peluso, filed in 2019.", 79, 72, 12);
  const std::vector<PageText> pages = {p1.Build(), p2.Build()};
  const auto findings = MakeDetector("id,first,last\nP-1,Patrick,Peluso\n").DetectDocument(pages);
  std::vector<std::string> removed[2];
  for (const Finding& f : findings) {
    if (f.category != "name") continue;
    for (const std::string& w : RemovedWords(pages[f.page - 1], f)) removed[f.page - 1].push_back(w);
  }
  EXPECT_EQ(removed[0], (std::vector<std::string>{"Patrick", "H."}));
  EXPECT_EQ(removed[1], (std::vector<std::string>{"Peluso,"}));
}

TEST(LayoutDetection, MatchingTextLeavesOutTheLineNumbers) {
  const PageText page = PleadingPage();
  const std::string text = MatchingText(page).text;
  EXPECT_NE(text.find("plaintiff patrick h.\npeluso resides"), std::string::npos) << text;
  EXPECT_EQ(text.find("28"), std::string::npos) << text;
}

// A motion's index of declarations, drawn as groff's tbl draws a boxed
// table: rules around it, under its header and between its columns, none
// between its rows (probe28). The whole body was one cell per column, so
// no row was read and "Declarant" typed nothing: a class member not on the
// list ("Nasrin Haidari") stayed. Now each row is a row; the declarant
// column is names, but counsel's own declaration (her block names her) and
// an expert's ("Dr. …") stay.
TEST(LayoutDetection, AnIndexOfDeclarantsBoxedWithoutRowRulesTypesItsRows) {
  PageBuilder b;
  const double xs[] = {72, 140, 300, 480, 560};
  const char* header[] = {"Exhibit", "Declarant", "Subject", "Docket"};
  const char* rows[][4] = {{"Ex. 1", "Nasrin Haidari", "Class member; access to counsel", "ECF No. 14-5"},
                           {"Ex. 2", "Mirela Dobrev Stanca", "Class member; family separation", "ECF No. 14-6"},
                           {"Ex. 3", "Rebecca L. Thornbury", "Counsel; numerosity", "ECF No. 14-7"},
                           {"Ex. 4", "Dr. Helena Marchetti", "Expert; psychological harm", "ECF No. 14-8"}};
  for (int c = 0; c < 4; ++c) b.Text(header[c], xs[c] + 4, 112);
  double y = 132;
  for (const auto& row : rows) {
    for (int c = 0; c < 4; ++c) b.Text(row[c], xs[c] + 4, y);
    y += 14;
  }
  for (double x : xs) b.Rule(x, 100, x, y);
  b.Rule(72, 100, 560, 100).Rule(72, 118, 560, 118).Rule(72, y, 560, y);
  b.Text("Respectfully submitted,", 330, 300);
  b.Text("/s/ Rebecca L. Thornbury", 72, 330);
  b.Text("Rebecca L. Thornbury (Tex. Bar No. 24081137)", 72, 342);
  b.Text("Attorneys for Plaintiffs and the Proposed Class", 72, 354);
  const std::vector<PageText> pages = {b.Build()};
  ASSERT_EQ(pages[0].layout.tables.size(), 1u);
  EXPECT_EQ(pages[0].layout.tables[0].rows, 5);
  const std::vector<Finding> findings = MakeDetector().DetectDocument(pages);
  EXPECT_EQ(Texts(pages[0], findings, "name"), (std::vector<std::string>{"Nasrin Haidari", "Mirela Dobrev Stanca"}));
}

// A tracking sheet's notes name relatives without a possessive (probe28,
// LibreOffice Calc): "Wife Mirlande Lafortune and son Wesley …", "Mother
// Aissatou Bah: …". The cell's line runs on from counsel's cell beside it,
// and no cue read a kinship word without "her" or "my": eight relatives
// stayed. Counsel assigned to the row stays.
TEST(LayoutDetection, RelativesOpeningANotesCellAreFound) {
  PageBuilder b;
  b.Text("Last Name", 40, 100).Text("First Name", 120, 100).Text("Counsel Assigned", 220, 100).Text("Notes", 360, 100);
  b.Text("Lafortune", 40, 120).Text("Jean-Baptiste", 120, 120).Text("Priya Raman-Kessler", 220, 120)
      .Text("Wife Mirlande Lafortune and son", 360, 120);
  b.Text("Wesley still in Port-au-Prince", 360, 132);
  b.Text("Diallo", 40, 150).Text("Mamadou Saliou", 120, 150).Text("Rebecca L. Thornbury", 220, 150)
      .Text("Mother Aissatou Bah: +224 622 55", 360, 150);
  b.Text("Tursunova", 40, 180).Text("Gulnara", 120, 180).Text("Priya Raman-Kessler", 220, 180)
      .Text("Psych eval done; daughter Madina", 360, 180);
  const std::vector<PageText> pages = {b.Build()};
  const std::vector<Finding> findings = MakeDetector().DetectDocument(pages);
  const std::vector<std::string> names = Texts(pages[0], findings, "name");
  for (const char* name : {"Mirlande Lafortune", "Wesley", "Aissatou Bah", "Madina"}) {
    EXPECT_NE(std::find(names.begin(), names.end(), name), names.end()) << name << " in " << ::testing::PrintToString(names);
  }
  for (const std::string& n : names) {
    EXPECT_EQ(n.find("Priya"), std::string::npos);
    EXPECT_EQ(n.find("Rebecca"), std::string::npos);
    EXPECT_EQ(n.find("Wife"), std::string::npos);
  }
}

// A docket sheet (probe28, PACER style): a defendant official alone on her
// line above her title, and DOJ counsel's entry marked "LEAD ATTORNEY" /
// "ATTORNEY TO BE NOTICED". "Declaration of Christine Vallejo-Hart" in a
// docket entry made her a declarant, removed on every page; counsel's
// phone was removed three times.
TEST(LayoutDetection, ADocketsOfficialAndAttorneyEntriesStay) {
  PageBuilder b;
  b.Text("Defendant", 40, 100).Text("Trevor J. Banerjee", 340, 100);
  b.Text("Christine Vallejo-Hart", 40, 112).Text("U.S. Department of Justice, Office of Immigration", 340, 112);
  b.Text("Field Office Director, Harlingen Field Office,", 40, 124).Text("Litigation", 340, 124);
  b.Text("in official capacity", 40, 136).Text("P.O. Box 868, Ben Franklin Station", 340, 136);
  b.Text("Washington, DC 20044", 340, 148);
  b.Text("202-555-0147", 340, 160);
  b.Text("LEAD ATTORNEY", 340, 172);
  b.Text("ATTORNEY TO BE NOTICED", 340, 184);
  b.Text("30 RESPONSE in Opposition to 14 MOTION to Certify Class, filed by Secretary of Homeland Security.", 40, 260);
  b.Text("(Attachments: # 1 Declaration of Christine Vallejo-Hart) (Banerjee, Trevor) (Entered: 06/20/2024)", 40, 272);
  const std::vector<PageText> pages = {b.Build()};
  const std::vector<Finding> findings = MakeDetector().DetectDocument(pages);
  EXPECT_EQ(Texts(pages[0], findings, "name"), std::vector<std::string>{});
  EXPECT_EQ(Texts(pages[0], findings, "phone"), std::vector<std::string>{});
}

// A BIA decision's cc lines (probe28): DHS counsel's office and address,
// and the respondent's address "c/o Port Isabel Service Processing Center".
// The office's street ("… Office of the Principal Legal Advisor, 1717 Zoy
// St.") was removed, and "c/o" took "Port Isabel" for a person, removed in
// the narrative too. The respondent's own name stays found.
TEST(LayoutDetection, ACcLinesOfficeAddressAndACareOfFacilityStay) {
  PageBuilder b;
  b.Text("The respondent was detained at the Port Isabel Service Processing Center", 72, 100);
  b.Text("in Los Fresnos, Texas.", 72, 112);
  b.Text("cc: Gregory P. Hallstead, Assistant Chief Counsel, Office of the Principal Legal Advisor, 1717 Zoy St., Harlingen,", 72, 300, 9);
  b.Text("TX 78552", 72, 311, 9);
  b.Text("Respondent: MARIA JOSE FUENTES ALVARADO, A208-347-159, c/o Port Isabel Service Processing", 72, 322, 9);
  b.Text("Center, 27991 Buena Vista Blvd., Los Fresnos, TX 78566", 72, 333, 9);
  const std::vector<PageText> pages = {b.Build()};
  const std::vector<Finding> findings = MakeDetector().DetectDocument(pages);
  for (const std::string& n : Texts(pages[0], findings, "name")) EXPECT_EQ(n.find("Isabel"), std::string::npos) << n;
  for (const std::string& a : Texts(pages[0], findings, "address")) EXPECT_EQ(a.find("Zoy"), std::string::npos) << a;
  const std::vector<std::string> names = Texts(pages[0], findings, "name");
  EXPECT_TRUE(std::any_of(names.begin(), names.end(),
                          [](const std::string& n) { return n.starts_with("MARIA JOSE FUENTES ALVARADO"); }));
}

// probe28: a BIA decision dates the screening before naming it ("On March
// 2, 2023, an asylum officer issued a positive credible fear
// determination"), 65 characters apart; a FOIA release index gives the
// worksheet's outcome and date ("Credible Fear Worksheet (positive
// finding, 03/28/2023)"). Both dates and the outcome stayed. The day
// the respondent entered, earlier in the narrative, is no screening's.
TEST(LayoutDetection, AScreeningsDateAndOutcomeNamedNearItGo) {
  PageBuilder b;
  b.Text("She entered the United States near Hidalgo, Texas, on or about February 11, 2023.", 72, 100);
  b.Text("On March 2, 2023, an asylum officer issued a positive credible fear determination, finding a significant", 72, 124);
  b.Text("possibility that the respondent could establish eligibility for asylum.", 72, 136);
  b.Text("3. 16-24 Form I-870, Record of Determination/Credible Fear", 72, 200);
  b.Text("Worksheet (positive finding, 03/28/2023)", 72, 212);
  const std::vector<PageText> pages = {b.Build()};
  const std::vector<std::string> fear = Texts(pages[0], MakeDetector().DetectDocument(pages), "credible_fear");
  for (const char* v : {"March 2, 2023", "positive finding", "03/28/2023"}) {
    EXPECT_NE(std::find(fear.begin(), fear.end(), v), fear.end()) << v << " in " << ::testing::PrintToString(fear);
  }
  EXPECT_EQ(std::find(fear.begin(), fear.end(), "February 11, 2023"), fear.end());
}

// A redacted tracking sheet read again (verification of probe28's
// output): the note "Sister Karla Fuentes Alvarado in" / "Houston; cell …"
// lost the name, so "Sister" and "in" share a line with a gap between
// them, and "Houston;" opens the next. The place is no relative: the
// output was refused as a leak.
TEST(LayoutDetection, AKinshipWordWhoseNameWasRemovedNamesNoOne) {
  PageBuilder b;
  b.Text("Last Name", 40, 100).Text("Counsel Assigned", 220, 100).Text("Notes", 360, 100);
  b.Text("Lafortune", 40, 120).Text("Rebecca L. Thornbury", 220, 120).Text("Sister", 360, 120).Text("in", 470, 120);
  b.Text("Houston; cell", 360, 132);
  b.Text("Diallo", 40, 150).Text("Priya Raman-Kessler", 220, 150).Text("Awaiting interview", 360, 150);
  const std::vector<PageText> pages = {b.Build()};
  const std::vector<Finding> findings = MakeDetector().DetectDocument(pages);
  for (const std::string& n : Texts(pages[0], findings, "name")) EXPECT_EQ(n.find("Houston"), std::string::npos) << n;
}

// An I-589's last page (probe29): "Print your complete name." heads what
// reads as a table, whose later rows are the form's question and its
// answer. The question's words in the name column are no name; the
// sibling who helped, named in full in a "Full Name" box on another page,
// is found where the answer names her again.
TEST(LayoutDetection, AQuestionInANameColumnIsNoNameAndAWholeNameFromABoxIsFoundAgain) {
  PageBuilder other;
  for (double x : {36.0, 200.0, 380.0}) other.Rule(x, 100, x, 180);
  for (double y : {100.0, 140.0, 180.0}) other.Rule(36, y, 380, y);
  other.Text("Relationship", 40, 112, 7).Text("Full Name", 204, 112, 7);
  other.Text("Sibling", 40, 130).Text("MARIAMA DIALLO", 204, 130);
  other.Text("Relationship", 40, 152, 7).Text("Full Name", 204, 152, 7);
  other.Text("Sibling", 40, 170).Text("THIERNO DIALLO", 204, 170);
  PageBuilder b(2);
  b.Text("Name", 40, 100).Text("Relationship", 300, 100);
  b.Text("Did your spouse, parent, or child(ren) assist you in completing this application?", 40, 116);
  b.Text("No X Yes (If \"Yes,\" list the name and relationship.)", 40, 132).Text("Sister", 300, 132);
  b.Text("The application was prepared with the help of MARIAMA DIALLO (SISTER).", 40, 170);
  const std::vector<PageText> pages = {other.Build(), b.Build()};
  const std::vector<Finding> findings = MakeDetector().DetectDocument(pages);
  EXPECT_EQ(Texts(pages[1], findings, "name"), std::vector<std::string>{"MARIAMA DIALLO"});
}

// An EOIR notice's certificate of service (probe29): counsel's address and
// contacts in it stay, the respondent's own address, served on him, goes;
// so does his address in the "TO:" block, a "Place" over its city line.
TEST(LayoutDetection, ACertificateServedOnTheRespondentHoldsHisAddress) {
  PageBuilder b;
  b.Text("TO:", 40, 80);
  b.Text("KEVIN ALEXANDER PORTILLO RIVAS", 40, 92);
  b.Text("3318 W. 59TH PLACE", 40, 104);
  b.Text("LOS ANGELES, CA 90043", 40, 116);
  b.Text("CERTIFICATE OF SERVICE", 200, 200);
  b.Text("This document was served by: [X] Mail [ ] Personal Service [X] Electronic Service", 40, 216);
  b.Text("served by mail to: respondent at 3318 W. 59th Place, Los Angeles, CA 90043", 40, 228);
  b.Text("counsel: Eileen Park Sorensen, Angeles Legal Aid, 1102 Crenshaw Boulevard, Los Angeles, CA 90019", 40, 240);
  const std::vector<PageText> pages = {b.Build()};
  const std::vector<Finding> findings = MakeDetector().DetectDocument(pages);
  EXPECT_EQ(Texts(pages[0], findings, "address"),
            (std::vector<std::string>{"3318 W. 59TH PLACE\nLOS ANGELES, CA 90043",
                                      "3318 W. 59th Place, Los Angeles, CA 90043"}));
}

// A clinic's record (probe29): the patient is found by her label; the
// clinicians ("Harold Nguyen, MD", "Melissa Arceneaux, RN") and a warden
// named "in his official capacity" stay; so do the clinic's and a jail's
// addresses and phones, however their lines set them.
TEST(LayoutDetection, ClinicAndJailContactsStayAPatientGoes) {
  PageBuilder b;
  b.Text("Willacy Creek Processing Center Clinic", 40, 60);
  b.Text("1800 Industrial Drive, Raymondville, TX 78580 • Clinic tel. (956) 555-0191", 40, 72);
  b.Text("Sierra Blanca Processing Center · 4100 Ranch Road 1111, Sierra Blanca, TX 79851 · (915) 555-0110", 40, 84);
  b.Text("Patient: CRUZ PADILLA, DARLIN YAMILETH", 40, 110);
  b.Text("Detained at: Sherburne County Jail", 40, 122);
  b.Text("13880 Business Center Drive NW, Elk River, MN 55330", 40, 134);
  b.Text("Prepared by: Harold Nguyen, MD, Clinical Director", 40, 160);
  b.Text("Seen on 02/02/2025 by Melissa Arceneaux, RN; reviewed by Harold Nguyen, MD.", 40, 172);
  b.Text("Respondents are DARNELL W. PRUITT, in his official capacity as Warden, and others.", 40, 184);
  const std::vector<PageText> pages = {b.Build()};
  const std::vector<Finding> findings = MakeDetector().DetectDocument(pages);
  EXPECT_EQ(Texts(pages[0], findings, "name"), std::vector<std::string>{"CRUZ PADILLA, DARLIN YAMILETH"});
  EXPECT_EQ(Texts(pages[0], findings, "phone"), std::vector<std::string>{});
  EXPECT_EQ(Texts(pages[0], findings, "address"), std::vector<std::string>{});
}

// A legal-aid letter (probe29): its letterhead's phones, on the line under
// its address, stay there and where the letter repeats them; counsel's
// e-mail, named for her surname, stays; a court administrator's phone
// after his name stays; the sponsor's address, a direction after its
// street, goes whole.
TEST(LayoutDetection, AnOfficesAndItsPeoplesContactsStayASponsorsGo) {
  PageBuilder b;
  b.Text("NORTHSTAR IMMIGRANT LEGAL SERVICES", 40, 40);
  b.Text("2200 E. Franklin Avenue, Suite 305, Minneapolis, MN 55404", 40, 52);
  b.Text("Tel. (612) 555-0120 | Fax (612) 555-0121 | www.northstarils.org", 40, 64);
  b.Text("Mr. Warsame will reside with his brother, Hassan Abdirahman Warsame, a United States citizen,", 40, 100);
  b.Text("at 7421 Cedar Avenue South, Apt. 208, Richfield, MN 55423. He can be reached at (612) 555-0194.", 40, 112);
  b.Text("Court Administrator: Jerome P. Whitcombe, (213) 555-0106.", 40, 124);
  b.Text("Please direct any questions to me at (612) 555-0120 or rlindqvist@northstarils.org.", 40, 136);
  b.Text("Sincerely,", 40, 160);
  b.Text("/s/ Rebecca J. Lindqvist", 40, 184);
  b.Text("Rebecca J. Lindqvist, Staff Attorney", 40, 196);
  const std::vector<PageText> pages = {b.Build()};
  const std::vector<Finding> findings = MakeDetector().DetectDocument(pages);
  EXPECT_EQ(Texts(pages[0], findings, "phone"), std::vector<std::string>{"(612) 555-0194"});
  EXPECT_EQ(Texts(pages[0], findings, "email"), std::vector<std::string>{});
  EXPECT_EQ(Texts(pages[0], findings, "address"),
            std::vector<std::string>{"7421 Cedar Avenue South, Apt. 208, Richfield, MN 55423"});
}

// A noisy scan (probe29): OCR reads "In the Matter of: FARID AHMAD" and
// then "oo" where the surname's ink is, two letters over a surname's
// width. The given names are found (the person is named in full later);
// the misread word after them is taken with them. A word read well after
// given names ("FARID AHMAD declares") stays.
TEST(LayoutDetection, AWordOcrCouldNotReadAfterGivenNamesIsTakenWithThem) {
  PageBuilder b;
  b.Text("In the Matter of: FARID AHMAD", 40, 100);
  b.OcrWord("oo", 183, 100, 50, 90);
  b.Text("Our father received a letter that named Farid Ahmad Haidari as a traitor.", 40, 130);
  b.Text("FARID AHMAD", 40, 160);
  b.OcrWord("declares", 103, 160, 40, 95);
  const std::vector<PageText> pages = {b.Build()};
  const std::vector<Finding> findings =
      MakeDetector("id,first,middle,last\nX-1,Farid,Ahmad,Haidari\n").DetectDocument(pages);
  const std::vector<std::string> names = Texts(pages[0], findings, "name");
  EXPECT_NE(std::find(names.begin(), names.end(), "oo"), names.end());
  EXPECT_EQ(std::find(names.begin(), names.end(), "declares"), names.end());
}

// A legal-aid tracker's lines: a client's name after "Client:", and on
// another line the case's status where a name would go. Before, "Detained
// - Bond" was taken for a client's name.
TEST(LayoutDetection, ACasesStatusAfterAClientLabelIsNoName) {
  PageBuilder b;
  b.Text("Client: Maria Lopez Reyes", 40, 100);
  b.Text("Client: Detained - Bond", 40, 130);
  const std::vector<PageText> pages = {b.Build()};
  const std::vector<Finding> findings = MakeDetector().DetectDocument(pages);
  EXPECT_EQ(Texts(pages[0], findings, "name"), std::vector<std::string>{"Maria Lopez Reyes"});
}

// A restraining order's caption (probe30): the court's line over the lead
// petitioner's. Her name, cued in the caption, is found again by its last
// two words with the given name before them; the court's last word, on
// the line above, is no given name of hers.
TEST(LayoutDetection, AGivenNameBeforeASurnameTakesNoWordFromTheLineAbove) {
  PageBuilder b;
  b.Text("UNITED STATES DISTRICT COURT", 40, 72);
  b.Text("FOR THE DISTRICT OF COLUMBIA", 40, 84);
  b.Text("DANIELA MORALES UCELO, EDWIN TZOC", 40, 96);
  b.Text("CHAVEZ, and YOVANI ESTUARDO BATZ", 40, 108);
  b.Text("SICAJA, on behalf of themselves and all others", 40, 120);
  b.Text("Petitioners,", 60, 132);
  b.Text("Petitioner Daniela Morales Ucelo fled Guatemala. Ms. Morales Ucelo is detained.", 40, 160);
  const std::vector<PageText> pages = {b.Build()};
  const std::vector<Finding> findings =
      MakeDetector("id,first,middle,last\nP3,Daniela,,Morales Ucelo\n").DetectDocument(pages);
  for (const std::string& name : Texts(pages[0], findings, "name")) {
    EXPECT_EQ(name.find("COLUMBIA"), std::string::npos) << name;
  }
  const std::vector<std::string> names = Texts(pages[0], findings, "name");
  EXPECT_NE(std::find(names.begin(), names.end(), "DANIELA MORALES UCELO"), names.end()) << ::testing::PrintToString(names);
}

// A service list and a Vaughn index's header (probe30): counsel's phones
// and e-mails in an entry that gives a bar number, "Esq." or "Trial
// Attorney" stay; a client's phone in the same paragraph after a
// semicolon goes.
TEST(LayoutDetection, ContactsInAnEntryForCounselStay) {
  PageBuilder b;
  b.Text("SERVICE LIST", 40, 60);
  b.Text("Jonathan K. Ashby (D.C. Bar No. 1004821), Capital Area Asylum Defense Project, 1200 18th", 40, 76);
  b.Text("Street N.W., Suite 700, Washington, D.C. 20036, (202) 331-4480, jashby@caadp.org; Counsel", 40, 88);
  b.Text("for Petitioners. Christopher D. Faulk, Trial Attorney, Office of Immigration Litigation, (202)", 40, 100);
  b.Text("305-7162; the petitioner may be reached through her sister at (202) 555-0148.", 40, 112);
  const std::vector<PageText> pages = {b.Build()};
  const std::vector<Finding> findings = MakeDetector().DetectDocument(pages);
  EXPECT_EQ(Texts(pages[0], findings, "phone"), std::vector<std::string>{"(202) 555-0148"});
  EXPECT_EQ(Texts(pages[0], findings, "email"), std::vector<std::string>{});
}

// An expert's declaration (probe30): its title names her with her title
// and goes on to its subject on the next line; she signs with her degree.
// She stays everywhere, the title's line too.
TEST(LayoutDetection, AnExpertNamedWithHerTitleInTheDeclarationsTitleStays) {
  PageBuilder b;
  b.Text("DECLARATION OF PROFESSOR ELENA V. MARCHETTI", 120, 100);
  b.Text("REGARDING COUNTRY CONDITIONS IN GUATEMALA", 120, 112);
  b.Text("I, Elena V. Marchetti, declare as follows:", 60, 136);
  b.Text("1. I am a Professor of Latin American Studies at Northfield State University.", 60, 152);
  b.Text("/s/ Elena V. Marchetti", 60, 200);
  b.Text("Elena V. Marchetti, Ph.D., Professor of Latin American Studies", 60, 212);
  const std::vector<PageText> pages = {b.Build()};
  const std::vector<Finding> findings = MakeDetector().DetectDocument(pages);
  EXPECT_EQ(Texts(pages[0], findings, "name"), std::vector<std::string>{});
}

// A Vaughn index (probe30) names the requester's client in full before
// his A-number, then by his first given name and first surname alone.
TEST(LayoutDetection, AFourPartNameIsFoundByItsFirstGivenNameAndSurname) {
  PageBuilder b;
  b.Text("Record of Determination (Form I-870) for Gerson Alexis Pineda Rivas, A# 201-774-360.", 40, 100);
  b.Text("Form M-444, Information About Credible Fear Interview, acknowledged by Gerson Pineda.", 40, 112);
  const std::vector<PageText> pages = {b.Build()};
  const std::vector<Finding> findings = MakeDetector().DetectDocument(pages);
  const std::vector<std::string> names = Texts(pages[0], findings, "name");
  EXPECT_NE(std::find(names.begin(), names.end(), "Gerson Pineda"), names.end()) << ::testing::PrintToString(names);
}

// The same index wraps a child's given names onto the line above the
// surnames her A-number follows ("derivative child Ashley Nicole" /
// "Pineda Mejía (minor), A# …"): only the surnames were found.
TEST(LayoutDetection, GivenNamesWrappedAboveANameBeforeItsANumberAreFound) {
  PageBuilder b;
  b.Text("10/12/2023 Dependent file of derivative child Ashley Nicole", 40, 100);
  b.Text("Pineda Mej\xC3\xAD" "a (minor), A# 201-774-361, including", 40, 112);
  b.Text("birth certificate translation.", 40, 124);
  b.Text("FOR THE DISTRICT OF COLUMBIA", 40, 200);
  b.Text("DANIELA MORALES UCELO, A# 201-774-362", 40, 212);
  b.Text("transferred from the facility in Houston", 40, 250);
  b.Text("Ana Ruiz Lopez, A# 201-774-363, was released.", 40, 262);
  const std::vector<PageText> pages = {b.Build()};
  const std::vector<Finding> findings = MakeDetector().DetectDocument(pages);
  const std::vector<std::string> names = Texts(pages[0], findings, "name");
  EXPECT_NE(std::find(names.begin(), names.end(), "Ashley Nicole\nPineda Mej\xC3\xAD" "a"), names.end())
      << ::testing::PrintToString(names);
  for (const std::string& n : names) {
    EXPECT_EQ(n.find("COLUMBIA"), std::string::npos) << n;
    EXPECT_EQ(n.find("Houston"), std::string::npos) << n;
  }
}

// A Vaughn index's row that mentions a birth certificate's translation
// opens no translator's certificate, so the client named in the next row
// by his first given name and surname is no public person.
TEST(LayoutDetection, ABirthCertificateInAnIndexRowKeepsNoOneTheIndexNames) {
  PageBuilder b;
  const char* lines[] = {"(Form I-870) for Gerson Alexis Pineda Rivas, A#",
                         "201-774-360, reflecting negative credible fear",
                         "Judge, served on subject PINEDA RIVAS, GERSON",
                         "ALEXIS.",
                         "credible fear interview of Gerson Pineda Rivas",
                         "Interview, acknowledged by Gerson Pineda.",
                         "10/12/2023 Dependent file of derivative child Ashley Nicole",
                         "Pineda Mej\xC3\xAD" "a (minor), A# 201-774-361, including",
                         "birth certificate translation."};
  double y = 100;
  for (const char* line : lines) b.Text(line, 40, y += 12);
  const std::vector<PageText> pages = {b.Build()};
  const std::vector<Finding> findings = MakeDetector().DetectDocument(pages);
  const std::vector<std::string> names = Texts(pages[0], findings, "name");
  EXPECT_NE(std::find(names.begin(), names.end(), "Gerson Pineda"), names.end()) << ::testing::PrintToString(names);
  // The caption's "PINEDA RIVAS, GERSON" / "ALEXIS": the given names after
  // the comma go with the surnames.
  for (const char* given : {"GERSON", "ALEXIS"}) {
    EXPECT_TRUE(std::any_of(names.begin(), names.end(), [&](const std::string& n) { return n.find(given) != std::string::npos; }))
        << given << " " << ::testing::PrintToString(names);
  }
}

// Class counsel's declaration (probe32) names a class member in full
// once, then by a compound surname after an honorific, particle and all:
// "Darwin Alexis Coto Mejía" / "Mr. Coto Mejía"; "Óscar Iván de León
// Barrios" / "Mr. de León Barrios". Only the honorific's surnames were
// found.
TEST(LayoutDetection, ACompoundSurnameAfterAnHonorificFindsTheFullName) {
  PageBuilder b;
  b.Text("4. On February 12, 2024, I met with Darwin Alexis Coto Mejia at our office. Mr. Coto", 40, 100);
  b.Text("Mejia was issued a positive CF determination in San Diego.", 40, 112);
  b.Text("8. On April 26, 2024, I met with Oscar Ivan de Leon Barrios, who was referred to IJ after his", 40, 124);
  b.Text("asylum interview. Mr. de Leon Barrios provided the referral notice.", 40, 136);
  const std::vector<PageText> pages = {b.Build()};
  const std::vector<Finding> findings = MakeDetector().DetectDocument(pages);
  const std::vector<std::string> names = Texts(pages[0], findings, "name");
  for (const char* name : {"Darwin Alexis Coto Mejia", "Oscar Ivan de Leon Barrios", "Leon Barrios"}) {
    EXPECT_NE(std::find(names.begin(), names.end(), name), names.end()) << name << " " << ::testing::PrintToString(names);
  }
}

// An interview notice (probe31) mails the applicant care of her counsel:
// "C/O REBECCA LINDQVIST" over the legal-aid project's name and address.
// The care-of cue ran into the project's line; counsel's name, the
// project's name and its address were removed. "Applicant Mailing
// Address" is a box's label, not a name after a role.
TEST(LayoutDetection, APersonInCareOfAnOrganisationIsItsStaff) {
  PageBuilder b;
  b.Text("Applicant Name", 300, 80, 8);
  b.Text("MARISOL QUINTANILLA DE LA CRUZ", 300, 92);
  b.Text("MARISOL QUINTANILLA DE LA CRUZ", 40, 130);
  b.Text("C/O REBECCA LINDQVIST", 40, 142);
  b.Text("GULF COAST IMMIGRANT JUSTICE PROJECT", 40, 154);
  b.Text("2900 MAIN ST STE 410", 40, 166);
  b.Text("HOUSTON TX 77002", 40, 178);
  b.Text("Applicant Mailing Address (residence on file)", 380, 130, 8);
  b.Text("4512 Bellfort Ave Apt 3B", 380, 142);
  b.Text("Houston, TX 77051", 380, 154);
  const std::vector<PageText> pages = {b.Build()};
  const std::vector<Finding> findings = MakeDetector().DetectDocument(pages);
  for (const Finding& f : findings) {
    const std::string text = pages[0].text.substr(f.begin, f.end - f.begin);
    EXPECT_EQ(text.find("LINDQVIST"), std::string::npos) << text;
    EXPECT_EQ(text.find("GULF"), std::string::npos) << text;
    EXPECT_EQ(text.find("2900"), std::string::npos) << text;
    EXPECT_EQ(text.find("Mailing"), std::string::npos) << text;
  }
  const std::vector<std::string> addresses = Texts(pages[0], findings, "address");
  EXPECT_NE(std::find(addresses.begin(), addresses.end(), "4512 Bellfort Ave Apt 3B\nHouston, TX 77051"), addresses.end())
      << ::testing::PrintToString(addresses);
  // Mail care of a detained person at a detention centre makes no one
  // public.
  PageBuilder d;
  d.Text("NADIA LOPEZ RUIZ", 40, 130);
  d.Text("C/O MARIA ELENA LOPEZ", 40, 142);
  d.Text("OTAY MESA DETENTION CENTER", 40, 154);
  const std::vector<PageText> detained = {d.Build()};
  const std::vector<std::string> names = Texts(detained[0], MakeDetector().DetectDocument(detained), "name");
  EXPECT_NE(std::find(names.begin(), names.end(), "MARIA ELENA LOPEZ"), names.end()) << ::testing::PrintToString(names);
}

// A school's enrollment letter (probe32): its masthead and footer
// addresses and phones, the principal and his e-mail stay; the students
// in the "Student name" column go.
TEST(LayoutDetection, ASchoolsLetterKeepsTheSchoolAndRemovesItsStudents) {
  PageBuilder b;
  b.Text("Prince George's County Public Schools", 200, 40, 12);
  b.Text("Riverdale Hills Elementary School", 210, 54, 12);
  b.Text("5410 Annapolis Road, Riverdale, MD 20737   Tel. (301) 555-0650", 40, 68, 9);
  b.Text("Student name", 80, 150).Text("Grade", 280, 150).Text("Date of birth", 340, 150);
  b.Text("Ximena Alejandra Bautista Yax", 80, 164).Text("3", 290, 164).Text("05/30/2016", 340, 164);
  b.Text("Mateo Isai Bautista Yax", 80, 178).Text("5", 290, 178).Text("09/12/2013", 340, 178);
  b.Text("Sincerely,", 40, 260);
  b.Text("Harold T. Brennan", 40, 290);
  b.Text("Dr. Harold T. Brennan, Principal", 40, 302);
  b.Text("Riverdale Hills Elementary School", 40, 314);
  b.Text("hbrennan@pgcps.example.org", 40, 326);
  b.Text("It does not discriminate in its programs. Office of Equity: 14201 School Lane, Upper Marlboro, MD 20772.", 40, 700, 8);
  const std::vector<PageText> pages = {b.Build()};
  const std::vector<Finding> findings = MakeDetector().DetectDocument(pages);
  const std::vector<std::string> names = Texts(pages[0], findings, "name");
  for (const char* student : {"Ximena Alejandra Bautista Yax", "Mateo Isai Bautista Yax"}) {
    EXPECT_NE(std::find(names.begin(), names.end(), student), names.end()) << student << ::testing::PrintToString(names);
  }
  for (const char* category : {"address", "phone", "email"}) {
    EXPECT_EQ(Texts(pages[0], findings, category), std::vector<std::string>{}) << category;
  }
}

// A hospital's discharge summary for a detained patient (probe32): the
// department's address after its name, the endocrine clinic's phone after
// its name, the attending physician ", MD (Hospital Medicine)" and ", MD —
// date" stay; the sister's phone goes.
TEST(LayoutDetection, AHospitalsOfficesAndPhysicianStay) {
  PageBuilder b;
  b.Text("Palomar Ridge Medical Center", 40, 40, 12);
  b.Text("Department of Hospital Medicine \xC2\xB7 4400 Ridgeview Parkway, Chula Vista, CA 91910 \xC2\xB7 Main (619) 555-2000", 40, 54, 9);
  b.Text("Attending physician: Priya Raman, MD (Hospital Medicine)", 40, 100);
  b.Text("Follow-up with endocrinology (Palomar Ridge Endocrine Clinic, (619) 555-2310) within 2 weeks.", 40, 140);
  b.Text("Patient's sister Gulalai was notified by telephone at (619) 555-0134.", 40, 160);
  b.Text("Electronically signed: Priya Raman, MD \xE2\x80\x94 03/19/2024 13:05", 40, 200);
  // (A bond fund's phone after its name, a tracker's footnote: probe31.)
  b.Text("Bond fund contact: Houston Immigrant Bond Fund, (713) 555-0102.", 40, 240);
  const std::vector<PageText> pages = {b.Build()};
  const std::vector<Finding> findings = MakeDetector().DetectDocument(pages);
  EXPECT_EQ(Texts(pages[0], findings, "phone"), std::vector<std::string>{"(619) 555-0134"});
  EXPECT_EQ(Texts(pages[0], findings, "address"), std::vector<std::string>{});
  for (const std::string& n : Texts(pages[0], findings, "name")) EXPECT_EQ(n.find("Raman"), std::string::npos) << n;
}

// A credible fear worksheet's header (probe32): the asylum office's unit,
// then its address, on one line.
TEST(LayoutDetection, AnOfficesUnitKeepsItsAddress) {
  PageBuilder b;
  b.Text("Houston Asylum Office \xE2\x80\x94 Credible Fear Unit \xC2\xB7 16630 Imperial Valley Drive, Suite 200, Houston, TX 77060",
         40, 60, 9);
  b.Text("Applicant's address: 2209 Elm Ridge Drive, Apt 11, Riverdale, MD 20737", 40, 100);
  const std::vector<PageText> pages = {b.Build()};
  const std::vector<Finding> findings = MakeDetector().DetectDocument(pages);
  EXPECT_EQ(Texts(pages[0], findings, "address"), std::vector<std::string>{"2209 Elm Ridge Drive, Apt 11, Riverdale, MD 20737"});
}

// A caption's box under an A-number header holds the number and, on lines
// of their own, the judge and the next hearing (probe31's DHS motion):
// every line of the box was removed as an A-number, and a date and time
// ("July 8, 2025, 8:30 a.m.", eight digits) passed for one.
TEST(LayoutDetection, OnlyTheLineOfABoxThatHoldsTheNumberIsTheNumber) {
  PageBuilder b;
  for (double x : {50.0, 250.0, 500.0}) b.Rule(x, 80, x, 200);
  for (double y : {80.0, 110.0, 170.0, 200.0}) b.Rule(50, y, 500, y);
  b.Text("Respondent", 55, 98).Text("A-Number", 255, 98);
  b.Text("DORCELUS, Jean-Robert", 55, 128).Text("A 221-048-367", 255, 128);
  b.Text("Next Hearing: Individual Calendar", 255, 142).Text("Detained", 255, 156);
  b.Text("Next hearing", 55, 188).Text("July 8, 2025, 8:30 a.m.", 255, 188);
  const std::vector<PageText> pages = {b.Build()};
  const std::vector<Finding> findings = MakeDetector().DetectDocument(pages);
  EXPECT_EQ(Texts(pages[0], findings, "a_number"), std::vector<std::string>{"A 221-048-367"});
}

// A DHS motion's certificate of service (probe31) serves counsel and,
// since counsel's withdrawal is pending, the respondent pro se: his
// address and phone under his name are his, not counsel's.
TEST(LayoutDetection, ACertificatesEntryForTheRespondentKeepsHisContactsFound) {
  PageBuilder b;
  b.Text("CERTIFICATE OF SERVICE", 220, 60, 12);
  b.Text("On May 5, 2025, I served a copy of this motion on the following.", 40, 90);
  b.Text("Counsel of record (via ECAS):", 40, 120);
  b.Text("Claudette Vilsaint-Moreau, Esq. (EOIR ID: CV552091)", 40, 132);
  b.Text("Haitian Bridge Legal Services", 40, 144);
  b.Text("8325 NE 2nd Ave, Suite 101, Miami, FL 33138", 40, 156);
  b.Text("(305) 555-0199 | cvilsaint@hblegal.org", 40, 168);
  b.Text("Respondent, pro se (via first-class mail):", 40, 200);
  b.Text("Jean-Robert Dorcelus", 40, 212);
  b.Text("1547 NW 119th St, Apt 2", 40, 224);
  b.Text("North Miami, FL 33167", 40, 236);
  b.Text("Tel. (786) 555-0143", 40, 248);
  const std::vector<PageText> pages = {b.Build()};
  const std::vector<Finding> findings = MakeDetector().DetectDocument(pages);
  EXPECT_EQ(Texts(pages[0], findings, "phone"), std::vector<std::string>{"(786) 555-0143"});
  EXPECT_EQ(Texts(pages[0], findings, "address"), std::vector<std::string>{"1547 NW 119th St, Apt 2\nNorth Miami, FL 33167"});
}

// A fax's confidentiality footer (probe31): the rights group's name, its
// address, then "Main … | Fax …" on the next line after a period.
TEST(LayoutDetection, AFaxFootersGroupKeepsItsAddressAndPhones) {
  PageBuilder b;
  b.Text("CONFIDENTIALITY: This fax is intended only for the addressee. Texas Civil", 40, 700, 8);
  b.Text("Rights Advocates, 1500 McGowen St, Suite 250, Houston, TX 77004.", 40, 710, 8);
  b.Text("Main (713) 555-0110 | Fax (713) 555-0111", 40, 720, 8);
  b.Text("My telephone is (281) 555-0163.", 40, 100);
  const std::vector<PageText> pages = {b.Build()};
  const std::vector<Finding> findings = MakeDetector().DetectDocument(pages);
  EXPECT_EQ(Texts(pages[0], findings, "phone"), std::vector<std::string>{"(281) 555-0163"});
  EXPECT_EQ(Texts(pages[0], findings, "address"), std::vector<std::string>{});
}

// An officer's e-mail lists detainees as "2. JEAN-BAPTISTE, Wiselande (A#
// 220-117-904) - ...", then names one again in prose (probe31): the A-number
// cue took only the given name, and "Wiselande Jean-Baptiste, DOB …" stayed.
TEST(LayoutDetection, AListsFamilyNameBeforeACommaIsPartOfTheName) {
  PageBuilder b;
  b.Text("1. OSORIO BANEGAS, Keyla (A# 219-384-556) - Montgomery Processing Center to Joe Corley", 40, 100);
  b.Text("2. JEAN-BAPTISTE, Wiselande (A# 220-117-904) - Montgomery Processing Center to South Texas", 40, 112);
  b.Text("Wiselande Jean-Baptiste, DOB 12/02/1993, Haitian Creole speaker, positive CF on 02/27/2025.", 40, 150);
  b.Text("FOR THE DISTRICT OF COLUMBIA, Ana (A# 220-117-905)", 40, 190);
  const std::vector<PageText> pages = {b.Build()};
  const std::vector<Finding> findings = MakeDetector().DetectDocument(pages);
  const std::vector<std::string> names = Texts(pages[0], findings, "name");
  for (const char* name : {"OSORIO BANEGAS, Keyla", "JEAN-BAPTISTE, Wiselande"}) {
    EXPECT_NE(std::find(names.begin(), names.end(), name), names.end()) << name << ::testing::PrintToString(names);
  }
  std::string all;
  for (const std::string& n : names) all += n + "|";
  EXPECT_NE(all.find("Wiselande Jean-Baptiste|"), std::string::npos) << all;  // in the prose line, given names first
  EXPECT_EQ(all.find("COLUMBIA"), std::string::npos) << all;
  const std::vector<std::string> fear = Texts(pages[0], findings, "credible_fear");
  EXPECT_NE(std::find(fear.begin(), fear.end(), "02/27/2025"), fear.end()) << ::testing::PrintToString(fear);
}

// The Spanish I-589 (probe32) puts the I-94 number under "Número I-94
// (Registro de Entrada y Salida)"; the label stood too far from its value
// in the text for the I-94 rule's context, and both numbers stayed.
TEST(LayoutDetection, AnI94NumberUnderItsFormLabelIsFound) {
  PageBuilder b;
  b.Text("19. Fecha de su \xC3\xBA" "ltima llegada (mm/dd/aaaa)", 40, 100, 7)
      .Text("N\xC3\xBA" "mero I-94 (Registro de Entrada y Salida)", 330, 100, 7);
  b.Text("09/22/2022", 40, 116).Text("298765431A2", 330, 116);
  b.Text("20. Lugar de su \xC3\xBA" "ltima llegada (ciudad/estado)", 40, 140, 7).Text("21. N\xC3\xBA" "mero de pasaporte", 330, 140, 7);
  const std::vector<PageText> pages = {b.Build()};
  const std::vector<Finding> findings = MakeDetector().DetectDocument(pages);
  std::vector<std::string> found = Texts(pages[0], findings, "i94");
  for (const std::string& t : Texts(pages[0], findings, "eoir_or_fbi_label")) found.push_back(t);
  EXPECT_EQ(found, std::vector<std::string>{"298765431A2"});
}

// A minute order lists appearances (probe31): "Counsel appearing for
// Plaintiffs: Daniel K." / "Osei and Mariela Sandoval-Whitfield, …". The
// motion is to seal "Exhibit 14 to the Declaration of Daniel K. Osei",
// and counsel was removed as a declarant; the class member stays found.
TEST(LayoutDetection, CounselNamedForThePartyTheyAppearForStay) {
  PageBuilder b;
  b.Text("1. Proceedings held before Judge Rosalind A. Jaramillo on 4/22/2025 by video conference. Courtroom", 40, 100);
  b.Text("Deputy: Teresa Lindgren. Counsel appearing for Plaintiffs: Daniel K.", 40, 112);
  b.Text("Osei and Mariela Sandoval-Whitfield, Northwest Immigrant Rights Legal Center.", 40, 124);
  b.Text("2. Before the Court is Plaintiffs' Motion to Seal Exhibit 14 to the Declaration of Daniel K. Osei (Dkt.", 40, 136);
  b.Text("57), the records of class member Ramon Estuardo Perez Xicay (A# 216-448-095).", 40, 148);
  const std::vector<PageText> pages = {b.Build()};
  const std::vector<Finding> findings = MakeDetector().DetectDocument(pages);
  const std::vector<std::string> names = Texts(pages[0], findings, "name");
  for (const std::string& n : names) {
    EXPECT_EQ(n.find("Osei"), std::string::npos) << n;
    EXPECT_EQ(n.find("Sandoval"), std::string::npos) << n;
  }
  EXPECT_NE(std::find(names.begin(), names.end(), "Ramon Estuardo Perez Xicay"), names.end()) << ::testing::PrintToString(names);
}

// A BIA brief (probe33): "… and Daniela" / "Abigail Villalobos Quintanilla
// (born …)": the child's first given name ended the line above, after
// prose, and "Daniela" stayed here and wherever the brief names her alone.
// A court calendar's note row drawn across three columns ("Interpreters:"
// | "Spanish – Rosa E. Villafañe; …") is no cell of its name column.
TEST(LayoutDetection, AGivenNameEndingAProseLineAboveItsNameIsFound) {
  PageBuilder b;
  b.Text("Mr. Villalobos lives with his wife, Rosa Imelda Quintanilla Orellana (A214-558-094), and", 40, 100);
  b.Text("their two children, Jefferson Alexis Villalobos Quintanilla (born 02/11/2012) and Daniela", 40, 112);
  b.Text("Abigail Villalobos Quintanilla (born 09/30/2015).", 40, 124);
  const std::vector<PageText> pages = {b.Build()};
  const std::vector<Finding> findings = MakeDetector().DetectDocument(pages);
  std::string all;
  for (const std::string& n : Texts(pages[0], findings, "name")) all += n + "|";
  EXPECT_NE(all.find("Daniela\nAbigail Villalobos Quintanilla|"), std::string::npos) << all;

  PageBuilder c;
  for (double x : {50.0, 120.0, 300.0, 420.0, 500.0}) c.Rule(x, 80, x, 170);
  for (double y : {80.0, 110.0, 140.0, 170.0}) c.Rule(50, y, 500, y);
  c.Text("Time", 55, 98).Text("Respondent", 125, 98).Text("A-Number", 305, 98).Text("Language", 425, 98);
  c.Text("8:30 AM", 55, 128).Text("ALVARADO REYES, Cindy Paola", 125, 128).Text("206-581-115", 305, 128).Text("Spanish", 425, 128);
  c.Text("Interpreters:", 55, 158).Text("Spanish - Rosa E. Villafane; Dari - Wahid Karimi", 125, 158);
  c.Rule(120, 140, 120, 170);
  const std::vector<PageText> calendar = {c.Build()};
  const std::vector<std::string> names = Texts(calendar[0], MakeDetector().DetectDocument(calendar), "name");
  EXPECT_NE(std::find(names.begin(), names.end(), "ALVARADO REYES, Cindy Paola"), names.end()) << ::testing::PrintToString(names);
  for (const std::string& n : names) EXPECT_EQ(n.find("Karimi"), std::string::npos) << n;
}

// A transcript's caption puts the proceedings' kind after the file
// number on one line: the number is the identifier, the caption's words
// are not (probe34: "IN REMOVAL PROCEEDINGS" was removed with it). The
// judge names the interpreter "is Mr. …": an interpreter, who stays.
TEST(LayoutDetection, ANumbersFieldEndsWithItsDigitsAndTheInterpreterIsPublic) {
  PageBuilder b;
  b.Text("In the Matter of: GUERLINE MARIE-ANGE DORVILIEN, Respondent", 60, 100);
  b.Text("File No.: A203-556-918 IN REMOVAL PROCEEDINGS", 60, 114);
  b.Text("Transcript of Hearing (Individual Calendar) - Excerpt", 60, 128);
  b.Text("JUDGE: Present for the respondent is Ms. Okafor; for the Department, Mr. Brandt. The interpreter", 60, 142);
  b.Text("is Mr. Roosevelt \xC3\x89tienne, Haitian Creole. Has the respondent been sworn?", 60, 156);
  const std::vector<PageText> pages = {b.Build()};
  const std::vector<Finding> findings = MakeDetector().DetectDocument(pages);
  EXPECT_EQ(Texts(pages[0], findings, "a_number"), (std::vector<std::string>{"A203-556-918"}));
  for (const std::string& n : Texts(pages[0], findings, "name")) EXPECT_EQ(n.find("Roosevelt"), std::string::npos) << n;
}

// A detention center's visitation log: a "Visitor Name" column holds
// attorneys, who stay, and family visitors, who are the detainee's people;
// the row's "Visitor Type" says which (probe34: four relatives stayed).
TEST(LayoutDetection, AVisitorTheRowCallsFamilyIsARelative) {
  PageBuilder b;
  const char* header[] = {"Date", "Detainee Name (LAST, First)", "A#", "Visitor Name", "Visitor Type", "Bar #"};
  const double xs[] = {40, 100, 260, 340, 470, 540};
  for (int c = 0; c < 6; ++c) b.Text(header[c], xs[c], 100, 8);
  const char* rows[][6] = {
      {"12/02/2024", "CASTILLO REYES, Wilmer", "A219-348-706", "Rebecca Sandoval", "Attorney", "TX 24087315"},
      {"12/02/2024", "TOURE, Aminata", "A208-562-114", "Hawa Toure", "Family", "-"},
      {"12/03/2024", "HAKIMI, Farid Ahmad", "A215-903-287", "Chinwe A. Okafor", "Attorney", "TX 24091842"},
      {"12/09/2024", "JOSEPH, Wisly", "A212-440-659", "Wilner Joseph", "Family", "-"},
      {"12/10/2024", "DEL CID ARGUETA, Brayan", "A220-118-047", "Xiomara Argueta Lemus", "Family", "-"}};
  for (int r = 0; r < 5; ++r) {
    for (int c = 0; c < 6; ++c) b.Text(rows[r][c], xs[c], 114 + 12 * r, 8);
  }
  const std::vector<PageText> pages = {b.Build()};
  const std::vector<Finding> findings = MakeDetector().DetectDocument(pages);
  const std::vector<std::string> names = Texts(pages[0], findings, "name");
  for (const char* relative : {"Hawa Toure", "Wilner Joseph", "Xiomara Argueta Lemus"}) {
    EXPECT_TRUE(std::find(names.begin(), names.end(), relative) != names.end()) << relative;
  }
  for (const std::string& n : names) {
    EXPECT_EQ(n.find("Sandoval"), std::string::npos) << n;
    EXPECT_EQ(n.find("Okafor"), std::string::npos) << n;
  }
}

// An organisation's masthead names it before a dash, and its contact line
// follows: its address, phone and e-mail stay (probe34: a clinic's intake
// tracker and a processing center's visitation log lost theirs).
TEST(LayoutDetection, AMastheadsNameBeforeADashKeepsItsContactLine) {
  PageBuilder b;
  b.Text("Gulf Coast Immigrant Justice Project \xE2\x80\x94 Asylum Intake Tracker (export)", 40, 60, 10);
  b.Text("2900 Woodridge Dr, Suite 410, Houston, TX 77087 \xC2\xB7 Main line (713) 555-0142 \xC2\xB7 intake@gcijp.org", 40, 74, 8);
  b.Text("The client lives at 4817 Bellfort Ave, Houston, TX 77033, and her phone is (832) 555-0190.", 40, 110, 10);
  const std::vector<PageText> pages = {b.Build()};
  const std::vector<Finding> findings = MakeDetector().DetectDocument(pages);
  for (const char* category : {"address", "phone", "email"}) {
    for (const std::string& t : Texts(pages[0], findings, category)) {
      EXPECT_EQ(t.find("Woodridge"), std::string::npos) << t;
      EXPECT_EQ(t.find("555-0142"), std::string::npos) << t;
      EXPECT_EQ(t.find("gcijp"), std::string::npos) << t;
    }
  }
  const std::vector<std::string> addresses = Texts(pages[0], findings, "address");
  EXPECT_TRUE(std::any_of(addresses.begin(), addresses.end(), [](const std::string& a) { return a.find("Bellfort") != std::string::npos; }));
  // A processing center's log: its desk's phone after its address.
  PageBuilder c;
  c.Text("MONTGOMERY PROCESSING CENTER \xE2\x80\x94 LEGAL & FAMILY VISITATION LOG", 40, 60, 10);
  c.Text("806 Hilbig Rd, Conroe, TX 77301 \xC2\xB7 Facility Visitation Desk (936) 521-4000 \xC2\xB7 ICE ERO Houston Field Office", 40, 74, 8);
  const std::vector<PageText> log = {c.Build()};
  const std::vector<Finding> log_findings = MakeDetector().DetectDocument(log);
  EXPECT_TRUE(Texts(log[0], log_findings, "phone").empty()) << ::testing::PrintToString(Texts(log[0], log_findings, "phone"));
  EXPECT_TRUE(Texts(log[0], log_findings, "address").empty());
}

// An asylum officer's referral memo: its "RE:" line writes the applicant
// "SURNAMES, Given Names", whom the text names in full; its decision is a
// sentence under a "DECISION" heading, no field's value (probe34).
TEST(LayoutDetection, AMemosReLineAndItsDecisionSentence) {
  PageBuilder b;
  b.Text("RE:             ORELLANA DE LA CRUZ, Yesenia Maribel A240-117-853", 60, 80);
  b.Text("I. BACKGROUND", 60, 100);
  b.Text("The applicant, Yesenia Maribel Orellana de la Cruz, is a 36-year-old native and citizen of El Salvador.", 60, 114);
  b.Text("Gang members beat her husband and told Ms. Orellana that her son would be recruited.", 60, 128);
  b.Text("V. DECISION", 60, 140);
  b.Text("Because the applicant appears to be removable and is not in lawful status, the application is referred to an", 60, 154);
  b.Text("Immigration Judge pursuant to 8 C.F.R. \xC2\xA7 208.14(c)(1). Ms. Orellana de la Cruz was served a Form I-862.", 60, 168);
  const std::vector<PageText> pages = {b.Build()};
  const std::vector<Finding> findings = MakeDetector().DetectDocument(pages);
  const std::vector<std::string> names = Texts(pages[0], findings, "name");
  EXPECT_TRUE(std::find(names.begin(), names.end(), "ORELLANA DE LA CRUZ, Yesenia Maribel") != names.end())
      << ::testing::PrintToString(names);
  for (const std::string& t : Texts(pages[0], findings, "credible_fear")) EXPECT_EQ(t.find("Because"), std::string::npos) << t;
}

// How apply's own check reads an output: a derivatives table whose names
// are gone, its "Relationship" cells under the "Name" header; a caption
// whose respondent is gone, "In Removal Proceedings" under "In the Matter
// of:". A relationship and the proceedings' kind are no names (probe34:
// both outputs were withheld as leaks).
TEST(LayoutDetection, ARelationshipOrTheProceedingsKindIsNoName) {
  PageBuilder b;
  b.Text("In the Matter of:", 72, 60), b.Text("File No.: [redacted]", 330, 60);
  b.Text("Respondent.", 86, 88), b.Text("Immigration Judge: Katherine L. Morrow", 330, 88);
  b.Text("In Removal Proceedings", 72, 116), b.Text("Next Hearing: January 14, 2025", 330, 116);
  b.Text("Name", 60, 160, 9), b.Text("Relationship", 220, 160, 9), b.Text("DOB", 330, 160, 9), b.Text("A-Number", 420, 160, 9);
  b.Text("Son", 60, 174, 9), b.Text("06/13/2012", 330, 174, 9);
  b.Text("Daughter", 60, 188, 9), b.Text("03/29/2016", 330, 188, 9);
  b.Text("Wife", 60, 202, 9), b.Text("01/21/1985", 330, 202, 9);
  const std::vector<PageText> pages = {b.Build()};
  const std::vector<Finding> findings = MakeDetector().DetectDocument(pages);
  EXPECT_TRUE(Texts(pages[0], findings, "name").empty()) << ::testing::PrintToString(Texts(pages[0], findings, "name"));
}

// A legal-aid newsletter's masthead (probe30): the network's name, an
// issue line, then its address, phone and web site. They stay, as do
// e-mail addresses at its site's domain; one at a free mail service is
// anyone's.
TEST(LayoutDetection, AMastheadsAddressAndAnOfficesMailboxesStay) {
  PageBuilder b;
  b.Text("Rio Bravo Asylum Justice Network", 40, 60, 18);
  b.Text("SPRING 2025 NEWSLETTER | Volume 9, Issue 1", 40, 100);
  b.Text("815 E. Harrison Avenue, Harlingen, TX 78550 | (956) 421-3300 | www.riobravoajn.org", 40, 112);
  b.Text("To volunteer, write to info@riobravoajn.org or intake@riobravoajn.org.", 40, 150);
  b.Text("A client who wrote from info@gmail.com asked us not to print her story.", 40, 162);
  const std::vector<PageText> pages = {b.Build()};
  const std::vector<Finding> findings = MakeDetector().DetectDocument(pages);
  EXPECT_EQ(Texts(pages[0], findings, "address"), std::vector<std::string>{});
  EXPECT_EQ(Texts(pages[0], findings, "phone"), std::vector<std::string>{});
  EXPECT_EQ(Texts(pages[0], findings, "email"), std::vector<std::string>{"info@gmail.com"});
}

// Counsel who declares (a hostile probe's declaration of counsel): the
// block at the top names her with her bar number, "Counsel for
// Petitioners". "DECLARATION OF DANA WHITFIELD" and "I, Dana Whitfield,
// declare" are cues for a declarant, but this declarant is counsel, and
// all three mentions stay. Before, the cues found her and the counsel
// block's line, with its bar number, did not say she was public.
TEST(LayoutDetection, CounselWhoDeclaresStaysWhereHerBlockGivesHerBarNumber) {
  PageBuilder b;
  b.Text("Sonoran Desert Legal Collaborative, PLLC", 72, 50);
  b.Text("Dana Whitfield (AZ Bar No. 031842)", 72, 62);
  b.Text("2210 N. Central Ave., Suite 400, Phoenix, AZ 85004", 72, 74);
  b.Text("Counsel for Petitioners", 72, 86);
  b.Text("United States District Court for the District of Arizona", 72, 120);
  b.Text("Case No. 2:24-cv-01187-PHX-DLR", 72, 132);
  b.Text("DECLARATION OF DANA WHITFIELD IN SUPPORT OF MOTION (EXCERPT)", 72, 165);
  b.Text("I, Dana Whitfield, declare as follows:", 72, 193);
  b.Text("1. I am an attorney licensed in Arizona and counsel of record for the petitioners in this matter.", 72, 210);
  const std::vector<PageText> pages = {b.Build()};
  const std::vector<Finding> findings = MakeDetector().DetectDocument(pages);
  EXPECT_EQ(Texts(pages[0], findings, "name"), std::vector<std::string>{});
}

}  // namespace
// An asylum notice lists the applicant's child as a derivative, with his
// particulars on the same line: the name before them is found, unlisted.
// Before, "Derivative" was no label, and a name value holding digits was
// no name at all.
TEST(LayoutDetection, ADerivativesNameBeforeHisParticularsIsFound) {
  PageBuilder b;
  b.Text("Principal Applicant:", 40, 100).Text("Yusmary del Valle Rondón Quintero", 220, 100);
  b.Text("Derivative (I-589 Part A.III):", 40, 114)
      .Text("Santiago José Rondón, A219-447-091, DOB 2011-02-17", 220, 114);
  const std::vector<PageText> pages = {b.Build()};
  const std::vector<Finding> findings = MakeDetector().DetectDocument(pages);
  const std::vector<std::string> names = Texts(pages[0], findings, "name");
  EXPECT_TRUE(std::any_of(names.begin(), names.end(),
                          [](const std::string& n) { return n.find("Santiago José Rondón") != std::string::npos; }));
  for (const std::string& n : names) EXPECT_EQ(n.find("Part"), std::string::npos) << n;
}

// The same line read again after removal, "I-589" gone: the label is cut
// in two ("Derivative (" | "Part A.III): Santiago José"); the value starts
// after the colon, and the label's tail alone is no name.
TEST(LayoutDetection, ALabelsTailAfterARemovalIsNoPartOfItsValue) {
  PageBuilder b;
  b.Text("Derivative (", 40, 114).Text("Part A.III): Santiago José", 120, 114);
  b.Text("Derivative (", 40, 140).Text("Part A.III):", 120, 140);
  const std::vector<PageText> pages = {b.Build()};
  const std::vector<Finding> findings = MakeDetector().DetectDocument(pages);
  EXPECT_EQ(Texts(pages[0], findings, "name"), (std::vector<std::string>{"Santiago José"}));
}

// A docket's A# column holds A-numbers padded to ten digits with a zero
// ("0220-716-932") beside the usual nine: both are A-numbers, one value.
// Its Status column's "CF+" is a fear finding, and "Client" heads names.
TEST(LayoutDetection, ADocketsPaddedANumbersAndSignedOutcomesAreFound) {
  PageBuilder b;
  b.Text("#", 40, 100).Text("Client", 70, 100).Text("A#", 220, 100).Text("Status", 330, 100);
  b.Text("1", 40, 120).Text("NURIEV, Timur Rashidovich", 70, 120).Text("0220-716-932", 220, 120).Text("CF+", 330, 120);
  b.Text("2", 40, 140).Text("ZHENG, Weiqiang", 70, 140).Text("A#221447809", 220, 140).Text("CF+ / NTA issued", 330, 140);
  const std::vector<PageText> pages = {b.Build()};
  const std::vector<Finding> findings = MakeDetector().DetectDocument(pages);
  EXPECT_EQ(Texts(pages[0], findings, "name"),
            (std::vector<std::string>{"NURIEV, Timur Rashidovich", "ZHENG, Weiqiang"}));
  const std::vector<std::string> numbers = Texts(pages[0], findings, "a_number");
  ASSERT_EQ(numbers.size(), 2u);
  EXPECT_EQ(numbers[0], "0220-716-932");
  for (const Finding& f : findings) {
    if (f.category == "a_number" && f.begin < pages[0].text.find("ZHENG")) EXPECT_EQ(f.value, "A220716932");
  }
  // The notice to appear issued after the fear finding is one too (issue
  // 15); in a table of people the "Status" column goes whole (probe25).
  EXPECT_EQ(Texts(pages[0], findings, "credible_fear"), (std::vector<std::string>{"CF+", "CF+ / NTA issued"}));
}

// A shelter's bulletin names residents the list lacks by their A-numbers
// ("Hawa Kourouma (A 216-004-559)", "Roya Sultani (216 441 873)") and by
// their outcome ("Edrice Fleurimond, asylum granted by IJ"), then by given
// name, given name and initial ("Hawa K."), and birthday. All of it stayed.
TEST(LayoutDetection, ABulletinsResidentsAreFoundByTheirNumbersAndOutcomes) {
  PageBuilder b;
  b.Text("Tue 4/15 - Hawa Kourouma (A 216-004-559), biometrics at the center.", 48, 100, 9);
  b.Text("Wed 4/16 - Roya Sultani (216 441 873), interview at the office.", 48, 112, 9);
  b.Text("Congratulations to Edrice Fleurimond, asylum granted by", 48, 136, 9);
  b.Text("IJ on April 9! Edrice moves to her own apartment on May 1.", 48, 148, 9);
  b.Text("New phone numbers: Hawa K. (786) 555-0121. Happy birthday to Roya on April 19!", 48, 160, 9);
  const std::vector<PageText> pages = {b.Build()};
  const std::vector<Finding> findings = MakeDetector().DetectDocument(pages);
  const std::vector<std::string> names = Texts(pages[0], findings, "name");
  for (const char* name : {"Hawa Kourouma", "Roya Sultani", "Edrice Fleurimond", "Edrice", "Hawa K"}) {
    EXPECT_NE(std::find(names.begin(), names.end(), name), names.end()) << name;
  }
  const std::vector<std::string> numbers = Texts(pages[0], findings, "a_number");
  EXPECT_NE(std::find(numbers.begin(), numbers.end(), "216 441 873"), numbers.end());
  EXPECT_EQ(Texts(pages[0], findings, "dob"), (std::vector<std::string>{"April 19"}));
  const std::vector<std::string> fear = Texts(pages[0], findings, "credible_fear");
  ASSERT_EQ(fear.size(), 1u);
  EXPECT_EQ(fear[0].substr(0, 14), "asylum granted");
}

// A counsel letter names its client in a label's value with his name in
// Cyrillic after it, then "Ruslan I. Sabirov" in a cc line; his
// sister-in-law in full, then first and last name only. Both short forms
// stayed.
TEST(LayoutDetection, ALettersClientAndSponsorAreFoundInTheirShortForms) {
  PageBuilder b;
  b.Text("Client: Ruslan Ilgizovich SABIROV (Сабиров Руслан Ильгизович)", 60, 100);
  b.Text("He has a stable residence with his sister-in-law, Leysan Ramilevna Garipova, a lawful", 60, 130);
  b.Text("permanent resident. Enclosed is Leysan Garipova's sponsor affidavit.", 60, 144);
  b.Text("cc: Ruslan I. Sabirov (client, via legal mail)", 60, 200);
  const std::vector<PageText> pages = {b.Build()};
  const std::vector<Finding> findings = MakeDetector().DetectDocument(pages);
  const std::vector<std::string> names = Texts(pages[0], findings, "name");
  for (const char* name : {"Leysan Garipova", "Ruslan I. Sabirov"}) {
    EXPECT_NE(std::find(names.begin(), names.end(), name), names.end()) << name;
  }
}

// A class list's last row alone on a later page under its repeated header,
// boxed by rules (read first as a form's labels): one row is still a table
// of people, and its name goes, the row's number ("14") taken into the
// name's column left out. Before, the row was no table and the name stayed.
TEST(LayoutDetection, ALastRowAloneUnderARepeatedHeaderIsTyped) {
  PageBuilder b;
  b.Rule(54, 60, 590, 60).Rule(54, 74, 590, 74);
  b.Text("No.", 58, 71, 8).Text("Class Member", 130, 71, 8).Text("A-Number", 266, 71, 8).Text("Country", 350, 71, 8)
      .Text("Detention Facility", 420, 71, 8).Text("CF Status", 520, 71, 8);
  b.Text("14", 62, 84, 9).Text("NAZARI, Shabnam", 83, 84, 9).Text("A-number: 0210-226-845", 240, 84, 9)
      .Text("Afghanistan", 350, 84, 9).Text("Allen Parish", 420, 84, 9).Text("Referred to IJ", 520, 84, 9);
  b.Text("Respondents do not concede that any listed person is a member of the certified class, and reserve all", 54, 120, 9);
  const std::vector<PageText> pages = {b.Build()};
  const std::vector<Finding> findings = MakeDetector().DetectDocument(pages);
  EXPECT_EQ(Texts(pages[0], findings, "name"), (std::vector<std::string>{"NAZARI, Shabnam"}));
}

// An IJ decision names the court's interpreter, an expert witness and a
// treating physician by title: they stay (all three were removed). A
// relative who is a doctor is still the relative.
TEST(LayoutDetection, InterpretersExpertsAndPhysiciansStay) {
  PageBuilder b;
  b.Text("The respondent testified in Pulaar through a court-certified interpreter, Mr. Samba Diouf. The", 60, 100);
  b.Text("Court also heard from Dr. Harriet Muldoon, an expert on Sahelian labor and caste systems; a", 60, 114);
  b.Text("medical report by Dr. Alan Whitcombe, Parkland Health (Exh. 5). His brother, Dr. Abdoul Sall, fled.", 60, 128);
  const std::vector<PageText> pages = {b.Build()};
  const std::vector<Finding> findings = MakeDetector().DetectDocument(pages);
  const std::vector<std::string> names = Texts(pages[0], findings, "name");
  for (const std::string& n : names) {
    EXPECT_EQ(n.find("Diouf"), std::string::npos) << n;
    EXPECT_EQ(n.find("Muldoon"), std::string::npos) << n;
    EXPECT_EQ(n.find("Whitcombe"), std::string::npos) << n;
  }
  EXPECT_TRUE(std::any_of(names.begin(), names.end(), [](const std::string& n) { return n.find("Abdoul Sall") != std::string::npos; }));
}

// Addresses that follow an institution's name are the institution's: a
// processing center's and a project's in a declaration's prose, a court's
// alone under its name (a blank line and a transcript's line number
// between). A person's address after "lives" stays a finding, whatever
// institution the sentence names first.
TEST(LayoutDetection, AnInstitutionsAddressStaysAPersonsGoes) {
  PageBuilder b;
  b.Text("1. I am a paralegal at Puget Sound Detention Defense Project, 615 Second Avenue, Suite 400, Seattle,", 60, 100);
  b.Text("WA 98104. Our clients are held at the Northwest ICE Processing Center, 1623 E. J Street, Tacoma, WA 98421.", 60, 114);
  b.Text("CHICAGO IMMIGRATION COURT", 200, 150);
  b.Text("4", 40, 174).Text("525 West Van Buren Street, Suite 500, Chicago, IL 60607", 120, 174);
  b.Text("His wife lives near the Community Center, 1427 Peoria Street, Aurora, CO 80010.", 60, 210);
  const std::vector<PageText> pages = {b.Build()};
  const std::vector<Finding> findings = MakeDetector().DetectDocument(pages);
  const std::vector<std::string> addresses = Texts(pages[0], findings, "address");
  ASSERT_EQ(addresses.size(), 1u);
  EXPECT_EQ(addresses[0].substr(0, 18), "1427 Peoria Street");
}

}  // namespace redact
