// A vector whose copies share one immutable buffer until one of them is
// written to (copy on write). For lists that are copied far more often than
// changed: a certificate's votes travel inside every block header, proposal
// and remembered certificate, and at 100 validators each copy of a plain
// vector would be some 70 signature allocations.
//
// Reads never copy, and every accessor is const: the writers (mutate(),
// push_back, reserve, clear) first give this copy a buffer of its own if
// another copy still shares it. A vector is not to be written from two
// threads, like std::vector.
#pragma once

#include <initializer_list>
#include <memory>
#include <vector>

namespace consortia {

template <class T>
class SharedVector {
 public:
  using value_type = T;
  using const_iterator = typename std::vector<T>::const_iterator;

  SharedVector() = default;
  SharedVector(std::initializer_list<T> items) : SharedVector(std::vector<T>(items)) {}
  explicit SharedVector(std::vector<T> items)
      : p_(items.empty() ? nullptr : std::make_shared<std::vector<T>>(std::move(items))) {}

  size_t size() const { return p_ ? p_->size() : 0; }
  bool empty() const { return size() == 0; }
  const_iterator begin() const { return items().begin(); }
  const_iterator end() const { return items().end(); }
  const T& operator[](size_t i) const { return items()[i]; }
  const T& back() const { return items().back(); }
  const std::vector<T>& items() const { return p_ ? *p_ : empty_(); }
  // The shared buffer, kept alive by the returned pointer (null when empty).
  // While someone holds it, every writer detaches first, so the buffer it
  // names does not change: copies with the same buffer have the same items.
  std::shared_ptr<const std::vector<T>> buffer() const { return p_; }

  // Writers: each makes this copy's buffer its own first. The vector that
  // mutate() returns is to be changed at once and not kept: once this copy
  // is copied again, the two share it, and a write through a kept reference
  // would change both.
  std::vector<T>& mutate() {
    if (!p_) p_ = std::make_shared<std::vector<T>>();
    else if (p_.use_count() > 1) p_ = std::make_shared<std::vector<T>>(*p_);
    return *p_;
  }
  void push_back(T v) { mutate().push_back(std::move(v)); }
  void reserve(size_t n) { mutate().reserve(n); }
  void clear() { p_.reset(); }

  bool operator==(const SharedVector& o) const { return p_ == o.p_ || items() == o.items(); }

 private:
  static const std::vector<T>& empty_() {
    static const std::vector<T> kEmpty;
    return kEmpty;
  }
  std::shared_ptr<std::vector<T>> p_;
};

}  // namespace consortia
