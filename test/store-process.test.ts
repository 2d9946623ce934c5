import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { openStore, type StoreLocation } from '../src/store/store.js';
import { asJson, orgScan } from './store-fixture.js';
import { startPostgres, type TestPostgres } from './store-postgres.js';

// Real processes against one store, on SQLite and PostgreSQL: two storing at the same time lose
// nothing; one killed (SIGKILL) in the middle of a large save leaves the store as it was.

const tmp = mkdtempSync(join(tmpdir(), 'lockdown-store-proc-'));
after(() => rmSync(tmp, { recursive: true, force: true }));
const CHILD = join(import.meta.dirname, 'store-child.ts');

interface Child {
  done: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>;
  kill(signal: NodeJS.Signals): void;
  waitFor(text: string): Promise<void>;
}

function child(args: string[], env: NodeJS.ProcessEnv = {}): Child {
  const proc = spawn(process.execPath, ['--import', 'tsx', CHILD, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  const waiters: { text: string; resolve: () => void }[] = [];
  proc.stderr.on('data', (d: Buffer) => {
    stderr += d.toString();
    for (const w of waiters.filter((w) => stderr.includes(w.text))) w.resolve();
  });
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) => proc.on('close', (code, signal) => resolve({ code, signal, stderr })));
  return {
    done,
    kill: (signal) => proc.kill(signal),
    waitFor: (text) => (stderr.includes(text) ? Promise.resolve() : new Promise((resolve) => waiters.push({ text, resolve }))),
  };
}

let cluster: TestPostgres | undefined;
let n = 0;
const backends: { name: string; fresh: () => Promise<StoreLocation> }[] = [
  { name: 'SQLite', fresh: async () => ({ kind: 'sqlite', path: join(tmp, `s${++n}.db`) }) },
  { name: 'PostgreSQL', fresh: async () => ({ kind: 'postgres', url: await (cluster as TestPostgres).database() }) },
];
const arg = (l: StoreLocation) => (l.kind === 'sqlite' ? l.path : l.url);

describe('store used by several processes', () => {
  before(async () => {
    cluster = await startPostgres();
  });
  after(() => cluster?.stop());

  for (const backend of backends) {
    it(`${backend.name}: two processes storing scans of the same accounts at the same time lose nothing`, async () => {
      const location = await backend.fresh();
      // Create the store first so both children find it (creating it at once is covered by migrate's lock).
      await (await openStore(location)).close();
      const a = child([arg(location), '0', '10', '2', '3', '6', 'a']);
      const b = child([arg(location), '1', '11', '2', '3', '6', 'b']);
      const [ra, rb] = await Promise.all([a.done, b.done]);
      assert.equal(ra.code, 0, ra.stderr);
      assert.equal(rb.code, 0, rb.stderr);
      const store = await openStore(location);
      const scans = await store.listScans({ limit: 100 });
      assert.equal(scans.length, 12);
      for (let day = 0; day <= 11; day++) {
        const { record } = orgScan({ accounts: 3, users: 6, day, id: `${day % 2 ? 'b' : 'a'}-${day}` });
        assert.deepEqual(await store.loadScan(record.scan.id), asJson(record), `day ${day}`);
      }
      // Every account's sequence is 1..12 in time order.
      const seqs = scans.flatMap((s) => s.accounts.map((acc) => `${acc.accountId}:${acc.accountSeq}`));
      assert.equal(new Set(seqs).size, 36);
      assert.equal(scans[0]?.id, 'b-11');
      await store.close();
    });

    it(`${backend.name}: a process killed in the middle of a large save leaves the store as it was`, async () => {
      const location = await backend.fresh();
      const store = await openStore(location);
      const before = orgScan({ accounts: 1, users: 50, day: 0, id: 'before' });
      await store.saveScan(before.record, before.evidence);
      const statsBefore = await store.stats();
      await store.close();
      const killed = child([arg(location), '1', '1', '1', '1', '800', 'killed'], { LOCKDOWN_TEST_STORE_PAUSE_MS: '60000' });
      await killed.waitFor('pausing before commit');
      killed.kill('SIGKILL');
      const result = await killed.done;
      assert.equal(result.signal, 'SIGKILL');
      const reopened = await openStore(location);
      assert.deepEqual(await reopened.stats().then((s) => ({ ...s, bytes: 0 })), { ...statsBefore, bytes: 0 });
      assert.deepEqual((await reopened.listScans()).map((s) => s.id), ['before']);
      assert.deepEqual(await reopened.loadScan('before'), asJson(before.record));
      // And the store takes the next scan as if nothing happened.
      const next = orgScan({ accounts: 1, users: 50, day: 1, id: 'next' });
      await reopened.saveScan(next.record, next.evidence);
      assert.deepEqual(await reopened.loadScan('next'), asJson(next.record));
      assert.equal(await reopened.previousScanOf(next.record.accounts[0]?.id as string, 'next'), 'before');
      await reopened.close();
    });
  }
});
