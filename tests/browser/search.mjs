// Loads the HTML reference written by `cargo xtask docs` in headless
// Chromium at a desktop and at a phone's size, uses it as a reader would
// (typing into the search box, choosing a status, following anchors,
// reloading) and checks what is visible where. Writes a screenshot of
// each size for a person to look at: SCREENSHOT with `-desktop` and
// `-phone` before its extension.
//
//   node tests/browser/search.mjs [PAGE] [SCREENSHOT]

import assert from 'node:assert/strict';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const pagePath = process.argv[2] ?? 'target/errcat-docs/reference.html';
const screenshot = process.argv[3] ?? 'target/errcat-docs/search-40400004.png';
const pageUrl = pathToFileURL(path.resolve(pagePath)).href;
const shot = (size) => {
  const { dir, name, ext } = path.parse(screenshot);
  return path.join(dir, `${name}-${size}${ext || '.png'}`);
};

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  // The machine has no network: keep Chromium from trying to reach one.
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const external = [];
const errors = [];

async function open(context, suffix = '') {
  const page = await context.newPage();
  page.on('request', (request) => {
    if (!request.url().startsWith('file:')) external.push(request.url());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(pageUrl + suffix);
  return page;
}

const visibleIds = (page) => page.locator('tr[id]:visible').evaluateAll((rows) => rows.map((r) => r.id));
const query = (page) => new URL(page.url()).search;

// After following an anchor, its element starts just below the sticky
// header: not hidden under it, not far below it.
async function assertBelowHeader(page, selector) {
  const { top, headerBottom } = await page.evaluate((selector) => ({
    top: document.querySelector(selector).getBoundingClientRect().top,
    headerBottom: document.querySelector('header').getBoundingClientRect().bottom,
  }), selector);
  assert.ok(top >= headerBottom - 0.5, `${selector} starts at ${top}, under the header ending at ${headerBottom}`);
  assert.ok(top <= headerBottom + 40, `${selector} starts at ${top}, far below the header ending at ${headerBottom}`);
}

try {
  // A desktop window.
  const desktop = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  let page = await open(desktop);
  const total = await page.locator('tr[id]').count();
  assert.ok(total > 0, 'the page lists codes');
  assert.equal(await page.locator('#count').textContent(), `${total} of ${total} codes`);
  assert.ok(await page.locator('#empty').isHidden());

  // The language is the catalogues': Chinese here, on the page and on
  // every catalogue's section.
  assert.equal(await page.locator('html').getAttribute('lang'), 'zh');
  assert.deepEqual(
    [...new Set(await page.locator('section.catalog').evaluateAll((s) => s.map((e) => e.lang)))],
    ['zh'],
  );

  // Typing a code leaves exactly its row, and the URL says so.
  await page.locator('#search').pressSequentially('40400004');
  assert.deepEqual(await visibleIds(page), ['console-40400004']);
  assert.equal(await page.locator('#count').textContent(), `1 of ${total} codes`);
  assert.equal(query(page), '?q=40400004');
  await page.screenshot({ path: shot('desktop') });
  // A reload keeps the filter.
  await page.reload();
  assert.equal(await page.locator('#search').inputValue(), '40400004');
  assert.deepEqual(await visibleIds(page), ['console-40400004']);

  // Identifiers and messages are searched too, case-insensitively.
  await page.locator('#search').fill('illegal_parameter');
  assert.deepEqual(await visibleIds(page), ['api_switch-10001']);
  await page.locator('#search').fill('云盘不存在');
  assert.deepEqual(await visibleIds(page), ['api_switch-10344']);
  assert.equal(query(page), `?q=${encodeURIComponent('云盘不存在')}`);

  // No match says so, and gets back to every code.
  await page.locator('#search').fill('no-such-code');
  assert.equal(await page.locator('tr[id]:visible').count(), 0);
  assert.equal(await page.locator('section.catalog:visible').count(), 0);
  assert.equal(await page.locator('#count').textContent(), `0 of ${total} codes`);
  assert.ok(await page.locator('#empty').isVisible(), 'a message says nothing matches');
  assert.equal(await page.locator('#empty-text').textContent(), 'No code matches “no-such-code”.');
  await page.locator('#clear').click();
  assert.equal(await page.locator('tr[id]:visible').count(), total);
  assert.ok(await page.locator('#empty').isHidden());
  assert.equal(query(page), '');

  // The status filter keeps exactly the rows of that status, in the URL too.
  await page.selectOption('#status', '412');
  const with412 = await page.locator('tr[data-status="412"]').count();
  assert.ok(with412 > 0);
  assert.equal(await page.locator('tr[id]:visible').count(), with412);
  assert.deepEqual(
    [...new Set(await page.locator('tr[id]:visible').evaluateAll((rows) => rows.map((r) => r.dataset.status)))],
    ['412'],
  );
  assert.equal(query(page), '?status=412');
  await page.reload();
  assert.equal(await page.locator('#status').inputValue(), '412');
  assert.equal(await page.locator('tr[id]:visible').count(), with412);
  // Both filters at once: the message names each.
  await page.locator('#search').fill('云盘');
  assert.equal(await page.locator('#empty-text').textContent(), 'No code matches “云盘” with HTTP 412.');
  await page.close();

  // A shared link with a filter shows just those rows.
  page = await open(desktop, `?q=${encodeURIComponent('云盘')}&status=500`);
  assert.equal(await page.locator('#search').inputValue(), '云盘');
  assert.equal(await page.locator('#status').inputValue(), '500');
  const shared = await page.locator('tr[id]:visible').evaluateAll(
    (rows) => rows.map((r) => [r.dataset.text.includes('云盘'), r.dataset.status]),
  );
  assert.ok(shared.length > 0);
  assert.ok(shared.length < total);
  assert.deepEqual([...new Set(shared.map(String))], ['true,500']);
  assert.equal(
    await page.locator('tr[id]:visible').count(),
    await page.locator('tr[data-status="500"]').evaluateAll((rows) => rows.filter((r) => r.dataset.text.includes('云盘')).length),
  );
  await page.close();
  // The query and an anchor go together; a status the page lacks is no filter.
  page = await open(desktop, '?q=40400004&status=999#console-40400004');
  assert.deepEqual(await visibleIds(page), ['console-40400004']);
  assert.equal(await page.locator('#status').inputValue(), '');
  assert.equal(await page.locator(':target').getAttribute('id'), 'console-40400004');
  await page.close();

  // Every code has an anchor, and following one shows the row below the
  // sticky header; so does a catalogue's from the header's links.
  page = await open(desktop, '#console-40400004');
  assert.equal(await page.locator(':target').getAttribute('id'), 'console-40400004');
  await assertBelowHeader(page, '#console-40400004');
  await page.locator('nav a[href="#console"]').click();
  await assertBelowHeader(page, '#console');
  await page.locator('a[href="#api_switch-10302"]').click();
  await assertBelowHeader(page, '#api_switch-10302');
  await page.close();
  await desktop.close();

  // A phone.
  const phone = await browser.newContext({
    viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true,
  });
  page = await open(phone, '#console-40400004');
  await assertBelowHeader(page, '#console-40400004');
  const layout = await page.evaluate(() => {
    const box = (selector) => document.querySelector(selector).getBoundingClientRect();
    const header = document.querySelector('header');
    window.scrollTo(1000, window.scrollY);
    const inside = (e) => {
      const r = e.getBoundingClientRect();
      return r.left >= 0 && r.right <= window.innerWidth + 0.5;
    };
    const sizes = Array.from(document.querySelectorAll('h1, h2, h3, p, td, td *, input, select, button, nav a'))
      .filter((e) => e.getClientRects().length > 0 && e.textContent.trim())
      .map((e) => parseFloat(getComputedStyle(e).fontSize));
    return {
      innerWidth: window.innerWidth,
      innerHeight: window.innerHeight,
      scrollWidth: document.documentElement.scrollWidth,
      scrollX: window.scrollX,
      header: header.getBoundingClientRect().height,
      search: box('#search'),
      status: box('#status'),
      headerInside: Array.from(header.querySelectorAll('.controls > *, nav')).every(inside),
      rowsInside: Array.from(document.querySelectorAll('tr[id]')).every(inside),
      smallest: Math.min(...sizes),
      message: parseFloat(getComputedStyle(document.querySelector('td.message')).fontSize),
      field: parseFloat(getComputedStyle(document.querySelector('#search')).fontSize),
    };
  });
  assert.equal(layout.innerWidth, 390, 'the page is laid out at the phone width, not zoomed out');
  assert.ok(layout.scrollWidth <= layout.innerWidth, `the page is ${layout.scrollWidth}px wide on a ${layout.innerWidth}px screen`);
  assert.equal(layout.scrollX, 0, 'the page does not scroll sideways');
  assert.ok(layout.headerInside, 'the header controls fit the screen');
  assert.ok(layout.status.top >= layout.search.bottom, 'the status filter wraps below the search box');
  assert.ok(layout.header <= layout.innerHeight / 4, `the sticky header takes ${layout.header}px of ${layout.innerHeight}`);
  assert.ok(layout.rowsInside, 'every record fits the screen');
  assert.ok(layout.message >= 14, `messages are ${layout.message}px`);
  assert.ok(layout.smallest >= 12, `the smallest text is ${layout.smallest}px`);
  assert.ok(layout.field >= 16, 'the search box is big enough for the phone not to zoom in');
  await page.screenshot({ path: shot('phone') });
  await page.locator('#search').fill('40400004');
  assert.deepEqual(await visibleIds(page), ['console-40400004']);
  await page.close();
  await phone.close();

  assert.deepEqual(external, [], 'the page loads nothing from the network');
  assert.deepEqual(errors, [], 'the script runs without errors');
  console.log(`ok: ${total} codes; "40400004" leaves 1 row; 412 leaves ${with412}; phone layout fits; screenshots ${shot('desktop')}, ${shot('phone')}`);
} finally {
  await browser.close();
}
