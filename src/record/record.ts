import { hash, randomUUID } from 'node:crypto';
import { checkKey, type Check } from '../engine/check.js';
import type { MutelistReport } from '../engine/mutelist.js';
import type { Finding } from '../engine/types.js';
import { isNotOrganizationScan } from '../evidence/organization-only.js';
import type { Evidence } from '../evidence/schema.js';
import type { Message } from '../i18n/index.js';
import { VERSION } from '../version.js';

// A scan as it is kept: every fact and verdict, no words. Findings carry message ids and
// language-neutral parameters, so a record stored today renders in any language years later
// (render.ts), and the store, the dashboard and `diff` compare findings by their stable ids.

export const RECORD_SCHEMA = 'aws-lockdown/scan-record@1';

export type ScanSource = 'aws' | 'evidence' | 'demo';

/** Where one evidence part came from and when, or why it could not be read. */
export type EvidenceStatus =
  | { source: string; observedAt: string; action: string | null }
  | { error: { code: string; message: string; action: string | null } };

/** One organisational unit on an account's path from the organisation root (root first, not included). */
export interface OuStep {
  id: string;
  name: string;
}

/**
 * What a many-account scan knows of an account besides its evidence: its name, root e-mail and place
 * in the organisation (from Organizations), and how it was reached (a role ARN; null for the
 * caller's own account). A one-account scan leaves them null.
 */
export interface AccountPlace {
  name: string | null;
  email: string | null;
  /** OUs from the organisation root down to the account's parent; [] directly under the root; null outside an organisation scan. */
  ouPath: OuStep[] | null;
  via: string | null;
}

export const NO_PLACE: AccountPlace = { name: null, email: null, ouPath: null, via: null };

/**
 * An account in scope that could not be assessed (a denied AssumeRole, a suspended account, a
 * timeout): it stays in every output with its reason, counts as an ERROR for --fail-on and lowers
 * the coverage figure. `code` is AWS's error code or the account state; `reason` is a catalogue
 * message (src/i18n/messages.ts), worded when the record is rendered.
 */
export interface NotAssessedAccount extends AccountPlace {
  id: string;
  partition: string | null;
  code: string;
  reason: Message;
}

export interface AccountRecord extends AccountPlace {
  id: string;
  partition: string;
  collectedAt: string;
  collector: string;
  credentialReportGeneratedAt: string | null;
  /**
   * Where that time comes from: IAM's GeneratedTime (`iam`), or for a console CSV, which carries
   * none, the file's modification time (`fileModified`) or its newest date (`newestEntry`, when the
   * file time was older); null when the report was not read. Outputs word the time by it.
   */
  credentialReportTimeSource: CredentialReportTimeSource | null;
  evidence: Record<string, EvidenceStatus>;
}

export type CredentialReportTimeSource = 'iam' | 'fileModified' | 'newestEntry';

export interface CheckSet {
  /** sha256 over the sorted `id@version` list (16 hex): equal fingerprints judge alike. */
  fingerprint: string;
  /** Check id → its version and permanent key (the id finding ids hash). */
  checks: Record<string, { version: number; key: string }>;
}

export interface ScanRecord {
  schema: typeof RECORD_SCHEMA;
  tool: { name: 'aws-lockdown'; version: string };
  checkSet: CheckSet;
  /** `rescanOf`: the stored scan whose evidence this scan judged again with newer checks (`lockdown rescan`). */
  scan: { id: string; startedAt: string; finishedAt: string; source: ScanSource; rescanOf?: string };
  /** The accounts that were assessed, in scope order. */
  accounts: AccountRecord[];
  /** The accounts in scope that could not be assessed; coverage = accounts / (accounts + notAssessed). */
  notAssessed: NotAssessedAccount[];
  findings: Finding[];
  mutelist: MutelistReport | null;
}

/** One account's part of a scan: what the scan service returns for it. */
export interface AccountScan {
  account: AccountRecord;
  findings: Finding[];
  mutelist: MutelistReport | null;
}

export function checkSet(checks: readonly Check[]): CheckSet {
  const sorted = [...checks].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const entries = sorted.map((c) => [c.id, { version: c.version ?? 1, key: checkKey(c) }] as const);
  const fingerprint = hash('sha256', entries.map(([id, { version }]) => `${id}@${version}`).join('\n'), 'hex').slice(0, 16);
  return { fingerprint, checks: Object.fromEntries(entries) };
}

/** The account's entry in a record: identity, times and the state of every evidence part. */
export function accountRecord(evidence: Evidence, place: AccountPlace = NO_PLACE): AccountRecord {
  const report = evidence.parts.credentialReport;
  const entries = [
    // An organisation-only part that a one-account scan did not fill is no evidence of this account.
    ...Object.entries(evidence.parts).filter(([, part]) => !isNotOrganizationScan(part)),
    ...Object.entries(evidence.accessAnalyzers).map(([region, part]) => [`accessAnalyzers.${region}`, part] as const),
  ];
  return {
    id: evidence.account.id,
    partition: evidence.account.partition,
    name: place.name,
    email: place.email,
    ouPath: place.ouPath,
    via: place.via,
    collectedAt: evidence.collectedAt.toISOString(),
    collector: evidence.collector,
    credentialReportGeneratedAt: report.ok ? report.data.generatedTime.toISOString() : null,
    credentialReportTimeSource: report.ok ? (report.data.generatedTimeFrom ?? 'iam') : null,
    evidence: Object.fromEntries(
      entries.map(([name, part]): [string, EvidenceStatus] => [
        name,
        part.ok
          ? { source: part.source, observedAt: part.observedAt.toISOString(), action: part.action ?? null }
          : { error: { code: part.error.code, message: part.error.message, action: part.error.action ?? null } },
      ]),
    ),
  };
}

export interface RecordOptions {
  source: ScanSource;
  startedAt: Date;
  /** The checks that ran. */
  checks: readonly Check[];
  /** Accounts in scope that could not be assessed (many-account scans). */
  notAssessed?: readonly NotAssessedAccount[];
  finishedAt?: Date;
  id?: string;
}

/** Puts the accounts of one scan together into a record. */
export function buildRecord(scans: readonly AccountScan[], options: RecordOptions): ScanRecord {
  return {
    schema: RECORD_SCHEMA,
    tool: { name: 'aws-lockdown', version: VERSION },
    checkSet: checkSet(options.checks),
    scan: {
      id: options.id ?? randomUUID(),
      startedAt: options.startedAt.toISOString(),
      finishedAt: (options.finishedAt ?? new Date()).toISOString(),
      source: options.source,
    },
    accounts: scans.map((s) => s.account),
    notAssessed: [...(options.notAssessed ?? [])],
    findings: scans.length === 1 ? (scans[0] as AccountScan).findings : scans.flatMap((s) => s.findings),
    mutelist: mergeMutelistReports(scans.map((s) => s.mutelist)),
  };
}

/** One mutelist applied account by account: matches add up; a rule is unused only if it matched nowhere. */
export function mergeMutelistReports(reports: readonly (MutelistReport | null)[]): MutelistReport | null {
  const present = reports.filter((r): r is MutelistReport => r !== null);
  const [first] = present;
  if (!first || present.length === 1) return first ?? null;
  const rules = first.rules.map((rule, i) => ({ ...rule, matched: present.reduce((sum, r) => sum + (r.rules[i]?.matched ?? 0), 0) }));
  return { ...first, rules, unused: rules.filter((r) => !r.expired && r.matched === 0).map((r) => r.rule) };
}
