// Compares this checkout with another one (an earlier version, a branch) in one run, so that the ratio is
// measured, not remembered: `node scripts/bench-against.mjs OTHER_CHECKOUT [FILE]`. Both checkouts must be
// built (scripts/build.sh). Each JS API is loaded in this process and the two analyse FILE (default: the
// sample article) in alternation after a warm-up; medians are reported, and nothing fails.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { JS_API, SAMPLE_ARTICLE, median } from './lib/common.mjs';

const other = process.argv[2];
if (!other) {
  console.error('usage: node scripts/bench-against.mjs OTHER_CHECKOUT [FILE]');
  process.exit(1);
}
const text = fs.readFileSync(process.argv[3] ?? SAMPLE_ARTICLE, 'utf8');
const load = async (api) => (await import(pathToFileURL(api).href)).createAnalyzer();
const ours = await load(JS_API);
const theirs = await load(path.resolve(other, 'wasm/js/index.js'));
// The same document from both: without tokens, with words and span text (a checkout before schema 4 knows
// no wordSpans or spanText, warns about them and writes both; from schema 4 on, the JS API leaves them out
// unless asked). OUTPUT=page compares what the page asks of each instead: this checkout's lean result (no
// options) against the other's { tokens: false }, the page's request before the lean result.
const page = process.env.OUTPUT === 'page';
const sameDocument = { tokens: false, wordSpans: true, spanText: true };
const time = (analyzer, options) => {
  const t0 = performance.now();
  analyzer.analyze(text, options);
  return performance.now() - t0;
};
const timeOurs = () => time(ours, page ? {} : sameDocument);
const timeTheirs = () => time(theirs, page ? { tokens: false } : sameDocument);
for (let i = 0; i < 50; i++) timeOurs(), timeTheirs();
const a = [], b = [];
for (let i = 0; i < 300; i++) {
  a.push(timeOurs());
  b.push(timeTheirs());
}
const [mine, base] = [median(a), median(b)];
console.log(JSON.stringify({ file: path.basename(process.argv[3] ?? SAMPLE_ARTICLE), oursMs: +mine.toFixed(3),
  otherMs: +base.toFixed(3), ratio: +(mine / base).toFixed(2), ours: ours.version, other: theirs.version }));
