import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { startDashboard, type RunningDashboard } from '../src/server/serve.js';
import { artifactsDir, launchChromium, noChromium } from './builders/chromium.js';
import { HOSTILE_ACCOUNT, seededStore, type SeededStore } from './builders/dashboard-store.js';
import { HOSTILE_USER } from './report-fixture.js';

// The dashboard in Debian's Chromium: every page renders with no console error and no request
// outside the server, filters and paging change the rows, hostile names stay text. Screenshots
// go to the artefacts folder (not the repository).

if (noChromium) console.log(`# dashboard browser tests skipped: ${noChromium}`);

describe('dashboard in Chromium', { skip: noChromium }, () => {
  let seeded: SeededStore;
  let dash: RunningDashboard;
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];
  const foreign: string[] = [];
  const shots = artifactsDir();

  before(async () => {
    seeded = await seededStore();
    dash = await startDashboard({ store: seeded.store, host: '127.0.0.1', port: 0, token: null, lang: 'en' });
    browser = await launchChromium();
    page = await browser.newPage();
    const origin = new URL(dash.url).origin;
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('request', (r) => {
      if (!r.url().startsWith(origin)) foreign.push(r.url());
    });
    // A script injected through a name would call alert: fail loudly instead of waiting.
    page.on('dialog', (d) => {
      errors.push(`dialog: ${d.message()}`);
      void d.dismiss();
    });
  });
  after(async () => {
    await browser?.close();
    await dash?.close();
    await seeded?.dispose();
  });

  async function open(path: string, shot: string): Promise<void> {
    const res = await page.goto(new URL(path, dash.url).href);
    assert.equal(res?.status(), 200, path);
    await page.screenshot({ path: join(shots, `dashboard-${shot}.png`), fullPage: true });
    assert.deepEqual(errors, [], path);
    assert.deepEqual(foreign, [], path);
  }

  const rows = () => page.locator('table.findings tbody tr').count();

  test('overview: accounts, the trend chart, worst open findings; a hostile account name is text', async () => {
    await open('/', 'overview');
    assert.equal(await page.locator('.trend svg polyline').count(), 2);
    const accounts = new Set([...seeded.first.accounts, ...seeded.org.accounts, ...seeded.org.notAssessed].map((a) => a.id));
    assert.equal(await page.locator('main table').first().locator('tbody tr').count(), accounts.size);
    assert.ok((await page.textContent('main'))?.includes(HOSTILE_ACCOUNT));
    assert.equal(await page.locator('main script').count(), 0);
  });

  test('scans and the findings explorer: filters and paging change the rows, server-side', async () => {
    await open('/scans', 'scans');
    assert.equal(await page.locator('main tbody tr').count(), 3);
    await open(`/scans/${seeded.org.scan.id}`, 'explorer');
    assert.equal(await rows(), 50);
    const total = seeded.org.findings.length;
    assert.match((await page.textContent('.pager')) ?? '', new RegExp(`1–50 of ${total} findings`));
    await page.locator('a[rel=next]').first().click();
    await page.waitForURL(/page=2/);
    assert.match((await page.textContent('.pager')) ?? '', new RegExp(`51–${Math.min(100, total)} of ${total}`));
    await page.selectOption('select[name=severity]', ['critical']);
    await page.selectOption('select[name=status]', ['FAIL']);
    await Promise.all([page.waitForURL(/severity=critical/), page.click('form.filters button[type=submit]')]);
    const critical = seeded.org.findings.filter((f) => f.severity === 'critical' && f.status === 'FAIL').length;
    assert.equal(await rows(), Math.min(critical, 50));
    await page.screenshot({ path: join(shots, 'dashboard-explorer-filtered.png'), fullPage: true });
    assert.deepEqual(errors, []);
  });

  test('the demo account scan shows the hostile user name as text on the explorer and the finding page', async () => {
    await open(`/scans/${seeded.second.scan.id}?q=${encodeURIComponent('<img')}`, 'explorer-hostile');
    assert.ok((await rows()) >= 1);
    assert.ok((await page.textContent('table.findings'))?.includes(HOSTILE_USER));
    assert.equal(await page.locator('table.findings img').count(), 0);
    await open(`/findings/${seeded.fixedId}`, 'finding');
    assert.ok((await page.textContent('main'))?.includes(HOSTILE_USER));
    assert.equal(await page.locator('ol.timeline li').count(), 2);
  });

  test('the diff page lists the regressed and the resolved finding', async () => {
    await open(`/diff?b=${seeded.second.scan.id}&account=${seeded.second.accounts[0]?.id ?? ''}`, 'diff');
    const text = (await page.textContent('main')) ?? '';
    assert.match(text, /Regressed \(1\)/);
    assert.match(text, /Resolved \(1\)/);
    assert.ok(text.includes(HOSTILE_USER));
  });

  test('the diff picker compares any two scans of the account, chosen in the page', async () => {
    const account = seeded.second.accounts[0]?.id ?? '';
    await open(`/diff?account=${account}`, 'diff-picker');
    await page.selectOption('select[name=a]', seeded.second.scan.id);
    await page.selectOption('select[name=b]', seeded.first.scan.id);
    await Promise.all([page.waitForURL(/a=2222/), page.click('form.picker button[type=submit]')]);
    const url = new URL(page.url());
    assert.equal(url.searchParams.get('account'), account);
    assert.equal(url.searchParams.get('b'), seeded.first.scan.id);
    assert.match((await page.textContent('h1')) ?? '', /from scan 22222222 to scan 11111111/);
    // The first scan seen from the second: the fixed finding fails again.
    assert.match((await page.textContent('main')) ?? '', /Regressed \(1\)/);
    assert.equal(await page.locator('select[name=a] option:checked').getAttribute('value'), seeded.second.scan.id);
    assert.deepEqual(errors, []);
  });

  test('every form control has a label, the page has its landmarks', async () => {
    for (const path of ['/', `/scans/${seeded.org.scan.id}`, `/diff?account=${seeded.second.accounts[0]?.id ?? ''}`]) {
      await page.goto(new URL(path, dash.url).href);
      const unlabelled = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLInputElement | HTMLSelectElement>('input:not([type=hidden]), select')].filter((e) => (e.labels?.length ?? 0) === 0).map((e) => e.name),
      );
      assert.deepEqual(unlabelled, [], path);
      assert.equal(await page.locator('main').count(), 1);
      assert.ok((await page.locator('nav[aria-label]').count()) >= 1);
    }
  });

  test('check catalogue and compliance views, in Dutch too', async () => {
    await open('/checks', 'checks');
    assert.ok((await page.locator('tbody tr').count()) >= 34);
    await open(`/scans/${seeded.first.scan.id}/compliance/cis-aws-v5.0.0?lang=nl`, 'compliance-nl');
    assert.equal(await page.getAttribute('html', 'lang'), 'nl');
    assert.ok((await page.textContent('main'))?.includes('VOLDOET NIET'));
  });
});
