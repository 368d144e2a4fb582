#include "pdf/podofo_util.h"

#include <zlib.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <memory>

namespace redact::pdf {

using PoDoFo::PdfObject;

namespace {

// What a PoDoFo error code says about the file, in words for the person
// running the tool.
std::string_view PdfErrorMeaning(PoDoFo::EPdfError code) {
  switch (code) {
    case PoDoFo::ePdfError_UnexpectedEOF:
    case PoDoFo::ePdfError_NoEOFToken:
      return "damaged PDF: the file ends too early (truncated?)";
    case PoDoFo::ePdfError_NoXRef:
    case PoDoFo::ePdfError_InvalidXRef:
    case PoDoFo::ePdfError_InvalidXRefStream:
    case PoDoFo::ePdfError_InvalidXRefType:
    case PoDoFo::ePdfError_NoTrailer:
      return "damaged PDF: its cross-reference table or trailer is broken";
    case PoDoFo::ePdfError_NoObject:
      return "damaged PDF: an object it refers to is missing";
    case PoDoFo::ePdfError_InvalidDataType:
    case PoDoFo::ePdfError_InvalidName:
    case PoDoFo::ePdfError_NoNumber:
    case PoDoFo::ePdfError_InvalidHexString:
    case PoDoFo::ePdfError_InvalidKey:
    case PoDoFo::ePdfError_ValueOutOfRange:
      return "damaged PDF: an object is malformed";
    case PoDoFo::ePdfError_InvalidStream:
    case PoDoFo::ePdfError_InvalidStreamLength:
    case PoDoFo::ePdfError_InvalidPredictor:
    case PoDoFo::ePdfError_Flate:
      return "damaged PDF: a stream cannot be read";
    case PoDoFo::ePdfError_InvalidEncryptionDict:
      return "unsupported or broken encryption";
    case PoDoFo::ePdfError_BrokenFile:
      return "damaged PDF";
    case PoDoFo::ePdfError_OutOfMemory:
      return "out of memory";
    case PoDoFo::ePdfError_UnsupportedFilter:
      return "a stream uses a filter we cannot decode";
    default:
      return "the PDF library failed";
  }
}

}  // namespace

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
  message += PdfErrorMeaning(error.GetError());
  message += " (PoDoFo ";
  message += name ? name : "unknown error";
  message += ")";
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

// Mutable overloads: the objects belong to a Document the caller may
// change; only the constness the read-only helpers added is taken back.
PdfObject* Resolve(PdfObject* obj) {
  return const_cast<PdfObject*>(Resolve(static_cast<const PdfObject*>(obj)));
}

PdfObject* DictGet(PdfObject* dict, std::string_view key) {
  return const_cast<PdfObject*>(DictGet(static_cast<const PdfObject*>(dict), key));
}

PoDoFo::PdfArray* AsArray(PdfObject* obj) {
  return const_cast<PoDoFo::PdfArray*>(AsArray(static_cast<const PdfObject*>(obj)));
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

std::optional<std::string> AsString(const PdfObject* obj) {
  obj = Resolve(obj);
  if (!obj || !(obj->IsString() || obj->IsHexString())) return std::nullopt;
  return obj->GetString().GetStringUtf8();
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
// Collects decoded bytes up to a limit. Over the limit, or out of memory,
// it throws a PdfError: PoDoFo's filters clean up only for those, and a
// filter destroyed mid-decode after any other exception trips an assertion
// in Debian's PoDoFo build and aborts the process.
class LimitedStringOutput : public PoDoFo::PdfOutputStream {
 public:
  LimitedStringOutput(std::string* out, size_t max) : out_(out), max_(max) {}
  PoDoFo::pdf_long Write(const char* data, PoDoFo::pdf_long length) override {
    if (length < 0 || out_->size() + static_cast<size_t>(length) > max_) {
      exceeded_ = true;
      throw PoDoFo::PdfError(PoDoFo::ePdfError_ValueOutOfRange, __FILE__, __LINE__);
    }
    try {
      out_->append(data, static_cast<size_t>(length));
    } catch (const std::bad_alloc&) {
      throw PoDoFo::PdfError(PoDoFo::ePdfError_OutOfMemory, __FILE__, __LINE__);
    }
    return length;
  }
  void Close() override {}
  bool exceeded() const { return exceeded_; }

 private:
  std::string* out_;
  size_t max_;
  bool exceeded_ = false;
};

}  // namespace

std::vector<std::pair<std::string, const PdfObject*>> StreamFilters(const PdfObject* obj) {
  std::vector<std::pair<std::string, const PdfObject*>> filters;
  const PdfObject* filter = DictGet(obj, "Filter");
  const PdfObject* parms = DictGet(obj, "DecodeParms");
  const PoDoFo::PdfArray* parms_array = AsArray(parms);
  auto parms_at = [&](size_t i) -> const PdfObject* {
    const PdfObject* p = parms_array ? (i < parms_array->size() ? Resolve(&(*parms_array)[i]) : nullptr)
                                     : (i == 0 ? parms : nullptr);
    return p && p->IsDictionary() ? p : nullptr;
  };
  if (auto name = AsName(filter)) {
    filters.push_back({*name, parms_at(0)});
  } else if (const PoDoFo::PdfArray* arr = AsArray(filter)) {
    for (size_t i = 0; i < arr->size(); ++i) filters.push_back({AsName(&(*arr)[i]).value_or("?"), parms_at(i)});
  }
  return filters;
}

namespace {

int Predictor(const PdfObject* parms) {
  return static_cast<int>(AsNumber(DictGet(parms, "Predictor")).value_or(1));
}

// Undoes a TIFF (2) or PNG (10-15) predictor. PoDoFo 0.9.8's own decoder
// gets PNG Average and Paeth rows wrong for bytes of 128 and up (signed
// arithmetic), so predictors are always undone here.
StatusOr<std::string> Unpredict(const std::string& in, const PdfObject* parms) {
  const int predictor = Predictor(parms);
  const int colors = static_cast<int>(AsNumber(DictGet(parms, "Colors")).value_or(1));
  const int bpc = static_cast<int>(AsNumber(DictGet(parms, "BitsPerComponent")).value_or(8));
  const int columns = static_cast<int>(AsNumber(DictGet(parms, "Columns")).value_or(1));
  if (colors < 1 || colors > 32 || !(bpc == 1 || bpc == 2 || bpc == 4 || bpc == 8 || bpc == 16) ||
      columns < 1 || columns > (1 << 24)) {
    return Error(StatusCode::kDamagedPdf, "predictor parameters out of range");
  }
  const size_t row = (static_cast<size_t>(columns) * colors * bpc + 7) / 8;
  const size_t bpp = std::max<size_t>(1, static_cast<size_t>(colors) * bpc / 8);
  std::string out;
  if (predictor == 2) {
    if (bpc != 8) return Error(StatusCode::kUnsupported, "TIFF predictor on samples that are not 8-bit");
    out = in;
    for (size_t start = 0; start + row <= out.size(); start += row) {
      for (size_t i = bpp; i < row; ++i) out[start + i] = static_cast<char>(out[start + i] + out[start + i - bpp]);
    }
    return out;
  }
  if (predictor < 10) return Error(StatusCode::kUnsupported, "unknown predictor " + std::to_string(predictor));
  std::vector<uint8_t> previous(row, 0), current(row, 0);
  out.reserve(in.size());
  for (size_t at = 0; at + 1 + row <= in.size(); at += 1 + row) {
    const int type = static_cast<uint8_t>(in[at]);
    for (size_t i = 0; i < row; ++i) {
      const int raw = static_cast<uint8_t>(in[at + 1 + i]);
      const int a = i >= bpp ? current[i - bpp] : 0, b = previous[i], c = i >= bpp ? previous[i - bpp] : 0;
      int predicted = 0;
      switch (type) {
        case 0: break;
        case 1: predicted = a; break;
        case 2: predicted = b; break;
        case 3: predicted = (a + b) / 2; break;
        case 4: {
          const int p = a + b - c, pa = std::abs(p - a), pb = std::abs(p - b), pc = std::abs(p - c);
          predicted = (pa <= pb && pa <= pc) ? a : (pb <= pc ? b : c);
          break;
        }
        default:
          return Error(StatusCode::kDamagedPdf, "PNG predictor row of unknown type " + std::to_string(type));
      }
      current[i] = static_cast<uint8_t>(raw + predicted);
    }
    out.append(reinterpret_cast<const char*>(current.data()), row);
    std::swap(previous, current);
  }
  return out;
}

}  // namespace

StatusOr<std::string> RawStreamData(const PdfObject* obj) {
  obj = Resolve(obj);
  if (!obj || !obj->HasStream()) return Error(StatusCode::kDamagedPdf, Describe(obj) + ": expected a stream");
  std::string raw;
  Status s = Guard(Describe(obj), [&]() -> Status {
    char* data = nullptr;
    PoDoFo::pdf_long length = 0;
    obj->GetStream()->GetCopy(&data, &length);
    raw.assign(data ? data : "", static_cast<size_t>(length));
    PoDoFo::podofo_free(data);
    return Status::Ok();
  });
  if (!s.ok()) return Error(s);
  return raw;
}

StatusOr<std::string> ReadStream(const PdfObject* obj, size_t max_bytes) {
  obj = Resolve(obj);
  const std::string where = Describe(obj);
  if (!obj || !obj->HasStream()) {
    return Error(StatusCode::kDamagedPdf, where + ": expected a stream");
  }
  const auto filters = StreamFilters(obj);
  bool predicted = false;
  for (const auto& f : filters) predicted |= Predictor(f.second) >= 2;
  std::string out;
  Status s = Guard(where, [&]() -> Status {
    if (predicted) {
      // Our own predictor decoding: see Unpredict.
      StatusOr<std::string> bytes = RawStreamData(obj);
      if (!bytes) return bytes.error();
      StatusOr<std::string> decoded = DecodeFilters(std::move(*bytes), filters, max_bytes);
      if (!decoded) return Status(decoded.error().code(), where + ": " + decoded.error().message());
      out = std::move(*decoded);
      return Status::Ok();
    }
    LimitedStringOutput sink(&out, max_bytes);
    try {
      obj->GetStream()->GetFilteredCopy(&sink);
    } catch (const PoDoFo::PdfError&) {
      if (!sink.exceeded()) throw;
      return Status(StatusCode::kResource,
                    where + ": decoded stream larger than the limit of " +
                        std::to_string(max_bytes >> 20) + " MiB ([limits] max_stream_mb)");
    }
    return Status::Ok();
  });
  if (!s.ok()) return Error(s);
  return out;
}

StatusOr<std::string> DecodeFilters(
    std::string raw, const std::vector<std::pair<std::string, const PdfObject*>>& filters,
    size_t max_bytes) {
  for (const auto& filter_entry : filters) {
    const std::string& name = filter_entry.first;
    const PdfObject* parms = filter_entry.second;
    const std::string context = "stream filter " + name.substr(0, 32);
    PoDoFo::EPdfFilter type = PoDoFo::ePdfFilter_None;
    if (name == "ASCIIHexDecode" || name == "AHx") type = PoDoFo::ePdfFilter_ASCIIHexDecode;
    else if (name == "ASCII85Decode" || name == "A85") type = PoDoFo::ePdfFilter_ASCII85Decode;
    else if (name == "LZWDecode" || name == "LZW") type = PoDoFo::ePdfFilter_LZWDecode;
    else if (name == "FlateDecode" || name == "Fl") type = PoDoFo::ePdfFilter_FlateDecode;
    else if (name == "RunLengthDecode" || name == "RL") type = PoDoFo::ePdfFilter_RunLengthDecode;
    else return Error(StatusCode::kUnsupported, context + " not supported here");
    std::string out;
    Status s = Guard(context, [&]() -> Status {
      std::unique_ptr<PoDoFo::PdfFilter> filter(PoDoFo::PdfFilterFactory::Create(type));
      if (!filter) return Status(StatusCode::kUnsupported, context + " not available");
      LimitedStringOutput sink(&out, max_bytes);
      // Predictors are undone below, not by PoDoFo.
      const PoDoFo::PdfDictionary* dict =
          parms && parms->IsDictionary() && Predictor(parms) < 2 ? &parms->GetDictionary() : nullptr;
      try {
        filter->BeginDecode(&sink, dict);
        filter->DecodeBlock(raw.data(), static_cast<PoDoFo::pdf_long>(raw.size()));
        filter->EndDecode();
      } catch (const PoDoFo::PdfError&) {
        if (!sink.exceeded()) throw;
        return Status(StatusCode::kResource, context + ": decoded data larger than the limit of " +
                                                 std::to_string(max_bytes >> 20) +
                                                 " MiB ([limits] max_stream_mb)");
      }
      return Status::Ok();
    });
    if (!s.ok()) return Error(s);
    if ((type == PoDoFo::ePdfFilter_FlateDecode || type == PoDoFo::ePdfFilter_LZWDecode) && Predictor(parms) >= 2) {
      StatusOr<std::string> unpredicted = Unpredict(out, parms);
      if (!unpredicted) return Error(unpredicted.error());
      out = std::move(*unpredicted);
    }
    raw = std::move(out);
  }
  return raw;
}

namespace {

// zlib data inflated until it ends or breaks. Errors: kResource past
// max_bytes, kDamagedPdf when zlib cannot start.
StatusOr<PartialStream> InflateUntilBroken(std::string_view in, size_t max_bytes) {
  z_stream z{};
  if (inflateInit(&z) != Z_OK) return Error(StatusCode::kDamagedPdf, "zlib cannot start");
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  z.avail_in = static_cast<uInt>(std::min<size_t>(in.size(), UINT32_MAX));
  PartialStream out;
  char chunk[1 << 16];
  int rc = Z_OK;
  while (rc == Z_OK) {
    z.next_out = reinterpret_cast<Bytef*>(chunk);
    z.avail_out = sizeof chunk;
    rc = inflate(&z, Z_NO_FLUSH);
    const size_t made = sizeof chunk - z.avail_out;
    if (out.data.size() + made > max_bytes) {
      inflateEnd(&z);
      return Error(StatusCode::kResource, "decoded stream larger than the limit of " +
                                              std::to_string(max_bytes >> 20) + " MiB ([limits] max_stream_mb)");
    }
    out.data.append(chunk, made);
  }
  if (rc != Z_STREAM_END) {
    out.truncated = true;
    out.why = rc == Z_BUF_ERROR ? "the compressed data ends early" : (z.msg ? z.msg : "zlib error " + std::to_string(rc));
  }
  inflateEnd(&z);
  return out;
}

bool IsFlate(const std::string& filter) { return filter == "FlateDecode" || filter == "Fl"; }

}  // namespace

std::vector<const PdfObject*> ContentParts(const PdfObject* page) {
  std::vector<const PdfObject*> parts;
  const PdfObject* contents = DictGet(page, "Contents");
  if (!contents) return parts;
  if (const PoDoFo::PdfArray* arr = AsArray(contents)) {
    for (const PdfObject& item : *arr) parts.push_back(Resolve(&item));
  } else {
    parts.push_back(contents);
  }
  return parts;
}

StatusOr<PartialStream> ReadStreamAsFarAsItDecodes(const PdfObject* obj, size_t max_bytes) {
  StatusOr<std::string> whole = ReadStream(obj, max_bytes);
  if (whole) return PartialStream{std::move(*whole), false, ""};
  obj = Resolve(obj);
  auto filters = StreamFilters(obj);
  if (whole.error().code() != StatusCode::kDamagedPdf || filters.empty() || !IsFlate(filters.back().first) ||
      Predictor(filters.back().second) >= 2) {
    return Error(whole.error());
  }
  StatusOr<std::string> raw = RawStreamData(obj);
  if (!raw) return Error(whole.error());
  filters.pop_back();
  StatusOr<std::string> deflated = DecodeFilters(std::move(*raw), filters, max_bytes);
  if (!deflated) return Error(whole.error());
  StatusOr<PartialStream> inflated = InflateUntilBroken(*deflated, max_bytes);
  if (!inflated) {
    if (inflated.error().code() == StatusCode::kResource) {
      return Error(StatusCode::kResource, Describe(obj) + ": " + inflated.error().message());
    }
    return Error(whole.error());
  }
  if (inflated->data.empty()) return Error(whole.error());
  return inflated;
}

std::string Describe(const PdfObject* obj) {
  if (!obj) return "missing object";
  const PoDoFo::PdfReference& ref = obj->Reference();
  if (ref.ObjectNumber() == 0) return "direct object";
  return "object " + std::to_string(ref.ObjectNumber()) + " " +
         std::to_string(ref.GenerationNumber()) + " R";
}

std::string Address(const PdfObject* obj, const std::string& path) {
  if (!obj) return path;
  const PoDoFo::PdfReference& ref = obj->Reference();
  if (ref.ObjectNumber() == 0) return path;
  return std::to_string(ref.ObjectNumber()) + " " + std::to_string(ref.GenerationNumber()) + " R";
}

}  // namespace redact::pdf
