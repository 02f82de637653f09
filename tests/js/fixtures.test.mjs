// The golden fixtures (tests/fixtures/<slug>/) through the wasm module and the JS API: the result must equal
// expected.json, which the native CLI wrote (scripts/regen-fixtures.sh), and every span of it must slice the
// text: text.slice(start, end) === span.text.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';

import { createAnalyzer, FULL_RESULT, withSpanText } from '../../wasm/js/index.js';
import { badSpans, fixtures, jsonDiff, root, spans } from './helpers.mjs';

const cases = fixtures();
let analyzer;
before(async () => {
  analyzer = await createAnalyzer();
});

test('there are fixtures', () => {
  assert.ok(cases.length >= 10, `only ${cases.length} fixture folders`);
  assert.ok(cases.some((c) => c.slug === 'sample-ha-tinh'));
});

describe('fixtures through the JS API equal expected.json', () => {
  for (const c of cases) {
    // The JS API takes a string; bytes that are not UTF-8 cannot be one (TextDecoder would turn them into
    // U+FFFD and the analyzer would see different text than the CLI did), so such inputs are native-only.
    const skip = c.text === null && 'input.txt is not valid UTF-8: checked natively only (fixtures_test.cpp)';
    test(c.slug, { skip }, () => {
      const result = analyzer.analyze(c.text, { ...FULL_RESULT, ...c.options });
      const differences = jsonDiff(c.expected, result);
      assert.ok(
        differences.length === 0,
        `${c.slug}: differs from expected.json (regenerate after an intended change: ` +
          `scripts/regen-fixtures.sh ${c.slug}):\n  ${differences.join('\n  ')}`,
      );
    });
  }
});

describe('every span of every fixture slices the input', () => {
  for (const c of cases) {
    test(c.slug, { skip: c.text === null && 'input.txt is not valid UTF-8' }, () => {
      const result = analyzer.analyze(c.text, { ...FULL_RESULT, ...c.options });
      const { count, bad } = badSpans(c.text, result);
      assert.equal(bad.length, 0, `${bad.length} of ${count} spans do not slice the input:\n  ${bad.slice(0, 10).join('\n  ')}`);
      if (result.status === 'ok') assert.ok(count > 0, 'an analysed fixture has spans');
      // Also true of the stored expectation (so a regenerated expected.json cannot carry a bad span).
      assert.equal(badSpans(c.text, c.expected).bad.length, 0);
    });
  }
});

/**
 * The document `full` (tokens and words as objects, spans with text) in the form the options ask for: what the
 * lean and compact results must be, derived here without the core.
 */
function inForm(full, { tokens, wordSpans, spanText }) {
  const columns = (items, fields) => Object.fromEntries(fields.map(([key, get]) => [key, items.map(get)]));
  const kinds = ['word', 'number', 'punct', 'symbol'];
  const out = structuredClone(full);
  const stripText = (node) => {
    if (Array.isArray(node)) node.forEach(stripText);
    else if (node && typeof node === 'object') {
      if (Number.isInteger(node.start) && Number.isInteger(node.end)) delete node.text;
      Object.values(node).forEach(stripText);
    }
  };
  if (!spanText) stripText(out);
  out.tokens =
    tokens === 'compact'
      ? { kinds, ...columns(full.tokens, [['kind', (t) => kinds.indexOf(t.kind)], ['start', (t) => t.start], ['end', (t) => t.end], ['sentence', (t) => t.sentence]]) }
      : tokens ? out.tokens : [];
  out.words =
    wordSpans === 'compact'
      ? columns(full.words, [['start', (w) => w.start], ['end', (w) => w.end], ['syllables', (w) => w.syllables], ['proper', (w) => (w.proper ? 1 : 0)]])
      : wordSpans ? out.words : [];
  return out;
}

describe('the lean result and the compact lists are the full document, reduced', () => {
  const forms = [
    { name: 'default (lean)', options: {}, form: { tokens: false, wordSpans: false, spanText: false } },
    { name: 'compact, no text', options: { tokens: 'compact', wordSpans: 'compact' }, form: { tokens: 'compact', wordSpans: 'compact', spanText: false } },
    { name: 'compact, with text', options: { tokens: 'compact', wordSpans: 'compact', spanText: true }, form: { tokens: 'compact', wordSpans: 'compact', spanText: true } },
  ];
  for (const c of cases.filter((c) => c.text !== null && !c.options)) {
    test(c.slug, () => {
      for (const { name, options, form } of forms) {
        const result = analyzer.analyze(c.text, options);
        const differences = jsonDiff(inForm(c.expected, form), result);
        assert.ok(differences.length === 0, `${c.slug}, ${name}:\n  ${differences.join('\n  ')}`);
      }
      // withSpanText gives a lean result its spans' text back: the full document less its lists.
      const lean = withSpanText(analyzer.analyze(c.text), c.text);
      assert.deepEqual(lean, inForm(c.expected, { tokens: false, wordSpans: false, spanText: true }));
    });
  }
  test('the lean sample is at most 3 times the size of its text', () => {
    const sample = cases.find((c) => c.slug === 'sample-ha-tinh');
    const bytes = (s) => Buffer.byteLength(s, 'utf8');
    const lean = bytes(JSON.stringify(analyzer.analyze(sample.text)));
    assert.ok(lean <= 3 * bytes(sample.text), `${lean} bytes of JSON for ${bytes(sample.text)} bytes of text`);
    assert.ok(lean * 5 < bytes(JSON.stringify(sample.expected)));
  });
});

test('the fixtures cover every kind of span', () => {
  // The walker must reach every span-carrying place of the schema, or the invariant above is not checked there.
  const seen = new Set();
  for (const c of cases)
    for (const [path] of spans(c.expected)) seen.add(path.replace(/\/\d+/g, '/*'));
  for (const place of [
    '/blocks/*',
    '/blocks/*/speaker',
    '/blocks/*/statement',
    '/blocks/*/credit',
    '/sentences/*',
    '/tokens/*',
    '/words/*',
    '/entities/*',
    '/people/*/mentions/*',
    '/people/*/roles/*',
    '/organizations/*/mentions/*',
    '/places/*/mentions/*',
    '/quotes/*',
    '/quotes/*/cue',
  ])
    assert.ok(seen.has(place), `no fixture has a span at ${place}`);
});

test('every field of the results is declared in index.d.ts', () => {
  // A cheap guard against schema drift: each JSON key the analyzer emits must appear as a property there.
  const dts = readFileSync(join(root, 'wasm', 'js', 'index.d.ts'), 'utf8');
  const keys = new Set();
  const collect = (v) => {
    if (Array.isArray(v)) v.forEach(collect);
    else if (v && typeof v === 'object')
      for (const [k, child] of Object.entries(v)) {
        keys.add(k);
        collect(child);
      }
  };
  for (const c of cases) collect(c.expected);
  const missing = [...keys].filter((k) => !new RegExp(`^\\s*(readonly\\s+)?${k}\\??:`, 'm').test(dts));
  assert.deepEqual(missing, []);
});
