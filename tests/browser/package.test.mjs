// The npm package in a browser: `npm pack` the repository, install the tarball into an empty folder, and open a
// bare page there that only includes the package's component module and the element, served as plain static
// files under the project's strict Content-Security-Policy. The worker, the WebAssembly module, the word list
// and the stylesheet must all be found from node_modules/ by the relative URLs the package itself holds.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startServer, CONTENT_SECURITY_POLICY } from '../../scripts/serve.mjs';
import { repo, sampleText, launch, monitor } from './helpers.mjs';

const TITLE = 'Tăng cường đối thoại với công dân, triển khai hiệu quả công tác dân vận tại các cơ quan Nhà nước';
const PACKAGE_PATH = '/node_modules/article-analyzer/';

const run = (cmd, args, cwd) => execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
const escapeAttribute = (s) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

let tmp;
let app;
let componentPath;
let server;
let browser;

before(async () => {
  tmp = await mkdtemp(path.join(tmpdir(), 'article-analyzer-browser-pack-'));
  const [packed] = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', tmp], repo));
  app = path.join(tmp, 'app');
  await mkdir(app);
  await writeFile(path.join(app, 'package.json'), JSON.stringify({ name: 'newsroom-page', private: true }));
  run('npm', ['install', '--no-audit', '--no-fund', path.join(tmp, packed.filename)], app);

  // The page names the module by the path the package's own "./component" export gives.
  const { exports } = JSON.parse(await readFile(path.join(app, 'node_modules', 'article-analyzer', 'package.json'), 'utf8'));
  componentPath = path.posix.join('node_modules/article-analyzer', exports['./component']);
  await writeFile(
    path.join(app, 'index.html'),
    `<!doctype html>
<html lang="vi">
<head>
  <meta charset="utf-8">
  <title>A newsroom page</title>
  <script type="module" src="./${componentPath}"></script>
</head>
<body>
  <article-analyzer language="vi" reference-date="2020-12-29" text="${escapeAttribute(sampleText)}"></article-analyzer>
</body>
</html>
`,
  );
  // The app folder as it is: no mount of the repository's wasm/js/, so only the installed package can answer.
  server = await startServer({ port: 0, root: app });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

test('a bare page with only the installed package’s script and the element analyzes the sample', { timeout: 120_000 }, async () => {
  const origin = server.url.replace(/\/$/, '');
  const page = await browser.context.newPage();
  const m = await monitor(page, origin);
  const responses = [];
  page.on('response', (r) => responses.push({ url: r.url(), status: r.status(), type: r.headers()['content-type'], csp: r.headers()['content-security-policy'] }));
  await page.addInitScript(() => {
    window.__events = [];
    for (const type of ['analysis', 'error'])
      document.addEventListener(type, (e) => {
        if (e.target?.localName === 'article-analyzer') window.__events.push({ type, detail: e.detail, text: e.target.analyzedText });
      }, true);
  });
  await page.goto(server.url);
  await page.waitForFunction(() => window.__events.length > 0, null, { timeout: 60_000 });

  const [event, ...more] = await page.evaluate(() => window.__events);
  assert.equal(event.type, 'analysis', `the element fired analysis, not ${event.type}: ${JSON.stringify(event.detail?.errors)}`);
  assert.deepEqual(more, []);
  assert.equal(event.text, sampleText, 'the text attribute reached the analyzer unchanged');
  assert.equal(event.detail.status, 'ok');
  assert.equal(event.detail.language, 'vi');
  assert.equal(event.detail.article.title, TITLE);
  assert.equal(event.detail.article.author, 'Thu Hà');
  assert.ok(event.detail.blocks.length > 20);

  // It rendered with its stylesheet (loaded from the package by URL, style-src 'self').
  const shown = await page.evaluate(() => {
    const root = document.querySelector('article-analyzer').shadowRoot;
    const link = root.querySelector('link[rel="stylesheet"]');
    return {
      stylesheet: Boolean(link?.sheet) && link.sheet.cssRules.length > 0,
      visible: !root.querySelector('.root').hidden,
      blocks: root.querySelectorAll('.doc-body .block').length,
    };
  });
  assert.deepEqual({ ...shown, blocks: shown.blocks > 20 }, { stylesheet: true, visible: true, blocks: true });

  // Analysis ran in the package's worker, which fetched the package's module and word list.
  const worker = page.workers().find((w) => w.url().includes('analyzer-worker'));
  assert.ok(worker, 'an analyzer worker is running');
  assert.equal(new URL(worker.url()).pathname, `${PACKAGE_PATH}web/js/analyzer-worker.js`);
  const paths = responses.map((r) => new URL(r.url).pathname);
  for (const file of ['web/js/article-analyzer.js', 'web/js/analyzer-worker.js', 'web/css/component.css', 'wasm/js/index.js', 'wasm/js/gen/article_analyzer.js', 'wasm/js/gen/article_analyzer.wasm', 'wasm/js/gen/vi_words.bin', 'wasm/js/gen/entity_vi.bin'])
    assert.ok(paths.includes(PACKAGE_PATH + file), `${file} was loaded from the installed package`);
  for (const r of responses) {
    const p = new URL(r.url).pathname;
    assert.ok(p === '/' || p.startsWith(PACKAGE_PATH), `only the page and the package are requested: ${p}`);
    assert.equal(r.status, 200, `${p} was found`);
    assert.equal(r.csp, CONTENT_SECURITY_POLICY, `CSP on ${p}`);
  }
  assert.equal(responses.find((r) => r.url.endsWith('.wasm')).type, 'application/wasm');

  await m.assertClean(assert);
  await page.close();
});
