// Status and StatusOr: how every redact function reports failure.
//
// A Status is a code plus a one-line message written for the person running
// the tool. Messages name the file, page or object concerned, never an
// identifier value found in a document (those would leak into logs).
// Success costs nothing: Status::Ok() holds no message.
//
// StatusOr<T> is Expected<T, Status>. Functions that can fail return one
// of the two and are [[nodiscard]]; no exception crosses a stage boundary.
//
// Expected<T, E> is the subset of C++23's std::expected that redact uses.
// It is our own because clang 14 (the compiler Debian 12 ships with
// libFuzzer) cannot compile libstdc++ 12's std::expected: it lacks
// conditionally trivial destructors. The fuzzing build needs clang.
//
// Thread-safety: values; copy freely.
#ifndef REDACT_CORE_STATUS_H_
#define REDACT_CORE_STATUS_H_

#include <concepts>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <variant>

namespace redact {

enum class StatusCode {
  kOk = 0,
  kInvalidArgument,  // usage errors, bad option values
  kNotFound,         // a file that does not exist
  kIo,               // cannot read a file
  kWriteFailed,      // cannot write an output (disk full, size limit, permissions)
  kNotPdf,           // the file is not a PDF at all
  kDamagedPdf,       // a PDF we cannot parse
  kPassword,         // encrypted; password missing or wrong
  kUnsupported,      // valid PDF using something we do not handle
  kResource,         // a limit (memory, depth, size) was exceeded
  kLeakDetected,     // verification found protected content in an output
  kInterrupted,      // stopped by the user (SIGINT, SIGTERM)
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

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

// The error side of an Expected (as std::unexpected).
template <typename E>
class Unexpected {
 public:
  explicit Unexpected(E error) : error_(std::move(error)) {}
  E& error() & { return error_; }
  const E& error() const& { return error_; }
  E&& error() && { return std::move(error_); }

 private:
  E error_;
};
template <typename E>
Unexpected(E) -> Unexpected<E>;

template <typename U>
inline constexpr bool kIsUnexpected = false;
template <typename G>
inline constexpr bool kIsUnexpected<Unexpected<G>> = true;

// A T or an E (as std::expected<T, E>). value() on an error throws
// std::logic_error: that is a bug in the caller, who must test first.
template <typename T, typename E>
class Expected {
 public:
  Expected()
    requires std::default_initializable<T>
      : v_(std::in_place_index<0>) {}

  template <typename U = T>
    requires(std::constructible_from<T, U &&> &&
             !std::same_as<std::remove_cvref_t<U>, Expected> &&
             !kIsUnexpected<std::remove_cvref_t<U>>)
  explicit(!std::is_convertible_v<U&&, T>) Expected(U&& value)
      : v_(std::in_place_index<0>, std::forward<U>(value)) {}

  template <typename G>
    requires std::constructible_from<E, const G&>
  Expected(const Unexpected<G>& error) : v_(std::in_place_index<1>, error.error()) {}
  template <typename G>
    requires std::constructible_from<E, G &&>
  Expected(Unexpected<G>&& error)
      : v_(std::in_place_index<1>, std::move(error).error()) {}

  bool has_value() const { return v_.index() == 0; }
  explicit operator bool() const { return has_value(); }

  T& operator*() & { return *std::get_if<0>(&v_); }
  const T& operator*() const& { return *std::get_if<0>(&v_); }
  T&& operator*() && { return std::move(*std::get_if<0>(&v_)); }
  T* operator->() { return std::get_if<0>(&v_); }
  const T* operator->() const { return std::get_if<0>(&v_); }

  T& value() & { return Checked(); }
  const T& value() const& { return const_cast<Expected*>(this)->Checked(); }
  T&& value() && { return std::move(Checked()); }

  template <typename U>
  T value_or(U&& fallback) const& {
    return has_value() ? **this : static_cast<T>(std::forward<U>(fallback));
  }
  template <typename U>
  T value_or(U&& fallback) && {
    return has_value() ? std::move(**this) : static_cast<T>(std::forward<U>(fallback));
  }

  E& error() & { return *std::get_if<1>(&v_); }
  const E& error() const& { return *std::get_if<1>(&v_); }
  E&& error() && { return std::move(*std::get_if<1>(&v_)); }

 private:
  T& Checked() {
    if (!has_value()) throw std::logic_error("Expected::value() called on an error");
    return *std::get_if<0>(&v_);
  }

  std::variant<T, E> v_;
};

template <typename T>
using StatusOr = Expected<T, Status>;

// Shorthand for returning an error from a function returning StatusOr<T>.
inline Unexpected<Status> Error(StatusCode code, std::string message) {
  return Unexpected(Status(code, std::move(message)));
}
inline Unexpected<Status> Error(Status status) {
  return Unexpected(std::move(status));
}

}  // namespace redact

#endif  // REDACT_CORE_STATUS_H_
