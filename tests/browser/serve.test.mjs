// scripts/serve.mjs without a browser: MIME types, the CSP on every response, path safety, port fallback.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { startServer, CONTENT_SECURITY_POLICY } from '../../scripts/serve.mjs';
import { repo } from './helpers.mjs';

let server;
before(async () => {
  server = await startServer({ port: 0 });
});
after(async () => {
  await server?.close();
});

/** A raw request, so that paths like /../x reach the server unnormalized. */
function request(rawPath, method = 'GET', base = server) {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: base.port, path: rawPath, method }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

test('the exact Content-Security-Policy is on every response, errors included', async () => {
  assert.equal(CONTENT_SECURITY_POLICY, "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; object-src 'none'");
  for (const p of ['/', '/index.html', '/wasm/js/index.js', '/missing', '/../package.json']) {
    const r = await request(p);
    assert.equal(r.headers['content-security-policy'], CONTENT_SECURITY_POLICY, p);
    assert.equal(r.headers['x-content-type-options'], 'nosniff', p);
  }
  assert.equal((await request('/', 'POST')).headers['content-security-policy'], CONTENT_SECURITY_POLICY);
});

test('web/ is served at / and wasm/js/ at /wasm/js/, with the right MIME types', async () => {
  const cases = {
    '/': 'text/html; charset=utf-8',
    '/component-demo.html': 'text/html; charset=utf-8',
    '/js/app.js': 'text/javascript; charset=utf-8',
    '/css/app.css': 'text/css; charset=utf-8',
    '/sample.txt': 'text/plain; charset=utf-8',
    '/icon.svg': 'image/svg+xml',
    '/wasm/js/index.js': 'text/javascript; charset=utf-8',
    '/wasm/js/gen/article_analyzer.js': 'text/javascript; charset=utf-8',
    '/wasm/js/gen/article_analyzer.wasm': 'application/wasm',
    '/wasm/js/gen/vi_words.txt': 'text/plain; charset=utf-8',
    '/wasm/js/gen/vi_words.bin': 'application/octet-stream',
  };
  for (const [p, type] of Object.entries(cases)) {
    const r = await request(p);
    assert.equal(r.status, 200, p);
    assert.equal(r.headers['content-type'], type, p);
  }
  const wasm = await request('/wasm/js/gen/article_analyzer.wasm');
  assert.deepEqual([...wasm.body.subarray(0, 4)], [0x00, 0x61, 0x73, 0x6d], 'the module itself, byte for byte');
  assert.deepEqual(wasm.body, await readFile(path.join(repo, 'wasm/js/gen/article_analyzer.wasm')));
  const head = await request('/wasm/js/gen/article_analyzer.wasm', 'HEAD');
  assert.equal(head.status, 200);
  assert.equal(head.body.length, 0);
  assert.equal(Number(head.headers['content-length']), wasm.body.length);
});

test('the worker’s relative URLs reach the same files served as on disk', async () => {
  // web/js/analyzer-worker.js names the JS package '../../wasm/js/…': on disk (and in the installed npm package)
  // that is wasm/js/; served, /js/../../wasm/js/ clamps to /wasm/js/, which is where the server mounts it.
  const source = await readFile(path.join(repo, 'web/js/analyzer-worker.js'), 'utf8');
  const refs = [...source.matchAll(/(?:\bfrom\s*|\bimport\(\s*|\bnew\s+URL\(\s*)'(\.\.\/\.\.\/wasm\/js\/[^']+)'/g)].map((m) => m[1]);
  assert.deepEqual(refs.sort(), [
    '../../wasm/js/gen/article_analyzer.wasm',
    '../../wasm/js/gen/entity_vi.bin',
    '../../wasm/js/gen/vi_words.bin',
    '../../wasm/js/index.js',
    '../../wasm/js/load.js',
    '../../wasm/js/spans.js',
  ]);
  for (const ref of refs) {
    const served = new URL(ref, `${server.url}js/analyzer-worker.js`);
    const onDisk = path.resolve(repo, 'web/js', ref);
    const r = await request(served.pathname);
    assert.equal(r.status, 200, served.pathname);
    assert.deepEqual(r.body, await readFile(onDisk), `${served.pathname} is ${path.relative(repo, onDisk)}`);
  }
});

test('nothing outside the two folders can be read', async () => {
  for (const p of ['/../package.json', '/%2e%2e/package.json', '/wasm/js/../../package.json', '/wasm/js/..%2f..%2fpackage.json', '/wasm/package.json', '/wasm/js/gen/../../../package.json', '/.gitignore', '/%2e%2e%5cpackage.json', '/js/%00.js', '/wasm/js/gen/../../../core/include/article/analyzer.h']) {
    const r = await request(p);
    assert.equal(r.status, 404, p);
    assert.ok(!r.body.toString().includes('"name"'), `${p} must not leak package.json`);
  }
  assert.equal((await request('/', 'POST')).status, 405);
  assert.equal((await request('/', 'DELETE')).status, 405);
});

test('a port that is taken falls back to a free one', async () => {
  const second = await startServer({ port: server.port });
  try {
    assert.notEqual(second.port, server.port);
    assert.equal((await request('/', 'GET', second)).status, 200);
    assert.equal(second.url, `http://127.0.0.1:${second.port}/`);
  } finally {
    await second.close();
  }
});

test('the page ships the sample article unchanged', async () => {
  const shipped = await readFile(path.join(repo, 'web/sample.txt'));
  const fixture = await readFile(path.join(repo, 'tests/fixtures/sample-ha-tinh/input.txt'));
  assert.ok(shipped.equals(fixture), 'web/sample.txt is a copy of tests/fixtures/sample-ha-tinh/input.txt');
});

test('no file in web/ builds markup from strings', async () => {
  const { readdir } = await import('node:fs/promises');
  const files = (await readdir(path.join(repo, 'web'), { recursive: true })).filter((f) => f.endsWith('.js'));
  assert.ok(files.length > 5);
  for (const f of files) {
    const source = await readFile(path.join(repo, 'web', f), 'utf8');
    const code = source.replace(/\/\/.*$/gm, '').replace(/\/\*[\s\S]*?\*\//g, '');
    assert.doesNotMatch(code, /\b(innerHTML|outerHTML|insertAdjacentHTML|document\.write|createContextualFragment|setHTMLUnsafe|parseHTMLUnsafe)\b/, f);
    assert.doesNotMatch(code, /\beval\(|new Function\(/, f);
  }
});
