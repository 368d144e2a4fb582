#include "pdf/page_traits.h"

#include <set>

#include "pdf/font.h"
#include "pdf/podofo_util.h"

namespace redact::pdf {
namespace {

using PoDoFo::PdfObject;

constexpr int kMaxFormDepth = 8;

// Each entry of a resource category (/Font, /ExtGState, /XObject).
template <typename Fn>
void ForEachResource(const PdfObject* resources, const char* category, Fn&& fn) {
  const PdfObject* dict = Resolve(DictGet(resources, category));
  if (!dict || !dict->IsDictionary()) return;
  for (const auto& [key, value] : dict->GetDictionary().GetKeys()) {
    const PdfObject* v = Resolve(value);
    if (v) fn(v);
  }
}

bool HasSoftMask(const PdfObject* dict) {
  const PdfObject* smask = Resolve(DictGet(dict, "SMask"));
  if (!smask) return false;
  return !(smask->IsName() && smask->GetName().GetName() == "None");
}

void Walk(const PdfObject* resources, int depth, std::set<const PdfObject*>* seen, PageTraits* traits) {
  if (!resources || depth > kMaxFormDepth || !seen->insert(resources).second) return;
  ForEachResource(resources, "Font", [&](const PdfObject* font) {
    if (!seen->insert(font).second) return;
    const std::shared_ptr<const Font> f = Font::Load(font);
    traits->type3_font |= f->kind() == Font::Kind::kType3;
    traits->lying_to_unicode |= f->to_unicode_contradicts_names();
  });
  ForEachResource(resources, "ExtGState", [&](const PdfObject* gs) { traits->soft_mask |= HasSoftMask(gs); });
  ForEachResource(resources, "XObject", [&](const PdfObject* x) {
    const std::string subtype = AsName(DictGet(x, "Subtype")).value_or("");
    if (subtype == "Image") {
      traits->images = true;
      traits->soft_mask |= HasSoftMask(x);
    } else if (subtype == "Form" && seen->insert(x).second) {
      Walk(Resolve(DictGet(x, "Resources")), depth + 1, seen, traits);
    }
  });
}

}  // namespace

StatusOr<PageTraits> InspectPageTraits(const Document& doc, int index) {
  StatusOr<const PdfObject*> page = doc.PageObject(index);
  if (!page) return Error(page.error());
  PageTraits traits;
  Status s = Guard("page " + std::to_string(index + 1), [&]() -> Status {
    std::set<const PdfObject*> seen;
    Walk(Resolve(doc.InheritedPageKey(*page, "Resources")), 0, &seen, &traits);
    return Status::Ok();
  });
  if (!s.ok()) return Error(s);
  return traits;
}

}  // namespace redact::pdf
