// Getting article text in: HTML from the clipboard, and .txt files in the encodings Vietnamese newsrooms use.

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

/**
 * Decodes a text file's bytes. UTF-8 (with or without BOM), UTF-16LE/BE with BOM, UTF-16 without BOM when the
 * zero bytes give it away, and Windows-1258 as the fallback for bytes that are not UTF-8.
 * @returns {{ok: true, text: string, encoding: string, guessed: boolean, normalized: boolean}
 *          | {ok: false, reason: 'binary'|'undecodable'|'empty'}}
 */
export function decodeText(bytes) {
  bytes = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  if (bytes.length === 0) return { ok: false, reason: 'empty' };
  const decode = (label, data, fatal = true) => new TextDecoder(label, { fatal, ignoreBOM: true }).decode(data);

  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    try {
      return ok(decode('utf-8', bytes.subarray(3)), 'UTF-8 (BOM)', false);
    } catch {
      return { ok: false, reason: 'undecodable' };
    }
  }
  for (const [b0, b1, label, name] of [
    [0xff, 0xfe, 'utf-16le', 'UTF-16LE (BOM)'],
    [0xfe, 0xff, 'utf-16be', 'UTF-16BE (BOM)'],
  ]) {
    if (bytes[0] === b0 && bytes[1] === b1) {
      try {
        return ok(decode(label, bytes.subarray(2)), name, false);
      } catch {
        return { ok: false, reason: 'undecodable' };
      }
    }
  }

  // Zero bytes: UTF-16 without a BOM if they sit on one side of each pair, otherwise not text at all.
  let zeroEven = 0;
  let zeroOdd = 0;
  for (let i = 0; i < bytes.length; i++) if (bytes[i] === 0) i % 2 ? zeroOdd++ : zeroEven++;
  if (zeroEven + zeroOdd > 0) {
    const pairs = bytes.length / 2;
    const label = zeroOdd > pairs * 0.3 && zeroEven === 0 ? 'utf-16le' : zeroEven > pairs * 0.3 && zeroOdd === 0 ? 'utf-16be' : null;
    if (!label || bytes.length % 2) return { ok: false, reason: 'binary' };
    try {
      return ok(decode(label, bytes), label.toUpperCase(), true, true);
    } catch {
      return { ok: false, reason: 'binary' };
    }
  }

  try {
    return ok(decode('utf-8', bytes), 'UTF-8', false);
  } catch {
    // Not UTF-8. Windows-1258 maps every byte, so it cannot fail; C0/C1 control characters in the result mean
    // the bytes were something else (another legacy encoding, or not text).
    const text = decode('windows-1258', bytes, false);
    if (/[\u0000-\u0008\u000e-\u001f\u007f-\u009f]/.test(text)) return { ok: false, reason: 'undecodable' };
    // Windows-1258 writes most tone marks as combining characters; compose them as every other source does.
    const composed = text.normalize('NFC');
    return { ok: true, text: composed, encoding: 'Windows-1258', guessed: true, normalized: composed !== text };
  }
}

function ok(text, encoding, guessed, utf16Guess = false) {
  if (/[\u0000-\u0008\u000e-\u001f]/.test(text)) return { ok: false, reason: 'binary' };
  return { ok: true, text, encoding, guessed, utf16Guess, normalized: false };
}

/** Whether a File looks like plain text by name or type (drop targets receive anything). */
export function isTextFile(file) {
  return /\.(txt|text)$/i.test(file.name) || file.type === 'text/plain' || (file.type === '' && !/\.[a-z0-9]+$/i.test(file.name));
}
