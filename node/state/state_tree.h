// The state's storage: a persistent map from key to value whose versions
// share structure, so a block's state costs what the block wrote, not what
// the chain holds.
//
// Two trees hold the same immutable entries:
//  - the index, a weight-balanced binary search tree by key, for lookups and
//    ordered prefix scans. Its shape depends on the order of writes and is
//    never committed to;
//  - the trie, a binary Merkle trie over each entry's path H(key), in which a
//    subtree holding a single entry is that entry. Its shape, and so its root
//    hash, depends only on the entries. Paths are hashes nobody can steer, so
//    its depth stays near log2(n) whatever keys clients choose (a tree shaped
//    by client-chosen keys would let one client make every write slow).
//
// Copying a StateTree is O(1). A write copies the O(log n) nodes on its two
// paths and shares everything else; a node only this tree holds is changed in
// place. Inner hashes are brought up to date by seal(), once per block, along
// the changed paths only. A sealed tree may be read from any thread.
#pragma once

#include <atomic>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "crypto/crypto_suite.h"

namespace consortia {

// An intrusive, thread-safe reference count: one word per node rather than a
// shared_ptr's control block, which matters at millions of entries.
class RefCounted {
 public:
  void add_ref() const { refs_.fetch_add(1, std::memory_order_relaxed); }
  bool release() const { return refs_.fetch_sub(1, std::memory_order_acq_rel) == 1; }
  bool unique() const { return refs_.load(std::memory_order_acquire) == 1; }

 private:
  mutable std::atomic<uint32_t> refs_{0};
};

template <class T>
class Ref {
 public:
  Ref() = default;
  explicit Ref(T* p) : p_(p) {
    if (p_) p_->add_ref();
  }
  Ref(const Ref& o) : Ref(o.p_) {}
  template <class U>
    requires std::is_convertible_v<U*, T*>
  Ref(const Ref<U>& o) : Ref(o.get()) {}
  Ref(Ref&& o) noexcept : p_(std::exchange(o.p_, nullptr)) {}
  Ref& operator=(Ref o) noexcept {
    std::swap(p_, o.p_);
    return *this;
  }
  ~Ref() {
    if (p_ && p_->release()) delete p_;
  }
  T* get() const { return p_; }
  T* operator->() const { return p_; }
  T& operator*() const { return *p_; }
  explicit operator bool() const { return p_ != nullptr; }
  bool operator==(const Ref& o) const { return p_ == o.p_; }

 private:
  T* p_ = nullptr;
};

template <class T, class... A>
Ref<T> make_ref(A&&... a) {
  return Ref<T>(new T{std::forward<A>(a)...});
}

class StateTree {
 public:
  // A node of the trie: an entry, or an inner node above two or more.
  struct Node : RefCounted {
    explicit Node(bool entry) : is_entry(entry) {}
    virtual ~Node() = default;
    const bool is_entry;
  };
  struct Entry final : Node {
    Entry(std::string k, Bytes v, const Hash32& l)
        : Node(true), key(std::move(k)), value(std::move(v)), leaf(l) {}
    std::string key;
    Bytes value;
    Hash32 leaf;  // H(0x00 || len(key) || key || value): what the trie commits to
  };

  StateTree();
  ~StateTree();
  StateTree(const StateTree&);
  StateTree(StateTree&&) noexcept;
  StateTree& operator=(const StateTree&);
  StateTree& operator=(StateTree&&) noexcept;

  // The leaf hash of an entry (also the sorted-leaves commitment's leaf).
  static Hash32 leaf_of(const CryptoSuite& suite, std::string_view key, ByteView value);
  // An entry's place in the trie: H(key).
  static Hash32 path_of(const CryptoSuite& suite, std::string_view key);

  const Entry* find(std::string_view key) const;
  // The entry with the greatest key not above `key`, if any.
  const Entry* floor(std::string_view key) const;
  size_t size() const;
  bool empty() const { return size() == 0; }

  // Returns the entry now held under the key.
  Ref<Entry> put(const CryptoSuite& suite, std::string key, Bytes value);
  // Removes a key; false if it was not there.
  bool erase(const CryptoSuite& suite, std::string_view key);

  // Calls f(entry) for each entry whose key starts with `prefix`, in key
  // order, until f returns false.
  template <class F>
  void scan(std::string_view prefix, F&& f) const {
    scan_from(index_.get(), prefix, [&](const Entry& e) {
      return e.key.compare(0, prefix.size(), prefix) == 0 && f(e);
    });
  }
  // Every entry's leaf hash in key order (the sorted-leaves commitment).
  std::vector<Hash32> leaves_in_order() const;

  // Hashes the inner nodes written since the last seal; returns the trie's
  // root hash (zero for an empty tree). Seal before sharing the tree.
  const Hash32& seal(const CryptoSuite& suite);
  bool sealed() const;

  // The sibling hashes from the entry up to the trie's root (bottom-up); the
  // entry's depth is their number. The tree must be sealed.
  std::optional<std::vector<Hash32>> prove(const CryptoSuite& suite, std::string_view key) const;
  // The trie root that a leaf at `path`, with these siblings, leads to
  // (nullopt: more siblings than a path has bits).
  static std::optional<Hash32> root_from(const CryptoSuite& suite, const Hash32& leaf,
                                         const Hash32& path,
                                         const std::vector<Hash32>& siblings);

  // Bytes of nodes and entries this tree created since reset_own_bytes():
  // what keeping this version alive costs beyond the one it was copied from.
  uint64_t own_bytes() const { return own_bytes_; }
  void reset_own_bytes() { own_bytes_ = 0; }
  // The deepest entry in the trie (for tests and diagnostics).
  int trie_depth() const;

 private:
  struct IndexNode;
  struct Inner;
  Ref<IndexNode> index_;
  Ref<Node> trie_;
  uint64_t own_bytes_ = 0;

  template <class F>
  static bool scan_from(const IndexNode* n, std::string_view from, F&& f);
  friend struct StateTreeOps;
};

struct StateTree::IndexNode : RefCounted {
  IndexNode(Ref<IndexNode> l, Ref<Entry> e, Ref<IndexNode> r, uint64_t s)
      : left(std::move(l)), entry(std::move(e)), right(std::move(r)), size(s) {}
  Ref<IndexNode> left;
  Ref<Entry> entry;
  Ref<IndexNode> right;
  uint64_t size;
};

template <class F>
bool StateTree::scan_from(const IndexNode* n, std::string_view from, F&& f) {
  while (n) {
    if (std::string_view(n->entry->key) >= from) {
      if (!scan_from(n->left.get(), from, f)) return false;
      if (!f(*n->entry)) return false;
      from = {};  // everything to the right is past `from`
    }
    n = n->right.get();
  }
  return true;
}

}  // namespace consortia
