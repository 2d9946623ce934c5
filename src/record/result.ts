import type { MutelistReport } from '../engine/mutelist.js';
import type { Finding, Lang, Severity, Status } from '../engine/types.js';
import type { AccountPlace, CredentialReportTimeSource, EvidenceStatus, ScanSource } from './record.js';

// The canonical JSON result (SPEC §6): a record put into words in one language (render.ts).

export interface RenderedFinding {
  id: string;
  checkId: string;
  status: Status;
  severity: Severity;
  accountId: string;
  partition: string;
  region: string;
  resource: Finding['resource'];
  title: string;
  message: string;
  messageId: string;
  muted: boolean;
  muteReason: string | null;
  /** The first evidence part the verdict rests on; `parts` names all of them (see accounts[].evidence). */
  evidence: { source: string; observedAt: string | null; action: string | null; parts: string[] };
  compliance: Record<string, string[]>;
  /** Only where something is to be done: FAIL, ERROR and MANUAL findings (null otherwise). */
  remediation: { summary: string; steps: string[]; cli: string | null; rootOnly: boolean } | null;
}

/** A check as the reporters need it, in the result's language; fix texts keep their placeholders. */
export interface CheckSummary {
  title: string;
  severity: Severity;
  resourceType: string;
  risk: string;
  fixSummary: string;
  fixSteps: string[];
  cli: string | null;
  rootOnly: boolean;
  compliance: Record<string, string[]>;
}

export interface AccountSummary {
  byStatus: Record<Status, number>;
  /** Unmuted FAIL findings per severity. */
  bySeverity: Record<Severity, number>;
  muted: number;
}

export interface ScanResult {
  schemaVersion: 1;
  tool: { name: 'aws-lockdown'; version: string };
  scan: { id: string; startedAt: string; finishedAt: string; source: ScanSource; rescanOf?: string; lang: Lang; statusFilter: Status[] | null };
  /** The assessed accounts, in scope order. */
  accounts: (AccountPlace & {
    id: string;
    partition: string;
    assessed: true;
    collectedAt: string;
    collector: string;
    credentialReportGeneratedAt: string | null;
    /** Whether that time is IAM's, a console CSV file's modification time or its newest date. */
    credentialReportTimeSource: CredentialReportTimeSource | null;
    /** The AWS console of the account's partition. */
    consoleUrl: string;
    /** Every evidence part: where it came from and when, or why it could not be read. */
    evidence: Record<string, EvidenceStatus>;
    /** This account's findings counted like the scan's summary. */
    summary: AccountSummary;
  })[];
  /** Accounts in scope that could not be assessed, with the reason; they count as ERROR for --fail-on. */
  notAssessed: (AccountPlace & { id: string; partition: string | null; assessed: false; reason: { code: string; message: string } })[];
  /** Assessed accounts out of the accounts in scope. */
  coverage: { assessed: number; inScope: number };
  /** The checks that ran, by id: titles, what they mean and how to fix them. */
  checks: Record<string, CheckSummary>;
  findings: RenderedFinding[];
  summary: {
    byStatus: Record<Status, number>;
    /** Unmuted FAIL findings per severity: what needs fixing. */
    bySeverity: Record<Severity, number>;
    /** Every finding by severity and status, muted ones included. */
    bySeverityAndStatus: Record<Severity, Record<Status, number>>;
    muted: number;
  };
  mutelist: MutelistReport | null;
}
