import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ScanRecord } from '../../src/record/record.js';
import { openStore, type Store } from '../../src/store/store.js';
import { fixedRecord, HOSTILE_USER } from '../report-fixture.js';
import { manyAccountsRecord } from './many-accounts.js';

/** An account name from AWS Organizations is user-controlled too. */
export const HOSTILE_ACCOUNT = '<script>alert("acct")</script>';
/** OU names and mute reasons are typed by people too; quotes break out of attributes. */
export const HOSTILE_OU = `Prod"><svg onload=alert('ou')>`;
export const HOSTILE_REASON = `"><img src=x onerror=alert('mute')> ticket 'SEC-1'`;

export interface SeededStore {
  store: Store;
  /** Two scans of the demo account (the second with one finding fixed and one failing anew), then an organisation scan. */
  first: ScanRecord;
  second: ScanRecord;
  org: ScanRecord;
  /** A finding that fails in the first scan and passes in the second. */
  fixedId: string;
  /** A finding that passes in the first scan and fails in the second. */
  regressedId: string;
  dispose(): Promise<void>;
}

const at = (record: ScanRecord, id: string, startedAt: string): ScanRecord => ({
  ...record,
  scan: { ...record.scan, id, startedAt, finishedAt: startedAt },
});

/** A SQLite store in a temp folder holding a small, realistic history (with hostile names). */
export async function seededStore(): Promise<SeededStore> {
  const dir = mkdtempSync(join(tmpdir(), 'lockdown-dashboard-'));
  const store = await openStore({ kind: 'sqlite', path: join(dir, 'store.db') });
  const first = at(fixedRecord(), '11111111-1111-4111-8111-111111111111', '2026-11-20T10:00:00.000Z');
  const fixed = first.findings.find((f) => f.status === 'FAIL' && !f.muted && f.checkId === 'user-console-mfa' && f.resource.name === HOSTILE_USER);
  const passing = first.findings.find((f) => f.status === 'PASS' && f.checkId === 'password-policy-exists') ?? first.findings.find((f) => f.status === 'PASS');
  if (!fixed || !passing) throw new Error('the demo changed: no FAIL for the hostile user or no PASS to regress');
  const second = at(
    {
      ...first,
      findings: first.findings.map((f) => (f.id === fixed.id ? { ...f, status: 'PASS' as const } : f.id === passing.id ? { ...f, status: 'FAIL' as const } : f)),
    },
    '22222222-2222-4222-8222-222222222222',
    '2026-11-21T10:00:00.000Z',
  );
  const built = manyAccountsRecord({ accounts: 3, notAssessed: 2, names: (i) => (i === 1 ? HOSTILE_ACCOUNT : `workload-${i}`) });
  const hostileAccount = built.accounts[2]?.id;
  const mutedOne = built.findings.find((f) => f.status === 'FAIL' && f.accountId === hostileAccount);
  const org = at(
    {
      ...built,
      accounts: built.accounts.map((a) => (a.id === hostileAccount ? { ...a, ouPath: [{ id: 'ou-a1b2-22222222', name: HOSTILE_OU }, { id: 'ou-a1b2-33333333', name: 'Web' }] } : a)),
      findings: built.findings.map((f) => (f === mutedOne ? { ...f, muted: true, muteReason: HOSTILE_REASON } : f)),
    },
    '33333333-3333-4333-8333-333333333333',
    '2026-11-22T10:00:00.000Z',
  );
  try {
    for (const record of [first, second, org]) await store.saveScan(record);
  } catch (error) {
    // An open store keeps the test process alive: close it, then fail.
    await store.close();
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    store,
    first,
    second,
    org,
    fixedId: fixed.id,
    regressedId: passing.id,
    dispose: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
