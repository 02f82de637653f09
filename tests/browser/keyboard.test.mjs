// Keyboard only: from the first Tab to a result and back into the text, with a visible focus indicator on
// every stop and labelled controls throughout.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { monitor, idle, jumpHighlight, withServerAndBrowser } from './helpers.mjs';

const env = withServerAndBrowser();

/** What has focus, looking through the element's shadow root: tag, id, classes, label, focus ring. */
function focused(page) {
  return page.evaluate(() => {
    let el = document.activeElement;
    let inShadow = false;
    while (el?.shadowRoot?.activeElement) {
      el = el.shadowRoot.activeElement;
      inShadow = true;
    }
    if (!el || el === document.body) return null;
    const style = getComputedStyle(el);
    const labelled =
      el.labels?.[0]?.textContent.trim() || el.getAttribute('aria-label') || el.closest('label')?.textContent.trim() || el.textContent.trim();
    return {
      tag: el.localName,
      id: el.id,
      className: typeof el.className === 'string' ? el.className : '',
      type: el.dataset?.type ?? el.closest?.('li')?.dataset.type ?? null,
      filter: el.dataset?.filter ?? null,
      inShadow,
      label: labelled,
      ring: (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2) || el.closest?.('label')?.matches(':has(input:focus-visible)'),
    };
  });
}

async function tabUntil(page, predicate, max, stops, key = 'Tab') {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(key);
    const f = await focused(page);
    stops.push(f);
    if (f && predicate(f)) return f;
  }
  throw new Error(`not reached in ${max} Tab presses: ${JSON.stringify(stops.slice(-max).map((s) => s && [s.tag, s.id, s.className, s.label]))}`);
}

test('keyboard only: type an article, analyse it, and reach a result', { timeout: 90_000 }, async () => {
  const page = await env.browser.context.newPage();
  const m = await monitor(page, env.server.url.replace(/\/$/, ''));
  await page.goto(env.server.url);
  await page.waitForFunction(() => document.querySelector('#analyzer')?.result != null);
  await idle(page);
  assert.equal(await focused(page), null, 'nothing has focus at first');

  const stops = [];
  const skip = await tabUntil(page, () => true, 1, stops);
  assert.equal(skip.className, 'skip-link', 'the first Tab reaches the skip link');
  assert.ok(await page.evaluate(() => document.querySelector('.skip-link').getBoundingClientRect().top >= 0), 'and it becomes visible');

  const textarea = await tabUntil(page, (f) => f.id === 'article-text', 10, stops);
  assert.equal(textarea.label, 'Dán hoặc gõ bài báo (mỗi đoạn một dòng)');
  for (const stop of stops) {
    assert.ok(stop.ring, `visible focus on ${stop.tag}#${stop.id}`);
    assert.ok(stop.label, `${stop.tag}#${stop.id} is labelled`);
  }

  const article = 'Hà Nội, ngày 5/1/2021\n\nÔng Nguyễn Văn An phát biểu tại hội nghị.\n\nMai Anh';
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.type(article);
  await page.keyboard.press('Control+Enter');
  await page.waitForFunction((text) => document.querySelector('#analyzer').analyzedText === text, article);
  await idle(page);
  assert.equal(await page.evaluate(() => document.querySelector('#analyzer').result.blocks.at(-1).text), 'Mai Anh');

  // From the text area, People is two key presses away: Escape reaches the panel bar, Enter opens People.
  await page.keyboard.press('Escape');
  assert.deepEqual(await page.evaluate(() => document.querySelector('#analyzer').shadowRoot.activeElement?.dataset.panel), 'people');
  await page.keyboard.press('Enter');
  assert.deepEqual(
    await page.evaluate(() => {
      const active = document.querySelector('#analyzer').shadowRoot.activeElement;
      return [active?.localName, active?.closest('.panel')?.dataset.panel];
    }),
    ['summary', 'people'],
  );
  await page.focus('#article-text');

  // The Analyze button is the next stop, and Enter on it runs a fresh analysis.
  const button = await tabUntil(page, (f) => f.id === 'analyze', 3, stops);
  assert.ok(button.ring);
  const runs = await page.evaluate(() => document.querySelector('#analyzer').analyzer.stats.runs);
  await page.keyboard.press('Enter');
  await page.waitForFunction((n) => document.querySelector('#analyzer').analyzer.stats.runs > n, runs);
  await idle(page);

  // Into the results: the legend's filters, then the panels. Space toggles a filter.
  const filter = await tabUntil(page, (f) => f.inShadow && f.filter === 'person', 20, stops);
  assert.ok(filter.ring, 'a focused filter shows its ring');
  await page.keyboard.press('Space');
  assert.ok(await page.evaluate(() => document.querySelector('#analyzer').shadowRoot.querySelector('.doc-body').classList.contains('hide-person')));
  await page.keyboard.press('Space');

  // The outline comes last and collapsed: Enter on its title opens it.
  const outline = await tabUntil(page, (f) => f.inShadow && f.tag === 'summary' && f.label.startsWith('Bố cục'), 80, stops);
  assert.ok(outline.ring);
  await page.keyboard.press('Enter');
  // The outline's entries are one Tab stop; the arrows go along them.
  await tabUntil(page, (f) => f.inShadow && f.tag === 'button', 1, stops);
  const outlineLead = await tabUntil(page, (f) => f.inShadow && f.tag === 'button' && f.type === 'lead', 5, stops, 'ArrowDown');
  assert.ok(outlineLead.ring);
  await page.keyboard.press('Enter');
  const block = await focused(page);
  assert.equal(block.type, 'lead', 'Enter on the outline entry moves focus to the block');
  assert.equal(await jumpHighlight(page), 'Ông Nguyễn Văn An phát biểu tại hội nghị.');
  assert.ok(block.ring, 'the block shows where focus went');
  await m.assertClean(assert);
  await page.close();
});

test('keyboard only: the skip link and the interface language switch', { timeout: 60_000 }, async () => {
  const page = await env.browser.context.newPage();
  const m = await monitor(page, env.server.url.replace(/\/$/, ''));
  await page.goto(env.server.url);
  await page.waitForFunction(() => document.querySelector('#analyzer')?.result != null);
  await idle(page);
  const stops = [];
  await tabUntil(page, (f) => f.className === 'skip-link', 1, stops);
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'results', 'the skip link moves focus to the results');

  // Backwards through the editor to the top bar.
  const select = await tabUntil(page, (f) => f.id === 'ui-lang', 20, stops, 'Shift+Tab');
  assert.ok(stops.every((f) => f.ring), 'every stop on the way shows its focus');
  assert.equal(select.label, 'Ngôn ngữ giao diện');
  await page.keyboard.press('ArrowDown');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  assert.equal(await page.textContent('#editor-heading'), 'Article text');
  assert.equal(await page.evaluate(() => document.querySelector('#analyzer').shadowRoot.querySelector('.block-title .block-label')?.textContent), 'Title');
  await page.evaluate(() => localStorage.clear());
  await m.assertClean(assert);
  await page.close();
});
