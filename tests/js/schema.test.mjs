// The core is the only authority on its limits and kinds: the module says them (schema()), the build writes
// them to wasm/js/gen/schema.js, and neither the JavaScript nor the C++ outside json.cpp spells a copy.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

import * as gen from '../../wasm/js/gen/schema.js';
import { createAnalyzer, ENTITY_TYPES, LIMITS } from '../../wasm/js/index.js';
import { MAX_FILE_BYTES } from '../../web/js/text-input.js';
import { RETYPE_TYPES } from '../../web/js/corrections.js';
import { fixtures, root } from './helpers.mjs';

const LISTS = { blockTypes: 'BLOCK_TYPES', tokenKinds: 'TOKEN_KINDS', entityTypes: 'ENTITY_TYPES', nameTypes: 'NAME_TYPES', dateTypes: 'DATE_TYPES', figureTypes: 'FIGURE_TYPES', quoteKinds: 'QUOTE_KINDS' };

test('gen/schema.js is what the module says, and what the JS API and the page take from it', async () => {
  const analyzer = await createAnalyzer();
  const { schema } = analyzer;
  assert.equal(schema.schema, gen.SCHEMA_VERSION);
  assert.equal(analyzer.analyze('Trời mưa.').schema, schema.schema);
  assert.deepEqual(schema.limits, { ...gen.LIMITS });
  for (const [key, name] of Object.entries(LISTS)) assert.deepEqual(schema[key], [...gen[name]], key);
  assert.equal(ENTITY_TYPES, gen.ENTITY_TYPES);
  assert.equal(LIMITS.maxInputBytes, 8 * 1024 * 1024);
  assert.equal(MAX_FILE_BYTES, 2 * LIMITS.maxInputBytes + 2);
  assert.deepEqual(RETYPE_TYPES, [...gen.DATE_TYPES, ...gen.FIGURE_TYPES]);
  assert.deepEqual([...gen.NAME_TYPES, ...gen.DATE_TYPES, ...gen.FIGURE_TYPES].sort(), [...gen.ENTITY_TYPES].sort(), 'names, dates and figures are all the types');
  // Over the limit, the core refuses with the error the limit names.
  const over = analyzer.analyze('a'.repeat(LIMITS.maxInputBytes + 1));
  assert.deepEqual(over.errors.map((e) => e.code), ['input_too_large']);
});

test('every kind in the golden documents is one the schema lists', () => {
  const seen = { blockTypes: new Set(), tokenKinds: new Set(), entityTypes: new Set(), quoteKinds: new Set() };
  for (const { expected } of fixtures()) {
    for (const b of expected.blocks ?? []) seen.blockTypes.add(b.type);
    for (const t of Array.isArray(expected.tokens) ? expected.tokens : []) seen.tokenKinds.add(t.kind);
    for (const e of expected.entities ?? []) seen.entityTypes.add(e.type);
    for (const q of expected.quotes ?? []) seen.quoteKinds.add(q.kind);
  }
  for (const [key, values] of Object.entries(seen)) {
    assert.ok(values.size > 0, `the fixtures show some ${key}`);
    for (const v of values) assert.ok(gen[LISTS[key]].includes(v), `${key}: ${v}`);
  }
});

const files = (dir, ext) =>
  readdirSync(join(root, dir), { recursive: true })
    .filter((f) => f.endsWith(ext) && !f.startsWith('gen'))
    .map((f) => join(dir, f));
const withoutComments = (source) => source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"\\])\/\/.*$/gm, '$1');

test('no JavaScript keeps its own list of the core\'s kinds', () => {
  const lists = Object.values(LISTS).map((name) => gen[name]);
  const copies = [];
  for (const file of [...files('web/js', '.js'), ...files('wasm/js', '.js')]) {
    const source = withoutComments(readFileSync(join(root, file), 'utf8'));
    // An array literal of strings, two or more of them names of one list: a copy of that list.
    for (const [literal] of source.matchAll(/\[\s*(?:'[^']*'|"[^"]*")(?:\s*,\s*(?:'[^']*'|"[^"]*"))+\s*,?\s*\]/g)) {
      const strings = [...literal.matchAll(/'([^']*)'|"([^"]*)"/g)].map((m) => m[1] ?? m[2]);
      if (lists.some((list) => strings.filter((s) => list.includes(s)).length >= 2)) copies.push(`${file}: ${literal}`);
    }
    if (/\b8\s*\*\s*1024\s*\*\s*1024\b|\b8388608\b/.test(source)) copies.push(`${file}: the input limit`);
  }
  assert.deepEqual(copies, []);
});

test('no C++ outside json.cpp spells a kind as a string', () => {
  const names = new Set(Object.values(LISTS).flatMap((name) => gen[name]));
  const spelled = [];
  const sources = [...files('core/src', '.cpp'), ...files('core/src', '.h'), ...files('core/cli', '.cpp'), ...files('core/train', '.cpp'), 'wasm/bindings.cpp', 'core/include/article/analyzer.h'];
  for (const file of sources.filter((f) => !f.endsWith('json.cpp'))) {
    const source = withoutComments(readFileSync(join(root, file), 'utf8'));
    // Compared, assigned or passed: == "person", = "byline", add(…, "location"), f("direct").
    for (const m of source.matchAll(/(?:==|!=|=|\(|,)\s*"([a-z_]+)"/g)) if (names.has(m[1])) spelled.push(`${file}: ${m[0]}`);
  }
  assert.deepEqual(spelled, []);
});
