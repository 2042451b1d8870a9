#include "crypto/key_file.h"

#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

#include <charconv>
#include <stdexcept>
#include <vector>

namespace consortia {
namespace {

constexpr std::string_view kMagic = "consortia-key v1";
constexpr uint32_t kIterations = 100000;
constexpr uint32_t kMaxIterations = 10'000'000;  // a file cannot make us spin for minutes
constexpr size_t kSaltSize = 16;
constexpr size_t kKeySize = 16;  // SM4
constexpr size_t kIvSize = 16;
constexpr size_t kMaxCiphertext = 256;

struct CipherCtxFree {
  void operator()(EVP_CIPHER_CTX* p) const { EVP_CIPHER_CTX_free(p); }
};
using CipherCtx = std::unique_ptr<EVP_CIPHER_CTX, CipherCtxFree>;

// Wipes a secret buffer when it goes out of scope.
struct Wipe {
  Bytes& b;
  ~Wipe() { OPENSSL_cleanse(b.data(), b.size()); }
};

Error malformed(std::string why) {
  return make_error(ErrorCode::kMalformed, "key file: " + std::move(why));
}
Error wrong_passphrase() { return make_error(ErrorCode::kInvalidArgument, "wrong passphrase"); }

bool derive_key(std::string_view passphrase, ByteView salt, uint32_t iterations, Bytes& key) {
  key.assign(kKeySize, 0);
  return PKCS5_PBKDF2_HMAC(passphrase.data(), static_cast<int>(passphrase.size()), salt.data(),
                           static_cast<int>(salt.size()), static_cast<int>(iterations),
                           EVP_sm3(), static_cast<int>(key.size()), key.data()) == 1;
}

// SM4-CBC with PKCS#7 padding. Returns false on any failure (for decryption,
// most wrong keys end here with a padding error).
bool sm4_cbc(bool encrypt, ByteView key, ByteView iv, ByteView in, Bytes& out) {
  CipherCtx ctx(EVP_CIPHER_CTX_new());
  if (!ctx) return false;
  if (EVP_CipherInit_ex(ctx.get(), EVP_sm4_cbc(), nullptr, key.data(), iv.data(),
                        encrypt ? 1 : 0) != 1)
    return false;
  out.assign(in.size() + kIvSize, 0);
  int n1 = 0, n2 = 0;
  static const uint8_t kEmpty = 0;
  if (EVP_CipherUpdate(ctx.get(), out.data(), &n1, in.empty() ? &kEmpty : in.data(),
                       static_cast<int>(in.size())) != 1 ||
      EVP_CipherFinal_ex(ctx.get(), out.data() + n1, &n2) != 1) {
    OPENSSL_cleanse(out.data(), out.size());
    out.clear();
    ERR_clear_error();
    return false;
  }
  out.resize(static_cast<size_t>(n1 + n2));
  return true;
}

std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> parts;
  size_t i = 0;
  while (i <= s.size()) {
    size_t j = s.find(sep, i);
    if (j == std::string_view::npos) j = s.size();
    parts.push_back(s.substr(i, j - i));
    i = j + 1;
  }
  return parts;
}

// "word value..." -> value if the line starts with the word and a space.
bool field(std::string_view line, std::string_view word, std::string_view& value) {
  if (line.size() <= word.size() || line.substr(0, word.size()) != word ||
      line[word.size()] != ' ')
    return false;
  value = line.substr(word.size() + 1);
  return true;
}

bool hex_field(std::string_view hex, Bytes& out) { return !hex.empty() && from_hex(hex, out); }

}  // namespace

std::string encode_key_file(const CryptoSuite& suite, const Signer& signer,
                            std::string_view passphrase) {
  std::string out;
  out += kMagic;
  out += "\nsuite ";
  out += suite.name();
  out += "\npublic " + to_hex(signer.public_key()) + "\n";
  Bytes priv = signer.private_key();
  Wipe wipe_priv{priv};
  if (passphrase.empty()) {
    std::string hex = to_hex(priv);
    out += "private " + hex + "\n";
    OPENSSL_cleanse(hex.data(), hex.size());
    return out;
  }
  Bytes salt(kSaltSize), iv(kIvSize), key;
  Wipe wipe_key{key};
  if (RAND_bytes(salt.data(), static_cast<int>(salt.size())) != 1 ||
      RAND_bytes(iv.data(), static_cast<int>(iv.size())) != 1)
    throw std::runtime_error("key file: RAND_bytes failed");
  if (!derive_key(passphrase, salt, kIterations, key))
    throw std::runtime_error("key file: PBKDF2-HMAC-SM3 failed");
  Bytes ct;
  if (!sm4_cbc(true, key, iv, priv, ct)) throw std::runtime_error("key file: SM4-CBC failed");
  out += "cipher sm4-cbc pbkdf2-sm3 " + std::to_string(kIterations) + " " + to_hex(salt) + " " +
         to_hex(iv) + " " + to_hex(ct) + "\n";
  return out;
}

Result<LoadedKey> decode_key_file(std::string_view text, std::string_view passphrase) {
  std::vector<std::string_view> lines;
  for (std::string_view line : split(text, '\n')) {
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    lines.push_back(line);
  }
  if (lines.empty()) return malformed("empty");
  if (lines[0] != kMagic) {
    if (lines[0].substr(0, 15) == "consortia-key v")
      return make_error(ErrorCode::kUnsupportedVersion,
                        "key file: unsupported format '" + std::string(lines[0]) + "'");
    return malformed("not a consortia key file (first line must be '" + std::string(kMagic) +
                     "')");
  }
  if (lines.size() != 4)
    return malformed("expected 4 lines (header, suite, public, private or cipher), found " +
                     std::to_string(lines.size()));

  std::string_view v;
  if (!field(lines[1], "suite", v)) return malformed("second line must be 'suite <name>'");
  auto suite = suite_by_name(v);
  if (!suite) return malformed(suite.error().detail);
  const CryptoSuite& cs = **suite;

  Bytes pub;
  if (!field(lines[2], "public", v) || !hex_field(v, pub))
    return malformed("third line must be 'public <hex>'");
  if (pub.size() != cs.public_key_size())
    return malformed("public key is " + std::to_string(pub.size()) + " bytes, " +
                     std::string(cs.name()) + " uses " + std::to_string(cs.public_key_size()));

  LoadedKey loaded;
  loaded.suite = &cs;

  if (field(lines[3], "private", v)) {
    Bytes priv;
    Wipe wipe_priv{priv};
    if (!hex_field(v, priv)) return malformed("private key is not hex");
    auto signer = cs.signer_from_private(priv);
    if (!signer) return malformed(signer.error().detail);
    if ((*signer)->public_key() != pub)
      return malformed("public key does not match the private key");
    loaded.signer = std::move(*signer);
    return loaded;
  }

  if (!field(lines[3], "cipher", v))
    return malformed("fourth line must be 'private <hex>' or 'cipher ...'");
  auto parts = split(v, ' ');
  if (parts.size() != 6 || parts[0] != "sm4-cbc" || parts[1] != "pbkdf2-sm3")
    return malformed("cipher line must be 'cipher sm4-cbc pbkdf2-sm3 <iterations> <salt> <iv> "
                     "<ciphertext>'");
  uint32_t iterations = 0;
  auto [end, ec] = std::from_chars(parts[2].data(), parts[2].data() + parts[2].size(), iterations);
  if (ec != std::errc() || end != parts[2].data() + parts[2].size() || iterations == 0 ||
      iterations > kMaxIterations)
    return malformed("iteration count must be 1.." + std::to_string(kMaxIterations));
  Bytes salt, iv, ct;
  if (!hex_field(parts[3], salt) || salt.size() < 8 || salt.size() > 64)
    return malformed("salt must be 8..64 bytes of hex");
  if (!hex_field(parts[4], iv) || iv.size() != kIvSize) return malformed("IV must be 16 bytes of hex");
  if (!hex_field(parts[5], ct) || ct.empty() || ct.size() % 16 != 0 || ct.size() > kMaxCiphertext)
    return malformed("ciphertext must be a whole number of 16-byte blocks of hex");

  if (passphrase.empty())
    return make_error(ErrorCode::kInvalidArgument, "key file is encrypted: passphrase required");

  Bytes key, priv;
  Wipe wipe_key{key}, wipe_priv{priv};
  if (!derive_key(passphrase, salt, iterations, key))
    return make_error(ErrorCode::kCrypto, "key file: PBKDF2-HMAC-SM3 failed");
  if (!sm4_cbc(false, key, iv, ct, priv)) return wrong_passphrase();
  // A wrong key passes the padding check about once in 256 tries; then the
  // decoded key does not fit the suite or does not match the public key.
  auto signer = cs.signer_from_private(priv);
  if (!signer || (*signer)->public_key() != pub) return wrong_passphrase();
  loaded.signer = std::move(*signer);
  return loaded;
}

}  // namespace consortia
