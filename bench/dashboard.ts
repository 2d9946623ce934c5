// bench/dashboard: `lockdown serve` page and API times over a scan of about 50,000 findings (issue 9:
// every page and diff p95 under 200 ms). One organisation scan of ACCOUNTS accounts × USERS users
// (test/builders/many-accounts.ts), stored twice a day apart, then each page requested REPS times
// over HTTP after a warm-up; prints p50/p95 per page. SQLite always; PostgreSQL too with
// BENCH_FULL=1 (a throwaway cluster, test/store-postgres.ts).
//   node --import tsx bench/dashboard.ts [accounts] [users]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { ScanRecord } from '../src/record/record.js';
import { startDashboard } from '../src/server/serve.js';
import { openStore, type StoreLocation } from '../src/store/store.js';
import { largeAccountJson } from '../test/builders/large-account.js';
import { manyAccountsRecord } from '../test/builders/many-accounts.js';
import { startPostgres } from '../test/store-postgres.js';

const ACCOUNTS = Number(process.argv[2] ?? 100);
const USERS = Number(process.argv[3] ?? 60);
const FULL = process.env.BENCH_FULL === '1';
const REPS = FULL ? 40 : 15;
const TARGET_MS = 200;

const base = JSON.stringify(largeAccountJson(USERS));
const first = manyAccountsRecord({ accounts: ACCOUNTS, notAssessed: 2, evidence: () => base });
// The next day: a tenth of the accounts fail one more check, as a real fleet drifts.
const second: ScanRecord = {
  ...first,
  scan: { ...first.scan, id: '00000000-0000-4000-8000-000000000009', startedAt: '2026-11-21T10:00:00.000Z', finishedAt: '2026-11-21T10:05:00.000Z' },
  findings: first.findings.map((f, i) => (f.status === 'PASS' && i % 10 === 0 ? { ...f, status: 'FAIL' as const } : f)),
};
const account = first.accounts[1]?.id ?? '';
const someFinding = second.findings.find((f) => f.status === 'FAIL')?.id ?? '';
console.log(`bench/dashboard: ${ACCOUNTS} accounts × ${USERS} users, ${second.findings.length.toLocaleString('en-GB')} findings per scan, ${REPS} requests per page`);

const PAGES: [string, string][] = [
  ['overview', '/'],
  ['scans', '/scans'],
  ['explorer, page 1', `/scans/${second.scan.id}`],
  ['explorer, filtered', `/scans/${second.scan.id}?severity=high&severity=medium&status=FAIL&muted=no`],
  ['explorer, text search', `/scans/${second.scan.id}?q=user-4`],
  ['explorer, one OU', `/scans/${second.scan.id}?ou=Production`],
  ['explorer, last page', `/scans/${second.scan.id}?page=${Math.ceil(second.findings.length / 50)}`],
  ['explorer, sorted by resource', `/scans/${second.scan.id}?sort=resource&desc=1&page=20`],
  ['API findings, filtered', `/api/scans/${second.scan.id}/findings?status=FAIL&severity=critical`],
  ['finding', `/findings/${someFinding}`],
  ['diff, one account', `/diff?b=${second.scan.id}&account=${account}`],
  ['compliance (cached scan)', `/scans/${second.scan.id}/compliance/cis-aws-v5.0.0`],
  ['checks', '/checks'],
];

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;

async function run(label: string, location: StoreLocation): Promise<void> {
  const store = await openStore(location);
  let start = performance.now();
  await store.saveScan(first);
  await store.saveScan(second);
  console.log(`  ${label}: two scans stored in ${(performance.now() - start).toFixed(0)} ms`);
  const dash = await startDashboard({ store, host: '127.0.0.1', port: 0, token: null, lang: 'en' });
  try {
    for (const [name, path] of PAGES) {
      const url = new URL(path, dash.url).href;
      const times: number[] = [];
      for (let i = 0; i < REPS + 2; i++) {
        start = performance.now();
        const res = await fetch(url);
        await res.arrayBuffer();
        if (res.status !== 200) throw new Error(`${path}: HTTP ${res.status}`);
        if (i >= 2) times.push(performance.now() - start);
      }
      times.sort((a, b) => a - b);
      const p95 = quantile(times, 0.95);
      console.log(`    ${name.padEnd(30)} p50 ${quantile(times, 0.5).toFixed(1).padStart(7)} ms   p95 ${p95.toFixed(1).padStart(7)} ms${p95 > TARGET_MS ? `   ← over the ${TARGET_MS} ms target` : ''}`);
    }
  } finally {
    await dash.close();
    await store.close();
  }
}

const dir = mkdtempSync(join(tmpdir(), 'lockdown-bench-dashboard-'));
try {
  await run('SQLite', { kind: 'sqlite', path: join(dir, 'store.db') });
  if (FULL) {
    const pg = await startPostgres();
    try {
      await run('PostgreSQL', { kind: 'postgres', url: await pg.database() });
    } finally {
      pg.stop();
    }
  } else {
    console.log('  PostgreSQL: BENCH_FULL=1 runs the same pages on PostgreSQL');
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
