#include "core/result.h"

namespace consortia {

const char* error_code_name(ErrorCode c) {
  switch (c) {
    case ErrorCode::kOk: return "ok";
    case ErrorCode::kInvalidArgument: return "invalid_argument";
    case ErrorCode::kMalformed: return "malformed";
    case ErrorCode::kUnsupportedVersion: return "unsupported_version";
    case ErrorCode::kTooLarge: return "too_large";
    case ErrorCode::kBadSignature: return "bad_signature";
    case ErrorCode::kBadCertificate: return "bad_certificate";
    case ErrorCode::kInvalidBlock: return "invalid_block";
    case ErrorCode::kUnknownParent: return "unknown_parent";
    case ErrorCode::kDuplicate: return "duplicate";
    case ErrorCode::kNonceTooLow: return "nonce_too_low";
    case ErrorCode::kNonceTooHigh: return "nonce_too_high";
    case ErrorCode::kMempoolFull: return "mempool_full";
    case ErrorCode::kNotFound: return "not_found";
    case ErrorCode::kStorageIo: return "storage_io";
    case ErrorCode::kStorageCorrupt: return "storage_corrupt";
    case ErrorCode::kCrypto: return "crypto";
    case ErrorCode::kUnauthorised: return "unauthorised";
    case ErrorCode::kExpired: return "expired";
    case ErrorCode::kQuorumAtRisk: return "quorum_at_risk";
    case ErrorCode::kTooFewValidators: return "too_few_validators";
    case ErrorCode::kConflict: return "conflict";
    case ErrorCode::kTooLate: return "too_late";
    case ErrorCode::kUnsupportedInVersion: return "unsupported_in_version";
    case ErrorCode::kUnavailable: return "unavailable";
  }
  return "unknown";
}

}  // namespace consortia
