#include "node_archive.h"

#include <fcntl.h>

#include <archive.h>
#include <archive_entry.h>
#include <zlib.h>
#include <openssl/evp.h>
#include <sys/stat.h>

#include <cstdio>
#include <filesystem>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <functional>
#include <map>
#include <memory>

namespace consortia::agent {
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

Error corrupt(const std::string& what) { return make_error(ErrorCode::kStorageCorrupt, what); }

struct Sha256 {
  std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx{EVP_MD_CTX_new(), EVP_MD_CTX_free};
  Sha256() { EVP_DigestInit_ex(ctx.get(), EVP_sha256(), nullptr); }
  void update(const void* p, size_t n) { EVP_DigestUpdate(ctx.get(), p, n); }
  std::string hex() {
    unsigned char d[32];
    unsigned int n = 0;
    EVP_DigestFinal_ex(ctx.get(), d, &n);
    static const char* k = "0123456789abcdef";
    std::string out;
    for (unsigned i = 0; i < n; ++i) {
      out += k[d[i] >> 4];
      out += k[d[i] & 15];
    }
    return out;
  }
};

// A member name we accept: relative, no "..", no empty or "." components.
bool plain_name(const std::string& name) {
  if (name.empty() || name.size() > 255 || name[0] == '/') return false;
  size_t start = 0;
  while (start <= name.size()) {
    size_t slash = name.find('/', start);
    std::string part = name.substr(start, slash == std::string::npos ? std::string::npos : slash - start);
    if (part.empty() || part == "." || part == "..") return false;
    if (slash == std::string::npos) break;
    start = slash + 1;
  }
  return true;
}

struct WriteCloser {
  void operator()(struct archive* a) const { archive_write_free(a); }
};
struct ReadCloser {
  void operator()(struct archive* a) const { archive_read_free(a); }
};

}  // namespace

Result<std::string> sha256_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return make_error(ErrorCode::kStorageIo, "cannot read " + path);
  Sha256 h;
  std::vector<char> buf(1 << 16);
  while (in) {
    in.read(buf.data(), static_cast<std::streamsize>(buf.size()));
    h.update(buf.data(), static_cast<size_t>(in.gcount()));
  }
  if (in.bad()) return make_error(ErrorCode::kStorageIo, "cannot read " + path);
  return h.hex();
}

Status write_archive(const std::string& out, json manifest, const std::vector<ArchiveMember>& members) {
  json files = json::array();
  for (const auto& m : members) {
    if (!plain_name(m.name) || m.name == "manifest.json")
      return make_error(ErrorCode::kInvalidArgument, "bad archive member name '" + m.name + "'");
    std::error_code ec;
    auto size = fs::file_size(m.path, ec);
    if (ec) return make_error(ErrorCode::kStorageIo, "cannot read " + m.path + ": " + ec.message());
    auto sum = sha256_file(m.path);
    if (!sum) return sum.error();
    files.push_back({{"name", m.name}, {"size", size}, {"sha256", *sum}});
  }
  manifest["files"] = files;
  std::string text = manifest.dump(2) + "\n";
  std::string tmp = out + ".partial";
  std::unique_ptr<struct archive, WriteCloser> a(archive_write_new());
  archive_write_add_filter_gzip(a.get());
  archive_write_set_format_pax_restricted(a.get());
  if (archive_write_open_filename(a.get(), tmp.c_str()) != ARCHIVE_OK)
    return make_error(ErrorCode::kStorageIo, "cannot write " + tmp + ": " + archive_error_string(a.get()));
  auto add = [&](const std::string& name, int64_t size, const std::function<bool(std::string&)>& next) -> Status {
    std::unique_ptr<archive_entry, decltype(&archive_entry_free)> e(archive_entry_new(), archive_entry_free);
    archive_entry_set_pathname(e.get(), name.c_str());
    archive_entry_set_size(e.get(), size);
    archive_entry_set_filetype(e.get(), AE_IFREG);
    archive_entry_set_perm(e.get(), 0600);
    if (archive_write_header(a.get(), e.get()) != ARCHIVE_OK)
      return make_error(ErrorCode::kStorageIo, std::string("archive: ") + archive_error_string(a.get()));
    std::string chunk;
    int64_t written = 0;
    while (next(chunk) && !chunk.empty()) {
      if (archive_write_data(a.get(), chunk.data(), chunk.size()) < 0)
        return make_error(ErrorCode::kStorageIo, std::string("archive: ") + archive_error_string(a.get()));
      written += static_cast<int64_t>(chunk.size());
    }
    if (written != size) return make_error(ErrorCode::kStorageIo, name + " changed while it was archived");
    return {};
  };
  bool sent = false;
  if (auto st = add("manifest.json", static_cast<int64_t>(text.size()),
                    [&](std::string& c) {
                      c = sent ? "" : text;
                      sent = true;
                      return true;
                    });
      !st)
    return st;
  for (size_t i = 0; i < members.size(); ++i) {
    std::ifstream in(members[i].path, std::ios::binary);
    if (!in) return make_error(ErrorCode::kStorageIo, "cannot read " + members[i].path);
    std::vector<char> buf(1 << 16);
    auto st = add(members[i].name, files[i]["size"].get<int64_t>(), [&](std::string& c) {
      in.read(buf.data(), static_cast<std::streamsize>(buf.size()));
      c.assign(buf.data(), static_cast<size_t>(in.gcount()));
      return !in.bad();
    });
    if (!st) return st;
  }
  if (archive_write_close(a.get()) != ARCHIVE_OK)
    return make_error(ErrorCode::kStorageIo, std::string("archive: ") + archive_error_string(a.get()));
  std::error_code ec;
  fs::rename(tmp, out, ec);
  if (ec) return make_error(ErrorCode::kStorageIo, "cannot write " + out + ": " + ec.message());
  return {};
}

namespace {
// The archive's gzip stream, decompressed by zlib and fed to the tar reader,
// so that one pass both reads the members and, once drained to its end,
// checks gzip's CRC-32 and length: the tar reader stops at the
// end-of-archive marker and never hashes the padding between and after
// members, so damage there would otherwise go unnoticed.
struct GzSource {
  gzFile f = nullptr;
  std::vector<char> buf = std::vector<char>(1 << 16);
  ~GzSource() {
    if (f) gzclose_r(f);
  }
  static la_ssize_t read(struct archive* a, void* self, const void** out) {
    auto* s = static_cast<GzSource*>(self);
    int n = gzread(s->f, s->buf.data(), static_cast<unsigned>(s->buf.size()));
    if (n < 0) {
      int err = Z_OK;
      archive_set_error(a, EIO, "%s", gzerror(s->f, &err));
      return -1;
    }
    *out = s->buf.data();
    return n;
  }
  // Reads what follows the tar's end to the end of the stream.
  Status drain(const std::string& path) {
    int n;
    while ((n = gzread(f, buf.data(), static_cast<unsigned>(buf.size()))) > 0) {
    }
    int err = Z_OK;
    if (n < 0) return make_error(ErrorCode::kStorageCorrupt, path + " is damaged: " + gzerror(f, &err));
    int closed = gzclose_r(f);
    f = nullptr;
    if (closed != Z_OK)
      return make_error(ErrorCode::kStorageCorrupt, path + " is damaged: it ends inside its compressed data");
    return {};
  }
};
}  // namespace

Result<json> read_archive(const std::string& path, const std::string& dir, uint64_t max_bytes) {
  GzSource gz;  // outlives the reader that reads from it
  std::unique_ptr<struct archive, ReadCloser> a(archive_read_new());
  archive_read_support_format_tar(a.get());
  // A file that cannot be read is a storage error; one that reads but does
  // not decompress or parse (libarchive reads its first block on opening) is
  // a damaged archive.
  if (std::ifstream probe(path, std::ios::binary); !probe)
    return make_error(ErrorCode::kStorageIo, "cannot open " + path + ": " + std::strerror(errno));
  gz.f = gzopen(path.c_str(), "rb");
  if (!gz.f) return make_error(ErrorCode::kStorageIo, "cannot open " + path + ": " + std::strerror(errno));
  if (archive_read_open(a.get(), &gz, nullptr, &GzSource::read, nullptr) != ARCHIVE_OK)
    return corrupt(path + " is not a readable node archive: " + archive_error_string(a.get()));
  archive_entry* e = nullptr;
  if (archive_read_next_header(a.get(), &e) != ARCHIVE_OK || std::string(archive_entry_pathname(e)) != "manifest.json")
    return corrupt(path + " is not a node archive (no manifest first)");
  if (archive_entry_size(e) > (1 << 20)) return corrupt(path + ": the manifest is too large");
  std::string text(static_cast<size_t>(archive_entry_size(e)), '\0');
  if (archive_read_data(a.get(), text.data(), text.size()) != static_cast<la_ssize_t>(text.size()))
    return corrupt(path + ": the manifest cannot be read");
  json manifest = json::parse(text, nullptr, false);
  if (manifest.is_discarded() || !manifest.is_object() || !manifest.contains("files") || !manifest["files"].is_array())
    return corrupt(path + ": the manifest is damaged");
  std::map<std::string, std::pair<uint64_t, std::string>> expected;  // name -> size, sum
  uint64_t total = 0;
  for (const auto& f : manifest["files"]) {
    if (!f.is_object() || !f.value("name", json()).is_string() || !f.value("size", json()).is_number_unsigned() ||
        !f.value("sha256", json()).is_string())
      return corrupt(path + ": the manifest lists a member badly");
    std::string name = f["name"];
    if (!plain_name(name)) return corrupt(path + ": member name '" + name + "' is not allowed");
    uint64_t size = f["size"];
    if (size > max_bytes || total > max_bytes - size)
      return make_error(ErrorCode::kTooLarge, path + " holds more than the limit");
    total += size;
    if (total > max_bytes) return make_error(ErrorCode::kTooLarge, path + " holds more than the limit");
    expected[name] = {size, f["sha256"]};
  }
  if (!dir.empty()) {
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec) return make_error(ErrorCode::kStorageIo, "cannot create " + dir + ": " + ec.message());
  }
  std::map<std::string, bool> seen;
  int r;
  while ((r = archive_read_next_header(a.get(), &e)) == ARCHIVE_OK) {
    std::string name = archive_entry_pathname(e);
    auto it = expected.find(name);
    if (it == expected.end() || seen[name]) return corrupt(path + ": member '" + name + "' is not in its manifest");
    if (archive_entry_filetype(e) != AE_IFREG) return corrupt(path + ": member '" + name + "' is not a file");
    seen[name] = true;
    std::unique_ptr<std::ofstream> out;
    std::string target = dir.empty() ? "" : dir + "/" + name;
    if (!target.empty()) {
      std::error_code ec;
      fs::create_directories(fs::path(target).parent_path(), ec);
      if (ec) return make_error(ErrorCode::kStorageIo, "cannot create the directory of " + target + ": " + ec.message());
      // The owner's alone from its creation (a store holds what the node
      // signed), and never through a link left in its place.
      std::string partial = target + ".partial";
      ::unlink(partial.c_str());
      int fd = ::open(partial.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
      if (fd < 0) return make_error(ErrorCode::kStorageIo, "cannot write " + partial + ": " + std::strerror(errno));
      ::close(fd);
      out = std::make_unique<std::ofstream>(partial, std::ios::binary | std::ios::trunc);
      if (!*out) return make_error(ErrorCode::kStorageIo, "cannot write " + target);
    }
    Sha256 h;
    uint64_t got = 0;
    std::vector<char> buf(1 << 16);
    la_ssize_t n;
    while ((n = archive_read_data(a.get(), buf.data(), buf.size())) > 0) {
      got += static_cast<uint64_t>(n);
      if (got > it->second.first) return corrupt(path + ": member '" + name + "' is larger than its manifest says");
      h.update(buf.data(), static_cast<size_t>(n));
      if (out) out->write(buf.data(), n);
    }
    if (n < 0) return corrupt(path + ": " + archive_error_string(a.get()));
    if (got != it->second.first || h.hex() != it->second.second)
      return corrupt(path + ": member '" + name + "' does not match its SHA-256 in the manifest");
    if (out) {
      out->close();
      if (!*out) return make_error(ErrorCode::kStorageIo, "cannot write " + target);
      std::error_code ec;
      fs::rename(target + ".partial", target, ec);
      if (ec) return make_error(ErrorCode::kStorageIo, "cannot write " + target + ": " + ec.message());
    }
  }
  if (r != ARCHIVE_EOF) return corrupt(path + ": " + archive_error_string(a.get()));
  if (auto st = gz.drain(path); !st) return st.error();
  for (const auto& [name, _] : expected)
    if (!seen[name]) return corrupt(path + ": member '" + name + "' is missing");
  return manifest;
}

}  // namespace consortia::agent
