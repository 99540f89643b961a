// SharedVector: a vector whose storage is shared by its copies until one of
// them changes (copy on write), so that copying a FirmData costs nothing for
// the kinds nobody changes.
//
// The server's snapshots are immutable; a write builds the next one from a
// copy of the current data (SnapshotHolder). With SharedVector that copy
// shares every kind's storage with the snapshot it came from, and only the
// kinds the change touches are copied, when they are first changed.
//
// Reading never copies: every accessor that hands out elements is const
// (begin, end, operator[], front, back, data, get) and returns the shared
// storage, also on a non-const SharedVector. Changing goes through the
// mutating members (push_back, emplace_back, insert, erase, reserve, resize,
// clear, assignment) or `mut()`, which make the storage this object's own
// first (a copy when it is shared). References and iterators obtained before
// a change are invalidated by it, as std::vector's are.
//
// Thread safety: as std::vector's. Copies may be read and changed by
// different threads at once (the shared storage is never changed while
// shared).
#pragma once

#include <atomic>
#include <cstddef>
#include <initializer_list>
#include <memory>
#include <utility>
#include <vector>

namespace guild {

template <typename T>
class SharedVector {
 public:
  using value_type = T;
  using size_type = std::size_t;
  using difference_type = std::ptrdiff_t;
  using reference = const T&;
  using const_reference = const T&;
  using iterator = typename std::vector<T>::const_iterator;
  using const_iterator = typename std::vector<T>::const_iterator;

  SharedVector() = default;
  SharedVector(std::vector<T> items)  // NOLINT(google-explicit-constructor): a vector is one
      : items_(std::make_shared<std::vector<T>>(std::move(items))) {}
  SharedVector(std::initializer_list<T> items) : SharedVector(std::vector<T>(items)) {}
  SharedVector& operator=(std::vector<T> items) {
    items_ = std::make_shared<std::vector<T>>(std::move(items));
    return *this;
  }
  SharedVector& operator=(std::initializer_list<T> items) { return *this = std::vector<T>(items); }

  //! The elements (shared; never copies).
  [[nodiscard]] const std::vector<T>& get() const { return items_ ? *items_ : Empty(); }
  operator const std::vector<T>&() const { return get(); }  // NOLINT(google-explicit-constructor)
  //! The elements to change: this object's own storage (a copy when shared).
  std::vector<T>& mut() {
    if (!items_) {
      items_ = std::make_shared<std::vector<T>>();
    } else if (!Owned()) {
      items_ = std::make_shared<std::vector<T>>(*items_);
    }
    return *items_;
  }
  //! Moves the elements out (a copy when shared); leaves this empty.
  std::vector<T> take() {
    std::vector<T> out = items_ && Owned() ? std::move(*items_) : get();
    items_.reset();
    return out;
  }
  //! true when both hold the same storage (both unchanged copies of one
  //! vector, or both never assigned).
  [[nodiscard]] bool SharesWith(const SharedVector& other) const { return items_ == other.items_; }

  [[nodiscard]] size_type size() const { return get().size(); }
  [[nodiscard]] bool empty() const { return get().empty(); }
  [[nodiscard]] size_type capacity() const { return get().capacity(); }
  [[nodiscard]] const_iterator begin() const { return get().begin(); }
  [[nodiscard]] const_iterator end() const { return get().end(); }
  [[nodiscard]] const_iterator cbegin() const { return get().cbegin(); }
  [[nodiscard]] const_iterator cend() const { return get().cend(); }
  [[nodiscard]] const T& operator[](size_type i) const { return get()[i]; }
  [[nodiscard]] const T& at(size_type i) const { return get().at(i); }
  [[nodiscard]] const T& front() const { return get().front(); }
  [[nodiscard]] const T& back() const { return get().back(); }
  [[nodiscard]] const T* data() const { return get().data(); }

  void push_back(const T& item) { mut().push_back(item); }
  void push_back(T&& item) { mut().push_back(std::move(item)); }
  template <typename... Args>
  T& emplace_back(Args&&... args) {
    return mut().emplace_back(std::forward<Args>(args)...);
  }
  template <typename... Args>
  void insert(const_iterator at, Args&&... args) {
    const auto offset = at - begin();
    std::vector<T>& items = mut();
    items.insert(items.begin() + offset, std::forward<Args>(args)...);
  }
  void erase(const_iterator first, const_iterator last) {
    const auto from = first - begin();
    const auto to = last - begin();
    std::vector<T>& items = mut();
    items.erase(items.begin() + from, items.begin() + to);
  }
  void erase(const_iterator at) { erase(at, at + 1); }
  void reserve(size_type n) { mut().reserve(n); }
  void resize(size_type n) { mut().resize(n); }
  void pop_back() { mut().pop_back(); }
  void clear() { items_.reset(); }
  void shrink_to_fit() { mut().shrink_to_fit(); }

  friend bool operator==(const SharedVector& a, const SharedVector& b) {
    return a.items_ == b.items_ || a.get() == b.get();
  }

 private:
  // True when this object holds the only reference to its storage, so it may
  // change it in place. use_count() is a relaxed load; the acquire fence
  // orders this thread's writes after everything a thread that just dropped
  // its copy (a release decrement) did with the storage.
  [[nodiscard]] bool Owned() const {
    if (items_.use_count() != 1) return false;
    std::atomic_thread_fence(std::memory_order_acquire);
    return true;
  }
  static const std::vector<T>& Empty() {
    static const std::vector<T> empty;
    return empty;
  }

  std::shared_ptr<std::vector<T>> items_;  // null: empty
};

}  // namespace guild
