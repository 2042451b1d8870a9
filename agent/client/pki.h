// The certificates of a consortium network: each organisation has its own
// CA; node certificates carry the node id (CN), the organisation (O) and
// "node" (OU); client certificates for the console and operators carry the
// user (CN), organisation (O) and role (OU: viewer, operator, admin).
// TLS keys are ECDSA P-256, apart from the chain's signing keys.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/bytes.h"
#include "core/result.h"

namespace consortia::agent {

struct KeyPair {
  std::string certificate_pem;
  std::string key_pem;
};

struct Subject {
  std::string common_name;
  std::string organisation;
  std::string unit;
};

Result<KeyPair> make_ca(const std::string& organisation, int days = 3650);
// A leaf certificate signed by `ca`, for TLS server and client use;
// `dns_names` go into the subjectAltName (peers verify against one of them).
Result<KeyPair> issue_certificate(const KeyPair& ca, const Subject& subject,
                                  const std::vector<std::string>& dns_names, int days = 825);
// As issue_certificate, valid for `seconds` from now.
Result<KeyPair> issue_short_lived_certificate(const KeyPair& ca, const Subject& subject,
                                              const std::vector<std::string>& dns_names, long seconds);
// When a PEM certificate (the first in the text) expires: seconds since the epoch.
Result<int64_t> certificate_not_after(const std::string& pem);
// The SHA-256 of a PEM certificate's DER encoding (the first in the text):
// what governance revokes it by.
Result<Hash32> certificate_fingerprint(const std::string& pem);
// A certificate request (PKCS#10, PEM) for `subject`, with a new P-256 key
// or the given one: {request, key}. A node host makes it; its key stays there.
Result<KeyPair> make_request(const Subject& subject, const std::string& key_pem = "");
// Signs a request whose subject is exactly `expected` (its self-signature
// checked) with the CA: the certificate, PEM.
Result<std::string> sign_request(const KeyPair& ca, const std::string& request_pem, const Subject& expected,
                                 const std::vector<std::string>& dns_names, int days = 825);
// A PEM private key encrypted with `passphrase` (PKCS#8, AES-256-CBC under
// PBKDF2: `openssl pkey` opens it too).
Result<std::string> encrypt_private_key(const std::string& pem, const std::string& passphrase);
// A PEM private key, decrypted with `passphrase` when it is encrypted.
Result<std::string> read_private_key(const std::string& pem, const std::string& passphrase);
// The subject of a PEM certificate (the first one in the text).
Result<Subject> certificate_subject(const std::string& pem);
// Whether `certificate_pem` was issued (signed) by the CA in `ca_pem`. TLS
// accepts any CA of the network's bundle; this pins a certificate to the CA
// of the organisation it claims.
Status verify_issued_by(const std::string& certificate_pem, const std::string& ca_pem);
// The certificates of a PEM bundle whose subject names `organisation` (O),
// as PEM; empty when there is none.
std::string organisation_ca(const std::string& bundle_pem, const std::string& organisation);
// Whether the (decrypted) private key `key_pem` is the key of the
// certificate in `certificate_pem`: a CA key given for signing is checked
// before anything is signed with it.
Status key_matches_certificate(const std::string& key_pem, const std::string& certificate_pem);

}  // namespace consortia::agent
