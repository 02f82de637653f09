// The static build: hashed names, rewritten references, same MIME types and CSP, and offline once loaded.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildStatic } from '../../scripts/build-static.mjs';
import { startServer, CONTENT_SECURITY_POLICY } from '../../scripts/serve.mjs';
import { launch, monitor, idle, inShadow } from './helpers.mjs';

let outDir;
let build;
before(async () => {
  outDir = await mkdtemp(path.join(tmpdir(), 'article-analyzer-dist-'));
  build = await buildStatic({ outDir });
});
after(async () => {
  await rm(outDir, { recursive: true, force: true });
});

const HASHED = /\.[0-9a-f]{8}\.[a-z0-9]+$/;

test('every file but the pages and the service worker has a content hash in its name', async () => {
  const { manifest } = build;
  for (const source of ['/js/app.js', '/js/article-analyzer.js', '/js/analyzer-worker.js', '/css/component.css', '/wasm/js/index.js', '/wasm/js/gen/article_analyzer.js', '/wasm/js/gen/article_analyzer.wasm', '/wasm/js/gen/vi_words.bin', '/wasm/js/gen/entity_vi.bin', '/sample.txt'])
    assert.match(manifest[source] ?? '', HASHED, `${source} is built and hashed`);
  assert.equal(manifest['/index.html'], '/index.html');
  assert.equal(manifest['/component-demo.html'], '/component-demo.html');
  const wasm = await readFile(path.join(outDir, manifest['/wasm/js/gen/article_analyzer.wasm']));
  const { createHash } = await import('node:crypto');
  assert.equal(manifest['/wasm/js/gen/article_analyzer.wasm'].split('.').at(-2), createHash('sha256').update(wasm).digest('hex').slice(0, 8), 'the hash is of the content');

  const index = await readFile(path.join(outDir, 'index.html'), 'utf8');
  assert.match(index, /<html data-service-worker="\.\/sw\.js"/);
  for (const [, ref] of index.matchAll(/\s(?:src|href)="([^"#]+)"/g)) assert.ok(ref.endsWith('.html') || HASHED.test(ref), `index.html refers to a hashed name: ${ref}`);
  const worker = await readFile(path.join(outDir, manifest['/js/analyzer-worker.js']), 'utf8');
  assert.ok(worker.includes(path.posix.basename(manifest['/wasm/js/gen/article_analyzer.wasm'])), 'the worker refers to the hashed module');
  const sw = await readFile(path.join(outDir, 'sw.js'), 'utf8');
  for (const out of Object.values(manifest)) assert.ok(sw.includes(`".${out}"`), `the service worker precaches ${out}`);
});

test('served from dist/, the page works, then keeps working offline', { timeout: 120_000 }, async () => {
  let server = await startServer({ port: 0, root: outDir });
  const browser = await launch();
  try {
    const origin = server.url.replace(/\/$/, '');
    const page = await browser.context.newPage();
    const m = await monitor(page, origin);
    const responses = [];
    page.on('response', (r) => responses.push({ url: r.url(), type: r.headers()['content-type'], csp: r.headers()['content-security-policy'], sw: r.fromServiceWorker() }));
    await page.goto(server.url);
    await page.waitForFunction(() => document.querySelector('#analyzer')?.result != null);
    await idle(page);
    const outline = () => inShadow(page, (root) => [...root.querySelectorAll('.panel-outline li')].map((li) => li.dataset.type));
    const online = await outline();
    assert.equal(online.filter((t) => t === 'caption').length, 4);
    assert.equal(online.filter((t) => t === 'speaker_caption').length, 4);

    const fromNetwork = responses.filter((r) => !r.sw);
    for (const r of fromNetwork) assert.equal(r.csp, CONTENT_SECURITY_POLICY, `CSP on ${r.url}`);
    const wasm = fromNetwork.find((r) => r.url.endsWith('.wasm'));
    assert.ok(wasm, 'the module was fetched');
    assert.equal(wasm.type, 'application/wasm');
    for (const r of fromNetwork) {
      const p = new URL(r.url).pathname;
      assert.ok(p === '/' || p.endsWith('.html') || p === '/sw.js' || HASHED.test(p), `only hashed assets are requested: ${p}`);
    }

    await page.waitForFunction(() => navigator.serviceWorker?.controller != null, null, { timeout: 30_000 });
    await m.assertClean(assert);

    // Offline: the server is gone; the service worker serves the page, the module and the sample.
    await server.close();
    server = null;
    await page.reload();
    await page.waitForFunction(() => document.querySelector('#analyzer')?.result != null, null, { timeout: 30_000 });
    await idle(page);
    assert.deepEqual(await outline(), online, 'the same analysis offline');
    await page.goto(`${origin}/component-demo.html`);
    await page.waitForFunction(() => document.querySelector('article-analyzer')?.result?.status === 'ok', null, { timeout: 30_000 });
    assert.deepEqual(m.csp, []);
    assert.deepEqual(m.pageErrors, []);
    assert.deepEqual(m.external, []);
    await page.close();
  } finally {
    await browser.close();
    await server?.close();
  }
});
