// The native CLI's batch mode (`--jsonl --jobs N`, core/cli/batch.cpp): one result line per input line, in
// input order whatever thread finished first, each analysis the same as the CLI gives the article alone, and
// a bad line reported in its place without stopping the run.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fixtures, root } from './helpers.mjs';

const cli = join(root, 'build', 'native', 'core', 'article-analyzer');

test('--jsonl --jobs 3: results in input order, equal to one article at a time, bad lines in place', () => {
  const articles = fixtures().filter((f) => f.text !== null && !f.options);
  assert.ok(articles.length >= 6);
  const lines = [];
  articles.forEach((f, i) => {
    lines.push(JSON.stringify({ id: f.slug, text: f.text, source: 'fixtures', n: i }));
    if (i === 1) lines.push('not json at all');
    if (i === 2) lines.push('');  // blank: no article, no output line
    if (i === 3) lines.push(JSON.stringify({ id: 'no-text', title: 'x' }));
  });
  const run = spawnSync(cli, ['--jsonl', '--jobs', '3', '--no-progress'], {
    input: lines.join('\r\n') + '\n',
    maxBuffer: 1 << 30,
    encoding: 'utf8',
  });
  assert.equal(run.status, 0, run.stderr);
  const out = run.stdout.split('\n').filter((l) => l.length > 0).map((l) => JSON.parse(l));
  assert.equal(out.length, articles.length + 2);
  let k = 0;
  for (const [i, f] of articles.entries()) {
    const line = out[k++];
    assert.equal(line.id, f.slug);
    assert.equal(line.source, 'fixtures');  // other fields pass through
    assert.equal(line.n, i);
    assert.equal(line.text, undefined);  // the text is not echoed back
    const alone = spawnSync(cli, [join(f.dir, 'input.txt')], { maxBuffer: 1 << 30, encoding: 'utf8' });
    assert.deepEqual(line.analysis, JSON.parse(alone.stdout), f.slug);
    if (i === 1) {
      assert.deepEqual(out[k++], { line: 3, error: { code: 'invalid_line', message: 'The line is not a JSON object.' } });
    }
    if (i === 3) {
      const missing = out[k++];
      assert.equal(missing.id, 'no-text');
      assert.equal(missing.title, 'x');
      assert.equal(missing.error.code, 'missing_text');
      assert.equal(missing.line, 7);  // line numbers count the bad and the blank lines
    }
  }
});

test('--jsonl from stdin: a long run gives exactly one whole line per article, in order', () => {
  // The reader thread reads stdin while the writer thread writes stdout: with stdio unsynchronized, a cin
  // tied to cout flushed cout's buffer from the reader thread and mixed bytes of two results (blank lines
  // and torn JSON in long runs). Many results much larger than the stream's buffer make that show.
  const sample = fixtures().find((f) => f.slug === 'sample-ha-tinh');
  assert.ok(sample && sample.text.length > 5000);
  const count = 300;
  const lines = Array.from({ length: count }, (_, i) => JSON.stringify({ id: `a${i}`, text: sample.text }));
  const run = spawnSync(cli, ['--jsonl', '--jobs', '2', '--no-progress'], {
    input: lines.join('\n') + '\n',
    maxBuffer: 1 << 30,
    encoding: 'utf8',
  });
  assert.equal(run.status, 0, run.stderr);
  assert.ok(run.stdout.endsWith('\n'));
  const out = run.stdout.slice(0, -1).split('\n');
  assert.equal(out.length, count);
  const first = JSON.stringify(JSON.parse(out[0]).analysis);
  out.forEach((line, i) => {
    const result = JSON.parse(line);
    assert.equal(result.id, `a${i}`);
    assert.equal(JSON.stringify(result.analysis), first, `line ${i}`);
  });
});

test('--jsonl reports progress on stderr, and an empty input gives no line', () => {
  const run = spawnSync(cli, ['--jsonl', '--jobs', '2'], { input: '', encoding: 'utf8' });
  assert.equal(run.status, 0);
  assert.equal(run.stdout, '');
  assert.match(run.stderr, /\[batch\] 0 articles/);
});

test('--lean and the list forms: the batch gives each article the document the flags ask for; a bad form is a usage error', () => {
  const articles = fixtures().filter((f) => f.text !== null && !f.options);
  const input = articles.map((f) => JSON.stringify({ id: f.slug, text: f.text })).join('\n') + '\n';
  const run = spawnSync(cli, ['--jsonl', '--jobs', '2', '--no-progress', '--lean'], { input, maxBuffer: 1 << 30, encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  const out = run.stdout.split('\n').filter((l) => l.length > 0).map((l) => JSON.parse(l));
  assert.equal(out.length, articles.length);
  for (const [i, f] of articles.entries()) {
    const lean = out[i].analysis;
    const alone = spawnSync(cli, ['--lean', join(f.dir, 'input.txt')], { maxBuffer: 1 << 30, encoding: 'utf8' });
    assert.deepEqual(lean, JSON.parse(alone.stdout), f.slug);
    assert.deepEqual([lean.tokens, lean.words], [[], []], f.slug);
    assert.ok(lean.sentences.every((s) => !('text' in s) && f.text.slice(s.start, s.end).length === s.end - s.start), f.slug);
    assert.deepEqual(lean.people.map((p) => p.name), f.expected.people.map((p) => p.name), f.slug);
  }
  const compact = spawnSync(cli, ['--tokens', 'compact', '--word-spans', 'none', join(articles[0].dir, 'input.txt')], { encoding: 'utf8' });
  const doc = JSON.parse(compact.stdout);
  assert.equal(doc.tokens.start.length, articles[0].expected.tokens.length);
  assert.deepEqual(doc.words, []);
  const bad = spawnSync(cli, ['--tokens', 'some', join(articles[0].dir, 'input.txt')], { encoding: 'utf8' });
  assert.equal(bad.status, 1);
  assert.match(bad.stderr, /usage:/);
});
