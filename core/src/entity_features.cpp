#include "entity_features.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <string>
#include <unordered_map>

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
  int longest = 1;
  // Personal-name syllables: position ("surname", "middle", "given") → frequency bucket.
  std::unordered_map<std::string, std::vector<std::pair<std::string, int>>> name_parts;
  std::unordered_map<std::string, std::string> abbreviation_kind;  // "UBND" → organization
};

int bucket(int count) { return count == 0 ? 0 : count < 5 ? 1 : count < 50 ? 2 : 3; }

const Lexicon& lexicon() {
  static const Lexicon lex = [] {
    Lexicon l;
    for (int s = 0; s < kSources; ++s)
      for (const auto& row : data_rows(kPhraseSources[s].file)) {
        std::string key = kPhraseSources[s].lowercase ? lower_utf8(decode_utf8_lossy(row[0])) : row[0];
        l.longest = std::max(l.longest, 1 + static_cast<int>(std::count(key.begin(), key.end(), ' ')));
        l.phrases[key] |= 1u << s;
      }
    l.longest = std::min(l.longest, 8);
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

const char* kind_name(NameType t) {
  switch (t) {
    case NameType::kPerson: return "PER";
    case NameType::kOrganization: return "ORG";
    case NameType::kLocation: return "LOC";
    default: return "O";
  }
}

}  // namespace

namespace {
enum ContextFlag : std::uint32_t {
  kAfterHonorific = 1, kAfterTitle = 2, kAfterLevel = 4, kRulePerson = 8, kRuleOrganization = 16,
  kRuleLocation = 32, kLowercaseElsewhere = 64, kCapitalizedMidSentence = 128, kAfterOrgHead = 256,
};
constexpr std::pair<std::uint32_t, const char*> kContextNames[] = {
    {kAfterHonorific, "hon"}, {kAfterTitle, "ttl"}, {kAfterLevel, "lvl"}, {kRulePerson, "rPER"},
    {kRuleOrganization, "rORG"}, {kRuleLocation, "rLOC"}, {kLowercaseElsewhere, "low"},
    {kCapitalizedMidSentence, "capMid"}, {kAfterOrgHead, "orh"}};

// Whether a phrase of the given source ends right before token t (in the same sentence).
bool source_ends_before(const Doc& doc, const Lexicon& lex, int s, int t, int sentence_begin) {
  std::string key;
  for (int k = t - 1; k >= sentence_begin && t - k <= lex.longest; --k) {
    if (!doc.info[k].is_word) return false;
    key = k == t - 1 ? doc.info[k].lower : doc.info[k].lower + " " + key;
    const auto it = lex.phrases.find(key);
    if (it != lex.phrases.end() && (it->second & (1u << s))) return true;
  }
  return false;
}
}  // namespace

DocumentContext document_context(const Doc& doc, const RuleTags& rules) {
  const Lexicon& lex = lexicon();
  int title = -1, honorific = -1, level = -1, org_head = -1;
  for (int s = 0; s < kSources; ++s) {
    const std::string name = kPhraseSources[s].feature;
    if (name == "ttl") title = s;
    if (name == "hon") honorific = s;
    if (name == "lvl") level = s;
    if (name == "orh") org_head = s;
  }
  DocumentContext context;
  std::unordered_map<std::string, bool> lowercase_forms;
  for (std::size_t t = 0; t < doc.tokens.size(); ++t)
    if (doc.info[t].is_word && !doc.info[t].upper_start) lowercase_forms[doc.info[t].lower] = true;
  for (std::size_t si = 0; si + 1 < doc.sentence_tokens.size(); ++si) {
    const int b = doc.sentence_tokens[si], e = doc.sentence_tokens[si + 1];
    for (int t = b; t < e; ++t) {
      if (!doc.info[t].is_word || !doc.info[t].upper_start) continue;
      std::uint32_t flags = 0;
      // Only the first word of a name looks back at what introduces it.
      const bool starts_run = t == b || !doc.info[t - 1].is_word || !doc.info[t - 1].upper_start;
      if (starts_run) {
        if (source_ends_before(doc, lex, honorific, t, b)) flags |= kAfterHonorific;
        if (source_ends_before(doc, lex, title, t, b)) flags |= kAfterTitle;
        if (source_ends_before(doc, lex, level, t, b)) flags |= kAfterLevel;
        if (source_ends_before(doc, lex, org_head, t, b)) flags |= kAfterOrgHead;
      }
      if (static_cast<std::size_t>(t) < rules.type.size()) {
        if (rules.type[t] == NameType::kPerson) flags |= kRulePerson;
        if (rules.type[t] == NameType::kOrganization) flags |= kRuleOrganization;
        if (rules.type[t] == NameType::kLocation) flags |= kRuleLocation;
      }
      if (t > b) flags |= kCapitalizedMidSentence;
      if (lowercase_forms.count(doc.info[t].lower)) flags |= kLowercaseElsewhere;
      context[to_utf8(doc.slice(doc.tokens[t].span))] |= flags;
    }
  }
  return context;
}

SequenceFeatures entity_features(const Doc& doc, int begin, int end, const RuleTags& rules,
                                 const WordClusters& clusters, const DocumentContext& context) {
  const Lexicon& lex = lexicon();
  const int n = end - begin;
  SequenceFeatures out(n);
  std::vector<std::string> form(n), low(n), shp(n);
  for (int i = 0; i < n; ++i) {
    const int t = begin + i;
    form[i] = to_utf8(doc.slice(doc.tokens[t].span));
    low[i] = doc.info[t].lower;
    shp[i] = shape(doc.slice(doc.tokens[t].span));
  }
  // Cluster ids as strings ("c12", "f301"; "-" for a word without a cluster).
  std::vector<std::string> coarse(n, "-"), fine(n, "-");
  if (!clusters.empty())
    for (int i = 0; i < n; ++i)
      if (const auto it = clusters.find(form[i]); it != clusters.end()) {
        coarse[i] = std::to_string(it->second.first);
        fine[i] = std::to_string(it->second.second);
      }
  auto at = [&](const std::vector<std::string>& v, int i) -> const std::string& {
    static const std::string bos = "<s>", eos = "</s>";
    return i < 0 ? bos : i >= n ? eos : v[i];
  };
  auto adjacent = [&](int i) {  // token i follows token i-1 after exactly one space or nothing
    return i > 0 && doc.tokens[begin + i].span.start - doc.tokens[begin + i - 1].span.end <= 1;
  };
  auto capitalized = [&](int i) { return i >= 0 && i < n && doc.info[begin + i].is_word && doc.info[begin + i].upper_start; };

  // Phrase matches: for each token, the sources of phrases that start, continue or end there.
  std::vector<std::uint32_t> starts(n, 0), inside(n, 0), ends(n, 0), single(n, 0);
  for (int i = 0; i < n; ++i) {
    if (!doc.info[begin + i].is_word) continue;
    std::string cased, lower;
    for (int k = 0; k < lex.longest && i + k < n; ++k) {
      const int t = begin + i + k;
      if (k > 0) {
        if (!adjacent(i + k)) break;
        const bool joiner = !doc.info[t].is_word && (low[i + k] == "-" || low[i + k] == "–");
        if (!doc.info[t].is_word && !joiner) break;
        const bool spaced = doc.tokens[t].span.start > doc.tokens[t - 1].span.end;
        cased += spaced ? " " : "";
        lower += spaced ? " " : "";
      }
      cased += form[i + k];
      lower += low[i + k];
      std::uint32_t bits = 0;
      if (auto it = lex.phrases.find(cased); it != lex.phrases.end()) bits |= it->second;
      if (lower != cased)
        if (auto it = lex.phrases.find(lower); it != lex.phrases.end()) bits |= it->second;
      if (!bits) continue;
      for (int s = 0; s < kSources; ++s) {
        if (!(bits & (1u << s))) continue;
        // A name source matches only as written; a trigger source in any case.
        const bool cased_hit = lex.phrases.count(cased) && (lex.phrases.at(cased) & (1u << s));
        if (!kPhraseSources[s].lowercase && !cased_hit) continue;
        if (k == 0) single[i] |= 1u << s;
        starts[i] |= 1u << s;
        for (int j = i + 1; j <= i + k; ++j) inside[j] |= 1u << s;
        ends[i + k] |= 1u << s;
      }
    }
  }
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

  for (int i = 0; i < n; ++i) {
    const int t = begin + i;
    std::vector<std::uint32_t>& f = out[i];
    auto add = [&](const char* name, const std::string& value) { f.push_back(FeatureHash(name).sep().add(value).value()); };
    auto add2 = [&](const char* name, const std::string& a, const std::string& b) {
      f.push_back(FeatureHash(name).sep().add(a).sep().add(b).value());
    };
    f.push_back(FeatureHash("bias").value());
    add("w", form[i]);
    add("l", low[i]);
    add("s", shp[i]);
    add("l-1", at(low, i - 1));
    add("l+1", at(low, i + 1));
    add("l-2", at(low, i - 2));
    add("l+2", at(low, i + 2));
    add("s-1", at(shp, i - 1));
    add("s+1", at(shp, i + 1));
    add2("s-1s0", at(shp, i - 1), shp[i]);
    add2("s0s+1", shp[i], at(shp, i + 1));
    add2("l-1l0", at(low, i - 1), low[i]);
    add2("l0l+1", low[i], at(low, i + 1));
    add2("l-2l-1", at(low, i - 2), at(low, i - 1));
    add2("l+1l+2", at(low, i + 1), at(low, i + 2));
    add2("l-1s0", at(low, i - 1), shp[i]);
    add2("s0l+1", shp[i], at(low, i + 1));
    if (!clusters.empty()) {
      add("c0", coarse[i]);
      add("f0", fine[i]);
      add("c-1", at(coarse, i - 1));
      add("c+1", at(coarse, i + 1));
      add("f-1", at(fine, i - 1));
      add("f+1", at(fine, i + 1));
      add2("c0s", coarse[i], shp[i]);
      add2("c-1c0", at(coarse, i - 1), coarse[i]);
      add2("c0c+1", coarse[i], at(coarse, i + 1));
    }
    if (capitalized(i))
      if (const auto it = context.find(form[i]); it != context.end())
        for (const auto& [flag, name] : kContextNames)
          if (it->second & flag) add("doc", name);
    if (form[i].size() >= 5) add("sfx3", form[i].substr(form[i].size() - 3));
    if (i == 0) add("first", shp[i]);
    add("adj", std::string(adjacent(i) ? "1" : "0") + (i + 1 < n && adjacent(i + 1) ? "1" : "0"));
    if (static_cast<std::size_t>(t) < doc.word_length.size())
      add("wl", std::to_string(std::min(doc.word_length[t], 3)));
    if (run_start[i] >= 0) {
      const int pos = i - run_start[i], len = run_length[i];
      add2("run", std::to_string(std::min(len, 6)), std::to_string(std::min(pos, 5)));
      add("runEnd", std::to_string(std::min(len - 1 - pos, 5)));
      add("runHead", low[run_start[i]]);
    }
    for (int s = 0; s < kSources; ++s) {
      const std::uint32_t bit = 1u << s;
      const std::string name = kPhraseSources[s].feature;
      const std::string cap = capitalized(i) ? "C" : "c";
      if (starts[i] & bit) add("gB", name + cap);
      if (inside[i] & bit) add("gI", name + cap);
      if (single[i] & bit) add("g1", name + cap);
      if (i > 0 && (ends[i - 1] & bit)) add("gEnd-1", name + cap);
      if (i + 1 < n && (starts[i + 1] & bit)) add("gStart+1", name + cap);
      if (i > 1 && (ends[i - 2] & bit)) add("gEnd-2", name);
    }
    if (capitalized(i))
      if (auto it = lex.name_parts.find(form[i]); it != lex.name_parts.end())
        for (const auto& [part, b] : it->second) add2("name", part, std::to_string(b));
    if (auto it = lex.abbreviation_kind.find(form[i]); it != lex.abbreviation_kind.end()) add("abbr", it->second);
    if (static_cast<std::size_t>(t) < rules.type.size()) {
      const NameType r = rules.type[t];
      const std::string tag = r == NameType::kNone ? "O" : std::string(rules.begins[t] ? "B-" : "I-") + kind_name(r);
      add("rule", tag);
      add2("rule-s", tag, shp[i]);
      if (t > begin) add("rule-1", rules.type[t - 1] == NameType::kNone ? "O" : kind_name(rules.type[t - 1]));
      if (t + 1 < end) add("rule+1", rules.type[t + 1] == NameType::kNone ? "O" : kind_name(rules.type[t + 1]));
    }
  }
  return out;
}

}  // namespace article::internal
