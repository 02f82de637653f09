// Main-thread side of the analyzer worker: one request in flight at a time, newer requests supersede older ones.
//
// analyze(text, options) resolves with { doc, ms, id } or rejects with an AbortError when a newer analyze() call
// superseded it. A superseded run that is still small is left to finish (its result is dropped: restarting the
// worker would cost more than waiting); a superseded run on a large input is cut short by terminating the worker,
// which is then started again for the newer request.
//
// decode(file) sends a text file's bytes to the same worker (the ArrayBuffer is transferred, not copied) and
// resolves with what the core's decode() made of them. Decoding is not superseded by analyses: a request cut
// short by a restart is sent again to the new worker when its bytes can be read again (a File or Blob).

export const LARGE_INPUT = 100_000; // UTF-16 code units; above this a stale run is killed rather than awaited

const superseded = () => new DOMException('A newer analysis superseded this one.', 'AbortError');

export class AnalyzerClient {
  /** @param {{workerUrl?: URL|string, largeInput?: number}} [options] */
  constructor(options = {}) {
    this.workerUrl = options.workerUrl ?? null; // null: ./analyzer-worker.js next to this module
    this.largeInput = options.largeInput ?? LARGE_INPUT;
    this.version = null;
    this.stats = { runs: 0, superseded: 0, restarts: 0 };
    this.onstatus = null; // (status: 'loading'|'ready'|'failed', info) => void
    this.worker = null;
    this.inflight = null; // { id, size, resolve, reject, doc, parts, ms, stale }
    this.queued = null;   // the newest request, waiting for the in-flight one to finish
    this.jsonRequests = new Map();
    this.decodes = new Map(); // requestId → { source, encoding, resolve, reject, worker }
    this.seq = 0;
    this.ready = new Promise((resolve, reject) => {
      this.resolveReady = resolve;
      this.rejectReady = reject;
    });
    this.ready.catch(() => {});
  }

  /** Starts the worker and loads the module ahead of the first analysis. */
  preload() {
    this.ensureWorker().postMessage({ type: 'init' });
    return this.ready;
  }

  ensureWorker() {
    if (this.worker) return this.worker;
    this.onstatus?.('loading');
    // `new Worker(new URL('…', import.meta.url), {type: 'module'})` written out literally is the form bundlers
    // (Vite, webpack 5, Parcel, esbuild plugins) recognize, bundling the worker with its imports.
    const worker = this.workerUrl
      ? new Worker(this.workerUrl, { type: 'module', name: 'article-analyzer' })
      : new Worker(new URL('./analyzer-worker.js', import.meta.url), { type: 'module', name: 'article-analyzer' });
    worker.onmessage = (event) => this.receive(worker, event.data);
    worker.onerror = (event) => {
      event.preventDefault?.();
      this.crashed(worker, event.message || 'The analyzer worker failed to start.');
    };
    worker.onmessageerror = () => this.crashed(worker, 'A message from the analyzer could not be read.');
    this.worker = worker;
    return worker;
  }

  /**
   * @param {string} text
   * @param {{language?: string, referenceDate?: string, tokens?: boolean}} options
   * @returns {Promise<{doc: object, ms: number, id: number}>}
   */
  analyze(text, options = {}) {
    const request = { id: ++this.seq, text, options, size: text.length };
    const promise = new Promise((resolve, reject) => Object.assign(request, { resolve, reject }));
    if (this.queued) {
      this.queued.reject(superseded());
      this.stats.superseded++;
    }
    this.queued = request;
    if (this.inflight && !this.inflight.stale) {
      const stale = this.inflight;
      stale.stale = true;
      stale.reject(superseded());
      this.stats.superseded++;
      if (stale.size >= this.largeInput) this.restart();
    }
    this.pump();
    return promise;
  }

  /**
   * Decodes a text file's bytes in the worker with the core's ICU converters (analyzer.decode()).
   * @param {Blob|ArrayBuffer|ArrayBufferView} source a File or Blob is read into a new buffer; an ArrayBuffer is
   *   transferred as it is (it is detached afterwards); a typed array's bytes are copied first
   * @param {string} [encoding] 'auto' (default) or one the core accepts ('utf-8', 'utf-16le', …)
   * @returns {Promise<{ok: boolean, text: string, encoding: string, warnings: {code: string, message: string}[],
   *   binary: boolean, ms: number}>} `binary`: the text would be refused by the analyzer as binary_input
   */
  decode(source, encoding = 'auto') {
    const request = { requestId: ++this.seq, source, encoding, worker: null };
    const promise = new Promise((resolve, reject) => Object.assign(request, { resolve, reject }));
    this.decodes.set(request.requestId, request);
    this.postDecode(request);
    return promise;
  }

  async postDecode(request) {
    let bytes;
    try {
      const { source } = request;
      if (source instanceof Blob) bytes = await source.arrayBuffer();
      else if (source instanceof ArrayBuffer) bytes = source;
      else if (ArrayBuffer.isView(source)) bytes = new Uint8Array(source.buffer, source.byteOffset, source.byteLength).slice().buffer;
      else throw new TypeError('decode() takes a Blob, an ArrayBuffer or a typed array.');
    } catch (err) {
      this.decodes.delete(request.requestId);
      request.reject(err);
      return;
    }
    if (this.decodes.get(request.requestId) !== request) return; // settled while the file was being read
    const worker = this.ensureWorker();
    request.worker = worker;
    worker.postMessage({ type: 'decode', requestId: request.requestId, bytes, encoding: request.encoding }, [bytes]);
  }

  /** Settles the decode requests that `worker` held: rejected with `error`, or sent again when possible. */
  dropDecodes(worker, error, { resend = false } = {}) {
    for (const request of [...this.decodes.values()]) {
      if (request.worker !== worker) continue; // still being read: it goes to whichever worker runs then
      request.worker = null;
      if (resend && request.source instanceof Blob) {
        this.postDecode(request);
      } else {
        this.decodes.delete(request.requestId);
        request.reject(error);
      }
    }
  }

  pump() {
    if (this.inflight || !this.queued) return;
    const request = this.queued;
    this.queued = null;
    this.inflight = request;
    this.stats.runs++;
    this.ensureWorker().postMessage({ type: 'analyze', id: request.id, text: request.text, options: request.options });
  }

  /** Terminates the worker (cutting a stale run short); the next request starts a fresh one. */
  restart() {
    if (this.worker) {
      const worker = this.worker;
      worker.terminate();
      this.worker = null;
      this.stats.restarts++;
      this.dropDecodes(worker, new Error('The analyzer restarted before the file was decoded.'), { resend: true });
    }
    this.inflight = null;
    for (const { resolve } of this.jsonRequests.values()) resolve(null);
    this.jsonRequests.clear();
  }

  receive(worker, msg) {
    if (worker !== this.worker) return;
    const current = this.inflight;
    switch (msg.type) {
      case 'ready':
        this.version = msg.version;
        this.resolveReady({ version: msg.version, ms: msg.ms });
        this.onstatus?.('ready', msg);
        return;
      case 'fatal':
        this.crashed(worker, msg.message);
        return;
      case 'json': {
        const pending = this.jsonRequests.get(msg.requestId);
        this.jsonRequests.delete(msg.requestId);
        pending?.resolve(msg.text);
        return;
      }
      case 'decoded': {
        const pending = this.decodes.get(msg.requestId);
        if (!pending) return;
        this.decodes.delete(msg.requestId);
        if (msg.error != null) pending.reject(new Error(msg.error));
        else pending.resolve({ ...msg.result, ms: msg.ms });
        return;
      }
    }
    if (!current || msg.id !== current.id) return;
    if (msg.type === 'head') {
      current.doc = msg.doc;
      current.ms = msg.ms;
    } else if (msg.type === 'part') {
      if (!current.stale) {
        const target = current.doc[msg.key];
        for (const item of msg.items) target.push(item);
      }
    } else if (msg.type === 'done' || msg.type === 'failed') {
      this.inflight = null;
      if (!current.stale) {
        if (msg.type === 'done') current.resolve({ doc: current.doc, ms: current.ms, id: current.id });
        else current.reject(new Error(msg.message));
      }
      this.pump();
    }
  }

  crashed(worker, message) {
    if (worker !== this.worker) return;
    worker.terminate();
    this.worker = null;
    const error = new Error(message);
    this.rejectReady(error);
    this.onstatus?.('failed', { message });
    const current = this.inflight;
    this.inflight = null;
    if (current && !current.stale) current.reject(error);
    for (const { resolve } of this.jsonRequests.values()) resolve(null);
    this.jsonRequests.clear();
    this.dropDecodes(worker, error);
    // A queued request gets a fresh worker; a module that cannot load will fail it the same way.
    if (this.queued) this.pump();
  }

  /** The JSON text of analysis `id`, serialized in the worker (null if the worker no longer holds it). */
  json(id, indent = 2) {
    if (!this.worker) return Promise.resolve(null);
    const requestId = ++this.seq;
    return new Promise((resolve) => {
      this.jsonRequests.set(requestId, { resolve });
      this.worker.postMessage({ type: 'json', id, requestId, indent });
    });
  }

  dispose() {
    for (const request of this.decodes.values()) request.reject(new DOMException('The analyzer was disposed.', 'AbortError'));
    this.decodes.clear();
    this.restart();
    if (this.queued) this.queued.reject(superseded());
    this.queued = null;
  }
}
