#include "stages/write_redact/side_channels.h"

#include <podofo/podofo.h>

#include <map>
#include <optional>
#include <set>

#include "pdf/content_parser.h"
#include "pdf/font.h"
#include "pdf/podofo_util.h"
#include "stages/write_redact/allow_list.h"

namespace redact {
namespace {

using PoDoFo::PdfObject;

class Scrubber {
 public:
  Scrubber(pdf::Document& doc, SideFindings* side, RedactionSummary* summary)
      : doc_(doc), side_(side), summary_(summary) {}

  void Count(const std::string& what) { ++counts_[what]; }

  // Rebuilds the page tree as one /Pages node over exactly the pages we
  // analysed, with their inherited attributes written on each page. A
  // damaged tree (loops, pages reachable another way, stray kids) cannot
  // then show a reader a page we never read; the old nodes are swept.
  void PageTree(int page_count) {
    PdfObject* root = doc_.MutableCatalog();
    if (!root || !root->IsDictionary()) return;
    PoDoFo::PdfVecObjects& objects = doc_.podofo().GetObjects();
    PdfObject* tree = objects.CreateObject("Pages");
    PoDoFo::PdfArray kids;
    for (int i = 0; i < page_count; ++i) {
      StatusOr<PdfObject*> page = doc_.MutablePageObject(i);
      if (!page || !(*page)->Reference().IsIndirect()) continue;
      PdfObject* p = *page;
      for (const char* key : {"Resources", "MediaBox", "CropBox", "Rotate"}) {
        if (p->GetDictionary().HasKey(key)) continue;
        if (const PdfObject* inherited = doc_.InheritedPageKey(*page, key)) {
          // Indirect values stay shared; direct ones are copied.
          if (inherited->Reference().IsIndirect()) {
            p->GetDictionary().AddKey(key, inherited->Reference());
          } else {
            p->GetDictionary().AddKey(key, *inherited);
          }
        }
      }
      p->GetDictionary().AddKey("Parent", tree->Reference());
      kids.push_back(p->Reference());
    }
    tree->GetDictionary().AddKey("Kids", kids);
    tree->GetDictionary().AddKey("Count", static_cast<PoDoFo::pdf_int64>(kids.size()));
    root->GetDictionary().AddKey("Pages", tree->Reference());
  }

  // Tiling patterns repeat a cell drawn by their own content stream, which
  // the page interpreter does not follow. Cells made of paths are only
  // shapes; a cell that shows text, paints an image or a form, or cannot
  // be read is emptied, wherever the pattern is used.
  void TilingPatterns() {
    for (PdfObject* o : doc_.podofo().GetObjects()) {
      if (!o || !o->IsDictionary() || !o->HasStream()) continue;
      const PdfObject* type = o->GetDictionary().GetKey("PatternType");
      if (!type || !type->IsNumber() || type->GetNumber() != 1) continue;
      StatusOr<std::string> data = pdf::ReadStream(o, size_t{16} << 20);
      bool unread = !data;
      if (data) {
        const pdf::ParsedContent parsed = pdf::ParseContent(*data);
        unread = parsed.bad_tokens > 0;
        for (const pdf::Operation& op : parsed.ops) {
          unread |= pdf::IsTextShowingOperator(op.op) ||
                    op.op == "Do" || op.op == "BI";
        }
      }
      if (!unread) continue;
      o->GetDictionary().RemoveKey("Filter");
      o->GetDictionary().RemoveKey("DecodeParms");
      o->GetStream()->Set("", 0);
      Count("tiling pattern cell emptied (text, images or forms not read)");
    }
  }

  // Type3 fonts whose procedures show text or paint forms: their glyphs
  // were removed as undecodable; their procedures are emptied too, so the
  // text they hold leaves the file.
  void UnreadType3Procedures() {
    for (PdfObject* o : doc_.podofo().GetObjects()) {
      if (!o || !o->IsDictionary() || o->HasStream()) continue;
      const PdfObject* subtype = o->GetDictionary().GetKey("Subtype");
      if (!subtype || !subtype->IsName() || subtype->GetName().GetName() != "Type3") continue;
      if (pdf::Type3ProceduresUnread(o).empty()) continue;
      const PdfObject* procs = pdf::DictGet(o, "CharProcs");
      if (!procs || !procs->IsDictionary()) continue;
      for (const auto& [name, value] : procs->GetDictionary().GetKeys()) {
        PdfObject* proc = pdf::Resolve(value);
        if (!proc || !proc->HasStream()) continue;
        proc->GetDictionary().RemoveKey("Filter");
        proc->GetDictionary().RemoveKey("DecodeParms");
        proc->GetStream()->Set("0 0 d0", 6);
      }
      Count("Type3 glyph procedures emptied (they showed text or painted forms)");
    }
  }

  void Catalog() {
    PdfObject* root = doc_.MutableCatalog();
    if (!root || !root->IsDictionary()) return;
    auto& d = root->GetDictionary();
    // Everything else in the catalog is kept or dropped by the allow-list
    // (allow_list.h); only findings are acted on here.
    if (PdfObject* form = pdf::Resolve(d.GetKey("AcroForm")); form && form->IsDictionary()) {
      std::set<const PdfObject*> seen;
      if (PoDoFo::PdfArray* fields = pdf::AsArray(form->GetDictionary().GetKey("Fields"))) {
        for (size_t i = 0; i < fields->size(); ++i) {
          Field(pdf::Resolve(&(*fields)[i]), "AcroForm/Fields[" + std::to_string(i) + "]", &seen, 0);
        }
      }
    }
    if (PdfObject* outlines = pdf::Resolve(d.GetKey("Outlines"))) {
      // An /Outlines that is not a dictionary throws: the document fails.
      (void)outlines->GetDictionary();
      std::set<const PdfObject*> seen;
      Outline(pdf::DictGet(outlines, "First"), pdf::Address(outlines, "Outlines") + "/First", &seen, 0);
    }
  }

  // `path` names a direct field as inspect does (Finding::object).
  void Field(PdfObject* field, const std::string& path, std::set<const PdfObject*>* seen, int depth) {
    if (!field || !field->IsDictionary() || depth > 32 || !seen->insert(field).second) return;
    auto& d = field->GetDictionary();
    const std::string address = pdf::Address(field, path);
    if (side_->Find(kChannelFormField, 0, address)) {
      for (const char* key : {"V", "DV", "TU", "Opt", "RV"}) d.RemoveKey(key);
      d.AddKey("V", PoDoFo::PdfString(""));
      d.RemoveKey("AP");  // a widget merged into its field
      d.RemoveKey("AS");  // a check box's state is named by its export value
      cleared_fields_.insert(field);
      side_->Done(kChannelFormField, 0, address);
      Count("form field value cleared");
    }
    if (PoDoFo::PdfArray* kids = pdf::AsArray(d.GetKey("Kids"))) {
      for (size_t i = 0; i < kids->size(); ++i) {
        PdfObject* kid = pdf::Resolve(&(*kids)[i]);
        if (cleared_fields_.count(field) && kid && kid->IsDictionary()) {
          kid->GetDictionary().RemoveKey("AP");  // widget appearance shows the value
          kid->GetDictionary().RemoveKey("AS");
          cleared_fields_.insert(kid);
        }
        Field(kid, address + "/Kids[" + std::to_string(i) + "]", seen, depth + 1);
      }
    }
  }

  void Outline(PdfObject* item, std::string path, std::set<const PdfObject*>* seen, int depth) {
    for (int n = 0; item && item->IsDictionary() && n < 100000 && depth < 64; ++n) {
      if (!seen->insert(item).second) return;
      auto& d = item->GetDictionary();
      const std::string address = pdf::Address(item, path);
      if (side_->Find(kChannelOutline, 0, address, "Title")) {
        d.AddKey("Title", PoDoFo::PdfString("[redacted]"));
        side_->Done(kChannelOutline, 0, address, "Title");
        Count("outline title redacted");
      }
      if (PdfObject* a = pdf::Resolve(d.GetKey("A")); a && a->IsDictionary()) {
        if (side_->Find(kChannelOutline, 0, address, "URI") || a->GetDictionary().HasKey("JS")) {
          d.RemoveKey("A");
          side_->Done(kChannelOutline, 0, address, "URI");
          Count("outline action removed");
        }
      }
      Outline(pdf::DictGet(item, "First"), address + "/First", seen, depth + 1);
      item = pdf::DictGet(item, "Next");
      path = address + "/Next";
    }
  }

  void Page(int index, int page_number, const std::vector<Rect>& boxes) {
    StatusOr<PdfObject*> page = doc_.MutablePageObject(index);
    if (!page) return;
    auto& d = (*page)->GetDictionary();
    const PoDoFo::PdfArray* annots = pdf::AsArray(d.GetKey("Annots"));
    if (!annots) return;
    PoDoFo::PdfArray kept;
    std::set<const PdfObject*> removed;
    for (size_t i = 0; i < annots->size(); ++i) {
      const PdfObject& a = (*annots)[i];
      const PdfObject* annot = pdf::Resolve(&a);
      if (!annot || !annot->IsDictionary()) continue;
      const std::string address = pdf::Address(annot, "Annots[" + std::to_string(i) + "]");
      const std::string why = AnnotationVerdict(annot, page_number, address, boxes);
      if (!why.empty()) {
        removed.insert(annot);
        side_->Done(kChannelAnnotation, page_number, address);
        side_->Done(kChannelLink, page_number, address);
        Count("annotation removed (" + why + ")");
      } else {
        kept.push_back(a);
      }
    }
    // Popups of removed annotations go with them.
    PoDoFo::PdfArray final_list;
    for (const PdfObject& a : kept) {
      const PdfObject* annot = pdf::Resolve(&a);
      const PdfObject* parent = pdf::DictGet(annot, "Parent");
      if (parent && removed.count(parent)) {
        Count("annotation removed (popup of a removed one)");
        continue;
      }
      final_list.push_back(a);
    }
    d.AddKey("Annots", final_list);
  }

  // Why an annotation must go ("" to keep it). Its findings (inspect's) are
  // looked up by page number and address.
  std::string AnnotationVerdict(const PdfObject* annot, int page, const std::string& address,
                                const std::vector<Rect>& boxes) {
    const std::string subtype = pdf::AsName(pdf::DictGet(annot, "Subtype")).value_or("");
    if (subtype == "FileAttachment" || subtype == "Sound" || subtype == "Movie" ||
        subtype == "Screen" || subtype == "RichMedia" || subtype == "3D") {
      return "attachment or media";
    }
    if (subtype == "Redact") return "unapplied redaction";
    if (auto rect = pdf::AsRect(pdf::DictGet(annot, "Rect"))) {
      for (const Rect& b : boxes) {
        if (rect->x0 < b.x1 && b.x0 < rect->x1 && rect->y0 < b.y1 && b.y0 < rect->y1) {
          return "over a redaction";
        }
      }
    }
    if (pdf::DictGet(pdf::DictGet(annot, "A"), "JS")) return "JavaScript";
    if (side_->Find(kChannelAnnotation, page, address, "text") || side_->Find(kChannelLink, page, address)) {
      return "text matches";
    }
    if (cleared_fields_.count(annot)) return "form value cleared";
    // What its appearance draws: an identifier, or something that cannot
    // be read in full (inspect's reason says which).
    if (const Finding* f = side_->Find(kChannelAnnotation, page, address, "AP")) {
      return f->category == "unreadable" ? f->reason : "appearance text matches";
    }
    return "";
  }

  void Finish() {
    for (const auto& [what, n] : counts_) {
      summary_->side_channels.push_back(what + ": " + std::to_string(n));
    }
  }

 private:
  pdf::Document& doc_;
  SideFindings* side_;
  RedactionSummary* summary_;
  std::map<std::string, int> counts_;
  std::set<const PdfObject*> cleared_fields_;
};

}  // namespace

Status ScrubSideChannels(pdf::Document& doc, const std::vector<PageText>& pages, SideFindings* side,
                         RedactionSummary* summary) {
  Scrubber scrubber(doc, side, summary);
  return pdf::Guard(doc.name(), [&]() -> Status {
    scrubber.Catalog();
    scrubber.PageTree(static_cast<int>(pages.size()));
    scrubber.TilingPatterns();
    scrubber.UnreadType3Procedures();
    for (size_t i = 0; i < pages.size(); ++i) {
      std::vector<Rect> boxes;
      for (const RedactionBox& b : summary->boxes) {
        if (b.page == pages[i].number) boxes.push_back(b.quad.Bounds());
      }
      scrubber.Page(static_cast<int>(i), pages[i].number, boxes);
    }
    scrubber.Finish();
    // Then the output keeps only what the allow-list understands.
    return KeepOnlyAllowed(doc, static_cast<int>(pages.size()), summary);
  });
}

}  // namespace redact
