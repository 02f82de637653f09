// Opening .txt files by drop and by the file picker, in the encodings Vietnamese text comes in. The test makes
// each file itself: UTF-8 with Node, UTF-16 with Node's encoder, Windows-1258 with iconv.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { startServer } from '../../scripts/serve.mjs';
import { launch, monitor, idle } from './helpers.mjs';

const TEXT = [
  'Ngày 29/12/2020, Phó Chủ tịch UBND tỉnh Lê Ngọc Châu phát biểu: “Cần đẩy mạnh công tác dân vận ở cơ sở – nhất là vùng lũ.”',
  'Ông nhấn mạnh: Đảng ủy, Ủy ban, Hội Nông dân phải lắng nghe ý kiến của người dân; hỗ trợ 1,5 tỷ đồng.',
  'Thu Hà',
].join('\n\n');

const utf16le = (s) => Buffer.from(s, 'utf16le');
const utf16be = (s) => {
  const b = utf16le(s);
  for (let i = 0; i < b.length; i += 2) [b[i], b[i + 1]] = [b[i + 1], b[i]];
  return b;
};
const windows1258 = (s) => execFileSync('iconv', ['-f', 'UTF-8', '-t', 'WINDOWS-1258'], { input: s });

const CASES = [
  { name: 'utf8.txt', bytes: Buffer.from(TEXT, 'utf8'), encoding: 'UTF-8', warnings: [] },
  { name: 'utf8-bom.txt', bytes: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT, 'utf8')]), encoding: 'UTF-8 (BOM)', warnings: [] },
  { name: 'utf16le-bom.txt', bytes: Buffer.concat([Buffer.from([0xff, 0xfe]), utf16le(TEXT)]), encoding: 'UTF-16LE (BOM)', warnings: [] },
  { name: 'utf16be-bom.txt', bytes: Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(TEXT)]), encoding: 'UTF-16BE (BOM)', warnings: [] },
  { name: 'utf16le-nobom.txt', bytes: utf16le(TEXT), encoding: 'UTF-16LE', warnings: ['guess-utf16'] },
  { name: 'windows-1258.txt', bytes: windows1258(TEXT), encoding: 'Windows-1258', warnings: ['guess-1258'] },
  { name: 'crlf.txt', bytes: Buffer.from(TEXT.replace(/\n/g, '\r\n'), 'utf8'), encoding: 'UTF-8', warnings: [] },
];

let server;
let browser;
before(async () => {
  server = await startServer({ port: 0 });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

async function openPage() {
  const page = await browser.context.newPage();
  const m = await monitor(page, server.url.replace(/\/$/, ''));
  await page.goto(server.url);
  await page.waitForFunction(() => document.querySelector('#analyzer')?.result != null);
  await idle(page);
  return { page, m };
}

/** Drops a file on the editor the way a browser delivers it: dragenter, dragover, drop with a DataTransfer. */
async function dropFile(page, { name, bytes, type = 'text/plain' }) {
  const data = await page.evaluateHandle(
    ({ name, bytes, type }) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(bytes)], name, { type }));
      return transfer;
    },
    { name, bytes: [...bytes], type },
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

test('dropped files decode to the same text in every supported encoding', { timeout: 90_000 }, async () => {
  const { page, m } = await openPage();
  for (const c of CASES) {
    await page.fill('#article-text', 'trước khi thả');
    await dropFile(page, c);
    await page.waitForFunction((text) => document.querySelector('#article-text').value === text, TEXT, { timeout: 10_000 }).catch(() => {});
    assert.equal(await page.inputValue('#article-text'), TEXT, `${c.name}: the editor holds the text`);
    const s = await status(page);
    assert.equal(s.encoding, c.encoding, `${c.name}: read as ${c.encoding}`);
    assert.deepEqual(s.messages.filter((x) => x.level === 'warning').map((x) => x.code), c.warnings, `${c.name}: warnings`);
    assert.ok(s.messages.every((x) => x.visible), 'messages are visible');
    assert.ok(!(await page.evaluate(() => document.querySelector('#drop-zone').classList.contains('dragging'))));
    await page.waitForFunction((text) => document.querySelector('#analyzer').analyzedText === text, TEXT);
    await idle(page);
  }
  const result = await page.evaluate(() => document.querySelector('#analyzer').result);
  assert.equal(result.status, 'ok');
  assert.equal(result.article.author, 'Thu Hà');
  await m.assertClean(assert);
  await page.close();
});

test('the file picker opens a Windows-1258 file and says it guessed', { timeout: 60_000 }, async () => {
  const { page, m } = await openPage();
  await page.setInputFiles('#file-input', { name: 'bai-bao.txt', mimeType: 'text/plain', buffer: windows1258(TEXT) });
  await page.waitForFunction((text) => document.querySelector('#article-text').value === text, TEXT);
  const s = await status(page);
  assert.equal(s.encoding, 'Windows-1258');
  assert.deepEqual(s.messages.map((x) => x.code), ['read', 'guess-1258']);
  assert.match(s.messages[0].text, /NFC/, 'says the decomposed tone marks were composed');
  assert.match(s.messages[1].text, /Windows-1258/);
  await m.assertClean(assert);
  await page.close();
});

test('files that are not text, or in an unknown encoding, are refused with a visible warning', { timeout: 60_000 }, async () => {
  const { page, m } = await openPage();
  const before = await page.inputValue('#article-text');
  const refused = [
    { name: 'image.txt', bytes: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0x00, 0x01]), code: 'binary' },
    // Not UTF-8, and as Windows-1258 it would hold C1 control characters: another legacy encoding.
    { name: 'vni.txt', bytes: Buffer.from([0x4e, 0x67, 0x81, 0x79, 0x20, 0x8d, 0x9d, 0x41]), code: 'undecodable' },
    { name: 'empty.txt', bytes: Buffer.alloc(0), code: 'empty' },
    { name: 'report.pdf', bytes: Buffer.from('%PDF-1.4'), type: 'application/pdf', code: 'file.notText' },
  ];
  for (const c of refused) {
    await dropFile(page, c);
    await page.waitForFunction((code) => document.querySelector(`#input-status .msg[data-code="${code}"]`), c.code);
    const s = await status(page);
    assert.deepEqual(s.messages.map((x) => [x.code, x.level, x.visible]), [[c.code, 'warning', true]], c.name);
    assert.ok(s.messages[0].text.includes(c.name), 'the warning names the file');
    assert.equal(await page.inputValue('#article-text'), before, 'the text is left alone');
  }
  await m.assertClean(assert);
  await page.close();
});
