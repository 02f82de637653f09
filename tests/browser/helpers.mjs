// Shared set-up for the browser tests: Debian's Chromium driven by playwright-core, a fresh profile per
// browser, and monitors for console errors, CSP violations, page errors, dialogs and off-origin requests.
import { before, after } from 'node:test';
import { startServer } from '../../scripts/serve.mjs';
import { mkdtemp, rm, mkdir } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const resultsDir = path.join(repo, 'test-results');
export const sampleText = readFileSync(path.join(repo, 'tests', 'fixtures', 'sample-ha-tinh', 'input.txt'), 'utf8');

// TOOLCHAIN.md: these flags work as root here, and keep Chromium from reaching for the internet.
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];

/** A browser context on a fresh --user-data-dir (playwright passes the folder as that flag). */
export async function launch(options = {}) {
  const profile = await mkdtemp(path.join(tmpdir(), 'article-analyzer-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
    viewport: { width: 1440, height: 1000 },
    acceptDownloads: true,
    ...options,
  });
  return {
    context,
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Watches a page: console errors, uncaught exceptions, CSP violations (DOM event and console report, page and
 * workers), dialogs (auto-dismissed) and any request that leaves `origin` (aborted). Call before goto().
 */
export async function monitor(page, origin) {
  const m = { consoleErrors: [], pageErrors: [], csp: [], dialogs: [], external: [], requests: [] };
  const onConsole = (where) => (msg) => {
    const text = msg.text();
    if (/Content[- ]Security[- ]Policy/i.test(text)) m.csp.push(`${where}: ${text}`);
    if (msg.type() === 'error') m.consoleErrors.push(`${where}: ${text}`);
  };
  page.on('console', onConsole('page'));
  page.on('worker', (worker) => worker.on('console', onConsole(`worker ${worker.url()}`)));
  page.on('pageerror', (err) => m.pageErrors.push(err.message));
  page.on('dialog', (dialog) => {
    m.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    dialog.dismiss().catch(() => {});
  });
  page.on('request', (request) => m.requests.push(request.url()));
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(origin) || url.startsWith('data:') || url.startsWith('blob:')) return route.fallback();
    m.external.push(url);
    return route.abort('blockedbyclient');
  });
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample ?? ''}`),
    );
  });
  m.reset = async () => {
    for (const key of ['consoleErrors', 'pageErrors', 'csp', 'dialogs', 'external']) m[key].length = 0;
    await page.evaluate(() => (window.__cspViolations.length = 0));
  };
  m.assertClean = async (assert) => {
    const domViolations = await page.evaluate(() => window.__cspViolations ?? []).catch(() => []);
    assert.deepEqual([...m.csp, ...domViolations], [], 'no Content-Security-Policy violations');
    assert.deepEqual(m.consoleErrors, [], 'no console errors');
    assert.deepEqual(m.pageErrors, [], 'no uncaught exceptions');
    assert.deepEqual(m.dialogs, [], 'no dialogs');
    assert.deepEqual(m.external, [], 'no requests outside the page origin');
  };
  return m;
}

/** Waits until <article-analyzer> (first match of `selector`) has nothing scheduled, running or rendering. */
export async function idle(page, selector = 'article-analyzer') {
  await page.waitForFunction((sel) => {
    const el = document.querySelector(sel);
    return el && typeof el.whenIdle === 'function';
  }, selector);
  return page.evaluate((sel) => document.querySelector(sel).whenIdle().then(() => true), selector);
}

/** Runs `fn(shadowRoot, arg)` in the page against the element's shadow root (the element is `root.host`). */
export async function inShadow(page, fn, arg, selector = 'article-analyzer') {
  const root = await page.evaluateHandle((sel) => document.querySelector(sel).shadowRoot, selector);
  try {
    return await root.evaluate(fn, arg);
  } finally {
    await root.dispose();
  }
}

export async function screenshot(page, name, options = {}) {
  await mkdir(resultsDir, { recursive: true });
  const file = path.join(resultsDir, name);
  await page.screenshot({ path: file, ...options });
  return file;
}

/** The element a jump highlighted: the text of the 'aa-jump' highlight's first range, or null. */
export function jumpHighlight(page) {
  return page.evaluate(() => {
    const highlight = CSS.highlights.get('aa-jump');
    if (!highlight) return null;
    const [range] = [...highlight];
    return range ? range.toString() : null;
  });
}

/**
 * Starts the dev server and Chromium before a test file's tests and stops them after. Returns an object whose
 * `server` and `browser` are set once the tests run.
 */
export function withServerAndBrowser(serverOptions = { port: 0 }) {
  const env = { server: null, browser: null };
  before(async () => {
    env.server = await startServer(serverOptions);
    env.browser = await launch();
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}
