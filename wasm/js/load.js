// The downloads createAnalyzer() waits for: the compiled WebAssembly module, the word list and the entity
// model, all three started at once. A module of its own, without the Emscripten loader, so that a worker can
// start them first and import the loader (index.js) while they run.

// Literal URLs, so that bundlers and static builders can follow them.
const wasmUrl = () => new URL('./gen/article_analyzer.wasm', import.meta.url);
// The word list compiled (gen/vi_words.bin: article-analyzer --compile-words), which the core loads about three
// times faster than its text (gen/vi_words.txt) and which is smaller to download.
const wordListUrl = () => new URL('./gen/vi_words.bin', import.meta.url);
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
 * The compiled module. Over HTTP it is compiled while it downloads (WebAssembly.compileStreaming), which also
 * lets the browser cache the compiled code with the response; from a file, or when the server does not send
 * the wasm MIME type, from its bytes.
 */
async function compileWasm(url) {
  if (url.protocol !== 'file:' && typeof WebAssembly.compileStreaming === 'function') {
    try {
      return await WebAssembly.compileStreaming(fetch(url));
    } catch {
      // e.g. served as application/octet-stream: compile the bytes (loadBytes reports an HTTP error)
    }
  }
  return WebAssembly.compile(await loadBytes(url));
}

/**
 * Starts loading what createAnalyzer(init) needs (the same `init`): promises of the compiled module, the word
 * list (its text or bytes, compiled or not: the core tells them apart; or null) and the entity model (bytes, or
 * null). A failure rejects the promise concerned when createAnalyzer awaits it.
 */
export function startLoading(init = {}) {
  const loading = {
    wasmModule: init.wasmBinary ? WebAssembly.compile(init.wasmBinary) : compileWasm(new URL(init.wasmUrl ?? wasmUrl())),
    wordList: Promise.resolve(
      init.wordList !== undefined
        ? init.wordList
        : loadBytes(new URL(init.wordListUrl ?? wordListUrl())),
    ),
    entityModel: Promise.resolve(init.entityModel !== undefined ? init.entityModel : loadBytes(new URL(init.entityModelUrl ?? entityModelUrl()))),
  };
  // Handled by createAnalyzer when it awaits them; until then a failure is no unhandled rejection.
  for (const promise of Object.values(loading)) promise.catch(() => {});
  return loading;
}
