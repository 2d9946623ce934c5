import assert from 'node:assert/strict';
import { request } from 'node:http';
import { after, before, describe, test } from 'node:test';
import { startDashboard, type RunningDashboard } from '../src/server/serve.js';
import type { Store } from '../src/store/store.js';
import { seededStore, type SeededStore } from './builders/dashboard-store.js';

// The dashboard's HTTP contract without a browser: the JSON API, status codes, security headers,
// the token off loopback, the Host check on loopback, and that nothing writes to the store.

const WRITES = ['saveScan', 'prune', 'importScan'] as const;

/** The store as the dashboard gets it: any write fails the test. */
function readOnly(store: Store): Store {
  return new Proxy(store, {
    get(target, key, receiver) {
      if ((WRITES as readonly (string | symbol)[]).includes(key)) return () => assert.fail(`the dashboard called store.${String(key)}`);
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
