// The boundary between redact and PoDoFo 0.9.8. PoDoFo throws PdfError,
// which does not derive from std::exception; Guard() is the one place where
// it (and std::bad_alloc etc.) is caught and turned into a Status. Helpers
// read the object graph without ever calling PoDoFo APIs that mutate the
// document (PdfDocument::GetFont, PdfPage::GetContents, …).
//
// Thread-safety: PoDoFo objects are not thread-safe; use one document per
// thread.
#ifndef REDACT_PDF_PODOFO_UTIL_H_
#define REDACT_PDF_PODOFO_UTIL_H_

#include <podofo/podofo.h>

#include <exception>
#include <new>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/geometry.h"
#include "core/status.h"

namespace redact::pdf {

// Maps a PoDoFo error to our codes; the message names `context` (a file,
// page or object) and PoDoFo's error name, never document text.
Status FromPdfError(const PoDoFo::PdfError& error, std::string_view context);

// Runs fn(); returns its Status, or the Status for anything it threw.
template <typename Fn>
Status Guard(std::string_view context, Fn&& fn) {
  try {
    return std::forward<Fn>(fn)();
  } catch (const PoDoFo::PdfError& e) {
    return FromPdfError(e, context);
  } catch (const std::bad_alloc&) {
    return Status(StatusCode::kResource,
                  std::string(context) + ": out of memory");
  } catch (const std::exception& e) {
    return Status(StatusCode::kDamagedPdf,
                  std::string(context) + ": " + e.what());
  }
}

// Follows references (a bounded number of hops). nullptr stays nullptr;
// a dangling reference gives nullptr.
const PoDoFo::PdfObject* Resolve(const PoDoFo::PdfObject* obj);
// The same for writers holding a mutable object of a Document they may
// change: the result is as mutable as the argument.
PoDoFo::PdfObject* Resolve(PoDoFo::PdfObject* obj);

// dict[key], resolved; nullptr when `dict` is not a dictionary or the key
// is absent or dangling.
const PoDoFo::PdfObject* DictGet(const PoDoFo::PdfObject* dict,
                                 std::string_view key);
PoDoFo::PdfObject* DictGet(PoDoFo::PdfObject* dict, std::string_view key);

std::optional<double> AsNumber(const PoDoFo::PdfObject* obj);
std::optional<std::string> AsName(const PoDoFo::PdfObject* obj);
// A string object's text as UTF-8 (PDFDocEncoding or UTF-16 decoded).
std::optional<std::string> AsString(const PoDoFo::PdfObject* obj);
const PoDoFo::PdfArray* AsArray(const PoDoFo::PdfObject* obj);
PoDoFo::PdfArray* AsArray(PoDoFo::PdfObject* obj);  // for writers, as Resolve
bool IsDictionary(const PoDoFo::PdfObject* obj);

// A rectangle array [x0 y0 x1 y1], normalized; nullopt if malformed.
std::optional<Rect> AsRect(const PoDoFo::PdfObject* obj);
// A matrix array [a b c d e f]; nullopt if malformed.
std::optional<Matrix> AsMatrix(const PoDoFo::PdfObject* obj);

// A stream's data as the file holds it (decrypted, not decoded).
// Errors: kDamagedPdf when `obj` is no stream or its data cannot be read.
StatusOr<std::string> RawStreamData(const PoDoFo::PdfObject* obj);

// The decoded (unfiltered) bytes of a stream object. Fails with kResource
// when the decoded data would exceed max_bytes, kDamagedPdf/kUnsupported on
// filter errors.
StatusOr<std::string> ReadStream(const PoDoFo::PdfObject* obj,
                                 size_t max_bytes);

// A page's /Contents, one entry per part of an array (or the one stream),
// resolved; nullptr for a part that dangles. Empty when the page has none.
std::vector<const PoDoFo::PdfObject*> ContentParts(const PoDoFo::PdfObject* page);

// A stream read as far as its data decodes.
struct PartialStream {
  std::string data;
  // The Flate data broke off (a damaged or missing tail): `data` is what
  // inflated before it, and whatever the stream held after it is unread.
  bool truncated = false;
  std::string why;  // zlib's words for the break ("invalid distance too far back"), no content
};

// ReadStream, except that a stream whose last filter is FlateDecode without
// a predictor, and whose compressed data turns bad part way, gives what
// inflated before the bad tail (truncated) instead of an error — as qpdf
// and poppler read it, with a warning. Errors: ReadStream's, also when not
// one byte inflates.
StatusOr<PartialStream> ReadStreamAsFarAsItDecodes(const PoDoFo::PdfObject* obj, size_t max_bytes);

// A stream's /Filter chain, each with its /DecodeParms dictionary (or
// nullptr).
std::vector<std::pair<std::string, const PoDoFo::PdfObject*>> StreamFilters(const PoDoFo::PdfObject* obj);

// `raw` run through generic stream filters (ASCIIHex, ASCII85, LZW, Flate
// with predictors, RunLength; long or short names), each with its decode
// parameters (a dictionary object or nullptr). For image data whose last,
// image-specific filter (DCT, CCITT, JBIG2, JPX) is decoded elsewhere, and
// for inline images. Errors as ReadStream; kUnsupported for other filters.
StatusOr<std::string> DecodeFilters(
    std::string raw, const std::vector<std::pair<std::string, const PoDoFo::PdfObject*>>& filters,
    size_t max_bytes);

// "object 12 0 R" for indirect objects, "direct object" otherwise; for messages.
std::string Describe(const PoDoFo::PdfObject* obj);

// Where an object lies, for findings that must name it again later:
// "12 0 R" for an indirect object, `path` (its place under the nearest
// indirect object, e.g. "12 0 R/Kids[0]") for a direct one.
std::string Address(const PoDoFo::PdfObject* obj, const std::string& path);

}  // namespace redact::pdf

#endif  // REDACT_PDF_PODOFO_UTIL_H_
