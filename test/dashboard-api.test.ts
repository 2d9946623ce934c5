import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { startDashboard, type RunningDashboard } from '../src/server/serve.js';
import type { ScanRecord } from '../src/record/record.js';
import { openStore, type Store } from '../src/store/store.js';
import { manyAccountsRecord } from './builders/many-accounts.js';
import { HOSTILE_ACCOUNT, HOSTILE_OU, HOSTILE_REASON, seededStore, type SeededStore } from './builders/dashboard-store.js';
import { fixedRecord, HOSTILE_POLICY, HOSTILE_USER } from './report-fixture.js';
import { ownPath } from '../src/server/app.js';
import { view } from '../src/server/layout.js';
import { DASHBOARD_STYLE } from '../src/server/style.js';
import { DASHBOARD_TEXT } from '../src/server/text.js';

// The dashboard's HTTP contract without a browser: the JSON API, status codes, security headers,
// the token off loopback, the Host check on loopback, and that nothing writes to the store.

/** What the dashboard may call: reads only. Anything else (saveScan, prune, importScan, close, a method added later) fails the test. */
const READS = ['loadScan', 'loadEvidence', 'listScans', 'scanSummary', 'resolveScanRef', 'previousScanOf', 'findingsPage', 'changesSince', 'findingHistory', 'accountsOverview', 'stats'];

/** The store as the dashboard gets it: any call that is not a read fails the test. */
function readOnly(store: Store): Store {
  return new Proxy(store, {
    get(target, key, receiver) {
      if (typeof Reflect.get(target, key, receiver) === 'function' && !READS.includes(String(key))) return () => assert.fail(`the dashboard called store.${String(key)}`);
      const value = Reflect.get(target, key, receiver) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

function get(url: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('dashboard HTTP API', () => {
  let seeded: SeededStore;
  let dash: RunningDashboard;
  before(async () => {
    seeded = await seededStore();
    dash = await startDashboard({ store: readOnly(seeded.store), host: '127.0.0.1', port: 0, token: null, lang: 'en' });
  });
  after(async () => {
    await dash?.close();
    await seeded?.dispose();
  });

  test('overview lists every account with its latest verdicts and coverage, not-assessed ones included', async () => {
    const res = await get(`${dash.url}api/overview`);
    assert.equal(res.status, 200);
    const body = JSON.parse(res.body) as { accounts: { accountId: string; latest: { assessed: boolean; notAssessedCode: string | null } }[]; coverage: { assessed: number; inScope: number }; trend: unknown[] };
    const ids = body.accounts.map((a) => a.accountId).sort();
    const expected = [...new Set([...seeded.org.accounts.map((a) => a.id), ...seeded.org.notAssessed.map((a) => a.id), ...seeded.first.accounts.map((a) => a.id)])].sort();
    assert.deepEqual(ids, expected);
    assert.equal(body.accounts.filter((a) => !a.latest.assessed).length, 2);
    assert.deepEqual(body.coverage, { assessed: expected.length - 2, inScope: expected.length });
    assert.ok(body.trend.length >= 2);
  });

  test('the findings API filters, sorts and pages in the store, and words findings in the asked language', async () => {
    const all = JSON.parse((await get(`${dash.url}api/scans/${seeded.org.scan.id}/findings?limit=10`)).body) as { total: number; rows: { status: string; severity: string; title: string }[] };
    assert.equal(all.total, seeded.org.findings.length);
    assert.equal(all.rows.length, 10);
    const critical = JSON.parse((await get(`${dash.url}api/scans/${seeded.org.scan.id}/findings?severity=critical&status=FAIL`)).body) as typeof all;
    assert.equal(critical.total, seeded.org.findings.filter((f) => f.severity === 'critical' && f.status === 'FAIL').length);
    assert.ok(critical.rows.every((r) => r.severity === 'critical' && r.status === 'FAIL'));
    const second = JSON.parse((await get(`${dash.url}api/scans/${seeded.org.scan.id}/findings?limit=10&page=2`)).body) as typeof all;
    assert.notDeepEqual(second.rows, all.rows);
    const dutch = JSON.parse((await get(`${dash.url}api/scans/${seeded.org.scan.id}/findings?limit=10&lang=nl`)).body) as typeof all;
    assert.notEqual(dutch.rows[0]?.title, all.rows[0]?.title);
  });

  test('a finding has its history: failing in the first scan, passing in the second', async () => {
    const res = JSON.parse((await get(`${dash.url}api/findings/${seeded.fixedId}`)).body) as { history: { timeline: { status: string }[] } };
    assert.deepEqual(res.history.timeline.map((t) => t.status), ['FAIL', 'PASS']);
  });

  test('the diff of a scan against the previous scan of its account: one regressed, one resolved, by finding id', async () => {
    const account = seeded.second.accounts[0]?.id ?? '';
    const diff = JSON.parse((await get(`${dash.url}api/diff?b=${seeded.second.scan.id}&account=${account}`)).body) as Record<'new' | 'regressed' | 'resolved' | 'changed', { id: string }[]> & { before: { id: string }[] };
    assert.deepEqual(diff.before.map((s) => s.id), [seeded.first.scan.id]);
    assert.deepEqual(diff.regressed.map((e) => e.id), [seeded.regressedId]);
    assert.deepEqual(diff.resolved.map((e) => e.id), [seeded.fixedId]);
    assert.deepEqual(diff.new, []);
  });

  test('bad input is a 400 naming the parameter; unknown ids are 404; writes are refused', async () => {
    const bad = await get(`${dash.url}api/scans/${seeded.org.scan.id}/findings?severity=urgent`);
    assert.equal(bad.status, 400);
    assert.match(bad.body, /severity: 'urgent'/);
    assert.equal((await get(`${dash.url}api/scans/ffffffff-0000-4000-8000-000000000000`)).status, 404);
    assert.equal((await get(`${dash.url}api/findings/0000000000000000`)).status, 404);
    assert.equal((await get(`${dash.url}scans/nope-nope`)).status, 404);
    const post = await new Promise<number>((resolve, reject) => {
      const req = request(`${dash.url}api/scans`, { method: 'POST' }, (res) => resolve(res.statusCode ?? 0));
      req.on('error', reject);
      req.end('{}');
    });
    assert.equal(post, 405);
  });

  test('every response carries a strict Content-Security-Policy; a foreign Host is refused (DNS rebinding)', async () => {
    for (const path of ['', 'scans', `scans/${seeded.org.scan.id}`, 'checks', 'api/overview', 'assets/style.css', 'no-such-page']) {
      const res = await get(`${dash.url}${path}`);
      assert.match(String(res.headers['content-security-policy']), /default-src 'none'/, path);
      assert.equal(res.headers['x-content-type-options'], 'nosniff');
    }
    assert.equal((await get(dash.url, { Host: 'evil.example:80' })).status, 421);
  });
});

describe('dashboard off loopback', () => {
  let seeded: SeededStore;
  let dash: RunningDashboard;
  const token = 'test-token-0123456789abcdef';
  before(async () => {
    seeded = await seededStore();
    dash = await startDashboard({ store: seeded.store, host: '0.0.0.0', port: 0, token, lang: 'en' });
  });
  after(async () => {
    await dash?.close();
    await seeded?.dispose();
  });

  test('refuses to start without a token', async () => {
    await assert.rejects(startDashboard({ store: seeded.store, host: '0.0.0.0', port: 0, token: null, lang: 'en' }), /needs a token/);
  });

  test('every request needs the token: bearer, or ?token= once which becomes an HttpOnly cookie', async () => {
    const port = new URL(dash.url).port;
    const base = `http://127.0.0.1:${port}/`;
    assert.equal((await get(`${base}api/overview`)).status, 401);
    assert.equal((await get(base)).status, 401);
    assert.equal((await get(`${base}api/overview`, { Authorization: 'Bearer wrong-token-0123456789' })).status, 401);
    assert.equal((await get(`${base}api/overview`, { Authorization: `Bearer ${token}` })).status, 200);
    const first = await get(`${base}scans?token=${token}`);
    assert.equal(first.status, 303);
    assert.equal(first.headers.location, '/scans');
    const cookie = String(first.headers['set-cookie']);
    assert.match(cookie, /HttpOnly/);
    assert.match(cookie, /SameSite=Strict/);
    assert.equal((await get(`${base}scans`, { Cookie: cookie.split(';')[0] as string })).status, 200);
  });
});

const SECURITY_HEADERS = (res: { headers: Record<string, string | string[] | undefined> }, what: string) => {
  assert.match(String(res.headers['content-security-policy']), /^default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'$/, what);
  assert.equal(res.headers['x-content-type-options'], 'nosniff', what);
};

/** The text a person sees: tags dropped, entities decoded, space collapsed. */
const visible = (page: string) =>
  (/<main>([\s\S]*)<\/main>/.exec(page)?.[1] ?? page)
    .replace(/<title>[\s\S]*?<\/title>/g, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');

describe('dashboard: a demanding review (security, words, robustness)', () => {
  let seeded: SeededStore;
  let dash: RunningDashboard;
  let pages: string[];
  before(async () => {
    seeded = await seededStore();
    dash = await startDashboard({ store: readOnly(seeded.store), host: '127.0.0.1', port: 0, token: null, lang: 'en' });
    const org = seeded.org.scan.id;
    const hostileFinding = seeded.org.findings.find((f) => f.muteReason === HOSTILE_REASON)?.id ?? '';
    pages = [
      '',
      'scans',
      `scans/${org}`,
      `scans/${org}?muted=yes`,
      `scans/${org}?q=${encodeURIComponent(`"><script>alert('q')</script>`)}&ou=${encodeURIComponent(`x" autofocus onfocus="alert(1)`)}`,
      `scans/${seeded.second.scan.id}?q=${encodeURIComponent('<img')}`,
      `scans/${seeded.second.scan.id}?q=${encodeURIComponent('=cmd')}`,
      `scans/${org}/compliance/cis-aws-v5.0.0`,
      `findings/${seeded.fixedId}`,
      `findings/${hostileFinding}`,
      `diff?b=${seeded.second.scan.id}&account=${seeded.second.accounts[0]?.id ?? ''}`,
      `diff?a=${seeded.first.scan.id}&b=${org}`,
      'checks',
    ];
  });
  after(async () => {
    await dash?.close();
    await seeded?.dispose();
  });

  test('the token redirect stays on this server: //evil, /\\evil and encoded slashes become a local path', () => {
    assert.equal(ownPath('//evil.example/x'), '/evil.example/x');
    assert.equal(ownPath('/\\evil.example'), '/evil.example');
    assert.equal(ownPath('/\\/\\evil.example'), '/evil.example');
    assert.equal(ownPath('/scans/abc'), '/scans/abc');
    assert.equal(ownPath('/'), '/');
  });

  test('no page has a script, an inline style, an event handler or an unescaped hostile name, attributes included', async () => {
    for (const path of pages) {
      const res = await get(`${dash.url}${path}`);
      assert.equal(res.status, 200, path);
      SECURITY_HEADERS(res, path);
      // Attribute values emptied first: an escaped quote (&quot;) cannot end one, so what is left are real attributes.
      assert.doesNotMatch(res.body.replace(/"[^"]*"/g, '""'), /<script|<[^>]*\s(style|on[a-z]+)=|javascript:/i, path);
      for (const hostile of [HOSTILE_ACCOUNT, HOSTILE_USER, HOSTILE_OU, HOSTILE_REASON]) assert.ok(!res.body.includes(hostile), `${path}: ${hostile} unescaped`);
    }
    // Each hostile name is shown, as text, somewhere.
    const text = (await Promise.all(pages.map(async (p) => visible((await get(`${dash.url}${p}`)).body)))).join(' ');
    for (const hostile of [HOSTILE_ACCOUNT, HOSTILE_USER, HOSTILE_OU, HOSTILE_REASON, HOSTILE_POLICY]) assert.ok(text.includes(hostile), `${hostile} not shown`);
  });

  test('every response carries the security headers: redirects, 400, 401, 404, 405, 421, assets', async () => {
    const org = seeded.org.scan.id;
    const cases: [string, number, Record<string, string>?][] = [
      ['assets/style.css', 200],
      ['assets/icon.svg', 200],
      ['favicon.ico', 301],
      [`scans/${org}?severity=urgent`, 400],
      [`api/scans/${org}/findings?q=%FF`, 400],
      ['nothing-here', 404],
      ['api/nothing-here', 404],
      [`scans/${org}/compliance/no-such-framework`, 404],
      ['', 421, { Host: 'attacker.example' }],
      ['', 421, { Host: `localhost.attacker.example:${new URL(dash.url).port}` }],
    ];
    for (const [path, status, headers] of cases) {
      const res = await get(`${dash.url}${path}`, headers);
      assert.equal(res.status, status, path);
      SECURITY_HEADERS(res, path);
    }
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH']) {
      const res = await new Promise<{ status: number; headers: Record<string, string | string[] | undefined> }>((resolve, reject) => {
        const req = request(`${dash.url}api/overview`, { method }, (r) => {
          r.resume();
          resolve({ status: r.statusCode ?? 0, headers: r.headers });
        });
        req.on('error', reject);
        req.end();
      });
      assert.equal(res.status, 405, method);
      assert.equal(res.headers.allow, 'GET, HEAD');
      SECURITY_HEADERS(res, method);
    }
  });

  test('query strings are parsed strictly: bad UTF-8 is a 400, huge numbers are clamped, repeated keys are lists', async () => {
    const org = seeded.org.scan.id;
    const api = async (query: string) => {
      const res = await get(`${dash.url}api/scans/${org}/findings?${query}`);
      return { status: res.status, body: JSON.parse(res.body) as { error?: string; total: number; page: number; limit: number; offset: number; rows: { severity: string }[]; pastEnd: boolean } };
    };
    const broken = await api('q=%E0%A4%A');
    assert.equal(broken.status, 400);
    assert.match(broken.body.error ?? '', /q: not valid UTF-8/);
    assert.equal((await get(`${dash.url}scans/${org}?account=%C3%28`)).status, 400);
    const huge = await api('page=999999999999999999999&limit=99999999999');
    assert.equal(huge.status, 200);
    assert.equal(huge.body.limit, 1000);
    assert.equal(huge.body.pastEnd, true);
    assert.equal(huge.body.page, 1);
    assert.ok(huge.body.rows.length > 0);
    const last = await api('page=1000');
    assert.equal(last.body.page, Math.ceil(seeded.org.findings.length / 50));
    assert.equal(last.body.rows.length, seeded.org.findings.length - (last.body.page - 1) * 50);
    assert.equal((await api('page=-1')).status, 400);
    assert.equal((await api('limit=1.5')).status, 400);
    const repeated = await api('severity=critical&severity=high&limit=1000');
    assert.equal(repeated.body.total, seeded.org.findings.filter((f) => f.severity === 'critical' || f.severity === 'high').length);
    assert.equal((await get(`${dash.url}api/scans?limit=-5`)).status, 400);
    assert.equal((await get(`${dash.url}api/scans?limit=abc`)).status, 400);
    // The explorer page past the end says so and shows the last page.
    const page = await get(`${dash.url}scans/${org}?page=99999`);
    assert.equal(page.status, 200);
    assert.match(visible(page.body), /Past the last page/);
  });

  test('errors speak the request language and leak nothing', async () => {
    const dutch = await get(`${dash.url}api/scans/${seeded.org.scan.id}/findings?status=KAPOT&lang=nl`);
    assert.equal(dutch.status, 400);
    assert.match(dutch.body, /status: 'KAPOT' is geen van/);
    const missing = await get(`${dash.url}scans/${seeded.org.scan.id}/compliance/no-such?lang=nl`);
    assert.match(visible(missing.body), /Niet gevonden: no-such/);
    for (const res of [dutch, missing]) assert.doesNotMatch(res.body, /\/work\/|node_modules|at .*\.ts:\d+/);
  });

  test('a scan id prefix works in every URL; the scan API has the per-account and per-OU roll-ups the page shows', async () => {
    const prefix = seeded.org.scan.id.slice(0, 8);
    for (const path of [`scans/${prefix}`, `scans/${prefix}/compliance/aws-securityhub`, `api/scans/${prefix}/findings`, `diff?b=${prefix}&a=${seeded.first.scan.id.slice(0, 6)}`]) assert.equal((await get(`${dash.url}${path}`)).status, 200, path);
    const summary = JSON.parse((await get(`${dash.url}api/scans/${prefix}`)).body) as { rollUps: { accounts: { key: string }[]; ous: { key: string }[] } };
    assert.deepEqual(summary.rollUps.accounts.map((a) => a.key).sort(), seeded.org.accounts.map((a) => a.id).sort());
    assert.ok(summary.rollUps.ous.some((o) => o.key === HOSTILE_OU));
    assert.ok(summary.rollUps.ous.some((o) => o.key === `${HOSTILE_OU}/Web`));
    const raw = (await get(`${dash.url}scans/${prefix}`)).body;
    // A scan of many accounts links to its diff against each account's previous scan.
    assert.ok(raw.includes(`href="/diff?b=${seeded.org.scan.id}"`));
    assert.equal((await get(`${dash.url}diff?b=${seeded.org.scan.id}`)).status, 200);
    const html = visible(raw);
    assert.match(html, /Per account/);
    assert.match(html, /Per OU/);
  });

  test('the diff page offers a picker of the account scans; any two scans compare; the API has the same choices', async () => {
    const account = seeded.second.accounts[0]?.id ?? '';
    const page = (await get(`${dash.url}diff?account=${account}`)).body;
    assert.match(page, /<form class="picker" method="get" action="\/diff"/);
    for (const id of [seeded.first.scan.id, seeded.second.scan.id]) assert.ok(page.includes(`<option value="${id}"`), id);
    assert.match(page, /<label>Older scan<select name="a">/);
    assert.match(page, /<input type="hidden" name="account" value="\d{12}">/);
    const api = JSON.parse((await get(`${dash.url}api/diff?a=${seeded.second.scan.id}&b=${seeded.first.scan.id}&account=${account}`)).body) as { choices: { id: string }[]; before: { id: string }[]; after: { id: string }; resolved: { id: string }[]; regressed: { id: string }[]; notes: Record<string, string[]> };
    const covering = (await seeded.store.listScans({ account })).map((x) => x.id);
    assert.deepEqual(api.choices.map((c) => c.id), covering);
    assert.ok(covering.includes(seeded.first.scan.id) && covering.includes(seeded.second.scan.id));
    // Backwards in time is allowed: what the older scan shows against the newer one.
    assert.deepEqual(api.before.map((s) => s.id), [seeded.second.scan.id]);
    assert.deepEqual(api.regressed.map((e) => e.id), [seeded.fixedId]);
    assert.ok((api.notes[seeded.fixedId] ?? []).length > 0);
  });

  test('numbers are written the language way; the Dutch pages carry no English dashboard words', async () => {
    assert.equal(view('en', 'en').say('pageOf', { from: 1, to: 50, total: 50000 }), '1–50 of 50,000 findings');
    assert.equal(view('nl', 'en').say('pageOf', { from: 1, to: 1, total: 1 }), '1–1 van 1 bevinding');
    assert.equal(view('nl', 'en').say('pageOf', { from: 1001, to: 1050, total: 50000 }), '1.001–1.050 van 50.000 bevindingen');
    assert.equal(view('nl', 'en').say('diffUnchanged', { count: 1000 }), '1.000 bevindingen ongewijzigd');
    const english = new Set<string>();
    for (const [key, template] of Object.entries(DASHBOARD_TEXT.en)) {
      if (template === DASHBOARD_TEXT.nl[key as keyof typeof DASHBOARD_TEXT.nl]) continue;
      const dutch = Object.values(DASHBOARD_TEXT.nl).join(' ');
      for (const piece of template.split(/\{[^{}]*(?:\{[^{}]*\}[^{}]*)*\}/)) if (piece.trim().length >= 6 && !dutch.includes(piece.trim())) english.add(piece.trim());
    }
    for (const path of pages) {
      const text = visible((await get(`${dash.url}${path}${path.includes('?') ? '&' : '?'}lang=nl`)).body);
      for (const phrase of english) assert.ok(!text.includes(phrase), `${path}: English '${phrase}' on a Dutch page`);
    }
  });

  test('a server started in Dutch keeps English when asked: links and forms carry lang=en', async () => {
    const dutch = await startDashboard({ store: readOnly(seeded.store), host: '127.0.0.1', port: 0, token: null, lang: 'nl' });
    try {
      const page = (await get(`${dutch.url}scans/${seeded.org.scan.id}?lang=en`)).body;
      assert.match(page, /<html lang="en">/);
      assert.match(page, /<input type="hidden" name="lang" value="en">/);
      assert.match(page, /href="\/scans\?lang=en"/);
      assert.match((await get(`${dutch.url}scans`)).body, /<html lang="nl">/);
    } finally {
      await dutch.close();
    }
  });

  test('accessibility basics: lang, landmarks, header cells with scope, labelled controls, aria-current, aria-sort', async () => {
    for (const path of pages) {
      const page = (await get(`${dash.url}${path}`)).body;
      assert.match(page, /<html lang="en">/, path);
      assert.match(page, /<main>/, path);
      assert.match(page, /<nav aria-label="Sections">/, path);
      assert.doesNotMatch(page, /<th>/, `${path}: a header cell without scope`);
      // Every visible control sits in its label.
      const controls = page.match(/<(select|input)\b(?![^>]*type="hidden")[^>]*>/g) ?? [];
      const labelled = page.match(/<label>[^<]*<(select|input)\b/g) ?? [];
      assert.equal(labelled.length, controls.length, path);
    }
    assert.match((await get(`${dash.url}checks`)).body, /<a href="\/checks" class="current" aria-current="page">/);
    assert.match((await get(`${dash.url}scans/${seeded.org.scan.id}?sort=check&desc=1`)).body, /<th scope="col" aria-sort="descending"><a [^>]*>Check<\/a><\/th>/);
  });

  test('text contrast is at least 4.5:1 on both palettes (WCAG AA)', () => {
    const luminance = (hex: string) => {
      const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4)) as [number, number, number];
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const ratio = (a: string, b: string) => {
      const [x, y] = [luminance(a), luminance(b)];
      return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
    };
    const [light, dark] = DASHBOARD_STYLE.split('@media (prefers-color-scheme:dark)') as [string, string];
    for (const [name, css] of [['light', light.slice(0, light.indexOf('}'))], ['dark', dark.slice(0, dark.indexOf('}}'))]] as const) {
      const colours = Object.fromEntries([...css.matchAll(/--([\w-]+):(#[0-9a-f]{6})/gi)].map((m) => [m[1], m[2]]));
      const bg = colours.bg as string;
      const text = Object.entries(colours).filter(([k]) => k !== 'bg' && k !== 'line');
      assert.ok(text.length >= 12, name);
      for (const [k, colour] of text) assert.ok(ratio(colour as string, bg) >= 4.5, `${name} --${k} ${colour} on ${bg}: ${ratio(colour as string, bg).toFixed(2)}`);
    }
  });
});

describe('dashboard over unusual stores', () => {
  const dirs: string[] = [];
  after(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });
  async function serve(records: ScanRecord[]): Promise<{ dash: RunningDashboard; close(): Promise<void> }> {
    const dir = mkdtempSync(join(tmpdir(), 'lockdown-dash-odd-'));
    dirs.push(dir);
    const store = await openStore({ kind: 'sqlite', path: join(dir, 'store.db') });
    for (const record of records) await store.saveScan(record);
    const dash = await startDashboard({ store: readOnly(store), host: '127.0.0.1', port: 0, token: null, lang: 'en' });
    return {
      dash,
      close: async () => {
        await dash.close();
        await store.close();
      },
    };
  }

  test('an empty store: every page answers, the overview says how to get data, a diff is a clear 404', async () => {
    const { dash, close } = await serve([]);
    try {
      for (const lang of ['en', 'nl']) {
        for (const path of ['', 'scans', 'checks', 'api/overview', 'api/scans', 'api/checks']) assert.equal((await get(`${dash.url}${path}?lang=${lang}`)).status, 200, path);
      }
      assert.match(visible((await get(dash.url)).body), /No scan is stored yet/);
      const overview = JSON.parse((await get(`${dash.url}api/overview`)).body) as { accounts: unknown[]; coverage: { assessed: number; inScope: number } };
      assert.deepEqual(overview.accounts, []);
      assert.deepEqual(overview.coverage, { assessed: 0, inScope: 0 });
      const diff = await get(`${dash.url}diff`);
      assert.equal(diff.status, 404);
      assert.match(visible(diff.body), /Not found/);
    } finally {
      await close();
    }
  });

  test('a scan of which no account could be assessed: shown with its reasons, no trend point, no worst findings', async () => {
    const record = manyAccountsRecord({ accounts: 0, notAssessed: 2 });
    const { dash, close } = await serve([record]);
    try {
      const overview = JSON.parse((await get(`${dash.url}api/overview`)).body) as { accounts: { latest: { assessed: boolean } }[]; worst: unknown[]; coverage: { assessed: number; inScope: number } };
      assert.equal(overview.accounts.length, 2);
      assert.ok(overview.accounts.every((a) => !a.latest.assessed));
      assert.deepEqual(overview.coverage, { assessed: 0, inScope: 2 });
      assert.deepEqual(overview.worst, []);
      const page = visible((await get(dash.url)).body);
      assert.match(page, /not assessed: /);
      assert.match(page, /0 of 2 accounts assessed/);
      const scan = await get(`${dash.url}scans/${record.scan.id}`);
      assert.equal(scan.status, 200);
      assert.match(visible(scan.body), /Not assessed/);
      assert.match(visible(scan.body), /No finding matches these filters/);
      assert.equal((await get(`${dash.url}scans/${record.scan.id}/compliance/cis-aws-v5.0.0`)).status, 200);
    } finally {
      await close();
    }
  });

  test('a check this version no longer has still renders on every page of an old scan', async () => {
    const old = fixedRecord();
    const record: ScanRecord = { ...old, findings: old.findings.map((f) => (f.checkId === 'user-console-mfa' ? { ...f, checkId: 'retired-check' } : f)) };
    const retired = record.findings.find((f) => f.checkId === 'retired-check' && f.status === 'FAIL');
    assert.ok(retired);
    const { dash, close } = await serve([record]);
    try {
      for (const path of [`scans/${record.scan.id}?check=retired-check`, `findings/${retired.id}`, `scans/${record.scan.id}/compliance/cis-aws-v5.0.0`, `diff?b=${record.scan.id}`, `api/scans/${record.scan.id}/result`, '']) {
        const res = await get(`${dash.url}${path}`);
        assert.equal(res.status, 200, path);
      }
      assert.match(visible((await get(`${dash.url}findings/${retired.id}`)).body), /retired-check/);
    } finally {
      await close();
    }
  });
});
