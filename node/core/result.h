// Errors are values. Every error carries a stable code (which the console
// translates into the user's language) and an English detail for logs.
#pragma once

#include <cassert>
#include <string>
#include <utility>
#include <variant>

namespace consortia {

enum class ErrorCode {
  kOk = 0,
  kInvalidArgument,   // bad input from a user or a config file
  kMalformed,         // bytes that do not decode to a valid object
  kUnsupportedVersion,
  kTooLarge,
  kBadSignature,
  kBadCertificate,    // a QC/TC whose signatures do not make a quorum
  kInvalidBlock,
  kUnknownParent,
  kDuplicate,
  kNonceTooLow,
  kNonceTooHigh,
  kMempoolFull,
  kNotFound,
  kStorageIo,
  kStorageCorrupt,
  kCrypto,
  // Governance refusals (stored as receipts; the console translates them).
  kUnauthorised,       // signer is not an admin of an organisation allowed to act
  kExpired,            // the proposal's approval window has passed
  kQuorumAtRisk,       // the live validators could not reach quorum after the change
  kTooFewValidators,   // the change would leave fewer than 4 validators
  kConflict,           // e.g. an upgrade plan name used before, a version out of order
  kTooLate,            // e.g. cancelling an upgrade too close to its height
  kUnsupportedInVersion,  // a transaction kind the block's protocol version lacks
  kUnavailable,        // the node is down or cannot serve this now
};

const char* error_code_name(ErrorCode c);

struct Error {
  ErrorCode code = ErrorCode::kInvalidArgument;
  std::string detail;
  std::string to_string() const { return std::string(error_code_name(code)) + ": " + detail; }
};

inline Error make_error(ErrorCode c, std::string detail) { return Error{c, std::move(detail)}; }

template <class T>
class [[nodiscard]] Result {
 public:
  Result(T v) : v_(std::move(v)) {}
  Result(Error e) : v_(std::move(e)) {}
  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }
  T& value() & { assert(ok()); return std::get<0>(v_); }
  const T& value() const& { assert(ok()); return std::get<0>(v_); }
  T&& value() && { assert(ok()); return std::get<0>(std::move(v_)); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  const Error& error() const { assert(!ok()); return std::get<1>(v_); }

 private:
  std::variant<T, Error> v_;
};

template <>
class [[nodiscard]] Result<void> {
 public:
  Result() = default;
  Result(Error e) : err_(std::move(e)), ok_(false) {}
  bool ok() const { return ok_; }
  explicit operator bool() const { return ok_; }
  const Error& error() const { assert(!ok_); return err_; }

 private:
  Error err_;
  bool ok_ = true;
};

using Status = Result<void>;

}  // namespace consortia
