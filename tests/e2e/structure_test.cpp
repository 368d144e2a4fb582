// The structure stage end to end: `redact apply` on PDFs laid out as tables,
// forms and signature blocks, judged by `pdftotext` (poppler), and `redact
// scan` on a scanned table. Without a names list: what the layout says is
// protected goes, what it says is public (counsel, translators, facilities)
// stays. Fixtures: tests/data/structure/make_structure_pdfs.py and samples/.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "tests/testing/require_tool.h"
#include "tests/testing/subprocess.h"

namespace redact {
namespace {

namespace fs = std::filesystem;
using testing::RunCommand;

const std::string kTop = REDACT_SOURCE_DIR;
const std::string kData = kTop + "/tests/data/structure/";

bool Has(const std::string& text, const std::string& what) {
  return text.find(what) != std::string::npos;
}

// The text pdftotext reads from `pdf` redacted without a names list.
std::string AppliedText(const std::string& pdf) {
  const fs::path out = fs::temp_directory_path() / ("redact_structure_" + fs::path(pdf).stem().string());
  fs::remove_all(out);
  auto r = RunCommand({REDACT_BINARY, "apply", "--no-names", "--out", out.string(), pdf});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return RunCommand({"pdftotext", "-layout", (out / fs::path(pdf).filename()).string(), "-"}).out;
}

class StructureE2e : public ::testing::Test {
 protected:
  void SetUp() override { REDACT_REQUIRE_TOOL("pdftotext"); }
};

// Check-box answers to a determination's questions (issue 15): the box a
// check mark fills says the outcome as plainly as "Positive" would. The
// whole answer line goes (a box over the one checked square would say
// which it was); questions, and check boxes of a question that protects
// nothing, stay. Before, every answer stayed.
TEST_F(StructureE2e, CheckBoxAnswersToADeterminationGo) {
  const std::string text = AppliedText(kData + "checkbox_determination_reportlab.pdf");
  std::istringstream lines(text);
  std::vector<std::string> answers;  // the lines after each question
  std::string prev;
  for (std::string line; std::getline(lines, line); prev = line) {
    if (Has(prev, "persecution established:")) answers.push_back(line);
    if (Has(line, "torture established:")) answers.push_back(line.substr(line.find(':') + 1));
    if (Has(line, "Interpreter used:")) answers.push_back(line.substr(line.find(':') + 1));
  }
  ASSERT_EQ(answers.size(), 3u) << text;
  for (int i = 0; i < 2; ++i) {
    for (const char* gone : {"Yes", "No", "\u25A0"}) EXPECT_FALSE(Has(answers[i], gone)) << i << ": " << answers[i];
  }
  EXPECT_TRUE(Has(answers[2], "\u25A0 Yes") && Has(answers[2], "No")) << "a public answer was lost: " << answers[2];
  // The questions stay ("credible fear" itself is removed wherever it
  // stands, as before), and so do the labels of the stacked column beside
  // the name: "Language:" is no name, though a name cue's capture ran
  // onto it.
  for (const char* kept : {"of persecution established:", "of torture established:", "Language:", "Quechua",
                           "8 C.F.R. 208.6"}) {
    EXPECT_TRUE(Has(text, kept)) << kept << "\n" << text;
  }
  EXPECT_FALSE(Has(text, "QUILLEHUE")) << text;
}

TEST_F(StructureE2e, RuledTableCellsGoAndFacilitiesStay) {
  const std::string text = AppliedText(kData + "ruled_table_reportlab.pdf");
  for (const char* gone : {"SHEVCHENKO", "Yuliia", "219 876 543", "1990-02-14", "KARIMI", "2001-06-07",
                           "ABEBE", "203 998 120", "1979-09-21"}) {
    EXPECT_FALSE(Has(text, gone)) << gone << "\n" << text;
  }
  for (const char* kept : {"Otay Mesa Detention Center", "Imperial Regional Facility", "Nombre",
                           "8 C.F.R. 235.3(b)(4)"}) {
    EXPECT_TRUE(Has(text, kept)) << kept << "\n" << text;
  }
}

// Headers grouped over two rows ("Class Member" / "Identifiers" over the
// sub-headers), ruled with spanning cells and unruled with sub-headers
// wrapped over two lines: the cells go by their column, countries and
// facilities stay.
TEST_F(StructureE2e, GroupedHeaderColumnsGoAndPublicColumnsStay) {
  const std::string text = AppliedText(kData + "grouped_header_reportlab.pdf");
  for (const char* gone : {"OLIYNYK", "Halyna", "A-214-337-905", "03/22/1988", "MENDOZA", "Aurelio",
                           "209 554 118", "1976-12-05", "TESFAMARIAM", "088120447", "10/09/2001",
                           "AHMADZAI", "A215006932", "1994-01-17"}) {
    EXPECT_FALSE(Has(text, gone)) << gone << "\n" << text;
  }
  for (const char* kept : {"Guatemala", "Afghanistan", "Krome North SPC", "Eloy Detention", "Legal Aid Office",
                           "Class Member", "Date of birth", "Citizenship"}) {
    EXPECT_TRUE(Has(text, kept)) << kept << "\n" << text;
  }
}

// Family units (reportlab, ruled): headers in the plural ("A-Numbers",
// "Dates of birth") and one line per family member in each cell. The
// dates of birth, with no listed person to tie them to, go by their column.
TEST_F(StructureE2e, PluralHeadersTypeTheirColumns) {
  const std::string text = AppliedText(kData + "family_units_reportlab.pdf");
  for (const char* gone : {"1986-07-19", "2015-02-03", "1991-11-28", "2019-06-14", "1979-03-30",
                           "Odalys", "A204417329", "Hnatiuk"}) {
    EXPECT_FALSE(Has(text, gone)) << gone << "\n" << text;
  }
  for (const char* kept : {"Peru", "Kenya", "Ukraine", "Dates of birth", "A-Numbers", "Dilley, Texas"}) {
    EXPECT_TRUE(Has(text, kept)) << kept << "\n" << text;
  }
}

// A mailing list printed by Chromium: an unruled table numbered by "No.",
// whose Telephone column wraps "(617) 555-" over "0163"; the wrapped lines
// are one row with the numbered line above them, so every phone goes whole.
TEST_F(StructureE2e, WrappedPhonesInAChromiumMailingListGo) {
  const std::string text = AppliedText(kData + "mailing_list_chromium.pdf");
  for (const char* gone : {"(505) 555-", "0142", "(617) 555-", "0163", "(847) 555-", "0118", "(208) 555-",
                           "0190", "Abdelrahman", "Quarry Street"}) {
    EXPECT_FALSE(Has(text, gone)) << gone << "\n" << text;
  }
  for (const char* kept : {"Telephone", "Mailing address", "Notice list"}) {
    EXPECT_TRUE(Has(text, kept)) << kept << "\n" << text;
  }
}

TEST_F(StructureE2e, ValuesBelowFormLabelsGoAndLabelsStay) {
  const std::string text = AppliedText(kData + "label_above_form_reportlab.pdf");
  for (const char* gone : {"SHEVCHENKO", "Yuliia", "02/14/1990", "219 876 543"}) {
    EXPECT_FALSE(Has(text, gone)) << gone << "\n" << text;
  }
  for (const char* kept : {"Family Name (Last Name)", "Apellido(s)", "Fecha de nacimiento", "Ukraine",
                           "Ukrainian"}) {
    EXPECT_TRUE(Has(text, kept)) << kept << "\n" << text;
  }
}

TEST_F(StructureE2e, CounselSignatureBlockStaysWhole) {
  const std::string text = AppliedText(kData + "counsel_signature_reportlab.pdf");
  for (const char* kept : {"/s/ Laura Kim", "Laura Kim (SBN 123456)", "Kim & Ortega Immigration Law LLP",
                           "600 B Street, Suite 300", "(619) 555-0100", "lkim@kimortega.example.com",
                           "Attorney for Petitioner"}) {
    EXPECT_TRUE(Has(text, kept)) << kept << "\n" << text;
  }
}

// groff -ms sets a .QP quotation with no more space before it than between
// lines, so it runs in one block with the paragraphs around it: the
// regulation it quotes in general terms stays whole, the notation on the
// plaintiff's record and the plaintiff's name go.
TEST_F(StructureE2e, ARegulationQuotedInGeneralTermsStaysWhole) {
  const std::string text = AppliedText(kData + "quoted_regulation_groff.pdf");
  for (const char* kept : {"any reasonable fear determination conducted pursuant to",
                           "or to any application for asylum, shall not be disclosed", "8 C.F.R."}) {
    EXPECT_TRUE(Has(text, kept)) << kept << "\n" << text;
  }
  for (const char* gone : {"Vandermeer", "credible fear", "May 2, 2024"}) {
    EXPECT_FALSE(Has(text, gone)) << gone << "\n" << text;
  }
}

TEST_F(StructureE2e, CertificateKeepsTheTranslatorAndRemovesTheDeclarant) {
  const std::string text = AppliedText(kData + "translator_certificate_reportlab.pdf");
  EXPECT_TRUE(Has(text, "I, Elena Vasquez, certify")) << text;
  EXPECT_TRUE(Has(text, "Elena Vasquez, Certified Court Interpreter")) << text;
  EXPECT_TRUE(Has(text, "1200 Third Avenue")) << text;
  EXPECT_TRUE(Has(text, "(619) 555-0177")) << text;
  EXPECT_FALSE(Has(text, "Morales")) << text;
  EXPECT_FALSE(Has(text, "Lucía")) << text;
}

TEST_F(StructureE2e, ClassListDatesOfBirthGoWithoutANamesList) {
  const std::string text = AppliedText(kTop + "/samples/class_list_chromium.pdf");
  for (const char* gone : {"03/14/1987", "11/02/1979", "07/30/1995", "01/05/1990", "09/09/1984",
                           "12/24/1992", "05/17/1988", "02/28/2001", "HERNÁNDEZ", "Guadalupe",
                           "PETRENKO", "BEKELE", "Tesfaye"}) {
    EXPECT_FALSE(Has(text, gone)) << gone << "\n" << text;
  }
  for (const char* kept : {"Honduras", "Ukraine", "Legal Aid Office", "DEF-000123"}) {
    EXPECT_TRUE(Has(text, kept)) << kept << "\n" << text;
  }
}

TEST_F(StructureE2e, MotionNamesThePlaintiffWithoutANamesList) {
  const std::string text = AppliedText(kTop + "/samples/motion_pdflatex_cm.pdf");
  EXPECT_FALSE(Has(text, "Oksana")) << text;
  EXPECT_FALSE(Has(text, "Petrenko")) << text;
  EXPECT_TRUE(Has(text, "Robert Chen")) << text;
  EXPECT_TRUE(Has(text, "Attorney for Plaintiffs")) << text;
}

TEST_F(StructureE2e, ScannedClassListDatesOfBirthAreFoundByTheirColumn) {
  REDACT_REQUIRE_TOOL("tesseract");
  setenv("OMP_THREAD_LIMIT", "1", 1);
  auto r = RunCommand({REDACT_BINARY, "scan", "--format", "json",
                       kTop + "/samples/scans/class_list_g4_300dpi.pdf"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const nlohmann::json j = nlohmann::json::parse(r.out);
  // Every date of birth of the table lies inside a finding (OCR may misread
  // one); most are found as dates of birth because of their column.
  std::string found;
  int by_column = 0;
  for (const auto& f : j["documents"][0]["findings"]) {
    found += f["text"].get<std::string>() + "\n";
    EXPECT_FALSE(f["reason"].get<std::string>().empty());
    by_column += f["category"] == "dob" && f["basis"] == "column";
  }
  int dobs = 0;
  for (const char* dob : {"03/14/1987", "11/02/1979", "07/30/1995", "01/05/1990", "09/09/1984",
                          "12/24/1992", "05/17/1988", "02/28/2001"}) {
    dobs += Has(found, dob);
  }
  EXPECT_GE(dobs, 7);
  EXPECT_GE(by_column, 5);
}

// A redacted table's black boxes (filled, not stroked, as redaction marks
// are drawn) are no cell borders. Read as a grid, they made the prose line
// under the emptied table of this status report (whose own removed name is
// boxed too) a row of it; verification found a "credible fear" cell there
// ("with") and withheld the output.
TEST_F(StructureE2e, ARedactedTablesBoxesAreNoGridForTheProseBelow) {
  const std::string eval = kTop + "/tests/data/eval/";
  const fs::path out = fs::temp_directory_path() / "redact_structure_boxes";
  fs::remove_all(out);
  auto r = RunCommand({REDACT_BINARY, "apply", "--names", eval + "names.csv", "--policy", eval + "policy.toml",
                       "--out", out.string(), eval + "docs/o05_status_report_libreoffice.pdf"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  const std::string text =
      RunCommand({"pdftotext", "-layout", (out / "o05_status_report_libreoffice.pdf").string(), "-"}).out;
  EXPECT_TRUE(Has(text, "continues to confer with")) << text;
  for (const char* outcome : {"Positive", "Negative", "Pending"}) EXPECT_FALSE(Has(text, outcome)) << text;
}

}  // namespace
}  // namespace redact
