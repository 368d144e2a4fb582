// The words redact draws: WinAnsi encoding (what Helvetica can show) and
// the language codes the policy names.
#include "core/output_words.h"

#include <gtest/gtest.h>

namespace redact {
namespace {

TEST(Utf8ToWinAnsi, LatinLettersAndPunctuationHaveOneByteEach) {
  EXPECT_EQ(Utf8ToWinAnsi("Solicitante 12"), "Solicitante 12");
  EXPECT_EQ(Utf8ToWinAnsi("teléfono"), "tel\xE9" "fono");
  EXPECT_EQ(Utf8ToWinAnsi("n.º de recibo"), "n.\xBA de recibo");
  EXPECT_EQ(Utf8ToWinAnsi("Ñandú — €"), "\xD1" "and\xFA \x97 \x80");
  EXPECT_EQ(Utf8ToWinAnsi("Œuvre “x”"), "\x8C" "uvre \x93x\x94");
}

TEST(Utf8ToWinAnsi, WhatWinAnsiCannotShowIsRefusedOrShownAsTheReplacement) {
  EXPECT_EQ(Utf8ToWinAnsi("申请人"), std::nullopt);
  EXPECT_EQ(Utf8ToWinAnsi("Заявитель"), std::nullopt);
  EXPECT_EQ(Utf8ToWinAnsi("a\nb"), std::nullopt);       // control characters
  EXPECT_EQ(Utf8ToWinAnsi("caf\xC3"), std::nullopt);    // a cut sequence
  EXPECT_EQ(Utf8ToWinAnsi("申 A", '?'), "? A");
  EXPECT_EQ(Utf8ToWinAnsi("caf\xC3", '?'), "caf?");
}

TEST(OutputWords, LanguageCodesRoundTrip) {
  for (DocumentLanguage l : AllLanguages()) EXPECT_EQ(ParseLanguageCode(LanguageCode(l)), l);
  EXPECT_EQ(ParseLanguageCode("fr"), std::nullopt);
  EXPECT_EQ(ParseLanguageCode("ES"), std::nullopt);
}

TEST(OutputWords, BuiltInWordsAreEncodableAndSpanishIsSpanish) {
  for (DocumentLanguage l : AllLanguages()) {
    const OutputWords w = BuiltInWords(l);
    for (const std::string* word : {&w.name_label, &w.unlisted_label, &w.person, &w.a_number_of}) {
      EXPECT_FALSE(word->empty());
      EXPECT_TRUE(Utf8ToWinAnsi(*word).has_value()) << *word;
    }
    for (const auto& [category, word] : w.placeholders) EXPECT_TRUE(Utf8ToWinAnsi(word).has_value()) << word;
  }
  const OutputWords es = BuiltInWords(DocumentLanguage::kSpanish);
  EXPECT_EQ(es.name_label, "Solicitante");
  EXPECT_EQ(es.PlaceholderFor("dob"), "f. nac.");
  EXPECT_EQ(es.PlaceholderFor("credible_fear"), "protegido");
  const OutputWords en = BuiltInWords(DocumentLanguage::kEnglish);
  EXPECT_EQ(en.PlaceholderFor("dob"), "dob");
  EXPECT_EQ(en.PlaceholderFor("credible_fear"), "protected");
  EXPECT_EQ(en.PlaceholderFor("a_rule_of_our_own"), "a_rule_of_our_own");
}

}  // namespace
}  // namespace redact
