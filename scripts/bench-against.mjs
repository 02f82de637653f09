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
const options = { tokens: false };
const time = (analyzer) => {
  const t0 = performance.now();
  analyzer.analyze(text, options);
  return performance.now() - t0;
};
for (let i = 0; i < 50; i++) time(ours), time(theirs);
const a = [], b = [];
for (let i = 0; i < 300; i++) {
  a.push(time(ours));
  b.push(time(theirs));
}
const [mine, base] = [median(a), median(b)];
console.log(JSON.stringify({ file: path.basename(process.argv[3] ?? SAMPLE_ARTICLE), oursMs: +mine.toFixed(3),
  otherMs: +base.toFixed(3), ratio: +(mine / base).toFixed(2), ours: ours.version, other: theirs.version }));
