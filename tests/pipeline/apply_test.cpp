// The pipeline in-process: a Session loaded once, ApplyDocument on a
// sample, the result's report and worker line, and a small job through
// the scheduler — no command line involved.
#include "pipeline/apply.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <tuple>

#include <unistd.h>

#include "pipeline/jobs/job.h"
#include "pipeline/report.h"
#include "pipeline/session.h"
#include "pipeline/verify.h"
#include "stages/seal/digest.h"
#include "stages/write_review/review.h"
#include "tests/testing/fake_ocr.h"
#include "tests/testing/hostile_pdfs.h"
#include "tests/testing/pdf_builder.h"

namespace redact {
namespace {

namespace fs = std::filesystem;

const std::string kSamples = REDACT_SOURCE_DIR "/samples";

// The evaluation set's names list and policy, without OCR (its text
// documents need none).
SessionOptions EvalSession() {
  const std::string eval = REDACT_SOURCE_DIR "/tests/data/eval";
  SessionOptions o;
  o.names_csv = eval + "/names.csv";
  o.policy_file = eval + "/policy.toml";
  o.ocr.mode = OcrMode::kNever;
  return o;
}

SessionOptions SampleSession() {
  SessionOptions o;
  o.names_csv = kSamples + "/names.csv";
  o.policy_file = kSamples + "/policy.toml";
  o.ocr.mode = OcrMode::kNever;
  return o;
}

fs::path TempDir(const std::string& name) {
  const fs::path dir = fs::temp_directory_path() / ("redact-apply-test-" + name + "-" + std::to_string(getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

std::string Read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST(Session, ConfigurationErrorsAreUsageErrors) {
  SessionOptions o = SampleSession();
  o.names_csv = "/nonexistent/names.csv";
  StatusOr<std::unique_ptr<Session>> s = Session::Open(o);
  ASSERT_FALSE(s.has_value());
  EXPECT_EQ(s.error().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(s.error().message().find("names.csv"), std::string::npos) << s.error().message();
}

TEST(Session, RecipientsAndAPassphraseTogetherAreRefused) {
  const fs::path dir = TempDir("seal");
  const fs::path pass = dir / "pass.txt";
  std::ofstream(pass) << "correct horse battery staple\n";
  fs::permissions(pass, fs::perms::owner_read | fs::perms::owner_write);
  SessionOptions o = SampleSession();
  o.seal.passphrase_file = pass.string();
  o.seal.recipients = {"age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p"};
  StatusOr<std::unique_ptr<Session>> s = Session::Open(o);
  ASSERT_FALSE(s.has_value());
  EXPECT_EQ(s.error().code(), StatusCode::kInvalidArgument);
  fs::remove_all(dir);
}

TEST(ApplyDocument, RemovesFindingsAndWritesTheReportItReturns) {
  StatusOr<std::unique_ptr<Session>> session = Session::Open(SampleSession());
  ASSERT_TRUE(session.has_value()) << session.error().message();
  const fs::path dir = TempDir("doc");
  DocumentTask task;
  task.input = kSamples + "/order_libreoffice.pdf";
  task.output_pdf = (dir / "order.pdf").string();
  task.shown = task.input;
  OcrContext ocr = (*session)->NewOcrContext();
  StatusOr<DocumentResult> r = ApplyDocument(**session, &ocr, task, ApplySettings{});
  ASSERT_TRUE(r.has_value()) << r.error().message();
  EXPECT_GT(r->findings.size(), 0u);
  EXPECT_EQ(r->boxes.empty(), false);
  EXPECT_GT(r->removed.glyphs, 0);
  // Checked, and staged: nothing under the output's name until published.
  EXPECT_TRUE(r->verification.checked);
  EXPECT_TRUE(r->verification.leaks.empty());
  EXPECT_FALSE(fs::exists(task.output_pdf));
  EXPECT_FALSE(fs::exists(r->report));
  EXPECT_TRUE(fs::exists(r->staged_pdf));
  ASSERT_TRUE(PublishDocument(&*r).ok());
  EXPECT_TRUE(fs::exists(task.output_pdf));
  EXPECT_TRUE(r->staged_pdf.empty());
  EXPECT_EQ(Read(r->report), ReportText(*r));
  // No recipients: nothing to seal, so no plaintext kept either.
  EXPECT_TRUE(r->mapping.empty());
  // Verified in-process against its input: clean.
  ASSERT_TRUE(VerifyDocument(**session, task, &*r).ok());
  EXPECT_TRUE(r->verification.checked);
  EXPECT_TRUE(r->verification.leaks.empty());
  fs::remove_all(dir);
}

// The check apply runs before an output appears finds what was to be
// removed: here the input itself stands in for an output that kept it all.
TEST(ApplyDocument, TheOutputCheckFindsWhatWasToBeRemoved) {
  StatusOr<std::unique_ptr<Session>> session = Session::Open(SampleSession());
  ASSERT_TRUE(session.has_value());
  const std::string input = kSamples + "/order_libreoffice.pdf";
  OcrContext ocr = (*session)->NewOcrContext();
  StatusOr<AnalyzedDocument> doc =
      AnalyzeDocument(input, (*session)->OpenOptionsFor(std::nullopt), (*session)->detector(), &ocr);
  ASSERT_TRUE(doc.has_value());
  ASSERT_FALSE(doc->findings.empty());
  StatusOr<VerifyResult> v = VerifyRemoval(input, *doc, doc->findings, OcrMode::kNever, (*session)->detector());
  ASSERT_TRUE(v.has_value()) << v.error().message();
  EXPECT_FALSE(v->leaks.empty());
  // What a reviewer kept (here: everything) is not a leak in the text.
  AnalyzedDocument kept_all;
  kept_all.pages = doc->pages;
  StatusOr<VerifyResult> reviewed = VerifyRemoval(input, kept_all, doc->findings, OcrMode::kNever, (*session)->detector());
  ASSERT_TRUE(reviewed.has_value());
  for (const Leak& l : reviewed->leaks) EXPECT_NE(l.channel, "text") << l.where << " " << l.category;
}

// probe24's noisy gray scan: Tesseract read a table row's A-number as
// "INSTA" at the scan's own resolution, so apply removed nothing there;
// the check's OCR of the output read it, and the output was refused.
// Thresholded (--binarize), the row reads right. When every leak is one
// OCR read off the output, apply reads the scans again black-and-white,
// once, and says so in the report; that output's own check decides.
TEST(ApplyDocument, AScanMisreadIsReadAgainBlackAndWhite) {
  const std::string pdf = testing::ScannedPdf();
  const fs::path dir = TempDir("misread");
  std::ofstream(dir / "scan.pdf", std::ios::binary) << pdf;
  SessionOptions options = SampleSession();
  options.ocr.mode = OcrMode::kAuto;
  StatusOr<std::unique_ptr<Session>> session = Session::Open(options);
  ASSERT_TRUE(session.has_value()) << session.error().message();
  testing::FakeOcr fake;
  const std::vector<testing::FakeWord> title = {{"Sign-in", 72, 60, 150, 72}, {"sheet", 158, 60, 210, 72}};
  std::vector<testing::FakeWord> row = title;
  row.push_back({"A-Number:", 72, 100, 170, 112});
  row.push_back({"A201234567", 180, 100, 300, 112});
  std::vector<testing::FakeWord> misread = title;
  misread.push_back({"A-Number:", 72, 100, 170, 112});
  misread.push_back({"INSTA", 180, 100, 240, 112});
  fake.Push(misread);  // apply reads the scan
  fake.Push(misread);  // the check reads the output's image as apply does
  fake.Push(row);      // and its render: the number is there
  fake.Push(row);      // apply reads the scan again, black and white
  fake.SetFallback(title);  // the check reads the new output (image, render)
  OcrContext ocr = (*session)->NewOcrContext();
  ocr.make_engine = fake.Factory();
  DocumentTask task;
  task.input = (dir / "scan.pdf").string();
  task.output_pdf = (dir / "out.pdf").string();
  task.shown = "scan.pdf";
  StatusOr<DocumentResult> r = ApplyDocument(**session, &ocr, task, ApplySettings{});
  ASSERT_TRUE(r.has_value()) << r.error().message();
  EXPECT_EQ(r->counts["a_number"], 1);
  EXPECT_TRUE(r->verification.leaks.empty());
  ASSERT_EQ(r->notes.size(), 1u);
  EXPECT_NE(r->notes[0].find("--binarize"), std::string::npos);
  EXPECT_FALSE(ocr.cleanup.binarize);  // as the user asked, for the next document
  EXPECT_EQ(fake.recognize_calls(), 6);
  DiscardDocument(&*r);
  fs::remove_all(dir);
}

TEST(ApplyDocument, RefusesToOverwriteItsInput) {
  StatusOr<std::unique_ptr<Session>> session = Session::Open(SampleSession());
  ASSERT_TRUE(session.has_value());
  const fs::path dir = TempDir("self");
  fs::copy_file(kSamples + "/order_libreoffice.pdf", dir / "order.pdf");
  const std::string before = Read(dir / "order.pdf");
  DocumentTask task{(dir / "order.pdf").string(), {}, (dir / "order.pdf").string(), "order.pdf", "", nullptr};
  OcrContext ocr = (*session)->NewOcrContext();
  StatusOr<DocumentResult> r = ApplyDocument(**session, &ocr, task, ApplySettings{});
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(Read(dir / "order.pdf"), before);
  fs::remove_all(dir);
}

TEST(WorkerLine, CarriesAResultOrAStatusAndNoPlaintext) {
  DocumentResult r;
  r.output_pdf = "/out/x.pdf";
  r.report = "/out/x.report.json";
  r.pages = 3;
  r.counts = {{"name", 2}};
  r.findings.push_back({2, "name", "names.list", "h1", "e1", 0.9, 7});
  r.boxes.push_back({2, "name", {1, 2, 3, 4}});
  r.pages_to_review.push_back({3, "low_ocr_confidence"});
  r.verification = {true, {"text, page 2 (name)"}};
  r.mapping.push_back({"Applicant 1", "Maria Hernandez", "name", "CM-001", 2, {1, 2, 3, 4}});
  const std::string line = WorkerLine(r);
  EXPECT_EQ(line.find("Maria"), std::string::npos);
  EXPECT_EQ(line.find('\n'), std::string::npos);
  StatusOr<DocumentResult> back = ParseWorkerLine(line);
  ASSERT_TRUE(back.has_value()) << back.error().message();
  EXPECT_EQ(ReportText(*back), ReportText(r));
  EXPECT_EQ(back->verification.leaks, r.verification.leaks);
  EXPECT_TRUE(back->mapping.empty());

  const std::string failed = WorkerLine(Error(StatusCode::kLeakDetected, "verification found a leak"));
  StatusOr<DocumentResult> error = ParseWorkerLine(failed);
  ASSERT_FALSE(error.has_value());
  EXPECT_EQ(error.error().code(), StatusCode::kLeakDetected);
  EXPECT_EQ(error.error().message(), "verification found a leak");
  EXPECT_EQ(ParseWorkerLine("not a line").error().code(), StatusCode::kInternal);
}

TEST(RunJob, WorkersSendTypedResultsAndVerifyInProcess) {
  const fs::path dir = TempDir("job");
  const fs::path in = dir / "in", out = dir / "out";
  fs::create_directories(in);
  fs::copy_file(kSamples + "/order_libreoffice.pdf", in / "order.pdf");
  fs::copy_file(kSamples + "/notice_ghostscript.pdf", in / "notice.pdf");
  std::ofstream(in / "broken.pdf") << "%PDF-1.7\nnot really\n";
  SessionOptions options = SampleSession();
  ASSERT_TRUE(jobs::PrepareJobFolder(out.string(), &options).ok());
  ASSERT_TRUE(options.job_key_file.has_value());
  StatusOr<std::unique_ptr<Session>> session = Session::Open(options);
  ASSERT_TRUE(session.has_value()) << session.error().message();
  jobs::JobOptions job;
  job.inputs = {in.string()};
  job.out = out.string();
  std::atomic<bool> stop{false};
  StatusOr<jobs::JobOutcome> outcome = jobs::RunJob(**session, job, nullptr, stop);
  ASSERT_TRUE(outcome.has_value()) << outcome.error().message();
  const JobTotals t = CountJob(outcome->documents);
  EXPECT_EQ(t.done, 2);
  EXPECT_EQ(t.failed, 1);
  for (const JobDocument& d : outcome->documents) {
    if (d.status == DocumentStatus::kDone) {
      EXPECT_GT(d.pages, 0) << d.output;
    }
    if (d.status == DocumentStatus::kFailed) {
      EXPECT_NE(d.error, StatusCode::kOk) << d.reason;
    }
  }
  EXPECT_TRUE(outcome->summary_written.ok());
  EXPECT_TRUE(fs::exists(out / "order.pdf"));
  EXPECT_TRUE(fs::exists(out / "order.report.json"));
  fs::remove_all(dir);
}

// The environment of one Slurm array task, as sbatch sets it; everything
// else that --shard auto reads unset.
class SlurmTask {
 public:
  SlurmTask(const char* id, const char* min, const char* max, const char* step, const char* count) {
    for (const char* v : {"JOB_COMPLETION_INDEX", "REDACT_SHARD_COUNT", "JOB_COMPLETIONS"}) unsetenv(v);
    Set("SLURM_ARRAY_TASK_ID", id);
    Set("SLURM_ARRAY_TASK_MIN", min);
    Set("SLURM_ARRAY_TASK_MAX", max);
    Set("SLURM_ARRAY_TASK_STEP", step);
    Set("SLURM_ARRAY_TASK_COUNT", count);
  }
  ~SlurmTask() {
    for (const char* v : {"SLURM_ARRAY_TASK_ID", "SLURM_ARRAY_TASK_MIN", "SLURM_ARRAY_TASK_MAX",
                          "SLURM_ARRAY_TASK_STEP", "SLURM_ARRAY_TASK_COUNT"}) {
      unsetenv(v);
    }
  }

 private:
  static void Set(const char* name, const char* value) {
    value ? setenv(name, value, 1) : unsetenv(name);
  }
};

std::string ShardOf(const SlurmTask&) {
  StatusOr<jobs::Shard> shard = jobs::ParseShard("auto");
  if (!shard) return shard.error().message();
  return std::to_string(shard->index) + "/" + std::to_string(shard->count);
}

TEST(ParseShard, SlurmTaskIdsCountFromTheArraysFirstInSteps) {
  // What sbatch sets (checked on Slurm 22.05) for --array=0-2, 1-3 and 0-4:2.
  EXPECT_EQ(ShardOf(SlurmTask("0", "0", "2", "1", "3")), "0/3");
  EXPECT_EQ(ShardOf(SlurmTask("2", "0", "2", "1", "3")), "2/3");
  EXPECT_EQ(ShardOf(SlurmTask("1", "1", "3", "1", "3")), "0/3");
  EXPECT_EQ(ShardOf(SlurmTask("3", "1", "3", "1", "3")), "2/3");
  EXPECT_EQ(ShardOf(SlurmTask("2", "0", "4", "2", "3")), "1/3");
  EXPECT_EQ(ShardOf(SlurmTask("4", "0", "4", "2", "3")), "2/3");
  // Without MIN, MAX and STEP (older Slurm): the id is the shard.
  EXPECT_EQ(ShardOf(SlurmTask("1", nullptr, nullptr, nullptr, "3")), "1/3");
}

TEST(ParseShard, ASlurmArrayGivenAsAListIsRefusedInEveryTask) {
  // --array=1,3,8: MIN 1, MAX 8, STEP 1, COUNT 3. Task 3 would otherwise
  // take shard 2, task 8 fail, and shard 1 never run.
  for (const char* id : {"1", "3", "8"}) {
    const std::string message = ShardOf(SlurmTask(id, "1", "8", "1", "3"));
    EXPECT_NE(message.find("not one range"), std::string::npos) << id << ": " << message;
    EXPECT_NE(message.find("--array=FIRST-LAST"), std::string::npos) << message;
  }
}

// ---- A long document's glyphs let go (GlyphHolding::kRelease) and read
// again where they are needed: the output must be the very one that holding
// them gives. Outputs differ only in the random /ID of their trailer.

std::string WithoutId(std::string pdf) {
  const size_t id = pdf.rfind("/ID [<");
  if (id == std::string::npos) return pdf;
  const size_t end = pdf.find(']', id);
  return pdf.replace(id, end - id, "/ID");
}

// A page with text the input itself marks for redaction (a /Redact
// annotation) and a name: the glyphs under the mark are read again too.
std::string MarkedPdf() {
  testing::PdfBuilder b;
  const std::string font = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>";
  const int contents = b.AddStream("", "BT /F1 12 Tf 72 700 Td (She lives in Tegucigalpa near the river) Tj "
                                       "0 -20 Td (Applicant: Maria Hernandez-Nunez, A-201-234-567) Tj ET");
  const int pages = b.Reserve();
  const int page = b.Reserve();
  const int mark = b.Add("<< /Type /Annot /Subtype /Redact /Rect [135 695 203 712] "
                         "/QuadPoints [135 712 203 712 135 695 203 695] >>");
  b.Set(page, "<< /Type /Page /Parent " + std::to_string(pages) +
                  " 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 " + font + " >> >> /Contents " +
                  std::to_string(contents) + " 0 R /Annots [" + std::to_string(mark) + " 0 R] >>");
  b.Set(pages, "<< /Type /Pages /Kids [" + std::to_string(page) + " 0 R] /Count 1 >>");
  return b.Build(b.Add("<< /Type /Catalog /Pages " + std::to_string(pages) + " 0 R >>"));
}

struct Applied {
  std::string pdf;
  std::vector<MappingEntry> mapping;
  size_t findings = 0;
};

Applied ApplyHolding(const Session& session, const std::string& input, const fs::path& out, ApplySettings settings,
                     GlyphHolding holding) {
  DocumentTask task;
  task.input = input;
  task.output_pdf = out.string();
  task.shown = input;
  settings.glyphs = holding;
  OcrContext ocr = session.NewOcrContext();
  StatusOr<DocumentResult> r = ApplyDocument(session, &ocr, task, settings);
  EXPECT_TRUE(r.has_value()) << input << ": " << r.error().message();
  if (!r) return {};
  Applied a{Read(r->staged_pdf), r->mapping, r->findings.size()};
  DiscardDocument(&*r);
  return a;
}

void ExpectSameOutputs(const Session& session, const std::vector<std::string>& inputs, const fs::path& dir,
                       const ApplySettings& settings) {
  for (const std::string& input : inputs) {
    SCOPED_TRACE(input);
    const Applied held = ApplyHolding(session, input, dir / "held.pdf", settings, GlyphHolding::kKeep);
    const Applied released = ApplyHolding(session, input, dir / "released.pdf", settings, GlyphHolding::kRelease);
    ASSERT_FALSE(held.pdf.empty());
    EXPECT_EQ(held.findings, released.findings);
    EXPECT_TRUE(WithoutId(held.pdf) == WithoutId(released.pdf)) << "outputs differ";
    ASSERT_EQ(held.mapping.size(), released.mapping.size());
    for (size_t i = 0; i < held.mapping.size(); ++i) {
      EXPECT_EQ(held.mapping[i].replacement, released.mapping[i].replacement);
      EXPECT_EQ(held.mapping[i].box, released.mapping[i].box);
    }
  }
}

TEST(ApplyDocument, ReleasingGlyphsWritesTheSameOutput) {
  const fs::path dir = TempDir("release");
  std::ofstream(dir / "marked.pdf", std::ios::binary) << MarkedPdf();
  ApplySettings settings;
  settings.verify = false;  // the output is compared here, byte for byte
  {
    StatusOr<std::unique_ptr<Session>> session = Session::Open(SampleSession());
    ASSERT_TRUE(session.has_value()) << session.error().message();
    std::vector<std::string> inputs{(dir / "marked.pdf").string()};
    for (const auto& e : fs::directory_iterator(kSamples)) {
      if (e.path().extension() == ".pdf") inputs.push_back(e.path().string());
    }
    std::sort(inputs.begin(), inputs.end());
    ExpectSameOutputs(**session, inputs, dir, settings);
  }
  // The evaluation's text documents: tables, forms, letters, orders, in
  // five producers' typesetting (the reading after removal matters most
  // in tables and forms).
  const std::string eval = REDACT_SOURCE_DIR "/tests/data/eval";
  StatusOr<std::unique_ptr<Session>> session = Session::Open(EvalSession());
  ASSERT_TRUE(session.has_value()) << session.error().message();
  std::vector<std::string> inputs;
  for (const auto& e : fs::directory_iterator(eval + "/docs")) {
    if (e.path().extension() == ".pdf" && !e.path().filename().string().starts_with("s")) {
      inputs.push_back(e.path().string());
    }
  }
  std::sort(inputs.begin(), inputs.end());
  ASSERT_GE(inputs.size(), 30u);
  ExpectSameOutputs(**session, inputs, dir, settings);
  fs::remove_all(dir);
}

// Pseudonyms are drawn on the lines the glyphs were on, and the sealed
// mapping says where each was: both from glyphs read again.
TEST(ApplyDocument, ReleasingGlyphsDrawsAndMapsTheSamePseudonyms) {
  const fs::path dir = TempDir("release-pseudonyms");
  SessionOptions o = SampleSession();
  o.seal.recipients = {"age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p"};
  StatusOr<std::unique_ptr<Session>> session = Session::Open(o);
  ASSERT_TRUE(session.has_value()) << session.error().message();
  ApplySettings settings;
  settings.verify = false;
  settings.mode = ApplyMode::kPseudonymize;
  const std::vector<std::string> inputs{kSamples + "/order_libreoffice.pdf", kSamples + "/record_reportlab.pdf",
                                        kSamples + "/declaracion_pdflatex.pdf"};
  const Applied probe = ApplyHolding(**session, inputs[0], dir / "probe.pdf", settings, GlyphHolding::kRelease);
  ASSERT_FALSE(probe.mapping.empty());
  for (const MappingEntry& e : probe.mapping) {
    ASSERT_EQ(e.box.size(), 4u);
    EXPECT_LT(e.box[0], e.box[2]) << "a mapping entry without its place";
  }
  ExpectSameOutputs(**session, inputs, dir, settings);
  fs::remove_all(dir);
}

constexpr const char* kHoldingSamples[] = {"/order_libreoffice.pdf", "/class_list_chromium.pdf",
                                           "/motion_pdflatex_cm.pdf"};

// One sample analyzed holding its glyphs, then letting them go.
std::pair<StatusOr<AnalyzedDocument>, StatusOr<AnalyzedDocument>> AnalyzeHeldAndReleased(const Session& session,
                                                                                       const std::string& input) {
  OcrContext ocr = session.NewOcrContext();
  StatusOr<AnalyzedDocument> held =
      AnalyzeDocument(input, session.OpenOptionsFor(std::nullopt), session.detector(), &ocr, GlyphHolding::kKeep);
  StatusOr<AnalyzedDocument> released =
      AnalyzeDocument(input, session.OpenOptionsFor(std::nullopt), session.detector(), &ocr, GlyphHolding::kRelease);
  return {std::move(held), std::move(released)};
}

// Analysis that lets glyphs go finds what analysis that holds them finds,
// and holds none of a text page's glyphs at the end.
TEST(AnalyzeDocument, ReleasedPagesHoldNoGlyphsAndFindTheSame) {
  StatusOr<std::unique_ptr<Session>> session = Session::Open(SampleSession());
  ASSERT_TRUE(session.has_value());
  for (const char* name : kHoldingSamples) {
    SCOPED_TRACE(name);
    auto [held, released] = AnalyzeHeldAndReleased(**session, kSamples + name);
    ASSERT_TRUE(held.has_value() && released.has_value());
    ASSERT_EQ(held->pages.size(), released->pages.size());
    for (size_t i = 0; i < held->pages.size(); ++i) {
      const PageText& h = held->pages[i];
      const PageText& r = released->pages[i];
      EXPECT_TRUE(r.released.has_value());
      EXPECT_TRUE(r.glyphs.empty());
      EXPECT_EQ(r.glyph_count(), h.glyphs.size());
      EXPECT_EQ(r.undecodable_glyph_count(), h.undecodable_glyph_count());
      EXPECT_EQ(r.text, h.text);
      EXPECT_EQ(r.text_glyph, h.text_glyph);
    }
    ASSERT_EQ(held->findings.size(), released->findings.size());
    for (size_t i = 0; i < held->findings.size(); ++i) {
      const Finding& h = held->findings[i];
      const Finding& r = released->findings[i];
      EXPECT_EQ(std::tie(h.page, h.begin, h.end, h.category, h.rule, h.glyphs),
                std::tie(r.page, r.begin, r.end, r.category, r.rule, r.glyphs));
    }
  }
}

// scan lets a long document's glyphs go too (it held 550 MB at 1,000
// pages): the boxes it prints are read again from the released pages, and
// are those of held glyphs; the pages are let go again afterwards.
TEST(AnalyzeDocument, FindingBoxesOfReleasedPagesAreThoseOfHeldGlyphs) {
  StatusOr<std::unique_ptr<Session>> session = Session::Open(SampleSession());
  ASSERT_TRUE(session.has_value());
  for (const char* name : kHoldingSamples) {
    SCOPED_TRACE(name);
    auto [held, released] = AnalyzeHeldAndReleased(**session, kSamples + name);
    ASSERT_TRUE(held.has_value() && released.has_value());
    StatusOr<std::vector<Rect>> boxes = FindingBoxes(&*released);
    ASSERT_TRUE(boxes.has_value());
    ASSERT_EQ(boxes->size(), held->findings.size());
    ASSERT_FALSE(boxes->empty());
    for (size_t k = 0; k < boxes->size(); ++k) {
      const Rect want = held->pages[held->findings[k].page - 1].GlyphBounds(held->findings[k].glyphs);
      EXPECT_EQ(std::tie(want.x0, want.y0, want.x1, want.y1),
                std::tie((*boxes)[k].x0, (*boxes)[k].y0, (*boxes)[k].x1, (*boxes)[k].y1));
    }
    for (const PageText& page : released->pages) EXPECT_TRUE(page.glyphs.empty() && page.released.has_value());
  }
}

// With two cores, analysis assembles each page on a second thread while it
// reads the next (as read, and as read again without the findings): what
// it finds and the text it reads are those of analysis in turn, for
// released and held glyphs alike, over the samples and the evaluation's
// text documents.
// Detection again without the findings takes no short form of a person a
// cue found only in the reduced text: probe25's exhibit read "Declaration
// of [Guo Lihua]" then "CONDITIONALLY FILED UNDER SEAL", a name by the
// signature cue, and "Filed" in the court's header went as its surname.
TEST(AnalyzeDocument, TheReducedTextLendsNoShortFormsToNamesItMakesUp) {
  testing::PdfBuilder b;
  const int font = b.Add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
  const std::string content =
      "BT /F1 10 Tf 72 740 Td (Case 2:25-cv-00688 Document 41-4 Filed 07/22/25) Tj ET\n"
      "BT /F1 12 Tf 72 700 Td (Exhibit 3 to the Declaration of Maria Guadalupe Hernandez-Nunez) Tj ET\n"
      "BT /F1 12 Tf 72 660 Td (CONDITIONALLY FILED UNDER SEAL) Tj ET\n";
  const std::string pdf = b.BuildOnePage(b.AddStream("", content),
                                         "<< /Font << /F1 " + std::to_string(font) + " 0 R >> >>");
  const fs::path dir = TempDir("reduced");
  std::ofstream(dir / "exhibit.pdf", std::ios::binary) << pdf;
  StatusOr<std::unique_ptr<Session>> session = Session::Open(SampleSession());
  ASSERT_TRUE(session.has_value()) << session.error().message();
  OcrContext ocr = (*session)->NewOcrContext();
  StatusOr<AnalyzedDocument> analyzed = AnalyzeDocument((dir / "exhibit.pdf").string(),
                                                        (*session)->OpenOptionsFor(std::nullopt),
                                                        (*session)->detector(), &ocr, GlyphHolding::kKeep);
  ASSERT_TRUE(analyzed.has_value()) << analyzed.error().message();
  std::vector<std::string> found;
  for (const Finding& f : analyzed->findings) {
    found.push_back(analyzed->pages[0].text.substr(f.begin, f.end - f.begin));
  }
  EXPECT_EQ(found, std::vector<std::string>{"Maria Guadalupe Hernandez-Nunez"});
  fs::remove_all(dir);
}

// Detection again without the findings reads the table it removed cells
// from as the output shows it, its boxes blacked out: probe25's bond
// tracker, its client and sponsor columns removed, read as a form whose
// "Sponsor address" label stood beside "Bond", and the header went as an
// address (and the check refused the output: "bond" was in its notes).
TEST(AnalyzeDocument, ATableReducedByRemovalKeepsItsHeaders) {
  testing::PdfBuilder b;
  const int font = b.Add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
  std::string content = "0.5 w\n";
  for (const int x : {40, 200, 330, 400, 480}) content += std::to_string(x) + " 624 m " + std::to_string(x) + " 712 l S\n";
  for (const int y : {712, 696, 672, 648, 624}) content += "40 " + std::to_string(y) + " m 480 " + std::to_string(y) + " l S\n";
  auto cell = [&](int x, int y, const std::string& text) {
    content += "BT /F1 9 Tf " + std::to_string(x) + " " + std::to_string(y) + " Td (" + text + ") Tj ET\n";
  };
  cell(42, 701, "Client"), cell(202, 701, "Sponsor address"), cell(332, 701, "Bond"), cell(402, 701, "Hearing");
  const char* clients[] = {"HERNANDEZ-NUNEZ, Maria Guadalupe", "PENA ORTIZ, Jose Luis", "PETRENKO, Oksana"};
  const char* streets[] = {"1420 Rhode Island Ave NE", "6650 W Flagler St", "1187 Rogers Ave"};
  const char* bonds[] = {"$7,500", "$5,000", "parole"};
  for (int r = 0; r < 3; ++r) {
    const int y = 680 - 24 * r;
    cell(42, y, clients[r]), cell(202, y, streets[r]), cell(332, y, bonds[r]), cell(402, y, "08/14/2025");
  }
  content += "BT /F1 10 Tf 40 560 Td (Ask the sponsor to move the bond payment before the hearing.) Tj ET\n";
  const std::string pdf = b.BuildOnePage(b.AddStream("", content),
                                         "<< /Font << /F1 " + std::to_string(font) + " 0 R >> >>");
  const fs::path dir = TempDir("reduced-table");
  std::ofstream(dir / "tracker.pdf", std::ios::binary) << pdf;
  StatusOr<std::unique_ptr<Session>> session = Session::Open(SampleSession());
  ASSERT_TRUE(session.has_value()) << session.error().message();
  OcrContext ocr = (*session)->NewOcrContext();
  StatusOr<AnalyzedDocument> analyzed = AnalyzeDocument((dir / "tracker.pdf").string(),
                                                        (*session)->OpenOptionsFor(std::nullopt),
                                                        (*session)->detector(), &ocr, GlyphHolding::kKeep);
  ASSERT_TRUE(analyzed.has_value()) << analyzed.error().message();
  std::set<std::string> found;
  for (const Finding& f : analyzed->findings) found.insert(analyzed->pages[0].text.substr(f.begin, f.end - f.begin));
  EXPECT_TRUE(found.count("PENA ORTIZ, Jose Luis")) << "the client column goes";
  EXPECT_TRUE(found.count("6650 W Flagler St")) << "the sponsor address column goes";
  for (const char* header : {"Client", "Sponsor address", "Bond", "Hearing"}) EXPECT_FALSE(found.count(header)) << header;
  fs::remove_all(dir);
}

// Detection again without the findings types no name by the place a
// cell has in the reduced page: probe34's caption, its respondent and file
// number gone, read as a table under "In the Matter of:", and "In Removal
// Proceedings" went as a name.
TEST(AnalyzeDocument, TheReducedCaptionMakesNoNameColumn) {
  testing::PdfBuilder b;
  const int font = b.Add("<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman /Encoding /WinAnsiEncoding >>");
  std::string content;
  auto line = [&](int x, int y, const std::string& text) {
    content += "BT /F1 11 Tf " + std::to_string(x) + " " + std::to_string(y) + " Td (" + text + ") Tj ET\n";
  };
  line(200, 700, "UNITED STATES DEPARTMENT OF JUSTICE");
  line(190, 686, "EXECUTIVE OFFICE FOR IMMIGRATION REVIEW");
  line(72, 640, "In the Matter of:"), line(320, 640, "File No.: A214-662-019");
  line(72, 626, "MAMADOU LAMINE DIALLO,");
  line(86, 612, "Respondent."), line(320, 612, "Immigration Judge: Katherine L. Mor-");
  line(320, 598, "row");
  line(72, 584, "In Removal Proceedings"), line(320, 584, "Next Hearing: January 14, 2025, 8:30");
  line(320, 570, "a.m.");
  line(72, 530, "Respondent, Mamadou Lamine Diallo, through undersigned counsel, respectfully moves the");
  line(72, 516, "Immigration Court to change venue in these proceedings.");
  const std::string pdf = b.BuildOnePage(b.AddStream("", content),
                                         "<< /Font << /F1 " + std::to_string(font) + " 0 R >> >>");
  const fs::path dir = TempDir("reduced-caption");
  std::ofstream(dir / "motion.pdf", std::ios::binary) << pdf;
  StatusOr<std::unique_ptr<Session>> session = Session::Open(SampleSession());
  ASSERT_TRUE(session.has_value()) << session.error().message();
  OcrContext ocr = (*session)->NewOcrContext();
  StatusOr<AnalyzedDocument> analyzed = AnalyzeDocument((dir / "motion.pdf").string(),
                                                        (*session)->OpenOptionsFor(std::nullopt),
                                                        (*session)->detector(), &ocr, GlyphHolding::kKeep);
  ASSERT_TRUE(analyzed.has_value()) << analyzed.error().message();
  std::set<std::string> found;
  for (const Finding& f : analyzed->findings) found.insert(analyzed->pages[0].text.substr(f.begin, f.end - f.begin));
  EXPECT_TRUE(found.count("MAMADOU LAMINE DIALLO")) << "the respondent goes";
  EXPECT_TRUE(found.count("A214-662-019")) << "the file number goes";
  EXPECT_FALSE(found.count("In Removal Proceedings"));
  // The output is written: apply's own check reads the reduced caption as
  // analysis did, and finds no name in it.
  DocumentTask task;
  task.input = (dir / "motion.pdf").string();
  task.output_pdf = (dir / "out.pdf").string();
  task.shown = "motion.pdf";
  StatusOr<DocumentResult> r = ApplyDocument(**session, &ocr, task, ApplySettings{});
  ASSERT_TRUE(r.has_value()) << r.error().message();
  EXPECT_TRUE(r->verification.leaks.empty());
  DiscardDocument(&*r);
  fs::remove_all(dir);
}

// A value detection took only once the other findings were gone is not
// sought in the rest of the output: probe21's I-213 read "Date of Birth"
// over its removed date, then the date of action beside it, as a date of
// birth; the same date stood in three more places, and the check refused
// the output for each of them.
// probe21's I-213 in small: a birth date under its label, a date of action
// beside it, and the date of action again in prose.
std::string RecordWithDateBesideBirthDate() {
  testing::PdfBuilder b;
  const int font = b.Add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
  const std::string content =
      "BT /F1 9 Tf 40 700 Td (Date of Birth) Tj ET BT /F1 9 Tf 200 700 Td (Date of Action) Tj ET\n"
      "BT /F1 9 Tf 40 686 Td (07/22/1998) Tj ET BT /F1 9 Tf 200 686 Td (03/04/2024) Tj ET\n"
      "BT /F1 9 Tf 40 600 Td (Advised of communication privileges 03/04/2024 by the officer.) Tj ET\n";
  return b.BuildOnePage(b.AddStream("", content), "<< /Font << /F1 " + std::to_string(font) + " 0 R >> >>");
}

// ApplyDocument on `input` into `dir`/out.pdf, with the default self-check;
// expects two date-of-birth findings and no leak.
void ExpectDatesRemovedAndChecked(const Session& session, const fs::path& input, const fs::path& dir,
                                  const ReviewedFindings* reviewed) {
  DocumentTask task;
  task.input = input.string();
  task.output_pdf = (dir / "out.pdf").string();
  task.shown = task.input;
  task.reviewed = reviewed;
  OcrContext ocr = session.NewOcrContext();
  StatusOr<DocumentResult> r = ApplyDocument(session, &ocr, task, ApplySettings{});
  ASSERT_TRUE(r.has_value()) << r.error().message();
  int dates = 0;
  for (const DocumentResult::FindingRecord& f : r->findings) dates += f.category == "dob" ? 1 : 0;
  EXPECT_EQ(dates, 2) << "the date beside the label reads as its value once the birth date is gone";
  EXPECT_TRUE(r->verification.checked);
  for (const std::string& leak : r->verification.leaks) ADD_FAILURE() << leak;
  DiscardDocument(&*r);
}

// A value detection took only once the other findings were gone is not
// sought in the rest of the output: probe21's I-213 read "Date of Birth"
// over its removed date, then the date of action beside it, as a date of
// birth; the same date stood in three more places, and the check refused
// the output for each of them.
TEST(ApplyDocument, AValueSeenOnlyAfterRemovalIsNotSoughtElsewhere) {
  const fs::path dir = TempDir("after-removal");
  std::ofstream(dir / "record.pdf", std::ios::binary) << RecordWithDateBesideBirthDate();
  StatusOr<std::unique_ptr<Session>> session = Session::Open(SampleSession());
  ASSERT_TRUE(session.has_value()) << session.error().message();
  ExpectDatesRemovedAndChecked(**session, dir / "record.pdf", dir, nullptr);
  fs::remove_all(dir);
}

// The same through review: the findings file a reviewer saves unchanged
// lists that value too, and apply --findings must not search for it
// elsewhere either (the file does not carry how a finding was made; apply
// takes that from its own detection of the same glyphs).
TEST(ApplyDocument, AReviewedValueSeenOnlyAfterRemovalIsNotSoughtElsewhere) {
  const fs::path dir = TempDir("after-removal-reviewed");
  std::ofstream(dir / "record.pdf", std::ios::binary) << RecordWithDateBesideBirthDate();
  StatusOr<std::unique_ptr<Session>> session = Session::Open(SampleSession());
  ASSERT_TRUE(session.has_value()) << session.error().message();
  OcrContext ocr = (*session)->NewOcrContext();
  StatusOr<AnalyzedDocument> analyzed = AnalyzeDocument((dir / "record.pdf").string(),
                                                        (*session)->OpenOptionsFor(std::nullopt),
                                                        (*session)->detector(), &ocr, GlyphHolding::kKeep);
  ASSERT_TRUE(analyzed.has_value()) << analyzed.error().message();
  StatusOr<std::string> sha = FileSha256((dir / "record.pdf").string());
  ASSERT_TRUE(sha.has_value());
  ReviewedFindings reviewed;
  reviewed.source = (dir / "record.findings.json").string();
  reviewed.json = nlohmann::json::parse(
      FindingsToJson("record.pdf", *sha, analyzed->pages, analyzed->findings).dump());  // as saved and read back
  ExpectDatesRemovedAndChecked(**session, dir / "record.pdf", dir, &reviewed);
  fs::remove_all(dir);
}

// A value the input kept on a page is judged on that page's text by
// count; the bytes of the page's content stream are that text. probe26's
// A-file index dated its credible-fear worksheet 05/06/2014 in the Date
// column and noted "Positive CF (05/06/2014)" in the same row: the notation
// went, the column's date stayed, and the check found the date's bytes in
// the page's stream and refused the output.
TEST(ApplyDocument, ADateTheInputKeptElsewhereOnThePageIsNoLeakInItsStream) {
  const fs::path dir = TempDir("kept-in-stream");
  testing::PdfBuilder b;
  const int font = b.Add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
  const std::string content =
      "BT /F1 9 Tf 40 700 Td (Released on 05/06/2014 to the requester under the FOIA.) Tj ET\n"
      "BT /F1 9 Tf 40 680 Td (The worksheet records: Positive CF \\(05/06/2014\\); AO notes.) Tj ET\n";
  std::ofstream(dir / "index.pdf", std::ios::binary)
      << b.BuildOnePage(b.AddStream("", content), "<< /Font << /F1 " + std::to_string(font) + " 0 R >> >>");
  StatusOr<std::unique_ptr<Session>> session = Session::Open(SampleSession());
  ASSERT_TRUE(session.has_value()) << session.error().message();
  DocumentTask task;
  task.input = (dir / "index.pdf").string();
  task.output_pdf = (dir / "out.pdf").string();
  task.shown = task.input;
  OcrContext ocr = (*session)->NewOcrContext();
  StatusOr<DocumentResult> r = ApplyDocument(**session, &ocr, task, ApplySettings{});
  ASSERT_TRUE(r.has_value()) << r.error().message();
  int dated = 0;
  for (const DocumentResult::FindingRecord& f : r->findings) dated += f.category == "credible_fear" ? 1 : 0;
  EXPECT_GE(dated, 1) << "the notation and its date are a finding";
  EXPECT_TRUE(r->verification.checked);
  for (const std::string& leak : r->verification.leaks) ADD_FAILURE() << leak;
  DiscardDocument(&*r);
  fs::remove_all(dir);
}

// A filled form (probe26's I-589): the page prints the labels, the
// values live in the form fields' widgets. Read as fields one by one, a
// family name alone meant nothing and stayed; drawn into the page as a
// viewer shows them, each value is read under its label.
TEST(AnalyzeDocument, FormFieldValuesAreReadUnderTheirPrintedLabels) {
  testing::PdfBuilder b;
  const int font = b.Add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
  const std::string fonts = "<< /Font << /F1 " + std::to_string(font) + " 0 R >> >>";
  const int appearance = b.AddStream("/Type /XObject /Subtype /Form /BBox [0 0 160 14] /Resources " + fonts,
                                     "/Tx BMC BT /F1 10 Tf 2 3 Td (HABTEMARIAM) Tj ET EMC");
  const int widget = b.Add("<< /Type /Annot /Subtype /Widget /FT /Tx /T (family_name) /V (HABTEMARIAM) /F 4 "
                           "/Rect [40 676 200 690] /AP << /N " + std::to_string(appearance) + " 0 R >> >>");
  const std::string content = "BT /F1 9 Tf 40 700 Td (4. Complete Last Name) Tj ET\n"
                              "BT /F1 9 Tf 40 600 Td (Signature of applicant on file.) Tj ET\n";
  const std::string pdf = b.BuildOnePage(b.AddStream("", content), fonts,
                                         "/Annots [" + std::to_string(widget) + " 0 R]",
                                         "/AcroForm << /Fields [" + std::to_string(widget) + " 0 R] >>");
  const fs::path dir = TempDir("form-fields");
  std::ofstream(dir / "form.pdf", std::ios::binary) << pdf;
  StatusOr<std::unique_ptr<Session>> session = Session::Open(SampleSession());
  ASSERT_TRUE(session.has_value()) << session.error().message();
  OcrContext ocr = (*session)->NewOcrContext();
  StatusOr<AnalyzedDocument> analyzed = AnalyzeDocument((dir / "form.pdf").string(),
                                                        (*session)->OpenOptionsFor(std::nullopt),
                                                        (*session)->detector(), &ocr, GlyphHolding::kKeep);
  ASSERT_TRUE(analyzed.has_value()) << analyzed.error().message();
  EXPECT_EQ(analyzed->document->widgets_drawn(), 1);
  bool under_label = false;
  for (const Finding& f : analyzed->findings) {
    const std::string text = analyzed->pages[0].text.substr(f.begin, f.end - f.begin);
    under_label = under_label || (text == "HABTEMARIAM" && f.category == "name" && f.basis == "label");
  }
  EXPECT_TRUE(under_label) << "the family name is read as the value of the label printed over its field";
  EXPECT_TRUE(analyzed->side_findings.empty()) << "no field is left to read one by one";
  fs::remove_all(dir);
}

// probe26's I-589 again, written by apply with its own check: the form's
// City and State boxes hold "Dallas" and "TX", and counsel's address on the
// same page is in Dallas, TX too, as is a child's location ("With
// applicant, Dallas, TX"). The town a box typed is removed there;
// the same town in counsel's address is not it, and the output is written
// (the check refused it, searching every stream for "Dallas").
TEST(ApplyDocument, AFilledFormIsWrittenWhenItsTownIsAlsoCounsels) {
  testing::PdfBuilder b;
  const int font = b.Add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
  const std::string fonts = "<< /Font << /F1 " + std::to_string(font) + " 0 R >> >>";
  std::string annots, fields;
  auto field = [&](const std::string& name, const std::string& value, int x, int y) {
    const int ap = b.AddStream("/Type /XObject /Subtype /Form /BBox [0 0 120 14] /Resources " + fonts,
                               "/Tx BMC BT /F1 10 Tf 2 3 Td (" + value + ") Tj ET EMC");
    const int w = b.Add("<< /Type /Annot /Subtype /Widget /FT /Tx /T (" + name + ") /V (" + value + ") /F 4 /Rect [" +
                        std::to_string(x) + " " + std::to_string(y) + " " + std::to_string(x + 120) + " " +
                        std::to_string(y + 14) + "] /AP << /N " + std::to_string(ap) + " 0 R >> >>");
    annots += std::to_string(w) + " 0 R ";
    fields += std::to_string(w) + " 0 R ";
  };
  field("family", "HABTEMARIAM", 40, 676);
  field("city", "Dallas", 40, 636);
  field("state", "TX", 200, 636);
  field("location", "With applicant, Dallas, TX", 40, 596);
  const std::string content =
      "BT /F1 9 Tf 40 700 Td (4. Complete Last Name) Tj ET\n"
      "BT /F1 9 Tf 40 660 Td (City) Tj ET BT /F1 9 Tf 200 660 Td (State) Tj ET\n"
      "BT /F1 9 Tf 40 620 Td (13. Location \\(if in the U.S.\\)) Tj ET\n"
      "BT /F1 9 Tf 40 560 Td (Attorney: Ruth Abernathy, 1910 Pacific Avenue, Suite 8600, Dallas, TX 75201) Tj ET\n";
  const std::string pdf = b.BuildOnePage(b.AddStream("", content), fonts, "/Annots [" + annots + "]",
                                         "/AcroForm << /Fields [" + fields + "] >>");
  const fs::path dir = TempDir("form-town");
  std::ofstream(dir / "form.pdf", std::ios::binary) << pdf;
  StatusOr<std::unique_ptr<Session>> session = Session::Open(SampleSession());
  ASSERT_TRUE(session.has_value()) << session.error().message();
  DocumentTask task;
  task.input = (dir / "form.pdf").string();
  task.output_pdf = (dir / "out.pdf").string();
  task.shown = task.input;
  OcrContext ocr = (*session)->NewOcrContext();
  StatusOr<DocumentResult> r = ApplyDocument(**session, &ocr, task, ApplySettings{});
  ASSERT_TRUE(r.has_value()) << r.error().message();
  std::set<std::string> categories;
  for (const DocumentResult::FindingRecord& f : r->findings) categories.insert(f.category);
  EXPECT_TRUE(categories.count("name")) << "the family name in its box";
  EXPECT_TRUE(categories.count("address")) << "the town and state in their boxes";
  EXPECT_TRUE(r->verification.checked);
  for (const std::string& leak : r->verification.leaks) ADD_FAILURE() << leak;
  DiscardDocument(&*r);
  fs::remove_all(dir);
}

TEST(AnalyzeDocument, PagesAssembledOnASecondThreadReadAsInTurn) {
  const std::string eval = REDACT_SOURCE_DIR "/tests/data/eval";
  StatusOr<std::unique_ptr<Session>> session = Session::Open(EvalSession());
  ASSERT_TRUE(session.has_value()) << session.error().message();
  std::vector<std::string> inputs;
  for (const std::string dir : {kSamples, eval + "/docs"}) {
    for (const auto& e : fs::directory_iterator(dir)) {
      if (e.path().extension() == ".pdf" && !e.path().filename().string().starts_with("s")) {
        inputs.push_back(e.path().string());
      }
    }
  }
  std::sort(inputs.begin(), inputs.end());
  ASSERT_GE(inputs.size(), 35u);
  size_t findings = 0;
  for (const std::string& input : inputs) {
    for (GlyphHolding holding : {GlyphHolding::kKeep, GlyphHolding::kRelease}) {
      SCOPED_TRACE(input + (holding == GlyphHolding::kKeep ? " (held)" : " (released)"));
      auto analyze = [&](int jobs) {
        OcrContext ocr = (*session)->NewOcrContext();
        ocr.jobs = jobs;
        return AnalyzeDocument(input, (*session)->OpenOptionsFor(std::nullopt), (*session)->detector(), &ocr,
                               holding);
      };
      StatusOr<AnalyzedDocument> in_turn = analyze(1);
      StatusOr<AnalyzedDocument> overlapped = analyze(2);
      ASSERT_TRUE(in_turn.has_value() && overlapped.has_value());
      ASSERT_EQ(in_turn->pages.size(), overlapped->pages.size());
      for (size_t i = 0; i < in_turn->pages.size(); ++i) {
        EXPECT_EQ(in_turn->pages[i].text, overlapped->pages[i].text);
        EXPECT_EQ(in_turn->pages[i].text_glyph, overlapped->pages[i].text_glyph);
        EXPECT_EQ(in_turn->pages[i].glyph_count(), overlapped->pages[i].glyph_count());
      }
      ASSERT_EQ(in_turn->findings.size(), overlapped->findings.size());
      for (size_t i = 0; i < in_turn->findings.size(); ++i) {
        const Finding& a = in_turn->findings[i];
        const Finding& b = overlapped->findings[i];
        EXPECT_EQ(std::tie(a.page, a.begin, a.end, a.category, a.rule, a.glyphs, a.reason),
                  std::tie(b.page, b.begin, b.end, b.category, b.rule, b.glyphs, b.reason));
      }
      findings += in_turn->findings.size();
    }
  }
  EXPECT_GT(findings, 500u);  // there was something to find
}

}  // namespace
}  // namespace redact
