// scratch: screenshots of the k-means page's figures (not committed)
import { chromium } from 'playwright-core';
import { serve } from './scripts/serve.ts';
import { CHROMIUM_ARGS } from './scripts/screenshot.ts';
const server = await serve(process.env.BOOK_DIST ?? 'dist', '/');
const { port } = server.address() as { port: number };
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
for (const [w, dark] of [[1280, false], [390, true], [390, false], [1280, true]] as const) {
  const page = await browser.newPage({ viewport: { width: w, height: 900 }, colorScheme: dark ? 'dark' : 'light' });
  await page.goto(`http://127.0.0.1:${port}/k-means/`);
  await page.evaluate(() => document.fonts.ready);
  const tag = `${w}${dark ? 'd' : 'l'}`;
  await page.screenshot({ path: `/tmp/kms-${tag}-top.png` });
  const figs = await page.$$('figure.book-figure, kmeans-demo');
  let i = 0;
  for (const f of figs) {
    if (!(await f.isVisible())) continue;
    await f.screenshot({ path: `/tmp/kms-${tag}-fig${i++}.png` });
  }
  if (w === 1280 && !dark) {
    const next = await page.$('.kmd-next');
    for (let t = 0; t < 3; t++) await next!.click();
    await (await page.$('kmeans-demo'))!.screenshot({ path: `/tmp/kms-demo-after3.png` });
    const c = await page.$('.kmd-centres g');
    await c!.focus(); await page.keyboard.press('ArrowRight');
    await (await page.$('kmeans-demo'))!.screenshot({ path: `/tmp/kms-demo-moved.png` });
    const tables = await page.$$('table');
    for (const t of tables) { const txt = await t.innerText(); if (txt.includes('iterations')) { await t.screenshot({ path: '/tmp/kms-table.png' }); } }
  }
  console.log(tag, i);
  await page.close();
}
await browser.close();
server.close();
