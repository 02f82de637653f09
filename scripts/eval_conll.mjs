// English NER evaluation on CoNLL-2003 eng.testa (../shared/eval/conll2003_en/eng.testa; CRLF, IOB1 tags).
//
//   node scripts/eval_conll.mjs [--json] [--file PATH] [--errors N] [--limit DOCS] [--model FILE] [--native]
//
// Each document's text is rebuilt by joining its tokens with single spaces, one sentence per line; it is
// analysed with language 'en'. Our entities map person→PER, organization→ORG, location→LOC (other types are
// ignored) and are converted to token spans (the tokens the entity overlaps). Scoring is entity-level,
// exact span and type match, per type and micro-averaged over PER/ORG/LOC. Gold MISC is not scored, since
// the analyzer has no such type (shown separately for reference).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { EVAL_DIR, NATIVE_CLI, context, loadAnalyzer, parseArgs, rng, sample } from './lib/common.mjs';

const args = parseArgs(process.argv.slice(2), ['file', 'errors', 'limit', 'seed', 'model']);
// --native: the native CLI (build/native) analyses every document in one --jsonl run instead of the wasm
// module: the same core, and a rebuild of it takes a minute rather than several.
const file = args.file ?? path.join(EVAL_DIR, 'conll2003_en', 'eng.testa');
if (!fs.existsSync(file)) {
  console.error(`CoNLL file not found at ${file}`);
  process.exit(1);
}
const TYPE_MAP = { person: 'PER', organization: 'ORG', location: 'LOC' };
const SCORED = ['PER', 'ORG', 'LOC'];

/** Documents: [{ sentences: [[{token, tag}]] }], split at -DOCSTART- lines. */
function readConll(text) {
  const docs = [];
  let doc = null;
  let sentence = [];
  const endSentence = () => {
    if (sentence.length) {
      if (!doc) docs.push((doc = { sentences: [] }));
      doc.sentences.push(sentence);
    }
    sentence = [];
  };
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line) { endSentence(); continue; }
    const cols = line.split(/\s+/);
    if (cols[0] === '-DOCSTART-') {
      endSentence();
      docs.push((doc = { sentences: [] }));
      continue;
    }
    sentence.push({ token: cols[0], tag: cols[cols.length - 1] });
  }
  endSentence();
  return docs.filter((d) => d.sentences.length);
}

/** Gold entities from IOB1 tags: [{type, from, to}] over document token indices (to exclusive). */
function goldEntities(tokens) {
  const out = [];
  let cur = null;
  tokens.forEach((t, i) => {
    const [prefix, type] = t.tag === 'O' ? ['O', null] : t.tag.split('-');
    const continues = cur && prefix === 'I' && type === cur.type && !t.sentenceStart;
    if (continues) { cur.to = i + 1; return; }
    if (cur) out.push(cur);
    cur = prefix === 'O' ? null : { type, from: i, to: i + 1 };
  });
  if (cur) out.push(cur);
  return out;
}

/** Rebuilds a document's text and the UTF-16 offsets of every token. */
function buildDocument(doc) {
  const tokens = [];
  const lines = [];
  let offset = 0;
  for (const sentence of doc.sentences) {
    const parts = [];
    sentence.forEach((t, j) => {
      if (j) offset += 1;
      tokens.push({ ...t, start: offset, end: offset + t.token.length, sentenceStart: j === 0 });
      offset += t.token.length;
      parts.push(t.token);
    });
    lines.push(parts.join(' '));
    offset += 1; // newline
  }
  return { text: lines.join('\n'), tokens };
}

/** Our entity (UTF-16 span) → the token range it overlaps, and whether its ends sit on token boundaries. */
function toTokenSpan(tokens, start, end) {
  let from = -1;
  let to = -1;
  for (let i = 0; i < tokens.length; ++i) {
    if (tokens[i].end <= start) continue;
    if (tokens[i].start >= end) break;
    if (from < 0) from = i;
    to = i + 1;
  }
  if (from < 0) return null;
  return { from, to, aligned: tokens[from].start === start && tokens[to - 1].end === end };
}

let docs = readConll(fs.readFileSync(file, 'utf8'));
if (args.limit) docs = docs.slice(0, Number(args.limit));
// --model: another entity model file than the shipped one (to measure one before shipping it).
const analyzer = args.native ? nativeAnalyzer(docs) : await loadAnalyzer(args.model ? { entityModel: new Uint8Array(fs.readFileSync(args.model)) } : {});

/** An analyzer whose results for `docs` come from one run of the native CLI, in document order. */
function nativeAnalyzer(all) {
  const input = all.map((d, i) => JSON.stringify({ id: String(i), text: buildDocument(d).text })).join('\n') + '\n';
  const argv = ['--jsonl', '--no-progress', '--lean', '--language', 'en', ...(args.model ? ['--model', args.model] : [])];
  const out = execFileSync(NATIVE_CLI, argv, { input, maxBuffer: 1 << 30 }).toString().trim().split('\n');
  const results = out.map((line) => JSON.parse(line));
  let next = 0;
  return { version: results[0]?.analysis?.analyzer?.version ?? 'native', analyze: () => results[next++].analysis };
}

const counts = Object.fromEntries([...SCORED, 'MISC'].map((t) => [t, { tp: 0, fp: 0, fn: 0, gold: 0, pred: 0 }]));
let misaligned = 0;
const misalignedExamples = [];
let crossSentence = 0;
let predictedTotal = 0;
let ignoredTypes = {};
const errors = []; // {kind: 'fp'|'fn', type, text, doc, ...}
const confusion = {}; // predicted type at a gold span of another type
let goldTokens = 0;
let ms = 0;
docs.forEach((doc, di) => {
  const { text, tokens } = buildDocument(doc);
  goldTokens += tokens.length;
  const gold = goldEntities(tokens);
  const t0 = performance.now();
  const result = analyzer.analyze(text, { language: 'en', tokens: false });
  ms += performance.now() - t0;
  const pred = [];
  const seen = new Set();
  for (const e of result.entities ?? []) {
    const type = TYPE_MAP[e.type];
    if (!type) { ignoredTypes[e.type] = (ignoredTypes[e.type] ?? 0) + 1; continue; }
    predictedTotal++;
    const span = toTokenSpan(tokens, e.start, e.end);
    if (!span) continue;
    if (!span.aligned) {
      misaligned++;
      if (misalignedExamples.length < 8) misalignedExamples.push({ type: e.type, text: text.slice(e.start, e.end), context: context(text, e.start, e.end, 25) });
    }
    if (tokens.slice(span.from + 1, span.to).some((t) => t.sentenceStart)) crossSentence++;
    const key = `${type}:${span.from}:${span.to}`;
    if (seen.has(key)) continue;
    seen.add(key);
    pred.push({ type, from: span.from, to: span.to, text: text.slice(e.start, e.end) });
  }
  const goldKeys = new Map(gold.map((g) => [`${g.type}:${g.from}:${g.to}`, g]));
  const goldBySpan = new Map(gold.map((g) => [`${g.from}:${g.to}`, g]));
  const predKeys = new Set(pred.map((p) => `${p.type}:${p.from}:${p.to}`));
  const where = (from, to) => context(text, tokens[from].start, tokens[to - 1].end, 40);
  for (const g of gold) {
    counts[g.type].gold++;
    if (g.type === 'MISC') continue;
    if (predKeys.has(`${g.type}:${g.from}:${g.to}`)) counts[g.type].tp++;
    else {
      counts[g.type].fn++;
      errors.push({ kind: 'missed', type: g.type, doc: di, text: tokens.slice(g.from, g.to).map((t) => t.token).join(' '), context: where(g.from, g.to) });
    }
  }
  for (const p of pred) {
    counts[p.type].pred++;
    if (goldKeys.has(`${p.type}:${p.from}:${p.to}`)) continue;
    counts[p.type].fp++;
    const other = goldBySpan.get(`${p.from}:${p.to}`);
    const note = other ? `gold ${other.type} at the same span` : 'no gold entity with this span';
    if (other) confusion[`${p.type}→gold ${other.type}`] = (confusion[`${p.type}→gold ${other.type}`] ?? 0) + 1;
    errors.push({ kind: 'spurious', type: p.type, doc: di, text: p.text, note, context: where(p.from, p.to) });
  }
});

const prf = ({ tp, fp, fn }) => {
  const p = tp + fp ? tp / (tp + fp) : 0;
  const r = tp + fn ? tp / (tp + fn) : 0;
  return { precision: p, recall: r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
};
const perType = Object.fromEntries(SCORED.map((t) => [t, { ...counts[t], ...prf(counts[t]) }]));
const micro = SCORED.reduce((a, t) => ({ tp: a.tp + counts[t].tp, fp: a.fp + counts[t].fp, fn: a.fn + counts[t].fn }), { tp: 0, fp: 0, fn: 0 });
const overall = { ...micro, gold: SCORED.reduce((s, t) => s + counts[t].gold, 0), pred: SCORED.reduce((s, t) => s + counts[t].pred, 0), ...prf(micro) };
// For reference: the same with gold MISC counted as missed (the analyzer has no MISC type).
const withMisc = prf({ tp: micro.tp, fp: micro.fp, fn: micro.fn + counts.MISC.gold });

const report = {
  analyzerVersion: analyzer.version,
  file,
  documents: docs.length,
  sentences: docs.reduce((s, d) => s + d.sentences.length, 0),
  tokens: goldTokens,
  goldEntities: Object.fromEntries(Object.entries(counts).map(([t, c]) => [t, c.gold])),
  predictedEntities: predictedTotal,
  ignoredPredictedTypes: ignoredTypes,
  misalignedPredictions: misaligned,
  misalignedExamples,
  crossSentencePredictions: crossSentence,
  perType,
  overall,
  overallWithMiscAsMissed: withMisc,
  confusion,
  analysisMs: ms,
};

const pct = (x) => `${(100 * x).toFixed(2)}`;
if (args.json) {
  console.log(JSON.stringify({ ...report, errorSample: sample(errors, Number(args.errors ?? 30), rng(Number(args.seed ?? 7))) }, null, 2));
} else {
  const p = console.log;
  p(`article-analyzer ${analyzer.version}: CoNLL-2003 eng.testa, ${report.documents} documents, ${report.sentences} sentences, ${report.tokens} tokens (analysed in ${(ms / 1000).toFixed(1)} s)`);
  p(`gold entities: ${JSON.stringify(report.goldEntities)}; predicted PER/ORG/LOC: ${predictedTotal}` +
    (Object.keys(ignoredTypes).length ? `; other types ignored: ${JSON.stringify(ignoredTypes)}` : ''));
  if (predictedTotal) p(`predictions not on token boundaries (snapped to the tokens they overlap): ${misaligned}; crossing a sentence line: ${crossSentence}`);
  for (const m of misalignedExamples) p(`    e.g. ${m.type} «${m.text}»  ${m.context}`);
  p('');
  p('type      gold   pred     tp     fp     fn  precision  recall     F1');
  const row = (name, c) =>
    p(`${name.padEnd(7)} ${String(c.gold).padStart(6)} ${String(c.pred).padStart(6)} ${String(c.tp).padStart(6)} ${String(c.fp).padStart(6)} ${String(c.fn).padStart(6)}  ${pct(c.precision).padStart(9)}  ${pct(c.recall).padStart(6)}  ${pct(c.f1).padStart(5)}`);
  for (const t of SCORED) row(t, perType[t]);
  row('overall', overall);
  p(`(with gold MISC counted as missed: P ${pct(withMisc.precision)} R ${pct(withMisc.recall)} F1 ${pct(withMisc.f1)})`);
  if (Object.keys(confusion).length) p(`type confusions at an exact gold span: ${JSON.stringify(confusion)}`);
  const n = Number(args.errors ?? 20);
  if (n > 0 && errors.length) {
    p('');
    p(`== ${Math.min(n, errors.length)} random errors (seeded)`);
    for (const e of sample(errors, n, rng(Number(args.seed ?? 7))))
      p(`  ${e.kind.padEnd(8)} ${e.type}  «${e.text}»${e.note ? ` (${e.note})` : ''}\n      doc ${e.doc}: ${e.context}`);
  }
}
