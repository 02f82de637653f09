// An editor's corrections to an analysis: a list of operations, kept with the analysis in its exports (the
// document's `corrections`), so that a newsroom can feed fixes back and apply them again to a fresh analysis of
// the same article. Operations name what they change by name, not by position, so they still apply when the
// analyzer (or the text around) changed a little:
//   {op: 'merge',  list: 'people', name, into}    the person `name` is the person `into` (mentions, roles, quotes)
//   {op: 'rename', list: 'people', name, to}      the person `name` is called `to`
//   {op: 'remove', list: 'people' | 'organizations' | 'places', name}
//                                                 not a person (organization, place) of the story: gone from its
//                                                 list, and its mentions from the highlighted entities
// applyCorrections() never changes the document it is given, and skips an operation whose names it cannot find
// (it reports which in `skipped`).

export const CORRECTION_LISTS = ['people', 'organizations', 'places'];
const ENTITY_TYPE = { people: 'person', organizations: 'organization', places: 'location' };

/** A correction as given, if it is one this module can apply; else null. */
export function normalizeCorrection(c) {
  if (!c || typeof c !== 'object' || !CORRECTION_LISTS.includes(c.list) || typeof c.name !== 'string' || !c.name) return null;
  if (c.op === 'remove') return { op: 'remove', list: c.list, name: c.name };
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
    const ok = c.op === 'merge' ? merge(out, c.name, c.into) : c.op === 'rename' ? rename(out, c.name, c.to) : remove(out, c.list, c.name);
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

/** Removes people[index] and renumbers the quotes' `person` after it. */
function dropPerson(doc, index) {
  doc.people.splice(index, 1);
  for (const q of doc.quotes) if (Number.isInteger(q.person) && q.person > index) q.person -= 1;
}
