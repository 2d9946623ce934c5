import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { ScanResult } from '../src/engine/result.js';
import { STATUSES } from '../src/engine/types.js';
import { renderHtml } from '../src/report/html.js';
import { CHECKS } from '../src/checks/registry.js';
import { evaluate } from '../src/engine/evaluate.js';
import { parseEvidence } from '../src/evidence/parse.js';
import { accountRecord, buildRecord } from '../src/record/record.js';
import { render } from '../src/record/render.js';
import { largeAccountJson } from './builders/large-account.js';
import { manyAccountsRecord, OUS } from './builders/many-accounts.js';
import { fixedRecord, HOSTILE_USER } from './report-fixture.js';

// The HTML report in a real browser (STACK.md "Browser tests"): Debian's Chromium driven by
// playwright-core, the page opened from a file:// URL as an auditor would open it.

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];
const REPO = fileURLToPath(new URL('..', import.meta.url));

// Without Chromium the tests are skipped on a workstation, never under CI (.ci/run installs it).
const skip = !existsSync(CHROMIUM) && !process.env.CI ? `${CHROMIUM} not found; install it with: apt-get install -y --no-install-recommends chromium` : false;
if (skip) console.log(`# html report browser tests skipped: ${skip}`);

/** Screenshots and PDFs go outside the repository: $ARTIFACTS_DIR, else the system temp folder. */
function artifactsDir(): string {
  const wanted = process.env.ARTIFACTS_DIR ? resolve(process.env.ARTIFACTS_DIR) : '';
  const inRepo = wanted !== '' && !relative(REPO, wanted).startsWith('..');
  const dir = wanted && !inRepo ? wanted : join(tmpdir(), 'aws-lockdown-artifacts');
  mkdirSync(dir, { recursive: true });
  return dir;
}

interface Opened {
  page: Page;
  url: string;
  requests: string[];
  errors: string[];
}

const rows = (page: Page) => page.locator('#findings-body tr.finding').count();

/** Waits until the table shows `n` finding rows, and says how many it shows when it does not. */
async function rowsBecome(page: Page, n: number): Promise<void> {
  try {
    await page.waitForFunction((want) => document.querySelectorAll('#findings-body tr.finding').length === want, n, { timeout: 3000 });
  } catch {
    assert.fail(`expected ${n} rows, the table shows ${await rows(page)}`);
  }
}

describe('html report in Chromium', { skip }, () => {
  let browser: Browser;
  let dir: string;
  let artifacts: string;
  // Rendered from a record, as the CLI does: the page fills the messages from templates and parameters.
  const record = fixedRecord();
  const result = render(record, 'en', { checks: CHECKS });
  let reportFile: string;

  before(async () => {
    assert.ok(existsSync(CHROMIUM), `${CHROMIUM} is missing; CI installs it in .ci/run (apt-get install chromium)`);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
    dir = mkdtempSync(join(tmpdir(), 'lockdown-html-'));
    artifacts = artifactsDir();
    reportFile = join(dir, 'report.html');
    writeFileSync(reportFile, renderHtml(result, { color: false, region: 'us-east-1', compliance: 'cis-aws-v5.0.0', record }));
  });
  after(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function open(file: string, viewport = { width: 1280, height: 900 }): Promise<Opened> {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    const url = pathToFileURL(file).href;
    const requests: string[] = [];
    const errors: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(`console: ${m.text()}`);
    });
    page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
    page.on('dialog', (d) => {
      errors.push(`dialog: ${d.message()}`);
      void d.dismiss();
    });
    await page.goto(url);
    await page.waitForSelector('html[data-ready=true]', { timeout: 5000 });
    return { page, url, requests, errors };
  }

  test('opens from file:// with no request but the file itself and no console errors', async () => {
    const { page, url, requests, errors } = await open(reportFile);
    assert.equal(await rows(page), 100, 'the first page of 100 rows');
    // Every finding of the fixture, whatever the number of checks.
    const all = result.findings.length;
    assert.equal(await page.locator('#result-count').innerText(), `1–100 of ${all} matching findings (${all} in all)`);
    await page.locator('#findings-body tr.finding').first().click();
    await page.click('#tab-compliance');
    await page.click('#tab-findings');
    assert.deepEqual(requests, [url]);
    assert.deepEqual(errors, []);
    await page.context().close();
  });

  test('the page fills every message to exactly the JSON result\'s text', async () => {
    const { page, errors } = await open(reportFile);
    const shown = await page.evaluate(() => {
      const report = (window as unknown as { lockdownReport: { findings: number; decode(i: number): { message: string } } }).lockdownReport;
      return Array.from({ length: report.findings }, (_, i) => report.decode(i).message);
    });
    assert.deepEqual(shown, result.findings.map((f) => f.message));
    assert.deepEqual(errors, []);
    await page.context().close();
  });

  test('filtering by status, search term and resource changes the visible rows', async () => {
    const { page, errors } = await open(reportFile);
    const fails = result.findings.filter((f) => f.status === 'FAIL');
    for (const [i, status] of STATUSES.entries()) if (status !== 'FAIL') await page.locator(`input[name=status][value="${i}"]`).uncheck();
    await rowsBecome(page, fails.length);
    assert.deepEqual([...new Set(await page.locator('#findings-body tr.finding td:nth-child(2) .badge:first-child').allInnerTexts())], ['FAIL']);

    const text = (f: ScanResult['findings'][number]) => [f.resource.name, f.resource.arn, f.checkId, f.title, f.message].join('\n').toLowerCase();
    const jenkins = fails.filter((f) => text(f).includes('jenkins'));
    assert.ok(jenkins.length > 0 && jenkins.length < fails.length);
    await page.fill('#filter-search', 'Jenkins');
    await rowsBecome(page, jenkins.length);
    const keyFails = fails.filter((f) => text(f).includes('jenkins') && text(f).includes('key'));
    await page.fill('#filter-search', 'jenkins key');
    await rowsBecome(page, keyFails.length);

    await page.click('#filter-reset');
    await rowsBecome(page, 100);
    const root = result.findings.filter((f) => `${f.resource.name}\n${f.resource.arn}`.toLowerCase().includes(':root'));
    await page.fill('#filter-resource', ':ROOT');
    await rowsBecome(page, root.length);
    await page.uncheck('#filter-muted');
    await rowsBecome(page, root.filter((f) => !f.muted).length);
    assert.deepEqual(errors, []);
    await page.context().close();
  });

  test('clicking a finding (or Enter) expands what it means, how to fix it and the CLI command', async () => {
    const { page, errors } = await open(reportFile);
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    // An unmuted FAIL of a user check: its command names the user.
    const finding = result.findings.find((f) => f.status === 'FAIL' && !f.muted && f.resource.type === 'AwsIamUser' && f.remediation?.cli) as ScanResult['findings'][number];
    const cli = finding.remediation?.cli as string;
    assert.ok(cli.includes(finding.resource.name));
    await page.selectOption('#filter-check', finding.checkId);
    await page.fill('#filter-resource', finding.resource.arn);
    await rowsBecome(page, 1);
    const row = page.locator('#findings-body tr.finding').first();
    await row.click();
    const detail = page.locator('#findings-body tr.detail');
    await detail.waitFor();
    assert.equal(await row.getAttribute('aria-expanded'), 'true');
    const shown = await detail.innerText();
    assert.ok(shown.includes(result.checks[finding.checkId]?.risk as string), 'the risk text');
    assert.ok(shown.includes(finding.remediation?.steps[1] as string), 'the remediation steps');
    assert.equal(await detail.locator('.cli code').innerText(), cli);
    assert.ok(await detail.locator('.cli code').isVisible());

    await detail.locator('button.copy').click();
    await page.waitForFunction(() => (document.querySelector('.copy-status')?.textContent ?? '') !== '');
    assert.equal(await detail.locator('.copy-status').innerText(), 'Copied to the clipboard');
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), cli);

    await row.click();
    assert.equal(await page.locator('#findings-body tr.detail').count(), 0, 'a second click closes it');
    await row.focus();
    await page.keyboard.press('Enter');
    await detail.waitFor();
    assert.ok((await detail.innerText()).includes(cli));
    assert.deepEqual(errors, []);

    await page.fill('#filter-resource', '');
    await page.selectOption('#filter-check', 'root-access-keys');
    await rowsBecome(page, 1);
    await page.locator('#findings-body tr.finding').first().click();
    assert.match(await page.locator('#findings-body tr.detail .mute-note').innerText(), /^Muted by the mutelist: Break-glass key kept in the vault/);
    await page.screenshot({ path: join(artifacts, 'report-html-finding.png'), fullPage: true });
    console.log(`# screenshot: ${join(artifacts, 'report-html-finding.png')}`);
    await page.context().close();
  });

  test('copy falls back to execCommand, and at worst selects the command', async () => {
    const { page, errors } = await open(reportFile);
    // A browser without the asynchronous clipboard API (older ones, or a policy that blocks it).
    await page.evaluate(() => Object.defineProperty(navigator, 'clipboard', { value: undefined }));
    await page.selectOption('#filter-check', 'root-access-keys');
    await rowsBecome(page, 1);
    await page.locator('#findings-body tr.finding').first().click();
    const cli = result.findings.find((f) => f.checkId === 'root-access-keys')?.remediation?.cli as string;
    await page.locator('button.copy').click();
    await page.waitForFunction(() => document.querySelector('.copy-status')?.textContent === 'Copied to the clipboard');
    await page.evaluate(() => {
      document.execCommand = () => false;
      (document.querySelector('.copy-status') as HTMLElement).textContent = '';
    });
    await page.locator('button.copy').click();
    await page.waitForFunction(() => (document.querySelector('.copy-status')?.textContent ?? '') !== '');
    assert.match(await page.locator('.copy-status').innerText(), /^Copying was blocked/);
    assert.equal(await page.evaluate(() => String(window.getSelection())), cli);
    assert.deepEqual(errors, []);
    await page.context().close();
  });

  test('a hostile user name is shown as text, never as markup', async () => {
    const { page, errors } = await open(reportFile);
    await page.fill('#filter-resource', 'onerror');
    await rowsBecome(page, result.findings.filter((f) => f.resource.name === HOSTILE_USER).length);
    const names = await page.locator('#findings-body tr.finding td.resource .name').evaluateAll((els) => els.map((e) => e.textContent));
    assert.ok(names.length > 0 && names.every((n) => n === HOSTILE_USER));
    await page.locator('#findings-body tr.finding').first().click();
    await page.locator('#findings-body tr.detail').waitFor();
    assert.equal(await page.evaluate(() => document.querySelectorAll('img').length), 0);
    assert.deepEqual(errors, [], 'no script ran from the name (no dialog, no error)');
    await page.context().close();
  });

  test('columns sort both ways; the compliance tab links back to the findings', async () => {
    const { page, errors } = await open(reportFile);
    const all = result.findings.map((f) => f.resource.name.toLowerCase()).sort();
    const names = async () => (await page.locator('#findings-body tr.finding td.resource .name').allInnerTexts()).map((n) => n.toLowerCase());
    await page.click('th[data-sort=resource] button');
    let shown = await names();
    assert.equal(shown[0], all[0]);
    assert.deepEqual(shown, [...shown].sort());
    assert.equal(await page.getAttribute('th[data-sort=resource]', 'aria-sort'), 'ascending');
    await page.click('th[data-sort=resource] button');
    shown = await names();
    assert.equal(shown[0], all[all.length - 1]);
    assert.equal(await page.getAttribute('th[data-sort=resource]', 'aria-sort'), 'descending');

    await page.click('#tab-compliance');
    assert.ok(await page.locator('#panel-compliance').isVisible());
    assert.ok(!(await page.locator('#panel-findings').isVisible()));
    assert.equal(await page.locator('section.framework').first().getAttribute('data-framework'), 'cis-aws-v5.0.0');
    await page.locator('section.framework').first().locator('button.check-link[data-check="user-console-mfa"]').first().click();
    assert.ok(await page.locator('#panel-findings').isVisible());
    await rowsBecome(page, result.findings.filter((f) => f.checkId === 'user-console-mfa').length);
    assert.deepEqual(errors, []);
    await page.context().close();
  });

  test('print: no controls, every finding to act on with its fix, a PDF', async () => {
    const { page, errors } = await open(reportFile);
    await page.emulateMedia({ media: 'print' });
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    for (const selector of ['.controls', 'nav.tabs', '.pager', '#findings-table']) {
      assert.equal(await page.locator(selector).evaluate((e) => getComputedStyle(e).display), 'none', selector);
    }
    assert.ok(await page.locator('#panel-compliance').isVisible(), 'the compliance view prints too');
    const actionable = result.findings.filter((f) => f.status === 'FAIL' || f.status === 'ERROR' || f.status === 'MANUAL');
    assert.equal(await page.locator('#print-findings section.print-check').count(), new Set(actionable.map((f) => f.checkId)).size);
    assert.equal(await page.locator('#print-findings section.print-check tbody tr').count(), actionable.length);
    const printed = await page.locator('#print-findings').innerText();
    assert.ok(printed.includes(result.checks['root-mfa']?.risk as string));
    const pdf = join(artifacts, 'report-html.pdf');
    await page.pdf({ path: pdf, format: 'A4' });
    assert.equal(readFileSync(pdf).subarray(0, 5).toString(), '%PDF-');
    console.log(`# pdf: ${pdf} (${Math.round(readFileSync(pdf).length / 1024)} KiB)`);
    assert.deepEqual(errors, []);
    await page.context().close();
  });

  test('the Dutch report speaks Dutch', async () => {
    const file = join(dir, 'report-nl.html');
    writeFileSync(file, renderHtml(render(record, 'nl', { checks: CHECKS }), { color: false, region: 'us-east-1', record }));
    const { page, errors } = await open(file);
    const all = result.findings.length;
    assert.equal(await page.locator('#result-count').innerText(), `1–100 van ${all} passende bevindingen (${all} in totaal)`);
    await page.locator('#findings-body tr.finding').first().click();
    assert.equal(await page.locator('#findings-body tr.detail h4').first().textContent(), 'Wat het betekent');
    assert.equal(await page.locator('#findings-body tr.finding td:nth-child(2) .badge').first().textContent(), 'VOLDOET NIET');
    assert.deepEqual(errors, []);
    await page.context().close();
  });

  test('many accounts: the account and OU filters narrow the accounts, the matrix and the findings', async () => {
    const many = manyAccountsRecord({ accounts: 8, notAssessed: 3 });
    const hostile = '<img src=x onerror=alert(8)>';
    (many.accounts[1] as (typeof many.accounts)[number]).name = hostile;
    const manyResult = render(many, 'en', { checks: CHECKS });
    const file = join(dir, 'report-many.html');
    writeFileSync(file, renderHtml(manyResult, { color: false, region: 'us-east-1', record: many }));
    const { page, errors } = await open(file);
    const visible = (selector: string) => page.locator(`${selector} tbody tr:not([hidden])`).count();
    const count = () => page.locator('#result-count').innerText();
    const inOu = (ou: string) => new Set([...manyResult.accounts, ...manyResult.notAssessed].filter((a) => a.ouPath?.some((o) => o.id === ou)).map((a) => a.id));
    assert.equal(await visible('#account-table'), 8);
    assert.equal(await visible('#not-assessed'), 3);
    assert.equal(await page.locator('#accounts-shown').innerText(), '11 of 11 accounts');
    assert.equal(await count(), `1–100 of ${manyResult.findings.length.toLocaleString('en-GB')} matching findings (${manyResult.findings.length.toLocaleString('en-GB')} in all)`);

    // An OU includes its sub-OUs: Production holds the accounts directly in it and those in Production / Web.
    const production = inOu(OUS.production.id);
    await page.selectOption('#filter-ou', OUS.production.id);
    const inProduction = manyResult.findings.filter((f) => production.has(f.accountId)).length;
    await page.waitForFunction((n) => document.getElementById('result-count')?.textContent?.includes(`of ${n} matching`), inProduction.toLocaleString('en-GB'));
    const shownIds = await page.locator('#account-table tbody tr:not([hidden])').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-account')));
    assert.deepEqual(new Set(shownIds), new Set(manyResult.accounts.filter((a) => production.has(a.id)).map((a) => a.id)));
    assert.equal(await visible('#matrix'), shownIds.length, 'the matrix shows the same accounts');
    assert.equal(await visible('#not-assessed'), manyResult.notAssessed.filter((n) => production.has(n.id)).length);
    const accountCells = await page.locator('#findings-body tr.finding td.resource .sub').allInnerTexts();
    assert.ok(accountCells.length > 0 && accountCells.every((c) => [...production].some((id) => c.includes(id))), 'every finding row is of an account in the OU');

    // One account: its findings only; choosing it clears the OU.
    const one = manyResult.accounts[1] as (typeof manyResult.accounts)[number];
    await page.selectOption('#filter-account', one.id);
    const ofOne = manyResult.findings.filter((f) => f.accountId === one.id).length;
    await page.waitForFunction((n) => document.getElementById('result-count')?.textContent?.includes(`of ${n} matching`), ofOne.toLocaleString('en-GB'));
    assert.equal(await page.locator('#filter-ou').inputValue(), '');
    assert.equal(await visible('#account-table'), 1);
    assert.equal(await page.locator('#accounts-shown').innerText(), '1 of 11 accounts');
    assert.ok((await page.locator('#findings-body tr.finding td.resource .sub').first().innerText()).includes(`${hostile} (${one.id})`), 'the hostile account name is shown as text');
    assert.equal(await page.evaluate(() => document.querySelectorAll('img').length), 0);

    // Back to everything, then the account link of the worst account jumps to its findings.
    await page.selectOption('#filter-account', '');
    await page.waitForFunction((n) => document.getElementById('result-count')?.textContent?.includes(`of ${n} matching`), manyResult.findings.length.toLocaleString('en-GB'));
    const worst = await page.locator('#account-table tbody tr').first().getAttribute('data-account');
    await page.locator('#account-table button.account-link').first().click();
    await page.waitForFunction((n) => document.getElementById('accounts-shown')?.textContent === n, '1 of 11 accounts');
    assert.equal(await page.locator('#filter-account').inputValue(), worst);
    assert.ok(await page.locator('#panel-findings').isVisible());
    await page.screenshot({ path: join(artifacts, 'report-html-accounts.png'), fullPage: false });
    // The print view names each resource's account.
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    const printedAccounts = await page.locator('#print-findings tbody td .sub').allInnerTexts();
    assert.ok(printedAccounts.length > 0 && printedAccounts.every((t) => /\(\d{12}\)$/.test(t)), printedAccounts.slice(0, 3).join(' | '));
    assert.deepEqual(errors, [], 'no script ran from the names (no dialog, no error)');
    await page.context().close();
  });

  test('a 50,000-finding report is interactive in under 2 s', async () => {
    const evidence = parseEvidence(largeAccountJson(6250), 'large account');
    const bigRecord = buildRecord([{ account: accountRecord(evidence), findings: evaluate(evidence, CHECKS), mutelist: null }], { source: 'evidence', startedAt: new Date('2026-11-20T10:00:00.000Z'), checks: CHECKS });
    const big = render(bigRecord, 'en', { checks: CHECKS });
    assert.ok(big.findings.length >= 50_000, `${big.findings.length} findings`);
    const file = join(dir, 'report-50k.html');
    writeFileSync(file, renderHtml(big, { color: false, region: 'us-east-1', record: bigRecord }));
    const started = Date.now();
    const { page, url, requests, errors } = await open(file);
    const wall = Date.now() - started;
    const readyAt = await page.evaluate(() => (window as unknown as { lockdownReport: { readyAt: number } }).lockdownReport.readyAt);
    console.log(`# 50k report: ${big.findings.length} findings, ${(Buffer.byteLength(readFileSync(file)) / 1e6).toFixed(2)} MB; first rows rendered ${readyAt.toFixed(0)} ms after navigation start (goto → ready ${wall} ms incl. page creation)`);
    assert.ok(readyAt < 2000, `ready after ${readyAt} ms`);
    assert.equal(await rows(page), 100);

    const before = await page.locator('#result-count').innerText();
    let t = Date.now();
    await page.fill('#filter-search', 'user-004');
    await page.waitForFunction((text) => document.getElementById('result-count')?.textContent !== text, before);
    const search = Date.now() - t;
    const matching = big.findings.filter((f) => [f.resource.name, f.resource.arn, f.message].join('\n').includes('user-004')).length;
    assert.ok(matching > 100);
    assert.equal(await page.locator('#result-count').innerText(), `1–100 of ${matching.toLocaleString('en-GB')} matching findings (${big.findings.length.toLocaleString('en-GB')} in all)`);
    t = Date.now();
    await page.click('th[data-sort=message] button');
    await page.waitForFunction(() => document.querySelector('th[data-sort=message]')?.getAttribute('aria-sort') === 'ascending');
    const sort = Date.now() - t;
    await page.click('#page-next');
    assert.match(await page.locator('#result-count').innerText(), /^101–200 of /);
    console.log(`# 50k report: search (incl. 120 ms debounce and building the search keys) ${search} ms, sort by message ${sort} ms`);
    await page.screenshot({ path: join(artifacts, 'report-html-50k.png') });
    assert.deepEqual(requests, [url]);
    assert.deepEqual(errors, []);
    await page.context().close();
  });
});
