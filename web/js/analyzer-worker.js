// Module worker that owns the WebAssembly analyzer, so analysis never runs on the page's main thread.
//
// Protocol (main → worker):  {type: 'analyze', id, text, options}  |  {type: 'json', id, requestId, indent}
//                            {type: 'decode', requestId, bytes: ArrayBuffer (transferred), encoding}
// (worker → main):           {type: 'ready', version, ms}  |  {type: 'fatal', message}
//                            {type: 'head', id, doc, parts, ms}  then  {type: 'part', id, key, items} … {type: 'done', id}
//                            {type: 'json', requestId, text}  |  {type: 'failed', id, message}
//                            {type: 'decoded', requestId, result: {ok, text, encoding, warnings, binary}, ms}
//                            | {type: 'decoded', requestId, error}
//
// A file's bytes are decoded here by the core (analyzer.decode(): ICU converters), never on the main thread.
//
// A big document (a 2 MB article has ~10^5 words) is sent in slices: structured-cloning it in one message would
// cost the main thread one long task, while slices are received as many short ones.
//
// Paths: web/js/ and wasm/js/ keep their relative positions everywhere this runs: the repository, the installed
// npm package (node_modules/article-analyzer/), the dev server (web/ at /, wasm/js/ at /wasm/js/; URLs clamp `..`
// at the root, so /js/../../wasm/js/ is /wasm/js/) and the static build. The URLs are literal so that bundlers
// and scripts/build-static.mjs can follow them.
import { startLoading } from '../../wasm/js/load.js';
import { withSpanText } from '../../wasm/js/spans.js';

const PART_SIZE = 2000;
const files = {
  wasmUrl: new URL('../../wasm/js/gen/article_analyzer.wasm', import.meta.url),
  wordListUrl: new URL('../../wasm/js/gen/vi_words.bin', import.meta.url),
  entityModelUrl: new URL('../../wasm/js/gen/entity_vi.bin', import.meta.url),
};

// A worker exists to analyse: the downloads (and the module's compilation, as it downloads) start as soon as
// it runs, and the JS API with the Emscripten loader is imported meanwhile, not before.
const started = performance.now();
const loading = startLoading(files);
const api = import('../../wasm/js/index.js');
api.catch(() => {}); // reported by load() as 'fatal'

let analyzer = null;
let last = null; // { id, doc, text } of the last analysis, for JSON export without re-sending the document

function load() {
  if (!analyzer) {
    analyzer = api.then(({ createAnalyzer }) => createAnalyzer({ loading })).then((a) => {
      self.postMessage({ type: 'ready', version: a.version, ms: performance.now() - started });
      return a;
    });
    analyzer.catch((err) => self.postMessage({ type: 'fatal', message: String(err?.message ?? err) }));
  }
  return analyzer;
}

function send(id, doc, ms) {
  const head = {};
  const parts = [];
  for (const [key, value] of Object.entries(doc)) {
    if (Array.isArray(value) && value.length > PART_SIZE) {
      head[key] = [];
      parts.push(key);
    } else head[key] = value;
  }
  self.postMessage({ type: 'head', id, doc: head, parts, ms });
  for (const key of parts) {
    const items = doc[key];
    for (let i = 0; i < items.length; i += PART_SIZE) self.postMessage({ type: 'part', id, key, items: items.slice(i, i + PART_SIZE) });
  }
  self.postMessage({ type: 'done', id });
}

self.onmessage = async ({ data }) => {
  if (data?.type === 'analyze') {
    let a;
    try {
      a = await load();
    } catch (err) {
      self.postMessage({ type: 'failed', id: data.id, message: String(err?.message ?? err) });
      return;
    }
    try {
      const t0 = performance.now();
      const doc = a.analyze(data.text, data.options);
      const ms = performance.now() - t0;
      last = { id: data.id, doc, text: data.text };
      send(data.id, doc, ms);
    } catch (err) {
      self.postMessage({ type: 'failed', id: data.id, message: String(err?.message ?? err) });
    }
  } else if (data?.type === 'json') {
    // The document to save or copy carries each span's text, as the CLI writes it (the page was sent it lean).
    const text = last && last.id === data.id ? JSON.stringify(withSpanText(last.doc, last.text), null, data.indent || undefined) : null;
    self.postMessage({ type: 'json', requestId: data.requestId, text });
  } else if (data?.type === 'decode') {
    try {
      const a = await load();
      const t0 = performance.now();
      const result = a.decode(new Uint8Array(data.bytes), data.encoding || 'auto');
      // result.binary: the analyzer would refuse the content (binary_input); saying so now leaves the editor's
      // text alone.
      self.postMessage({ type: 'decoded', requestId: data.requestId, result, ms: performance.now() - t0 });
    } catch (err) {
      self.postMessage({ type: 'decoded', requestId: data.requestId, error: String(err?.message ?? err) });
    }
  } else if (data?.type === 'init') {
    load().catch(() => {});
  }
};
