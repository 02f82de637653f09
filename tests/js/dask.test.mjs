// The Dask recipe (scripts/dask_batch.py): a local cluster of a scheduler and 2 worker processes analyses an
// archive through the CLI's batch mode. Every input line has exactly one output line, the parts in order are
// the archive in order, and a part is what the CLI alone gives for the same lines. The archive is the raw
// Vietnamese news corpus (../shared/eval/vi_news_raw, 35,123 articles) when it is there, else one built from
// the fixtures. Throughput is reported, never asserted (npm run bench compares it with the CLI's own).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { fixtures, root } from './helpers.mjs';

const cli = join(root, 'build', 'native', 'core', 'article-analyzer');
// Debian's interpreter, where python3-distributed is installed (a python3 earlier on PATH may lack it).
const python = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
const evalDir = process.env.ARTICLE_ANALYZER_EVAL_DIR ?? join(root, '..', 'shared', 'eval');
const corpus = join(evalDir, 'vi_news_raw', 'vi_news_baomoi_raw.jsonl.xz');

test('dask_batch.py on a local cluster of 2 workers: one line per line, in order, equal to the CLI', { timeout: 20 * 60e3 }, () => {
  const work = mkdtempSync(join(tmpdir(), 'article-dask-'));
  try {
    let input;
    let partitionMb;
    if (existsSync(corpus)) {
      input = corpus;
      partitionMb = '8';
    } else {
      const articles = fixtures().filter((f) => f.text !== null && !f.options);
      const lines = [];
      for (let i = 0; i < 40; i++) for (const f of articles) lines.push(JSON.stringify({ id: `${f.slug}-${i}`, text: f.text }));
      input = join(work, 'archive.jsonl');
      writeFileSync(input, lines.join('\n') + '\n');
      partitionMb = '0.2';
    }
    const output = join(work, 'out');
    const run = spawnSync(python, [join(root, 'scripts', 'dask_batch.py'), '--local-workers', '2', '--input', input,
      '--output', output, '--partition-mb', partitionMb, '--cli', cli], { encoding: 'utf8', maxBuffer: 1 << 26 });
    assert.equal(run.status, 0, run.stderr.slice(-2000));
    const summary = JSON.parse(readFileSync(join(output, '_SUCCESS'), 'utf8'));
    console.log(`dask: ${summary.articles} articles in ${summary.seconds} s, ${summary.articles_per_second} articles/s, ` +
      `${summary.partitions.length} partitions on ${summary.workers} workers`);
    assert.equal(summary.workers, 2);

    const archive = (input.endsWith('.xz') ? execFileSync('xz', ['-dc', input], { maxBuffer: 1 << 30 }) : readFileSync(input))
      .toString('utf8').split('\n');
    if (archive.at(-1) === '') archive.pop();
    const inputIds = archive.filter((l) => l.trim()).map((l) => JSON.parse(l).id);
    const parts = readdirSync(output).filter((f) => f.startsWith('part-')).sort();
    assert.equal(parts.length, summary.partitions.length);
    assert.ok(parts.length >= 2, 'the archive is spread over several partitions');
    const outputIds = [];
    for (const part of parts) {
      for (const line of readFileSync(join(output, part), 'utf8').split('\n')) if (line) outputIds.push(JSON.parse(line).id);
    }
    assert.equal(summary.articles, inputIds.length);
    assert.deepEqual(outputIds, inputIds);  // exactly one result per article, in the archive's order

    // The first part is what the CLI gives for the same lines.
    const [first, second] = summary.partitions;
    const lines = archive.slice(first.first_line - 1, second.first_line - 1).join('\n') + '\n';
    const alone = spawnSync(cli, ['--jsonl', '--no-progress'], { input: lines, encoding: 'utf8', maxBuffer: 1 << 30 });
    assert.equal(alone.status, 0);
    assert.equal(readFileSync(join(output, parts[0]), 'utf8'), alone.stdout);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});
