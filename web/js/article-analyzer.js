// <article-analyzer>: analyses an article in a worker and shows its structure, with every span highlighted.
//
//   <script type="module" src="js/article-analyzer.js"></script>
//   <article-analyzer language="vi" reference-date="2020-12-29">…article text…</article-analyzer>
//
// Attributes / properties
//   text            (attribute or property) the article; without it, the element's own text content is used
//   language        'auto' | 'vi' | 'en' (the article's language; default auto)
//   reference-date  'YYYY-MM-DD' that relative dates resolve against when the article has no date
//   panels-only     boolean: show the panels (outline, people, …) without the highlighted article
//   lang            interface language, 'vi' or 'en' (default: the nearest lang attribute, else vi)
//   debounce        milliseconds between the last change and the analysis (default 300)
//   busy-delay      milliseconds a run lasts before the busy indicator shows (default 100; short runs never flash)
//   words           (property only) the newsroom's own words and names: strings or {text, type} with type
//                   'person', 'organization' or 'location' (the analyzer's `words` option); setting it re-analyses
// Properties: result (the last analysis document, corrected), analyzedText, busy, analyzer ({version}),
//   corrections (the editor's corrections; setting them re-renders).
// Methods: analyze() → Promise<doc> now, without waiting for the debounce; whenIdle(); showAnalysis(text, doc);
//   focusPanel(name) → boolean; focusPanelBar() → boolean; correct(correction) → boolean (corrections.js);
//   jumpTo(start, end); json(indent) → Promise<string>; decode(file, encoding) → Promise<{ok, text, encoding,
//   warnings, binary}>: a text file's bytes decoded in the worker by the core (UTF-8, UTF-16, Windows-1258).
// Events (not bubbling, like <img>'s load/error): `analysis` (detail: the document) after it is rendered;
//   `error` (detail: the document, whose `errors` say why, or {status: 'internal_error', errors: [...]} when
//   the analyzer itself failed); `empty` when the text became empty and nothing is shown (result is null);
//   `jump` (detail: {start, end, text}) when a panel asks to show a span; `corrections` (detail: the list) when
//   the corrections change.
// Theming: CSS custom properties --aa-* (see css/component.css) and parts: root, status, summary, legend,
//   document, block, block-<type>, block-label, sentence, entity, entity-<type>, quote, speaker, statement,
//   credit, chip, panel-nav, panels, panel, panel-<name>, panel-title.
import { withSpanText } from '../../wasm/js/spans.js';
import { applyCorrections, normalizeCorrection } from './corrections.js';
import { AnalyzerClient } from './analyzer-client.js';
import { h, clear, roving, yieldToBrowser } from './dom.js';
import { rangeFor } from './annotate.js';
import * as R from './render.js';
import { ENTITY_TYPES } from '../../wasm/js/gen/schema.js';
import { translate, uiLanguage, formatSize, formatNumber, utf8Length } from './i18n.js';

const STYLESHEET = new URL('../css/component.css', import.meta.url);
const BUSY_DELAY_MS = 100; // runs shorter than this never flash a busy indicator
const SLICE_MS = 12;       // rendering work per task before yielding to input and paint
const LONG_DOCUMENT_BLOCKS = 300; // above this, blocks render lazily (CSS content-visibility)
// Blocks are grouped in chunks of this many, and a long document's chunks (not its blocks) are what
// content-visibility skips: every frame Chromium checks each content-visibility:auto element against the
// viewport and walks every child of the element that grew, so with one element per block those costs grow with
// the blocks rendered so far (~9,000 for a 2 MB text) and the last frames of a render became long tasks.
const CHUNK_BLOCKS = 32;
// No output options: the JS API's lean result (no tokens, no words, spans without their text), a fifth of the
// full document to write, parse and pass from the worker. The spans get their text here (withSpanText).
const ANALYSIS_OPTIONS = {};

const isoDate = (s) => /^\d{4}(-\d{2}(-\d{2})?)?$/.test(s ?? '');

/** Removes the indentation HTML authors give an element's text, and blank first/last lines. */
function dedent(text) {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  while (lines.length && !lines[0].trim()) lines.shift();
  while (lines.length && !lines[lines.length - 1].trim()) lines.pop();
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => /^[ \t]*/.exec(l)[0].length));
  return lines.map((l) => l.slice(Number.isFinite(indent) ? indent : 0)).join('\n');
}

export class ArticleAnalyzerElement extends HTMLElement {
  static observedAttributes = ['text', 'language', 'reference-date', 'panels-only', 'lang', 'debounce', 'busy-delay'];

  #text = null;
  #words = [];
  #client = null;
  #timer = 0;
  #token = 0;
  #pending = null;      // promise of the run in progress
  #idle = [];           // resolvers of whenIdle()
  #current = null;      // { text, raw, doc, ms, id } shown now: the analysis as it came, and with the corrections
  #corrections = [];    // the editor's corrections (corrections.js), applied to every analysis shown
  // Type labels are off at first: a tint and an underline pattern mark each entity, its type shows on hover
  // and in the legend, and a tag inside every mention made an article read like confetti. The legend's
  // "Type labels" toggle brings the tags back.
  #filters = { sentences: true, labels: false, quotes: true };
  #view = null;         // per-render state: ctx, block elements, text node maps
  #ui = null;           // shadow DOM skeleton
  #busyTimer = 0;
  #busy = false;
  #cycle = null;        // { step, button } of the name last stepped through (keys n, N, Escape)

  constructor() {
    super();
    this.attachShadow({ mode: 'open' });
  }

  // ----- attributes and properties -----

  get text() {
    if (this.#text != null) return this.#text;
    if (this.hasAttribute('text')) return this.getAttribute('text');
    return dedent(this.textContent ?? '');
  }
  set text(value) {
    this.#text = value == null ? null : String(value);
    this.#schedule();
  }
  get language() {
    const v = this.getAttribute('language');
    return v === 'vi' || v === 'en' ? v : 'auto';
  }
  set language(v) {
    this.setAttribute('language', v);
  }
  get referenceDate() {
    return this.getAttribute('reference-date') ?? '';
  }
  set referenceDate(v) {
    if (v) this.setAttribute('reference-date', v);
    else this.removeAttribute('reference-date');
  }
  get words() {
    return this.#words;
  }
  set words(value) {
    this.#words = Array.isArray(value) ? [...value] : [];
    this.#schedule();
  }
  get panelsOnly() {
    return this.hasAttribute('panels-only');
  }
  set panelsOnly(v) {
    this.toggleAttribute('panels-only', Boolean(v));
  }
  get debounce() {
    const v = Number(this.getAttribute('debounce'));
    return this.hasAttribute('debounce') && Number.isFinite(v) && v >= 0 ? v : 300;
  }
  set debounce(v) {
    this.setAttribute('debounce', String(v));
  }
  get busyDelay() {
    const v = Number(this.getAttribute('busy-delay'));
    return this.hasAttribute('busy-delay') && Number.isFinite(v) && v >= 0 ? v : BUSY_DELAY_MS;
  }
  set busyDelay(v) {
    this.setAttribute('busy-delay', String(v));
  }
  /** The document shown now (null before the first analysis or for an empty text). */
  get result() {
    return this.#current?.doc ?? null;
  }
  /** The text `result` refers to: span offsets index into it. */
  get analyzedText() {
    return this.#current?.text ?? null;
  }
  get busy() {
    return this.#busy;
  }
  /** Timing of the shown result: { analysisMs (in the worker), renderMs (building the DOM) }. */
  get timing() {
    return this.#current ? { analysisMs: this.#current.ms, renderMs: this.#current.renderMs ?? null } : null;
  }
  /**
   * The editor's corrections (corrections.js: merge, rename or remove a person; remove an organization or a
   * place), applied to every analysis shown and listed in its `corrections`. Setting them re-renders.
   */
  get corrections() {
    return this.#corrections.map((c) => ({ ...c }));
  }
  set corrections(value) {
    this.#corrections = (Array.isArray(value) ? value : []).map(normalizeCorrection).filter(Boolean);
    this.#rerender();
    this.#emit('corrections', this.corrections);
  }
  /** Adds one correction (as the panels' edit controls do). */
  correct(correction) {
    const c = normalizeCorrection(correction);
    if (!c) return false;
    this.corrections = [...this.#corrections, c];
    return true;
  }

  /** Analyzer details once loaded: { version }. */
  get analyzer() {
    return { version: this.#client?.version ?? null, stats: { ...(this.#client?.stats ?? {}) } };
  }
  get uiLanguage() {
    return uiLanguage(this.closest('[lang]')?.getAttribute('lang') ?? document.documentElement.lang);
  }

  attributeChangedCallback(name, oldValue, newValue) {
    if (oldValue === newValue || !this.#ui) return;
    if (name === 'lang') this.#relabel();
    else if (name === 'panels-only') this.#ui.root.classList.toggle('panels-only', this.panelsOnly);
    else if (name !== 'debounce' && name !== 'busy-delay') this.#schedule();
  }

  connectedCallback() {
    if (!this.#ui) this.#build();
    this.#client ??= this.#makeClient();
    this.#client.preload().catch(() => {});
    // Properties set before the element was upgraded are shadowed by own properties; re-apply them.
    for (const prop of ['text', 'language', 'referenceDate', 'panelsOnly', 'words']) {
      if (Object.prototype.hasOwnProperty.call(this, prop)) {
        const value = this[prop];
        delete this[prop];
        this[prop] = value;
      }
    }
    if (!this.#current && !this.#pending) this.analyze().catch(() => {});
  }

  disconnectedCallback() {
    clearTimeout(this.#timer);
    // Give the worker back when the element leaves the page for good (not when it is just moved).
    queueMicrotask(() => {
      if (!this.isConnected && this.#client) {
        this.#client.dispose();
        this.#client = null;
      }
    });
  }

  // ----- public methods -----

  /** Analyses the current text now. Resolves with the rendered document (null for empty text). */
  analyze() {
    if (!this.#ui) this.#build();
    clearTimeout(this.#timer);
    this.#timer = 0;
    return this.#track(this.#run());
  }

  /** Makes `run` the pending work that whenIdle() waits for, until it settles or is replaced. */
  #track(run) {
    this.#pending = run;
    const settle = () => {
      if (this.#pending === run) {
        this.#pending = null;
        this.#settleIdle();
      }
    };
    run.then(settle, settle);
    return run;
  }

  /** Resolves when no analysis is scheduled, running or rendering. */
  whenIdle() {
    if (!this.#timer && !this.#pending) return Promise.resolve(this.result);
    return new Promise((resolve) => this.#idle.push(resolve));
  }

  /** Shows an analysis made elsewhere (a saved JSON document and the text it was made from). */
  async showAnalysis(text, doc, ms = null) {
    if (!this.#ui) this.#build();
    clearTimeout(this.#timer);
    this.#timer = 0;
    const token = ++this.#token;
    this.#client?.dispose();
    return this.#track(this.#render(String(text), doc, ms, token, null).then(() => doc));
  }

  /** Opens panel `name` ('people', 'quotes', …), brings it into view and focuses its heading; false if there is none. */
  focusPanel(name) {
    const el = this.#ui?.panels.querySelector(`:scope > .panel[data-panel="${CSS.escape(String(name))}"]`);
    if (!el) return false;
    R.showPanel(el);
    return true;
  }

  /** Moves focus to the panel bar (its current button); false when nothing is shown. */
  focusPanelBar() {
    const link = this.#ui?.nav.querySelector('.panel-link[tabindex="0"]');
    link?.focus();
    return Boolean(link);
  }

  /** Scrolls to the span [start, end) of the analysed text, highlights it and moves focus to its block. */
  jumpTo(start, end) {
    const text = this.analyzedText;
    if (text == null) return false;
    return this.#jump({ start, end, text: text.slice(start, end) });
  }

  /** The shown document as JSON text; large documents are serialized in the worker. */
  async json(indent = 2) {
    const current = this.#current;
    if (!current) return null;
    if (current.id != null && this.#client && !this.#corrections.length) {
      const text = await this.#client.json(current.id, indent);
      if (text != null) return text;
    }
    return JSON.stringify(current.doc, null, indent || undefined);
  }

  /**
   * Decodes a text file in the analyzer's worker with the core's ICU converters (the analyzer's decode()):
   * UTF-8, UTF-16LE/BE with or without a BOM, Windows-1258 (NFC), else Windows-1252 with an `unknown_encoding`
   * warning. Nothing is analysed or shown; set `text` to the result's text for that.
   * @param {Blob|ArrayBuffer|ArrayBufferView} file a File/Blob is read and its buffer transferred to the worker;
   *   an ArrayBuffer is transferred (detached afterwards); a typed array is copied
   * @param {string} [encoding] 'auto' (default), 'utf-8', 'utf-16le', 'utf-16be', 'windows-1258', 'windows-1252'
   * @returns {Promise<{ok: boolean, text: string, encoding: string, warnings: {code: string, message: string}[],
   *   binary: boolean, ms: number}>} `binary`: the analyzer would refuse the text as binary data
   */
  decode(file, encoding = 'auto') {
    this.#client ??= this.#makeClient();
    return this.#client.decode(file, encoding);
  }

  // ----- internals -----

  #makeClient() {
    const client = new AnalyzerClient();
    client.onstatus = (status, info) => {
      if (status === 'failed' && !this.#current) this.#setStatus(translate(this.uiLanguage, 'status.failed', { message: info.message }), 'error');
    };
    return client;
  }

  #settleIdle() {
    if (this.#timer || this.#pending) return;
    const waiters = this.#idle.splice(0);
    for (const resolve of waiters) resolve(this.result);
  }

  #schedule() {
    if (!this.isConnected || !this.#ui) return;
    clearTimeout(this.#timer);
    this.#token++; // a run already rendering is now stale
    this.#timer = setTimeout(() => {
      this.#timer = 0;
      this.analyze().catch(() => {});
    }, this.debounce);
  }

  async #run() {
    const text = this.text;
    const token = ++this.#token;
    if (!text.trim()) {
      const had = this.#current != null;
      this.#current = null;
      this.#view = null;
      this.#setBusy(false);
      this.#showEmpty();
      if (had) this.#emit('empty', null);  // what depended on the last result (exports, a summary) can say so
      return null;
    }
    const options = { ...ANALYSIS_OPTIONS, language: this.language };
    if (isoDate(this.referenceDate)) options.referenceDate = this.referenceDate;
    if (this.#words.length) options.words = this.#words;
    this.#client ??= this.#makeClient();
    this.#setBusy(true, translate(this.uiLanguage, 'status.analysing', { size: formatSize(this.uiLanguage, utf8Length(text)) }));
    let result;
    try {
      result = await this.#client.analyze(text, options);
    } catch (err) {
      if (err?.name === 'AbortError') throw err;
      if (token === this.#token) {
        this.#setBusy(false);
        this.#setStatus(translate(this.uiLanguage, 'status.failed', { message: err.message }), 'error');
        this.#emit('error', { status: 'internal_error', errors: [{ code: 'analyzer_failed', message: String(err.message) }] });
      }
      throw err;
    }
    if (token !== this.#token) throw new DOMException('A newer analysis superseded this one.', 'AbortError');
    withSpanText(result.doc, text);
    await this.#render(text, result.doc, result.ms, token, result.id);
    return result.doc;
  }

  #build() {
    const root = h('div', { class: 'root', hidden: true, attrs: { part: 'root' } });
    const link = h('link', { rel: 'stylesheet', href: STYLESHEET.href });
    const reveal = () => (root.hidden = false);
    link.addEventListener('load', reveal);
    link.addEventListener('error', reveal);
    const statusText = h('span', { class: 'status-text' });
    const progress = h('progress', { hidden: true });
    const status = h('div', { class: 'status', attrs: { part: 'status', role: 'status', 'aria-live': 'polite' } }, h('span', { class: 'spinner', attrs: { 'aria-hidden': 'true' } }), statusText, progress);
    const announcer = h('div', { class: 'visually-hidden', attrs: { 'aria-live': 'polite' } });
    const summary = h('div', { class: 'summary-slot' });
    const legend = h('div', { class: 'legend-slot' });
    const body = h('div', { class: 'doc-body', attrs: { part: 'document-body' } });
    const documentSection = h('section', { class: 'document', attrs: { part: 'document' } }, summary, legend, body);
    const panels = h('aside', { class: 'panels', attrs: { part: 'panels' } });
    const content = h('div', { class: 'content' }, documentSection, panels);
    const nav = h('div', { class: 'nav-slot' });
    const help = this.#buildHelp();
    root.append(status, nav, announcer, content, help);
    root.addEventListener('keydown', (event) => this.#onKey(event));
    root.classList.toggle('panels-only', this.panelsOnly);
    this.shadowRoot.append(link, root);
    this.#ui = { root, status, statusText, progress, announcer, nav, summary, legend, body, documentSection, panels, content, help };
    new ResizeObserver(() => this.#placePanels()).observe(content);
    this.#applyFilters();
    this.#showEmpty();
  }

  // Side by side, the text comes first and the panels beside it. Stacked (a phone, a narrow column), the panels
  // come first, People at their head, so that who is in the story is what the screen shows; the bar's text link
  // goes down to the article. The order is the DOM's, not CSS `order`, so that Tab and a screen reader follow
  // what is seen. Which layout applies is the stylesheet's decision (its container query), read from it here.
  #placePanels() {
    const { content, panels, documentSection } = this.#ui;
    const stacked = getComputedStyle(content).gridTemplateColumns.split(' ').length === 1 && !this.panelsOnly;
    const first = stacked ? panels : documentSection;
    if (content.firstElementChild === first) return;
    const focused = this.shadowRoot.activeElement;
    content.prepend(first);
    if (focused && content.contains(focused) && this.shadowRoot.activeElement !== focused) focused.focus({ preventScroll: true });
  }

  /** Brings the article's text into view and focuses its first block (from the panel bar). */
  #showText() {
    const { documentSection } = this.#ui;
    const smooth = !matchMedia('(prefers-reduced-motion: reduce)').matches;
    documentSection.scrollIntoView({ block: 'start', behavior: smooth ? 'smooth' : 'auto' });
    this.#view?.blocks.find(Boolean)?.focus({ preventScroll: true });
  }

  #setStatus(message, kind = '') {
    const { status, statusText } = this.#ui;
    statusText.textContent = message;
    status.dataset.kind = kind;
  }

  #setBusy(on, message) {
    const { status, progress, content } = this.#ui;
    clearTimeout(this.#busyTimer);
    this.#busy = on;
    this.toggleAttribute('busy', on);
    content.setAttribute('aria-busy', String(on));
    if (on) {
      // Only runs that last long enough get a visible indicator, so short ones do not flicker.
      const show = () => {
        status.dataset.busy = '';
        progress.hidden = false;
        progress.removeAttribute('value');
        this.#setStatus(message ?? '', 'busy');
      };
      if (this.busyDelay > 0) this.#busyTimer = setTimeout(show, this.busyDelay);
      else show();
    } else {
      delete status.dataset.busy;
      progress.hidden = true;
    }
  }

  #showEmpty() {
    const { nav, summary, legend, body, panels } = this.#ui;
    for (const el of [nav, summary, legend, body, panels]) clear(el);
    this.#setStatus(translate(this.uiLanguage, 'status.empty'), 'empty');
  }

  #emit(type, detail) {
    this.dispatchEvent(new CustomEvent(type, { detail }));
  }

  #applyFilters() {
    const body = this.#ui.body;
    for (const type of ENTITY_TYPES) body.classList.toggle(`hide-${type}`, this.#filters[type] === false);
    body.classList.toggle('no-sentences', this.#filters.sentences === false);
    body.classList.toggle('no-labels', this.#filters.labels === false);
    body.classList.toggle('no-quotes', this.#filters.quotes === false);
  }

  // The shown analysis drawn again (no new analysis, no 'analysis' event), or null when a coming render will
  // draw it anyway (with the new language or corrections).
  #redraw() {
    const current = this.#current;
    if (!current || this.#pending || this.#timer) return null;
    const token = ++this.#token;
    return this.#render(current.text, current.raw, current.ms, token, current.id, { silent: true });
  }

  // New corrections: drawn again where the reader is.
  #rerender() {
    const y = globalThis.scrollY;
    this.#redraw()
      ?.then(() => globalThis.scrollTo?.({ top: y }))
      .catch(() => {});
  }

  /** Rebuilds the shown analysis in the new interface language (no new analysis). */
  #relabel() {
    if (!this.#current) {
      if (!this.#pending) this.#showEmpty();
      return;
    }
    this.#redraw()?.catch(() => {});
  }

  async #render(text, rawDoc, ms, token, id, { silent = false } = {}) {
    const renderStart = performance.now();
    let sliceStart = renderStart;
    const stale = () => new DOMException('A newer analysis superseded this one.', 'AbortError');
    // Gives input and paint a turn whenever this slice has run long enough.
    const pause = async () => {
      if (performance.now() - sliceStart < SLICE_MS) return;
      await yieldToBrowser();
      if (token !== this.#token) throw stale();
      sliceStart = performance.now();
    };
    const lang = this.uiLanguage;
    const t = (key, params) => translate(lang, key, params);
    // The editor's corrections apply to each analysis shown; what they could not find stays listed with them.
    const corrected = this.#corrections.length ? applyCorrections(rawDoc, this.#corrections).doc : rawDoc;
    const doc = R.withDefaults(corrected);
    const bad = R.checkSpans(text, doc);
    await pause();
    const index = new R.DocIndex(doc, bad);
    await pause();
    const view = { blocks: new Array(doc.blocks.length), nodes: new Array(doc.blocks.length), index };
    const ctx = {
      text,
      doc,
      index,
      bad,
      lang,
      jump: (span, position) => this.#jump(span, position),
      // The name last stepped through its mentions: `n` and Shift+N go on from it, Escape returns to it.
      cycled: (step, button) => (this.#cycle = { step, button }),
      help: () => this.#showHelp(),
      showText: () => this.#showText(),
      correct: (c) => this.correct(c),
      uncorrect: (n) => (this.corrections = this.#corrections.slice(0, Math.max(0, this.#corrections.length - n))),
    };
    this.#cycle = null;
    view.ctx = ctx;

    // Panels are built off the page, one at a time, then swapped in together.
    const clientMessages = bad.size ? [{ code: 'span_mismatch', message: t('messages.spanMismatch', { n: bad.size }) }] : [];
    // In the order an editor asks: who, what they said, which bodies and places, when, how much; the outline,
    // a long list the text itself shows, last and collapsed.
    const builders = [
      () => R.renderPeople(ctx),
      () => R.renderQuotes(ctx),
      () => R.renderNamed(ctx, 'organizations'),
      () => R.renderNamed(ctx, 'places'),
      () => R.renderTimeline(ctx),
      () => R.renderFigures(ctx),
      () => R.renderKeywords(ctx),
      () => R.renderAbbreviations(ctx),
      () => R.renderOutline(ctx),
      () => R.renderStats(ctx, ms),
      () => R.renderMessages(ctx, clientMessages),
      () => R.renderJson(ctx, () => this.json(2)),
    ];
    const built = [];
    for (const build of builders) {
      built.push(build());
      await pause();
    }

    this.#current = { text, raw: rawDoc, doc: corrected, ms, id };
    this.#view = view;
    const { summary, legend, body, panels } = this.#ui;
    // A long document's panels go in one at a time, each laid out in the slice that adds it. Swapped in
    // together, their thousands of list items cost one ~35 ms frame of style (the element is a size container,
    // so its contents' style is resolved during layout), layout-tree building and text shaping, on top of the
    // first blocks. Forcing layout here puts that cost where pause() sees it, so a slice ends once building and
    // laying out panels have taken SLICE_MS. A short document's panels are small and go in together, laid out
    // once by the next frame (twelve forced layouts would only delay its first result). The old panels go
    // first: their buttons would jump within the new view.
    const long = doc.blocks.length > LONG_DOCUMENT_BLOCKS;
    clear(panels);
    if (long) {
      for (const el of built) {
        panels.append(el);
        el.getBoundingClientRect();
        await pause();
      }
    } else panels.append(...built);
    this.#ui.nav.replaceChildren(R.renderPanelNav(ctx, built));
    // One Tab stop per panel's list, arrows within (an edit fold's own fields keep their Tab stops).
    for (const el of built) {
      const listBody = el.querySelector?.(':scope > .panel-body');
      if (listBody)
        roving(listBody, () => [...listBody.querySelectorAll('button:not([disabled]), details.edit > summary')].filter((c) => !c.closest('.edit-row, fieldset, .table-wrap thead')));
    }
    summary.replaceChildren(R.renderSummary(ctx));
    legend.replaceChildren(
      R.renderLegend(ctx, this.#filters, (name, on) => {
        this.#filters[name] = on;
        this.#applyFilters();
      }),
    );
    clear(body);
    body.classList.toggle('long', long);
    body.lang = doc.language === 'vi' || doc.language === 'en' ? doc.language : '';

    // The article itself, in slices so that a long text never blocks input.
    const total = doc.blocks.length;
    const { progress } = this.#ui;
    let i = 0;
    let chunk = null;
    while (i < total) {
      sliceStart = performance.now();
      const fragment = document.createDocumentFragment();
      while (i < total && performance.now() - sliceStart < SLICE_MS) {
        if (i % CHUNK_BLOCKS === 0) {
          chunk = h('div', { class: 'chunk' });
          // The chunk's height until it is first laid out (component.css): one estimate per block it holds.
          chunk.style.setProperty('--blocks', String(Math.min(CHUNK_BLOCKS, total - i)));
          fragment.append(chunk);
        }
        const nodes = [];
        const el = R.renderBlock(ctx, i, nodes);
        view.blocks[i] = el;
        view.nodes[i] = nodes;
        chunk.append(el);
        i++;
      }
      body.append(fragment);
      if (i < total) {
        if (this.#busy) {
          progress.max = total;
          progress.value = i;
          this.#setStatus(t('status.rendering', { done: formatNumber(lang, i), total: formatNumber(lang, total) }), 'busy');
        }
        await yieldToBrowser();
        if (token !== this.#token) throw stale();
      }
    }

    this.#current.renderMs = performance.now() - renderStart;
    this.#setBusy(false);
    const ok = rawDoc?.status === 'ok';
    this.#setStatus(
      ok
        ? t('status.done', { ms: formatNumber(lang, Math.round(ms ?? 0)), analyzer: doc.analyzer.name, version: doc.analyzer.version })
        : [t('status.unusable'), ...doc.errors.map((e) => e.message)].join(' '),
      ok ? 'done' : 'error',
    );
    if (silent) return;
    performance.mark('article-analyzer:rendered', { detail: { blocks: total, characters: text.length } });
    this.#emit(ok ? 'analysis' : 'error', corrected);
  }

  // Keys inside the element, unmodified, outside text fields (the help dialog lists them):
  //   1–9      the panel of that place in the panel bar;
  //   n / N    the next / previous mention of the name last chosen (a person's name, an organization's…);
  //   Escape   from the text back to that name;
  //   ?        the help.
  #onKey(event) {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
    const target = event.composedPath()[0];
    if (target?.closest?.('input, textarea, select, [contenteditable], dialog')) return;
    const cycle = this.#cycle;
    let handled = true;
    if (/^[1-9]$/.test(event.key)) {
      const link = this.#ui.nav.querySelectorAll('.panel-link[data-panel]')[Number(event.key) - 1];
      handled = link ? this.focusPanel(link.dataset.panel) : false;
    } else if ((event.key === 'n' || event.key === 'N') && cycle?.button.isConnected) cycle.step(event.key === 'n' ? 1 : -1);
    else if (event.key === 'Escape' && cycle?.button.isConnected && this.#ui.body.contains(target)) cycle.button.focus();
    else if (event.key === '?') this.#showHelp();
    else handled = false;
    if (handled) event.preventDefault();
  }

  #buildHelp() {
    const dialog = h('dialog', { class: 'help', attrs: { part: 'help', 'aria-labelledby': 'aa-help-title' } });
    dialog.addEventListener('click', (event) => {
      if (event.target === dialog || event.target.closest?.('.help-close')) dialog.close();
    });
    return dialog;
  }

  #showHelp() {
    const dialog = this.#ui.help;
    const t = (key) => translate(this.uiLanguage, key);
    const row = (keys, what) => h('div', null, h('dt', null, ...keys.flatMap((k, i) => [i ? ' / ' : null, h('kbd', null, k)])), h('dd', null, t(what)));
    dialog.replaceChildren(
      h('h2', { attrs: { id: 'aa-help-title' } }, t('keys.title')),
      h(
        'dl',
        null,
        row(['1', '…', '9'], 'keys.panel'),
        row(['n'], 'keys.next'),
        row(['Shift+N'], 'keys.previous'),
        row(['Esc'], 'keys.back'),
        row(['←', '→'], 'keys.bar'),
        row(['?'], 'keys.help'),
      ),
      h('button', { type: 'button', class: 'help-close' }, t('keys.close')),
    );
    if (!dialog.open) dialog.showModal();
    dialog.querySelector('.help-close').focus();
  }

  #jump(span, position) {
    this.#emit('jump', { start: span.start, end: span.end, text: span.text });
    const view = this.#view;
    if (!view || this.panelsOnly) return false;
    const i = view.index.blockAt(span.start);
    const el = view.blocks[i];
    if (!el) return false;
    const block = view.ctx.doc.blocks[i];
    const range = rangeFor(view.nodes[i], span.start, Math.min(span.end, block.end));
    if (range && globalThis.CSS?.highlights && typeof Highlight === 'function') CSS.highlights.set('aa-jump', new Highlight(range));
    const target = range?.startContainer.parentElement ?? el;
    const smooth = !matchMedia('(prefers-reduced-motion: reduce)').matches;
    target.scrollIntoView({ block: 'center', behavior: smooth ? 'smooth' : 'auto' });
    el.focus({ preventScroll: true });
    const lang = view.ctx.lang;
    const text = span.text.length > 80 ? `${span.text.slice(0, 79)}…` : span.text;
    this.#ui.announcer.textContent = position
      ? translate(lang, 'status.jumpedN', { i: position.i, n: position.n, text })
      : translate(lang, 'status.jumped', { text });
    return true;
  }
}

if (!customElements.get('article-analyzer')) customElements.define('article-analyzer', ArticleAnalyzerElement);
