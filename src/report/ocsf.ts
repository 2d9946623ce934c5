import type { RenderedFinding, ScanResult } from '../engine/result.js';
import { interpolate } from '../engine/text.js';
import type { Lang, Severity } from '../engine/types.js';
import type { ReportOptions } from './options.js';
import type { OuStep } from '../record/record.js';
import { accountIndex, isManyAccounts } from './accounts.js';
import { jsonArrayChunks } from './chunks.js';
import { ACCOUNT_TEXT } from './labels.js';

// OCSF Detection Finding (class 2004, category 2 Findings), schema 1.3.0 (schema.ocsf.io), one
// event per finding, as a JSON array. Enum captions (severity, status, activity) are OCSF's own
// English words in every language; the texts (title, message, remediation) follow the result.
//
// OCSF 1.3.0 gives Detection Finding no `compliance` attribute (that object belongs to class 2003,
// Compliance Finding), so the framework mappings travel in `unmapped.compliance` with our other
// extras, as OCSF asks for source data that has no place of its own.

export const OCSF_VERSION = '1.3.0';
const CLASS_UID = 2004;
const ACTIVITY_CREATE = 1;
/** The class and activity every event here has: a Detection Finding, created. */
const DETECTION_FINDING_CREATED = {
  activity_id: ACTIVITY_CREATE,
  activity_name: 'Create',
  category_uid: 2,
  category_name: 'Findings',
  class_uid: CLASS_UID,
  class_name: 'Detection Finding',
  type_uid: CLASS_UID * 100 + ACTIVITY_CREATE,
  type_name: 'Detection Finding: Create',
} as const;

const SEVERITY_ID = { info: 1, low: 2, medium: 3, high: 4, critical: 5 } as const satisfies Record<Severity, number>;
const SEVERITY_CAPTION = { info: 'Informational', low: 'Low', medium: 'Medium', high: 'High', critical: 'Critical' } as const satisfies Record<Severity, string>;
const STATUS_NEW = { id: 1, caption: 'New' } as const;
const STATUS_SUPPRESSED = { id: 3, caption: 'Suppressed' } as const;
/** OCSF account type_id 10: "AWS Account". */
const AWS_ACCOUNT = { type_id: 10, type: 'AWS Account' } as const;

export const OCSF_TEXT = {
  en: { cli: 'Command: {cli}' },
  nl: { cli: 'Commando: {cli}' },
} as const satisfies Record<Lang, Record<string, string>>;

/** The finding type, in the namespace/category form AWS Security Hub also uses. */
const FINDING_TYPE = 'Software and Configuration Checks/AWS Security Best Practices';

export function renderOcsf(result: ScanResult, options: ReportOptions): string {
  return [...ocsfChunks(result, options)].join('');
}

/** renderOcsf's text in pieces: a 1,000-account scan's events are more than one string can hold. */
export function* ocsfChunks(result: ScanResult, options: ReportOptions): Generator<string, void, undefined> {
  const count = result.findings.length + result.notAssessed.length;
  yield* jsonArrayChunks(ocsfEvents(result, options), count > 1000 ? undefined : 2);
  yield '\n';
}

/** The events one by one: finding events, then one per account that could not be assessed. */
function* ocsfEvents(result: ScanResult, options: ReportOptions): Generator<object, void, undefined> {
  const lang: Lang = result.scan.lang;
  const byId = accountIndex(result);
  const many = isManyAccounts(result);
  const coverage = { assessed: result.coverage.assessed, in_scope: result.coverage.inScope };
  const time = Date.parse(result.scan.finishedAt);
  const product = { name: 'aws-lockdown', vendor_name: 'aws-lockdown', version: result.tool.version, lang };

  for (const f of result.findings) {
    const account = byId.get(f.accountId);
    const status = f.muted ? STATUS_SUPPRESSED : STATUS_NEW;
    const observed = f.evidence.observedAt ? Date.parse(f.evidence.observedAt) : null;
    yield {
      ...DETECTION_FINDING_CREATED,
      severity_id: SEVERITY_ID[f.severity],
      severity: SEVERITY_CAPTION[f.severity],
      status_id: status.id,
      status: status.caption,
      status_code: f.status,
      ...(f.muted && f.muteReason ? { status_detail: f.muteReason } : {}),
      time,
      message: f.message,
      finding_info: {
        uid: f.id,
        title: f.title,
        desc: f.message,
        types: [FINDING_TYPE],
        created_time: time,
        ...(observed !== null ? { last_seen_time: observed } : {}),
      },
      metadata: { version: OCSF_VERSION, product, event_code: f.checkId, profiles: ['cloud'] },
      cloud: {
        provider: 'AWS',
        account: { uid: f.accountId, ...(account?.name ? { name: account.name } : {}), ...AWS_ACCOUNT },
        ...(account?.ouPath ? { org: org(account.ouPath) } : {}),
        // IAM is global ('global' in our findings); OCSF wants a real region, so the scan's.
        region: f.region === 'global' ? options.region : f.region,
      },
      resources: [{ uid: f.resource.arn, name: f.resource.name, type: f.resource.type, region: f.region, cloud_partition: f.partition }],
      ...(f.remediation ? { remediation: remediation(f.remediation, lang) } : {}),
      unmapped: {
        message_id: f.messageId,
        muted: f.muted,
        mute_reason: f.muteReason,
        compliance: f.compliance,
        evidence: { source: f.evidence.source, observed_at: f.evidence.observedAt, action: f.evidence.action, parts: f.evidence.parts },
        credential_report_generated_at: account?.credentialReportGeneratedAt ?? null,
        // iam, fileModified (a console CSV's file time) or newestEntry (its newest date): issue 10.
        credential_report_time_source: account?.credentialReportTimeSource ?? null,
        scan_id: result.scan.id,
        ...(account?.ouPath ? { ou_path: account.ouPath } : {}),
        ...(many ? { scan_coverage: coverage } : {}),
      },
    };
  }
  // An account that could not be assessed is a finding of its own: status_code ERROR, with why.
  for (const n of result.notAssessed) {
    yield {
      ...DETECTION_FINDING_CREATED,
      severity_id: 0,
      severity: 'Unknown',
      status_id: STATUS_NEW.id,
      status: STATUS_NEW.caption,
      status_code: 'ERROR',
      status_detail: n.reason.code,
      time,
      message: n.reason.message,
      finding_info: { uid: `not-assessed/${n.partition ?? 'aws'}/${n.id}`, title: ACCOUNT_TEXT[lang].notAssessedTitle, desc: n.reason.message, types: [FINDING_TYPE], created_time: time },
      metadata: { version: OCSF_VERSION, product, event_code: 'account-not-assessed', profiles: ['cloud'] },
      cloud: { provider: 'AWS', account: { uid: n.id, ...(n.name ? { name: n.name } : {}), ...AWS_ACCOUNT }, ...(n.ouPath ? { org: org(n.ouPath) } : {}), region: options.region },
      resources: [{ uid: `arn:${n.partition ?? 'aws'}:iam::${n.id}:root`, name: n.id, type: 'AwsAccount', ...(n.partition ? { cloud_partition: n.partition } : {}) }],
      unmapped: { assessed: false, reason_code: n.reason.code, via: n.via, scan_id: result.scan.id, ...(n.ouPath ? { ou_path: n.ouPath } : {}), scan_coverage: coverage },
    };
  }
}

/**
 * OCSF's Organization object: the account's own OU (the last on its path; the organisation root
 * when it sits directly under it). The whole path, root down, is in unmapped.ou_path.
 */
function org(path: readonly OuStep[]): { ou_uid?: string; ou_name: string } {
  const ou = path[path.length - 1];
  return ou ? { ou_uid: ou.id, ou_name: ou.name } : { ou_name: 'Root' };
}

function remediation(r: NonNullable<RenderedFinding['remediation']>, lang: Lang) {
  const desc = [r.summary, ...r.steps.map((s, i) => `${i + 1}. ${s}`), ...(r.cli ? [interpolate(OCSF_TEXT[lang].cli, { cli: r.cli })] : [])].join('\n');
  // The console links in the steps are the references OCSF asks for.
  const references = [...new Set(r.steps.flatMap((s) => s.match(/https:\/\/[^\s)"'<>]+/g) ?? []))].map((u) => u.replace(/[.,;:]+$/, ''));
  return { desc, ...(references.length ? { references } : {}) };
}
