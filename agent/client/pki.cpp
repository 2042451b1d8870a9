#include "pki.h"

#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/pkcs12.h>
#include <openssl/rand.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <cstring>
#include <memory>

#include "crypto/crypto_suite.h"

namespace consortia::agent {
namespace {

// Hands OpenSSL the passphrase (with its length; NUL bytes and all), and
// nothing when there is none: OpenSSL's own callback would prompt on a
// terminal, and a daemon or a script would wait for it.
int passphrase_cb(char* buf, int size, int, void* u) {
  const auto* p = static_cast<const std::string*>(u);
  if (!p || p->empty() || p->size() > static_cast<size_t>(size)) return 0;
  std::memcpy(buf, p->data(), p->size());
  return static_cast<int>(p->size());
}


template <class T, void (*F)(T*)>
struct Deleter {
  void operator()(T* p) const { F(p); }
};
using KeyPtr = std::unique_ptr<EVP_PKEY, Deleter<EVP_PKEY, EVP_PKEY_free>>;
using CertPtr = std::unique_ptr<X509, Deleter<X509, X509_free>>;
using BioPtr = std::unique_ptr<BIO, Deleter<BIO, BIO_free_all>>;

Error fail(const std::string& what) { return make_error(ErrorCode::kCrypto, what); }

KeyPtr new_key() { return KeyPtr(EVP_EC_gen("P-256")); }

std::string to_pem(X509* c) {
  BioPtr b(BIO_new(BIO_s_mem()));
  PEM_write_bio_X509(b.get(), c);
  char* data = nullptr;
  long n = BIO_get_mem_data(b.get(), &data);
  return std::string(data, static_cast<size_t>(n));
}

std::string to_pem(EVP_PKEY* k) {
  BioPtr b(BIO_new(BIO_s_mem()));
  PEM_write_bio_PrivateKey(b.get(), k, nullptr, nullptr, 0, nullptr, nullptr);
  char* data = nullptr;
  long n = BIO_get_mem_data(b.get(), &data);
  return std::string(data, static_cast<size_t>(n));
}

bool add_ext(X509* cert, X509* issuer, int nid, const std::string& value) {
  X509V3_CTX ctx;
  X509V3_set_ctx_nodb(&ctx);
  X509V3_set_ctx(&ctx, issuer, cert, nullptr, nullptr, 0);
  X509_EXTENSION* ext = X509V3_EXT_conf_nid(nullptr, &ctx, nid, value.c_str());
  if (!ext) return false;
  bool ok = X509_add_ext(cert, ext, -1) == 1;
  X509_EXTENSION_free(ext);
  return ok;
}

CertPtr new_cert(const Subject& s, long seconds) {
  CertPtr c(X509_new());
  X509_set_version(c.get(), 2);
  unsigned char serial[16];
  RAND_bytes(serial, sizeof serial);
  serial[0] &= 0x7f;
  BIGNUM* bn = BN_bin2bn(serial, sizeof serial, nullptr);
  BN_to_ASN1_INTEGER(bn, X509_get_serialNumber(c.get()));
  BN_free(bn);
  X509_gmtime_adj(X509_getm_notBefore(c.get()), -3600);
  X509_gmtime_adj(X509_getm_notAfter(c.get()), seconds);
  X509_NAME* name = X509_get_subject_name(c.get());
  auto add = [&](const char* field, const std::string& v) {
    if (!v.empty())
      X509_NAME_add_entry_by_txt(name, field, MBSTRING_UTF8,
                                 reinterpret_cast<const unsigned char*>(v.c_str()), -1, -1, 0);
  };
  add("O", s.organisation);
  add("OU", s.unit);
  add("CN", s.common_name);
  return c;
}

Result<std::pair<CertPtr, KeyPtr>> read_pair(const KeyPair& kp) {
  BioPtr cb(BIO_new_mem_buf(kp.certificate_pem.data(), static_cast<int>(kp.certificate_pem.size())));
  CertPtr cert(PEM_read_bio_X509(cb.get(), nullptr, nullptr, nullptr));
  BioPtr kb(BIO_new_mem_buf(kp.key_pem.data(), static_cast<int>(kp.key_pem.size())));
  std::string none;
  KeyPtr key(PEM_read_bio_PrivateKey(kb.get(), nullptr, passphrase_cb, &none));
  if (!cert || !key) return fail("cannot read the CA certificate or key");
  return std::make_pair(std::move(cert), std::move(key));
}

std::string entry(X509_NAME* name, int nid) {
  int i = X509_NAME_get_index_by_NID(name, nid, -1);
  if (i < 0) return "";
  ASN1_STRING* d = X509_NAME_ENTRY_get_data(X509_NAME_get_entry(name, i));
  unsigned char* utf8 = nullptr;
  int n = ASN1_STRING_to_UTF8(&utf8, d);
  if (n < 0) return "";
  std::string out(reinterpret_cast<char*>(utf8), static_cast<size_t>(n));
  OPENSSL_free(utf8);
  return out;
}

}  // namespace

Result<KeyPair> make_ca(const std::string& organisation, int days) {
  KeyPtr key = new_key();
  if (!key) return fail("cannot generate a CA key");
  CertPtr c = new_cert({organisation + " CA", organisation, "ca"}, static_cast<long>(days) * 86400);
  X509_set_issuer_name(c.get(), X509_get_subject_name(c.get()));
  X509_set_pubkey(c.get(), key.get());
  if (!add_ext(c.get(), c.get(), NID_basic_constraints, "critical,CA:TRUE,pathlen:0") ||
      !add_ext(c.get(), c.get(), NID_key_usage, "critical,keyCertSign,cRLSign") ||
      !add_ext(c.get(), c.get(), NID_subject_key_identifier, "hash"))
    return fail("cannot add CA extensions");
  if (X509_sign(c.get(), key.get(), EVP_sha256()) == 0) return fail("cannot sign the CA certificate");
  return KeyPair{to_pem(c.get()), to_pem(key.get())};
}

namespace {

// A leaf certificate for `key`'s public half, signed by the CA.
Result<std::string> sign_leaf(const KeyPair& ca, const Subject& subject, const std::vector<std::string>& dns_names,
                              EVP_PKEY* key, long seconds) {
  auto pair = read_pair(ca);
  if (!pair) return pair.error();
  auto& [ca_cert, ca_key] = *pair;
  CertPtr c = new_cert(subject, seconds);
  X509_set_issuer_name(c.get(), X509_get_subject_name(ca_cert.get()));
  X509_set_pubkey(c.get(), key);
  std::string san;
  for (const auto& d : dns_names) san += (san.empty() ? "DNS:" : ",DNS:") + d;
  if (!add_ext(c.get(), ca_cert.get(), NID_basic_constraints, "critical,CA:FALSE") ||
      !add_ext(c.get(), ca_cert.get(), NID_key_usage, "critical,digitalSignature,keyEncipherment") ||
      !add_ext(c.get(), ca_cert.get(), NID_ext_key_usage, "serverAuth,clientAuth") ||
      !add_ext(c.get(), ca_cert.get(), NID_authority_key_identifier, "keyid") ||
      (!san.empty() && !add_ext(c.get(), ca_cert.get(), NID_subject_alt_name, san)))
    return fail("cannot add certificate extensions");
  if (X509_sign(c.get(), ca_key.get(), EVP_sha256()) == 0) return fail("cannot sign the certificate");
  return to_pem(c.get());
}

using ReqPtr = std::unique_ptr<X509_REQ, Deleter<X509_REQ, X509_REQ_free>>;

}  // namespace

Result<KeyPair> issue_certificate(const KeyPair& ca, const Subject& subject,
                                  const std::vector<std::string>& dns_names, int days) {
  KeyPtr key = new_key();
  if (!key) return fail("cannot generate a key");
  auto cert = sign_leaf(ca, subject, dns_names, key.get(), static_cast<long>(days) * 86400);
  if (!cert) return cert.error();
  return KeyPair{*cert, to_pem(key.get())};
}

Result<KeyPair> issue_short_lived_certificate(const KeyPair& ca, const Subject& subject,
                                              const std::vector<std::string>& dns_names, long seconds) {
  KeyPtr key = new_key();
  if (!key) return fail("cannot generate a key");
  auto cert = sign_leaf(ca, subject, dns_names, key.get(), seconds);
  if (!cert) return cert.error();
  return KeyPair{*cert, to_pem(key.get())};
}

Result<int64_t> certificate_not_after(const std::string& pem) {
  BioPtr b(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
  CertPtr cert(PEM_read_bio_X509(b.get(), nullptr, nullptr, nullptr));
  if (!cert) return make_error(ErrorCode::kMalformed, "not a PEM certificate");
  struct tm t {};
  if (ASN1_TIME_to_tm(X509_get0_notAfter(cert.get()), &t) != 1) {
    ERR_clear_error();
    return make_error(ErrorCode::kMalformed, "unreadable expiry");
  }
  return static_cast<int64_t>(timegm(&t));
}

Result<Hash32> certificate_fingerprint(const std::string& pem) {
  BioPtr b(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
  CertPtr cert(PEM_read_bio_X509(b.get(), nullptr, nullptr, nullptr));
  if (!cert) return make_error(ErrorCode::kMalformed, "not a PEM certificate");
  unsigned char* der = nullptr;
  int n = i2d_X509(cert.get(), &der);
  if (n <= 0) return make_error(ErrorCode::kMalformed, "unencodable certificate");
  Hash32 h = sha256(ByteView(der, static_cast<size_t>(n)));
  OPENSSL_free(der);
  return h;
}

Result<KeyPair> make_request(const Subject& subject, const std::string& key_pem) {
  KeyPtr key;
  if (key_pem.empty()) {
    key = new_key();
  } else {
    BioPtr kb(BIO_new_mem_buf(key_pem.data(), static_cast<int>(key_pem.size())));
    std::string none;
    key.reset(PEM_read_bio_PrivateKey(kb.get(), nullptr, passphrase_cb, &none));
  }
  if (!key) return fail("cannot generate or read the TLS key");
  ReqPtr req(X509_REQ_new());
  X509_REQ_set_version(req.get(), 0);
  X509_NAME* name = X509_REQ_get_subject_name(req.get());
  for (auto [field, v] : {std::pair{"O", &subject.organisation}, {"OU", &subject.unit}, {"CN", &subject.common_name}})
    if (!v->empty())
      X509_NAME_add_entry_by_txt(name, field, MBSTRING_UTF8, reinterpret_cast<const unsigned char*>(v->c_str()), -1,
                                 -1, 0);
  X509_REQ_set_pubkey(req.get(), key.get());
  if (X509_REQ_sign(req.get(), key.get(), EVP_sha256()) == 0) return fail("cannot sign the certificate request");
  BioPtr b(BIO_new(BIO_s_mem()));
  PEM_write_bio_X509_REQ(b.get(), req.get());
  char* data = nullptr;
  long n = BIO_get_mem_data(b.get(), &data);
  return KeyPair{std::string(data, static_cast<size_t>(n)), to_pem(key.get())};
}

Result<std::string> sign_request(const KeyPair& ca, const std::string& request_pem, const Subject& expected,
                                 const std::vector<std::string>& dns_names, int days) {
  if (request_pem.size() > 16 * 1024) return make_error(ErrorCode::kMalformed, "the certificate request is too large");
  BioPtr b(BIO_new_mem_buf(request_pem.data(), static_cast<int>(request_pem.size())));
  ReqPtr req(PEM_read_bio_X509_REQ(b.get(), nullptr, nullptr, nullptr));
  if (!req) return make_error(ErrorCode::kMalformed, "not a PEM certificate request");
  KeyPtr key(X509_REQ_get_pubkey(req.get()));
  if (!key || X509_REQ_verify(req.get(), key.get()) != 1)
    return make_error(ErrorCode::kMalformed, "the certificate request is not signed by its own key");
  X509_NAME* n = X509_REQ_get_subject_name(req.get());
  Subject asked{entry(n, NID_commonName), entry(n, NID_organizationName), entry(n, NID_organizationalUnitName)};
  if (asked.common_name != expected.common_name || asked.organisation != expected.organisation ||
      asked.unit != expected.unit)
    return make_error(ErrorCode::kUnauthorised, "the request asks for " + asked.common_name + " / " +
                                                    asked.organisation + " / " + asked.unit + ", not " +
                                                    expected.common_name + " / " + expected.organisation + " / " +
                                                    expected.unit);
  return sign_leaf(ca, expected, dns_names, key.get(), static_cast<long>(days) * 86400);
}

Result<std::string> read_private_key(const std::string& pem, const std::string& passphrase) {
  BioPtr kb(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
  std::string pass = passphrase;
  KeyPtr key(PEM_read_bio_PrivateKey(kb.get(), nullptr, passphrase_cb, &pass));
  if (!key)
    return make_error(ErrorCode::kCrypto, passphrase.empty() ? "not a private key, or it needs a passphrase"
                                                             : "not a private key, or the passphrase is wrong");
  return to_pem(key.get());
}

Result<std::string> encrypt_private_key(const std::string& pem, const std::string& passphrase) {
  if (passphrase.empty()) return make_error(ErrorCode::kInvalidArgument, "an empty passphrase");
  BioPtr kb(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
  if (passphrase.size() >= PEM_BUFSIZE) return make_error(ErrorCode::kInvalidArgument, "the passphrase is too long");
  std::string none;
  KeyPtr key(PEM_read_bio_PrivateKey(kb.get(), nullptr, passphrase_cb, &none));
  if (!key) return make_error(ErrorCode::kCrypto, "not a private key, or encrypted already");
  // PBES2: AES-256-CBC, the key from PBKDF2-HMAC-SHA256 with a slow count.
  constexpr int kIterations = 200'000;
  X509_ALGOR* alg = PKCS5_pbe2_set_iv(EVP_aes_256_cbc(), kIterations, nullptr, 0, nullptr, NID_hmacWithSHA256);
  PKCS8_PRIV_KEY_INFO* p8 = alg ? EVP_PKEY2PKCS8(key.get()) : nullptr;
  X509_SIG* sealed = p8 ? PKCS8_set0_pbe(passphrase.data(), static_cast<int>(passphrase.size()), p8, alg) : nullptr;
  if (p8) PKCS8_PRIV_KEY_INFO_free(p8);
  if (!sealed) {
    if (alg) X509_ALGOR_free(alg);  // owned by `sealed` only once made
    return make_error(ErrorCode::kCrypto, "cannot encrypt the key");
  }
  BioPtr out(BIO_new(BIO_s_mem()));
  bool written = PEM_write_bio_PKCS8(out.get(), sealed) == 1;
  X509_SIG_free(sealed);
  if (!written) return make_error(ErrorCode::kCrypto, "cannot encrypt the key");
  char* data = nullptr;
  long n = BIO_get_mem_data(out.get(), &data);
  return std::string(data, static_cast<size_t>(n));
}

Result<Subject> certificate_subject(const std::string& pem) {
  BioPtr b(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
  CertPtr cert(PEM_read_bio_X509(b.get(), nullptr, nullptr, nullptr));
  if (!cert) return make_error(ErrorCode::kMalformed, "not a PEM certificate");
  X509_NAME* n = X509_get_subject_name(cert.get());
  return Subject{entry(n, NID_commonName), entry(n, NID_organizationName),
                 entry(n, NID_organizationalUnitName)};
}

std::string organisation_ca(const std::string& bundle_pem, const std::string& organisation) {
  std::string out;
  BioPtr b(BIO_new_mem_buf(bundle_pem.data(), static_cast<int>(bundle_pem.size())));
  while (CertPtr cert{PEM_read_bio_X509(b.get(), nullptr, nullptr, nullptr)}) {
    if (entry(X509_get_subject_name(cert.get()), NID_organizationName) != organisation) continue;
    BioPtr mem(BIO_new(BIO_s_mem()));
    PEM_write_bio_X509(mem.get(), cert.get());
    char* data = nullptr;
    long n = BIO_get_mem_data(mem.get(), &data);
    out.append(data, static_cast<size_t>(n));
  }
  ERR_clear_error();  // the end of the bundle reads as an error
  return out;
}

Status key_matches_certificate(const std::string& key_pem, const std::string& certificate_pem) {
  BioPtr kb(BIO_new_mem_buf(key_pem.data(), static_cast<int>(key_pem.size())));
  std::string none;
  KeyPtr key(PEM_read_bio_PrivateKey(kb.get(), nullptr, passphrase_cb, &none));
  BioPtr cb(BIO_new_mem_buf(certificate_pem.data(), static_cast<int>(certificate_pem.size())));
  CertPtr cert(PEM_read_bio_X509(cb.get(), nullptr, nullptr, nullptr));
  if (!key) return make_error(ErrorCode::kMalformed, "not a private key (or still encrypted)");
  if (!cert) return make_error(ErrorCode::kMalformed, "unreadable certificate");
  if (X509_check_private_key(cert.get(), key.get()) != 1)
    return make_error(ErrorCode::kUnauthorised, "the key is not the certificate's");
  return {};
}

Status verify_issued_by(const std::string& certificate_pem, const std::string& ca_pem) {
  BioPtr cb(BIO_new_mem_buf(certificate_pem.data(), static_cast<int>(certificate_pem.size())));
  CertPtr cert(PEM_read_bio_X509(cb.get(), nullptr, nullptr, nullptr));
  BioPtr ab(BIO_new_mem_buf(ca_pem.data(), static_cast<int>(ca_pem.size())));
  CertPtr ca(PEM_read_bio_X509(ab.get(), nullptr, nullptr, nullptr));
  if (!cert || !ca) return make_error(ErrorCode::kMalformed, "unreadable certificate");
  if (X509_NAME_cmp(X509_get_issuer_name(cert.get()), X509_get_subject_name(ca.get())) != 0)
    return make_error(ErrorCode::kUnauthorised, "issued by another CA");
  KeyPtr key(X509_get_pubkey(ca.get()));
  if (!key || X509_verify(cert.get(), key.get()) != 1)
    return make_error(ErrorCode::kUnauthorised, "its signature is not its organisation CA's");
  return {};
}

}  // namespace consortia::agent
