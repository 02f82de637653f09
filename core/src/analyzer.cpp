// The pipeline: each stage is one line, in order. Stage files hold the rules; this file holds the order, the
// error boundary and the single conversion of offsets back to the input as given.
#include "article/analyzer.h"

#include <exception>

#include "pipeline.h"

#ifndef ARTICLE_ANALYZER_VERSION
#define ARTICLE_ANALYZER_VERSION "0.0.0"
#endif

namespace article {

const char* version() { return ARTICLE_ANALYZER_VERSION; }

namespace internal {

namespace {

void map_span(const Text& text, Span& s) {
  s.start = text.to_input_start(s.start);
  s.end = text.to_input_end(s.end);
  s.text = to_utf8(std::u16string_view(text.input).substr(s.start, s.end - s.start));
}

void map_spans(const Text& text, std::vector<Span>& spans) {
  for (Span& s : spans) map_span(text, s);
}

}  // namespace

void finalize_spans(Doc& doc) {
  const Text& t = doc.text;
  Analysis& a = doc.out;
  for (Block& b : a.blocks) {
    map_span(t, b.span);
    if (b.speaker) map_span(t, *b.speaker);
    if (b.statement) map_span(t, *b.statement);
    if (b.credit) map_span(t, *b.credit);
  }
  for (Sentence& s : a.sentences) map_span(t, s.span);
  if (doc.options.include_tokens) {
    a.tokens = std::move(doc.tokens);
    for (Token& tok : a.tokens) map_span(t, tok.span);
  }
  for (Word& w : a.words) map_span(t, w.span);
  for (Entity& e : a.entities) map_span(t, e.span);
  for (Person& p : a.people) {
    map_spans(t, p.mentions);
    for (Role& r : p.roles) map_span(t, r.span);
  }
  for (NamedThing& o : a.organizations) map_spans(t, o.mentions);
  for (NamedThing& o : a.places) map_spans(t, o.mentions);
  for (Quote& q : a.quotes) {
    map_span(t, q.span);
    if (q.cue) map_span(t, *q.cue);
  }
  for (auto* list : {&a.warnings, &a.errors})
    for (Message& m : *list)
      if (m.span) map_span(t, *m.span);
}

namespace {

}  // namespace

bool run_until_words(std::string_view utf8, const Options& options, Doc& doc) {
  doc.options = options;
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
  find_paragraphs(doc);
  find_header(doc);
  split_sentences(doc);
  tokenize(doc);
  classify_blocks(doc);
  segment_words(doc);
  return true;
}

namespace {

Analysis run(std::string_view utf8, const Options& options) {
  Doc doc;
  if (!run_until_words(utf8, options, doc)) return std::move(doc.out);
  find_entities(doc);
  find_people(doc);
  find_quotes(doc);
  rank_keywords(doc);
  compute_stats(doc);
  finalize_spans(doc);
  return std::move(doc.out);
}

}  // namespace
}  // namespace internal

Analysis analyze(std::string_view utf8_text, const Options& options) {
  // The error boundary: no exception leaves the library (and none reaches JavaScript).
  try {
    return internal::run(utf8_text, options);
  } catch (const std::exception& e) {
    Analysis a;
    a.status = Status::kInternalError;
    a.errors.push_back({"internal_error", std::string("internal error: ") + e.what(), std::nullopt});
    return a;
  } catch (...) {
    Analysis a;
    a.status = Status::kInternalError;
    a.errors.push_back({"internal_error", "internal error", std::nullopt});
    return a;
  }
}

}  // namespace article
