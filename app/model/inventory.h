// The console's inventory of networks it was given (beyond the sandbox): for
// each, its agents (name and API address) and the files of the client
// certificates it talks to them with. Kept in the history file's database
// (tables networks and network_agents). Toolkit-free.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

struct sqlite3;

namespace consortia::console {

struct InventoryAgent {
  std::string name;     // the node's name: its TLS certificate is for "<name>.consortia"
  std::string address;  // host:port of its AgentService
};

struct InventoryNetwork {
  std::string name;
  std::string ca_bundle;                       // the organisations' CAs (PEM file)
  std::string certificate, key;                // a viewer (or operator) certificate, PEM files
  std::string operator_certificate, operator_key;  // optional: control calls on its organisation's nodes
  std::string genesis;                         // optional: genesis.json, for checking evidence proofs
  std::vector<InventoryAgent> agents;
  int64_t added_ms = 0;
};

// Why the inventory refused something; the UI words it.
struct InventoryError {
  enum class Code {
    kCannotOpen,    // subject: the database file; detail: SQLite's message
    kNotAgent,      // subject: the entry that is not name=host:port
    kRepeatedAgent, // subject: the entry repeating a name or an address
    kNoAgents,
    kNoName,
    kCannotRead,    // subject: the file; file: which one
    kNotPem,        // subject: the file; file: which one
    kKeyMismatch,   // subject: the key file; file: which key (its certificate's private key it is not)
    kCannotSave,    // detail: SQLite's message
  };
  enum class File { kNone, kCaBundle, kCertificate, kKey, kOperatorCertificate, kOperatorKey, kGenesis };
  Code code = Code::kCannotOpen;
  std::string subject;
  File file = File::kNone;
  std::string detail;
};

// "node-0=10.0.0.5:7001,node-1=10.0.0.6:7001" (commas, spaces or new lines between).
std::optional<std::vector<InventoryAgent>> parse_agents(const std::string& text, InventoryError* error);

class Inventory {
 public:
  static std::unique_ptr<Inventory> open(const std::string& path, InventoryError* error);
  ~Inventory();
  // Checks the network (a name, agents with distinct names and host:port
  // addresses, readable PEM files, each key the private key of its
  // certificate) and saves it with absolute paths, replacing one of that
  // name (`replaced` says whether there was one).
  bool add(const InventoryNetwork& n, InventoryError* error, bool* replaced = nullptr);
  std::vector<InventoryNetwork> list() const;
  std::optional<InventoryNetwork> find(const std::string& name) const;
  bool remove(const std::string& name);

 private:
  explicit Inventory(sqlite3* db) : db_(db) {}
  sqlite3* db_;
};

}  // namespace consortia::console
