// An editor's corrections to an analysis: a list of operations, kept with the analysis in its exports (the
// document's `corrections`), so that a newsroom can feed fixes back and apply them again to a fresh analysis of
// the same article. Operations name what they change by name, not by position, so they still apply when the
// analyzer (or the text around) changed a little:
//   {op: 'merge',  list: 'people', name, into}    the person `name` is the person `into` (mentions, roles, quotes)
//   {op: 'rename', list: 'people', name, to}      the person `name` is called `to`
//   {op: 'split',  list: 'people', name, forms, to}  the mentions of `name` written as one of `forms` (as the
//                                                 text writes them) are another person, `to`, listed after it
//   {op: 'move',   list, name, to}                the person (organization, place) `name` is an organization (a
//                                                 place, a person): `list` and `to` are two of people,
//                                                 organizations and places; its mentions go with it
//   {op: 'remove', list: 'people' | 'organizations' | 'places', name}
//                                                 not a person (organization, place) of the story: gone from its
//                                                 list, and its mentions from the highlighted entities
//   {op: 'remove', list: 'entities', start, end}  the entity at [start, end) is wrong: gone from the entities
//                                                 (a date from the timeline, a figure), and from the mentions of the
//                                                 person, organization or place it was one of
//   {op: 'retype', list: 'entities', start, end, to}  the date or figure at [start, end) is of type `to`, another
//                                                 of date, time, number, money, percent and quantity (a year
//                                                 read as a number is a date, a sum read as a quantity money)
// applyCorrections() never changes the document it is given, and skips an operation whose names it cannot find
// (it reports which in `skipped`).

import { DATE_TYPES, FIGURE_TYPES } from '../../wasm/js/gen/schema.js';

export const CORRECTION_LISTS = ['people', 'organizations', 'places'];
const ENTITY_TYPE = { people: 'person', organizations: 'organization', places: 'location' };
/** The types a date or figure can be given (`retype`); names have `move` instead. */
export const RETYPE_TYPES = [...DATE_TYPES, ...FIGURE_TYPES];
const isSpan = (c) => Number.isInteger(c.start) && Number.isInteger(c.end) && c.start >= 0 && c.start < c.end;

/** A correction as given, if it is one this module can apply; else null. */
export function normalizeCorrection(c) {
  if (c?.op === 'remove' && c.list === 'entities' && isSpan(c)) return { op: 'remove', list: 'entities', start: c.start, end: c.end };
  if (c?.op === 'retype' && c.list === 'entities' && isSpan(c) && RETYPE_TYPES.includes(c.to))
    return { op: 'retype', list: 'entities', start: c.start, end: c.end, to: c.to };
  if (!c || typeof c !== 'object' || !CORRECTION_LISTS.includes(c.list) || typeof c.name !== 'string' || !c.name) return null;
  if (c.op === 'split' && c.list === 'people' && Array.isArray(c.forms) && c.forms.length && c.forms.every((f) => typeof f === 'string' && f) && typeof c.to === 'string' && c.to.trim() && c.to.trim() !== c.name)
    return { op: 'split', list: 'people', name: c.name, forms: [...new Set(c.forms)], to: c.to.trim() };
  if (c.op === 'remove') return { op: 'remove', list: c.list, name: c.name };
  if (c.op === 'move' && CORRECTION_LISTS.includes(c.to) && c.to !== c.list) return { op: 'move', list: c.list, name: c.name, to: c.to };
  if (c.op === 'merge' && c.list === 'people' && typeof c.into === 'string' && c.into && c.into !== c.name) return { op: 'merge', list: 'people', name: c.name, into: c.into };
  if (c.op === 'rename' && c.list === 'people' && typeof c.to === 'string' && c.to.trim() && c.to.trim() !== c.name) return { op: 'rename', list: 'people', name: c.name, to: c.to.trim() };
  return null;
}

const sameSpan = (a, b) => a.start === b.start && a.end === b.end;
const byStart = (a, b) => a.start - b.start || a.end - b.end;

/**
 * The document with `corrections` applied, in order, and listed in its `corrections` (those applied) and
 * `skipped` (those whose names were not found). `doc` is left as it was.
 * @returns {{doc: object, applied: object[], skipped: object[]}}
 */
export function applyCorrections(doc, corrections) {
  const out = structuredClone(doc);
  const applied = [];
  const skipped = [];
  for (const given of corrections ?? []) {
    const c = normalizeCorrection(given);
    if (!c) {
      skipped.push(given);
      continue;
    }
    const ok =
      c.op === 'merge' ? merge(out, c.name, c.into)
      : c.op === 'rename' ? rename(out, c.name, c.to)
      : c.op === 'split' ? split(out, c.name, c.forms, c.to)
      : c.op === 'move' ? move(out, c.list, c.name, c.to)
      : c.op === 'retype' ? retypeEntity(out, c.start, c.end, c.to)
      : c.list === 'entities' ? removeEntity(out, c.start, c.end)
      : remove(out, c.list, c.name);
    (ok ? applied : skipped).push(c);
  }
  out.corrections = applied;
  return { doc: out, applied, skipped };
}

function merge(doc, name, into) {
  const from = doc.people.findIndex((p) => p.name === name);
  const to = doc.people.findIndex((p) => p.name === into);
  if (from < 0 || to < 0) return false;
  const target = doc.people[to];
  const source = doc.people[from];
  const mentions = [...target.mentions];
  for (const m of source.mentions) if (!mentions.some((x) => sameSpan(x, m))) mentions.push(m);
  target.mentions = mentions.sort(byStart);
  target.roles = [...target.roles, ...source.roles.filter((r) => !target.roles.some((x) => sameSpan(x, r)))].sort(byStart);
  for (const e of doc.entities) if (e.type === 'person' && e.value?.canonical === name) e.value = { ...e.value, canonical: into };
  for (const q of doc.quotes) if (q.person === from) Object.assign(q, { person: to, speaker: into });
  dropPerson(doc, from);
  return true;
}

function rename(doc, name, to) {
  const person = doc.people.find((p) => p.name === name);
  if (!person || doc.people.some((p) => p.name === to)) return false;
  const index = doc.people.indexOf(person);
  person.name = to;
  for (const e of doc.entities) if (e.type === 'person' && e.value?.canonical === name) e.value = { ...e.value, canonical: to };
  for (const q of doc.quotes) if (q.person === index) q.speaker = to;
  return true;
}

function remove(doc, list, name) {
  const index = doc[list].findIndex((x) => x.name === name);
  if (index < 0) return false;
  const mentions = doc[list][index].mentions ?? [];
  const type = ENTITY_TYPE[list];
  doc.entities = doc.entities.filter((e) => !(e.type === type && mentions.some((m) => sameSpan(m, e))));
  if (list === 'people') {
    // Its quotes stay, spoken by no person of the story (as a group's are).
    for (const q of doc.quotes) if (q.person === index) q.person = -1;
    dropPerson(doc, index);
  } else doc[list].splice(index, 1);
  return true;
}

function split(doc, name, forms, to) {
  const index = doc.people.findIndex((p) => p.name === name);
  if (index < 0 || doc.people.some((p) => p.name === to)) return false;
  const person = doc.people[index];
  const moved = person.mentions.filter((m) => forms.includes(m.text));
  if (!moved.length) return false;
  const kept = person.mentions.filter((m) => !moved.includes(m));
  for (const e of doc.entities) if (e.type === 'person' && moved.some((m) => sameSpan(m, e))) e.value = { ...e.value, canonical: to };
  // Its roles and quotes stay with the person they were found for: nothing in them says which mention they go with.
  const other = { name: to, mentions: moved, roles: [] };
  if (!kept.length) {
    doc.people[index] = { ...other, roles: person.roles };
    for (const q of doc.quotes) if (q.person === index) q.speaker = to;
    return true;
  }
  person.mentions = kept;
  doc.people.splice(index + 1, 0, other);
  for (const q of doc.quotes) if (Number.isInteger(q.person) && q.person > index) q.person += 1;
  return true;
}

function move(doc, list, name, to) {
  const index = doc[list].findIndex((x) => x.name === name);
  if (index < 0) return false;
  const item = doc[list][index];
  const mentions = [...(item.mentions ?? [])];
  const from = ENTITY_TYPE[list];
  const type = ENTITY_TYPE[to];
  for (const e of doc.entities)
    if (e.type === from && mentions.some((m) => sameSpan(m, e))) {
      e.type = type;
      if (e.value?.canonical) e.value = { ...e.value, canonical: name };
    }
  if (list === 'people') {
    // Its quotes stay, said by no person of the story; its roles were a person's and go.
    for (const q of doc.quotes) if (q.person === index) q.person = -1;
    dropPerson(doc, index);
  } else doc[list].splice(index, 1);
  const existing = doc[to].find((x) => x.name === name);
  if (existing) existing.mentions = [...existing.mentions, ...mentions.filter((m) => !existing.mentions.some((x) => sameSpan(x, m)))].sort(byStart);
  else doc[to].push(to === 'people' ? { name, mentions, roles: [] } : { name, mentions });
  return true;
}

function removeEntity(doc, start, end) {
  const at = doc.entities.findIndex((e) => e.start === start && e.end === end);
  if (at < 0) return false;
  const [entity] = doc.entities.splice(at, 1);
  const list = Object.keys(ENTITY_TYPE).find((k) => ENTITY_TYPE[k] === entity.type);
  if (!list) return true;
  for (let i = doc[list].length - 1; i >= 0; i--) {
    const item = doc[list][i];
    const mentions = item.mentions.filter((m) => !sameSpan(m, entity));
    if (mentions.length === item.mentions.length) continue;
    if (mentions.length) item.mentions = mentions;
    else if (list === 'people') {
      for (const q of doc.quotes) if (q.person === i) q.person = -1;
      dropPerson(doc, i);
    } else doc[list].splice(i, 1);
  }
  return true;
}

function retypeEntity(doc, start, end, to) {
  const entity = doc.entities.find((e) => e.start === start && e.end === end && RETYPE_TYPES.includes(e.type));
  if (!entity || entity.type === to) return false;
  entity.value = retypedValue(entity.value ?? {}, to);
  entity.type = to;
  return true;
}

/**
 * The value a date or figure keeps under its new type. A year is the one value both readings share
 * ("2015" as a number is 2015, as a date 2015); any other value stays as it was, for the export to show
 * what the analyzer read.
 */
function retypedValue(value, to) {
  const isDate = to === 'date';
  if (isDate && Number.isInteger(value.number) && value.number >= 1000 && value.number <= 2999 && !value.unit)
    return { date: String(value.number) };
  if (!isDate && to !== 'time' && /^\d{4}$/.test(value.date ?? '') && !value.end) return { number: Number(value.date) };
  return { ...value };
}

/** Removes people[index] and renumbers the quotes' `person` after it. */
function dropPerson(doc, index) {
  doc.people.splice(index, 1);
  for (const q of doc.quotes) if (Number.isInteger(q.person) && q.person > index) q.person -= 1;
}
