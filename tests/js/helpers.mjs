// Shared by the tests in this folder: the fixture folders, a JSON diff that names where, and the span walker.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const fixturesDir = join(root, 'tests', 'fixtures');
export const samplePath = join(fixturesDir, 'sample-ha-tinh', 'input.txt');

/**
 * Every fixture folder, sorted: {slug, dir, bytes, text (null when the input is not valid UTF-8), options,
 * expected}. A JS string cannot hold bytes that are not UTF-8, so such inputs have no `text`.
 */
export function fixtures() {
  return readdirSync(fixturesDir)
    .filter((slug) => statSync(join(fixturesDir, slug)).isDirectory())
    .sort()
    .map((slug) => {
      const dir = join(fixturesDir, slug);
      const bytes = readFileSync(join(dir, 'input.txt'));
      let text = null;
      try {
        text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
      } catch {
        text = null;
      }
      const optionsPath = join(dir, 'options.json');
      const options = existsSync(optionsPath) ? JSON.parse(readFileSync(optionsPath, 'utf8')) : undefined;
      const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8'));
      return { slug, dir, bytes, text, options, expected };
    });
}

const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
const show = (v) => {
  const s = JSON.stringify(v);
  return s === undefined ? String(v) : s.length > 160 ? `${s.slice(0, 157)}...` : s;
};

/** Differences between two JSON values as "pointer: expected … but got …" lines (the first `limit`). */
export function jsonDiff(expected, actual, limit = 12, path = '', out = []) {
  if (out.length >= limit) return out;
  if (isObject(expected) && isObject(actual)) {
    const keys = [...new Set([...Object.keys(expected), ...Object.keys(actual)])].sort();
    for (const key of keys) {
      const child = `${path}/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`;
      if (!(key in expected)) out.push(`${child}: unexpected field, got ${show(actual[key])}`);
      else if (!(key in actual)) out.push(`${child}: missing field, expected ${show(expected[key])}`);
      else jsonDiff(expected[key], actual[key], limit, child, out);
      if (out.length >= limit) break;
    }
  } else if (Array.isArray(expected) && Array.isArray(actual)) {
    const n = Math.min(expected.length, actual.length);
    for (let i = 0; i < n && out.length < limit; ++i) jsonDiff(expected[i], actual[i], limit, `${path}/${i}`, out);
    if (expected.length !== actual.length && out.length < limit)
      out.push(`${path || '/'}: expected ${expected.length} items, got ${actual.length}`);
  } else if (!Object.is(expected, actual)) {
    out.push(`${path || '/'}: expected ${show(expected)} but got ${show(actual)}`);
  }
  return out;
}

/**
 * Every span in a JSON value: each object with integer `start` and `end` (and a string `text` unless the result
 * is lean), wherever it sits (blocks and their speaker/statement/credit, sentences, tokens, words, entities,
 * people's mentions and roles, organizations' and places' mentions, quotes and cues, warnings and errors with a
 * place, and whatever later stages add). Yields [path, span]. Compact token and word columns are not spans.
 */
export function* spans(value, path = '') {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; ++i) yield* spans(value[i], `${path}/${i}`);
  } else if (isObject(value)) {
    if (Number.isInteger(value.start) && Number.isInteger(value.end)) yield [path, value];
    for (const [key, child] of Object.entries(value)) yield* spans(child, `${path}/${key}`);
  }
}

/**
 * The spans of `result` that do not slice `text` (as "path [start, end): …" lines): offsets outside the text or
 * reversed, or a `text` other than text.slice(start, end).
 */
export function badSpans(text, result) {
  const bad = [];
  let count = 0;
  for (const [path, span] of spans(result)) {
    ++count;
    const ok = span.start >= 0 && span.start <= span.end && span.end <= text.length;
    const slice = ok ? text.slice(span.start, span.end) : undefined;
    if (!ok || ('text' in span && slice !== span.text))
      bad.push(`${path} [${span.start}, ${span.end}): text ${show(span.text)}, input ${show(slice)}`);
  }
  return { count, bad };
}
