// Verification: proves, as far as redact can look, that nothing
// protected survives in an output. Channels: page text (invisible text
// included) re-detected; every string in every object (metadata,
// annotations, form values, outlines, names) re-detected; the number of
// revisions (%%EOF markers, /Prev). With an original, every value found
// in it is also searched for in the output's text, strings and decoded
// non-image streams — literally, normalized, as hex, and (for numbers)
// digits only in text and strings.
//
// A second engine reads every output too (stages/second_look): poppler's
// text of every page is re-detected and searched for every value, and the
// pages text extraction cannot speak for (stages/second_look/trigger.h;
// every page under VerifyLevel::kFull) are rendered by poppler and read by
// OCR. What only the second engine sees is a leak like any other (channels
// "poppler-text", "render-ocr"); a finding whose value redact's own text of
// that page holds was already judged by the first engine (kept there by a
// public role, or reported) and is not counted twice. Images no page paints
// are OCR'd ("unpainted image"), and image streams are searched for the
// original's values like any other stream.
//
// Leaks name the channel and page or object, never the value.
//
// Thread-safety: uses its own Documents; the Detector is shared read-only.
#ifndef REDACT_PIPELINE_VERIFY_H_
#define REDACT_PIPELINE_VERIFY_H_

#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "pdf/document.h"
#include "pipeline/analyze.h"
#include "core/status.h"
#include "stages/detect/detector.h"
#include "stages/ocr/ocr.h"

namespace redact {

// How hard verification looks (--verify LEVEL, parsed at the edge).
// kStandard renders the pages that need it (trigger.h); kFull renders
// every page.
enum class VerifyLevel { kStandard, kFull };
// "standard" | "full"; nullopt otherwise.
std::optional<VerifyLevel> ParseVerifyLevel(std::string_view text);
const char* VerifyLevelName(VerifyLevel level);

// The second engine's settings. Renders are read by an engine from
// `make_engine` (Tesseract in production; tests inject a fake).
struct SecondLookSettings {
  VerifyLevel level = VerifyLevel::kStandard;
  int dpi = 150;
  std::string languages = "eng+spa";
  OcrEngineFactory make_engine = MakeTesseractEngine;
  // Rendered pages OCR'd at once (one engine each); renders are made on
  // the calling thread (poppler), the next while the last are read.
  int jobs = 1;
};

struct Leak {
  std::string channel;   // "text", "string", "stream", "revisions",
                         // "poppler-text", "render-ocr", "unpainted image"
  std::string where;     // "page 3", "object 12 0 R"
  std::string category;  // of the finding or value
};

struct VerifyResult {
  std::vector<Leak> leaks;
  // Weak evidence, for a person to look at: a name found only by a cue, or
  // a cell typed only by its table column, in text OCR read off the output.
  // Around redaction boxes OCR makes words out of noise ("Yo, [box]
  // Núxero"), so these are not counted as leaks;
  // listed names, identifiers and every original value still are.
  std::vector<Leak> to_review;
  int pages = 0;
  int objects_checked = 0;
  int streams_checked = 0;
  int values_searched = 0;
  // The engines that read the output, in order: "redact" (the content
  // interpreter), "poppler-text", "render-ocr" (when a page was rendered).
  std::vector<std::string> engines;
  int pages_poppler = 0;         // pages whose text poppler extracted
  int pages_rendered = 0;        // pages rendered and read by OCR
  std::map<std::string, int> render_reasons;  // pages rendered per reason (trigger.h)
  // Pages a trigger asked to render that were not, because OCR is off
  // (--ocr never without --verify): then the check is weaker, and says so.
  int pages_render_skipped = 0;
  int images_unpainted_ocrd = 0; // image objects no page paints, OCR'd
  // VerifyOutput only: what `qpdf --check` finds wrong with the file
  // (pdf/qpdf_bridge.h); empty when the structure is sound.
  std::string structure_problem;
};

// Errors only when a file cannot be read; leaks and a structural problem
// are data in the result.
// Scans of the output and the original are OCR'd under `ocr_mode` (none
// under kNever: then a scan is not read at all).
StatusOr<VerifyResult> VerifyOutput(const std::string& output_path,
                                    const std::optional<std::string>& original_path,
                                    const pdf::OpenOptions& original_options,
                                    const Detector& detector, OcrMode ocr_mode = OcrMode::kAuto,
                                    const SecondLookSettings& second = {});

// A value removed from an input, as the check searches for it in an
// output. Plaintext: stays in this process.
struct RemovedValue {
  std::string category;
  std::vector<std::string> literal;  // searched in streams, strings, text
  std::string normalized;            // searched in normalized text/strings
  std::string digits;                // searched in digit projections
};

// All apply's check needs of its input: the values removed — the page
// findings of `original` (with their text there) and its side findings —
// and the normalized texts kept on purpose: what detection found in the
// input (`detected`) but apply was told to keep (a reviewer rejected it),
// and a reviewer's label (Finding::label) and each word of it, drawn on
// purpose. Holds no glyphs, pages or PDF objects: once it is made, the
// input's analysis may be released before the output is read.
//
// And what the input kept where nothing was removed, so that the check
// judges it as the input's detection did: per (index into `values`, page),
// how often the input's text holds the value's normalized form outside
// every finding (a counsel's "pdm.example.org" holds a client address's
// wrapped tail "ple.org"; an interpreter "Lucía Ferrer" an applicant's
// given name); and per page the input's text with the findings blanked,
// folded for comparison (FoldForComparison).
struct RemovedValues {
  std::vector<RemovedValue> values;
  std::set<std::string> kept;
  bool input_known = false;  // the two below were made from an input
  std::map<std::pair<size_t, int>, int> kept_in_input;
  std::map<int, std::string> kept_text;
};
RemovedValues ValuesRemoved(const AnalyzedDocument& original, const std::vector<Finding>& detected);

// Apply's own check of an output it just wrote, before the output appears:
// every value of `removed` is searched for in the output's text, strings
// and streams, and the output is read again with detection; what it finds
// among `removed.kept` is not a leak. Scans are OCR'd under `ocr_mode`
// (none under kNever). Errors only when the output cannot be read.
StatusOr<VerifyResult> VerifyRemoval(const std::string& output_path, RemovedValues removed, OcrMode ocr_mode,
                                     const Detector& detector, const SecondLookSettings& second = {});
// The same, with the values taken from `original` and `detected`
// (ValuesRemoved).
StatusOr<VerifyResult> VerifyRemoval(const std::string& output_path, const AnalyzedDocument& original,
                                     const std::vector<Finding>& detected, OcrMode ocr_mode,
                                     const Detector& detector, const SecondLookSettings& second = {});

}  // namespace redact

#endif  // REDACT_PIPELINE_VERIFY_H_
