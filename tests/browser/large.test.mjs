// A 2 MB paste: it stays out of the textarea, is analysed in the worker, and is rendered in full, in slices.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { largeText } from '../../scripts/bench-browser.mjs';
import { monitor, idle, inShadow, withServerAndBrowser } from './helpers.mjs';

const env = withServerAndBrowser();

test('a 2 MB paste is analysed off the main thread and rendered in full', { timeout: 240_000 }, async () => {
  const page = await env.browser.context.newPage();
  const m = await monitor(page, env.server.url.replace(/\/$/, ''));
  await page.goto(env.server.url);
  await page.waitForFunction(() => document.querySelector('#analyzer')?.result != null);
  await idle(page);

  const text = largeText(2_000_000);
  await page.evaluate((big) => {
    window.__busy = [];
    window.__status = [];
    const el = document.querySelector('#analyzer');
    el.busyDelay = 0; // show the busy state at once, so what it shows does not depend on timing
    new MutationObserver(() => window.__busy.push(el.hasAttribute('busy'))).observe(el, { attributes: true, attributeFilter: ['busy'] });
    const status = el.shadowRoot.querySelector('.status');
    new MutationObserver(() => {
      const progress = status.querySelector('progress');
      window.__status.push({ text: status.textContent, progress: progress.hidden ? null : progress.hasAttribute('value') ? `${progress.value}/${progress.max}` : 'indeterminate' });
    }).observe(status, { subtree: true, childList: true, characterData: true, attributes: true });
    const ta = document.getElementById('article-text');
    ta.focus();
    ta.select();
    const data = new DataTransfer();
    data.setData('text/plain', big);
    ta.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);

  // The editor switches to its large-text mode at once: the text is held, not laid out in the textarea.
  const editor = await page.evaluate(() => ({
    textareaHidden: document.getElementById('article-text').hidden,
    textareaLength: document.getElementById('article-text').value.length,
    largeShown: !document.getElementById('large-text').hidden,
    message: document.getElementById('large-text-message').textContent,
    count: document.getElementById('char-count').textContent,
  }));
  assert.deepEqual([editor.textareaHidden, editor.textareaLength, editor.largeShown], [true, 0, true]);
  assert.match(editor.message, /MB/);
  assert.match(editor.count, /2\.000\.000 ký tự/);

  await page.waitForFunction((n) => document.querySelector('#analyzer').analyzedText?.length === n, text.length, { timeout: 180_000, polling: 500 });
  await idle(page);
  const r = await inShadow(page, (root) => {
    const el = root.host;
    const blocks = root.querySelectorAll('.doc-body .block');
    const last = el.result.blocks.at(-1);
    return {
      blocks: el.result.blocks.length,
      rendered: blocks.length,
      lastOk: blocks[blocks.length - 1].querySelector('.block-text').textContent === el.analyzedText.slice(last.start, last.end),
      long: root.querySelector('.doc-body').classList.contains('long'),
      sentences: root.querySelectorAll('.doc-body .sent:not([data-cont])').length,
      wantSentences: el.result.sentences.length,
      status: root.querySelector('.status').dataset.kind,
    };
  });
  assert.ok(r.blocks > 8000, `${r.blocks} blocks`);
  assert.equal(r.rendered, r.blocks, 'every block is rendered');
  assert.ok(r.lastOk, 'down to the last one, with its exact text');
  assert.equal(r.sentences, r.wantSentences);
  assert.ok(r.long, 'long documents render blocks lazily (content-visibility)');
  assert.equal(r.status, 'done');
  assert.deepEqual(await page.evaluate(() => window.__busy), [true, false], 'busy while working, then idle');
  const statuses = await page.evaluate(() => window.__status);
  // The size is the text's UTF-8, as the clipboard held it (2,000,000 code units of Vietnamese are 2.5 MB).
  const megabytes = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 }).format(new TextEncoder().encode(text).length / 1024 / 1024);
  assert.ok(statuses.some((s) => s.text === `Đang phân tích ${megabytes} MB…` && s.progress === 'indeterminate'), 'an indeterminate progress bar while the worker analyses');
  const total = new Intl.NumberFormat('vi-VN', { useGrouping: 'min2' }).format(r.blocks);
  assert.ok(
    statuses.some((s) => s.text.startsWith('Đang hiển thị ') && s.text.endsWith(`/${total} khối…`) && new RegExp(`^\\d+/${r.blocks}$`).test(s.progress)),
    'then a determinate one while blocks render',
  );
  assert.match(statuses.at(-1).text, /^Phân tích xong/);
  assert.equal(statuses.at(-1).progress, null);
  assert.equal(await page.evaluate(() => document.querySelector('#analyzer').analyzedText), text);

  // "Clear" brings the normal editor back and empties the results.
  await page.click('#clear');
  await idle(page);
  assert.equal(await page.evaluate(() => document.getElementById('article-text').hidden), false);
  assert.equal(await page.evaluate(() => document.querySelector('#analyzer').result), null);
  await m.assertClean(assert);
  await page.close();
});
