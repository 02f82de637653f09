// The largest inputs through the wasm module (issue: hostile input in bounded memory): shapes of text whose
// result would not fit are an input_too_large error, never an exception out of analyze(); 8 MiB of news
// is analysed with the wasm heap under 40 times the input. Memory is a count of bytes, not a timing, so it
// is asserted; this file runs in its own process (node --test), so the heap measured is this file's only.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { samplePath } from './helpers.mjs';
// Wraps WebAssembly.instantiate to keep the instance, so it must load before the module does.
import { wasmMemoryBytes } from '../../scripts/lib/wasm-memory.mjs';

const { createAnalyzer, FULL_RESULT } = await import('../../wasm/js/index.js');
const analyzer = await createAnalyzer();
const limit = 8 * 1024 * 1024;
const utf8Length = (s) => Buffer.byteLength(s, 'utf8');

test('8 MiB of news: analysed, with the wasm heap under 40 times the input', () => {
  const sample = readFileSync(samplePath, 'utf8');
  let text = '';
  while (utf8Length(text) + utf8Length(sample) + 1 <= limit) text += sample + '\n';
  const bytes = utf8Length(text);
  assert.ok(bytes > limit - utf8Length(sample) - 1);
  const result = analyzer.analyze(text, FULL_RESULT); // the largest result: tokens, words and span text
  assert.equal(result.status, 'ok');
  assert.deepEqual(result.errors, []);
  assert.ok(result.tokens.length > 1_000_000, `${result.tokens.length} tokens`);
  const last = result.tokens[result.tokens.length - 1];
  assert.equal(text.slice(last.start, last.end), last.text);
  const heap = wasmMemoryBytes();
  assert.ok(heap <= 40 * bytes, `wasm heap ${heap} bytes for ${bytes} bytes of input (${(heap / bytes).toFixed(1)}×)`);
  console.log(`# wasm heap after 8 MiB of news: ${(heap / 1e6).toFixed(0)} MB, ${(heap / bytes).toFixed(1)}× the input`);
});

for (const [name, unit, times] of [
  ["'a\\n' × 4,194,304 (four million paragraphs)", 'a\n', 4_194_304],
  ["'A! ' × 2,796,202 (2.8 million sentences)", 'A! ', 2_796_202],
]) {
  test(`${name}: an input_too_large error, not an exception`, () => {
    const text = unit.repeat(times);
    assert.ok(utf8Length(text) <= limit);
    let result;
    assert.doesNotThrow(() => {
      result = analyzer.analyze(text);
    });
    assert.equal(result.status, 'unusable_input');
    assert.equal(result.errors.length, 1);
    assert.equal(result.errors[0].code, 'input_too_large');
    assert.deepEqual(result.sentences, []);
  });
}

test('the analyzer still works after the refusals', () => {
  const result = analyzer.analyze(readFileSync(samplePath, 'utf8'));
  assert.equal(result.status, 'ok');
  assert.equal(result.people.length, 8);
});
