// Exports: a plain-text report (people and roles, quotes, dates), the tags and JSON-LD a CMS takes, file names,
// and saving a file locally.
import { translate, formatIsoDate, rolePhrase } from './i18n.js';
import { speakerName } from './render.js';

const list = (x) => (Array.isArray(x) ? x : []);

/** "Tăng cường đối thoại với công dân…" → "tang-cuong-doi-thoai-voi-cong-dan". */
export function slug(title) {
  const s = String(title ?? '')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  // At most 60 characters, cut between words.
  const short = s.length > 60 ? s.slice(0, 61).replace(/-[^-]*$/, '') : s;
  return short || 'article';
}

/** The report as text, in the interface language. `now` is injectable so tests get a fixed date. */
export function textReport(doc, lang, now = new Date()) {
  const t = (key, params) => translate(lang, key, params);
  const a = doc.article ?? {};
  const out = [];
  const heading = (title) => out.push('', title, '='.repeat(title.length));
  out.push(t('report.title'), '='.repeat(t('report.title').length));
  if (a.title) out.push(`${t('block.title')}: ${a.title}`);
  if (a.date) out.push(`${t('summary.date')}: ${formatIsoDate(lang, a.date)}`);
  if (a.author) out.push(`${t('summary.author')}: ${a.author}`);
  if (doc.language) out.push(`${t('summary.language')}: ${t(`lang.${doc.language}`)}`);  // by its name, as the summary
  out.push(t('report.generated', { analyzer: doc.analyzer?.name ?? 'article-analyzer', version: doc.analyzer?.version ?? '', when: now.toISOString().slice(0, 10) }));

  const people = list(doc.people);
  heading(`${t('report.people')} (${people.length})`);
  if (!people.length) out.push(t('report.none'));
  for (const p of people) {
    out.push(`- ${p.name} (${t('report.mentions', { n: list(p.mentions).length })})`);
    for (const r of list(p.roles)) {
      const role = rolePhrase(lang, r.title || r.text || '', list(r.qualifiers));
      out.push(`    * ${[role, r.organization].filter(Boolean).join(' — ')}`);
    }
  }

  const quotes = list(doc.quotes);
  heading(`${t('report.quotes')} (${quotes.length})`);
  if (!quotes.length) out.push(t('report.none'));
  const bySpeaker = new Map();
  for (const q of quotes) {
    const name = speakerName({ people }, q) || t('quotes.unknown');
    if (!bySpeaker.has(name)) bySpeaker.set(name, []);
    bySpeaker.get(name).push(q);
  }
  for (const [name, qs] of bySpeaker) {
    out.push(`${name}:`);
    for (const q of qs) out.push(`  - [${t(`quote.${q.kind}`)}] “${String(q.text ?? '').replace(/\s+/g, ' ')}”${q.cue?.text ? ` (${q.cue.text})` : ''}`);
  }

  const dates = list(doc.entities).filter((e) => e.type === 'date' || e.type === 'time');
  heading(`${t('report.dates')} (${dates.length})`);
  if (!dates.length) out.push(t('report.none'));
  const sorted = [...dates].sort((x, y) => String(x.value?.date ?? '~').localeCompare(String(y.value?.date ?? '~')) || x.start - y.start);
  for (const e of sorted) {
    const v = e.value ?? {};
    const when = v.date ? `${v.date}${v.end ? `/${v.end}` : ''} (${formatIsoDate(lang, v.date)})` : '?';
    const extra = [v.time, v.partOfDay && t(`partOfDay.${v.partOfDay}`)].filter(Boolean).join(' ');
    out.push(`- ${when}${extra ? ` ${extra}` : ''}: “${e.text}”`);
  }
  return out.join('\n') + '\n';
}

/** The article's tags for a CMS: the names of its people, organizations and places, and its keywords, each
 * once, in the order the analysis lists them. */
export function cmsTags(doc) {
  const names = (items, key = 'name') => [...new Set(list(items).map((x) => String(x?.[key] ?? '').trim()).filter(Boolean))];
  return {
    people: names(doc.people),
    organizations: names(doc.organizations),
    places: names(doc.places),
    keywords: names(doc.keywords, 'text'),
  };
}

/** The tags as lines to paste into a CMS ("Nhân vật: A, B"), in the interface language; empty groups left out. */
export function tagsText(doc, lang) {
  const tags = cmsTags(doc);
  return (
    ['people', 'organizations', 'places', 'keywords']
      .filter((k) => tags[k].length)
      .map((k) => `${translate(lang, `panel.${k}`)}: ${tags[k].join(', ')}`)
      .join('\n') + '\n'
  );
}

/**
 * The article as schema.org JSON-LD (`NewsArticle`): headline, date, author, language and keywords, and the
 * people, organizations and places it names. Those it names more than once are what it is `about`; the others
 * it `mentions`. A person's first role is their `jobTitle` (and `worksFor`, the organization of that role).
 */
export function newsArticleJsonLd(doc) {
  const a = doc.article ?? {};
  const person = (p) => {
    const out = { '@type': 'Person', name: p.name };
    const role = list(p.roles)[0];
    if (role?.title) out.jobTitle = role.title;
    if (role?.organization) out.worksFor = { '@type': 'Organization', name: role.organization };
    return out;
  };
  const things = [
    ...list(doc.people).map((p) => [person(p), list(p.mentions).length]),
    ...list(doc.organizations).map((o) => [{ '@type': 'Organization', name: o.name }, list(o.mentions).length]),
    ...list(doc.places).map((p) => [{ '@type': 'Place', name: p.name }, list(p.mentions).length]),
  ].filter(([thing]) => thing.name);
  const out = { '@context': 'https://schema.org', '@type': 'NewsArticle' };
  if (a.title) out.headline = a.title;
  if (a.date) out.datePublished = a.date;
  if (a.author) out.author = { '@type': 'Person', name: a.author };
  if (doc.language && doc.language !== 'und') out.inLanguage = doc.language;
  const keywords = cmsTags(doc).keywords;
  if (keywords.length) out.keywords = keywords.join(', ');
  const about = things.filter(([, n]) => n > 1).map(([t]) => t);
  const mentions = things.filter(([, n]) => n <= 1).map(([t]) => t);
  if (about.length) out.about = about;
  if (mentions.length) out.mentions = mentions;
  return out;
}

/** Saves `content` as a download named `name` (a Blob URL, so nothing goes over the network). */
export function saveFile(name, content, type) {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
