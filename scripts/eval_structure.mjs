// Structure evaluation on the baomoi dev articles (../shared/eval/vi_news_baomoi/articles): title, lead,
// inline photo captions and bylines, through the JS API. Also a no-gold look at the binhvq sample.
//
//   node scripts/eval_structure.mjs [--json] [--quiet] [--no-binhvq] [--dir DIR]
//
// Files: line 1 = title, line 2 = sapo/lead, line 3 = body. Each file's text is passed to analyze() as-is.
// Titles and leads are scored against lines 1 and 2. Captions and bylines have no gold: the script counts
// the `Ảnh:` / `(Ảnh` markers that fall inside caption blocks and prints every caption and byline so that a
// human can judge them.
import fs from 'node:fs';
import path from 'node:path';
import { EVAL_DIR, context, loadAnalyzer, offsetMismatches, parseArgs, requireDir } from './lib/common.mjs';

const args = parseArgs(process.argv.slice(2), ['dir']);
const baomoiDir = requireDir(args.dir ?? path.join(EVAL_DIR, 'vi_news_baomoi', 'articles'), 'baomoi articles');
const binhvqFile = path.join(EVAL_DIR, 'vi_news_binhvq_sample', 'demo-full.txt');

// A photo marker: "Ảnh:" (also "ẢNH:", "Ảnh :") or "(Ảnh" ("(Ảnh: X)", "(Ảnh minh họa)"). One match per marker.
const MARKER = /\(\s*(?:Ảnh|ẢNH)(?!\p{L})|(?<!\p{L})(?:Ảnh|ẢNH)\s*:/gu;
const CAPTION_TYPES = new Set(['caption']);
const oneLine = (s) => s.replace(/\s*\n\s*/g, ' ⏎ ');
/** Long text as head…tail, so that both ends of a block stay visible. */
const clip = (s, n) => (s.length <= n ? s : `${s.slice(0, Math.floor(n / 2) - 1)}…${s.slice(s.length - Math.ceil(n / 2))}`);

/** Marker → the caption block holding it, and whether that block ends right after its credit. */
function captionFindings(text, result, from = 0, to = text.length) {
  const out = [];
  const region = text.slice(from, to);
  for (const m of region.matchAll(MARKER)) {
    const at = from + m.index;
    const blockIndex = result.blocks.findIndex((b) => b.start <= at && at < b.end);
    const block = result.blocks[blockIndex];
    const inCaption = Boolean(block && CAPTION_TYPES.has(block.type));
    const finding = { offset: at, marker: m[0], blockType: block?.type ?? null, inCaption };
    if (inCaption) {
      const next = result.blocks[blockIndex + 1];
      finding.caption = block.text;
      finding.credit = block.credit?.text ?? null;
      // "Ends right after the credit": only closing punctuation or space between the credit and the block end.
      finding.endsAfterCredit = Boolean(block.credit) && /^[\s).,;]*$/u.test(text.slice(block.credit.end, block.end));
      finding.following = text.slice(block.end, Math.min(text.length, block.end + 45));
      finding.nextBlockType = next?.type ?? null;
      finding.preceding = text.slice(Math.max(0, block.start - 30), block.start);
    } else {
      finding.context = context(text, at, at + m[0].length, 60);
    }
    out.push(finding);
  }
  return out;
}

function bylineFindings(text, result) {
  const bylines = result.blocks.filter((b) => b.type === 'byline');
  return bylines.map((b) => ({
    text: b.text,
    start: b.start,
    end: b.end,
    atEnd: /^[\s.)]*$/u.test(text.slice(b.end)),
  }));
}

function evalBaomoi(analyzer) {
  const files = fs.readdirSync(baomoiDir).filter((f) => f.endsWith('.txt')).sort();
  const articles = [];
  for (const file of files) {
    const text = fs.readFileSync(path.join(baomoiDir, file), 'utf8');
    const lines = text.split('\n');
    const [line1 = '', line2 = ''] = lines;
    const bodyStart = Math.min(text.length, line1.length + 1 + line2.length + 1);
    const result = analyzer.analyze(text, { tokens: false });
    const title = result.blocks.find((b) => b.type === 'title');
    const lead = result.blocks.find((b) => b.type === 'lead');
    const typeCounts = {};
    for (const b of result.blocks) typeCounts[b.type] = (typeCounts[b.type] ?? 0) + 1;
    articles.push({
      file,
      language: result.language,
      blockTypes: result.blocks.map((b) => b.type),
      typeCounts,
      title: line1.trim()
        ? { expected: line1.trim(), got: title?.text ?? null, ok: title?.text === line1.trim(), count: typeCounts.title ?? 0 }
        : null,
      lead: line2.trim()
        ? { expected: line2.trim(), got: lead?.text ?? null, ok: lead?.text === line2.trim(), count: typeCounts.lead ?? 0 }
        : null,
      bodyEmpty: !text.slice(bodyStart).trim(),
      captions: captionFindings(text, result, bodyStart),
      captionBlocks: result.blocks.filter((b) => b.type === 'caption').map((b) => ({ text: b.text, credit: b.credit?.text ?? null, start: b.start })),
      bylines: bylineFindings(text, result),
      author: result.article?.author ?? '',
      bodyTail: text.slice(Math.max(bodyStart, text.length - 70)),
      offsetMismatches: offsetMismatches(text, result).slice(0, 5),
      warnings: result.warnings.map((w) => w.code),
      errors: result.errors.map((e) => e.code),
    });
  }
  const scored = (k) => articles.filter((a) => a[k]);
  const markers = articles.flatMap((a) => a.captions);
  const inCaption = markers.filter((m) => m.inCaption);
  const totals = {
    articles: articles.length,
    titles: { ok: scored('title').filter((a) => a.title.ok).length, of: scored('title').length },
    leads: { ok: scored('lead').filter((a) => a.lead.ok).length, of: scored('lead').length },
    captionMarkers: {
      markers: markers.length,
      articlesWithMarkers: articles.filter((a) => a.captions.length).length,
      inCaptionBlocks: inCaption.length,
      endingRightAfterCredit: inCaption.filter((m) => m.endsAfterCredit).length,
    },
    captionBlocks: articles.reduce((s, a) => s + a.captionBlocks.length, 0),
    captionBlocksWithoutMarker: articles.reduce(
      (s, a) => s + a.captionBlocks.filter((c) => !a.captions.some((m) => m.inCaption && m.caption === c.text)).length,
      0,
    ),
    bylines: {
      articlesWithBylineAtEnd: articles.filter((a) => a.bylines.some((b) => b.atEnd)).length,
      articlesWithBody: articles.filter((a) => !a.bodyEmpty).length,
      bylineBlocks: articles.reduce((s, a) => s + a.bylines.length, 0),
    },
    offsetMismatchArticles: articles.filter((a) => a.offsetMismatches.length).length,
    warnings: tally(articles.flatMap((a) => a.warnings)),
    errors: tally(articles.flatMap((a) => a.errors)),
  };
  return { dir: baomoiDir, totals, articles };
}

function evalBinhvq(analyzer) {
  if (!fs.existsSync(binhvqFile)) return { skipped: `not found: ${binhvqFile}` };
  const text = fs.readFileSync(binhvqFile, 'utf8');
  const result = analyzer.analyze(text, { tokens: false });
  const typeCounts = tally(result.blocks.map((b) => b.type));
  const markers = captionFindings(text, result);
  return {
    file: binhvqFile,
    language: result.language,
    paragraphs: result.stats?.paragraphs,
    typeCounts,
    markers: markers.length,
    markersInCaptionBlocks: markers.filter((m) => m.inCaption).length,
    markersOutsideCaptions: markers.filter((m) => !m.inCaption).map((m) => m.context),
    captions: result.blocks
      .filter((b) => b.type === 'caption')
      .map((b) => ({ text: b.text, credit: b.credit?.text ?? null, following: text.slice(b.end, b.end + 40) })),
    bylines: result.blocks
      .filter((b) => b.type === 'byline')
      .map((b) => ({ text: b.text, context: context(text, b.start, b.end, 60) })),
    otherBlocks: result.blocks
      .filter((b) => !['body', 'caption', 'byline'].includes(b.type))
      .map((b) => ({ type: b.type, text: b.text.slice(0, 120) })),
    offsetMismatches: offsetMismatches(text, result).slice(0, 5),
    warnings: result.warnings.map((w) => w.code),
    errors: result.errors.map((e) => e.code),
  };
}

function tally(xs) {
  const out = {};
  for (const x of xs) out[x] = (out[x] ?? 0) + 1;
  return out;
}

function printBaomoi({ totals: t, articles }, quiet) {
  const p = console.log;
  if (!quiet) {
    p('== Titles / leads that differ from lines 1 / 2');
    for (const a of articles) {
      for (const k of ['title', 'lead']) {
        const r = a[k];
        if (!r || r.ok) continue;
        p(`${a.file} ${k}${r.count > 1 ? ` (${r.count} ${k} blocks)` : ''}`);
        p(`   expected: ${oneLine(r.expected).slice(0, 160)}`);
        p(`   got:      ${r.got == null ? '(no block)' : oneLine(r.got).slice(0, 160)}`);
      }
    }
    p('');
    p('== Photo markers: ✓ in a caption block that ends right after its credit (check the credit itself is whole),');
    p('   ~ in a caption block that does not, ✗ not in a caption block');
    for (const a of articles)
      for (const m of a.captions) {
        if (m.inCaption)
          p(`${m.endsAfterCredit ? '✓' : '~'} ${a.file}  …${oneLine(m.preceding)}⟦${clip(oneLine(m.caption), 200)}⟧${oneLine(m.following)}…  credit=${m.credit == null ? '(none)' : `«${m.credit}»`}`);
        else p(`✗ ${a.file}  [in ${m.blockType ?? 'no block'}] ${m.context}`);
      }
    const extra = articles.flatMap((a) =>
      a.captionBlocks.filter((c) => !a.captions.some((m) => m.inCaption && m.caption === c.text)).map((c) => [a.file, c]),
    );
    if (extra.length) {
      p('');
      p('== Caption blocks without an Ảnh marker (judge by eye)');
      for (const [file, c] of extra) p(`  ${file}  ⟦${clip(oneLine(c.text), 160)}⟧${c.credit ? `  credit=«${c.credit}»` : ''}`);
    }
    p('');
    p('== Bylines (detected ⟦…⟧ | article end as written); "—" = none detected');
    for (const a of articles) {
      if (a.bodyEmpty) { p(`  ${a.file}  (empty body)`); continue; }
      const b = a.bylines.map((x) => `⟦${x.text}⟧${x.atEnd ? '' : ' (not at end)'}`).join(' ') || '—';
      p(`  ${a.file}  ${b.padEnd(28)} | …${oneLine(a.bodyTail)}`);
    }
    const bad = articles.filter((a) => a.offsetMismatches.length);
    if (bad.length) {
      p('');
      p('== Offset mismatches (text.slice(start, end) !== span.text)');
      for (const a of bad)
        for (const m of a.offsetMismatches) p(`  ${a.file} ${m.where} [${m.start},${m.end}) slice=«${m.expected}» text=«${m.got}»`);
    }
    p('');
  }
  const c = t.captionMarkers;
  p(`baomoi (${t.articles} articles): titles ${t.titles.ok}/${t.titles.of}, leads ${t.leads.ok}/${t.leads.of}, ` +
    `captions ${c.inCaptionBlocks}/${c.markers} markers in caption blocks (${c.endingRightAfterCredit} ending right after the credit; ` +
    `markers in ${c.articlesWithMarkers} articles), ${t.captionBlocksWithoutMarker} of ${t.captionBlocks} caption blocks without a marker, ` +
    `bylines at the end in ${t.bylines.articlesWithBylineAtEnd}/${t.bylines.articlesWithBody} articles with a body`);
  if (t.offsetMismatchArticles) p(`offset mismatches in ${t.offsetMismatchArticles} articles`);
  if (Object.keys(t.warnings).length) p(`warnings: ${JSON.stringify(t.warnings)}`);
  if (Object.keys(t.errors).length) p(`errors: ${JSON.stringify(t.errors)}`);
}

function printBinhvq(r, quiet) {
  const p = console.log;
  p('');
  if (r.skipped) { p(`binhvq sample: skipped (${r.skipped})`); return; }
  p(`binhvq sample (one text, ${r.paragraphs} paragraphs, language ${r.language}, no gold): blocks ${JSON.stringify(r.typeCounts)}; ` +
    `${r.markersInCaptionBlocks}/${r.markers} photo markers in caption blocks, ${r.bylines.length} bylines`);
  if (quiet) return;
  // One sentence per line: many short lines become caption blocks; list those with a credit or a photo
  // marker, and only a few of the others.
  const credited = r.captions.filter((c) => c.credit != null || new RegExp(MARKER.source, 'u').test(c.text) || /(?<!\p{L})ảnh(?:\s*:|\s+minh\s+họa)/iu.test(c.text));
  const plain = r.captions.filter((c) => !credited.includes(c));
  p(`  caption blocks with a credit or a photo word (${credited.length}):`);
  for (const c of credited) p(`    ⟦${clip(oneLine(c.text), 150)}⟧${oneLine(c.following)}…  credit=${c.credit == null ? '(none)' : `«${c.credit}»`}`);
  p(`  caption blocks without (${plain.length}; first 15):`);
  for (const c of plain.slice(0, 15)) p(`    ⟦${clip(oneLine(c.text), 150)}⟧${oneLine(c.following)}…`);
  if (r.markersOutsideCaptions.length) {
    p('  photo markers outside caption blocks:');
    for (const c of r.markersOutsideCaptions) p(`    ${c}`);
  }
  p('  bylines:');
  for (const b of r.bylines) p(`    ${b.context}`);
  if (r.otherBlocks.length) {
    p('  other blocks:');
    for (const b of r.otherBlocks) p(`    ${b.type}: ${oneLine(b.text)}`);
  }
  for (const m of r.offsetMismatches) p(`  offset mismatch ${m.where} [${m.start},${m.end})`);
  if (r.warnings.length || r.errors.length) p(`  warnings ${r.warnings.join(',') || '-'}; errors ${r.errors.join(',') || '-'}`);
}

const analyzer = await loadAnalyzer();
const baomoi = evalBaomoi(analyzer);
const binhvq = args.noBinhvq ? { skipped: '--no-binhvq' } : evalBinhvq(analyzer);
if (args.json) {
  console.log(JSON.stringify({ analyzerVersion: analyzer.version, baomoi, binhvq }, null, 2));
} else {
  printBaomoi(baomoi, args.quiet);
  printBinhvq(binhvq, args.quiet);
}
