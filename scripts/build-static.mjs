#!/usr/bin/env node
// Static build of the page: dist/ holds the two HTML pages, a service worker and every file they reach, with
// content-hashed names (app.3f9c01ab.js) and every reference rewritten to them. Served from any static host (or
// `node scripts/serve.mjs --dist`), it works offline once loaded. Everything is same-origin.
//
//   node scripts/build-static.mjs [--out DIR]        (default dist/)
//
// The page's sources live in web/ (served at /) and the JS package in wasm/js/ (served at /wasm/js/, so that
// web/js/'s '../../wasm/js/…' references resolve as they do on disk and in the npm package); the build
// follows references from the pages: HTML src/href, JS import/export/import(), new URL('…', import.meta.url),
// CSS url()/@import. A relative reference to a missing file fails the build.
import { createHash } from 'node:crypto';
import { mkdir, readFile, rm, writeFile, access } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const MOUNTS = [
  ['/wasm/js/', path.join(repo, 'wasm', 'js')],
  ['/', path.join(repo, 'web')],
];
const PAGES = ['/index.html', '/component-demo.html'];
const SERVICE_WORKER = '/sw.js';

const exists = (file) => access(file).then(() => true, () => false);

function fileFor(urlPath) {
  for (const [prefix, dir] of MOUNTS) if (urlPath.startsWith(prefix)) return path.join(dir, urlPath.slice(prefix.length));
  return null;
}

function kindOf(urlPath) {
  const ext = path.posix.extname(urlPath);
  if (ext === '.html') return 'html';
  if (ext === '.js' || ext === '.mjs') return 'js';
  if (ext === '.css') return 'css';
  return 'binary';
}

// Each pattern captures the reference in its group named `ref`.
const PATTERNS = {
  html: [/<(?:script|link|img|source|a|iframe)\b[^>]*?\s(?:src|href)\s*=\s*(?<q>["'])(?<ref>[^"']*)\k<q>/gi],
  js: [
    /\b(?:import|export)\s[^'";]*?\bfrom\s*(?<q>["'])(?<ref>[^"'\n]+)\k<q>/g,
    /\bimport\s*(?<q>["'])(?<ref>[^"'\n]+)\k<q>/g,
    /\bimport\(\s*(?<q>["'])(?<ref>[^"'\n]+)\k<q>\s*\)/g,
    /\bnew\s+URL\(\s*(?<q>["'])(?<ref>[^"'\n]+)\k<q>\s*,\s*import\.meta\.url\s*\)/g,
  ],
  css: [/url\(\s*(?<q>["']?)(?<ref>[^"')]+)\k<q>\s*\)/g, /@import\s+(?<q>["'])(?<ref>[^"']+)\k<q>/g],
};

/** References in `text` as {index, length, ref}: the position of the reference string itself. */
function findReferences(kind, text) {
  const found = [];
  for (const pattern of PATTERNS[kind] ?? []) {
    for (const m of text.matchAll(pattern)) {
      const ref = m.groups.ref;
      const offset = m[0].lastIndexOf(ref);
      found.push({ index: m.index + offset, length: ref.length, ref });
    }
  }
  // One occurrence can match two patterns (`import x from` and `import "…"` never overlap, but be safe).
  found.sort((a, b) => a.index - b.index);
  return found.filter((r, i) => i === 0 || r.index !== found[i - 1].index);
}

/** The site path a reference points to, or null for external / in-page / data references. */
function resolveReference(fromUrl, ref, kind) {
  if (!ref || ref.startsWith('#') || /^[a-z][a-z0-9+.-]*:/i.test(ref) || ref.startsWith('//')) return null;
  // In JS, only ./ ../ / specifiers are files; new URL('name', import.meta.url) is relative too.
  if (kind === 'js' && !/^\.{0,2}\//.test(ref) && !/^[\w.-]+\.\w+$/.test(ref)) return null;
  const clean = ref.split(/[?#]/)[0];
  return new URL(clean, `http://site${fromUrl}`).pathname;
}

function hashName(urlPath, content) {
  const hash = createHash('sha256').update(content).digest('hex').slice(0, 8);
  const ext = path.posix.extname(urlPath);
  return `${urlPath.slice(0, -ext.length)}.${hash}${ext}`;
}

function relative(fromUrl, toUrl) {
  const rel = path.posix.relative(path.posix.dirname(fromUrl), toUrl);
  return rel.startsWith('.') ? rel : `./${rel}`;
}

/**
 * Builds the site into outDir. Returns { outDir, files: [site paths written], manifest: {source: output} }.
 * @param {{outDir?: string}} [options]
 */
export async function buildStatic(options = {}) {
  const outDir = path.resolve(options.outDir ?? path.join(repo, 'dist'));
  const nodes = new Map(); // site path → { url, kind, text|bytes, refs, out }
  const state = new Map(); // site path → 'visiting' | 'done'
  const order = [];

  async function visit(url, from) {
    if (state.get(url) === 'done') return;
    if (state.get(url) === 'visiting') throw new Error(`reference cycle through ${url}`);
    state.set(url, 'visiting');
    const file = fileFor(url);
    if (!file || !(await exists(file))) throw new Error(`${from ?? 'build'} refers to ${url}, which does not exist`);
    const kind = kindOf(url);
    const bytes = await readFile(file);
    const node = { url, kind, bytes, refs: [] };
    if (kind !== 'binary') {
      node.text = bytes.toString('utf8');
      for (const r of findReferences(kind, node.text)) {
        if (kind === 'html' && /^[a-z][a-z0-9+.-]*:|^\/\//i.test(r.ref) && !r.ref.startsWith('data:'))
          throw new Error(`${url} refers to ${r.ref}: the page must stay same-origin`);
        const target = resolveReference(url, r.ref, kind);
        if (!target) continue;
        const targetFile = fileFor(target);
        if (!targetFile || !(await exists(targetFile))) {
          // A bare `new URL('name', import.meta.url)` to a file that is not there is left alone; a path is an error.
          if (/^\.{0,2}\//.test(r.ref) || kind !== 'js') throw new Error(`${url} refers to ${r.ref}, which does not exist`);
          continue;
        }
        node.refs.push({ ...r, target });
        if (target !== url) await visit(target, url);
      }
    }
    nodes.set(url, node);
    state.set(url, 'done');
    order.push(url);
  }

  for (const page of PAGES) await visit(page);

  // Post-order: a file's references are final before its own content (and so its hash) is.
  const outputs = new Map();
  for (const url of order) {
    const node = nodes.get(url);
    let content = node.bytes;
    if (node.text != null) {
      let text = node.text;
      const outUrlGuess = PAGES.includes(url) ? url : null;
      for (const r of [...node.refs].reverse()) {
        const target = outputs.get(r.target) ?? r.target;
        // Relative to where this file will live; hashing only changes the file name, not its folder.
        const rewritten = relative(outUrlGuess ?? url, target);
        text = text.slice(0, r.index) + rewritten + text.slice(r.index + r.length);
      }
      if (url === '/index.html') text = text.replace(/<html\b/i, `<html data-service-worker="${relative(url, SERVICE_WORKER)}"`);
      content = Buffer.from(text, 'utf8');
    }
    node.content = content;
    outputs.set(url, PAGES.includes(url) ? url : hashName(url, content));
  }

  // Service worker: precaches every output; its version follows their names.
  const swSource = await readFile(fileFor(SERVICE_WORKER), 'utf8');
  const precache = ['./', ...[...outputs.values()].map((u) => relative(SERVICE_WORKER, u))];
  const version = createHash('sha256').update(precache.join('\n')).digest('hex').slice(0, 12);
  const sw = swSource
    .replace(/const VERSION = '[^']*';/, `const VERSION = '${version}';`)
    .replace(/const PRECACHE = \[\];/, `const PRECACHE = ${JSON.stringify(precache, null, 2)};`);
  if (!sw.includes(version) || !sw.includes('"./"')) throw new Error('sw.js: VERSION/PRECACHE placeholders not found');

  await rm(outDir, { recursive: true, force: true });
  const files = [];
  const write = async (url, content) => {
    const target = path.join(outDir, url);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, content);
    files.push(url);
  };
  for (const url of order) await write(outputs.get(url), nodes.get(url).content);
  await write(SERVICE_WORKER, sw);
  const manifest = Object.fromEntries([...outputs].map(([from, to]) => [from, to]));
  await write('/asset-manifest.json', JSON.stringify({ version, files: manifest }, null, 2) + '\n');
  return { outDir, files, manifest, version };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const i = process.argv.indexOf('--out');
  const outDir = i > 0 ? process.argv[i + 1] : undefined;
  buildStatic({ outDir })
    .then(({ outDir: dir, files, version }) => console.log(`build-static: ${files.length} files in ${path.relative(process.cwd(), dir) || '.'} (version ${version})`))
    .catch((err) => {
      console.error(`build-static: ${err.message}`);
      process.exit(1);
    });
}
