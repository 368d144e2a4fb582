#include "pipeline/output_names.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <regex>

namespace redact {
namespace {

// The detector with the shipped rules and a two-person list, and the
// pseudonymizer the job would use.
struct Namer {
  Namer() {
    auto rules = LoadRulesDirectory(REDACT_SOURCE_DIR "/patterns");
    EXPECT_TRUE(rules.has_value());
    auto names = NamesIndex::FromCsvText(
        "id,first,middle,last,a_number\n"
        "P1,Maria,,Garcia-Lopez,A201234567\n"
        "P2,Oksana,,Petrenko,A215555019\n",
        "names.csv");
    EXPECT_TRUE(names.has_value());
    detector = std::make_unique<Detector>(std::move(*rules), std::move(*names), Policy{});
    pseudonyms = std::make_unique<Pseudonymizer>(PseudonymStyle{}, detector->names(), &hasher);
  }
  std::vector<NamedOutput> Name(const std::vector<std::string>& inputs, OutputNaming naming) const {
    return NameOutputs(inputs, naming, *detector, *pseudonyms);
  }
  KeyedHasher hasher{std::string(32, 'k')};
  std::unique_ptr<Detector> detector;
  std::unique_ptr<Pseudonymizer> pseudonyms;
};

bool HoldsIdentifier(const std::string& path) {
  std::string lower = path;
  std::transform(lower.begin(), lower.end(), lower.begin(), ::tolower);
  for (const char* id : {"garcia", "lopez", "maria", "petrenko", "oksana", "201234567", "215555019"}) {
    if (lower.find(id) != std::string::npos) return true;
  }
  return false;
}

TEST(OutputNames, ComponentsHoldingFindingsTakeThePseudonym) {
  Namer n;
  const auto named = n.Name({"Garcia-Lopez_Maria_A201234567_declaration.pdf",
                             "Petrenko Oksana/exhibits/i589_Petrenko.pdf", "clean/order.pdf"},
                            OutputNaming::kPseudonym);
  ASSERT_EQ(named.size(), 3u);
  EXPECT_EQ(named[0].output, "Applicant-1_A-XXX-XXX-001_declaration.pdf");
  // "I-589" is the asylum application: that someone filed one is itself
  // protected (8 CFR 208.6), so it goes too.
  EXPECT_EQ(named[1].output, "Applicant-2/exhibits/protected_Applicant-2.pdf");
  EXPECT_EQ(named[2].output, "clean/order.pdf");
  EXPECT_TRUE(named[2].findings.empty());
  for (const NamedOutput& o : named) EXPECT_FALSE(HoldsIdentifier(o.output)) << o.output;
  // What the path held is reported (for the sealed mapping), by component.
  ASSERT_GE(named[0].findings.size(), 2u);
  EXPECT_EQ(named[0].findings[0].page, 1);
}

TEST(OutputNames, ASurnameAloneInAPathIsFound) {
  // File names are chosen to name someone: a listed surname needs no full
  // mention first there.
  Namer n;
  const auto named = n.Name({"exhibits/Petrenko.pdf", "Garcia-Lopez/notes.pdf"}, OutputNaming::kPseudonym);
  EXPECT_EQ(named[0].output, "exhibits/Applicant-2.pdf");
  EXPECT_EQ(named[1].output, "Applicant-1/notes.pdf");
}

TEST(OutputNames, SequenceAndKeep) {
  Namer n;
  const std::vector<std::string> inputs = {"Garcia-Lopez Maria/a.PDF", "b.pdf"};
  const auto seq = n.Name(inputs, OutputNaming::kSequence);
  EXPECT_EQ(seq[0].output, "doc-000001.pdf");
  EXPECT_EQ(seq[1].output, "doc-000002.pdf");
  EXPECT_FALSE(seq[0].findings.empty());  // reported whatever the naming
  const auto keep = n.Name(inputs, OutputNaming::kKeep);
  EXPECT_EQ(keep[0].output, inputs[0]);
  EXPECT_EQ(keep[1].output, inputs[1]);
}

TEST(OutputNames, CollisionsAreResolvedInInputOrder) {
  Namer n;
  // Both become "Applicant-1/declaration.pdf"; a third input already uses
  // the "-2" name, case aside.
  const auto named = n.Name({"Garcia-Lopez Maria/declaration.pdf", "Maria Garcia-Lopez/declaration.pdf",
                             "applicant-1/Declaration-2.pdf"},
                            OutputNaming::kPseudonym);
  EXPECT_EQ(named[0].output, "Applicant-1/declaration.pdf");
  EXPECT_EQ(named[1].output, "Applicant-1/declaration-2.pdf");
  EXPECT_EQ(named[2].output, "applicant-1/Declaration-2-2.pdf");
  // The same inputs name the same way every time (every run and shard).
  const auto again = n.Name({"Garcia-Lopez Maria/declaration.pdf", "Maria Garcia-Lopez/declaration.pdf",
                             "applicant-1/Declaration-2.pdf"},
                            OutputNaming::kPseudonym);
  for (size_t i = 0; i < named.size(); ++i) EXPECT_EQ(named[i].output, again[i].output);
}

TEST(OutputNames, ParseOutputNaming) {
  EXPECT_EQ(*ParseOutputNaming("sequence"), OutputNaming::kSequence);
  EXPECT_FALSE(ParseOutputNaming("hide").has_value());
}

// "Petrenko_Oksana/Petrenko_Oksana_motion.pdf": the matches in the folder
// and in the file ran together over the line between them, and only the
// folder was renamed.
TEST(OutputNames, AFolderAndAFileNamedAfterOnePersonAreBothRewritten) {
  Namer n;
  const auto named = n.Name({"Petrenko_Oksana/Petrenko_Oksana_motion.pdf", "Oksana/Petrenko.pdf"},
                            OutputNaming::kPseudonym);
  ASSERT_EQ(named.size(), 2u);
  EXPECT_EQ(named[0].output, "Applicant-2/Applicant-2_motion.pdf");
  for (const NamedOutput& o : named) {
    EXPECT_FALSE(HoldsIdentifier(o.output)) << o.output;
    EXPECT_FALSE(o.still_identifies) << o.output;
  }
}

// An output path the rewrite could not clean (kept names under "keep") is
// marked, and the document fails instead of appearing under it.
TEST(OutputNames, AnOutputThatStillNamesSomeoneIsMarkedToFail) {
  Namer n;
  const auto named = n.Name({"Petrenko_Oksana/motion.pdf", "clean/order.pdf"}, OutputNaming::kKeep);
  ASSERT_EQ(named.size(), 2u);
  EXPECT_TRUE(named[0].still_identifies);
  EXPECT_FALSE(named[1].still_identifies);
  const Status s = OutputNameProblem(named[0], "input 1");
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(s.message().find("Petrenko"), std::string::npos) << s.message();
  EXPECT_TRUE(OutputNameProblem(named[1], "input 2").ok());
}

// Pseudonyms of people not on the list never look like a row of it
// ("Class Member 1682307" did): another word, and a hyphenated number no
// row has. Every style has shorter forms for tight spaces.
TEST(Pseudonyms, UnlistedPeopleNeverLookLikeARowOfTheList) {
  Namer n;
  Finding listed, unlisted;
  listed.category = unlisted.category = "name";
  listed.entity = n.detector->names()->entities()[1].id;
  listed.value = "oksana petrenko";
  unlisted.value = "rosa nunez mejia";
  PseudonymStyle style;
  style.words.name_label = "Class Member";
  Pseudonymizer p(style, n.detector->names(), &n.hasher);
  EXPECT_EQ(p.Forms(listed), (std::vector<std::string>{"Class Member 2", "CM-2"}));
  const std::vector<std::string> forms = p.Forms(unlisted);
  ASSERT_EQ(forms.size(), 2u);
  EXPECT_TRUE(std::regex_match(forms[0], std::regex("Unlisted Person [0-9]{3}-[0-9]{3}"))) << forms[0];
  EXPECT_TRUE(std::regex_match(forms[1], std::regex("UP-[0-9]{3}-[0-9]{3}"))) << forms[1];
  for (const char* name : {"label", "token", "doe", "initials"}) {
    PseudonymStyle s2;
    s2.name = name;
    Pseudonymizer q(s2, n.detector->names(), &n.hasher);
    const std::string u = q.For(unlisted);
    EXPECT_FALSE(std::regex_match(u, std::regex(".*[^-0-9][0-9]+"))) << name << ": " << u;
    EXPECT_NE(u.find('-'), std::string::npos) << name << ": " << u;
  }
  Finding a_number;
  a_number.category = "a_number";
  a_number.entity = listed.entity;
  style.a_number = "reference";
  Pseudonymizer r(style, n.detector->names(), &n.hasher);
  EXPECT_EQ(r.Forms(a_number), (std::vector<std::string>{"[A-number of Class Member 2]", "A-XXX-XXX-002", "A-002"}));
}

// A Spanish document's pseudonyms and placeholders are Spanish words
// ("[dob]" and "[protected]" used to appear in Spanish declarations); the
// person's number is the same in either language.
TEST(Pseudonyms, ASpanishDocumentGetsSpanishWords) {
  Namer n;
  Finding listed, unlisted, dob, fear, phone, a_number;
  listed.category = unlisted.category = "name";
  listed.entity = a_number.entity = n.detector->names()->entities()[1].id;
  listed.value = "oksana petrenko";
  unlisted.value = "rosa nunez mejia";
  dob.category = "dob";
  fear.category = "credible_fear";
  phone.category = "phone";
  a_number.category = "a_number";
  PseudonymStyle style;
  style.a_number = "reference";
  Pseudonymizer p(style, n.detector->names(), &n.hasher);
  const OutputWords es = BuiltInWords(DocumentLanguage::kSpanish);
  EXPECT_EQ(p.Forms(listed, es), (std::vector<std::string>{"Solicitante 2", "S-2"}));
  EXPECT_EQ(p.Forms(listed), (std::vector<std::string>{"Applicant 2", "A-2"}));
  const std::vector<std::string> forms = p.Forms(unlisted, es);
  ASSERT_EQ(forms.size(), 2u);
  EXPECT_TRUE(std::regex_match(forms[0], std::regex("Persona no listada [0-9]{3}-[0-9]{3}"))) << forms[0];
  EXPECT_EQ(forms[0].substr(forms[0].size() - 7), p.Forms(unlisted)[0].substr(p.Forms(unlisted)[0].size() - 7));
  EXPECT_EQ(p.Forms(dob, es), (std::vector<std::string>{"[f. nac.]", "[x]"}));
  EXPECT_EQ(p.Forms(dob), (std::vector<std::string>{"[dob]", "[x]"}));
  EXPECT_EQ(p.Forms(fear, es), (std::vector<std::string>{"[protegido]", "[prot.]", "[x]"}));
  EXPECT_EQ(p.Forms(fear), (std::vector<std::string>{"[protected]", "[prot.]", "[x]"}));
  EXPECT_EQ(p.Forms(phone, es), (std::vector<std::string>{"[teléfono]", "[x]"}));
  EXPECT_EQ(p.Forms(a_number, es).front(), "[Número A de Solicitante 2]");
  // Our own Spanish pseudonyms do not read as names when the output is
  // checked: a family cue captured "Persona" of "Persona no listada
  // 670-826" ("no" is lower case) and the self-check refused the output.
  for (const char* text : {"Mi esposo, Persona no listada 670-826, sigue en El Salvador.",
                           "Yo, Solicitante 3, declaro lo siguiente. Mi hija, Persona 461-463, vive conmigo.",
                           "My husband, Unlisted Person 670-826, stayed in El Salvador."}) {
    for (const Finding& f : n.detector->DetectText(text)) EXPECT_NE(f.category, "name") << text << ": " << f.value;
  }
  PseudonymStyle token;
  token.name = "token";
  Pseudonymizer t(token, n.detector->names(), &n.hasher);
  EXPECT_TRUE(std::regex_match(t.For(unlisted), std::regex("Person [0-9]{3}-[0-9]{3}")));
  EXPECT_TRUE(std::regex_match(t.Forms(unlisted, es)[0], std::regex("Persona [0-9]{3}-[0-9]{3}")));
}

}  // namespace
}  // namespace redact
