// Opening .txt files by drop and by the file picker, in the encodings Vietnamese text comes in. The test makes
// each file itself: UTF-8 with Node, UTF-16 with Node's encoder, Windows-1258 and Windows-1252 with iconv.
// The page decodes nothing itself: the bytes go to the analyzer's worker (transferred) and the C++ core decodes
// them with ICU, so the encodings reported are the core's names ("utf-16le", "windows-1258", …).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { monitor, idle, withServerAndBrowser } from './helpers.mjs';

const TEXT = [
  'Ngày 29/12/2020, Phó Chủ tịch UBND tỉnh Lê Ngọc Châu phát biểu: “Cần đẩy mạnh công tác dân vận ở cơ sở – nhất là vùng lũ.”',
  'Ông nhấn mạnh: Đảng ủy, Ủy ban, Hội Nông dân phải lắng nghe ý kiến của người dân; hỗ trợ 1,5 tỷ đồng.',
  'Thu Hà',
].join('\n\n');
// Not Vietnamese, and not UTF-8 either: the core reads it as Windows-1252 and says it does not know the encoding.
const FRENCH = 'Le café crème de la brasserie, déjà célèbre à Genève.\n\nGrüße aus München: schön.';

const utf16le = (s) => Buffer.from(s, 'utf16le');
const utf16be = (s) => {
  const b = utf16le(s);
  for (let i = 0; i < b.length; i += 2) [b[i], b[i + 1]] = [b[i + 1], b[i]];
  return b;
};
const iconv = (to, s) => execFileSync('iconv', ['-f', 'UTF-8', '-t', to], { input: s });
const windows1258 = (s) => iconv('WINDOWS-1258', s);

const CASES = [
  { name: 'utf8.txt', bytes: Buffer.from(TEXT, 'utf8'), encoding: 'utf-8', shown: 'UTF-8', warnings: [] },
  { name: 'utf8-bom.txt', bytes: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT, 'utf8')]), encoding: 'utf-8', shown: 'UTF-8', warnings: [] },
  { name: 'utf16le-bom.txt', bytes: Buffer.concat([Buffer.from([0xff, 0xfe]), utf16le(TEXT)]), encoding: 'utf-16le', shown: 'UTF-16LE', warnings: [] },
  { name: 'utf16be-bom.txt', bytes: Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(TEXT)]), encoding: 'utf-16be', shown: 'UTF-16BE', warnings: [] },
  { name: 'utf16le-nobom.txt', bytes: utf16le(TEXT), encoding: 'utf-16le', shown: 'UTF-16LE', warnings: [] },
  { name: 'utf16be-nobom.txt', bytes: utf16be(TEXT), encoding: 'utf-16be', shown: 'UTF-16BE', warnings: [] },
  // iconv writes the tone marks as combining characters; the core composes them (NFC), so the text is TEXT again.
  { name: 'windows-1258.txt', bytes: windows1258(TEXT), encoding: 'windows-1258', shown: 'Windows-1258', warnings: ['guess_1258'] },
  { name: 'windows-1252.txt', bytes: iconv('WINDOWS-1252', FRENCH), text: FRENCH, encoding: 'windows-1252', shown: 'Windows-1252', warnings: ['unknown_encoding'] },
  { name: 'crlf.txt', bytes: Buffer.from(TEXT.replace(/\n/g, '\r\n'), 'utf8'), encoding: 'utf-8', shown: 'UTF-8', warnings: [] },
];

const env = withServerAndBrowser();

async function openPage() {
  const page = await env.browser.context.newPage();
  const m = await monitor(page, env.server.url.replace(/\/$/, ''));
  // Records what the page sends to its workers, and every TextDecoder the page's own scripts make.
  await page.addInitScript(() => {
    window.__toWorker = [];
    const post = Worker.prototype.postMessage;
    Worker.prototype.postMessage = function (message, transfer) {
      const list = Array.isArray(transfer) ? transfer : (transfer?.transfer ?? []);
      window.__toWorker.push({
        type: message?.type,
        encoding: message?.encoding,
        bytes: message?.bytes instanceof ArrayBuffer ? message.bytes.byteLength : null,
        transferred: list.includes(message?.bytes),
      });
      return post.call(this, message, transfer);
    };
    window.__textDecoders = 0;
    const Native = window.TextDecoder;
    window.TextDecoder = class extends Native {
      constructor(...args) {
        super(...args);
        window.__textDecoders++;
      }
    };
  });
  await page.goto(env.server.url);
  await page.waitForFunction(() => document.querySelector('#analyzer')?.result != null);
  await idle(page);
  return { page, m };
}

/** Drops a file on the editor the way a browser delivers it: dragenter, dragover, drop with a DataTransfer. */
async function dropFile(page, { name, bytes, zeros = 0, type = 'text/plain' }) {
  const data = await page.evaluateHandle(
    ({ name, bytes, zeros, type }) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([zeros ? new Uint8Array(zeros) : new Uint8Array(bytes)], name, { type }));
      return transfer;
    },
    { name, bytes: [...(bytes ?? [])], zeros, type },
  );
  for (const type of ['dragenter', 'dragover']) await page.dispatchEvent('#article-text', type, { dataTransfer: data });
  assert.ok(await page.evaluate(() => document.querySelector('#drop-zone').classList.contains('dragging')), 'the drop zone shows itself');
  await page.dispatchEvent('#article-text', 'drop', { dataTransfer: data });
  await data.dispose();
}

const status = (page) =>
  page.evaluate(() => ({
    encoding: document.querySelector('#input-status').dataset.encoding,
    messages: [...document.querySelectorAll('#input-status .msg')].map((p) => ({ code: p.dataset.code, level: p.className.replace('msg ', ''), visible: p.offsetParent !== null, text: p.textContent })),
  }));

/** The decode requests the page sent to the worker since the last call. */
const decodeRequests = (page) => page.evaluate(() => window.__toWorker.splice(0).filter((x) => x.type === 'decode'));

test('dropped files are decoded by the core in the worker, to the same text in every supported encoding', { timeout: 90_000 }, async () => {
  const { page, m } = await openPage();
  await decodeRequests(page);
  for (const c of CASES) {
    const expected = c.text ?? TEXT;
    await page.fill('#article-text', 'trước khi thả');
    await dropFile(page, c);
    await page.waitForFunction((text) => document.querySelector('#article-text').value === text, expected, { timeout: 10_000 }).catch(() => {});
    assert.equal(await page.inputValue('#article-text'), expected, `${c.name}: the editor holds the text`);
    const s = await status(page);
    assert.equal(s.encoding, c.encoding, `${c.name}: the core read it as ${c.encoding}`);
    assert.equal(s.messages[0].code, 'read', `${c.name}: says it read the file`);
    assert.ok(s.messages[0].text.includes(c.name) && s.messages[0].text.includes(c.shown), `${c.name}: names the file and the encoding: ${s.messages[0].text}`);
    assert.deepEqual(s.messages.filter((x) => x.level === 'warning').map((x) => x.code), c.warnings, `${c.name}: warnings`);
    assert.ok(s.messages.every((x) => x.visible), 'messages are visible');
    assert.deepEqual(await decodeRequests(page), [{ type: 'decode', encoding: 'auto', bytes: c.bytes.length, transferred: true }], `${c.name}: its bytes went to the worker, transferred`);
    assert.ok(!(await page.evaluate(() => document.querySelector('#drop-zone').classList.contains('dragging'))));
    await page.waitForFunction((text) => document.querySelector('#analyzer').analyzedText === text, expected);
    await idle(page);
  }
  const result = await page.evaluate(() => document.querySelector('#analyzer').result);
  assert.equal(result.status, 'ok');
  assert.equal(result.article.author, 'Thu Hà');
  assert.equal(await page.evaluate(() => window.__textDecoders), 0, 'the page itself decodes no bytes');
  await m.assertClean(assert);
  await page.close();
});

test('the file picker opens a Windows-1258 file, composed to NFC by the core, and says it guessed', { timeout: 60_000 }, async () => {
  const { page, m } = await openPage();
  await page.setInputFiles('#file-input', { name: 'bai-bao.txt', mimeType: 'text/plain', buffer: windows1258(TEXT) });
  await page.waitForFunction((text) => document.querySelector('#article-text').value === text, TEXT);
  const s = await status(page);
  assert.equal(s.encoding, 'windows-1258');
  assert.deepEqual(s.messages.map((x) => x.code), ['read', 'guess_1258']);
  assert.match(s.messages[0].text, /Windows-1258.*NFC/, 'says the separate tone marks were composed');
  assert.match(s.messages[1].text, /Windows-1258/);
  assert.equal((await decodeRequests(page)).length, 1, 'decoded in the worker');
  await m.assertClean(assert);
  await page.close();
});

test('an unknown encoding is read as Windows-1252 with a visible warning, in either interface language', { timeout: 60_000 }, async () => {
  const { page, m } = await openPage();
  await page.setInputFiles('#file-input', { name: 'francais.txt', mimeType: 'text/plain', buffer: iconv('WINDOWS-1252', FRENCH) });
  await page.waitForFunction((text) => document.querySelector('#article-text').value === text, FRENCH);
  let s = await status(page);
  assert.equal(s.encoding, 'windows-1252');
  const warning = () => s.messages.find((x) => x.code === 'unknown_encoding');
  assert.ok(warning(), 'the core’s unknown_encoding warning is shown');
  assert.equal(warning().level, 'warning');
  assert.ok(warning().visible);
  assert.match(warning().text, /francais\.txt.*Windows-1252.*UTF-8/s, 'names the file, what it was read as and what to do');
  assert.match(warning().text, /Không nhận ra bảng mã/, 'in Vietnamese first');
  await page.selectOption('#ui-lang', 'en');
  s = await status(page);
  assert.match(warning().text, /encoding of “francais\.txt” was not recognized/, 'and in English after the switch');
  assert.match(s.messages[0].text, /^Read “francais\.txt” \(\d+ B\) as Windows-1252\.$/);
  await m.assertClean(assert);
  await page.close();
});

test('files that are not text, empty or too large are refused with a visible warning', { timeout: 60_000 }, async () => {
  const { page, m } = await openPage();
  await decodeRequests(page);
  const before = await page.inputValue('#article-text');
  const refused = [
    // Decoded (as Windows-1252), then refused: NUL and control characters, as the analyzer's binary_input rule.
    { name: 'image.txt', bytes: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0x00, 0x01]), code: 'binary', decoded: true },
    // A UTF-8 byte-order mark on bytes that are not UTF-8: the core gives up (ok: false, invalid_utf8).
    { name: 'bad-bom.txt', bytes: Buffer.from([0xef, 0xbb, 0xbf, 0x4e, 0x67, 0xe0, 0x79]), code: 'invalid_utf8', decoded: true },
    // Only a byte-order mark: no text once decoded.
    { name: 'bom-only.txt', bytes: Buffer.from([0xff, 0xfe]), code: 'empty', decoded: true },
    // Refused before anything is read or sent.
    { name: 'empty.txt', bytes: Buffer.alloc(0), code: 'empty' },
    { name: 'report.pdf', bytes: Buffer.from('%PDF-1.4'), type: 'application/pdf', code: 'not_text' },
    { name: 'huge.txt', zeros: 16 * 1024 * 1024 + 3, code: 'too_large' },
  ];
  for (const c of refused) {
    await dropFile(page, c);
    await page.waitForFunction((code) => document.querySelector(`#input-status .msg[data-code="${code}"]`), c.code);
    const s = await status(page);
    assert.deepEqual(s.messages.map((x) => [x.code, x.level, x.visible]), [[c.code, 'warning', true]], c.name);
    assert.ok(s.messages[0].text.includes(c.name), 'the warning names the file');
    assert.equal(s.encoding, '', 'no encoding is claimed');
    assert.equal(await page.inputValue('#article-text'), before, 'the text is left alone');
    assert.equal((await decodeRequests(page)).length, c.decoded ? 1 : 0, `${c.name}: ${c.decoded ? 'decoded by the core' : 'refused before decoding'}`);
  }
  const huge = (await status(page)).messages[0].text;
  assert.match(huge, /16 MB/, 'says how large a file may be');
  await m.assertClean(assert);
  await page.close();
});

test('a file still being decoded when the worker restarts is decoded again by the new worker', { timeout: 60_000 }, async () => {
  const { page, m } = await openPage();
  await decodeRequests(page);
  const r = await page.evaluate(async (bytes) => {
    const el = document.querySelector('#analyzer');
    const restarts = el.analyzer.stats.restarts;
    el.text = 'Một đoạn văn khá dài để làm chậm bộ phân tích. '.repeat(20000); // large: superseding it restarts the worker
    const first = el.analyze().then(() => 'resolved', (e) => e.name);
    const decoded = el.decode(new File([new Uint8Array(bytes)], 'a.txt'));
    // Let the file be read and its bytes sent to the busy worker, then supersede the large run.
    await new Promise((resolve) => setTimeout(resolve, 50));
    el.text = 'Bài ngắn.';
    const second = el.analyze().then(() => 'resolved', (e) => e.name);
    const { ok, text, encoding } = await decoded;
    return { first: await first, second: await second, restarts: el.analyzer.stats.restarts - restarts, ok, text, encoding };
  }, [...utf16be(TEXT)]);
  assert.deepEqual(r, { first: 'AbortError', second: 'resolved', restarts: 1, ok: true, text: TEXT, encoding: 'utf-16be' });
  const sent = await decodeRequests(page);
  assert.equal(sent.length, 2, 'sent to the first worker, then again to the new one');
  assert.ok(sent.every((x) => x.transferred && x.bytes === TEXT.length * 2));
  await m.assertClean(assert);
  await page.close();
});
