// The console's inventory of existing networks: agent lists are parsed
// strictly, a network with unreadable or non-PEM files is refused with the
// reason and nothing is saved, and saved networks come back in order.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "model/inventory.h"

namespace consortia::console {
namespace {

struct Dir {
  std::string path;
  Dir() {
    char t[] = "/tmp/consortia-inventory-XXXXXX";
    path = mkdtemp(t);
  }
  ~Dir() { std::filesystem::remove_all(path); }
  std::string file(const std::string& name, const std::string& text) const {
    std::ofstream(path + "/" + name) << text;
    return path + "/" + name;
  }
};

TEST(Inventory, AgentListsAreNameEqualsHostPort) {
  InventoryError why;
  auto a = parse_agents("node-0=10.0.0.5:7001, node-1=10.0.0.6:7001\nnode-2=bank-b.example:443", &why);
  ASSERT_TRUE(a) << why.subject;
  ASSERT_EQ(a->size(), 3u);
  EXPECT_EQ((*a)[2].name, "node-2");
  EXPECT_EQ((*a)[2].address, "bank-b.example:443");
  for (const char* bad : {"", "10.0.0.5:7001", "n=10.0.0.5", "n=10.0.0.5:0", "n=10.0.0.5:70000", "n=:7001",
                          "n=h:7x", "n=h:123456789012345678901234", "a=h:1,a=h:2", "a=h:1,b=h:1"}) {
    why = {};
    EXPECT_FALSE(parse_agents(bad, &why)) << bad;
    EXPECT_NE(why.code, InventoryError::Code::kCannotOpen) << bad;
  }
}

TEST(Inventory, ANetworkWithBadFilesIsRefusedAndNothingIsSaved) {
  Dir d;
  auto inv = Inventory::open(d.path + "/h.db", nullptr);
  ASSERT_TRUE(inv);
  std::string pki = std::string(CONSORTIA_SOURCE_DIR) + "/tests/fixtures/pki/";
  std::string cert = pki + "viewer.crt", key = pki + "viewer.key";
  InventoryNetwork n{"bank-consortium", cert, cert, key, "", "", "", {{"node-0", "127.0.0.1:7001"}}, 0};
  InventoryError why;
  InventoryNetwork no_key = n;
  no_key.key = d.path + "/missing.key";
  EXPECT_FALSE(inv->add(no_key, &why));
  EXPECT_EQ(why.code, InventoryError::Code::kCannotRead);
  EXPECT_EQ(why.file, InventoryError::File::kKey);
  EXPECT_EQ(why.subject, no_key.key);
  InventoryNetwork swapped = n;
  swapped.certificate = key;  // a key where the certificate belongs
  EXPECT_FALSE(inv->add(swapped, &why));
  EXPECT_EQ(why.code, InventoryError::Code::kNotPem);
  EXPECT_EQ(why.file, InventoryError::File::kCertificate);
  InventoryNetwork mismatched = n;
  mismatched.key = pki + "other.key";  // a real key, but another certificate's
  EXPECT_FALSE(inv->add(mismatched, &why));
  EXPECT_EQ(why.code, InventoryError::Code::kKeyMismatch);
  EXPECT_EQ(why.file, InventoryError::File::kKey);
  InventoryNetwork nameless = n;
  nameless.name.clear();
  EXPECT_FALSE(inv->add(nameless, &why));
  EXPECT_EQ(why.code, InventoryError::Code::kNoName);
  InventoryNetwork empty = n;
  empty.agents.clear();
  EXPECT_FALSE(inv->add(empty, &why));
  EXPECT_EQ(why.code, InventoryError::Code::kNoAgents);
  EXPECT_TRUE(inv->list().empty());

  bool replaced = true;
  ASSERT_TRUE(inv->add(n, &why, &replaced)) << why.subject;
  EXPECT_FALSE(replaced);
  n.name = "association";
  n.agents.push_back({"node-1", "127.0.0.1:7002"});
  ASSERT_TRUE(inv->add(n, &why)) << why.subject;
  auto all = inv->list();
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].name, "association");
  ASSERT_EQ(all[0].agents.size(), 2u);
  EXPECT_EQ(all[0].agents[1].address, "127.0.0.1:7002");
  // Saving again under a name replaces it; the list survives a reopen.
  n.agents.pop_back();
  ASSERT_TRUE(inv->add(n, &why, &replaced));
  EXPECT_TRUE(replaced);
  inv.reset();
  inv = Inventory::open(d.path + "/h.db", nullptr);
  ASSERT_TRUE(inv->find("association"));
  EXPECT_EQ(inv->find("association")->agents.size(), 1u);
  EXPECT_TRUE(inv->remove("association"));
  EXPECT_FALSE(inv->find("association"));
  EXPECT_EQ(inv->list().size(), 1u);
}

// Files given by a relative path are kept by their absolute path: the
// console may be started from another directory.
TEST(Inventory, FilesAreKeptByAbsolutePath) {
  Dir d;
  auto inv = Inventory::open(d.path + "/h.db", nullptr);
  ASSERT_TRUE(inv);
  std::string pki = std::string(CONSORTIA_SOURCE_DIR) + "/tests/fixtures/pki";
  auto here = std::filesystem::current_path();
  std::filesystem::current_path(pki);
  InventoryError why;
  bool added = inv->add({"relative", "viewer.crt", "viewer.crt", "./viewer.key", "", "", "", {{"node-0", "h:1"}}, 0}, &why);
  std::filesystem::current_path(here);
  ASSERT_TRUE(added) << why.subject;
  auto n = inv->find("relative");
  ASSERT_TRUE(n);
  EXPECT_EQ(n->certificate, pki + "/viewer.crt");
  EXPECT_EQ(n->key, pki + "/viewer.key");
}

}  // namespace
}  // namespace consortia::console
