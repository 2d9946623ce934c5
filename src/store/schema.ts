import type { Generated, Kysely } from 'kysely';

// The store's tables, one Kysely schema for SQLite and PostgreSQL. Times are ISO-8601 UTC text
// (sortable alike in both), flags are 0/1 integers, JSON is text, compressed data is a blob/bytea.
//
// Lean over years of daily scans: `findings` holds each stable finding id once, `finding_versions`
// each distinct content of it (status, severity, message id, params, mute, resource, evidence part
// names), and `finding_spans` the stretches of an account's scan sequence (`scan_accounts.account_seq`,
// 1 = the account's oldest stored scan) over which one version held. An unchanged finding costs
// nothing but moving its span's `to_seq` on. The order of findings in a scan is kept per account
// as a content-addressed list (`finding_orders`), so an unchanged day stores it once.

export type Dialect = 'sqlite' | 'postgres';

export interface StoreMetaTable {
  key: string;
  value: string;
}

export interface CheckSetsTable {
  fingerprint: string;
  checks: string;
}

export interface ScansTable {
  seq: Generated<number>;
  id: string;
  started_at: string;
  finished_at: string;
  stored_at: string;
  source: string;
  tool_version: string;
  fingerprint: string;
  /** The record without accounts, findings and check list (JSON), plus how findings interleave. */
  meta: string;
  summary: string;
  assessed_count: number;
  in_scope_count: number;
}

export interface AccountsTable {
  account_id: string;
  partition: string | null;
  name: string | null;
  /** Assessed scans stored for the account: the highest account_seq. */
  last_seq: number;
}

export interface ScanAccountsTable {
  scan_seq: number;
  account_id: string;
  /** Place in the record's accounts (assessed) or notAssessed list. */
  pos: number;
  assessed: number;
  account_seq: number | null;
  partition: string | null;
  name: string | null;
  /** OU names, '/'-joined from the root down; null outside an organisation scan. */
  ou_path: string | null;
  /** '/ou-a/ou-b/' for OU filters (sub-OUs included by substring). */
  ou_ids: string | null;
  code: string | null;
  started_at: string;
  summary: string;
  /** The record's account entry (AccountRecord or NotAssessedAccount) as JSON: new fields need no migration. */
  entry: string;
  order_hash: string | null;
}

export interface FindingOrdersTable {
  hash: string;
  ids: Uint8Array;
}

export interface FindingsTable {
  fkey: Generated<number>;
  id: string;
  account_id: string;
  check_id: string;
}

export interface FindingVersionsTable {
  vkey: Generated<number>;
  fkey: number;
  account_id: string;
  hash: string;
  status: string;
  severity: string;
  status_rank: number;
  severity_rank: number;
  muted: number;
  resource_name: string;
  content: string;
}

export interface FindingSpansTable {
  span_id: Generated<number>;
  fkey: number;
  vkey: number;
  account_id: string;
  from_seq: number;
  to_seq: number;
  /** Copies of the version's sort and filter columns, so the explorer filters, counts and sorts spans alone. */
  check_id: string;
  status_rank: number;
  severity_rank: number;
  muted: number;
  resource_name: string;
  /** Lower-cased text the free-text filter searches (finding and account ids, check, resource, message id, params). */
  search: string;
  /** The version's content hash: a save compares a finding with its neighbouring stretch without reading versions. */
  vhash: string;
}

export interface EvidenceTable {
  scan_seq: number;
  account_id: string;
  gz: Uint8Array;
}

export interface Database {
  lockdown_store: StoreMetaTable;
  check_sets: CheckSetsTable;
  scans: ScansTable;
  accounts: AccountsTable;
  scan_accounts: ScanAccountsTable;
  finding_orders: FindingOrdersTable;
  findings: FindingsTable;
  finding_versions: FindingVersionsTable;
  finding_spans: FindingSpansTable;
  evidence: EvidenceTable;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations see the schema of their own time, not today's
type AnyDb = Kysely<any>;

/** Schema version n is reached by running MIGRATIONS[n-1] on version n-1. Never edit a released one: add the next. */
export const MIGRATIONS: ((db: AnyDb, dialect: Dialect) => Promise<void>)[] = [
  // 1: the first store.
  async (db, dialect) => {
    const serial = dialect === 'sqlite' ? 'integer' : 'serial';
    const blob = dialect === 'sqlite' ? 'blob' : 'bytea';
    await db.schema
      .createTable('check_sets')
      .addColumn('fingerprint', 'text', (c) => c.primaryKey())
      .addColumn('checks', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('scans')
      .addColumn('seq', serial, (c) => (dialect === 'sqlite' ? c.primaryKey().autoIncrement() : c.primaryKey()))
      .addColumn('id', 'text', (c) => c.notNull().unique())
      .addColumn('started_at', 'text', (c) => c.notNull())
      .addColumn('finished_at', 'text', (c) => c.notNull())
      .addColumn('stored_at', 'text', (c) => c.notNull())
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('tool_version', 'text', (c) => c.notNull())
      .addColumn('fingerprint', 'text', (c) => c.notNull())
      .addColumn('meta', 'text', (c) => c.notNull())
      .addColumn('summary', 'text', (c) => c.notNull())
      .addColumn('assessed_count', 'integer', (c) => c.notNull())
      .addColumn('in_scope_count', 'integer', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('scans_started').on('scans').columns(['started_at', 'id']).execute();
    await db.schema
      .createTable('accounts')
      .addColumn('account_id', 'text', (c) => c.primaryKey())
      .addColumn('partition', 'text')
      .addColumn('name', 'text')
      .addColumn('last_seq', 'integer', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('scan_accounts')
      .addColumn('scan_seq', 'integer', (c) => c.notNull())
      .addColumn('account_id', 'text', (c) => c.notNull())
      .addColumn('pos', 'integer', (c) => c.notNull())
      .addColumn('assessed', 'integer', (c) => c.notNull())
      .addColumn('account_seq', 'integer')
      .addColumn('partition', 'text')
      .addColumn('name', 'text')
      .addColumn('ou_path', 'text')
      .addColumn('ou_ids', 'text')
      .addColumn('code', 'text')
      .addColumn('started_at', 'text', (c) => c.notNull())
      .addColumn('summary', 'text', (c) => c.notNull())
      .addColumn('entry', 'text', (c) => c.notNull())
      .addColumn('order_hash', 'text')
      .addPrimaryKeyConstraint('scan_accounts_pk', ['scan_seq', 'account_id'])
      .execute();
    await db.schema.createIndex('scan_accounts_account').on('scan_accounts').columns(['account_id', 'account_seq']).execute();
    await db.schema
      .createTable('finding_orders')
      .addColumn('hash', 'text', (c) => c.primaryKey())
      .addColumn('ids', blob, (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('findings')
      .addColumn('fkey', serial, (c) => (dialect === 'sqlite' ? c.primaryKey().autoIncrement() : c.primaryKey()))
      .addColumn('id', 'text', (c) => c.notNull().unique())
      .addColumn('account_id', 'text', (c) => c.notNull())
      .addColumn('check_id', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('findings_account').on('findings').columns(['account_id']).execute();
    await db.schema
      .createTable('finding_versions')
      .addColumn('vkey', serial, (c) => (dialect === 'sqlite' ? c.primaryKey().autoIncrement() : c.primaryKey()))
      .addColumn('fkey', 'integer', (c) => c.notNull())
      .addColumn('account_id', 'text', (c) => c.notNull())
      .addColumn('hash', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('severity', 'text', (c) => c.notNull())
      .addColumn('status_rank', 'integer', (c) => c.notNull())
      .addColumn('severity_rank', 'integer', (c) => c.notNull())
      .addColumn('muted', 'integer', (c) => c.notNull())
      .addColumn('resource_name', 'text', (c) => c.notNull())
      .addColumn('content', 'text', (c) => c.notNull())
      .addUniqueConstraint('finding_versions_content', ['fkey', 'hash'])
      .execute();
    await db.schema.createIndex('finding_versions_account').on('finding_versions').columns(['account_id']).execute();
    await db.schema
      .createTable('finding_spans')
      .addColumn('span_id', serial, (c) => (dialect === 'sqlite' ? c.primaryKey().autoIncrement() : c.primaryKey()))
      .addColumn('fkey', 'integer', (c) => c.notNull())
      .addColumn('vkey', 'integer', (c) => c.notNull())
      .addColumn('account_id', 'text', (c) => c.notNull())
      .addColumn('from_seq', 'integer', (c) => c.notNull())
      .addColumn('to_seq', 'integer', (c) => c.notNull())
      .addColumn('check_id', 'text', (c) => c.notNull())
      .addColumn('status_rank', 'integer', (c) => c.notNull())
      .addColumn('severity_rank', 'integer', (c) => c.notNull())
      .addColumn('muted', 'integer', (c) => c.notNull())
      .addColumn('resource_name', 'text', (c) => c.notNull())
      .addColumn('search', 'text', (c) => c.notNull())
      .addColumn('vhash', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('finding_spans_account').on('finding_spans').columns(['account_id', 'to_seq', 'from_seq']).execute();
    await db.schema.createIndex('finding_spans_finding').on('finding_spans').columns(['fkey', 'from_seq']).execute();
    await db.schema.createIndex('finding_spans_version').on('finding_spans').columns(['vkey']).execute();
    await db.schema
      .createTable('evidence')
      .addColumn('scan_seq', 'integer', (c) => c.notNull())
      .addColumn('account_id', 'text', (c) => c.notNull())
      .addColumn('gz', blob, (c) => c.notNull())
      .addPrimaryKeyConstraint('evidence_pk', ['scan_seq', 'account_id'])
      .execute();
  },
];
