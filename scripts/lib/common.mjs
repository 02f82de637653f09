// Shared helpers for the bench and evaluation scripts (Node 20 stdlib only).
//
// The evaluation data lives outside the repository (../shared/eval, relative to the repository root) and is
// read from there at run time; nothing from it is ever written into the repository.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const EVAL_DIR = process.env.ARTICLE_ANALYZER_EVAL_DIR
  ? path.resolve(process.env.ARTICLE_ANALYZER_EVAL_DIR)
  : path.resolve(ROOT, '..', 'shared', 'eval');
export const JS_API = path.join(ROOT, 'wasm', 'js', 'index.js');
export const NATIVE_CLI = path.join(ROOT, 'build', 'native', 'core', 'article-analyzer');
export const SAMPLE_ARTICLE = path.join(ROOT, 'tests', 'fixtures', 'sample-ha-tinh', 'input.txt');

/** Imports the JS API from the working tree and creates an analyzer. */
export async function loadAnalyzer(options = {}) {
  const { createAnalyzer } = await import(pathToFileURL(JS_API).href);
  return createAnalyzer(options);
}

/** Fails with a readable message when a data directory is missing. */
export function requireDir(dir, what) {
  if (!fs.existsSync(dir)) {
    console.error(`${what} not found at ${dir} (set ARTICLE_ANALYZER_EVAL_DIR to the shared/eval folder)`);
    process.exit(1);
  }
  return dir;
}

/**
 * Minimal argv parser: `--flag`, `--key value`, `--key=value`; everything else is positional.
 * `valued` lists the keys that take a value.
 */
export function parseArgs(argv, valued = []) {
  const out = { _: [] };
  for (let i = 0; i < argv.length; ++i) {
    const arg = argv[i];
    if (!arg.startsWith('--')) { out._.push(arg); continue; }
    const eq = arg.indexOf('=');
    const key = (eq < 0 ? arg.slice(2) : arg.slice(2, eq)).replace(/-([a-z])/g, (_, c) => c.toUpperCase());
    if (eq >= 0) out[key] = arg.slice(eq + 1);
    else if (valued.includes(key) && i + 1 < argv.length) out[key] = argv[++i];
    else out[key] = true;
  }
  return out;
}

/** Deterministic PRNG (mulberry32) so "random" samples are reproducible with a seed. */
export function rng(seed) {
  let a = (Number(seed) >>> 0) || 1;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** n items drawn without replacement (order of the draw), using a PRNG from rng(). */
export function sample(items, n, random) {
  const pool = items.slice();
  const out = [];
  while (out.length < n && pool.length) out.push(pool.splice(Math.floor(random() * pool.length), 1)[0]);
  return out;
}

export const median = (xs) => {
  if (!xs.length) return NaN;
  const s = xs.slice().sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** One line of context around [start, end): `…left⟦span⟧right…`, newlines shown as ⏎. */
export function context(text, start, end, width = 50) {
  const flat = (s) => s.replace(/\r?\n/g, ' ⏎ ');
  const from = Math.max(0, start - width);
  const to = Math.min(text.length, end + width);
  return `${from > 0 ? '…' : ''}${flat(text.slice(from, start))}⟦${flat(text.slice(start, end))}⟧${flat(text.slice(end, to))}${to < text.length ? '…' : ''}`;
}

/**
 * Checks the schema's offset promise (`text.slice(start, end) === span.text`) for every span in a result.
 * Returns a list of {where, start, end, expected, got}.
 */
export function offsetMismatches(text, result) {
  const bad = [];
  const check = (where, span) => {
    if (!span || typeof span.start !== 'number') return;
    const got = text.slice(span.start, span.end);
    if (typeof span.text === 'string' && got !== span.text)
      bad.push({ where, start: span.start, end: span.end, expected: got, got: span.text });
  };
  (result.blocks ?? []).forEach((b, i) => {
    check(`blocks[${i}]`, b);
    for (const k of ['speaker', 'statement', 'credit']) check(`blocks[${i}].${k}`, b[k]);
  });
  for (const k of ['sentences', 'tokens', 'words', 'entities']) (result[k] ?? []).forEach((s, i) => check(`${k}[${i}]`, s));
  (result.people ?? []).forEach((p, i) => {
    (p.mentions ?? []).forEach((m, j) => check(`people[${i}].mentions[${j}]`, m));
    (p.roles ?? []).forEach((r, j) => check(`people[${i}].roles[${j}]`, r.span ?? r));
  });
  for (const k of ['organizations', 'places'])
    (result[k] ?? []).forEach((o, i) => (o.mentions ?? []).forEach((m, j) => check(`${k}[${i}].mentions[${j}]`, m)));
  (result.quotes ?? []).forEach((q, i) => {
    check(`quotes[${i}]`, q);
    check(`quotes[${i}].cue`, q.cue);
  });
  return bad;
}

/** Renders rows (arrays of cells) as an aligned text table; numbers are right-aligned. */
export function table(header, rows) {
  const all = [header, ...rows].map((r) => r.map((c) => (c == null ? '' : String(c))));
  const widths = header.map((_, i) => Math.max(...all.map((r) => [...(r[i] ?? '')].length)));
  const isNum = (s) => /^[-+]?[\d.,]+\s*(ms|×|%|KB|MB|kB|B)?$/.test(s);
  const fmt = (r) =>
    r.map((c, i) => (isNum(c) && i > 0 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ').trimEnd();
  return [fmt(all[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...all.slice(1).map(fmt)].join('\n');
}

export const pct = (n, d) => (d ? `${((100 * n) / d).toFixed(1)}%` : 'n/a');
