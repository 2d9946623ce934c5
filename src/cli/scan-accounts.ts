import { existsSync, mkdirSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { InputError } from '../errors.js';
import { loadEvidence } from '../evidence/load.js';
import { parseJsonText } from '../evidence/json-text.js';
import { readInput } from '../evidence/read-input.js';
import { serializeEvidence } from '../evidence/serialize.js';
import { firstIssue } from '../evidence/zod-issue.js';
import type { Evidence } from '../evidence/schema.js';
import { msg, type Message } from '../i18n/index.js';
import { DEFAULT_CONCURRENCY, MAX_CONCURRENCY, scanMany, type AccountJob, type ManyEvent, type ManyResult } from '../org/scan-many.js';
import { accountList, checkExternalId, checkRoleArn, checkRoleName, DEFAULT_ROLE_NAME, ouList, type TargetSpec } from '../org/targets.js';
import type { AccountPlace, NotAssessedAccount } from '../record/record.js';
import { assessEvidence, type AccountScanWithEvidence, type ScanOptions } from '../scan/scan-account.js';

/** The flags of `lockdown scan` this module reads; ScanFlags (scan.ts, which imports this module) extends them. */
export interface ManyFlags {
  demo?: boolean;
  evidence?: string;
  profile?: string;
  region?: string;
  endpointUrl?: string;
  saveEvidence?: string;
  /** Import the findings into Security Hub after the scan (the only write a scan makes). */
  securityHub?: boolean;
  org?: boolean;
  accounts?: string;
  excludeAccounts?: string;
  ous?: string;
  roleName?: string;
  roleArn?: string;
  externalId?: string;
  targets?: string;
  concurrency?: string;
}

// The CLI side of a many-account scan (issue 8): --org, --role-arn and --targets become target
// specs; --save-evidence DIR keeps one evidence file per account plus a scope file, and
// `--evidence DIR` of such a folder scans it back into the same many-account result.

/** The file beside the per-account evidence files that says what was in scope. */
export const SCOPE_FILE = 'lockdown-scope.json';
const SCOPE_SCHEMA = 'aws-lockdown/scope@1';

export type ManyMode = { kind: 'live'; specs: () => TargetSpec[]; concurrency: number } | { kind: 'saved'; dir: string } | null;

/** Validates the many-account flags before anything is read; null for a one-account scan. */
export function parseManyFlags(flags: ManyFlags): ManyMode {
  const given = (['org', 'roleArn', 'targets'] as const).filter((k) => flags[k] !== undefined && flags[k] !== false);
  const name = { org: '--org', roleArn: '--role-arn', targets: '--targets' } as const;
  if (given.length > 1) throw new InputError(msg('notTogether', { a: name[given[0] as 'org'], b: name[given[1] as 'org'] }));
  const mode = given[0];
  for (const [flag, value] of [['--accounts', flags.accounts], ['--exclude-accounts', flags.excludeAccounts], ['--ous', flags.ous], ['--role-name', flags.roleName]] as const) {
    if (value !== undefined && mode !== 'org') throw new InputError(msg('needsFlag', { flag, needs: '--org' }));
  }
  if (flags.externalId !== undefined && mode !== 'org' && mode !== 'roleArn') throw new InputError(msg('needsFlag', { flag: '--external-id', needs: '--role-arn / --org' }));
  if (flags.concurrency !== undefined && mode === undefined) throw new InputError(msg('needsFlag', { flag: '--concurrency', needs: '--org / --role-arn / --targets' }));
  const concurrency = flags.concurrency === undefined ? DEFAULT_CONCURRENCY : parseConcurrency(flags.concurrency);
  const saved = flags.evidence !== undefined && isSavedScope(flags.evidence);
  if (mode !== undefined && (flags.demo || flags.evidence !== undefined)) throw new InputError(msg('notTogether', { a: name[mode], b: flags.demo ? '--demo' : '--evidence' }));
  // Security Hub accepts findings only from the account they are about (src/publish/security-hub.ts).
  if ((saved || mode !== undefined) && flags.securityHub) throw new InputError(msg('notTogether', { a: mode === undefined ? '--evidence DIR' : name[mode], b: '--security-hub' }));
  if (saved && flags.saveEvidence !== undefined) throw new InputError(msg('notTogether', { a: '--evidence DIR', b: '--save-evidence' }));
  if (saved) return { kind: 'saved', dir: flags.evidence as string };
  if (mode === undefined) return null;
  if (flags.saveEvidence !== undefined && existsSync(flags.saveEvidence) && !statSync(flags.saveEvidence).isDirectory()) {
    throw new InputError(msg('saveEvidenceDir', { path: flags.saveEvidence }));
  }
  const externalId = flags.externalId === undefined ? undefined : checkExternalId('--external-id', flags.externalId);
  if (mode === 'roleArn') {
    const roleArn = checkRoleArn('--role-arn', flags.roleArn as string);
    return { kind: 'live', concurrency, specs: () => [{ kind: 'account', chain: [{ roleArn, ...(externalId ? { externalId } : {}) }] }] };
  }
  if (mode === 'targets') {
    const path = flags.targets as string;
    return { kind: 'live', concurrency, specs: () => loadTargetsFile(path) };
  }
  const spec: TargetSpec = {
    kind: 'organization',
    via: [],
    roleName: flags.roleName === undefined ? DEFAULT_ROLE_NAME : checkRoleName('--role-name', flags.roleName),
    ...(externalId ? { externalId } : {}),
    filters: {
      ...(flags.accounts !== undefined ? { accounts: accountList('--accounts', flags.accounts) } : {}),
      ...(flags.excludeAccounts !== undefined ? { excludeAccounts: accountList('--exclude-accounts', flags.excludeAccounts) } : {}),
      ...(flags.ous !== undefined ? { ous: ouList('--ous', flags.ous) } : {}),
    },
  };
  return { kind: 'live', concurrency, specs: () => [spec] };
}

// The YAML reader and the schema load only when a targets file is given.
let loadTargetsFile: (path: string) => TargetSpec[] = () => [];
export async function prepareTargets(): Promise<void> {
  loadTargetsFile = (await import('../org/targets-file.js')).loadTargets;
}

function parseConcurrency(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isInteger(n) || n < 1 || n > MAX_CONCURRENCY) throw new InputError(msg('notInRange', { flag: '--concurrency', value, min: 1, max: MAX_CONCURRENCY }));
  return n;
}

/** A folder written by a many-account --save-evidence: it holds the scope file. */
export function isSavedScope(path: string): boolean {
  try {
    return statSync(path).isDirectory() && existsSync(join(path, SCOPE_FILE));
  } catch {
    return false;
  }
}

export interface ManyRun {
  result: ManyResult;
  source: 'aws' | 'evidence';
}

/** Progress of a many-account scan in words (a terminal only: the caller decides). */
export function manyProgress(event: ManyEvent): Message {
  if (event.type === 'accounts-started') return msg('orgStarted', { inScope: event.inScope, concurrency: event.concurrency });
  const eta = event.etaMs === null || event.done >= event.inScope ? 'none' : event.etaMs >= 60_000 ? `${Math.round(event.etaMs / 60_000)} min` : `${Math.ceil(event.etaMs / 1000)} s`;
  return msg('orgProgress', { done: event.done, inScope: event.inScope, failed: event.failed, eta });
}

/** Runs the live many-account scan: the caller's session, every target's job, N at a time. */
export async function runLive(mode: Extract<ManyMode, { kind: 'live' }>, flags: ManyFlags, io: { env: NodeJS.ProcessEnv }, scan: ScanOptions, onEvent: (e: ManyEvent) => void): Promise<ManyResult> {
  if (flags.targets !== undefined) await prepareTargets();
  const specs = mode.specs();
  const [live, { rateLimiter }, { planTargets }, { fullGc }] = await Promise.all([import('../collect/live.js'), import('../org/rate-limit.js'), import('../org/live-scan.js'), import('../org/full-gc.js')]);
  const rateLimit = rateLimiter();
  const base = await live.openSession({ profile: flags.profile, region: flags.region, endpoint: flags.endpointUrl, env: io.env });
  const plan = await planTargets(specs, { base: { ...base, rateLimit }, scan, flags: { ous: '--ous', accounts: '--accounts' } });
  try {
    const saveDir = flags.saveEvidence;
    if (saveDir !== undefined) mkdirSaved(saveDir);
    // A file that cannot be written is the user's to fix (exit 2), not a reason to call the account not assessed.
    let writeError: unknown;
    const save = (s: AccountScanWithEvidence) => {
      if (writeError !== undefined || saveDir === undefined) return;
      try {
        saveAccount(saveDir, s);
      } catch (error) {
        writeError = error;
      }
    };
    // A stored scan keeps each account's evidence (for `rescan`), spooled compressed as it comes.
    const spool = (await import('./store-scan.js')).evidenceSpoolFor(flags);
    const onEvidence = saveDir !== undefined || spool ? (s: AccountScanWithEvidence) => (save(s), spool?.(s.evidence)) : undefined;
    const result = await scanMany(plan.jobs, plan.notAssessed, { concurrency: mode.concurrency, onEvent, collectGarbage: fullGc(), ...(onEvidence ? { onEvidence } : {}) });
    if (writeError !== undefined) throw writeError;
    if (saveDir !== undefined) saveScope(saveDir, result);
    return result;
  } finally {
    plan.sessions.destroy();
  }
}

/** Scans a saved folder back: every account file judged again, the not-assessed list as it was. */
export async function runSaved(dir: string, scan: ScanOptions, onEvent: (e: ManyEvent) => void, keep?: ((evidence: Evidence) => void) | null): Promise<ManyResult> {
  const scopePath = join(dir, SCOPE_FILE);
  const text = readInput(scopePath, '--evidence');
  const parsed = scopeSchema.safeParse(parseJsonText(text, scopePath), { reportInput: true });
  if (!parsed.success) {
    const issue = firstIssue(parsed.error);
    throw new InputError(msg('fileIssue', { what: '--evidence', path: scopePath, line: '', detail: issue.said }));
  }
  const files = new Set(readdirSync(dir));
  const jobs: AccountJob[] = parsed.data.accounts.map((a) => {
    const { id, partition, file, ...place } = a;
    if (!files.has(file)) throw new InputError(msg('savedFileMissing', { dir, file, scope: SCOPE_FILE }));
    return {
      id,
      partition,
      place: async () => place,
      run: async (p: AccountPlace) => {
        const evidence = loadEvidence(join(dir, file));
        if (evidence.account.id !== id) throw new InputError(msg('savedWrongAccount', { path: join(dir, file), found: evidence.account.id, expected: id }));
        return assessEvidence(evidence, { ...scan, onEvent: undefined, place: p });
      },
    };
  });
  // Input errors in a saved folder are the user's to fix, not a reason to mark an account not assessed.
  const known = parsed.data.notAssessed as NotAssessedAccount[];
  let inputError: InputError | undefined;
  const result = await scanMany(
    jobs.map((j) => ({ ...j, run: (p: AccountPlace) => j.run(p).catch((e: unknown) => { if (e instanceof InputError) inputError ??= e; throw e; }) })),
    known,
    { concurrency: 1, onEvent, collectGarbage: (await import('../org/full-gc.js')).fullGc(), ...(keep ? { onEvidence: (s: AccountScanWithEvidence) => keep(s.evidence) } : {}) },
  );
  if (inputError) throw inputError;
  return result;
}

const ouStep = z.strictObject({ id: z.string(), name: z.string() });
const placeFields = { name: z.string().nullable(), email: z.string().nullable(), ouPath: z.array(ouStep).nullable(), via: z.string().nullable() };
const message: z.ZodType<Message> = z.lazy(() => z.strictObject({ id: z.string(), params: z.record(z.string(), z.unknown()) })) as unknown as z.ZodType<Message>;
const scopeSchema = z.strictObject({
  schema: z.literal(SCOPE_SCHEMA),
  accounts: z.array(z.strictObject({ id: z.string().regex(/^\d{12}$/), partition: z.string(), file: z.string().regex(/^\d{12}\.evidence\.json$/), ...placeFields })),
  notAssessed: z.array(z.strictObject({ id: z.string().regex(/^\d{12}$/), partition: z.string().nullable(), code: z.string(), reason: message, ...placeFields })),
});

function mkdirSaved(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    throw new InputError(msg('cannotWrite', { flag: '--save-evidence', path: dir, code: (error as NodeJS.ErrnoException).code ?? String(error) }));
  }
}

/** One account's evidence, written whole (a temporary file renamed) as soon as it is collected. */
function saveAccount(dir: string, scan: AccountScanWithEvidence): void {
  const path = join(dir, `${scan.account.id}.evidence.json`);
  writeWhole(path, serializeEvidence(scan.evidence));
}

function saveScope(dir: string, result: ManyResult): void {
  const scope = {
    schema: SCOPE_SCHEMA,
    accounts: result.scans.map(({ account: a }) => ({ id: a.id, partition: a.partition, file: `${a.id}.evidence.json`, name: a.name, email: a.email, ouPath: a.ouPath, via: a.via })),
    notAssessed: result.notAssessed,
  };
  writeWhole(join(dir, SCOPE_FILE), `${JSON.stringify(scope, null, 2)}\n`);
}

function writeWhole(path: string, text: string): void {
  const temp = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(temp, text);
    renameSync(temp, path);
  } catch (error) {
    throw new InputError(msg('cannotWrite', { flag: '--save-evidence', path, code: (error as NodeJS.ErrnoException).code ?? String(error) }));
  }
}
