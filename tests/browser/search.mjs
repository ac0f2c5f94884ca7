// Loads the HTML reference written by `cargo xtask docs` in headless
// Chromium, types a code into the search box as a user would, and checks
// what stays visible. Writes a screenshot for a person to look at.
//
//   node tests/browser/search.mjs [PAGE] [SCREENSHOT]

import assert from 'node:assert/strict';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const pagePath = process.argv[2] ?? 'target/errcat-docs/reference.html';
const screenshot = process.argv[3] ?? 'target/errcat-docs/search-40400004.png';

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  // The machine has no network: keep Chromium from trying to reach one.
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const external = [];
  page.on('request', (request) => {
    if (!request.url().startsWith('file:')) external.push(request.url());
  });
  await page.goto(pathToFileURL(path.resolve(pagePath)).href);
  const total = await page.locator('tbody tr').count();
  assert.ok(total > 0, 'the page lists codes');
  assert.equal(await page.locator('#count').textContent(), `${total} of ${total} codes`);

  // Typing a code leaves exactly its row.
  await page.locator('#search').pressSequentially('40400004');
  const visible = page.locator('tbody tr:visible');
  assert.equal(await visible.count(), 1, 'exactly one row matches 40400004');
  assert.equal(await visible.first().getAttribute('id'), 'console-40400004');
  assert.equal(await page.locator('#count').textContent(), `1 of ${total} codes`);
  await page.screenshot({ path: screenshot });

  // Identifiers and messages are searched too, case-insensitively.
  await page.locator('#search').fill('illegal_parameter');
  assert.deepEqual(await visible.evaluateAll((rows) => rows.map((r) => r.id)), ['api_switch-10001']);
  await page.locator('#search').fill('云盘不存在');
  assert.deepEqual(await visible.evaluateAll((rows) => rows.map((r) => r.id)), ['api_switch-10344']);

  // The status filter keeps exactly the rows of that status.
  await page.locator('#search').fill('');
  await page.selectOption('#status', '412');
  const with412 = await page.locator('tbody tr[data-status="412"]').count();
  assert.ok(with412 > 0);
  assert.equal(await visible.count(), with412);
  assert.deepEqual(
    await visible.evaluateAll((rows) => [...new Set(rows.map((r) => r.dataset.status))]),
    ['412'],
  );

  // Every code has an anchor to link to.
  await page.selectOption('#status', '');
  await page.goto(pathToFileURL(path.resolve(pagePath)).href + '#console-40400004');
  assert.equal(await page.locator(':target').getAttribute('id'), 'console-40400004');

  assert.deepEqual(external, [], 'the page loads nothing from the network');
  console.log(`ok: ${total} codes; "40400004" leaves 1 row; 412 leaves ${with412}; screenshot ${screenshot}`);
} finally {
  await browser.close();
}
