// Errors as values: every library function that can fail returns Result<T>.
//
//   zhreport::Result<Decoded> r = zhreport::decode(bytes);
//   if (!r) { print(r.error().message); return; }
//   use(r.value());
//
// The library never throws across its boundary, never prints and never exits: the apps
// decide what to print and which exit code to use.
#pragma once

#include <string>
#include <utility>
#include <variant>

namespace zhreport {

enum class ErrorCode {
  invalid_argument,  // a caller's option or name is not one we know
  io,                // a file could not be opened, read or written
  binary,            // the input is not text (NUL bytes outside UTF-16)
  encoding,          // the bytes could not be decoded at all
  too_large,         // a limit that protects the user was exceeded
  parse,             // a record (JSONL, CSV, state file) is malformed
};

struct Error {
  ErrorCode code;
  std::string message;  // one line, lower case, no trailing period
};

template <typename T>
class Result {
 public:
  Result(T value) : state_(std::move(value)) {}      // NOLINT: implicit on purpose
  Result(Error error) : state_(std::move(error)) {}  // NOLINT

  bool ok() const { return std::holds_alternative<T>(state_); }
  explicit operator bool() const { return ok(); }

  const T& value() const& { return std::get<T>(state_); }
  T& value() & { return std::get<T>(state_); }
  T&& value() && { return std::get<T>(std::move(state_)); }
  const T* operator->() const { return &value(); }
  T* operator->() { return &value(); }
  const Error& error() const { return std::get<Error>(state_); }

 private:
  std::variant<T, Error> state_;
};

}  // namespace zhreport
