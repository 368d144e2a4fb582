// What each annotation of a marked-up review PDF means
// (pipeline/reviewed_pdf.h), decided over plain data: a recorded findings
// file and the annotations a viewer left.
#include "pipeline/reviewed_pdf.h"

#include <gtest/gtest.h>

#include "stages/write_review/review.h"

namespace redact {
namespace {

const char kSource[] = "x.review.pdf";

// A record of two findings on page 1 (ids 1 and 2) and one annotation the
// input had (a Link on page 1).
ReviewPdf Recorded() {
  ReviewPdf pdf;
  pdf.page_count = 2;
  nlohmann::json file = {{"file", "x.pdf"}, {"sha256", std::string(64, 'a')}, {"pages", 2}};
  file["findings"] = {{{"id", 1}, {"page", 1}, {"category", "name"}, {"rule", "names_list"},
                       {"why", "list: names list"}, {"text", "Ana"}, {"boxes", {{10, 10, 40, 20}}}},
                      {{"id", 2}, {"page", 1}, {"category", "a_number"}, {"rule", "a_number"},
                       {"why", "rule: A-number"}, {"text", "A201234567"}, {"boxes", {{50, 10, 90, 20}}}}};
  pdf.record = nlohmann::json{{"findings_file", file},
                              {"input_annotations", {{{"page", 1}, {"subtype", "Link"}, {"rect", {0, 0, 5, 5}}}}},
                              {"page_content", {"d1", "d2"}}};
  pdf.page_content = {"d1", "d2"};
  return pdf;
}

SeenAnnotation Annot(int page, int index, std::string subtype, std::string name = "", std::string contents = "") {
  SeenAnnotation a;
  a.page = page;
  a.index = index;
  a.subtype = std::move(subtype);
  a.name = std::move(name);
  a.contents = std::move(contents);
  a.has_rect = true;
  a.rect = {100, 100, 200, 150};
  return a;
}

SeenAnnotation Highlight(int id, int index, std::string contents = "") {
  return Annot(1, index, "Highlight", kReviewNamePrefix + std::to_string(id), std::move(contents));
}

std::vector<long long> Ids(const ReviewedFindings& r) {
  std::vector<long long> ids;
  for (const auto& f : r.json["findings"]) ids.push_back(f.value("id", -1LL));
  return ids;
}

TEST(ReviewedPdf, HighlightsLeftKeepTheirFindingsAndADeletedOneRejectsIt) {
  ReviewPdf pdf = Recorded();
  pdf.annotations = {Highlight(2, 1)};
  StatusOr<ReviewedFindings> r = ReviewedFromAnnotations(pdf, kSource);
  ASSERT_TRUE(r) << r.error().message();
  EXPECT_EQ(Ids(*r), std::vector<long long>{2});
  EXPECT_EQ(r->json["sha256"], std::string(64, 'a'));  // still bound to its input
  EXPECT_EQ(r->kind, ReviewedFindings::Kind::kReviewPdf);
  EXPECT_TRUE(ValidateFindings(r->json, kSource, 2).ok());
}

TEST(ReviewedPdf, EveryKindAPersonDrawsIsAnArea) {
  for (const char* kind : {"Square", "Circle", "Redact", "Ink", "Polygon", "PolyLine", "Highlight", "Underline",
                           "StrikeOut", "Squiggly"}) {
    ReviewPdf pdf = Recorded();
    pdf.annotations = {Highlight(1, 1), Highlight(2, 2), Annot(2, 1, kind, "a-viewer-uuid")};
    StatusOr<ReviewedFindings> r = ReviewedFromAnnotations(pdf, kSource);
    ASSERT_TRUE(r) << kind << ": " << r.error().message();
    ASSERT_EQ(r->json["findings"].size(), 3u) << kind;
    const nlohmann::json& area = r->json["findings"][2];
    EXPECT_EQ(area["page"], 2) << kind;
    EXPECT_EQ(area["category"], "manual") << kind;
    EXPECT_EQ(area["boxes"], nlohmann::json({{100, 100, 200, 150}})) << kind;
  }
}

TEST(ReviewedPdf, RedactAndTextMarkupUseTheirQuadsOverTheirRect) {
  ReviewPdf pdf = Recorded();
  SeenAnnotation redact = Annot(1, 3, "Redact");
  redact.marked = {{110, 100, 150, 112}, {100, 120, 130, 132}};
  SeenAnnotation square = Annot(1, 4, "Square");
  square.marked = {{0, 0, 1, 1}};  // a Square's QuadPoints mean nothing
  pdf.annotations = {redact, square};
  StatusOr<ReviewedFindings> r = ReviewedFromAnnotations(pdf, kSource);
  ASSERT_TRUE(r) << r.error().message();
  ASSERT_EQ(r->json["findings"].size(), 2u);
  EXPECT_EQ(r->json["findings"][0]["boxes"], nlohmann::json({{110, 100, 150, 112}, {100, 120, 130, 132}}));
  EXPECT_EQ(r->json["findings"][0]["rule"], "pdf_redact");
  EXPECT_EQ(r->json["findings"][1]["boxes"], nlohmann::json({{100, 100, 200, 150}}));
}

TEST(ReviewedPdf, AChangedNoteChangesCategoryAndLabel) {
  ReviewPdf pdf = Recorded();
  const std::string written = ReviewNote("name", "names_list", "list: names list");
  pdf.annotations = {Highlight(1, 1, "Category: Witness\r\nrule: names_list\nlabel:  Client 1 \n"),
                     Highlight(2, 2, ReviewNote("a_number", "a_number", "rule: A-number")),
                     Annot(1, 3, "Square", "", "label: Photo")};
  StatusOr<ReviewedFindings> r = ReviewedFromAnnotations(pdf, kSource);
  ASSERT_TRUE(r) << r.error().message();
  ASSERT_EQ(r->json["findings"].size(), 3u);
  EXPECT_EQ(r->json["findings"][0]["category"], "witness");
  EXPECT_EQ(r->json["findings"][0]["label"], "Client 1");
  EXPECT_EQ(r->json["findings"][1]["category"], "a_number");  // its note as review wrote it
  EXPECT_FALSE(r->json["findings"][1].contains("label"));
  EXPECT_EQ(r->json["findings"][2]["label"], "Photo");
  EXPECT_TRUE(ValidateFindings(r->json, kSource, 2).ok());
  EXPECT_NE(written.find("category: name\n"), std::string::npos);
}

TEST(ReviewedPdf, PopupsAndTheInputsOwnAnnotationsMeanNothing) {
  ReviewPdf pdf = Recorded();
  SeenAnnotation link = Annot(1, 2, "Link");
  link.rect = {0.2, 0, 5, 5.3};
  SeenAnnotation popup = Annot(1, 3, "Popup");
  popup.has_parent = true;
  pdf.annotations = {Highlight(1, 1), link, popup, Highlight(2, 4)};
  StatusOr<ReviewedFindings> r = ReviewedFromAnnotations(pdf, kSource);
  ASSERT_TRUE(r) << r.error().message();
  EXPECT_EQ(Ids(*r), (std::vector<long long>{1, 2}));
}

TEST(ReviewedPdf, WhatItCannotInterpretIsAnErrorNamingPageNumberAndKindNeverText) {
  ReviewPdf pdf = Recorded();
  SeenAnnotation link = Annot(2, 1, "Link");  // not the input's: that one is on page 1
  SeenAnnotation empty = Annot(1, 5, "Square");
  empty.rect = {10, 10, 10, 40};
  pdf.annotations = {Annot(1, 1, "FreeText", "", "remove Ana's mother"),
                     Annot(1, 2, "Text", "", "also her son"),
                     Highlight(7, 3),                                     // a finding this copy did not show
                     Annot(1, 4, "Square", kReviewNamePrefix + std::string("1")),  // redact's name, not a highlight
                     empty,
                     Highlight(1, 6, "keep Ana, she is counsel"),
                     Highlight(2, 7, "category: a_number\nrule: Lopez_rule"),
                     Annot(1, 8, "Maria Lopez"),
                     link};
  StatusOr<ReviewedFindings> r = ReviewedFromAnnotations(pdf, kSource);
  ASSERT_FALSE(r);
  const std::string& m = r.error().message();
  EXPECT_EQ(r.error().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(m.find("x.review.pdf: 9 mark(s) or change(s) redact cannot interpret; nothing was applied"), std::string::npos) << m;
  for (const char* where : {"page 1, annotation 1 (FreeText): a text box", "page 1, annotation 2 (Text): a sticky note",
                            "page 1, annotation 3 (Highlight): it carries a redact finding name",
                            "page 1, annotation 4 (Square): it carries a redact finding name",
                            "page 1, annotation 5 (Square): it marks no area",
                            "page 1, annotation 6 (Highlight) (finding 1): its note has a line that is not",
                            "page 1, annotation 7 (Highlight) (finding 2): its \"rule:\" line was changed",
                            "page 1, annotation 8 (an unknown kind)", "page 2, annotation 1 (Link)"}) {
    EXPECT_NE(m.find(where), std::string::npos) << where << "\n" << m;
  }
  for (const char* text : {"Ana", "mother", "son", "counsel", "Maria", "Lopez"}) {
    EXPECT_EQ(m.find(text), std::string::npos) << text << " quoted in: " << m;
  }
}

TEST(ReviewedPdf, APageWhoseContentChangedIsAnError) {
  ReviewPdf pdf = Recorded();
  pdf.annotations = {Highlight(1, 1), Highlight(2, 2)};
  pdf.page_content[1] = "redactions applied";
  StatusOr<ReviewedFindings> r = ReviewedFromAnnotations(pdf, kSource);
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message().find("1 mark(s) or change(s)"), std::string::npos) << r.error().message();
  EXPECT_NE(r.error().message().find("page 2: its content was changed in the viewer"), std::string::npos);
  pdf.page_content.push_back("d3");  // a page added
  r = ReviewedFromAnnotations(pdf, kSource);
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message().find("the copy has 3 page(s), review made it with 2"), std::string::npos);
  // A record from before page digests checks nothing.
  pdf.record->erase("page_content");
  EXPECT_TRUE(ReviewedFromAnnotations(pdf, kSource));
}

TEST(ReviewedPdf, ACopyWithoutItsRecordIsRefusedSayingWhatToDo) {
  ReviewPdf pdf = Recorded();
  pdf.record.reset();
  pdf.annotations = {Highlight(1, 1)};
  StatusOr<ReviewedFindings> r = ReviewedFromAnnotations(pdf, kSource);
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message().find("does not say which PDF it was made from"), std::string::npos);
  EXPECT_NE(r.error().message().find("Run redact review again"), std::string::npos);
}

TEST(ReviewedPdf, BadCategoryAndLabelAreRefused) {
  for (const char* note : {"category: not a name!", "label: ", "label: Niño 1", "category:"}) {
    ReviewPdf pdf = Recorded();
    pdf.annotations = {Highlight(1, 1, note), Highlight(2, 2)};
    StatusOr<ReviewedFindings> r = ReviewedFromAnnotations(pdf, kSource);
    EXPECT_FALSE(r) << note;
  }
}

}  // namespace
}  // namespace redact
