#include "pipeline/reviewed_pdf.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <optional>
#include <set>

#include "pipeline/review.h"
#include "stages/write_review/review.h"

namespace redact {
namespace {

// Kinds a person draws to mark something for removal.
const std::set<std::string> kAreaKinds = {"Square", "Circle", "Redact", "Ink", "Polygon", "PolyLine",
                                          "Highlight", "Underline", "StrikeOut", "Squiggly"};
// Of those, the ones whose /QuadPoints say more precisely than /Rect.
const std::set<std::string> kQuadKinds = {"Redact", "Highlight", "Underline", "StrikeOut", "Squiggly"};

// An annotation's kind fit to print: a plain PDF name, or what it is not.
std::string KindOf(const SeenAnnotation& a) {
  if (a.subtype.empty()) return "no /Subtype";
  const bool plain = a.subtype.size() <= 24 && std::all_of(a.subtype.begin(), a.subtype.end(), [](char c) {
                       return std::isalnum(static_cast<unsigned char>(c));
                     });
  return plain ? a.subtype : "an unknown kind";
}

std::string Where(const SeenAnnotation& a) {
  return "page " + std::to_string(a.page) + ", annotation " + std::to_string(a.index) + " (" + KindOf(a) + ")";
}

std::string Trim(const std::string& s) {
  const size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return "";
  return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}

// A note's lines, trimmed, empty ones dropped (viewers add "\r", or a
// trailing newline).
std::vector<std::string> NoteLines(const std::string& note) {
  std::vector<std::string> lines;
  size_t start = 0;
  while (start <= note.size()) {
    size_t end = note.find_first_of("\r\n", start);
    if (end == std::string::npos) end = note.size();
    std::string line = Trim(note.substr(start, end - start));
    if (!line.empty()) lines.push_back(std::move(line));
    start = end + 1;
  }
  return lines;
}

struct NoteChange {
  std::optional<std::string> category;
  std::optional<std::string> label;
};

// What a reviewer's note says (see the header), against `written`, the
// note review wrote ("" for a reviewer's own annotation). Errors: why it
// cannot be read, never quoting it.
StatusOr<NoteChange> ReadNote(const std::string& note, const std::string& written) {
  NoteChange change;
  const std::vector<std::string> lines = NoteLines(note);
  if (lines.empty() || lines == NoteLines(written)) return change;
  std::map<std::string, std::string> original;
  for (const std::string& line : NoteLines(written)) {
    const size_t colon = line.find(':');
    original[line.substr(0, colon)] = Trim(line.substr(colon + 1));
  }
  const std::string how = " (a note holds \"category: NAME\" and \"label: TEXT\" lines; see README, Reviewing)";
  for (const std::string& line : lines) {
    const size_t colon = line.find(':');
    if (colon == std::string::npos) return Error(StatusCode::kInvalidArgument, "its note has a line that is not \"key: value\"" + how);
    std::string key = Trim(line.substr(0, colon));
    std::transform(key.begin(), key.end(), key.begin(), [](unsigned char c) { return std::tolower(c); });
    const std::string value = Trim(line.substr(colon + 1));
    if (key == "category") {
      std::string name = value;
      std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::tolower(c); });
      const bool ok = !name.empty() && name.size() <= 40 && std::all_of(name.begin(), name.end(), [](char c) {
                        return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
                      });
      if (!ok) return Error(StatusCode::kInvalidArgument, "its \"category:\" is not a category name (letters, digits, _)" + how);
      change.category = name;
    } else if (key == "label") {
      const bool ok = !value.empty() && value.size() <= 60 && std::all_of(value.begin(), value.end(), [](char c) {
                        return c >= 0x20 && c < 0x7F;
                      });
      if (!ok) return Error(StatusCode::kInvalidArgument, "its \"label:\" must be 1 to 60 printable ASCII characters" + how);
      change.label = value;
    } else if ((key == "rule" || key == "why") && original.count(key)) {
      if (original[key] != value) {
        return Error(StatusCode::kInvalidArgument, "its \"" + key + ":\" line was changed; only \"category:\" and "
                                                   "\"label:\" can be" + how);
      }
    } else {
      return Error(StatusCode::kInvalidArgument, "its note has a line redact does not read" + how);
    }
  }
  return change;
}

void Apply(const NoteChange& change, nlohmann::json* entry) {
  if (change.category) (*entry)["category"] = *change.category;
  if (change.label) (*entry)["label"] = *change.label;
}

// Whether `a` is one of the input's own annotations (same page, kind and
// box, to a point).
bool InputsOwn(const SeenAnnotation& a, const nlohmann::json& input_annotations) {
  return std::any_of(input_annotations.begin(), input_annotations.end(), [&](const nlohmann::json& o) {
    const nlohmann::json& r = o["rect"];
    return o["page"].get<int>() == a.page && o["subtype"].get<std::string>() == a.subtype && a.has_rect &&
           std::fabs(r[0].get<double>() - a.rect.x0) < 1 && std::fabs(r[1].get<double>() - a.rect.y0) < 1 &&
           std::fabs(r[2].get<double>() - a.rect.x1) < 1 && std::fabs(r[3].get<double>() - a.rect.y1) < 1;
  });
}

// A reviewer's area as a findings-file entry. Errors: why it marks nothing.
StatusOr<nlohmann::json> AreaEntry(const SeenAnnotation& a) {
  std::vector<Rect> boxes = kQuadKinds.count(a.subtype) && !a.marked.empty() ? a.marked : std::vector<Rect>{};
  if (boxes.empty() && a.has_rect) boxes.push_back(a.rect);
  nlohmann::json list = nlohmann::json::array();
  for (const Rect& b : boxes) {
    if (b.width() < 0.5 || b.height() < 0.5) continue;  // a quad of no area; the others still mark
    list.push_back({b.x0, b.y0, b.x1, b.y1});
  }
  if (list.empty()) return Error(StatusCode::kInvalidArgument, "it marks no area (no /Rect or /QuadPoints with a size)");
  std::string rule = a.subtype;
  std::transform(rule.begin(), rule.end(), rule.begin(), [](unsigned char c) { return std::tolower(c); });
  nlohmann::json entry = {{"page", a.page}, {"category", "manual"}, {"rule", "pdf_" + rule}, {"boxes", list}};
  StatusOr<NoteChange> note = ReadNote(a.contents, "");
  if (!note) return Error(note.error());
  Apply(*note, &entry);
  return entry;
}

// What to do about an annotation that is none of the findings' highlights
// and no area: the message's tail.
std::string Uninterpretable(const SeenAnnotation& a) {
  if (a.subtype == "FreeText") {
    return "a text box: redact does not act on written words; draw a rectangle or a redaction mark over what "
           "must go, delete a finding's highlight to keep its text, or change its note";
  }
  if (a.subtype == "Text") {
    return "a sticky note: redact does not act on written words; draw a rectangle or a redaction mark over what "
           "must go, delete a finding's highlight to keep its text, or change its note";
  }
  return "redact cannot tell what it asks for; delete it, or draw a rectangle or a redaction mark instead";
}

// The recorded findings' ids, each with its entry's index.
std::map<long long, size_t> RecordedIds(const nlohmann::json& findings) {
  std::map<long long, size_t> ids;
  for (size_t i = 0; i < findings.size(); ++i) {
    const nlohmann::json& id = findings[i].is_object() ? findings[i].value("id", nlohmann::json()) : nlohmann::json();
    if (id.is_number_integer()) ids[id.get<long long>()] = i;
  }
  return ids;
}

// The id in a redact /NM ("redact-finding-12" → 12), or nullopt.
std::optional<long long> NamedId(const std::string& name) {
  const std::string prefix = kReviewNamePrefix;
  if (name.rfind(prefix, 0) != 0) return std::nullopt;
  const std::string digits = name.substr(prefix.size());
  if (digits.empty() || digits.size() > 9 || !std::all_of(digits.begin(), digits.end(), ::isdigit)) return -1LL;
  return std::stoll(digits);
}

// Pages whose content differs from what review wrote (a viewer applied
// redactions, edited text, replaced or reordered pages): marks are read,
// edits are not, so each is a problem. A record without "page_content"
// (none yet) checks nothing.
std::vector<std::string> ChangedPages(const nlohmann::json& record, const std::vector<std::string>& now) {
  const nlohmann::json was = record.value("page_content", nlohmann::json::array());
  if (was.empty()) return {};
  const std::string what = "redact applies marks, not edits to the page: run redact review again for a clean copy, "
                           "and mark it with rectangles or redaction marks without applying them";
  if (was.size() != now.size()) {
    return {"the copy has " + std::to_string(now.size()) + " page(s), review made it with " +
            std::to_string(was.size()) + "; " + what};
  }
  std::vector<std::string> changed;
  for (size_t i = 0; i < now.size(); ++i) {
    if (was[i] != now[i]) {
      changed.push_back("page " + std::to_string(i + 1) + ": its content was changed in the viewer (redactions "
                        "applied, or text edited); " + what);
    }
  }
  return changed;
}

}  // namespace

StatusOr<ReviewedFindings> ReviewedFromAnnotations(const ReviewPdf& pdf, const std::string& source) {
  if (!pdf.record) {
    return Error(StatusCode::kInvalidArgument,
                 source + ": does not say which PDF it was made from (no /RedactReview record): not a review copy "
                          "from redact review, or the viewer that saved it dropped the record. Run redact review "
                          "again and mark up the new copy, or apply its findings file with --findings");
  }
  nlohmann::json out = (*pdf.record)["findings_file"];
  const nlohmann::json recorded = out.value("findings", nlohmann::json::array());
  const std::map<long long, size_t> ids = RecordedIds(recorded);
  const nlohmann::json& input_annotations = (*pdf.record)["input_annotations"];
  std::map<size_t, nlohmann::json> kept;  // by recorded index: entries as their notes leave them
  nlohmann::json added = nlohmann::json::array();
  std::vector<std::string> problems = ChangedPages(*pdf.record, pdf.page_content);
  for (const SeenAnnotation& a : pdf.annotations) {
    if (a.subtype == "Popup" || InputsOwn(a, input_annotations)) continue;
    if (const std::optional<long long> id = NamedId(a.name)) {
      auto it = ids.find(*id);
      if (it == ids.end() || a.subtype != "Highlight") {
        problems.push_back(Where(a) + ": it carries a redact finding name (/NM) but is not the highlight of a "
                                      "finding this review copy shows; delete it");
        continue;
      }
      nlohmann::json entry = kept.count(it->second) ? kept[it->second] : recorded[it->second];
      const nlohmann::json& e = recorded[it->second];
      StatusOr<NoteChange> note = ReadNote(a.contents, ReviewNote(e.value("category", ""), e.value("rule", ""),
                                                                  e.value("why", "")));
      if (!note) {
        problems.push_back(Where(a) + " (finding " + std::to_string(*id) + "): " + note.error().message());
        continue;
      }
      Apply(*note, &entry);
      kept[it->second] = std::move(entry);
    } else if (kAreaKinds.count(a.subtype)) {
      StatusOr<nlohmann::json> entry = AreaEntry(a);
      if (entry) added.push_back(std::move(*entry));
      else problems.push_back(Where(a) + ": " + entry.error().message());
    } else {
      problems.push_back(Where(a) + ": " + Uninterpretable(a));
    }
  }
  if (!problems.empty()) {
    std::string message = source + ": " + std::to_string(problems.size()) +
                          " mark(s) or change(s) redact cannot interpret; nothing was applied";
    for (const std::string& p : problems) message += "\n  " + p;
    return Error(StatusCode::kInvalidArgument, message);
  }
  nlohmann::json findings = nlohmann::json::array();
  for (auto& [index, entry] : kept) findings.push_back(std::move(entry));
  for (nlohmann::json& entry : added) findings.push_back(std::move(entry));
  out["findings"] = std::move(findings);
  ReviewedFindings reviewed{source, std::move(out)};
  reviewed.kind = ReviewedFindings::Kind::kReviewPdf;
  return reviewed;
}

StatusOr<ReviewedFindings> ReadReviewedPdf(const std::string& path, const std::string& input,
                                           const std::string& shown) {
  StatusOr<ReviewPdf> pdf = ReadReviewPdf(path);
  if (!pdf) return Error(pdf.error());
  if (pdf->record) {
    const ReviewedFindings made{path, (*pdf->record)["findings_file"], ReviewedFindings::Kind::kReviewPdf};
    if (Status s = CheckFindingsMadeFor(made, input, shown); !s.ok()) return Error(s);
  }
  StatusOr<ReviewedFindings> reviewed = ReviewedFromAnnotations(*pdf, path);
  if (!reviewed) return Error(reviewed.error());
  if (Status valid = ValidateFindings(reviewed->json, path, pdf->page_count); !valid.ok()) return Error(valid);
  return reviewed;
}

}  // namespace redact
