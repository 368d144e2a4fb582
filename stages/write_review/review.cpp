#include "stages/write_review/review.h"

#include <podofo/podofo.h>

#include <cmath>

#include "pdf/podofo_util.h"

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
    for (const Finding& f : findings) {
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
      a.AddKey("Contents", PoDoFo::PdfString(f.category + " [" + f.rule + "]"));
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

nlohmann::json FindingsToJson(const std::string& file, const std::vector<PageText>& pages,
                              const std::vector<Finding>& findings) {
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
                    {"text", text},
                    {"entity", f.entity},
                    {"boxes", boxes}});
  }
  return {{"file", file},
          {"pages", pages.size()},
          {"note", "Delete findings that are wrong; add missed ones as {\"page\": N, \"boxes\": "
                   "[[x0, y0, x1, y1]]} in points from the top-left of the page. Then run "
                   "redact apply --findings on this file. This file quotes identifiers: keep "
                   "it with the review team."},
          {"findings", list}};
}

StatusOr<std::vector<Finding>> FindingsFromJson(const nlohmann::json& json,
                                                const std::string& source,
                                                const std::vector<PageText>& pages) {
  if (!json.is_object() || !json.contains("findings") || !json["findings"].is_array()) {
    return Error(StatusCode::kInvalidArgument, source + ": no \"findings\" list");
  }
  std::vector<Finding> out;
  int index = 0;
  for (const auto& entry : json["findings"]) {
    ++index;
    const std::string where = source + ": finding " + std::to_string(index);
    if (!entry.is_object() || !entry.contains("page") || !entry["page"].is_number_integer() ||
        !entry.contains("boxes") || !entry["boxes"].is_array()) {
      return Error(StatusCode::kInvalidArgument, where + ": needs \"page\" and \"boxes\"");
    }
    const int page = entry["page"].get<int>();
    if (page < 1 || page > static_cast<int>(pages.size())) {
      return Error(StatusCode::kInvalidArgument, where + ": page out of range");
    }
    std::vector<Rect> boxes;
    for (const auto& b : entry["boxes"]) {
      if (!b.is_array() || b.size() != 4 || !b[0].is_number() || !b[1].is_number() ||
          !b[2].is_number() || !b[3].is_number()) {
        return Error(StatusCode::kInvalidArgument, where + ": a box is [x0, y0, x1, y1]");
      }
      boxes.push_back(Rect::FromCorners({b[0].get<double>(), b[1].get<double>()},
                                        {b[2].get<double>(), b[3].get<double>()}));
    }
    Finding f;
    f.page = page;
    f.category = entry.value("category", std::string("manual"));
    f.rule = entry.contains("rule") ? "review:" + entry["rule"].get<std::string>() : "review:manual";
    f.value = entry.value("text", std::string());
    f.entity = entry.value("entity", std::string());
    f.confidence = 1.0;
    f.reason = "reviewed findings file";
    const PageText& p = pages[page - 1];
    for (int g = 0; g < static_cast<int>(p.glyphs.size()); ++g) {
      const Rect& gb = p.glyphs[g].box;
      const Point c{(gb.x0 + gb.x1) / 2, (gb.y0 + gb.y1) / 2};
      for (const Rect& b : boxes) {
        if (c.x >= b.x0 && c.x <= b.x1 && c.y >= b.y0 && c.y <= b.y1) {
          f.glyphs.push_back(g);
          break;
        }
      }
    }
    if (!f.glyphs.empty()) out.push_back(std::move(f));
  }
  return out;
}

}  // namespace redact
