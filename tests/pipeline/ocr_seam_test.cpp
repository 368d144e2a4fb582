// The OCR half of the analysis pipeline through the engine seam
// (OcrContext::make_engine): a scripted engine (tests/testing/fake_ocr.h)
// stands in for Tesseract, so these check what the pipeline does with what
// an engine reads — which pages it asks about, where the words land, what
// detection and the review flags make of them — independent of what
// Tesseract happens to read. Pages are images over the whole page, one image
// pixel per point, so a word's pixel box is its display box.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "core/model.h"
#include "pdf/document.h"
#include "pipeline/analyze.h"
#include "tests/testing/fake_ocr.h"
#include "tests/testing/hostile_pdfs.h"
#include "tests/testing/pdf_builder.h"

namespace redact {
namespace {

namespace fs = std::filesystem;
using testing::FakeOcr;
using testing::FakeWord;
using testing::ScannedPdf;
using testing::PdfBuilder;

// A typed page: a real text layer, no image.
std::string TypedPdf() {
  return PdfBuilder::OnePage(
      "BT /F1 12 Tf 72 720 Td (This page has a text layer of its own and no image at all.) Tj ET",
      "<< /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >>");
}

std::unique_ptr<pdf::Document> Open(const std::string& bytes) {
  auto doc = pdf::Document::OpenBytes(bytes, "fake.pdf", {});
  EXPECT_TRUE(doc.has_value()) << (doc ? "" : doc.error().message());
  return doc ? std::move(*doc) : nullptr;
}

fs::path WriteTemp(const std::string& name, const std::string& bytes) {
  const fs::path dir = fs::temp_directory_path() / "redact_ocr_seam";
  fs::create_directories(dir);
  const fs::path path = dir / name;
  std::ofstream(path, std::ios::binary) << bytes;
  return path;
}

const Detector& SampleDetector() {
  static const std::unique_ptr<Detector> detector = [] {
    auto d = LoadDetector(std::string(REDACT_SOURCE_DIR) + "/patterns", std::nullopt, std::nullopt);
    EXPECT_TRUE(d.has_value()) << (d ? "" : d.error().message());
    return d ? std::move(*d) : nullptr;
  }();
  return *detector;
}

// A line of sure words, more than 20 characters: a clean read.
std::vector<FakeWord> CleanLine(int y = 100) {
  return {{"ORDER", 72, y, 132, y + 12, 96},
          {"GRANTING", 140, y, 236, y + 12, 96},
          {"MOTION", 244, y, 316, y + 12, 96},
          {"TO", 324, y, 348, y + 12, 96},
          {"PROCEED", 356, y, 440, y + 12, 96}};
}

bool HasProblem(const PageText& page, ExtractionProblem::Kind kind) {
  return std::any_of(page.problems.begin(), page.problems.end(),
                     [&](const ExtractionProblem& p) { return p.kind == kind; });
}

TEST(OcrSeam, TesseractIsTheDefaultEngine) {
  OcrContext ocr;
  EXPECT_TRUE(static_cast<bool>(ocr.make_engine));
  EXPECT_EQ(ocr.languages, "eng+spa");
}

TEST(OcrSeam, EachScannedPageIsReadOnceByOneEngine) {
  FakeOcr fake;
  fake.SetFallback(CleanLine());
  OcrContext ocr;
  ocr.languages = "spa";
  ocr.make_engine = fake.Factory();
  auto analyzed = AnalyzeDocument(WriteTemp("three.pdf", ScannedPdf(3)).string(), {}, SampleDetector(), &ocr);
  ASSERT_TRUE(analyzed.has_value()) << analyzed.error().message();
  EXPECT_EQ(fake.recognize_calls(), 3);
  EXPECT_EQ(fake.engines_started(), 1);
  EXPECT_EQ(fake.languages(), std::vector<std::string>{"spa"});
  EXPECT_EQ(ocr.pages_recognized, 3);
  for (const testing::FakeOcrCall& call : fake.calls()) {
    EXPECT_EQ(call.width, 612);
    EXPECT_EQ(call.height, 792);
    EXPECT_EQ(call.dpi, 72);  // 612 pixels across 8.5 inches
  }
  ASSERT_EQ(analyzed->pages.size(), 3u);
  for (const PageText& page : analyzed->pages) {
    EXPECT_EQ(page.text, "ORDER GRANTING MOTION TO PROCEED") << "page " << page.number;
  }
}

TEST(OcrSeam, WordsLandWhereTheEngineSawThem) {
  FakeOcr fake;
  fake.Push({{"Maria", 100, 200, 160, 214, 91}});
  OcrContext ocr;
  ocr.make_engine = fake.Factory();
  auto doc = Open(ScannedPdf(1));
  ASSERT_TRUE(doc);
  auto page = ReadPageText(*doc, 0, &ocr);
  ASSERT_TRUE(page.has_value()) << page.error().message();
  EXPECT_EQ(page->text, "Maria");
  ASSERT_EQ(page->glyphs.size(), 5u);
  // One glyph per letter, spread over the word's box: 12 pixels (points)
  // each, from x = 100; the box's top and bottom are the word's.
  for (size_t k = 0; k < page->glyphs.size(); ++k) {
    const Glyph& g = page->glyphs[k];
    SCOPED_TRACE(k);
    EXPECT_TRUE(g.ocr);
    EXPECT_EQ(g.source.stream, -1);  // in pixels, not in a content stream
    EXPECT_FLOAT_EQ(g.confidence, 91);
    EXPECT_EQ(g.text, std::string(1, "Maria"[k]));
    EXPECT_NEAR(g.box.x0, 100 + 12.0 * static_cast<double>(k), 0.01);
    EXPECT_NEAR(g.box.x1, 112 + 12.0 * static_cast<double>(k), 0.01);
    EXPECT_NEAR(g.box.y0, 200, 0.01);
    EXPECT_NEAR(g.box.y1, 214, 0.01);
  }
  ASSERT_EQ(page->words.size(), 1u);
  EXPECT_EQ(page->words[0].text, "Maria");
}

TEST(OcrSeam, AnANumberTheEngineReadsBecomesAFinding) {
  FakeOcr fake;
  std::vector<FakeWord> words = CleanLine(100);
  words.push_back({"A-Number:", 72, 140, 168, 152, 94, 2});
  words.push_back({"A201234567", 176, 140, 296, 152, 94, 2});
  fake.Push(words);
  OcrContext ocr;
  ocr.make_engine = fake.Factory();
  auto analyzed = AnalyzeDocument(WriteTemp("anumber.pdf", ScannedPdf(1)).string(), {}, SampleDetector(), &ocr);
  ASSERT_TRUE(analyzed.has_value()) << analyzed.error().message();
  const PageText& page = analyzed->pages[0];
  const Finding* found = nullptr;
  for (const Finding& f : analyzed->findings) {
    if (f.category == "a_number") found = &f;
  }
  ASSERT_NE(found, nullptr) << page.text;
  EXPECT_EQ(found->page, 1);
  EXPECT_EQ(found->value, "A201234567");
  // The finding names the OCR glyphs the engine placed, so the writer burns
  // exactly those pixels.
  ASSERT_FALSE(found->glyphs.empty());
  for (int g : found->glyphs) {
    const Glyph& glyph = page.glyphs[static_cast<size_t>(g)];
    EXPECT_TRUE(glyph.ocr);
    EXPECT_GE(glyph.box.x0, 176 - 0.01);
    EXPECT_LE(glyph.box.x1, 296 + 0.01);
    EXPECT_NEAR(glyph.box.y0, 140, 0.01);
  }
  EXPECT_FALSE(HasProblem(page, ExtractionProblem::Kind::kLowOcrConfidence));
}

TEST(OcrSeam, AnUnsureReadSendsThePageToReview) {
  FakeOcr fake;
  std::vector<FakeWord> unsure = CleanLine();
  for (FakeWord& w : unsure) w.confidence = 41;
  fake.Push(unsure);       // page 1: enough letters, read unsure
  fake.Push({{"Hi", 72, 100, 96, 112, 99}});  // page 2: sure, but too little
  fake.Push(CleanLine());  // page 3: a clean read
  OcrContext ocr;
  ocr.make_engine = fake.Factory();
  auto doc = Open(ScannedPdf(3));
  ASSERT_TRUE(doc);
  auto pages = ReadDocumentText(*doc, &ocr);
  ASSERT_TRUE(pages.has_value()) << pages.error().message();
  ASSERT_EQ(pages->size(), 3u);
  EXPECT_TRUE(HasProblem((*pages)[0], ExtractionProblem::Kind::kLowOcrConfidence));
  EXPECT_TRUE(HasProblem((*pages)[1], ExtractionProblem::Kind::kLowOcrConfidence));
  EXPECT_FALSE(HasProblem((*pages)[2], ExtractionProblem::Kind::kLowOcrConfidence));
  // Unsure words are kept, not dropped: detection still sees them.
  EXPECT_EQ((*pages)[0].text, "ORDER GRANTING MOTION TO PROCEED");
}

TEST(OcrSeam, OcrNeverDoesNotStartTheEngineAndFlagsThePage) {
  FakeOcr fake;
  fake.SetFallback(CleanLine());
  OcrContext ocr;
  ocr.mode = OcrMode::kNever;
  ocr.make_engine = fake.Factory();
  auto analyzed = AnalyzeDocument(WriteTemp("never.pdf", ScannedPdf(2)).string(), {}, SampleDetector(), &ocr);
  ASSERT_TRUE(analyzed.has_value()) << analyzed.error().message();
  EXPECT_EQ(fake.engines_started(), 0);
  EXPECT_EQ(fake.recognize_calls(), 0);
  for (const PageText& page : analyzed->pages) {
    EXPECT_TRUE(page.glyphs.empty());
    EXPECT_TRUE(HasProblem(page, ExtractionProblem::Kind::kNotOcrd)) << "page " << page.number;
  }
}

TEST(OcrSeam, ATypedPageNeedsNoEngine) {
  FakeOcr fake;
  OcrContext ocr;
  ocr.make_engine = fake.Factory();
  auto doc = Open(TypedPdf());
  ASSERT_TRUE(doc);
  auto page = ReadPageText(*doc, 0, &ocr);
  ASSERT_TRUE(page.has_value()) << page.error().message();
  EXPECT_EQ(fake.engines_started(), 0);  // engines start on first need
  EXPECT_EQ(fake.recognize_calls(), 0);
  EXPECT_NE(page->text.find("text layer of its own"), std::string::npos) << page->text;
}

TEST(OcrSeam, PagesReadOnWorkersReadAsInTurn) {
  auto read = [](int jobs, FakeOcr* fake) {
    // Every page reads the same, so the answer does not depend on which
    // worker takes which page.
    fake->SetFallback(CleanLine());
    OcrContext ocr;
    ocr.jobs = jobs;
    ocr.make_engine = fake->Factory();
    auto doc = Open(ScannedPdf(5));
    auto pages = ReadDocumentText(*doc, &ocr);
    EXPECT_TRUE(pages.has_value()) << pages.error().message();
    EXPECT_EQ(ocr.pages_recognized, 5);
    std::vector<std::string> texts;
    for (const PageText& p : *pages) texts.push_back(p.text + "|" + std::to_string(p.glyphs.size()));
    return texts;
  };
  FakeOcr one, two;
  const std::vector<std::string> in_turn = read(1, &one);
  const std::vector<std::string> on_workers = read(2, &two);
  EXPECT_EQ(in_turn, on_workers);
  EXPECT_EQ(one.engines_started(), 1);
  EXPECT_EQ(two.engines_started(), 2);  // one engine per worker
  EXPECT_EQ(one.recognize_calls(), 5);
  EXPECT_EQ(two.recognize_calls(), 5);
}

TEST(OcrSeam, AnEngineThatWillNotStartFailsTheDocument) {
  for (int jobs : {1, 2}) {
    SCOPED_TRACE(jobs);
    FakeOcr fake;
    fake.FailStart(Status(StatusCode::kUnsupported, "no language data"));
    OcrContext ocr;
    ocr.jobs = jobs;
    ocr.make_engine = fake.Factory();
    auto analyzed = AnalyzeDocument(WriteTemp("nostart.pdf", ScannedPdf(2)).string(), {}, SampleDetector(), &ocr);
    ASSERT_FALSE(analyzed.has_value());  // fail closed: an unread scan is not a clean one
    EXPECT_EQ(analyzed.error().code(), StatusCode::kUnsupported);
  }
}

TEST(OcrSeam, AnEngineThatFailsMidwayFailsTheDocument) {
  for (int jobs : {1, 2}) {
    SCOPED_TRACE(jobs);
    FakeOcr fake;
    fake.FailRecognize(Status(StatusCode::kInternal, "engine failed"));
    OcrContext ocr;
    ocr.jobs = jobs;
    ocr.make_engine = fake.Factory();
    auto analyzed = AnalyzeDocument(WriteTemp("midway.pdf", ScannedPdf(3)).string(), {}, SampleDetector(), &ocr);
    ASSERT_FALSE(analyzed.has_value());
    EXPECT_EQ(analyzed.error().code(), StatusCode::kInternal);
  }
}

TEST(OcrSeam, ProgressReportsEveryPageOnceWithOrWithoutWorkers) {
  for (int jobs : {1, 2}) {
    SCOPED_TRACE(jobs);
    FakeOcr fake;
    fake.SetFallback(CleanLine());
    OcrContext ocr;
    ocr.jobs = jobs;
    ocr.make_engine = fake.Factory();
    std::vector<int> pages;
    int total = 0, recognized = 0;
    ocr.on_page = [&](int page, int of, bool ocrd) {  // serialized by ReadDocumentText
      pages.push_back(page);
      total = of;
      recognized += ocrd ? 1 : 0;
    };
    auto analyzed = AnalyzeDocument(WriteTemp("progress.pdf", ScannedPdf(3)).string(), {}, SampleDetector(), &ocr);
    ASSERT_TRUE(analyzed.has_value()) << analyzed.error().message();
    std::sort(pages.begin(), pages.end());
    EXPECT_EQ(pages, (std::vector<int>{1, 2, 3}));
    EXPECT_EQ(total, 3);
    EXPECT_EQ(recognized, 3);
  }
}

// A scan (as ScannedPdf) under an invisible text layer (render mode 3) of
// `layer` words, each set in 12-pt Helvetica from its box's left edge on its
// box's bottom edge: where a scanner's OCR would put them (Line makes boxes
// about as wide as the words set in 12-pt Helvetica capitals).
std::string LayeredScanPdf(const std::vector<FakeWord>& layer) {
  std::string text = "BT 3 Tr /F1 12 Tf ";
  for (const FakeWord& w : layer) {
    text += "1 0 0 1 " + std::to_string(w.x0) + " " + std::to_string(792 - w.y1) + " Tm (" + w.text + ") Tj ";
  }
  text += "ET";
  PdfBuilder b;
  const int image = b.AddStream("/Type /XObject /Subtype /Image /Width 612 /Height 792 "
                                "/ColorSpace /DeviceGray /BitsPerComponent 8",
                                std::string(612 * 792, '\xf0'));
  const int contents = b.AddStream("", "q 612 0 0 792 0 0 cm /Im1 Do Q " + text);
  return b.BuildOnePage(contents, "<< /XObject << /Im1 " + std::to_string(image) +
                                      " 0 R >> /Font << /F1 << /Type /Font /Subtype /Type1 "
                                      "/BaseFont /Helvetica >> >> >>");
}

std::vector<FakeWord> Line(std::vector<std::string> words, int y) {
  std::vector<FakeWord> out;
  int x = 72;
  for (const std::string& w : words) {
    const int width = 17 * static_cast<int>(w.size()) / 2;
    out.push_back({w, x, y, x + width, y + 12, 95});
    x += width + 5;
  }
  return out;
}

std::vector<FakeWord> Join(std::vector<FakeWord> a, const std::vector<FakeWord>& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

StatusOr<PageText> ReadLayeredScan(const std::vector<FakeWord>& layer, const std::vector<FakeWord>& pixels) {
  FakeOcr fake;
  fake.Push(pixels);
  OcrContext ocr;
  ocr.make_engine = fake.Factory();
  auto doc = Open(LayeredScanPdf(layer));
  if (!doc) return Error(StatusCode::kInternal, "did not open");
  auto page = ReadPageText(*doc, 0, &ocr);
  EXPECT_EQ(fake.recognize_calls(), 1) << "an image under an invisible layer is OCR'd to check the layer";
  return page;
}

const std::vector<std::string> kOrder = {"ORDER", "GRANTING", "MOTION", "TO", "PROCEED", "TODAY"};

TEST(OcrSeam, AnInvisibleLayerThePixelsAgreeWithStands) {
  const auto words = Line(kOrder, 100);
  auto page = ReadLayeredScan(words, words);
  ASSERT_TRUE(page.has_value()) << page.error().message();
  EXPECT_EQ(page->text, "ORDER GRANTING MOTION TO PROCEED TODAY");
  EXPECT_FALSE(HasProblem(*page, ExtractionProblem::Kind::kTextLayerReplaced));
  EXPECT_TRUE(std::none_of(page->glyphs.begin(), page->glyphs.end(), [](const Glyph& g) { return g.ocr; }));
}

TEST(OcrSeam, ALayerThatMisreadsTheNameAndNumberIsReplaced) {
  const auto pixels = Join(Line(kOrder, 100), Line({"Maria", "Hernandez", "A201234567"}, 140));
  const auto layer = Join(Line(kOrder, 100), Line({"Mana", "Hcrnandcz", "A2O1Z34S67"}, 140));
  auto page = ReadLayeredScan(layer, pixels);
  ASSERT_TRUE(page.has_value()) << page.error().message();
  EXPECT_TRUE(HasProblem(*page, ExtractionProblem::Kind::kTextLayerReplaced));
  EXPECT_NE(page->text.find("Maria Hernandez A201234567"), std::string::npos) << page->text;
  EXPECT_EQ(page->text.find("Hcrnandcz"), std::string::npos) << page->text;
}

TEST(OcrSeam, ALayerThatMisreadsOnlyTheANumberIsReplaced) {
  // One wrong word is under the three-word threshold, but a number read
  // otherwise may be the identifier the layer hides.
  const auto pixels = Join(Line(kOrder, 100), Line({"A-Number:", "A201234567"}, 140));
  const auto layer = Join(Line(kOrder, 100), Line({"A-Number:", "A2O1Z3AS67"}, 140));
  auto page = ReadLayeredScan(layer, pixels);
  ASSERT_TRUE(page.has_value()) << page.error().message();
  EXPECT_TRUE(HasProblem(*page, ExtractionProblem::Kind::kTextLayerReplaced));
  EXPECT_NE(page->text.find("A201234567"), std::string::npos) << page->text;
}

TEST(OcrSeam, ALayerOverOnlyTheHeaderIsReplaced) {
  const auto pixels = Join(Line(kOrder, 100), Line({"Maria", "Hernandez", "A201234567"}, 140));
  auto page = ReadLayeredScan(Line(kOrder, 100), pixels);
  ASSERT_TRUE(page.has_value()) << page.error().message();
  EXPECT_TRUE(HasProblem(*page, ExtractionProblem::Kind::kTextLayerReplaced));
  EXPECT_NE(page->text.find("Maria Hernandez A201234567"), std::string::npos) << page->text;
  EXPECT_NE(page->text.find("ORDER GRANTING"), std::string::npos) << page->text;
}

TEST(OcrSeam, AWordTheLayerLeftOutIsReadFromThePixels) {
  const auto pixels = Join(Line(kOrder, 100), Line({"A201234567"}, 300));
  auto page = ReadLayeredScan(Line(kOrder, 100), pixels);
  ASSERT_TRUE(page.has_value()) << page.error().message();
  EXPECT_FALSE(HasProblem(*page, ExtractionProblem::Kind::kTextLayerReplaced));
  EXPECT_NE(page->text.find("ORDER GRANTING MOTION TO PROCEED TODAY"), std::string::npos) << page->text;
  EXPECT_NE(page->text.find("A201234567"), std::string::npos) << page->text;
}

TEST(OcrSeam, FindingsComeFromTheReplacingRead) {
  const auto pixels = Join(Line(kOrder, 100), Line({"Maria", "Hernandez", "A-Number:", "A201234567"}, 140));
  const auto layer = Join(Line(kOrder, 100), Line({"Mana", "Hcrnandcz", "A-Numbcr:", "A2O1Z34S67"}, 140));
  FakeOcr fake;
  fake.Push(pixels);
  OcrContext ocr;
  ocr.make_engine = fake.Factory();
  auto analyzed =
      AnalyzeDocument(WriteTemp("layer.pdf", LayeredScanPdf(layer)).string(), {}, SampleDetector(), &ocr);
  ASSERT_TRUE(analyzed.has_value()) << analyzed.error().message();
  EXPECT_TRUE(std::any_of(analyzed->findings.begin(), analyzed->findings.end(),
                          [](const Finding& f) { return f.value == "A201234567"; }));
}

}  // namespace
}  // namespace redact
