// Rendering of an analysis document (the JSON schema of core/include/article/analyzer.h) into DOM. Used by the
// <article-analyzer> element, which the page embeds: there is one renderer, not one per page.
//
// Everything is generic over the schema: a panel lists whatever its array holds, so panels fill up as the core
// learns to fill the arrays. Article text and analyzer strings only ever reach the DOM as text nodes.
import { h, roving } from './dom.js';
import { annotate } from './annotate.js';
import { translate, formatNumber, formatIsoDate, formatDuration, formatSize, rolePhrase } from './i18n.js';
import { RETYPE_TYPES } from './corrections.js';
// The kinds the core has, from the core (scripts/write-schema.mjs writes them at each build).
import { ENTITY_TYPES, FIGURE_TYPES, BLOCK_TYPES } from '../../wasm/js/gen/schema.js';
const LIST_ARRAYS = ['blocks', 'sentences', 'tokens', 'words', 'entities', 'people', 'organizations', 'places', 'quotes', 'abbreviations', 'keywords', 'warnings', 'errors'];
const PAGE = 100; // list items shown per "show more"
const QUOTES_PER_SPEAKER = 10;

const list = (x) => (Array.isArray(x) ? x : []);

/** A copy of the document with every array and object the renderer reads present (internal errors omit most). */
export function withDefaults(doc) {
  const out = { ...doc };
  for (const key of LIST_ARRAYS) out[key] = list(doc?.[key]);
  out.article = { date: '', title: '', author: '', ...(doc?.article ?? {}) };
  out.stats = { ...(doc?.stats ?? {}) };
  out.analyzer = { name: 'article-analyzer', version: '', ...(doc?.analyzer ?? {}) };
  return out;
}

export function isSpan(text, span) {
  return (
    span != null &&
    Number.isInteger(span.start) &&
    Number.isInteger(span.end) &&
    span.start >= 0 &&
    span.start <= span.end &&
    span.end <= text.length &&
    text.slice(span.start, span.end) === span.text
  );
}

/**
 * Checks every span the UI uses against the text (`text.slice(start, end) === span.text`). Returns the set of
 * spans that fail, which the renderer then leaves alone, and their count for a visible warning.
 */
export function checkSpans(text, doc) {
  const bad = new Set();
  const check = (span) => {
    if (span && !isSpan(text, span)) bad.add(span);
  };
  for (const b of doc.blocks) [b, b.speaker, b.statement, b.credit].forEach(check);
  const d = doc.article?.dateline;
  if (d) [d, d.place, d.agency].forEach(check);
  doc.sentences.forEach(check);
  doc.entities.forEach(check);
  for (const p of doc.people) {
    list(p.mentions).forEach(check);
    list(p.roles).forEach(check);
  }
  for (const o of [...doc.organizations, ...doc.places]) list(o.mentions).forEach(check);
  for (const q of doc.quotes) [q, q.cue].forEach(check);
  for (const m of [...doc.warnings, ...doc.errors]) if (m.start != null) check(m);
  return bad;
}

/** Which sentences, entities and quotes fall in which block. Blocks are in text order and do not overlap. */
export class DocIndex {
  constructor(doc, bad) {
    this.doc = doc;
    this.starts = doc.blocks.map((b) => b.start);
    this.perBlock = doc.blocks.map(() => ({ sentences: [], entities: [], quotes: [] }));
    doc.sentences.forEach((s, n) => {
      if (bad.has(s)) return;
      const i = Number.isInteger(s.block) && doc.blocks[s.block] ? s.block : this.blockAt(s.start);
      if (i >= 0) this.perBlock[i].sentences.push({ span: s, n });
    });
    this.counts = Object.fromEntries(ENTITY_TYPES.map((t) => [t, 0]));
    for (const e of doc.entities) {
      if (bad.has(e)) continue;
      if (e.type in this.counts) this.counts[e.type]++;
      const i = this.blockAt(e.start);
      if (i >= 0) this.perBlock[i].entities.push(e);
    }
    for (const q of doc.quotes) {
      if (bad.has(q) || q.end <= q.start) continue;
      const first = this.blockAt(q.start);
      const last = this.blockAt(q.end - 1);
      if (first < 0) continue;
      for (let i = first; i <= Math.max(first, last); i++) this.perBlock[i].quotes.push(q);
    }
  }

  /** Index of the last block starting at or before `offset`, or -1. */
  blockAt(offset) {
    let lo = 0;
    let hi = this.starts.length - 1;
    let hit = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.starts[mid] <= offset) {
        hit = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return hit;
  }
}

// ---------------------------------------------------------------------------------------------------------
// The article: one element per block, with speaker/statement, quotes, sentences and entities nested inside.

/**
 * @param {{text: string, doc: object, index: DocIndex, bad: Set, lang: string}} ctx
 * @param {number} i  block index
 * @param {Array<[number, Text]>} nodes  receives the block's text nodes with their offsets
 */
export function renderBlock(ctx, i, nodes) {
  const { text, doc, index, bad, lang } = ctx;
  const t = (key, params) => translate(lang, key, params);
  const b = doc.blocks[i];
  const type = BLOCK_TYPES.includes(b.type) ? b.type : 'body';
  const el = h('div', {
    class: ['block', `block-${type}`],
    id: `aa-block-${i}`,
    tabIndex: -1,
    dataset: { type: String(b.type), index: String(i), start: String(b.start), end: String(b.end) },
    attrs: { part: `block block-${type}` },
  });
  el.append(h('span', { class: 'block-label', attrs: { part: 'block-label' } }, t(`block.${type}`)));
  const body = h('span', { class: 'block-text' });
  el.append(body);
  if (bad.has(b)) {
    body.append(b.text ?? '');
    return el;
  }

  const layers = [];
  for (const [key, cls] of [['speaker', 'speaker'], ['statement', 'statement'], ['credit', 'credit']]) {
    const span = b[key];
    if (span && !bad.has(span))
      layers.push({ start: span.start, end: span.end, rank: 0, make: () => h('span', { class: cls, attrs: { part: cls }, dataset: { label: t(`block.${key}`) } }) });
  }
  const slot = index.perBlock[i];
  for (const q of slot.quotes)
    layers.push({
      start: q.start,
      end: q.end,
      rank: 1,
      make: () => h('span', { class: 'quote', attrs: { part: 'quote' }, dataset: { kind: String(q.kind ?? '') }, title: quoteTitle(ctx, q) }),
    });
  for (const { span, n } of slot.sentences)
    layers.push({
      start: span.start,
      end: span.end,
      rank: 2,
      make: () =>
        h('span', {
          class: ['sent', n % 2 ? 'sent-odd' : 'sent-even'],
          attrs: { part: 'sentence' },
          dataset: { n: String(n + 1) },
          title: t('doc.sentenceN', { n: n + 1 }),
        }),
    });
  for (const e of slot.entities) {
    const label = ENTITY_TYPES.includes(e.type) ? t(`entity.${e.type}`) : String(e.type);
    layers.push({
      start: e.start,
      end: e.end,
      rank: 3,
      make: () =>
        h('mark', {
          class: 'ent',
          attrs: { part: `entity entity-${e.type}` },
          dataset: { type: String(e.type), label, start: String(e.start) },
          title: entityTitle(ctx, e, label),
        }),
    });
  }
  body.append(annotate(text, b.start, b.end, layers, nodes));
  if (type === 'header' && b.date)
    el.append(' ', h('time', { class: 'chip', dateTime: String(b.date), attrs: { part: 'chip' } }, formatIsoDate(lang, b.date)));
  return el;
}

function entityTitle(ctx, e, label) {
  const value = describeValue(ctx.lang, e);
  return value ? `${label}: ${value}` : label;
}

function quoteTitle(ctx, q) {
  const who = speakerName(ctx.doc, q) || translate(ctx.lang, 'quotes.unknown');
  return `${translate(ctx.lang, `quote.${q.kind}`)} · ${who}`;
}

/** The normalized value of an entity in words ("29 tháng 12, 2020", "7", "5.000.000 VND"), or ''. */
export function describeValue(lang, e) {
  const v = e.value ?? {};
  const parts = [];
  if (v.date) parts.push(formatIsoDate(lang, v.date) + (v.end ? ` – ${formatIsoDate(lang, v.end)}` : ''));
  if (v.time) parts.push(v.time);
  if (v.partOfDay) parts.push(translate(lang, `partOfDay.${v.partOfDay}`));
  if (typeof v.number === 'number') {
    if (e.type === 'percent') parts.push(`${formatNumber(lang, v.number)} %`);
    else if (e.type === 'money' && /^[A-Z]{3}$/.test(v.unit ?? '')) {
      try {
        parts.push(formatNumber(lang, v.number, { style: 'currency', currency: v.unit, maximumFractionDigits: 2 }));
      } catch {
        parts.push(`${formatNumber(lang, v.number)} ${v.unit}`);
      }
    } else parts.push(v.unit ? `${formatNumber(lang, v.number)} ${v.unit}` : formatNumber(lang, v.number));
  }
  if (v.expansion) parts.push(v.expansion);
  if (v.canonical && v.canonical !== e.text) parts.push(v.canonical);
  return parts.join(' · ');
}

export function speakerName(doc, q) {
  const person = Number.isInteger(q.person) && q.person >= 0 ? doc.people[q.person] : null;
  return person?.name || q.speaker || '';
}

// ---------------------------------------------------------------------------------------------------------
// Summary and legend.

export function renderSummary(ctx, extra) {
  const { doc, lang } = ctx;
  const t = (key, params) => translate(lang, key, params);
  const a = doc.article;
  const meta = h('dl', { class: 'summary-meta' });
  const add = (key, value) => value && meta.append(h('div', null, h('dt', null, t(key)), h('dd', null, value)));
  add('summary.date', a.date ? h('time', { dateTime: a.date }, `${formatIsoDate(lang, a.date)} (${a.date})`) : null);
  add('summary.author', a.author);
  // An English wire story's dateline: its place (and agency), a button to the dateline in the text.
  const d = a.dateline;
  if (d?.place?.text) add('summary.dateline', jumpButton(ctx, d, d.agency?.text ? `${d.place.text} (${d.agency.text})` : d.place.text, 'cast-name dateline'));
  add('summary.language', doc.language ? t(`lang.${doc.language}`) : null);
  const s = doc.stats;
  const chips = h('ul', { class: 'summary-stats', attrs: { 'aria-label': t('panel.stats') } });
  for (const [key, value] of [
    ['stats.words', s.words],
    ['stats.sentences', s.sentences],
    ['stats.paragraphs', s.paragraphs],
  ])
    if (value != null) chips.append(h('li', { class: 'chip' }, `${t(key)}: ${formatNumber(lang, value)}`));
  if (s.readingTimeSeconds != null) chips.append(h('li', { class: 'chip' }, `${t('stats.readingTime')}: ${formatDuration(lang, s.readingTimeSeconds)}`));
  return h(
    'div',
    { class: 'summary', attrs: { part: 'summary' } },
    h('p', { class: ['summary-title', !a.title && 'untitled'] }, a.title || t('summary.untitled')),
    meta,
    renderCast(ctx),
    chips,
    extra,
  );
}

/**
 * What an editor asks first, in one line each: who (the people named most), which organizations, where, when
 * (the article's date, else its earliest resolved date) and how many quotes. A name is a button to its first
 * mention; "+N" says how many more the panels list.
 */
function renderCast(ctx) {
  const { doc, lang } = ctx;
  const t = (key, params) => translate(lang, key, params);
  const cast = h('dl', { class: 'summary-cast' });
  const top = (items, n = 3) => {
    const named = items.filter((x) => x?.name).map((x, i) => [x, i]);
    named.sort(([x, i], [y, j]) => (y.mentions?.length ?? 0) - (x.mentions?.length ?? 0) || i - j);
    return named.slice(0, n).map(([x]) => x);
  };
  const row = (key, items) => {
    if (!items.length) return;
    const names = top(items);
    const dd = h('dd', null);
    names.forEach((x, i) => {
      if (i) dd.append(', ');
      const first = [...(x.mentions ?? [])].sort((p, q) => p.start - q.start)[0];
      dd.append(first ? jumpButton(ctx, first, x.name, 'cast-name') : x.name);
    });
    if (items.length > names.length) dd.append(h('span', { class: 'more' }, ` +${formatNumber(lang, items.length - names.length)}`));
    cast.append(h('div', null, h('dt', null, t(key)), dd));
  };
  row('summary.who', doc.people);
  row('summary.organizations', doc.organizations);
  row('summary.where', doc.places);
  const dated = doc.entities.filter((e) => e.type === 'date' && e.value?.date && /^\d{4}/.test(e.value.date));
  const when = doc.article.date || [...dated].sort((x, y) => x.value.date.localeCompare(y.value.date))[0]?.value.date;
  if (when) cast.append(h('div', null, h('dt', null, t('summary.when')), h('dd', null, h('time', { dateTime: when }, formatIsoDate(lang, when)))));
  cast.append(h('div', null, h('dt', null, t('summary.quotes')), h('dd', null, formatNumber(lang, doc.quotes.length))));
  return cast;
}

/**
 * The legend doubles as the filter: one checkbox per entity type (with its colour, pattern and count) plus
 * toggles for sentence boundaries, type labels and quotes. `state` maps names to booleans; onChange(name, on).
 */
export function renderLegend(ctx, state, onChange) {
  const { lang, index } = ctx;
  const t = (key, params) => translate(lang, key, params);
  const item = (name, label, swatch, count) => {
    const box = h('input', { type: 'checkbox', checked: state[name] !== false, dataset: { filter: name } });
    box.addEventListener('change', () => onChange(name, box.checked));
    return h(
      'label',
      { class: 'legend-item', dataset: { filter: name } },
      box,
      swatch,
      h('span', null, label),
      count != null ? h('span', { class: 'count' }, formatNumber(lang, count)) : null,
    );
  };
  const types = h('div', { class: 'legend-types' });
  for (const type of ENTITY_TYPES)
    types.append(item(type, t(`entity.${type}`), h('mark', { class: 'ent swatch', dataset: { type }, attrs: { 'aria-hidden': 'true' } }, 'Ab'), index.counts[type]));
  const toggles = h(
    'div',
    { class: 'legend-toggles' },
    item('sentences', t('doc.sentences'), h('span', { class: 'swatch sent-swatch', attrs: { 'aria-hidden': 'true' } }, '1')),
    item('labels', t('doc.labels'), null),
    item('quotes', t('doc.quotes'), h('span', { class: 'swatch quote-swatch', attrs: { 'aria-hidden': 'true' } }, '“ ”')),
  );
  return h('fieldset', { class: 'legend', attrs: { part: 'legend' } }, h('legend', null, t('doc.legend')), types, toggles);
}

// ---------------------------------------------------------------------------------------------------------
// Panels. Each returns a <details> with a count in its summary; ctx.jump(span, label) moves to a span.

function panel(ctx, name, body, count, open = true) {
  const t = (key, params) => translate(ctx.lang, key, params);
  const details = h('details', { class: ['panel', `panel-${name}`], open, dataset: { panel: name }, attrs: { part: `panel panel-${name}` } });
  const summary = h('summary', { attrs: { part: 'panel-title' } }, h('span', { class: 'panel-title' }, t(`panel.${name}`)));
  if (count != null) summary.append(h('span', { class: 'count', attrs: { 'aria-label': `(${count})` } }, formatNumber(ctx.lang, count)));
  details.append(summary, h('div', { class: 'panel-body' }, count === 0 ? h('p', { class: 'none' }, t('panel.none')) : body));
  return details;
}

/** Opens a panel, brings it into view and moves focus to its heading. */
export function showPanel(el) {
  el.open = true;
  const smooth = !globalThis.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
  el.scrollIntoView({ block: 'start', behavior: smooth ? 'smooth' : 'auto' });
  el.querySelector(':scope > summary')?.focus({ preventScroll: true });
}

/**
 * A bar of buttons, one per panel with its count, that opens the panel, brings it into view and moves focus to
 * its heading, then one to the article's text: the panels sit below one another (and above the text on a narrow
 * screen), and the bar keeps each one a click, or a Tab and a few arrow keys, away. One Tab stop: arrows, Home and End move along it
 * (a roving tabindex).
 */
export function renderPanelNav(ctx, panels) {
  const t = (key, params) => translate(ctx.lang, key, params);
  const nav = h('nav', { class: 'panel-nav', attrs: { 'aria-label': t('nav.panels'), part: 'panel-nav' } });
  const buttons = [];
  for (const el of panels) {
    const name = el.dataset?.panel;
    if (!name) continue;
    const count = el.querySelector(':scope > summary .count')?.textContent;
    const button = h(
      'button',
      { type: 'button', class: 'panel-link', dataset: { panel: name } },
      t(`panel.${name}`),
      count ? h('span', { class: 'count' }, count) : null,
    );
    button.addEventListener('click', () => showPanel(el));
    buttons.push(button);
  }
  if (ctx.showText) {
    const text = h('button', { type: 'button', class: 'panel-link text-link' }, t('nav.text'));
    text.addEventListener('click', () => ctx.showText());
    buttons.push(text);
  }
  if (ctx.help) {
    const help = h('button', { type: 'button', class: 'panel-link help-link', attrs: { 'aria-label': t('keys.open'), 'aria-keyshortcuts': '?' } }, '?');
    help.addEventListener('click', () => ctx.help());
    buttons.push(help);
  }
  nav.append(...buttons);
  roving(nav, () => buttons, { row: true });
  return nav;
}

/** Renders the first `size` items and a "show N more" button for the rest. */
function paged(ctx, container, items, renderItem, size = PAGE) {
  let shown = 0;
  const more = h('button', { type: 'button', class: 'more' });
  const showMore = (focus) => {
    const first = shown;
    const next = Math.min(items.length, shown + size);
    for (; shown < next; shown++) container.append(renderItem(items[shown], shown));
    const rest = items.length - shown;
    more.hidden = rest === 0;
    more.textContent = translate(ctx.lang, 'panel.more', { n: formatNumber(ctx.lang, Math.min(rest, size)) });
    if (focus && container.children[first]) {
      const target = container.children[first].querySelector('button') ?? container.children[first];
      target.focus?.();
    }
  };
  more.addEventListener('click', () => showMore(true));
  showMore(false);
  return [container, more];
}

function jumpButton(ctx, span, label, className = 'jump') {
  const t = (key, params) => translate(ctx.lang, key, params);
  const ok = span && !ctx.bad.has(span) && isSpan(ctx.text, span);
  return h(
    'button',
    {
      type: 'button',
      class: className,
      disabled: !ok,
      attrs: { 'aria-label': t('panel.jumpTo', { text: clip(span?.text ?? '', 60) }) },
      dataset: { start: String(span?.start ?? ''), end: String(span?.end ?? '') },
      on: { click: () => ok && ctx.jump(span) },
    },
    label ?? t('panel.jump'),
  );
}

/** A button that moves through `spans` one click at a time ("1/3", "2/3", …). */
/**
 * A name that shows its mentions in turn, one per click. `ctx.cycled(step, button)` (when given) learns of each
 * step, so that the element's keys can go on from there (step(+1): the next mention, step(-1): the one before).
 */
function cycleButton(ctx, spans, label, name) {
  const t = (key, params) => translate(ctx.lang, key, params);
  const usable = spans.filter((s) => !ctx.bad.has(s) && isSpan(ctx.text, s)).sort((a, b) => a.start - b.start);
  let current = -1;
  const position = h('span', { class: 'position', attrs: { 'aria-hidden': 'true' } });
  const button = h('button', { type: 'button', class: 'name', disabled: usable.length === 0, attrs: { 'aria-label': t('people.next', { name }) } }, label, position);
  const step = (delta) => {
    if (!usable.length) return;
    current = (current + delta + usable.length) % usable.length;
    ctx.jump(usable[current], { i: current + 1, n: usable.length });
    position.textContent = ` ${current + 1}/${usable.length}`;
    ctx.cycled?.(step, button);
  };
  button.addEventListener('click', () => step(1));
  return button;
}

function clip(text, n) {
  const s = String(text);
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}

export function renderOutline(ctx) {
  const { doc, lang } = ctx;
  const t = (key, params) => translate(lang, key, params);
  const ol = h('ol', { class: 'outline' });
  const items = doc.blocks.map((b, i) => ({ b, i }));
  const body = paged(ctx, ol, items, ({ b, i }) => {
    const type = BLOCK_TYPES.includes(b.type) ? b.type : 'body';
    const content = h('span', { class: 'outline-text' });
    if (type === 'speaker_caption' && b.speaker) {
      content.append(h('strong', { class: 'outline-speaker' }, b.speaker.text), ': ', clip(b.statement?.text ?? '', 160));
    } else if (type === 'header') {
      content.append(b.text);
      if (b.date) content.append(' ', h('time', { class: 'chip', dateTime: b.date }, b.date));
    } else content.append(type === 'body' ? clip(b.text, 140) : b.text);
    return h(
      'li',
      { dataset: { type: String(b.type), index: String(i) } },
      jumpButton(ctx, b, t(`block.${type}`), 'tag jump'),
      ' ',
      content,
    );
  });
  return panel(ctx, 'outline', body, doc.blocks.length, false);
}

export function renderPeople(ctx) {
  const { doc, lang } = ctx;
  const t = (key, params) => translate(lang, key, params);
  const quoteCount = new Map();
  for (const q of doc.quotes) if (Number.isInteger(q.person) && q.person >= 0) quoteCount.set(q.person, (quoteCount.get(q.person) ?? 0) + 1);
  const ul = h('ul', { class: 'people cards' });
  const body = paged(ctx, ul, doc.people, (p, i) => {
    const mentions = list(p.mentions);
    const forms = new Map();
    for (const m of mentions) forms.set(m.text, (forms.get(m.text) ?? 0) + 1);
    const li = h(
      'li',
      { class: 'card', dataset: { person: String(i) } },
      h('div', { class: 'card-head' }, cycleButton(ctx, mentions, p.name || '?', p.name || '?'), h('span', { class: 'count' }, t('people.mentions', { n: formatNumber(lang, mentions.length), count: mentions.length }))),
    );
    const roles = list(p.roles);
    if (roles.length) {
      const rl = h('ul', { class: 'roles', attrs: { 'aria-label': t('people.roles') } });
      for (const r of roles) {
        rl.append(
          h(
            'li',
            null,
            h('span', { class: 'role-title' }, rolePhrase(lang, r.title || r.text || '', list(r.qualifiers))),
            r.organization ? [' · ', h('span', { class: 'role-org' }, r.organization)] : null,
            ' ',
            jumpButton(ctx, r, '↗', 'jump mini'),
          ),
        );
      }
      li.append(rl);
    }
    if (forms.size > 1 || (forms.size === 1 && !forms.has(p.name)))
      li.append(h('p', { class: 'forms' }, `${t('people.forms')}: `, [...forms].map(([form, n], k) => [k ? ', ' : '', h('q', null, form), n > 1 ? ` ×${n}` : ''])));
    if (quoteCount.get(i)) li.append(h('p', { class: 'muted' }, t('people.quotes', { n: quoteCount.get(i) })));
    if (ctx.correct) li.append(personEditor(ctx, p, doc.people));
    return li;
  });
  return panel(ctx, 'people', ctx.correct ? [correctionsNote(ctx), body] : body, doc.people.length);
}

/** The corrections made so far, with undo; nothing when there are none. */
function correctionsNote(ctx) {
  const t = (key, params) => translate(ctx.lang, key, params);
  const made = list(ctx.doc.corrections);
  if (!made.length) return null;
  const undo = h('button', { type: 'button', class: 'link' }, t('edit.undo'));
  undo.addEventListener('click', () => ctx.uncorrect(1));
  const clearAll = h('button', { type: 'button', class: 'link' }, t('edit.clear'));
  clearAll.addEventListener('click', () => ctx.uncorrect(made.length));
  return h('p', { class: 'corrections-note', attrs: { role: 'status' } }, t('edit.applied', { n: formatNumber(ctx.lang, made.length), count: made.length }), ' ', undo, ' · ', clearAll);
}

/** A person's corrections: merge into another person, rename, not a person. Folded away until asked for. */
function personEditor(ctx, person, people) {
  const t = (key, params) => translate(ctx.lang, key, params);
  const name = person.name;
  const box = h('details', { class: 'edit' }, h('summary', { attrs: { 'aria-label': t('edit.label', { name }) } }, t('edit.open')));
  const others = people.filter((q) => q !== person && q.name);
  if (others.length) {
    const select = h('select', { attrs: { 'aria-label': t('edit.mergeInto') } }, ...others.map((q) => h('option', { value: q.name }, q.name)));
    const merge = h('button', { type: 'button' }, t('edit.merge'));
    merge.addEventListener('click', () => ctx.correct({ op: 'merge', list: 'people', name, into: select.value }));
    box.append(h('div', { class: 'edit-row' }, h('label', null, t('edit.mergeInto'), ' ', select), ' ', merge));
  }
  const input = h('input', { type: 'text', value: name, attrs: { 'aria-label': t('edit.newName'), spellcheck: 'false' } });
  const rename = h('button', { type: 'button' }, t('edit.rename'));
  const doRename = () => ctx.correct({ op: 'rename', list: 'people', name, to: input.value });
  rename.addEventListener('click', doRename);
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      doRename();
    }
  });
  // Split: the mentions written one way are someone else (shown when the person is written two ways or more).
  const forms = [...new Set(list(person.mentions).map((m) => m.text).filter(Boolean))];
  if (forms.length > 1) {
    const boxes = forms.map((form) => h('input', { type: 'checkbox', value: form }));
    const to = h('input', { type: 'text', attrs: { 'aria-label': t('edit.splitName'), placeholder: t('edit.splitName'), spellcheck: 'false' } });
    const split = h('button', { type: 'button' }, t('edit.split'));
    split.addEventListener('click', () =>
      ctx.correct({ op: 'split', list: 'people', name, forms: boxes.filter((b) => b.checked).map((b) => b.value), to: to.value }),
    );
    box.append(
      h('fieldset', { class: 'edit-row' }, h('legend', null, t('edit.splitForms')), ...forms.map((form, k) => h('label', null, boxes[k], ' ', form)), to, ' ', split),
    );
  }
  const remove = h('button', { type: 'button' }, t('edit.notPerson'));
  remove.addEventListener('click', () => ctx.correct({ op: 'remove', list: 'people', name }));
  const moves = ['organizations', 'places'].map((to) => {
    const button = h('button', { type: 'button' }, t(`edit.moveTo.${to}`));
    button.addEventListener('click', () => ctx.correct({ op: 'move', list: 'people', name, to }));
    return button;
  });
  box.append(h('div', { class: 'edit-row' }, input, ' ', rename), h('div', { class: 'edit-row' }, ...moves, remove));
  return box;
}

/**
 * "Not an organization" / "not a place" (✕: the name leaves its list and its mentions lose their highlight),
 * and ⇄: it is a place / an organization.
 */
function notThis(ctx, key, name) {
  const t = (k, params) => translate(ctx.lang, k, params);
  const other = key === 'organizations' ? 'places' : 'organizations';
  return [
    correctionButton(ctx, '⇄', `${t(`edit.moveTo.${other}`)}: ${name}`, { op: 'move', list: key, name, to: other }, 'move'),
    ' ',
    correctionButton(ctx, '✕', t(`edit.not.${key}`, { name }), { op: 'remove', list: key, name }),
  ];
}

/** "Not a date" / "not a figure": the entity leaves the document (a wrong reading of the text). */
function notThisEntity(ctx, e) {
  const t = (k, params) => translate(ctx.lang, k, params);
  const label = t('edit.notEntity', { type: t(`entity.${e.type}`), text: e.text ?? '' });
  return correctionButton(ctx, '✕', label, { op: 'remove', list: 'entities', start: e.start, end: e.end });
}

/** The type of a date or figure as a choice: picking another one retypes it (a year read as a number is a date). */
function retypeSelect(ctx, e) {
  const t = (k, params) => translate(ctx.lang, k, params);
  const label = t('edit.retype', { text: e.text ?? '' });
  const select = h('select', { class: 'retype', attrs: { 'aria-label': label, title: label } });
  for (const type of RETYPE_TYPES) select.append(h('option', { value: type, selected: type === e.type }, t(`entity.${type}`)));
  select.addEventListener('change', () => ctx.correct({ op: 'retype', list: 'entities', start: e.start, end: e.end, to: select.value }));
  return select;
}

/** A small button beside a name or value that makes `correction`; `label` says what it does. */
function correctionButton(ctx, symbol, label, correction, extraClass) {
  const button = h('button', { type: 'button', class: ['not-this', extraClass], attrs: { 'aria-label': label, title: label } }, symbol);
  button.addEventListener('click', () => ctx.correct(correction));
  return button;
}

export function renderNamed(ctx, key) {
  const { doc, lang } = ctx;
  const t = (k, params) => translate(lang, k, params);
  const items = doc[key];
  const ul = h('ul', { class: 'named' });
  const body = paged(ctx, ul, items, (o) => {
    const mentions = list(o.mentions);
    return h(
      'li',
      null,
      cycleButton(ctx, mentions, o.name || '?', o.name || '?'),
      o.abbreviation ? [' ', h('abbr', { class: 'chip', title: o.name || '' }, o.abbreviation)] : null,
      ' ',
      h('span', { class: 'count' }, t('people.mentions', { n: formatNumber(lang, mentions.length), count: mentions.length })),
      ctx.correct && o.name ? [' ', notThis(ctx, key, o.name)] : null,
    );
  });
  return panel(ctx, key, body, items.length);
}

export function renderTimeline(ctx) {
  const { doc, lang } = ctx;
  const t = (key, params) => translate(lang, key, params);
  const groups = new Map();
  const dated = doc.entities.filter((e) => (e.type === 'date' || e.type === 'time') && !ctx.bad.has(e));
  for (const e of dated) {
    const key = e.value?.date ? `${e.value.date}${e.value.end ? `/${e.value.end}` : ''}` : e.type === 'time' ? '~time' : '~';
    if (!groups.has(key)) groups.set(key, { key, date: e.value?.date, end: e.value?.end, items: [] });
    groups.get(key).items.push(e);
  }
  const articleDate = doc.article.date;
  if (articleDate && ![...groups.values()].some((g) => g.date === articleDate)) groups.set(articleDate, { key: articleDate, date: articleDate, items: [] });
  // By start date, a coarser period first ("2021" before "2021-01-05"); undated groups last.
  const cmp = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
  const sorted = [...groups.values()].sort((a, b) => (a.date ? 0 : 1) - (b.date ? 0 : 1) || cmp(a.date ?? a.key, b.date ?? b.key) || cmp(a.end ?? '', b.end ?? ''));
  const count = dated.length;
  const ol = h('ol', { class: 'timeline' });
  const body = paged(ctx, ol, sorted, (g) => {
    const head = g.date
      ? h('time', { dateTime: g.date }, formatIsoDate(lang, g.date), g.end ? ` ${t('timeline.until')} ${formatIsoDate(lang, g.end)}` : '')
      : h('span', null, t(g.key === '~time' ? 'timeline.times' : 'timeline.unresolved'));
    // The ISO form beside a date, for whoever checks it, but not "--07-15" (a date whose year is unknown).
    const li = h('li', { dataset: { date: g.date ?? '' } }, h('div', { class: 'when' }, head, h('span', { class: 'iso' }, g.date && !g.date.startsWith('--') ? ` ${g.date}${g.end ? `–${g.end}` : ''}` : '')));
    if (g.date && g.date === articleDate) li.append(h('span', { class: 'chip accent' }, t('timeline.articleDate')));
    if (g.items.length) {
      const mentions = h('ul', { class: 'mentions' });
      for (const e of g.items.slice(0, 50)) {
        const extra = [e.value?.time, e.value?.partOfDay && t(`partOfDay.${e.value.partOfDay}`)].filter(Boolean).join(' · ');
        const edit = ctx.correct ? [' ', retypeSelect(ctx, e), ' ', notThisEntity(ctx, e)] : null;
        mentions.append(h('li', null, jumpButton(ctx, e, h('q', null, e.text), 'link'), extra ? h('span', { class: 'muted' }, ` ${extra}`) : null, edit));
      }
      if (g.items.length > 50) mentions.append(h('li', { class: 'muted' }, `+${formatNumber(lang, g.items.length - 50)}`));
      li.append(mentions);
    }
    return li;
  });
  return panel(ctx, 'timeline', body, count);
}

export function renderFigures(ctx) {
  const { doc, lang } = ctx;
  const t = (key, params) => translate(lang, key, params);
  const items = doc.entities.filter((e) => FIGURE_TYPES.includes(e.type) && !ctx.bad.has(e));
  const table = h('table', { class: 'figures' });
  table.append(h('thead', null, h('tr', null, h('th', { scope: 'col' }, t('figures.type')), h('th', { scope: 'col' }, t('figures.written')), h('th', { scope: 'col' }, t('figures.value')))));
  const tbody = h('tbody');
  const [, more] = paged(ctx, tbody, items, (e) =>
    h(
      'tr',
      { dataset: { type: e.type } },
      h('td', null, h('mark', { class: 'ent swatch', dataset: { type: e.type }, attrs: { 'aria-hidden': 'true' } }, ' '), ' ', ctx.correct ? retypeSelect(ctx, e) : t(`entity.${e.type}`)),
      h('td', null, jumpButton(ctx, e, e.text, 'link'), ctx.correct ? [' ', notThisEntity(ctx, e)] : null),
      h('td', { class: 'num' }, describeValue(lang, e)),
    ),
  );
  table.append(tbody);
  return panel(ctx, 'figures', [h('div', { class: 'table-wrap' }, table), more], items.length);
}

export function renderQuotes(ctx) {
  const { doc, lang } = ctx;
  const t = (key, params) => translate(lang, key, params);
  const groups = new Map();
  for (const q of doc.quotes) {
    const name = speakerName(doc, q);
    const key = Number.isInteger(q.person) && q.person >= 0 ? `p${q.person}` : name ? `s${name}` : '~';
    if (!groups.has(key)) groups.set(key, { name: name || t('quotes.unknown'), person: q.person, quotes: [] });
    groups.get(key).quotes.push(q);
  }
  const container = h('div', { class: 'quote-groups' });
  const body = paged(
    ctx,
    container,
    [...groups.values()],
    (g) => {
      const quotes = paged(
        ctx,
        h('ul', { class: 'quotes' }),
        g.quotes,
        (q) =>
          h(
            'li',
            { dataset: { kind: String(q.kind ?? '') } },
            h('span', { class: 'tag' }, t(`quote.${q.kind}`)),
            ' ',
            h('blockquote', { class: 'quote-text' }, clip(q.text ?? '', 600)),
            h('div', { class: 'quote-meta' }, q.cue?.text ? h('span', { class: 'muted' }, t('quote.cue', { cue: q.cue.text })) : null, ' ', jumpButton(ctx, q, null, 'jump mini-text')),
          ),
        QUOTES_PER_SPEAKER,
      );
      return h('section', { class: 'quote-group', dataset: { speaker: g.name } }, h('p', { class: 'group-name' }, h('strong', null, g.name), ' ', h('span', { class: 'count' }, formatNumber(lang, g.quotes.length))), quotes);
    },
    20,
  );
  return panel(ctx, 'quotes', body, doc.quotes.length);
}

export function renderAbbreviations(ctx) {
  const { doc, lang } = ctx;
  const t = (key, params) => translate(lang, key, params);
  const table = h('table', { class: 'abbreviations' });
  table.append(h('thead', null, h('tr', null, h('th', { scope: 'col' }, t('abbr.abbreviation')), h('th', { scope: 'col' }, t('abbr.expansion')), h('th', { scope: 'col', class: 'num' }, t('abbr.count')))));
  const tbody = h('tbody');
  const [, more] = paged(ctx, tbody, doc.abbreviations, (a) =>
    h('tr', null, h('th', { scope: 'row' }, h('abbr', { title: a.expansion ?? '' }, a.abbreviation ?? '')), h('td', null, a.expansion ?? ''), h('td', { class: 'num' }, formatNumber(lang, a.count ?? 0))),
  );
  table.append(tbody);
  return panel(ctx, 'abbreviations', [h('div', { class: 'table-wrap' }, table), more], doc.abbreviations.length);
}

export function renderKeywords(ctx) {
  const { doc, lang } = ctx;
  const t = (key, params) => translate(lang, key, params);
  const max = Math.max(0, ...doc.keywords.map((k) => Number(k.score) || 0)) || 1;
  const ol = h('ol', { class: 'keywords' });
  const body = paged(ctx, ol, doc.keywords, (k) =>
    h(
      'li',
      null,
      h('span', { class: 'kw' }, k.text ?? ''),
      h('meter', { min: 0, max, value: Number(k.score) || 0, title: `${t('keywords.score')}: ${k.score}`, attrs: { 'aria-label': `${t('keywords.score')} ${k.score}` } }),
      h('span', { class: 'count' }, t('keywords.count', { n: formatNumber(lang, k.count ?? 0) })),
    ),
  );
  return panel(ctx, 'keywords', body, doc.keywords.length);
}

export function renderStats(ctx, analysisMs) {
  const { doc, lang } = ctx;
  const t = (key, params) => translate(lang, key, params);
  const s = doc.stats;
  const dl = h('dl', { class: 'stats' });
  const add = (key, value) => value != null && dl.append(h('div', null, h('dt', null, t(key)), h('dd', null, value)));
  for (const [key, field] of [
    ['stats.characters', 'characters'],
    ['stats.syllables', 'syllables'],
    ['stats.words', 'words'],
    ['stats.sentences', 'sentences'],
    ['stats.paragraphs', 'paragraphs'],
  ])
    add(key, s[field] != null ? formatNumber(lang, s[field]) : null);
  add('stats.readingTime', s.readingTimeSeconds != null ? formatDuration(lang, s.readingTimeSeconds) : null);
  add('stats.analysisTime', analysisMs != null ? `${formatNumber(lang, Math.round(analysisMs))} ms` : null);
  return panel(ctx, 'stats', dl, null);
}

export function renderMessages(ctx, clientMessages) {
  const { doc, lang } = ctx;
  const t = (key, params) => translate(lang, key, params);
  const all = [
    ...doc.errors.map((m) => ({ m, level: 'error' })),
    ...doc.warnings.map((m) => ({ m, level: 'warning' })),
    ...clientMessages.map((m) => ({ m, level: 'client' })),
  ];
  const ul = h('ul', { class: 'messages' });
  const body = paged(ctx, ul, all, ({ m, level }) =>
    h(
      'li',
      { class: level, dataset: { code: String(m.code ?? '') } },
      h('span', { class: 'tag' }, t(level === 'client' ? 'messages.client' : `messages.${level}`)),
      ' ',
      h('code', null, String(m.code ?? '')),
      ' ',
      h('span', null, String(m.message ?? '')),
      m.start != null ? [' ', jumpButton(ctx, m, null, 'jump mini-text')] : null,
    ),
  );
  const details = panel(ctx, 'messages', body, all.length);
  if (doc.errors.length) details.classList.add('has-errors');
  return details;
}

/** Raw JSON, produced only when the panel is opened (it can be tens of megabytes for a long text). */
export function renderJson(ctx, getJson) {
  const t = (key, params) => translate(ctx.lang, key, params);
  const pre = h('pre', { class: 'json', tabIndex: 0, attrs: { 'aria-label': t('panel.json') } });
  const note = h('p', { class: 'muted', hidden: true });
  const details = panel(ctx, 'json', [note, pre], null, false);
  let loaded = false;
  details.addEventListener('toggle', async () => {
    if (!details.open || loaded) return;
    loaded = true;
    const json = await getJson();
    const LIMIT = 1_000_000;
    pre.textContent = json.length > LIMIT ? json.slice(0, LIMIT) : json;
    if (json.length > LIMIT) {
      note.hidden = false;
      note.textContent = t('json.truncated', { shown: formatSize(ctx.lang, LIMIT), total: formatSize(ctx.lang, json.length) });
    }
  });
  return details;
}
