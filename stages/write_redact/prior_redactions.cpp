#include <podofo/podofo.h>

#include "pdf/podofo_util.h"
#include "stages/extract/extract.h"
#include "stages/write_redact/redactor.h"

namespace redact {

using PoDoFo::PdfObject;

StatusOr<std::vector<Finding>> PriorRedactions(pdf::Document& doc, std::vector<PageText>* pages) {
  std::vector<Finding> out;
  Status restored = Status::Ok();
  Status s = pdf::Guard(doc.name(), [&]() -> Status {
    for (size_t pi = 0; pi < pages->size() && restored.ok(); ++pi) {
      StatusOr<const PdfObject*> page_obj = doc.PageObject(static_cast<int>(pi));
      if (!page_obj) continue;
      const PoDoFo::PdfArray* annots = pdf::AsArray(pdf::DictGet(*page_obj, "Annots"));
      if (!annots || annots->empty()) continue;
      PageText& page = (*pages)[pi];
      // The glyphs under a mark are the page's: a page that let them go is
      // read again at its first mark (links and notes need no glyphs).
      const std::optional<PageText::ReleasedGlyphs> released = page.released;
      for (const PdfObject& a : *annots) {
        const PdfObject* annot = pdf::Resolve(&a);
        const std::string subtype = pdf::AsName(pdf::DictGet(annot, "Subtype")).value_or("");
        auto black = [&](const char* key) {
          const PoDoFo::PdfArray* c = pdf::AsArray(pdf::DictGet(annot, key));
          if (!c || c->empty()) return false;
          double sum = 0;
          for (const PdfObject& v : *c) sum += pdf::AsNumber(&v).value_or(1);
          // Gray/RGB: all near 0; CMYK: K near 1 and the rest near 0.
          if (c->size() == 4) {
            return pdf::AsNumber(&(*c)[3]).value_or(0) > 0.8 && sum - 1 < 0.4;
          }
          return sum / static_cast<double>(c->size()) < 0.15;
        };
        const bool marks = subtype == "Redact" ||
                           ((subtype == "Highlight" || subtype == "Ink") && black("C")) ||
                           ((subtype == "Square" || subtype == "Polygon") && black("IC"));
        if (!marks) continue;
        // Areas in user space: QuadPoints, else Rect.
        std::vector<Rect> areas;
        if (const PoDoFo::PdfArray* qp = pdf::AsArray(pdf::DictGet(annot, "QuadPoints"))) {
          for (size_t i = 0; i + 7 < qp->size(); i += 8) {
            Rect r{1e300, 1e300, -1e300, -1e300};
            for (size_t k = 0; k < 8; k += 2) {
              const double x = pdf::AsNumber(&(*qp)[i + k]).value_or(0);
              const double y = pdf::AsNumber(&(*qp)[i + k + 1]).value_or(0);
              r = r.Union({x, y, x, y});
            }
            areas.push_back(r);
          }
        }
        if (areas.empty()) {
          if (auto r = pdf::AsRect(pdf::DictGet(annot, "Rect"))) areas.push_back(*r);
        }
        restored = RestoreGlyphs(doc, &page);  // nothing once they are held
        if (!restored.ok()) break;
        Finding f;
        f.category = "prior_redaction";
        f.rule = "annotation." + subtype;
        f.page = page.number;
        f.confidence = 1.0;
        f.reason = "marked for redaction in the input (" + subtype + " annotation)";
        for (int g = 0; g < static_cast<int>(page.glyphs.size()); ++g) {
          const Rect b = page.glyphs[g].quad.Bounds();
          const Point c{(b.x0 + b.x1) / 2, (b.y0 + b.y1) / 2};
          for (const Rect& r : areas) {
            if (c.x >= r.x0 && c.x <= r.x1 && c.y >= r.y0 && c.y <= r.y1) {
              f.glyphs.push_back(g);
              f.value += page.glyphs[g].text;
              break;
            }
          }
        }
        if (!f.glyphs.empty()) out.push_back(std::move(f));
      }
      ReleaseRestoredGlyphs(&page, released);
    }
    return Status::Ok();
  });
  if (!restored.ok()) return Error(restored);
  (void)s;  // an unreadable annotation list leaves nothing to honour
  return out;
}

}  // namespace redact
