// The page: an editor around the <article-analyzer> element (which does the analysis and all the rendering),
// plus what only a full page needs: HTML paste, file open/drop, exports, the interface language switch.
import './article-analyzer.js';
import { translate, uiLanguage, formatNumber, formatSize, utf8Length, parseDateInput } from './i18n.js';
import { htmlToText, isTextFile, MAX_FILE_BYTES } from './text-input.js';
import { textReport, slug, saveFile, tagsText, newsArticleJsonLd } from './report.js';

const SAMPLE_URL = new URL('../sample.txt', import.meta.url);
// Above this many UTF-16 code units the text stays out of the <textarea>: Chromium needs ~0.3 ms per KB to lay
// a textarea out, on every keystroke, so a 2 MB paste would freeze the page for most of a second per key.
export const LARGE_TEXT = 150_000;
const UI_LANG_KEY = 'article-analyzer.ui-language';
// The encodings the core's decode() reports, as the interface writes them.
const ENCODING_NAMES = { 'utf-8': 'UTF-8', 'utf-16le': 'UTF-16LE', 'utf-16be': 'UTF-16BE', 'windows-1258': 'Windows-1258', 'windows-1252': 'Windows-1252' };
// decode() warnings with a translation; any other code shows the core's own (English) message.
const DECODE_WARNINGS = { unknown_encoding: 'file.unknownEncoding', invalid_utf8: 'file.invalidUtf8' };

const $ = (id) => document.getElementById(id);
const els = {
  layout: document.querySelector('.layout'),
  editor: $('editor'),
  editorBody: $('editor-body'),
  folded: $('editor-folded'),
  foldedCount: $('folded-count'),
  unfold: $('unfold'),
  uiLang: $('ui-lang'),
  language: $('language'),
  referenceDate: $('reference-date'),
  textarea: $('article-text'),
  dropZone: $('drop-zone'),
  large: $('large-text'),
  largeMessage: $('large-text-message'),
  largeEdit: $('large-edit'),
  largePreview: $('large-preview'),
  charCount: $('char-count'),
  analyze: $('analyze'),
  auto: $('auto'),
  openFile: $('open-file'),
  fileInput: $('file-input'),
  sample: $('load-sample'),
  clear: $('clear'),
  inputStatus: $('input-status'),
  copy: $('copy-json'),
  download: $('download-json'),
  report: $('download-report'),
  tags: $('copy-tags'),
  jsonld: $('download-jsonld'),
  exportStatus: $('export-status'),
  analyzer: $('analyzer'),
  version: $('version'),
};

let lang = 'vi';
let largeText = null; // the text while it is too large for the textarea
let inputMessages = []; // [{key, params, level, code}] re-rendered on a language switch; params may be (lang) => {…}
let fileToken = 0; // the file being opened; anything else that replaces the text bumps it
let exportMessage = null;
const t = (key, params) => translate(lang, key, params);

// ----- text in -----

function currentText() {
  return largeText ?? els.textarea.value;
}

/** Replaces the whole text (file, sample, large paste). */
function setText(text, { analyzeNow = true } = {}) {
  text = text.replace(/\r\n?/g, '\n');
  if (text.length > LARGE_TEXT) {
    largeText = text;
    els.textarea.value = '';
  } else {
    largeText = null;
    els.textarea.value = text;
  }
  showLargeMode();
  updateCount();
  els.analyzer.text = text;
  // Another article: the corrections made to the last one do not carry over (typing in it keeps them). After
  // the new text, so that the element does not first redraw the old analysis without them.
  if (els.analyzer.corrections.length) els.analyzer.corrections = [];
  if (analyzeNow) analyzeNow_();
  foldEditor();
}

function showLargeMode() {
  const large = largeText != null;
  els.large.hidden = !large;
  els.textarea.hidden = large;
  if (large) {
    let paragraphs = 0;
    for (const line of largeText.split('\n')) if (line.trim()) paragraphs++;
    // The size in the unit of the input: bytes of UTF-8, as the file or the clipboard held it (a count of
    // UTF-16 code units showed a 500 KB paste as 380 KB).
    els.largeMessage.textContent = t('editor.large', { size: formatSize(lang, utf8Length(largeText)), paragraphs: formatNumber(lang, paragraphs) });
    els.largePreview.textContent = largeText.slice(0, 4000);
  }
}

function updateCount() {
  els.charCount.textContent = els.foldedCount.textContent = t('editor.chars', { n: formatNumber(lang, currentText().length) });
}

// ----- the editor folded on a narrow screen -----
// In one column (a phone; which layout applies is the stylesheet's decision, read from its grid), the editor
// would fill the screen and push the analysis, People first, below it. Once an article comes in whole (the
// sample, a file, a paste into an empty editor, the Analyze button), the editor folds to one line with the
// text's size and an Edit button. Typing never folds it; a wider window unfolds it.

function isStacked() {
  return getComputedStyle(els.layout).gridTemplateColumns.split(' ').length === 1;
}

function foldEditor() {
  if (!isStacked() || !currentText()) return;
  const hadFocus = els.editorBody.contains(document.activeElement);
  setFolded(true);
  if (hadFocus) els.unfold.focus();
}

function setFolded(on) {
  els.editor.classList.toggle('folded', on);
  els.folded.hidden = !on;
  els.editorBody.hidden = on;
}

function unfoldEditor() {
  setFolded(false);
  (largeText == null ? els.textarea : els.largeEdit).focus();
}

function analyzeNow_() {
  els.analyzer.text = currentText();
  els.analyzer.analyze().catch(() => {}); // superseded runs and failures are shown by the element itself
}

function onPaste(event) {
  const data = event.clipboardData;
  if (!data) return;
  const html = data.getData('text/html');
  const plain = data.getData('text/plain');
  let insert = null;
  if (html.trim()) insert = htmlToText(html) || plain;
  const { selectionStart: start, selectionEnd: end, value } = els.textarea;
  if (insert == null && value.length - (end - start) + plain.length > LARGE_TEXT) insert = plain;
  if (insert == null) return; // plain text of ordinary size: the browser's own paste keeps undo working
  event.preventDefault();
  const next = value.slice(0, start) + insert + value.slice(end);
  if (next.length > LARGE_TEXT) return setText(next);
  els.textarea.setRangeText(insert, start, end, 'end');
  els.textarea.dispatchEvent(new Event('input', { bubbles: true }));
}

/**
 * Opens a dropped or picked file. The cheap refusals come first (not a .txt file, empty, too large to ever be
 * analysed); then the bytes go to the analyzer's worker, where the core decodes them (ICU converters), and the
 * text, the encoding it was read in and the core's warnings come back.
 */
async function openFile(file) {
  if (!file) return;
  const token = ++fileToken;
  const name = file.name;
  const params = (more) => (l) => ({ name, size: formatSize(l, file.size), limit: formatSize(l, MAX_FILE_BYTES), ...more });
  const refuse = (code, key, more) => showInput([{ key, params: params(more), level: 'warning', code }]);
  if (/\.json$/i.test(name) || file.type === 'application/json') return openCorrections(file, token, params, refuse);
  if (!isTextFile(file)) return refuse('not_text', 'file.notText');
  if (file.size === 0) return refuse('empty', 'file.empty');
  if (file.size > MAX_FILE_BYTES) return refuse('too_large', 'file.tooLarge');

  showInput([{ key: 'file.reading', params: params(), level: 'info', code: 'reading' }]);
  let result;
  try {
    result = await els.analyzer.decode(file);
  } catch (err) {
    if (token !== fileToken) return;
    if (err?.name === 'AbortError') return showInput([]); // the analyzer was disposed: nothing to report
    return refuse('error', 'file.error', { message: err?.message ?? String(err) });
  }
  if (token !== fileToken) return; // another file, the sample or Clear came in the meantime

  const warnings = result.warnings ?? [];
  if (!result.ok) {
    const [first] = warnings;
    if (first?.code === 'invalid_utf8') return refuse('invalid_utf8', 'file.invalidUtf8');
    if (!first || first.code === 'unknown_encoding') return refuse('unknown_encoding', 'file.undecodable');
    return refuse(first.code, 'file.error', { message: first.message });
  }
  if (result.binary) return refuse('binary', 'file.binary');
  if (!result.text.trim()) return refuse('empty', 'file.empty');

  const encoding = ENCODING_NAMES[result.encoding] ?? result.encoding;
  const legacy = result.encoding === 'windows-1258';
  const messages = [{ key: legacy ? 'file.read.normalized' : 'file.read', params: params({ encoding }), level: 'info', code: 'read' }];
  if (legacy) messages.push({ key: 'file.guess1258', level: 'warning', code: 'guess_1258' });
  for (const w of warnings)
    messages.push({ key: DECODE_WARNINGS[w.code] ?? 'file.warning', params: params({ encoding, message: w.message }), level: 'warning', code: w.code });
  showInput(messages, result.encoding);
  setText(result.text);
}

/**
 * A saved analysis (the page's "Download JSON") brings back the corrections an editor made: they apply to the
 * article shown now (open or paste the article first), matched by the names they mention.
 */
async function openCorrections(file, token, params, refuse) {
  let corrections;
  try {
    const saved = JSON.parse(await file.text());
    corrections = Array.isArray(saved?.corrections) ? saved.corrections : null;
  } catch (err) {
    if (token !== fileToken) return;
    return refuse('error', 'file.error', { message: err?.message ?? String(err) });
  }
  if (token !== fileToken) return;
  if (!corrections?.length) return refuse('no_corrections', 'file.noCorrections');
  els.analyzer.corrections = corrections;
  const n = els.analyzer.corrections.length;
  showInput([{ key: 'file.corrections', params: params({ n, count: n }), level: 'info', code: 'corrections' }]);
}

function showInput(messages, encoding) {
  inputMessages = messages;
  els.inputStatus.dataset.encoding = encoding ?? '';
  renderInputMessages();
}

function renderInputMessages() {
  els.inputStatus.replaceChildren(
    ...inputMessages.map((m) => {
      const p = document.createElement('p');
      p.className = `msg ${m.level}`;
      p.dataset.code = m.code ?? m.key;
      p.textContent = t(m.key, typeof m.params === 'function' ? m.params(lang) : m.params);
      return p;
    }),
  );
}

// ----- exports -----

function setExportStatus(key, params) {
  exportMessage = key ? { key, params } : null;
  els.exportStatus.textContent = key ? t(key, params) : '';
}

function baseName() {
  return slug(els.analyzer.result?.article?.title);
}

// Puts `text` on the clipboard and says so (or why not) in the export status.
async function copyToClipboard(text, copiedKey) {
  if (text == null) return setExportStatus('export.nothing');
  try {
    await navigator.clipboard.writeText(text);
    setExportStatus(copiedKey);
  } catch (err) {
    setExportStatus('export.copyFailed', { message: err.message });
  }
}

async function copyJson() {
  await copyToClipboard(await els.analyzer.json(2), 'export.copied');
}

async function downloadJson() {
  const json = await els.analyzer.json(2);
  if (json == null) return setExportStatus('export.nothing');
  const name = `${baseName()}.analysis.json`;
  saveFile(name, json + '\n', 'application/json');
  setExportStatus('export.saved', { name });
}

function downloadReport() {
  const doc = els.analyzer.result;
  if (!doc) return setExportStatus('export.nothing');
  const name = `${baseName()}.report.txt`;
  saveFile(name, textReport(doc, lang), 'text/plain;charset=utf-8');
  setExportStatus('export.saved', { name });
}

// The tags a CMS takes (people, organizations, places, keywords), as lines to paste.
async function copyTags() {
  const doc = els.analyzer.result;
  await copyToClipboard(doc ? tagsText(doc, lang) : null, 'export.tagsCopied');
}

// schema.org NewsArticle with what the article is about and mentions.
function downloadJsonLd() {
  const doc = els.analyzer.result;
  if (!doc) return setExportStatus('export.nothing');
  const name = `${baseName()}.jsonld`;
  saveFile(name, JSON.stringify(newsArticleJsonLd(doc), null, 2) + '\n', 'application/ld+json');
  setExportStatus('export.saved', { name });
}

function updateExports() {
  const has = Boolean(els.analyzer.result);
  for (const b of [els.copy, els.download, els.report, els.tags, els.jsonld]) b.disabled = !has;
}

// ----- reference date -----

// The reference date as the editor types it, day first (a text field: the browser's date field follows the
// browser's locale, mm/dd/yyyy in a Vietnamese page, and takes four Tab stops). What is no date is marked
// invalid and changes nothing.
function applyReferenceDate() {
  const iso = parseDateInput(els.referenceDate.value);
  const invalid = iso === null;
  els.referenceDate.setCustomValidity(invalid ? t('editor.referenceDate.invalid') : '');
  els.referenceDate.setAttribute('aria-invalid', String(invalid));
  els.referenceDate.title = invalid ? t('editor.referenceDate.invalid') : '';
  if (!invalid) els.analyzer.referenceDate = iso;
}

// ----- interface language -----

function setUiLanguage(next) {
  lang = uiLanguage(next);
  document.documentElement.lang = lang;
  els.uiLang.value = lang;
  els.analyzer.setAttribute('lang', lang);
  for (const el of document.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  els.referenceDate.placeholder = t('editor.referenceDate.placeholder');
  if (els.referenceDate.getAttribute('aria-invalid') === 'true') applyReferenceDate();
  document.title = `${t('app.title')} · article-analyzer`;
  try {
    localStorage.setItem(UI_LANG_KEY, lang);
  } catch {
    // storage can be unavailable (private mode, file quotas); the switch still works for this visit
  }
  renderInputMessages();
  if (exportMessage) setExportStatus(exportMessage.key, exportMessage.params);
  showLargeMode();
  updateCount();
}

// ----- wiring -----

function init() {
  let saved = null;
  try {
    saved = localStorage.getItem(UI_LANG_KEY);
  } catch {
    saved = null;
  }
  setUiLanguage(saved ?? document.documentElement.lang);

  els.uiLang.addEventListener('change', () => setUiLanguage(els.uiLang.value));
  els.language.addEventListener('change', () => (els.analyzer.language = els.language.value));
  els.referenceDate.addEventListener('change', applyReferenceDate);
  els.textarea.addEventListener('input', () => {
    updateCount();
    if (els.auto.checked) els.analyzer.text = els.textarea.value;
  });
  els.textarea.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      analyzeNow_();
    } else if (event.key === 'Escape' && !event.ctrlKey && !event.metaKey && !event.altKey && !event.shiftKey) {
      // From the text to the results: the panel bar, where Enter opens People (Escape then a digit opens any panel).
      if (els.analyzer.focusPanelBar()) event.preventDefault();
    }
  });
  els.textarea.addEventListener('paste', (event) => {
    const whole = !els.textarea.value;
    onPaste(event);
    // After the browser's own paste, which follows this handler.
    if (whole) setTimeout(foldEditor);
  });
  els.analyze.addEventListener('click', () => {
    analyzeNow_();
    foldEditor();
  });
  els.unfold.addEventListener('click', unfoldEditor);
  new ResizeObserver(() => els.editor.classList.contains('folded') && !isStacked() && setFolded(false)).observe(els.layout);
  els.auto.addEventListener('change', () => els.auto.checked && (els.analyzer.text = currentText()));
  els.openFile.addEventListener('click', () => els.fileInput.click());
  els.fileInput.addEventListener('change', () => {
    openFile(els.fileInput.files[0]);
    els.fileInput.value = '';
  });
  els.sample.addEventListener('click', loadSample);
  els.clear.addEventListener('click', () => {
    fileToken++;
    showInput([]);
    setText('');
    els.textarea.focus();
  });
  els.largeEdit.addEventListener('click', () => {
    const text = largeText;
    largeText = null;
    els.textarea.value = text ?? '';
    showLargeMode();
    els.textarea.focus();
  });

  // Dropping a file anywhere on the editor opens it; dropped text goes to the textarea as usual.
  const hasFiles = (event) => [...(event.dataTransfer?.types ?? [])].includes('Files');
  let depth = 0;
  els.dropZone.addEventListener('dragenter', (event) => {
    if (!hasFiles(event)) return;
    depth++;
    els.dropZone.classList.add('dragging');
  });
  els.dropZone.addEventListener('dragleave', (event) => {
    if (!hasFiles(event)) return;
    depth = Math.max(0, depth - 1);
    if (!depth) els.dropZone.classList.remove('dragging');
  });
  els.dropZone.addEventListener('dragover', (event) => {
    if (!hasFiles(event)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
  });
  els.dropZone.addEventListener('drop', (event) => {
    depth = 0;
    els.dropZone.classList.remove('dragging');
    const file = event.dataTransfer?.files?.[0];
    if (!file) return;
    event.preventDefault();
    openFile(file);
  });

  els.copy.addEventListener('click', copyJson);
  els.download.addEventListener('click', downloadJson);
  els.report.addEventListener('click', downloadReport);
  els.tags.addEventListener('click', copyTags);
  els.jsonld.addEventListener('click', downloadJsonLd);
  for (const type of ['analysis', 'error', 'empty']) els.analyzer.addEventListener(type, updateExports);
  els.analyzer.addEventListener('analysis', () => {
    if (!els.version.textContent && els.analyzer.result?.analyzer?.version) els.version.textContent = els.analyzer.result.analyzer.version;
  });

  if (!els.textarea.value) loadSample();
  else analyzeNow_();

  const sw = document.documentElement.dataset.serviceWorker;
  if (sw && 'serviceWorker' in navigator) navigator.serviceWorker.register(sw).catch(() => {});
}

async function loadSample() {
  fileToken++;
  if (inputMessages.some((m) => m.code === 'reading')) showInput([]);
  try {
    const response = await fetch(SAMPLE_URL);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    setText(await response.text());
  } catch (err) {
    showInput([{ key: 'file.error', params: { name: 'sample.txt', message: err.message }, level: 'warning' }]);
  }
}

init();
