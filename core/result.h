#pragma once
/// Result<T>: a value or an error message, for I/O, HTTP and parsing, where failure is expected;
/// Result<void> for success without a value. verigen's one error style for expected failures.

#include <string>
#include <utility>
#include <variant>

namespace verigen {

/// An expected failure: one line a user can act on (it should name the file and place).
struct Failure {
  std::string message;
};

/// Holds either a T or a Failure. Access the value only after checking ok().
template <typename T>
class Result {
 public:
  Result(T value) : data_(std::move(value)) {}            // NOLINT: implicit by design
  Result(Failure failure) : data_(std::move(failure)) {}  // NOLINT: implicit by design

  bool ok() const { return data_.index() == 0; }
  explicit operator bool() const { return ok(); }

  T& value() & { return std::get<0>(data_); }
  const T& value() const& { return std::get<0>(data_); }
  T&& value() && { return std::get<0>(std::move(data_)); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

  /// The failure message; only valid when !ok().
  const std::string& error() const { return std::get<1>(data_).message; }

 private:
  std::variant<T, Failure> data_;
};

/// Success without a value, or a Failure: for operations done for their effect (writing a
/// file, recording a sample). `return {};` is success.
template <>
class Result<void> {
 public:
  Result() = default;
  Result(Failure failure)
      : failure_(std::move(failure)), ok_(false) {}  // NOLINT: implicit by design

  bool ok() const { return ok_; }
  explicit operator bool() const { return ok_; }

  /// The failure message; only valid when !ok().
  const std::string& error() const { return failure_.message; }

 private:
  Failure failure_;
  bool ok_ = true;
};

/// Builds a Failure from a message.
inline Failure fail(std::string message) { return Failure{std::move(message)}; }

}  // namespace verigen
