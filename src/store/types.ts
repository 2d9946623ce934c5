import type { Finding, Lang, Severity, Status } from '../engine/types.js';
import type { Evidence } from '../evidence/schema.js';
import type { AccountRecord, NotAssessedAccount, ScanRecord } from '../record/record.js';

// The scan store's types (issue 9); store.ts re-exports them with openStore.
//
// The scan store (issue 9): every scan, its findings and its evidence, kept for years in an
// embedded SQLite file or a shared PostgreSQL database, through one Kysely schema. A finding that
// did not change between two scans of an account is not copied again: the store keeps one row per
// finding (its stable id), one row per distinct content of it (status, severity, message id,
// params, mute), and spans of an account's scan sequence over which a content held. First seen,
// last seen and every status change follow from the spans.
//
// Errors: a store that cannot be opened or read is an InputError (exit 2: a corrupt file, a store
// written by a newer aws-lockdown, an unknown scan id or an ambiguous prefix) or a
// ScanUnavailableError (exit 3: PostgreSQL unreachable), each with a catalogue message naming the
// store (its URL without the password).

/** The schema version this aws-lockdown writes; a store of a higher version is refused. */
export const STORE_SCHEMA_VERSION = 1;

/** Where the store lives: a SQLite file or a PostgreSQL database. */
export type StoreLocation = { kind: 'sqlite'; path: string } | { kind: 'postgres'; url: string };

export interface OpenOptions {
  /** Create the database (SQLite file and its folder) when missing; default true. */
  create?: boolean;
  /** Language of nothing stored (the store keeps no words); kept for callers that pass one. */
  lang?: Lang;
}

/** Unmuted and muted counts of one scan or one account in it, like the result's summary. */
export interface StoredSummary {
  byStatus: Record<Status, number>;
  /** Unmuted FAIL findings per severity. */
  bySeverity: Record<Severity, number>;
  muted: number;
  total: number;
}

/** One account of a stored scan as `history` lists it. */
export interface StoredScanAccount {
  accountId: string;
  partition: string | null;
  name: string | null;
  /** OU names from the root down, '/'-joined ('' directly under the root, null outside an organisation scan). */
  ouPath: string | null;
  assessed: boolean;
  /** Not assessed: the account state or AWS error code. */
  notAssessedCode: string | null;
  /** This account's place in its own scan sequence (1 = its first stored scan); null when not assessed. */
  accountSeq: number | null;
  summary: StoredSummary;
}

/** A stored scan as `history` and the dashboard list it (no findings). */
export interface ScanSummary {
  id: string;
  startedAt: string;
  finishedAt: string;
  /** When it was stored (an import keeps the scan's own times). */
  storedAt: string;
  source: string;
  /** The stored scan whose evidence this scan judged again (`lockdown rescan`), from the record. */
  rescanOf?: string | null;
  toolVersion: string;
  checkSetFingerprint: string;
  summary: StoredSummary;
  accounts: StoredScanAccount[];
  /** Assessed accounts out of accounts in scope. */
  coverage: { assessed: number; inScope: number };
}

/** A part of a stored scan, for what only needs some of it (a diff of the findings that changed). */
export interface LoadScanOptions {
  /** Only these accounts: the record's accounts, notAssessed and findings cut down to them (restrictToAccounts). */
  accounts?: Iterable<string>;
  /**
   * Only these findings (by id; ids the scan does not have are skipped). The record is then partial:
   * its findings are those asked for, in no particular order; everything else is whole.
   */
  findings?: Iterable<string>;
  /** With `findings`: these accounts' findings are read whole all the same (accounts a diff counts rather than compares). */
  wholeAccounts?: Iterable<string>;
}

/**
 * An account's evidence already serialised and gzip-compressed (serializeEvidence, then gzip), read
 * when the save writes that account: an organisation scan spools each account's evidence as it is
 * collected (src/store/evidence-spool.ts), so memory stays flat with the number of accounts.
 */
export interface CompressedEvidence {
  readonly compressed: true;
  read(): Buffer;
}

export interface ListScansOptions {
  /** Only scans that cover this account (assessed or not). */
  account?: string;
  /** Newest first; default 50. */
  limit?: number;
  offset?: number;
}

export interface ResolveOptions {
  /** `last` and `last~N` count this account's scans only. */
  account?: string;
}

export const FINDING_SORTS = ['severity', 'status', 'check', 'resource', 'account'] as const;
export type FindingSort = (typeof FINDING_SORTS)[number];

export interface FindingFilters {
  /** Account ids (any of). */
  account?: string[];
  /** OU id or name: the account's path contains it (sub-OUs included). */
  ou?: string;
  severity?: Severity[];
  status?: Status[];
  /** Check ids (any of). */
  check?: string[];
  muted?: boolean;
  /** Case-insensitive substring of the finding id, check id, resource name or ARN, account id or name, or a message parameter. */
  text?: string;
}

export interface FindingsPageQuery {
  scanId: string;
  filters?: FindingFilters;
  /** Default: severity (critical first), then status (FAIL, ERROR, MANUAL, PASS, NOT_APPLICABLE), then check and resource. */
  sort?: FindingSort;
  /** Reverses the sort. */
  descending?: boolean;
  offset?: number;
  /** Default 50, at most 1000. */
  limit?: number;
}

export interface FindingRow {
  finding: Finding;
  account: { id: string; name: string | null; ouPath: string | null };
}

export interface FindingsPage {
  /** Findings matching the filters (all pages). */
  total: number;
  offset: number;
  limit: number;
  rows: FindingRow[];
}

/** One stretch of scans of the finding's account over which its content held. */
export interface FindingHistoryEntry {
  /** First and last scan of the stretch (the account's scan sequence). */
  from: { scanId: string; startedAt: string; accountSeq: number };
  to: { scanId: string; startedAt: string; accountSeq: number };
  status: Status;
  severity: Severity;
  muted: boolean;
  muteReason: string | null;
  messageId: string;
  params: Finding['params'];
  /** True when the next stored scan of the account (if any) does not have this finding at all. */
  absentAfter: boolean;
}

export interface FindingHistory {
  findingId: string;
  accountId: string;
  checkId: string;
  /** The finding as the newest scan that has it saw it. */
  latest: Finding;
  firstSeen: { scanId: string; startedAt: string };
  lastSeen: { scanId: string; startedAt: string };
  /** Oldest first. Consecutive entries differ in verdict (status, severity, message, mute), or are separated by scans without the finding; params are those of the entry's last scan. */
  timeline: FindingHistoryEntry[];
  /** The account's newest stored scan has this finding. */
  present: boolean;
}

export interface AccountOverview {
  accountId: string;
  partition: string | null;
  name: string | null;
  ouPath: string | null;
  /** The newest stored scan of the account (assessed or not). */
  latest: { scanId: string; startedAt: string; assessed: boolean; notAssessedCode: string | null; summary: StoredSummary };
  /** The account's entry in that scan, as the record has it. */
  entry: AccountRecord | NotAssessedAccount;
  /** Oldest first, the newest `trendLength` assessed scans. */
  trend: { scanId: string; startedAt: string; summary: StoredSummary }[];
}

/** What a finding was in one scan, as far as "what changed" needs it. */
export interface FindingState {
  status: Status;
  severity: Severity;
  muted: boolean;
  messageId: string;
}

/** A finding that differs between an account's previous scan and this one (null: not in that scan). */
export interface FindingChange {
  findingId: string;
  accountId: string;
  checkId: string;
  before: FindingState | null;
  after: FindingState | null;
}

export interface ScanChanges {
  scanId: string;
  accounts: {
    accountId: string;
    /** The account's previous stored scan (by start time); null for its first (then every finding is new). */
    previousScanId: string | null;
    previousStartedAt: string | null;
    /** Findings whose state differs, appeared or went away. A number of days moving is no change. */
    changes: FindingChange[];
    /** Findings in both scans with the same state. */
    unchanged: number;
  }[];
}

export type PruneOptions = { keep: number } | { olderThanDays: number; now?: Date };

export interface PruneResult {
  scansDeleted: string[];
  findingsDeleted: number;
}

/** A stored scan as one file (`history export`), read back by importScan. */
export const SCAN_EXPORT_SCHEMA = 'aws-lockdown/scan-export@1';

export interface Store {
  readonly location: StoreLocation;
  /** The store as messages name it: the file path or the URL without its password. */
  readonly label: string;

  /**
   * Stores a scan in one transaction (a crash leaves the store as it was) and returns its id
   * (the record's scan id). `evidence` maps account id → the evidence that scan judged (parsed, or
   * already compressed); accounts without evidence can still be stored (no rescan for them). A scan
   * id already stored is an InputError.
   */
  saveScan(record: ScanRecord, evidence?: ReadonlyMap<string, Evidence | CompressedEvidence>): Promise<string>;
  /**
   * The record as it was saved: render(loadScan(id)) equals render(record). Unknown id: InputError.
   * With options, only some accounts or findings (see LoadScanOptions).
   */
  loadScan(id: string, options?: LoadScanOptions): Promise<ScanRecord>;
  /** The evidence stored with a scan for one account, or null when none was stored. */
  loadEvidence(scanId: string, accountId: string): Promise<Evidence | null>;
  /** Newest first (by scan start time), with summary counts per scan and per account. */
  listScans(options?: ListScansOptions): Promise<ScanSummary[]>;
  /** One scan's summary; unknown id: InputError. */
  scanSummary(id: string): Promise<ScanSummary>;
  /**
   * A scan id from what a user typed: a full id, a unique prefix (at least 4 characters; an
   * ambiguous one is an InputError listing candidates), `last`, `last~N`. Unknown: InputError.
   */
  resolveScanRef(ref: string, options?: ResolveOptions): Promise<string>;
  /**
   * The newest assessed scan of the account that started before the given scan (or the newest at
   * all); null if none. `covering: true`: the newest scan that covers the account at all (assessed
   * or not), the baseline of an account a scan could not assess.
   */
  previousScanOf(accountId: string, beforeScanId?: string, options?: { covering?: boolean }): Promise<string | null>;
  /** One page of a scan's findings, filtered and sorted in the database. */
  findingsPage(query: FindingsPageQuery): Promise<FindingsPage>;
  /**
   * For every assessed account of a scan, what differs from the account's previous stored scan,
   * read from the spans (only changed findings are touched): the base of `history`'s change
   * column, `diff` between consecutive scans and `scan --fail-on-new`. `accounts` limits it;
   * `skipFirstScans` lists an account's first scan with no changes read (every finding would be one).
   */
  changesSince(scanId: string, options?: { accounts?: Iterable<string>; skipFirstScans?: boolean }): Promise<ScanChanges>;
  /**
   * The same between any two stored scans, for the accounts assessed in both (B may be the older
   * one): an explicit `diff A B` reads only the findings that differ. `previousScanId` is A for each.
   */
  changesBetween(beforeId: string, afterId: string): Promise<ScanChanges>;
  /** A finding's timeline over the stored scans of its account; null when never stored. */
  findingHistory(findingId: string): Promise<FindingHistory | null>;
  /** Every account with its newest verdict counts and a trend of its newest scans. */
  accountsOverview(options?: { trendLength?: number }): Promise<AccountOverview[]>;
  /** Deletes scans (keep the newest N per account, or older than N days); spans stay consistent. */
  prune(options: PruneOptions): Promise<PruneResult>;
  /** One scan as a file (JSON: record + evidence), read back by importScan. */
  exportScan(id: string): Promise<string>;
  /**
   * Stores an exported scan (its text, or the JSON already parsed, as readJsonInput gives it);
   * returns its id. Bad content or an id already stored: InputError.
   */
  importScan(content: string | { parsed: unknown }, label?: string): Promise<string>;
  /** Row counts and size on disk (bytes; SQLite: file + WAL, PostgreSQL: the database), for tests and benches. */
  stats(): Promise<StoreStats>;
  close(): Promise<void>;
}

export interface StoreStats {
  schemaVersion: number;
  scans: number;
  findings: number;
  versions: number;
  spans: number;
  evidenceBytes: number;
  bytes: number;
}
