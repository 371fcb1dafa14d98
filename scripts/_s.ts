import { chromium } from 'playwright-core';
import { serve } from './serve.ts';
import { CHROMIUM_ARGS } from './screenshot.ts';
const server = await serve(process.argv[2], '/');
const { port } = server.address() as { port: number };
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
for (let i = 0; i < 8; i++) {
  const t = performance.now();
  const page = await browser.newPage();
  const log: string[] = [];
  page.on('console', (m) => log.push('console ' + m.text()));
  page.on('pageerror', (e) => log.push('pageerror ' + e.message));
  page.on('requestfailed', (r) => log.push('failed ' + r.url() + ' ' + r.failure()?.errorText));
  page.on('response', (r) => { if (r.status() >= 400) log.push('status ' + r.status() + ' ' + r.url()); });
  await page.goto(`http://127.0.0.1:${port}/linear-algebra/`);
  await page.locator('button[data-open-modal]').first().click();
  try {
    await page.locator('#starlight__search input').fill('xoshiro128', { timeout: 15000 });
    const result = page.locator('#starlight__search .pagefind-ui__result-link');
    await result.first().waitFor({ timeout: 10_000 });
    console.log(i, 'ok', ((performance.now() - t) / 1000).toFixed(1), log);
  } catch (e) {
    console.log(i, 'FAIL', log, await page.evaluate(() => ({ open: !!document.querySelector('dialog[open]'), html: document.querySelector('#starlight__search')?.outerHTML.slice(0, 300) })));
  }
  await page.close();
}
await browser.close(); server.close();
