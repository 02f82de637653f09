// Article text is data. Markup in it, in analyzer output, or in pasted HTML must stay inert text: no dialog
// opens, no element from it appears, nothing is fetched.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../../scripts/serve.mjs';
import { launch, monitor, idle, inShadow } from './helpers.mjs';
import { syntheticDocument, spanOf } from './synthetic.mjs';

const PAYLOADS = [
  '<script>alert("script")</script>',
  '<img src=x onerror="alert(\'img\')">',
  '<a href="javascript:alert(\'link\')">bấm vào đây</a>',
  '{{constructor.constructor("alert(\'template\')")()}} ${alert("literal")}',
  '<svg onload=alert("svg")><circle r=1></circle></svg>',
  '<iframe src="javascript:alert(\'frame\')"></iframe>',
  '"><style>*{display:none}</style><b onmouseover=alert(1)>x</b>',
  '<img src="http://example.invalid/pixel.png">',
];

let server;
let browser;
before(async () => {
  server = await startServer({ port: 0 });
  browser = await launch();
  await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
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

/** Everything in the page and the element's shadow tree that markup in the data could have produced. */
function injected(page) {
  return page.evaluate(() => {
    const found = [];
    const scan = (root, where) => {
      for (const el of root.querySelectorAll('*')) {
        const tag = el.localName;
        const own =
          (where === 'page' && tag === 'script' && el.getAttribute('src') === 'js/app.js') ||
          (where === 'page' && tag === 'img' && el.getAttribute('src') === 'icon.svg') ||
          (where === 'page' && tag === 'link' && ['icon.svg', 'css/app.css'].includes(el.getAttribute('href'))) ||
          (where === 'page' && tag === 'link' && el.rel === 'modulepreload' && /^(js|wasm\/js(\/gen)?)\/[\w-]+\.js$/.test(el.getAttribute('href'))) ||
          (where === 'shadow' && tag === 'link' && el.rel === 'stylesheet');
        if (!own && ['script', 'img', 'svg', 'iframe', 'style', 'object', 'embed', 'link', 'b', 'circle'].includes(tag)) found.push(`${where}: <${tag}>`);
        for (const attr of el.getAttributeNames()) if (attr.startsWith('on')) found.push(`${where}: <${tag} ${attr}>`);
        if (tag === 'a' && /^\s*javascript:/i.test(el.getAttribute('href') ?? '')) found.push(`${where}: javascript: link`);
      }
    };
    scan(document, 'page');
    scan(document.querySelector('#analyzer').shadowRoot, 'shadow');
    return found;
  });
}

test('markup typed into the article is shown as text and never runs', { timeout: 60_000 }, async () => {
  const { page, m } = await openPage();
  const article = ['Tiêu đề ' + PAYLOADS[0], ...PAYLOADS.slice(1).map((p, i) => `Đoạn ${i + 1}: Ông Nguyễn Văn An nói ${p} tại Hà Nội.`), 'Thu Hà'].join('\n\n');
  await page.fill('#article-text', article);
  await page.click('#analyze');
  await page.waitForFunction((text) => document.querySelector('#analyzer').analyzedText === text, article);
  await idle(page);

  const shown = await inShadow(page, (root) => ({
    body: root.querySelector('.doc-body').textContent,
    outline: root.querySelector('.panel-outline').textContent,
    summary: root.querySelector('.summary-title').textContent,
  }));
  for (const payload of PAYLOADS) assert.ok(shown.body.includes(payload), `shown literally: ${payload}`);
  assert.ok(shown.outline.includes(PAYLOADS[1]));
  assert.ok(!shown.body.includes('{{') || shown.body.includes('{{constructor'), 'no template evaluation');
  await inShadow(page, (root) => root.querySelector('.panel-json > summary').click());
  await page.waitForFunction(() => document.querySelector('#analyzer').shadowRoot.querySelector('.panel-json pre').textContent.length > 0);
  assert.ok((await inShadow(page, (root) => root.querySelector('.panel-json pre').textContent)).includes(JSON.stringify(PAYLOADS[0]).slice(1, -1)));

  assert.deepEqual(await injected(page), []);
  await m.assertClean(assert);
  await page.close();
});

test('markup inside analyzer output (names, quotes, values, messages) stays text', { timeout: 60_000 }, async () => {
  const { page, m } = await openPage();
  const { text, doc } = syntheticDocument();
  const [img, script, link, template] = [PAYLOADS[1], PAYLOADS[0], PAYLOADS[2], PAYLOADS[3]];
  doc.people[0].name = img;
  doc.people[0].roles[0].title = script;
  doc.people[0].roles[0].organization = link;
  doc.quotes[3].speaker = template;
  doc.organizations[0].name = script;
  doc.organizations[0].abbreviation = img;
  doc.keywords[0].text = img;
  doc.abbreviations[0] = { abbreviation: script, expansion: link, count: 1 };
  doc.entities.find((e) => e.type === 'money').value.unit = '<b>VND</b>';
  doc.warnings.push({ code: '<img src=x onerror=alert(9)>', message: script });
  doc.article.title = img;
  doc.errors = [];
  await page.evaluate(({ text, doc }) => document.querySelector('#analyzer').showAnalysis(text, doc), { text, doc });
  const panels = await inShadow(page, (root) => root.querySelector('.panels').textContent + root.querySelector('.summary').textContent);
  for (const p of [img, script, link, template, '<b>VND</b>']) assert.ok(panels.includes(p), `shown literally: ${p}`);
  assert.deepEqual(await injected(page), []);

  // The text report carries them as plain text too.
  const [report] = await Promise.all([page.waitForEvent('download'), page.click('#download-report')]);
  const { readFile } = await import('node:fs/promises');
  const body = await readFile(await report.path(), 'utf8');
  assert.ok(body.includes(`- ${img} (`));
  await m.assertClean(assert);
  await page.close();
});

const HOSTILE_HTML = `<html><head><title>t</title><style>p{color:red}</style><script>alert('head')</script></head><body>
<h1>Tiêu đề   bài viết</h1>
<p>Đoạn   một <b>in đậm</b><img src="http://example.invalid/pixel.png" onerror="alert('paste')"> hết.</p>
<div>Đoạn hai<br>dòng hai</div>
<ul><li>Mục A</li><li>Mục <i>B</i></li></ul>
<p><a href="javascript:alert('link')">liên kết</a></p>
<script>alert('body')</script><noscript>không có script</noscript><template><p>mẫu</p></template>
<figure><img src="http://example.invalid/photo.jpg" alt="Ảnh minh họa"><figcaption>Chú thích ảnh</figcaption></figure>
</body></html>`;
// After HOSTILE_HTML is pasted: the editor holds exactly HOSTILE_TEXT, that text is what was analysed,
// nothing from the markup reached the DOM, and nothing ran, loaded or violated the CSP.
async function expectPastedAsText(page, m) {
  assert.equal(await page.inputValue('#article-text'), HOSTILE_TEXT);
  await page.waitForFunction((text) => document.querySelector('#analyzer').analyzedText === text, HOSTILE_TEXT);
  await idle(page);
  assert.deepEqual(await injected(page), []);
  await m.assertClean(assert);
  await page.close();
}

const HOSTILE_TEXT = 'Tiêu đề bài viết\n\nĐoạn một in đậm hết.\n\nĐoạn hai\ndòng hai\n\nMục A\n\nMục B\n\nliên kết\n\nẢnh minh họa\n\nChú thích ảnh';

test('HTML pasted from the clipboard keeps its paragraphs and loses its markup (synthetic paste event)', { timeout: 60_000 }, async () => {
  const { page, m } = await openPage();
  await page.evaluate((html) => {
    const ta = document.getElementById('article-text');
    ta.value = '';
    ta.focus();
    const data = new DataTransfer();
    data.setData('text/html', html);
    data.setData('text/plain', 'plain text that must not be used');
    ta.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, HOSTILE_HTML);
  await expectPastedAsText(page, m);
});

test('a real Ctrl+V of HTML goes through the same path', { timeout: 60_000 }, async () => {
  const { page, m } = await openPage();
  await page.evaluate(async (html) => {
    await navigator.clipboard.write([
      new ClipboardItem({
        'text/html': new Blob([html], { type: 'text/html' }),
        'text/plain': new Blob(['plain'], { type: 'text/plain' }),
      }),
    ]);
  }, HOSTILE_HTML);
  // Chromium sanitizes HTML written to the clipboard by parsing it in this page, under its CSP: the test's own
  // write reports the <style> and onerror it contains. Only what happens from the paste on is the page's doing.
  await m.reset();
  await page.focus('#article-text');
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.press('Control+V');
  // Chromium's clipboard sanitizes HTML on write (scripts and handlers go); what is left must convert the same.
  await expectPastedAsText(page, m);
});

test('jumping to a span never reinterprets it', { timeout: 60_000 }, async () => {
  const { page, m } = await openPage();
  const text = `Ông ${PAYLOADS[1]} phát biểu.\n\nThu Hà`;
  const span = spanOf(text, PAYLOADS[1]);
  await page.evaluate(({ text }) => {
    const el = document.querySelector('#analyzer');
    el.text = text;
    return el.analyze();
  }, { text });
  assert.ok(await page.evaluate(({ start, end }) => document.querySelector('#analyzer').jumpTo(start, end), span));
  assert.equal(await page.evaluate(() => [...CSS.highlights.get('aa-jump')][0].toString()), PAYLOADS[1]);
  assert.deepEqual(await injected(page), []);
  await m.assertClean(assert);
  await page.close();
});
