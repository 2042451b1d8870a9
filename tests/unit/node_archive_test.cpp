// Node archives (backups, retired nodes' data) and certificate requests:
// what a damaged or hostile file gets, and that a CA signs only the
// subject it expects.
#include <archive.h>
#include <archive_entry.h>
#include <gtest/gtest.h>
#include <zlib.h>

#include <filesystem>
#include <fstream>

#include "node_archive.h"
#include "pki.h"

namespace consortia::agent {
namespace {
namespace fs = std::filesystem;
using nlohmann::json;

struct TempDir {
  std::string path;
  TempDir() {
    char tmpl[] = "/tmp/consortia-archive-XXXXXX";
    path = mkdtemp(tmpl);
  }
  ~TempDir() { fs::remove_all(path); }
};

void write(const std::string& path, const std::string& text) { std::ofstream(path, std::ios::binary) << text; }
std::string read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

// A .tar.gz with exactly these members, in order (as an attacker would make it).
void raw_archive(const std::string& path, const std::vector<std::pair<std::string, std::string>>& members) {
  struct archive* a = archive_write_new();
  archive_write_add_filter_gzip(a);
  archive_write_set_format_pax_restricted(a);
  ASSERT_EQ(archive_write_open_filename(a, path.c_str()), ARCHIVE_OK);
  for (const auto& [name, data] : members) {
    archive_entry* e = archive_entry_new();
    archive_entry_set_pathname(e, name.c_str());
    archive_entry_set_size(e, static_cast<la_int64_t>(data.size()));
    archive_entry_set_filetype(e, AE_IFREG);
    archive_entry_set_perm(e, 0600);
    archive_write_header(a, e);
    archive_write_data(a, data.data(), data.size());
    archive_entry_free(e);
  }
  archive_write_close(a);
  archive_write_free(a);
}

std::string manifest_for(const std::vector<std::tuple<std::string, size_t, std::string>>& files) {
  json j{{"format", "consortia-node-backup"}, {"files", json::array()}};
  for (const auto& [name, size, sum] : files) j["files"].push_back({{"name", name}, {"size", size}, {"sha256", sum}});
  return j.dump();
}

TEST(NodeArchive, RoundTripKeepsFilesAndManifest) {
  TempDir t;
  write(t.path + "/store", std::string(300000, 'x') + "end");
  write(t.path + "/log", "line\n");
  ASSERT_TRUE(write_archive(t.path + "/a.tar.gz", {{"node", "node-1"}, {"height", 42}},
                            {{"store.sqlite", t.path + "/store"}, {"data/agent.log", t.path + "/log"}})
                  .ok());
  auto m = read_archive(t.path + "/a.tar.gz", t.path + "/out");
  ASSERT_TRUE(m.ok()) << m.error().to_string();
  EXPECT_EQ((*m)["node"], "node-1");
  EXPECT_EQ((*m)["height"], 42);
  EXPECT_EQ((*m)["files"].size(), 2u);
  EXPECT_EQ(read(t.path + "/out/store.sqlite"), read(t.path + "/store"));
  EXPECT_EQ(read(t.path + "/out/data/agent.log"), "line\n");
  EXPECT_EQ((*m)["files"][0]["sha256"], *sha256_file(t.path + "/store"));
}

// What a .tar.gz decompresses to, as far as it can be read.
std::string gunzip(const std::string& path) {
  std::string out;
  gzFile f = gzopen(path.c_str(), "rb");
  if (!f) return out;
  char buf[4096];
  int n;
  while ((n = gzread(f, buf, sizeof buf)) > 0) out.append(buf, static_cast<size_t>(n));
  gzclose_r(f);
  return out;
}

TEST(NodeArchive, DamagedOrTamperedArchivesAreRefused) {
  TempDir t;
  std::string good = "the store";
  std::string sum = *[&] {
    write(t.path + "/g", good);
    return sha256_file(t.path + "/g");
  }();
  auto refused = [&](const std::string& file) {
    auto m = read_archive(file, t.path + "/x");
    return !m.ok() && m.error().code == ErrorCode::kStorageCorrupt;
  };
  // A member whose bytes differ from its manifest's sum.
  raw_archive(t.path + "/sum.tar.gz", {{"manifest.json", manifest_for({{"store.sqlite", 9, sum}})},
                                       {"store.sqlite", "the stork"}});
  EXPECT_TRUE(refused(t.path + "/sum.tar.gz"));
  EXPECT_FALSE(fs::exists(t.path + "/x/store.sqlite")) << "a member that does not check was installed";
  // A member that climbs out of the target, listed in the manifest or not.
  raw_archive(t.path + "/climb.tar.gz", {{"manifest.json", manifest_for({{"../evil", 9, sum}})}, {"../evil", good}});
  EXPECT_TRUE(refused(t.path + "/climb.tar.gz"));
  raw_archive(t.path + "/abs.tar.gz", {{"manifest.json", manifest_for({})}, {"/tmp/evil", good}});
  EXPECT_TRUE(refused(t.path + "/abs.tar.gz"));
  EXPECT_FALSE(fs::exists(t.path + "/evil"));
  // A member the manifest does not list, a listed one missing, no manifest first.
  raw_archive(t.path + "/extra.tar.gz", {{"manifest.json", manifest_for({})}, {"store.sqlite", good}});
  EXPECT_TRUE(refused(t.path + "/extra.tar.gz"));
  raw_archive(t.path + "/missing.tar.gz", {{"manifest.json", manifest_for({{"store.sqlite", 9, sum}})}});
  EXPECT_TRUE(refused(t.path + "/missing.tar.gz"));
  raw_archive(t.path + "/nomanifest.tar.gz", {{"store.sqlite", good}});
  EXPECT_TRUE(refused(t.path + "/nomanifest.tar.gz"));
  raw_archive(t.path + "/badjson.tar.gz", {{"manifest.json", "{not json"}});
  EXPECT_TRUE(refused(t.path + "/badjson.tar.gz"));
  // A byte flipped in the compressed file.
  raw_archive(t.path + "/ok.tar.gz", {{"manifest.json", manifest_for({{"store.sqlite", 9, sum}})}, {"store.sqlite", good}});
  ASSERT_TRUE(read_archive(t.path + "/ok.tar.gz", "").ok());
  std::string bytes = read(t.path + "/ok.tar.gz");
  bytes[bytes.size() / 2] ^= 0x5a;
  write(t.path + "/flipped.tar.gz", bytes);
  EXPECT_FALSE(read_archive(t.path + "/flipped.tar.gz", "").ok());
  // Not an archive at all.
  write(t.path + "/text.tar.gz", "hello");
  EXPECT_FALSE(read_archive(t.path + "/text.tar.gz", "").ok());
  // Wherever a byte is flipped, a refusal says the archive is damaged, not
  // that the disk failed: gzip failing on the first block (as the file is
  // opened) was reported as a storage error.
  size_t refused_count = 0;
  for (size_t i = 0; i < bytes.size(); ++i) {
    std::string damaged = read(t.path + "/ok.tar.gz");
    damaged[i] ^= 0x20;
    write(t.path + "/damaged.tar.gz", damaged);
    auto m = read_archive(t.path + "/damaged.tar.gz", "");
    if (m.ok()) {
      // Accepted only where the damage changes nothing: the gzip header's
      // time, flags and OS bytes, and deflate's unused bits (which decode
      // to the same bytes). The tar reader stops at the end-of-archive
      // marker and never hashes padding, so damage there, or in gzip's
      // trailing CRC-32, was accepted before the whole stream's checksum
      // was verified.
      if (i >= 10) {
        EXPECT_EQ(gunzip(t.path + "/damaged.tar.gz"), gunzip(t.path + "/ok.tar.gz"))
            << "byte " << i << " of " << bytes.size() << " damaged and accepted";
      }
      continue;
    }
    ++refused_count;
    EXPECT_EQ(m.error().code, ErrorCode::kStorageCorrupt) << "byte " << i << ": " << m.error().to_string();
  }
  EXPECT_GT(refused_count, bytes.size() / 2);
  auto absent = read_archive(t.path + "/no-such.tar.gz", "");
  ASSERT_FALSE(absent.ok());
  EXPECT_EQ(absent.error().code, ErrorCode::kStorageIo);
}

TEST(NodeArchive, SizeBoundIsEnforcedFromTheManifest) {
  TempDir t;
  raw_archive(t.path + "/big.tar.gz", {{"manifest.json", manifest_for({{"store.sqlite", uint64_t{1} << 40, "00"}})}});
  auto m = read_archive(t.path + "/big.tar.gz", "", uint64_t{1} << 30);
  ASSERT_FALSE(m.ok());
  EXPECT_EQ(m.error().code, ErrorCode::kTooLarge);
}

TEST(CertificateRequest, TheCaSignsOnlyTheExpectedSubject) {
  auto ca = make_ca("org-1");
  ASSERT_TRUE(ca.ok());
  auto req = make_request({"ab12", "org-1", "node"});
  ASSERT_TRUE(req.ok());
  auto cert = sign_request(*ca, req->certificate_pem, {"ab12", "org-1", "node"}, {"node-4.consortia"});
  ASSERT_TRUE(cert.ok()) << cert.error().to_string();
  EXPECT_TRUE(verify_issued_by(*cert, ca->certificate_pem).ok());
  auto subject = certificate_subject(*cert);
  EXPECT_EQ(subject->common_name, "ab12");
  EXPECT_EQ(subject->organisation, "org-1");
  // A host asking for another node id, another organisation or a role.
  for (Subject wrong : {Subject{"cd34", "org-1", "node"}, Subject{"ab12", "org-2", "node"}, Subject{"ab12", "org-1", "admin"}}) {
    auto r = make_request(wrong);
    auto c = sign_request(*ca, r->certificate_pem, {"ab12", "org-1", "node"}, {});
    EXPECT_FALSE(c.ok()) << wrong.common_name << "/" << wrong.organisation << "/" << wrong.unit;
  }
  EXPECT_FALSE(sign_request(*ca, "-----BEGIN CERTIFICATE REQUEST-----\nAAAA\n-----END CERTIFICATE REQUEST-----\n",
                            {"ab12", "org-1", "node"}, {})
                   .ok());
  EXPECT_FALSE(sign_request(*ca, std::string(100000, 'A'), {"ab12", "org-1", "node"}, {}).ok());
  // The same key makes the same request's key half (keygen is idempotent).
  auto again = make_request({"ab12", "org-1", "node"}, req->key_pem);
  EXPECT_EQ(again->key_pem, req->key_pem);
  // An encrypted CA key opens only with its passphrase.
  EXPECT_TRUE(read_private_key(ca->key_pem, "").ok());
  EXPECT_FALSE(read_private_key("not a key", "").ok());
}

}  // namespace
}  // namespace consortia::agent
