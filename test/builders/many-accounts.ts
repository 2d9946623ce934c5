import { readFileSync } from 'node:fs';
import { CHECKS } from '../../src/checks/registry.js';
import type { Check } from '../../src/engine/check.js';
import { evaluate } from '../../src/engine/evaluate.js';
import type { Lang } from '../../src/engine/types.js';
import { parseEvidence } from '../../src/evidence/parse.js';
import type { EvidenceJson } from '../../src/evidence/schema.js';
import { msg, type Message } from '../../src/i18n/index.js';
import { accountRecord, buildRecord, type AccountPlace, type AccountScan, type NotAssessedAccount, type OuStep, type ScanRecord } from '../../src/record/record.js';
import { render } from '../../src/record/render.js';
import type { ScanResult } from '../../src/record/result.js';

// A many-account scan record (issue 8) for reporter, store and dashboard tests: assessed accounts
// built from the demo evidence (or a larger generated account) under different account ids, each
// with a name and an OU path in a small nested organisation, plus accounts in scope that could not
// be assessed. Deterministic: account i always gets the same id, place and findings.

const DEMO_ID = '123456789012';
const demoText = readFileSync(new URL('../../demo/insecure-account.evidence.json', import.meta.url), 'utf8');

/** The organisation the accounts sit in: OUs root-down; an account's path is one of PATHS. */
export const OUS = {
  production: { id: 'ou-a1b2-11111111', name: 'Production' },
  web: { id: 'ou-a1b2-22222222', name: 'Web' },
  sandbox: { id: 'ou-a1b2-33333333', name: 'Sandbox' },
} as const satisfies Record<string, OuStep>;
const PATHS: OuStep[][] = [[], [OUS.production], [OUS.production, OUS.web], [OUS.sandbox]];

/** The 12-digit id of assessed account i (0-based); the first is the demo's own id. */
export const accountId = (i: number) => (i === 0 ? DEMO_ID : String(200_000_000_000 + i * 7_919).padStart(12, '0'));
/** The id of not-assessed account i. */
export const notAssessedId = (i: number) => String(900_000_000_000 + i * 104_729).padStart(12, '0');
export const ouPathOf = (i: number): OuStep[] => PATHS[i % PATHS.length] as OuStep[];

export interface ManyAccountsOptions {
  /** Assessed accounts (default 3). */
  accounts?: number;
  /** Accounts in scope that could not be assessed (default 2): a denied AssumeRole, then a suspended account, alternately. */
  notAssessed?: number;
  /** The evidence of account i with the demo's id `123456789012` (default: the demo, varied per account). */
  evidence?: (i: number) => EvidenceJson | string;
  /** Account names (default `workload-<i>`; the management account is `management`). */
  names?: (i: number) => string;
  checks?: readonly Check[];
}

/**
 * The demo account's evidence as account i: every `123456789012` replaced by its id, and a few
 * facts varied so that accounts differ (root MFA and keys, user MFA), as real members do.
 */
export function demoEvidenceAs(i: number, base: EvidenceJson | string = demoText): EvidenceJson {
  const text = typeof base === 'string' ? base : JSON.stringify(base);
  const json = JSON.parse(i === 0 ? text : text.replaceAll(DEMO_ID, accountId(i))) as EvidenceJson;
  if (i === 0) return json;
  const report = json.parts.credentialReport as { data?: { rows: { user: string; mfaActive: boolean; accessKeys: { active: boolean }[] }[] } };
  for (const [k, row] of (report.data?.rows ?? []).entries()) {
    if (row.user === '<root_account>') {
      if (i % 2 === 0) row.mfaActive = true;
      if (i % 3 === 0) for (const key of row.accessKeys) key.active = false;
    } else if (!row.mfaActive && (i + k) % 3 === 0) row.mfaActive = true;
  }
  return json;
}

const DENIED = (id: string): Message =>
  msg('credentialsRejected', { source: `arn:aws:iam::${id}:role/OrganizationAccountAccessRole`, code: 'AccessDenied', detail: 'not authorized to perform sts:AssumeRole' });
const SUSPENDED = (): Message => msg('commanderSays', { detail: 'SUSPENDED' });

/** Not-assessed account i: even ones were denied AssumeRole, odd ones are suspended. */
export function notAssessedAccount(i: number, name = `retired-${i}`): NotAssessedAccount {
  const id = notAssessedId(i);
  const denied = i % 2 === 0;
  return {
    id,
    partition: 'aws',
    name,
    email: `aws+${name}@example.com`,
    ouPath: ouPathOf(i + 1),
    via: denied ? `arn:aws:iam::${id}:role/OrganizationAccountAccessRole` : null,
    code: denied ? 'AccessDenied' : 'SUSPENDED',
    reason: denied ? DENIED(id) : SUSPENDED(),
  };
}

export function placeOf(i: number, name: string): AccountPlace {
  return { name, email: `aws+${name}@example.com`, ouPath: ouPathOf(i), via: i === 0 ? null : `arn:aws:iam::${accountId(i)}:role/OrganizationAccountAccessRole` };
}

export function manyAccountsRecord(options: ManyAccountsOptions = {}): ScanRecord {
  const checks = options.checks ?? CHECKS;
  const names = options.names ?? ((i: number) => (i === 0 ? 'management' : `workload-${i}`));
  const scans: AccountScan[] = [];
  for (let i = 0; i < (options.accounts ?? 3); i++) {
    const base = options.evidence?.(i);
    const evidence = parseEvidence(demoEvidenceAs(i, base), `account ${i}`);
    scans.push({ account: accountRecord(evidence, placeOf(i, names(i))), findings: evaluate(evidence, checks), mutelist: null });
  }
  const notAssessed = Array.from({ length: options.notAssessed ?? 2 }, (_, i) => notAssessedAccount(i));
  return buildRecord(scans, { source: 'evidence', startedAt: new Date('2026-11-20T10:00:00.000Z'), finishedAt: new Date('2026-11-20T10:05:00.000Z'), id: '00000000-0000-4000-8000-000000000008', checks, notAssessed });
}

/** The record and its result in one language, as the CLI hands both to a reporter. */
export function manyAccountsResult(options: ManyAccountsOptions = {}, lang: Lang = 'en'): { record: ScanRecord; result: ScanResult } {
  const record = manyAccountsRecord(options);
  return { record, result: render(record, lang, { checks: options.checks ?? CHECKS }) };
}
