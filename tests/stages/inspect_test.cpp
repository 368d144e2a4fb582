// Side channels are decided in analysis (stages/inspect) and executed by the
// writer: each side-channel finding names its holder, apply removes exactly
// those, and the writer detects nothing itself.
#include "stages/inspect/inspect.h"

#include <gtest/gtest.h>
#include <podofo/podofo.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <tuple>

#include "pdf/clean_writer.h"
#include "pdf/podofo_util.h"
#include "pipeline/analyze.h"
#include "stages/write_redact/redactor.h"
#include "tests/testing/pdf_builder.h"

namespace redact {
namespace {

namespace fs = std::filesystem;
using testing::PdfBuilder;

Detector WithNames() {
  auto names = NamesIndex::FromCsvText("id,name,a_number\nP1,Maria Hernandez-Nunez,A201234567\n", "names.csv");
  EXPECT_TRUE(names.has_value());
  return Detector(RuleSet{}, std::move(*names), Policy{});
}

// Object numbers of the test document.
struct Sample {
  std::string path;
  int named_item = 0, plain_item = 0;
  int freetext = 0, link = 0, note = 0, field = 0;
};

// One page ("Exhibit 4", with /ActualText naming the person), an outline
// of two items (one titled with the name), three annotations (a FreeText
// naming the person, a link whose URI does, an innocent note) and a form
// field holding the name.
Sample MakeSample(const std::string& name) {
  Sample s;
  PdfBuilder b;
  const int contents = b.AddStream("", "/Span << /ActualText (Maria Hernandez-Nunez) >> BDC BT /F1 12 Tf "
                                       "72 700 Td (Exhibit 4) Tj ET EMC");
  const int pages = b.Reserve();
  const int page = b.Reserve();
  const int outlines = b.Reserve();
  s.named_item = b.Reserve();
  s.plain_item = b.Add("<< /Title (Exhibits) /Parent " + std::to_string(outlines) + " 0 R /Prev " +
                       std::to_string(s.named_item) + " 0 R >>");
  b.Set(s.named_item, "<< /Title (Declaration of Maria Hernandez-Nunez) /Parent " + std::to_string(outlines) +
                          " 0 R /Next " + std::to_string(s.plain_item) + " 0 R >>");
  b.Set(outlines, "<< /Type /Outlines /First " + std::to_string(s.named_item) + " 0 R /Last " +
                      std::to_string(s.plain_item) + " 0 R /Count 2 >>");
  s.freetext = b.Add("<< /Type /Annot /Subtype /FreeText /Rect [72 500 300 520] "
                     "/Contents (Call Maria Hernandez-Nunez) /DA (/F1 10 Tf) >>");
  s.link = b.Add("<< /Type /Annot /Subtype /Link /Rect [72 400 300 420] /A << /S /URI "
                 "/URI (https://example.org/people/maria-hernandez-nunez) >> >>");
  s.note = b.Add("<< /Type /Annot /Subtype /Text /Rect [72 300 90 320] /Contents (Approved) >>");
  s.field = b.Add("<< /FT /Tx /T (applicant) /V (Maria Hernandez-Nunez) >>");
  b.Set(page, "<< /Type /Page /Parent " + std::to_string(pages) +
                  " 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 " + testing::Helvetica() +
                  " >> >> /Contents " + std::to_string(contents) + " 0 R /Annots [" + std::to_string(s.freetext) +
                  " 0 R " + std::to_string(s.link) + " 0 R " + std::to_string(s.note) + " 0 R] >>");
  b.Set(pages, "<< /Type /Pages /Kids [" + std::to_string(page) + " 0 R] /Count 1 >>");
  const int root = b.Add("<< /Type /Catalog /Pages " + std::to_string(pages) + " 0 R /Outlines " +
                         std::to_string(outlines) + " 0 R /AcroForm << /Fields [" + std::to_string(s.field) +
                         " 0 R] >> >>");
  const fs::path dir = fs::temp_directory_path() / "redact_inspect_test";
  fs::create_directories(dir);
  s.path = (dir / (name + ".pdf")).string();
  std::ofstream(s.path, std::ios::binary) << b.Build(root);
  return s;
}

std::string Ref(int n) { return std::to_string(n) + " 0 R"; }

bool Has(const std::vector<Finding>& fs, const std::string& channel, int page, const std::string& object,
         const std::string& key) {
  return std::any_of(fs.begin(), fs.end(), [&](const Finding& f) {
    return f.channel == channel && f.page == page && f.object == object && f.key == key &&
           f.category == "name" && f.glyphs.empty();
  });
}

TEST(Inspect, AnalysisReportsEachSideChannelWithItsHolder) {
  const Sample s = MakeSample("report");
  const Detector detector = WithNames();
  StatusOr<AnalyzedDocument> doc = AnalyzeDocument(s.path, {}, detector);
  ASSERT_TRUE(doc) << doc.error().ToString();
  const std::vector<Finding>& side = doc->side_findings;
  EXPECT_TRUE(Has(side, kChannelOutline, 0, Ref(s.named_item), "Title"));
  EXPECT_TRUE(Has(side, kChannelAnnotation, 1, Ref(s.freetext), "text"));
  EXPECT_TRUE(Has(side, kChannelLink, 1, Ref(s.link), "URI"));
  EXPECT_TRUE(Has(side, kChannelFormField, 0, Ref(s.field), "value"));
  const auto marked = std::find_if(side.begin(), side.end(),
                                   [](const Finding& f) { return f.channel == kChannelMarkedContent; });
  ASSERT_NE(marked, side.end());
  EXPECT_EQ(marked->page, 1);
  EXPECT_EQ(marked->stream, 0);
  EXPECT_EQ(marked->op, 0);  // the BDC
  for (const Finding& f : side) {
    EXPECT_NE(f.object, Ref(s.plain_item)) << "an innocent outline item reported";
    EXPECT_NE(f.object, Ref(s.note)) << "an innocent annotation reported";
    EXPECT_EQ(f.reason.find("Hernandez"), std::string::npos) << "a value in a reason";
  }
  // Page findings stay page findings: consumers index pages by them.
  for (const Finding& f : doc->findings) EXPECT_EQ(f.channel, kChannelPage);
}

// Marked content is read in the run that reads the glyphs (PageText::
// marked), not by interpreting every page again: what inspection finds
// from it is what a reading of its own finds, in the page's stream and in
// a Form XObject's, at the same stream and operator.
TEST(Inspect, MarkedContentReadWithTheGlyphsIsWhatItsOwnReadingFinds) {
  PdfBuilder b;
  const int form = b.AddStream("/Type /XObject /Subtype /Form /BBox [0 0 300 100] /Resources << /Font << /F1 " +
                                   testing::Helvetica() + " >> >>",
                               "/Span << /Alt <FEFF004D00610072006900610020004800650072006E0061006E00640065007A002D004E0075006E0065007A> >> "
                               "BDC BT /F1 12 Tf 10 10 Td (Signed) Tj ET EMC");
  const int contents = b.AddStream("", "BT /F1 12 Tf 72 700 Td (Exhibit 4) Tj ET /P << /MCID 0 >> BDC EMC "
                                       "/Span << /E (Maria Hernandez-Nunez) >> BDC EMC q 1 0 0 1 72 500 cm /X1 Do Q");
  const std::string pdf = b.BuildOnePage(contents, "<< /Font << /F1 " + testing::Helvetica() + " >> /XObject << /X1 " +
                                                       std::to_string(form) + " 0 R >> >>");
  const fs::path dir = fs::temp_directory_path() / "redact_inspect_test";
  fs::create_directories(dir);
  const std::string path = (dir / "marked.pdf").string();
  std::ofstream(path, std::ios::binary) << pdf;
  const Detector detector = WithNames();
  StatusOr<AnalyzedDocument> doc = AnalyzeDocument(path, {}, detector);
  ASSERT_TRUE(doc) << doc.error().ToString();
  ASSERT_EQ(doc->pages.size(), 1u);
  ASSERT_TRUE(doc->pages[0].marked_read);
  ASSERT_EQ(doc->pages[0].marked.size(), 2u);  // /MCID alone carries no text
  auto key = [](const Finding& f) { return std::tie(f.channel, f.page, f.object, f.key, f.stream, f.op, f.category); };
  std::vector<Finding> with_glyphs;
  for (const Finding& f : doc->side_findings) {
    if (f.channel == kChannelMarkedContent) with_glyphs.push_back(f);
  }
  ASSERT_EQ(with_glyphs.size(), 2u);
  EXPECT_NE(with_glyphs[0].object, with_glyphs[1].object) << "one in the page's stream, one in the form's";
  std::vector<PageText> unread = doc->pages;
  unread[0].marked_read = false;
  unread[0].marked.clear();
  StatusOr<std::vector<Finding>> own = InspectSideChannels(*doc->document, unread, detector, doc->findings);
  ASSERT_TRUE(own) << own.error().ToString();
  std::vector<Finding> by_reader;
  for (const Finding& f : *own) {
    if (f.channel == kChannelMarkedContent) by_reader.push_back(f);
  }
  ASSERT_EQ(by_reader.size(), with_glyphs.size());
  for (size_t i = 0; i < by_reader.size(); ++i) EXPECT_EQ(key(by_reader[i]), key(with_glyphs[i]));
}

// The output's outline titles, annotation subtypes and field values.
struct Written {
  std::vector<std::string> titles;
  std::vector<std::string> annotations;
  std::string field_value;
};

Written ReadBack(const std::string& path) {
  Written w;
  auto doc = pdf::Document::Open(path, {});
  EXPECT_TRUE(doc) << doc.error().ToString();
  if (!doc) return w;
  const PoDoFo::PdfObject* root = pdf::DictGet((*doc)->podofo().GetTrailer(), "Root");
  for (const PoDoFo::PdfObject* item = pdf::DictGet(pdf::DictGet(root, "Outlines"), "First"); item;
       item = pdf::DictGet(item, "Next")) {
    w.titles.push_back(pdf::DictGet(item, "Title")->GetString().GetStringUtf8());
  }
  auto page = (*doc)->PageObject(0);
  if (const PoDoFo::PdfArray* annots = pdf::AsArray(pdf::DictGet(*page, "Annots"))) {
    for (const PoDoFo::PdfObject& a : *annots) {
      w.annotations.push_back(pdf::AsName(pdf::DictGet(&a, "Subtype")).value_or(""));
    }
  }
  const PoDoFo::PdfArray* fields = pdf::AsArray(pdf::DictGet(pdf::DictGet(root, "AcroForm"), "Fields"));
  if (fields && !fields->empty()) {
    w.field_value = pdf::DictGet(&(*fields)[0], "V")->GetString().GetStringUtf8();
  }
  return w;
}

TEST(Inspect, ApplyRemovesExactlyWhatAnalysisNamed) {
  const Sample s = MakeSample("apply");
  const Detector detector = WithNames();
  StatusOr<AnalyzedDocument> doc = AnalyzeDocument(s.path, {}, detector);
  ASSERT_TRUE(doc) << doc.error().ToString();
  StatusOr<RedactionSummary> summary =
      RedactDocument(*doc->document, &doc->pages, doc->findings, doc->side_findings, RedactOptions{});
  ASSERT_TRUE(summary) << summary.error().ToString();
  const std::string out = s.path + ".out.pdf";
  pdf::CleanWriteStats stats;
  ASSERT_TRUE(pdf::WriteCleanCopy(*doc->document, out, &stats).ok());
  const Written w = ReadBack(out);
  EXPECT_EQ(w.titles, (std::vector<std::string>{"[redacted]", "Exhibits"}));
  EXPECT_EQ(w.annotations, std::vector<std::string>{"Text"});  // the note stays
  EXPECT_EQ(w.field_value, "");
  std::ifstream in(out, std::ios::binary);
  const std::string bytes((std::istreambuf_iterator<char>(in)), {});
  EXPECT_EQ(bytes.find("Hernandez"), std::string::npos);
}

TEST(Inspect, WriterDetectsNothingItself) {
  // Without analysis's side findings the writer leaves the outline title:
  // it executes findings, it does not look for identifiers.
  const Sample s = MakeSample("nodetect");
  const Detector detector = WithNames();
  StatusOr<AnalyzedDocument> doc = AnalyzeDocument(s.path, {}, detector);
  ASSERT_TRUE(doc) << doc.error().ToString();
  StatusOr<RedactionSummary> summary =
      RedactDocument(*doc->document, &doc->pages, doc->findings, {}, RedactOptions{});
  ASSERT_TRUE(summary) << summary.error().ToString();
  const std::string out = s.path + ".out.pdf";
  pdf::CleanWriteStats stats;
  ASSERT_TRUE(pdf::WriteCleanCopy(*doc->document, out, &stats).ok());
  EXPECT_EQ(ReadBack(out).titles,
            (std::vector<std::string>{"Declaration of Maria Hernandez-Nunez", "Exhibits"}));
}

TEST(Inspect, WriterFailsWhenItCannotFindWhatAnalysisNamed) {
  const Sample s = MakeSample("unlocated");
  const Detector detector = WithNames();
  StatusOr<AnalyzedDocument> doc = AnalyzeDocument(s.path, {}, detector);
  ASSERT_TRUE(doc) << doc.error().ToString();
  Finding stray;
  stray.category = "name";
  stray.channel = kChannelOutline;
  stray.object = "999 0 R";
  stray.key = "Title";
  stray.value = "maria hernandez nunez";
  std::vector<Finding> side = doc->side_findings;
  side.push_back(stray);
  StatusOr<RedactionSummary> summary =
      RedactDocument(*doc->document, &doc->pages, doc->findings, side, RedactOptions{});
  ASSERT_FALSE(summary);
  EXPECT_EQ(summary.error().code(), StatusCode::kInternal);
  EXPECT_NE(summary.error().message().find("999 0 R"), std::string::npos);
  EXPECT_EQ(summary.error().message().find("maria"), std::string::npos) << "a value in a message";
}

}  // namespace
}  // namespace redact
