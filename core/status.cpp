#include "core/status.h"

namespace redact {

std::string_view StatusCodeName(StatusCode code) {
  switch (code) {
    case StatusCode::kOk: return "ok";
    case StatusCode::kInvalidArgument: return "invalid-argument";
    case StatusCode::kNotFound: return "not-found";
    case StatusCode::kIo: return "io";
    case StatusCode::kWriteFailed: return "write-failed";
    case StatusCode::kNotPdf: return "not-pdf";
    case StatusCode::kDamagedPdf: return "damaged-pdf";
    case StatusCode::kPassword: return "password";
    case StatusCode::kUnsupported: return "unsupported";
    case StatusCode::kResource: return "resource-limit";
    case StatusCode::kLeakDetected: return "leak-detected";
    case StatusCode::kInterrupted: return "interrupted";
    case StatusCode::kInternal: return "internal";
  }
  return "unknown";
}

std::string Status::ToString() const {
  if (ok()) return "ok";
  std::string out(StatusCodeName(code_));
  out += ": ";
  out += message_;
  return out;
}

}  // namespace redact
