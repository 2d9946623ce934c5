import { hash } from 'node:crypto';
import { SEVERITIES, STATUSES, type EvidenceRef, type Finding, type Severity, type Status } from '../engine/types.js';
import type { AccountRecord, EvidenceStatus } from '../record/record.js';
import type { StoredSummary } from './types.js';

// How a finding is split into what never changes (its id, account, check: `findings`) and what
// may (`finding_versions.content`), and put back together. Evidence references are kept as part
// names when the account's entry in the scan says the same (source, time, action): the time moves
// every scan, the part name does not, so an unchanged finding keeps its version.

/** A reference the account entry can give back: just the part name; anything else is kept whole. */
export type StoredRef = string | EvidenceRef;

export interface VersionContent {
  status: Status;
  severity: Severity;
  partition: Finding['partition'];
  region: string;
  resource: Finding['resource'];
  messageId: string;
  params: Finding['params'];
  evidence: StoredRef[];
  compliance: Finding['compliance'];
  muted: boolean;
  muteReason: string | null;
  /**
   * Numbers in params that count days from the collection time (a key's age, a certificate's days
   * to expiry): stored minus (sign × the collection day), so a credential that only grows older
   * keeps its version. Absent when none.
   */
  ages?: AgeMark[];
}

/** Path to a number inside params, and +1 (grows with the collection day) or -1 (shrinks). */
export type AgeMark = [path: (string | number)[], sign: 1 | -1];

/** Whole days since the epoch of an ISO time (UTC). */
export const dayIndex = (iso: string): number => Math.floor(Date.parse(iso) / 86_400_000) || 0;

type Tree = Record<string | number, unknown>;

function numberLeaves(value: unknown, path: (string | number)[] = [], out: [(string | number)[], number][] = []): [(string | number)[], number][] {
  if (typeof value === 'number') out.push([path, value]);
  else if (Array.isArray(value)) value.forEach((v, i) => numberLeaves(v, [...path, i], out));
  else if (typeof value === 'object' && value !== null) for (const [k, v] of Object.entries(value)) numberLeaves(v, [...path, k], out);
  return out;
}

function at(value: unknown, path: readonly (string | number)[]): unknown {
  let v = value;
  for (const key of path) v = typeof v === 'object' && v !== null ? (v as Tree)[key] : undefined;
  return v;
}

/**
 * Adds sign × delta to each marked number (marks whose leaf is not a number are left alone). Only
 * the objects on a marked path are copied (loading a scan shifts thousands of findings' params).
 */
function shiftParams(params: Finding['params'], ages: readonly AgeMark[], delta: number): Finding['params'] {
  const copied = new Set<unknown>();
  const own = (value: unknown): unknown => {
    if (typeof value !== 'object' || value === null || copied.has(value)) return value;
    const copy = Array.isArray(value) ? [...(value as unknown[])] : { ...(value as Tree) };
    copied.add(copy);
    return copy;
  };
  const root = own(params);
  for (const [path, sign] of ages) {
    let parent = root;
    for (const key of path.slice(0, -1)) {
      if (typeof parent !== 'object' || parent === null) break;
      const child = own((parent as Tree)[key]);
      (parent as Tree)[key] = child;
      parent = child;
    }
    const key = path[path.length - 1] as string | number;
    if (typeof parent === 'object' && parent !== null && typeof (parent as Tree)[key] === 'number') (parent as Tree)[key] = ((parent as Tree)[key] as number) + sign * delta;
  }
  return root as Finding['params'];
}

/** The numbers that moved with the collection day between a finding's previous scan and this one. */
export function detectAges(params: Finding['params'], previous: Finding['params'], day: number, previousDay: number): AgeMark[] {
  const step = day - previousDay;
  if (step === 0) return [];
  const marks: AgeMark[] = [];
  for (const [path, value] of numberLeaves(params)) {
    const before = at(previous, path);
    if (typeof before !== 'number') continue;
    if (value - before === step) marks.push([path, 1]);
    else if (value - before === -step) marks.push([path, -1]);
  }
  return marks;
}

/** A version's params as a scan on `day` has them. */
export function paramsOn(c: VersionContent, day: number): Finding['params'] {
  return c.ages?.length ? shiftParams(c.params, c.ages, day) : c.params;
}

/** The version as it reads on `day`, without age marks: equal JSON means the same finding content. */
export function plainOn(c: VersionContent, day: number): VersionContent {
  return makeContent({ ...c, params: paramsOn(c, day) }, []);
}

export interface AccountContext {
  evidence: Record<string, EvidenceStatus>;
  collectedAt: string;
}

export function accountContext(entry: AccountRecord): AccountContext {
  return { evidence: entry.evidence ?? {}, collectedAt: entry.collectedAt };
}

function derivable(ref: EvidenceRef, ctx: AccountContext): boolean {
  const status = ctx.evidence[ref.part];
  if (status === undefined) return ref.source === 'config' && ref.part.startsWith('config.') && ref.observedAt === ctx.collectedAt && ref.action === undefined;
  return !('error' in status) && status.source === ref.source && status.observedAt === ref.observedAt && (status.action ?? undefined) === (ref.action ?? undefined);
}

export function encodeRefs(refs: readonly EvidenceRef[], ctx: AccountContext): StoredRef[] {
  return refs.map((ref) => (derivable(ref, ctx) ? ref.part : JSON.parse(JSON.stringify(ref)) as EvidenceRef));
}

export function decodeRefs(refs: readonly StoredRef[], ctx: AccountContext): EvidenceRef[] {
  return refs.map((ref) => {
    if (typeof ref !== 'string') return ref;
    const status = ctx.evidence[ref];
    if (status === undefined || 'error' in status) return { part: ref, source: 'config', observedAt: ctx.collectedAt };
    return status.action === null || status.action === undefined
      ? { part: ref, source: status.source as EvidenceRef['source'], observedAt: status.observedAt }
      : { part: ref, source: status.source as EvidenceRef['source'], action: status.action, observedAt: status.observedAt };
  });
}

function makeContent(c: Omit<VersionContent, 'ages'>, ages: readonly AgeMark[]): VersionContent {
  const content: VersionContent = {
    status: c.status,
    severity: c.severity,
    partition: c.partition,
    region: c.region,
    resource: c.resource,
    messageId: c.messageId,
    params: c.params,
    evidence: c.evidence,
    compliance: c.compliance,
    muted: c.muted,
    muteReason: c.muteReason,
  };
  if (ages.length) content.ages = [...ages];
  return content;
}

/** What a finding stores as its version; with age marks, params are kept relative to `day`. */
export function versionContent(f: Finding, ctx: AccountContext, ages: readonly AgeMark[] = [], day = 0): VersionContent {
  const params = ages.length ? shiftParams(f.params, ages, -day) : f.params;
  return makeContent({ ...f, params, evidence: encodeRefs(f.evidence, ctx) }, ages);
}

/**
 * JSON.stringify(versionContent(f, ctx)) for a finding without age marks, built faster: a check's
 * findings share their evidence list and compliance object, so those are written once per scan.
 */
export function contentTexter(ctx: AccountContext): (f: Finding) => string {
  const shared = new Map<object, string>();
  const once = (value: object, make: () => string) => {
    let text = shared.get(value);
    if (text === undefined) shared.set(value, (text = make()));
    return text;
  };
  return (f) =>
    `{"status":${JSON.stringify(f.status)},"severity":${JSON.stringify(f.severity)},"partition":${JSON.stringify(f.partition)},"region":${JSON.stringify(f.region)},` +
    `"resource":${JSON.stringify(f.resource)},"messageId":${JSON.stringify(f.messageId)},"params":${JSON.stringify(f.params)},` +
    `"evidence":${once(f.evidence, () => JSON.stringify(encodeRefs(f.evidence, ctx)))},"compliance":${once(f.compliance, () => JSON.stringify(f.compliance))},` +
    `"muted":${JSON.stringify(f.muted)},"muteReason":${JSON.stringify(f.muteReason)}}`;
}

export const contentHash = (text: string): string => hash('sha256', text, 'hex').slice(0, 32);

export const statusRank = (s: string): number => STATUSES.indexOf(s as Status);
export const severityRank = (s: string): number => SEVERITIES.indexOf(s as Severity);

/** What the free-text filter searches, lower-cased. */
export function searchText(id: string, accountId: string, checkId: string, c: Pick<VersionContent, 'resource' | 'messageId' | 'params'>): string {
  return [id, accountId, checkId, c.resource.name, c.resource.arn, c.messageId, JSON.stringify(c.params)].join('\n').toLowerCase();
}

export function findingFrom(id: string, accountId: string, checkId: string, c: VersionContent, evidence: EvidenceRef[], day: number): Finding {
  return {
    id,
    checkId,
    status: c.status,
    severity: c.severity,
    accountId,
    partition: c.partition,
    region: c.region,
    resource: c.resource,
    messageId: c.messageId,
    params: paramsOn(c, day),
    evidence,
    compliance: c.compliance,
    muted: c.muted,
    muteReason: c.muteReason,
  };
}

export function emptySummary(): StoredSummary {
  return {
    byStatus: Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>,
    bySeverity: Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>,
    muted: 0,
    total: 0,
  };
}

/** Counts like the result's summary: bySeverity counts unmuted FAIL findings. */
export function summarize(findings: readonly Pick<Finding, 'status' | 'severity' | 'muted'>[], into = emptySummary()): StoredSummary {
  for (const f of findings) {
    into.total++;
    into.byStatus[f.status]++;
    if (f.muted) into.muted++;
    else if (f.status === 'FAIL') into.bySeverity[f.severity]++;
  }
  return into;
}

export function addSummary(into: StoredSummary, s: StoredSummary): StoredSummary {
  into.total += s.total;
  into.muted += s.muted;
  for (const k of STATUSES) into.byStatus[k] += s.byStatus[k];
  for (const k of SEVERITIES) into.bySeverity[k] += s.bySeverity[k];
  return into;
}
