#include "pipeline/pdf/podofo_util.h"

#include <cstdlib>
#include <memory>

namespace redact::pdf {

using PoDoFo::PdfObject;

Status FromPdfError(const PoDoFo::PdfError& error, std::string_view context) {
  const PoDoFo::EPdfError code = error.GetError();
  const char* name = PoDoFo::PdfError::ErrorName(code);
  std::string message(context);
  message += ": ";
  StatusCode ours = StatusCode::kDamagedPdf;
  switch (code) {
    case PoDoFo::ePdfError_InvalidPassword:
      ours = StatusCode::kPassword;
      message += "wrong or missing password";
      return Status(ours, message);
    case PoDoFo::ePdfError_FileNotFound:
      ours = StatusCode::kNotFound;
      message += "file not found";
      return Status(ours, message);
    case PoDoFo::ePdfError_OutOfMemory:
      ours = StatusCode::kResource;
      break;
    case PoDoFo::ePdfError_NoPdfFile:
      ours = StatusCode::kNotPdf;
      message += "not a PDF file";
      return Status(ours, message);
    case PoDoFo::ePdfError_UnsupportedFilter:
    case PoDoFo::ePdfError_UnsupportedFontFormat:
    case PoDoFo::ePdfError_UnsupportedImageFormat:
    case PoDoFo::ePdfError_NotImplemented:
    case PoDoFo::ePdfError_InvalidEncryptionDict:
      ours = StatusCode::kUnsupported;
      break;
    default:
      break;
  }
  message += "PDF library error ";
  message += name ? name : "unknown";
  return Status(ours, message);
}

const PdfObject* Resolve(const PdfObject* obj) {
  for (int hops = 0; obj && obj->IsReference() && hops < 8; ++hops) {
    PoDoFo::PdfVecObjects* owner = obj->GetOwner();
    if (!owner) return nullptr;
    obj = owner->GetObject(obj->GetReference());
  }
  return (obj && obj->IsReference()) ? nullptr : obj;
}

bool IsDictionary(const PdfObject* obj) {
  obj = Resolve(obj);
  return obj && obj->IsDictionary();
}

const PdfObject* DictGet(const PdfObject* dict, std::string_view key) {
  dict = Resolve(dict);
  if (!dict || !dict->IsDictionary()) return nullptr;
  const PdfObject* v =
      dict->GetDictionary().GetKey(PoDoFo::PdfName(std::string(key)));
  if (!v) return nullptr;
  if (v->IsReference()) {
    // Direct children of an indirect dictionary resolve through its owner.
    PoDoFo::PdfVecObjects* owner = v->GetOwner() ? v->GetOwner() : dict->GetOwner();
    for (int hops = 0; v && v->IsReference() && hops < 8; ++hops) {
      if (!owner) return nullptr;
      v = owner->GetObject(v->GetReference());
    }
    if (v && v->IsReference()) return nullptr;
  }
  if (v && v->IsNull()) return nullptr;
  return v;
}

std::optional<double> AsNumber(const PdfObject* obj) {
  obj = Resolve(obj);
  if (!obj) return std::nullopt;
  if (obj->IsReal()) return obj->GetReal();
  if (obj->IsNumber()) return static_cast<double>(obj->GetNumber());
  return std::nullopt;
}

std::optional<std::string> AsName(const PdfObject* obj) {
  obj = Resolve(obj);
  if (!obj || !obj->IsName()) return std::nullopt;
  return obj->GetName().GetName();
}

const PoDoFo::PdfArray* AsArray(const PdfObject* obj) {
  obj = Resolve(obj);
  if (!obj || !obj->IsArray()) return nullptr;
  return &obj->GetArray();
}

std::optional<Rect> AsRect(const PdfObject* obj) {
  const PoDoFo::PdfArray* a = AsArray(obj);
  if (!a || a->size() != 4) return std::nullopt;
  double v[4];
  for (int i = 0; i < 4; ++i) {
    auto n = AsNumber(&(*a)[i]);
    if (!n) return std::nullopt;
    v[i] = *n;
  }
  return Rect::FromCorners({v[0], v[1]}, {v[2], v[3]});
}

std::optional<Matrix> AsMatrix(const PdfObject* obj) {
  const PoDoFo::PdfArray* a = AsArray(obj);
  if (!a || a->size() != 6) return std::nullopt;
  double v[6];
  for (int i = 0; i < 6; ++i) {
    auto n = AsNumber(&(*a)[i]);
    if (!n) return std::nullopt;
    v[i] = *n;
  }
  Matrix m{v[0], v[1], v[2], v[3], v[4], v[5]};
  if (!m.IsFinite()) return std::nullopt;
  return m;
}

namespace {

// Collects decoded bytes and stops the decoder once a limit is passed, so a
// decompression bomb costs at most max_bytes of memory.
class LimitedStringOutput : public PoDoFo::PdfOutputStream {
 public:
  struct LimitExceeded {};
  LimitedStringOutput(std::string* out, size_t max) : out_(out), max_(max) {}
  PoDoFo::pdf_long Write(const char* data, PoDoFo::pdf_long length) override {
    if (length < 0 || out_->size() + static_cast<size_t>(length) > max_) {
      throw LimitExceeded{};
    }
    out_->append(data, static_cast<size_t>(length));
    return length;
  }
  void Close() override {}

 private:
  std::string* out_;
  size_t max_;
};

}  // namespace

StatusOr<std::string> ReadStream(const PdfObject* obj, size_t max_bytes) {
  obj = Resolve(obj);
  const std::string where = Describe(obj);
  if (!obj || !obj->HasStream()) {
    return Error(StatusCode::kDamagedPdf, where + ": expected a stream");
  }
  std::string out;
  Status s = Guard(where, [&]() -> Status {
    LimitedStringOutput sink(&out, max_bytes);
    try {
      obj->GetStream()->GetFilteredCopy(&sink);
    } catch (const LimitedStringOutput::LimitExceeded&) {
      return Status(StatusCode::kResource,
                    where + ": decoded stream larger than the limit");
    }
    return Status::Ok();
  });
  if (!s.ok()) return Error(s);
  return out;
}

std::string Describe(const PdfObject* obj) {
  if (!obj) return "missing object";
  const PoDoFo::PdfReference& ref = obj->Reference();
  if (ref.ObjectNumber() == 0) return "direct object";
  return "object " + std::to_string(ref.ObjectNumber()) + " " +
         std::to_string(ref.GenerationNumber()) + " R";
}

}  // namespace redact::pdf
