// <article-analyzer> on its own: the bare demo page, attributes, events, superseding, theming, and the
// renderer on a document that uses every part of the schema.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { monitor, idle, inShadow, jumpHighlight, withServerAndBrowser } from './helpers.mjs';
import { syntheticDocument } from './synthetic.mjs';

const env = withServerAndBrowser();

/** Opens the bare demo page with every analysis/error/jump event of the element recorded in window.__events. */
async function openDemo() {
  const page = await env.browser.context.newPage();
  const m = await monitor(page, env.server.url.replace(/\/$/, ''));
  await page.addInitScript(() => {
    window.__events = [];
    for (const type of ['analysis', 'error', 'jump'])
      document.addEventListener(
        type,
        (e) => {
          if (e.target?.localName === 'article-analyzer')
            window.__events.push({ type, detail: e.detail, text: e.target.analyzedText, same: e.detail === e.target.result });
        },
        true,
      );
  });
  await page.goto(`${env.server.url}component-demo.html`);
  await page.waitForFunction(() => window.__events.length > 0);
  await idle(page);
  return { page, m };
}

const events = (page) => page.evaluate(() => window.__events.map(({ type, text, same, detail }) => ({ type, text, same, status: detail?.status, errors: detail?.errors })));

test('the bare demo page (script + element only) analyses the element’s text and emits `analysis`', { timeout: 60_000 }, async () => {
  const { page, m } = await openDemo();
  const [first, ...rest] = await events(page);
  assert.equal(rest.length, 0, 'one analysis for one text');
  assert.equal(first.type, 'analysis', JSON.stringify(first.errors));
  assert.equal(first.status, 'ok');
  assert.ok(first.same, 'detail is the document the element holds');
  assert.ok(first.text.startsWith('Ngày 5/1/2021, UBND tỉnh Hà Tĩnh'), 'the element’s indented text content is the article, dedented');
  const shown = await inShadow(page, (root) => ({
    blocks: [...root.querySelectorAll('.doc-body .block')].map((b) => b.dataset.type),
    speaker: root.querySelector('.block-speaker_caption .speaker')?.textContent,
    label: root.querySelector('.block-byline .block-label').textContent,
  }));
  assert.deepEqual(shown.blocks, await page.evaluate(() => document.querySelector('article-analyzer').result.blocks.map((b) => b.type)));
  assert.equal(shown.speaker, 'Chủ tịch UBND tỉnh Võ Trọng Hải');
  assert.equal(shown.label, 'Byline', 'interface language follows <html lang="en">');
  await m.assertClean(assert);
  await page.close();
});

test('text, language and reference-date attributes, and the words property, drive the analysis', { timeout: 60_000 }, async () => {
  const { page, m } = await openDemo();
  const article = 'Sáng 29/12, UBND tỉnh họp tổng kết.\n\nThu Hà';
  await page.evaluate((text) => {
    const el = document.querySelector('article-analyzer');
    el.setAttribute('reference-date', '2020-12-30');
    el.setAttribute('text', text);
  }, article);
  await idle(page);
  const timeline = () => inShadow(page, (root) => [...root.querySelectorAll('.panel-timeline time[datetime]')].map((t) => t.getAttribute('datetime')));
  assert.equal(await page.evaluate(() => document.querySelector('article-analyzer').analyzedText), article);
  assert.ok((await timeline()).includes('2020-12-29'), '29/12 resolves against the reference date');

  await page.evaluate(() => document.querySelector('article-analyzer').setAttribute('reference-date', '2019-12-30'));
  await idle(page);
  assert.ok((await timeline()).includes('2019-12-29'), 'a new reference date re-analyses');

  // No year anywhere: the date reads 15/7 on the timeline, never as its ISO form "--07-15".
  await page.evaluate(() => {
    const el = document.querySelector('article-analyzer');
    el.removeAttribute('reference-date');
    el.setAttribute('text', 'Ngày 15/7, UBND tỉnh họp tổng kết.');
  });
  await idle(page);
  assert.deepEqual(await timeline(), ['--07-15']);
  const when = await inShadow(page, (root) => root.querySelector('.panel-timeline .when').textContent);
  assert.match(when, /15 July/);
  assert.doesNotMatch(await inShadow(page, (root) => root.querySelector('.panel-timeline').innerText), /--/);

  await page.evaluate(() => (document.querySelector('article-analyzer').language = 'en'));
  await idle(page);
  assert.equal(await page.evaluate(() => document.querySelector('article-analyzer').result.language), 'en', 'language="en" is passed to the analyzer');
  // An English wire story: its dateline's place and agency in the summary, a button to the dateline.
  await page.evaluate(() => (document.querySelector('article-analyzer').text = 'Port grows\n\nROTTERDAM, June 3 (Reuters) - The port said it would grow.'));
  await idle(page);
  const dateline = await inShadow(page, (root) => {
    const b = root.querySelector('.summary-meta button.dateline');
    return b && { text: b.textContent, start: b.dataset.start, end: b.dataset.end, disabled: b.disabled };
  });
  assert.deepEqual(dateline, { text: 'ROTTERDAM (Reuters)', start: '12', end: '41', disabled: false });

  // The newsroom's own words: a typed one is an entity of its type, and setting them re-analyses.
  await page.evaluate(() => {
    const el = document.querySelector('article-analyzer');
    el.language = 'vi';
    el.text = 'Nhóm bạn uống trà sữa trân châu rồi nhận giải Sao Khuê.';
  });
  await idle(page);
  const typed = () => page.evaluate(() => document.querySelector('article-analyzer').result.entities.filter((e) => e.text === 'Sao Khuê').map((e) => e.type));
  // The component asks for no word list (the lean result); the count of words shows the segmentation.
  const wordCount = () => page.evaluate(() => document.querySelector('article-analyzer').result.stats.words);
  const split = await wordCount();
  await page.evaluate(() => (document.querySelector('article-analyzer').words = ['trà sữa trân châu', { text: 'Sao Khuê', type: 'organization' }]));
  await idle(page);
  assert.deepEqual(await typed(), ['organization'], 'a typed user word is an entity of its type');
  assert.ok((await wordCount()) < split, 'a user word is one word: the word list split it');
  assert.deepEqual(await page.evaluate(() => document.querySelector('article-analyzer').result.words), [], 'no word list in the lean result');

  await page.evaluate(() => (document.querySelector('article-analyzer').text = 'A property wins over the attribute.\n\nJane Doe'));
  await idle(page);
  assert.equal(await page.evaluate(() => document.querySelector('article-analyzer').analyzedText), 'A property wins over the attribute.\n\nJane Doe');
  const all = await events(page);
  assert.ok(all.every((e) => e.type === 'analysis' && e.same));
  await m.assertClean(assert);
  await page.close();
});

test('a newer request supersedes an older one; a stale run on a large text is cut short', { timeout: 90_000 }, async () => {
  const { page, m } = await openDemo();
  const r = await page.evaluate(async () => {
    const el = document.querySelector('article-analyzer');
    window.__events.length = 0;
    el.text = 'Bài thứ nhất.\n\nA';
    const first = el.analyze().then(() => 'resolved', (e) => e.name);
    el.text = 'Bài thứ hai.\n\nB';
    const second = el.analyze().then((doc) => doc.blocks.length, (e) => e.name);
    return { first: await first, second: await second, text: el.analyzedText };
  });
  assert.deepEqual(r, { first: 'AbortError', second: 2, text: 'Bài thứ hai.\n\nB' });
  let all = await events(page);
  assert.deepEqual(all.map((e) => [e.type, e.text]), [['analysis', 'Bài thứ hai.\n\nB']], 'the superseded text never reaches the page');

  const big = await page.evaluate(async () => {
    const el = document.querySelector('article-analyzer');
    window.__events.length = 0;
    const before = el.analyzer.stats.restarts;
    el.text = 'Một đoạn văn khá dài để làm chậm bộ phân tích. '.repeat(5000);
    const first = el.analyze().then(() => 'resolved', (e) => e.name);
    el.text = 'Bài ngắn.\n\nC';
    await el.analyze();
    return { first: await first, restarts: el.analyzer.stats.restarts - before, text: el.analyzedText };
  });
  assert.deepEqual(big, { first: 'AbortError', restarts: 1, text: 'Bài ngắn.\n\nC' });
  all = await events(page);
  assert.deepEqual(all.map((e) => e.text), ['Bài ngắn.\n\nC']);
  await m.assertClean(assert);
  await page.close();
});

test('analysis runs in a worker: the main thread never loads the WebAssembly module', { timeout: 60_000 }, async () => {
  const { page, m } = await openDemo();
  const worker = page.workers().find((w) => w.url().includes('analyzer-worker'));
  assert.ok(worker, 'an analyzer worker is running');
  const inWorker = await worker.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
  const inPage = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
  assert.ok(inWorker.some((u) => u.endsWith('/wasm/js/gen/article_analyzer.wasm')), 'the worker fetched the module');
  assert.ok(!inPage.some((u) => u.endsWith('.wasm')), 'the page did not');
  await m.assertClean(assert);
  await page.close();
});

test('unusable input fires `error` with the analyzer’s errors in detail', { timeout: 60_000 }, async () => {
  const { page, m } = await openDemo();
  await page.evaluate(() => {
    window.__events.length = 0;
    const el = document.querySelector('article-analyzer');
    el.text = 'quá dài '.repeat(1_100_000); // > 8 MiB of UTF-8
    return el.analyze().catch(() => {});
  });
  const all = await events(page);
  assert.equal(all.length, 1);
  assert.equal(all[0].type, 'error');
  assert.equal(all[0].status, 'unusable_input');
  assert.equal(all[0].errors[0].code, 'input_too_large');
  const shown = await inShadow(page, (root) => ({
    status: root.querySelector('.status').dataset.kind,
    codes: [...root.querySelectorAll('.panel-messages li')].map((li) => li.dataset.code),
  }));
  assert.deepEqual(shown, { status: 'error', codes: ['input_too_large'] });
  await m.assertClean(assert);
  await page.close();
});

test('panels-only mode, theming through custom properties and ::part()', { timeout: 60_000 }, async () => {
  const { page, m } = await openDemo();
  await page.evaluate(() => {
    const el = document.querySelector('article-analyzer');
    el.style.setProperty('--aa-accent', 'rgb(1, 2, 3)');
    const sheet = new CSSStyleSheet();
    sheet.replaceSync('article-analyzer::part(block-title) { color: rgb(4, 5, 6); } article-analyzer::part(panel-title) { letter-spacing: 3px; }');
    document.adoptedStyleSheets = [sheet];
  });
  const themed = await inShadow(page, (root) => ({
    speakerBorder: getComputedStyle(root.querySelector('.speaker')).borderTopColor,
    title: getComputedStyle(root.querySelector('.block-title')).color,
    panelTitle: getComputedStyle(root.querySelector('.panel > summary')).letterSpacing,
  }));
  assert.deepEqual(themed, { speakerBorder: 'rgb(1, 2, 3)', title: 'rgb(4, 5, 6)', panelTitle: '3px' });

  await page.evaluate(() => (document.querySelector('article-analyzer').panelsOnly = true));
  const layout = await inShadow(page, (root) => ({
    document: getComputedStyle(root.querySelector('.document')).display,
    panels: getComputedStyle(root.querySelector('.panels')).display,
    attribute: root.host.hasAttribute('panels-only'),
  }));
  assert.equal(layout.document, 'none', 'no article view');
  assert.notEqual(layout.panels, 'none', 'the panels stay');
  assert.ok(layout.attribute, 'the property reflects to the attribute');

  // Without its own text view, the element leaves showing a span to the page: it fires `jump`.
  await page.evaluate(() => (window.__events.length = 0));
  await inShadow(page, (root) => root.querySelector('.panel-people .name').click());
  const [jump] = await page.evaluate(() => window.__events);
  const person = await page.evaluate(() => document.querySelector('article-analyzer').result.people[0].mentions[0]);
  assert.deepEqual(jump.detail, { start: person.start, end: person.end, text: person.text });
  await m.assertClean(assert);
  await page.close();
});

test('showAnalysis renders every part of the schema generically', { timeout: 60_000 }, async () => {
  const { page, m } = await openDemo();
  const { text, doc } = syntheticDocument();
  await page.evaluate(({ text, doc }) => document.querySelector('article-analyzer').showAnalysis(text, doc), { text, doc });
  const r = await inShadow(page, (root) => {
    const q = (sel) => [...root.querySelectorAll(sel)];
    return {
      blocksExact: q('.doc-body .block').map((b) => b.querySelector('.block-text').textContent),
      marks: q('.doc-body mark.ent:not([data-cont])').map((x) => `${x.dataset.type}:${x.textContent}`),
      nested: root.querySelector('mark.ent[data-type="organization"] mark.ent[data-type="location"]')?.textContent,
      splitQuote: q('.doc-body .quote').length,
      continued: q('.doc-body [data-cont]').length,
      sentences: q('.doc-body .sent:not([data-cont])').map((x) => x.dataset.n),
      speaker: root.querySelector('.block-speaker_caption .speaker').textContent,
      people: q('.panel-people .card').map((c) => c.innerText.replace(/\s+/g, ' ').trim()),
      quoteGroups: q('.panel-quotes .quote-group').map((g) => [g.dataset.speaker, g.querySelectorAll('li').length]),
      figures: q('.panel-figures tbody tr').map((tr) => [...tr.cells].map((c) => [...c.childNodes].filter((n) => !n.classList?.contains('not-this')).map((n) => n.textContent).join('').trim())),
      timeline: q('.panel-timeline > .panel-body > ol > li').map((li) => li.dataset.date),
      messages: q('.panel-messages li').map((li) => li.dataset.code),
      keywordMeters: q('.panel-keywords meter').map((x) => x.value),
      abbreviations: q('.panel-abbreviations tbody tr').map((tr) => tr.textContent),
    };
  });
  assert.deepEqual(r.blocksExact, text.split('\n\n'));
  // 12 well-formed entities (the 13th has a wrong text on purpose and is left out).
  assert.deepEqual(r.marks.sort(), [
    'date:năm nay', 'date:ngày 5/1/2021', 'location:Hà Nội', 'location:Hà Nội', 'money:5 tỷ đồng', 'number:120',
    'organization:Sở Y tế Hà Nội', 'percent:95%', 'person:An', 'person:Nguyễn Văn An', 'person:Trần Thị Bình', 'quantity:120 nghìn liều',
  ].sort());
  assert.equal(r.nested, 'Hà Nội', 'a place inside an organization nests');
  assert.ok(r.continued >= 1, 'the quote crossing a sentence end is split, marked as continued');
  assert.deepEqual(r.sentences, ['1', '2', '3', '4', '5', '6']);
  assert.equal(r.speaker, 'Nguyên Phó Giám đốc Trần Thị Bình');
  // The demo page is in English (<html lang="en">), so the panels are too.
  assert.match(r.people[0], /^Nguyễn Văn An 2 mentions Giám đốc · Sở Y tế Hà Nội ↗ Written as: Nguyễn Văn An, An 2 quotes Edit$/);
  assert.match(r.people[1], /^Trần Thị Bình 1 mention former Phó Giám đốc ↗ 1 quote Edit$/);
  assert.deepEqual(r.quoteGroups, [['Nguyễn Văn An', 2], ['Trần Thị Bình', 1], ['đại biểu', 1]]);
  assert.deepEqual(r.figures.map((f) => f[1]), ['95%', '5 tỷ đồng', '120 nghìn liều', '120']);
  assert.match(r.figures[1][2], /5,000,000,000/, 'money in the currency’s format');
  assert.deepEqual(r.timeline, ['2021', '2021-01-05']);
  assert.deepEqual(r.messages, ['test_warning', 'span_mismatch']);
  assert.deepEqual(r.keywordMeters, [1, 0.5]);
  assert.equal(r.abbreviations.length, 1);

  // Jumping: a person's button steps through its mentions; the highlight covers exactly the mention.
  await inShadow(page, (root) => root.querySelector('.panel-people [data-person="0"] .name').click());
  assert.equal(await jumpHighlight(page), 'Nguyễn Văn An');
  await inShadow(page, (root) => root.querySelector('.panel-people [data-person="0"] .name').click());
  assert.equal(await jumpHighlight(page), 'An');
  assert.equal(await inShadow(page, (root) => root.activeElement?.dataset.type), 'body', 'focus follows to the block');
  // A quote that spans two sentences is highlighted whole.
  await inShadow(page, (root) => root.querySelector('.panel-quotes .quote-group li .jump').click());
  assert.equal(await jumpHighlight(page), '“Tỷ lệ tiêm chủng đạt 95%. Chúng tôi sẽ tiếp tục.”');

  // Type labels are off at first (the type shows on hover and in the legend); the toggle brings them back.
  const orgLabel = () => inShadow(page, (root) => getComputedStyle(root.querySelector('.doc-body mark.ent[data-type="organization"]'), '::after').content);
  assert.equal(await orgLabel(), 'none');
  assert.match(await inShadow(page, (root) => root.querySelector('.doc-body mark.ent[data-type="organization"]').title), /Organization|Tổ chức/);
  await inShadow(page, (root) => root.querySelector('.legend input[data-filter="labels"]').click());
  assert.equal(await orgLabel(), '"Organization"');
  // Filters: unticking a type removes its tint and label without touching the text.
  await inShadow(page, (root) => root.querySelector('.legend input[data-filter="person"]').click());
  const filtered = await inShadow(page, (root) => {
    const mark = root.querySelector('.doc-body mark.ent[data-type="person"]');
    const org = root.querySelector('.doc-body mark.ent[data-type="organization"]');
    return {
      person: [getComputedStyle(mark).backgroundColor, getComputedStyle(mark, '::after').content],
      org: getComputedStyle(org, '::after').content,
      text: mark.textContent,
    };
  });
  assert.deepEqual(filtered.person, ['rgba(0, 0, 0, 0)', 'none']);
  assert.equal(filtered.org, '"Organization"', 'other types keep their label');
  assert.equal(filtered.text, 'Nguyễn Văn An');
  await inShadow(page, (root) => root.querySelector('.legend input[data-filter="sentences"]').click());
  assert.equal(await inShadow(page, (root) => getComputedStyle(root.querySelector('.doc-body .sent'), '::before').content), 'none');
  await m.assertClean(assert);
  await page.close();
});

test('a module that cannot load fails visibly and fires `error`', { timeout: 60_000 }, async () => {
  const page = await env.browser.context.newPage();
  const m = await monitor(page, env.server.url.replace(/\/$/, ''));
  await page.route('**/article_analyzer.wasm', (route) => route.fulfill({ status: 404, contentType: 'text/plain', body: 'gone' }));
  await page.addInitScript(() => {
    window.__events = [];
    document.addEventListener('error', (e) => e.target?.localName === 'article-analyzer' && window.__events.push(e.detail), true);
  });
  await page.goto(`${env.server.url}component-demo.html`);
  await page.waitForFunction(() => window.__events.length > 0);
  const [detail] = await page.evaluate(() => window.__events);
  assert.equal(detail.status, 'internal_error');
  assert.equal(detail.errors[0].code, 'analyzer_failed');
  assert.match(detail.errors[0].message, /HTTP 404/);
  const status = await inShadow(page, (root) => ({ kind: root.querySelector('.status').dataset.kind, text: root.querySelector('.status').textContent }));
  assert.equal(status.kind, 'error');
  assert.match(status.text, /^Analysis failed: .*HTTP 404/);
  // The browser may report the 404 itself; nothing else may go wrong.
  assert.ok(m.consoleErrors.every((e) => /404/.test(e)), JSON.stringify(m.consoleErrors));
  assert.deepEqual([m.csp, m.pageErrors, m.external], [[], [], []]);
  await page.close();
});
