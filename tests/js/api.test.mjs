// The JS API itself (wasm/js/index.js): loading, options, errors as values, lone surrogates.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';

import createAnalyzerDefault, { createAnalyzer, FULL_RESULT, withSpanText } from '../../wasm/js/index.js';
import { badSpans, root, samplePath, spans } from './helpers.mjs';

const sample = readFileSync(samplePath, 'utf8');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
let analyzer;
before(async () => {
  analyzer = await createAnalyzer();
});

test('createAnalyzer is the default export too', () => {
  assert.equal(createAnalyzerDefault, createAnalyzer);
});

test('version is the package version', () => {
  assert.equal(analyzer.version, pkg.version);
  assert.equal(analyzer.analyze('Trời mưa.').analyzer.version, pkg.version);
});

test('the sample: title, byline, date', () => {
  const r = analyzer.analyze(sample);
  assert.equal(r.status, 'ok');
  assert.equal(r.language, 'vi');
  assert.equal(r.article.title, 'Tăng cường đối thoại với công dân, triển khai hiệu quả công tác dân vận tại các cơ quan Nhà nước');
  assert.equal(r.article.author, 'Thu Hà');
  assert.equal(r.article.date, '2020-12');
  assert.equal(r.blocks.at(-1).type, 'byline');
});

describe('options', () => {
  test('the result is lean unless asked: no tokens, no words, spans without text', () => {
    const r = analyzer.analyze(sample);
    assert.deepEqual(r.tokens, []);
    assert.deepEqual(r.words, []);
    assert.ok(r.stats.words > 500 && r.stats.syllables > 1000, 'counted all the same');
    const spanList = [...spans(r)];
    assert.ok(spanList.length > 200);
    assert.ok(spanList.every(([, s]) => !('text' in s)), 'no span carries text');
    const full = analyzer.analyze(sample, FULL_RESULT);
    assert.equal(full.words.length, r.stats.words);
    assert.ok(full.tokens.length > r.stats.syllables);
    assert.deepEqual(withSpanText(r, sample), { ...full, tokens: [], words: [] });
  });
  test('tokens: false leaves tokens out and keeps the rest', () => {
    const all = analyzer.analyze(sample, FULL_RESULT);
    const r = analyzer.analyze(sample, { ...FULL_RESULT, tokens: false });
    assert.deepEqual(r.tokens, []);
    assert.deepEqual({ ...r, tokens: all.tokens }, all);
  });
  test('language forces the language', () => {
    assert.equal(analyzer.analyze('The council met on Monday.', { language: 'vi' }).language, 'vi');
    assert.equal(analyzer.analyze('The council met on Monday.').language, 'en');
  });
  test('missing, null and unknown options are the defaults (the last two said in warnings)', () => {
    const base = analyzer.analyze(sample);
    assert.deepEqual(analyzer.analyze(sample, null), base);
    assert.deepEqual(analyzer.analyze(sample, undefined), base);
    const r = analyzer.analyze(sample, { unknown: 1, language: 42 });
    assert.deepEqual({ ...r, warnings: base.warnings }, base);
    assert.deepEqual(r.warnings.map((w) => w.code), ['invalid_option', 'invalid_option', ...base.warnings.map((w) => w.code)]);
  });
});

describe('errors are values, never exceptions', () => {
  for (const [name, input, code] of [
    ['empty string', '', 'empty_input'],
    ['white space', ' \n\t\r\n\u00A0', 'empty_input'],
    ['null', null, 'empty_input'],
    ['undefined', undefined, 'empty_input'],
    ['binary', 'A\0B\0C\0D\0E\0F\0', 'binary_input'],
  ]) {
    test(name, () => {
      const r = analyzer.analyze(input);
      assert.equal(r.status, 'unusable_input');
      assert.deepEqual(r.errors.map((e) => e.code), [code]);
      assert.deepEqual(r.blocks, []);
    });
  }
  test('input over 8 MiB of UTF-8 is rejected, not truncated', () => {
    const r = analyzer.analyze('Hà Nội có mưa. '.repeat(Math.ceil((8 * 1024 * 1024) / 'Hà Nội có mưa. '.length)));
    assert.equal(r.status, 'unusable_input');
    assert.deepEqual(r.errors.map((e) => e.code), ['input_too_large']);
    assert.deepEqual(r.sentences, []);
  });
  test('a number is read as its string', () => {
    assert.equal(analyzer.analyze(2020).status, 'ok');
  });
  test('the analyzer keeps working after bad input', () => {
    analyzer.analyze('');
    analyzer.analyze('\uD800');
    assert.equal(analyzer.analyze(sample).article.author, 'Thu Hà');
  });
});

describe('lone surrogates', () => {
  for (const [name, text] of [
    ['lone high surrogate mid-text', 'Xin chào \uD800 các bạn. Hôm nay trời đẹp.'],
    ['lone low surrogate', 'Trời \uDC00 mưa. Đường ngập 😀 nặng.'],
    ['high surrogate at the end', 'Trời mưa to. Đường ngập.\uD83D'],
    ['reversed pair', 'Trời \uDE00\uD83D mưa. Đường ngập.'],
  ]) {
    test(name, () => {
      assert.equal(text.isWellFormed(), false);
      const r = analyzer.analyze(text, FULL_RESULT);
      assert.equal(r.status, 'ok');
      assert.ok(r.warnings.some((w) => w.code === 'lone_surrogates'), JSON.stringify(r.warnings));
      // Offsets stay in place (each lone surrogate was analysed as one U+FFFD, one code unit), and the JS API
      // restores every span's text from the string as given: the slice invariant holds on the original.
      const { count, bad } = badSpans(text, r);
      assert.ok(count > 0);
      assert.deepEqual(bad, []);
      const warning = r.warnings.find((w) => w.code === 'lone_surrogates');
      assert.equal(warning.end - warning.start, 1);
      const unit = text.charCodeAt(warning.start);
      assert.ok(unit >= 0xd800 && unit <= 0xdfff, 'the warning points at a surrogate');
      assert.equal(r.sentences.at(-1).end <= text.length, true);
      // The lean result has the same warning, without text like every other span.
      const lean = analyzer.analyze(text).warnings.find((w) => w.code === 'lone_surrogates');
      const { text: cut, ...withoutText } = warning;
      assert.equal(cut, text.slice(warning.start, warning.end));
      assert.deepEqual(lean, withoutText);
    });
  }
  test('well-formed text has no such warning', () => {
    assert.ok(!analyzer.analyze('Đội tuyển thắng 😀.').warnings.some((w) => w.code === 'lone_surrogates'));
  });
});

test('createAnalyzer without a word list: words are syllables and name runs', async () => {
  const bare = await createAnalyzer({ wordList: null });
  const r = bare.analyze(sample, FULL_RESULT);
  assert.equal(r.status, 'ok');
  assert.ok(r.words.every((w) => w.syllables === 1 || w.proper), 'only names join syllables');
  const full = analyzer.analyze(sample, FULL_RESULT);
  assert.ok(full.words.some((w) => w.syllables > 1 && !w.proper), 'the word list joins syllables');
});

test('options.words: a newsroom\'s words are one word each, and typed ones are entities', () => {
  const text = 'Nhóm bạn uống trà sữa trân châu rồi nhận giải Sao Khuê.';
  const r = analyzer.analyze(text, { wordSpans: true, spanText: true, words: ['Trà Sữa Trân Châu', { text: 'Sao Khuê', type: 'organization' }] });
  assert.ok(r.words.some((w) => w.text === 'trà sữa trân châu' && text.slice(w.start, w.end) === w.text));
  assert.ok(r.entities.some((e) => e.type === 'organization' && e.text === 'Sao Khuê'));
  const bad = analyzer.analyze(text, { words: [{ text: 'Sao Khuê', type: 'brand' }, 7] });
  assert.equal(bad.warnings.filter((w) => w.code === 'invalid_option').length, 2);
});

test('createAnalyzer with wasmBinary and wordList given', async () => {
  const gen = join(root, 'wasm', 'js', 'gen');
  const custom = await createAnalyzer({
    wasmBinary: new Uint8Array(readFileSync(join(gen, 'article_analyzer.wasm'))),
    wordList: readFileSync(join(gen, 'vi_words.txt'), 'utf8'),
  });
  assert.deepEqual(custom.analyze(sample), analyzer.analyze(sample));
});

test('random inputs never throw and keep every span valid', () => {
  // A seeded mix of the pieces the rules look at, with lone surrogates now and then (cf. offsets_test.cpp).
  const pieces = [
    'Ảnh:', 'Ảnh: Gia Khánh', '(Ảnh minh họa)', 'TP.HCM', 'PGS.TS.', '...', '…', '“', '”', '"', '(', ')',
    'date 2020-12', 'Theo', 'VnExpress', 'Thu Hà', 'Trưởng ban Dân vận Tỉnh ủy Trương Thanh Huyền:', 'cho biết',
    'ông', 'Nguyễn Văn An', 'UBND tỉnh', ':', ';', ',', '.', '?', '-', '🎉', '🇻🇳', 'e\u0301', '\u0301', 'Hà Nội',
    '3.600', '2,4', '29/12', '7 tập thể', ' ', ' ', '\n', '\n\n', '\r\n', '\u2028', '\u00A0', '\0', '<p>',
    'Hµ Néi', '\uFEFF', 'sáng', 'năm 2021',
  ];
  let seed = 20201229;
  const random = (n) => {
    // mulberry32
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) % n;
  };
  for (let i = 0; i < 400; ++i) {
    let text = '';
    for (let n = random(60); n > 0; --n) text += pieces[random(pieces.length)];
    if (random(10) === 0) text = text.slice(0, text.length >> 1) + '\uD800' + text.slice(text.length >> 1);
    let r;
    assert.doesNotThrow(() => {
      r = analyzer.analyze(text, i % 2 ? FULL_RESULT : undefined);
    }, JSON.stringify(text));
    assert.notEqual(r.status, 'internal_error', JSON.stringify(text));
    const { bad } = badSpans(text, r);  // the JS API keeps the invariant on the text as given
    assert.deepEqual(bad, [], JSON.stringify(text));
  }
});

test('options the core cannot use come back as invalid_option warnings, never silent defaults', () => {
  const text = 'Sáng nay, Hà Nội đón đợt gió mùa đông bắc đầu tiên. Nhiệt độ giảm mạnh.';
  const clean = analyzer.analyze(text, { language: 'vi', referenceDate: '2020-12-29', tokens: false });
  assert.deepEqual(clean.warnings.filter((w) => w.code === 'invalid_option'), []);
  const r = analyzer.analyze(text, { language: 'fr', referenceDate: 'hôm nay', tokens: 'no', colour: 'red' });
  const messages = r.warnings.filter((w) => w.code === 'invalid_option').map((w) => w.message);
  assert.equal(messages.length, 4, messages.join('\n'));
  assert.ok(messages.some((m) => m.includes('tokens')));
  assert.ok(messages.some((m) => m.includes('colour')));
  assert.ok(messages.some((m) => m.includes('"fr"')));
  assert.ok(messages.some((m) => m.includes('hôm nay')));
  assert.equal(r.status, 'ok');
  assert.equal(r.language, 'vi'); // detected, as with language "auto"
  assert.deepEqual(r.tokens, []); // tokens: "no" left the JS API's default (off)
  const wrong = analyzer.analyze(text, { tokens: 'yes', wordSpans: 7, spanText: 'true' });
  const said = wrong.warnings.filter((w) => w.code === 'invalid_option').map((w) => w.message);
  assert.equal(said.length, 3, said.join('\n'));
  assert.ok(['tokens', 'wordSpans', 'spanText'].every((key) => said.some((m) => m.includes(key))));
  assert.deepEqual([wrong.tokens, wrong.words, 'text' in wrong.sentences[0]], [[], [], false]);
});
