// Entity / people / quote overview on the baomoi dev articles (../shared/eval/vi_news_baomoi/articles).
// There is no gold: the script counts what the analyzer finds and prints a seeded random sample with
// context for a human to judge.
//
//   node scripts/eval_entities.mjs [--json] [--seed N] [--entities 40] [--people 15] [--quotes 10] [--dir DIR]
//                                  [--reference-date YYYY[-MM[-DD]]]   (passed as referenceDate; default none)
import fs from 'node:fs';
import path from 'node:path';
import { EVAL_DIR, context, loadAnalyzer, offsetMismatches, parseArgs, requireDir, rng, sample } from './lib/common.mjs';

const args = parseArgs(process.argv.slice(2), ['seed', 'entities', 'people', 'quotes', 'dir', 'referenceDate']);
const dir = requireDir(args.dir ?? path.join(EVAL_DIR, 'vi_news_baomoi', 'articles'), 'baomoi articles');
const seed = Number(args.seed ?? 20240601);
const want = { entities: Number(args.entities ?? 40), people: Number(args.people ?? 15), quotes: Number(args.quotes ?? 10) };

const ENTITY_TYPES = ['person', 'organization', 'location', 'date', 'time', 'number', 'money', 'percent', 'quantity'];
const oneLine = (s) => String(s ?? '').replace(/\s*\n\s*/g, ' ⏎ ');
const clip = (s, n) => (s.length <= n ? s : `${s.slice(0, n - 1)}…`);

/** The span of a role or quote, whether the JSON nests it under `span` or flattens start/end/text. */
const spanOf = (x) => (x && typeof x.span === 'object' ? x.span : x && typeof x.start === 'number' ? x : null);

/** A short rendering of an entity's normalized value. */
function valueText(v) {
  if (!v || typeof v !== 'object') return '';
  const parts = [];
  if (v.number != null) parts.push(`number=${v.number}`);
  if (v.unit) parts.push(`unit=${v.unit}`);
  if (v.date) parts.push(`date=${v.date}${v.end ? `..${v.end}` : ''}`);
  if (v.time) parts.push(`time=${v.time}`);
  if (v.partOfDay ?? v.part_of_day) parts.push(`partOfDay=${v.partOfDay ?? v.part_of_day}`);
  if (v.expansion) parts.push(`expansion=${v.expansion}`);
  if (v.canonical) parts.push(`canonical=${v.canonical}`);
  for (const [k, x] of Object.entries(v))
    if (!['number', 'unit', 'date', 'end', 'time', 'partOfDay', 'part_of_day', 'expansion', 'canonical'].includes(k) && x !== '' && x != null)
      parts.push(`${k}=${typeof x === 'object' ? JSON.stringify(x) : x}`);
  return parts.join(' ');
}

const roleText = (r) =>
  [
    (r.qualifiers ?? []).length ? `[${r.qualifiers.join(',')}]` : '',
    r.title || '',
    r.organization ? `@ ${r.organization}` : '',
  ]
    .filter(Boolean)
    .join(' ') || oneLine(spanOf(r)?.text ?? '');

const analyzer = await loadAnalyzer();
const files = fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
const docs = files.map((file) => {
  const text = fs.readFileSync(path.join(dir, file), 'utf8');
  const options = args.referenceDate ? { tokens: false, referenceDate: String(args.referenceDate) } : { tokens: false };
  return { file, text, result: analyzer.analyze(text, options) };
});

// ---------------------------------------------------------------------------------------------- counts
const byType = {};
const typeArticles = {};
let datesResolved = 0; // an ISO value with a year: YYYY, YYYY-MM, YYYY-MM-DD
let datesYearless = 0; // a value without a year (e.g. "--05-31")
let dates = 0;
const withValue = {};
const allEntities = [];
const allPeople = [];
const allQuotes = [];
const quoteKinds = {};
let quotesWithPerson = 0;
let quotesWithCue = 0;
let peopleWithRoles = 0;
let roles = 0;
let mentions = 0;
let organizations = 0;
let places = 0;
let abbreviations = 0;
const mismatches = [];
for (const d of docs) {
  const r = d.result;
  const seen = new Set();
  for (const e of r.entities ?? []) {
    byType[e.type] = (byType[e.type] ?? 0) + 1;
    if (!seen.has(e.type)) { seen.add(e.type); typeArticles[e.type] = (typeArticles[e.type] ?? 0) + 1; }
    if (valueText(e.value)) withValue[e.type] = (withValue[e.type] ?? 0) + 1;
    if (e.type === 'date') {
      dates++;
      if (/^\d{4}/.test(e.value?.date ?? '')) datesResolved++;
      else if (e.value?.date) datesYearless++;
    }
    allEntities.push({ doc: d, e });
  }
  for (const [i, p] of (r.people ?? []).entries()) {
    if ((p.roles ?? []).length) peopleWithRoles++;
    roles += (p.roles ?? []).length;
    mentions += (p.mentions ?? []).length;
    allPeople.push({ doc: d, p, index: i });
  }
  for (const q of r.quotes ?? []) {
    quoteKinds[q.kind] = (quoteKinds[q.kind] ?? 0) + 1;
    if (q.person != null && q.person >= 0) quotesWithPerson++;
    if (q.cue) quotesWithCue++;
    allQuotes.push({ doc: d, q });
  }
  organizations += (r.organizations ?? []).length;
  places += (r.places ?? []).length;
  abbreviations += (r.abbreviations ?? []).length;
  for (const m of offsetMismatches(d.text, r)) mismatches.push({ file: d.file, ...m });
}

// ---------------------------------------------------------------------------------------------- samples
const random = rng(seed);
const entitySample = sample(allEntities, want.entities, random).map(({ doc, e }) => ({
  file: doc.file,
  type: e.type,
  text: e.text,
  value: e.value ?? null,
  valueText: valueText(e.value),
  context: context(doc.text, e.start, e.end, 45),
}));
const peopleSample = sample(allPeople, want.people, random).map(({ doc, p, index }) => {
  const first = (p.mentions ?? [])[0];
  const quotes = (doc.result.quotes ?? []).filter((q) => q.person === index).length;
  return {
    file: doc.file,
    name: p.name,
    mentions: (p.mentions ?? []).map((m) => m.text),
    roles: (p.roles ?? []).map((r) => ({ ...r, text: roleText(r) })),
    quotes,
    context: first ? context(doc.text, first.start, first.end, 60) : '',
  };
});
const quoteSample = sample(allQuotes, want.quotes, random).map(({ doc, q }) => {
  const s = spanOf(q);
  const person = q.person != null && q.person >= 0 ? doc.result.people?.[q.person]?.name ?? `#${q.person}` : null;
  return {
    file: doc.file,
    kind: q.kind,
    speaker: q.speaker ?? '',
    person,
    cue: q.cue?.text ?? null,
    text: s?.text ?? '',
    context: s ? context(doc.text, s.start, s.end, 70) : '',
  };
});

const totals = {
  articles: docs.length,
  entities: allEntities.length,
  byType: Object.fromEntries([...new Set([...ENTITY_TYPES, ...Object.keys(byType)])].map((t) => [t, byType[t] ?? 0])),
  articlesWithType: typeArticles,
  withValue,
  dates: { total: dates, resolved: datesResolved, yearless: datesYearless, unresolved: dates - datesResolved - datesYearless },
  people: { total: allPeople.length, withRoles: peopleWithRoles, roles, mentions },
  organizations,
  places,
  abbreviations,
  quotes: { total: allQuotes.length, byKind: quoteKinds, withPerson: quotesWithPerson, withCue: quotesWithCue },
  offsetMismatches: mismatches.length,
  errors: docs.filter((d) => (d.result.errors ?? []).length).map((d) => ({ file: d.file, errors: d.result.errors.map((e) => e.code) })),
};

if (args.json) {
  console.log(JSON.stringify({ analyzerVersion: analyzer.version, seed, dir, referenceDate: args.referenceDate ?? null, totals, samples: { entities: entitySample, people: peopleSample, quotes: quoteSample }, offsetMismatches: mismatches.slice(0, 50) }, null, 2));
} else {
  const p = console.log;
  p(`article-analyzer ${analyzer.version}: entities on ${docs.length} baomoi articles (seed ${seed}${args.referenceDate ? `, referenceDate ${args.referenceDate}` : ''})`);
  p('');
  p('entity type     count  articles  with value');
  for (const [t, n] of Object.entries(totals.byType))
    p(`${t.padEnd(14)} ${String(n).padStart(6)}  ${String(typeArticles[t] ?? 0).padStart(8)}  ${String(withValue[t] ?? 0).padStart(10)}`);
  p(`${'total'.padEnd(14)} ${String(allEntities.length).padStart(6)}`);
  p('');
  p(`dates resolved: ${datesResolved}/${dates} date entities have an ISO value with a year; ${datesYearless} a value without a year; ${dates - datesResolved - datesYearless} none`);
  p(`people: ${allPeople.length}, with roles ${peopleWithRoles} (${roles} roles), ${mentions} mentions`);
  p(`organizations: ${organizations}, places: ${places}, abbreviations: ${abbreviations}`);
  p(`quotes: ${allQuotes.length} ${JSON.stringify(quoteKinds)}, attributed to a person ${quotesWithPerson}, with a cue ${quotesWithCue}`);
  if (mismatches.length) {
    p(`OFFSET MISMATCHES: ${mismatches.length} (text.slice(start, end) !== text), first ones:`);
    for (const m of mismatches.slice(0, 10)) p(`  ${m.file} ${m.where} [${m.start},${m.end}) slice=«${m.expected}» text=«${m.got}»`);
  }
  if (totals.errors.length) p(`errors: ${JSON.stringify(totals.errors)}`);
  p('');
  p(`== ${entitySample.length} random entities`);
  for (const e of entitySample) p(`  ${e.type.padEnd(12)} «${oneLine(e.text)}»${e.valueText ? ` {${e.valueText}}` : ''}\n      ${e.file}  ${e.context}`);
  p('');
  p(`== ${peopleSample.length} random people`);
  for (const x of peopleSample) {
    p(`  ${x.name}  (${x.mentions.length} mentions: ${x.mentions.map((m) => `«${m}»`).join(', ')}${x.quotes ? `; ${x.quotes} quotes` : ''})`);
    for (const r of x.roles) p(`      role: ${r.text}`);
    p(`      ${x.file}  ${x.context}`);
  }
  p('');
  p(`== ${quoteSample.length} random quotes`);
  for (const q of quoteSample) {
    p(`  [${q.kind}] speaker «${q.speaker}»${q.person ? ` → person ${q.person}` : ''}${q.cue ? `, cue «${q.cue}»` : ''}`);
    p(`      «${clip(oneLine(q.text), 220)}»`);
    p(`      ${q.file}  ${clip(q.context, 400)}`);
  }
  p('');
  const t = totals.byType;
  p(`totals: ${allEntities.length} entities (person ${t.person}, organization ${t.organization}, location ${t.location}, date ${t.date}, ` +
    `number ${t.number}, money ${t.money}, percent ${t.percent}, quantity ${t.quantity}, time ${t.time}), ` +
    `people ${allPeople.length} (${peopleWithRoles} with roles), dates resolved ${datesResolved}/${dates} (+${datesYearless} without a year), quotes ${allQuotes.length}`);
}
