// Status and StatusOr: how every redact function reports failure.
//
// A Status is a code plus a one-line message written for the person running
// the tool. Messages name the file, page or object concerned, never an
// identifier value found in a document (those would leak into logs).
// Success costs nothing: Status::Ok() holds no message.
//
// StatusOr<T> is std::expected<T, Status>. Functions that can fail return one
// of the two and are [[nodiscard]]; no exception crosses a stage boundary.
//
// Thread-safety: values; copy freely.
#ifndef REDACT_PIPELINE_STATUS_H_
#define REDACT_PIPELINE_STATUS_H_

#include <expected>
#include <string>
#include <string_view>
#include <utility>

namespace redact {

enum class StatusCode {
  kOk = 0,
  kInvalidArgument,  // usage errors, bad option values
  kNotFound,         // a file that does not exist
  kIo,               // cannot read or write a file
  kNotPdf,           // the file is not a PDF at all
  kDamagedPdf,       // a PDF we cannot parse
  kPassword,         // encrypted; password missing or wrong
  kUnsupported,      // valid PDF using something we do not handle
  kResource,         // a limit (memory, depth, size) was exceeded
  kLeakDetected,     // verification found protected content in an output
  kInternal,         // a bug in redact
};

// Short stable name of a code ("damaged-pdf"), for reports and messages.
std::string_view StatusCodeName(StatusCode code);

class [[nodiscard]] Status {
 public:
  Status() = default;  // OK
  Status(StatusCode code, std::string message)
      : code_(code), message_(std::move(message)) {}

  static Status Ok() { return Status(); }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }

  // "damaged-pdf: <message>".
  std::string ToString() const;

  // Returns a copy whose message is "<prefix>: <message>".
  Status WithContext(std::string_view prefix) const;

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

template <typename T>
using StatusOr = std::expected<T, Status>;

// Shorthand for returning an error from a function returning StatusOr<T>.
inline std::unexpected<Status> Error(StatusCode code, std::string message) {
  return std::unexpected(Status(code, std::move(message)));
}
inline std::unexpected<Status> Error(Status status) {
  return std::unexpected(std::move(status));
}

}  // namespace redact

#endif  // REDACT_PIPELINE_STATUS_H_
