import { randomUUID } from 'node:crypto';
import { CHECKS } from '../src/checks/registry.js';
import { evaluate } from '../src/engine/evaluate.js';
import type { Evidence } from '../src/evidence/schema.js';
import { parseEvidence } from '../src/evidence/parse.js';
import { accountRecord, buildRecord, type AccountScan, type NotAssessedAccount, type OuStep, type ScanRecord } from '../src/record/record.js';
import { ACCOUNT_ID, COLLECTED_AT, evidenceJson, user, type UserSpec } from './builders/evidence.js';

// Scans for the store tests and bench/history.ts: accounts of N users, re-collected day after day,
// with a few findings that change on some days, in organisation scans of many accounts.

export const DAY = 86_400_000;
const BASE = Date.parse(COLLECTED_AT);
/** When the base credential report was generated (evidenceJson). */
const REPORT_TIME = '2026-11-20T08:48:00.000Z';

export const accountIdOf = (i: number): string => String(300_000_000_000 + i * 7_919).padStart(12, '0');

export const OU_PATHS: OuStep[][] = [
  [{ id: 'ou-root-prod', name: 'Production' }],
  [{ id: 'ou-root-prod', name: 'Production' }, { id: 'ou-prod-eu', name: 'EU' }],
  [{ id: 'ou-root-dev', name: 'Development' }],
  [],
];

/** What changes on a day: users 0..n-1 lose their MFA on days where (day + i) % period === 0. */
export interface Variation {
  /** Users whose MFA flips with the day (a FAIL that comes and goes); default 2. */
  flapping?: number;
  period?: number;
}

function users(count: number, day: number, v: Variation): UserSpec[] {
  const flapping = v.flapping ?? 2;
  const period = v.period ?? 3;
  return Array.from({ length: count }, (_, i) =>
    user(`user-${String(i).padStart(5, '0')}`, {
      password: i % 4 !== 3,
      mfa: i < flapping ? (day + i) % period !== 0 : i % 5 !== 0,
      passwordLastUsed: 'no_information',
      passwordLastChanged: new Date(BASE - (30 + (i % 50)) * DAY).toISOString(),
      key1: i % 3 === 0 ? { active: true, lastRotated: new Date(BASE - (10 + (i % 200)) * DAY).toISOString(), lastUsed: new Date(BASE - DAY).toISOString() } : undefined,
      groups: i % 7 === 0 ? [] : ['developers'],
    }),
  );
}

const templates = new Map<string, string>();

/** The evidence of account `accountId` collected `day` days after the base day, with `userCount` users. */
export function dayEvidence(accountId: string, day: number, userCount: number, v: Variation = {}): Evidence {
  const key = `${userCount}:${v.flapping ?? 2}:${v.period ?? 3}:${day % (v.period ?? 3)}`;
  let text = templates.get(key);
  if (text === undefined) templates.set(key, (text = JSON.stringify(evidenceJson({ users: users(userCount, day, v) }))));
  // The collection times move on by `day` days (the other dates stay, so ages grow as they do).
  const shift = (t: string) => new Date(Date.parse(t) + day * DAY).toISOString();
  const shifted = text.replaceAll(COLLECTED_AT, shift(COLLECTED_AT)).replaceAll(REPORT_TIME, shift(REPORT_TIME));
  return parseEvidence(JSON.parse(shifted.replaceAll(ACCOUNT_ID, accountId)), `day ${day} of ${accountId}`);
}

export interface OrgScanOptions {
  accounts: number;
  users: number;
  day: number;
  /** Accounts (by index) in scope that could not be assessed. */
  notAssessed?: number[];
  variation?: Variation;
  /** First account index (so two processes can scan different accounts). */
  first?: number;
  id?: string;
}

export interface BuiltScan {
  record: ScanRecord;
  evidence: Map<string, Evidence>;
}

/** One scan of `accounts` accounts on a day (an organisation scan when more than one). */
export function orgScan(o: OrgScanOptions): BuiltScan {
  const scans: AccountScan[] = [];
  const evidence = new Map<string, Evidence>();
  const notAssessed: NotAssessedAccount[] = [];
  const first = o.first ?? 0;
  for (let i = first; i < first + o.accounts; i++) {
    const id = accountIdOf(i);
    const place = o.accounts > 1 ? { name: `account-${i}`, email: `aws+${i}@example.com`, ouPath: OU_PATHS[i % OU_PATHS.length] as OuStep[], via: `arn:aws:iam::${id}:role/Audit` } : undefined;
    if (o.notAssessed?.includes(i)) {
      notAssessed.push({ id, partition: 'aws', name: place?.name ?? null, email: place?.email ?? null, ouPath: place?.ouPath ?? null, via: place?.via ?? null, code: 'AccessDenied', reason: { id: 'storeCannotOpen', params: { store: 'x', code: 'AccessDenied' } } as never });
      continue;
    }
    const ev = dayEvidence(id, o.day, o.users, o.variation);
    evidence.set(id, ev);
    scans.push({ account: accountRecord(ev, place), findings: evaluate(ev, CHECKS), mutelist: null });
  }
  const startedAt = new Date(BASE + o.day * DAY);
  const record = buildRecord(scans, { source: 'evidence', startedAt, finishedAt: new Date(startedAt.getTime() + 60_000), checks: CHECKS, notAssessed, id: o.id ?? randomUUID() });
  return { record, evidence };
}

/** A record as JSON keeps it (what a stored record must equal). */
export const asJson = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
