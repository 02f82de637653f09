// article-analyzer JS API: createAnalyzer() → { analyze(text, options), version }.
// Works in Node 20, browsers and workers: the wasm bytes, the word list and the entity model are fetched (or read from disk
// under Node) here and handed to the module, because the Emscripten loader cannot fetch file: URLs in Node.
import createArticleModule from './gen/article_analyzer.js';

// Literal URLs, so that bundlers and static builders can follow them.
const wasmUrl = () => new URL('./gen/article_analyzer.wasm', import.meta.url);
const wordListUrl = () => new URL('./gen/vi_words.txt', import.meta.url);
const entityModelUrl = () => new URL('./gen/entity_vi.bin', import.meta.url);

async function loadBytes(url) {
  if (url.protocol === 'file:') {
    const { readFile } = await import('node:fs/promises');
    return new Uint8Array(await readFile(url));
  }
  const response = await fetch(url);
  if (!response.ok) throw new Error(`article-analyzer: cannot load ${url} (HTTP ${response.status})`);
  return new Uint8Array(await response.arrayBuffer());
}

/**
 * Loads the WebAssembly module, the Vietnamese word list and the entity model once (all three in parallel).
 * `entityModel: null` (or `wordList: null`) leaves it out: names then come from the rules alone.
 * @param {{wasmBinary?: Uint8Array, wordList?: string|null, entityModel?: Uint8Array|null, wasmUrl?: string|URL,
 *          wordListUrl?: string|URL, entityModelUrl?: string|URL}} [init]
 */
export async function createAnalyzer(init = {}) {
  const [wasmBinary, wordList, entityModel] = await Promise.all([
    init.wasmBinary ?? loadBytes(new URL(init.wasmUrl ?? wasmUrl())),
    init.wordList !== undefined
      ? init.wordList
      : loadBytes(new URL(init.wordListUrl ?? wordListUrl())).then((b) => new TextDecoder().decode(b)),
    init.entityModel !== undefined ? init.entityModel : loadBytes(new URL(init.entityModelUrl ?? entityModelUrl())),
  ]);
  const module = await createArticleModule({ wasmBinary });
  if (wordList) module.setWordList(wordList);
  if (entityModel && !module.setEntityModel(entityModel)) throw new Error('article-analyzer: the entity model file is not a model');
  const version = module.version();

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
     * @param {string} text
     * @param {{language?: 'auto'|'vi'|'en', referenceDate?: string, tokens?: boolean}} [options]
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
        resliceSpans(result, text);
        const at = firstLoneSurrogate(text);
        result.warnings.push({
          code: 'lone_surrogates',
          message: 'The text holds unpaired UTF-16 surrogates; they were read as U+FFFD.',
          start: at,
          end: at + 1,
          text: text.slice(at, at + 1),
        });
      }
      return result;
    },
  };
}

function resliceSpans(node, text) {
  if (Array.isArray(node)) {
    for (const item of node) resliceSpans(item, text);
  } else if (node && typeof node === 'object') {
    if (typeof node.start === 'number' && typeof node.end === 'number' && typeof node.text === 'string')
      node.text = text.slice(node.start, node.end);
    for (const value of Object.values(node)) if (value && typeof value === 'object') resliceSpans(value, text);
  }
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
