// bench/org-report: the reports of a many-account scan (issue 8 item 6). Builds in memory the
// record of an organisation of 1,000 accounts × 50 IAM users (test/builders/many-accounts.ts: a
// generated account per member under its own id, each a little different, in nested OUs, plus
// accounts that could not be assessed), then renders every format and prints size and time.
// The HTML report is the one that must stay usable: its size and render time are the headline.
// With --browser (and Debian's Chromium), it also opens the HTML report and prints how long the
// page takes to be interactive and to apply an OU filter.
//   node --import tsx bench/org-report.ts [accounts] [users] [--browser]
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { CHECKS } from '../src/checks/registry.js';
import { render } from '../src/record/render.js';
import { FORMATS, REPORTERS, reportChunks } from '../src/report/index.js';
import { largeAccountJson } from '../test/builders/large-account.js';
import { manyAccountsRecord, OUS } from '../test/builders/many-accounts.js';

const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const ACCOUNTS = Number(args[0] ?? 1000);
const USERS = Number(args[1] ?? 50);
const BROWSER = process.argv.includes('--browser');
const NOT_ASSESSED = Math.max(1, Math.round(ACCOUNTS / 50));

const ms = (start: number) => `${(performance.now() - start).toFixed(0)} ms`;
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;

let start = performance.now();
const base = JSON.stringify(largeAccountJson(USERS));
const record = manyAccountsRecord({ accounts: ACCOUNTS, notAssessed: NOT_ASSESSED, evidence: () => base });
console.log(`bench/org-report: ${ACCOUNTS} accounts × ${USERS} users, ${NOT_ASSESSED} not assessed: ${record.findings.length.toLocaleString('en-GB')} findings (record built in ${ms(start)})`);

start = performance.now();
const result = render(record, 'en', { checks: CHECKS });
console.log(`  render (JSON result in words)  ${ms(start)}`);

const options = { color: false, region: 'us-east-1', record };
for (const format of FORMATS) {
  start = performance.now();
  let bytes = 0;
  for (const piece of reportChunks(format, result, options)) bytes += Buffer.byteLength(piece);
  const took = ms(start);
  console.log(`  ${format.padEnd(9)} ${took.padStart(9)}  ${mb(bytes).padStart(9)}${format === 'html' ? '   ← target: usable at 1,000 accounts' : ''}`);
}
// The HTML report once more, as the headline numbers (the first run above warms the page script's bundle).
start = performance.now();
const html = REPORTERS.html.render(result, options);
console.log(`html report: ${mb(Buffer.byteLength(html))}, rendered in ${ms(start)}; peak RSS ${mb(process.resourceUsage().maxRSS * 1024)}`);

if (BROWSER) {
  const CHROMIUM = '/usr/bin/chromium';
  if (!existsSync(CHROMIUM)) {
    console.log(`browser: skipped, ${CHROMIUM} not found`);
  } else {
    const { chromium } = await import('playwright-core');
    const dir = mkdtempSync(join(tmpdir(), 'lockdown-org-report-'));
    const file = join(dir, 'report.html');
    writeFileSync(file, html);
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'] });
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      await page.goto(pathToFileURL(file).href, { timeout: 120_000 });
      await page.waitForSelector('html[data-ready=true]', { timeout: 120_000 });
      const readyAt = await page.evaluate(() => (window as unknown as { lockdownReport: { readyAt: number } }).lockdownReport.readyAt);
      const before = await page.locator('#result-count').innerText();
      start = performance.now();
      await page.selectOption('#filter-ou', OUS.web.id);
      await page.waitForFunction((text) => document.getElementById('result-count')?.textContent !== text, before);
      console.log(`browser: interactive ${readyAt.toFixed(0)} ms after navigation start; OU filter applied in ${ms(start)} (${await page.locator('#accounts-shown').innerText()})`);
    } finally {
      await browser.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }
}
