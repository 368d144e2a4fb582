#include "stages/write_review/review_pdf.h"

#include <podofo/podofo.h>

#include <algorithm>

#include "pdf/podofo_util.h"
#include "stages/seal/digest.h"

namespace redact {
namespace {

using PoDoFo::PdfObject;

constexpr size_t kMaxRecordBytes = size_t{64} << 20;

std::string Utf8(const PdfObject* o) {
  if (!o || !(o->IsString() || o->IsHexString())) return "";
  return o->GetString().GetStringUtf8();
}

// Display-space bounds of user-space points.
Rect DisplayBounds(const std::vector<Point>& points, const Matrix& to_display) {
  Rect r{};
  for (size_t i = 0; i < points.size(); ++i) {
    const Point p = to_display.Apply(points[i]);
    r = i == 0 ? Rect{p.x, p.y, p.x, p.y} : r.Union(Rect{p.x, p.y, p.x, p.y});
  }
  return r;
}

// Points of a flat number array [x0 y0 x1 y1 …]; empty when malformed.
std::vector<Point> PointsOf(const PoDoFo::PdfArray* array) {
  std::vector<Point> points;
  if (!array || array->size() % 2 != 0) return {};
  for (size_t i = 0; i + 1 < array->size(); i += 2) {
    const std::optional<double> x = pdf::AsNumber(&(*array)[i]);
    const std::optional<double> y = pdf::AsNumber(&(*array)[i + 1]);
    if (!x || !y) return {};
    points.push_back({*x, *y});
  }
  return points;
}

// What an annotation marks beyond its /Rect (see SeenAnnotation::marked).
std::vector<Rect> MarkedBoxes(const PdfObject* annot, const Matrix& to_display) {
  std::vector<Rect> boxes;
  const std::vector<Point> quads = PointsOf(pdf::AsArray(pdf::DictGet(annot, "QuadPoints")));
  for (size_t i = 0; quads.size() % 4 == 0 && i + 3 < quads.size(); i += 4) {
    boxes.push_back(DisplayBounds({quads.begin() + i, quads.begin() + i + 4}, to_display));
  }
  return boxes;
}

SeenAnnotation Seen(const PdfObject* annot, int page, int index, const Matrix& to_display) {
  SeenAnnotation a;
  a.page = page;
  a.index = index;
  if (!annot || !annot->IsDictionary()) return a;  // subtype "": cannot be interpreted
  a.subtype = pdf::AsName(pdf::DictGet(annot, "Subtype")).value_or("");
  a.name = Utf8(pdf::DictGet(annot, "NM"));
  a.contents = Utf8(pdf::DictGet(annot, "Contents"));
  if (const std::optional<Rect> r = pdf::AsRect(pdf::DictGet(annot, "Rect"))) {
    a.has_rect = true;
    a.rect = DisplayBounds({{r->x0, r->y0}, {r->x1, r->y1}}, to_display);
  }
  a.marked = MarkedBoxes(annot, to_display);
  a.has_parent = annot->GetDictionary().HasKey("Parent") || annot->GetDictionary().HasKey("IRT");
  return a;
}

nlohmann::json RectJson(const Rect& r) { return {r.x0, r.y0, r.x1, r.y1}; }

}  // namespace

std::string ReviewNote(const std::string& category, const std::string& rule, const std::string& why) {
  return "category: " + category + "\nrule: " + rule + "\nwhy: " + why;
}

StatusOr<std::vector<SeenAnnotation>> ListAnnotations(const pdf::Document& doc) {
  std::vector<SeenAnnotation> out;
  for (int i = 0; i < doc.page_count(); ++i) {
    StatusOr<const PdfObject*> page = doc.PageObject(i);
    if (!page) return Error(page.error());
    StatusOr<PageGeometry> geometry = doc.Geometry(i);
    if (!geometry) return Error(geometry.error());
    Status s = pdf::Guard(doc.name() + ": page " + std::to_string(i + 1), [&]() -> Status {
      const PdfObject* annots = pdf::DictGet(*page, "Annots");
      if (!annots) return Status::Ok();
      const PoDoFo::PdfArray* array = pdf::AsArray(annots);
      if (!array) {
        out.push_back(Seen(nullptr, i + 1, 1, geometry->user_to_display));
        return Status::Ok();
      }
      for (size_t k = 0; k < array->size(); ++k) {
        out.push_back(Seen(pdf::Resolve(&(*array)[k]), i + 1, static_cast<int>(k + 1), geometry->user_to_display));
      }
      return Status::Ok();
    });
    if (!s.ok()) return Error(s);
  }
  return out;
}

StatusOr<std::vector<std::string>> PageContentDigests(const pdf::Document& doc) {
  std::vector<std::string> out;
  for (int i = 0; i < doc.page_count(); ++i) {
    StatusOr<const PdfObject*> page = doc.PageObject(i);
    if (!page) return Error(page.error());
    std::string drawn;
    Status s = pdf::Guard(doc.name() + ": page " + std::to_string(i + 1), [&]() -> Status {
      for (const PdfObject* part : pdf::ContentParts(*page)) {
        StatusOr<std::string> data = part && part->HasStream() ? pdf::ReadStream(part, doc.limits().max_stream_bytes)
                                                               : StatusOr<std::string>(std::string("(unreadable)"));
        drawn += (data ? *data : std::string("(unreadable)")) + "\n";
      }
      return Status::Ok();
    });
    if (!s.ok()) return Error(s);
    out.push_back(Sha256Hex(drawn));
  }
  return out;
}

Status RecordReviewSource(pdf::Document& doc, const std::string& sha256, const nlohmann::json& findings_file,
                          const std::vector<SeenAnnotation>& input_annotations) {
  nlohmann::json own = nlohmann::json::array();
  for (const SeenAnnotation& a : input_annotations) {
    own.push_back({{"page", a.page}, {"subtype", a.subtype}, {"rect", RectJson(a.rect)}});
  }
  StatusOr<std::vector<std::string>> content = PageContentDigests(doc);
  if (!content) return content.error();
  const nlohmann::json record = {
      {"findings_file", findings_file}, {"input_annotations", own}, {"page_content", *content}};
  return pdf::Guard(doc.name(), [&]() -> Status {
    PdfObject* catalog = doc.MutableCatalog();
    if (!catalog || !catalog->IsDictionary()) {
      return Status(StatusCode::kDamagedPdf, doc.name() + ": no document catalog to record the review in");
    }
    PdfObject* stream = doc.NewStream(record.dump());
    PdfObject* info = doc.podofo().GetObjects().CreateObject();
    info->GetDictionary().AddKey("Version", PoDoFo::PdfVariant(static_cast<PoDoFo::pdf_int64>(1)));
    info->GetDictionary().AddKey("SHA256", PoDoFo::PdfString(sha256));
    info->GetDictionary().AddKey("Record", stream->Reference());
    catalog->GetDictionary().AddKey("RedactReview", info->Reference());
    return Status::Ok();
  });
}

namespace {

// The record's JSON, checked for the shape ReviewPdf promises.
StatusOr<nlohmann::json> ParseRecord(const std::string& text, const std::string& path) {
  const nlohmann::json record = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  const nlohmann::json content = record.is_object() ? record.value("page_content", nlohmann::json::array())
                                                    : nlohmann::json();
  const bool ok = content.is_array() &&
                  std::all_of(content.begin(), content.end(), [](const nlohmann::json& d) { return d.is_string(); }) &&
                  record.is_object() && record.contains("findings_file") && record["findings_file"].is_object() &&
                  record.contains("input_annotations") && record["input_annotations"].is_array() &&
                  std::all_of(record["input_annotations"].begin(), record["input_annotations"].end(),
                              [](const nlohmann::json& a) {
                                return a.is_object() && a.value("page", nlohmann::json()).is_number_integer() &&
                                       a.value("subtype", nlohmann::json()).is_string() &&
                                       a.value("rect", nlohmann::json()).is_array() && a["rect"].size() == 4 &&
                                       std::all_of(a["rect"].begin(), a["rect"].end(),
                                                   [](const nlohmann::json& v) { return v.is_number(); });
                              });
  if (!ok) {
    return Error(StatusCode::kInvalidArgument,
                 path + ": the review record (/RedactReview) is damaged; run redact review again");
  }
  return record;
}

}  // namespace

StatusOr<ReviewPdf> ReadReviewPdf(const std::string& path) {
  StatusOr<std::unique_ptr<pdf::Document>> doc = pdf::Document::Open(path, pdf::OpenOptions{});
  if (!doc) return Error(doc.error());
  ReviewPdf out;
  out.page_count = (*doc)->page_count();
  StatusOr<std::vector<SeenAnnotation>> annotations = ListAnnotations(**doc);
  if (!annotations) return Error(annotations.error());
  out.annotations = std::move(*annotations);
  StatusOr<std::vector<std::string>> content = PageContentDigests(**doc);
  if (!content) return Error(content.error());
  out.page_content = std::move(*content);
  std::string text;
  bool present = false;
  Status s = pdf::Guard(path, [&]() -> Status {
    const PdfObject* info = pdf::DictGet((*doc)->MutableCatalog(), "RedactReview");
    if (!info) return Status::Ok();
    present = true;
    const PdfObject* stream = pdf::DictGet(info, "Record");
    if (!stream || !stream->HasStream()) return Status::Ok();
    StatusOr<std::string> data = pdf::ReadStream(stream, kMaxRecordBytes);
    if (data) text = std::move(*data);
    return Status::Ok();
  });
  if (!s.ok()) return Error(s);
  if (!present) return out;
  StatusOr<nlohmann::json> record = ParseRecord(text, path);
  if (!record) return Error(record.error());
  out.record = std::move(*record);
  return out;
}

}  // namespace redact
