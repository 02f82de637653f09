// An editor's corrections (web/js/corrections.js) on the sample's golden analysis: what each operation changes,
// that the document given is left alone, and that names it cannot find are skipped, not guessed.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

import { applyCorrections, normalizeCorrection } from '../../web/js/corrections.js';
import { root } from './helpers.mjs';

const doc = JSON.parse(readFileSync(join(root, 'tests', 'fixtures', 'sample-ha-tinh', 'expected.json'), 'utf8'));
const before = JSON.stringify(doc);
const quoted = doc.people.map((p, i) => ({ p, i, quotes: doc.quotes.filter((q) => q.person === i).length })).filter((x) => x.quotes > 0);

test('merge: one person with both mentions, roles and quotes; the quotes after it renumbered', () => {
  const [a, b] = [quoted[0], quoted[1]];
  const { doc: out, applied, skipped } = applyCorrections(doc, [{ op: 'merge', list: 'people', name: b.p.name, into: a.p.name }]);
  assert.equal(JSON.stringify(doc), before, 'the given document is unchanged');
  assert.deepEqual(skipped, []);
  assert.deepEqual(out.corrections, applied);
  assert.equal(out.people.length, doc.people.length - 1);
  assert.ok(!out.people.some((p) => p.name === b.p.name));
  const merged = out.people.find((p) => p.name === a.p.name);
  assert.equal(merged.mentions.length, a.p.mentions.length + b.p.mentions.length);
  assert.ok(merged.mentions.every((m, i, all) => i === 0 || all[i - 1].start <= m.start), 'mentions in text order');
  assert.equal(merged.roles.length, a.p.roles.length + b.p.roles.length);
  const at = out.people.indexOf(merged);
  assert.equal(out.quotes.filter((q) => q.person === at).length, a.quotes + b.quotes);
  assert.ok(out.quotes.filter((q) => q.person === at).every((q) => q.speaker === a.p.name));
  // Every quote still points at the person it pointed at (by name), except the merged one's.
  for (const [k, q] of out.quotes.entries()) {
    const was = doc.quotes[k];
    if (was.person < 0) assert.equal(q.person, -1);
    else assert.equal(out.people[q.person].name, doc.people[was.person].name === b.p.name ? a.p.name : doc.people[was.person].name);
  }
  assert.ok(out.entities.filter((e) => e.type === 'person').every((e) => e.value?.canonical !== b.p.name));
});

test('rename and remove; unknown names and malformed operations are skipped', () => {
  const target = quoted[0];
  const { doc: out, skipped } = applyCorrections(doc, [
    { op: 'rename', list: 'people', name: target.p.name, to: '  Nguyễn Văn Mới ' },
    { op: 'remove', list: 'organizations', name: doc.organizations[0].name },
    { op: 'remove', list: 'people', name: 'Không Có Ai' },
    { op: 'merge', list: 'people', name: 'A', into: 'A' },
    { op: 'explode', list: 'people', name: target.p.name },
    null,
  ]);
  assert.equal(skipped.length, 4);
  assert.deepEqual(out.corrections.map((c) => c.op), ['rename', 'remove']);
  assert.equal(out.people[target.i].name, 'Nguyễn Văn Mới');
  assert.ok(out.quotes.filter((q) => q.person === target.i).every((q) => q.speaker === 'Nguyễn Văn Mới'));
  assert.equal(out.organizations.length, doc.organizations.length - 1);
  const gone = doc.organizations[0].mentions;
  assert.ok(!out.entities.some((e) => e.type === 'organization' && gone.some((m) => m.start === e.start && m.end === e.end)), 'its mentions are no longer highlighted');
  // Removing a person who spoke: the quotes stay, spoken by no person of the story.
  const { doc: without } = applyCorrections(doc, [{ op: 'remove', list: 'people', name: target.p.name }]);
  assert.equal(without.people.length, doc.people.length - 1);
  assert.equal(without.quotes.length, doc.quotes.length);
  assert.equal(without.quotes.filter((q) => q.person === -1).length, doc.quotes.filter((q) => q.person === -1).length + target.quotes);
  assert.equal(normalizeCorrection({ op: 'rename', list: 'people', name: 'A', to: ' ' }), null);
});

test('split: the mentions written one way become another person, listed after it; quotes after it renumbered', () => {
  // The sample writes each person one way: a copy where the first one's last mention is written short.
  const at = doc.people.findIndex((p) => p.mentions.length >= 2);
  const twoWays = structuredClone(doc);
  const form = 'Ông ấy';
  twoWays.people[at].mentions.at(-1).text = form;
  const person = twoWays.people[at];
  const { doc: out, skipped } = applyCorrections(twoWays, [{ op: 'split', list: 'people', name: person.name, forms: [form], to: 'Người Khác' }]);
  assert.deepEqual(skipped, []);
  assert.equal(out.people.length, doc.people.length + 1);
  assert.equal(out.people[at + 1].name, 'Người Khác');
  assert.ok(out.people[at + 1].mentions.every((m) => m.text === form));
  assert.ok(out.people[at].mentions.every((m) => m.text !== form));
  assert.equal(out.people[at].mentions.length + out.people[at + 1].mentions.length, person.mentions.length);
  for (const [k, q] of out.quotes.entries()) if (doc.quotes[k].person >= 0) assert.equal(out.people[q.person].name, doc.people[doc.quotes[k].person].name);
  // A form the person is never written as: skipped.
  assert.equal(applyCorrections(doc, [{ op: 'split', list: 'people', name: person.name, forms: ['Không Có'], to: 'X' }]).skipped.length, 1);
});

test('remove an entity: gone from the entities and from the mentions it was one of', () => {
  const date = doc.entities.find((e) => e.type === 'date');
  const { doc: out } = applyCorrections(doc, [{ op: 'remove', list: 'entities', start: date.start, end: date.end }]);
  assert.equal(out.entities.length, doc.entities.length - 1);
  assert.ok(!out.entities.some((e) => e.start === date.start && e.end === date.end && e.type === 'date'));
  // A place written once: removing its only mention removes the place.
  const once = doc.places.find((p) => p.mentions.length === 1);
  const mention = once.mentions[0];
  const { doc: placeless } = applyCorrections(doc, [{ op: 'remove', list: 'entities', start: mention.start, end: mention.end }]);
  assert.ok(!placeless.places.some((p) => p.name === once.name));
  assert.equal(applyCorrections(doc, [{ op: 'remove', list: 'entities', start: 5, end: 2 }]).skipped.length, 1);
});

test('move: a person who is an organization, with its mentions and their highlights; an organization that is a place', () => {
  const target = quoted[0];
  const { doc: out } = applyCorrections(doc, [
    { op: 'move', list: 'people', name: target.p.name, to: 'organizations' },
    { op: 'move', list: 'organizations', name: doc.organizations[0].name, to: 'places' },
  ]);
  assert.equal(out.people.length, doc.people.length - 1);
  const org = out.organizations.find((o) => o.name === target.p.name);
  assert.equal(org.mentions.length, target.p.mentions.length);
  for (const m of target.p.mentions) {
    const e = out.entities.find((x) => x.start === m.start && x.end === m.end);
    if (e) assert.equal(e.type, 'organization');
  }
  assert.equal(out.quotes.filter((q) => q.person === -1).length, doc.quotes.filter((q) => q.person === -1).length + target.quotes);
  assert.ok(out.places.some((p) => p.name === doc.organizations[0].name));
  assert.ok(!out.organizations.some((o) => o.name === doc.organizations[0].name));
  assert.equal(applyCorrections(doc, [{ op: 'move', list: 'people', name: target.p.name, to: 'people' }]).skipped.length, 1);
});

test('retype: a year read as a number becomes a date of that year and back; other values stay; names are not retyped', () => {
  const year = doc.entities.find((e) => e.type === 'number' && Number.isInteger(e.value?.number) && e.value.number > 1000);
  assert.ok(year, 'the sample has a bare year read as a number');
  const span = { list: 'entities', start: year.start, end: year.end };
  const { doc: out, applied } = applyCorrections(doc, [{ op: 'retype', ...span, to: 'date' }]);
  assert.equal(applied.length, 1);
  const dated = out.entities.find((e) => e.start === year.start && e.end === year.end);
  assert.equal(dated.type, 'date');
  assert.deepEqual(dated.value, { date: String(year.value.number) });
  assert.equal(out.entities.length, doc.entities.length);
  assert.deepEqual(out.corrections, [{ op: 'retype', ...span, to: 'date' }]);
  const back = applyCorrections(out, [{ op: 'retype', ...span, to: 'number' }]).doc.entities.find((e) => e.start === year.start);
  assert.deepEqual([back.type, back.value], ['number', { number: year.value.number }]);
  // A quantity that is money keeps its number and unit.
  const quantity = doc.entities.find((e) => e.type === 'quantity');
  const money = applyCorrections(doc, [{ op: 'retype', list: 'entities', start: quantity.start, end: quantity.end, to: 'money' }]).doc;
  assert.deepEqual(money.entities.find((e) => e.start === quantity.start && e.end === quantity.end), { ...quantity, type: 'money' });
  // Skipped: a name (they move by name instead), the same type, an unknown type, a span with no entity.
  const person = doc.entities.find((e) => e.type === 'person');
  const { skipped } = applyCorrections(doc, [
    { op: 'retype', list: 'entities', start: person.start, end: person.end, to: 'date' },
    { op: 'retype', ...span, to: 'number' },
    { op: 'retype', ...span, to: 'person' },
    { op: 'retype', list: 'entities', start: 0, end: 1, to: 'date' },
  ]);
  assert.equal(skipped.length, 4);
  assert.equal(normalizeCorrection({ op: 'retype', ...span, to: 'person' }), null);
  assert.equal(JSON.stringify(doc), before, 'the document given is left as it was');
});
