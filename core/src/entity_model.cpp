#include "entity_model.h"

#include <algorithm>
#include <atomic>

#include "article/analyzer.h"
#include "word_model.h"

#include <cstring>

namespace article {

namespace {
internal::EntityModel& model_slot(bool english = false) {
  static internal::EntityModel models[2];
  return models[english];
}

bool is_entity_model(const internal::EntityModel& model) {
  // A model for other labels (the word segmenter's section alone, say) is not an entity model.
  for (const std::string& label : internal::entity_labels())
    if (model.labeller.label_index(label) < 0) return false;
  return true;
}
}  // namespace

bool set_entity_model(std::string_view model_bytes) {
  // Loaded aside, so that bytes that are no model leave the registered one in place.
  internal::EntityModel model;
  if (!model.load(model_bytes)) return false;
  // Each model loaded gets a number of its own: what a thread remembered of forms under another model
  // (form_memo) is then forgotten.
  static std::atomic<std::uint64_t> loaded{0};
  model.generation = ++loaded;
  if (!is_entity_model(model)) return false;
  internal::EntityModel english;
  if (!model.english.empty()) {
    if (!english.load(model.english) || !english.segmenter.empty() || !english.english.empty() ||
        !is_entity_model(english))
      return false;
    english.generation = ++loaded;
  }
  model.english.clear();
  internal::SequenceModel segmenter = std::move(model.segmenter);
  model_slot() = std::move(model);
  // A file without the section leaves English to the rules.
  model_slot(true) = std::move(english);
  internal::set_word_segmenter(std::move(segmenter), &model_slot().clusters);
  return true;
}

namespace internal {

bool EntityModel::load(std::string_view bytes) {
  *this = EntityModel();
  std::size_t at = 0;
  if (!labeller.load(bytes, &at)) return false;
  for (const std::string& label : labeller.labels()) {
    const std::string_view t = label.size() > 2 ? std::string_view(label).substr(2) : std::string_view();
    label_type.push_back(t == "PER"   ? NameType::kPerson
                         : t == "ORG" ? NameType::kOrganization
                         : t == "LOC" ? NameType::kLocation
                                      : NameType::kNone);
    label_begins.push_back(!label.empty() && label[0] == 'B');
  }
  std::string_view rest = bytes.substr(at);
  if (rest.empty()) return true;
  auto fail = [this] {
    *this = EntityModel();
    return false;
  };
  auto take = [&rest](void* out, std::size_t n) {
    if (rest.size() < n) return false;
    std::memcpy(out, rest.data(), n);
    rest.remove_prefix(n);
    return true;
  };
  char magic[4];
  std::uint32_t count = 0;
  if (!take(magic, 4) || std::memcmp(magic, "AACL", 4) != 0 || !take(&count, 4) || count > (1u << 22)) return fail();
  clusters.reserve(count);
  for (std::uint32_t i = 0; i < count; ++i) {
    std::uint8_t length = 0;
    std::uint16_t coarse = 0, fine = 0;
    if (!take(&length, 1) || rest.size() < length) return fail();
    const std::string_view word = rest.substr(0, length);  // copied by the table
    rest.remove_prefix(length);
    if (!take(&coarse, 2) || !take(&fine, 2)) return fail();
    clusters.try_emplace(word, std::make_pair(coarse, fine));
  }
  own_bytes = bytes.size() - rest.size();
  // The word segmenter, when the file has one: "AAWS", then SequenceModel's format.
  if (rest.size() >= 4 && std::memcmp(rest.data(), "AAWS", 4) == 0) {
    rest.remove_prefix(4);
    std::size_t used = 0;
    if (!segmenter.load(rest, &used)) return fail();
    for (const std::string& label : word_labels())
      if (segmenter.label_index(label) < 0) return fail();
    rest.remove_prefix(used);
    segmenter_bytes = 4 + used;
  }
  if (rest.size() >= 4 && std::memcmp(rest.data(), "AAEN", 4) == 0) {
    rest.remove_prefix(4);
    std::uint32_t length = 0;
    if (!take(&length, 4) || rest.size() < length) return fail();
    english = std::string(rest.substr(0, length));
    rest.remove_prefix(length);
  }
  return rest.empty() ? true : fail();
}

std::string EntityModel::serialize_clusters(const WordClusters& clusters) {
  std::vector<std::pair<std::string, std::pair<std::uint16_t, std::uint16_t>>> sorted;
  clusters.for_each([&sorted](std::string_view word, const auto& ids) { sorted.emplace_back(word, ids); });
  std::sort(sorted.begin(), sorted.end());
  std::string out = "AACL";
  auto put = [&out](const void* p, std::size_t n) { out.append(static_cast<const char*>(p), n); };
  std::uint32_t count = 0;
  for (const auto& entry : sorted) count += entry.first.size() <= 255;
  put(&count, 4);
  for (const auto& [word, ids] : sorted) {
    if (word.size() > 255) continue;
    const auto length = static_cast<std::uint8_t>(word.size());
    put(&length, 1);
    out += word;
    put(&ids.first, 2);
    put(&ids.second, 2);
  }
  return out;
}

const EntityModel* entity_model(bool english) {
  const EntityModel& model = model_slot(english);
  return model.labeller.empty() ? nullptr : &model;
}

const std::vector<std::string>& entity_labels() {
  static const std::vector<std::string> labels = {"O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC"};
  return labels;
}

NameType name_type_of(EntityType entity_type) {
  switch (entity_type) {
    case EntityType::kPerson:
      return NameType::kPerson;
    case EntityType::kOrganization:
      return NameType::kOrganization;
    case EntityType::kLocation:
      return NameType::kLocation;
    default:
      return NameType::kNone;
  }
}

EntityType entity_type_of(NameType type) {
  switch (type) {
    case NameType::kOrganization:
      return EntityType::kOrganization;
    case NameType::kLocation:
      return EntityType::kLocation;
    default:
      return EntityType::kPerson;
  }
}

RuleTags rule_tags(const EntityList& list, std::size_t token_count) {
  RuleTags tags;
  tags.type.assign(token_count, NameType::kNone);
  tags.begins.assign(token_count, false);
  for (std::size_t e = 0; e < list.entities.size() && e < list.tokens.size(); ++e) {
    const NameType type = name_type_of(list.entities[e].type);
    if (type == NameType::kNone) continue;
    const auto [b, end] = list.tokens[e];
    for (int t = b; t < end; ++t) tags.type[t] = type;
    tags.begins[b] = true;
  }
  return tags;
}

namespace {

// A sentence is decoded at most this many tokens at a time. Its features are held whole while it is decoded
// (some 80 per token), so a "sentence" of a million tokens (a pasted table, 400 KB of brackets) would need
// gigabytes; real sentences are far shorter, and no name is this long.
constexpr int kMaxDecodedTokens = 400;

// Where to end the window that starts at `begin`: at a punctuation mark in its last quarter if there is one
// (no name runs across it), else at its full length.
int window_end(const Doc& doc, int begin, int end) {
  if (end - begin <= kMaxDecodedTokens) return end;
  const int full = begin + kMaxDecodedTokens;
  for (int t = full - 1; t > full - kMaxDecodedTokens / 4; --t)
    if (doc.info[t].is_punct) return t + 1;
  return full;
}

}  // namespace

EntityTagger::EntityTagger(const EntityModel& model, const EntityFeatureExtractor& features)
    : model_(model), features_(features) {
  constexpr int kLabels = SequenceModel::kMaxLabels;
  FormMemo* memo = features.memo();
  const int forms = features.form_count(), edge = forms;
  // A form the memo has sums for is copied from it; the others (and the sentence's edge) are summed, and
  // kept in the memo when it has an entry for them.
  auto memo_entry = [&](int k) -> FormMemo::Entry* {
    const int entry = memo && k < forms ? features.memo_entry(k) : -1;
    return entry >= 0 ? &(*memo)[entry] : nullptr;
  };
  std::vector<int> to_sum;
  for (int k = 0; k <= forms; ++k)
    if (const FormMemo::Entry* e = memo_entry(k); !e || !e->summed) to_sum.push_back(k == edge ? -1 : k);
  for (int r = 0; r < EntityFeatureExtractor::kFormRoles; ++r) {
    std::vector<std::int32_t>& sums = form_sums_[r];
    sums.assign(static_cast<std::size_t>(forms + 1) * kLabels, 0);
    for (int k = 0; k < forms; ++k)
      if (const FormMemo::Entry* e = memo_entry(k); e && e->summed)
        std::copy_n(e->sums[r], kLabels, &sums[static_cast<std::size_t>(k) * kLabels]);
    const SequenceFeatures ids = features.form_features(static_cast<EntityFeatureExtractor::FormRole>(r), to_sum);
    for (std::size_t i = 0; i < to_sum.size(); ++i) {
      const int k = to_sum[i] < 0 ? edge : to_sum[i];
      std::int32_t* sum = &sums[static_cast<std::size_t>(k) * kLabels];
      model.labeller.add_weights(ids[i].begin(), ids[i].size(), sum);
      if (FormMemo::Entry* e = memo_entry(k)) std::copy_n(sum, kLabels, e->sums[r]);
    }
  }
  for (int k : to_sum)
    if (FormMemo::Entry* e = k >= 0 ? memo_entry(k) : nullptr) e->summed = true;
}

FormMemo& form_memo(const EntityModel& model) {
  // Bounded: emptied between documents once it holds this many forms (some 8 MB).
  constexpr std::size_t kMaxForms = 32768;
  // One per model (the two languages' models alternate in a mixed batch), chosen by the model's number.
  thread_local FormMemo memos[2];
  thread_local std::uint64_t generations[2] = {0, 0};
  const int slot = static_cast<int>(model.generation & 1);
  FormMemo& memo = memos[slot];
  std::uint64_t& generation = generations[slot];
  if (generation != model.generation || memo.size() > kMaxForms) {
    memo.clear();
    generation = model.generation;
  }
  return memo;
}

std::vector<NameSpan> EntityTagger::sentence(int begin, int end) const {
  std::vector<NameSpan> spans;
  for (int b = begin; b < end;) {
    const int e = window_end(features_.doc(), b, end);
    std::vector<NameSpan> found = window(b, e);
    spans.insert(spans.end(), found.begin(), found.end());
    b = e;
  }
  return spans;
}

std::vector<NameSpan> EntityTagger::window(int begin, int end) const {
  std::vector<NameSpan> spans;
  if (end <= begin) return spans;
  constexpr int kLabels = SequenceModel::kMaxLabels;
  using Role = EntityFeatureExtractor::FormRole;
  const int n = end - begin, edge = features_.form_count();
  static thread_local std::vector<std::int32_t> sums;  // reused from window to window
  sums.assign(static_cast<std::size_t>(n) * kLabels, 0);
  features_.add_contextual_weights(begin, end, model_.labeller, sums.data());
  // The form whose features a role gives position i: that of token i + offset, or the sentence's edge.
  auto form_at = [&](int i) { return i < 0 || i >= n ? edge : features_.form_of(begin + i); };
  auto add_form = [&](Role role, int form, std::int32_t* sum) {
    const std::int32_t* cached = &form_sums_[static_cast<int>(role)][static_cast<std::size_t>(form) * kLabels];
    for (int y = 0; y < kLabels; ++y) sum[y] += cached[y];
  };
  for (int i = 0; i < n; ++i) {
    std::int32_t* sum = &sums[static_cast<std::size_t>(i) * kLabels];
    add_form(Role::kSelf, form_at(i), sum);
    add_form(Role::kBefore, form_at(i - 1), sum);
    add_form(Role::kAfter, form_at(i + 1), sum);
    add_form(Role::kTwoBefore, form_at(i - 2), sum);
    add_form(Role::kTwoAfter, form_at(i + 2), sum);
  }
  const std::vector<int> path = model_.labeller.decode_sums(sums, n);
  for (int i = 0; i < n;) {
    if (!model_.label_begins[path[i]]) {
      ++i;
      continue;
    }
    const NameType type = model_.label_type[path[i]];
    // Decoding is BIO-constrained: a continuation of the same type is an I- tag of it.
    int j = i + 1;
    while (j < n && !model_.label_begins[path[j]] && model_.label_type[path[j]] == type) ++j;
    if (type != NameType::kNone) spans.push_back({begin + i, begin + j, type});
    i = j;
  }
  return spans;
}

}  // namespace internal
}  // namespace article
