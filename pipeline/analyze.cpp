#include "pipeline/analyze.h"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <deque>
#include <exception>
#include <functional>
#include <mutex>
#include <optional>
#include <set>
#include <thread>
#include <tuple>
#include <utility>

#include "core/finding.h"
#include "pipeline/names_cache.h"
#include "stages/assemble/assemble.h"
#include "stages/assemble/packed_text.h"
#include "stages/extract/extract.h"
#include "stages/inspect/inspect.h"
#include "stages/ocr/layer_check.h"
#include "stages/ocr/ocr.h"
#include "stages/structure/structure.h"

namespace redact {

// Below this mean character confidence (Tesseract's 0-100) a page is
// flagged for review: at 60 and above the sample scans read cleanly.
constexpr double kMinMeanOcrConfidence = 60;

namespace {

StatusOr<OcrEngine*> Engine(OcrContext* ocr, size_t worker) {
  if (ocr->engines.size() <= worker) ocr->engines.resize(worker + 1);
  if (!ocr->engines[worker]) {
    if (!ocr->make_engine) return Error(StatusCode::kInternal, "no OCR engine factory");
    auto engine = ocr->make_engine(ocr->languages);
    if (!engine) return Error(engine.error());
    if (!*engine) return Error(StatusCode::kInternal, "the OCR engine factory made no engine");
    ocr->engines[worker] = std::move(*engine);
  }
  return ocr->engines[worker].get();
}

// A page read up to OCR: extracted, its images found and planned.
struct PlannedPage {
  PageText page;
  std::vector<PlacedImage> images;
  OcrPlan plan;
};

StatusOr<PlannedPage> PlanPage(pdf::Document& doc, int index, const OcrContext& ocr) {
  std::vector<PlacedImage> images;
  const std::unique_ptr<pdf::ContentSink> image_collector = NewImageCollector(&images);
  StatusOr<PageText> page = ExtractGlyphs(doc, index, doc.limits(), image_collector.get());
  if (!page) return Error(page.error());
  PlannedPage out{std::move(*page), std::move(images), {}};
  out.plan = PlanPageOcr(out.images, out.page, ocr.mode);
  return out;
}

// After OCR (or none): review flags, then assembly.
void FinishPage(PlannedPage* p, const OcrContext& ocr) {
  PageText& page = p->page;
  if (p->plan.page_is_scan && ocr.mode == OcrMode::kAlways) {
    // An existing invisible layer (an earlier OCR's, maybe wrong or
    // misplaced) gives way to ours.
    for (Glyph& g : page.glyphs) {
      if (!g.ocr && (g.render_mode == 3 || g.render_mode == 7)) g.superseded = true;
    }
  }
  if (p->plan.page_is_scan) {
    // A scan OCR could barely read is not a clean page: say so. (An image
    // on a typed page may rightly hold no text: a photo, a seal.)
    double confidence = 0;
    int read = 0;
    for (const Glyph& g : page.glyphs) {
      if (g.ocr) confidence += g.confidence, ++read;
    }
    if (read < 20 || confidence / read < kMinMeanOcrConfidence) {
      page.problems.push_back({ExtractionProblem::Kind::kLowOcrConfidence, -1, -1,
                               std::to_string(read) + " characters read, mean confidence " +
                                   std::to_string(read ? static_cast<int>(confidence / read) : 0)});
    }
  } else if (ocr.mode == OcrMode::kNever && PageNeedsOcr(p->images, page, OcrMode::kAuto)) {
    page.problems.push_back({ExtractionProblem::Kind::kNotOcrd, -1, -1,
                             "a page of images with no text layer, not OCR'd (--ocr never)"});
  }
  // An invisible layer over an image is believed only as far as OCR of
  // the pixels agrees with it.
  if (p->plan.check_layer) SettleTextLayer(&page);
  AssembleText(&page);
  BuildPageStructure(&page);
}

// Pages waiting for a worker, bounded so decoded images do not pile up.
class OcrQueue {
 public:
  struct Task {
    size_t page;
    std::vector<OcrInput> inputs;
  };
  explicit OcrQueue(size_t capacity) : capacity_(capacity) {}
  void Push(Task task) {
    std::unique_lock lock(mutex_);
    space_.wait(lock, [&] { return tasks_.size() < capacity_; });
    tasks_.push_back(std::move(task));
    ready_.notify_one();
  }
  std::optional<Task> Pop() {
    std::unique_lock lock(mutex_);
    ready_.wait(lock, [&] { return !tasks_.empty() || closed_; });
    if (tasks_.empty()) return std::nullopt;
    Task t = std::move(tasks_.front());
    tasks_.pop_front();
    space_.notify_one();
    return t;
  }
  void Close() {
    std::lock_guard lock(mutex_);
    closed_ = true;
    ready_.notify_all();
  }

 private:
  size_t capacity_;
  std::mutex mutex_;
  std::condition_variable ready_, space_;
  std::deque<Task> tasks_;
  bool closed_ = false;
};

// Page-local work (assembly, structure, letting glyphs go: nothing but the
// page itself) on a second thread while this thread reads the next page
// with PoDoFo, which only this thread touches. One page at a time is in
// the other thread's hands; Hand waits for it before handing the next.
// One thread serves the whole pass (a thread per page cost a fresh stack,
// faulted in, each time). Without `enabled`, work runs on this thread.
class PageOverlap {
 public:
  explicit PageOverlap(bool enabled) {
    if (enabled) thread_ = std::thread([this] { Serve(); });
  }
  PageOverlap(const PageOverlap&) = delete;
  PageOverlap& operator=(const PageOverlap&) = delete;
  ~PageOverlap() {
    if (!thread_.joinable()) return;
    {
      std::unique_lock lock(mutex_);
      done_.wait(lock, [&] { return !work_; });
      closed_ = true;
    }
    ready_.notify_one();
    thread_.join();
  }
  void Hand(std::function<void()> work) {
    if (!thread_.joinable()) return work();
    Wait();
    {
      std::lock_guard lock(mutex_);
      work_ = std::move(work);
    }
    ready_.notify_one();
  }
  // Waits for the page in hand; what its work threw is thrown here.
  void Wait() {
    if (!thread_.joinable()) return;
    std::unique_lock lock(mutex_);
    done_.wait(lock, [&] { return !work_; });
    if (std::exception_ptr e = std::exchange(thrown_, nullptr)) std::rethrow_exception(e);
  }

 private:
  void Serve() {
    std::unique_lock lock(mutex_);
    for (;;) {
      ready_.wait(lock, [&] { return work_ || closed_; });
      if (!work_) return;  // closed, nothing in hand
      lock.unlock();
      std::exception_ptr thrown;
      try {
        work_();
      } catch (...) {  // handed back to the caller by Wait, not swallowed
        thrown = std::current_exception();
      }
      lock.lock();
      work_ = nullptr;
      thrown_ = thrown;
      done_.notify_one();
    }
  }

  std::mutex mutex_;
  std::condition_variable ready_, done_;
  std::function<void()> work_;  // the page in hand; empty when none
  std::exception_ptr thrown_;
  bool closed_ = false;
  std::thread thread_;
};

// The blanks (PageText::blanks) the `removed` glyphs of a page leave: one
// per run of them along a line, as a redaction box covers them.
std::vector<Blank> BlanksOf(const PageText& page, const std::set<int>& removed) {
  std::vector<Blank> blanks;
  for (int i : removed) {
    const Glyph& g = page.glyphs[static_cast<size_t>(i)];
    if (g.is_space || g.rotation != 0 || g.box.area() <= 0) continue;
    const Rect box = g.box;
    if (!blanks.empty()) {
      Blank& last = blanks.back();
      const Rect run = last.box;
      const double h = std::max(run.height(), box.height());
      const double gap = box.x0 - run.x1;
      if (std::fabs((run.y0 + run.y1) / 2 - (box.y0 + box.y1) / 2) <= 0.4 * h && gap >= -0.5 * h &&
          gap <= 0.6 * std::max(last.font_size, g.font_size)) {
        last.box = run.Union(box);
        last.font_size = std::max(last.font_size, g.font_size);
        continue;
      }
    }
    blanks.push_back({box, g.font_size});
  }
  return blanks;
}

// Detection of the document as it reads without the `removed` glyphs of each
// page. The pages are read that way in place and given back exactly as they
// were, with their layouts, which LinkDocumentStructure changed across
// pages. A page that holds its glyphs gets its text made again by
// AssembleText from the same glyphs (a pure function of them) rather than
// set aside: holding every page's words twice as well as its glyphs was the
// peak of a long document. A page whose glyphs were released is read again,
// its reduced text assembled, and its glyphs let go at once; its own text
// waits aside, packed (stages/assemble/packed_text.h: a quarter of its
// room), so the peak holds one reading of each page and a packed one.
StatusOr<std::vector<Finding>> DetectWithout(const Detector& detector, pdf::Document& doc,
                                             std::vector<PageText>* pages,
                                             const std::vector<std::set<int>>& removed, bool overlap) {
  std::vector<PageLayout> kept(pages->size());
  std::vector<std::vector<int>> flipped(pages->size());  // glyphs this call superseded
  std::vector<std::optional<PackedText>> aside(pages->size());  // released pages' own text
  std::vector<std::vector<Blank>> blanks_kept(pages->size());  // the pages' own blanks
  // A page's reduced text is assembled on the other thread while this one
  // reads the next page again (each page and its own slots only).
  PageOverlap assembly(overlap);
  for (size_t i = 0; i < pages->size(); ++i) {
    PageText& page = (*pages)[i];
    if (removed[i].empty()) {
      kept[i] = page.layout;  // LinkDocumentStructure may carry other headers into it
      continue;
    }
    kept[i] = std::move(page.layout);
    const std::optional<PageText::ReleasedGlyphs> released = page.released;
    if (released) {
      aside[i] = PackedText::Take(&page);
      Status again = RestoreGlyphs(doc, &page);
      if (!again.ok()) return Error(again);
    }
    for (int g : removed[i]) {
      Glyph& glyph = page.glyphs[static_cast<size_t>(g)];
      if (!glyph.superseded) glyph.superseded = true, flipped[i].push_back(g);
    }
    // The removed text reads as blanked out, as the output's boxes will.
    blanks_kept[i] = page.blanks;
    for (Blank& b : BlanksOf(page, removed[i])) page.blanks.push_back(b);
    assembly.Hand([&page, released] {
      AssembleText(&page);
      BuildPageStructure(&page);  // the layout indexes the new text
      ReleaseRestoredGlyphs(&page, released);  // read again later, not superseded back
    });
  }
  assembly.Wait();
  LinkDocumentStructure(pages);
  std::vector<Finding> found = detector.DetectDocument(*pages);
  for (size_t i = 0; i < pages->size(); ++i) {
    PageText& page = (*pages)[i];
    page.layout = std::move(kept[i]);
    if (removed[i].empty()) continue;
    page.blanks = std::move(blanks_kept[i]);
    if (aside[i]) {
      aside[i]->PutBack(&page);
      aside[i].reset();
      continue;
    }
    for (int g : flipped[i]) page.glyphs[static_cast<size_t>(g)].superseded = false;
    AssembleText(&page);
  }
  return found;
}

// Detection again on the pages as they will read once the findings are
// gone. Removing a name from a table row brings the "A-Number" header next
// to the number, and removing a label's value can make a new line: the
// output's reader (and apply's own check) then finds what the input's
// reading did not, and the output was withheld. Each round re-assembles
// the pages with findings without their glyphs, detects, and adds what is
// new (by glyph), until a round adds nothing (at most three).
Status DetectAfterRemoval(const Detector& detector, pdf::Document& doc, std::vector<PageText>* pages_in,
                          std::vector<Finding>* findings, bool overlap) {
  const std::vector<PageText>& pages = *pages_in;
  for (int round = 0; round < 3; ++round) {
    std::vector<std::set<int>> removed(pages.size());
    for (const Finding& f : *findings) {
      if (f.page >= 1 && static_cast<size_t>(f.page) <= pages.size()) {
        removed[static_cast<size_t>(f.page - 1)].insert(f.glyphs.begin(), f.glyphs.end());
      }
    }
    // Nothing removed reads as it did (an output under verification).
    if (std::all_of(removed.begin(), removed.end(), [](const std::set<int>& r) { return r.empty(); })) break;
    size_t added = 0;
    StatusOr<std::vector<Finding>> found = DetectWithout(detector, doc, pages_in, removed, overlap);
    if (!found) return found.error();
    for (Finding& f : *found) {
      const size_t index = static_cast<size_t>(f.page - 1);
      if (f.glyphs.empty() || index >= pages.size()) continue;
      // Names found by a cue are not taken from the reduced text: a cue
      // reads its context ("I, …, certify" of a translator once the
      // declarant's name is gone), and removal distorts context. Patterns
      // (a number next to its header) and the names list are. So are not
      // the short forms of people a cue found there ("Declaration of
      // [Guo Lihua]\n\nCONDITIONALLY FILED UNDER SEAL" made "Filed" a
      // surname).
      if (f.rule.starts_with("name.cue") || f.rule == "name.short") continue;
      // Nor are names typed by a column or label the reduced page seems to
      // have: a caption whose name and number are gone reads as a table,
      // and "In Removal Proceedings" as a cell under "In the Matter of:"
      // (probe34). A number's format is evidence of its own; a name
      // column's cell has only its place.
      if (f.category == "name" && f.rule.starts_with("layout.")) continue;
      bool fresh = true;
      for (int g : f.glyphs) fresh = fresh && !removed[index].count(g);
      if (!fresh) continue;
      // The span in the input's own text: from its first glyph to its last.
      const PageText& page = pages[index];
      const std::set<int> own(f.glyphs.begin(), f.glyphs.end());
      size_t begin = page.text.size(), end = 0;
      for (size_t b = 0; b < page.text_glyph.size(); ++b) {
        const int g = page.text_glyph[b];
        if (g >= 0 && own.count(g)) {
          begin = std::min(begin, b), end = std::max(end, b + 1);
        }
      }
      if (begin >= end) continue;
      f.begin = begin, f.end = end;
      f.after_removal = true;
      f.reason += f.reason.empty() ? "seen once the other findings are removed" : "; seen once the other findings are removed";
      removed[index].insert(f.glyphs.begin(), f.glyphs.end());
      findings->push_back(std::move(f));
      ++added;
    }
    if (added == 0) break;
  }
  std::stable_sort(findings->begin(), findings->end(), [](const Finding& a, const Finding& b) {
    return std::tie(a.page, a.begin) < std::tie(b.page, b.begin);
  });
  return Status::Ok();
}

}  // namespace

StatusOr<PageText> ReadPageText(pdf::Document& doc, int index, OcrContext* ocr) {
  if (!ocr) {
    StatusOr<PageText> page = ExtractGlyphs(doc, index);
    if (!page) return Error(page.error());
    AssembleText(&*page);
    BuildPageStructure(&*page);
    return page;
  }
  StatusOr<PlannedPage> p = PlanPage(doc, index, *ocr);
  if (!p) return Error(p.error());
  if (!p->plan.images.empty()) {
    StatusOr<OcrEngine*> engine = Engine(ocr, 0);
    if (!engine) return Error(engine.error());
    StatusOr<int> words = OcrPage(doc, p->plan.images, &p->page, **engine, ocr->cleanup);
    if (!words) return Error(words.error());
    ++ocr->pages_recognized;
  }
  FinishPage(&*p, *ocr);
  return std::move(p->page);
}

StatusOr<std::vector<PageText>> ReadDocumentText(pdf::Document& doc, OcrContext* ocr, GlyphHolding holding) {
  const int n = doc.page_count();
  if (holding == GlyphHolding::kAuto) holding = n > kHoldGlyphsUpToPages ? GlyphHolding::kRelease : GlyphHolding::kKeep;
  std::vector<PageText> pages;
  pages.reserve(static_cast<size_t>(n));
  std::mutex progress_mutex;
  const auto progress = [&](int index, bool recognized) {
    if (!ocr || !ocr->on_page) return;
    std::lock_guard<std::mutex> lock(progress_mutex);
    ocr->on_page(index + 1, n, recognized);
  };
  if (!ocr || ocr->jobs <= 1) {
    for (int i = 0; i < n; ++i) {
      const int recognized_before = ocr ? ocr->pages_recognized : 0;
      StatusOr<PageText> page = ReadPageText(doc, i, ocr);
      if (!page) return Error(page.error());
      if (holding == GlyphHolding::kRelease) ReleaseGlyphs(&*page);
      pages.push_back(std::move(*page));
      progress(i, ocr && ocr->pages_recognized > recognized_before);
    }
    LinkDocumentStructure(&pages);
    return pages;
  }
  // This thread reads the document and decodes images; workers recognize.
  const size_t jobs = static_cast<size_t>(ocr->jobs);
  std::vector<PlannedPage> planned;
  planned.reserve(static_cast<size_t>(n));
  std::vector<std::vector<OcrInput>> recognized(static_cast<size_t>(n));
  std::vector<Status> failures(jobs, Status::Ok());
  OcrQueue queue(jobs);
  std::vector<std::thread> workers;
  std::atomic<bool> failed{false};
  auto start_workers = [&]() -> Status {
    // Engines start here, one per worker, before any thread runs.
    for (size_t w = 0; w < jobs; ++w) {
      StatusOr<OcrEngine*> engine = Engine(ocr, w);
      if (!engine) return engine.error();
    }
    for (size_t w = 0; w < jobs; ++w) {
      workers.emplace_back([&, w] {
        while (std::optional<OcrQueue::Task> task = queue.Pop()) {
          if (failed) continue;  // drain
          Status s = RecognizeInputs(&task->inputs, *ocr->engines[w]);
          if (!s.ok()) {
            failures[w] = s;
            failed = true;
            continue;
          }
          recognized[task->page] = std::move(task->inputs);
          progress(static_cast<int>(task->page), true);
        }
      });
    }
    return Status::Ok();
  };
  auto stop_workers = [&]() {
    queue.Close();
    for (std::thread& t : workers) t.join();
    workers.clear();
  };
  Status error = Status::Ok();
  std::vector<bool> sent(static_cast<size_t>(n), false);
  // (`planned` never reallocates: a page in the other thread's hands stays put.)
  PageOverlap overlap(true);
  for (int i = 0; i < n && error.ok() && !failed; ++i) {
    StatusOr<PlannedPage> p = PlanPage(doc, i, *ocr);
    if (!p) {
      error = p.error();
      break;
    }
    if (p->plan.images.empty()) {
      // Nothing to wait for: the page is assembled, and its glyphs let go,
      // on the other thread while this one reads the next.
      planned.push_back(std::move(*p));
      PlannedPage* page = &planned.back();
      overlap.Hand([page, ocr, holding, i, &progress] {
        FinishPage(page, *ocr);
        if (holding == GlyphHolding::kRelease) ReleaseGlyphs(&page->page);
        progress(i, false);
      });
      continue;
    }
    if (workers.empty()) {
      error = start_workers();
      if (!error.ok()) break;
    }
    StatusOr<std::vector<OcrInput>> inputs = DecodeForOcr(doc, p->plan.images, p->page, ocr->cleanup);
    if (!inputs) {
      error = inputs.error();
      break;
    }
    queue.Push({static_cast<size_t>(i), std::move(*inputs)});
    sent[static_cast<size_t>(i)] = true;
    planned.push_back(std::move(*p));
  }
  overlap.Wait();
  stop_workers();
  if (!error.ok()) return Error(error);
  for (const Status& s : failures) {
    if (!s.ok()) return Error(s);
  }
  for (size_t i = 0; i < planned.size(); ++i) {
    if (sent[i]) {
      AddOcrGlyphs(recognized[i], &planned[i].page);
      ++ocr->pages_recognized;
      FinishPage(&planned[i], *ocr);
      if (holding == GlyphHolding::kRelease) ReleaseGlyphs(&planned[i].page);
    }
    pages.push_back(std::move(planned[i].page));
  }
  LinkDocumentStructure(&pages);
  return pages;
}

StatusOr<AnalyzedDocument> AnalyzeDocument(const std::string& path,
                                           const pdf::OpenOptions& options,
                                           const Detector& detector, OcrContext* ocr,
                                           GlyphHolding holding) {
  AnalyzedDocument out;
  StatusOr<std::unique_ptr<pdf::Document>> doc = pdf::Document::Open(path, options);
  if (!doc) return Error(doc.error());
  out.document = std::move(*doc);
  StatusOr<std::vector<PageText>> pages = ReadDocumentText(*out.document, ocr, holding);
  if (!pages) return Error(pages.error());
  out.pages = std::move(*pages);
  out.findings = detector.DetectDocument(out.pages);
  // Pages are assembled on a second thread where OCR may use two (apply;
  // not run, whose documents share the cores).
  Status after = DetectAfterRemoval(detector, *out.document, &out.pages, &out.findings, ocr && ocr->jobs > 1);
  if (!after.ok()) return Error(after);
  StatusOr<std::vector<Finding>> side = InspectSideChannels(*out.document, out.pages, detector, out.findings);
  if (!side) return Error(side.error());
  out.side_findings = std::move(*side);
  return out;
}

StatusOr<std::vector<Rect>> FindingBoxes(AnalyzedDocument* doc) {
  std::vector<Rect> boxes(doc->findings.size());
  std::vector<std::vector<size_t>> by_page(doc->pages.size());
  for (size_t k = 0; k < doc->findings.size(); ++k) {
    by_page[static_cast<size_t>(doc->findings[k].page - 1)].push_back(k);
  }
  for (size_t i = 0; i < doc->pages.size(); ++i) {
    if (by_page[i].empty()) continue;
    PageText& page = doc->pages[i];
    const std::optional<PageText::ReleasedGlyphs> released = page.released;
    if (Status again = RestoreGlyphs(*doc->document, &page); !again.ok()) return Error(again);
    for (size_t k : by_page[i]) boxes[k] = page.GlyphBounds(doc->findings[k].glyphs);
    ReleaseRestoredGlyphs(&page, released);
  }
  return boxes;
}

StatusOr<std::unique_ptr<Detector>> LoadDetector(const std::string& patterns_dir,
                                                 const std::optional<std::string>& names_csv,
                                                 const std::optional<std::string>& policy_file) {
  StatusOr<RuleSet> rules = LoadRulesDirectory(patterns_dir);
  if (!rules) return Error(rules.error());
  std::optional<NamesIndex> names;
  if (names_csv) {
    StatusOr<NamesIndex> loaded = LoadNamesList(*names_csv);
    if (!loaded) return Error(loaded.error());
    names = std::move(*loaded);
  }
  Policy policy;
  if (policy_file) {
    StatusOr<Policy> loaded = Policy::Load(*policy_file);
    if (!loaded) return Error(loaded.error());
    policy = std::move(*loaded);
  }
  // A [categories] or [labels] entry for a category nothing produces would
  // silently do nothing (a misspelled "keep"): refuse it.
  std::set<std::string> categories(std::begin(kBuiltInCategories), std::end(kBuiltInCategories));
  for (const PatternRule& rule : rules->rules) categories.insert(rule.category);
  if (Status s = policy.CheckCategories(categories); !s.ok()) return Error(s);
  return std::make_unique<Detector>(std::move(*rules), std::move(names), std::move(policy));
}

}  // namespace redact
