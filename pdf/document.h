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
  // Opens `path`. Errors name the file: kNotFound, kIo, kNotPdf (no %PDF
  // header), kPassword (encrypted and no/wrong password), kDamagedPdf.
  static StatusOr<std::unique_ptr<Document>> Open(const std::string& path,
                                                  const OpenOptions& options);
  // Same, from bytes already in memory; `name` is used in messages.
  static StatusOr<std::unique_ptr<Document>> OpenBytes(
      std::string bytes, const std::string& name, const OpenOptions& options);

  ~Document();
  Document(const Document&) = delete;
  Document& operator=(const Document&) = delete;

  const std::string& name() const { return name_; }
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
  // A new indirect stream object holding `data` unfiltered (the clean
  // writer compresses). May throw PoDoFo::PdfError: call inside pdf::Guard.
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
  StatusOr<PoDoFo::PdfObject*> FindPage(int index) const;

  std::string name_;
  std::string bytes_;
  std::unique_ptr<PoDoFo::PdfMemDocument> doc_;
  ResourceLimits limits_;
  FontCache fonts_;
};

}  // namespace redact::pdf

#endif  // REDACT_PDF_DOCUMENT_H_
