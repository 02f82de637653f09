#!/usr/bin/env node
// article-analyzer against the JavaScript NLP libraries a newsroom would otherwise reach for (wink-nlp with its
// English lite model, compromise), on the same inputs, in the same process, in alternation: every ratio comes
// from one run, so the machine's noise (shared, two cores) falls on all of them alike.
//
//   node scripts/bench-peers.mjs [--quick]         prints JSON
//   import { benchPeers } from './bench-peers.mjs'; await benchPeers({ quick })
//
// The peers are dependencies of the benchmark only (scripts/peers/package.json, installed there by
// `npm run bench`), never of the package. What each does per article is its own full pass as its
// documentation shows it: wink-nlp reads the document and outputs its entities, sentences and tokens;
// compromise parses it and lists its people, places, organizations and sentences. Ours is analyze() as the
// page calls it (the lean result: JSON parsed, spans without text), and with the whole document
// (FULL_RESULT: tokens, words, span text) beside it.
//
// Inputs: the sample article (Vietnamese, 7.4 kB), an English news article (GUM's "news_afghan", CC BY 4.0,
// read from ../shared/data/en_gum when present: its sentences joined back into text), and the sample repeated
// 100 times (740 kB) for throughput. The peers know no Vietnamese: on the sample they do less than we do.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { JS_API, ROOT, SAMPLE_ARTICLE, median, parseArgs } from './lib/common.mjs';

export const PEERS_DIR = path.join(ROOT, 'scripts', 'peers');
const GUM_NEWS = path.resolve(ROOT, '..', 'shared', 'data', 'en_gum', 'GUM_news_afghan.tsv');

/** Installs the peers into scripts/peers/node_modules (from its lock file) unless they are there. */
export function installPeers() {
  if (fs.existsSync(path.join(PEERS_DIR, 'node_modules', 'wink-nlp')) && fs.existsSync(path.join(PEERS_DIR, 'node_modules', 'compromise')))
    return null;
  const r = spawnSync('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: PEERS_DIR, encoding: 'utf8' });
  return r.status === 0 ? null : `npm ci in scripts/peers failed: ${(r.stderr || '').trim().split('\n').slice(-2).join(' ')}`;
}

/**
 * A GUM document's text: its sentences (`#Text=` lines, tokens separated by spaces) with the spaces tokenization
 * added taken out again, the first sentence (the headline) as the title and the rest in paragraphs of three.
 */
export function gumText(tsv) {
  const sentences = tsv
    .split('\n')
    .filter((l) => l.startsWith('#Text='))
    .map((l) =>
      l
        .slice(6)
        .replace(/ ([,.;:!?%)\]}]|'s\b|'re\b|'ve\b|'ll\b|'d\b|'m\b|n't\b)/g, '$1')
        .replace(/([(\[{$]) /g, '$1')
        .replace(/(\w) - (\w)/g, '$1-$2')
        .replace(/" (.*?) "/g, '"$1"')
        .replace(/' (.*?) '/g, "'$1'"),
    );
  const paragraphs = [sentences[0]];
  for (let i = 1; i < sentences.length; i += 3) paragraphs.push(sentences.slice(i, i + 3).join(' '));
  return paragraphs.join('\n\n');
}

function loadPeers() {
  const require = createRequire(path.join(PEERS_DIR, 'package.json'));
  const winkNLP = require('wink-nlp');
  const model = require('wink-eng-lite-web-model');
  const wink = winkNLP(model);
  const its = wink.its;
  const compromise = require('compromise');
  return {
    'wink-nlp': (text) => {
      const doc = wink.readDoc(text);
      return [doc.entities().out(its.detail), doc.sentences().out(), doc.tokens().out()];
    },
    compromise: (text) => {
      const doc = compromise(text);
      return [doc.people().out('array'), doc.places().out('array'), doc.organizations().out('array'), doc.sentences().out('array')];
    },
  };
}

/** Median ms per call of each function, called in turn (a, b, c, a, b, c, …) after a warm-up of each. */
function timeInTurn(fns, text, { warmup, runs }) {
  const names = Object.keys(fns);
  for (let i = 0; i < warmup; ++i) for (const n of names) fns[n](text);
  const ms = Object.fromEntries(names.map((n) => [n, []]));
  for (let i = 0; i < runs; ++i)
    for (const n of names) {
      const t0 = performance.now();
      fns[n](text);
      ms[n].push(performance.now() - t0);
    }
  return Object.fromEntries(names.map((n) => [n, median(ms[n])]));
}

/** Fresh Node processes: import and initialisation, median of `n`, for ours and each peer. */
function coldStarts(n) {
  const scripts = {
    ours: `const t0 = performance.now();
      const { createAnalyzer } = await import(${JSON.stringify(pathToFileURL(JS_API).href)});
      await createAnalyzer();
      console.log(performance.now() - t0);`,
    'wink-nlp': `const t0 = performance.now();
      const { createRequire } = await import('node:module');
      const require = createRequire(${JSON.stringify(path.join(PEERS_DIR, 'package.json'))});
      require('wink-nlp')(require('wink-eng-lite-web-model'));
      console.log(performance.now() - t0);`,
    compromise: `const t0 = performance.now();
      const { createRequire } = await import('node:module');
      const require = createRequire(${JSON.stringify(path.join(PEERS_DIR, 'package.json'))});
      require('compromise')('Warm.');
      console.log(performance.now() - t0);`,
  };
  const out = {};
  for (const [name, script] of Object.entries(scripts)) {
    const ms = [];
    for (let i = 0; i < n; ++i) {
      const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
      if (r.status !== 0) return { error: `${name}: ${(r.stderr || '').trim().split('\n').slice(-2).join(' ')}` };
      ms.push(Number(r.stdout.trim().split('\n').pop()));
    }
    out[name] = median(ms);
  }
  return out;
}

export async function benchPeers({ quick = false } = {}) {
  const installError = installPeers();
  if (installError) return { error: installError };
  const peers = loadPeers();
  const { createAnalyzer, FULL_RESULT } = await import(pathToFileURL(JS_API).href);
  const analyzer = await createAnalyzer();
  const fns = {
    ours: (text) => analyzer.analyze(text),
    'ours (full)': (text) => analyzer.analyze(text, FULL_RESULT),
    ...peers,
  };
  const sample = fs.readFileSync(SAMPLE_ARTICLE, 'utf8');
  const inputs = [{ id: 'sample', label: 'sample article (vi)', text: sample, runs: quick ? { warmup: 10, runs: 30 } : { warmup: 30, runs: 150 } }];
  if (fs.existsSync(GUM_NEWS))
    inputs.push({ id: 'english', label: 'English news (GUM news_afghan)', text: gumText(fs.readFileSync(GUM_NEWS, 'utf8')), runs: quick ? { warmup: 10, runs: 30 } : { warmup: 30, runs: 150 } });
  const repeated = Array(100).fill(sample.trim()).join('\n\n');
  inputs.push({ id: 'sample100', label: 'sample ×100', text: repeated, throughput: true, runs: quick ? { warmup: 1, runs: 3 } : { warmup: 2, runs: 7 } });

  const out = { inputs: {}, medianMs: {}, mbPerS: {}, coldStartMs: null };
  for (const input of inputs) {
    const bytes = Buffer.byteLength(input.text);
    out.inputs[input.id] = { label: input.label, bytes };
    const ms = timeInTurn(fns, input.text, input.runs);
    out.medianMs[input.id] = ms;
    out.mbPerS[input.id] = Object.fromEntries(Object.entries(ms).map(([n, v]) => [n, bytes / 1e6 / (v / 1000)]));
  }
  out.coldStartMs = coldStarts(quick ? 3 : 5);
  return out;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = parseArgs(process.argv.slice(2));
  console.log(JSON.stringify(await benchPeers({ quick: Boolean(args.quick) }), null, 2));
}
