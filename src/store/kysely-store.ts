import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { Kysely, PostgresDialect, sql, SqliteDialect, type LogEvent, type RawBuilder, type Selectable, type Transaction } from 'kysely';
import type { Finding } from '../engine/types.js';
import { InputError, ScanUnavailableError } from '../errors.js';
import { parseEvidence } from '../evidence/parse.js';
import type { Evidence } from '../evidence/schema.js';
import { serializeEvidence } from '../evidence/serialize.js';
import { msg } from '../i18n/index.js';
import type { AccountRecord, CheckSet, NotAssessedAccount, ScanRecord } from '../record/record.js';
import { VERSION } from '../version.js';
import {
  accountContext,
  addSummary,
  contentHash,
  contentTexter,
  dayIndex,
  decodeRefs,
  detectAges,
  emptySummary,
  findingFrom,
  paramsOn,
  plainOn,
  searchText,
  severityRank,
  statusRank,
  summarize,
  versionContent,
  type AccountContext,
  type VersionContent,
} from './content.js';
import { storeLabel } from './location.js';
import { MIGRATIONS, type Database, type Dialect, type FindingSpansTable } from './schema.js';
import {
  SCAN_EXPORT_SCHEMA,
  STORE_SCHEMA_VERSION,
  type AccountOverview,
  type CompressedEvidence,
  type FindingChange,
  type FindingHistory,
  type FindingHistoryEntry,
  type FindingRow,
  type FindingsPage,
  type FindingsPageQuery,
  type FindingState,
  type ListScansOptions,
  type LoadScanOptions,
  type OpenOptions,
  type PruneOptions,
  type PruneResult,
  type ResolveOptions,
  type ScanChanges,
  type ScanSummary,
  type Store,
  type StoreLocation,
  type StoredScanAccount,
  type StoredSummary,
  type StoreStats,
} from './types.js';

type Db = Kysely<Database>;

/** Options for tests: stop migrating at an older schema version (to test migrations from it). */
export interface InternalOpenOptions extends OpenOptions {
  targetVersion?: number;
}

const BATCH = 400;
/** to_seq of a finding's newest stretch: it reaches the account's newest scan, whichever that is. */
const OPEN = 2_147_483_647;
const chunks = <T>(list: readonly T[], size = BATCH): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
};
const num = (v: unknown): number => Number(v);
const errCode = (e: unknown): string => {
  const err = e as { code?: unknown; errno?: unknown } | null;
  return typeof err?.code === 'string' ? err.code : 'unknown';
};
const errText = (e: unknown): string => (e instanceof Error ? e.message : String(e)).split('\n')[0] ?? '';

const SQLITE_DAMAGED = new Set(['SQLITE_NOTADB', 'SQLITE_CORRUPT', 'SQLITE_CORRUPT_INDEX', 'SQLITE_CORRUPT_SEQUENCE', 'SQLITE_CORRUPT_VTAB']);

export async function openKyselyStore(location: StoreLocation, options: InternalOpenOptions = {}): Promise<Store> {
  const label = storeLabel(location);
  let db: Db;
  let dialect: Dialect;
  if (location.kind === 'sqlite') {
    dialect = 'sqlite';
    const { default: SqliteDatabase } = await import('better-sqlite3');
    let handle: InstanceType<typeof SqliteDatabase>;
    try {
      if (options.create !== false) mkdirSync(dirname(location.path), { recursive: true });
      handle = new SqliteDatabase(location.path, { fileMustExist: options.create === false, timeout: 30_000 });
      // WAL: readers never wait for a writer; a crash mid-write leaves the last committed state.
      handle.pragma('journal_mode = WAL');
      handle.pragma('synchronous = NORMAL');
      handle.pragma('busy_timeout = 30000');
    } catch (error) {
      throw sqliteError(error, label);
    }
    db = new Kysely<Database>({ dialect: new SqliteDialect({ database: handle }), log: queryLog() });
  } else {
    dialect = 'postgres';
    const { default: pg } = await import('pg');
    let pool: InstanceType<typeof pg.Pool>;
    try {
      pool = new pg.Pool({ connectionString: location.url, max: 4, connectionTimeoutMillis: 10_000, idleTimeoutMillis: 5_000 });
    } catch (error) {
      throw new InputError(msg('storeCannotOpen', { store: label, code: errText(error) }));
    }
    // A dropped idle connection must not crash the process; the next query reconnects or fails.
    pool.on('error', () => undefined);
    db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), log: queryLog() });
  }
  const store = new KyselyStore(db, dialect, location, label);
  try {
    await store.migrate(options.targetVersion ?? STORE_SCHEMA_VERSION);
  } catch (error) {
    await db.destroy().catch(() => undefined);
    throw store.translate(error);
  }
  return store;
}

/** LOCKDOWN_STORE_LOG=1: every query's time and SQL on stderr (for performance work). */
function queryLog(): ((event: LogEvent) => void) | undefined {
  if (!process.env.LOCKDOWN_STORE_LOG) return undefined;
  return (event) => process.stderr.write(`store ${event.queryDurationMillis.toFixed(1)} ms ${event.level === 'error' ? 'FAILED ' : ''}${event.query.sql.slice(0, 160)}\n`);
}

function sqliteError(error: unknown, label: string): Error {
  if (error instanceof InputError || error instanceof ScanUnavailableError) return error;
  const code = errCode(error);
  if (SQLITE_DAMAGED.has(code)) return new InputError(msg('storeDamaged', { store: label, detail: errText(error) }));
  if (code.startsWith('SQLITE_') || /^E[A-Z]+$/.test(code)) return new InputError(msg('storeCannotOpen', { store: label, code }));
  return error as Error;
}

/** The columns a span copies from its version, for filtering and sorting spans alone (schema.ts). */
type SpanAttrs = Pick<FindingSpansTable, 'check_id' | 'status_rank' | 'severity_rank' | 'muted' | 'resource_name' | 'search' | 'vhash'>;
/** A span as a save reads it: the version's hash as `hash`. */
type SpanRow = Omit<Selectable<FindingSpansTable>, 'account_id' | 'vhash'> & { hash: string };
const attrsOf = (f: Finding, vhash: string): SpanAttrs => ({
  vhash,
  check_id: f.checkId,
  status_rank: statusRank(f.status),
  severity_rank: severityRank(f.severity),
  muted: f.muted ? 1 : 0,
  resource_name: f.resource.name,
  search: searchText(f.id, f.accountId, f.checkId, f),
});
const attrsFrom = (s: SpanRow): SpanAttrs => ({ vhash: s.hash, check_id: s.check_id, status_rank: num(s.status_rank), severity_rank: num(s.severity_rank), muted: num(s.muted), resource_name: s.resource_name, search: s.search });

interface RecordMeta {
  record: Omit<ScanRecord, 'accounts' | 'notAssessed' | 'findings' | 'checkSet'>;
  /** How the findings of several accounts interleave when not grouped in account order: runs of [accountId, count]. */
  layout: [string, number][] | null;
}

class KyselyStore implements Store {
  constructor(
    private readonly db: Db,
    private readonly dialect: Dialect,
    readonly location: StoreLocation,
    readonly label: string,
  ) {}

  // ---- errors, transactions, migrations ----

  translate(error: unknown): Error {
    if (error instanceof InputError || error instanceof ScanUnavailableError) return error;
    const code = errCode(error);
    if (this.dialect === 'sqlite') return sqliteError(error, this.label);
    // PostgreSQL: connection trouble is exit 3; SQL state classes 08 (connection), 28 (auth), 3D (no database), 57P (shutdown).
    if (/^(E[A-Z]+|08...|28...|3D000|57P0.)$/.test(code) || /timeout|terminated|Connection/i.test(errText(error))) {
      return new ScanUnavailableError(msg('storeUnreachable', { store: this.label, code, detail: errText(error) }));
    }
    return error as Error;
  }

  private async guard<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (error) {
      throw this.translate(error);
    }
  }

  /** One write transaction: SQLite takes the write lock up front (BEGIN IMMEDIATE), PostgreSQL locks rows as it goes. */
  private async write<T>(fn: (t: Db) => Promise<T>): Promise<T> {
    if (this.dialect === 'postgres') return this.db.transaction().execute((trx: Transaction<Database>) => fn(trx));
    return this.db.connection().execute(async (conn) => {
      await sql`begin immediate`.execute(conn);
      try {
        const out = await fn(conn);
        await sql`commit`.execute(conn);
        return out;
      } catch (error) {
        await sql`rollback`.execute(conn).catch(() => undefined);
        throw error;
      }
    });
  }

  private async schemaVersion(db: Db): Promise<number> {
    const row = await db.selectFrom('lockdown_store').select('value').where('key', '=', 'schema_version').executeTakeFirst();
    return row ? Number(row.value) : 0;
  }

  async migrate(target: number): Promise<void> {
    if (this.dialect === 'sqlite') {
      const tables = await sql<{ name: string }>`select name from sqlite_master where type = 'table'`.execute(this.db);
      const names = tables.rows.map((r) => r.name);
      if (names.length > 0 && !names.includes('lockdown_store')) throw new InputError(msg('storeForeign', { store: this.label }));
      if (names.includes('lockdown_store')) {
        const version = await this.schemaVersion(this.db);
        this.refuseNewer(version);
        if (version >= target) return;
      }
    } else {
      const exists = await sql<{ t: string | null }>`select to_regclass('lockdown_store')::text as t`.execute(this.db);
      if (exists.rows[0]?.t) {
        const version = await this.schemaVersion(this.db);
        this.refuseNewer(version);
        if (version >= target) return;
      }
    }
    await this.write(async (t) => {
      // Two processes opening a new store at once: one migrates, the other waits and finds it done.
      if (this.dialect === 'postgres') await sql`select pg_advisory_xact_lock(7405711)`.execute(t);
      await t.schema.createTable('lockdown_store').ifNotExists().addColumn('key', 'text', (c) => c.primaryKey()).addColumn('value', 'text', (c) => c.notNull()).execute();
      const version = await this.schemaVersion(t);
      this.refuseNewer(version);
      for (let v = version + 1; v <= target; v++) {
        await (MIGRATIONS[v - 1] as (typeof MIGRATIONS)[number])(t, this.dialect);
        await t
          .insertInto('lockdown_store')
          .values({ key: 'schema_version', value: String(v) })
          .onConflict((oc) => oc.column('key').doUpdateSet({ value: String(v) }))
          .execute();
      }
      if (version === 0) await t.insertInto('lockdown_store').values({ key: 'created_by', value: `aws-lockdown ${VERSION}` }).onConflict((oc) => oc.doNothing()).execute();
    });
  }

  private refuseNewer(version: number): void {
    if (version > STORE_SCHEMA_VERSION) {
      throw new InputError(msg('storeNewer', { store: this.label, found: version, supported: STORE_SCHEMA_VERSION, version: VERSION }));
    }
  }

  async close(): Promise<void> {
    await this.db.destroy();
  }

  stats(): Promise<StoreStats> {
    return this.guard(async () => {
      const count = async (table: 'scans' | 'findings' | 'finding_versions' | 'finding_spans') =>
        num((await this.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
      const evidence = await this.db.selectFrom('evidence').select(sql<number>`coalesce(sum(length(gz)), 0)`.as('n')).executeTakeFirstOrThrow();
      let bytes: number;
      if (this.location.kind === 'sqlite') {
        // What the store needs once the write-ahead log is folded into the file.
        await sql`pragma wal_checkpoint(truncate)`.execute(this.db).catch(() => undefined);
        const size = (path: string) => (existsSync(path) ? statSync(path).size : 0);
        bytes = size(this.location.path) + size(`${this.location.path}-wal`);
      } else {
        bytes = num((await sql<{ n: string }>`select pg_database_size(current_database()) as n`.execute(this.db)).rows[0]?.n);
      }
      return {
        schemaVersion: await this.schemaVersion(this.db),
        scans: await count('scans'),
        findings: await count('findings'),
        versions: await count('finding_versions'),
        spans: await count('finding_spans'),
        evidenceBytes: num(evidence.n),
        bytes,
      };
    });
  }

  // ---- saving ----

  saveScan(record: ScanRecord, evidence?: ReadonlyMap<string, Evidence | CompressedEvidence>): Promise<string> {
    return this.guard(() => this.save(record, evidence, 'scan'));
  }

  /** The same scan stored by two processes at once: the second hits the unique id (SQLite serialises, so this is PostgreSQL's case). */
  private duplicate(error: unknown, id: string): Error {
    const err = error as { code?: string; constraint?: string } | null;
    if (err?.code === '23505' && /scans/.test(err.constraint ?? '')) return new InputError(msg('storeScanExists', { store: this.label, id }));
    return error as Error;
  }

  private async save(record: ScanRecord, evidence: ReadonlyMap<string, Evidence | CompressedEvidence> | undefined, label: string): Promise<string> {
    const bad = (detail: string) => new InputError(msg('storeBadImport', { file: label, detail }));
    const notAssessed = record.notAssessed ?? [];
    const seen = new Set<string>();
    for (const a of [...record.accounts, ...notAssessed]) {
      if (seen.has(a.id)) throw bad(`account ${a.id} appears twice`);
      seen.add(a.id);
    }
    // Findings per assessed account, in record order; and how they interleave.
    const byAccount = new Map<string, Finding[]>(record.accounts.map((a) => [a.id, []]));
    const ids = new Set<string>();
    const runs: [string, number][] = [];
    for (const f of record.findings) {
      const list = byAccount.get(f.accountId);
      if (!list) throw bad(`finding ${f.id} is of account ${f.accountId}, which the scan did not assess`);
      if (ids.has(f.id)) throw bad(`finding ${f.id} appears twice`);
      ids.add(f.id);
      list.push(f);
      const last = runs[runs.length - 1];
      if (last && last[0] === f.accountId) last[1]++;
      else runs.push([f.accountId, 1]);
    }
    const grouped = record.accounts.filter((a) => (byAccount.get(a.id)?.length ?? 0) > 0).map((a) => a.id);
    const layout = runs.length === grouped.length && runs.every(([id], i) => id === grouped[i]) ? null : runs;
    const { accounts: _a, notAssessed: _n, findings: _f, checkSet, ...rest } = record;
    const meta: RecordMeta = { record: rest, layout };
    // Parsed evidence is compressed before the write lock is taken; spooled evidence is read
    // account by account as the save writes it (one account's at a time in memory).
    const evidenceGz = new Map<string, () => Buffer>();
    for (const [accountId, ev] of evidence ?? []) {
      if (!byAccount.has(accountId)) continue;
      if (isCompressed(ev)) evidenceGz.set(accountId, () => ev.read());
      else {
        const gz = gzipSync(serializeEvidence(ev), { level: 6 });
        evidenceGz.set(accountId, () => gz);
      }
    }
    const summaries = new Map([...byAccount].map(([id, list]) => [id, summarize(list)]));
    const total = emptySummary();
    for (const s of summaries.values()) addSummary(total, s);
    const startedAt = record.scan.startedAt;

    return this.write(async (t) => {
      const exists = await t.selectFrom('scans').select('seq').where('id', '=', record.scan.id).executeTakeFirst();
      if (exists) throw new InputError(msg('storeScanExists', { store: this.label, id: record.scan.id }));
      return this.saveIn(t, record, { evidenceGz, summaries, total, meta, seen, byAccount, notAssessed, checkSet, startedAt });
    }).catch((error: unknown) => {
      throw this.duplicate(error, record.scan.id);
    });
  }

  private async saveIn(
    t: Db,
    record: ScanRecord,
    prep: {
      evidenceGz: Map<string, () => Buffer>;
      summaries: Map<string, StoredSummary>;
      total: StoredSummary;
      meta: RecordMeta;
      seen: Set<string>;
      byAccount: Map<string, Finding[]>;
      notAssessed: NotAssessedAccount[];
      checkSet: CheckSet;
      startedAt: string;
    },
  ): Promise<string> {
    const { evidenceGz, summaries, total, meta, seen, byAccount, notAssessed, checkSet, startedAt } = prep;
    // Lock the accounts in one order (no deadlock between two scans sharing accounts).
    const accountIds = [...seen].sort();
    for (const chunk of chunks(accountIds)) {
      await t
        .insertInto('accounts')
        .values(chunk.map((id) => ({ account_id: id, partition: null, name: null, last_seq: 0 })))
        .onConflict((oc) => oc.column('account_id').doNothing())
        .execute();
    }
    const lastSeq = new Map<string, number>();
    for (const chunk of chunks(accountIds)) {
      let q = t.selectFrom('accounts').select(['account_id', 'last_seq']).where('account_id', 'in', chunk).orderBy('account_id');
      if (this.dialect === 'postgres') q = q.forUpdate();
      for (const row of await q.execute()) lastSeq.set(row.account_id, num(row.last_seq));
    }

    await t
      .insertInto('check_sets')
      .values({ fingerprint: checkSet.fingerprint, checks: JSON.stringify(checkSet.checks) })
      .onConflict((oc) => oc.column('fingerprint').doNothing())
      .execute();
    const scanRow = await t
      .insertInto('scans')
      .values({
        id: record.scan.id,
        started_at: startedAt,
        finished_at: record.scan.finishedAt,
        stored_at: new Date().toISOString(),
        source: record.scan.source,
        tool_version: record.tool.version,
        fingerprint: checkSet.fingerprint,
        meta: JSON.stringify(meta),
        summary: JSON.stringify(total),
        assessed_count: record.accounts.length,
        in_scope_count: record.accounts.length + notAssessed.length,
      })
      .returning('seq')
      .executeTakeFirstOrThrow();
    const scanSeq = num(scanRow.seq);

    for (const [pos, account] of record.accounts.entries()) {
      const findings = byAccount.get(account.id) ?? [];
      const k = await this.saveAccountFindings(t, account, findings, startedAt, lastSeq.get(account.id) ?? 0);
      const order = findings.map((f) => f.id).join('\n');
      const orderHash = contentHash(order);
      await t
        .insertInto('finding_orders')
        .values({ hash: orderHash, ids: gzipSync(order) })
        .onConflict((oc) => oc.column('hash').doNothing())
        .execute();
      await t.insertInto('scan_accounts').values({ ...this.accountColumns(scanSeq, pos, account, startedAt), assessed: 1, account_seq: k, code: null, summary: JSON.stringify(summaries.get(account.id)), order_hash: orderHash }).execute();
      await t
        .updateTable('accounts')
        .set({ last_seq: (lastSeq.get(account.id) ?? 0) + 1, partition: account.partition, name: account.name ?? null })
        .where('account_id', '=', account.id)
        .execute();
      const gz = evidenceGz.get(account.id);
      if (gz) await t.insertInto('evidence').values({ scan_seq: scanSeq, account_id: account.id, gz: gz() }).execute();
    }
    for (const [pos, account] of notAssessed.entries()) {
      await t.insertInto('scan_accounts').values({ ...this.accountColumns(scanSeq, pos, account, startedAt), assessed: 0, account_seq: null, code: account.code, summary: JSON.stringify(emptySummary()), order_hash: null }).execute();
    }
    await testPauseBeforeCommit();
    return record.scan.id;
  }

  private accountColumns(scanSeq: number, pos: number, account: AccountRecord | NotAssessedAccount, startedAt: string) {
    const path = account.ouPath ?? null;
    return {
      scan_seq: scanSeq,
      account_id: account.id,
      pos,
      partition: account.partition ?? null,
      name: account.name ?? null,
      ou_path: path ? path.map((s) => s.name).join('/') : null,
      ou_ids: path ? `/${path.map((s) => `${s.id}/`).join('')}` : null,
      started_at: startedAt,
      entry: JSON.stringify(account),
    };
  }

  /**
   * Puts one account's findings at its place k in the account's scan sequence (by start time, so
   * an imported older scan lands where it belongs) and returns k. Spans of unchanged findings are
   * extended; a finding that changed, appeared or vanished gets or ends a span.
   */
  private async saveAccountFindings(t: Db, account: AccountRecord, findings: Finding[], startedAt: string, last: number): Promise<number> {
    const A = account.id;
    const before = await t
      .selectFrom('scan_accounts')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('account_id', '=', A)
      .where('account_seq', 'is not', null)
      .where('started_at', '<=', startedAt)
      .executeTakeFirstOrThrow();
    const k = num(before.n) + 1;
    if (k <= last) {
      await t.updateTable('scan_accounts').set((eb) => ({ account_seq: eb('account_seq', '+', 1) })).where('account_id', '=', A).where('account_seq', '>=', k).execute();
      await t.updateTable('finding_spans').set((eb) => ({ to_seq: eb('to_seq', '+', 1) })).where('account_id', '=', A).where('to_seq', '>=', k).where('to_seq', '<', OPEN).execute();
      await t.updateTable('finding_spans').set((eb) => ({ from_seq: eb('from_seq', '+', 1) })).where('account_id', '=', A).where('from_seq', '>=', k).execute();
    }
    // Spans touching k-1, k or k+1.
    const near = (await t
      .selectFrom('finding_spans as sp')
      .select(['sp.span_id', 'sp.fkey', 'sp.vkey', 'sp.from_seq', 'sp.to_seq', 'sp.vhash as hash'])
      .where('sp.account_id', '=', A)
      .where('sp.to_seq', '>=', k - 1)
      .where('sp.from_seq', '<=', k + 1)
      .execute()) as SpanRow[];
    // The account's newest scan before this one is saved; an open span reaches it.
    const newest = k <= last ? last + 1 : last;
    const append = k === newest + 1;
    const prevEnd = new Map<number, SpanRow>();
    const nextStart = new Map<number, SpanRow>();
    const covering = new Map<number, SpanRow>();
    for (const s of near) {
      s.from_seq = num(s.from_seq);
      s.to_seq = num(s.to_seq);
      const to = s.to_seq === OPEN ? newest : s.to_seq;
      if (to === k - 1) prevEnd.set(num(s.fkey), s);
      else if (s.from_seq === k + 1) nextStart.set(num(s.fkey), s);
      else if (s.from_seq < k && to > k) covering.set(num(s.fkey), s);
    }
    // A stretch this scan splits (a scan put between older ones) is copied whole: read the rest of it.
    const coveringById = new Map([...covering.values()].map((c) => [num(c.span_id), c]));
    for (const chunk of chunks([...coveringById.keys()])) {
      for (const r of await t.selectFrom('finding_spans').select(['span_id', 'check_id', 'status_rank', 'severity_rank', 'muted', 'resource_name', 'search']).where('span_id', 'in', chunk).execute()) {
        Object.assign(coveringById.get(num(r.span_id)) ?? {}, r);
      }
    }

    // Finding identities.
    const fkeys = new Map<string, number>();
    for (const r of await t.selectFrom('findings').select(['fkey', 'id']).where('account_id', '=', A).execute()) fkeys.set(r.id, num(r.fkey));
    const newFindings = findings.filter((f) => !fkeys.has(f.id));
    for (const chunk of chunks(newFindings)) {
      const rows = await t
        .insertInto('findings')
        .values(chunk.map((f) => ({ id: f.id, account_id: A, check_id: f.checkId })))
        .returning(['fkey', 'id'])
        .execute();
      for (const r of rows) fkeys.set(r.id, num(r.fkey));
    }

    // Versions. Most findings read as their neighbouring stretch's version does (unchanged, or
    // only a day older): they reuse it. Others reuse a version they had before, or get a new one.
    const ctx = accountContext(account);
    const day = dayIndex(account.collectedAt);
    const newIds = new Set(newFindings.map((f) => f.id));
    const neighbourOf = (fkey: number) => covering.get(fkey) ?? prevEnd.get(fkey) ?? nextStart.get(fkey);
    const texter = contentTexter(ctx);
    const plain = findings.map((f) => {
      const fkey = fkeys.get(f.id) as number;
      const text = texter(f);
      return { f, fkey, text, hash: contentHash(text), near: neighbourOf(fkey) };
    });
    // The content of neighbouring versions that differ: only those can still be the same finding a day older.
    const neighbours = new Map<number, VersionContent>();
    const differing = [...new Set(plain.filter((p) => p.near && p.near.hash !== p.hash).map((p) => num(p.near?.vkey)))];
    for (const chunk of chunks(differing)) {
      for (const r of await t.selectFrom('finding_versions').select(['vkey', 'content']).where('vkey', 'in', chunk).execute()) neighbours.set(num(r.vkey), JSON.parse(r.content) as VersionContent);
    }
    // The collection day of the account's previous scan, to see which numbers moved with the day.
    const prevEntry = k > 1 ? await t.selectFrom('scan_accounts').select('entry').where('account_id', '=', A).where('account_seq', '=', k - 1).executeTakeFirst() : undefined;
    const prevDay = prevEntry ? dayIndex((JSON.parse(prevEntry.entry) as AccountRecord).collectedAt) : day;
    interface Prepared {
      f: Finding;
      fkey: number;
      vkey?: number;
      content?: VersionContent;
      text?: string;
      hash?: string;
    }
    const prepared: Prepared[] = plain.map(({ f, fkey, text, hash, near: s }) => {
      if (s?.hash === hash) return { f, fkey, vkey: num(s.vkey), hash };
      const nc = s ? neighbours.get(num(s.vkey)) : undefined;
      if (s && nc) {
        if (nc.ages && JSON.stringify(plainOn(nc, day)) === text) return { f, fkey, vkey: num(s.vkey), hash: s.hash };
        if (s !== nextStart.get(fkey)) {
          const ages = detectAges(f.params, paramsOn(nc, prevDay), day, prevDay);
          if (ages.length) {
            const aged = versionContent(f, ctx, ages, day);
            const agedText = JSON.stringify(aged);
            return { f, fkey, content: aged, text: agedText, hash: contentHash(agedText) };
          }
        }
      }
      return { f, fkey, content: versionContent(f, ctx), text, hash };
    });
    const vkeys = new Map<string, number>();
    const unresolved = prepared.filter((p) => p.vkey === undefined && !newIds.has(p.f.id));
    for (const chunk of chunks(unresolved.map((p) => p.fkey))) {
      for (const r of await t.selectFrom('finding_versions').select(['vkey', 'fkey', 'hash']).where('fkey', 'in', chunk).execute()) vkeys.set(`${num(r.fkey)}:${r.hash}`, num(r.vkey));
    }
    for (const p of prepared) if (p.vkey === undefined) p.vkey = vkeys.get(`${p.fkey}:${p.hash}`);
    const missing = prepared.filter((p) => p.vkey === undefined) as (Prepared & { content: VersionContent; text: string; hash: string })[];
    for (const chunk of chunks(missing)) {
      const rows = await t
        .insertInto('finding_versions')
        .values(
          chunk.map((p) => ({
            fkey: p.fkey,
            account_id: A,
            hash: p.hash,
            status: p.content.status,
            severity: p.content.severity,
            status_rank: statusRank(p.content.status),
            severity_rank: severityRank(p.content.severity),
            muted: p.content.muted ? 1 : 0,
            resource_name: p.content.resource.name,
            content: p.text,
          })),
        )
        .returning(['vkey', 'fkey', 'hash'])
        .execute();
      for (const r of rows) vkeys.set(`${num(r.fkey)}:${r.hash}`, num(r.vkey));
    }
    for (const p of missing) p.vkey = vkeys.get(`${p.fkey}:${p.hash}`);

    // Spans. The newest stretch of a finding is open (to_seq = OPEN): a finding unchanged since the
    // account's previous scan costs no write at all.
    const extendTo: number[] = [];
    const reopen: number[] = [];
    const close: number[] = [];
    const inserts: ({ fkey: number; vkey: number; account_id: string; from_seq: number; to_seq: number } & SpanAttrs)[] = [];
    const handled = new Set<number>();
    const setSpan = (id: number, from: number, to: number) => t.updateTable('finding_spans').set({ from_seq: from, to_seq: to }).where('span_id', '=', id).execute();
    for (const p of prepared) {
      const vkey = p.vkey as number;
      handled.add(p.fkey);
      const c = covering.get(p.fkey);
      if (c) {
        if (num(c.vkey) === vkey) continue;
        await setSpan(num(c.span_id), c.from_seq, k - 1);
        inserts.push({ fkey: p.fkey, vkey: num(c.vkey), account_id: A, from_seq: k + 1, to_seq: c.to_seq, ...attrsFrom(c) });
        inserts.push({ fkey: p.fkey, vkey, account_id: A, from_seq: k, to_seq: k, ...attrsOf(p.f, p.hash as string) });
        continue;
      }
      const prev = prevEnd.get(p.fkey);
      const next = nextStart.get(p.fkey);
      const prevSame = prev && num(prev.vkey) === vkey;
      const nextSame = next && num(next.vkey) === vkey;
      if (prev && !prevSame && prev.to_seq === OPEN) close.push(num(prev.span_id));
      if (prevSame && nextSame) {
        await setSpan(num(prev.span_id), prev.from_seq, next.to_seq);
        await t.deleteFrom('finding_spans').where('span_id', '=', num(next.span_id)).execute();
      } else if (prevSame) {
        if (prev.to_seq !== OPEN) (append ? reopen : extendTo).push(num(prev.span_id));
      } else if (nextSame) await setSpan(num(next.span_id), k, next.to_seq);
      else inserts.push({ fkey: p.fkey, vkey, account_id: A, from_seq: k, to_seq: append ? OPEN : k, ...attrsOf(p.f, p.hash as string) });
    }
    for (const [fkey, c] of covering) {
      // A finding this scan does not have, over a stretch that now spans it: split the stretch.
      if (handled.has(fkey)) continue;
      await setSpan(num(c.span_id), c.from_seq, k - 1);
      inserts.push({ fkey, vkey: num(c.vkey), account_id: A, from_seq: k + 1, to_seq: c.to_seq, ...attrsFrom(c) });
    }
    // A finding the previous scan had and this one (the newest) does not: its stretch ends there.
    for (const [fkey, p] of prevEnd) if (!handled.has(fkey) && p.to_seq === OPEN) close.push(num(p.span_id));
    for (const chunk of chunks(close, 2000)) await t.updateTable('finding_spans').set({ to_seq: k - 1 }).where('span_id', 'in', chunk).execute();
    for (const chunk of chunks(reopen, 2000)) await t.updateTable('finding_spans').set({ to_seq: OPEN }).where('span_id', 'in', chunk).execute();
    for (const chunk of chunks(extendTo, 2000)) await t.updateTable('finding_spans').set({ to_seq: k }).where('span_id', 'in', chunk).execute();
    for (const chunk of chunks(inserts)) await t.insertInto('finding_spans').values(chunk).execute();
    return k;
  }

  // ---- reading ----

  private async scanRow(id: string) {
    const row = await this.db.selectFrom('scans').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw new InputError(msg('storeNoScan', { store: this.label, ref: id }));
    return row;
  }

  loadScan(id: string, options: LoadScanOptions = {}): Promise<ScanRecord> {
    return this.guard(async () => {
      const scan = await this.scanRow(id);
      const meta = JSON.parse(scan.meta) as RecordMeta;
      const checks = await this.db.selectFrom('check_sets').select('checks').where('fingerprint', '=', scan.fingerprint).executeTakeFirst();
      const checkSet: CheckSet = { fingerprint: scan.fingerprint, checks: checks ? (JSON.parse(checks.checks) as CheckSet['checks']) : {} };
      const only = options.accounts === undefined ? null : [...new Set(options.accounts)];
      let rows: Selectable<Database['scan_accounts']>[] = [];
      const accountRows = () => this.db.selectFrom('scan_accounts').selectAll().where('scan_seq', '=', num(scan.seq));
      if (only === null) rows = await accountRows().orderBy('assessed', 'desc').orderBy('pos').execute();
      else for (const chunk of chunks(only)) rows.push(...(await accountRows().where('account_id', 'in', chunk).execute()));
      rows.sort((x, y) => num(y.assessed) - num(x.assessed) || num(x.pos) - num(y.pos));
      const wanted = options.findings === undefined ? null : [...new Set(options.findings)];
      const whole = new Set(options.wholeAccounts ?? []);
      const accounts: AccountRecord[] = [];
      const notAssessed: NotAssessedAccount[] = [];
      const findingsOf = new Map<string, Finding[]>();
      for (const row of rows) {
        if (!num(row.assessed)) {
          notAssessed.push(JSON.parse(row.entry) as NotAssessedAccount);
          continue;
        }
        const entry = JSON.parse(row.entry) as AccountRecord;
        accounts.push(entry);
        if (wanted === null || whole.has(entry.id)) findingsOf.set(entry.id, await this.accountFindings(entry, num(row.account_seq), row.order_hash));
      }
      if (wanted !== null) {
        const some = await this.someFindings(num(scan.seq), accounts.filter((a) => !whole.has(a.id)), wanted);
        return { ...meta.record, checkSet, accounts, notAssessed, findings: [...accounts.flatMap((a) => findingsOf.get(a.id) ?? []), ...some] } as ScanRecord;
      }
      let findings: Finding[];
      if (only !== null) {
        findings = accounts.flatMap((a) => findingsOf.get(a.id) ?? []);
      } else if (meta.layout) {
        findings = [];
        const cursor = new Map<string, number>();
        for (const [accountId, count] of meta.layout) {
          const at = cursor.get(accountId) ?? 0;
          findings.push(...(findingsOf.get(accountId) ?? []).slice(at, at + count));
          cursor.set(accountId, at + count);
        }
      } else {
        findings = accounts.flatMap((a) => findingsOf.get(a.id) ?? []);
      }
      return { ...meta.record, checkSet, accounts, notAssessed, findings } as ScanRecord;
    });
  }

  /** Some findings (by id) of a scan's assessed accounts, read by id (the rest of the scan is not touched). */
  private async someFindings(scanSeq: number, accounts: AccountRecord[], ids: string[]): Promise<Finding[]> {
    const entries = new Map(accounts.map((a) => [a.id, { entry: a, refs: refCache(accountContext(a)), day: dayIndex(a.collectedAt) }]));
    const out: Finding[] = [];
    for (const chunk of chunks(ids)) {
      const found = await this.db
        .selectFrom('findings as f')
        // CROSS JOIN keeps SQLite's order (findings by id first: a few rows, not every finding of
        // the scan's accounts); PostgreSQL plans it as the inner join it is.
        .crossJoin('scan_accounts as sa')
        .crossJoin('finding_spans as sp')
        .innerJoin('finding_versions as v', 'v.vkey', 'sp.vkey')
        .select(['f.id', 'f.account_id', 'f.check_id', 'v.content'])
        .where('f.id', 'in', chunk)
        .where('sa.scan_seq', '=', scanSeq)
        .whereRef('sa.account_id', '=', 'f.account_id')
        .whereRef('sp.fkey', '=', 'f.fkey')
        .whereRef('sp.from_seq', '<=', 'sa.account_seq')
        .whereRef('sp.to_seq', '>=', 'sa.account_seq')
        .execute();
      for (const r of found) {
        const e = entries.get(r.account_id);
        if (!e) continue;
        const content = JSON.parse(r.content) as VersionContent;
        out.push(findingFrom(r.id, r.account_id, r.check_id, content, e.refs(r.check_id, content), e.day));
      }
    }
    return out;
  }

  /** One account's findings in one of its scans, in the order the scan had them. */
  private async accountFindings(entry: AccountRecord, seq: number, orderHash: string | null): Promise<Finding[]> {
    const rows = await this.db
      .selectFrom('finding_spans as sp')
      .innerJoin('findings as f', 'f.fkey', 'sp.fkey')
      .innerJoin('finding_versions as v', 'v.vkey', 'sp.vkey')
      .select(['f.id', 'f.check_id', 'v.content'])
      .where('sp.account_id', '=', entry.id)
      .where('sp.to_seq', '>=', seq)
      .where('sp.from_seq', '<=', seq)
      .execute();
    const ctx = accountContext(entry);
    const refs = refCache(ctx);
    const day = dayIndex(entry.collectedAt);
    const byId = new Map(rows.map((r) => {
      const content = JSON.parse(r.content) as VersionContent;
      return [r.id, findingFrom(r.id, entry.id, r.check_id, content, refs(r.check_id, content), day)] as const;
    }));
    const order = orderHash ? await this.db.selectFrom('finding_orders').select('ids').where('hash', '=', orderHash).executeTakeFirst() : undefined;
    if (!order) return [...byId.values()];
    const ids = gunzipSync(order.ids).toString('utf8');
    return ids === '' ? [] : ids.split('\n').map((id) => byId.get(id)).filter((f): f is Finding => f !== undefined);
  }

  loadEvidence(scanId: string, accountId: string): Promise<Evidence | null> {
    return this.guard(async () => {
      const scan = await this.scanRow(scanId);
      const row = await this.db.selectFrom('evidence').select('gz').where('scan_seq', '=', num(scan.seq)).where('account_id', '=', accountId).executeTakeFirst();
      if (!row) return null;
      const json = JSON.parse(gunzipSync(row.gz).toString('utf8')) as unknown;
      return parseEvidence(json, `${this.label} (scan ${scanId}, account ${accountId})`, { onInconsistent: 'error' });
    });
  }

  listScans(options: ListScansOptions = {}): Promise<ScanSummary[]> {
    return this.guard(async () => {
      let q = this.db.selectFrom('scans').selectAll().orderBy('started_at', 'desc').orderBy('seq', 'desc').limit(Math.max(0, options.limit ?? 50)).offset(Math.max(0, options.offset ?? 0));
      if (options.account) {
        const account = options.account;
        q = q.where((eb) => eb.exists(eb.selectFrom('scan_accounts as sa').select('sa.scan_seq').whereRef('sa.scan_seq', '=', 'scans.seq').where('sa.account_id', '=', account)));
      }
      return this.summaries(await q.execute());
    });
  }

  scanSummary(id: string): Promise<ScanSummary> {
    return this.guard(async () => (await this.summaries([await this.scanRow(id)]))[0] as ScanSummary);
  }

  private async summaries(scans: Selectable<Database['scans']>[]): Promise<ScanSummary[]> {
    const seqs = scans.map((s) => num(s.seq));
    const accounts = new Map<number, StoredScanAccount[]>();
    for (const chunk of chunks(seqs)) {
      const rows = await this.db
        .selectFrom('scan_accounts')
        .select(['scan_seq', 'account_id', 'partition', 'name', 'ou_path', 'assessed', 'code', 'account_seq', 'summary', 'pos'])
        .where('scan_seq', 'in', chunk)
        .orderBy('scan_seq')
        .orderBy('assessed', 'desc')
        .orderBy('pos')
        .execute();
      for (const r of rows) {
        const list = accounts.get(num(r.scan_seq)) ?? [];
        list.push({
          accountId: r.account_id,
          partition: r.partition,
          name: r.name,
          ouPath: r.ou_path,
          assessed: num(r.assessed) === 1,
          notAssessedCode: r.code,
          accountSeq: r.account_seq === null ? null : num(r.account_seq),
          summary: JSON.parse(r.summary) as StoredSummary,
        });
        accounts.set(num(r.scan_seq), list);
      }
    }
    return scans.map((s) => ({
      id: s.id,
      startedAt: s.started_at,
      finishedAt: s.finished_at,
      storedAt: s.stored_at,
      source: s.source,
      rescanOf: (JSON.parse(s.meta) as RecordMeta).record.scan.rescanOf ?? null,
      toolVersion: s.tool_version,
      checkSetFingerprint: s.fingerprint,
      summary: JSON.parse(s.summary) as StoredSummary,
      accounts: accounts.get(num(s.seq)) ?? [],
      coverage: { assessed: num(s.assessed_count), inScope: num(s.in_scope_count) },
    }));
  }

  resolveScanRef(ref: string, options: ResolveOptions = {}): Promise<string> {
    return this.guard(async () => {
      const noScan = () => new InputError(msg('storeNoScan', { store: this.label, ref }));
      const last = /^last(?:~(\d{1,9}))?$/.exec(ref);
      if (last) {
        const n = Number(last[1] ?? 0);
        const row = options.account
          ? await this.db
              .selectFrom('scan_accounts as sa')
              .innerJoin('scans as s', 's.seq', 'sa.scan_seq')
              .select('s.id')
              .where('sa.account_id', '=', options.account)
              .where('sa.account_seq', 'is not', null)
              .orderBy('sa.account_seq', 'desc')
              .offset(n)
              .limit(1)
              .executeTakeFirst()
          : await this.db.selectFrom('scans').select('id').orderBy('started_at', 'desc').orderBy('seq', 'desc').offset(n).limit(1).executeTakeFirst();
        if (!row) throw noScan();
        return row.id;
      }
      const exact = await this.db.selectFrom('scans').select('id').where('id', '=', ref).executeTakeFirst();
      if (exact) return exact.id;
      if (ref.length < 4 || !/^[\w.:-]+$/.test(ref)) {
        if (/^[\w.:-]+$/.test(ref) && ref.length > 0) throw new InputError(msg('storeBadRef', { ref }));
        throw new InputError(msg('storeBadRef', { ref }));
      }
      const like = `${ref.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      const rows = await this.db
        .selectFrom('scans')
        .select(['id', 'started_at'])
        .where(sql<boolean>`lower(id) like ${like} escape '\\'`)
        .orderBy('started_at', 'desc')
        .limit(11)
        .execute();
      if (rows.length === 0) throw noScan();
      if (rows.length > 1) {
        const candidates = rows.slice(0, 10).map((r) => `${r.id} (${r.started_at})`).join(', ') + (rows.length > 10 ? ', …' : '');
        throw new InputError(msg('storeAmbiguous', { store: this.label, ref, count: rows.length > 10 ? '10+' : rows.length, candidates }));
      }
      return (rows[0] as { id: string }).id;
    });
  }

  previousScanOf(accountId: string, beforeScanId?: string, options: { covering?: boolean } = {}): Promise<string | null> {
    return this.guard(async () => {
      if (options.covering) {
        let c = this.db
          .selectFrom('scan_accounts as sa')
          .innerJoin('scans as s', 's.seq', 'sa.scan_seq')
          .select('s.id')
          .where('sa.account_id', '=', accountId)
          .orderBy('s.started_at', 'desc')
          .orderBy('s.seq', 'desc')
          .limit(1);
        if (beforeScanId !== undefined) {
          const scan = await this.scanRow(beforeScanId);
          c = c.where((eb) => eb.or([eb('s.started_at', '<', scan.started_at), eb.and([eb('s.started_at', '=', scan.started_at), eb('s.seq', '<', num(scan.seq))])]));
        }
        return (await c.executeTakeFirst())?.id ?? null;
      }
      let q = this.db
        .selectFrom('scan_accounts as sa')
        .innerJoin('scans as s', 's.seq', 'sa.scan_seq')
        .select('s.id')
        .where('sa.account_id', '=', accountId)
        .where('sa.account_seq', 'is not', null)
        .orderBy('sa.account_seq', 'desc')
        .limit(1);
      if (beforeScanId !== undefined) {
        const scan = await this.scanRow(beforeScanId);
        const own = await this.db.selectFrom('scan_accounts').select('account_seq').where('scan_seq', '=', num(scan.seq)).where('account_id', '=', accountId).executeTakeFirst();
        if (own && own.account_seq !== null) q = q.where('sa.account_seq', '<', num(own.account_seq));
        else q = q.where('sa.started_at', '<', scan.started_at);
      }
      return (await q.executeTakeFirst())?.id ?? null;
    });
  }

  findingsPage(query: FindingsPageQuery): Promise<FindingsPage> {
    return this.guard(async () => {
      const scan = await this.scanRow(query.scanId);
      const limit = Math.min(1000, Math.max(1, query.limit ?? 50));
      const offset = Math.max(0, query.offset ?? 0);
      const f = query.filters ?? {};
      // Filters, count and order use the span's own columns; versions are read for the page only.
      let base = this.db
        .selectFrom('scan_accounts as sa')
        .innerJoin('finding_spans as sp', (j) => j.onRef('sp.account_id', '=', 'sa.account_id').onRef('sp.to_seq', '>=', 'sa.account_seq').onRef('sp.from_seq', '<=', 'sa.account_seq'))
        .where('sa.scan_seq', '=', num(scan.seq))
        .where('sa.assessed', '=', 1);
      if (f.account?.length) base = base.where('sa.account_id', 'in', f.account);
      if (f.ou) {
        const ou = f.ou.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`);
        base = base.where((eb) => eb.or([eb(sql`lower(sa.ou_ids)`, 'like', sql`${`%/${ou}/%`} escape '\\'`), eb(sql`lower('/' || sa.ou_path || '/')`, 'like', sql`${`%/${ou}/%`} escape '\\'`)]));
      }
      if (f.severity?.length) base = base.where('sp.severity_rank', 'in', f.severity.map(severityRank));
      if (f.status?.length) base = base.where('sp.status_rank', 'in', f.status.map(statusRank));
      if (f.check?.length) base = base.where('sp.check_id', 'in', f.check);
      if (f.muted !== undefined) base = base.where('sp.muted', '=', f.muted ? 1 : 0);
      if (f.text) {
        const text = `%${f.text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
        base = base.where((eb) =>
          eb.or([
            eb(sql`sp.search`, 'like', sql`${text} escape '\\'`),
            eb(sql`lower(coalesce(sa.name, ''))`, 'like', sql`${text} escape '\\'`),
          ]),
        );
      }
      const counted = await base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
      const total = num(counted.n);
      // A page past the middle is read from the other end: the database keeps the rows up to the
      // page's end while it sorts, so the last page of 50,000 would sort and keep all of them. The
      // order ends with the finding key, so it has no ties and reads the same both ways.
      const fromEnd = offset + limit > total / 2 && offset < total;
      const dir = (query.descending ? 1 : 0) ^ (fromEnd ? 1 : 0) ? 'desc' : 'asc';
      const order: Record<string, string[]> = {
        severity: ['sp.severity_rank', 'sp.status_rank', 'sp.check_id', 'sp.resource_name', 'sp.fkey'],
        status: ['sp.status_rank', 'sp.severity_rank', 'sp.check_id', 'sp.resource_name', 'sp.fkey'],
        check: ['sp.check_id', 'sp.resource_name', 'sa.account_id', 'sp.fkey'],
        resource: ['sp.resource_name', 'sp.check_id', 'sa.account_id', 'sp.fkey'],
        account: ['sa.account_id', 'sp.severity_rank', 'sp.status_rank', 'sp.check_id', 'sp.resource_name', 'sp.fkey'],
      };
      // Only keys are sorted; names and contents are read for the page's rows.
      let q = base.select(['sp.vkey', 'sa.account_id']);
      for (const col of order[query.sort ?? 'severity'] ?? []) q = q.orderBy(sql.ref(col), dir);
      const page = fromEnd ? (await q.limit(Math.min(limit, total - offset)).offset(Math.max(0, total - offset - limit)).execute()).reverse() : await q.limit(limit).offset(offset).execute();
      const contents = new Map<number, { id: string; check_id: string; content: string }>();
      if (page.length) {
        const rows = await this.db
          .selectFrom('finding_versions as v')
          .innerJoin('findings as f', 'f.fkey', 'v.fkey')
          .select(['v.vkey', 'f.id', 'f.check_id', 'v.content'])
          .where('v.vkey', 'in', page.map((r) => num(r.vkey)))
          .execute();
        for (const r of rows) contents.set(num(r.vkey), r);
      }
      // Evidence references are rebuilt from the accounts' entries in this scan.
      const accountIds = [...new Set(page.map((r) => r.account_id))];
      const contexts = new Map<string, AccountContext>();
      const names = new Map<string, { name: string | null; ou_path: string | null }>();
      if (accountIds.length) {
        for (const r of await this.db.selectFrom('scan_accounts').select(['account_id', 'entry', 'name', 'ou_path']).where('scan_seq', '=', num(scan.seq)).where('account_id', 'in', accountIds).execute()) {
          contexts.set(r.account_id, accountContext(JSON.parse(r.entry) as AccountRecord));
          names.set(r.account_id, { name: r.name, ou_path: r.ou_path });
        }
      }
      const rows = page.map((r) => ({ ...(contents.get(num(r.vkey)) as { id: string; check_id: string; content: string }), account_id: r.account_id, name: names.get(r.account_id)?.name ?? null, ou_path: names.get(r.account_id)?.ou_path ?? null }));
      const out: FindingRow[] = rows.map((r) => {
        const content = JSON.parse(r.content) as VersionContent;
        const ctx = contexts.get(r.account_id) ?? { evidence: {}, collectedAt: '' };
        return { finding: findingFrom(r.id, r.account_id, r.check_id, content, decodeRefs(content.evidence, ctx), dayIndex(ctx.collectedAt)), account: { id: r.account_id, name: r.name, ouPath: r.ou_path } };
      });
      return { total, offset, limit, rows: out };
    });
  }

  changesSince(scanId: string, options: { accounts?: Iterable<string>; skipFirstScans?: boolean } = {}): Promise<ScanChanges> {
    return this.guard(async () => {
      const scan = await this.scanRow(scanId);
      const S = num(scan.seq);
      const only = options.accounts === undefined ? null : [...new Set(options.accounts)];
      // Every account of the scan at once (four queries, not four per account): its scan before,
      // the stretches that ended with that scan, those that start with this one, and a count of
      // those that go on. An account's first scan has no scan before: all its findings start.
      const accountsOf = () => {
        let q = this.db.selectFrom('scan_accounts as sa').where('sa.scan_seq', '=', S).where('sa.account_seq', 'is not', null);
        if (only !== null) q = q.where('sa.account_id', 'in', only.length ? only : ['']);
        if (options.skipFirstScans) q = q.where('sa.account_seq', '>', 1);
        return q;
      };
      const rows = (
        await this.db
          .selectFrom('scan_accounts as sa')
          .leftJoin('scan_accounts as pa', (j) => j.onRef('pa.account_id', '=', 'sa.account_id').on(sql<boolean>`pa.account_seq = sa.account_seq - 1`))
          .leftJoin('scans as ps', 'ps.seq', 'pa.scan_seq')
          .select(['sa.account_id', 'sa.account_seq', 'ps.id as prev_id', 'ps.started_at as prev_started'])
          .where('sa.scan_seq', '=', S)
          .where('sa.account_seq', 'is not', null)
          .orderBy('sa.pos')
          .execute()
      ).filter((r) => only === null || only.includes(r.account_id));
      const spansOf = (on: RawBuilder<boolean>) =>
        accountsOf()
          .innerJoin('finding_spans as sp', (j) => j.onRef('sp.account_id', '=', 'sa.account_id').on(on))
          .innerJoin('findings as f', 'f.fkey', 'sp.fkey')
          .innerJoin('finding_versions as v', 'v.vkey', 'sp.vkey')
          .select(['sa.account_id', 'f.id', 'f.check_id', 'v.status', 'v.severity', 'v.muted', this.messageIdOf().as('message_id')])
          .execute();
      const ended = await spansOf(sql<boolean>`sp.to_seq = sa.account_seq - 1`);
      const started = await spansOf(sql<boolean>`sp.to_seq >= sa.account_seq and sp.from_seq = sa.account_seq`);
      const kept = await accountsOf()
        .innerJoin('finding_spans as sp', (j) => j.onRef('sp.account_id', '=', 'sa.account_id').on(sql<boolean>`sp.to_seq >= sa.account_seq and sp.from_seq <= sa.account_seq - 1`))
        .select(['sa.account_id', (eb) => eb.fn.countAll().as('n')])
        .groupBy('sa.account_id')
        .execute();
      const per = new Map(rows.map((r) => [r.account_id, { before: new Map<string, { checkId: string; s: FindingState }>(), changes: [] as FindingChange[], unchanged: 0 }]));
      for (const k of kept) {
        const p = per.get(k.account_id);
        if (p) p.unchanged = num(k.n);
      }
      for (const r of ended) per.get(r.account_id)?.before.set(r.id, { checkId: r.check_id, s: stateOf(r) });
      for (const r of started) {
        const p = per.get(r.account_id);
        if (!p) continue;
        const after = stateOf(r);
        const was = p.before.get(r.id);
        p.before.delete(r.id);
        if (was && was.s.status === after.status && was.s.severity === after.severity && was.s.muted === after.muted && was.s.messageId === after.messageId) p.unchanged++;
        else p.changes.push({ findingId: r.id, accountId: r.account_id, checkId: r.check_id, before: was?.s ?? null, after });
      }
      const accounts: ScanChanges['accounts'] = rows.map((r) => {
        const p = per.get(r.account_id) as { before: Map<string, { checkId: string; s: FindingState }>; changes: FindingChange[]; unchanged: number };
        for (const [id, was] of p.before) p.changes.push({ findingId: id, accountId: r.account_id, checkId: was.checkId, before: was.s, after: null });
        return { accountId: r.account_id, previousScanId: r.prev_id ?? null, previousStartedAt: r.prev_started ?? null, changes: p.changes, unchanged: p.unchanged };
      });
      return { scanId, accounts };
    });
  }

  changesBetween(beforeId: string, afterId: string): Promise<ScanChanges> {
    return this.guard(async () => {
      const [a, b] = [await this.scanRow(beforeId), await this.scanRow(afterId)];
      const seqs = async (seq: number) =>
        new Map(
          (await this.db.selectFrom('scan_accounts').select(['account_id', 'account_seq']).where('scan_seq', '=', seq).where('account_seq', 'is not', null).orderBy('pos').execute()).map((r) => [r.account_id, num(r.account_seq)]),
        );
      const inA = await seqs(num(a.seq));
      const accounts: ScanChanges['accounts'] = [];
      for (const [A, j] of await seqs(num(b.seq))) {
        const i = inA.get(A);
        if (i === undefined) continue;
        let found: { changes: FindingChange[]; unchanged: number };
        if (i < j) found = await this.spanChanges(A, i, j);
        else if (i > j) {
          // B is the older scan of this account: the same stretches, read the other way round.
          const back = await this.spanChanges(A, j, i);
          found = { unchanged: back.unchanged, changes: back.changes.map((c) => ({ ...c, before: c.after, after: c.before })) };
        } else found = { changes: [], unchanged: num((await this.db.selectFrom('finding_spans').select((eb) => eb.fn.countAll().as('n')).where('account_id', '=', A).where('from_seq', '<=', i).where('to_seq', '>=', i).executeTakeFirstOrThrow()).n) };
        accounts.push({ accountId: A, previousScanId: beforeId, previousStartedAt: a.started_at, ...found });
      }
      return { scanId: afterId, accounts };
    });
  }

  /**
   * The findings of account A that differ between its scans i and j (0 ≤ i < j, 0: none), from the
   * spans alone: stretches that cover i and end before j, stretches that start after i and cover j,
   * and a count of those that cover both.
   */
  private async spanChanges(A: string, i: number, j: number): Promise<{ changes: FindingChange[]; unchanged: number }> {
    const ended = i > 0 ? await this.stateQuery(A).where('sp.to_seq', '>=', i).where('sp.to_seq', '<', j).where('sp.from_seq', '<=', i).execute() : [];
    const started = await this.stateQuery(A).where('sp.to_seq', '>=', j).where('sp.from_seq', '>', i).where('sp.from_seq', '<=', j).execute();
    const kept =
      i > 0
        ? num((await this.db.selectFrom('finding_spans').select((eb) => eb.fn.countAll().as('n')).where('account_id', '=', A).where('to_seq', '>=', j).where('from_seq', '<=', i).executeTakeFirstOrThrow()).n)
        : 0;
    const state = stateOf;
    const before = new Map(ended.map((r) => [r.id, { r, s: state(r) }]));
    const changes: FindingChange[] = [];
    let unchanged = kept;
    for (const r of started) {
      const after = state(r);
      const was = before.get(r.id);
      before.delete(r.id);
      if (was && was.s.status === after.status && was.s.severity === after.severity && was.s.muted === after.muted && was.s.messageId === after.messageId) unchanged++;
      else changes.push({ findingId: r.id, accountId: A, checkId: r.check_id, before: was?.s ?? null, after });
    }
    for (const [id, { r, s: was }] of before) changes.push({ findingId: id, accountId: A, checkId: r.check_id, before: was, after: null });
    return { changes, unchanged };
  }

  private stateQuery(accountId: string) {
    return this.db
      .selectFrom('finding_spans as sp')
      .innerJoin('findings as f', 'f.fkey', 'sp.fkey')
      .innerJoin('finding_versions as v', 'v.vkey', 'sp.vkey')
      .select(['f.id', 'f.check_id', 'v.status', 'v.severity', 'v.muted', this.messageIdOf().as('message_id')])
      .where('sp.account_id', '=', accountId);
  }

  /** A version's message id, read inside the database (what changed needs no finding's whole content). */
  private messageIdOf() {
    return this.dialect === 'sqlite' ? sql<string>`json_extract(v.content, '$.messageId')` : sql<string>`(v.content::json ->> 'messageId')`;
  }

  findingHistory(findingId: string): Promise<FindingHistory | null> {
    return this.guard(async () => {
      const f = await this.db.selectFrom('findings').selectAll().where('id', '=', findingId).executeTakeFirst();
      if (!f) return null;
      const spans = await this.db
        .selectFrom('finding_spans as sp')
        .innerJoin('finding_versions as v', 'v.vkey', 'sp.vkey')
        .select(['sp.from_seq', 'sp.to_seq', 'v.content'])
        .where('sp.fkey', '=', num(f.fkey))
        .orderBy('sp.from_seq')
        .execute();
      if (spans.length === 0) return null;
      const scans = await this.db
        .selectFrom('scan_accounts as sa')
        .innerJoin('scans as s', 's.seq', 'sa.scan_seq')
        .select(['sa.account_seq', 's.id', 's.started_at', 'sa.entry'])
        .where('sa.account_id', '=', f.account_id)
        .where('sa.account_seq', 'is not', null)
        .execute();
      const bySeq = new Map(scans.map((s) => [num(s.account_seq), s]));
      const dayOf = (seq: number) => {
        const s = bySeq.get(seq);
        return s ? dayIndex((JSON.parse(s.entry) as AccountRecord).collectedAt) : 0;
      };
      const lastSeq = Math.max(0, ...bySeq.keys());
      const point = (seq: number) => {
        const s = bySeq.get(seq);
        return { scanId: s?.id ?? '', startedAt: s?.started_at ?? '', accountSeq: seq };
      };
      // Stretches that follow each other with the same verdict (only a number of days moved) read as one.
      const timeline: FindingHistoryEntry[] = [];
      for (const [i, s] of spans.entries()) {
        const c = JSON.parse(s.content) as VersionContent;
        const from = num(s.from_seq);
        const to = Math.min(num(s.to_seq), lastSeq);
        const next = spans[i + 1];
        const entry: FindingHistoryEntry = {
          from: point(from),
          to: point(to),
          status: c.status,
          severity: c.severity,
          muted: c.muted,
          muteReason: c.muteReason,
          messageId: c.messageId,
          params: paramsOn(c, dayOf(to)),
          absentAfter: to < lastSeq && (!next || num(next.from_seq) !== to + 1),
        };
        const prev = timeline[timeline.length - 1];
        const same = (a: FindingHistoryEntry, b: FindingHistoryEntry) =>
          a.status === b.status && a.severity === b.severity && a.muted === b.muted && a.muteReason === b.muteReason && a.messageId === b.messageId;
        if (prev && !prev.absentAfter && prev.to.accountSeq + 1 === from && same(prev, entry)) timeline[timeline.length - 1] = { ...entry, from: prev.from };
        else timeline.push(entry);
      }
      const lastSpan = spans[spans.length - 1] as (typeof spans)[number];
      const latestContent = JSON.parse(lastSpan.content) as VersionContent;
      const latestScan = bySeq.get(Math.min(num(lastSpan.to_seq), lastSeq));
      const ctx = latestScan ? accountContext(JSON.parse(latestScan.entry) as AccountRecord) : { evidence: {}, collectedAt: '' };
      const first = timeline[0] as FindingHistoryEntry;
      const lastEntry = timeline[timeline.length - 1] as FindingHistoryEntry;
      return {
        findingId,
        accountId: f.account_id,
        checkId: f.check_id,
        latest: findingFrom(findingId, f.account_id, f.check_id, latestContent, decodeRefs(latestContent.evidence, ctx), dayIndex(ctx.collectedAt)),
        firstSeen: { scanId: first.from.scanId, startedAt: first.from.startedAt },
        lastSeen: { scanId: lastEntry.to.scanId, startedAt: lastEntry.to.startedAt },
        timeline,
        present: num(lastSpan.to_seq) >= lastSeq,
      };
    });
  }

  accountsOverview(options: { trendLength?: number } = {}): Promise<AccountOverview[]> {
    return this.guard(async () => {
      const trendLength = Math.max(1, options.trendLength ?? 30);
      const rows = await this.db
        .selectFrom('scan_accounts as sa')
        .innerJoin('accounts as a', 'a.account_id', 'sa.account_id')
        .innerJoin('scans as s', 's.seq', 'sa.scan_seq')
        .select(['sa.account_id', 'sa.scan_seq', 'sa.account_seq', 'sa.assessed', 'sa.code', 'sa.partition', 'sa.name', 'sa.ou_path', 'sa.summary', 's.id', 's.started_at'])
        .where((eb) => eb.or([eb('sa.account_seq', 'is', null), eb('sa.account_seq', '>', sql<number>`a.last_seq - ${trendLength}`)]))
        .orderBy('sa.account_id')
        .orderBy('s.started_at')
        .orderBy('s.seq')
        .execute();
      const byAccount = new Map<string, typeof rows>();
      for (const r of rows) byAccount.set(r.account_id, [...(byAccount.get(r.account_id) ?? []), r]);
      const out: AccountOverview[] = [];
      for (const [accountId, list] of byAccount) {
        const latest = list[list.length - 1] as (typeof rows)[number];
        const entry = await this.db.selectFrom('scan_accounts').select('entry').where('scan_seq', '=', num(latest.scan_seq)).where('account_id', '=', accountId).executeTakeFirstOrThrow();
        out.push({
          accountId,
          partition: latest.partition,
          name: latest.name,
          ouPath: latest.ou_path,
          latest: { scanId: latest.id, startedAt: latest.started_at, assessed: num(latest.assessed) === 1, notAssessedCode: latest.code, summary: JSON.parse(latest.summary) as StoredSummary },
          entry: JSON.parse(entry.entry) as AccountRecord | NotAssessedAccount,
          trend: list.filter((r) => r.account_seq !== null).map((r) => ({ scanId: r.id, startedAt: r.started_at, summary: JSON.parse(r.summary) as StoredSummary })),
        });
      }
      return out;
    });
  }

  // ---- pruning, export, import ----

  prune(options: PruneOptions): Promise<PruneResult> {
    return this.guard(async () => {
      const rows = await this.db
        .selectFrom('scan_accounts as sa')
        .innerJoin('scans as s', 's.seq', 'sa.scan_seq')
        .select(['s.seq', 's.id', 's.started_at', 'sa.account_id'])
        .orderBy('s.started_at', 'desc')
        .orderBy('s.seq', 'desc')
        .execute();
      const doomed = new Map<number, string>();
      if ('keep' in options) {
        const keep = Math.max(0, options.keep);
        const rank = new Map<string, number>();
        const kept = new Set<number>();
        const all = new Map<number, string>();
        for (const r of rows) {
          const n = rank.get(r.account_id) ?? 0;
          rank.set(r.account_id, n + 1);
          all.set(num(r.seq), r.id);
          if (n < keep) kept.add(num(r.seq));
        }
        for (const [seq, id] of all) if (!kept.has(seq)) doomed.set(seq, id);
      } else {
        const cutoff = new Date((options.now ?? new Date()).getTime() - options.olderThanDays * 86_400_000).toISOString();
        for (const r of rows) if (r.started_at < cutoff) doomed.set(num(r.seq), r.id);
      }
      for (const [seq] of [...doomed].sort((a, b) => b[0] - a[0])) await this.write((t) => this.deleteScan(t, seq));
      const findingsDeleted = await this.write(async (t) => {
        await t.deleteFrom('finding_versions').where((eb) => eb.not(eb.exists(eb.selectFrom('finding_spans as sp').select('sp.vkey').whereRef('sp.vkey', '=', 'finding_versions.vkey')))).execute();
        const gone = await t.deleteFrom('findings').where((eb) => eb.not(eb.exists(eb.selectFrom('finding_spans as sp').select('sp.fkey').whereRef('sp.fkey', '=', 'findings.fkey')))).executeTakeFirst();
        await t.deleteFrom('finding_orders').where((eb) => eb.not(eb.exists(eb.selectFrom('scan_accounts as sa').select('sa.order_hash').whereRef('sa.order_hash', '=', 'finding_orders.hash')))).execute();
        await t.deleteFrom('check_sets').where((eb) => eb.not(eb.exists(eb.selectFrom('scans as s').select('s.fingerprint').whereRef('s.fingerprint', '=', 'check_sets.fingerprint')))).execute();
        await t.deleteFrom('accounts').where((eb) => eb.not(eb.exists(eb.selectFrom('scan_accounts as sa').select('sa.account_id').whereRef('sa.account_id', '=', 'accounts.account_id')))).execute();
        return num(gone.numDeletedRows);
      });
      if (this.dialect === 'sqlite' && doomed.size > 0) await sql`pragma wal_checkpoint(truncate)`.execute(this.db).catch(() => undefined);
      return { scansDeleted: [...doomed.values()], findingsDeleted };
    });
  }

  /** Removes one scan; each of its accounts' later scans moves down one place, and spans follow. */
  private async deleteScan(t: Db, seq: number): Promise<void> {
    const accounts = await t.selectFrom('scan_accounts').select(['account_id', 'account_seq']).where('scan_seq', '=', seq).execute();
    let q = t.selectFrom('accounts').select('account_id').where('account_id', 'in', accounts.length ? accounts.map((a) => a.account_id) : ['']).orderBy('account_id');
    if (this.dialect === 'postgres') q = q.forUpdate();
    await q.execute();
    for (const a of accounts) {
      if (a.account_seq === null) continue;
      const A = a.account_id;
      const k = num(a.account_seq);
      const newest = await t.selectFrom('accounts').select('last_seq').where('account_id', '=', A).executeTakeFirstOrThrow();
      await t.deleteFrom('finding_spans').where('account_id', '=', A).where('from_seq', '=', k).where('to_seq', '=', k).execute();
      // The newest scan goes: stretches that began with it (open ones) go too.
      if (k === num(newest.last_seq)) await t.deleteFrom('finding_spans').where('account_id', '=', A).where('from_seq', '=', k).execute();
      await t.updateTable('finding_spans').set((eb) => ({ to_seq: eb('to_seq', '-', 1) })).where('account_id', '=', A).where('to_seq', '>=', k).where('to_seq', '<', OPEN).execute();
      await t.updateTable('finding_spans').set((eb) => ({ from_seq: eb('from_seq', '-', 1) })).where('account_id', '=', A).where('from_seq', '>', k).execute();
      await t.updateTable('scan_accounts').set((eb) => ({ account_seq: eb('account_seq', '-', 1) })).where('account_id', '=', A).where('account_seq', '>', k).execute();
      await t.updateTable('accounts').set((eb) => ({ last_seq: eb('last_seq', '-', 1) })).where('account_id', '=', A).execute();
      // Stretches on both sides of the removed scan with the same content become one.
      const pairs = await t
        .selectFrom('finding_spans as a')
        .innerJoin('finding_spans as b', (j) => j.onRef('b.fkey', '=', 'a.fkey').onRef('b.vkey', '=', 'a.vkey'))
        .select(['a.span_id as keepId', 'b.span_id as dropId', 'b.to_seq as to'])
        .where('a.account_id', '=', A)
        .where('a.to_seq', '=', k - 1)
        .where('b.account_id', '=', A)
        .where('b.from_seq', '=', k)
        .execute();
      for (const p of pairs) {
        await t.updateTable('finding_spans').set({ to_seq: num(p.to) }).where('span_id', '=', num(p.keepId)).execute();
        await t.deleteFrom('finding_spans').where('span_id', '=', num(p.dropId)).execute();
      }
    }
    await t.deleteFrom('scan_accounts').where('scan_seq', '=', seq).execute();
    await t.deleteFrom('evidence').where('scan_seq', '=', seq).execute();
    await t.deleteFrom('scans').where('seq', '=', seq).execute();
  }

  exportScan(id: string): Promise<string> {
    return this.guard(async () => {
      const record = await this.loadScan(id);
      const scan = await this.scanRow(id);
      const evidence: Record<string, unknown> = {};
      for (const r of await this.db.selectFrom('evidence').select(['account_id', 'gz']).where('scan_seq', '=', num(scan.seq)).execute()) {
        evidence[r.account_id] = JSON.parse(gunzipSync(r.gz).toString('utf8')) as unknown;
      }
      return `${JSON.stringify({ schema: SCAN_EXPORT_SCHEMA, record, evidence })}\n`;
    });
  }

  importScan(content: string | { parsed: unknown }, label = 'import'): Promise<string> {
    return this.guard(async () => {
      const bad = (detail: string) => new InputError(msg('storeBadImport', { file: label, detail }));
      let doc: { schema?: unknown; record?: unknown; evidence?: unknown };
      if (typeof content !== 'string') doc = content.parsed as typeof doc;
      else {
        try {
          doc = JSON.parse(content) as typeof doc;
        } catch {
          throw bad('not JSON');
        }
      }
      if (typeof doc !== 'object' || doc === null || doc.schema !== SCAN_EXPORT_SCHEMA) throw bad(`schema is not ${SCAN_EXPORT_SCHEMA}`);
      const record = doc.record as ScanRecord;
      checkRecordShape(record, bad);
      const evidence = new Map<string, Evidence>();
      if (doc.evidence !== undefined) {
        if (typeof doc.evidence !== 'object' || doc.evidence === null) throw bad('evidence is not an object');
        for (const [accountId, json] of Object.entries(doc.evidence as Record<string, unknown>)) {
          evidence.set(accountId, parseEvidence(json, `${label} (evidence of account ${accountId})`, { onInconsistent: 'error' }));
        }
      }
      return this.save(record, evidence, label);
    });
  }
}

/** Tests kill a process in the middle of a save: with LOCKDOWN_TEST_STORE_PAUSE_MS set, a save says so on stderr and waits before it commits. */
async function testPauseBeforeCommit(): Promise<void> {
  const ms = Number(process.env.LOCKDOWN_TEST_STORE_PAUSE_MS ?? 0);
  if (!(ms > 0)) return;
  process.stderr.write('store: all rows written, pausing before commit\n');
  await new Promise((resolve) => setTimeout(resolve, ms));
}

/** What a finding was, from a version's columns (status, severity, mute) and its message id. */
const stateOf = (r: { status: string; severity: string; muted: number | string; message_id: string }): FindingState => ({
  status: r.status as FindingState['status'],
  severity: r.severity as FindingState['severity'],
  muted: num(r.muted) === 1,
  messageId: r.message_id,
});

const isCompressed = (ev: Evidence | CompressedEvidence): ev is CompressedEvidence => (ev as Partial<CompressedEvidence>).compressed === true;

/** Findings of one check share one evidence list, as evaluate() builds them (render relies on nothing else). */
function refCache(ctx: AccountContext) {
  const cache = new Map<string, ReturnType<typeof decodeRefs>>();
  return (checkId: string, content: VersionContent) => {
    const plain = content.evidence.every((r) => typeof r === 'string');
    const key = `${checkId}\0${plain ? content.evidence.join('\0') : JSON.stringify(content.evidence)}`;
    let refs = cache.get(key);
    if (!refs) cache.set(key, (refs = decodeRefs(content.evidence, ctx)));
    return refs;
  };
}

function checkRecordShape(record: ScanRecord, bad: (detail: string) => Error): void {
  const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  if (!isObj(record)) throw bad('record is missing');
  if (typeof record.schema !== 'string' || !record.schema.startsWith('aws-lockdown/scan-record@')) throw bad('record.schema is not an aws-lockdown scan record');
  if (!isObj(record.scan) || typeof record.scan.id !== 'string' || record.scan.id === '' || typeof record.scan.startedAt !== 'string' || Number.isNaN(Date.parse(record.scan.startedAt))) throw bad('record.scan needs an id and a startedAt time');
  if (typeof record.scan.finishedAt !== 'string' || typeof record.scan.source !== 'string') throw bad('record.scan needs finishedAt and source');
  if (!isObj(record.tool) || typeof record.tool.version !== 'string') throw bad('record.tool.version is missing');
  if (!isObj(record.checkSet) || typeof record.checkSet.fingerprint !== 'string' || !isObj(record.checkSet.checks)) throw bad('record.checkSet is missing');
  if (!Array.isArray(record.accounts) || !record.accounts.every((a) => isObj(a) && typeof a.id === 'string' && typeof a.collectedAt === 'string' && isObj(a.evidence))) throw bad('record.accounts is not a list of accounts');
  if (record.notAssessed !== undefined && (!Array.isArray(record.notAssessed) || !record.notAssessed.every((a) => isObj(a) && typeof a.id === 'string' && typeof a.code === 'string'))) {
    throw bad('record.notAssessed is not a list of accounts');
  }
  if (!Array.isArray(record.findings)) throw bad('record.findings is not a list');
  for (const [i, f] of record.findings.entries()) {
    const ok =
      isObj(f) &&
      typeof f.id === 'string' &&
      typeof f.checkId === 'string' &&
      typeof f.accountId === 'string' &&
      statusRank(f.status) >= 0 &&
      severityRank(f.severity) >= 0 &&
      isObj(f.resource) &&
      typeof f.resource.arn === 'string' &&
      typeof f.resource.name === 'string' &&
      typeof f.messageId === 'string' &&
      isObj(f.params) &&
      Array.isArray(f.evidence) &&
      isObj(f.compliance) &&
      typeof f.muted === 'boolean';
    if (!ok) throw bad(`record.findings[${i}] is not a finding`);
  }
}

