// An input PDF, opened read-only. Wraps PoDoFo's PdfMemDocument: loading
// (with a password, including RC4/AESV2 files that need OpenSSL's legacy
// provider), page access that survives broken page trees, and inherited
// page attributes. The file on disk is read once into memory and never
// written; writers produce new files elsewhere.
//
// Thread-safety: not thread-safe; one Document per thread. Objects returned
// by reference live as long as the Document.
#ifndef REDACT_PDF_DOCUMENT_H_
#define REDACT_PDF_DOCUMENT_H_

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "core/limits.h"
#include "core/model.h"
#include "pdf/font.h"
#include "core/status.h"

namespace PoDoFo {
class PdfMemDocument;
class PdfObject;
}  // namespace PoDoFo

namespace redact::pdf {

struct OpenOptions {
  // Tried after the empty user password; nullopt means none was given.
  std::optional<std::string> password;
  // Larger files, or more pages, are refused with kResource; the rest of
  // the limits travel with the Document (limits()) to its readers.
  ResourceLimits limits;
  // The name messages use instead of the path (name()), for an input whose
  // path holds an identifier: messages must not repeat it.
  std::optional<std::string> display_name;
};

class Document {
 public:
  // Opens `path`. The %PDF header may start anywhere in the first 1,024
  // bytes (what precedes it is skipped). A file PoDoFo refuses as damaged,
  // or that has no header at all, is repaired by qpdf in memory
  // (pdf/qpdf_bridge.h RepairWithQpdf) and the clean result loaded;
  // repaired() then says so. So is a file PoDoFo loads but cannot read
  // in full (an object that does not parse; page content that does not
  // decode: a wrong stream length or xref entry, a misread encryption
  // key), when qpdf's repair reads; otherwise the file is opened as it is,
  // and its readers fail closed on what they cannot read. A file without
  // a header that qpdf cannot open either is kNotPdf; one with no pages,
  // for PoDoFo and qpdf alike, kDamagedPdf ("… nothing to redact"). Errors name the file:
  // kNotFound, kIo, kNotPdf (no %PDF header), kPassword (encrypted and
  // no/wrong password), kDamagedPdf ("<name>: cannot open: <why PoDoFo
  // refused it>; qpdf cannot repair it either (<why>)").
  static StatusOr<std::unique_ptr<Document>> Open(const std::string& path,
                                                  const OpenOptions& options);
  // Same, from bytes already in memory; `name` is used in messages.
  static StatusOr<std::unique_ptr<Document>> OpenBytes(
      std::string bytes, const std::string& name, const OpenOptions& options);

  ~Document();
  Document(const Document&) = delete;
  Document& operator=(const Document&) = delete;

  const std::string& name() const { return name_; }
  // Whether the bytes loaded are not the file's own: its header came after
  // junk, or qpdf rebuilt it. repair_reason() says what was wrong and what
  // was done, in words without document content ("" when not repaired).
  bool repaired() const { return !repair_reason_.empty(); }
  const std::string& repair_reason() const { return repair_reason_; }
  // A document whose pages have form field widgets with an appearance is
  // loaded with those widgets drawn into their pages as a viewer shows
  // them (pdf/qpdf_bridge.h FlattenFormsWithQpdf): a field's value is then
  // page text, read beside the label printed next to it. (qpdf numbers the
  // objects afresh.) widgets_drawn() counts them (0: nothing drawn, the
  // document as it is). Widgets qpdf does not draw (hidden, no appearance)
  // stay, read as fields (stages/inspect). When qpdf cannot draw them, the
  // document is loaded as it is and forms_problem() says why, without
  // document content ("" otherwise).
  int widgets_drawn() const { return widgets_drawn_; }
  const std::string& forms_problem() const { return forms_problem_; }
  int page_count() const;

  // The page dictionary of page `index` (0-based). kDamagedPdf when the
  // page tree has no usable page there.
  StatusOr<const PoDoFo::PdfObject*> PageObject(int index) const;

  // Writers only (stages/write_*): the same page dictionary, to edit it in
  // memory (the file on disk is never touched). Errors as PageObject.
  StatusOr<PoDoFo::PdfObject*> MutablePageObject(int index);
  // The catalog (/Root), to edit; nullptr when the trailer has none.
  // May throw PoDoFo::PdfError: call inside pdf::Guard.
  PoDoFo::PdfObject* MutableCatalog();
  // A new indirect stream object holding `data`, deflated at zlib level 2
  // (the clean writer keeps Flate data as it is). May throw
  // PoDoFo::PdfError: call inside pdf::Guard.
  PoDoFo::PdfObject* NewStream(std::string_view data);

  // A page attribute, following /Parent for the inheritable ones
  // (Resources, MediaBox, CropBox, Rotate). nullptr when absent.
  const PoDoFo::PdfObject* InheritedPageKey(const PoDoFo::PdfObject* page,
                                            const char* key) const;

  StatusOr<PageGeometry> Geometry(int index) const;

  PoDoFo::PdfMemDocument& podofo() { return *doc_; }
  const ResourceLimits& limits() const { return limits_; }
  FontCache& fonts() { return fonts_; }

 private:
  Document() = default;
  // A Document over `*bytes` (moved in; moved back when it fails), or why
  // PoDoFo refuses it.
  static StatusOr<std::unique_ptr<Document>> Load(std::string* bytes, const std::string& name,
                                                  const OpenOptions& options);
  // OpenBytes but for the form fields.
  static StatusOr<std::unique_ptr<Document>> OpenAsIs(std::string bytes, const std::string& name,
                                                      const OpenOptions& options);
  // Whether a page has a widget annotation with a normal appearance.
  bool HasDrawableWidget() const;
  // `bytes` repaired by qpdf (RepairWithQpdf), then loaded; `skipped` and
  // `refused` say why, for repair_reason() and for the error when qpdf
  // cannot repair it either.
  static StatusOr<std::unique_ptr<Document>> Repair(std::string bytes, const std::string& name,
                                                    const OpenOptions& options, const std::string& skipped,
                                                    const std::string& refused);
  // Whether every object parses and every page's /Contents resolves to
  // streams that decode (a damaged Flate tail counts as decoding); the
  // first problem otherwise. A stream over the size limit is not one.
  Status Readable() const;
  // PoDoFo's load of bytes_, the password, and every page reachable.
  Status Unlock(const std::optional<std::string>& password);
  StatusOr<PoDoFo::PdfObject*> FindPage(int index) const;

  std::string name_;
  std::string bytes_;
  std::string repair_reason_;
  int widgets_drawn_ = 0;
  std::string forms_problem_;
  std::unique_ptr<PoDoFo::PdfMemDocument> doc_;
  ResourceLimits limits_;
  FontCache fonts_;
};

}  // namespace redact::pdf

#endif  // REDACT_PDF_DOCUMENT_H_
