// A document's language, for the words redact draws into it.
#include "stages/detect/language.h"

#include <gtest/gtest.h>

namespace redact {
namespace {

TEST(GuessLanguage, SpanishProseIsSpanish) {
  EXPECT_EQ(GuessLanguage("Yo, Marisol Quintero, declaro lo siguiente bajo pena de perjurio: salí de mi país "
                          "con mis dos hijos porque los hombres que mataron a mi hermano me buscaban en la casa."),
            DocumentLanguage::kSpanish);
}

TEST(GuessLanguage, EnglishProseIsEnglish) {
  EXPECT_EQ(GuessLanguage("The court has considered the motion and the declarations filed with it, and for the "
                          "reasons that follow the motion is granted in part."),
            DocumentLanguage::kEnglish);
}

TEST(GuessLanguage, AnEnglishBriefQuotingASpanishSentenceStaysEnglish) {
  EXPECT_EQ(GuessLanguage("Plaintiff testified that the officer told her \"no hay asilo para usted\". The record "
                          "shows that she was not given a copy of the form, and that the interview was not "
                          "translated for her. The court finds that this was error, and it is reversed."),
            DocumentLanguage::kEnglish);
}

TEST(GuessLanguage, ASpanishFormWithAnEnglishCertificateIsSpanish) {
  EXPECT_EQ(GuessLanguage("Apellido(s) Nombre(s) Fecha de nacimiento País de nacimiento Dirección de la residencia "
                          "en los Estados Unidos. Describa con detalle por qué solicita asilo y lo que le pasó a "
                          "usted y a su familia en su país. Certificate of translation: I certify that I am "
                          "competent to translate from Spanish into English."),
            DocumentLanguage::kSpanish);
}

TEST(GuessLanguage, TooLittleTextToTellIsEnglish) {
  EXPECT_EQ(GuessLanguage(""), DocumentLanguage::kEnglish);
  EXPECT_EQ(GuessLanguage("A-212-345-678 03/04/1990"), DocumentLanguage::kEnglish);
  EXPECT_EQ(GuessLanguage("de la"), DocumentLanguage::kEnglish);
}

TEST(GuessLanguage, PagesCountTogether) {
  PageText a, b;
  a.text = "Nombre del solicitante";
  b.text = "La solicitud de asilo fue presentada por el abogado de la familia en la corte de inmigración.";
  EXPECT_EQ(GuessLanguage(std::vector<PageText>{a, b}), DocumentLanguage::kSpanish);
}

}  // namespace
}  // namespace redact
