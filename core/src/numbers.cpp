// Numbers, money, percentages and quantities.
//
// Vietnamese writes "3.600" for three thousand six hundred and "2,4" for two point four; English the
// reverse. A dot followed by exactly three digits (repeatedly) is a thousands separator in either language
// when no other reading fits. Multipliers ("triệu", "tỉ") scale the number; a currency word makes it money,
// "%" or "phần trăm" a percentage, and a unit or counted noun after it a quantity ("7 tập thể", "610 triệu
// lít").
#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <unordered_map>
#include <utility>

#include "data.h"
#include "matchers.h"
#include "rule_words.h"

namespace article::internal {

namespace {

// units.tsv's kind column, read once.
enum class UnitKind { kCurrency, kMultiplier, kPercent, kOther };
constexpr std::pair<const char*, UnitKind> kUnitKindNames[] = {
    {"currency", UnitKind::kCurrency}, {"multiplier", UnitKind::kMultiplier}, {"percent", UnitKind::kPercent}};

struct Unit {
  UnitKind kind = UnitKind::kOther;
  std::string value;
};

const std::unordered_map<std::string, Unit>& units() {
  static const auto table = [] {
    std::unordered_map<std::string, Unit> m;
    for (const auto& row : data_rows(data::units_tsv)) {
      Unit unit;
      for (const auto& [name, kind] : kUnitKindNames)
        if (row.size() > 1 && row[1] == name) unit.kind = kind;
      unit.value = row.size() > 2 ? row[2] : "";
      m[row[0]] = std::move(unit);
    }
    return m;
  }();
  return table;
}

int unit_at(const Doc& doc, int at, int end, const Unit** out) {
  std::string key;
  int best = 0;
  for (int n = 1; n <= 3 && at + n <= end; ++n) {
    const int t = at + n - 1;
    if (n > 1) {
      if (!doc.info[t].is_word) break;
      key += ' ';
    }
    key += doc.info[t].lower();
    if (auto it = units().find(key); it != units().end()) {
      best = n;
      *out = &it->second;
    }
  }
  return best;
}

bool digits_only(const std::string& s, std::size_t from, std::size_t to) {
  if (from >= to) return false;
  for (std::size_t i = from; i < to; ++i)
    if (s[i] < '0' || s[i] > '9') return false;
  return true;
}

// True if s uses `sep` as a thousands separator: 1–3 digits, then groups of exactly three.
bool grouped_by(const std::string& s, char sep) {
  std::size_t first = s.find(sep);
  if (first == std::string::npos || first == 0 || first > 3 || !digits_only(s, 0, first)) return false;
  std::size_t i = first;
  while (i < s.size() && s[i] == sep) {
    if (i + 4 > s.size() || !digits_only(s, i + 1, i + 4)) return false;
    i += 4;
  }
  return i == s.size();
}

}  // namespace

bool is_multiplier(const std::string& lowercase) {
  const auto it = units().find(lowercase);
  return it != units().end() && it->second.kind == UnitKind::kMultiplier;
}

bool parse_number(const std::string& token, bool vietnamese, double& value) {
  if (token.empty() || token[0] < '0' || token[0] > '9') return false;
  const char thousands = vietnamese ? '.' : ',';
  const char decimal = vietnamese ? ',' : '.';
  std::string clean;
  const bool has_thousands = token.find(thousands) != std::string::npos;
  const bool has_decimal = token.find(decimal) != std::string::npos;
  if (has_thousands && has_decimal) {
    for (char c : token)
      if (c == decimal)
        clean += '.';
      else if (c != thousands)
        clean += c;
  } else if (has_thousands) {
    // "3.600" (vi) / "3,600" (en) are grouped; "2.5" in Vietnamese text is still read as a decimal.
    if (grouped_by(token, thousands)) {
      for (char c : token)
        if (c != thousands) clean += c;
    } else {
      for (char c : token) clean += c == thousands ? '.' : c;
    }
  } else {
    for (char c : token) clean += c == decimal ? '.' : c;
  }
  for (char c : clean)
    if (!((c >= '0' && c <= '9') || c == '.')) return false;
  char* end = nullptr;
  value = std::strtod(clean.c_str(), &end);
  return end && *end == '\0';
}

Match match_number(const Doc& doc, int at, int end) {
  Match m;
  const bool vietnamese = !doc.english();
  int i = at;
  std::string currency;
  // "$5 million", "€3"
  if (doc.info[i].is_symbol) {
    const Unit* u = nullptr;
    if (unit_at(doc, i, end, &u) == 1 && u->kind == UnitKind::kCurrency && i + 1 < end && doc.info[i + 1].is_number) {
      currency = u->value;
      ++i;
    } else {
      return m;
    }
  }
  if (!doc.info[i].is_number) return m;
  double value = 0;
  if (!parse_number(doc.info[i].lower(), vietnamese, value)) return m;
  ++i;
  // Multipliers, possibly chained ("nghìn tỉ").
  for (;;) {
    const Unit* u = nullptr;
    const int n = i < end ? unit_at(doc, i, end, &u) : 0;
    if (n == 0 || u->kind != UnitKind::kMultiplier) break;
    value *= std::atof(u->value.c_str());
    i += n;
  }
  m.value.number = value;
  const Unit* u = nullptr;
  const int n = i < end ? unit_at(doc, i, end, &u) : 0;
  if (!currency.empty()) {
    m.type = EntityType::kMoney;
    m.value.unit = currency;
  } else if (n > 0 && u->kind == UnitKind::kCurrency) {
    m.type = EntityType::kMoney;
    m.value.unit = u->value;
    i += n;
  } else if (n > 0 && u->kind == UnitKind::kPercent) {
    m.type = EntityType::kPercent;
    i += n;
  } else if (i < end && doc.info[i].is_word && !doc.info[i].upper_start &&
             doc.tokens[i].span.start - doc.tokens[i - 1].span.end <= 1) {
    // A counted noun or unit: "7 tập thể", "610 triệu lít", "45 chỗ". The unit is the word the segmenter
    // found there (one or more syllables), unless it is a function word.
    static const auto& stop = data_set(data::stopwords_txt, true);
    static const auto& date_words = data_map(data::date_words_tsv, true);
    const std::string& w = doc.info[i].lower();
    const bool date_word =
        date_words.count(w) || (i + 1 < end && date_words.count(w + " " + doc.info[i + 1].lower()));  // "3-0 tối qua"
    if ((!stop.count(w) || is_rule_word(RuleWord::kPeopleNoun, w)) && !date_word) {
      const int len = std::max(1, doc.word_length.empty() ? 1 : doc.word_length[i]);
      m.type = EntityType::kQuantity;
      std::string unit;
      for (int k = 0; k < len && i + k < end; ++k) unit += (k ? " " : "") + doc.info[i + k].lower();
      m.value.unit = unit;
      i += len;
    } else {
      m.type = EntityType::kNumber;
    }
  } else {
    m.type = EntityType::kNumber;
  }
  m.length = i - at;
  return m;
}

}  // namespace article::internal
