#include "entity_features.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "data.h"
#include "string_table.h"
#include "text.h"

namespace article::internal {

namespace {

// Phrase lists whose membership is a feature; the bit is the list's feature name.
struct PhraseSource {
  DataFile file;
  const char* feature;
  bool lowercase;  // keys compared in lowercase (trigger words) or as written (names)
};
constexpr PhraseSource kPhraseSources[] = {
    {data::gaz_vn_admin_units_tsv, "adm", false}, {data::gaz_countries_tsv, "cty", false},
    {data::places_tsv, "plc", false},             {data::titles_tsv, "ttl", true},
    {data::honorifics_tsv, "hon", true},          {data::org_heads_tsv, "orh", true},
    {data::place_levels_tsv, "lvl", true},        {data::known_organizations_tsv, "kno", true},
    {data::qualifiers_tsv, "qua", true},          {data::speech_cues_tsv, "cue", true},
    {data::locative_prepositions_txt, "loc", true}, {data::group_speakers_txt, "grp", true},
    {data::sentence_starters_txt, "sst", true},   {data::surnames_txt, "sur", false},
};
constexpr int kSources = sizeof(kPhraseSources) / sizeof(kPhraseSources[0]);

// What the lexicon knows of a string: the sources that list it as a phrase, and whether it begins or opens
// a longer one.
struct PhraseEntry {
  std::uint32_t sources = 0;  // bit set of the sources that list exactly this phrase
  // A beginning of some phrase that ends where a token may end (before or after a space or a character the
  // tokenizer splits at): a phrase match stops growing once its text begins no key.
  bool begins = false;
  bool first_token = false;  // the first token of some phrase, as its key is written
};

struct Lexicon {
  // phrase (lowercase or as written, per source), and every beginning of one → what it is
  StringTable<PhraseEntry> phrases;
  std::uint32_t lowercase_sources = 0;  // sources matched in any case
  int longest = 1;
  // Personal-name syllable → 2 bits of frequency bucket + 1 per position (surname, middle, given name).
  StringTable<std::uint32_t> name_parts;
  StringTable<std::uint32_t> abbreviation_kind;  // "UBND" → the feature hash of "organization", | 1
};

int bucket(int count) { return count == 0 ? 0 : count < 5 ? 1 : count < 50 ? 2 : 3; }

// A space, or a character the tokenizer splits at: a token may end before or after it.
bool is_token_split(unsigned char c) { return c == ' ' || c == '-' || c == '&' || c == '/' || c == '(' || c == ')'; }

// `phrase` into the table as listed by `source_bit`, and, the first time it is listed, each of its beginnings
// that ends where a token may end (before or after a split character or an en dash, which joins names too:
// "Bà Rịa–Vũng Tàu") and its first token. One pass over its bytes: FNV-1a is computed left to right, so the
// hash of each beginning is the running hash where it ends, and no beginning is hashed again.
void add_phrase(StringTable<PhraseEntry>& table, std::string_view phrase, std::uint32_t source_bit) {
  using Table = StringTable<PhraseEntry>;
  {
    PhraseEntry& entry = *table.try_emplace(phrase).first;
    const bool listed_before = entry.sources != 0;
    entry.sources |= source_bit;
    if (listed_before) return;  // its beginnings are in already
  }
  constexpr std::string_view kEnDash = "–";
  auto mark_beginning = [&](std::size_t length, std::uint64_t hash) {
    table.try_emplace_hashed(phrase.substr(0, length), hash).first->begins = true;
  };
  bool first_token_marked = false;
  std::uint64_t hash = Table::kSeed;
  for (std::size_t i = 0; i < phrase.size(); ++i) {
    const char c = phrase[i];
    if (is_token_split(static_cast<unsigned char>(c))) {
      PhraseEntry& before = *table.try_emplace_hashed(phrase.substr(0, i), hash).first;
      before.begins = true;
      if (!first_token_marked) before.first_token = first_token_marked = true;
      hash = Table::hash_byte(c, hash);
      mark_beginning(i + 1, hash);
    } else if (c == kEnDash[0] && phrase.substr(i, kEnDash.size()) == kEnDash) {
      mark_beginning(i, hash);
      hash = Table::hash(kEnDash, hash);
      i += kEnDash.size() - 1;
      mark_beginning(i + 1, hash);
    } else {
      hash = Table::hash_byte(c, hash);
    }
  }
  if (!first_token_marked) table.try_emplace_hashed(phrase, hash).first->first_token = true;
}

const Lexicon& lexicon() {
  static const Lexicon lex = [] {
    Lexicon l;
    // Keys as views into the embedded files, and flat tables: this runs on the first analysis (in the browser
    // too), where it was the largest cost.
    std::size_t lines = 0;
    for (const PhraseSource& source : kPhraseSources) {
      const std::string_view text = data_file(source.file);
      lines += static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
    }
    l.phrases.reserve(2 * lines);  // the phrases and the beginnings of those of several tokens
    std::string lowered;
    for (int s = 0; s < kSources; ++s) {
      const bool lowercase = kPhraseSources[s].lowercase;
      if (lowercase) l.lowercase_sources |= 1u << s;
      for_each_data_key(kPhraseSources[s].file, [&](std::string_view written) {
        if (lowercase) lowered = lower_utf8(decode_utf8_lossy(written));
        const std::string_view key = lowercase ? std::string_view(lowered) : written;
        l.longest = std::max(l.longest, 1 + static_cast<int>(std::count(key.begin(), key.end(), ' ')));
        add_phrase(l.phrases, key, 1u << s);
      });
    }
    l.longest = std::min(l.longest, 8);
    for_each_data_row(data::gaz_person_names_tsv, [&l](const std::vector<std::string_view>& row) {
      if (row.size() < 3) return;
      const std::string_view part = row[1];
      l.name_parts[row[0]] |= static_cast<std::uint32_t>(bucket(std::atoi(std::string(row[2]).c_str())) + 1)
                              << (part == "surname" ? 0 : part == "middle" ? 3 : 6);
    });
    for_each_data_row(data::abbreviations_tsv, [&l](const std::vector<std::string_view>& row) {
      if (row.size() >= 3) l.abbreviation_kind[row[0]] = feature_hash(row[2]) | 1u;
    });
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
  // Forms as written, found through the lowercase form the tokenizer numbered: the written forms of one
  // lowercase form ("Hà", "HÀ", "hà") are chained from it and told apart by comparison.
  std::vector<int> first_written(doc_.lower_forms.size(), -1), next_written;
  for (std::size_t t = 0; t < n; ++t) {
    const std::u16string_view written = doc_.slice(doc_.tokens[t].span);
    const std::int32_t lower_form = doc_.info[t].form;
    int known = first_written[lower_form];
    while (known >= 0 && forms_[known].written != written) known = next_written[known];
    if (known >= 0) {
      form_of_[t] = known;
      continue;
    }
    form_of_[t] = static_cast<int>(forms_.size());
    next_written.push_back(first_written[lower_form]);
    first_written[lower_form] = form_of_[t];
    Form f;
    f.written = written;
    if (memo_) {
      // A form met before: its facts as they were, and its UTF-8 only if phrase matching asks (utf8_of).
      f.memo = memo_->find(written, doc_.info[t].is_word);
      if (f.memo >= 0) {
        static_cast<FormFacts&>(f) = (*memo_)[f.memo].facts;
        forms_.push_back(std::move(f));
        continue;
      }
    }
    f.utf8 = to_utf8(written);
    const std::string& lower = doc_.info[t].lower();
    f.lower_differs = lower != f.utf8;
    f.form = fnv(f.utf8);
    f.low = fnv(lower);
    f.shape = fnv(shape(written));
    if (f.utf8.size() >= 5) f.suffix = fnv(std::string_view(f.utf8).substr(f.utf8.size() - 3)) | 1u;
    if (has_clusters_)
      if (const auto* c = clusters_.find(f.utf8)) f.coarse = c->first, f.fine = c->second;
    if (doc_.info[t].is_word && doc_.info[t].upper_start)
      if (const std::uint32_t* parts = lex.name_parts.find(f.utf8)) f.name_parts = *parts;
    if (const std::uint32_t* kind = lex.abbreviation_kind.find(f.utf8)) f.abbreviation = *kind;
    if (doc_.info[t].is_word) {
      const PhraseEntry* as_lower = lex.phrases.find(lower);
      const PhraseEntry* as_written = lex.phrases.find(f.utf8);
      f.starts_phrase = (as_lower && as_lower->first_token) || (as_written && as_written->first_token);
    }
    if (memo_) f.memo = memo_->add(written, doc_.info[t].is_word, f);
    forms_.push_back(std::move(f));
  }
}

EntityFeatureExtractor::EntityFeatureExtractor(const Doc& doc, const RuleTags& rules, const WordClusters& clusters,
                                               FormMemo* memo)
    : doc_(doc), rules_(rules), clusters_(clusters), has_clusters_(!clusters.empty()), memo_(memo) {
  const Lexicon& lex = lexicon();
  const std::size_t n = doc.tokens.size();
  index_forms();
  starts_.assign(n, 0), inside_.assign(n, 0), ends_.assign(n, 0), single_.assign(n, 0);
  // Phrase matches, sentence by sentence (no phrase crosses a sentence end). Most tokens start no phrase:
  // only those whose form or lowercase form starts one are tried, and a match grows while its text begins a
  // phrase.
  // A key is looked up by its hash, grown a token at a time, and compared with the tokens it is made of
  // rather than built as a string. spells: whether key is tokens [i, t], as written or in lowercase, with a
  // space where the text has one.
  using Table = StringTable<PhraseEntry>;
  auto spells = [&](std::string_view key, int i, int t, bool as_written) {
    std::size_t at = 0;
    for (int j = i; j <= t; ++j) {
      if (j > i && doc.tokens[j].span.start > doc.tokens[j - 1].span.end) {
        if (at >= key.size() || key[at] != ' ') return false;
        ++at;
      }
      const std::string& piece = as_written ? utf8_of(form_of_[j]) : doc.info[j].lower();
      if (key.size() - at < piece.size() || key.compare(at, piece.size(), piece) != 0) return false;
      at += piece.size();
    }
    return at == key.size();
  };
  for (std::size_t si = 0; si + 1 < doc.sentence_tokens.size(); ++si) {
    const int b = doc.sentence_tokens[si], e = doc.sentence_tokens[si + 1];
    for (int i = b; i < e; ++i) {
      if (!forms_[form_of_[i]].starts_phrase) continue;
      // The previous step's lookups tell whether the key begins a phrase.
      std::uint64_t cased_hash = Table::kSeed, lower_hash = Table::kSeed;
      bool cased_begins = false, lower_begins = false;
      bool differs = false;  // whether the key in lowercase differs from the key as written
      for (int k = 0; k < lex.longest && i + k < e; ++k) {
        const int t = i + k;
        if (k > 0) {
          if (doc.tokens[t].span.start - doc.tokens[t - 1].span.end > 1) break;
          const bool joiner = !doc.info[t].is_word && (doc.info[t].lower_is("-") || doc.info[t].lower_is("–"));
          if (!doc.info[t].is_word && !joiner) break;
          // The key grows only while it begins a phrase. From one token to two, that is asked only where
          // the key would grow by a space or a joiner (beginnings end before those); two word tokens that
          // touch may make one key ("COVID" "19").
          const bool spaced = doc.tokens[t].span.start > doc.tokens[t - 1].span.end;
          if ((k > 1 || spaced || joiner) && !cased_begins && !lower_begins) break;
          if (spaced) cased_hash = Table::hash(" ", cased_hash), lower_hash = Table::hash(" ", lower_hash);
        }
        const Form& form = forms_[form_of_[t]];
        differs |= form.lower_differs;
        cased_hash = Table::hash(utf8_of(form_of_[t]), cased_hash);
        lower_hash = Table::hash(doc.info[t].lower(), lower_hash);
        const PhraseEntry* cased_entry =
            lex.phrases.find_if(cased_hash, [&](std::string_view key) { return spells(key, i, t, true); });
        const std::uint32_t cased_bits = cased_entry ? cased_entry->sources : 0;
        cased_begins = cased_entry && cased_entry->begins;
        std::uint32_t bits = cased_bits;
        lower_begins = cased_begins;
        // (Were the two keys equal despite a token that differs, the lookup would find the same entry.)
        if (differs) {
          const PhraseEntry* lower_entry =
              lex.phrases.find_if(lower_hash, [&](std::string_view key) { return spells(key, i, t, false); });
          if (lower_entry) bits |= lower_entry->sources;
          lower_begins = lower_entry && lower_entry->begins;
        }
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
  // Per lowercase form number: whether the form is written in lowercase somewhere.
  std::vector<bool> lowercase_forms(doc.lower_forms.size(), false);
  for (std::size_t t = 0; t < n; ++t)
    if (doc.info[t].is_word && !doc.info[t].upper_start) lowercase_forms[doc.info[t].form] = true;
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
      if (lowercase_forms[doc.info[t].form]) flags |= kLowercaseElsewhere;
      by_form[form_of_[t]] |= flags;
    }
  }
  context_.assign(n, 0);
  for (std::size_t t = 0; t < n; ++t)
    if (doc.info[t].is_word && doc.info[t].upper_start) context_[t] = by_form[form_of_[t]];
}

void EntityFeatureExtractor::token_hashes(int begin, int end, TokenHashes& h) const {
  const std::size_t n = static_cast<std::size_t>(end - begin);
  h.low.resize(n), h.shape.resize(n), h.coarse.resize(n);
  for (std::size_t i = 0; i < n; ++i) {
    const Form& f = forms_[form_of_[begin + static_cast<int>(i)]];
    h.low[i] = f.low, h.shape[i] = f.shape, h.coarse[i] = f.coarse;
  }
}

namespace {
// What stands before a sentence's first token and after its last, in every field of a neighbour's form.
constexpr std::uint32_t kBos = feature_hash("<s>"), kEos = feature_hash("</s>");
}  // namespace

template <class Add>
void EntityFeatureExtractor::add_form_features(FormRole role, const Form* f, Add add) const {
  // f is null before the sentence (for kBefore, kTwoBefore) and after it (kAfter, kTwoAfter).
  const std::uint32_t edge = role == FormRole::kBefore || role == FormRole::kTwoBefore ? kBos : kEos;
  const std::uint32_t low = f ? f->low : edge, shp = f ? f->shape : edge;
  const std::uint32_t coarse = f ? f->coarse : edge, fine = f ? f->fine : edge;
  auto one = [&](std::uint32_t name, std::uint32_t value) { add(mix(name, value)); };
  switch (role) {
    case FormRole::kSelf:
      add(TEMPLATE("bias"));
      one(TEMPLATE("w"), f->form);
      one(TEMPLATE("l"), low);
      one(TEMPLATE("s"), shp);
      if (has_clusters_) {
        one(TEMPLATE("c0"), coarse);
        one(TEMPLATE("f0"), fine);
        add(mix(mix(TEMPLATE("c0s"), coarse), shp));
      }
      if (f->suffix) one(TEMPLATE("sfx3"), f->suffix);
      if (f->name_parts) one(TEMPLATE("name"), f->name_parts);
      if (f->abbreviation) one(TEMPLATE("abbr"), f->abbreviation);
      break;
    case FormRole::kBefore:
      one(TEMPLATE("l-1"), low);
      one(TEMPLATE("s-1"), shp);
      if (has_clusters_) one(TEMPLATE("c-1"), coarse), one(TEMPLATE("f-1"), fine);
      break;
    case FormRole::kAfter:
      one(TEMPLATE("l+1"), low);
      one(TEMPLATE("s+1"), shp);
      if (has_clusters_) one(TEMPLATE("c+1"), coarse), one(TEMPLATE("f+1"), fine);
      break;
    case FormRole::kTwoBefore: one(TEMPLATE("l-2"), low); break;
    case FormRole::kTwoAfter: one(TEMPLATE("l+2"), low); break;
  }
}

SequenceFeatures EntityFeatureExtractor::form_features(FormRole role, const std::vector<int>& forms) const {
  SequenceFeatures out;
  out.reserve(forms.size(), forms.size() * 12);
  auto add = [&out](std::uint32_t id) { out.add(id); };
  for (int k : forms) {
    if (k >= 0 || role != FormRole::kSelf) add_form_features(role, k >= 0 ? &forms_[k] : nullptr, add);
    out.end_position();
  }
  return out;
}

// features() puts the ids into SequenceFeatures (for the trainer and the tests), or straight into the sums of
// the model's weights, a position at a time (SequenceModel::Sums, for the tagger: no list of ids per document).
SequenceFeatures EntityFeatureExtractor::sentence(int begin, int end) const {
  SequenceFeatures out;
  out.reserve(static_cast<std::size_t>(end - begin), static_cast<std::size_t>(end - begin) * 80);
  features(begin, end, true, out);
  return out;
}

void EntityFeatureExtractor::add_contextual_weights(int begin, int end, const SequenceModel& model,
                                                    std::int32_t* sums) const {
  SequenceModel::Sums sink(model, sums);
  features(begin, end, false, sink);
}

template <class Sink>
void EntityFeatureExtractor::features(int begin, int end, bool with_form_features, Sink& out) const {
  const Doc& doc = doc_;
  const RuleTags& rules = rules_;
  const int n = end - begin;
  // The hashes of this sentence's tokens: kept per sentence, not per document (on a large document those
  // arrays were most of the analysis's memory).
  static thread_local TokenHashes h;
  token_hashes(begin, end, h);
  auto at = [&](const std::vector<std::uint32_t>& v, int i) { return i < 0 ? kBos : i >= n ? kEos : v[i]; };
  auto form_at = [&](int i) -> const Form* { return i < 0 || i >= n ? nullptr : &forms_[form_of_[begin + i]]; };
  auto adjacent = [&](int i) {  // token i follows token i-1 after exactly one space or nothing
    return i > 0 && doc.tokens[begin + i].span.start - doc.tokens[begin + i - 1].span.end <= 1;
  };
  auto capitalized = [&](int i) { return i >= 0 && i < n && doc.info[begin + i].is_word && doc.info[begin + i].upper_start; };
  // Runs of adjacent capitalized words: each token's position in its run.
  // Kept per thread between calls, as the hashes are: a document asks for a few hundred sentences.
  static thread_local std::vector<int> run_start, run_length;
  run_start.assign(n, -1), run_length.assign(n, 0);
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
  auto add_id = [&out](std::uint32_t id) { out.add(id); };

  for (int i = 0; i < n; ++i) {
    const int t = begin + i;
    const std::uint32_t shp = h.shape[i], low = h.low[i];
    auto add = [&](std::uint32_t name, std::uint32_t value) { out.add(mix(name, value)); };
    auto add2 = [&](std::uint32_t name, std::uint32_t a, std::uint32_t b) { out.add(mix(mix(name, a), b)); };
    if (with_form_features) {
      add_form_features(FormRole::kSelf, form_at(i), add_id);
      add_form_features(FormRole::kBefore, form_at(i - 1), add_id);
      add_form_features(FormRole::kAfter, form_at(i + 1), add_id);
      add_form_features(FormRole::kTwoBefore, form_at(i - 2), add_id);
      add_form_features(FormRole::kTwoAfter, form_at(i + 2), add_id);
    }
    add2(TEMPLATE("s-1s0"), at(h.shape, i - 1), shp);
    add2(TEMPLATE("s0s+1"), shp, at(h.shape, i + 1));
    add2(TEMPLATE("l-1l0"), at(h.low, i - 1), low);
    add2(TEMPLATE("l0l+1"), low, at(h.low, i + 1));
    add2(TEMPLATE("l-2l-1"), at(h.low, i - 2), at(h.low, i - 1));
    add2(TEMPLATE("l+1l+2"), at(h.low, i + 1), at(h.low, i + 2));
    add2(TEMPLATE("l-1s0"), at(h.low, i - 1), shp);
    add2(TEMPLATE("s0l+1"), shp, at(h.low, i + 1));
    if (has_clusters_) {
      add2(TEMPLATE("c-1c0"), at(h.coarse, i - 1), h.coarse[i]);
      add2(TEMPLATE("c0c+1"), h.coarse[i], at(h.coarse, i + 1));
    }
    if (capitalized(i))
      for (std::uint32_t flag = 1; flag <= context_[t]; flag <<= 1)
        if (context_[t] & flag) add(TEMPLATE("doc"), flag);
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
    if (static_cast<std::size_t>(t) < rules.type.size()) {
      const std::uint32_t tag = rule_tag(t);
      add(TEMPLATE("rule"), tag);
      add2(TEMPLATE("rule-s"), tag, shp);
      if (t > begin) add(TEMPLATE("rule-1"), static_cast<std::uint32_t>(rules.type[t - 1]));
      if (t + 1 < end) add(TEMPLATE("rule+1"), static_cast<std::uint32_t>(rules.type[t + 1]));
    }
    out.end_position();
  }
}

}  // namespace article::internal
