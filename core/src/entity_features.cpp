#include "entity_features.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "data.h"
#include "text.h"

namespace article::internal {

namespace {

// Phrase lists whose membership is a feature; the bit is the list's feature name.
struct PhraseSource {
  const char* file;
  const char* feature;
  bool lowercase;  // keys compared in lowercase (trigger words) or as written (names)
};
constexpr PhraseSource kPhraseSources[] = {
    {"gaz_vn_admin_units.tsv", "adm", false}, {"gaz_countries.tsv", "cty", false},
    {"places.tsv", "plc", false},             {"titles.tsv", "ttl", true},
    {"honorifics.tsv", "hon", true},          {"org_heads.tsv", "orh", true},
    {"place_levels.tsv", "lvl", true},        {"known_organizations.tsv", "kno", true},
    {"qualifiers.tsv", "qua", true},          {"speech_cues.tsv", "cue", true},
    {"locative_prepositions.txt", "loc", true}, {"group_speakers.txt", "grp", true},
    {"sentence_starters.txt", "sst", true},   {"surnames.txt", "sur", false},
};
constexpr int kSources = sizeof(kPhraseSources) / sizeof(kPhraseSources[0]);

struct Lexicon {
  // phrase (lowercase or as written, per source) → bit set of sources
  std::unordered_map<std::string, std::uint32_t> phrases;
  std::unordered_set<std::string> first_tokens;  // the first token of every phrase, as its key is written
  // Every key's beginnings that end where a token may end (before or after a space or a character the
  // tokenizer splits at): a phrase match stops growing once its text begins no key.
  std::unordered_set<std::string> beginnings;
  std::uint32_t lowercase_sources = 0;            // sources matched in any case
  int longest = 1;
  // Personal-name syllables: position ("surname", "middle", "given") → frequency bucket.
  std::unordered_map<std::string, std::vector<std::pair<std::string, int>>> name_parts;
  std::unordered_map<std::string, std::string> abbreviation_kind;  // "UBND" → organization
};

int bucket(int count) { return count == 0 ? 0 : count < 5 ? 1 : count < 50 ? 2 : 3; }

constexpr const char* kTokenSplits = " -&/()";  // a space, and the characters the tokenizer splits at

// The first token of a phrase as its key is written: up to a space or a character the tokenizer splits at.
std::string_view first_token_of(std::string_view phrase) {
  return phrase.substr(0, std::min(phrase.size(), phrase.find_first_of(kTokenSplits)));
}

const Lexicon& lexicon() {
  static const Lexicon lex = [] {
    Lexicon l;
    for (int s = 0; s < kSources; ++s)
      for (const auto& row : data_rows(kPhraseSources[s].file)) {
        std::string key = kPhraseSources[s].lowercase ? lower_utf8(decode_utf8_lossy(row[0])) : row[0];
        l.longest = std::max(l.longest, 1 + static_cast<int>(std::count(key.begin(), key.end(), ' ')));
        l.phrases[key] |= 1u << s;
      }
    for (int s = 0; s < kSources; ++s)
      if (kPhraseSources[s].lowercase) l.lowercase_sources |= 1u << s;
    l.longest = std::min(l.longest, 8);
    for (const auto& [phrase, bits] : l.phrases) {
      l.first_tokens.insert(std::string(first_token_of(phrase)));
      for (std::size_t i = phrase.find_first_of(kTokenSplits); i != std::string::npos;
           i = phrase.find_first_of(kTokenSplits, i + 1)) {
        l.beginnings.insert(phrase.substr(0, i));
        l.beginnings.insert(phrase.substr(0, i + 1));
      }
      // The en dash joins names too ("Bà Rịa–Vũng Tàu").
      for (std::size_t i = phrase.find("–"); i != std::string::npos; i = phrase.find("–", i + 1)) {
        l.beginnings.insert(phrase.substr(0, i));
        l.beginnings.insert(phrase.substr(0, i + std::string_view("–").size()));
      }
    }
    for (const auto& row : data_rows("gaz_person_names.tsv"))
      if (row.size() >= 3) l.name_parts[row[0]].push_back({row[1], bucket(std::atoi(row[2].c_str()))});
    for (const auto& row : data_rows("abbreviations.tsv"))
      if (row.size() >= 3) l.abbreviation_kind[row[0]] = row[2];
    return l;
  }();
  return lex;
}

// "Hà" → "Xx", "UBND" → "X", "2020" → "d", "TP.HCM" → "X.X", "iPhone" → "xXx"; runs of a class collapse.
std::string shape(std::u16string_view s) {
  std::string out;
  for (char16_t c : s) {
    char k;
    if (c >= '0' && c <= '9')
      k = 'd';
    else if (u_isupper(static_cast<UChar32>(c)))
      k = 'X';
    else if (u_isalpha(static_cast<UChar32>(c)))
      k = 'x';
    else
      k = c < 128 ? static_cast<char>(c) : '*';
    if (out.empty() || out.back() != k) out.push_back(k);
    if (out.size() >= 6) break;
  }
  return out;
}

}  // namespace

namespace {
enum ContextFlag : std::uint32_t {
  kAfterHonorific = 1, kAfterTitle = 2, kAfterLevel = 4, kRulePerson = 8, kRuleOrganization = 16,
  kRuleLocation = 32, kLowercaseElsewhere = 64, kCapitalizedMidSentence = 128, kAfterOrgHead = 256,
};

int source_index(const char* feature) {
  for (int s = 0; s < kSources; ++s)
    if (std::string_view(kPhraseSources[s].feature) == feature) return s;
  return -1;
}

}  // namespace

namespace {
constexpr auto fnv = [](std::string_view s) { return feature_hash(s); };
constexpr auto mix = feature_mix;
// A template's id, computed at compile time.
#define TEMPLATE(name) (std::integral_constant<std::uint32_t, feature_hash(name)>::value)
}  // namespace

void EntityFeatureExtractor::index_forms() {
  const Lexicon& lex = lexicon();
  const std::size_t n = doc_.tokens.size();
  form_of_.assign(n, 0);
  std::unordered_map<std::u16string_view, int> index;
  for (std::size_t t = 0; t < n; ++t) {
    const std::u16string_view written = doc_.slice(doc_.tokens[t].span);
    const auto [it, added] = index.try_emplace(written, static_cast<int>(forms_.size()));
    form_of_[t] = it->second;
    if (!added) continue;
    Form f;
    f.utf8 = to_utf8(written);
    const std::string& lower = doc_.info[t].lower();
    f.form = fnv(f.utf8);
    f.low = fnv(lower);
    f.shape = fnv(shape(written));
    if (f.utf8.size() >= 5) f.suffix = fnv(std::string_view(f.utf8).substr(f.utf8.size() - 3)) | 1u;
    if (has_clusters_)
      if (const auto c = clusters_.find(f.utf8); c != clusters_.end()) f.coarse = c->second.first, f.fine = c->second.second;
    if (doc_.info[t].is_word && doc_.info[t].upper_start)
      if (const auto p = lex.name_parts.find(f.utf8); p != lex.name_parts.end()) {
        std::uint32_t parts = 0;  // 2 bits of frequency bucket + 1 per position
        for (const auto& [part, b] : p->second)
          parts |= static_cast<std::uint32_t>(b + 1) << (part == "surname" ? 0 : part == "middle" ? 3 : 6);
        f.name_parts = parts;
      }
    if (const auto k = lex.abbreviation_kind.find(f.utf8); k != lex.abbreviation_kind.end()) f.abbreviation = fnv(k->second) | 1u;
    f.starts_phrase = doc_.info[t].is_word && (lex.first_tokens.count(lower) || lex.first_tokens.count(f.utf8));
    forms_.push_back(std::move(f));
  }
}

EntityFeatureExtractor::EntityFeatureExtractor(const Doc& doc, const RuleTags& rules, const WordClusters& clusters)
    : doc_(doc), rules_(rules), clusters_(clusters), has_clusters_(!clusters.empty()) {
  const Lexicon& lex = lexicon();
  const std::size_t n = doc.tokens.size();
  index_forms();
  starts_.assign(n, 0), inside_.assign(n, 0), ends_.assign(n, 0), single_.assign(n, 0);
  // Phrase matches, sentence by sentence (no phrase crosses a sentence end). Most tokens start no phrase:
  // only those whose form or lowercase form starts one are tried, and a match grows while its text begins a
  // phrase.
  std::string cased, lower;
  for (std::size_t si = 0; si + 1 < doc.sentence_tokens.size(); ++si) {
    const int b = doc.sentence_tokens[si], e = doc.sentence_tokens[si + 1];
    for (int i = b; i < e; ++i) {
      if (!forms_[form_of_[i]].starts_phrase) continue;
      cased.clear(), lower.clear();
      for (int k = 0; k < lex.longest && i + k < e; ++k) {
        const int t = i + k;
        if (k > 0) {
          if (doc.tokens[t].span.start - doc.tokens[t - 1].span.end > 1) break;
          const bool joiner = !doc.info[t].is_word && (doc.info[t].lower() == "-" || doc.info[t].lower() == "–");
          if (!doc.info[t].is_word && !joiner) break;
          if (k > 1 && !lex.beginnings.count(cased) && !lex.beginnings.count(lower)) break;
          if (doc.tokens[t].span.start > doc.tokens[t - 1].span.end) cased += ' ', lower += ' ';
        }
        cased += forms_[form_of_[t]].utf8;
        lower += doc.info[t].lower();
        const auto cased_it = lex.phrases.find(cased);
        const std::uint32_t cased_bits = cased_it == lex.phrases.end() ? 0 : cased_it->second;
        std::uint32_t bits = cased_bits;
        if (lower != cased)
          if (const auto it = lex.phrases.find(lower); it != lex.phrases.end()) bits |= it->second;
        // A name source matches only as written; a trigger source in any case.
        bits &= cased_bits | lex.lowercase_sources;
        if (!bits) continue;
        if (k == 0) single_[i] |= bits;
        starts_[i] |= bits;
        for (int j = i + 1; j <= t; ++j) inside_[j] |= bits;
        ends_[t] |= bits;
      }
    }
  }
  // What the whole document says about each capitalized form.
  static const int honorific = source_index("hon"), title = source_index("ttl"), level = source_index("lvl"),
                   org_head = source_index("orh");
  std::unordered_set<std::string_view> lowercase_forms;
  for (std::size_t t = 0; t < n; ++t)
    if (doc.info[t].is_word && !doc.info[t].upper_start) lowercase_forms.insert(doc.info[t].lower());
  std::vector<std::uint32_t> by_form(forms_.size(), 0);
  for (std::size_t si = 0; si + 1 < doc.sentence_tokens.size(); ++si) {
    const int b = doc.sentence_tokens[si], e = doc.sentence_tokens[si + 1];
    for (int t = b; t < e; ++t) {
      if (!doc.info[t].is_word || !doc.info[t].upper_start) continue;
      std::uint32_t flags = 0;
      // Only the first word of a name looks back at what introduces it.
      if (t > b && !(doc.info[t - 1].is_word && doc.info[t - 1].upper_start)) {
        const std::uint32_t before = ends_[t - 1];
        if (before & (1u << honorific)) flags |= kAfterHonorific;
        if (before & (1u << title)) flags |= kAfterTitle;
        if (before & (1u << level)) flags |= kAfterLevel;
        if (before & (1u << org_head)) flags |= kAfterOrgHead;
      }
      if (static_cast<std::size_t>(t) < rules.type.size()) {
        if (rules.type[t] == NameType::kPerson) flags |= kRulePerson;
        if (rules.type[t] == NameType::kOrganization) flags |= kRuleOrganization;
        if (rules.type[t] == NameType::kLocation) flags |= kRuleLocation;
      }
      if (t > b) flags |= kCapitalizedMidSentence;
      if (lowercase_forms.count(doc.info[t].lower())) flags |= kLowercaseElsewhere;
      by_form[form_of_[t]] |= flags;
    }
  }
  context_.assign(n, 0);
  for (std::size_t t = 0; t < n; ++t)
    if (doc.info[t].is_word && doc.info[t].upper_start) context_[t] = by_form[form_of_[t]];
}

void EntityFeatureExtractor::token_hashes(int begin, int end, TokenHashes& h) const {
  const std::size_t n = static_cast<std::size_t>(end - begin);
  h.form.resize(n), h.low.resize(n), h.shape.resize(n), h.suffix.resize(n);
  h.coarse.resize(n), h.fine.resize(n), h.name_parts.resize(n), h.abbreviation.resize(n);
  for (std::size_t i = 0; i < n; ++i) {
    const Form& f = forms_[form_of_[begin + static_cast<int>(i)]];
    h.form[i] = f.form, h.low[i] = f.low, h.shape[i] = f.shape, h.suffix[i] = f.suffix;
    h.coarse[i] = f.coarse, h.fine[i] = f.fine, h.name_parts[i] = f.name_parts, h.abbreviation[i] = f.abbreviation;
  }
}

SequenceFeatures EntityFeatureExtractor::sentence(int begin, int end) const {
  const Doc& doc = doc_;
  const RuleTags& rules = rules_;
  const int n = end - begin;
  SequenceFeatures out;
  out.reserve(static_cast<std::size_t>(n), static_cast<std::size_t>(n) * 80);
  static const std::uint32_t kBos = fnv("<s>"), kEos = fnv("</s>");
  // The hashes of this sentence's tokens: kept per sentence, not per document (on a large document those
  // arrays were most of the analysis's memory).
  static thread_local TokenHashes h;
  token_hashes(begin, end, h);
  auto at = [&](const std::vector<std::uint32_t>& v, int i) { return i < 0 ? kBos : i >= n ? kEos : v[i]; };
  auto adjacent = [&](int i) {  // token i follows token i-1 after exactly one space or nothing
    return i > 0 && doc.tokens[begin + i].span.start - doc.tokens[begin + i - 1].span.end <= 1;
  };
  auto capitalized = [&](int i) { return i >= 0 && i < n && doc.info[begin + i].is_word && doc.info[begin + i].upper_start; };
  // Runs of adjacent capitalized words: each token's position in its run.
  std::vector<int> run_start(n, -1), run_length(n, 0);
  for (int i = 0; i < n;) {
    if (!capitalized(i)) {
      ++i;
      continue;
    }
    int j = i + 1;
    while (j < n && capitalized(j) && adjacent(j)) ++j;
    for (int k = i; k < j; ++k) run_start[k] = i, run_length[k] = j - i;
    i = j;
  }
  auto rule_tag = [&](int t) -> std::uint32_t {
    const NameType r = rules.type[t];
    if (r == NameType::kNone) return 0;
    return static_cast<std::uint32_t>(r) * 2 + (rules.begins[t] ? 1 : 0);
  };

  for (int i = 0; i < n; ++i) {
    const int t = begin + i;
    const std::uint32_t shp = h.shape[i], low = h.low[i];
    auto add = [&](std::uint32_t name, std::uint32_t value) { out.add(mix(name, value)); };
    auto add2 = [&](std::uint32_t name, std::uint32_t a, std::uint32_t b) { out.add(mix(mix(name, a), b)); };
    out.add(TEMPLATE("bias"));
    add(TEMPLATE("w"), h.form[i]);
    add(TEMPLATE("l"), low);
    add(TEMPLATE("s"), shp);
    add(TEMPLATE("l-1"), at(h.low, i - 1));
    add(TEMPLATE("l+1"), at(h.low, i + 1));
    add(TEMPLATE("l-2"), at(h.low, i - 2));
    add(TEMPLATE("l+2"), at(h.low, i + 2));
    add(TEMPLATE("s-1"), at(h.shape, i - 1));
    add(TEMPLATE("s+1"), at(h.shape, i + 1));
    add2(TEMPLATE("s-1s0"), at(h.shape, i - 1), shp);
    add2(TEMPLATE("s0s+1"), shp, at(h.shape, i + 1));
    add2(TEMPLATE("l-1l0"), at(h.low, i - 1), low);
    add2(TEMPLATE("l0l+1"), low, at(h.low, i + 1));
    add2(TEMPLATE("l-2l-1"), at(h.low, i - 2), at(h.low, i - 1));
    add2(TEMPLATE("l+1l+2"), at(h.low, i + 1), at(h.low, i + 2));
    add2(TEMPLATE("l-1s0"), at(h.low, i - 1), shp);
    add2(TEMPLATE("s0l+1"), shp, at(h.low, i + 1));
    if (has_clusters_) {
      add(TEMPLATE("c0"), h.coarse[i]);
      add(TEMPLATE("f0"), h.fine[i]);
      add(TEMPLATE("c-1"), at(h.coarse, i - 1));
      add(TEMPLATE("c+1"), at(h.coarse, i + 1));
      add(TEMPLATE("f-1"), at(h.fine, i - 1));
      add(TEMPLATE("f+1"), at(h.fine, i + 1));
      add2(TEMPLATE("c0s"), h.coarse[i], shp);
      add2(TEMPLATE("c-1c0"), at(h.coarse, i - 1), h.coarse[i]);
      add2(TEMPLATE("c0c+1"), h.coarse[i], at(h.coarse, i + 1));
    }
    if (capitalized(i))
      for (std::uint32_t flag = 1; flag <= context_[t]; flag <<= 1)
        if (context_[t] & flag) add(TEMPLATE("doc"), flag);
    if (h.suffix[i]) add(TEMPLATE("sfx3"), h.suffix[i]);
    if (i == 0) add(TEMPLATE("first"), shp);
    add(TEMPLATE("adj"), (adjacent(i) ? 2u : 0u) + (i + 1 < n && adjacent(i + 1) ? 1u : 0u));
    if (static_cast<std::size_t>(t) < doc.word_length.size())
      add(TEMPLATE("wl"), static_cast<std::uint32_t>(std::min(doc.word_length[t], 3)));
    if (run_start[i] >= 0) {
      const int pos = i - run_start[i], len = run_length[i];
      add2(TEMPLATE("run"), static_cast<std::uint32_t>(std::min(len, 6)), static_cast<std::uint32_t>(std::min(pos, 5)));
      add(TEMPLATE("runEnd"), static_cast<std::uint32_t>(std::min(len - 1 - pos, 5)));
      add(TEMPLATE("runHead"), h.low[run_start[i]]);
    }
    const std::uint32_t any = starts_[t] | inside_[t] | single_[t] | (i > 0 ? ends_[t - 1] : 0) |
                              (i + 1 < n ? starts_[t + 1] : 0) | (i > 1 ? ends_[t - 2] : 0);
    if (any) {
      const std::uint32_t cap = capitalized(i) ? 64u : 0u;  // the source id, capitalized or not
      for (std::uint32_t s = 0; s < static_cast<std::uint32_t>(kSources); ++s) {
        const std::uint32_t bit = 1u << s;
        if (!(any & bit)) continue;
        if (starts_[t] & bit) add(TEMPLATE("gB"), s | cap);
        if (inside_[t] & bit) add(TEMPLATE("gI"), s | cap);
        if (single_[t] & bit) add(TEMPLATE("g1"), s | cap);
        if (i > 0 && (ends_[t - 1] & bit)) add(TEMPLATE("gEnd-1"), s | cap);
        if (i + 1 < n && (starts_[t + 1] & bit)) add(TEMPLATE("gStart+1"), s | cap);
        if (i > 1 && (ends_[t - 2] & bit)) add(TEMPLATE("gEnd-2"), s);
      }
    }
    if (h.name_parts[i]) add(TEMPLATE("name"), h.name_parts[i]);
    if (h.abbreviation[i]) add(TEMPLATE("abbr"), h.abbreviation[i]);
    if (static_cast<std::size_t>(t) < rules.type.size()) {
      const std::uint32_t tag = rule_tag(t);
      add(TEMPLATE("rule"), tag);
      add2(TEMPLATE("rule-s"), tag, shp);
      if (t > begin) add(TEMPLATE("rule-1"), static_cast<std::uint32_t>(rules.type[t - 1]));
      if (t + 1 < end) add(TEMPLATE("rule+1"), static_cast<std::uint32_t>(rules.type[t + 1]));
    }
    out.end_position();
  }
  return out;
}

}  // namespace article::internal
