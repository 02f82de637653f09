// article-analyzer JS API: createAnalyzer() → { analyze(text, options), version }.
// Works in Node 20, browsers and workers: the wasm module, the word list and the entity model are fetched (or read from
// disk under Node) by load.js and handed to the module, because the Emscripten loader cannot fetch file: URLs in Node.
import createArticleModule from './gen/article_analyzer.js';
import { startLoading } from './load.js';

import { withSpanText } from './spans.js';

export { FULL_RESULT, withSpanText } from './spans.js';
// The core's limits and kinds (generated from it at build time; also each analyzer's `schema`).
export { SCHEMA_VERSION, LIMITS, BLOCK_TYPES, TOKEN_KINDS, ENTITY_TYPES, NAME_TYPES, DATE_TYPES, FIGURE_TYPES, QUOTE_KINDS } from './gen/schema.js';

/**
 * Loads the WebAssembly module, the Vietnamese word list and the entity model once (all three in parallel;
 * load.js). `entityModel: null` (or `wordList: null`) leaves it out: names then come from the rules alone.
 * `loading`: what startLoading(init) returned, for a caller that started the downloads before importing this
 * module (the page's worker does, so that they run while this module and the loader download).
 * @param {{wasmBinary?: Uint8Array, wordList?: string|Uint8Array|null, entityModel?: Uint8Array|null, wasmUrl?: string|URL,
 *          wordListUrl?: string|URL, entityModelUrl?: string|URL, loading?: ReturnType<typeof startLoading>}} [init]
 */
export async function createAnalyzer(init = {}) {
  const loading = init.loading ?? startLoading(init);
  const [wasmModule, wordList, entityModel] = await Promise.all([loading.wasmModule, loading.wordList, loading.entityModel]);
  // The loader instantiates the module compiled above instead of fetching and compiling it itself.
  let instantiationFailed;
  const failed = new Promise((_, reject) => (instantiationFailed = reject));
  const module = await Promise.race([
    createArticleModule({
      instantiateWasm(imports, receiveInstance) {
        WebAssembly.instantiate(wasmModule, imports).then((instance) => receiveInstance(instance, wasmModule), instantiationFailed);
        return {};
      },
    }),
    failed,
  ]);
  if (wordList) module.setWordList(wordList);
  if (entityModel && !module.setEntityModel(entityModel)) throw new Error('article-analyzer: the entity model file is not a model');
  const version = module.version();
  const schema = JSON.parse(module.schema());

  // The module hands the JSON over in UTF-8 pieces (views into its memory, valid during the call only), so
  // that its heap never holds the whole document; a streaming decoder joins characters split between pieces.
  function analyzeToString(input, options) {
    const decoder = new TextDecoder();
    const parts = [];
    module.analyze(input, JSON.stringify(options ?? {}), (piece) => parts.push(decoder.decode(piece, { stream: true })));
    parts.push(decoder.decode());
    return parts.join('');
  }

  return {
    version,
    /** The core's limits and the names of its kinds ({schema, limits, blockTypes, entityTypes, …}). */
    schema,
    /**
     * Decodes the bytes of a text file (UTF-8, UTF-16 with BOM, Windows-1258; ICU converters in the core).
     * @param {Uint8Array|ArrayBuffer} bytes
     * @param {'auto'|'utf-8'|'utf-16le'|'utf-16be'|'windows-1258'|'windows-1252'} [encoding]
     * @returns {{ok: boolean, text: string, encoding: string, binary: boolean, warnings: {code: string, message: string}[]}}
     */
    decode(bytes, encoding = 'auto') {
      const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
      return JSON.parse(module.decode(view, encoding));
    },
    /**
     * Analyses one article. Never throws for bad input: problems are in result.errors / result.warnings
     * (options the core cannot use among them, as `invalid_option`).
     *
     * The result is lean unless asked otherwise (the module's defaults, wasm/bindings.cpp): no tokens, no words, and spans as {start, end} without their
     * text, which is text.slice(start, end) (withSpanText(result, text) adds it). `tokens: true` and
     * `wordSpans: true` ask for the lists as objects, `"compact"` as columns of numbers; `spanText: true` for
     * each span's text; FULL_RESULT for all of it.
     * @param {string} text
     * @param {{language?: 'auto'|'vi'|'en', referenceDate?: string, tokens?: boolean|'compact',
     *          wordSpans?: boolean|'compact', spanText?: boolean, words?: (string|{text: string, type?: string})[]}} [options]
     */
    analyze(text, options = {}) {
      if (typeof text !== 'string') text = text == null ? '' : String(text);
      // Lone surrogates cannot cross into UTF-8; U+FFFD keeps every offset in place (one code unit each).
      const wellFormed = typeof text.isWellFormed === 'function' ? text.isWellFormed() : true;
      const input = wellFormed ? text : text.toWellFormed();
      const result = JSON.parse(analyzeToString(input, options));
      if (!wellFormed) {
        // Offsets are unchanged (U+FFFD is one code unit, like the surrogate it replaced); restore each
        // span's text from the string as given so that text.slice(start, end) === span.text still holds.
        if (options?.spanText === true) withSpanText(result, text);
        const at = firstLoneSurrogate(text);
        const warning = {
          code: 'lone_surrogates',
          message: 'The text holds unpaired UTF-16 surrogates; they were read as U+FFFD.',
          start: at,
          end: at + 1,
        };
        if (options?.spanText === true) warning.text = text.slice(at, at + 1);
        result.warnings.push(warning);
      }
      return result;
    },
  };
}

function firstLoneSurrogate(text) {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
      else return i;
    } else if (c >= 0xdc00 && c <= 0xdfff) {
      return i;
    }
  }
  return 0;
}

export default createAnalyzer;
