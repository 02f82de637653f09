// Embind declarations: the module's whole surface. Conversions only; no logic.
#include <emscripten/bind.h>

#include <string>
#include <string_view>
#include <vector>

#include "article/analyzer.h"

namespace {

// The JSON document goes to `sink` (a JS function) in UTF-8 pieces: Uint8Array views into the module's
// memory, valid only during the call. Returning it as one std::string would hold the whole document in the
// wasm heap, which never shrinks; this way the heap holds the analysis and one piece.
void analyze(const std::string& text, const std::string& options_json, emscripten::val sink) {
  // Options the core cannot use are warnings of the result (invalid_option), never silent defaults.
  // The JS API's result is lean unless asked otherwise (README, "The lean result"): no tokens, no words, no
  // copy of the text in each span; a reader cuts span text from the string it passed.
  article::Options defaults;
  defaults.output = {article::ListForm::kOmitted, article::ListForm::kOmitted, false};
  std::vector<article::Message> problems;
  const article::Options options = article::options_from_json(options_json, &problems, defaults);
  article::analyze_json(
      text, options,
      [&sink](std::string_view piece) {
        sink(emscripten::val(
            emscripten::typed_memory_view(piece.size(), reinterpret_cast<const unsigned char*>(piece.data()))));
      },
      -1, problems);
}

std::string version() { return article::version(); }

bool set_word_list(const std::string& lines) { return article::set_word_list(lines); }

// Bytes of the entity model file (a Uint8Array from JS).
bool set_entity_model(const std::string& bytes) { return article::set_entity_model(bytes); }

// Bytes (a Uint8Array from JS) → JSON {ok, text, encoding, warnings}.
std::string decode(const std::string& bytes, const std::string& encoding) {
  return article::decoded_to_json(article::decode(bytes, encoding));
}

}  // namespace

EMSCRIPTEN_BINDINGS(article_analyzer) {
  emscripten::function("analyze", &analyze);
  emscripten::function("version", &version);
  emscripten::function("schema", &article::schema_json);
  emscripten::function("setWordList", &set_word_list);
  emscripten::function("setEntityModel", &set_entity_model);
  emscripten::function("decode", &decode);
}
