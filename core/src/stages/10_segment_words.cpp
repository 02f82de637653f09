// Stage 10: segment_words.
//
// Words: Vietnamese words built from syllable tokens.
//
// Longest match against the word list (set_word_list), left to right within a sentence, plus one rule for
// names: a run of two or more capitalized syllables ("Trương Thanh Huyền", "Hà Tĩnh") is one word, unless its
// last syllable starts a lexicon word with the next, lowercase syllable ("Ban Dân vận" → "Ban" + "Dân vận").
// Numbers and other tokens are words of their own.
#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "data.h"
#include "matchers.h"
#include "names.h"
#include "pipeline.h"
#include "string_table.h"
#include "text.h"
#include "user_words.h"
#include "word_model.h"
#include "words.h"

namespace article {

namespace {
// The word list as two tries over syllables, one read forward and one backward: a syllable is interned to an
// id once, and a match steps from node to node on integer keys, stopping as soon as no word goes on (most
// two-syllable runs start no word). Tokens are looked up once per segmentation, not once per key tried.
struct WordList {
  internal::StringTable<std::uint32_t> syllables;  // lowercase syllable → id (from 1)
  struct Trie {
    // Open addressing on the edge key (node << 32 | syllable, never 0 since syllable ids start at 1), each
    // key beside its child: a lookup is one probe in most cases, and building allocates no node per edge
    // (the list is built at start-up, in the browser too).
    std::vector<std::pair<std::uint64_t, std::uint32_t>> table;
    std::uint64_t mask = 0;
    int shift = 64;
    std::size_t edges = 0;
    // Per node (node 0: the root): the sources (WordSource bits) of the word that ends there, 0 if none.
    std::vector<std::uint8_t> ends_word{0};

    static std::uint64_t key(std::uint32_t node, std::uint32_t syllable) {
      return static_cast<std::uint64_t>(node) << 32 | syllable;
    }
    // Fibonacci hashing: the top bits of the product depend on every bit of the key (node and syllable).
    std::uint64_t slot(std::uint64_t key) const { return (key * 0x9E3779B97F4A7C15ull) >> shift; }
    // The slot holding `k`, or the empty slot where it would go.
    std::uint64_t find_slot(std::uint64_t k) const {
      std::uint64_t i = slot(k);
      while (table[i].first != 0 && table[i].first != k) i = (i + 1) & mask;
      return i;
    }
    std::uint32_t child(std::uint32_t node, std::uint32_t syllable) const {
      if (table.empty()) return 0;
      const auto& entry = table[find_slot(key(node, syllable))];
      return entry.first == 0 ? 0 : entry.second;
    }
    std::uint32_t add_child(std::uint32_t node, std::uint32_t syllable) {
      if (10 * (edges + 1) > 7 * table.size()) grow();  // at most 70 % full
      const std::uint64_t k = key(node, syllable);
      auto& entry = table[find_slot(k)];
      if (entry.first == 0) {
        entry = {k, static_cast<std::uint32_t>(ends_word.size())};
        ends_word.push_back(0);
        ++edges;
      }
      return entry.second;
    }
    void grow() { resize(table.empty() ? 1024 : 2 * table.size()); }
    // Room for `count` edges without growing (the compiled list says how many it holds at most).
    void reserve(std::size_t count) {
      std::size_t size = std::max<std::size_t>(table.size(), 1024);
      while (10 * (count + 1) > 7 * size) size *= 2;
      if (size > table.size()) resize(size);
      ends_word.reserve(count + 1);
    }
    void resize(std::size_t size) {
      std::vector<std::pair<std::uint64_t, std::uint32_t>> old = std::move(table);
      table.assign(size, {0, 0});
      mask = table.size() - 1;
      shift = 64;
      for (std::uint64_t size = table.size(); size > 1; size >>= 1) --shift;
      for (const auto& entry : old)
        if (entry.first != 0) table[find_slot(entry.first)] = entry;
    }
  } forward, backward;
  int longest = 1;
  bool empty() const { return forward.edges == 0; }
};
// Never destroyed: freeing the tries at exit would only cost the CLI time.
WordList& word_list() {
  static WordList* list = new WordList;
  return *list;
}
}  // namespace

namespace {
// The segmentation conventions (data/vi_segmentation_rules.tsv) that split entries of the word list: whole
// entries split or kept, and the syllables that split a two-syllable entry they begin or end. Asked of every
// entry at start-up (in the browser too): the syllables' classes are looked up once per distinct syllable
// (class_of, when it is interned), the entry itself hashed once for both of its tables.
class ConventionRules {
 public:
  enum : std::uint8_t { kSplitsAsFirst = 1, kSplitsAsLast = 2 };

  static const ConventionRules& get() {
    static const ConventionRules rules;
    return rules;
  }
  std::uint8_t class_of(std::string_view syllable) const {
    return (first_.contains(syllable) ? kSplitsAsFirst : 0) | (last_.contains(syllable) ? kSplitsAsLast : 0);
  }
  // Whether the conventions split `entry`, of `syllables` syllables, whose first and last syllables have the
  // classes given (class_of).
  bool splits(std::string_view entry, std::uint8_t first_class, std::uint8_t last_class, std::size_t syllables) const {
    const std::uint64_t hash = internal::StringTable<char>::hash(entry);
    if (keep_.find(entry, hash)) return false;
    if (split_.find(entry, hash)) return true;
    // Only two-syllable entries are split by class.
    return syllables == 2 && ((first_class & kSplitsAsFirst) || (last_class & kSplitsAsLast));
  }

 private:
  ConventionRules() {
    for (const auto& row : internal::data_rows(internal::data::vi_segmentation_rules_tsv)) {
      if (row.size() < 2) continue;
      if (row[0] == "classifier" || row[0] == "first")
        first_.try_emplace(row[1]);
      else if (row[0] == "complement" || row[0] == "demonstrative")
        last_.try_emplace(row[1]);
      else if (row[0] == "split")
        split_.try_emplace(row[1]);
      else if (row[0] == "keep")
        keep_.try_emplace(row[1]);
    }
  }
  internal::StringTable<char> first_, last_, split_, keep_;
};
}  // namespace

namespace {
constexpr std::size_t kLongestEntry = 6;  // syllables

// The compiled word list (compile_word_list): the tries' syllables and entries, which set_word_list loads
// without reading the text again, hashing each entry or judging it by the conventions (27 M instructions
// against 66 M for the shipped list, whose loading is most of the analyzer's start-up, in the browser too).
// Unsigned LEB128 varints:
//   "AAWL" u8 version (1)
//   varint syllables; each: varint length, its UTF-8 bytes          (ids 1, 2, … in this order)
//   varint entries;   each: u8 sources (WordSource bits), u8 shared << 4 | syllables,
//                           then the ids of the syllables after the `shared` it has in common with the
//                           entry before (front coding: the list is sorted, so most entries share a prefix)
// The entries are those the text's build added, in its order, the supplement's included: loaded, the tries
// are the text's own, node for node.
constexpr std::string_view kCompiledMagic = "AAWL";
constexpr std::uint8_t kCompiledVersion = 1;

struct CompiledWriter {
  std::vector<std::string_view> syllables;  // by id - 1
  std::string entries;
  std::size_t count = 0;
  std::vector<std::uint32_t> previous;
  static void varint(std::string& out, std::uint64_t v) {
    while (v >= 0x80) out += static_cast<char>((v & 0x7F) | 0x80), v >>= 7;
    out += static_cast<char>(v);
  }
  void entry(const std::vector<std::uint32_t>& ids, std::uint8_t sources) {
    std::size_t shared = 0;
    while (shared < previous.size() && shared + 1 < ids.size() && previous[shared] == ids[shared]) ++shared;
    entries += static_cast<char>(sources);
    entries += static_cast<char>(shared << 4 | ids.size());
    for (std::size_t k = shared; k < ids.size(); ++k) varint(entries, ids[k]);
    previous = ids;
    ++count;
  }
  std::string finish() const {
    std::string out(kCompiledMagic);
    out += static_cast<char>(kCompiledVersion);
    varint(out, syllables.size());
    for (const std::string_view syllable : syllables) {
      varint(out, syllable.size());
      out.append(syllable);
    }
    varint(out, count);
    return out + entries;
  }
};

// `ids` into both tries, as an entry of `sources`. The forward walk may start after the entry's first `shared`
// syllables, from their node `from` (a front-coded entry's prefix is in the trie already); `nodes`, when given,
// receives the forward node after each syllable (nodes[k + 1]: after k + 1 of them).
void add_entry(WordList& list, const std::vector<std::uint32_t>& ids, std::uint8_t sources, std::size_t shared = 0,
               std::uint32_t from = 0, std::uint32_t* nodes = nullptr) {
  std::uint32_t node = from;
  for (std::size_t k = shared; k < ids.size(); ++k) {
    node = list.forward.add_child(node, ids[k]);
    if (nodes) nodes[k + 1] = node;
  }
  list.forward.ends_word[node] |= sources;
  node = 0;
  for (auto id = ids.rbegin(); id != ids.rend(); ++id) node = list.backward.add_child(node, *id);
  list.backward.ends_word[node] |= sources;
  list.longest = std::max(list.longest, static_cast<int>(ids.size()));
}

// The given text list, plus our own supplement of common words it lacks (data/vi_words_extra.txt), into
// `list`; each word keeps where it came from (WordSource), which the learned segmenter reads. With `writer`,
// also what compile_word_list writes. False if the given list had no usable entry.
bool build_from_text(std::string_view lines, WordList& list, CompiledWriter* writer) {
  const ConventionRules& rules = ConventionRules::get();
  list.syllables.reserve(8192);                 // Vietnamese writes about 7,000 distinct syllables
  std::vector<std::uint8_t> syllable_class{0};  // ConventionRules::class_of, per syllable id (from 1)
  std::vector<std::uint32_t> ids;
  std::uint8_t source = internal::kWordFromList;
  auto add = [&](std::string_view line) {
    // The syllables are interned before the entry is judged (one pass over it): a syllable of an entry left
    // out below keeps its id, which only says that no word of the list starts with it.
    ids.clear();
    for (std::size_t from = 0; ids.size() <= kLongestEntry;) {
      const std::size_t space = std::min(line.find(' ', from), line.size());
      const std::string_view syllable = line.substr(from, space - from);
      const auto [id, added] =
          list.syllables.try_emplace(syllable, static_cast<std::uint32_t>(list.syllables.size() + 1));
      if (added) {
        syllable_class.push_back(rules.class_of(syllable));
        if (writer) writer->syllables.push_back(syllable);
      }
      ids.push_back(*id);
      if (space == line.size()) break;
      from = space + 1;
    }
    if (ids.size() < 2 || ids.size() > kLongestEntry) return;
    if (rules.splits(line, syllable_class[ids.front()], syllable_class[ids.back()], ids.size())) return;
    add_entry(list, ids, source);
    if (writer) writer->entry(ids, source);
  };
  internal::for_each_data_line(lines, add);
  if (list.empty()) return false;
  source = internal::kWordFromAuthors;
  internal::for_each_data_line(internal::data_file(internal::data::vi_words_extra_txt), add);
  return true;
}

// Sizes the tries for the entries of a compiled list that `rest` begins with, from a pass over their shapes
// alone: the forward trie adds at most the syllables an entry does not share with the one before, the backward
// trie at most all of them. Growing instead would rehash each trie several times (a tenth of the load).
// Malformed bytes only make the estimate wrong; load_compiled refuses them.
void reserve_edges(std::string_view rest, std::uint64_t entries, WordList& list) {
  std::size_t forward = 0, backward = 0, at = 0;
  for (std::uint64_t e = 0; e < entries && at + 2 <= rest.size(); ++e) {
    const std::uint8_t shape = static_cast<std::uint8_t>(rest[at + 1]);
    const std::size_t shared = shape >> 4, length = shape & 0x0F;
    at += 2;
    for (std::size_t k = shared; k < length && at < rest.size(); ++k)  // skip a varint: up to a byte < 0x80
      while (at < rest.size() && (static_cast<std::uint8_t>(rest[at++]) & 0x80)) {
      }
    forward += length > shared ? length - shared : 0;
    backward += length;
  }
  // A list that claims more than its bytes can hold is refused anyway; do not reserve for it.
  if (forward > rest.size() || backward > kLongestEntry * rest.size()) return;
  list.forward.reserve(forward);
  list.backward.reserve(backward);
}

// A compiled list (CompiledWriter) into `list`. False, and `list` left for the caller to clear, if the bytes
// are not one: truncated, an id out of range, an entry of fewer than 2 or more than kLongestEntry syllables.
bool load_compiled(std::string_view bytes, WordList& list) {
  std::size_t at = kCompiledMagic.size();
  bool ok = at < bytes.size() && static_cast<std::uint8_t>(bytes[at++]) == kCompiledVersion;
  auto byte = [&]() -> std::uint8_t {
    if (at >= bytes.size()) return ok = false, 0;
    return static_cast<std::uint8_t>(bytes[at++]);
  };
  auto varint = [&]() -> std::uint64_t {
    std::uint64_t v = 0;
    for (int shift = 0; ok && shift < 64; shift += 7) {
      const std::uint8_t b = byte();
      v |= static_cast<std::uint64_t>(b & 0x7F) << shift;
      if (!(b & 0x80)) return v;
    }
    return ok = false, 0;
  };
  const std::uint64_t syllables = ok ? varint() : 0;
  if (!ok || syllables > bytes.size()) return false;  // each takes a byte at least
  list.syllables.reserve(static_cast<std::size_t>(syllables));
  for (std::uint64_t k = 0; k < syllables && ok; ++k) {
    const std::uint64_t length = varint();
    if (!ok || length > bytes.size() - at) return false;
    list.syllables.try_emplace(bytes.substr(at, length), static_cast<std::uint32_t>(k + 1));
    at += length;
  }
  if (list.syllables.size() != syllables) return false;  // a syllable twice
  const std::uint64_t entries = ok ? varint() : 0;
  if (ok) reserve_edges(bytes.substr(at), entries, list);
  // The forward trie's node after each syllable of the entry before: an entry that shares a prefix with it
  // starts from there (the edges of the prefix are its too).
  std::uint32_t prefix_node[kLongestEntry + 1] = {0};
  std::vector<std::uint32_t> ids;
  for (std::uint64_t e = 0; e < entries && ok; ++e) {
    const std::uint8_t sources = byte(), shape = byte();
    const std::size_t shared = shape >> 4, length = shape & 0x0F;
    if (!ok || sources == 0 || length < 2 || length > kLongestEntry || shared >= length || shared > ids.size())
      return false;
    ids.resize(shared);
    for (std::size_t k = shared; k < length; ++k) {
      const std::uint64_t id = varint();
      if (!ok || id == 0 || id > syllables) return false;
      ids.push_back(static_cast<std::uint32_t>(id));
    }
    add_entry(list, ids, sources, shared, prefix_node[shared], prefix_node);
  }
  return ok && at == bytes.size() && !list.empty();
}
}  // namespace

bool set_word_list(std::string_view lines) {
  WordList& list = word_list();
  list = WordList();
  const bool ok = lines.substr(0, kCompiledMagic.size()) == kCompiledMagic ? load_compiled(lines, list)
                                                                           : build_from_text(lines, list, nullptr);
  if (!ok) list = WordList();
  return ok;
}

std::string compile_word_list(std::string_view lines) {
  WordList list;
  CompiledWriter writer;
  return build_from_text(lines, list, &writer) ? writer.finish() : std::string();
}

namespace internal {

namespace {

bool adjacent(const Doc& doc, int a, int b) {
  // Syllables of one word are separated by exactly one space.
  return doc.tokens[b].span.start - doc.tokens[a].span.end == 1 && doc.text.norm[doc.tokens[a].span.end] == ' ';
}

bool is_syllable(const Doc& doc, int t) { return doc.info[t].is_word; }

}  // namespace

std::vector<std::uint32_t> syllable_ids(const Doc& doc) {
  const WordList& list = word_list();
  std::vector<std::uint32_t> ids(doc.tokens.size(), 0);
  // Tokens share their lowercase forms (TokenInfo::form): one lookup per form.
  constexpr std::uint32_t kUnknown = ~0u;
  std::vector<std::uint32_t> by_form(doc.lower_forms.size(), kUnknown);
  for (std::size_t t = 0; t < doc.tokens.size(); ++t) {
    if (!doc.info[t].is_word) continue;
    std::uint32_t& id = by_form[doc.info[t].form];
    if (id == kUnknown) {
      const std::uint32_t* s = list.syllables.find(doc.info[t].lower());
      id = s ? *s : 0;
    }
    ids[t] = id;
  }
  return ids;
}

void lexicon_matches(const Doc& doc, const std::vector<std::uint32_t>& ids, int b, int e, LexiconMatches& out) {
  const WordList::Trie& trie = word_list().forward;
  const std::size_t n = static_cast<std::size_t>(std::max(0, e - b));
  out.starting.assign(n, 0), out.ending.assign(n, 0), out.spanning.assign(n, 0), out.spanning_sources.assign(n, 0);
  for (int a = b; a < e; ++a) {
    std::uint32_t node = ids[a] ? trie.child(0, ids[a]) : 0;
    for (int len = 2; node != 0 && len <= word_list().longest && a + len <= e; ++len) {
      const int t = a + len - 1;
      if (!doc.info[t].is_word || ids[t] == 0 || doc.tokens[t].span.start - doc.tokens[t - 1].span.end != 1 ||
          doc.text.norm[doc.tokens[t - 1].span.end] != ' ')
        break;
      node = trie.child(node, ids[t]);
      if (node == 0 || !trie.ends_word[node]) continue;
      const auto l = static_cast<std::uint8_t>(len);
      out.starting[a - b] = std::max(out.starting[a - b], l);
      out.ending[t - b] = std::max(out.ending[t - b], l);
      for (int k = a + 1; k <= t; ++k) {
        out.spanning[k - b] = std::max(out.spanning[k - b], l);
        out.spanning_sources[k - b] |= trie.ends_word[node];
      }
    }
  }
}

namespace {

// Longest lexicon word starting at token i (in tokens), at least 1.
int lexicon_match(const Doc& doc, const std::vector<std::uint32_t>& ids, int i, int end) {
  const WordList::Trie& trie = word_list().forward;
  std::uint32_t node = ids[i] ? trie.child(0, ids[i]) : 0;
  int best = 1;
  for (int n = 2; node != 0 && n <= word_list().longest && i + n <= end; ++n) {
    const int t = i + n - 1;
    if (!is_syllable(doc, t) || !adjacent(doc, t - 1, t) || ids[t] == 0) break;
    node = trie.child(node, ids[t]);
    if (node != 0 && trie.ends_word[node]) best = n;
  }
  return best;
}

// Longest lexicon word ending before token j and starting no earlier than b (in tokens), at least 1.
int lexicon_match_back(const std::vector<std::uint32_t>& ids, int b, int j) {
  const WordList::Trie& trie = word_list().backward;
  std::uint32_t node = ids[j - 1] ? trie.child(0, ids[j - 1]) : 0;
  int best = 1;
  for (int n = 2; node != 0 && n <= word_list().longest && j - n >= b; ++n) {
    if (ids[j - n] == 0) break;
    node = trie.child(node, ids[j - n]);
    if (node != 0 && trie.ends_word[node]) best = n;
  }
  return best;
}

int capitalized_run(const Doc& doc, int i, int end) {
  int n = 0;
  while (i + n < end && is_syllable(doc, i + n) && doc.info[i + n].upper_start && !doc.info[i + n].all_upper &&
         (n == 0 || adjacent(doc, i + n - 1, i + n)))
    ++n;
  return n;
}

}  // namespace

// Segments the lowercase stretch of syllables [b, e) with the word list: forward and backward longest
// matching, keeping the one with fewer words, then fewer single syllables, then the backward one (it
// handles "của công ty" → "của | công ty", where forward matching takes "của công").
std::vector<int> match_stretch(const Doc& doc, const std::vector<std::uint32_t>& ids, int b, int e) {
  std::vector<int> forward, backward;
  for (int i = b; i < e;) {
    const int n = lexicon_match(doc, ids, i, e);
    forward.push_back(n);
    i += n;
  }
  // The stretch's syllables are adjacent (segment_words cuts stretches so): no spacing check going back.
  for (int j = e; j > b;) {
    const int best = lexicon_match_back(ids, b, j);
    backward.push_back(best);
    j -= best;
  }
  std::reverse(backward.begin(), backward.end());
  auto singles = [](const std::vector<int>& v) { return std::count(v.begin(), v.end(), 1); };
  if (forward.size() < backward.size() || (forward.size() == backward.size() && singles(forward) < singles(backward)))
    return forward;
  return backward;
}

Words segment_words(const Doc& doc) {
  Words result;
  result.word_length.assign(doc.tokens.size(), 1);
  result.user_words = match_user_words(doc);
  if (doc.out.language == "en") return result;  // English words are its tokens
  const std::vector<std::uint32_t> ids = syllable_ids(doc);
  auto emit = [&](int i, int n, bool proper) {
    result.word_length[i] = n;
    for (int k = 1; k < n; ++k) result.word_length[i + k] = 0;
    result.words.push_back({doc.span(doc.tokens[i].span.start, doc.tokens[i + n - 1].span.end), n, proper});
  };
  // Lowercase-led syllables [b, e) as word-list words.
  auto emit_stretch = [&](int b, int e) {
    if (b >= e) return;
    int at = b;
    for (int len : match_stretch(doc, ids, b, e)) {
      emit(at, len, false);
      at += len;
    }
  };
  for (std::size_t s = 0; s < doc.out.sentences.size(); ++s) {
    const int end = doc.sentence_token_end(static_cast<int>(s));
    for (int i = doc.sentence_token_begin(static_cast<int>(s)); i < end;) {
      if (!is_syllable(doc, i)) {
        if (doc.info[i].is_number) {
          // A number and its multiplier are one word ("10 triệu", "4.385 tỉ").
          const bool multiplied = i + 1 < end && is_syllable(doc, i + 1) && adjacent(doc, i, i + 1) &&
                                  is_multiplier(doc.info[i + 1].lower());
          emit(i, multiplied ? 2 : 1, false);
          i += multiplied ? 2 : 1;
          continue;
        }
        ++i;
        continue;
      }
      // A stretch of syllables separated by single spaces, cut at name runs.
      int stretch_end = i + 1;
      while (stretch_end < end && is_syllable(doc, stretch_end) && adjacent(doc, stretch_end - 1, stretch_end))
        ++stretch_end;
      int plain = i;
      for (int k = i; k < stretch_end;) {
        int run = capitalized_run(doc, k, stretch_end);
        // Forms of address are words of their own, not part of the name ("Bà Liễu"); so is a function word
        // capitalized only because it opens the sentence ("Nếu Tùng …", "Tại Hà Nội …").
        const bool opens_sentence = k == doc.sentence_token_begin(static_cast<int>(s));
        if (run >= 2 && (match_phrase(doc, data::honorifics_tsv, k, k + 1) == 1 ||
                         (opens_sentence && (match_phrase(doc, data::sentence_starters_txt, k, k + 1) == 1 ||
                                             match_phrase(doc, data::stopwords_txt, k, k + 1) == 1))))
          run = 0;
        while (run >= 2 && k + run < stretch_end && !doc.info[k + run].upper_start &&
               lexicon_match(doc, ids, k + run - 1, stretch_end) > 1)
          --run;
        // A run that ends in a known place name is two words: "Hàng Mành | Hà Nội". No place name is longer
        // than the longest entry, so the tails tried are no longer either.
        static const int longest_place = max_syllables(data::places_tsv);
        for (int tail = 2; run >= 4 && tail <= run - 2 && tail <= longest_place; ++tail)
          if (data_map(data::places_tsv)
                  .count(to_utf8(doc.slice(doc.tokens[k + run - tail].span.start, doc.tokens[k + run - 1].span.end)))) {
            run -= tail;
            break;
          }
        if (run >= 2 && lexicon_match(doc, ids, k, stretch_end) < run) {
          emit_stretch(plain, k);
          emit(k, run, true);
          k += run;
          plain = k;
        } else {
          ++k;
        }
      }
      emit_stretch(plain, stretch_end);
      i = stretch_end;
    }
  }
  // The rules propose; the learned segmenter, when the model file has one, decides between lowercase
  // syllables, reading their proposal.
  if (const WordSegmenter* segmenter = word_segmenter()) apply_word_segmenter(doc, ids, *segmenter, result);
  // And the user's own words are words whatever either says.
  segment_user_words(doc, result);
  // Words live to the end of the analysis: give back what doubling reserved (up to half on a large input).
  result.words.shrink_to_fit();
  return result;
}

}  // namespace internal
}  // namespace article
