// The exports a CMS takes (web/js/report.js): the tags as lines and the article as schema.org JSON-LD, built
// from the sample's golden analysis.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

import { cmsTags, newsArticleJsonLd, tagsText, textReport } from '../../web/js/report.js';
import { rolePhrase } from '../../web/js/i18n.js';
import { root } from './helpers.mjs';

const doc = JSON.parse(readFileSync(join(root, 'tests', 'fixtures', 'sample-ha-tinh', 'expected.json'), 'utf8'));

test('tags: every person, organization, place and keyword once, in the analysis order', () => {
  const tags = cmsTags(doc);
  assert.deepEqual(tags.people, doc.people.map((p) => p.name));
  assert.deepEqual(tags.organizations, [...new Set(doc.organizations.map((o) => o.name))]);
  assert.deepEqual(tags.places, [...new Set(doc.places.map((p) => p.name))]);
  assert.equal(tags.keywords.length, new Set(doc.keywords.map((k) => k.text)).size);
  const vi = tagsText(doc, 'vi');
  assert.match(vi, /^Nhân vật: Trương Thanh Huyền, /);
  for (const p of doc.people) assert.ok(vi.includes(p.name));
  const en = tagsText(doc, 'en');
  assert.match(en, /^People: /m);
  assert.match(en, /^Organizations: /m);
  assert.match(en, /^Places: /m);
  assert.match(en, /^Keywords: /m);
  // Nothing to tag, no lines.
  assert.equal(tagsText({ people: [], organizations: [], places: [], keywords: [] }, 'en'), '\n');
});

test('JSON-LD: a NewsArticle naming its people, organizations and places, about or mentioned', () => {
  const ld = JSON.parse(JSON.stringify(newsArticleJsonLd(doc)));
  assert.equal(ld['@context'], 'https://schema.org');
  assert.equal(ld['@type'], 'NewsArticle');
  assert.equal(ld.headline, doc.article.title);
  assert.equal(ld.author.name, doc.article.author);
  assert.equal(ld.inLanguage, 'vi');
  const named = [...(ld.about ?? []), ...(ld.mentions ?? [])];
  for (const p of doc.people) {
    const found = named.find((t) => t['@type'] === 'Person' && t.name === p.name);
    assert.ok(found, `names ${p.name}`);
    assert.equal(found.jobTitle, p.roles[0].title);
    // Named more than once: what the article is about.
    assert.equal(ld.about.includes(found), p.mentions.length > 1);
  }
  for (const o of doc.organizations) assert.ok(named.some((t) => t['@type'] === 'Organization' && t.name === o.name));
  for (const p of doc.places) assert.ok(named.some((t) => t['@type'] === 'Place' && t.name === p.name));
  // Without a title, author or names, those members are left out rather than empty.
  const bare = newsArticleJsonLd({ article: {}, people: [], organizations: [], places: [], keywords: [], language: 'und' });
  assert.deepEqual(bare, { '@context': 'https://schema.org', '@type': 'NewsArticle' });
});

test('roles read in the interface language: qualifiers where it puts them, translated in English', () => {
  assert.equal(rolePhrase('vi', 'Phó trưởng Ban', ['standing']), 'Phó trưởng Ban thường trực');
  assert.equal(rolePhrase('vi', 'Chủ tịch', ['former']), 'nguyên Chủ tịch');
  assert.equal(rolePhrase('vi', 'Giám đốc', ['acting', 'former']), 'nguyên quyền Giám đốc');
  assert.equal(rolePhrase('en', 'Phó trưởng Ban', ['standing']), 'standing Phó trưởng Ban');
  assert.equal(rolePhrase('en', 'Phó Giám đốc', ['in charge']), 'Phó Giám đốc in charge');
  assert.equal(rolePhrase('en', 'Giám đốc', ['no-such-qualifier']), 'Giám đốc', 'an unknown qualifier is left out, never shown as its code');
  // The sample's report, in both interface languages.
  const now = new Date('2026-01-02T00:00:00Z');
  const vi = textReport(doc, 'vi', now);
  assert.match(vi, /\* Phó trưởng Ban thường trực/);
  assert.match(vi, /\* nguyên Trưởng ban/);
  assert.match(vi, /: Tiếng Việt$/m);
  const en = textReport(doc, 'en', now);
  assert.match(en, /\* standing Phó trưởng Ban/);
  assert.match(en, /\* former Trưởng ban/);
  assert.match(en, /^Language: Vietnamese$/m);
  assert.match(en, /^Date: December 2020$/m);
  for (const word of ['thường trực', 'nguyên ', 'Ngôn ngữ', 'Tiếng Việt', 'lần nhắc']) assert.ok(!en.includes(word), `the English report says “${word}”`);
});
