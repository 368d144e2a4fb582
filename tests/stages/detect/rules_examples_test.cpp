// Every rule file entry carries examples it must find and near misses it
// must not. This suite checks all of them, for the shipped patterns/ and so
// for any rule a user adds there.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "stages/detect/detector.h"

namespace redact {
namespace {

class ShippedRules : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto rules = LoadRulesDirectory(std::string(REDACT_SOURCE_DIR) + "/patterns");
    ASSERT_TRUE(rules.has_value()) << rules.error().ToString();
    detector_ = new Detector(std::move(*rules), std::nullopt, Policy{});
  }
  static void TearDownTestSuite() { delete detector_; }

  static bool Finds(const std::string& text, const std::string& category, bool as_ocr = false) {
    for (const Finding& f : detector_->DetectText(text, as_ocr)) {
      if (f.category == category) return true;
    }
    return false;
  }

  static Detector* detector_;
};
Detector* ShippedRules::detector_ = nullptr;

// A line that breaks after an identifier's own hyphen (LibreOffice wraps
// there): bench/peers.sh's filing kept 357 of 14,000 phone numbers so.
// Each is found whole, across the break.
TEST_F(ShippedRules, IdentifiersWrappedAtTheirOwnHyphen) {
  const std::string text =
      "The applicant may be reached at (354) 508-\n9030. Her A-number is A-201-\n234-567 and\n"
      "her receipt number EAC-21-\n900-12345.\n";
  std::vector<std::string> found;
  for (const Finding& f : detector_->DetectText(text)) {
    found.push_back(f.category + ":" + text.substr(f.begin, f.end - f.begin));
  }
  std::sort(found.begin(), found.end());
  EXPECT_EQ(found, (std::vector<std::string>{"a_number:A-201-\n234-567", "phone:(354) 508-\n9030",
                                             "receipt_number:EAC-21-\n900-12345"}));
}

// probe26's Spanish notice: the addressee block "3418 Sudbury Road, Apto.
// 12" / "Charlotte, NC 28205" lost only its street; "Apto." (and "Depto.")
// is an apartment as "Apt." is, and the city line after it belongs to the
// address.
TEST_F(ShippedRules, ASpanishApartmentKeepsItsCityLine) {
  const std::string text = "Sra. Yesenia Maritza Guardado\n3418 Sudbury Road, Apto. 12\nCharlotte, NC 28205\n";
  std::vector<std::string> found;
  for (const Finding& f : detector_->DetectText(text)) {
    if (f.category == "address") found.push_back(text.substr(f.begin, f.end - f.begin));
  }
  EXPECT_EQ(found, (std::vector<std::string>{"3418 Sudbury Road, Apto. 12\nCharlotte, NC 28205"}));
}

// A bond tracker's wrapped notes (probe31): the street number ends a
// line, and no comma stands between the city and the state. Only the
// street was found, or nothing.
TEST_F(ShippedRules, AWrappedNoteKeepsItsStreetNumberAndCityLine) {
  const std::string text =
      "Sponsor: sister Yesenia Argueta Ruiz, 9104\nBissonnet St Apt 221, Houston TX 77074,\ntel 281-555-0163.\n"
      "Released to 4420 Lyons Ave, Houston TX 77020\n(aunt Kadiatou Traore).\n";
  std::vector<std::string> found;
  for (const Finding& f : detector_->DetectText(text)) {
    if (f.category == "address") found.push_back(text.substr(f.begin, f.end - f.begin));
  }
  EXPECT_EQ(found, (std::vector<std::string>{"9104\nBissonnet St Apt 221, Houston TX 77074",
                                             "4420 Lyons Ave, Houston TX 77020"}));
}

// The same notes date a screening between its abbreviation and its
// outcome: "CFI 01/28/2025 positive" stayed whole.
// A referral memo's status notation: the outcome and the referral's date
// are this person's (probe34: the date and "ASYLUM NOT GRANTED" stayed).
TEST_F(ShippedRules, AReferralsDateAndTheOutcomeBeforeItAreTheNotation) {
  const std::string text = "Status notation for the applicant: ASYLUM NOT\nGRANTED \xE2\x80\x93 REFERRED TO IJ 11/04/2024.\n";
  std::vector<std::string> found;
  for (const Finding& f : detector_->DetectText(text)) {
    if (f.category == "credible_fear") found.push_back(text.substr(f.begin, f.end - f.begin));
  }
  EXPECT_EQ(found, (std::vector<std::string>{"ASYLUM NOT\nGRANTED", "REFERRED TO IJ 11/04/2024"}));
}

TEST_F(ShippedRules, AScreeningsDateBetweenItsAbbreviationAndOutcomeIsTheNotation) {
  const std::string text = "SIV denied. CFI 01/28/2025 positive. Brother Ahmad Safi sponsor.\n";
  std::vector<std::string> found;
  for (const Finding& f : detector_->DetectText(text)) {
    if (f.category == "credible_fear") found.push_back(text.substr(f.begin, f.end - f.begin));
  }
  EXPECT_EQ(found, (std::vector<std::string>{"CFI 01/28/2025 positive"}));
  // The interview's date alone after its abbreviation (a brief's
  // footnote, probe33).
  const std::string footnote = "Tr. at 45; Exh. 2 (CFI 05/19/2022); Tr. at 12.\n";
  found.clear();
  for (const Finding& f : detector_->DetectText(footnote)) {
    if (f.category == "credible_fear") found.push_back(footnote.substr(f.begin, f.end - f.begin));
  }
  EXPECT_EQ(found, (std::vector<std::string>{"CFI 05/19/2022"}));
}

TEST_F(ShippedRules, PatternAndLexiconExamplesAndNearMisses) {
  int checked = 0;
  for (const PatternRule& r : detector_->rules().rules) {
    EXPECT_FALSE(r.examples.empty()) << r.where << ": rule " << r.id << " has no examples";
    for (const std::string& e : r.examples) {
      EXPECT_TRUE(Finds(e, r.category, r.ocr_only)) << r.where << ": " << r.id << " misses example: " << e;
      ++checked;
    }
    for (const std::string& n : r.near_misses) {
      EXPECT_FALSE(Finds(n, r.category, r.ocr_only)) << r.where << ": " << r.id << " fires on: " << n;
      ++checked;
    }
  }
  EXPECT_GT(checked, 80);
}

TEST_F(ShippedRules, NameCueExamplesAndNearMisses) {
  for (const NameCue& c : detector_->rules().name_cues) {
    EXPECT_FALSE(c.examples.empty()) << c.where << ": cue " << c.id << " has no examples";
    for (const std::string& e : c.examples) {
      EXPECT_TRUE(Finds(e, "name")) << c.where << ": " << c.id << " misses example: " << e;
    }
    for (const std::string& n : c.near_misses) {
      EXPECT_FALSE(Finds(n, "name")) << c.where << ": " << c.id << " fires on: " << n;
    }
  }
}

TEST_F(ShippedRules, OcrOnlyRulesIgnoreATextLayer) {
  // A bare 10-digit number in a text layer is not an A-number; read by OCR
  // it may be one whose A was misread.
  EXPECT_FALSE(Finds("ref 1 701234567 filed", "a_number"));
  EXPECT_TRUE(Finds("ref 1 701234567 filed", "a_number", /*as_ocr=*/true));
}

TEST_F(ShippedRules, IdentifiersOnScannedTextWithLettersForDigits) {
  // OCR puts O for 0, l or I for 1, S for 5, B for 8 inside numbers; every
  // identifier rule reads them back on OCR'd text, and only there.
  const struct {
    const char* text;
    const char* category;
  } cases[] = {
      {"receipt number EAC219OO12345 issued", "receipt_number"},
      {"SSN 212-4S-6789 on file", "ssn"},
      {"Date of birth: O3/l4/1987", "dob"},
      {"call (6l9) 555-Ol42 today", "phone"},
      {"A-Number: A2O1-234-S67", "a_number"},
  };
  for (const auto& c : cases) {
    EXPECT_TRUE(Finds(c.text, c.category, /*as_ocr=*/true)) << c.text;
    EXPECT_FALSE(Finds(c.text, c.category)) << "a text layer says what it says: " << c.text;
  }
  // Letters that are letters stay letters.
  EXPECT_FALSE(Finds("Lisbon is a bliss, sob", "phone", true));
  EXPECT_FALSE(Finds("the SOB-123 lobbies", "ssn", true));
}

TEST(RuleLoading, ErrorsNameFileAndLine) {
  const std::string dir = ::testing::TempDir() + "/redact_rules_bad";
  std::filesystem::create_directories(dir);
  auto write = [&](const std::string& body) {
    std::ofstream(dir + "/bad.toml") << body;
    return LoadRulesDirectory(dir);
  };
  auto bad_regex = write("[[rule]]\nid = \"x\"\ncategory = \"a\"\npattern = '''(unclosed'''\n");
  ASSERT_FALSE(bad_regex.has_value());
  EXPECT_NE(bad_regex.error().message().find("bad.toml:4"), std::string::npos)
      << bad_regex.error().message();
  EXPECT_NE(bad_regex.error().message().find("missing )"), std::string::npos);

  auto typo = write("[[rule]]\nid = \"x\"\ncategory = \"a\"\npattern = 'a'\ncontxt = \"y\"\n");
  ASSERT_FALSE(typo.has_value());
  EXPECT_NE(typo.error().message().find("unknown key 'contxt'"), std::string::npos);

  auto syntax = write("[[rule]]\nid = \"x\n");
  ASSERT_FALSE(syntax.has_value());
  EXPECT_NE(syntax.error().message().find("bad.toml:2"), std::string::npos)
      << syntax.error().message();

  auto context = write("[[rule]]\nid = \"x\"\ncategory = \"a\"\npattern = 'a'\ncontext = \"nope\"\n");
  ASSERT_FALSE(context.has_value());
  EXPECT_NE(context.error().message().find("unknown context 'nope'"), std::string::npos);

  auto dup = write("[[rule]]\nid = \"x\"\ncategory = \"a\"\npattern = 'a'\n"
                   "[[rule]]\nid = \"x\"\ncategory = \"a\"\npattern = 'b'\n");
  ASSERT_FALSE(dup.has_value());
  EXPECT_NE(dup.error().message().find("duplicate id"), std::string::npos);

  for (const char* length : {"[12, 6]", "[0, 4]", "[6]", "6", "['a', 'b']"}) {
    auto bad = write(std::string("[[rule]]\nid = \"x\"\ncategory = \"a\"\npattern = 'a'\nlength = ") + length + "\n");
    ASSERT_FALSE(bad.has_value()) << length;
    EXPECT_NE(bad.error().message().find("bad.toml:5"), std::string::npos) << bad.error().message();
    EXPECT_NE(bad.error().message().find("length must be"), std::string::npos) << bad.error().message();
  }

  // A cue's own capturing group would be taken for the name (group 1).
  auto cue_group = write("[[name_cue]]\nid = \"c\"\npattern = '''(Applicant|Solicitante):\\s+'''\n");
  ASSERT_FALSE(cue_group.has_value());
  EXPECT_NE(cue_group.error().message().find("bad.toml:3"), std::string::npos) << cue_group.error().message();
  EXPECT_NE(cue_group.error().message().find("(?:"), std::string::npos) << cue_group.error().message();
}

// `length` bounds the group, so a pattern can say what a match must hold
// (agency_number: three digits) and still mean 6 to 12 letters and digits.
TEST(RuleLoading, LengthBoundsTheGroup) {
  const std::string dir = ::testing::TempDir() + "/redact_rules_length";
  std::filesystem::create_directories(dir);
  std::ofstream(dir + "/mine.toml") << "[[rule]]\nid = \"ref\"\ncategory = \"ref\"\n"
                                       "pattern = '''\\b((?:[a-z]*[0-9]){3}[a-z0-9]*)\\b'''\ngroup = 1\n"
                                       "length = [6, 12]\n";
  auto rules = LoadRulesDirectory(dir);
  ASSERT_TRUE(rules.has_value()) << rules.error().ToString();
  Detector d(std::move(*rules), std::nullopt, Policy{});
  std::vector<std::string> found;
  const std::string text = "ab123 ab1234 123456789012 1234567890123 x1y2z3w";
  for (const Finding& f : d.DetectText(text)) found.push_back(text.substr(f.begin, f.end - f.begin));
  EXPECT_EQ(found, (std::vector<std::string>{"ab1234", "123456789012", "x1y2z3w"}));
}

TEST(RuleLoading, UserRuleWithoutRecompiling) {
  const std::string dir = ::testing::TempDir() + "/redact_rules_user";
  std::filesystem::create_directories(dir);
  std::ofstream(dir + "/mine.toml") << "[[rule]]\nid = \"case.ref\"\ncategory = \"case_ref\"\n"
                                       "pattern = '''\\bref-(\\d{6})\\b'''\ngroup = 1\n";
  auto rules = LoadRulesDirectory(dir);
  ASSERT_TRUE(rules.has_value()) << rules.error().ToString();
  Detector d(std::move(*rules), std::nullopt, Policy{});
  auto f = d.DetectText("see REF-123456 today");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].category, "case_ref");
  EXPECT_EQ(f[0].begin, 8u);
  EXPECT_EQ(f[0].end, 14u);
}

TEST(Lexicon, PhrasesIgnoreAccentsHyphensAndSpacing) {
  EXPECT_EQ(PhraseToPattern("I-589"), "i[\\s-]*589");
  EXPECT_EQ(PhraseToPattern("miedo creíble"), "miedo[\\s-]+creible");
}

}  // namespace
}  // namespace redact
