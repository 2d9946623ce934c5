import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { serializeEvidence } from '../src/evidence/serialize.js';
import { changeCounts, diffSides, storedChanges, storedPairDiff } from '../src/history/compare.js';
import { diffRecords, mergeDiffs, restrictToAccounts, type ScanDiff } from '../src/history/diff.js';
import { EvidenceSpool } from '../src/store/evidence-spool.js';
import { openStore, type Store, type StoreLocation } from '../src/store/store.js';
import { accountIdOf, asJson, orgScan, type BuiltScan } from './store-fixture.js';
import { startPostgres, type TestPostgres } from './store-postgres.js';

// What the history commands read from the store without loading whole scans (issue 9): part of a
// scan (some accounts, some findings), a diff built from the findings that changed since each
// account's previous scan (storedChanges) equal to the diff of the whole records, and evidence
// saved from a spool (compressed, read account by account) that loads back as it was.

const tmp = mkdtempSync(join(tmpdir(), 'lockdown-history-stored-'));
after(() => rmSync(tmp, { recursive: true, force: true }));
let counter = 0;
let cluster: TestPostgres | undefined;

const BACKENDS: { name: string; setup(): Promise<void>; teardown(): void; fresh(): Promise<StoreLocation> }[] = [
  { name: 'SQLite', setup: async () => undefined, teardown: () => undefined, fresh: async () => ({ kind: 'sqlite', path: join(tmp, `s-${++counter}.db`) }) },
  {
    name: 'PostgreSQL',
    setup: async () => {
      cluster = await startPostgres();
    },
    teardown: () => cluster?.stop(),
    fresh: async () => ({ kind: 'postgres', url: await (cluster as TestPostgres).database() }),
  },
];

/** The diff as whole records give it: each assessed account against its previous stored scan, with the finding history. */
async function wholeDiff(store: Store, scans: BuiltScan[], d: number): Promise<ScanDiff> {
  const now = (scans[d] as BuiltScan).record;
  const diffs: ScanDiff[] = [];
  for (const account of now.accounts) {
    const only = new Set([account.id]);
    const prev = await store.previousScanOf(account.id, now.scan.id);
    const after = restrictToAccounts(await store.loadScan(now.scan.id), only);
    diffs.push(prev === null ? diffRecords(null, after) : await diffSides(store, restrictToAccounts(await store.loadScan(prev), only), after));
  }
  return mergeDiffs(diffs);
}

/** A diff as JSON compares it (entries sorted the same way by both). */
const plain = (d: ScanDiff) => asJson(d);

for (const backend of BACKENDS) {
  describe(`history over the store on ${backend.name}`, () => {
    before(() => backend.setup());
    after(() => backend.teardown());

    it('loads part of a scan: some accounts, some findings', async () => {
      const store = await openStore(await backend.fresh());
      const scan = orgScan({ accounts: 3, users: 6, day: 0, notAssessed: [1] });
      await store.saveScan(scan.record, scan.evidence);
      const id = scan.record.scan.id;
      const one = new Set([accountIdOf(2)]);
      assert.deepEqual(await store.loadScan(id, { accounts: one }), asJson(restrictToAccounts(scan.record, one)));
      assert.deepEqual(await store.loadScan(id, { accounts: [accountIdOf(1)] }), asJson(restrictToAccounts(scan.record, new Set([accountIdOf(1)]))), 'a not-assessed account alone');
      const picked = scan.record.findings.filter((_, i) => i % 7 === 0);
      const some = await store.loadScan(id, { findings: [...picked.map((f) => f.id), 'no-such-finding'] });
      const byId = (list: { id: string }[]) => [...list].sort((a, b) => a.id.localeCompare(b.id));
      assert.deepEqual(byId(some.findings), byId(asJson(picked)));
      assert.deepEqual({ ...some, findings: [] }, { ...asJson(scan.record), findings: [] }, 'everything but the findings is whole');
      assert.deepEqual((await store.loadScan(id, { findings: [] })).findings, []);
      await store.close();
    });

    it('diffs a stored scan against each account\'s previous scan from the changed findings alone, as whole records would', async () => {
      const store = await openStore(await backend.fresh());
      // Flapping MFA (regressed, resolved), a user gone and back (came back), an account not assessed on day 2.
      const scans = Array.from({ length: 4 }, (_, day) => orgScan({ accounts: 3, users: 9, day, variation: { flapping: 3, period: 2 }, notAssessed: day === 2 ? [2] : [] }));
      const d2 = scans[2] as BuiltScan;
      d2.record.findings = d2.record.findings.filter((f) => f.resource.name !== 'user-00008');
      for (const f of (scans[3] as BuiltScan).record.findings) if (f.resource.name === 'user-00007') Object.assign(f, { muted: true, muteReason: 'leaver' });
      for (const s of scans) await store.saveScan(s.record, s.evidence);
      let counted = 0;
      for (let d = 0; d < scans.length; d++) {
        const id = (scans[d] as BuiltScan).record.scan.id;
        const got = await storedChanges(store, id);
        // The reference compares assessed accounts only.
        const assessedOnly = { ...got.diff, accounts: got.diff.accounts.filter((a) => a.change !== 'notAssessedNow' && a.change !== 'assessedAgain') };
        assert.deepEqual(plain(assessedOnly), plain(await wholeDiff(store, scans, d)), `day ${d}`);
        const changed = (await store.changesSince(id)).accounts.flatMap((x) => x.changes).filter((c) => c.after).length;
        assert.equal(got.after.findings.length, changed, `day ${d}: only the changed findings are read`);
        if (d > 0) assert.ok(changed < (scans[d] as BuiltScan).record.findings.length / 4, `day ${d}: few changed`);
        if (d === 0) assert.deepEqual(got.firstScan, [accountIdOf(0), accountIdOf(1), accountIdOf(2)]);
        // history's counts, from the changes alone, are the headline of the same diff per account.
        const assessed = new Set((scans[d] as BuiltScan).record.accounts.map((x) => x.id));
        const counts = await changeCounts(store, id, assessed);
        const plainDiff = await storedChanges(store, id, { findingHistory: false });
        for (const account of assessed) {
          const of = (k: 'new' | 'regressed' | 'resolved') => plainDiff.diff.entries[k].filter((e) => e.accountId === account && !(e.after ?? e.before)?.muted).length;
          const want = plainDiff.previous.get(account) ? { previousScanId: plainDiff.previous.get(account), new: of('new'), regressed: of('regressed'), resolved: of('resolved') } : { previousScanId: null, new: 0, regressed: 0, resolved: 0 };
          assert.deepEqual(counts.get(account), want, `day ${d}, account ${account}`);
          counted += want.new + want.regressed + want.resolved;
        }
      }
      assert.ok(counted > 0, 'history counts something');
      // Day 2 could not assess account 2: a coverage loss against day 1.
      const day2 = await storedChanges(store, d2.record.scan.id);
      assert.deepEqual(day2.diff.accounts.map((a) => [a.accountId, a.change]), [[accountIdOf(2), 'notAssessedNow']]);
      // The same from a record in hand (a scan just stored), limited to one account.
      const held = restrictToAccounts((scans[3] as BuiltScan).record, new Set([accountIdOf(0)]));
      const fromRecord = await storedChanges(store, held.scan.id, { record: held });
      assert.deepEqual(plain(fromRecord.diff), plain((await storedChanges(store, held.scan.id, { accounts: new Set([accountIdOf(0)]) })).diff));
      assert.ok(fromRecord.diff.entries.regressed.length + fromRecord.diff.entries.resolved.length > 0, 'the fixture moves something');
      // Any two stored scans, either way round, the same scan twice, and an account not assessed in one of them.
      const ids = scans.map((x) => x.record.scan.id);
      for (const [a, b] of [[0, 1], [0, 3], [3, 0], [1, 2], [2, 3], [2, 2]] as const) {
        const pair = await storedPairDiff(store, ids[a] as string, ids[b] as string);
        const whole = await diffSides(store, await store.loadScan(ids[a] as string), await store.loadScan(ids[b] as string));
        assert.deepEqual(plain(pair.diff), plain(whole), `scan ${a} against scan ${b}`);
        assert.ok(pair.after.findings.length < (scans[b] as BuiltScan).record.findings.length || b === 2, 'not every finding read');
      }
      const one = new Set([accountIdOf(2)]);
      const onePair = await storedPairDiff(store, ids[1] as string, ids[2] as string, one);
      assert.deepEqual(plain(onePair.diff), plain(await diffSides(store, restrictToAccounts(await store.loadScan(ids[1] as string), one), restrictToAccounts(await store.loadScan(ids[2] as string), one))));
      assert.deepEqual(onePair.diff.accounts.map((x) => x.change), ['notAssessedNow']);
      await store.close();
    });

    it('stores spooled evidence (compressed, read account by account) and loads it back as it was', async () => {
      const store = await openStore(await backend.fresh());
      const scan = orgScan({ accounts: 3, users: 5, day: 0 });
      const spool = new EvidenceSpool();
      let reads = 0;
      for (const ev of scan.evidence.values()) spool.add(ev);
      const entries = new Map([...spool.entries()].map(([id, e]) => [id, { compressed: true as const, read: () => (reads++, e.read()) }]));
      await store.saveScan(scan.record, entries);
      assert.equal(reads, 3, 'each account read once, while saving');
      for (const [id, ev] of scan.evidence) assert.equal(serializeEvidence((await store.loadEvidence(scan.record.scan.id, id)) ?? assert.fail('no evidence')), serializeEvidence(ev));
      const dir = (spool as unknown as { dir: string }).dir;
      assert.ok(existsSync(dir));
      spool.dispose();
      assert.ok(!existsSync(dir), 'the spool folder is removed');
      await store.close();
    });
  });
}
