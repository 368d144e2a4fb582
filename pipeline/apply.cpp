#include "pipeline/apply.h"

#include <malloc.h>

#include <algorithm>
#include <cstdlib>
#include <future>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <map>
#include <set>

#include "pdf/clean_writer.h"
#include "pdf/qpdf_bridge.h"
#include "pipeline/report.h"
#include "pipeline/review.h"
#include "pipeline/verify.h"
#include "stages/detect/language.h"
#include "stages/detect/layout.h"
#include "stages/write_redact/redactor.h"
#include "stages/write_review/review.h"

namespace redact {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

double Ms(Clock::time_point a, Clock::time_point b) {
  return std::chrono::duration<double, std::milli>(b - a).count();
}

bool SameFile(const fs::path& a, const fs::path& b) {
  std::error_code ec;
  return fs::exists(b, ec) && fs::equivalent(a, b, ec);
}

double Round2(double v) { return std::round(v * 100) / 100; }

// A reviewed finding on exactly the glyphs of a detected one was made the
// way that one was: the findings file does not carry it (a reviewer edits
// boxes and categories, not how detection worked), and the self-check
// needs it (PlaceOnly, pipeline/verify.h: a value seen only after removal,
// a notation typed by its column, is not sought elsewhere). A finding the
// reviewer added or reshaped keeps nothing, and is sought everywhere.
void CarryOverHowFound(const std::vector<Finding>& detected, std::vector<Finding>* reviewed) {
  std::map<std::pair<int, std::vector<int>>, const Finding*> by_glyphs;
  for (const Finding& f : detected) {
    std::vector<int> glyphs = f.glyphs;
    std::sort(glyphs.begin(), glyphs.end());
    if (!glyphs.empty()) by_glyphs.emplace(std::pair(f.page, std::move(glyphs)), &f);
  }
  for (Finding& f : *reviewed) {
    std::vector<int> glyphs = f.glyphs;
    std::sort(glyphs.begin(), glyphs.end());
    auto it = by_glyphs.find(std::pair(f.page, std::move(glyphs)));
    if (it == by_glyphs.end() || !f.areas.empty()) continue;
    f.basis = it->second->basis;
    f.after_removal = it->second->after_removal;
  }
}

// The findings the writer removes: detected (or reviewed), plus what the
// input itself marks for redaction (dropping those marks alone would reveal
// what they hid), each with its replacement text.
Status PlanFindings(const Session& session, const DocumentTask& task, const ApplySettings& settings,
                    const OutputWords& words, AnalyzedDocument* doc) {
  if (task.reviewed) {
    // Findings made for another file would leave this one's identifiers.
    Status made_for = CheckFindingsMadeFor(*task.reviewed, task.input, task.shown);
    if (!made_for.ok()) return made_for;
    StatusOr<std::vector<Finding>> list = FindingsFromJson(task.reviewed->json, task.reviewed->source, doc->pages);
    if (!list) return list.error();
    CarryOverHowFound(doc->findings, &*list);
    doc->findings = std::move(*list);
  }
  StatusOr<std::vector<Finding>> prior = PriorRedactions(*doc->document, &doc->pages);
  if (!prior) return prior.error();
  for (Finding& f : *prior) doc->findings.push_back(std::move(f));
  session.pseudonyms().Assign(&doc->findings, words);
  if (settings.mode == ApplyMode::kRedact) {
    const auto& labels = words.labels;
    for (Finding& f : doc->findings) {
      auto label = labels.find(f.category);
      f.replacement = label != labels.end() ? label->second : "[REDACTED]";
    }
  }
  // A reviewer's label stands for the finding in either mode.
  for (Finding& f : doc->findings) {
    if (f.label.empty()) continue;
    f.replacement = f.label;
    f.shorter_replacements.clear();
  }
  return Status::Ok();
}

RedactOptions WriterOptions(const Policy& policy, const ApplySettings& settings, const OutputWords& words) {
  RedactOptions o;
  o.pseudonymize = settings.mode == ApplyMode::kPseudonymize;
  o.draw_boxes = settings.draw_boxes;
  o.fail_on_undecodable = settings.fail_on_undecodable || policy.undecodable_fail;
  o.undecodable_everywhere = policy.undecodable_everywhere;
  o.vector_text_min_shapes = policy.vector_text_keep ? 0 : policy.vector_text_min_shapes;
  o.uniform_width = settings.uniform_boxes;
  o.ocr_layer = settings.ocr_layer;
  o.labels = words.labels;
  o.min_replacement_scale = policy.pseudonym_min_scale;
  return o;
}

// Counts, findings (hashed), boxes, removals and warnings of the result.
void Summarize(const Session& session, const AnalyzedDocument& doc, const RedactionSummary& summary,
               DocumentResult* r) {
  const KeyedHasher& hasher = session.hasher();
  r->pages = static_cast<int>(doc.pages.size());
  r->input_repaired = doc.document->repair_reason();
  for (const Finding& f : doc.findings) {
    ++r->counts[f.category];
    r->findings.push_back({f.page, f.category, f.rule, hasher.Hash(f.category + ":" + f.value),
                           f.entity.empty() ? "" : hasher.Hash("entity:" + f.entity), f.confidence,
                           f.glyphs.size()});
  }
  for (const Finding& f : doc.side_findings) {
    r->side_findings.push_back({f.page, f.channel, f.object, f.key, f.category, f.rule,
                                hasher.Hash(f.category + ":" + f.value),
                                f.entity.empty() ? "" : hasher.Hash("entity:" + f.entity)});
  }
  for (const RedactionBox& b : summary.boxes) {
    const Rect rect = Quad::Transform(b.quad, doc.pages[b.page - 1].geometry.user_to_display).Bounds();
    r->boxes.push_back({b.page, b.category, {Round2(rect.x0), Round2(rect.y0), Round2(rect.x1), Round2(rect.y1)}});
  }
  // "full", "short", or "shortest" (no shorter form exists: only this one
  // may be compressed below the policy's minimum scale).
  for (const ReplacementDrawn& x : summary.replacements) {
    const char* form = x.form == 0 ? "full" : x.form == x.finding->shorter_replacements.size() ? "shortest" : "short";
    if (x.form == 0 && x.finding->shorter_replacements.empty()) form = "shortest";
    r->replacements.push_back({x.page, x.finding->category, form, Round2(x.scale)});
  }
  r->removed.glyphs = summary.glyphs_removed;
  r->removed.undecodable_glyphs = summary.undecodable_removed;
  r->removed.images_burned = summary.images_burned;
  r->removed.images_replaced_whole = summary.images_removed;
  r->removed.streams_rewritten = summary.streams_rewritten;
  r->removed.form_xobjects_copied = summary.forms_copied;
  r->side_channels = summary.side_channels;
  r->dropped = summary.dropped;
  r->notes = summary.warnings;
  // Form fields were drawn into their pages when the input was opened
  // (pdf::Document::widgets_drawn): content now, not fields.
  if (const int widgets = doc.document->widgets_drawn(); widgets > 0) {
    r->notes.push_back(std::to_string(widgets) + " form field widget(s) drawn into their pages, as a viewer "
                       "shows them; the output has them as page content, not as fillable fields");
  }
  if (!doc.document->forms_problem().empty()) {
    r->notes.push_back(doc.document->forms_problem() + "; its fields were read one by one");
  }
  for (const PageText& p : doc.pages) {
    for (const ExtractionProblem& pr : p.problems) ++r->extraction_problems[std::string(ExtractionProblemName(pr.kind))];
  }
  r->pages_to_review = PagesToReview(doc.pages);
  for (int page : summary.undecodable_pages) r->pages_to_review.push_back({page, "undecodable-text-removed"});
  for (int page : summary.vector_text_pages) r->pages_to_review.push_back({page, "shapes-may-be-outlined-text"});
}

// What each replacement stands for: the sealed mapping's entries, one per
// form drawn (a shorter form in a tight space is reversible too).
std::vector<MappingEntry> MappingEntries(const AnalyzedDocument& doc, const RedactionSummary& summary) {
  std::vector<MappingEntry> entries;
  std::map<const Finding*, std::set<size_t>> forms;
  for (const ReplacementDrawn& x : summary.replacements) forms[x.finding].insert(x.form);
  for (const Finding& f : doc.findings) {
    const PageText& page = doc.pages[f.page - 1];
    const auto found = summary.finding_boxes.find(&f);
    const Rect box = found != summary.finding_boxes.end() ? found->second : Rect{};
    std::string original = f.end > f.begin ? TextWithoutLineNumbers(page, f.begin, f.end) : f.value;
    std::replace(original.begin(), original.end(), '\n', ' ');
    for (size_t form : forms[&f]) {
      if (form > 0 && form <= f.shorter_replacements.size()) {
        entries.push_back({f.shorter_replacements[form - 1], original, f.category, f.entity, f.page,
                           {box.x0, box.y0, box.x1, box.y1}});
      }
    }
    entries.push_back({f.replacement, std::move(original), f.category, f.entity, f.page,
                       {box.x0, box.y0, box.x1, box.y1}});
  }
  return entries;
}

// A staged file waits beside its final name, under a temporary name that a
// job's clean-up of partial files also removes.
std::string StagedPath(const std::string& path) { return path + ".tmp-staged"; }

// What a check did, counts and names only (leaks are added by the caller).
void RecordVerification(const VerifyResult& v, VerifyLevel level, DocumentResult::Verification* out) {
  out->checked = true;
  out->level = VerifyLevelName(level);
  out->engines = v.engines;
  out->pages_poppler = v.pages_poppler;
  out->pages_rendered = v.pages_rendered;
  out->render_reasons = v.render_reasons;
  out->pages_render_skipped = v.pages_render_skipped;
  out->images_unpainted_ocrd = v.images_unpainted_ocrd;
}

// The output, checked before it may appear: every value removed must be
// gone from every channel, and detection must find nothing apply did not
// decide to keep. A leak is named by channel and page, never by value.
// *scan_misread: every leak was read off a render by OCR (apply's own
// reading of a scan missed it).
Status CheckOutput(const Session& session, const OcrContext* ocr, const DocumentTask& task,
                   const ApplySettings& settings, RemovedValues removed, DocumentResult* result,
                   bool* scan_misread) {
  if (!settings.verify) {
    result->verification.skipped = "--no-verify";
    return Status::Ok();
  }
  // Scans in the output are read as apply read them: under --ocr never a
  // scan is not read (its page is sent to a person instead) unless
  // settings.verify_with_ocr asks for OCR anyway.
  const OcrMode ocr_mode = settings.verify_with_ocr ? OcrMode::kAuto : session.options().ocr.mode;
  SecondLookSettings second;
  second.level = settings.verify_level;
  second.languages = session.options().ocr.languages;
  if (ocr && ocr->make_engine) second.make_engine = ocr->make_engine;
  if (ocr) second.jobs = ocr->jobs;
  StatusOr<VerifyResult> v =
      VerifyRemoval(result->staged_pdf, std::move(removed), ocr_mode, session.detector(), second);
  if (!v) return Status(v.error().code(), task.shown + ": the output could not be checked: " + v.error().message());
  RecordVerification(*v, second.level, &result->verification);
  // What the check leaves to a person (live text of the input's under a box
  // of ours, a name OCR read off the output only by a cue) is no leak, but
  // not silent either: its page goes to review (page 0: no page, such as an
  // image no page paints).
  for (const Leak& l : v->to_review) {
    const int page = l.where.starts_with("page ") ? std::atoi(l.where.c_str() + 5) : 0;
    std::string reason = "self-check-" + l.category;
    std::replace(reason.begin(), reason.end(), ' ', '-');
    result->pages_to_review.push_back({page, std::move(reason)});
  }
  std::string where;
  for (const Leak& l : v->leaks) {
    result->verification.leaks.push_back(l.channel + ", " + l.where + " (" + l.category + ")");
    if (result->verification.leaks.size() <= 3) where += (where.empty() ? "" : "; ") + result->verification.leaks.back();
  }
  if (v->leaks.empty()) return Status::Ok();
  *scan_misread = std::all_of(v->leaks.begin(), v->leaks.end(), [](const Leak& l) { return l.channel.starts_with("render-ocr"); });
  // What to do next: a value the input marks for redaction in one place
  // and leaves unmarked in another is the input's call to make.
  const bool marked_elsewhere = std::any_of(v->leaks.begin(), v->leaks.end(),
                                            [](const Leak& l) { return l.category == "prior_redaction"; });
  const std::string next =
      marked_elsewhere
          ? "; text the input marks for redaction (a /Redact or black annotation) also appears where it is not "
            "marked: mark it there too, or drop the mark, and apply again"
          : "; `redact review` of the input shows what was found where";
  return Status(StatusCode::kLeakDetected, task.shown + ": verification found a leak (" + where +
                                               (v->leaks.size() > 3 ? "; …" : "") + "); the output was not written" +
                                               next);
}

}  // namespace

std::optional<ApplyMode> ParseApplyMode(std::string_view text) {
  if (text == "redact") return ApplyMode::kRedact;
  if (text == "pseudonymize") return ApplyMode::kPseudonymize;
  return std::nullopt;
}

std::string ReportPathFor(const std::string& output_pdf) {
  fs::path report = output_pdf;
  report.replace_extension(".report.json");
  return report.string();
}

std::vector<DocumentResult::PageToReview> PagesToReview(const std::vector<PageText>& pages) {
  std::vector<DocumentResult::PageToReview> out;
  for (const PageText& p : pages) {
    for (const ExtractionProblem& pr : p.problems) {
      if (pr.kind == ExtractionProblem::Kind::kNotOcrd || pr.kind == ExtractionProblem::Kind::kLowOcrConfidence ||
          pr.kind == ExtractionProblem::Kind::kTruncatedStream ||
          pr.kind == ExtractionProblem::Kind::kTextLayerReplaced) {
        out.push_back({p.number, std::string(ExtractionProblemName(pr.kind))});
      }
    }
  }
  return out;
}

namespace {

// `note`: said in the report too, when not empty.
StatusOr<DocumentResult> ApplyDocumentOnce(const Session& session, OcrContext* ocr, const DocumentTask& task,
                                           const ApplySettings& settings, const std::string& note,
                                           bool* scan_misread) {
  DocumentResult result;
  result.output_pdf = task.output_pdf;
  result.report = ReportPathFor(task.output_pdf);
  if (SameFile(task.input, result.output_pdf) || SameFile(task.input, result.report)) {
    return Error(StatusCode::kInvalidArgument, task.shown + ": refusing to overwrite the input");
  }
  const auto t0 = Clock::now();
  const std::string display = task.shown != task.input ? task.shown : "";
  StatusOr<AnalyzedDocument> doc =
      AnalyzeDocument(task.input, session.OpenOptionsFor(task.password, display), session.detector(), ocr,
                      settings.glyphs);
  if (!doc) return Error(doc.error());
  // What detection found, before a reviewed list replaces it: what the
  // reviewer kept is not a leak when the output is checked. Without a
  // reviewed list PlanFindings only adds to the findings detected, so
  // nothing detected is kept, and no copy of them is needed.
  std::vector<Finding> detected;
  if (task.reviewed && settings.verify) detected = doc->findings;
  // The words drawn (labels, pseudonyms) are the document's language's.
  const DocumentLanguage language = session.policy().language.value_or(GuessLanguage(doc->pages));
  result.language = std::string(LanguageCode(language));
  const OutputWords words = session.policy().WordsFor(language);
  Status planned = PlanFindings(session, task, settings, words, &*doc);
  if (!planned.ok()) return Error(planned);
  const auto t1 = Clock::now();
  StatusOr<RedactionSummary> summary = RedactDocument(*doc->document, &doc->pages, doc->findings, doc->side_findings,
                                                      WriterOptions(session.policy(), settings, words));
  if (!summary) return Error(summary.error());
  // What the report, the mapping and the self-check need of the input's
  // pages is taken now, and the pages (every glyph, word and line: most of
  // the memory a large document costs) are let go before the output is
  // written and read back. The findings stay: the summary points into them.
  Summarize(session, *doc, *summary, &result);
  if (!note.empty()) result.notes.push_back(note);
  std::vector<MappingEntry> mapping;
  if (session.sealing()) mapping = MappingEntries(*doc, *summary);
  RemovedValues removed;
  if (settings.verify) removed = ValuesRemoved(*doc, detected);
  std::vector<Finding>().swap(detected);
  std::vector<PageText>().swap(doc->pages);
  // Pages assembled on analysis's second thread were allocated in that
  // thread's malloc arena, which this thread's allocations never reuse:
  // give what they held back to the system before the output is written
  // and read back, or it stays counted in the process's memory.
  malloc_trim(0);
  const auto t2 = Clock::now();
  pdf::CleanWriteStats stats;
  result.staged_pdf = StagedPath(result.output_pdf);
  Status written = pdf::WriteCleanCopy(*doc->document, result.staged_pdf, &stats);
  if (!written.ok()) return Error(written);
  doc->document.reset();  // the input's objects, written: the check reads the output
  // What `qpdf --check` checks, on every output (even under --no-verify),
  // on another thread while the self-check reads the output (qpdf reads
  // its own copy of the file). Its verdict comes first: a self-check of an
  // unsound file says nothing, and is dropped with it.
  std::future<Status> structure = std::async(std::launch::async, [&result, &task] {
    return pdf::CheckStructure(result.staged_pdf, task.shown);
  });
  const auto t3 = Clock::now();
  Status checked = CheckOutput(session, ocr, task, settings, std::move(removed), &result, scan_misread);
  Status sound = structure.get();
  if (!sound.ok()) {
    DiscardDocument(&result);
    // What the input already fails (content other readers cannot parse,
    // copied as it was) is the input's fault; otherwise it is ours.
    const bool input_too = !pdf::CheckStructure(task.input, task.shown).ok();
    return Error(input_too ? StatusCode::kDamagedPdf : sound.code(),
                 sound.message() + (input_too ? "; the input fails the same check, and what other readers cannot "
                                                "read is not passed through"
                                              : "") +
                     "; the output was not written");
  }
  if (!checked.ok()) {
    DiscardDocument(&result);
    return Error(checked);
  }
  result.removed.orphan_objects_dropped = stats.orphans_removed;
  result.analyze_ms = Ms(t0, t1), result.redact_ms = Ms(t1, t2), result.write_ms = Ms(t2, t3);
  result.staged_report = StagedPath(result.report);
  Status report = pdf::WriteFileAtomically(result.staged_report, ReportText(result));
  if (!report.ok()) {
    DiscardDocument(&result);
    return Error(report);
  }
  result.mapping = std::move(mapping);
  return result;
}

}  // namespace

StatusOr<DocumentResult> ApplyDocument(const Session& session, OcrContext* ocr, const DocumentTask& task,
                                       const ApplySettings& settings) {
  bool scan_misread = false;
  StatusOr<DocumentResult> first = ApplyDocumentOnce(session, ocr, task, settings, "", &scan_misread);
  if (first || !scan_misread || !ocr || ocr->cleanup.binarize) return first;
  // A noisy gray scan that Tesseract misreads at its own resolution
  // ("A-243-118-570" as "INSTA") often reads right once thresholded.
  const OcrCleanup asked = ocr->cleanup;
  ocr->cleanup.binarize = true;
  bool again_misread = false;
  StatusOr<DocumentResult> again = ApplyDocumentOnce(
      session, ocr, task, settings,
      "the scans were read again black-and-white (--binarize): OCR of the first output read what the first "
      "reading missed",
      &again_misread);
  ocr->cleanup = asked;
  if (!again && again.error().code() == StatusCode::kLeakDetected) return first;
  return again;
}

Status PublishDocument(DocumentResult* result) {
  // The report first: a PDF never stands without its report.
  Status s = pdf::PublishFile(result->staged_report, result->report);
  if (s.ok()) {
    result->staged_report.clear();
    s = pdf::PublishFile(result->staged_pdf, result->output_pdf);
    if (!s.ok()) {
      std::error_code ec;
      fs::remove(result->report, ec);
    }
  }
  if (!s.ok()) {
    DiscardDocument(result);
    return s;
  }
  result->staged_pdf.clear();
  return Status::Ok();
}

void DiscardDocument(DocumentResult* result) {
  std::error_code ec;
  if (!result->staged_pdf.empty()) fs::remove(result->staged_pdf, ec);
  if (!result->staged_report.empty()) fs::remove(result->staged_report, ec);
  result->staged_pdf.clear(), result->staged_report.clear();
}

Status VerifyDocument(const Session& session, const DocumentTask& task, DocumentResult* result) {
  pdf::OpenOptions original;
  original.password = task.password;
  StatusOr<VerifyResult> v = VerifyOutput(result->output_pdf, task.input, original, session.detector());
  if (!v) return v.error();
  RecordVerification(*v, VerifyLevel::kStandard, &result->verification);
  for (const Leak& l : v->leaks) result->verification.leaks.push_back(l.channel + ", " + l.where + " (" + l.category + ")");
  return Status::Ok();
}

}  // namespace redact
