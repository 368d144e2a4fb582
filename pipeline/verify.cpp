#include "pipeline/verify.h"

#include <podofo/podofo.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <future>
#include <map>
#include <set>
#include <memory>
#include <sstream>

#include "core/literal_search.h"
#include "pdf/page_traits.h"
#include "pdf/podofo_util.h"
#include "pdf/qpdf_bridge.h"
#include "pipeline/analyze.h"
#include "stages/assemble/assemble.h"
#include "stages/detect/covered.h"
#include "stages/detect/layout.h"
#include "stages/detect/normalize.h"
#include "stages/extract/extract.h"
#include "stages/second_look/second_look.h"
#include "stages/second_look/trigger.h"

namespace redact {
namespace {

using PoDoFo::PdfObject;

using Needle = RemovedValue;

std::string Digits(std::string_view s) {
  std::string d;
  for (char c : s) {
    if (c >= '0' && c <= '9') d.push_back(c);
  }
  return d;
}

// `s` without its words made of digits alone ("20 peachtree industrial
// blvd., suite 2" -> "peachtree industrial blvd., suite").
std::string WithoutNumbers(std::string_view s) {
  std::string out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\n')) ++i;
    const size_t from = i;
    while (i < s.size() && s[i] != ' ' && s[i] != '\n') ++i;
    const std::string_view word = s.substr(from, i - from);
    if (word.empty() || Digits(word).size() == word.size()) continue;
    out += (out.empty() ? "" : " ") + std::string(word);
  }
  return out;
}

// Whether OCR's address `value` is one redact's reading of the page holds,
// read with its house or suite numbers clipped ("1120 … Suite 210" as "20
// … Suite 2"): its words without numbers are there, and each number is
// part of the page's digits.
bool AddressReadWithClippedNumbers(const std::string& ours_folded, const std::string& value) {
  const std::string words = WithoutNumbers(value);
  if (words.empty() || !ContainsWords(WithoutNumbers(ours_folded), words)) return false;
  const std::string digits = Digits(ours_folded);
  size_t i = 0;
  while (i < value.size()) {
    while (i < value.size() && (value[i] < '0' || value[i] > '9')) ++i;
    const size_t from = i;
    while (i < value.size() && value[i] >= '0' && value[i] <= '9') ++i;
    if (i > from && digits.find(value.substr(from, i - from)) == std::string::npos) return false;
  }
  return true;
}

std::string HexOf(std::string_view s, bool upper) {
  const char* digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
  std::string out;
  for (unsigned char c : s) {
    out.push_back(digits[c >> 4]);
    out.push_back(digits[c & 15]);
  }
  return out;
}

bool Numeric(const std::string& category) {
  return category == "a_number" || category == "receipt_number" || category == "ssn" ||
         category == "phone" || category == "i94" || category == "eoir_or_fbi_label";
}

// All strings of an object tree, depth-first (bounded).
// `texts` gets each string as text (for detection, one at a time: joining
// unrelated strings makes names out of neighbours — a field's /T
// "applicant" read as the cue of the next string); `out` gets every string,
// raw bytes and names too (searched for the original's values).
void CollectStrings(const PdfObject* o, std::vector<std::string>* out, std::vector<std::string>* texts, int depth) {
  if (!o || depth > 64) return;
  if (o->IsString() || o->IsHexString()) {
    out->push_back(o->GetString().GetStringUtf8());
    texts->push_back(out->back());
    const PoDoFo::PdfString& s = o->GetString();
    out->push_back(std::string(s.GetString(), s.GetLength()));  // raw bytes too
  } else if (o->IsName()) {
    out->push_back(o->GetName().GetName());
  } else if (o->IsDictionary()) {
    for (const auto& [k, v] : o->GetDictionary().GetKeys()) CollectStrings(v, out, texts, depth + 1);
  } else if (o->IsArray()) {
    for (const PdfObject& v : o->GetArray()) CollectStrings(&v, out, texts, depth + 1);
  }
}

// Revisions as the cross-reference structure counts them: each ends in
// "startxref <offset> %%EOF". A bare "%%EOF" inside a stream (CMaps and
// PostScript resources carry them) is not a revision.
int CountRevisions(const std::string& bytes) {
  int revisions = 0;
  for (size_t p = bytes.find("startxref"); p != std::string::npos; p = bytes.find("startxref", p + 9)) {
    size_t q = p + 9;
    while (q < bytes.size() && std::isspace(static_cast<unsigned char>(bytes[q]))) ++q;
    const size_t digits = q;
    while (q < bytes.size() && std::isdigit(static_cast<unsigned char>(bytes[q]))) ++q;
    if (q == digits) continue;
    while (q < bytes.size() && std::isspace(static_cast<unsigned char>(bytes[q]))) ++q;
    if (bytes.compare(q, 5, "%%EOF") == 0) ++revisions;
  }
  return revisions;
}

Needle NeedleFor(const std::string& category, const std::string& text, const std::string& value) {
  Needle n;
  n.category = category;
  if (!text.empty()) n.literal.push_back(text);
  if (value != text && value.size() >= 4) n.literal.push_back(value);
  n.normalized = NormalizeString(text.empty() ? value : text);
  if (Numeric(category)) n.digits = Digits(text.empty() ? value : text);
  const std::string& shown = text.empty() ? value : text;
  const bool only_digits = std::none_of(shown.begin(), shown.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)) || (c & 0x80); });
  if (n.digits.size() < 7) {
    // A number of a few digits (an OCR fragment a table column typed as an
    // A-number: "321"; a zip code alone on an address's wrapped line,
    // "07131") is found in any page number, font name or hex string of
    // glyph codes: searching for it proves nothing and withholds sound
    // outputs. Detection of the output still judges such cells.
    if (Numeric(category) || (only_digits && Digits(shown).size() < 7)) n.normalized.clear(), n.literal.clear();
    n.digits.clear();
  }
  // Nor is the tail of an e-mail address a table wrapped onto its next
  // line ("ple.org", in every ".org" of the output and its fonts' names).
  if (category == "email" && shown.find('@') == std::string::npos) n.normalized.clear(), n.literal.clear();
  return n;
}

// The text a finding covers on its page (its value for side findings).
std::string SpanText(const AnalyzedDocument& doc, const Finding& f) {
  if (f.channel != kChannelPage || f.page < 1 || f.page > static_cast<int>(doc.pages.size())) return f.value;
  const PageText& page = doc.pages[static_cast<size_t>(f.page - 1)];
  // A name wrapped round a pleading's line number stands for the name alone.
  return f.end > f.begin && f.end <= page.text.size() ? TextWithoutLineNumbers(page, f.begin, f.end) : f.value;
}

bool IsImageStream(const PdfObject* o) {
  return pdf::AsName(pdf::DictGet(o, "Subtype")).value_or("") == "Image";
}

}  // namespace

namespace {

// What one check looks for: values that must be gone, values detection may
// still find because they were kept on purpose, and how to read scans.
// The needles as automata (core/literal_search.h): each text is read once,
// however many values the original held. Pattern k of a search is the
// needle at the same index of its `needle` list.
struct NeedleIndex {
  LiteralSearch normalized, digits, folded, literal;
  std::vector<size_t> normalized_needle, digits_needle, folded_needle, literal_needle;
};

std::shared_ptr<const NeedleIndex> IndexNeedles(const std::vector<Needle>& needles) {
  auto index = std::make_shared<NeedleIndex>();
  std::vector<std::string> normalized, digits, folded, literal;
  for (size_t k = 0; k < needles.size(); ++k) {
    const Needle& n = needles[k];
    if (n.normalized.size() >= 3) normalized.push_back(n.normalized), index->normalized_needle.push_back(k);
    if (!n.digits.empty()) digits.push_back(n.digits), index->digits_needle.push_back(k);
    if (std::string f = FoldForComparison(n.normalized); f.size() >= 3) {
      folded.push_back(std::move(f)), index->folded_needle.push_back(k);
    }
    for (const std::string& lit : n.literal) {
      if (lit.size() < 4) continue;
      for (std::string form : {lit, HexOf(lit, true), HexOf(lit, false)}) {
        literal.push_back(std::move(form)), index->literal_needle.push_back(k);
      }
    }
  }
  index->normalized = LiteralSearch(normalized);
  index->digits = LiteralSearch(digits);
  index->folded = LiteralSearch(folded);
  index->literal = LiteralSearch(literal);
  return index;
}

// Needles `search` finds in `text` (those `accept` takes), in needle order,
// each once.
template <typename Accept>
void AddHits(const LiteralSearch& search, const std::vector<size_t>& needle_of, std::string_view text,
             std::set<size_t>* hits, Accept&& accept) {
  search.ForEach(text, [&](size_t pattern, size_t begin) {
    if (accept(pattern, begin)) hits->insert(needle_of[pattern]);
  });
}

// Needles whose normalized value `norm` holds or whose digits `digits`
// holds.
std::set<size_t> NeedlesIn(const NeedleIndex& index, std::string_view norm, std::string_view digits) {
  std::set<size_t> hits;
  auto any = [](size_t, size_t) { return true; };
  AddHits(index.normalized, index.normalized_needle, norm, &hits, any);
  AddHits(index.digits, index.digits_needle, digits, &hits, any);
  return hits;
}

struct Scope {
  std::vector<Needle> needles;
  std::shared_ptr<const NeedleIndex> index;  // of `needles` (made by Check if not yet)
  std::set<std::string> kept;  // normalized texts a reviewer chose to keep
  // When the input was read (apply's own check): per (needle, page), how
  // often the input's text holds the needle's normalized value where
  // nothing was removed. A counsel's "pdm.example.org" holds the tail
  // "ple.org" of a client's wrapped address; an interpreter "Lucía Ferrer"
  // the given name of an applicant "Lucía": the output may hold a needle
  // as often as the input kept it on that page, and no more.
  bool input_counted = false;
  std::map<std::pair<size_t, int>, int> kept_in_input;
  // Per page, the input's text without what was removed (folded for
  // comparison): where the output's detection reads a name only by a cue
  // ("mis hijos" now followed by the next line's "Isabel", the children's
  // names between them removed), or text under a box ("t:" of a label the
  // box over its value overlaps), in words the input kept there, removal
  // changed the context, not what is said: the input's detection, which
  // read the whole context, judged those words (as DetectAfterRemoval does).
  // Kept text under a box still goes to a person (VerifyResult::to_review).
  std::map<int, std::string> input_kept_text;
  OcrMode ocr_mode = OcrMode::kAuto;
  SecondLookSettings second;
};

bool Kept(const Scope& scope, std::string_view text, const Finding& f) {
  if (scope.kept.empty() || f.end <= f.begin || f.end > text.size()) return false;
  return scope.kept.count(NormalizeString(text.substr(f.begin, f.end - f.begin))) > 0;
}

// A notation protected only by where it stood — "Positive" or "Pending" in
// a CFI-outcome column or after an outcome label — is no value to look for
// in the rest of the output: the same word in prose is not it, and
// searching for it would withhold every such output.
//
// Likewise text the input hid under a box ("covered"): its glyphs are
// removed, but what it says ("did not disclose all relevant history") is
// no identifier, and the same words read elsewhere are not it.
//
// And the words of a credible-fear notation ("credible fear
// determination"): detection of the output finds them wherever they are
// still one; the same words in a regulation quoted in general terms, which
// detection leaves, are not it.
//
// Nor is a value detection took only once the other findings were gone
// (pipeline/analyze.cpp DetectAfterRemoval) by a pattern, column or label:
// its new context made it ("Date of Birth" over a removed date, then the
// date of action beside it), it is removed where it stood, and the
// output's detection judges that place; the same date elsewhere is not it.
// One from the names list is a listed person's, searched for everywhere.
//
// And a part of an address a form's box or a column gave its meaning ("City:
// Dallas", "State: TX", "Zip Code: 75201", a town of birth): the same town
// in the court's or counsel's address is not it. A street line (number and
// name: "2814 Cedar Springs Road") is still sought everywhere.
bool PlaceOnly(const Finding& f) {
  if (f.after_removal && f.basis != "list") return true;
  if (f.category == "address" && (f.basis == "label" || f.basis == "column")) {
    const bool digit = std::any_of(f.value.begin(), f.value.end(), [](unsigned char c) { return std::isdigit(c); });
    const bool letter = std::any_of(f.value.begin(), f.value.end(), [](unsigned char c) { return std::isalpha(c); });
    if (!(digit && letter)) return true;
  }
  const bool notation_words = f.category == "credible_fear" && f.basis == "rule" &&
                              !f.rule.ends_with(".date") && Digits(f.value).empty();
  return (f.category == "credible_fear" && (f.basis == "column" || f.basis == "label")) ||
         notation_words || f.category == kCoveredCategory;
}

// What a second engine read (poppler's text, or OCR of a render or an
// image) at `where`: detection and the original's values. A finding whose
// value `ours_folded` (redact's own text of that page, folded) holds as
// words was judged by the first engine already. On OCR'd text a name found
// only by a cue, or a cell typed only by its column, is for a person (the
// to_review rule); listed names, identifiers and original values are leaks.
//
// `blots` (OCR of a render: RenderReading::blots) are the spans read off
// solid ink: a name found only by a cue there is the box OCR read as
// letters, and not even weak evidence.
void JudgeSecondText(const std::string& channel, const std::string& where, const std::string& text,
                     const std::string& ours_folded, bool ocr, const Scope& scope, const Detector& detector,
                     VerifyResult* result, const std::vector<std::pair<size_t, size_t>>& blots = {},
                     bool ours_ocr = false) {
  // Every word of the span read off ink: blots, with only white space
  // between them.
  const auto in_blot = [&blots, &text](const Finding& f) {
    size_t at = f.begin;
    for (const auto& [begin, end] : blots) {
      if (end <= at) continue;
      for (size_t k = at; k < begin && k < f.end; ++k) {
        if (text[k] != ' ' && text[k] != '\n') return false;
      }
      if (begin >= f.end) break;
      at = end;
      if (at >= f.end) return true;
    }
    return false;
  };
  for (const Finding& f : detector.DetectText(text, ocr)) {
    if (Kept(scope, text, f) || f.end <= f.begin || f.end > text.size()) continue;
    const std::string value = FoldForComparison(std::string_view(text).substr(f.begin, f.end - f.begin));
    if (!ours_folded.empty() && ContainsWords(ours_folded, value)) continue;
    // A number OCR read with a look-alike mark ("form 1-589" where the
    // first engine's OCR read "form |-589"): judged there. Only when both
    // readings are OCR: a text layer that says "A2O1234567" where the
    // pixels show A201234567 lies, and is a leak.
    if (ocr && ours_ocr && !ours_folded.empty() && !Digits(value).empty() &&
        ContainsWords(FoldOcrLookalikes(ours_folded), FoldOcrLookalikes(value))) {
      continue;
    }
    // A number the first engine read on this page too, split or joined
    // otherwise ("A 201-234-567" / "A201234567"): judged there already.
    const std::string value_digits = Digits(value);
    if (value_digits.size() >= 6 && Digits(ours_folded).find(value_digits) != std::string::npos) continue;
    // An address OCR read with its numbers clipped, whose words redact read
    // on this page: judged there (its removed values are searched below).
    if (ocr && f.category == "address" && !ours_folded.empty() && AddressReadWithClippedNumbers(ours_folded, value)) {
      continue;
    }
    const bool cue_only = f.category == "name" && f.rule.rfind("name.cue", 0) == 0;
    if (ocr && cue_only && in_blot(f)) continue;
    const bool column_only = f.rule.rfind("layout.", 0) == 0;
    (ocr && (cue_only || column_only) ? result->to_review : result->leaks).push_back({channel, where, f.category});
  }
  if (scope.needles.empty()) return;
  const std::string folded = FoldForComparison(text);
  const NeedleIndex& index = *scope.index;
  // A value this engine reads as often as redact's own reading of the page
  // (`ours_folded`) was judged there, where what the input kept is known.
  auto words = [&](const std::string& in) {
    std::map<size_t, int> count;
    index.folded.ForEach(in, [&](size_t pattern, size_t begin) {
      if (WholeWordsAt(in, begin, index.folded.pattern_length(pattern))) ++count[index.folded_needle[pattern]];
    });
    return count;
  };
  const std::map<size_t, int> ours = ours_folded.empty() ? std::map<size_t, int>{} : words(ours_folded);
  std::set<size_t> hits;
  for (const auto& [k, n] : words(folded)) {
    const auto our = ours.find(k);
    if (n > (our == ours.end() ? 0 : our->second)) hits.insert(k);
  }
  AddHits(index.digits, index.digits_needle, Digits(text), &hits, [](size_t, size_t) { return true; });
  for (size_t k : hits) result->leaks.push_back({channel + " (original value)", where, scope.needles[k].category});
}

// The engine renders and unpainted images are read with: the check's own
// (made on first need, shared with the first engine's OCR of scans).
StatusOr<OcrEngine*> SecondEngine(OcrContext* ocr) {
  if (ocr->engines.empty()) ocr->engines.resize(1);
  if (!ocr->engines[0]) {
    if (!ocr->make_engine) return Error(StatusCode::kInternal, "no OCR engine factory");
    StatusOr<std::unique_ptr<OcrEngine>> engine = ocr->make_engine(ocr->languages);
    if (!engine) return Error(engine.error());
    if (!*engine) return Error(StatusCode::kInternal, "the OCR engine factory made no engine");
    ocr->engines[0] = std::move(*engine);
  }
  return ocr->engines[0].get();
}

// Poppler's reading of an output: the document, and every page's text.
struct PopplerReading {
  std::unique_ptr<SecondLook> look;
  std::vector<StatusOr<std::string>> texts;
};

// Reads `path` with poppler: made on a thread of its own while redact reads
// the same file (poppler is then used from one thread at a time).
StatusOr<PopplerReading> ReadWithPoppler(const std::string& path) {
  StatusOr<std::unique_ptr<SecondLook>> look = SecondLook::Open(path);
  if (!look) return Error(look.error());
  PopplerReading reading;
  reading.look = std::move(*look);
  for (int i = 0; i < reading.look->page_count(); ++i) reading.texts.push_back(reading.look->PageText(i));
  return reading;
}

// Pages `pages` of `look` rendered (on this thread: poppler) and read by
// OCR, up to settings.jobs at once, each on an engine of its own (made
// here, kept in ocr->engines); in the order of `pages`.
StatusOr<std::vector<RenderReading>> ReadRenders(const SecondLook& look, const std::vector<int>& pages,
                                               const SecondLookSettings& settings, OcrContext* ocr) {
  const size_t jobs = std::clamp<size_t>(static_cast<size_t>(std::max(settings.jobs, 1)), 1,
                                         std::max<size_t>(pages.size(), 1));
  std::vector<OcrEngine*> engines;
  for (size_t j = 0; j < jobs && !pages.empty(); ++j) {
    if (ocr->engines.size() <= j) ocr->engines.resize(j + 1);
    if (j == 0) {
      StatusOr<OcrEngine*> first = SecondEngine(ocr);
      if (!first) return Error(first.error());
      engines.push_back(*first);
      continue;
    }
    if (!ocr->engines[j]) {
      StatusOr<std::unique_ptr<OcrEngine>> engine = ocr->make_engine(ocr->languages);
      if (!engine) return Error(engine.error());
      if (!*engine) return Error(StatusCode::kInternal, "the OCR engine factory made no engine");
      ocr->engines[j] = std::move(*engine);
    }
    engines.push_back(ocr->engines[j].get());
  }
  std::vector<RenderReading> reads(pages.size());
  std::vector<std::future<StatusOr<RenderReading>>> pending(jobs);
  std::vector<size_t> pending_slot(jobs, 0);
  Status failed = Status::Ok();
  auto collect = [&](size_t j) {
    if (!pending[j].valid()) return;
    StatusOr<RenderReading> read = pending[j].get();
    if (!read) {
      if (failed.ok()) failed = read.error();
    } else {
      reads[pending_slot[j]] = std::move(*read);
    }
  };
  for (size_t k = 0; k < pages.size() && failed.ok(); ++k) {
    const size_t j = k % jobs;
    collect(j);  // engine j is free again
    StatusOr<PixPtr> render = look.RenderGray(pages[k], settings.dpi);
    if (!render) {
      failed = render.error();
      break;
    }
    pending_slot[j] = k;
    pending[j] = std::async(std::launch::async, [engine = engines[j], pix = std::move(*render), dpi = settings.dpi]() {
      return ReadRender(pix.get(), dpi, *engine);
    });
  }
  for (size_t j = 0; j < jobs; ++j) collect(j);
  if (!failed.ok()) return Error(failed);
  return reads;
}

// Poppler reads every page: its text is judged; the pages text extraction
// cannot speak for (trigger.h; all under kFull) are rendered and OCR'd —
// unless OCR is off (--ocr never without --verify), which is counted.
Status SecondLookPass(PopplerReading& poppler, AnalyzedDocument& out, OcrContext* ocr, const Scope& scope,
                      const Detector& detector, VerifyResult* result) {
  std::unique_ptr<SecondLook>& look = poppler.look;
  result->engines.push_back("poppler-text");
  const int pages = look->page_count();
  if (pages != static_cast<int>(out.pages.size())) {
    result->leaks.push_back({"poppler-text", "document (" + std::to_string(pages) + " pages)", "any"});
  }
  const bool full = scope.second.level == VerifyLevel::kFull;
  std::vector<int> to_render;
  for (int i = 0; i < std::min(pages, static_cast<int>(out.pages.size())); ++i) {
    const PageText& ours = out.pages[static_cast<size_t>(i)];
    StatusOr<std::string>& text = poppler.texts[static_cast<size_t>(i)];
    if (!text) return text.error();
    ++result->pages_poppler;
    JudgeSecondText("poppler-text", "page " + std::to_string(i + 1), *text, FoldForComparison(ours.text), false,
                    scope, detector, result);
    StatusOr<pdf::PageTraits> traits = pdf::InspectPageTraits(*out.document, i);
    if (!traits) return traits.error();
    const std::string reason = RenderReason(ours, *traits, *text, full);
    if (reason.empty()) continue;
    if (scope.ocr_mode == OcrMode::kNever && !full) {
      ++result->pages_render_skipped;
      continue;
    }
    to_render.push_back(i);
    ++result->render_reasons[reason];
  }
  StatusOr<std::vector<RenderReading>> reads = ReadRenders(*look, to_render, scope.second, ocr);
  if (!reads) return reads.error();
  for (size_t k = 0; k < to_render.size(); ++k) {
    const int i = to_render[k];
    ++result->pages_rendered;
    const RenderReading& read = (*reads)[k];
    const PageText& ours = out.pages[static_cast<size_t>(i)];
    const bool ours_ocr = std::any_of(ours.glyphs.begin(), ours.glyphs.end(), [](const Glyph& g) { return g.ocr; });
    JudgeSecondText("render-ocr", "page " + std::to_string(i + 1), read.text, FoldForComparison(ours.text), true,
                    scope, detector, result, read.blots, ours_ocr);
  }
  if (result->pages_rendered > 0) result->engines.push_back("render-ocr");
  return Status::Ok();
}

// Image objects no page paints (nor masks one that is painted) are read
// by OCR too: a reader who extracts images sees them. One that cannot be
// decoded was searched as bytes (the stream walk) and goes to review.
Status ReadUnpaintedImages(AnalyzedDocument& out, OcrContext* ocr, const Scope& scope, const Detector& detector,
                           VerifyResult* result) {
  if (scope.ocr_mode == OcrMode::kNever && scope.second.level != VerifyLevel::kFull) return Status::Ok();
  std::vector<const PdfObject*> images;
  Status walked = pdf::Guard("images", [&]() -> Status {
    for (PdfObject* o : out.document->podofo().GetObjects()) {
      if (o && o->HasStream() && IsImageStream(o)) images.push_back(o);
    }
    return Status::Ok();
  });
  if (!walked.ok()) return walked;
  if (images.empty()) return Status::Ok();  // the usual case: no second pass over the pages
  std::set<const PdfObject*> painted;
  for (int i = 0; i < static_cast<int>(out.pages.size()); ++i) {
    for (const PlacedImage& im : FindPageImages(*out.document, i)) {
      if (!im.xobject) continue;
      painted.insert(pdf::Resolve(im.xobject));
      for (const char* mask : {"SMask", "Mask"}) painted.insert(pdf::Resolve(pdf::DictGet(im.xobject, mask)));
    }
  }
  for (const PdfObject* o : images) {
    if (painted.count(o)) continue;
    StatusOr<PixPtr> pix = DecodeImage(o, out.document->limits());
    if (!pix) {
      // Its bytes were searched; what its pixels hold, no one here can
      // tell: a person must look.
      result->to_review.push_back({"unpainted image", pdf::Describe(o), "undecodable image"});
      continue;
    }
    StatusOr<OcrEngine*> engine = SecondEngine(ocr);
    if (!engine) return engine.error();
    StatusOr<std::vector<OcrWord>> words = (*engine)->Recognize(pix->get(), 300);
    if (!words) return words.error();
    ++result->images_unpainted_ocrd;
    std::string text;
    for (const OcrWord& w : *words) {
      text += text.empty() ? "" : " ";
      for (const OcrSymbol& s : w.symbols) text += s.text;
    }
    JudgeSecondText("unpainted image", pdf::Describe(o), text, "", true, scope, detector, result);
  }
  return Status::Ok();
}

// Whether the input kept the words of output finding `f` on its page (see
// Scope::input_kept_text): whole words for a name, any part of the kept
// text for a run under a box.
bool KeptByInput(const Scope& scope, const PageText& page, const Finding& f) {
  const auto kept = scope.input_kept_text.find(page.number);
  if (kept == scope.input_kept_text.end() || f.end <= f.begin || f.end > page.text.size()) return false;
  const std::string value = FoldForComparison(std::string_view(page.text).substr(f.begin, f.end - f.begin));
  if (value.empty()) return false;
  return f.category == kCoveredCategory ? kept->second.find(value) != std::string::npos
                                        : ContainsWords(kept->second, value);
}

// How often the input kept needle `k` on page `page` (Scope::kept_in_input).
// Text the input marks for redaction (a /Redact or black annotation) is
// never kept: left unmarked elsewhere, it is the input's mistake to report.
int KeptInInputFor(const Scope& scope, const Needle& needle, size_t k, int page) {
  if (needle.category == "prior_redaction") return 0;
  const auto kept = scope.kept_in_input.find({k, page});
  return kept == scope.kept_in_input.end() ? 0 : kept->second;
}

// Per page content stream of `doc` (object number): its page's number. A
// value the input kept on a page is judged on that page's text, by count
// (Scope::kept_in_input); its bytes in the page's stream are that text.
std::map<uint32_t, int> ContentStreamPages(const pdf::Document& doc, int pages) {
  std::map<uint32_t, int> out;
  for (int i = 0; i < pages; ++i) {
    StatusOr<const PdfObject*> page = doc.PageObject(i);
    if (!page) continue;
    const PdfObject* contents = pdf::DictGet(*page, "Contents");
    std::vector<const PdfObject*> refs;
    if (const PoDoFo::PdfArray* array = pdf::AsArray(contents)) {
      for (const PdfObject& c : *array) refs.push_back(pdf::Resolve(&c));
    } else {
      refs.push_back(contents);
    }
    for (const PdfObject* c : refs) {
      if (c && c->Reference().ObjectNumber() != 0) out.emplace(c->Reference().ObjectNumber(), i + 1);
    }
  }
  return out;
}

StatusOr<VerifyResult> Check(const std::string& output_path, Scope scope, const Detector& detector) {
  if (!scope.index) scope.index = IndexNeedles(scope.needles);
  VerifyResult result;
  // Revisions: one %%EOF, no /Prev.
  {
    std::ifstream in(output_path, std::ios::binary);
    if (!in) return Error(StatusCode::kNotFound, output_path + ": cannot open");
    std::stringstream buf;
    buf << in.rdbuf();
    const std::string bytes = buf.str();
    const int revisions = CountRevisions(bytes);
    if (revisions > 1) result.leaks.push_back({"revisions", std::to_string(revisions) + " revisions", "any"});
  }
  // Poppler reads the output on another thread meanwhile (the second look).
  std::future<StatusOr<PopplerReading>> poppler = std::async(std::launch::async, ReadWithPoppler, output_path);
  // Scanned pages are read again with OCR (unless told never to): a burned
  // image must not read back.
  OcrContext ocr;
  ocr.mode = scope.ocr_mode;
  ocr.languages = scope.second.languages;
  ocr.make_engine = scope.second.make_engine;
  ocr.jobs = std::max(scope.second.jobs, 1);  // pages OCR'd at once, as the input's were
  // A long output's pages let their glyphs go (those that can be read
  // again from their content): the output is read whole here.
  StatusOr<AnalyzedDocument> out = AnalyzeDocument(output_path, {}, detector, &ocr, GlyphHolding::kAuto);
  if (!out) return Error(out.error());
  result.engines.push_back("redact");
  result.pages = static_cast<int>(out->pages.size());
  for (const Finding& f : out->findings) {
    const PageText& page = out->pages[static_cast<size_t>(f.page - 1)];
    if (Kept(scope, page.text, f)) continue;
    // A released page holds no OCR'd glyph (CanReleaseGlyphs).
    bool read_by_ocr = !f.glyphs.empty() && !page.released;
    for (int g : f.glyphs) read_by_ocr = read_by_ocr && page.glyphs[static_cast<size_t>(g)].ocr;
    const bool cue_only = f.category == "name" && f.rule.rfind("name.cue", 0) == 0;
    if (KeptByInput(scope, page, f)) {
      // Public text under a box of ours is still live text under a fill: a
      // page for a person, not a leak.
      if (f.category == kCoveredCategory) result.to_review.push_back({"text", "page " + std::to_string(f.page), f.category});
      if (cue_only || f.category == kCoveredCategory) continue;
    }
    // A cell typed only by its column, on a page OCR read off the output:
    // OCR makes words of the noise around drawn marks, pseudonyms drawn
    // over a burned scan sit among OCR'd words, and the columns found in
    // such a mix take them ("Applicant 7" typed as an A-number). Weak
    // evidence, for a person; every original value is still searched for
    // below, and pattern and list findings stay leaks.
    const bool column_only = f.rule.rfind("layout.", 0) == 0;
    const bool page_ocrd = std::any_of(page.glyphs.begin(), page.glyphs.end(), [](const Glyph& g) { return g.ocr; });
    ((read_by_ocr && cue_only) || (page_ocrd && column_only) ? result.to_review : result.leaks)
        .push_back({"text", "page " + std::to_string(f.page), f.category});
  }
  // Annotation appearances: what each annotation draws, read like a page.
  for (int i = 0; i < static_cast<int>(out->pages.size()); ++i) {
    StatusOr<const PdfObject*> page = out->document->PageObject(i);
    if (!page) continue;
    const PoDoFo::PdfArray* annots = pdf::AsArray(pdf::DictGet(*page, "Annots"));
    if (!annots) continue;
    for (const PdfObject& a : *annots) {
      const PdfObject* ap = pdf::DictGet(pdf::Resolve(&a), "AP");
      for (const char* state : {"N", "R", "D"}) {
        const PdfObject* form = pdf::DictGet(ap, state);
        if (!form || !form->HasStream()) continue;
        StatusOr<PageText> text = ExtractFormGlyphs(*out->document, form);
        if (!text) continue;
        AssembleText(&*text);
        for (const Finding& f : detector.DetectText(text->text)) {
          result.leaks.push_back({"annotation appearance", "page " + std::to_string(i + 1),
                                  f.category});
        }
      }
    }
  }
  if (pdf::DictGet(out->document->podofo().GetTrailer(), "Prev")) {
    result.leaks.push_back({"revisions", "trailer /Prev", "any"});
  }

  const std::vector<Needle>& needles = scope.needles;
  result.values_searched = static_cast<int>(needles.size());

  // Text of the output against the original's values.
  for (const PageText& p : out->pages) {
    const std::string norm = MatchingText(p).text;  // read round line numbers, as detection reads
    std::set<size_t> hits;
    AddHits(scope.index->digits, scope.index->digits_needle, Digits(p.text), &hits, [](size_t, size_t) { return true; });
    std::map<size_t, int> count;
    scope.index->normalized.ForEach(norm, [&](size_t pattern, size_t) { ++count[scope.index->normalized_needle[pattern]]; });
    for (const auto& [k, n] : count) {
      const auto kept = KeptInInputFor(scope, needles[k], k, p.number);
      if (!scope.input_counted || n > kept) hits.insert(k);
    }
    for (size_t k : hits) {
      result.leaks.push_back({"text (original value)", "page " + std::to_string(p.number), needles[k].category});
    }
  }

  // Every object: strings re-detected and searched; streams searched.
  const std::map<uint32_t, int> content_pages =
      scope.input_counted ? ContentStreamPages(*out->document, result.pages) : std::map<uint32_t, int>{};
  Status walked = pdf::Guard(output_path, [&]() -> Status {
    for (PdfObject* o : out->document->podofo().GetObjects()) {
      if (!o) continue;
      ++result.objects_checked;
      const std::string where = pdf::Describe(o);
      std::vector<std::string> strings, texts;
      CollectStrings(o, &strings, &texts, 0);
      for (const std::string& text : texts) {
        for (const Finding& f : detector.DetectText(text)) {
          if (!Kept(scope, text, f)) result.leaks.push_back({"string", where, f.category});
        }
      }
      std::string joined;
      for (const std::string& s : strings) joined += s + "\n";
      if (!joined.empty()) {
        for (size_t k : NeedlesIn(*scope.index, NormalizeString(joined), Digits(joined))) {
          result.leaks.push_back({"string (original value)", where, needles[k].category});
        }
      }
      // Image streams too: a JPEG's comment or EXIF block keeps what the
      // pixels no longer show.
      if (o->HasStream() && !needles.empty()) {
        StatusOr<std::string> data = pdf::ReadStream(o, size_t{512} << 20);
        if (!data) continue;  // undecodable streams are not ours to judge here
        ++result.streams_checked;
        std::set<size_t> hits;
        AddHits(scope.index->literal, scope.index->literal_needle, *data, &hits, [](size_t, size_t) { return true; });
        if (const auto page = content_pages.find(o->Reference().ObjectNumber()); page != content_pages.end()) {
          std::erase_if(hits, [&](size_t k) { return KeptInInputFor(scope, needles[k], k, page->second) > 0; });
        }
        for (size_t k : hits) result.leaks.push_back({"stream (original value)", where, needles[k].category});
      }
    }
    return Status::Ok();
  });
  if (!walked.ok()) return Error(walked);
  // The second engine, and images no page paints.
  StatusOr<PopplerReading> reading = poppler.get();
  if (!reading) return Error(reading.error());
  if (Status s = SecondLookPass(*reading, *out, &ocr, scope, detector, &result); !s.ok()) return Error(s);
  if (Status s = ReadUnpaintedImages(*out, &ocr, scope, detector, &result); !s.ok()) return Error(s);
  return result;
}

}  // namespace

std::optional<VerifyLevel> ParseVerifyLevel(std::string_view text) {
  if (text == "standard") return VerifyLevel::kStandard;
  if (text == "full") return VerifyLevel::kFull;
  return std::nullopt;
}

const char* VerifyLevelName(VerifyLevel level) { return level == VerifyLevel::kFull ? "full" : "standard"; }

StatusOr<VerifyResult> VerifyOutput(const std::string& output_path,
                                    const std::optional<std::string>& original_path,
                                    const pdf::OpenOptions& original_options,
                                    const Detector& detector, OcrMode ocr_mode,
                                    const SecondLookSettings& second) {
  Scope scope;
  scope.ocr_mode = ocr_mode;
  scope.second = second;
  if (original_path) {
    // Values found in the original.
    OcrContext ocr;
    ocr.mode = ocr_mode;
    ocr.languages = second.languages;
    ocr.make_engine = second.make_engine;
    // Only its text and findings are read: a long one lets its glyphs go.
    StatusOr<AnalyzedDocument> orig =
        AnalyzeDocument(*original_path, original_options, detector, &ocr, GlyphHolding::kAuto);
    if (!orig) return Error(orig.error());
    std::set<std::string> seen;
    for (const Finding& f : orig->findings) {
      const std::string text = SpanText(*orig, f);
      if (!PlaceOnly(f) && seen.insert(f.category + "\x1f" + text).second) {
        scope.needles.push_back(NeedleFor(f.category, text, f.value));
      }
    }
  }
  StatusOr<VerifyResult> result = Check(output_path, std::move(scope), detector);
  if (!result) return result;
  Status sound = pdf::CheckStructure(output_path, std::filesystem::path(output_path).filename().string());
  if (!sound.ok()) result->structure_problem = sound.message();
  return result;
}

namespace {

// Per (needle, page): the needle's occurrences in the input's text that
// overlap no finding of the page (what the input kept, as Scope says).
std::map<std::pair<size_t, int>, int> KeptInInput(const AnalyzedDocument& original, const NeedleIndex& index) {
  std::map<int, std::vector<std::pair<size_t, size_t>>> removed;  // page → spans
  for (const Finding& f : original.findings) {
    if (f.channel == kChannelPage && f.end > f.begin) removed[f.page].push_back({f.begin, f.end});
  }
  std::map<std::pair<size_t, int>, int> kept;
  for (const PageText& page : original.pages) {
    const NormalizedText norm = MatchingText(page);
    const std::vector<std::pair<size_t, size_t>>& spans = removed[page.number];
    index.normalized.ForEach(norm.text, [&](size_t pattern, size_t begin) {
      const auto [b, e] = norm.ToOriginal(begin, begin + index.normalized.pattern_length(pattern));
      for (const auto& [rb, re] : spans) {
        if (b < re && rb < e) return;  // removed here
      }
      ++kept[{index.normalized_needle[pattern], page.number}];
    });
  }
  return kept;
}

// Per page: the input's text with every finding's span blanked (a line
// break, so no words join across it), folded for comparison.
std::map<int, std::string> InputKeptText(const AnalyzedDocument& original) {
  std::map<int, std::string> text;
  for (const PageText& page : original.pages) text[page.number] = page.text;
  for (const Finding& f : original.findings) {
    auto it = text.find(f.page);
    if (f.channel != kChannelPage || it == text.end() || f.end <= f.begin || f.end > it->second.size()) continue;
    std::fill(it->second.begin() + static_cast<std::ptrdiff_t>(f.begin),
              it->second.begin() + static_cast<std::ptrdiff_t>(f.end), '\n');
  }
  for (auto& [page, t] : text) t = FoldForComparison(t);
  return text;
}

}  // namespace

RemovedValues ValuesRemoved(const AnalyzedDocument& original, const std::vector<Finding>& detected) {
  RemovedValues out;
  std::set<std::string> seen, removed;
  auto add = [&](const Finding& f) {
    const std::string text = SpanText(original, f);
    removed.insert(NormalizeString(text));
    if (!PlaceOnly(f) && seen.insert(f.category + "\x1f" + text).second) {
      out.values.push_back(NeedleFor(f.category, text, f.value));
    }
  };
  for (const Finding& f : original.findings) add(f);
  for (const Finding& f : original.side_findings) add(f);
  // A reviewer's label ("Client 1") is drawn on purpose, and detection may
  // read it, or a word of it, as a name after a cue ("her son, Client 1").
  for (const Finding& f : original.findings) {
    if (f.label.empty()) continue;
    out.kept.insert(NormalizeString(f.label));
    std::istringstream words(f.label);
    for (std::string w; words >> w;) out.kept.insert(NormalizeString(w));
  }
  for (const Finding& f : detected) {
    const std::string norm = NormalizeString(SpanText(original, f));
    if (!removed.count(norm)) out.kept.insert(norm);
  }
  const std::shared_ptr<const NeedleIndex> index = IndexNeedles(out.values);
  out.kept_in_input = KeptInInput(original, *index);
  out.kept_text = InputKeptText(original);
  out.input_known = true;
  return out;
}

StatusOr<VerifyResult> VerifyRemoval(const std::string& output_path, RemovedValues removed, OcrMode ocr_mode,
                                     const Detector& detector, const SecondLookSettings& second) {
  Scope scope;
  scope.ocr_mode = ocr_mode;
  scope.second = second;
  scope.needles = std::move(removed.values);
  scope.kept = std::move(removed.kept);
  scope.input_counted = removed.input_known;
  scope.kept_in_input = std::move(removed.kept_in_input);
  scope.input_kept_text = std::move(removed.kept_text);
  return Check(output_path, std::move(scope), detector);
}

StatusOr<VerifyResult> VerifyRemoval(const std::string& output_path, const AnalyzedDocument& original,
                                     const std::vector<Finding>& detected, OcrMode ocr_mode,
                                     const Detector& detector, const SecondLookSettings& second) {
  return VerifyRemoval(output_path, ValuesRemoved(original, detected), ocr_mode, detector, second);
}

}  // namespace redact
