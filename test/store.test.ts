import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import Sqlite from 'better-sqlite3';
import pg from 'pg';
import type { Finding } from '../src/engine/types.js';
import { InputError, ScanUnavailableError } from '../src/errors.js';
import { serializeEvidence } from '../src/evidence/serialize.js';
import { say } from '../src/i18n/index.js';
import { render } from '../src/record/render.js';
import type { AccountRecord, ScanRecord } from '../src/record/record.js';
import { accountContext, contentTexter, versionContent } from '../src/store/content.js';
import { openKyselyStore } from '../src/store/kysely-store.js';
import { defaultStoreDir, openStore, STORE_SCHEMA_VERSION, storeLocation, type Store, type StoreLocation } from '../src/store/store.js';
import { accountIdOf, asJson, DAY, orgScan, type BuiltScan } from './store-fixture.js';
import { startPostgres, type TestPostgres } from './store-postgres.js';

// One contract for the scan store, run against SQLite and a throwaway PostgreSQL cluster: what is
// saved loads back identical and renders identically; unchanged findings are not copied; paging,
// filters, history, pruning, export/import; migrations forward from every earlier schema version;
// a newer store, a damaged file and an unreachable server refused with one clear line.
// Processes storing at once and a process killed mid-save: store-process.test.ts.

const tmp = mkdtempSync(join(tmpdir(), 'lockdown-store-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

interface Backend {
  name: string;
  setup(): Promise<void>;
  teardown(): void;
  fresh(): Promise<StoreLocation>;
  /** Sets the stored schema version behind the store's back. */
  setVersion(location: StoreLocation, version: number): Promise<void>;
}

let counter = 0;
let cluster: TestPostgres | undefined;
const BACKENDS: Backend[] = [
  {
    name: 'SQLite',
    setup: async () => undefined,
    teardown: () => undefined,
    fresh: async () => ({ kind: 'sqlite', path: join(tmp, `store-${++counter}`, 'store.db') }),
    setVersion: async (location, version) => {
      const db = new Sqlite((location as { path: string }).path);
      db.prepare(`update lockdown_store set value = ? where key = 'schema_version'`).run(String(version));
      db.close();
    },
  },
  {
    name: 'PostgreSQL',
    setup: async () => {
      cluster = await startPostgres();
    },
    teardown: () => cluster?.stop(),
    fresh: async () => ({ kind: 'postgres', url: await (cluster as TestPostgres).database() }),
    setVersion: async (location, version) => {
      const client = new pg.Client({ connectionString: (location as { url: string }).url });
      await client.connect();
      await client.query(`update lockdown_store set value = $1 where key = 'schema_version'`, [String(version)]);
      await client.end();
    },
  },
];

const days = (n: number, o: Partial<Parameters<typeof orgScan>[0]> = {}): BuiltScan[] =>
  Array.from({ length: n }, (_, day) => orgScan({ accounts: 3, users: 12, day, notAssessed: [1], ...o }));

async function saveAll(store: Store, scans: BuiltScan[]): Promise<void> {
  for (const s of scans) await store.saveScan(s.record, s.evidence);
}

async function rejects(promise: Promise<unknown>, kind: typeof InputError | typeof ScanUnavailableError, pattern: RegExp): Promise<string> {
  let caught: unknown;
  await promise.catch((e: unknown) => (caught = e));
  assert.ok(caught instanceof kind, `expected ${kind.name}, got ${String(caught)}`);
  const line = (caught as InputError).message;
  assert.match(line, pattern);
  assert.doesNotMatch(line, /\n|at .*\.ts:\d+/, 'one line, no stack');
  return line;
}

for (const backend of BACKENDS) {
  describe(`store contract on ${backend.name}`, () => {
    before(() => backend.setup());
    after(() => backend.teardown());

    it('loads every scan back as it was saved, renders it identically in English and Dutch, and keeps its evidence', async () => {
      const store = await openStore(await backend.fresh());
      const scans = days(4);
      await saveAll(store, scans);
      for (const { record, evidence } of scans) {
        const back = await store.loadScan(record.scan.id);
        assert.deepEqual(back, asJson(record));
        for (const lang of ['en', 'nl'] as const) assert.deepEqual(render(back, lang), render(record, lang));
        for (const [accountId, ev] of evidence) {
          const stored = await store.loadEvidence(record.scan.id, accountId);
          assert.ok(stored);
          assert.equal(serializeEvidence(stored), serializeEvidence(ev));
        }
        assert.equal(await store.loadEvidence(record.scan.id, accountIdOf(1)), null, 'a not-assessed account has no evidence');
      }
      // The fast writer of a version's text writes what JSON.stringify writes.
      const [account] = (scans[0] as BuiltScan).record.accounts;
      const texter = contentTexter(accountContext(account as AccountRecord));
      for (const f of (scans[0] as BuiltScan).record.findings.filter((x) => x.accountId === account?.id)) {
        assert.equal(texter(f), JSON.stringify(versionContent(f, accountContext(account as AccountRecord))));
      }
      const [summary] = await store.listScans({ limit: 1 });
      const last = (scans[3] as BuiltScan).record;
      assert.equal(summary?.id, last.scan.id);
      assert.deepEqual(summary?.coverage, { assessed: 2, inScope: 3 });
      assert.equal(summary?.rescanOf, null);
      assert.equal(summary?.summary.total, last.findings.length);
      assert.deepEqual(
        summary?.accounts.map((a) => [a.accountId, a.assessed, a.accountSeq, a.ouPath]),
        [
          [accountIdOf(0), true, 4, 'Production'],
          [accountIdOf(2), true, 4, 'Development'],
          [accountIdOf(1), false, null, 'Production/EU'],
        ],
      );
      const fails = last.findings.filter((f) => f.accountId === accountIdOf(0) && f.status === 'FAIL' && !f.muted).length;
      assert.equal(summary?.accounts[0]?.summary.byStatus.FAIL, fails);
      await rejects(store.loadScan('no-such-scan'), InputError, /no scan 'no-such-scan'/);
      await rejects(store.saveScan(last), InputError, /is already stored/);
      await store.close();
      if (backend.name === 'PostgreSQL') {
        // The same scan stored by two clients at once: one stores it, the other is told it is there.
        const location = await backend.fresh();
        const [a, b] = [await openStore(location), await openStore(location)];
        const results = await Promise.allSettled([a.saveScan(last), b.saveScan(last)]);
        assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1);
        const failed = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
        assert.ok(failed.reason instanceof InputError && /is already stored/.test(failed.reason.message), String(failed.reason));
        await a.close();
        await b.close();
      }
    });

    it('does not copy a finding that did not change: one row per finding, one version per content, one span per stretch', async () => {
      const store = await openStore(await backend.fresh());
      // The same evidence scanned on six days: nothing but the scan is new.
      const same = orgScan({ accounts: 1, users: 12, day: 0, variation: { flapping: 0 } });
      const still = Array.from({ length: 6 }, (_, day) => ({ ...same, record: { ...same.record, scan: { ...same.record.scan, id: `still-${day}`, startedAt: new Date(Date.parse(same.record.scan.startedAt) + day * DAY).toISOString() } } }));
      await saveAll(store, still);
      const n = same.record.findings.length;
      const stats = await store.stats();
      assert.deepEqual([stats.scans, stats.findings, stats.versions, stats.spans], [6, n, n, n]);
      // Evidence collected day after day: credentials grow older (a number in the message moves
      // with the day): one more version on the second day, then nothing new at all.
      const aging = Array.from({ length: 6 }, (_, day) => orgScan({ accounts: 1, users: 12, day, first: 5, variation: { flapping: 0 } }));
      const m = (aging[0] as BuiltScan).record.findings.length;
      const day1 = new Map((aging[1] as BuiltScan).record.findings.map((f) => [f.id, JSON.stringify(f.params)]));
      const older = (aging[0] as BuiltScan).record.findings.filter((f) => day1.get(f.id) !== JSON.stringify(f.params)).length;
      assert.ok(older > 0, 'some findings count days');
      const counts: number[][] = [];
      for (const s of aging) {
        await store.saveScan(s.record, s.evidence);
        const st = await store.stats();
        counts.push([st.findings - n, st.versions - n, st.spans - n]);
      }
      // After the second day only real changes (a credential crossing a threshold) cost a version and a span.
      const expected = [[m, m, m], [m, m + older, m + older]];
      for (let d = 2; d < aging.length; d++) {
        const before = new Map((aging[d - 1] as BuiltScan).record.findings.map((f) => [f.id, `${f.status}:${f.messageId}`]));
        const changed = (aging[d] as BuiltScan).record.findings.filter((f) => before.get(f.id) !== `${f.status}:${f.messageId}`).length;
        const [, v, sp] = expected[d - 1] as number[];
        expected.push([m, (v as number) + changed, (sp as number) + changed]);
      }
      assert.deepEqual(counts, expected);
      for (const { record } of aging) assert.deepEqual(await store.loadScan(record.scan.id), asJson(record));
      // Two users whose MFA comes and goes: their findings change, the store still gives every scan back as it was.
      const moving = Array.from({ length: 6 }, (_, day) => orgScan({ accounts: 1, users: 12, day, first: 9, variation: { flapping: 2, period: 3 } }));
      await saveAll(store, moving);
      for (const { record } of moving) assert.deepEqual(await store.loadScan(record.scan.id), asJson(record));
      const after = await store.stats();
      assert.ok(after.versions - stats.versions - m - older < 3 * m, `versions ${after.versions}`);
      await store.close();
    });

    it('tells a finding\'s history: when it appeared, changed and went away', async () => {
      const store = await openStore(await backend.fresh());
      const scans = Array.from({ length: 5 }, (_, day) => orgScan({ accounts: 1, users: 12, day, variation: { flapping: 1, period: 3 } }));
      // user-00000 loses MFA on days 0 and 3; the last scan drops that user altogether.
      const last = scans[4] as BuiltScan;
      const gone = last.record.findings.filter((f) => f.resource.name === 'user-00000');
      last.record.findings = last.record.findings.filter((f) => f.resource.name !== 'user-00000');
      await saveAll(store, scans);
      const mfa = gone.find((f) => f.checkId === 'user-console-mfa') as Finding;
      const history = await store.findingHistory(mfa.id);
      assert.ok(history);
      assert.deepEqual(
        history.timeline.map((e) => [e.from.accountSeq, e.to.accountSeq, e.status, e.absentAfter]),
        [
          [1, 1, 'FAIL', false],
          [2, 3, 'PASS', false],
          [4, 4, 'FAIL', true],
        ],
      );
      assert.equal(history.present, false);
      assert.equal(history.firstSeen.scanId, (scans[0] as BuiltScan).record.scan.id);
      assert.equal(history.lastSeen.scanId, (scans[3] as BuiltScan).record.scan.id);
      assert.deepEqual(history.latest, asJson((scans[3] as BuiltScan).record.findings.find((f) => f.id === mfa.id)));
      assert.equal(await store.findingHistory('0000000000000000'), null);
      const ids = scans.map((s) => s.record.scan.id);
      const account = accountIdOf(0);
      assert.equal(await store.previousScanOf(account, ids[3]), ids[2]);
      assert.equal(await store.previousScanOf(account, ids[0]), null);
      assert.equal(await store.previousScanOf(account), ids[4]);
      await store.close();
    });

    it('says what changed since each account\'s previous scan, as a diff of the two records would', async () => {
      const store = await openStore(await backend.fresh());
      const scans = Array.from({ length: 5 }, (_, day) => orgScan({ accounts: 2, users: 9, day, variation: { flapping: 3, period: 2 } }));
      // Day 3 drops a user (resolved by absence), day 4 brings it back muted.
      const d3 = scans[3] as BuiltScan;
      d3.record.findings = d3.record.findings.filter((f) => f.resource.name !== 'user-00008');
      for (const f of (scans[4] as BuiltScan).record.findings) if (f.resource.name === 'user-00008') Object.assign(f, { muted: true, muteReason: 'leaver' });
      await saveAll(store, scans);
      const state = (f: Finding | undefined) => (f ? { status: f.status, severity: f.severity, muted: f.muted, messageId: f.messageId } : null);
      for (let d = 0; d < scans.length; d++) {
        const got = await store.changesSince((scans[d] as BuiltScan).record.scan.id);
        for (const account of got.accounts) {
          const of = (i: number) => new Map((scans[i] as BuiltScan).record.findings.filter((f) => f.accountId === account.accountId).map((f) => [f.id, f]));
          const now = of(d);
          const before = d > 0 ? of(d - 1) : new Map<string, Finding>();
          const want = [...new Set([...now.keys(), ...before.keys()])]
            .map((id) => ({ id, before: state(before.get(id)), after: state(now.get(id)) }))
            .filter((c) => JSON.stringify(c.before) !== JSON.stringify(c.after));
          const sort = <T extends { id: string }>(l: T[]) => [...l].sort((a, b) => a.id.localeCompare(b.id));
          assert.deepEqual(sort(account.changes.map((c) => ({ id: c.findingId, before: c.before, after: c.after }))), sort(want), `day ${d}`);
          assert.equal(account.unchanged, [...now.keys()].filter((id) => before.has(id)).length - want.filter((c) => c.before && c.after).length);
          assert.equal(account.previousScanId, d > 0 ? (scans[d - 1] as BuiltScan).record.scan.id : null);
        }
      }
      await store.close();
    });

    it('puts a scan saved late (an import of an older scan) in its place by time', async () => {
      const inOrder = await openStore(await backend.fresh());
      const late = await openStore(await backend.fresh());
      const scans = Array.from({ length: 6 }, (_, day) => orgScan({ accounts: 2, users: 10, day, variation: { flapping: 2, period: 2 } }));
      await saveAll(inOrder, scans);
      await saveAll(late, [0, 5, 2, 4, 1, 3].map((i) => scans[i] as BuiltScan));
      for (const { record } of scans) assert.deepEqual(await late.loadScan(record.scan.id), asJson(record));
      for (const f of (scans[5] as BuiltScan).record.findings.slice(0, 40)) {
        assert.deepEqual(await late.findingHistory(f.id), await inOrder.findingHistory(f.id));
      }
      assert.equal((await late.stats()).findings, (await inOrder.stats()).findings);
      assert.equal(await late.resolveScanRef('last'), (scans[5] as BuiltScan).record.scan.id);
      await inOrder.close();
      await late.close();
    });

    it('resolves scan references: full id, unique prefix, last, last~N, per account; ambiguous and unknown ones are one clear line', async () => {
      const store = await openStore(await backend.fresh());
      const ids = ['abcd1111-0000-4000-8000-000000000001', 'abcd2222-0000-4000-8000-000000000002', 'ef012345-0000-4000-8000-000000000003'];
      const scans = ids.map((id, day) => orgScan({ accounts: 1, users: 3, day, id, first: day === 2 ? 7 : 0 }));
      await saveAll(store, scans);
      assert.equal(await store.resolveScanRef(ids[0] as string), ids[0]);
      assert.equal(await store.resolveScanRef('abcd2'), ids[1]);
      assert.equal(await store.resolveScanRef('EF01'), ids[2]);
      assert.equal(await store.resolveScanRef('last'), ids[2]);
      assert.equal(await store.resolveScanRef('last~1'), ids[1]);
      assert.equal(await store.resolveScanRef('last', { account: accountIdOf(0) }), ids[1]);
      assert.equal(await store.resolveScanRef('last~1', { account: accountIdOf(0) }), ids[0]);
      const line = await rejects(store.resolveScanRef('abcd'), InputError, /'abcd' matches 2 scans: abcd2222-.* \(2026-11-21T10:00:00\.000Z\), abcd1111-/);
      assert.ok(line.includes(store.label));
      await rejects(store.resolveScanRef('last~3'), InputError, /no scan 'last~3'/);
      await rejects(store.resolveScanRef('ffff'), InputError, /no scan 'ffff'/);
      await rejects(store.resolveScanRef('ab'), InputError, /'ab' is not a scan/);
      await rejects(store.resolveScanRef('a%b_c'), InputError, /is not a scan/);
      await store.close();
    });

    it('pages, filters and sorts a scan\'s findings in the database', async () => {
      const store = await openStore(await backend.fresh());
      const { record, evidence } = orgScan({ accounts: 4, users: 25, day: 0, notAssessed: [3] });
      // Mute a few so the muted filter has something to find.
      for (const f of record.findings.slice(0, 7)) Object.assign(f, { muted: true, muteReason: 'accepted risk' });
      await store.saveScan(record, evidence);
      const all = record.findings;
      const check = async (filters: Parameters<Store['findingsPage']>[0]['filters'], expected: (f: Finding) => boolean) => {
        const page = await store.findingsPage({ scanId: record.scan.id, filters, limit: 1000 });
        const want = all.filter(expected).map((f) => f.id).sort();
        assert.equal(page.total, want.length, JSON.stringify(filters));
        assert.deepEqual(page.rows.map((r) => r.finding.id).sort(), want, JSON.stringify(filters));
      };
      await check({}, () => true);
      await check({ status: ['FAIL'] }, (f) => f.status === 'FAIL');
      await check({ severity: ['high', 'critical'] }, (f) => f.severity === 'high' || f.severity === 'critical');
      await check({ check: ['user-console-mfa'] }, (f) => f.checkId === 'user-console-mfa');
      await check({ muted: true }, (f) => f.muted);
      await check({ muted: false, status: ['FAIL'] }, (f) => !f.muted && f.status === 'FAIL');
      await check({ account: [accountIdOf(2)] }, (f) => f.accountId === accountIdOf(2));
      await check({ ou: 'ou-root-prod' }, (f) => f.accountId === accountIdOf(0) || f.accountId === accountIdOf(1));
      await check({ ou: 'eu' }, (f) => f.accountId === accountIdOf(1));
      await check({ text: 'USER-0001' }, (f) => f.resource.name.startsWith('user-0001'));
      await check({ text: 'account-2' }, (f) => f.accountId === accountIdOf(2));
      await check({ text: '100%_' }, () => false);
      // Paging walks every finding once, in a stable order.
      const seen: string[] = [];
      for (let offset = 0; ; offset += 37) {
        const page = await store.findingsPage({ scanId: record.scan.id, sort: 'resource', offset, limit: 37 });
        seen.push(...page.rows.map((r) => r.finding.id));
        if (page.rows.length < 37) break;
      }
      assert.equal(seen.length, all.length);
      assert.equal(new Set(seen).size, all.length);
      // Pages past the middle are read from the other end: every sort, both ways, gives the pages of one whole listing, and a page past the end is empty.
      for (const sort of ['severity', 'status', 'check', 'resource', 'account'] as const) {
        for (const descending of [false, true]) {
          const whole = (await store.findingsPage({ scanId: record.scan.id, sort, descending, limit: 1000, filters: { status: ['FAIL', 'PASS'] } })).rows.map((r) => r.finding.id);
          const paged: string[] = [];
          for (let offset = 0; offset < whole.length + 40; offset += 40) {
            const page = await store.findingsPage({ scanId: record.scan.id, sort, descending, offset, limit: 40, filters: { status: ['FAIL', 'PASS'] } });
            assert.equal(page.total, whole.length);
            paged.push(...page.rows.map((r) => r.finding.id));
          }
          assert.deepEqual(paged, whole, `${sort}${descending ? ' descending' : ''}`);
          const last = await store.findingsPage({ scanId: record.scan.id, sort, descending, offset: whole.length - 3, limit: 40 , filters: { status: ['FAIL', 'PASS'] } });
          assert.deepEqual(last.rows.map((r) => r.finding.id), whole.slice(-3));
          assert.ok(last.rows.every((r) => r.account.name?.startsWith('account-')), 'account names on a page read from the end');
        }
      }
      // Default sort: critical first, FAIL before PASS within a severity.
      const first = await store.findingsPage({ scanId: record.scan.id, limit: 1000 });
      const ranks = first.rows.map((r) => ['critical', 'high', 'medium', 'low', 'info'].indexOf(r.finding.severity));
      assert.deepEqual(ranks, [...ranks].sort((a, b) => a - b));
      const desc = await store.findingsPage({ scanId: record.scan.id, sort: 'severity', descending: true, limit: 1 });
      assert.equal(desc.rows[0]?.finding.severity, 'info');
      const row = first.rows.find((r) => r.finding.id === all[10]?.id);
      assert.deepEqual(row?.finding, asJson(all[10]));
      assert.deepEqual(row?.account, { id: all[10]?.accountId, name: 'account-0', ouPath: 'Production' });
      await store.close();
    });

    it('gives every account its latest verdicts (not-assessed ones too) and a trend', async () => {
      const store = await openStore(await backend.fresh());
      const scans = days(5);
      // On the last day account 2 cannot be assessed.
      scans[4] = orgScan({ accounts: 3, users: 12, day: 4, notAssessed: [1, 2] });
      await saveAll(store, scans);
      const overview = await store.accountsOverview({ trendLength: 3 });
      const byId = new Map(overview.map((o) => [o.accountId, o]));
      assert.deepEqual([...byId.keys()].sort(), [accountIdOf(0), accountIdOf(1), accountIdOf(2)].sort());
      const a0 = byId.get(accountIdOf(0));
      assert.equal(a0?.latest.scanId, (scans[4] as BuiltScan).record.scan.id);
      assert.equal(a0?.trend.length, 3);
      assert.equal(a0?.name, 'account-0');
      assert.equal(byId.get(accountIdOf(1))?.latest.assessed, false);
      assert.equal(byId.get(accountIdOf(1))?.latest.notAssessedCode, 'AccessDenied');
      const a2 = byId.get(accountIdOf(2));
      assert.equal(a2?.latest.assessed, false);
      assert.equal(a2?.trend.length, 3);
      assert.equal(a2?.trend[2]?.scanId, (scans[3] as BuiltScan).record.scan.id);
      await store.close();
    });

    it('prunes scans and keeps the rest and their history consistent', async () => {
      const store = await openStore(await backend.fresh());
      const scans = Array.from({ length: 8 }, (_, day) => orgScan({ accounts: 2, users: 8, day, variation: { flapping: 2, period: 3 } }));
      // The last two scans no longer have a user: pruning the others leaves nothing of it.
      const last = scans[7] as BuiltScan;
      const dropped = last.record.findings.filter((f) => f.resource.name === 'user-00007').map((f) => f.id);
      for (const s of scans.slice(6)) s.record.findings = s.record.findings.filter((f) => f.resource.name !== 'user-00007');
      await saveAll(store, scans);
      const byDays = await store.prune({ olderThanDays: 4, now: new Date(Date.parse(last.record.scan.startedAt) - 60_000) });
      assert.deepEqual(byDays.scansDeleted.sort(), scans.slice(0, 3).map((s) => s.record.scan.id).sort());
      const kept = await store.prune({ keep: 2 });
      assert.equal(kept.scansDeleted.length, 3);
      assert.ok(kept.findingsDeleted >= dropped.length, 'findings only the pruned scans had are gone');
      assert.equal(await store.findingHistory(dropped[0] as string), null);
      for (const { record } of scans.slice(6)) assert.deepEqual(await store.loadScan(record.scan.id), asJson(record));
      const fresh = await openStore(await backend.fresh());
      await saveAll(fresh, scans.slice(6));
      for (const f of last.record.findings.slice(0, 30)) assert.deepEqual(await store.findingHistory(f.id), await fresh.findingHistory(f.id));
      const [pruned, rebuilt] = [await store.stats(), await fresh.stats()];
      assert.deepEqual([pruned.scans, pruned.findings], [rebuilt.scans, rebuilt.findings]);
      assert.ok(pruned.versions <= rebuilt.versions && pruned.spans <= rebuilt.spans, 'nothing left behind');
      // A new scan after pruning continues the history.
      const next = orgScan({ accounts: 2, users: 8, day: 8, variation: { flapping: 2, period: 3 } });
      await store.saveScan(next.record, next.evidence);
      assert.deepEqual(await store.loadScan(next.record.scan.id), asJson(next.record));
      await store.close();
      await fresh.close();
    });

    it('exports a scan as one file and imports it into another store', async () => {
      const store = await openStore(await backend.fresh());
      const scans = days(2);
      await saveAll(store, scans);
      const file = await store.exportScan((scans[0] as BuiltScan).record.scan.id);
      const other = await openStore({ kind: 'sqlite', path: join(tmp, `import-${++counter}.db`) });
      const id = await other.importScan(file, 'scan.json');
      assert.equal(id, (scans[0] as BuiltScan).record.scan.id);
      assert.deepEqual(await other.loadScan(id), asJson((scans[0] as BuiltScan).record));
      const ev = await other.loadEvidence(id, accountIdOf(0));
      assert.equal(serializeEvidence(ev as NonNullable<typeof ev>), serializeEvidence((scans[0] as BuiltScan).evidence.get(accountIdOf(0)) as NonNullable<typeof ev>));
      await rejects(other.importScan(file, 'scan.json'), InputError, /is already stored/);
      await rejects(other.importScan('{"schema":"x"}', 'bad.json'), InputError, /^bad\.json: not an aws-lockdown scan export/);
      await rejects(other.importScan('not json', 'bad.json'), InputError, /not JSON/);
      const broken = JSON.parse(file) as { record: ScanRecord };
      (broken.record.findings[3] as { status: string }).status = 'MAYBE';
      await rejects(other.importScan(JSON.stringify(broken), 'bad.json'), InputError, /record\.findings\[3\] is not a finding/);
      await store.close();
      await other.close();
    });

    it('migrates forward from every earlier schema version, and refuses a store newer than this tool', async () => {
      for (let from = 0; from < STORE_SCHEMA_VERSION; from++) {
        const location = await backend.fresh();
        const old = await openKyselyStore(location, { targetVersion: from });
        await old.close();
        const store = await openStore(location);
        assert.equal((await store.stats()).schemaVersion, STORE_SCHEMA_VERSION, `from version ${from}`);
        const [scan] = days(1);
        await store.saveScan((scan as BuiltScan).record);
        await store.close();
      }
      const location = await backend.fresh();
      await (await openStore(location)).close();
      await backend.setVersion(location, STORE_SCHEMA_VERSION + 1);
      const line = await rejects(openStore(location), InputError, new RegExp(`store schema version ${STORE_SCHEMA_VERSION + 1}; aws-lockdown .* reads up to version ${STORE_SCHEMA_VERSION}`));
      assert.match(line, location.kind === 'sqlite' ? /store \/.*store\.db:/ : /store postgres:\/\/postgres@127\.0\.0\.1:\d+\/t_/);
    });
  });
}

describe('store location and refusals', () => {
  it('finds the store from --db, LOCKDOWN_DB or the XDG data folder', () => {
    assert.deepEqual(storeLocation('x.db', {}), { kind: 'sqlite', path: join(process.cwd(), 'x.db') });
    assert.deepEqual(storeLocation(undefined, { LOCKDOWN_DB: 'postgres://u:p@h/db' }), { kind: 'postgres', url: 'postgres://u:p@h/db' });
    assert.deepEqual(storeLocation('postgresql://h/db', { LOCKDOWN_DB: '/tmp/a.db' }), { kind: 'postgres', url: 'postgresql://h/db' });
    assert.deepEqual(storeLocation(undefined, { XDG_DATA_HOME: '/data', HOME: '/home/u' }), { kind: 'sqlite', path: '/data/aws-lockdown/store.db' });
    assert.equal(defaultStoreDir({ HOME: '/home/u' }), '/home/u/.local/share/aws-lockdown');
    assert.equal(defaultStoreDir({ XDG_DATA_HOME: 'relative', HOME: '/home/u' }), '/home/u/.local/share/aws-lockdown');
  });

  it('refuses a damaged file, another program\'s database and an unreachable PostgreSQL with one line, the password hidden', async () => {
    const damaged = join(tmp, 'damaged.db');
    writeFileSync(damaged, 'this is not a database, just some text that is long enough to look like a header'.repeat(100));
    await rejects(openStore(damaged), InputError, /^store .*damaged\.db: not a readable aws-lockdown store \(file is not a database\)$/);
    const foreign = join(tmp, 'foreign.db');
    const db = new Sqlite(foreign);
    db.exec('create table notes (text)');
    db.close();
    await rejects(openStore(foreign), InputError, /foreign\.db: a database of something else/);
    const line = await rejects(openStore('postgres://scanner:s3cret@127.0.0.1:1/lockdown'), ScanUnavailableError, /^store postgres:\/\/scanner:\*\*\*@127\.0\.0\.1:1\/lockdown: cannot reach PostgreSQL \(ECONNREFUSED\)/);
    assert.doesNotMatch(line, /s3cret/);
    const err = await openStore('postgres://scanner:s3cret@127.0.0.1:1/lockdown').catch((e: unknown) => e as ScanUnavailableError);
    assert.match(say('nl', (err as ScanUnavailableError).said), /PostgreSQL is niet bereikbaar/);
  });
});
