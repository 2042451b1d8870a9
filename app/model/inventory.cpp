#include "model/inventory.h"

#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include <sqlite3.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

namespace consortia::console {
namespace {

constexpr const char* kSchema =
    "CREATE TABLE IF NOT EXISTS networks(name TEXT PRIMARY KEY, ca_bundle TEXT NOT NULL, certificate TEXT NOT NULL,"
    " key TEXT NOT NULL, operator_certificate TEXT NOT NULL DEFAULT '', operator_key TEXT NOT NULL DEFAULT '',"
    " genesis TEXT NOT NULL DEFAULT '', added_ms INTEGER NOT NULL);"
    "CREATE TABLE IF NOT EXISTS network_agents(network TEXT NOT NULL, name TEXT NOT NULL, address TEXT NOT NULL,"
    " position INTEGER NOT NULL, PRIMARY KEY(network, name));";

std::string col(sqlite3_stmt* s, int i) {
  auto* p = sqlite3_column_text(s, i);
  return p ? reinterpret_cast<const char*>(p) : "";
}

bool file_has(const std::string& path, const char* marker, InventoryError* error, InventoryError::File which) {
  std::ifstream in(path);
  if (!in) {
    if (error) *error = {InventoryError::Code::kCannotRead, path, which, ""};
    return false;
  }
  std::stringstream ss;
  ss << in.rdbuf();
  if (ss.str().find(marker) == std::string::npos) {
    if (error) *error = {InventoryError::Code::kNotPem, path, which, ""};
    return false;
  }
  return true;
}

// Whether the key file holds the private key of the certificate's public
// key (a client certificate with another key cannot make a TLS connection).
bool key_fits(const std::string& certificate, const std::string& key, InventoryError* error, InventoryError::File which) {
  auto read = [](const std::string& path) {
    std::ifstream in(path);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
  };
  std::string cert_pem = read(certificate), key_pem = read(key);
  BIO* cb = BIO_new_mem_buf(cert_pem.data(), static_cast<int>(cert_pem.size()));
  BIO* kb = BIO_new_mem_buf(key_pem.data(), static_cast<int>(key_pem.size()));
  X509* x = cb ? PEM_read_bio_X509(cb, nullptr, nullptr, nullptr) : nullptr;
  EVP_PKEY* k = kb ? PEM_read_bio_PrivateKey(kb, nullptr, nullptr, const_cast<char*>("")) : nullptr;
  bool fits = x && k && X509_check_private_key(x, k) == 1;
  EVP_PKEY_free(k);
  X509_free(x);
  BIO_free(kb);
  BIO_free(cb);
  ERR_clear_error();
  if (!fits && error) *error = {InventoryError::Code::kKeyMismatch, key, which, ""};
  return fits;
}

}  // namespace

std::optional<std::vector<InventoryAgent>> parse_agents(const std::string& text, InventoryError* error) {
  std::vector<InventoryAgent> out;
  std::string item;
  std::set<std::string> names, addresses;
  auto take = [&](const std::string& raw) {
    if (raw.empty()) return true;
    auto eq = raw.find('=');
    InventoryAgent a{eq == std::string::npos ? "" : raw.substr(0, eq), eq == std::string::npos ? raw : raw.substr(eq + 1)};
    auto colon = a.address.rfind(':');
    bool port_ok = colon != std::string::npos && colon + 1 < a.address.size() && a.address.size() - colon - 1 <= 5 &&
                   a.address.find_first_not_of("0123456789", colon + 1) == std::string::npos &&
                   std::stoi(a.address.substr(colon + 1)) > 0 && std::stoi(a.address.substr(colon + 1)) < 65536;
    if (a.name.empty() || colon == 0 || !port_ok) {
      if (error) *error = {InventoryError::Code::kNotAgent, raw, InventoryError::File::kNone, ""};
      return false;
    }
    if (!names.insert(a.name).second || !addresses.insert(a.address).second) {
      if (error) *error = {InventoryError::Code::kRepeatedAgent, raw, InventoryError::File::kNone, ""};
      return false;
    }
    out.push_back(std::move(a));
    return true;
  };
  for (char c : text) {
    if (c == ',' || c == ' ' || c == '\n' || c == '\t' || c == '\r') {
      if (!take(item)) return std::nullopt;
      item.clear();
    } else {
      item += c;
    }
  }
  if (!take(item)) return std::nullopt;
  if (out.empty()) {
    if (error) *error = {InventoryError::Code::kNoAgents, "", InventoryError::File::kNone, ""};
    return std::nullopt;
  }
  return out;
}

std::unique_ptr<Inventory> Inventory::open(const std::string& path, InventoryError* error) {
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) != SQLITE_OK) {
    if (error) *error = {InventoryError::Code::kCannotOpen, path, InventoryError::File::kNone, ""};
    sqlite3_close(db);
    return nullptr;
  }
  sqlite3_busy_timeout(db, 2000);
  if (sqlite3_exec(db, kSchema, nullptr, nullptr, nullptr) != SQLITE_OK) {
    if (error) *error = {InventoryError::Code::kCannotOpen, path, InventoryError::File::kNone, sqlite3_errmsg(db)};
    sqlite3_close(db);
    return nullptr;
  }
  return std::unique_ptr<Inventory>(new Inventory(db));
}

Inventory::~Inventory() { sqlite3_close(db_); }

bool Inventory::add(const InventoryNetwork& given, InventoryError* error, bool* replaced) {
  // Files are kept by absolute path: the console may be started elsewhere.
  InventoryNetwork n = given;
  for (std::string* path : {&n.ca_bundle, &n.certificate, &n.key, &n.operator_certificate, &n.operator_key, &n.genesis})
    if (!path->empty()) {
      std::error_code ec;
      auto absolute = std::filesystem::absolute(*path, ec);
      if (!ec) *path = absolute.lexically_normal().string();
    }
  if (n.name.empty()) {
    if (error) *error = {InventoryError::Code::kNoName, "", InventoryError::File::kNone, ""};
    return false;
  }
  if (n.agents.empty()) {
    if (error) *error = {InventoryError::Code::kNoAgents, "", InventoryError::File::kNone, ""};
    return false;
  }
  std::set<std::string> names;
  for (const auto& a : n.agents)
    if (!names.insert(a.name).second) {
      if (error) *error = {InventoryError::Code::kRepeatedAgent, a.name, InventoryError::File::kNone, ""};
      return false;
    }
  using F = InventoryError::File;
  if (!file_has(n.ca_bundle, "BEGIN CERTIFICATE", error, F::kCaBundle) ||
      !file_has(n.certificate, "BEGIN CERTIFICATE", error, F::kCertificate) ||
      !file_has(n.key, "PRIVATE KEY", error, F::kKey))
    return false;
  if (!n.operator_certificate.empty() &&
      (!file_has(n.operator_certificate, "BEGIN CERTIFICATE", error, F::kOperatorCertificate) ||
       !file_has(n.operator_key, "PRIVATE KEY", error, F::kOperatorKey)))
    return false;
  if (!n.genesis.empty() && !file_has(n.genesis, "validators", error, F::kGenesis)) return false;
  if (!key_fits(n.certificate, n.key, error, F::kKey) ||
      (!n.operator_certificate.empty() && !key_fits(n.operator_certificate, n.operator_key, error, F::kOperatorKey)))
    return false;
  if (replaced) *replaced = find(n.name).has_value();
  int64_t now = std::chrono::duration_cast<std::chrono::milliseconds>(
                    std::chrono::system_clock::now().time_since_epoch()).count();
  bool ok = sqlite3_exec(db_, "BEGIN", nullptr, nullptr, nullptr) == SQLITE_OK;
  auto run = [&](const char* sql, const std::vector<std::string>& text, int64_t num = -1) {
    sqlite3_stmt* s = nullptr;
    if (!ok || sqlite3_prepare_v2(db_, sql, -1, &s, nullptr) != SQLITE_OK) return ok = false;
    for (size_t i = 0; i < text.size(); ++i)
      sqlite3_bind_text(s, static_cast<int>(i + 1), text[i].c_str(), -1, SQLITE_TRANSIENT);
    if (num >= 0) sqlite3_bind_int64(s, static_cast<int>(text.size() + 1), num);
    ok = sqlite3_step(s) == SQLITE_DONE;
    sqlite3_finalize(s);
    return ok;
  };
  run("DELETE FROM network_agents WHERE network = ?1", {n.name});
  run("INSERT OR REPLACE INTO networks VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
      {n.name, n.ca_bundle, n.certificate, n.key, n.operator_certificate, n.operator_key, n.genesis}, now);
  for (size_t i = 0; i < n.agents.size(); ++i)
    run("INSERT INTO network_agents VALUES(?1, ?2, ?3, ?4)", {n.name, n.agents[i].name, n.agents[i].address},
        static_cast<int64_t>(i));
  if (!ok) {
    if (error) *error = {InventoryError::Code::kCannotSave, n.name, InventoryError::File::kNone, sqlite3_errmsg(db_)};
    sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
    return false;
  }
  return sqlite3_exec(db_, "COMMIT", nullptr, nullptr, nullptr) == SQLITE_OK;
}

std::vector<InventoryNetwork> Inventory::list() const {
  std::vector<InventoryNetwork> out;
  sqlite3_stmt* s = nullptr;
  sqlite3_prepare_v2(db_, "SELECT name, ca_bundle, certificate, key, operator_certificate, operator_key, genesis,"
                          " added_ms FROM networks ORDER BY name", -1, &s, nullptr);
  while (s && sqlite3_step(s) == SQLITE_ROW)
    out.push_back({col(s, 0), col(s, 1), col(s, 2), col(s, 3), col(s, 4), col(s, 5), col(s, 6), {},
                   sqlite3_column_int64(s, 7)});
  sqlite3_finalize(s);
  for (auto& n : out) {
    sqlite3_stmt* a = nullptr;
    sqlite3_prepare_v2(db_, "SELECT name, address FROM network_agents WHERE network = ?1 ORDER BY position", -1, &a,
                       nullptr);
    sqlite3_bind_text(a, 1, n.name.c_str(), -1, SQLITE_TRANSIENT);
    while (a && sqlite3_step(a) == SQLITE_ROW) n.agents.push_back({col(a, 0), col(a, 1)});
    sqlite3_finalize(a);
  }
  return out;
}

std::optional<InventoryNetwork> Inventory::find(const std::string& name) const {
  for (auto& n : list())
    if (n.name == name) return n;
  return std::nullopt;
}

bool Inventory::remove(const std::string& name) {
  for (const char* q : {"DELETE FROM network_agents WHERE network = ?1", "DELETE FROM networks WHERE name = ?1"}) {
    sqlite3_stmt* s = nullptr;
    if (sqlite3_prepare_v2(db_, q, -1, &s, nullptr) != SQLITE_OK) return false;
    sqlite3_bind_text(s, 1, name.c_str(), -1, SQLITE_TRANSIENT);
    bool ok = sqlite3_step(s) == SQLITE_DONE;
    sqlite3_finalize(s);
    if (!ok) return false;
  }
  return true;
}

}  // namespace consortia::console
