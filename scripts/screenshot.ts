// A tool for authors: PNG screenshots of built pages, to look at a chapter
// as a reader sees it. Takes a path, an output file and flags:
//   node scripts/screenshot.ts /introduction/ out.png [--dark] [--mobile]
// BOOK_DIST=/tmp/x serves a build made with `astro build --outDir /tmp/x`.
import { chromium } from 'playwright-core';
import { serve } from './serve.ts';

export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic',
  '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync',
];

if (import.meta.main) {
  const [path = '/', out = 'page.png', ...flags] = process.argv.slice(2);
  const base = process.env.BOOK_BASE ?? '/';
  // BOOK_DIST: a build made with --outDir elsewhere (default dist/).
  const server = await serve(process.env.BOOK_DIST ?? 'dist', base);
  const { port } = server.address() as { port: number };
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  const mobile = flags.includes('--mobile');
  const page = await browser.newPage({
    viewport: mobile ? { width: 390, height: 844 } : { width: 1280, height: 900 },
    colorScheme: flags.includes('--dark') ? 'dark' : 'light',
  });
  const url = `http://127.0.0.1:${port}${base}${path.replace(/^\//, '')}`;
  await page.goto(url);
  await page.evaluate(() => document.fonts.ready);
  const full = flags.includes('--full');
  await page.screenshot({ path: out, fullPage: full });
  console.log(`${url} → ${out}`);
  await browser.close();
  server.close();
}
