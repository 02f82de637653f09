// The JSON document (schema documented in README.md, "Output"). Keys are camelCase; nlohmann::json sorts
// them, which keeps golden fixtures canonical.
#include <nlohmann/json.hpp>

#include <cmath>

#include "article/analyzer.h"

namespace article {

namespace {

using nlohmann::json;

json span_json(const Span& s) { return json{{"start", s.start}, {"end", s.end}, {"text", s.text}}; }

json spans_json(const std::vector<Span>& spans) {
  json a = json::array();
  for (const Span& s : spans) a.push_back(span_json(s));
  return a;
}

json messages_json(const std::vector<Message>& messages) {
  json a = json::array();
  for (const Message& m : messages) {
    json j{{"code", m.code}, {"message", m.message}};
    if (m.span) {
      j["start"] = m.span->start;
      j["end"] = m.span->end;
      j["text"] = m.span->text;
    }
    a.push_back(std::move(j));
  }
  return a;
}

json value_json(const EntityValue& v) {
  json j = json::object();
  if (v.number) j["number"] = *v.number;
  if (!v.unit.empty()) j["unit"] = v.unit;
  if (!v.date.empty()) j["date"] = v.date;
  if (!v.date_end.empty()) j["end"] = v.date_end;
  if (!v.part_of_day.empty()) j["partOfDay"] = v.part_of_day;
  if (!v.time.empty()) j["time"] = v.time;
  if (!v.expansion.empty()) j["expansion"] = v.expansion;
  if (!v.canonical.empty()) j["canonical"] = v.canonical;
  return j;
}

json named_json(const std::vector<NamedThing>& things) {
  json a = json::array();
  for (const NamedThing& t : things) {
    json j{{"name", t.name}, {"mentions", spans_json(t.mentions)}};
    if (!t.abbreviation.empty()) j["abbreviation"] = t.abbreviation;
    a.push_back(std::move(j));
  }
  return a;
}

}  // namespace

std::string to_json(const Analysis& a, int indent) {
  json doc;
  doc["schema"] = kSchemaVersion;
  doc["analyzer"] = {{"name", "article-analyzer"}, {"version", version()}};
  doc["status"] = a.status == Status::kOk ? "ok" : a.status == Status::kUnusableInput ? "unusable_input" : "internal_error";
  doc["language"] = a.language;
  doc["article"] = {{"date", a.article.date}, {"title", a.article.title}, {"author", a.article.author}};

  json blocks = json::array();
  for (const Block& b : a.blocks) {
    json j = span_json(b.span);
    j["type"] = b.type;
    j["paragraph"] = b.paragraph;
    if (!b.date.empty()) j["date"] = b.date;
    if (b.speaker) j["speaker"] = span_json(*b.speaker);
    if (b.statement) j["statement"] = span_json(*b.statement);
    if (b.credit) j["credit"] = span_json(*b.credit);
    blocks.push_back(std::move(j));
  }
  doc["blocks"] = std::move(blocks);

  json sentences = json::array();
  for (const Sentence& s : a.sentences) {
    json j = span_json(s.span);
    j["block"] = s.block;
    sentences.push_back(std::move(j));
  }
  doc["sentences"] = std::move(sentences);

  json tokens = json::array();
  for (const Token& t : a.tokens) {
    json j = span_json(t.span);
    j["kind"] = t.kind;
    j["sentence"] = t.sentence;
    tokens.push_back(std::move(j));
  }
  doc["tokens"] = std::move(tokens);

  json words = json::array();
  for (const Word& w : a.words) {
    json j = span_json(w.span);
    j["syllables"] = w.syllables;
    if (w.proper) j["proper"] = true;
    words.push_back(std::move(j));
  }
  doc["words"] = std::move(words);

  json entities = json::array();
  for (const Entity& e : a.entities) {
    json j = span_json(e.span);
    j["type"] = e.type;
    j["value"] = value_json(e.value);
    j["sentence"] = e.sentence;
    entities.push_back(std::move(j));
  }
  doc["entities"] = std::move(entities);

  json people = json::array();
  for (const Person& p : a.people) {
    json roles = json::array();
    for (const Role& r : p.roles) {
      json rj = span_json(r.span);
      rj["title"] = r.title;
      rj["organization"] = r.organization;
      rj["qualifiers"] = r.qualifiers;
      roles.push_back(std::move(rj));
    }
    people.push_back({{"name", p.name}, {"mentions", spans_json(p.mentions)}, {"roles", std::move(roles)}});
  }
  doc["people"] = std::move(people);
  doc["organizations"] = named_json(a.organizations);
  doc["places"] = named_json(a.places);

  json quotes = json::array();
  for (const Quote& q : a.quotes) {
    json j = span_json(q.span);
    j["kind"] = q.kind;
    j["person"] = q.person;
    j["speaker"] = q.speaker;
    if (q.cue) j["cue"] = span_json(*q.cue);
    quotes.push_back(std::move(j));
  }
  doc["quotes"] = std::move(quotes);

  json abbreviations = json::array();
  for (const Abbreviation& ab : a.abbreviations)
    abbreviations.push_back({{"abbreviation", ab.abbreviation}, {"expansion", ab.expansion}, {"count", ab.count}});
  doc["abbreviations"] = std::move(abbreviations);

  json keywords = json::array();
  for (const Keyword& k : a.keywords)
    keywords.push_back({{"text", k.text}, {"score", std::round(k.score * 1000.0) / 1000.0}, {"count", k.count}});
  doc["keywords"] = std::move(keywords);

  doc["stats"] = {{"characters", a.stats.characters},
                  {"syllables", a.stats.syllables},
                  {"words", a.stats.words},
                  {"sentences", a.stats.sentences},
                  {"paragraphs", a.stats.paragraphs},
                  {"readingTimeSeconds", std::round(a.stats.reading_time_seconds * 10.0) / 10.0}};
  doc["warnings"] = messages_json(a.warnings);
  doc["errors"] = messages_json(a.errors);
  try {
    return doc.dump(indent, ' ', false, json::error_handler_t::replace);
  } catch (...) {
    return R"({"schema":)" + std::to_string(kSchemaVersion) +
           R"(,"status":"internal_error","errors":[{"code":"internal_error","message":"JSON rendering failed"}]})";
  }
}

Options options_from_json(std::string_view text, std::string* error) {
  Options options;
  const json j = json::parse(text.begin(), text.end(), nullptr, false);
  if (j.is_discarded() || !j.is_object()) {
    if (error) *error = "options are not a JSON object";
    return options;
  }
  if (auto it = j.find("language"); it != j.end() && it->is_string()) options.language = it->get<std::string>();
  if (auto it = j.find("referenceDate"); it != j.end() && it->is_string())
    options.reference_date = it->get<std::string>();
  if (auto it = j.find("tokens"); it != j.end() && it->is_boolean()) options.include_tokens = it->get<bool>();
  return options;
}

}  // namespace article
