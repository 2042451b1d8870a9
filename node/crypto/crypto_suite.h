// Crypto suites, chosen in genesis. Everything goes through OpenSSL 3:
//   ed25519-sha256 — Ed25519 signatures, SHA-256 digests;
//   sm2-sm3        — 国密: SM2 signatures with an explicit signer ID
//                    (default "1234567812345678", GB/T 32918), SM3 digests.
// Signatures have a fixed size per suite (SM2 is carried as r||s, 64 bytes)
// so that message sizes do not depend on signature randomness.
// verify() returns false for any malformed key or signature; an internal
// OpenSSL failure (out of memory, broken installation) throws std::runtime_error.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "core/bytes.h"
#include "core/result.h"

namespace consortia {

enum class SuiteId : uint8_t { kEd25519Sha256 = 1, kSm2Sm3 = 2 };

class Signer {
 public:
  virtual ~Signer() = default;
  virtual Bytes sign(ByteView msg) const = 0;
  virtual const Bytes& public_key() const = 0;
  // Raw private key material (Ed25519 seed or SM2 scalar), for key files.
  virtual Bytes private_key() const = 0;
};

class CryptoSuite {
 public:
  virtual ~CryptoSuite() = default;
  virtual SuiteId id() const = 0;
  virtual std::string_view name() const = 0;
  virtual Hash32 hash(ByteView data) const = 0;
  virtual bool verify(ByteView public_key, ByteView msg, ByteView signature) const = 0;
  // Deterministic key from 32 bytes of seed material (tests, simulator,
  // sandbox networks). A production key comes from generate().
  virtual std::unique_ptr<Signer> signer_from_seed(const Hash32& seed) const = 0;
  virtual Result<std::unique_ptr<Signer>> signer_from_private(ByteView private_key) const = 0;
  virtual std::unique_ptr<Signer> generate() const = 0;
  virtual size_t public_key_size() const = 0;
  virtual size_t signature_size() const = 0;

  NodeId node_id(ByteView public_key) const { return hash(public_key); }
};

const CryptoSuite& ed25519_sha256();
const CryptoSuite& sm2_sm3();
Result<const CryptoSuite*> suite_by_name(std::string_view name);
Result<const CryptoSuite*> suite_by_id(uint8_t id);

// SM3 and SHA-256 directly, for callers outside a suite (key files, proofs).
Hash32 sha256(ByteView data);
Hash32 sm3(ByteView data);

// The signer ID bound into SM2 signatures (GB/T 32918 default).
inline constexpr std::string_view kSm2DefaultId = "1234567812345678";

// SM2 with an explicit signer ID other than the default (interoperability
// checks, tests). sm2_sign_with_id returns an empty signature unless the
// signer comes from sm2_sm3(); both use the 64-byte r||s form.
Bytes sm2_sign_with_id(const Signer& signer, ByteView msg, std::string_view id);
bool sm2_verify_with_id(ByteView public_key, ByteView msg, ByteView signature,
                        std::string_view id);

}  // namespace consortia
