// Getting article text in: HTML from the clipboard, and the checks around opening .txt files.
import { LIMITS } from '../../wasm/js/gen/schema.js';

// Elements that end a paragraph. Everything else is inline: its text joins the paragraph around it.
const BLOCK = new Set(
  'address article aside blockquote caption dd details dialog div dl dt fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr li main nav ol p pre section summary table tbody td tfoot th thead tr ul'.split(' '),
);
// Elements whose content is never article text.
const SKIP = new Set('script style noscript template head title iframe object embed svg math canvas video audio picture source track select option button input textarea meta link'.split(' '));

// Elements whose content is raw text to the HTML tokenizer: skipped whole, end tag included.
const RAW = new Set(['script', 'style', 'template', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'noscript', 'plaintext']);
const TAG = /<(\/?)([a-zA-Z][^\t\n\f\r />]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/y;
const ALT = /(?:^|[\s/])alt\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/i;

/**
 * The markup with every attribute (but `alt`) and every raw-text element (script, style, …) removed.
 * DOMParser's documents are inert, but they share the page's Content-Security-Policy, and Chromium checks it
 * while parsing: a pasted `style="…"` or `onclick="…"` would be reported as a violation (blocked, yet noisy).
 * Markup without them cannot trigger a check.
 */
export function stripMarkup(html) {
  let out = '';
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt < 0) {
      out += html.slice(i);
      break;
    }
    out += html.slice(i, lt);
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      i = end < 0 ? html.length : end + 3;
      continue;
    }
    if (html[lt + 1] === '!' || html[lt + 1] === '?') {
      const end = html.indexOf('>', lt);
      i = end < 0 ? html.length : end + 1;
      continue;
    }
    TAG.lastIndex = lt;
    const m = TAG.exec(html);
    if (!m) {
      out += '&lt;';
      i = lt + 1;
      continue;
    }
    const [whole, slash, rawName, attributes] = m;
    const name = rawName.toLowerCase();
    i = lt + whole.length;
    if (RAW.has(name)) {
      if (!slash) {
        const close = html.toLowerCase().indexOf(`</${name}`, i);
        const end = close < 0 ? -1 : html.indexOf('>', close);
        i = end < 0 ? html.length : end + 1;
      }
      continue;
    }
    let kept = '';
    const alt = !slash && name === 'img' ? ALT.exec(attributes) : null;
    if (alt) kept = ` alt="${(alt[1] ?? alt[2] ?? alt[3]).replace(/"/g, '&quot;')}"`;
    out += `<${slash}${name}${kept}>`;
  }
  return out;
}

/**
 * Plain text from clipboard HTML: one paragraph per block element, separated by blank lines; `<br>` is a line
 * break; white space collapses as a browser would show it (except in <pre>). The markup, stripped of attributes
 * and scripts (stripMarkup), is parsed with DOMParser into an inert document and never inserted into the page.
 */
export function htmlToText(html) {
  const doc = new DOMParser().parseFromString(stripMarkup(String(html)), 'text/html');
  const paragraphs = [];
  let line = '';
  const flush = () => {
    const text = line.replace(/[ \t\f\r]+\n/g, '\n').replace(/\n[ \t\f\r]+/g, '\n').trim();
    if (text) paragraphs.push(text);
    line = '';
  };
  const walk = (node, pre) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) {
        const value = child.nodeValue ?? '';
        line += pre ? value : value.replace(/[ \t\n\r\f]+/g, ' ');
        continue;
      }
      if (child.nodeType !== 1) continue;
      const tag = child.localName;
      if (SKIP.has(tag)) continue;
      if (tag === 'br') {
        line += '\n';
        continue;
      }
      const block = BLOCK.has(tag);
      if (block) flush();
      if (tag === 'img' && child.getAttribute('alt')) line += child.getAttribute('alt');
      walk(child, pre || tag === 'pre');
      if (block) flush();
      else if (tag === 'td' || tag === 'th') line += ' ';
    }
  };
  walk(doc.body ?? doc.documentElement, false);
  flush();
  // A paragraph may hold <br> line breaks; the analyzer reads each line as a paragraph, so that is kept.
  return paragraphs
    .map((p) => p.replace(/ {2,}/g, ' '))
    .join('\n\n');
}

// Files: the bytes are decoded in the analyzer's worker by the C++ core (ICU converters; see decode() in
// wasm/js/index.d.ts). What stays here are the cheap checks made before decoding (name, size); the core says whether the
// decoded text is binary (decode()'s `binary`), so a file the analyzer would refuse never replaces the editor's text.

/**
 * Files larger than this are refused before they are read. The analyzer takes at most LIMITS.maxInputBytes
 * (8 MiB) of UTF-8 (`input_too_large`), and no supported encoding gives fewer UTF-8 bytes than half the file's bytes
 * (UTF-16: ≥ 1 byte of UTF-8 per 2 bytes; UTF-8 and the 8-bit encodings: ≥ 1 per byte), so anything larger
 * could never be analysed.
 */
export const MAX_FILE_BYTES = 2 * LIMITS.maxInputBytes + 2;

/** Whether a File looks like plain text by name or type (drop targets receive anything). */
export function isTextFile(file) {
  return /\.(txt|text)$/i.test(file.name) || file.type === 'text/plain' || (file.type === '' && !/\.[a-z0-9]+$/i.test(file.name));
}
