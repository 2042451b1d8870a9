// Node key files. A plain key file holds the suite name and the hex private
// key; an encrypted one (recommended for sm2-sm3) holds the key encrypted with
// SM4-CBC under a key derived from a passphrase by PBKDF2-HMAC-SM3.
//
//   consortia-key v1
//   suite sm2-sm3
//   public <hex>
//   private <hex>                 (plain)
//   cipher sm4-cbc pbkdf2-sm3 <iterations> <salt hex> <iv hex> <ciphertext hex>   (encrypted)
#pragma once

#include <memory>
#include <string>

#include "crypto/crypto_suite.h"

namespace consortia {

struct LoadedKey {
  const CryptoSuite* suite = nullptr;
  std::unique_ptr<Signer> signer;
};

// An empty passphrase writes a plain key file.
std::string encode_key_file(const CryptoSuite& suite, const Signer& signer,
                            std::string_view passphrase);
// Fails with kInvalidArgument for a wrong passphrase and kMalformed for a
// damaged file; the public key line is checked against the decoded key.
Result<LoadedKey> decode_key_file(std::string_view text, std::string_view passphrase);

}  // namespace consortia
