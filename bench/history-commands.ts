// bench/history-commands: the history commands as a user runs them (issue 9 item 2), in-process
// through main() against a store this bench fills: daily organisation scans of ACCOUNTS accounts
// (~200 findings each) plus one account of BIG_USERS users. Prints p50/p95 over REPEAT runs of
// `history`, `history --account`, `diff` (default: the newest scan against each account's previous
// one), `diff last~1 last --format table` for one account, the big account's diff, and a stored
// `scan --fail-on-new` of the big account's evidence (store + baseline + since line).
// bench/history.ts (the store's own bench) measures saving and the raw queries.
//   node --import tsx bench/history-commands.ts                  quick: 5 days, 10 accounts, 1,000 users
//   BENCH_FULL=1 node --import tsx bench/history-commands.ts     30 days, 100 accounts, 5,000 users
import { copyFileSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { main } from '../src/cli/main.js';
import { serializeEvidence } from '../src/evidence/serialize.js';
import { openStore } from '../src/store/store.js';
import { accountIdOf, orgScan } from '../test/store-fixture.js';

const FULL = process.env.BENCH_FULL === '1';
const DAYS = Number(process.env.BENCH_DAYS ?? (FULL ? 30 : 5));
const ACCOUNTS = Number(process.env.BENCH_ACCOUNTS ?? (FULL ? 100 : 10));
const USERS = 20;
const BIG_USERS = Number(process.env.BENCH_BIG_USERS ?? (FULL ? 5_000 : 1_000));
const REPEAT = Number(process.env.BENCH_REPEAT ?? (FULL ? 20 : 10));
const TARGET_MS = 200;

const dir = mkdtempSync(join(tmpdir(), 'lockdown-bench-history-commands-'));
// BENCH_DB=FILE keeps a copy of the filled store there and starts from it on the next run (same sizes).
const db = join(dir, 'store.db');
const kept = process.env.BENCH_DB;
const reuse = kept !== undefined && existsSync(kept);
if (reuse) copyFileSync(kept, db);
const env = { HOME: dir, PATH: process.env.PATH ?? '', LOCKDOWN_DB: db };

async function run(args: string[]): Promise<{ code: number; out: number }> {
  let out = 0;
  const code = await main(args, { stdout: { write: (s: string) => (out += s.length) }, stderr: { write: () => undefined }, env });
  if (code !== 0 && code !== 1) throw new Error(`lockdown ${args.join(' ')}: exit ${code}`);
  return { code, out };
}

const pct = (list: number[], p: number) => [...list].sort((a, b) => a - b)[Math.min(list.length - 1, Math.floor((p / 100) * list.length))] ?? 0;
const ms = (n: number) => `${n.toFixed(n < 10 ? 1 : 0)} ms`;
const over: string[] = [];

async function measure(name: string, args: string[], repeat = REPEAT): Promise<void> {
  await run(args); // warm: modules loaded, SQLite pages cached
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < repeat; i++) {
    const start = performance.now();
    bytes = (await run(args)).out;
    times.push(performance.now() - start);
  }
  const p95 = pct(times, 95);
  console.log(`history-commands: ${name.padEnd(44)} p50 ${ms(pct(times, 50)).padStart(7)}  p95 ${ms(p95).padStart(7)}  (${bytes.toLocaleString('en')} characters out)`);
  if (p95 > TARGET_MS) over.push(`${name} p95 ${ms(p95)}`);
}

try {
  const fillStart = performance.now();
  const store = await openStore({ kind: 'sqlite', path: db });
  let findings = 0;
  for (let day = reuse ? DAYS : 0; day < DAYS; day++) {
    const small = orgScan({ accounts: ACCOUNTS, users: USERS, day, id: `org-${day}` });
    const big = orgScan({ accounts: 1, users: BIG_USERS, day, first: ACCOUNTS });
    small.record.accounts.push(...big.record.accounts);
    small.record.findings.push(...big.record.findings);
    for (const [id, ev] of big.evidence) small.evidence.set(id, ev);
    findings = small.record.findings.length;
    await store.saveScan(small.record, small.evidence);
  }
  await store.close();
  if (kept !== undefined && !reuse) copyFileSync(db, kept);
  if (reuse) console.log(`history-commands: a copy of the store ${kept}`);
  else console.log(`history-commands: ${DAYS} daily scans of ${ACCOUNTS + 1} accounts (${ACCOUNTS} × ${USERS} users + 1 × ${BIG_USERS.toLocaleString('en')} users, ${findings.toLocaleString('en')} findings each) stored in ${(performance.now() - fillStart).toFixed(0)} ms`);

  const one = accountIdOf(3);
  const big = accountIdOf(ACCOUNTS);
  await measure('history (20 newest scans)', ['history']);
  await measure('history --json --limit 5', ['history', '--json', '--limit', '5']);
  await measure(`history --account ${one}`, ['history', '--account', one]);
  await measure('diff (newest vs previous, all accounts)', ['diff', '--format', 'json']);
  await measure(`diff last~1 last --account ${one} (table)`, ['diff', 'last~1', 'last', '--account', one, '--format', 'table']);
  await measure(`diff --account ${big} (${BIG_USERS} users)`, ['diff', '--account', big, '--format', 'json']);

  // A stored scan of the big account with --fail-on-new: saving, the baseline and the since line.
  const { evidence } = orgScan({ accounts: 1, users: BIG_USERS, day: DAYS, first: ACCOUNTS });
  const file = join(dir, 'big.json');
  writeFileSync(file, serializeEvidence(evidence.get(big) as Parameters<typeof serializeEvidence>[0]));
  const scanTimes: number[] = [];
  const noStore: number[] = [];
  for (let i = 0; i < Math.min(REPEAT, 5); i++) {
    let start = performance.now();
    await run(['scan', '--evidence', file, '--format', 'table', '--no-store']);
    noStore.push(performance.now() - start);
    start = performance.now();
    await run(['scan', '--evidence', file, '--format', 'table', '--fail-on-new', 'high']);
    scanTimes.push(performance.now() - start);
  }
  console.log(`history-commands: scan of the ${BIG_USERS.toLocaleString('en')}-user account: --no-store p50 ${ms(pct(noStore, 50))}; stored with --fail-on-new p50 ${ms(pct(scanTimes, 50))}, p95 ${ms(pct(scanTimes, 95))} (storing and comparing add ${ms(pct(scanTimes, 50) - pct(noStore, 50))})`);
  console.log(over.length ? `history-commands: over the ${TARGET_MS} ms target: ${over.join('; ')}` : `history-commands: every command p95 under ${TARGET_MS} ms`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
