#include "pdf/document.h"

#include <openssl/provider.h>
#include <podofo/podofo.h>
#include <sys/stat.h>
#include <zlib.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <mutex>
#include <sstream>

#include "pdf/podofo_util.h"
#include "pdf/qpdf_bridge.h"

namespace redact::pdf {
namespace {

// OpenSSL 3 moved RC4 to the legacy provider; PoDoFo needs it for RC4-40/128
// and AESV2 inputs. Loaded once per process and kept for its lifetime
// (held here, so leak checkers see them as reachable).
void LoadOpenSslProviders() {
  static std::once_flag once;
  [[maybe_unused]] static OSSL_PROVIDER* legacy = nullptr;
  [[maybe_unused]] static OSSL_PROVIDER* standard = nullptr;
  std::call_once(once, [] {
    legacy = OSSL_PROVIDER_load(nullptr, "legacy");
    standard = OSSL_PROVIDER_load(nullptr, "default");
  });
}

// PoDoFo logs parse warnings to stderr by default; that is noise for a CLI
// whose own messages say what matters.
void QuietPodofo() {
  static std::once_flag once;
  std::call_once(once, [] { PoDoFo::PdfError::EnableLogging(false); });
}

constexpr const char* kNoPages = "no pages found (broken page tree)";

// Whether a failure to load may be damage that qpdf's recovery undoes (a
// wrong or missing password, a limit or an internal error is not).
bool Repairable(const Status& s) {
  return s.code() == StatusCode::kDamagedPdf || s.code() == StatusCode::kNotPdf ||
         s.code() == StatusCode::kUnsupported;
}

// "<name>: <what>" → "<what>", for a reason that goes after the name once.
std::string WithoutName(const std::string& message, const std::string& name) {
  const std::string prefix = name + ": ";
  return message.starts_with(prefix) ? message.substr(prefix.size()) : message;
}

}  // namespace

Document::~Document() = default;

StatusOr<std::unique_ptr<Document>> Document::Open(const std::string& path,
                                                   const OpenOptions& options) {
  const std::string shown = options.display_name.value_or(path);
  struct stat st;
  if (stat(path.c_str(), &st) != 0) {
    if (errno == ENOENT) return Error(StatusCode::kNotFound, shown + ": no such file");
    return Error(StatusCode::kIo, shown + ": " + std::strerror(errno));
  }
  if (!S_ISREG(st.st_mode)) {
    return Error(StatusCode::kIo, shown + ": not a regular file");
  }
  if (static_cast<size_t>(st.st_size) > options.limits.max_file_bytes) {
    return Error(StatusCode::kResource,
                 shown + ": " + std::to_string(st.st_size >> 20) + " MiB, larger than the limit of " +
                     std::to_string(options.limits.max_file_bytes >> 20) + " MiB ([limits] max_file_mb)");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error(StatusCode::kIo, shown + ": cannot open for reading");
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) return Error(StatusCode::kIo, shown + ": read error");
  return OpenBytes(std::move(buffer).str(), shown, options);
}

StatusOr<std::unique_ptr<Document>> Document::OpenBytes(
    std::string bytes, const std::string& name, const OpenOptions& options) {
  StatusOr<std::unique_ptr<Document>> doc = OpenAsIs(std::move(bytes), name, options);
  if (!doc || !(*doc)->HasDrawableWidget()) return doc;
  // Form fields are drawn into their pages, as a viewer shows them, so that
  // their values are read in place, beside the labels printed on the page.
  StatusOr<QpdfRepair> drawn = FlattenFormsWithQpdf((*doc)->bytes_, name, options.password);
  if (!drawn) {
    if (drawn.error().code() == StatusCode::kPassword) return Error(drawn.error());
    (*doc)->forms_problem_ = WithoutName(drawn.error().message(), name);
    return doc;
  }
  StatusOr<std::unique_ptr<Document>> flat = Load(&drawn->bytes, name, options);
  if (!flat || !(*flat)->Readable().ok()) {
    (*doc)->forms_problem_ = "its form fields drawn into its pages cannot be read back";
    return doc;
  }
  (*flat)->repair_reason_ = (*doc)->repair_reason_;
  (*flat)->widgets_drawn_ = static_cast<int>(drawn->widgets);
  return flat;
}

bool Document::HasDrawableWidget() const {
  bool form = false;
  // (What cannot be read here is judged by the readers: no form assumed.)
  Status read = Guard(name_, [&]() -> Status {
    for (int i = 0; i < page_count() && !form; ++i) {
      StatusOr<const PoDoFo::PdfObject*> page = PageObject(i);
      const PoDoFo::PdfArray* annots = page ? AsArray(DictGet(*page, "Annots")) : nullptr;
      if (!annots) continue;
      for (const PoDoFo::PdfObject& a : *annots) {
        const PoDoFo::PdfObject* annot = Resolve(&a);
        form = form || (AsName(DictGet(annot, "Subtype")) == "Widget" && DictGet(DictGet(annot, "AP"), "N"));
      }
    }
    return Status::Ok();
  });
  return read.ok() && form;
}

StatusOr<std::unique_ptr<Document>> Document::OpenAsIs(
    std::string bytes, const std::string& name, const OpenOptions& options) {
  LoadOpenSslProviders();
  QuietPodofo();
  // Readers accept the header anywhere in the first 1,024 bytes; what
  // precedes it is not PDF. qpdf reads offsets from the header on, too.
  const size_t header = std::string_view(bytes).substr(0, 1024).find("%PDF-");
  std::string skipped;
  if (header != std::string::npos && header > 0) {
    bytes.erase(0, header);
    skipped = "its %PDF header starts at byte " + std::to_string(header) + "; the bytes before it were skipped";
  }
  // Without a header, only qpdf's recovery may find a PDF in the bytes.
  if (header == std::string::npos) return Repair(std::move(bytes), name, options, "", "no %PDF header");
  StatusOr<std::unique_ptr<Document>> doc = Load(&bytes, name, options);
  if (!doc) {
    if (!Repairable(doc.error())) return doc;
    return Repair(std::move(bytes), name, options, skipped, WithoutName(doc.error().message(), name));
  }
  (*doc)->repair_reason_ = skipped;
  const Status readable = (*doc)->Readable();
  if (readable.ok()) return doc;
  // qpdf's repair is used only when it reads; else the content is left
  // for the readers to fail closed on, with their own reasons.
  StatusOr<std::unique_ptr<Document>> repaired =
      Repair((*doc)->bytes_, name, options, skipped, WithoutName(readable.message(), name));
  if (repaired && (*repaired)->Readable().ok()) return repaired;
  return doc;
}

StatusOr<std::unique_ptr<Document>> Document::Repair(std::string bytes, const std::string& name,
                                                     const OpenOptions& options, const std::string& skipped,
                                                     const std::string& refused) {
  // PoDoFo cannot rebuild a damaged file; qpdf can, into a clean one.
  StatusOr<QpdfRepair> fixed = RepairWithQpdf(bytes, name, options.password);
  if (!fixed && refused == "no %PDF header" && fixed.error().code() == StatusCode::kDamagedPdf) {
    return Error(StatusCode::kNotPdf, name + ": not a PDF file (no %PDF header in its first 1,024 bytes)");
  }
  if (!fixed) {
    if (fixed.error().code() != StatusCode::kDamagedPdf) return Error(fixed.error());
    return Error(StatusCode::kDamagedPdf, name + ": cannot open: " + refused + "; " +
                                              WithoutName(fixed.error().message(), name));
  }
  // qpdf writes one startxref; more mean a stream whose length qpdf
  // recovered has swallowed other parts of the file (old revisions,
  // objects): bytes no reader would show, which must not pass as content.
  const std::string_view repaired_bytes(fixed->bytes);
  if (repaired_bytes.find("startxref") != repaired_bytes.rfind("startxref")) {
    return Error(StatusCode::kDamagedPdf, name + ": cannot open: " + refused +
                                              "; qpdf's repair holds parts of the file inside a stream, so it is "
                                              "not used");
  }
  const Status no_pages(StatusCode::kDamagedPdf,
                        name + ": has no pages, and qpdf finds none either (" + refused + "): nothing to redact");
  if (fixed->pages == 0) return Error(no_pages);
  StatusOr<std::unique_ptr<Document>> repaired = Load(&fixed->bytes, name, options);
  if (!repaired) {
    if (!Repairable(repaired.error())) return repaired;
    if (repaired.error().message() == name + ": " + kNoPages) return Error(no_pages);
    return Error(StatusCode::kDamagedPdf, name + ": cannot open: " + refused + "; qpdf repaired it, yet it still " +
                                              "cannot be read (" + WithoutName(repaired.error().message(), name) + ")");
  }
  (*repaired)->repair_reason_ = (skipped.empty() ? "" : skipped + "; ") + refused + "; qpdf rebuilt it" +
                                (fixed->warnings > 0 ? " (" + std::to_string(fixed->warnings) + " warning(s))" : "");
  return repaired;
}

StatusOr<std::unique_ptr<Document>> Document::Load(std::string* bytes, const std::string& name,
                                                   const OpenOptions& options) {
  std::unique_ptr<Document> doc(new Document());
  doc->name_ = name;
  doc->limits_ = options.limits;
  doc->bytes_ = std::move(*bytes);
  doc->doc_ = std::make_unique<PoDoFo::PdfMemDocument>();
  Status opened = doc->Unlock(options.password);
  // A document that will be repaired gets its bytes back.
  if (!opened.ok()) {
    *bytes = std::move(doc->bytes_);
    return Error(opened);
  }
  if (doc->page_count() > options.limits.max_pages) {
    return Error(StatusCode::kResource,
                 name + ": " + std::to_string(doc->page_count()) + " pages, more than the limit of " +
                     std::to_string(options.limits.max_pages) + " ([limits] max_pages)");
  }
  return doc;
}

Status Document::Unlock(const std::optional<std::string>& password) {
  bool needs_password = false;
  Status loaded = Guard(name_, [&]() -> Status {
    try {
      doc_->LoadFromBuffer(bytes_.data(), static_cast<long>(bytes_.size()));
    } catch (const PoDoFo::PdfError& e) {
      if (e.GetError() != PoDoFo::ePdfError_InvalidPassword) throw;
      needs_password = true;
    }
    return Status::Ok();
  });
  if (!loaded.ok()) return loaded;
  // A new object never takes a freed number: with a rebuilt xref, a reused
  // number next to its old object made files with both `1 0 obj` and
  // `1 1 obj` (the writer renumbers anyway; this keeps PoDoFo consistent).
  doc_->GetObjects().SetCanReuseObjectNumbers(false);
  if (needs_password) {
    if (!password) {
      return Status(StatusCode::kPassword, name_ + ": encrypted; the document needs a password (--password)");
    }
    Status s = Guard(name_, [&]() -> Status {
      doc_->SetPassword(*password);
      return Status::Ok();
    });
    if (s.code() == StatusCode::kPassword) return Status(StatusCode::kPassword, name_ + ": wrong password");
    if (!s.ok()) return s;
  }
  const int pages = page_count();
  if (pages <= 0) return Status(StatusCode::kDamagedPdf, name_ + ": " + kNoPages);
  // Every page must be reachable: PoDoFo finds a broken tree only here.
  for (int i = 0; i < pages; ++i) {
    if (StatusOr<PoDoFo::PdfObject*> page = FindPage(i); !page) return page.error();
  }
  return Status::Ok();
}

Status Document::Readable() const {
  // PoDoFo parses objects on first use: parse them all now.
  Status parsed = Guard(name_, [&]() -> Status {
    for (const PoDoFo::PdfObject* obj : doc_->GetObjects()) {
      if (obj) obj->GetDataType();
    }
    return Status::Ok();
  });
  if (!parsed.ok()) return parsed;
  const int pages = page_count();
  for (int i = 0; i < pages; ++i) {
    StatusOr<const PoDoFo::PdfObject*> page = PageObject(i);
    if (!page) return page.error();
    const std::string where = name_ + ": page " + std::to_string(i + 1);
    Status s = Guard(where, [&]() -> Status {
      for (const PoDoFo::PdfObject* part : ContentParts(*page)) {
        if (!part || !part->HasStream()) {
          return Status(StatusCode::kDamagedPdf, where + ": a /Contents entry is not a stream");
        }
        StatusOr<PartialStream> data = ReadStreamAsFarAsItDecodes(part, limits_.max_stream_bytes);
        if (!data && data.error().code() != StatusCode::kResource) return data.error();
      }
      return Status::Ok();
    });
    if (!s.ok()) return s;
  }
  return Status::Ok();
}

int Document::page_count() const {
  int n = 0;
  Status s = Guard(name_, [&]() -> Status {
    n = doc_->GetPageCount();
    return Status::Ok();
  });
  return s.ok() ? n : 0;
}

StatusOr<const PoDoFo::PdfObject*> Document::PageObject(int index) const {
  StatusOr<PoDoFo::PdfObject*> page = FindPage(index);
  if (!page) return Error(page.error());
  return *page;
}

StatusOr<PoDoFo::PdfObject*> Document::MutablePageObject(int index) { return FindPage(index); }

PoDoFo::PdfObject* Document::MutableCatalog() {
  // PdfMemDocument hands out its trailer read-only; the objects it names
  // are ours to edit, as this Document is not const.
  const PoDoFo::PdfObject* trailer = doc_->GetTrailer();
  if (!trailer || !trailer->IsDictionary()) return nullptr;
  return const_cast<PoDoFo::PdfObject*>(Resolve(trailer->GetDictionary().GetKey("Root")));
}

PoDoFo::PdfObject* Document::NewStream(std::string_view data) {
  // zlib level 2, not PoDoFo's default 6: on rewritten page content
  // (LibreOffice filings) it deflates five times as fast for data about a
  // third larger, and every page with a finding is rewritten.
  uLongf size = compressBound(static_cast<uLong>(data.size()));
  std::string deflated(size, '\0');
  if (compress2(reinterpret_cast<Bytef*>(deflated.data()), &size, reinterpret_cast<const Bytef*>(data.data()),
                static_cast<uLong>(data.size()), 2) != Z_OK) {
    PODOFO_RAISE_ERROR_INFO(PoDoFo::ePdfError_Flate, "the content could not be deflated");
  }
  PoDoFo::PdfObject* stream = doc_->GetObjects().CreateObject();
  PoDoFo::PdfMemoryInputStream in(deflated.data(), static_cast<PoDoFo::pdf_long>(size));
  stream->GetStream()->SetRawData(&in, static_cast<PoDoFo::pdf_long>(size));
  stream->GetDictionary().AddKey("Filter", PoDoFo::PdfName("FlateDecode"));
  return stream;
}

StatusOr<PoDoFo::PdfObject*> Document::FindPage(int index) const {
  PoDoFo::PdfObject* obj = nullptr;
  const std::string where = name_ + ": page " + std::to_string(index + 1);
  Status s = Guard(where, [&]() -> Status {
    PoDoFo::PdfPage* page = doc_->GetPage(index);
    if (page) obj = page->GetObject();
    return Status::Ok();
  });
  if (!s.ok()) return Error(s);
  if (!obj || !obj->IsDictionary()) {
    return Error(StatusCode::kDamagedPdf, where + ": missing from the page tree");
  }
  return obj;
}

const PoDoFo::PdfObject* Document::InheritedPageKey(const PoDoFo::PdfObject* page,
                                                    const char* key) const {
  const PoDoFo::PdfObject* node = page;
  for (int depth = 0; node && depth < 64; ++depth) {
    if (const PoDoFo::PdfObject* v = DictGet(node, key)) return v;
    node = DictGet(node, "Parent");
  }
  return nullptr;
}

StatusOr<PageGeometry> Document::Geometry(int index) const {
  StatusOr<const PoDoFo::PdfObject*> page = PageObject(index);
  if (!page) return Error(page.error());
  PageGeometry g;
  Status s = Guard(name_, [&]() -> Status {
    // A missing or malformed MediaBox defaults to US Letter, as viewers do.
    Rect media = AsRect(InheritedPageKey(*page, "MediaBox")).value_or(Rect{0, 0, 612, 792});
    if (media.area() <= 0) media = Rect{0, 0, 612, 792};
    Rect crop = AsRect(InheritedPageKey(*page, "CropBox")).value_or(media);
    int rotate = static_cast<int>(AsNumber(InheritedPageKey(*page, "Rotate")).value_or(0));
    g = PageGeometry::Make(media, crop, rotate);
    return Status::Ok();
  });
  if (!s.ok()) return Error(s);
  return g;
}

}  // namespace redact::pdf
