#include "entity_model.h"

#include <algorithm>

#include "article/analyzer.h"

#include <cstring>

namespace article {

namespace {
internal::EntityModel& model_slot() {
  static internal::EntityModel model;
  return model;
}
}  // namespace

bool set_entity_model(std::string_view model_bytes) {
  // Loaded aside, so that bytes that are no model leave the registered one in place.
  internal::EntityModel model;
  if (!model.load(model_bytes)) return false;
  // A model for other labels (a future segmenter, say) is not an entity model.
  for (const std::string& label : internal::entity_labels())
    if (model.labeller.label_index(label) < 0) return false;
  model_slot() = std::move(model);
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
    std::string word(rest.substr(0, length));
    rest.remove_prefix(length);
    if (!take(&coarse, 2) || !take(&fine, 2)) return fail();
    clusters.emplace(std::move(word), std::make_pair(coarse, fine));
  }
  return rest.empty() ? true : fail();
}

std::string EntityModel::serialize_clusters(const WordClusters& clusters) {
  std::vector<std::pair<std::string, std::pair<std::uint16_t, std::uint16_t>>> sorted(clusters.begin(), clusters.end());
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

const EntityModel* entity_model() { return model_slot().labeller.empty() ? nullptr : &model_slot(); }

const std::vector<std::string>& entity_labels() {
  static const std::vector<std::string> labels = {"O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC"};
  return labels;
}

NameType name_type_of(const std::string& entity_type) {
  if (entity_type == "person") return NameType::kPerson;
  if (entity_type == "organization") return NameType::kOrganization;
  if (entity_type == "location") return NameType::kLocation;
  return NameType::kNone;
}

const char* entity_type_of(NameType type) {
  switch (type) {
    case NameType::kPerson: return "person";
    case NameType::kOrganization: return "organization";
    case NameType::kLocation: return "location";
    default: return "";
  }
}

RuleTags rule_tags(const Doc& doc) {
  RuleTags tags;
  tags.type.assign(doc.tokens.size(), NameType::kNone);
  tags.begins.assign(doc.tokens.size(), false);
  for (std::size_t e = 0; e < doc.out.entities.size() && e < doc.entity_tokens.size(); ++e) {
    const NameType type = name_type_of(doc.out.entities[e].type);
    if (type == NameType::kNone) continue;
    const auto [b, end] = doc.entity_tokens[e];
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

std::vector<NameSpan> tag_names(const EntityModel& model, const EntityFeatureExtractor& features, int begin, int end) {
  std::vector<NameSpan> spans;
  for (int b = begin; b < end;) {
    const int e = window_end(features.doc(), b, end);
    std::vector<NameSpan> found = tag_window(model, features, b, e);
    spans.insert(spans.end(), found.begin(), found.end());
    b = e;
  }
  return spans;
}

std::vector<NameSpan> tag_window(const EntityModel& model, const EntityFeatureExtractor& features, int begin, int end) {
  std::vector<NameSpan> spans;
  if (end <= begin) return spans;
  const std::vector<int> path = model.labeller.decode(features.sentence(begin, end));
  for (int i = 0; i < end - begin;) {
    if (!model.label_begins[path[i]]) {
      ++i;
      continue;
    }
    const NameType type = model.label_type[path[i]];
    // Decoding is BIO-constrained: a continuation of the same type is an I- tag of it.
    int j = i + 1;
    while (j < end - begin && !model.label_begins[path[j]] && model.label_type[path[j]] == type) ++j;
    if (type != NameType::kNone) spans.push_back({begin + i, begin + j, type});
    i = j;
  }
  return spans;
}

}  // namespace internal
}  // namespace article
