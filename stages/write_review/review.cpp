#include "stages/write_review/review.h"

#include <podofo/podofo.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <limits>
#include <optional>
#include <set>

#include "pdf/podofo_util.h"
#include "stages/write_review/review_pdf.h"

namespace redact {
namespace {

std::array<double, 3> CategoryColor(const std::string& category) {
  if (category == "a_number") return {0.95, 0.25, 0.25};
  if (category == "name") return {1.0, 0.6, 0.1};
  if (category == "credible_fear") return {0.65, 0.4, 0.95};
  if (category == "dob") return {0.3, 0.6, 1.0};
  if (category == "undecodable") return {0.5, 0.5, 0.5};
  return {1.0, 0.9, 0.2};
}

double Round2(double v) { return std::round(v * 100.0) / 100.0; }

// Display-space boxes of a finding, one per line run of glyphs.
std::vector<Rect> DisplayBoxes(const PageText& page, const Finding& f) {
  std::vector<Rect> boxes;
  for (int g : f.glyphs) {
    const Rect& b = page.glyphs[g].box;
    if (!boxes.empty()) {
      Rect& last = boxes.back();
      const bool same_line = std::fabs(b.y0 - last.y0) < 0.5 * b.height() &&
                             b.x0 >= last.x0 - 1 && b.x0 - last.x1 < b.height();
      if (same_line) {
        last = last.Union(b);
        continue;
      }
    }
    boxes.push_back(b);
  }
  return boxes;
}

}  // namespace

Status AddReviewHighlights(pdf::Document& doc, const std::vector<PageText>& pages,
                           const std::vector<Finding>& findings) {
  return pdf::Guard(doc.name(), [&]() -> Status {
    PoDoFo::PdfVecObjects& objects = doc.podofo().GetObjects();
    for (size_t id = 1; id <= findings.size(); ++id) {
      const Finding& f = findings[id - 1];
      if (f.page < 1 || f.page > static_cast<int>(pages.size()) || f.glyphs.empty()) continue;
      const PageText& page = pages[f.page - 1];
      StatusOr<PoDoFo::PdfObject*> page_obj = doc.MutablePageObject(f.page - 1);
      if (!page_obj) return page_obj.error();
      auto& page_dict = (*page_obj)->GetDictionary();
      // Quads in user space: the glyph quads of each line run.
      PoDoFo::PdfArray quad_points;
      Rect rect{};
      bool first = true;
      for (int g : f.glyphs) {
        const Quad& q = page.glyphs[g].quad;
        for (const Point& p : {q.ul, q.ur, q.ll, q.lr}) {
          quad_points.push_back(PoDoFo::PdfVariant(p.x));
          quad_points.push_back(PoDoFo::PdfVariant(p.y));
        }
        rect = first ? q.Bounds() : rect.Union(q.Bounds());
        first = false;
      }
      PoDoFo::PdfObject* annot = objects.CreateObject("Annot");
      auto& a = annot->GetDictionary();
      a.AddKey("Subtype", PoDoFo::PdfName("Highlight"));
      PoDoFo::PdfArray r;
      for (double v : {rect.x0, rect.y0, rect.x1, rect.y1}) r.push_back(PoDoFo::PdfVariant(v));
      a.AddKey("Rect", r);
      a.AddKey("QuadPoints", quad_points);
      PoDoFo::PdfArray color;
      for (double c : CategoryColor(f.category)) color.push_back(PoDoFo::PdfVariant(c));
      a.AddKey("C", color);
      a.AddKey("F", PoDoFo::PdfVariant(static_cast<PoDoFo::pdf_int64>(4)));
      a.AddKey("T", PoDoFo::PdfString("redact"));
      // Its findings-file id, which `apply --reviewed` reads back, and what
      // it is and why (the rule, header, label or cue; never the value).
      a.AddKey("NM", PoDoFo::PdfString(kReviewNamePrefix + std::to_string(id)));
      const std::string note = ReviewNote(f.category, f.rule, f.basis + ": " + f.reason);
      a.AddKey("Contents", PoDoFo::PdfString(reinterpret_cast<const PoDoFo::pdf_utf8*>(note.c_str())));  // UTF-8 in
      a.AddKey("P", (*page_obj)->Reference());
      if (!page_dict.HasKey("Annots")) page_dict.AddKey("Annots", PoDoFo::PdfArray());
      PoDoFo::PdfObject* annots = pdf::DictGet(*page_obj, "Annots");
      if (!annots || !annots->IsArray()) {
        page_dict.AddKey("Annots", PoDoFo::PdfArray());
        annots = page_dict.GetKey("Annots");
      }
      annots->GetArray().push_back(annot->Reference());
    }
    return Status::Ok();
  });
}

nlohmann::json FindingsToJson(const std::string& file, const std::string& sha256,
                              const std::vector<PageText>& pages, const std::vector<Finding>& findings) {
  nlohmann::json list = nlohmann::json::array();
  int id = 0;
  for (const Finding& f : findings) {
    const PageText& page = pages[f.page - 1];
    nlohmann::json boxes = nlohmann::json::array();
    for (const Rect& b : DisplayBoxes(page, f)) {
      boxes.push_back({Round2(b.x0), Round2(b.y0), Round2(b.x1), Round2(b.y1)});
    }
    std::string text = page.text.substr(f.begin, f.end - f.begin);
    for (char& c : text) {
      if (c == '\n') c = ' ';
    }
    list.push_back({{"id", ++id},
                    {"page", f.page},
                    {"category", f.category},
                    {"rule", f.rule},
                    {"why", f.basis + ": " + f.reason},
                    {"text", text},
                    {"entity", f.entity},
                    {"boxes", boxes}});
  }
  return {{"file", file},
          {"sha256", sha256},
          {"pages", pages.size()},
          {"note", "Delete findings that are wrong; add missed ones as {\"page\": N, \"boxes\": "
                   "[[x0, y0, x1, y1]]} in points from the top-left of the page (a box over a "
                   "picture burns its pixels). Then run redact apply --findings on this file, with "
                   "the PDF it was made from (sha256). This file quotes identifiers: keep it with "
                   "the review team."},
          {"findings", list}};
}

StatusOr<nlohmann::json> ParseFindingsText(std::string_view text, const std::string& source) {
  try {
    return nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& e) {
    // Where it goes wrong, from the byte offset; nlohmann's own message
    // may quote the text ("last read: …"), which can hold an identifier.
    const size_t at = std::min(e.byte > 0 ? e.byte - 1 : 0, text.size());
    const size_t line = 1 + static_cast<size_t>(std::count(text.begin(), text.begin() + at, '\n'));
    const size_t line_start = at == 0 ? std::string_view::npos : text.rfind('\n', at - 1);
    const size_t column = line_start == std::string_view::npos ? at + 1 : at - line_start;
    std::string why = e.what();
    if (size_t colon = why.find(": "); colon != std::string::npos) why = why.substr(colon + 2);
    if (size_t quote = why.find("; last read"); quote != std::string::npos) why = why.substr(0, quote);
    return Error(StatusCode::kInvalidArgument, source + ": not valid JSON at line " + std::to_string(line) +
                                                   ", column " + std::to_string(column) + " (" + why + ")");
  }
}

namespace {

// A field name fit to print: short, of letters, digits and '_' (anything
// else may be text from the document typed in the wrong place).
std::string FieldName(const std::string& key) {
  const bool plain = !key.empty() && key.size() <= 24 && std::all_of(key.begin(), key.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
  });
  return plain ? "\"" + key + "\"" : "(a name that is not a field name)";
}

// An integer value of `v`, if it is one (never throws).
std::optional<long long> IntegerOf(const nlohmann::json& v) {
  if (v.is_number_unsigned()) {
    const auto u = v.get<nlohmann::json::number_unsigned_t>();
    return u > static_cast<unsigned long long>(std::numeric_limits<long long>::max())
               ? std::numeric_limits<long long>::max()
               : static_cast<long long>(u);
  }
  if (v.is_number_integer()) return static_cast<long long>(v.get<nlohmann::json::number_integer_t>());
  return std::nullopt;
}

// "<source>: finding 3 (id 7)": an entry by its place in the list, and its
// id when it has one.
std::string EntryName(const nlohmann::json& entry, const std::string& source, size_t index) {
  std::string where = source + ": finding " + std::to_string(index + 1);
  if (entry.is_object()) {
    auto id = entry.find("id");
    if (id != entry.end() && IntegerOf(*id)) where += " (id " + std::to_string(*IntegerOf(*id)) + ")";
  }
  return where;
}

Status Invalid(const std::string& where, const std::string& what) {
  return Status(StatusCode::kInvalidArgument, where + ": " + what);
}

// The boxes of one entry (see ValidateFindings); `where` names it.
Status ValidateBoxes(const nlohmann::json& entry, const std::string& where) {
  auto boxes = entry.find("boxes");
  if (boxes == entry.end()) return Invalid(where, "needs \"boxes\"");
  if (!boxes->is_array() || boxes->empty()) {
    return Invalid(where, "\"boxes\" must be a non-empty list of [x0, y0, x1, y1]");
  }
  for (size_t k = 0; k < boxes->size(); ++k) {
    const nlohmann::json& b = (*boxes)[k];
    const std::string box = "\"boxes\" " + std::to_string(k + 1);
    if (!b.is_array() || b.size() != 4 ||
        !std::all_of(b.begin(), b.end(), [](const nlohmann::json& v) { return v.is_number(); })) {
      return Invalid(where, box + ": a box is [x0, y0, x1, y1], four numbers");
    }
    if (!(b[0].get<double>() < b[2].get<double>()) || !(b[1].get<double>() < b[3].get<double>())) {
      return Invalid(where, box + ": needs x0 < x1 and y0 < y1 (points from the top-left of the page, y down)");
    }
  }
  return Status::Ok();
}

// One entry of "findings" (see ValidateFindings); `where` names it.
Status ValidateEntry(const nlohmann::json& entry, const std::string& where, int page_count) {
  static const std::set<std::string> kFields = {"id",   "page",   "category", "rule", "why",
                                                 "text", "entity", "label",    "boxes"};
  if (!entry.is_object()) return Invalid(where, "must be an object {\"page\": N, \"boxes\": [[x0, y0, x1, y1]]}");
  for (const auto& [key, value] : entry.items()) {
    if (!kFields.count(key)) {
      return Invalid(where, "unknown field " + FieldName(key) +
                                " (the fields are id, page, category, rule, why, text, entity, label, boxes)");
    }
    if (key == "id" && !IntegerOf(value)) return Invalid(where, "\"id\" must be an integer");
    if ((key == "category" || key == "rule" || key == "why" || key == "text" || key == "entity" || key == "label") &&
        !value.is_string()) {
      return Invalid(where, "\"" + key + "\" must be a string");
    }
  }
  auto page = entry.find("page");
  if (page == entry.end()) return Invalid(where, "needs \"page\" (and \"boxes\")");
  const std::optional<long long> n = IntegerOf(*page);
  if (!n) return Invalid(where, "\"page\" must be an integer");
  if (*n < 1) return Invalid(where, "\"page\" is out of range (pages count from 1)");
  if (page_count >= 0 && *n > page_count) {
    return Invalid(where, "\"page\" is out of range (the document has " + std::to_string(page_count) +
                              (page_count == 1 ? " page)" : " pages)"));
  }
  return ValidateBoxes(entry, where);
}

}  // namespace

Status ValidateFindings(const nlohmann::json& json, const std::string& source, int page_count) {
  if (!json.is_object()) return Invalid(source, "a findings file is a JSON object with a \"findings\" list");
  for (const auto& [key, value] : json.items()) {
    if (key == "findings" || key == "side_findings") {
      if (!value.is_array()) return Invalid(source, "\"" + key + "\" must be a list");
    } else if (key == "file" || key == "note" || key == "sha256") {
      if (!value.is_string()) return Invalid(source, "\"" + key + "\" must be a string");
    } else if (key == "pages") {
      if (!IntegerOf(value)) return Invalid(source, "\"pages\" must be an integer");
    } else {
      return Invalid(source, "unknown field " + FieldName(key) +
                                 " (the fields are file, sha256, pages, note, findings, side_findings)");
    }
  }
  auto findings = json.find("findings");
  if (findings == json.end()) return Invalid(source, "no \"findings\" list");
  for (size_t i = 0; i < findings->size(); ++i) {
    const nlohmann::json& entry = (*findings)[i];
    Status s = ValidateEntry(entry, EntryName(entry, source, i), page_count);
    if (!s.ok()) return s;
  }
  return Status::Ok();
}

namespace {

// The string field `key` of a validated entry, or `fallback`.
std::string StringField(const nlohmann::json& entry, const char* key, const std::string& fallback) {
  auto it = entry.find(key);
  return it != entry.end() && it->is_string() ? it->get<std::string>() : fallback;
}

// A display-space rectangle as a user-space quad, corners in display order
// (see Finding::areas).
Quad AreaQuad(const PageText& page, const Rect& r) {
  const Matrix to_user = page.geometry.user_to_display.Inverse();
  return {to_user.Apply({r.x0, r.y1}), to_user.Apply({r.x1, r.y1}), to_user.Apply({r.x1, r.y0}),
          to_user.Apply({r.x0, r.y0})};
}

bool Inside(const Rect& inner, const Rect& outer, double tolerance) {
  return inner.x0 >= outer.x0 - tolerance && inner.y0 >= outer.y0 - tolerance && inner.x1 <= outer.x1 + tolerance &&
         inner.y1 <= outer.y1 + tolerance;
}

// One validated entry as a finding on `page`: its glyphs, and as areas
// the boxes that reach beyond them. Errors for a box off the page.
StatusOr<Finding> EntryFinding(const nlohmann::json& entry, const std::string& where, const PageText& p) {
  Finding f;
  f.page = p.number;
  f.category = StringField(entry, "category", "manual");
  f.rule = "review:" + StringField(entry, "rule", "manual");
  f.value = StringField(entry, "text", "");
  f.entity = StringField(entry, "entity", "");
  f.label = StringField(entry, "label", "");
  f.confidence = 1.0;
  f.reason = "reviewed findings file";
  const Rect page_box{0, 0, p.geometry.display_width, p.geometry.display_height};
  std::vector<bool> taken(p.glyphs.size(), false);
  size_t index = 0;
  for (const nlohmann::json& b : *entry.find("boxes")) {
    ++index;
    const Rect box{b[0].get<double>(), b[1].get<double>(), b[2].get<double>(), b[3].get<double>()};
    if (box.Intersect(page_box).area() <= 0) {
      return Error(Invalid(where, "\"boxes\" " + std::to_string(index) + " lies off page " + std::to_string(p.number) +
                                      " (points from its top-left, y down)"));
    }
    Rect covered{};
    bool any = false;
    for (size_t g = 0; g < p.glyphs.size(); ++g) {
      const Rect& gb = p.glyphs[g].box;
      const Point c{(gb.x0 + gb.x1) / 2, (gb.y0 + gb.y1) / 2};
      if (c.x < box.x0 || c.x > box.x1 || c.y < box.y0 || c.y > box.y1) continue;
      covered = any ? covered.Union(gb) : gb;
      any = true;
      if (!taken[g]) f.glyphs.push_back(static_cast<int>(g)), taken[g] = true;
    }
    // The boxes review writes are the glyphs' own (to 0.01 pt): no area.
    if (!any || !Inside(box, covered, 0.02)) f.areas.push_back(AreaQuad(p, box));
  }
  std::sort(f.glyphs.begin(), f.glyphs.end());
  return f;
}

}  // namespace

StatusOr<std::vector<Finding>> FindingsFromJson(const nlohmann::json& json,
                                                const std::string& source,
                                                const std::vector<PageText>& pages) {
  Status valid = ValidateFindings(json, source, static_cast<int>(pages.size()));
  if (!valid.ok()) return Error(valid);
  std::vector<Finding> out;
  const nlohmann::json& findings = *json.find("findings");
  for (size_t i = 0; i < findings.size(); ++i) {
    const nlohmann::json& entry = findings[i];
    const long long page = *IntegerOf(*entry.find("page"));
    StatusOr<Finding> f = EntryFinding(entry, EntryName(entry, source, i), pages[static_cast<size_t>(page - 1)]);
    if (!f) return Error(f.error());
    out.push_back(std::move(*f));
  }
  return out;
}

}  // namespace redact
