#include "state/state_tree.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "core/codec.h"

namespace consortia {

// An inner node of the trie has two or more entries below it; an empty child
// is a null Ref whose hash is zero. Its hash is H(0x03 || left || right),
// valid once sealed.
struct StateTree::Inner final : Node {
  Inner(Ref<Node> l, Ref<Node> r) : Node(false), left(std::move(l)), right(std::move(r)) {}
  Ref<Node> left, right;
  Hash32 hash;
  bool dirty = true;
};

namespace {

constexpr int kPathBits = 256;
// Weight-balanced tree parameters (Adams; the integer pair shown correct by
// Straka): a subtree may weigh at most kDelta times its sibling.
constexpr uint64_t kDelta = 3, kRatio = 2;

bool path_bit(const Hash32& path, int depth) {
  return (path.v[static_cast<size_t>(depth) / 8] >> (7 - depth % 8)) & 1;
}

const Hash32 kEmpty{};

Hash32 inner_hash(const CryptoSuite& suite, const Hash32& l, const Hash32& r) {
  uint8_t buf[1 + 64];
  buf[0] = 0x03;
  std::memcpy(buf + 1, l.v.data(), 32);
  std::memcpy(buf + 33, r.v.data(), 32);
  return suite.hash(ByteView(buf, sizeof buf));
}

}  // namespace

struct StateTreeOps {
  using Entry = StateTree::Entry;
  using Node = StateTree::Node;
  using Inner = StateTree::Inner;
  using INode = StateTree::IndexNode;
  using IRef = Ref<INode>;
  using NRef = Ref<Node>;
  using ERef = Ref<Entry>;

  const CryptoSuite* suite;
  uint64_t& bytes;

  static Inner* inner_of(const NRef& n) { return static_cast<Inner*>(n.get()); }
  static const Entry* entry_of(const Node* n) { return static_cast<const Entry*>(n); }
  static const Hash32& digest(const Node* n) {
    if (!n) return kEmpty;
    return n->is_entry ? entry_of(n)->leaf : static_cast<const Inner*>(n)->hash;
  }

  // ---- the index: a persistent weight-balanced tree ----------------------------

  static uint64_t size(const IRef& t) { return t ? t->size : 0; }

  IRef node(IRef l, ERef e, IRef r) {
    bytes += sizeof(INode);
    uint64_t s = size(l) + size(r) + 1;
    return make_ref<INode>(std::move(l), std::move(e), std::move(r), s);
  }

  IRef balance(IRef l, ERef e, IRef r) {
    uint64_t sl = size(l), sr = size(r);
    if (sl + sr <= 1) return node(std::move(l), std::move(e), std::move(r));
    if (sr > kDelta * sl) {  // rotate left
      if (size(r->left) < kRatio * size(r->right))
        return node(node(std::move(l), std::move(e), r->left), r->entry, r->right);
      const IRef& rl = r->left;
      return node(node(std::move(l), std::move(e), rl->left), rl->entry,
                  node(rl->right, r->entry, r->right));
    }
    if (sl > kDelta * sr) {  // rotate right
      if (size(l->right) < kRatio * size(l->left))
        return node(l->left, l->entry, node(l->right, std::move(e), std::move(r)));
      const IRef& lr = l->right;
      return node(node(l->left, l->entry, lr->left), lr->entry,
                  node(lr->right, std::move(e), std::move(r)));
    }
    return node(std::move(l), std::move(e), std::move(r));
  }

  static bool balanced(const INode& t) {
    uint64_t sl = size(t.left), sr = size(t.right);
    return sl + sr <= 1 || (sr <= kDelta * sl && sl <= kDelta * sr);
  }

  // Inserts or replaces. A node only this tree holds is changed in place (a
  // block's writes share the upper levels of their paths); others are copied.
  // Below a shared node everything is shared, whatever its own count says
  // (its one holder may be that shared node), hence `owned` from above.
  IRef insert(const IRef& t, const ERef& e, bool owned) {
    if (!t) return node({}, e, {});
    int c = e->key.compare(t->entry->key);
    if (owned && t->unique()) {
      if (c == 0) {
        t->entry = e;
        return t;
      }
      IRef& child = c < 0 ? t->left : t->right;
      child = insert(child, e, true);
      t->size = size(t->left) + size(t->right) + 1;
      if (balanced(*t)) return t;
      return balance(t->left, t->entry, t->right);
    }
    if (c < 0) return balance(insert(t->left, e, false), t->entry, t->right);
    if (c > 0) return balance(t->left, t->entry, insert(t->right, e, false));
    return node(t->left, e, t->right);
  }

  IRef take_min(const IRef& t, ERef& min) {
    if (!t->left) {
      min = t->entry;
      return t->right;
    }
    return balance(take_min(t->left, min), t->entry, t->right);
  }
  IRef take_max(const IRef& t, ERef& max) {
    if (!t->right) {
      max = t->entry;
      return t->left;
    }
    return balance(t->left, t->entry, take_max(t->right, max));
  }
  IRef glue(const IRef& l, const IRef& r) {
    if (!l) return r;
    if (!r) return l;
    ERef m;
    if (size(l) > size(r)) {
      IRef rest = take_max(l, m);
      return balance(std::move(rest), std::move(m), r);
    }
    IRef rest = take_min(r, m);
    return balance(l, std::move(m), std::move(rest));
  }

  IRef erase(const IRef& t, std::string_view key, bool& removed) {
    if (!t) return t;
    int c = key.compare(t->entry->key);
    if (c < 0) {
      IRef l = erase(t->left, key, removed);
      return removed ? balance(std::move(l), t->entry, t->right) : t;
    }
    if (c > 0) {
      IRef r = erase(t->right, key, removed);
      return removed ? balance(t->left, t->entry, std::move(r)) : t;
    }
    removed = true;
    return glue(t->left, t->right);
  }

  // ---- the trie ----------------------------------------------------------------

  NRef inner(NRef l, NRef r) {
    bytes += sizeof(Inner);
    return NRef(new Inner(std::move(l), std::move(r)));
  }
  // The inner node itself when only this tree holds it, else a copy to change.
  NRef own(const NRef& n) {
    if (n->unique()) {
      inner_of(n)->dirty = true;
      return n;
    }
    return inner(inner_of(n)->left, inner_of(n)->right);
  }

  // An entry already in the trie and a new one, which share their paths up
  // to `depth`.
  NRef join(NRef old, const Hash32& old_path, NRef e, const Hash32& path, int depth) {
    if (depth >= kPathBits) {
      // Two keys with one hash: the suite's hash is broken. Nothing sound
      // can be committed; stop rather than fork.
      std::fprintf(stderr, "state trie: keys '%s' and '%s' have the same hash\n",
                   entry_of(old.get())->key.c_str(), entry_of(e.get())->key.c_str());
      std::abort();
    }
    bool bo = path_bit(old_path, depth), be = path_bit(path, depth);
    if (bo == be) {
      NRef below = join(std::move(old), old_path, std::move(e), path, depth + 1);
      return be ? inner({}, std::move(below)) : inner(std::move(below), {});
    }
    return be ? inner(std::move(old), std::move(e)) : inner(std::move(e), std::move(old));
  }

  NRef insert(const NRef& n, const ERef& e, const Hash32& path, int depth) {
    if (!n) return e;
    if (n->is_entry) {
      const Entry* old = entry_of(n.get());
      if (old->key == e->key) return e;
      return join(n, StateTree::path_of(*suite, old->key), e, path, depth);
    }
    NRef m = own(n);
    NRef& child = path_bit(path, depth) ? inner_of(m)->right : inner_of(m)->left;
    child = insert(child, e, path, depth + 1);
    return m;
  }

  // Removes the entry at `path`, which the trie holds (the index had it).
  // Each node on the way is owned before its child is looked at: a child
  // whose only holder is a shared node is itself shared.
  NRef erase(const NRef& n, std::string_view key, const Hash32& path, int depth) {
    if (!n) {
      std::fprintf(stderr, "state trie: '%.*s' is in the index but not in the trie\n",
                   static_cast<int>(key.size()), key.data());
      std::abort();
    }
    if (n->is_entry) {
      if (entry_of(n.get())->key != key) {
        std::fprintf(stderr, "state trie: found '%s' where '%.*s' should be\n",
                     entry_of(n.get())->key.c_str(), static_cast<int>(key.size()), key.data());
        std::abort();
      }
      return {};
    }
    NRef m = own(n);
    Inner* in = inner_of(m);
    NRef& child = path_bit(path, depth) ? in->right : in->left;
    child = erase(child, key, path, depth + 1);
    // A subtree left with one entry is that entry.
    if (!in->left && in->right && in->right->is_entry) return in->right;
    if (!in->right && in->left && in->left->is_entry) return in->left;
    return m;
  }

  static const Hash32& seal(const CryptoSuite& suite, Node* n) {
    if (!n) return kEmpty;
    if (n->is_entry) return entry_of(n)->leaf;
    auto* in = static_cast<Inner*>(n);
    if (in->dirty) {
      in->hash = inner_hash(suite, seal(suite, in->left.get()), seal(suite, in->right.get()));
      in->dirty = false;
    }
    return in->hash;
  }
};

StateTree::StateTree() = default;
StateTree::~StateTree() = default;
StateTree::StateTree(const StateTree&) = default;
StateTree::StateTree(StateTree&&) noexcept = default;
StateTree& StateTree::operator=(const StateTree&) = default;
StateTree& StateTree::operator=(StateTree&&) noexcept = default;

Hash32 StateTree::leaf_of(const CryptoSuite& suite, std::string_view key, ByteView value) {
  Writer w;
  w.u8(0x00);
  w.u32(static_cast<uint32_t>(key.size()));
  w.raw(as_bytes(key));
  w.raw(value);
  return suite.hash(w.data());
}

Hash32 StateTree::path_of(const CryptoSuite& suite, std::string_view key) {
  return suite.hash(as_bytes(key));
}

const StateTree::Entry* StateTree::find(std::string_view key) const {
  const IndexNode* n = index_.get();
  while (n) {
    int c = key.compare(n->entry->key);
    if (c == 0) return n->entry.get();
    n = c < 0 ? n->left.get() : n->right.get();
  }
  return nullptr;
}

const StateTree::Entry* StateTree::floor(std::string_view key) const {
  const Entry* best = nullptr;
  for (const IndexNode* n = index_.get(); n;) {
    if (key.compare(n->entry->key) < 0) {
      n = n->left.get();
    } else {
      best = n->entry.get();
      n = n->right.get();
    }
  }
  return best;
}

size_t StateTree::size() const { return index_ ? index_->size : 0; }

Ref<StateTree::Entry> StateTree::put(const CryptoSuite& suite, std::string key, Bytes value) {
  Hash32 leaf = leaf_of(suite, key, value);
  Hash32 path = path_of(suite, key);
  own_bytes_ += sizeof(Entry) + key.capacity() + value.capacity();
  Ref<Entry> e(new Entry(std::move(key), std::move(value), leaf));
  StateTreeOps ops{&suite, own_bytes_};
  index_ = ops.insert(index_, e, true);
  trie_ = ops.insert(trie_, e, path, 0);
  return e;
}

bool StateTree::erase(const CryptoSuite& suite, std::string_view key) {
  StateTreeOps ops{&suite, own_bytes_};
  bool removed = false;
  index_ = ops.erase(index_, key, removed);
  if (removed) trie_ = ops.erase(trie_, key, path_of(suite, key), 0);
  return removed;
}

std::vector<Hash32> StateTree::leaves_in_order() const {
  std::vector<Hash32> out;
  out.reserve(size());
  scan_from(index_.get(), {}, [&](const Entry& e) {
    out.push_back(e.leaf);
    return true;
  });
  return out;
}

const Hash32& StateTree::seal(const CryptoSuite& suite) {
  return StateTreeOps::seal(suite, trie_.get());
}

bool StateTree::sealed() const {
  return !trie_ || trie_->is_entry || !static_cast<const Inner*>(trie_.get())->dirty;
}

std::optional<std::vector<Hash32>> StateTree::prove(const CryptoSuite& suite,
                                                    std::string_view key) const {
  const Entry* e = find(key);
  if (!e || !sealed()) return std::nullopt;  // an unsealed tree has stale hashes
  Hash32 path = path_of(suite, key);
  std::vector<Hash32> siblings;
  const Node* n = trie_.get();
  for (int depth = 0; n && !n->is_entry; ++depth) {
    const auto* in = static_cast<const Inner*>(n);
    bool bit = path_bit(path, depth);
    siblings.push_back(StateTreeOps::digest(bit ? in->left.get() : in->right.get()));
    n = bit ? in->right.get() : in->left.get();
  }
  if (n != e) return std::nullopt;  // unreachable in a sound tree
  std::reverse(siblings.begin(), siblings.end());
  return siblings;
}

std::optional<Hash32> StateTree::root_from(const CryptoSuite& suite, const Hash32& leaf,
                                           const Hash32& path,
                                           const std::vector<Hash32>& siblings) {
  if (siblings.size() > kPathBits) return std::nullopt;
  Hash32 h = leaf;
  for (size_t i = 0; i < siblings.size(); ++i) {
    int depth = static_cast<int>(siblings.size() - 1 - i);
    h = path_bit(path, depth) ? inner_hash(suite, siblings[i], h) : inner_hash(suite, h, siblings[i]);
  }
  return h;
}

int StateTree::trie_depth() const {
  struct Walk {
    static int depth(const Node* n) {
      if (!n || n->is_entry) return 0;
      const auto* in = static_cast<const Inner*>(n);
      return 1 + std::max(depth(in->left.get()), depth(in->right.get()));
    }
  };
  return Walk::depth(trie_.get());
}

}  // namespace consortia
