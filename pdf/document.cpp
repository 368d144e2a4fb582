#include "pdf/document.h"

#include <openssl/provider.h>
#include <podofo/podofo.h>
#include <sys/stat.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <mutex>
#include <sstream>

#include "pdf/podofo_util.h"

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
  LoadOpenSslProviders();
  QuietPodofo();
  if (bytes.substr(0, 1024).find("%PDF-") == std::string::npos) {
    return Error(StatusCode::kNotPdf, name + ": not a PDF file (no %PDF header)");
  }
  std::unique_ptr<Document> doc(new Document());
  doc->name_ = name;
  doc->limits_ = options.limits;
  doc->bytes_ = std::move(bytes);
  doc->doc_ = std::make_unique<PoDoFo::PdfMemDocument>();
  bool needs_password = false;
  Status loaded = Guard(name, [&]() -> Status {
    try {
      doc->doc_->LoadFromBuffer(doc->bytes_.data(),
                                static_cast<long>(doc->bytes_.size()));
    } catch (const PoDoFo::PdfError& e) {
      if (e.GetError() != PoDoFo::ePdfError_InvalidPassword) throw;
      needs_password = true;
    }
    return Status::Ok();
  });
  if (!loaded.ok()) return Error(loaded);
  // A new object never takes a freed number: with a rebuilt xref, a reused
  // number next to its old object made files with both `1 0 obj` and
  // `1 1 obj` (the writer renumbers anyway; this keeps PoDoFo consistent).
  doc->doc_->GetObjects().SetCanReuseObjectNumbers(false);
  if (needs_password) {
    if (!options.password) {
      return Error(StatusCode::kPassword,
                   name + ": encrypted; the document needs a password (--password)");
    }
    Status s = Guard(name, [&]() -> Status {
      doc->doc_->SetPassword(*options.password);
      return Status::Ok();
    });
    if (!s.ok()) {
      if (s.code() == StatusCode::kPassword) {
        return Error(StatusCode::kPassword, name + ": wrong password");
      }
      return Error(s);
    }
  }
  if (doc->page_count() <= 0) {
    return Error(StatusCode::kDamagedPdf, name + ": no pages found (broken page tree)");
  }
  if (doc->page_count() > options.limits.max_pages) {
    return Error(StatusCode::kResource,
                 name + ": " + std::to_string(doc->page_count()) + " pages, more than the limit of " +
                     std::to_string(options.limits.max_pages) + " ([limits] max_pages)");
  }
  return doc;
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
  PoDoFo::PdfObject* stream = doc_->GetObjects().CreateObject();
  stream->GetStream()->Set(data.data(), static_cast<PoDoFo::pdf_long>(data.size()));
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
