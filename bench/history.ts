// bench/history: the scan store (issue 9) on SQLite and PostgreSQL. Fills a store with daily
// organisation scans (ACCOUNTS accounts of ~200 findings each plus one account of BIG_USERS users)
// and prints: the time to store a daily scan and a scan of the big account alone, the store's size,
// and the read paths the history commands and the dashboard use, p50/p95 over repeated calls:
// the findings explorer over the newest scan (filtered, sorted, paged), history, overview, a
// finding's timeline and loading a whole scan (what diff does twice).
// Targets (issue 9): a 5,000-user scan stored in under 1 s, every query p95 under 200 ms, the store
// under 300 MB for 90 days of 100 accounts + the 5,000-user account.
//   node --import tsx bench/history.ts                 quick: 3 days, 10 accounts, 500 users (SQLite;
//                                                      PostgreSQL too when LOCKDOWN_TEST_PG_URL or BENCH_PG=1)
//   BENCH_FULL=1 node --import tsx bench/history.ts    the issue's size, both databases
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { changeCounts, storedChanges, storedPairDiff } from '../src/history/compare.js';
import { openStore, type FindingsPageQuery, type Store, type StoreLocation } from '../src/store/store.js';
import { accountIdOf, orgScan } from '../test/store-fixture.js';
import { startPostgres, type TestPostgres } from '../test/store-postgres.js';

const FULL = process.env.BENCH_FULL === '1';
const DAYS = Number(process.env.BENCH_DAYS ?? (FULL ? 90 : 3));
const ACCOUNTS = Number(process.env.BENCH_ACCOUNTS ?? (FULL ? 100 : 10));
const USERS = 20; // ~190 findings per account
const BIG_USERS = Number(process.env.BENCH_BIG_USERS ?? (FULL ? 5_000 : 500));
const REPEAT = FULL ? 30 : 10;
const BIG = ACCOUNTS; // the big account's index

const ms = (n: number) => `${n.toFixed(n < 10 ? 1 : 0)} ms`;
const pct = (list: number[], p: number) => {
  const sorted = [...list].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
};
async function time<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const value = await fn();
  return [value, performance.now() - start];
}

/** One day's organisation scan: ACCOUNTS small accounts and the big one. */
function dailyScan(day: number) {
  const small = orgScan({ accounts: ACCOUNTS, users: USERS, day, id: `org-${day}` });
  const big = orgScan({ accounts: 1, users: BIG_USERS, day, first: BIG });
  small.record.accounts.push(...big.record.accounts);
  small.record.findings.push(...big.record.findings);
  for (const [id, ev] of big.evidence) small.evidence.set(id, ev);
  return small;
}

interface Target {
  name: string;
  store: Store;
  saves: number[];
  bigSaves: number[];
  over: string[];
}

async function fill(targets: Target[]): Promise<void> {
  let findingsPerScan = 0;
  for (let day = 0; day < DAYS; day++) {
    const { record, evidence } = dailyScan(day);
    findingsPerScan = record.findings.length;
    for (const t of targets) t.saves.push((await time(() => t.store.saveScan(record, evidence)))[1]);
  }
  for (const t of targets) {
    console.log(`history[${t.name}]: ${DAYS} daily scans of ${ACCOUNTS + 1} accounts (${ACCOUNTS} × ${USERS} users + 1 × ${BIG_USERS} users, ${findingsPerScan.toLocaleString('en')} findings each): store p50 ${ms(pct(t.saves, 50))}, p95 ${ms(pct(t.saves, 95))}, max ${ms(Math.max(...t.saves))}`);
  }
  // A scan of the big account alone, stored after the history above (3 days in a row).
  for (let day = DAYS; day < DAYS + 3; day++) {
    const { record, evidence } = orgScan({ accounts: 1, users: BIG_USERS, day, first: BIG, id: `big-${day}` });
    findingsPerScan = record.findings.length;
    for (const t of targets) t.bigSaves.push((await time(() => t.store.saveScan(record, evidence)))[1]);
  }
  for (const t of targets) {
    console.log(`history[${t.name}]: one scan of the ${BIG_USERS.toLocaleString('en')}-user account (${findingsPerScan.toLocaleString('en')} findings, evidence included): ${t.bigSaves.map(ms).join(', ')}`);
    if (BIG_USERS >= 5_000 && Math.max(...t.bigSaves) > 1_000) t.over.push('storing the 5,000-user scan took over 1 s');
  }
}

async function measure(t: Target): Promise<void> {
  const { store, over } = t;
  const say = (line: string) => console.log(`history[${t.name}]: ${line}`);
  const stats = await store.stats();
  const mb = (b: number) => `${(b / 1024 / 1024).toFixed(1)} MB`;
  say(`store ${mb(stats.bytes)} (evidence ${mb(stats.evidenceBytes)} compressed); ${stats.scans} scans, ${stats.findings.toLocaleString('en')} findings, ${stats.versions.toLocaleString('en')} versions, ${stats.spans.toLocaleString('en')} spans`);
  if (FULL && stats.bytes > 300 * 1024 * 1024) over.push('store over 300 MB');

  const scanId = `org-${DAYS - 1}`;
  const queries: [string, () => Promise<unknown>][] = [];
  const page = (label: string, q: Omit<FindingsPageQuery, 'scanId'>) => queries.push([`explorer ${label}`, () => store.findingsPage({ scanId, ...q })]);
  page('first page', {});
  page('FAIL only', { filters: { status: ['FAIL'] } });
  page('high+critical unmuted', { filters: { severity: ['high', 'critical'], muted: false } });
  page('one check, by resource', { filters: { check: ['user-console-mfa'] }, sort: 'resource' });
  page('free text', { filters: { text: 'user-0004' } });
  page('one account', { filters: { account: [accountIdOf(BIG)] } });
  page('one OU', { filters: { ou: 'ou-prod-eu' } });
  page('page 200', { offset: 10_000, limit: 50, sort: 'check' });
  page('last page', { offset: 50_000, limit: 50 });
  queries.push(['changes since the previous scan (all accounts)', () => store.changesSince(scanId)]);
  // What the history commands build on the changes (src/history/compare.ts).
  const assessed = new Set((await store.scanSummary(scanId)).accounts.filter((a) => a.assessed).map((a) => a.accountId));
  queries.push(['history counts of one scan (changeCounts)', () => changeCounts(store, scanId, assessed)]);
  queries.push(['diff against the previous scans (storedChanges)', () => storedChanges(store, scanId)]);
  queries.push(['diff of two stored scans a week apart (storedPairDiff)', () => storedPairDiff(store, `org-${Math.max(0, DAYS - 8)}`, scanId)]);
  queries.push(['the changed findings of one scan (partial loadScan)', async () => store.loadScan(scanId, { findings: (await store.changesSince(scanId)).accounts.flatMap((a) => a.changes.map((c) => c.findingId)) })]);
  queries.push(['history (50 scans)', () => store.listScans({ limit: 50 })]);
  queries.push(['history of one account', () => store.listScans({ account: accountIdOf(3), limit: 50 })]);
  queries.push(['overview (trend of 30)', () => store.accountsOverview({ trendLength: 30 })]);
  queries.push(['resolve last~1', () => store.resolveScanRef('last~1', { account: accountIdOf(3) })]);
  const some = await store.findingsPage({ scanId, filters: { account: [accountIdOf(BIG)], check: ['user-unused-credentials'] }, limit: 1 });
  const findingId = some.rows[0]?.finding.id ?? '';
  queries.push(['finding timeline', () => store.findingHistory(findingId)]);
  const total = (await store.findingsPage({ scanId, limit: 1 })).total;
  const all: number[] = [];
  for (const [label, run] of queries) {
    const times: number[] = [];
    for (let i = 0; i < REPEAT; i++) times.push((await time(run))[1]);
    all.push(...times);
    say(`${label}: p50 ${ms(pct(times, 50))}, p95 ${ms(pct(times, 95))}${label.startsWith('explorer') ? ` (${total.toLocaleString('en')} findings in the scan)` : ''}`);
    if (pct(times, 95) > 200) over.push(`${label} p95 over 200 ms`);
  }
  say(`all queries: p50 ${ms(pct(all, 50))}, p95 ${ms(pct(all, 95))}`);
  const loads: number[] = [];
  for (let i = 0; i < Math.min(REPEAT, 5); i++) loads.push((await time(() => store.loadScan(scanId)))[1]);
  say(`load a whole scan (${total.toLocaleString('en')} findings; diff loads two): p50 ${ms(pct(loads, 50))}, p95 ${ms(pct(loads, 95))}`);
}

const dir = mkdtempSync(join(tmpdir(), 'lockdown-bench-history-'));
let cluster: TestPostgres | undefined;
const targets: Target[] = [];
try {
  const target = async (name: string, location: StoreLocation) => targets.push({ name, store: await openStore(location), saves: [], bigSaves: [], over: [] });
  await target('sqlite', { kind: 'sqlite', path: join(dir, 'store.db') });
  if (FULL || process.env.LOCKDOWN_TEST_PG_URL || process.env.BENCH_PG === '1') {
    cluster = await startPostgres();
    await target('postgres', { kind: 'postgres', url: await cluster.database() });
  } else {
    console.log('history[postgres]: skipped (set LOCKDOWN_TEST_PG_URL or BENCH_PG=1, or BENCH_FULL=1)');
  }
  await fill(targets);
  for (const t of targets) await measure(t);
} finally {
  for (const t of targets) await t.store.close();
  cluster?.stop();
  rmSync(dir, { recursive: true, force: true });
}
const results = targets;
const over = results.flatMap((r) => r.over.map((o) => `${r.name}: ${o}`));
if (over.length) {
  console.error(`history: over budget: ${over.join('; ')}`);
  process.exit(1);
}

