// The JSON document (schema documented in README.md, "Output"). Written straight out: building a
// nlohmann::json tree first cost as much as the analysis itself, and the document of a large input is many
// times its size (tokens), so write_json hands it to a sink in bounded chunks instead of holding it whole.
// Keys are camelCase, in schema order; golden fixtures are canonicalized (sorted keys) by
// scripts/regen-fixtures.sh. nlohmann/json only parses the options.
#include <nlohmann/json.hpp>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <new>

#include "article/analyzer.h"
#include "pipeline.h"

namespace article {

// The one place the kinds are spelled (the README's "Output" section lists them).
const char* json_name(BlockType type) {
  switch (type) {
    case BlockType::kHeader:
      return "header";
    case BlockType::kTitle:
      return "title";
    case BlockType::kLead:
      return "lead";
    case BlockType::kBody:
      return "body";
    case BlockType::kCaption:
      return "caption";
    case BlockType::kSpeakerCaption:
      return "speaker_caption";
    case BlockType::kSubheading:
      return "subheading";
    case BlockType::kByline:
      return "byline";
  }
  return "body";
}

const char* json_name(TokenKind kind) {
  switch (kind) {
    case TokenKind::kWord:
      return "word";
    case TokenKind::kNumber:
      return "number";
    case TokenKind::kPunct:
      return "punct";
    case TokenKind::kSymbol:
      return "symbol";
  }
  return "word";
}

const char* json_name(EntityType type) {
  switch (type) {
    case EntityType::kPerson:
      return "person";
    case EntityType::kOrganization:
      return "organization";
    case EntityType::kLocation:
      return "location";
    case EntityType::kDate:
      return "date";
    case EntityType::kTime:
      return "time";
    case EntityType::kNumber:
      return "number";
    case EntityType::kMoney:
      return "money";
    case EntityType::kPercent:
      return "percent";
    case EntityType::kQuantity:
      return "quantity";
  }
  return "number";
}

const char* json_name(QuoteKind kind) {
  switch (kind) {
    case QuoteKind::kSpeakerCaption:
      return "speaker_caption";
    case QuoteKind::kDirect:
      return "direct";
    case QuoteKind::kReported:
      return "reported";
  }
  return "direct";
}

std::optional<EntityType> entity_type_from_json_name(std::string_view name) {
  for (EntityType type : kEntityTypes)
    if (name == json_name(type)) return type;
  return std::nullopt;
}

namespace {

// The document as it is written. std::string's append and push_back are out-of-line calls in WebAssembly
// (libc++ comes precompiled), and the writer makes several per value, so bytes go through a pointer into
// storage that grows in large steps.
class Buffer {
 public:
  std::size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  // Room for n more bytes, counted as written; truncate() gives back what was not used.
  char* extend(std::size_t n) {
    if (size_ + n > data_.size()) data_.resize(std::max(2 * data_.size(), size_ + n + 256));
    char* p = data_.data() + size_;
    size_ += n;
    return p;
  }
  void truncate(std::size_t size) { size_ = size; }
  char* data() { return data_.data(); }
  void reserve(std::size_t n) { data_.resize(std::max(data_.size(), n)); }
  void put(char c) { *extend(1) = c; }
  void put(const char* s, std::size_t n) { std::memcpy(extend(n), s, n); }
  void put(std::string_view s) { put(s.data(), s.size()); }
  void put(const char* s) { put(std::string_view(s)); }
  std::string_view view() const { return {data_.data(), size_}; }
  void clear() { size_ = 0; }
  std::string take() {
    data_.resize(size_);
    size_ = 0;
    return std::move(data_);
  }

 private:
  std::string data_;
  std::size_t size_ = 0;
};

// A minimal streaming writer: commas and indentation are handled here, escaping per RFC 8259.
class Writer {
 public:
  // With a sink, the text is handed on whenever kChunkBytes have gathered, and memory stays bounded;
  // without one, the whole document is kept for take().
  static constexpr std::size_t kChunkBytes = 256 * 1024;
  // The buffer grows by doubling up to the chunk's size: reserving the whole chunk up front zero-filled
  // 257 kB for every document, most of whose JSON is a few tens of kB (2.4 % of a batch run's instructions).
  explicit Writer(int indent, const JsonSink* sink = nullptr) : indent_(indent), sink_(sink) {}

  Writer& begin_object() { return open('{'); }
  Writer& end_object() { return close('}'); }
  Writer& begin_array() { return open('['); }
  Writer& end_array() { return close(']'); }

  // Keys are the schema's own names (camelCase ASCII): nothing in them needs escaping.
  Writer& key(const char* k) {
    separate();
    out_.put('"');
    out_.put(k);
    out_.put(indent_ >= 0 ? "\": " : "\":");
    after_key_ = true;
    return *this;
  }
  Writer& value(const std::string& s) {
    return scalar([&] { string(s); });
  }
  Writer& value(const char* s) {
    return scalar([&] { string(s); });
  }
  // UTF-16 text (a span of the input), written as escaped UTF-8 without an intermediate string.
  Writer& value(std::u16string_view s) {
    return scalar([&] { string(s); });
  }
  Writer& value(std::int64_t n) {
    return scalar([&] {
      char buf[24];
      const auto result = std::to_chars(buf, buf + sizeof buf, n);
      out_.put(buf, static_cast<std::size_t>(result.ptr - buf));
    });
  }
  Writer& value(int n) { return value(static_cast<std::int64_t>(n)); }
  Writer& value(bool b) {
    return scalar([&] { out_.put(b ? "true" : "false"); });
  }
  Writer& value(double d) {
    return scalar([&] {
      if (!std::isfinite(d)) {
        out_.put("null");
        return;
      }
      // The shortest form that reads back as the same double (17 significant digits always do).
      char buf[32];
      for (int precision = 1; precision <= 17; ++precision) {
        std::snprintf(buf, sizeof buf, "%.*g", precision, d);
        if (std::strtod(buf, nullptr) == d) break;
      }
      out_.put(buf);
    });
  }
  template <typename T>
  Writer& field(const char* k, const T& v) {
    key(k);
    return value(v);
  }
  std::string take() { return out_.take(); }
  // Whether spans carry their `text` (OutputForm::span_text).
  bool span_text() const { return span_text_; }
  void set_span_text(bool on) { span_text_ = on; }
  // The text that spans without their own text are cut from (analyze_json), or null.
  const internal::Text* source() const { return source_; }
  void set_source(const internal::Text* text) { source_ = text; }
  // Hands what is left to the sink.
  void finish() {
    if (sink_ && !out_.empty()) (*sink_)(out_.view());
    out_.clear();
  }

 private:
  template <typename F>
  Writer& scalar(F write) {
    if (!after_key_) separate();
    after_key_ = false;
    write();
    flush_if_full();
    return *this;
  }
  Writer& open(char c) {
    if (!after_key_) separate();
    after_key_ = false;
    out_.put(c);
    first_.push_back(true);
    return *this;
  }
  Writer& close(char c) {
    const bool empty = first_.back();
    first_.pop_back();
    if (!empty) newline();
    out_.put(c);
    flush_if_full();
    return *this;
  }
  void flush_if_full() {
    if (sink_ && out_.size() >= kChunkBytes) {
      (*sink_)(out_.view());
      out_.clear();
    }
  }
  void separate() {
    if (first_.empty()) return;
    if (!first_.back()) out_.put(',');
    first_.back() = false;
    newline();
  }
  void newline() {
    if (indent_ < 0) return;
    const std::size_t n = first_.size() * static_cast<std::size_t>(indent_);
    char* p = out_.extend(n + 1);
    *p = '\n';
    std::memset(p + 1, ' ', n);
  }
  // A string's text escaped per RFC 8259 (quotes, backslashes and control characters), written through a
  // raw buffer (per-byte appends are slow in WebAssembly): at most 6 bytes per unit ("\u001f"), and the quotes.
  void string(std::string_view s) {
    char* p = out_.extend(s.size() * 6 + 2);
    *p++ = '"';
    for (char c : s) p = escaped(static_cast<unsigned char>(c), p);
    *p++ = '"';
    out_.truncate(static_cast<std::size_t>(p - out_.data()));
  }
  // UTF-16 text, written as escaped UTF-8.
  void string(std::u16string_view s) {
    char* p = out_.extend(s.size() * 6 + 2);
    *p++ = '"';
    for (std::size_t i = 0; i < s.size();) {
      const char32_t cp = internal::scalar_value_at(s, i);
      p = cp < 0x80 ? escaped(static_cast<unsigned char>(cp), p) : internal::put_utf8(cp, p);
    }
    *p++ = '"';
    out_.truncate(static_cast<std::size_t>(p - out_.data()));
  }
  // A byte as JSON writes it inside a string.
  static char* escaped(unsigned char c, char* p) {
    if (c >= 0x20 && c != '"' && c != '\\') {
      *p++ = static_cast<char>(c);
      return p;
    }
    *p++ = '\\';
    switch (c) {
      case '"':
        *p++ = '"';
        break;
      case '\\':
        *p++ = '\\';
        break;
      case '\n':
        *p++ = 'n';
        break;
      case '\r':
        *p++ = 'r';
        break;
      case '\t':
        *p++ = 't';
        break;
      case '\b':
        *p++ = 'b';
        break;
      case '\f':
        *p++ = 'f';
        break;
      default: {
        static constexpr char kHex[] = "0123456789abcdef";
        *p++ = 'u', *p++ = '0', *p++ = '0', *p++ = kHex[c >> 4], *p++ = kHex[c & 15];
      }
    }
    return p;
  }

  Buffer out_;
  std::vector<char>
      first_;  // per open object or array: nothing written in it yet (not vector<bool>: bit access is slow)
  int indent_;
  const JsonSink* sink_;
  const internal::Text* source_ = nullptr;
  bool span_text_ = true;
  bool after_key_ = false;
};

void span_fields(Writer& w, const Span& s) {
  w.field("start", s.start).field("end", s.end);
  if (!w.span_text()) return;
  // analyze_json leaves the spans' text unfilled: it is written from the input as the span is.
  if (w.source() && s.text.empty() && s.end > s.start)
    w.field("text", std::u16string_view(w.source()->input).substr(s.start, s.end - s.start));
  else
    w.field("text", s.text);
}

void span(Writer& w, const char* key, const Span& s) {
  w.key(key).begin_object();
  span_fields(w, s);
  w.end_object();
}

void spans(Writer& w, const char* key, const std::vector<Span>& list) {
  w.key(key).begin_array();
  for (const Span& s : list) {
    w.begin_object();
    span_fields(w, s);
    w.end_object();
  }
  w.end_array();
}

void messages(Writer& w, const char* key, const std::vector<Message>& list) {
  w.key(key).begin_array();
  for (const Message& m : list) {
    w.begin_object().field("code", m.code).field("message", m.message);
    if (m.span) span_fields(w, *m.span);
    w.end_object();
  }
  w.end_array();
}

void value(Writer& w, const EntityValue& v) {
  w.key("value").begin_object();
  if (v.number) w.field("number", *v.number);
  if (!v.unit.empty()) w.field("unit", v.unit);
  if (!v.date.empty()) w.field("date", v.date);
  if (!v.date_end.empty()) w.field("end", v.date_end);
  if (!v.part_of_day.empty()) w.field("partOfDay", v.part_of_day);
  if (!v.time.empty()) w.field("time", v.time);
  if (!v.expansion.empty()) w.field("expansion", v.expansion);
  if (!v.canonical.empty()) w.field("canonical", v.canonical);
  w.end_object();
}

void named(Writer& w, const char* key, const std::vector<NamedThing>& list) {
  w.key(key).begin_array();
  for (const NamedThing& t : list) {
    w.begin_object().field("name", t.name);
    if (!t.abbreviation.empty()) w.field("abbreviation", t.abbreviation);
    spans(w, "mentions", t.mentions);
    w.end_object();
  }
  w.end_array();
}

const char* status_name(Status s) {
  return s == Status::kOk ? "ok" : s == Status::kUnusableInput ? "unusable_input" : "internal_error";
}

// One array of a list's columns: `get(item)` for every item.
template <typename List, typename Get>
void column(Writer& w, const char* key, const List& items, Get get) {
  w.key(key).begin_array();
  for (const auto& item : items) w.value(get(item));
  w.end_array();
}

// `tokens`: [] (kOmitted), [{"kind", "start", "end", "text", "sentence"}, …] (kObjects) or, kColumns,
// {"kinds": ["word", "number", "punct", "symbol"], "kind": [index into kinds, …], "start": […], "end": […],
// "sentence": […]}. `doc`: when given, the tokens are written from it (analyze_json) rather than from a.tokens,
// never held as Token objects.
void write_tokens(Writer& w, const Analysis& a, const internal::Doc* doc) {
  const ListForm form = a.output.tokens;
  w.key("tokens");
  if (form == ListForm::kColumns) {
    static_assert(static_cast<int>(TokenKind::kSymbol) == 3 && std::size(kTokenKinds) == 4,
                  "kinds are written as their index in kTokenKinds");
    w.begin_object().key("kinds").begin_array();
    for (TokenKind k : kTokenKinds) w.value(json_name(k));
    w.end_array();
    if (doc) {
      const internal::Text& text = doc->text;
      column(w, "kind", doc->tokens, [](const internal::DocToken& t) { return static_cast<int>(t.kind); });
      column(w, "start", doc->tokens,
             [&text](const internal::DocToken& t) { return text.to_input_start(t.span.start); });
      column(w, "end", doc->tokens, [&text](const internal::DocToken& t) { return text.to_input_end(t.span.end); });
      column(w, "sentence", doc->tokens, [](const internal::DocToken& t) { return t.sentence; });
    } else {
      column(w, "kind", a.tokens, [](const Token& t) { return static_cast<int>(t.kind); });
      column(w, "start", a.tokens, [](const Token& t) { return t.span.start; });
      column(w, "end", a.tokens, [](const Token& t) { return t.span.end; });
      column(w, "sentence", a.tokens, [](const Token& t) { return t.sentence; });
    }
    w.end_object();
    return;
  }
  auto token = [&w](const Token& t) {
    w.begin_object().field("kind", json_name(t.kind));
    span_fields(w, t.span);
    w.field("sentence", t.sentence).end_object();
  };
  w.begin_array();
  if (form == ListForm::kObjects) {
    if (doc)
      for (const internal::DocToken& t : doc->tokens) token(internal::output_token(doc->text, t));
    else
      for (const Token& t : a.tokens) token(t);
  }
  w.end_array();
}

// `words`: [] (kOmitted), [{"start", "end", "text", "syllables", "proper"?}, …] (kObjects) or, kColumns,
// {"start": […], "end": […], "syllables": […], "proper": [0 or 1, …]}.
void write_words(Writer& w, const Analysis& a) {
  const ListForm form = a.output.words;
  w.key("words");
  if (form == ListForm::kColumns) {
    w.begin_object();
    column(w, "start", a.words, [](const Word& word) { return word.span.start; });
    column(w, "end", a.words, [](const Word& word) { return word.span.end; });
    column(w, "syllables", a.words, [](const Word& word) { return word.syllables; });
    column(w, "proper", a.words, [](const Word& word) { return word.proper ? 1 : 0; });
    w.end_object();
    return;
  }
  w.begin_array();
  if (form == ListForm::kObjects) {
    for (const Word& word : a.words) {
      w.begin_object();
      span_fields(w, word.span);
      w.field("syllables", word.syllables);
      if (word.proper) w.field("proper", true);
      w.end_object();
    }
  }
  w.end_array();
}

// The document in the form a.output asks for; `doc`: see write_tokens.
void write_document(Writer& w, const Analysis& a, const internal::Doc* doc = nullptr) {
  w.set_span_text(a.output.span_text);
  w.begin_object();
  w.field("schema", kSchemaVersion);
  w.key("analyzer").begin_object().field("name", "article-analyzer").field("version", version()).end_object();
  w.field("status", status_name(a.status));
  w.field("language", a.language);
  w.key("article")
      .begin_object()
      .field("date", a.article.date)
      .field("title", a.article.title)
      .field("author", a.article.author);
  if (const auto& d = a.article.dateline) {
    w.key("dateline").begin_object();
    span_fields(w, d->span);
    span(w, "place", d->place);
    if (!d->date.empty()) w.field("date", d->date);
    if (d->agency) span(w, "agency", *d->agency);
    w.end_object();
  }
  w.end_object();

  w.key("blocks").begin_array();
  for (const Block& b : a.blocks) {
    w.begin_object().field("type", json_name(b.type));
    span_fields(w, b.span);
    w.field("paragraph", b.paragraph);
    if (!b.date.empty()) w.field("date", b.date);
    if (b.speaker) span(w, "speaker", *b.speaker);
    if (b.statement) span(w, "statement", *b.statement);
    if (b.credit) span(w, "credit", *b.credit);
    w.end_object();
  }
  w.end_array();

  w.key("sentences").begin_array();
  for (const Sentence& s : a.sentences) {
    w.begin_object();
    span_fields(w, s.span);
    w.field("block", s.block).end_object();
  }
  w.end_array();

  write_tokens(w, a, doc);
  write_words(w, a);

  w.key("entities").begin_array();
  for (const Entity& e : a.entities) {
    w.begin_object().field("type", json_name(e.type));
    span_fields(w, e.span);
    value(w, e.value);
    w.field("sentence", e.sentence).end_object();
  }
  w.end_array();

  w.key("people").begin_array();
  for (const Person& p : a.people) {
    w.begin_object().field("name", p.name);
    spans(w, "mentions", p.mentions);
    w.key("roles").begin_array();
    for (const Role& r : p.roles) {
      w.begin_object().field("title", r.title).field("organization", r.organization);
      w.key("qualifiers").begin_array();
      for (const std::string& q : r.qualifiers) w.value(q);
      w.end_array();
      span_fields(w, r.span);
      w.end_object();
    }
    w.end_array().end_object();
  }
  w.end_array();
  named(w, "organizations", a.organizations);
  named(w, "places", a.places);

  w.key("quotes").begin_array();
  for (const Quote& q : a.quotes) {
    w.begin_object().field("kind", json_name(q.kind));
    span_fields(w, q.span);
    w.field("person", q.person).field("speaker", q.speaker);
    if (q.cue) span(w, "cue", *q.cue);
    w.end_object();
  }
  w.end_array();

  w.key("abbreviations").begin_array();
  for (const Abbreviation& ab : a.abbreviations)
    w.begin_object()
        .field("abbreviation", ab.abbreviation)
        .field("expansion", ab.expansion)
        .field("count", ab.count)
        .end_object();
  w.end_array();

  w.key("keywords").begin_array();
  for (const Keyword& k : a.keywords)
    w.begin_object()
        .field("text", k.text)
        .field("score", std::round(k.score * 1000.0) / 1000.0)
        .field("count", k.count)
        .end_object();
  w.end_array();

  w.key("stats")
      .begin_object()
      .field("characters", a.stats.characters)
      .field("syllables", a.stats.syllables)
      .field("words", a.stats.words)
      .field("sentences", a.stats.sentences)
      .field("paragraphs", a.stats.paragraphs)
      .field("readingTimeSeconds", std::round(a.stats.reading_time_seconds * 10.0) / 10.0)
      .end_object();
  messages(w, "warnings", a.warnings);
  messages(w, "errors", a.errors);
  w.end_object();
}

}  // namespace

void write_json(const Analysis& analysis, const JsonSink& sink, int indent) {
  Writer w(indent, &sink);
  write_document(w, analysis);
  w.finish();
}

namespace internal {

void write_doc_json(const Doc& doc, const JsonSink& sink, int indent) {
  Writer w(indent, &sink);
  w.set_source(&doc.text);
  write_document(w, doc.out, &doc);
  w.finish();
}

}  // namespace internal

std::string schema_json() {
  Writer w(-1);
  w.begin_object().field("schema", kSchemaVersion);
  w.key("limits")
      .begin_object()
      .field("maxInputBytes", static_cast<std::int64_t>(kMaxInputBytes))
      .field("maxParagraphs", static_cast<std::int64_t>(kMaxParagraphs))
      .field("maxSentences", static_cast<std::int64_t>(kMaxSentences))
      .field("maxTokens", static_cast<std::int64_t>(kMaxTokens))
      .field("maxUserWords", static_cast<std::int64_t>(kMaxUserWords))
      .field("maxUserWordLength", static_cast<std::int64_t>(kMaxUserWordLength))
      .end_object();
  auto list = [&w](const char* key, const auto& kinds, auto keep) {
    w.key(key).begin_array();
    for (const auto kind : kinds)
      if (keep(kind)) w.value(json_name(kind));
    w.end_array();
  };
  const auto all = [](auto) { return true; };
  list("blockTypes", kBlockTypes, all);
  list("tokenKinds", kTokenKinds, all);
  list("entityTypes", kEntityTypes, all);
  list("nameTypes", kEntityTypes, [](EntityType t) { return is_name(t); });
  list("dateTypes", kEntityTypes, [](EntityType t) { return !is_name(t) && !is_figure(t); });
  list("figureTypes", kEntityTypes, [](EntityType t) { return is_figure(t); });
  list("quoteKinds", kQuoteKinds, all);
  w.end_object();
  return w.take();
}

std::string to_json(const Analysis& analysis, int indent) {
  try {
    Writer w(indent);
    write_document(w, analysis);
    return w.take();
  } catch (const std::bad_alloc&) {
    // The document did not fit in memory (write_json never holds it whole): say so in a document that does.
    Analysis failed;
    failed.status = Status::kUnusableInput;
    failed.language = analysis.language;
    failed.errors.push_back({"input_too_large",
                             "The analysis is too large to render as one string; use write_json, which streams it, "
                             "or split the text.",
                             std::nullopt});
    Writer w(indent);
    write_document(w, failed);
    return w.take();
  }
}

std::string decoded_to_json(const Decoded& d) {
  Writer w(-1);
  w.begin_object().field("ok", d.ok).field("text", d.text).field("encoding", d.encoding).field("binary", d.binary);
  messages(w, "warnings", d.warnings);
  w.end_object();
  return w.take();
}

Options options_from_json(std::string_view text, std::vector<Message>* problems, const Options& defaults) {
  using nlohmann::json;
  Options options = defaults;
  auto problem = [problems](std::string message) {
    if (problems) problems->push_back({"invalid_option", std::move(message), std::nullopt});
  };
  const json j = json::parse(text.begin(), text.end(), nullptr, false);
  if (j.is_discarded() || !j.is_object()) {
    problem("The options are not a JSON object; the defaults are used.");
    return options;
  }
  for (const auto& [key, value] : j.items()) {
    if (key == "language" && value.is_string())
      options.language = value.get<std::string>();
    else if (key == "referenceDate" && value.is_string())
      options.reference_date = value.get<std::string>();
    else if ((key == "tokens" || key == "wordSpans") && (value.is_boolean() || value == "compact")) {
      ListForm& form = key == "tokens" ? options.output.tokens : options.output.words;
      form = value.is_string() ? ListForm::kColumns : value.get<bool>() ? ListForm::kObjects : ListForm::kOmitted;
    } else if (key == "spanText" && value.is_boolean())
      options.output.span_text = value.get<bool>();
    else if (key == "words" && value.is_array()) {
      for (const auto& item : value) {
        if (item.is_string())
          options.words.push_back({item.get<std::string>(), {}});
        else if (item.is_object() && item.contains("text") && item["text"].is_string() &&
                 (!item.contains("type") || item["type"].is_string()))
          options.words.push_back({item["text"].get<std::string>(), item.value("type", std::string())});
        else
          problem("An entry of the option words is neither a string nor {\"text\", \"type\"}; it is ignored.");
      }
    } else if (key == "words")
      problem("The option words must be an array; it is ignored.");
    else if (key == "language" || key == "referenceDate")
      problem("The option " + key + " must be a string; it is ignored.");
    else if (key == "tokens" || key == "wordSpans")
      problem("The option " + key + " must be true, false or \"compact\"; it is ignored.");
    else if (key == "spanText")
      problem("The option spanText must be true or false; it is ignored.");
    else
      problem("There is no option " + key +
              " (options: language, referenceDate, tokens, wordSpans, spanText, words); it is ignored.");
  }
  return options;
}

Options options_from_json(std::string_view text, std::string* error) {
  const nlohmann::json j = nlohmann::json::parse(text.begin(), text.end(), nullptr, false);
  if ((j.is_discarded() || !j.is_object()) && error) *error = "options are not a JSON object";
  return options_from_json(text, static_cast<std::vector<Message>*>(nullptr));
}

}  // namespace article
