import { randomUUID } from 'node:crypto';
import type { Evidence } from '../evidence/schema.js';
import { VERSION } from '../version.js';
import type { Check } from './check.js';
import type { MutelistReport } from './mutelist.js';
import { resourceFactory } from './resources.js';
import { formatMessage } from '../i18n/index.js';
import { commonText, engineMessages, interpolate, type EngineMessageId } from './text.js';
import { SEVERITIES, STATUSES, type Finding, type Lang, type Severity, type Status } from './types.js';

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

export interface ScanResult {
  schemaVersion: 1;
  tool: { name: 'aws-lockdown'; version: string };
  scan: { id: string; startedAt: string; finishedAt: string; source: 'aws' | 'evidence' | 'demo'; lang: Lang; statusFilter: Status[] | null };
  accounts: {
    id: string;
    partition: string;
    collectedAt: string;
    collector: string;
    credentialReportGeneratedAt: string | null;
    /** The AWS console of the account's partition. */
    consoleUrl: string;
    /** Every evidence part: where it came from and when, or why it could not be read. */
    evidence: Record<string, { source: string; observedAt: string; action: string | null } | { error: { code: string; message: string; action: string | null } }>;
  }[];
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

export interface ResultOptions {
  lang: Lang;
  source: ScanResult['scan']['source'];
  startedAt: Date;
  checks: ReadonlyMap<string, Check>;
  mutelist?: MutelistReport | null;
  /** Only these statuses are listed; the summary still counts every finding. */
  statusFilter?: Status[] | null;
}

/** Puts findings into words in one language and adds the summary (SPEC §6). */
export function buildResult(evidence: Evidence, findings: Finding[], options: ResultOptions): ScanResult {
  const { lang, checks } = options;
  const resources = resourceFactory(evidence.account.id, evidence.account.partition);
  const consoleUrl = resources.consoleUrl();
  const report = evidence.parts.credentialReport;

  const byStatus = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
  const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  const bySeverityAndStatus = Object.fromEntries(SEVERITIES.map((sev) => [sev, { ...byStatus }])) as Record<Severity, Record<Status, number>>;
  let muted = 0;
  for (const f of findings) {
    byStatus[f.status]++;
    bySeverityAndStatus[f.severity][f.status]++;
    if (f.muted) muted++;
    // bySeverity counts what needs fixing: unmuted FAIL findings.
    else if (f.status === 'FAIL') bySeverity[f.severity]++;
  }

  const evidenceOf = new Map<Finding['evidence'], RenderedFinding['evidence']>();
  const renderEvidence = (refs: Finding['evidence']) => {
    let rendered = evidenceOf.get(refs);
    if (!rendered) {
      const primary = refs[0];
      rendered = { source: primary?.source ?? 'none', observedAt: primary?.observedAt ?? null, action: primary?.action ?? null, parts: refs.map((r) => r.part) };
      evidenceOf.set(refs, rendered);
    }
    return rendered;
  };

  const listed = options.statusFilter ? findings.filter((f) => options.statusFilter?.includes(f.status)) : findings;
  const rendered = listed.map((f): RenderedFinding => {
    const check = checks.get(f.checkId);
    if (!check) throw new Error(`no check ${f.checkId} in the registry`);
    const texts = check.text[lang];
    const vars = { accountId: f.accountId, partition: f.partition, region: f.region, resourceName: f.resource.name, resourceArn: f.resource.arn, consoleUrl };
    const template = f.messageId.startsWith('engine.')
      ? engineMessages[lang][f.messageId as EngineMessageId]
      : (texts.messages as Record<string, string>)[f.messageId];
    if (template === undefined) throw new Error(`check ${f.checkId} has no text for message ${f.messageId}`);
    const actionable = f.status === 'FAIL' || f.status === 'ERROR' || f.status === 'MANUAL';
    return {
      id: f.id,
      checkId: f.checkId,
      status: f.status,
      severity: f.severity,
      accountId: f.accountId,
      partition: f.partition,
      region: f.region,
      resource: f.resource,
      title: texts.title,
      message: formatMessage(lang, template, { ...f.params, ...vars }),
      messageId: f.messageId,
      muted: f.muted,
      muteReason: f.muteReason,
      evidence: renderEvidence(f.evidence),
      compliance: f.compliance,
      remediation: actionable ? remediation(check, lang, vars) : null,
    };
  });

  return {
    schemaVersion: 1,
    tool: { name: 'aws-lockdown', version: VERSION },
    scan: {
      id: randomUUID(),
      startedAt: options.startedAt.toISOString(),
      finishedAt: new Date().toISOString(),
      source: options.source,
      lang,
      statusFilter: options.statusFilter ?? null,
    },
    accounts: [
      {
        id: evidence.account.id,
        partition: evidence.account.partition,
        collectedAt: evidence.collectedAt.toISOString(),
        collector: evidence.collector,
        credentialReportGeneratedAt: report.ok ? report.data.generatedTime.toISOString() : null,
        consoleUrl,
        evidence: evidenceSummary(evidence),
      },
    ],
    checks: checkSummaries(findings, checks, lang),
    findings: rendered,
    summary: { byStatus, bySeverity, bySeverityAndStatus, muted },
    mutelist: options.mutelist ?? null,
  };
}

function remediation(check: Check, lang: Lang, vars: Record<string, string | number>): NonNullable<RenderedFinding['remediation']> {
  const texts = check.text[lang];
  const steps = texts.fixSteps.map((s) => interpolate(s, vars));
  if (check.rootOnly) steps.unshift(commonText[lang].rootOnly);
  return {
    summary: interpolate(texts.fixSummary, vars),
    steps,
    cli: check.text.cli ? interpolate(check.text.cli, vars) : null,
    rootOnly: check.rootOnly ?? false,
  };
}

function evidenceSummary(evidence: Evidence): ScanResult['accounts'][number]['evidence'] {
  const entries = [...Object.entries(evidence.parts), ...Object.entries(evidence.accessAnalyzers).map(([region, part]) => [`accessAnalyzers.${region}`, part] as const)];
  return Object.fromEntries(
    entries.map(([name, part]) => [
      name,
      part.ok
        ? { source: part.source, observedAt: part.observedAt.toISOString(), action: part.action ?? null }
        : { error: { code: part.error.code, message: part.error.message, action: part.error.action ?? null } },
    ]),
  );
}

function checkSummaries(findings: Finding[], checks: ReadonlyMap<string, Check>, lang: Lang): Record<string, CheckSummary> {
  const out: Record<string, CheckSummary> = {};
  for (const f of findings) {
    if (out[f.checkId]) continue;
    const check = checks.get(f.checkId) as Check;
    const t = check.text[lang];
    out[f.checkId] = {
      title: t.title,
      severity: check.severity,
      resourceType: check.resourceType,
      risk: t.risk,
      fixSummary: t.fixSummary,
      fixSteps: check.rootOnly ? [commonText[lang].rootOnly, ...t.fixSteps] : t.fixSteps,
      cli: check.text.cli ?? null,
      rootOnly: check.rootOnly ?? false,
      compliance: f.compliance,
    };
  }
  return out;
}
