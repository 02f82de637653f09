// Linguistic knowledge lives in core/data, not in the core's code: no C++ under core/src compares a token
// with a word of a language, scans the text for one, or spells a Vietnamese word. The rules name the role
// they look for (rule_words.h: "a conjunction", "the word for year") and the data says how it is written.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

import { root } from './helpers.mjs';

// The code of a C++ file with its comments blanked out (string and character literals kept as they are).
function code(source) {
  let out = '';
  for (let i = 0; i < source.length; ) {
    const c = source[i];
    if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < source.length && source[j] !== c) j += source[j] === '\\' ? 2 : 1;
      out += source.slice(i, j + 1);
      i = j + 1;
    } else if (source.startsWith('//', i)) {
      while (i < source.length && source[i] !== '\n') i += 1;
    } else if (source.startsWith('/*', i)) {
      const end = source.indexOf('*/', i + 2);
      i = end < 0 ? source.length : end + 2;
    } else {
      out += c;
      i += 1;
    }
  }
  return out;
}

// What spells a word in code, each with the reason it is one.
const WORD_IN_CODE = [
  // A token's form compared with a literal holding letters: lower(t) == "và", text_of(doc, i) == "năm".
  [/(?:\blower\w*\([^()]*\)|\btext_of\([^()]*\)|\.lower\(\))\s*[!=]=\s*u?8?"[^"]*\p{L}[^"]*"/gu, 'a token compared with a word'],
  [/u?8?"[^"]*\p{L}[^"]*"\s*[!=]=\s*(?:\blower\w*\(|\btext_of\()/gu, 'a token compared with a word'],
  // A UTF-16 literal of letters, which is how a rule scans the text itself for a word: u"theo ".
  [/\bu"[^"]*\p{L}{2}[^"]*"/gu, 'a word scanned for in the text'],
  // A Vietnamese word or phrase: lowercase letters and spaces, one of them not ASCII ("từ", "tổng hợp").
  [/(?<!\w)"(?=[^"]*[^\x00-\x7f])\p{Ll}+(?: \p{Ll}+)*"/gu, 'a Vietnamese word'],
];

const sources = () =>
  readdirSync(join(root, 'core/src'), { recursive: true })
    .filter((f) => f.endsWith('.cpp') || f.endsWith('.h'))
    .map((f) => join('core/src', f));

function wordsIn(text) {
  const found = [];
  for (const [pattern, why] of WORD_IN_CODE) for (const [match] of code(text).matchAll(pattern)) found.push(`${why}: ${match}`);
  return found;
}

test('no word of a language is spelled in the core\'s code', () => {
  const found = [];
  for (const file of sources()) for (const f of wordsIn(readFileSync(join(root, file), 'utf8'))) found.push(`${file}: ${f}`);
  assert.deepEqual(found, []);
});

test('the scan finds each way of writing a word into a rule, and not the rules that name a role', () => {
  const planted = [
    'if (lower(t - 1) == "và") return;',
    'if (text_of(doc, i) == "năm") ++i;',
    'if (doc.info[k].lower() != "theo") continue;',
    'if ("by" == lower(k)) ++k;',
    'if (starts_with_lower(s, pos, u"theo ")) return true;',
    'static const std::unordered_set<std::string> m = {"từ", "ngày"};',
  ];
  for (const line of planted) assert.ok(wordsIn(line).length > 0, line);
  const clean = [
    'if (is_rule_word(RuleWord::kConjunction, lower(t - 1))) return;',
    'if (lower(t) == "," || lower(t) == ":") --t;  // "và", "rằng": data',
    'add_message(problems.warnings, "invalid_option", "The option language is not vi or en.");',
    'const bool english = doc.out.language == "en";',
    '/* "tổng hợp" */ x = 1;',
  ];
  for (const line of clean) assert.deepEqual(wordsIn(line), [], line);
});
