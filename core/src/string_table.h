// A hash table from strings to values for the lexicons the analysis looks words up in, built once and read
// many times. It is flat: open addressing over one array of slots (the key's hash, where its bytes are, the
// value) and every key's bytes in one buffer. A lookup costs a hash, one probe sequence through contiguous
// slots and one comparison for a hit, where std::unordered_map chases a bucket, a node and the key's heap
// bytes (in WebAssembly those lookups were a tenth of the analysis).
//
// The hash is FNV-1a, which can be continued over a key that grows: a phrase matcher that appends a token at
// a time hashes only the new bytes (hash(" ", h), then hash(token, h)) and looks up with find(key, h).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace article::internal {

template <class V>
class StringTable {
 public:
  static constexpr std::uint64_t kSeed = 14695981039346656037ull;
  // FNV-1a over s, continuing from h.
  static std::uint64_t hash(std::string_view s, std::uint64_t h = kSeed) {
    for (char c : s) h = hash_byte(c, h);
    return h;
  }
  static std::uint64_t hash_byte(char c, std::uint64_t h) {
    return (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
  }

  std::size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  void reserve(std::size_t keys) {
    std::size_t capacity = 16;
    while (capacity < 2 * keys) capacity <<= 1;  // at most half full: probe sequences stay short
    if (capacity > slots_.size()) rehash(capacity);
  }

  const V* find(std::string_view key) const { return find(key, hash(key)); }
  // With h == hash(key), computed by the caller.
  const V* find(std::string_view key, std::uint64_t h) const {
    if (slots_.empty()) return nullptr;
    for (std::size_t i = home(h);; i = (i + 1) & mask_) {
      const Slot& s = slots_[i];
      if (s.length == 0) return nullptr;
      if (s.hash == h && s.length - 1 == key.size() && std::string_view(bytes_).substr(s.offset, key.size()) == key)
        return &s.value;
    }
  }
  bool contains(std::string_view key) const { return find(key) != nullptr; }
  // The value of the key whose hash is h and for which same(key) holds: for a caller that compares with a
  // key it has not built (a phrase kept as its tokens, say).
  template <class Same>
  const V* find_if(std::uint64_t h, Same same) const {
    if (slots_.empty()) return nullptr;
    for (std::size_t i = home(h);; i = (i + 1) & mask_) {
      const Slot& s = slots_[i];
      if (s.length == 0) return nullptr;
      if (s.hash == h && same(std::string_view(bytes_).substr(s.offset, s.length - 1))) return &s.value;
    }
  }

  // The value of key, inserted as `value` if the key is new; the bool says whether it was.
  std::pair<V*, bool> try_emplace(std::string_view key, V value = V()) {
    return try_emplace_hashed(key, hash(key), std::move(value));
  }
  // The same with h == hash(key), computed by the caller: a table of a phrase and its beginnings takes each
  // beginning's hash from one pass over the phrase.
  std::pair<V*, bool> try_emplace_hashed(std::string_view key, std::uint64_t h, V value = V()) {
    if (2 * (size_ + 1) > slots_.size()) rehash(slots_.empty() ? 16 : 2 * slots_.size());
    std::size_t i = home(h);
    for (;; i = (i + 1) & mask_) {
      Slot& s = slots_[i];
      if (s.length == 0) break;
      if (s.hash == h && s.length - 1 == key.size() && std::string_view(bytes_).substr(s.offset, key.size()) == key)
        return {&s.value, false};
    }
    Slot& s = slots_[i];
    s.hash = h;
    s.offset = static_cast<std::uint32_t>(bytes_.size());
    s.length = static_cast<std::uint32_t>(key.size() + 1);
    s.value = std::move(value);
    bytes_.append(key);
    ++size_;
    return {&s.value, true};
  }
  V& operator[](std::string_view key) { return *try_emplace(key).first; }

  // f(key, value) for every entry, in no particular order.
  template <class F>
  void for_each(F f) const {
    for (const Slot& s : slots_)
      if (s.length) f(std::string_view(bytes_).substr(s.offset, s.length - 1), s.value);
  }

 private:
  struct Slot {
    std::uint64_t hash = 0;
    std::uint32_t offset = 0;
    std::uint32_t length = 0;  // the key's length + 1; 0: an empty slot
    V value{};
  };
  // Fibonacci hashing: the top bits of the product depend on every bit of the hash.
  std::size_t home(std::uint64_t h) const { return static_cast<std::size_t>((h * 0x9E3779B97F4A7C15ull) >> shift_); }
  void rehash(std::size_t capacity) {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(capacity, Slot());
    mask_ = capacity - 1;
    shift_ = 64;
    for (std::size_t c = capacity; c > 1; c >>= 1) --shift_;
    for (Slot& s : old) {
      if (!s.length) continue;
      std::size_t i = home(s.hash);
      while (slots_[i].length) i = (i + 1) & mask_;
      slots_[i] = std::move(s);
    }
  }

  std::vector<Slot> slots_;
  std::string bytes_;
  std::size_t size_ = 0;
  std::size_t mask_ = 0;
  int shift_ = 64;
};

}  // namespace article::internal
