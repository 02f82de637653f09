// article-analyzer JS API: createAnalyzer() → { analyze(text, options), version }.
// Works in Node 20, browsers and workers: the wasm bytes and the word list are fetched (or read from disk
// under Node) here and handed to the module, because the Emscripten loader cannot fetch file: URLs in Node.
import createArticleModule from './gen/article_analyzer.js';

const moduleUrl = (name) => new URL(`./gen/${name}`, import.meta.url);

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
 * Loads the WebAssembly module and the Vietnamese word list once.
 * @param {{wasmBinary?: Uint8Array, wordList?: string|null, wasmUrl?: string|URL, wordListUrl?: string|URL}} [init]
 */
export async function createAnalyzer(init = {}) {
  const [wasmBinary, wordList] = await Promise.all([
    init.wasmBinary ?? loadBytes(new URL(init.wasmUrl ?? moduleUrl('article_analyzer.wasm'))),
    init.wordList !== undefined
      ? init.wordList
      : loadBytes(new URL(init.wordListUrl ?? moduleUrl('vi_words.txt'))).then((b) => new TextDecoder().decode(b)),
  ]);
  const module = await createArticleModule({ wasmBinary });
  if (wordList) module.setWordList(wordList);
  const version = module.version();

  return {
    version,
    /**
     * Analyses one article. Never throws for bad input: problems are in result.errors / result.warnings.
     * @param {string} text
     * @param {{language?: 'auto'|'vi'|'en', referenceDate?: string, tokens?: boolean}} [options]
     */
    analyze(text, options = {}) {
      if (typeof text !== 'string') text = text == null ? '' : String(text);
      // Lone surrogates cannot cross into UTF-8; U+FFFD keeps every offset in place (one code unit each).
      const wellFormed = typeof text.isWellFormed === 'function' ? text.isWellFormed() : true;
      const input = wellFormed ? text : text.toWellFormed();
      const result = JSON.parse(module.analyze(input, JSON.stringify(options ?? {})));
      if (!wellFormed)
        result.warnings.push({
          code: 'lone_surrogates',
          message: 'The text holds unpaired UTF-16 surrogates; they were read as U+FFFD.',
        });
      return result;
    },
  };
}

export default createAnalyzer;
