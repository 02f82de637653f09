// Benchmarks (`npm run bench`): native vs WebAssembly analysis time, module initialisation, memory, and the
// bytes a browser downloads. Measures and reports only; it never fails on a budget.
//
//   node scripts/bench.mjs [--quick] [--no-browser] [--json]
//
// Writes bench-results/bench.json. Timings are medians of repeated runs after warm-up runs.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import zlib from 'node:zlib';
import { EVAL_DIR, JS_API, NATIVE_CLI, ROOT, SAMPLE_ARTICLE, median, parseArgs, table } from './lib/common.mjs';
import { wasmMemoryBytes } from './lib/wasm-memory.mjs';
import { FULL_RESULT } from '../wasm/js/spans.js';
import { benchPeers } from './bench-peers.mjs';

const args = parseArgs(process.argv.slice(2));
const quick = Boolean(args.quick);
const RUNS = {
  sample: { warmup: quick ? 10 : 50, runs: quick ? 30 : 200 },
  large: { warmup: quick ? 1 : 2, runs: quick ? 3 : 7 },
  initProcesses: quick ? 3 : 7,
};
const BUDGET = {
  wasmOverNative: 2, // wasm ≤ 2× native per article
  sampleWasmMs: 5, // sample article < 5 ms in wasm after init
  initMs: 150, // createAnalyzer() < 150 ms in Node
  downloadGzipBytes: 1.5e6, // browser download < 1.5 MB gzipped (1 MB = 10^6 bytes here)
  leanJsonOverInput: 3, // the JS API's default document for the sample ≤ 3× the text's UTF-8 size
};

const log = (...a) => { if (!args.json) console.error(...a); };
const fmtMs = (x) => (Number.isFinite(x) ? `${x < 10 ? x.toFixed(3) : x.toFixed(1)} ms` : 'n/a');
const fmtBytes = (n) => (n >= 1e6 ? `${(n / 1e6).toFixed(2)} MB` : n >= 1e3 ? `${(n / 1e3).toFixed(1)} kB` : `${n} B`);
const fmtRatio = (x) => (Number.isFinite(x) ? `${x.toFixed(2)}×` : 'n/a');
const verdict = (ok) => (ok == null ? '' : ok ? 'ok' : 'OVER');

// ---------------------------------------------------------------------------------------------- inputs
const sampleText = fs.readFileSync(SAMPLE_ARTICLE, 'utf8');

/**
 * ~1 MiB article built from the sample's own paragraphs: the whole sample (header/title, lead, body), then
 * its body paragraphs over and over, and the byline last so the text still ends like an article.
 */
function buildLargeInput(target = 1 << 20) {
  const paragraphs = sampleText.split('\n').map((l) => l.trim()).filter(Boolean);
  const body = paragraphs.slice(2, -1);
  const byline = paragraphs.at(-1);
  const parts = paragraphs.slice(0, -1);
  let bytes = Buffer.byteLength(parts.join('\n\n'));
  for (let i = 0; bytes < target; ++i) {
    const p = body[i % body.length];
    parts.push(p);
    bytes += Buffer.byteLength(p) + 2;
  }
  parts.push(byline);
  return parts.join('\n\n') + '\n';
}
const largeText = buildLargeInput();

const inputs = [
  { id: 'sample', label: 'sample article', text: sampleText, runs: RUNS.sample },
  { id: 'large', label: '~1 MB article', text: largeText, runs: RUNS.large },
];
// What the document holds: everything (the CLI's default), everything but the tokens, and the lean result
// (the JS API's default and what the page asks for: no tokens, no words, spans without text).
const outputModes = [
  { id: 'full', label: 'full', options: FULL_RESULT, cliArgs: [] },
  { id: 'noTokens', label: 'no tokens', options: { ...FULL_RESULT, tokens: false }, cliArgs: ['--no-tokens'] },
  { id: 'lean', label: 'lean', options: {}, cliArgs: ['--lean'] },
];

// ---------------------------------------------------------------------------------------------- native
function runNative(text, cliArgs, repeat, keepStdout = false) {
  if (!fs.existsSync(NATIVE_CLI)) return { error: `native CLI not built (${NATIVE_CLI})` };
  // Through a shell that forks once more: Linux keeps a process's peak-RSS mark across exec, so a CLI spawned
  // straight from this (large) Node process would report Node's RSS as its own maxRssKb.
  const r = spawnSync('/bin/sh', ['-c', '"$@"; rc=$?; exit $rc', 'sh', NATIVE_CLI, ...cliArgs, '--repeat', String(repeat), '-'], {
    input: text,
    stdio: ['pipe', keepStdout ? 'pipe' : 'ignore', 'pipe'],
    maxBuffer: 1 << 30,
    encoding: 'utf8',
  });
  if (r.error) return { error: String(r.error) };
  const line = (r.stderr || '').split('\n').reverse().find((l) => l.startsWith('{"runs"'));
  if (!line) return { error: `no timing line from the CLI (exit ${r.status}): ${(r.stderr || '').trim()}` };
  const t = JSON.parse(line);
  return { runs: t.runs, medianMs: t.medianMs, minMs: t.minMs, maxRssKb: t.maxRssKb, exit: r.status, stdout: r.stdout };
}

// ---------------------------------------------------------------------------------------------- wasm
// wasmMemoryBytes (./lib/wasm-memory.mjs, imported at the top) reads the module's linear memory size.

function timeWasm(analyzer, text, options, { warmup, runs }) {
  for (let i = 0; i < warmup; ++i) analyzer.analyze(text, options);
  const ms = [];
  let last;
  for (let i = 0; i < runs; ++i) {
    const t0 = performance.now();
    last = analyzer.analyze(text, options);
    ms.push(performance.now() - t0);
  }
  // The JS API parses the module's JSON string; time JSON.parse on a same-size document to show its share.
  const json = JSON.stringify(last);
  const parseMs = [];
  for (let i = 0; i < Math.min(runs, 20); ++i) {
    const t0 = performance.now();
    JSON.parse(json);
    parseMs.push(performance.now() - t0);
  }
  return { runs, medianMs: median(ms), minMs: Math.min(...ms), jsonParseMs: median(parseMs), result: last };
}

/** Initialisation in fresh Node processes: import of the JS API, createAnalyzer(), first analysis. */
function measureInit(n) {
  const script = `
    const t0 = performance.now();
    const { createAnalyzer } = await import(${JSON.stringify(pathToFileURL(JS_API).href)});
    const t1 = performance.now();
    const analyzer = await createAnalyzer();
    const t2 = performance.now();
    const text = ${JSON.stringify(sampleText)};
    analyzer.analyze(text);
    const t3 = performance.now();
    const next = [];
    for (let i = 0; i < 9; ++i) {
      const a = performance.now();
      analyzer.analyze(text);
      next.push(performance.now() - a);
    }
    next.sort((a, b) => a - b);
    console.log(JSON.stringify({ importMs: t1 - t0, createMs: t2 - t1, firstAnalyzeMs: t3 - t2, next9MedianMs: next[4],
      processMs: t2, rssKb: Math.round(process.memoryUsage().rss / 1024) }));`;
  const samples = [];
  for (let i = 0; i < n; ++i) {
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    if (r.status !== 0) return { error: (r.stderr || '').trim().split('\n').slice(-3).join(' ') };
    samples.push(JSON.parse(r.stdout.trim().split('\n').pop()));
  }
  const med = (k) => median(samples.map((s) => s[k]));
  return {
    processes: n,
    importMs: med('importMs'),
    createAnalyzerMs: med('createMs'),
    importPlusCreateMs: median(samples.map((s) => s.importMs + s.createMs)),
    firstAnalyzeMs: med('firstAnalyzeMs'),
    analyses2to10MedianMs: med('next9MedianMs'),
    processStartToReadyMs: med('processMs'),
    rssAfterInitKb: med('rssKb'),
  };
}

// ---------------------------------------------------------------------------------------------- download
// Files the page loads: web/index.html and whatever it references (HTML src/href, JS imports, workers,
// new URL(..., import.meta.url), fetch('...'), CSS url()/@import), followed recursively within the
// repository; plus the JS package (wasm/js/index.js and what it loads from wasm/js/gen/).
function collectDownload() {
  const webDir = path.join(ROOT, 'web');
  const found = new Map(); // abs path → how it was found
  const inRepo = (p) => p.startsWith(ROOT + path.sep) && !p.includes(`${path.sep}node_modules${path.sep}`);
  // Relative references from web/ reach the JS package on disk (web/js/../../wasm/js/), as on the server.
  const isFile = (p) => fs.existsSync(p) && fs.statSync(p).isFile();
  const resolveRef = (from, ref) => {
    ref = ref.split('#')[0].split('?')[0];
    if (!ref || /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(ref)) return null; // absolute URLs, data:, blob:
    if (ref.startsWith('/')) {
      // Site-absolute: try the web root first, then the repository root (a dev server may serve either).
      for (const p of [path.join(webDir, ref), path.join(ROOT, ref)]) if (isFile(p)) return p;
      return null;
    }
    const p = path.resolve(path.dirname(from), ref);
    return isFile(p) ? p : null;
  };
  const refsOf = (file) => {
    const text = fs.readFileSync(file, 'utf8');
    const ext = path.extname(file).toLowerCase();
    const refs = [];
    const grab = (re) => { for (const m of text.matchAll(re)) refs.push(m[1]); };
    if (ext === '.html' || ext === '.htm') {
      grab(/<(?:script|img|source|iframe|audio|video|embed)\b[^>]*?\bsrc\s*=\s*["']([^"']+)["']/gi);
      grab(/<link\b[^>]*?\bhref\s*=\s*["']([^"']+)["']/gi);
      for (const m of text.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/gi)) refs.push(...jsRefs(m[1])); // inline code
    } else if (ext === '.js' || ext === '.mjs') {
      refs.push(...jsRefs(text));
    } else if (ext === '.css') {
      grab(/url\(\s*["']?([^"')]+)["']?\s*\)/gi);
      grab(/@import\s+["']([^"']+)["']/gi);
    } else if (ext === '.webmanifest' || file.endsWith('manifest.json')) {
      grab(/"src"\s*:\s*"([^"]+)"/g);
    }
    return refs;
  };
  function jsRefs(code) {
    const out = [];
    for (const re of [
      /\bimport\s*(?:[\w*{}\s,$]+\s*from\s*)?["']([^"']+)["']/g,
      /\bexport\s*[\w*{}\s,$]*\s*from\s*["']([^"']+)["']/g,
      /\bimport\(\s*["']([^"']+)["']\s*\)/g,
      /new\s+URL\(\s*["']([^"']+)["']\s*,\s*import\.meta\.url/g,
      /new\s+(?:Shared)?Worker\(\s*["']([^"']+)["']/g,
      /\bfetch\(\s*["']([^"']+)["']/g,
      /serviceWorker\.register\(\s*["']([^"']+)["']/g,
    ])
      for (const m of code.matchAll(re)) out.push(m[1]);
    return out;
  }
  const visit = (file, how) => {
    if (found.has(file) || !inRepo(file)) return;
    found.set(file, how);
    let refs = [];
    try { refs = refsOf(file); } catch { /* binary or unreadable: no references */ }
    for (const ref of refs) {
      const p = resolveRef(file, ref);
      if (p) visit(p, `referenced by ${path.relative(ROOT, file)}`);
    }
  };
  for (const entry of ['index.html', 'index.htm']) {
    const p = path.join(webDir, entry);
    if (fs.existsSync(p)) { visit(p, 'page'); break; }
  }
  // The JS package, always: the page loads it (statically or via a dynamic import the scan may not see).
  visit(JS_API, 'JS API');
  // The package's generated files nothing above refers to are shipped but not downloaded (the word list's
  // text beside its compiled form, the types): listed, as the files under web/ the scan did not reach are,
  // not counted.
  const gen = path.join(ROOT, 'wasm', 'js', 'gen');
  const notDownloaded = [];
  if (fs.existsSync(gen))
    for (const f of fs.readdirSync(gen).sort()) {
      const p = path.join(gen, f);
      if (fs.statSync(p).isFile() && !found.has(p)) notDownloaded.push(path.relative(ROOT, p));
    }
  const files = [...found].map(([abs, how]) => {
    const data = fs.readFileSync(abs);
    return {
      file: path.relative(ROOT, abs),
      how,
      rawBytes: data.length,
      gzipBytes: zlib.gzipSync(data, { level: 9 }).length,
    };
  });
  files.sort((a, b) => a.file.localeCompare(b.file));
  // Files under web/ the scan did not reach (listed so a missed reference is visible).
  const notReached = [];
  const walk = (dir) => {
    if (!fs.existsSync(dir)) return;
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) { if (e.name !== 'node_modules' && !e.name.startsWith('.')) walk(p); }
      else if (!found.has(p)) notReached.push(path.relative(ROOT, p));
    }
  };
  walk(webDir);
  return {
    files,
    notReachedUnderWeb: notReached,
    genNotDownloaded: notDownloaded,
    webPagePresent: files.some((f) => f.how === 'page'),
    totalRawBytes: files.reduce((s, f) => s + f.rawBytes, 0),
    totalGzipBytes: files.reduce((s, f) => s + f.gzipBytes, 0),
  };
}

// ---------------------------------------------------------------------------------------------- archives
/**
 * Batch throughput on one archive, in this run: the CLI's batch mode with 1 and 2 threads, and the Dask recipe
 * (scripts/dask_batch.py) on a local cluster of 2 worker processes, tokens off. The archive is the first
 * articles of the raw Vietnamese news corpus (../shared/eval/vi_news_raw) when it is there, else the
 * fixtures repeated.
 */
function runBatchBench() {
  if (!fs.existsSync(NATIVE_CLI)) return { error: `native CLI not built (${NATIVE_CLI})` };
  const articles = quick ? 1000 : 12000;
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'article-bench-batch-'));
  try {
    const archive = path.join(work, 'archive.jsonl');
    const corpus = path.join(EVAL_DIR, 'vi_news_raw', 'vi_news_baomoi_raw.jsonl.xz');
    let source;
    if (fs.existsSync(corpus)) {
      const r = spawnSync('/bin/sh', ['-c', `xz -dc "$1" | head -n ${articles} > "$2"`, 'sh', corpus, archive]);
      if (r.status !== 0) return { error: 'could not read the raw corpus' };
      source = `first ${articles} articles of vi_news_raw`;
    } else {
      const lines = [];
      for (let i = 0; lines.length < articles; i++) lines.push(JSON.stringify({ id: i, text: sampleText }));
      fs.writeFileSync(archive, lines.join('\n') + '\n');
      source = `the sample article ×${articles}`;
    }
    const bytes = fs.statSync(archive).size;
    const cli = (jobs) => {
      const t0 = performance.now();
      const r = spawnSync(NATIVE_CLI, ['--jsonl', '--no-progress', '--no-tokens', '--jobs', String(jobs), archive], {
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      const s = (performance.now() - t0) / 1000;
      return r.status === 0 ? { seconds: s, articlesPerSecond: articles / s, mbPerSecond: bytes / s / 1e6 } : { error: `exit ${r.status}` };
    };
    const one = cli(1);
    const two = cli(2);
    const python = fs.existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
    const t0 = performance.now();
    const d = spawnSync(python, [path.join(ROOT, 'scripts', 'dask_batch.py'), '--local-workers', '2', '--input', archive,
      '--output', path.join(work, 'out'), '--no-tokens', '--partition-mb', String(Math.max(0.5, bytes / 8e6)), '--cli', NATIVE_CLI],
    { encoding: 'utf8' });
    const daskSeconds = (performance.now() - t0) / 1000;
    let dask;
    if (d.status !== 0) dask = { error: (d.stderr || '').trim().split('\n').slice(-2).join(' ') };
    else {
      const summary = JSON.parse(fs.readFileSync(path.join(work, 'out', '_SUCCESS'), 'utf8'));
      dask = { seconds: summary.seconds, articlesPerSecond: summary.articles_per_second, mbPerSecond: summary.mb_per_second,
        withClusterStartSeconds: daskSeconds, partitions: summary.partitions.length };
    }
    return {
      source, articles, bytes, cli1: one, cli2: two, dask,
      twoOverOne: one.articlesPerSecond && two.articlesPerSecond ? two.articlesPerSecond / one.articlesPerSecond : null,
      daskOverCli2: dask.articlesPerSecond && two.articlesPerSecond ? dask.articlesPerSecond / two.articlesPerSecond : null,
    };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------- browser
async function runBrowserBench() {
  const file = path.join(ROOT, 'scripts', 'bench-browser.mjs');
  if (args.noBrowser) return { skipped: '--no-browser' };
  if (!fs.existsSync(file)) return { skipped: 'scripts/bench-browser.mjs not present' };
  let mod;
  try {
    mod = await import(pathToFileURL(file).href);
  } catch (e) {
    return { skipped: `cannot import scripts/bench-browser.mjs: ${e.message}` };
  }
  const preferred = ['benchBrowser', 'runBrowserBench', 'bench', 'run', 'main', 'default'];
  const name =
    preferred.find((n) => typeof mod[n] === 'function') ?? Object.keys(mod).find((n) => typeof mod[n] === 'function');
  if (!name) return { skipped: 'scripts/bench-browser.mjs exports no function' };
  try {
    const result = await mod[name]({ root: ROOT, quick });
    return { function: name, result: result ?? null };
  } catch (e) {
    return { function: name, error: String(e?.stack ?? e) };
  }
}

/** Flattens a result object into [key, value] pairs for printing. */
function flatten(obj, prefix = '', out = []) {
  if (obj === null || typeof obj !== 'object') out.push([prefix || 'value', obj]);
  else if (Array.isArray(obj) && obj.every((v) => v === null || typeof v !== 'object'))
    out.push([prefix, obj.join(', ')]);
  else for (const [k, v] of Object.entries(obj)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  return out;
}

// ---------------------------------------------------------------------------------------------- main
// What issue 11 asks of the speed against wink-nlp, the fastest JavaScript peer: how many times faster we must be.
const PEER_TARGET = { sample: 4, english: 2, sample100: 5 };

function printPeers(p, peers) {
  p('Against the JavaScript peers (scripts/bench-peers.mjs: same inputs, same process, in turn; median per analysis)');
  if (!peers || peers.error) {
    p(`  not run: ${peers?.error ?? 'no result'}`);
    return;
  }
  const names = Object.keys(peers.medianMs.sample);
  const rows = Object.entries(peers.medianMs).map(([id, ms]) => {
    const bytes = peers.inputs[id].bytes;
    const throughput = id === 'sample100';
    const cell = (n) => (throughput ? `${peers.mbPerS[id][n].toFixed(2)} MB/s` : fmtMs(ms[n]));
    const ratio = ms['wink-nlp'] / ms.ours;
    return [
      `${peers.inputs[id].label}, ${fmtBytes(bytes)}`,
      ...names.map(cell),
      `${fmtRatio(ratio)} (target ≥${PEER_TARGET[id]}× ${verdict(ratio >= PEER_TARGET[id])})`,
    ];
  });
  const cold = peers.coldStartMs;
  rows.push(['cold start (fresh process: import + init)', ...names.map((n) => (cold?.error ? 'n/a' : cold?.[n] == null ? '' : fmtMs(cold[n]))), cold?.error ? cold.error : `${fmtRatio(cold['wink-nlp'] / cold.ours)}`]);
  p(table(['input', ...names, 'wink-nlp / ours'], rows));
  p('  ours: the lean result (the page\'s); ours (full): tokens, words and span text. The peers know no Vietnamese.');
}

/** Deep equality of two parsed JSON values; returns the first differing path or null. */
function firstDifference(a, b, where = '$') {
  if (a === b) return null;
  if (typeof a !== typeof b || a === null || b === null || typeof a !== 'object')
    return typeof a === 'number' && typeof b === 'number' && Math.abs(a - b) < 1e-9 ? null : where;
  if (Array.isArray(a) !== Array.isArray(b)) return where;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of keys) {
    const d = firstDifference(a[k], b[k], Array.isArray(a) ? `${where}[${k}]` : `${where}.${k}`);
    if (d) return d;
  }
  return null;
}

async function main() {
  const out = {
    date: new Date().toISOString(),
    machine: { node: process.version, platform: `${os.platform()} ${os.arch()}`, cpu: os.cpus()[0]?.model, cpus: os.cpus().length },
    inputs: Object.fromEntries(inputs.map((i) => [i.id, { bytes: Buffer.byteLength(i.text), chars: i.text.length }])),
    runs: RUNS,
    budgets: BUDGET,
  };

  log('initialisation (fresh Node processes)…');
  out.init = measureInit(RUNS.initProcesses);

  log('wasm: loading the module in this process…');
  const { createAnalyzer } = await import(pathToFileURL(JS_API).href);
  const analyzer = await createAnalyzer();
  out.version = analyzer.version;
  const memAfterInit = wasmMemoryBytes();

  out.analysis = {};
  let sampleWasm = null;
  for (const input of inputs) {
    for (const mode of outputModes) {
      const key = `${input.id}.${mode.id}`;
      log(`native ${key}…`);
      const native = runNative(input.text, mode.cliArgs, input.runs.warmup + input.runs.runs);
      log(`wasm ${key}…`);
      const wasm = timeWasm(analyzer, input.text, mode.options, input.runs);
      if (input.id === 'sample' && mode.id === 'full') sampleWasm = wasm.result;
      out.analysis[key] = {
        input: input.id,
        output: mode.id,
        outputLabel: mode.label,
        native: native.error ? { error: native.error } : { runs: native.runs, medianMs: native.medianMs, minMs: native.minMs, maxRssKb: native.maxRssKb },
        wasm: { runs: wasm.runs, warmup: input.runs.warmup, medianMs: wasm.medianMs, minMs: wasm.minMs, jsonParseMs: wasm.jsonParseMs },
        ratio: native.error ? null : wasm.medianMs / native.medianMs,
        jsonBytes: Buffer.byteLength(JSON.stringify(wasm.result)),
        jsonOverInput: Buffer.byteLength(JSON.stringify(wasm.result)) / Buffer.byteLength(input.text),
      };
    }
  }
  const memAfterLarge = wasmMemoryBytes();
  global.gc?.();
  const mu = process.memoryUsage();
  out.memory = {
    nativeMaxRssKb: Object.fromEntries(Object.entries(out.analysis).map(([k, v]) => [k, v.native.maxRssKb ?? null])),
    wasmMemoryBytesAfterInit: memAfterInit,
    wasmMemoryBytesAfterLarge: memAfterLarge,
    nodeRssBytesAfterLarge: mu.rss,
    nodeHeapUsedBytesAfterLarge: mu.heapUsed,
    nodeMaxRssKb: process.resourceUsage().maxRSS,
  };

  // Native and wasm should give the same document for the same input (both run the same C++ and ICU).
  const nativeSample = runNative(sampleText, [], 1, true);
  if (!nativeSample.error && sampleWasm) {
    let nativeDoc = null;
    try { nativeDoc = JSON.parse(nativeSample.stdout); } catch { /* reported below */ }
    out.nativeWasmSameOutput = nativeDoc ? firstDifference(nativeDoc, sampleWasm) ?? true : 'native output is not JSON';
  }

  log('download sizes…');
  out.download = collectDownload();
  log('archives: batch mode and Dask…');
  out.batch = runBatchBench();
  log('peers: wink-nlp and compromise on the same inputs…');
  try {
    out.peers = await benchPeers({ quick });
  } catch (err) {
    out.peers = { error: String(err?.stack ?? err) };
  }
  log('browser…');
  out.browser = await runBrowserBench();

  const sOn = out.analysis['sample.full'];
  const sOff = out.analysis['sample.noTokens'];
  out.budgetCheck = {
    wasmOverNativeSample: { value: Math.max(sOn.ratio ?? NaN, sOff.ratio ?? NaN), budget: BUDGET.wasmOverNative },
    sampleWasmMs: { value: Math.max(sOn.wasm.medianMs, sOff.wasm.medianMs), budget: BUDGET.sampleWasmMs },
    initMs: { value: out.init.createAnalyzerMs ?? null, budget: BUDGET.initMs },
    downloadGzipBytes: { value: out.download.totalGzipBytes, budget: BUDGET.downloadGzipBytes },
    leanJsonOverInput: { value: out.analysis['sample.lean'].jsonOverInput, budget: BUDGET.leanJsonOverInput },
  };
  for (const v of Object.values(out.budgetCheck)) v.ok = Number.isFinite(v.value) ? v.value <= v.budget : null;

  fs.mkdirSync(path.join(ROOT, 'bench-results'), { recursive: true });
  fs.writeFileSync(path.join(ROOT, 'bench-results', 'bench.json'), JSON.stringify(out, null, 2) + '\n');

  if (args.json) console.log(JSON.stringify(out, null, 2));
  else print(out);
}

function print(out) {
  const p = (...a) => console.log(...a);
  p(`article-analyzer ${out.version} — bench (${out.machine.node}, ${out.machine.cpu} ×${out.machine.cpus})`);
  p(`inputs: sample ${fmtBytes(out.inputs.sample.bytes)}, large ${fmtBytes(out.inputs.large.bytes)} (sample paragraphs repeated)`);
  p('');
  p('Time per analysis (analyze + JSON rendering; median after warm-up)');
  p(
    table(
      ['case', 'native', 'wasm', 'wasm/native', 'of which JSON.parse', 'JSON (× text)', 'runs native/wasm', 'budget'],
      Object.entries(out.analysis).map(([k, v]) => [
        `${v.input === 'sample' ? 'sample' : '~1 MB '} ${v.outputLabel}`,
        v.native.error ? 'n/a' : fmtMs(v.native.medianMs),
        fmtMs(v.wasm.medianMs),
        fmtRatio(v.ratio),
        fmtMs(v.wasm.jsonParseMs),
        `${fmtBytes(v.jsonBytes)} (${v.jsonOverInput.toFixed(1)}×)${v.input === 'sample' && v.output === 'lean' ? ` ≤${BUDGET.leanJsonOverInput}× ${verdict(v.jsonOverInput <= BUDGET.leanJsonOverInput)}` : ''}`,
        `${v.native.runs ?? '-'}/${v.wasm.runs}`,
        v.input === 'sample'
          ? `≤${BUDGET.wasmOverNative}× ${verdict(v.ratio == null ? null : v.ratio <= BUDGET.wasmOverNative)}; <${BUDGET.sampleWasmMs} ms ${verdict(v.wasm.medianMs < BUDGET.sampleWasmMs)}`
          : '',
      ]),
    ),
  );
  for (const [k, v] of Object.entries(out.analysis)) if (v.native.error) p(`  native ${k}: ${v.native.error}`);
  if (out.nativeWasmSameOutput !== undefined)
    p(`native and wasm output for the sample: ${out.nativeWasmSameOutput === true ? 'identical' : `DIFFER at ${out.nativeWasmSameOutput} — the two builds are probably out of sync (rebuild both: bash scripts/build.sh); the ratios compare different code`}`);
  p('');
  p('Initialisation in Node (fresh process, median of ' + (out.init.processes ?? '?') + ')');
  if (out.init.error) p(`  error: ${out.init.error}`);
  else
    p(
      table(
        ['step', 'time', 'budget'],
        [
          ['import wasm/js/index.js', fmtMs(out.init.importMs), ''],
          ['createAnalyzer()', fmtMs(out.init.createAnalyzerMs), `<${BUDGET.initMs} ms ${verdict(out.init.createAnalyzerMs < BUDGET.initMs)}`],
          ['import + createAnalyzer()', fmtMs(out.init.importPlusCreateMs), `<${BUDGET.initMs} ms ${verdict(out.init.importPlusCreateMs < BUDGET.initMs)}`],
          ['first analyze(sample), cold', fmtMs(out.init.firstAnalyzeMs), ''],
          ['analyses 2–10 of the sample (median)', fmtMs(out.init.analyses2to10MedianMs), `<${BUDGET.sampleWasmMs} ms ${verdict(out.init.analyses2to10MedianMs < BUDGET.sampleWasmMs)} (tiering up)`],
          ['process start → analyzer ready', fmtMs(out.init.processStartToReadyMs), ''],
        ],
      ),
    );
  p('');
  p('Peak memory');
  const m = out.memory;
  p(
    table(
      ['what', 'size'],
      [
        ...Object.entries(m.nativeMaxRssKb).map(([k, v]) => [`native maxRSS, ${k}`, v == null ? 'n/a' : fmtBytes(v * 1024)]),
        ['wasm linear memory after init', m.wasmMemoryBytesAfterInit == null ? 'n/a' : fmtBytes(m.wasmMemoryBytesAfterInit)],
        ['wasm linear memory after 1 MB runs', m.wasmMemoryBytesAfterLarge == null ? 'n/a' : fmtBytes(m.wasmMemoryBytesAfterLarge)],
        ['Node RSS after 1 MB runs', fmtBytes(m.nodeRssBytesAfterLarge)],
        ['Node maxRSS (whole bench process)', fmtBytes(m.nodeMaxRssKb * 1024)],
      ],
    ),
  );
  p('');
  const d = out.download;
  p(`Browser download${d.webPagePresent ? '' : ' (no web/index.html yet: JS package only)'}`);
  p(
    table(
      ['file', 'raw', 'gzip -9', 'found via'],
      [
        ...d.files.map((f) => [f.file, fmtBytes(f.rawBytes), fmtBytes(f.gzipBytes), f.how]),
        ['total', fmtBytes(d.totalRawBytes), fmtBytes(d.totalGzipBytes), `budget <${fmtBytes(BUDGET.downloadGzipBytes)} gzip ${verdict(d.totalGzipBytes < BUDGET.downloadGzipBytes)}`],
      ],
    ),
  );
  if (d.notReachedUnderWeb.length) p(`  under web/ but not referenced by the page: ${d.notReachedUnderWeb.join(', ')}`);
  if (d.genNotDownloaded?.length) p(`  shipped in the package, not downloaded by the page: ${d.genNotDownloaded.join(', ')}`);
  p('');
  const bt = out.batch;
  p(`Archives: batch mode and Dask (${bt.error ? 'not run' : `${bt.source}, ${fmtBytes(bt.bytes)}, tokens off`})`);
  if (bt.error) p(`  ${bt.error}`);
  else {
    const row = (what, r) => [what, r.error ? r.error : `${r.articlesPerSecond.toFixed(0)}`, r.error ? '' : r.mbPerSecond.toFixed(2), r.error ? '' : `${r.seconds.toFixed(1)} s`];
    p(table(['run', 'articles/s', 'MB/s', 'time'], [
      row('CLI --jsonl --jobs 1', bt.cli1),
      row('CLI --jsonl --jobs 2', bt.cli2),
      row('Dask, 2 local workers (scripts/dask_batch.py)', bt.dask),
    ]));
    p(`  2 jobs / 1 job ${fmtRatio(bt.twoOverOne)}; Dask / CLI with 2 jobs ${fmtRatio(bt.daskOverCli2)}` +
      (bt.dask.withClusterStartSeconds ? ` (${bt.dask.withClusterStartSeconds.toFixed(1)} s with the cluster's start)` : ''));
  }
  p('');
  printPeers(p, out.peers);
  p('');
  p('Browser (scripts/bench-browser.mjs)');
  const b = out.browser;
  if (b.skipped) p(`  skipped: ${b.skipped}`);
  else if (b.error) p(`  ${b.function}() failed: ${b.error.split('\n')[0]}`);
  else {
    const rows = flatten(b.result).map(([k, v]) => [k, typeof v === 'number' ? (Number.isInteger(v) ? String(v) : v.toFixed(2)) : String(v)]);
    p(rows.length ? table(['metric', 'value'], rows) : '  (no numbers returned)');
  }
  p('');
  p('Budgets');
  const bc = out.budgetCheck;
  p(
    table(
      ['budget', 'measured', 'limit', ''],
      [
        ['wasm/native per article (sample, worst mode)', fmtRatio(bc.wasmOverNativeSample.value), `≤ ${BUDGET.wasmOverNative}×`, verdict(bc.wasmOverNativeSample.ok)],
        ['sample in wasm after init (worst mode)', fmtMs(bc.sampleWasmMs.value), `< ${BUDGET.sampleWasmMs} ms`, verdict(bc.sampleWasmMs.ok)],
        ['createAnalyzer() in Node', fmtMs(bc.initMs.value), `< ${BUDGET.initMs} ms`, verdict(bc.initMs.ok)],
        ['browser download, gzip', fmtBytes(bc.downloadGzipBytes.value), `< ${fmtBytes(BUDGET.downloadGzipBytes)}`, verdict(bc.downloadGzipBytes.ok)],
      ],
    ),
  );
  p('');
  p(`written: ${path.relative(process.cwd(), path.join(ROOT, 'bench-results', 'bench.json')) || 'bench-results/bench.json'}`);
}

await main();
