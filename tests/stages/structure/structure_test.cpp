// The structure stage on synthetic pages: tables (unruled and ruled, two-line
// headers, wrapped cells, headers carried to a continued table), label–value
// fields (beside, after a colon, below; English and Spanish), roles.
#include "stages/structure/structure.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <tuple>

#include "stages/structure/labels.h"
#include "tests/stages/structure/page_builder.h"

namespace redact {
namespace {

using testing::PageBuilder;
using testing::WordsText;

// Cell text at (row, column), "" when empty.
std::string Cell(const PageText& page, const Table& t, int row, int column) {
  for (const TableCell& c : t.cells) {
    if (c.row == row && c.column == column) return WordsText(page, c.words);
  }
  return "";
}

// A class list as Chromium prints it: cells middle-aligned, so a two-line
// header's first line sits above the header row and a wrapped name's lines
// sit either side of its row.
PageText ClassList() {
  PageBuilder b;
  b.Text("Exhibit A - Identified Class Members, produced under the protective order of the court", 40, 60);
  b.Text("Date of", 300, 94);
  b.Text("#", 40, 100).Text("Name", 70, 100).Text("A-Number", 200, 100).Text("Country", 380, 100);
  b.Text("Birth", 300, 106);
  b.Text("HERNANDEZ-NUNEZ, Maria", 70, 124);
  b.Text("1", 40, 130).Text("A201234567", 200, 130).Text("03/14/1987", 300, 130).Text("Honduras", 380, 130);
  b.Text("Guadalupe", 70, 136);
  b.Text("2", 40, 154).Text("PENA ORTIZ, Jose Luis", 70, 154).Text("A098765432", 200, 154)
      .Text("11/02/1979", 300, 154).Text("Guatemala", 380, 154);
  b.Text("3", 40, 172).Text("PETRENKO, Oksana", 70, 172).Text("A215555019", 200, 172)
      .Text("12/24/1992", 300, 172).Text("Ukraine", 380, 172);
  return b.Build();
}

TEST(Structure, UnruledTableReadsATwoLineHeaderAndAWrappedCell) {
  const PageText page = ClassList();
  ASSERT_EQ(page.layout.tables.size(), 1u);
  const Table& t = page.layout.tables[0];
  EXPECT_FALSE(t.ruled);
  EXPECT_EQ(t.columns, 5);
  EXPECT_EQ(t.rows, 4);
  EXPECT_EQ(t.header_rows, 1);
  EXPECT_EQ(t.headers[3], "Date of Birth");
  EXPECT_EQ(t.header_keys, (std::vector<std::string>{"row", "name", "a_number", "dob", "country"}));
  EXPECT_EQ(Cell(page, t, 1, 1), "HERNANDEZ-NUNEZ, Maria Guadalupe");
  EXPECT_EQ(Cell(page, t, 1, 3), "03/14/1987");
  EXPECT_EQ(Cell(page, t, 3, 1), "PETRENKO, Oksana");
}

TEST(Structure, RuledTableComesFromDrawnLines) {
  PageBuilder b;
  for (double x : {50.0, 200.0, 300.0, 420.0}) b.Rule(x, 80, x, 170);
  for (double y : {80.0, 110.0, 140.0, 170.0}) b.Rule(50, y, 420, y);
  b.Text("Nombre", 55, 98).Text("Numero A", 205, 98).Text("Facility", 305, 98);
  b.Text("SHEVCHENKO, Yuliia", 55, 128).Text("219 876 543", 205, 128).Text("Otay Mesa", 305, 128);
  b.Text("KARIMI, Dariush", 55, 158).Text("217 450 981", 205, 158).Text("Imperial", 305, 158);
  const PageText page = b.Build();
  ASSERT_EQ(page.layout.tables.size(), 1u);
  const Table& t = page.layout.tables[0];
  EXPECT_TRUE(t.ruled);
  EXPECT_EQ(t.columns, 3);
  EXPECT_EQ(t.rows, 3);
  EXPECT_EQ(t.header_keys, (std::vector<std::string>{"name", "a_number", "facility"}));
  EXPECT_EQ(Cell(page, t, 2, 1), "217 450 981");
}

// A Calc sheet prints its title in the grid's first row, one cell drawn
// across the table (probe31's bond tracker: "Bond Requests - … No.
// 4:25-cv-00912"). Its case number read as data, the table had no header,
// was taken for a form's boxes, and 14 rows of notes went unread as cells.
TEST(Structure, ATitleDrawnAcrossAGridsFirstRowHeadsItsHeader) {
  PageBuilder b;
  for (double x : {50.0, 200.0, 300.0, 420.0}) b.Rule(x, 110, x, 200);
  for (double x : {50.0, 420.0}) b.Rule(x, 80, x, 110);
  for (double y : {80.0, 110.0, 140.0, 170.0, 200.0}) b.Rule(50, y, 420, y);
  b.Text("Bond Requests - Class Members (No. 4:25-cv-00912)", 55, 98);
  b.Text("Detainee Name", 55, 128).Text("A-Number", 205, 128).Text("Notes", 305, 128);
  b.Text("SHEVCHENKO, Yuliia", 55, 158).Text("219 876 543", 205, 158).Text("CF positive 02/11/2025", 305, 158);
  b.Text("KARIMI, Dariush", 55, 188).Text("217 450 981", 205, 188).Text("Sister Ana Ruiz", 305, 188);
  const PageText page = b.Build();
  ASSERT_EQ(page.layout.tables.size(), 1u);
  const Table& t = page.layout.tables[0];
  EXPECT_TRUE(t.ruled);
  EXPECT_EQ(t.header_rows, 2);
  EXPECT_EQ(t.header_keys, (std::vector<std::string>{"name", "a_number", ""}));
}

// A court's master calendar (probe33) prints two such rows, the court's
// and the session's, over "Time | Respondent | A-Number"; 25 respondents'
// names and numbers stayed.
TEST(Structure, TwoTitleRowsOverACourtCalendarsHeader) {
  PageBuilder b;
  for (double x : {50.0, 120.0, 300.0, 420.0}) b.Rule(x, 140, x, 200);
  for (double x : {50.0, 420.0}) b.Rule(x, 80, x, 140);
  for (double y : {80.0, 110.0, 140.0, 170.0, 200.0}) b.Rule(50, y, 420, y);
  b.Text("Houston Immigration Court, 600 Jefferson St., Suite 900, Houston, TX 77002", 55, 98);
  b.Text("Master Calendar - Tuesday, 05/06/2025 - Courtroom 12", 55, 128);
  b.Text("Time", 55, 158).Text("Respondent", 125, 158).Text("A-Number", 305, 158);
  b.Text("8:30 AM", 55, 188).Text("ALVARADO REYES, Cindy Paola", 125, 188).Text("206-581-115", 305, 188);
  const PageText page = b.Build();
  ASSERT_EQ(page.layout.tables.size(), 1u);
  const Table& t = page.layout.tables[0];
  EXPECT_EQ(t.header_rows, 3);
  EXPECT_EQ(t.header_keys, (std::vector<std::string>{"", "name", "a_number"}));
}

// A brief's last page (probe33): a certificate of service, then a
// footnote in a smaller size naming the respondent's wife. The footnote
// was read as the certificate's, and her name kept.
TEST(Structure, AFootnoteUnderACertificateIsNoPartOfIt) {
  PageBuilder b;
  b.Text("CERTIFICATE OF SERVICE", 220, 500, 12);
  b.Text("On March 8, 2024, I served a copy of this brief on DHS through ECAS.", 60, 530, 12);
  b.Text("/s/ Sarah J. Whitfield", 60, 560, 12);
  b.Text("8 Tr. at 88; Exh. 11 (declaration of Ms. Quintanilla).", 60, 700, 9);
  const PageText page = b.Build();
  for (const RoleBlock& r : page.layout.roles) {
    const std::string text = page.text.substr(r.text_begin, r.text_end - r.text_begin);
    if (r.role == BlockRole::kCertificate) EXPECT_EQ(text.find("Quintanilla"), std::string::npos) << text;
  }
}

// A ruled class list whose header is grouped over two rows: "Class member"
// over a name column whose own header the label table does not hold,
// "Identifiers" drawn across A-Number and Date of birth (the cell under its
// right half is empty), public columns under "Citizenship" and "Custody".
PageText GroupedHeaderClassList() {
  PageBuilder b;
  const std::vector<double> xs = {50, 80, 220, 300, 370, 440, 540};
  for (double x : xs) b.Rule(x, 80, x, 200);
  for (double y : {80.0, 110.0, 140.0, 170.0, 200.0}) b.Rule(50, y, 540, y);
  b.Text("Class Member", 85, 98).Text("Identifiers", 270, 98).Text("Citizenship", 375, 98)
      .Text("Custody", 445, 98);
  b.Text("No.", 55, 128).Text("Family name, given name(s)", 85, 128).Text("A-Number", 225, 128)
      .Text("Date of birth", 305, 128).Text("Country", 375, 128).Text("Facility", 445, 128);
  b.Text("1", 55, 158).Text("SHEVCHENKO, Yuliia", 85, 158).Text("A-219-876-543", 225, 158)
      .Text("02/14/1990", 305, 158).Text("Ukraine", 375, 158).Text("Otay Mesa", 445, 158);
  b.Text("2", 55, 188).Text("KARIMI, Dariush", 85, 188).Text("217 450 981", 225, 188)
      .Text("1979-09-21", 305, 188).Text("Iran", 375, 188).Text("Krome", 445, 188);
  return b.Build();
}

// A ruled class list's merged header cells ("Identity" over Full name |
// A#, "Screening" over CF outcome | IJ review | Date; probe25's Chromium
// exhibit) head every column they are drawn over, though their text,
// centred, stands over one of them: the screening dates stayed readable
// under a bare "Date".
PageText MergedHeaderClassList() {
  PageBuilder b;
  for (double y : {80.0, 110.0, 140.0, 170.0, 200.0}) b.Rule(50, y, 560, y);
  for (double x : {50.0, 330.0, 560.0}) b.Rule(x, 80, x, 200);
  for (double x : {230.0, 410.0, 490.0}) b.Rule(x, 110, x, 200);
  b.Text("Identity", 170, 98).Text("Screening", 425, 98);
  b.Text("Full name", 55, 128).Text("A#", 235, 128).Text("CF outcome", 335, 128).Text("IJ review", 415, 128)
      .Text("Date", 495, 128);
  b.Text("SHEVCHENKO, Yuliia", 55, 158).Text("A 219-876-543", 235, 158).Text("Negative CF", 335, 158)
      .Text("IJ vacated", 415, 158).Text("03/04/2025", 495, 158);
  b.Text("KARIMI, Dariush", 55, 188).Text("217 450 981", 235, 188).Text("Positive CF", 335, 188)
      .Text("Not requested", 415, 188).Text("02/19/2025", 495, 188);
  return b.Build();
}

TEST(Structure, AMergedHeaderCellHeadsEveryColumnItIsDrawnOver) {
  const PageText page = MergedHeaderClassList();
  ASSERT_EQ(page.layout.tables.size(), 1u);
  const Table& t = page.layout.tables[0];
  ASSERT_EQ(t.columns, 5);
  EXPECT_EQ(t.header_rows, 2);
  EXPECT_EQ(t.headers, (std::vector<std::string>{"Identity Full name", "Identity A#", "Screening CF outcome",
                                                 "Screening IJ review", "Screening Date"}));
  EXPECT_EQ(t.header_keys,
            (std::vector<std::string>{"name", "a_number", "credible_fear", "credible_fear", "credible_fear"}));
}

TEST(Structure, RuledTableWithAGroupedTwoRowHeaderTypesEveryColumn) {
  const PageText page = GroupedHeaderClassList();
  ASSERT_EQ(page.layout.tables.size(), 1u);
  const Table& t = page.layout.tables[0];
  EXPECT_TRUE(t.ruled);
  EXPECT_EQ(t.columns, 6);
  EXPECT_EQ(t.rows, 4);
  EXPECT_EQ(t.header_rows, 2);
  EXPECT_EQ(t.headers[3], "Identifiers Date of birth");
  EXPECT_EQ(t.header_keys,
            (std::vector<std::string>{"row", "name", "a_number", "dob", "country", "facility"}));
  // The header's second row is no label–value field.
  for (const LabeledField& f : page.layout.fields) EXPECT_NE(f.key, "a_number");
}

// An unruled class list with a three-line header: a group line, then
// sub-headers of which two wrap onto a third line.
// A detention list's sub-headers (two wrapped over a second line) and three
// rows, under whatever group headers a test sets at y 96.
void AddClassMemberRows(PageBuilder& b) {
  b.Text("No.", 40, 110).Text("Family name, given", 70, 110).Text("A-Number", 220, 110)
      .Text("Date of", 300, 110).Text("Country", 380, 110).Text("Facility", 460, 110);
  b.Text("name(s)", 70, 120).Text("birth", 300, 120);
  b.Text("1", 40, 140).Text("LYSENKO, Olena", 70, 140).Text("A-070-938-223", 220, 140)
      .Text("2002-05-23", 300, 140).Text("Ukraine", 380, 140).Text("Otay Mesa", 460, 140);
  b.Text("2", 40, 158).Text("BANOS PENA, Nayeli", 70, 158).Text("A 081127241", 220, 158)
      .Text("01/03/1966", 300, 158).Text("Honduras", 380, 158).Text("Krome North", 460, 158);
  b.Text("3", 40, 176).Text("GEBREMEDHIN, Tesfaye", 70, 176).Text("A 075763582", 220, 176)
      .Text("1980-10-28", 300, 176).Text("Eritrea", 380, 176).Text("Eloy", 460, 176);
}

// A court's sealed attachment (probe25, ps2pdf) sets its unruled rows
// two lines apart, a status cell wrapping onto a second line: every row
// stood alone, no table was read, and four dates of birth and three names
// stayed readable. Rows that start their cells where the row above does
// continue the table across such a gap.
TEST(Structure, UnruledRowsSetFarApartAreStillOneTable) {
  PageBuilder b;
  b.Text("Table A-1. Petitioners", 40, 60);
  b.Text("Initials", 40, 90).Text("Full name", 100, 90).Text("A-Number", 280, 90).Text("DOB", 370, 90)
      .Text("Country", 440, 90).Text("Screening status", 520, 90);
  double y = 120;
  for (const auto& [initials, name, number, dob, country, status, date] :
       std::vector<std::tuple<const char*, const char*, const char*, const char*, const char*, const char*,
                              const char*>>{
           {"I.A.D.", "Islam Akhmedovich Dzhabrailov", "A246-118-402", "03/21/1990", "Russia", "Positive CF",
            "01/09/2025"},
           {"B.S.M.", "Bohdan Serhiyovych Melnychuk", "A246-205-733", "10/02/1986", "Ukraine", "IJ vacated",
            "02/14/2025"},
           {"D.P.J.", "Dieunel Pierre-Jacques", "A246-311-058", "06/17/1995", "Haiti", "Positive CF",
            "02/03/2025"}}) {
    b.Text(initials, 40, y).Text(name, 100, y).Text(number, 280, y).Text(dob, 370, y).Text(country, 440, y)
        .Text(status, 520, y);
    b.Text(date, 520, y + 12);
    y += 40;
  }
  b.Text("Petitioners are to be referred to only by the initials in the first column in all public filings.", 40,
         y + 20);
  const PageText page = b.Build();
  ASSERT_EQ(page.layout.tables.size(), 1u);
  const Table& t = page.layout.tables[0];
  EXPECT_EQ(t.rows, 4);
  EXPECT_EQ(t.columns, 6);
  EXPECT_EQ(t.header_keys, (std::vector<std::string>{"", "name", "a_number", "dob", "country", "credible_fear"}));
  EXPECT_EQ(Cell(page, t, 3, 1), "Dieunel Pierre-Jacques");
  EXPECT_EQ(Cell(page, t, 2, 5), "IJ vacated 02/14/2025");
}

TEST(Structure, UnruledTableWithAGroupedHeaderWrappedOverThreeLines) {
  PageBuilder b;
  b.Text("Exhibit 3 - Detained class members, produced under the stipulated protective order", 40, 60);
  b.Text("Class Member", 70, 96).Text("Identifiers", 220, 96).Text("Citizenship", 380, 96)
      .Text("Custody", 460, 96);
  AddClassMemberRows(b);
  const PageText page = b.Build();
  ASSERT_EQ(page.layout.tables.size(), 1u);
  const Table& t = page.layout.tables[0];
  EXPECT_FALSE(t.ruled);
  EXPECT_EQ(t.header_rows, 2);
  EXPECT_EQ(t.header_keys,
            (std::vector<std::string>{"row", "name", "a_number", "dob", "country", "facility"}));
  EXPECT_EQ(Cell(page, t, 2, 2), "A-070-938-223");
}

// The group headers centred over the columns they group, as Word and
// LibreOffice centre a merged cell: "Class Member" starts inside the
// name column and ends inside the date-of-birth column, "Custody" sits
// between the country and facility columns.
TEST(Structure, UnruledTableWithCentredGroupHeaders) {
  PageBuilder b;
  b.Text("Exhibit 3 - Detained class members, produced under the stipulated protective order", 40, 60);
  b.Text("Class Member", 185, 96).Text("Custody", 425, 96);
  AddClassMemberRows(b);
  const PageText page = b.Build();
  ASSERT_EQ(page.layout.tables.size(), 1u);
  const Table& t = page.layout.tables[0];
  EXPECT_FALSE(t.ruled);
  EXPECT_EQ(t.header_keys,
            (std::vector<std::string>{"row", "name", "a_number", "dob", "country", "facility"}));
  EXPECT_EQ(Cell(page, t, t.header_rows, 1), "LYSENKO, Olena");
  EXPECT_EQ(Cell(page, t, t.header_rows, 3), "2002-05-23");
}

// A header cell wrapped over three lines ("Fear" / "screening" / "Status",
// as pdflatex sets a narrow column) whose middle line sits a hair nearer the
// row below than the row above: a tie, which the upper row takes (a cell
// wraps downward). Decided by the last bits of the coordinates, the column
// lost its header on some pages of the same list.
TEST(Structure, AHeaderLineHalfwayBetweenTwoRowsIsTheUpperRows) {
  PageBuilder b;
  b.Text("Class Member", 70, 96).Text("Identifiers", 220, 96).Text("Citizenship", 380, 96)
      .Text("Custody", 460, 96).Text("Fear", 540, 96);
  b.Text("screening", 540, 108.01);
  b.Text("No.", 40, 120).Text("Family name, given name(s)", 70, 120).Text("A-Number", 220, 120)
      .Text("Date of birth", 300, 120).Text("Country", 380, 120).Text("Facility", 460, 120)
      .Text("Status", 540, 120);
  b.Text("1", 40, 140).Text("LYSENKO, Olena", 70, 140).Text("A-070-938-223", 220, 140)
      .Text("2002-05-23", 300, 140).Text("Ukraine", 380, 140).Text("Otay Mesa", 460, 140)
      .Text("Positive", 540, 140);
  b.Text("2", 40, 158).Text("BANOS PENA, Nayeli", 70, 158).Text("A 081127241", 220, 158)
      .Text("01/03/1966", 300, 158).Text("Honduras", 380, 158).Text("Krome", 460, 158)
      .Text("Negative", 540, 158);
  b.Text("3", 40, 176).Text("GEBREMEDHIN, Tesfaye", 70, 176).Text("A 075763582", 220, 176)
      .Text("1980-10-28", 300, 176).Text("Eritrea", 380, 176).Text("Eloy", 460, 176)
      .Text("Pending", 540, 176);
  const PageText page = b.Build();
  ASSERT_EQ(page.layout.tables.size(), 1u);
  const Table& t = page.layout.tables[0];
  ASSERT_EQ(t.columns, 7);
  EXPECT_EQ(Cell(page, t, 0, 6), "Fear screening");
  EXPECT_EQ(t.header_keys[6], "credible_fear");
  EXPECT_EQ(Cell(page, t, t.header_rows, 6), "Positive");
}

// A second row of labels under a first is a header only while no data sits
// above it; a form's label row after a row of values keeps it a form.
TEST(Structure, LabelRowsAfterValuesStillMakeAFormGrid) {
  PageBuilder b;
  for (double x : {50.0, 250.0, 450.0}) b.Rule(x, 80, x, 200);
  for (double y : {80.0, 110.0, 140.0, 170.0, 200.0}) b.Rule(50, y, 450, y);
  b.Text("Name", 55, 98).Text("A-Number", 255, 98);
  b.Text("SHEVCHENKO, Yuliia", 55, 128).Text("A-219-876-543", 255, 128);
  b.Text("Date of birth", 55, 158).Text("Country of birth", 255, 158);
  b.Text("02/14/1990", 55, 188).Text("Ukraine", 255, 188);
  const PageText page = b.Build();
  EXPECT_TRUE(page.layout.tables.empty());
}

TEST(Structure, ValueBelowItsBilingualLabelIsAField) {
  PageBuilder b;
  b.Text("2. Family Name (Last Name)", 60, 100, 8).Text("4. Date of Birth (mm/dd/yyyy)", 300, 100, 8);
  b.Text("Apellido(s)", 60, 110, 8).Text("Fecha de nacimiento", 300, 110, 8);
  b.Text("SHEVCHENKO", 60, 130, 11).Text("02/14/1990", 300, 130, 11);
  b.Text("5. Country of Birth", 60, 170, 8).Text("6. Native Language", 300, 170, 8);
  b.Text("Ukraine", 60, 190, 11).Text("Ukrainian", 300, 190, 11);
  const PageText page = b.Build();
  EXPECT_TRUE(page.layout.tables.empty());
  std::map<std::string, std::string> values;
  for (const LabeledField& f : page.layout.fields) {
    values[f.key] = WordsText(page, f.value_words);
    EXPECT_TRUE(f.below);
  }
  EXPECT_EQ(values["name"], "SHEVCHENKO");
  EXPECT_EQ(values["dob"], "02/14/1990");
  EXPECT_EQ(values["country"], "Ukraine");
  EXPECT_EQ(values["language"], "Ukrainian");
}

TEST(Structure, ValueAfterAColonOrBesideItsLabelIsAField) {
  PageBuilder b;
  b.Text("Fecha de nacimiento: 14 de febrero de 1990", 60, 100);
  b.Text("A-Number", 60, 130).Text("215-555-019", 250, 130);
  b.Text("Outcome: positive", 60, 160);  // too general for a form field
  const PageText page = b.Build();
  ASSERT_EQ(page.layout.fields.size(), 2u);
  EXPECT_EQ(page.layout.fields[0].key, "dob");
  EXPECT_EQ(WordsText(page, page.layout.fields[0].value_words), "14 de febrero de 1990");
  EXPECT_EQ(page.layout.fields[1].key, "a_number");
  EXPECT_EQ(WordsText(page, page.layout.fields[1].value_words), "215-555-019");
  EXPECT_FALSE(page.layout.fields[1].below);
}

// A notice's value removed (probe22's bilingual notice of rights, read
// again as its output reads): "Fecha de nacimiento:" stands alone, and the
// line below is another field, "Centro: …", under a label no list knows.
// Its text is no date of birth (the facility was removed as one, and
// apply's own check then refused the output).
TEST(Structure, ALineThatOpensWithItsOwnLabelIsNoValueBelow) {
  PageBuilder b;
  b.Text("Fecha de nacimiento:", 355, 138);
  b.Text("Centro: Florence Service Processing Center, 3250", 355, 152);
  b.Text("Date of birth:", 60, 200);
  b.Text("March 3, 1997", 60, 214);
  const PageText page = b.Build();
  ASSERT_EQ(page.layout.fields.size(), 1u);
  EXPECT_EQ(page.layout.fields[0].key, "dob");
  EXPECT_EQ(WordsText(page, page.layout.fields[0].value_words), "March 3, 1997");
}

std::vector<BlockRole> Roles(const PageText& page) {
  std::vector<BlockRole> roles;
  for (const RoleBlock& r : page.layout.roles) roles.push_back(r.role);
  return roles;
}

TEST(Structure, CounselJudgeAndFooterBlocksHaveRoles) {
  PageBuilder b;
  b.Text("Plaintiffs ask the Court to seal the exhibit because it names the class members and", 60, 100);
  b.Text("their families, which 8 C.F.R. 208.6 forbids the government to disclose.", 60, 114);
  b.Text("/s/ Laura Kim", 330, 200).Text("Laura Kim (SBN 123456)", 330, 214)
      .Text("600 B Street, Suite 300", 330, 228).Text("Attorney for Plaintiffs", 330, 242);
  b.Text("IT IS SO ORDERED.", 60, 320);
  b.Text("Hon. Ana Ruiz", 330, 360).Text("United States District Judge", 330, 374);
  b.Text("DEF-000123", 500, 770);
  const PageText page = b.Build();
  const std::vector<BlockRole> roles = Roles(page);
  EXPECT_NE(std::find(roles.begin(), roles.end(), BlockRole::kCounsel), roles.end());
  EXPECT_NE(std::find(roles.begin(), roles.end(), BlockRole::kJudge), roles.end());
  EXPECT_NE(std::find(roles.begin(), roles.end(), BlockRole::kFooter), roles.end());
  EXPECT_EQ(page.layout.roles.size(), 4u);  // the paragraph has none
}

// A motion signed by three firms (probe28, groff): "Respectfully
// submitted," then a block per firm, then "Attorneys for Plaintiffs and
// the Proposed Class". The third firm's block names no counsel's word of
// its own — a clinic, a district-court admission number — and its address
// and phone were removed. Between counsel's blocks, at their left edge, it
// is counsel's too; a paragraph between them is not.
TEST(Structure, AFirmsBlockBetweenCounselsBlocksIsCounsels) {
  PageBuilder b;
  b.Text("Dated: May 6, 2024", 72, 180).Text("Respectfully submitted,", 330, 180);
  double y = 210;
  for (const char* line : {"SOUTHERN BORDER LEGAL COLLABORATIVE", "/s/ Rebecca L. Thornbury",
                           "Rebecca L. Thornbury (Tex. Bar No. 24081137)", "1120 E. Harrison Ave., Suite 210",
                           "Harlingen, TX 78550", "(956) 555-0101"}) {
    b.Text(line, 72, y += 12);
  }
  y += 16;
  for (const char* line : {"IMMIGRANT RIGHTS CLINIC", "Priya Raman-Kessler (S.D. Tex. No. 3319920)",
                           "415 Congress Ave., Suite 900", "Austin, TX 78701", "(512) 555-0123"}) {
    b.Text(line, 72, y += 12);
  }
  b.Text("Attorneys for Plaintiffs and the Proposed Class", 72, y += 28);
  const PageText page = b.Build();
  int counsel = 0;
  for (const RoleBlock& r : page.layout.roles) {
    if (r.role != BlockRole::kCounsel) continue;
    ++counsel;
    EXPECT_EQ(page.text.substr(r.text_begin, r.text_end - r.text_begin).find("Respectfully"), std::string::npos);
  }
  EXPECT_EQ(counsel, 3);
  bool clinic = false;
  for (const RoleBlock& r : page.layout.roles) {
    clinic = clinic || (r.role == BlockRole::kCounsel &&
                        page.text.substr(r.text_begin, r.text_end - r.text_begin).find("555-0123") != std::string::npos);
  }
  EXPECT_TRUE(clinic);
}

// A bulletin's announcements set in a narrow column: short lines, but
// prose running on from line to line. Naming volunteer attorneys ("Esq.")
// made it counsel's block, and the residents' phone numbers in it stayed.
TEST(Structure, ANarrowColumnOfProseIsNoCounselBlock) {
  PageBuilder b;
  const char* lines[] = {"Congratulations to Edrice Fleurimond, asylum granted by",
                         "IJ on April 9! Edrice moves to her own apartment on May 1 -",
                         "boxes are welcome.",
                         "New phone numbers: Hawa K. (786) 555-0121; Boubacar",
                         "(305) 555-0188; Roya (786) 555-0145. Please update the",
                         "house phone list.",
                         "Pro bono clinic every Wednesday at 6 pm with the Biscayne",
                         "Legal Aid Collaborative. Attorneys Marisol Quintero, Esq.",
                         "and Thomas Achebe-Lowry, Esq. will review drafts."};
  double y = 150;
  for (const char* line : lines) b.Text(line, 318, y += 12, 9);
  b.Text("Quiet hours are 10 pm to 6 am. Kitchen rota is posted by the", 48, 162, 9);
  b.Text("laundry room. Please sign out the van keys with staff.", 48, 174, 9);
  const PageText page = b.Build();
  const std::vector<BlockRole> roles = Roles(page);
  EXPECT_EQ(std::find(roles.begin(), roles.end(), BlockRole::kCounsel), roles.end());
}

TEST(Structure, ACertificateRunsFromItsTitleToTheEndOfThePage) {
  PageBuilder b;
  b.Text("I declare that the foregoing is true and correct.", 60, 100);
  b.Text("CERTIFICATE OF TRANSLATION", 220, 200, 12);
  b.Text("I, Elena Vasquez, certify that I am competent to translate from Spanish into English.", 60, 240);
  b.Text("/s/ Elena Vasquez", 60, 290);
  const PageText page = b.Build();
  EXPECT_EQ(Roles(page), (std::vector<BlockRole>{BlockRole::kCertificate, BlockRole::kCertificate,
                                                 BlockRole::kCertificate}));
}

// A translation's heading certifies nothing: probe25's declaration opens
// its English version with "CERTIFIED ENGLISH TRANSLATION", the page was
// read as a translator's certificate, and the declarant, her address,
// phone and relatives became public in the whole document.
TEST(Structure, ATranslationsHeadingOpensNoCertificate) {
  PageBuilder b;
  b.Text("CERTIFIED ENGLISH TRANSLATION", 200, 60, 12);
  b.Text("I, Reina Esperanza Mejia Bonilla, declare as follows:", 60, 120);
  b.Text("1. Since 2022 I have lived at 4318 Gessner Road, Apt. 17, Houston, TX 77041.", 60, 150);
  const PageText page = b.Build();
  const std::vector<BlockRole> roles = Roles(page);
  EXPECT_EQ(std::find(roles.begin(), roles.end(), BlockRole::kCertificate), roles.end());
}

// A document's kind is no certificate: a Vaughn index (probe30) lists
// "Dependent file of derivative child … including / birth certificate
// translation." The second-word "certif…" read it as a translator's
// certificate, and the requester's client, named in the rows above and
// below, became public in the whole document.
TEST(Structure, ABirthCertificateTranslationOpensNoCertificate) {
  PageBuilder b;
  b.Text("10/12/2023 Dependent file of derivative child Ashley Nicole", 60, 100);
  b.Text("Pineda Mejia (minor), A# 201-774-361, including", 60, 112);
  b.Text("birth certificate translation.", 60, 124);
  b.Text("A marriage certificate and its translation were served.", 60, 160);
  const PageText page = b.Build();
  const std::vector<BlockRole> roles = Roles(page);
  EXPECT_EQ(std::find(roles.begin(), roles.end(), BlockRole::kCertificate), roles.end());
}

// An exhibit list's descriptions (probe32) name a judge's title inside a
// line: "Referral notice to Immigration Judge for Óscar …". The column was
// read as a judge's block, and the class members it names became public.
// A judge's own lines keep the role.
TEST(Structure, AJudgesTitleInsideADescriptionIsNoJudgesBlock) {
  PageBuilder b;
  const char* lines[] = {"Declaration of Yessenia Rivas Orellana", "Letter from Mirlande Joseph to USCIS dated April 2, 2024",
                         "Referral notice to Immigration Judge for Oscar Ivan de Leon Barrios",
                         "USCIS San Francisco Asylum Office scheduling policy memo"};
  double y = 200;
  for (const char* line : lines) b.Text(line, 136, y += 12, 10);
  const PageText page = b.Build();
  const std::vector<BlockRole> roles = Roles(page);
  EXPECT_EQ(std::find(roles.begin(), roles.end(), BlockRole::kJudge), roles.end());
  for (const char* title : {"United States District Judge", "Hon. Ana Ruiz, Immigration Judge, presiding",
                            "Immigration Judge: Hon. Patricia E.",
                            "SO ORDERED this 3rd day of May, 2024."}) {
    PageBuilder j;
    j.Text("Dated: May 3, 2024", 300, 400, 10);
    j.Text("Ana Ruiz", 300, 412, 10);
    j.Text(title, 300, 424, 10);
    const std::vector<BlockRole> judge = Roles(j.Build());
    EXPECT_NE(std::find(judge.begin(), judge.end(), BlockRole::kJudge), judge.end()) << title;
  }
}

// A DHS record drawn as boxes, a small label over its value in each (as
// Chromium prints an I-213-like form): "Family Name (CAPS)", "First",
// "Middle" and a parent's name are name fields; a box whose label is no
// field's ("Height") is none. Before, those labels were unknown, fewer than
// half the boxes read as label and value, and the grid was taken for a
// table without a header: nothing in it was typed.
PageText DhsRecordBoxes(bool with_values) {
  PageBuilder b;
  // Boxes as tight as the browser sets them: 7 pt labels, 9 pt values.
  for (double x : {40.0, 200.0, 360.0, 520.0}) b.Rule(x, 80, x, 124);
  for (double y : {80.0, 102.0, 124.0}) b.Rule(40, y, 520, y);
  b.Text("Family Name (CAPS)", 44, 88, 7).Text("First", 204, 88, 7).Text("Middle", 364, 88, 7);
  b.Text("Passport Number and Country of Issue", 44, 110, 7).Text("Father's Name", 204, 110, 7)
      .Text("Height", 364, 110, 7);
  if (with_values) {
    b.Text("QUISPE MAMANI", 44, 98, 9).Text("Teodoro", 204, 98, 9).Text("Efrain", 364, 98, 9);
    b.Text("PE4471902", 44, 120, 9).Text("Ignacio Quispe Huanca", 204, 120, 9).Text("165", 364, 120, 9);
  }
  return b.Build();
}

TEST(Structure, ADhsRecordsBoxesAreNameFields) {
  const PageText page = DhsRecordBoxes(true);
  std::map<std::string, std::string> names;
  for (const LabeledField& f : page.layout.fields) {
    if (f.key == "name") names[WordsText(page, f.label_words)] = WordsText(page, f.value_words);
  }
  EXPECT_EQ(names, (std::map<std::string, std::string>{{"Family Name (CAPS)", "QUISPE MAMANI"},
                                                      {"First", "Teodoro"},
                                                      {"Middle", "Efrain"},
                                                      {"Father's Name", "Ignacio Quispe Huanca"}}));
}

// The same boxes once their values are removed (apply reads its own output
// again): a label's value is never the label in the box below, across the
// drawn line. Before, "Passport Number and Country of Issue" was read as
// the family name's value and removed from the output.
// An I-589's spouse section: a row of label boxes over a row of value
// boxes, the A-number one digit per comb box. Each label's value is the
// boxes under it, up to the next label's box. Before, the grid's first rows
// read as its header and no field was found (or the passport label took
// the date-of-birth label beside it as its value).
TEST(Structure, LabelBoxesOverCombBoxesAreFields) {
  PageBuilder b;
  for (double y : {80.0, 100.0, 124.0, 148.0, 172.0}) b.Rule(40, y, 570, y);
  for (double x : {40.0, 570.0}) b.Rule(x, 80, x, 172);
  for (double x : {250.0, 410.0}) b.Rule(x, 100, x, 172);
  for (int k = 1; k <= 10; ++k) b.Rule(60 + 14 * k, 124, 60 + 14 * k, 148);
  b.Text("Your spouse / Su cónyuge: I am not married. (Skip to Your Children below.)", 44, 92, 7);
  b.Text("1. Alien Registration Number (A-Number) (if any)", 44, 114, 7)
      .Text("2. Passport/ID Card Number (if any)", 254, 114, 7)
      .Text("3. Date of Birth (mm/dd/yyyy) / Fecha de nac.", 414, 114, 7);
  b.Text("A-", 44, 140, 9);
  const char* digits[] = {"2", "2", "0", "8", "7", "3", "4", "1", "7"};
  for (int k = 0; k < 9; ++k) b.Text(digits[k], 79 + 14 * k, 140, 9);
  b.Text("128877340", 257, 140, 9).Text("02/17/1986", 419, 140, 9);
  // The next row of boxes holds a label and its value each.
  b.Text("5. Complete Last Name", 44, 158, 7).Text("6. First Name", 254, 158, 7).Text("7. Middle Name", 414, 158, 7);
  b.Text("LUGO MENDOZA", 44, 168, 9).Text("HERIBERTO", 254, 168, 9).Text("JOSÉ", 414, 168, 9);
  const PageText page = b.Build();
  std::map<std::string, std::vector<std::string>> values;
  for (const LabeledField& f : page.layout.fields) values[f.key].push_back(WordsText(page, f.value_words));
  EXPECT_EQ(values["a_number"], (std::vector<std::string>{"A- 2 2 0 8 7 3 4 1 7"}));
  EXPECT_EQ(values["agency_number"], (std::vector<std::string>{"128877340"}));
  EXPECT_EQ(values["dob"], (std::vector<std::string>{"02/17/1986"}));
}

TEST(Structure, NoValueIsTakenFromTheBoxBelowAcrossItsLine) {
  const PageText page = DhsRecordBoxes(false);
  for (const LabeledField& f : page.layout.fields) {
    ADD_FAILURE() << WordsText(page, f.label_words) << " -> " << WordsText(page, f.value_words);
  }
}

// A worksheet of label boxes beside value boxes (issue 15, a fresh
// I-870-style record from LibreOffice): before, no field was read but the
// first label's own wrapped note, "(Family, Given," as the applicant's
// name, and the applicant, spouse and child stayed in the output.
TEST(Structure, LabelBoxesBesideValueBoxesAreFields) {
  const PageText page = testing::WorksheetGrid();
  std::map<std::string, std::pair<std::string, std::string>> fields;
  for (const LabeledField& f : page.layout.fields) {
    fields[WordsText(page, f.label_words)] = {f.key, WordsText(page, f.value_words)};
  }
  using Field = std::pair<std::string, std::string>;
  EXPECT_EQ(fields["Applicant's name (Family, Given, Middle)"],
            Field("name", "SOKOLOV MIRONOV, Dmitriy Olegovich"));
  EXPECT_EQ(fields["Date of birth"], Field("dob", "11/23/1987"));
  EXPECT_EQ(fields["Applicant's spouse"], Field("name", "Ekaterina Sokolova"));
  EXPECT_EQ(fields["Child(ren)"], Field("name", "Arseniy Sokolov"));
  EXPECT_EQ(fields["Asylum Office"].first, "office");
  for (const LabeledField& f : page.layout.fields) {
    EXPECT_EQ(WordsText(page, f.value_words).find("Given"), std::string::npos);
  }
}

// A paragraph that only mentions a certified interpreter opens no
// certificate: before, its "certified … interpreter" made every block after
// it a certificate's, and the class list below kept its names.
TEST(Structure, AParagraphNamingACertifiedInterpreterOpensNoCertificate) {
  const PageText page = testing::InterpreterParagraphThenClassList(2);
  const std::vector<BlockRole> roles = Roles(page);
  EXPECT_EQ(std::find(roles.begin(), roles.end(), BlockRole::kCertificate), roles.end());
}

// A notice's prose that mentions "an attorney or accredited representative"
// opens no preparer's part: before, every block after it took counsel's
// role, and a child named in the letter ("Your son, Santiago, ...") stayed.
TEST(Structure, ProseMentioningAnAccreditedRepresentativeIsNoPreparersPart) {
  PageBuilder b;
  b.Text("You are scheduled for an interview on your application at the Houston Asylum Office on Tuesday, at 8:30", 60, 100);
  b.Text("a.m. You may bring an attorney or accredited representative who has filed Form G-28 with this office.", 60, 114);
  b.Text("Your son, Santiago, is listed as a derivative and must appear with you at the interview in person.", 60, 128);
  b.Text("Sincerely,", 60, 200);
  b.Text("Raymond T. Oduya", 60, 240).Text("Field Office Director", 60, 254);
  const PageText page = b.Build();
  const std::vector<BlockRole> roles = Roles(page);
  EXPECT_EQ(std::find(roles.begin(), roles.end(), BlockRole::kCounsel), roles.end());
}

// A form's part for its preparer still opens with its label line.
TEST(Structure, AFormsPreparerPartIsCounsels) {
  PageBuilder b;
  b.Text("Part D. Signature of Person Preparing Form, if Other Than Applicant", 60, 100);
  b.Text("Print Complete Name of Preparer", 60, 130).Text("Daytime Telephone Number", 300, 130);
  b.Text("Joanna Kestrel", 60, 144).Text("(602) 555-0199", 300, 144);
  const PageText page = b.Build();
  const std::vector<BlockRole> roles = Roles(page);
  EXPECT_NE(std::find(roles.begin(), roles.end(), BlockRole::kCounsel), roles.end());
}

// A legal-aid docket: a Notes cell that asks for a "certified translation"
// opens no certificate (before, it did, and the certificate ran to the end
// of the page and kept the next client's name public), and no cell has a
// role of its own.
TEST(Structure, CellsOfAPeoplesTableHaveNoRoles) {
  PageBuilder b;
  b.Text("#", 40, 100).Text("Client", 70, 100).Text("A#", 220, 100).Text("Status", 330, 100).Text("Notes", 430, 100);
  b.Text("1", 40, 120).Text("HAKIMI, Farzana", 70, 120).Text("221 093 558", 220, 120).Text("I-589 pending", 330, 120)
      .Text("Former teacher; employment", 430, 120);
  b.Text("letter needs", 430, 132);
  b.Text("certified translation.", 430, 144);
  b.Text("2", 40, 164).Text("ZHENG, Weiqiang", 70, 164).Text("A#221447809", 220, 164).Text("Referred to IJ", 330, 164)
      .Text("Pastor letter received", 430, 164);
  b.Text("3", 40, 184).Text("DIALLO, Thierno", 70, 184).Text("A 219-330-264", 220, 184).Text("CF+", 330, 184)
      .Text("Bond motion drafted", 430, 184);
  const PageText page = b.Build();
  ASSERT_EQ(page.layout.tables.size(), 1u);
  EXPECT_EQ(page.layout.tables[0].header_keys[1], "name");
  EXPECT_TRUE(Roles(page).empty());
}

TEST(Structure, ACertificateOpensWithItsTitleOrItsCertifyingSentence) {
  for (const char* opening : {"TRANSLATOR'S CERTIFICATION", "Certificado de traduccion",
                              "I, Elena Vasquez, hereby certify that I translated the attached document."}) {
    PageBuilder b;
    b.Text("I declare that the foregoing is true and correct.", 60, 100);
    b.Text(opening, 60, 200);
    b.Text("I am competent to render the translation from Spanish into English, to my best ability.", 60, 240);
    const PageText page = b.Build();
    const std::vector<BlockRole> roles = Roles(page);
    EXPECT_NE(std::find(roles.begin(), roles.end(), BlockRole::kCertificate), roles.end()) << opening;
  }
}

// A regulation quoted in a paragraph's run of lines, set in on both sides
// with no more space before it than between lines (LibreOffice, groff's
// .QP): the quoted lines have the quotation role, the paragraph none.
PageText ParagraphRunningIntoAQuotation() {
  PageBuilder b;
  b.Text("The motion turns on the confidentiality rule, which the parties agree reads:", 60, 100);
  b.Text("Records of any reasonable fear screening held under", 100, 114);
  b.Text("8 C.F.R. 1208.31 shall not be disclosed to the public", 100, 128);
  b.Text("except as this section permits. 8 C.F.R. 1208.6(a).", 100, 142);
  b.Text("Because the exhibit lists the class members, the clerk shall file it under seal and", 60, 156);
  b.Text("serve a copy on counsel.", 60, 170);
  return b.Build();
}

TEST(Structure, AQuotationInsideAParagraphsBlockHasItsOwnRole) {
  const PageText page = ParagraphRunningIntoAQuotation();
  EXPECT_EQ(page.blocks.size(), 1u);  // no space sets the quotation apart
  std::vector<std::string> quoted;
  for (const RoleBlock& r : page.layout.roles) {
    if (r.role == BlockRole::kQuotation) quoted.push_back(page.text.substr(r.text_begin, r.text_end - r.text_begin));
  }
  ASSERT_EQ(quoted.size(), 1u);
  EXPECT_EQ(quoted[0].substr(0, 22), "Records of any reasona");
  EXPECT_TRUE(quoted[0].ends_with("1208.6(a)."));
}

TEST(Structure, ContinuedTableTakesTheHeaderOfTheEarlierPage) {
  std::vector<PageText> pages = {ClassList()};
  PageBuilder b(2);
  b.Text("4", 40, 80).Text("JOSEPH, Jean-Baptiste", 70, 80).Text("A087654321", 200, 80)
      .Text("01/05/1990", 300, 80).Text("Haiti", 380, 80);
  b.Text("5", 40, 98).Text("NGUYEN VAN, Thanh", 70, 98).Text("A209876543", 200, 98)
      .Text("09/09/1984", 300, 98).Text("Vietnam", 380, 98);
  b.Text("6", 40, 116).Text("BEKELE, Daniel", 70, 116).Text("A78123456", 200, 116)
      .Text("02/28/2001", 300, 116).Text("Ethiopia", 380, 116);
  pages.push_back(b.Build());
  ASSERT_EQ(pages[1].layout.tables.size(), 1u);
  EXPECT_EQ(pages[1].layout.tables[0].header_rows, 0);
  LinkDocumentStructure(&pages);
  const Table& t = pages[1].layout.tables[0];
  EXPECT_TRUE(t.header_inherited);
  EXPECT_EQ(t.header_keys, (std::vector<std::string>{"row", "name", "a_number", "dob", "country"}));
}

// An EOIR-42B excerpt (probe31): page 1's children's table ("Name | Date
// of Birth | ..."), page 2's preparer's boxes, each a small label over its
// value ("Texas Bar No." / "24071936"). The boxes took the children's
// header, and counsel's bar number was removed as a date of birth.
TEST(Structure, ABoxesOwnLabelsContinueNoTableFromAnEarlierPage) {
  PageBuilder a;
  for (double x : {40.0, 200.0, 320.0, 440.0}) a.Rule(x, 400, x, 466);
  for (double y : {400.0, 422.0, 444.0, 466.0}) a.Rule(40, y, 440, y);
  a.Text("Name", 45, 414).Text("Date of Birth", 205, 414).Text("Citizenship", 325, 414);
  a.Text("Kevin Funes Lopez", 45, 436).Text("02/11/2014", 205, 436).Text("Honduras", 325, 436);
  a.Text("Ana Funes Lopez", 45, 458).Text("07/30/2017", 205, 458).Text("Honduras", 325, 458);
  std::vector<PageText> pages = {a.Build()};
  ASSERT_EQ(pages[0].layout.tables.size(), 1u);
  PageBuilder b(2);
  for (double x : {40.0, 200.0, 320.0, 440.0}) b.Rule(x, 194, x, 260);
  for (double y : {194.0, 216.0, 238.0, 260.0}) b.Rule(40, y, 440, y);
  b.Text("Signature of Preparer", 45, 202, 6).Text("/s/ Tomas R. Villalobos", 45, 212);
  b.Text("Print Name of Preparer", 205, 202, 6).Text("Tomas R. Villalobos", 205, 212);
  b.Text("EOIR ID Number", 45, 224, 6).Text("TV418265", 45, 234);
  b.Text("Texas Bar No.", 205, 224, 6).Text("24071936", 205, 234);
  b.Text("Daytime Telephone", 325, 224, 6).Text("(713) 555-0175", 325, 234);
  b.Text("Firm", 45, 246, 6).Text("Villalobos & Greer Immigration Law, PLLC", 45, 256);
  pages.push_back(b.Build());
  LinkDocumentStructure(&pages);
  for (const Table& t : pages[1].layout.tables) {
    EXPECT_FALSE(t.header_inherited);
    for (const std::string& key : t.header_keys) EXPECT_NE(key, "dob");
  }
}

// Relatives listed under "Relative | Relationship | A-Number" on page 1;
// page 2 is a statement whose replaced words left wide gaps, read as two
// columns that do not start where the header's do. Before, the statement
// took the "Relative" header, its lines were found as names, and
// pseudonymizing the reportlab sample failed its own check.
TEST(Structure, ProseWithWideGapsTakesNoHeaderFromAnEarlierPage) {
  PageBuilder a;
  a.Text("Relative", 60, 100).Text("Relationship", 240, 100).Text("A-Number", 420, 100);
  a.Text("Ana Lopez", 60, 118).Text("Son", 240, 118).Text("A-888-274-101", 420, 118);
  a.Text("Rosa Lopez", 60, 136).Text("Mother", 240, 136).Text("none", 420, 136);
  std::vector<PageText> pages = {a.Build()};
  ASSERT_EQ(pages[0].layout.tables.size(), 1u);
  ASSERT_EQ(pages[0].layout.tables[0].header_keys[0], "name");
  PageBuilder b(2);
  b.Text("Statement of Class", 60, 100).Text("Member 2 , A-002 .", 165, 100);
  b.Text("I applied", 60, 114).Text("at the border in 2022.", 168, 114);
  b.Text("I had a credible", 60, 128).Text("in Otay Mesa.", 220, 128);
  pages.push_back(b.Build());
  LinkDocumentStructure(&pages);
  for (const Table& t : pages[1].layout.tables) {
    EXPECT_FALSE(t.header_inherited);
    for (const std::string& key : t.header_keys) EXPECT_TRUE(key.empty()) << key;
  }
}

TEST(Structure, ProseAndASignatureLineAreNotTables) {
  PageBuilder b;
  for (int k = 0; k < 6; ++k) {
    b.Text("The applicant testified credibly about the threats she received in Kharkiv and", 60, 100 + 14 * k);
  }
  b.Text("Dated: July 1, 2024", 60, 220).Text("/s/ Robert Chen", 380, 220);
  b.Text("Attorney for Plaintiffs", 380, 234);
  EXPECT_TRUE(b.Build().layout.tables.empty());
}

// Pleading paper: numbers 1-28 right-aligned left of the rule, one per
// ruled line (blank lines numbered too), the body 15 pt to their right.
PageText PleadingPage() {
  PageBuilder b;
  b.PleadingLineNumbers();
  b.Text("Plaintiff brings this action through counsel. Plaintiff Patrick H.", 139, 72 + 24 * 3, 12);
  b.Text("Peluso resides in San Diego County, California.", 79, 72 + 24 * 4, 12);
  b.Text("2 copies of the application were filed with the agency in 2019.", 79, 72 + 24 * 5, 12);
  return b.Build();
}

TEST(Structure, PleadingPaperLineNumbersAreAColumn) {
  const PageText page = PleadingPage();
  ASSERT_EQ(page.layout.line_numbers.size(), 28u);
  for (int n = 1; n <= 28; ++n) {
    EXPECT_EQ(page.words[page.layout.line_numbers[n - 1]].text, std::to_string(n));
  }
  // "2 copies" starts its line with a number, but not the column's.
  for (int w : page.layout.line_numbers) EXPECT_LT(page.words[w].box.x1, 65.0);
}

TEST(Structure, TranscriptLineNumbersWithMiddleDotsAreAColumn) {
  PageBuilder b;
  for (int n = 1; n <= 25; ++n) {
    b.Text("\xC2\xB7" + std::to_string(n) + "\xC2\xB7", 50, 90 + 24.0 * (n - 1), 12);
  }
  b.Text("Q. And your name is CRYSTAL LONG, is that right?", 72, 90 + 24 * 2, 12);
  EXPECT_EQ(b.Build().layout.line_numbers.size(), 25u);
}

TEST(Structure, NumberedParagraphsAndShortListsAreNoLineNumberColumn) {
  PageBuilder b;
  // Four numbered items: too few for a column.
  for (int n = 1; n <= 4; ++n) b.Text(std::to_string(n) + " The applicant testified.", 72, 100 + 14.0 * n);
  // Paragraph numbers down a page, at uneven pitch (paragraphs of 1 to 4 lines).
  double y = 200;
  for (int n = 1; n <= 10; ++n) {
    b.Text(std::to_string(n) + " The respondent was placed in removal proceedings.", 72, y);
    y += 14.0 * (1 + n % 4);
  }
  EXPECT_TRUE(b.Build().layout.line_numbers.empty());
}

// A mailing list whose wrapped cells Chromium sets as bands of their own:
// a row with no number is the numbered row's second line ("(212) 555-" over
// "0148"), so the phone column holds whole numbers.
TEST(Structure, UnruledRowsWithoutANumberContinueTheNumberedRowAbove) {
  PageBuilder b;
  b.Text("Notice list - members to be served by mail under the settlement agreement of the parties", 40, 60);
  b.Text("No.", 40, 100).Text("Name", 70, 100).Text("Mailing address", 200, 100).Text("Telephone", 380, 100);
  b.Text("1", 40, 120).Text("Tamar Okonkwo", 70, 120).Text("12 Birch Road, Unit 4, Reno, NV", 200, 120)
      .Text("(775) 555-", 380, 120);
  b.Text("Adeyemi", 70, 132).Text("89501", 200, 132).Text("0148", 380, 132);
  b.Text("2", 40, 150).Text("Ilse Varga", 70, 150).Text("3 Pine Court, Boise, ID 83702", 200, 150)
      .Text("(208) 555-0177", 380, 150);
  b.Text("3", 40, 168).Text("Quentin Mbeki", 70, 168).Text("77 Lake Street, Akron, OH", 200, 168)
      .Text("(330) 555-", 380, 168);
  b.Text("Tshabalala", 70, 180).Text("44308", 200, 180).Text("0102", 380, 180);
  const PageText page = b.Build();
  ASSERT_EQ(page.layout.tables.size(), 1u);
  const Table& t = page.layout.tables[0];
  EXPECT_EQ(t.header_keys, (std::vector<std::string>{"row", "name", "address", "phone"}));
  EXPECT_EQ(t.rows, 4);
  EXPECT_EQ(Cell(page, t, 1, 3), "(775) 555- 0148");
  EXPECT_EQ(Cell(page, t, 1, 1), "Tamar Okonkwo Adeyemi");
  EXPECT_EQ(Cell(page, t, 3, 3), "(330) 555- 0102");
}

// A form drawn as boxes, each holding its label and then its value on one
// line: no table, but fields.
TEST(Structure, BoxesHoldingALabelAndItsValueAreFields) {
  PageBuilder b;
  for (double x : {40.0, 220.0, 400.0, 570.0}) b.Rule(x, 400, x, 460);
  for (double y : {400.0, 430.0, 460.0}) b.Rule(40, y, 570, y);
  b.Text("3. Apellido(s) OYELOWO FERNANDEZ", 44, 418).Text("4. Primer nombre Itzel", 224, 418)
      .Text("5. Segundo nombre Marina", 404, 418);
  b.Text("8. Fecha de nacimiento 09/30/2011", 44, 448).Text("9. Sexo F", 224, 448);
  const PageText page = b.Build();
  EXPECT_TRUE(page.layout.tables.empty());
  std::map<std::string, std::vector<std::string>> values;
  for (const LabeledField& f : page.layout.fields) values[f.key].push_back(WordsText(page, f.value_words));
  EXPECT_EQ(values["name"], (std::vector<std::string>{"OYELOWO FERNANDEZ", "Itzel", "Marina"}));
  EXPECT_EQ(values["dob"], (std::vector<std::string>{"09/30/2011"}));
}

// probe24's credible fear worksheet (PyMuPDF): boxes numbered by section
// and item ("1.6 Date of Birth"), each label over its value. "1.6" read
// as item 1, then a label "6 date of birth" no list knows: no field, and
// the date of birth, the maiden name and the given name stayed.
TEST(Structure, BoxesNumberedBySectionAndItemAreFields) {
  PageBuilder b;
  for (double x : {36.0, 156.0, 326.0, 576.0}) b.Rule(x, 95, x, 143);
  for (double y : {95.0, 119.0, 143.0}) b.Rule(36, y, 576, y);
  b.Text("1.1 A-Number", 40, 103, 7).Text("1.2 Family Name", 160, 103, 7).Text("1.3 Given Name(s)", 330, 103, 7);
  b.Text("A#241663905", 40, 115, 10).Text("SADAT", 160, 115, 10).Text("PARWANA", 330, 115, 10);
  b.Text("1.5 Other Names Used", 40, 127, 7).Text("1.6 Date of Birth", 160, 127, 7).Text("1.10 Languages", 330, 127, 7);
  b.Text("HUSSAINI", 40, 139, 10).Text("02 JUN 1991", 160, 139, 10).Text("DARI, PASHTO", 330, 139, 10);
  const PageText page = b.Build();
  std::map<std::string, std::vector<std::string>> values;
  for (const LabeledField& f : page.layout.fields) values[f.key].push_back(WordsText(page, f.value_words));
  EXPECT_EQ(values["a_number"], (std::vector<std::string>{"A#241663905"}));
  EXPECT_EQ(values["name"], (std::vector<std::string>{"SADAT", "PARWANA", "HUSSAINI"}));
  EXPECT_EQ(values["dob"], (std::vector<std::string>{"02 JUN 1991"}));
  EXPECT_EQ(LabelKey("1.6 Date of Birth"), "dob");
  EXPECT_EQ(LabelKey("12.3.b Family Name"), "name");
}

// An I-589's boxes for each parent and sibling (Part A.III, item 5): every
// box prints its label again over its value, one row per relative, one of
// the labels ("Relationship") not one this code knows. Read as a table
// with no header, the names and places went untyped (probe29).
TEST(Structure, BoxesThatRepeatTheirLabelsInEveryRowAreFields) {
  PageBuilder b;
  for (double x : {36.0, 200.0, 380.0, 576.0}) b.Rule(x, 100, x, 220);
  for (double y : {100.0, 140.0, 180.0, 220.0}) b.Rule(36, y, 576, y);
  const double rows[] = {100.0, 140.0, 180.0};
  const char* const relation[] = {"Mother", "Father", "Sibling"};
  const char* const name[] = {"HADIATOU BAH", "ALPHA OUMAR DIALLO", "MARIAMA DIALLO"};
  const char* const place[] = {"LABE, GUINEA", "DECEASED", "BRONX, NY"};
  for (int r = 0; r < 3; ++r) {
    b.Text("Relationship", 40, rows[r] + 12, 7).Text("Full Name", 204, rows[r] + 12, 7);
    b.Text("City/Town and Country of Birth / Current Location", 384, rows[r] + 12, 7);
    b.Text(relation[r], 40, rows[r] + 30).Text(name[r], 204, rows[r] + 30).Text(place[r], 384, rows[r] + 30);
  }
  const PageText page = b.Build();
  EXPECT_TRUE(page.layout.tables.empty());
  std::map<std::string, std::vector<std::string>> values;
  for (const LabeledField& f : page.layout.fields) values[f.key].push_back(WordsText(page, f.value_words));
  EXPECT_EQ(values["name"], (std::vector<std::string>{"HADIATOU BAH", "ALPHA OUMAR DIALLO", "MARIAMA DIALLO"}));
  EXPECT_EQ(values["address"], (std::vector<std::string>{"LABE, GUINEA", "DECEASED", "BRONX, NY"}));
}

// A scanned intake form's right column (probe32), read by OCR: "Name",
// a wide gap, then the relative's name on the same line, no colon; the
// relatives' names stayed (only the first, under the column's heading,
// was found).
TEST(Structure, ALabelAWideGapBeforeItsValueOnOneScannedLineIsAField) {
  PageBuilder b;
  b.OcrWord("Family", 322, 150, 36, 90).OcrWord("members", 362, 150, 48, 90).OcrWord("in", 414, 150, 10, 90)
      .OcrWord("the", 428, 150, 18, 90).OcrWord("U.S.", 450, 150, 22, 90);
  b.OcrWord("Name", 323, 222, 28, 90).OcrWord("Nadege", 366, 222, 39, 90).OcrWord("C\xC3\xA9lestin", 409, 222, 41, 90);
  b.OcrWord("Relationship", 323, 236, 62, 90).OcrWord("Cousin", 398, 236, 34, 90);
  b.OcrWord("Name", 323, 272, 28, 90).OcrWord("Roseline", 368, 272, 42, 90).OcrWord("Dorvilus", 415, 272, 41, 90);
  b.OcrWord("Relationship", 323, 286, 62, 90).OcrWord("Aunt", 398, 286, 24, 90);
  const PageText page = b.Build();
  std::vector<std::string> names;
  for (const LabeledField& f : page.layout.fields) {
    if (f.key == "name") names.push_back(WordsText(page, f.value_words));
  }
  EXPECT_NE(std::find(names.begin(), names.end(), "Nadege C\xC3\xA9lestin"), names.end()) << ::testing::PrintToString(names);
  EXPECT_NE(std::find(names.begin(), names.end(), "Roseline Dorvilus"), names.end()) << ::testing::PrintToString(names);
}

// The I-589's own wordings of a person's other names and places.
TEST(Structure, LabelsOfTheAsylumApplicationsOwnItems) {
  EXPECT_EQ(LabelKey("7. What other names have you used (include maiden name and aliases)?"), "name");
  EXPECT_EQ(LabelKey("Number and Street"), "address");
  EXPECT_EQ(LabelKey("City/Town"), "address");
  EXPECT_EQ(LabelKey("Department, Province, or State"), "address");
  EXPECT_EQ(LabelKey("City/Town and Country of Birth"), "birthplace");
  EXPECT_EQ(LabelKey("City/Town and Country of Birth / Current Location"), "address");
  // Parts of two kinds that are no places stay no label.
  EXPECT_EQ(LabelKey("Full Name / Date of Birth"), "");
  // The I-94 record's number, in English and in the Spanish edition
  // (probe32: both numbers stayed).
  EXPECT_EQ(LabelKey("N\xC3\xBA" "mero I-94 (Registro de Entrada y Salida)"), "agency_number");
  EXPECT_EQ(LabelKey("19. N\xC3\xBA" "mero I-94 (si lo tiene)"), "agency_number");
}

// A credible-fear interview schedule (probe30): its rows' dates are the
// days of each applicant's screening, whose outcome the last column
// gives; a "Date of Entry" column stays a date.
TEST(Structure, AScreeningSchedulesDateColumnIsTheScreeningsDay) {
  PageBuilder b;
  b.Text("Date", 40, 100).Text("Applicant", 120, 100).Text("A-Number", 260, 100).Text("Date of Entry", 360, 100)
      .Text("Result", 470, 100);
  b.Text("04/07/2025", 40, 118).Text("CAAL TIUL, Luis Fernando", 120, 118).Text("A246113301", 260, 118)
      .Text("03/02/2025", 360, 118).Text("Positive", 470, 118);
  b.Text("04/07/2025", 40, 136).Text("CHAVEZ ARGUETA, Nohemi", 120, 136).Text("242-172-622", 260, 136)
      .Text("02/11/2025", 360, 136).Text("Negative", 470, 136);
  b.Text("04/08/2025", 40, 154).Text("CAMARA, Fatoumata", 120, 154).Text("A248963825", 260, 154)
      .Text("01/30/2025", 360, 154).Text("Referred to IJ", 470, 154);
  const PageText page = b.Build();
  ASSERT_EQ(page.layout.tables.size(), 1u);
  EXPECT_EQ(page.layout.tables[0].header_keys,
            (std::vector<std::string>{"credible_fear", "name", "a_number", "date", "credible_fear"}));
}

// A class appendix's column of the day each member's fear screening ended
// negatively (probe30): the outcome's kind inside a credible-fear label.
TEST(Structure, AFearScreeningsDateWithItsOutcomesKindIsACredibleFearLabel) {
  EXPECT_EQ(LabelKey("Date of Negative CF Determination"), "credible_fear");
  EXPECT_EQ(LabelKey("Negative CFI Result"), "credible_fear");
  EXPECT_EQ(LabelKey("Fecha de decision negativa"), "credible_fear");
  EXPECT_EQ(LabelKey("Negative Balance"), "");
  EXPECT_EQ(LabelKey("Date of Positive Review"), "");
}

// Boxes whose label wraps, or goes on past its known words, over the value
// on a line of its own: the rest of the label's lines stays label.
TEST(Structure, ALabelsOwnLinesInABoxAreNoValue) {
  PageBuilder b;
  for (double x : {40.0, 220.0, 400.0, 570.0}) b.Rule(x, 400, x, 490);
  for (double y : {400.0, 460.0, 490.0}) b.Rule(40, y, 570, y);
  b.Text("8. Fecha de nacimiento 09/30/2011", 44, 478).Text("9. Sexo F", 224, 478);
  b.Text("1. Numero A del", 44, 412, 8).Text("4. Apellido(s)", 224, 412, 8).Text("Telefono", 404, 412, 8);
  b.Text("conyuge", 44, 424, 8).Text("completo(s)", 224, 424, 8).Text("(505) 555-0142", 404, 430);
  b.Text("207-418-336", 44, 446).Text("QUISPE MAMANI", 224, 446);
  const PageText page = b.Build();
  EXPECT_TRUE(page.layout.tables.empty());
  std::map<std::string, std::vector<std::string>> values;
  for (const LabeledField& f : page.layout.fields) values[f.key].push_back(WordsText(page, f.value_words));
  EXPECT_EQ(values["a_number"], (std::vector<std::string>{"207-418-336"}));
  EXPECT_EQ(values["name"], (std::vector<std::string>{"QUISPE MAMANI"}));
  EXPECT_EQ(values["phone"], (std::vector<std::string>{"(505) 555-0142"}));
  EXPECT_EQ(values["dob"], (std::vector<std::string>{"09/30/2011"}));
}

// A form of boxes, label at the top of each and its value under it: the
// next box's label beside it, across a drawn line, is not its value.
TEST(Structure, TextAcrossADrawnLineIsNotALabelsValue) {
  PageBuilder b;
  for (double x : {40.0, 220.0, 400.0}) b.Rule(x, 400, x, 440);
  for (double y : {400.0, 440.0}) b.Rule(40, y, 400, y);
  b.Text("8. Date of birth", 44, 412, 8).Text("12. Included in this application?", 224, 412, 8);
  b.Text("11/23/2009", 44, 432).Text("Yes", 224, 432);
  const PageText page = b.Build();
  std::map<std::string, std::vector<std::string>> values;
  for (const LabeledField& f : page.layout.fields) values[f.key].push_back(WordsText(page, f.value_words));
  EXPECT_EQ(values["dob"], (std::vector<std::string>{"11/23/2009"}));
}

// An I-213 drawn as boxes, read again once its values are removed (apply's
// detection after removal): the first row's labels alone look like a
// header, but the row under it opens its boxes with labels too ("Country
// of Citizenship Peru"), so it stays a form and no column is typed "name"
// (which had every later cell, and the narrative under it, found as names).
TEST(Structure, AFormWhoseValuesAreRemovedIsNoTable) {
  PageBuilder b;
  for (double x : {40.0, 220.0, 400.0, 570.0}) b.Rule(x, 400, x, 490);
  for (double y : {400.0, 430.0, 460.0, 490.0}) b.Rule(40, y, 570, y);
  b.Text("Family Name", 44, 418).Text("First", 224, 418).Text("Middle", 404, 418);
  b.Text("FINS", 44, 448).Text("Date of Birth", 224, 448).Text("Country of Citizenship Peru", 404, 448);
  b.Text("Height 170", 44, 478).Text("Hair BRO", 224, 478).Text("Eyes BRO", 404, 478);
  const PageText page = b.Build();
  for (const Table& t : page.layout.tables) {
    for (const std::string& key : t.header_keys) EXPECT_NE(key, "name");
  }
}

// Apply reads a form again once its values are removed: a box left with its
// label alone ("3. Apellido(s) completo(s)") gives no value, and a label's
// note in parentheses on the line under it is no value either.
TEST(Structure, ALabelAloneOrItsNoteIsNoValue) {
  PageBuilder b;
  for (double x : {40.0, 220.0, 400.0, 570.0}) b.Rule(x, 400, x, 460);
  for (double y : {400.0, 430.0, 460.0}) b.Rule(40, y, 570, y);
  b.Text("3. Apellido(s) completo(s)", 44, 418).Text("4. Primer nombre Itzel", 224, 418)
      .Text("5. Segundo nombre Marina", 404, 418);
  b.Text("8. Fecha de nacimiento 09/30/2011", 44, 448).Text("9. Sexo F", 224, 448);
  b.Text("8. Mailing address in the U.S.", 44, 520);
  b.Text("(where you receive mail)", 44, 532);
  b.Text("12 Pine Road, Reno, NV 89501", 44, 546);
  const PageText page = b.Build();
  std::map<std::string, std::vector<std::string>> values;
  for (const LabeledField& f : page.layout.fields) values[f.key].push_back(WordsText(page, f.value_words));
  EXPECT_EQ(values["name"], (std::vector<std::string>{"Itzel", "Marina"}));
  EXPECT_EQ(values["address"], (std::vector<std::string>{"12 Pine Road, Reno, NV 89501"}));
}

// A DHS record's boxes, each a heading over its own value: the heading
// beside a label is the next box's, not the label's value — also once the
// label's own value is removed (apply's second reading), when only the
// smaller type of headings tells them from values. Before, "Scars and
// Marks (Type and Location)" and the tattoo under it were found as the
// address, and "Date of Action" as the date of birth.
TEST(Structure, AHeadingBesideALabelIsNoValue) {
  for (bool values_removed : {false, true}) {
    PageBuilder b;
    for (double y : {92.0, 125.0, 158.0}) b.Rule(36, y, 560, y);
    for (double x : {36.0, 390.0, 560.0}) b.Rule(x, 92, x, 125);
    for (double x : {36.0, 142.0, 256.0, 560.0}) b.Rule(x, 125, x, 158);
    b.Text("U.S. Address", 40, 100, 6).Text("Scars and Marks (Type and Location)", 394, 100, 6);
    if (!values_removed) b.Text("2210 W PIONEER PKWY APT 114, GRAND PRAIRIE, TX 75051", 40, 113, 9);
    b.Text("TATTOO L FOREARM", 395, 113, 9);
    b.Text("Date of Birth", 40, 133, 6).Text("Date of Action", 146, 133, 6).Text("Location Code", 260, 133, 6);
    if (!values_removed) b.Text("07/22/1998", 40, 146, 9);
    b.Text("03/04/2024", 146, 146, 9).Text("WSL/RGV", 260, 146, 9);
    const PageText page = b.Build();
    for (const LabeledField& f : page.layout.fields) {
      const std::string value = WordsText(page, f.value_words);
      for (const char* heading : {"Scars", "TATTOO", "Date of Action", "03/04/2024"}) {
        EXPECT_EQ(value.find(heading), std::string::npos) << f.key << ": " << value << (values_removed ? " (values removed)" : "");
      }
    }
  }
}

// A sworn statement's questions label their answers, on the question's
// line after "A:" or on the next line (OCR lost the scan's "Q:"/"A:"
// column): before, the mother's name and the last address were left in.
TEST(Structure, AStatementsQuestionsLabelTheirAnswers) {
  PageBuilder b;
  b.Text("Q: What is your mother's name? A: Marie-Ange Dorvil.", 60, 100);
  b.Text("What was your last address in Haiti?", 60, 114);
  b.Text("Rue Lamarre No. 34, Petion-Ville, Ouest.", 60, 128);
  b.Text("What is your date of birth?", 60, 142);
  b.Text("Of what country are you a citizen? A: Haiti.", 60, 156);
  b.Text("Q: What is your fear of return? A: The gang will kill me.", 60, 170);
  const PageText page = b.Build();
  std::map<std::string, std::vector<std::string>> values;
  for (const LabeledField& f : page.layout.fields) values[f.key].push_back(WordsText(page, f.value_words));
  EXPECT_EQ(values["name"], (std::vector<std::string>{"Marie-Ange Dorvil."}));
  EXPECT_EQ(values["address"], (std::vector<std::string>{"Rue Lamarre No. 34, Petion-Ville, Ouest."}));
  EXPECT_TRUE(values["dob"].empty());  // the next line asks again: no answer
  EXPECT_EQ(QuestionKey("true and complete name"), "name");
  EXPECT_EQ(QuestionKey("phone number in Haiti"), "phone");
  EXPECT_EQ(QuestionKey("fear of return"), "");
}

TEST(StructureLabels, FormLabelsInEnglishAndSpanish) {
  // A public person's particulars (a fresh Spanish I-589-style form).
  EXPECT_EQ(LabelKey("Teléfono del intérprete"), "public");
  EXPECT_EQ(LabelKey("Nombre completo del preparador"), "public");
  EXPECT_EQ(LabelKey("Preparer's Daytime Telephone Number"), "public");
  EXPECT_EQ(LabelKey("Name of interpreter"), "public");
  EXPECT_EQ(LabelKey("Asylum Office"), "office");
  // probe24: an I-213's boxes for the village lived in and the spouse; a
  // roster's maker; a notice's list of the children on the case.
  EXPECT_EQ(LabelKey("Number, Street, City, Province (State) and Country of Permanent Residence"), "address");
  EXPECT_EQ(LabelKey("Name, Address, and Nationality of Spouse (Maiden Name, if Appropriate)"), "name");
  EXPECT_EQ(LabelKey("Prepared by"), "public");
  EXPECT_EQ(LabelKey("Hijos incluidos"), "name");
  // probe25: an EOIR notice of hearing's numbered boxes.
  EXPECT_EQ(LabelKey("1. File No. (A-Number)"), "a_number");
  EXPECT_EQ(LabelKey("2. Respondent - Last name(s)"), "name");
  EXPECT_EQ(LabelKey("3. First / middle name"), "name");
  EXPECT_EQ(LabelKey("4. Mailing address of respondent (as provided on Form EOIR-33)"), "address");
  EXPECT_EQ(LabelKey("5. Rider / derivative respondent"), "name");
  // probe25: a scanned asylum officer's notes (the interview's day).
  EXPECT_EQ(LabelKey("Interview"), "credible_fear");
  // A supervisor's review names the reviewer (probe21: "Supervisory
  // review: Angela R. Whitcomb, Supervisory Asylum Officer").
  EXPECT_EQ(LabelKey("Supervisory review"), "");
  // probe21's scanned I-589 receipt: the derivatives listed under it.
  EXPECT_EQ(LabelKey("Derivative family members included in this application"), "name");
  size_t barred_end = 0;
  EXPECT_EQ(LabelKeyBeforeColon("Week of 09/15/2025 | Prepared by: Renée Aboagye, LOP Coordinator", &barred_end),
            "public");
  EXPECT_EQ(barred_end, std::string("Week of 09/15/2025 | Prepared by:").size());
  EXPECT_EQ(LabelKey("Código postal"), "address");
  EXPECT_EQ(LabelKey("Ciudad"), "address");
  EXPECT_EQ(LabelKey("Zip Code"), "address");
  EXPECT_EQ(LabelKey("Child(ren)"), "name");
  EXPECT_EQ(LabelKey("U.S. contact (applicant's cousin)"), "name");
  EXPECT_EQ(LabelKey("Family Name (Last Name)"), "name");
  // An I-213's parents' boxes: the name comes first (they were left in).
  EXPECT_EQ(LabelKey("Father's Name, Nationality, and Address, if Known"), "name");
  EXPECT_EQ(LabelKey("Mother's Present and Maiden Names, Nationality, and Address, if Known"), "name");
  EXPECT_EQ(LabelKey("Country, Name"), "");
  // A notice's family contacts (a bilingual notice of rights).
  EXPECT_EQ(LabelKey("Mother:"), "name");
  EXPECT_EQ(LabelKey("Madre"), "name");
  EXPECT_EQ(LabelKey("Contacto familiar"), "name");
  // An asylum notice's derivatives (a child on the parent's I-589).
  EXPECT_EQ(LabelKey("Derivative (I-589 Part A.III):"), "name");
  EXPECT_EQ(LabelKey("Principal Applicant:"), "name");
  EXPECT_EQ(LabelKey("Dependents"), "name");
  EXPECT_EQ(LabelKey("Client"), "name");
  // An I-589's other numbers and dates for the applicant and each relative.
  EXPECT_EQ(LabelKey("2. Passport/ID Card Number (if any)"), "agency_number");
  EXPECT_EQ(LabelKey("19.b. What is your current I-94 Number, if any?"), "agency_number");
  EXPECT_EQ(LabelKey("18. I-94 Number (if any)"), "agency_number");
  EXPECT_EQ(LabelKey("3. USCIS Online Account Number (if any)"), "agency_number");
  EXPECT_EQ(LabelKey("9. Date of Marriage (mm/dd/yyyy)"), "dob");
  EXPECT_EQ(LabelKey("3. Date of Birth (mm/dd/yyyy) / Fecha de nac."), "dob");
  EXPECT_EQ(LabelKey("Passport Number and Country of Issue"), "agency_number");
  EXPECT_EQ(LabelKey("Fingerprint Identification Number System (FINS)"), "agency_number");
  EXPECT_EQ(LabelKey("Apellido(s)"), "name");
  EXPECT_EQ(LabelKey("Given Name (First Name) / Nombre(s)"), "name");
  EXPECT_EQ(LabelKey("1. Alien Registration Number (A-Number) (if any)"), "a_number");
  EXPECT_EQ(LabelKey("Número A"), "a_number");
  EXPECT_EQ(LabelKey("A#"), "a_number");
  EXPECT_EQ(LabelKey("F. nac."), "dob");
  EXPECT_EQ(LabelKey("Date of Birth"), "dob");
  EXPECT_EQ(LabelKey("CFI outcome"), "credible_fear");
  // A determination's questions, answered by check boxes.
  EXPECT_EQ(LabelKey("Credible fear of persecution established:"), "credible_fear");
  EXPECT_EQ(LabelKey("Reasonable fear of torture established"), "credible_fear");
  EXPECT_EQ(LabelKey("Miedo creíble de persecución establecido:"), "credible_fear");
  EXPECT_EQ(LabelKey("Interpreter used:"), "");
  EXPECT_EQ(LabelKey("Country of birth"), "country");
  // Near misses: not a person's label, or two labels of different kinds.
  EXPECT_EQ(LabelKey("Name of the court"), "");
  EXPECT_EQ(LabelKey("Name / Date of Birth"), "");
  // A header naming the parts of one thing, a plural marker.
  EXPECT_EQ(LabelKey("Family name, given name(s)"), "name");
  EXPECT_EQ(LabelKey("Apellido(s), nombre(s)"), "name");
  EXPECT_EQ(LabelKey("Given name(s)"), "name");
  EXPECT_EQ(LabelKey("Name, Date of Birth"), "");
  EXPECT_EQ(LabelKey("Country, Facility"), "");
  // Not a protected name label: the interpreter's names are public.
  EXPECT_EQ(LabelKey("Interpreter name(s)"), "public");
  EXPECT_FALSE(IsProtectedLabelKey(LabelKey("Interpreter name(s)")));
  // Headers in the plural, names by the person's role, first names.
  EXPECT_EQ(LabelKey("Dates of birth"), "dob");
  EXPECT_EQ(LabelKey("A-Numbers"), "a_number");
  EXPECT_EQ(LabelKey("Telephones"), "phone");
  EXPECT_EQ(LabelKey("Addresses"), "address");
  EXPECT_EQ(LabelKey("Nombre del detenido"), "name");
  EXPECT_EQ(LabelKey("Nombre de la solicitante"), "name");
  EXPECT_EQ(LabelKey("Detainee name"), "name");
  EXPECT_EQ(LabelKey("Primer nombre"), "name");
  EXPECT_EQ(LabelKey("4. Complete Last Name"), "name");
  EXPECT_EQ(LabelKey("Nombre del juez"), "");
  EXPECT_EQ(LabelKey("Officer name"), "");
  EXPECT_EQ(LabelKey("Facilities"), "facility");
  // A note in parentheses after the label.
  EXPECT_EQ(LabelKey("Family Name (CAPS)"), "name");
  EXPECT_EQ(LabelKey("Date of Birth (as on passport)"), "dob");
  EXPECT_EQ(LabelKey("Court (of venue)"), "");
  EXPECT_EQ(LabelKey("Telefono (505)"), "");  // an area code is a value, no note
  // The issue's list: a credible-fear status column, a cell phone.
  EXPECT_EQ(LabelKey("Credible-fear status"), "credible_fear");
  EXPECT_EQ(LabelKey("CFI status"), "credible_fear");
  EXPECT_EQ(LabelKey("Estado MCF"), "credible_fear");
  EXPECT_EQ(LabelKey("Cell"), "phone");
  EXPECT_EQ(LabelKey("Status"), "");
  size_t end = 0;
  EXPECT_EQ(LabelKeyBeforeColon("DOB: 1990-02-14", &end), "dob");
  EXPECT_EQ(end, 4u);
  EXPECT_TRUE(IsColumnOnlyLabel("Outcome"));
}

// A label beside comb boxes, one letter drawn in each (an EOIR notice's
// "Respondent - Last name(s)" over "B R I C E Ñ O  C A R R A S Q U E L"):
// the letters are its value, a word's box left empty between words.
// Before, each box's drawn edge read as the next box's boundary, and the
// surname and given names went unread and stayed.
TEST(Structure, LettersInCombBoxesAreTheValueOfTheLabelBeside) {
  PageBuilder b;
  b.CombField("2. Respondent - Last name(s)", "BRICE?O CARRASQUEL", 24, 180);
  b.Text("In removal proceedings under section 240 of the Act, your case has been scheduled.", 40, 230, 9);
  const PageText page = b.Build();
  std::vector<std::string> names;
  for (const LabeledField& f : page.layout.fields) {
    if (f.key == "name") names.push_back(WordsText(page, f.value_words));
  }
  EXPECT_EQ(names, std::vector<std::string>{"B R I C E ? O C A R R A S Q U E L"});
}

// A table whose protected columns are blacked out (an output's boxes, or
// apply reading a page as its output will read) is the same table: a
// drawn one whose first column holds only its header is no form of that
// header's label beside the next cell ("Sponsor address" beside "Bond").
TEST(StructureBlanks, RuledTableWhoseNamesAreBlackedOutKeepsItsHeader) {
  PageBuilder b;
  const double xs[] = {40, 200, 300, 380, 460};
  const double ys[] = {80, 96, 120, 144, 168};
  for (double x : xs) b.Rule(x, 80, x, 168);
  for (double y : ys) b.Rule(40, y, 460, y);
  b.Text("Client", 42, 92).Text("Sponsor address", 202, 92).Text("Bond", 302, 92).Text("Hearing", 382, 92);
  const char* bonds[] = {"$7,500", "$5,000", "parole"};
  for (int r = 0; r < 3; ++r) {
    const double y = 112 + 24.0 * r;
    b.Blank(42, y - 8, 150, y + 2).Blank(202, y - 8, 280, y + 2);
    b.Text(bonds[r], 302, y).Text("08/14/2025", 382, y);
  }
  const PageText page = b.Build();
  ASSERT_EQ(page.layout.tables.size(), 1u);
  const Table& t = page.layout.tables[0];
  EXPECT_EQ(t.header_rows, 1);
  EXPECT_EQ(t.header_keys[0], "name");
  EXPECT_EQ(t.header_keys[1], "address");
  EXPECT_EQ(t.header_keys[2], "");
  for (const LabeledField& f : page.layout.fields) ADD_FAILURE() << "field " << WordsText(page, f.label_words);
}

// An unruled table keeps its columns when the cells of some are blacked
// out: a column whose only text is its header is still a column.
TEST(StructureBlanks, UnruledTableKeepsTheColumnsOfBlackedOutCells) {
  PageBuilder b;
  b.Text("Client", 40, 100).Text("A-Number", 160, 100).Text("Phone", 240, 100).Text("Bond", 320, 100)
      .Text("Hearing", 380, 100);
  const char* bonds[] = {"$7,500", "$5,000", "parole"};
  for (int r = 0; r < 3; ++r) {
    const double y = 124 + 24.0 * r;
    b.Blank(40, y - 8, 140, y + 2).Blank(160, y - 8, 220, y + 2).Blank(240, y - 8, 300, y + 2);
    b.Text(bonds[r], 320, y).Text("08/14/2025", 380, y);
  }
  const PageText page = b.Build();
  ASSERT_EQ(page.layout.tables.size(), 1u);
  const Table& t = page.layout.tables[0];
  EXPECT_EQ(t.columns, 5);
  EXPECT_EQ(t.header_keys, (std::vector<std::string>{"name", "a_number", "phone", "", ""}));
  EXPECT_EQ(Cell(page, t, 1, 3), "$7,500");
  EXPECT_EQ(Cell(page, t, 1, 0), "");
}

// A label whose value is blacked out has that value: the next line is no
// value of it, whether the box touches the label or stands apart.
TEST(StructureBlanks, ALabelWhoseValueIsBlackedOutTakesNoOtherLine) {
  for (const double gap : {3.0, 20.0}) {
    PageBuilder b;
    b.Text("Name:", 40, 100).Blank(40 + 25 + gap, 92, 200, 102);
    b.Text("Honduras", 40, 114);
    const PageText page = b.Build();
    for (const LabeledField& f : page.layout.fields) {
      ADD_FAILURE() << "gap " << gap << ": " << f.key << " = " << WordsText(page, f.value_words);
    }
  }
}

}  // namespace
}  // namespace redact
