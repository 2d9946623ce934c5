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

export function versionContent(f: Finding, ctx: AccountContext): VersionContent {
  return {
    status: f.status,
    severity: f.severity,
    partition: f.partition,
    region: f.region,
    resource: f.resource,
    messageId: f.messageId,
    params: f.params,
    evidence: encodeRefs(f.evidence, ctx),
    compliance: f.compliance,
    muted: f.muted,
    muteReason: f.muteReason,
  };
}

export const contentHash = (text: string): string => hash('sha256', text, 'hex').slice(0, 32);

export const statusRank = (s: string): number => STATUSES.indexOf(s as Status);
export const severityRank = (s: string): number => SEVERITIES.indexOf(s as Severity);

/** What the free-text filter searches, lower-cased. */
export function searchText(id: string, accountId: string, checkId: string, c: VersionContent): string {
  return [id, accountId, checkId, c.resource.name, c.resource.arn, c.messageId, JSON.stringify(c.params)].join('\n').toLowerCase();
}

export function findingFrom(id: string, accountId: string, checkId: string, c: VersionContent, evidence: EvidenceRef[]): Finding {
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
    params: c.params,
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
