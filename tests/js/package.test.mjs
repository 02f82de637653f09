// Packaging smoke test (STYLE.md 12): `npm pack` the repository, install the tarball into an empty folder
// (offline: the package has no runtime dependencies), import it there by its name and analyze the sample.
// The <article-analyzer> element from the installed package, in Chromium: tests/browser/package.test.mjs.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, posix } from 'node:path';
import { after, before, test } from 'node:test';

import { root, samplePath } from './helpers.mjs';

const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const run = (cmd, args, cwd) => execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
let tmp, packed;

before(() => {
  tmp = mkdtempSync(join(tmpdir(), 'article-analyzer-pack-'));
  [packed] = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', tmp], root));
});
after(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

test('the tarball holds exactly the whitelisted files', () => {
  // npm adds package.json and the top-level README/LICENSE files by itself; nothing else may come along.
  const alwaysIncluded = /^(package\.json|(README|LICEN[CS]E|COPYING)(\.[^/]*)?)$/i;
  const files = packed.files.map((f) => f.path).filter((p) => !alwaysIncluded.test(p)).sort();
  assert.deepEqual(files, [...pkg.files].sort());
  assert.ok(packed.files.some((f) => f.path === 'package.json'));
  const wasm = packed.files.find((f) => f.path.endsWith('.wasm'));
  assert.ok(wasm.size > 100_000, 'the wasm module is in, not a stub');
});

test('every relative URL in a shipped module or stylesheet reaches a shipped file', () => {
  // The component's modules reach the JS package as '../../wasm/js/…' (import and new URL(…, import.meta.url)):
  // the same relative layout on disk, in node_modules/, under scripts/serve.mjs and in the static build.
  const shipped = new Set(packed.files.map((f) => f.path));
  const patterns = {
    js: [
      /\b(?:import|export)\s[^'";]*?\bfrom\s*(["'])([^"'\n]+)\1/g,
      /\bimport\s*(["'])([^"'\n]+)\1/g,
      /\bimport\(\s*(["'])([^"'\n]+)\1\s*\)/g,
      /\bnew\s+URL\(\s*(["'])([^"'\n]+)\1\s*,\s*import\.meta\.url\s*\)/g,
    ],
    css: [/url\(\s*(["']?)([^"')]+)\1\s*\)/g, /@import\s+(["'])([^"']+)\1/g],
  };
  let checked = 0;
  for (const file of shipped) {
    const kind = file.endsWith('.js') ? 'js' : file.endsWith('.css') ? 'css' : null;
    if (!kind) continue;
    const text = readFileSync(join(root, file), 'utf8');
    for (const pattern of patterns[kind]) {
      for (const [, , ref] of text.matchAll(pattern)) {
        if (/^[a-z][a-z0-9+.-]*:|^\/\/|^#/i.test(ref)) continue;
        if (kind === 'js' && !/^\.{1,2}\//.test(ref) && !/^[\w.-]+\.\w+$/.test(ref)) continue; // bare specifiers
        const target = posix.normalize(posix.join(posix.dirname(file), ref.split(/[?#]/)[0]));
        assert.ok(shipped.has(target), `${file} refers to ${ref} (${target}), which the package does not ship`);
        checked++;
      }
    }
  }
  assert.ok(checked >= 15, `only ${checked} references found`);
  for (const [subpath, target] of Object.entries(pkg.exports)) {
    const file = typeof target === 'string' ? target : target.default;
    assert.ok(file === './package.json' || shipped.has(file.slice(2)), `export ${subpath} → ${file} is shipped`);
  }
});

test('installed into an empty folder, it imports by name and analyzes the sample', { timeout: 120_000 }, () => {
  const app = join(tmp, 'app');
  run('mkdir', ['-p', app], tmp);
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'smoke', private: true, type: 'module' }));
  run('npm', ['install', '--no-audit', '--no-fund', join(tmp, packed.filename)], app);
  writeFileSync(
    join(app, 'smoke.mjs'),
    `import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import createAnalyzer, { createAnalyzer as named } from 'article-analyzer';
const require = createRequire(import.meta.url);
const out = { same: createAnalyzer === named, version: require('article-analyzer/package.json').version };
const analyzer = await createAnalyzer();
const r = analyzer.analyze(readFileSync(process.argv[2], 'utf8'));
Object.assign(out, { status: r.status, title: r.article.title, author: r.article.author, blocks: r.blocks.length });
try {
  await import('article-analyzer/wasm/js/gen/article_analyzer.js');
  out.internalsExported = true;
} catch (e) {
  out.internalsExported = e.code;
}
out.exports = {};
for (const sub of ['component', 'component.css', 'worker', 'wasm', 'words', 'words.txt', 'model'])
  out.exports[sub] = new URL(import.meta.resolve('article-analyzer/' + sub)).pathname;
out.types = require.resolve('article-analyzer/package.json').replace(/package\\.json$/, '') + 'wasm/js/index.d.ts';
console.log(JSON.stringify(out));
`,
  );
  const out = JSON.parse(run(process.execPath, ['smoke.mjs', samplePath], app));
  assert.equal(out.same, true);
  assert.equal(out.version, pkg.version);
  assert.equal(out.status, 'ok');
  assert.equal(out.title, 'Tăng cường đối thoại với công dân, triển khai hiệu quả công tác dân vận tại các cơ quan Nhà nước');
  assert.equal(out.author, 'Thu Hà');
  assert.ok(out.blocks > 20);
  assert.equal(out.internalsExported, 'ERR_PACKAGE_PATH_NOT_EXPORTED');
  assert.match(readFileSync(out.types, 'utf8'), /export function createAnalyzer/);
  const installed = join(app, 'node_modules', 'article-analyzer');
  assert.deepEqual(out.exports, {
    component: join(installed, 'web/js/article-analyzer.js'),
    'component.css': join(installed, 'web/css/component.css'),
    worker: join(installed, 'web/js/analyzer-worker.js'),
    wasm: join(installed, 'wasm/js/gen/article_analyzer.wasm'),
    words: join(installed, 'wasm/js/gen/vi_words.bin'),
    'words.txt': join(installed, 'wasm/js/gen/vi_words.txt'),
    model: join(installed, 'wasm/js/gen/entity_vi.bin'),
  });
  for (const file of Object.values(out.exports)) assert.ok(existsSync(file), file);
  assert.deepEqual([...readFileSync(out.exports.wasm).subarray(0, 4)], [0x00, 0x61, 0x73, 0x6d]);
  assert.equal(readFileSync(out.exports.words).subarray(0, 4).toString('latin1'), 'AAWL', 'the words export is the compiled list');
});
