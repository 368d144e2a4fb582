// ApplyDocument: one document through the whole flow — analysis (or a
// reviewed findings list), the input's own redaction marks, pseudonyms or
// labels, removal by the writer, a clean write, the report — returning a
// typed DocumentResult. `redact apply` calls it per input; `redact run`
// calls it inside each worker process and sends the result to the
// scheduler as one line (pipeline/report.h).
//
// Nothing appears under an output's name until the caller publishes it:
// ApplyDocument leaves the PDF and its report *staged* (written, synced,
// under temporary names beside their final ones) after checking the PDF
// (VerifyRemoval, unless settings.verify is off); the caller seals and
// writes the mapping first, then PublishDocument renames both into place —
// so a mapping is durable before any PDF it reverses appears, and an output
// that leaks never appears. The input is never written. The mapping entries
// of the result hold plaintext values: they stay in this process, in
// memory, until the caller seals them (Session::Seal); no serialization
// carries them.
//
// Thread-safety: one document per call; a Session may be shared, the
// OcrContext may not.
#ifndef REDACT_PIPELINE_APPLY_H_
#define REDACT_PIPELINE_APPLY_H_

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/status.h"
#include "pipeline/analyze.h"
#include "pipeline/session.h"
#include "pipeline/verify.h"
#include "stages/seal/mapping.h"

namespace redact {

enum class ApplyMode { kRedact, kPseudonymize };
// "redact" | "pseudonymize"; nullopt otherwise.
std::optional<ApplyMode> ParseApplyMode(std::string_view text);

// How to redact: the same for every document of a command or job.
struct ApplySettings {
  ApplyMode mode = ApplyMode::kRedact;
  bool draw_boxes = true;           // false: --no-boxes
  bool uniform_boxes = false;       // box widths in 3-em steps where there is room
  bool ocr_layer = false;           // scans: invisible layer of the OCR'd words kept
  bool fail_on_undecodable = false; // or the policy's [undecodable] action
  bool verify = true;               // check the output before it appears (--no-verify: off)
  bool verify_with_ocr = false;     // --verify: OCR the output's scans even under --ocr never
  VerifyLevel verify_level = VerifyLevel::kStandard;  // --verify full: render and OCR every page
  GlyphHolding glyphs = GlyphHolding::kAuto;          // analysis: let long documents' glyphs go
};

// A reviewed findings file (redact review), read and checked by
// ReadReviewedFindings (pipeline/review.h) — or the same JSON read from a
// review PDF marked up in a viewer (ReadReviewedPdf,
// pipeline/reviewed_pdf.h). It replaces detection, for the input it was
// made from only: ApplyDocument checks its "sha256".
struct ReviewedFindings {
  enum class Kind { kFindingsFile, kReviewPdf };  // what `source` is, for messages
  std::string source;    // its path, for messages
  nlohmann::json json;
  Kind kind = Kind::kFindingsFile;
};

// One document: where it comes from and goes to, and how messages name it.
struct DocumentTask {
  std::string input;                    // path read (never written)
  std::optional<std::string> password;
  std::string output_pdf;               // path written; report beside it
  std::string shown;                    // the input's name in messages
  std::string source_label;             // the input's name in the sealed mapping only
  const ReviewedFindings* reviewed = nullptr;
};

// The report's path for an output PDF: "x.pdf" → "x.report.json".
std::string ReportPathFor(const std::string& output_pdf);

// What happened to one document. Everything but `mapping` is free of
// identifier values (hashes only) and may be printed, logged or sent.
struct DocumentResult {
  struct FindingRecord {
    int page = 0;
    std::string category, rule, value_hash, entity_hash;
    double confidence = 0;
    size_t glyphs = 0;
  };
  // A side channel that named someone (stages/inspect) and was scrubbed.
  struct SideFindingRecord {
    int page = 0;  // 0: document-level
    std::string channel, object, key, category, rule, value_hash, entity_hash;
  };
  struct Box {
    int page = 0;
    std::string category;
    double bbox[4] = {0, 0, 0, 0};  // display space, rounded to 0.01 pt
  };
  // Pseudonymize mode: each replacement drawn, which form it took and how
  // much it was compressed (never a value, never the pseudonym's text).
  struct Replacement {
    int page = 0;
    std::string category;
    std::string form;   // "full", "short", "shortest" (none shorter exists)
    double scale = 1;   // drawn width / natural width, rounded to 0.01
  };
  struct PageToReview {
    int page = 0;
    std::string reason;  // "not-ocrd", "low-ocr-confidence", "stream-truncated"
  };
  struct Removed {
    int glyphs = 0, undecodable_glyphs = 0, images_burned = 0, images_replaced_whole = 0;
    int streams_rewritten = 0, form_xobjects_copied = 0, orphan_objects_dropped = 0;
  };
  struct Verification {
    bool checked = false;
    std::string skipped;             // why not checked ("--no-verify")
    std::vector<std::string> leaks;  // "text, page 3 (name)": channel, place, category
    // How it looked (VerifyResult): the level, the engines that read the
    // output, and counts of pages and images read by the second engine.
    std::string level;               // "standard", "full"; "" when not checked
    std::vector<std::string> engines;
    int pages_poppler = 0, pages_rendered = 0, pages_render_skipped = 0, images_unpainted_ocrd = 0;
    std::map<std::string, int> render_reasons;  // pages rendered per trigger ("image", "vector", …)
  };

  std::string output_pdf;  // path written
  std::string report;      // its report's path
  int pages = 0;
  // Why the input had to be repaired before it could be read, and how
  // (pdf::Document::repair_reason); "" when it was read as it is.
  std::string input_repaired;
  // The language of the words drawn into the output ("en", "es"): the
  // policy's [output] language, or the one guessed from the text.
  std::string language;
  std::map<std::string, int> counts;  // findings per category
  std::vector<FindingRecord> findings;
  std::vector<SideFindingRecord> side_findings;
  std::vector<Box> boxes;
  std::vector<Replacement> replacements;
  Removed removed;
  std::vector<std::string> side_channels;  // what was scrubbed, no values
  // What the allow-list rebuild dropped, by kind ("action:Launch": 1), no
  // values (stages/write_redact/allow_list.h).
  std::map<std::string, int> dropped;
  std::vector<std::string> notes;          // the writer's warnings, no values
  std::map<std::string, int> extraction_problems;
  std::vector<PageToReview> pages_to_review;
  double analyze_ms = 0, redact_ms = 0, write_ms = 0;
  Verification verification;

  // Plaintext: original values behind each replacement. Never serialized.
  std::vector<MappingEntry> mapping;
  // Where the PDF and report wait until PublishDocument ("" once published).
  std::string staged_pdf, staged_report;
};

// Pages a person must look at before filing: unread or badly read scans,
// and pages whose content was read only up to a damaged stream tail.
std::vector<DocumentResult::PageToReview> PagesToReview(const std::vector<PageText>& pages);

// Runs `task` under `settings` and stages its outputs. Errors (nothing is
// left under the output's name or staged): the input's (as
// Document::Open), kInvalidArgument when the output would overwrite the
// input or the reviewed findings do not fit the document or were made from
// another file (CheckFindingsMadeFor), the writer's (kDamagedPdf,
// kUnsupported, …), kLeakDetected when the check finds in the output what
// was to be removed (the message names channels and pages, never values),
// and kWriteFailed when an output cannot be written.
// When the check's OCR of the output reads on a scan what apply's OCR of
// the input misread (its only leaks are "render-ocr" ones) and the scans
// were not already read black-and-white, the document is read and written
// once more with --binarize, noted in the report; its check decides.
StatusOr<DocumentResult> ApplyDocument(const Session& session, OcrContext* ocr, const DocumentTask& task,
                                       const ApplySettings& settings);

// Renames the staged PDF and report into place (report first, so a PDF is
// never without its report) and syncs the folder. Errors: kWriteFailed;
// then neither is left in place.
Status PublishDocument(DocumentResult* result);
// Removes what ApplyDocument staged (a document that will not appear).
void DiscardDocument(DocumentResult* result);

// Checks a written output against its input in-process, as `redact verify
// --original` does, and records the leaks in result->verification. Errors
// only when a file cannot be read.
Status VerifyDocument(const Session& session, const DocumentTask& task, DocumentResult* result);

}  // namespace redact

#endif  // REDACT_PIPELINE_APPLY_H_
