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

bool over_limit(Doc& doc, const char* what, std::size_t count, std::size_t limit) {
  if (count <= limit) return false;
  doc.out.errors.push_back({"input_too_large",
                            "The text has " + std::to_string(count) + " " + what + "; at most " + std::to_string(limit) +
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
  for (auto* list : {&a.warnings, &a.errors})
    for (Message& m : *list)
      if (m.span) map_span(t, *m.span);  // the leading warnings added later have their text: keep all alike
}

bool run_until_words(std::string_view utf8, const Options& options, Doc& doc) {
  doc.options = options;
  doc.out.output = options.output;
  check_options(doc);
  check_input(utf8, doc);
  if (!doc.out.errors.empty()) {
    doc.out.status = Status::kUnusableInput;
    return false;
  }
  if (!normalize(doc.text)) {
    doc.out.status = Status::kInternalError;
    doc.out.errors.push_back({"internal_error", "Unicode normalization failed", std::nullopt});
    return false;
  }
  check_text(doc);
  detect_language(doc);
  // Each count limit (analyzer.h) is checked by the stage that finds the count. A refused input keeps nothing
  // of the analysis it began (its spans were never mapped to the input).
  auto refused = [&doc] {
    if (doc.out.errors.empty()) return false;
    Analysis refusal;
    refusal.status = Status::kUnusableInput;
    refusal.language = doc.out.language;
    refusal.errors = std::move(doc.out.errors);
    refusal.warnings = std::move(doc.out.warnings);
    for (Message& m : refusal.warnings)
      if (m.span) map_span(doc.text, *m.span);
    doc.out = std::move(refusal);
    std::vector<DocToken>().swap(doc.tokens);
    std::vector<TokenInfo>().swap(doc.info);
    return true;
  };
  find_paragraphs(doc);
  if (refused()) return false;
  find_header(doc);
  split_sentences(doc);
  if (refused()) return false;
  tokenize(doc);
  if (refused()) return false;
  classify_blocks(doc);
  segment_words(doc);
  return true;
}

namespace {

// The whole pipeline into `doc.out`.
void run(std::string_view utf8, const Options& options, Doc& doc) {
  if (!run_until_words(utf8, options, doc)) return;
  find_entities(doc);
  read_addresses(doc);
  read_lowercase_org_names(doc);
  read_names_again(doc);
  read_match_results(doc);
  read_user_names(doc);
  find_people(doc);
  find_quotes(doc);
  rank_keywords(doc);
  compute_stats(doc);
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
