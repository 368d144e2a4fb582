#include "pipeline/output_names.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <memory>

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

}  // namespace
}  // namespace redact
