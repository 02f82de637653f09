// The pipeline: each stage is one line, in order. Stage files hold the rules; this file holds the order, the
// error boundary and the single conversion of offsets back to the input as given.
#include "article/analyzer.h"

#include <exception>
#include <memory>
#include <new>

#include "pipeline.h"

#ifndef ARTICLE_ANALYZER_VERSION
#define ARTICLE_ANALYZER_VERSION "0.0.0"
#endif

namespace article {

const char* version() { return ARTICLE_ANALYZER_VERSION; }

namespace internal {

namespace {

// To offsets in the input as given, with the span's text, unless `with_text` is false (analyze_json, whose
// writer cuts each text from the input as it goes).
void map_span(const Text& text, Span& s, bool with_text = true) {
  s.start = text.to_input_start(s.start);
  s.end = text.to_input_end(s.end);
  if (with_text) s.text = to_utf8(std::u16string_view(text.input).substr(s.start, s.end - s.start));
}

}  // namespace

bool over_limit(Problems& problems, const char* what, std::size_t count, std::size_t limit) {
  if (count <= limit) return false;
  problems.errors.push_back({"input_too_large",
                             "The text has " + std::to_string(count) + " " + what + "; at most " +
                                 std::to_string(limit) +
                                 " can be analysed at once. Split the text and analyse the parts.",
                             std::nullopt});
  return true;
}

Token output_token(const Text& text, const DocToken& token) {
  Token out;
  out.kind = token.kind;
  out.span = Span{token.span.start, token.span.end, {}};
  out.sentence = token.sentence;
  map_span(text, out.span);
  return out;
}

void finalize_spans(Doc& doc) {
  const Text& t = doc.text;
  Analysis& a = doc.out;
  const bool with_text = !doc.written_from_doc;
  auto map = [&](Span& s) { map_span(t, s, with_text); };
  for (Block& b : a.blocks) {
    map(b.span);
    if (b.speaker) map(*b.speaker);
    if (b.statement) map(*b.statement);
    if (b.credit) map(*b.credit);
  }
  if (auto& d = a.article.dateline) {
    map(d->span);
    map(d->place);
    if (d->agency) map(*d->agency);
  }
  for (Sentence& s : a.sentences) map(s.span);
  if (doc.options.output.tokens != ListForm::kOmitted && !doc.written_from_doc) {
    a.tokens.reserve(doc.tokens.size());
    for (const DocToken& tok : doc.tokens) a.tokens.push_back(output_token(t, tok));
  }
  for (Word& w : a.words) map(w.span);
  for (Entity& e : a.entities) map(e.span);
  for (Person& p : a.people) {
    for (Span& s : p.mentions) map(s);
    for (Role& r : p.roles) map(r.span);
  }
  for (NamedThing& o : a.organizations)
    for (Span& s : o.mentions) map(s);
  for (NamedThing& o : a.places)
    for (Span& s : o.mentions) map(s);
  for (Quote& q : a.quotes) {
    map(q.span);
    if (q.cue) map(*q.cue);
  }
  a.warnings = std::move(doc.problems.warnings);
  a.errors = std::move(doc.problems.errors);
  for (auto* list : {&a.warnings, &a.errors})
    for (Message& m : *list)
      if (m.span) map_span(t, *m.span);  // the leading warnings added later have their text: keep all alike
}

namespace {

// Where the pipeline stores each stage's product in the document (what a stage returns, it never writes).
void store(Doc& doc, Tokenized tokenized) {
  doc.tokens = std::move(tokenized.tokens);
  doc.info = std::move(tokenized.info);
  doc.lower_forms = std::move(tokenized.lower_forms);  // the nodes move with it: TokenInfo's pointers hold
  doc.sentence_tokens = std::move(tokenized.sentence_tokens);
}
void store(Doc& doc, Blocks blocks) {
  doc.out.blocks = std::move(blocks.blocks);
  for (std::size_t s = 0; s < doc.out.sentences.size(); ++s) doc.out.sentences[s].block = blocks.sentence_block[s];
  doc.out.article = std::move(blocks.article);
}
void store(Doc& doc, Words words) {
  doc.out.words = std::move(words.words);
  doc.word_length = std::move(words.word_length);
  doc.user_words = std::move(words.user_words);
}
void store(Doc& doc, EntityList list) {
  doc.out.entities = std::move(list.entities);
  doc.entity_tokens = std::move(list.tokens);
  doc.nested_places = std::move(list.nested_places);
}
void store(Doc& doc, FoundEntities found) {
  store(doc, std::move(found.list));
  doc.out.abbreviations = std::move(found.abbreviations);
}
void store(Doc& doc, Cast cast) {
  doc.out.people = std::move(cast.people);
  doc.out.organizations = std::move(cast.organizations);
  doc.out.places = std::move(cast.places);
  doc.entity_person = std::move(cast.entity_person);
  doc.person_ending_at = std::move(cast.person_ending_at);
  for (std::size_t e = 0; e < doc.out.entities.size(); ++e)
    doc.out.entities[e].value.canonical = std::move(cast.entity_names[e]);
}

// The entity list, handed to the stage that revises it (which returns it to be stored again).
EntityList take_entities(Doc& doc) {
  return {std::move(doc.out.entities), std::move(doc.entity_tokens), std::move(doc.nested_places)};
}

// A refused input keeps nothing of the analysis it began (its spans were never mapped to the input): the
// output is its language and problems alone.
bool refused(Doc& doc) {
  if (doc.problems.errors.empty()) return false;
  Analysis refusal;
  refusal.status = Status::kUnusableInput;
  refusal.language = doc.out.language;
  refusal.errors = std::move(doc.problems.errors);
  refusal.warnings = std::move(doc.problems.warnings);
  for (Message& m : refusal.warnings)
    if (m.span) map_span(doc.text, *m.span);
  doc.out = std::move(refusal);
  doc.problems = {};
  std::vector<DocToken>().swap(doc.tokens);
  std::vector<TokenInfo>().swap(doc.info);
  return true;
}

}  // namespace

bool run_until_words(std::string_view utf8, const Options& options, Doc& doc) {
  Problems& problems = doc.problems;
  doc.options = check_options(options, problems);
  doc.out.output = doc.options.output;
  doc.text.input = check_input(utf8, problems);
  // Nothing is analysed: the output is the problems, in the form the options ask for.
  auto stopped = [&doc](Status status) {
    doc.out.status = status;
    doc.out.warnings = std::move(doc.problems.warnings);
    doc.out.errors = std::move(doc.problems.errors);
    doc.problems = {};
    return false;
  };
  if (!problems.errors.empty()) return stopped(Status::kUnusableInput);
  if (!normalize(doc.text)) {
    problems.errors.push_back({"internal_error", "Unicode normalization failed", std::nullopt});
    return stopped(Status::kInternalError);
  }
  check_text(doc.text, problems);
  doc.out.language = detect_language(doc.text, doc.options);
  // Each count limit (analyzer.h) is checked by the stage that finds the count.
  doc.paragraphs = find_paragraphs(doc.text, problems);
  if (refused(doc)) return false;
  doc.header = find_header(doc.text, doc.paragraphs);
  doc.out.sentences = split_sentences(doc, problems);
  if (refused(doc)) return false;
  store(doc, tokenize(doc, problems));
  if (refused(doc)) return false;
  store(doc, classify_blocks(doc));
  store(doc, segment_words(doc));
  return true;
}

namespace {

// The whole pipeline into `doc.out`.
void run(std::string_view utf8, const Options& options, Doc& doc) {
  if (!run_until_words(utf8, options, doc)) return;
  store(doc, find_entities(doc));
  store(doc, read_addresses(doc, take_entities(doc)));
  store(doc, read_lowercase_org_names(doc, take_entities(doc)));
  store(doc, read_names_again(doc, take_entities(doc)));
  store(doc, read_match_results(doc, take_entities(doc)));
  store(doc, repeat_names(doc, take_entities(doc)));
  store(doc, read_user_names(doc, take_entities(doc)));
  store(doc, find_people(doc));
  doc.out.quotes = find_quotes(doc);
  doc.out.keywords = rank_keywords(doc);
  doc.out.stats = compute_stats(doc);
  // What only the stages needed goes before the spans get their text (on a large input, both are large).
  std::vector<TokenInfo>().swap(doc.info);
  std::vector<int>().swap(doc.word_length);
  finalize_spans(doc);
}

// What a failed analysis returns: out of memory is a size the input cannot be analysed at, anything else a
// bug.
Analysis failure(const std::exception* e, bool out_of_memory) {
  Analysis a;
  if (out_of_memory) {
    a.status = Status::kUnusableInput;
    a.errors.push_back({"input_too_large",
                        "The analysis of this input ran out of memory. Split the text and analyse the parts.",
                        std::nullopt});
  } else {
    a.status = Status::kInternalError;
    a.errors.push_back(
        {"internal_error", e ? std::string("internal error: ") + e->what() : "internal error", std::nullopt});
  }
  return a;
}

// The error boundary: runs `work`, and an exception it throws becomes `failed` (see failure()). True if
// `work` ran through.
template <typename Work>
bool without_exceptions(Work&& work, Analysis& failed) {
  try {
    work();
    return true;
  } catch (const std::bad_alloc& e) {
    failed = failure(&e, true);
  } catch (const std::exception& e) {
    failed = failure(&e, false);
  } catch (...) {
    failed = failure(nullptr, false);
  }
  return false;
}

}  // namespace
}  // namespace internal

Analysis analyze(std::string_view utf8_text, const Options& options) {
  // No exception leaves the library (and none reaches JavaScript).
  Analysis out;
  internal::without_exceptions(
      [&] {
        internal::Doc doc;
        internal::run(utf8_text, options, doc);
        out = std::move(doc.out);
      },
      out);
  return out;
}

Status analyze_json(std::string_view utf8_text, const Options& options, const JsonSink& sink, int indent,
                    const std::vector<Message>& leading_warnings) {
  std::unique_ptr<internal::Doc> doc;
  Analysis failed;
  const bool ran = internal::without_exceptions(
      [&] {
        doc = std::make_unique<internal::Doc>();
        doc->written_from_doc = true;
        internal::run(utf8_text, options, *doc);
        doc->out.warnings.insert(doc->out.warnings.begin(), leading_warnings.begin(), leading_warnings.end());
      },
      failed);
  if (ran) {
    try {
      internal::write_doc_json(*doc, sink, indent);
    } catch (const std::bad_alloc&) {
      // The writer holds one piece and small strings; if even that fails, the document is cut short.
      return Status::kInternalError;
    }
    return doc->out.status;
  }
  doc.reset();  // what the failed analysis held, before the error document is written
  failed.warnings.insert(failed.warnings.begin(), leading_warnings.begin(), leading_warnings.end());
  write_json(failed, sink, indent);
  return failed.status;
}

}  // namespace article
