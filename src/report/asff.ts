import type { RenderedFinding, ScanResult } from '../engine/result.js';
import { interpolate } from '../engine/text.js';
import type { Lang, ResourceType, Severity, Status } from '../engine/types.js';
import type { Partition } from '../evidence/schema.js';
import type { ReportOptions } from './options.js';
import { isManyAccounts, ouPathText } from './accounts.js';
import { jsonArrayChunks } from './chunks.js';

// AWS Security Finding Format (ASFF) for Security Hub's BatchImportFindings. Which statuses are
// exported, and how (every status is; Security Hub has no notion of "not listed"):
// - FAIL, ERROR, MANUAL: ACTIVE, Workflow NEW, Compliance FAILED / NOT_AVAILABLE / WARNING.
// - PASS: ACTIVE, Compliance PASSED, Severity INFORMATIONAL (as Security Hub's own passed control
//   findings), Workflow RESOLVED. Re-importing the same Id with PASSED is how an earlier FAILED
//   finding gets closed: BatchImportFindings only honours Workflow when it creates a finding
//   (afterwards Workflow belongs to the customer), but Compliance, Severity and Description update.
// - NOT_APPLICABLE: ARCHIVED (hidden by default, and an earlier FAIL on, say, a root user whose
//   credentials were removed is archived with it), Compliance NOT_AVAILABLE — never PASSED (SPEC §1.1).
// - muted (any status): Workflow SUPPRESSED, still ACTIVE (muted findings stay visible, flagged).
// Severity and Types are also sent as FindingProviderFields: the fields a finding provider
// should update them through once customers may have changed the top-level ones.

/** The ASFF fields this reporter emits (test/fixtures/schemas/asff.json checks them). */
export interface AsffFinding {
  SchemaVersion: '2018-10-08';
  Id: string;
  ProductArn: string;
  ProductName: string;
  CompanyName: string;
  GeneratorId: string;
  AwsAccountId: string;
  Types: string[];
  CreatedAt: string;
  UpdatedAt: string;
  Severity: { Label: AsffSeverity; Original: string };
  Title: string;
  Description: string;
  Remediation?: { Recommendation: { Text: string } };
  Resources: { Type: string; Id: string; Partition: Partition; Region: string; Details?: { Other: Record<string, string> } }[];
  Compliance: { Status: AsffCompliance; RelatedRequirements?: string[] };
  Workflow: { Status: 'NEW' | 'RESOLVED' | 'SUPPRESSED' };
  RecordState: 'ACTIVE' | 'ARCHIVED';
  FindingProviderFields: { Severity: { Label: AsffSeverity; Original: string }; Types: string[] };
  ProductFields: Record<string, string>;
}

type AsffSeverity = 'CRITICAL' | 'HIGH' | 'MEDIUM' | 'LOW' | 'INFORMATIONAL';
type AsffCompliance = 'PASSED' | 'FAILED' | 'WARNING' | 'NOT_AVAILABLE';

/** Security Hub's field limits (AwsSecurityFinding in the API reference). */
export const ASFF_LIMITS = { title: 256, description: 1024, recommendation: 512, relatedRequirements: 32, productFields: 50, productFieldValue: 2048 } as const;

export const ASFF_TEXT = {
  en: {
    evidence: 'Evidence: {source}, observed {observedAt}.',
    evidenceUnknown: 'Evidence: {source}.',
    muted: 'Muted: {reason}',
    command: 'Command: {cli}',
  },
  nl: {
    evidence: 'Bewijs: {source}, waargenomen {observedAt}.',
    evidenceUnknown: 'Bewijs: {source}.',
    muted: 'Gedempt: {reason}',
    command: 'Commando: {cli}',
  },
} as const satisfies Record<Lang, Record<string, string>>;

const SEVERITY_LABEL = { critical: 'CRITICAL', high: 'HIGH', medium: 'MEDIUM', low: 'LOW', info: 'INFORMATIONAL' } as const satisfies Record<Severity, AsffSeverity>;

const COMPLIANCE_STATUS = { FAIL: 'FAILED', ERROR: 'NOT_AVAILABLE', MANUAL: 'WARNING', PASS: 'PASSED', NOT_APPLICABLE: 'NOT_AVAILABLE' } as const satisfies Record<Status, AsffCompliance>;

const WORKFLOW_STATUS = { FAIL: 'NEW', ERROR: 'NEW', MANUAL: 'NEW', PASS: 'RESOLVED', NOT_APPLICABLE: 'RESOLVED' } as const satisfies Record<Status, AsffFinding['Workflow']['Status']>;

const RECORD_STATE = { FAIL: 'ACTIVE', ERROR: 'ACTIVE', MANUAL: 'ACTIVE', PASS: 'ACTIVE', NOT_APPLICABLE: 'ARCHIVED' } as const satisfies Record<Status, AsffFinding['RecordState']>;

/** Whether the check's severity stands; a pass or a not-applicable is informational. */
const KEEPS_SEVERITY = { FAIL: true, ERROR: true, MANUAL: true, PASS: false, NOT_APPLICABLE: false } as const satisfies Record<Status, boolean>;

// ASFF resource types that exist; the account-level things (root user, password policy, contacts)
// are about the account, as in Security Hub's own IAM.x and Account.x findings.
const RESOURCE_TYPE = {
  AwsAccount: 'AwsAccount',
  AwsAccountRoot: 'AwsAccount',
  AwsIamPasswordPolicy: 'AwsAccount',
  AwsAccountContact: 'AwsAccount',
  AwsIamUser: 'AwsIamUser',
  AwsIamPolicy: 'AwsIamPolicy',
  AwsIamRole: 'AwsIamRole',
  AwsIamServerCertificate: 'Other',
  AwsAccessAnalyzerRegion: 'Other',
  AwsOrganization: 'Other',
} as const satisfies Record<ResourceType, string>;

// Types must be `namespace[/category[/classifier]]` with one of Security Hub's five namespaces.
const BEST_PRACTICES = 'Software and Configuration Checks/AWS Security Best Practices';
const CIS = 'Software and Configuration Checks/Industry and Regulatory Standards/CIS AWS Foundations Benchmark';

/** How a framework is named in Compliance.RelatedRequirements (`<name>/<item>`). */
const REQUIREMENT_PREFIX: Record<string, string> = {
  'cis-aws-v5.0.0': 'CIS AWS Foundations v5.0.0',
  'cis-aws-v3.0.0': 'CIS AWS Foundations v3.0.0',
  'aws-securityhub': 'AWS Security Hub',
  'aws-config': 'AWS Config',
};

/** The findings as ASFF objects, in the result's order; what `--security-hub` imports. */
export function asffFindings(result: ScanResult, options: Pick<ReportOptions, 'region' | 'compliance'>): AsffFinding[] {
  return [...eachAsffFinding(result, options)];
}

/** The ASFF findings one by one: a 1,000-account scan's are more than one JSON string can hold. */
export function* eachAsffFinding(result: ScanResult, options: Pick<ReportOptions, 'region' | 'compliance'>): Generator<AsffFinding, void, undefined> {
  const lang = result.scan.lang;
  const t = ASFF_TEXT[lang];
  const partitionOf = new Map(result.accounts.map((a) => [a.id, a.partition]));
  const collectedAt = new Map(result.accounts.map((a) => [a.id, a.collectedAt]));
  const region = options.region;
  const places = new Map(result.accounts.map((a) => [a.id, a]));
  for (const f of result.findings) {
    // The evidence schema admits only the three partitions (aws, aws-us-gov, aws-cn).
    const partition = (partitionOf.get(f.accountId) ?? f.partition) as Partition;
    const severity = { Label: KEEPS_SEVERITY[f.status] ? SEVERITY_LABEL[f.severity] : 'INFORMATIONAL', Original: f.severity } as const;
    const types = Object.keys(f.compliance).some((id) => id.startsWith('cis-aws-')) ? [BEST_PRACTICES, CIS] : [BEST_PRACTICES];
    const requirements = relatedRequirements(f, options.compliance);
    const description = [
      f.message,
      f.evidence.observedAt ? interpolate(t.evidence, { source: f.evidence.source, observedAt: f.evidence.observedAt }) : interpolate(t.evidenceUnknown, { source: f.evidence.source }),
      ...(f.muted ? [interpolate(t.muted, { reason: f.muteReason ?? '' })] : []),
    ].join('\n\n');
    const fix = f.remediation && (f.remediation.cli ? `${f.remediation.summary} ${interpolate(t.command, { cli: f.remediation.cli })}` : f.remediation.summary);
    yield {
      SchemaVersion: '2018-10-08',
      // The finding id hashes partition, account, check and resource (SPEC §1.4): the same on every
      // scan, so Security Hub updates the earlier finding instead of adding a second one.
      Id: `aws-lockdown/${f.id}`,
      ProductArn: `arn:${partition}:securityhub:${region}:${f.accountId}:product/${f.accountId}/default`,
      ProductName: 'aws-lockdown',
      CompanyName: 'aws-lockdown',
      GeneratorId: `aws-lockdown/${f.checkId}`,
      AwsAccountId: f.accountId,
      Types: types,
      CreatedAt: collectedAt.get(f.accountId) ?? result.scan.startedAt,
      UpdatedAt: result.scan.finishedAt,
      Severity: severity,
      Title: truncate(f.title, ASFF_LIMITS.title),
      Description: truncate(description, ASFF_LIMITS.description),
      ...(fix ? { Remediation: { Recommendation: { Text: truncate(fix, ASFF_LIMITS.recommendation) } } } : {}),
      Resources: [resource(f, partition, region)],
      Compliance: requirements.length ? { Status: COMPLIANCE_STATUS[f.status], RelatedRequirements: requirements } : { Status: COMPLIANCE_STATUS[f.status] },
      Workflow: { Status: f.muted ? 'SUPPRESSED' : WORKFLOW_STATUS[f.status] },
      RecordState: RECORD_STATE[f.status],
      FindingProviderFields: { Severity: { ...severity }, Types: [...types] },
      ProductFields: productFields(result, f, places.get(f.accountId)),
    };
  }
}

/** Above this many findings the array is compact, as the JSON reporter does (2.5 kB a finding indented). */
const INDENT_LIMIT = 1000;

/** A JSON array of ASFF findings: the body of `aws securityhub batch-import-findings --findings file://…`. */
export function renderAsff(result: ScanResult, options: ReportOptions): string {
  return [...asffChunks(result, options)].join('');
}

/** renderAsff's text in pieces, written one after another. */
export function* asffChunks(result: ScanResult, options: ReportOptions): Generator<string, void, undefined> {
  yield* jsonArrayChunks(eachAsffFinding(result, options), result.findings.length > INDENT_LIMIT ? undefined : 2);
  yield '\n';
}

function resource(f: RenderedFinding, partition: Partition, scanRegion: string): AsffFinding['Resources'][number] {
  const type = RESOURCE_TYPE[f.resource.type];
  // IAM is global: a global finding is placed in the region it is imported into.
  const region = f.resource.region ?? (f.region === 'global' ? scanRegion : f.region);
  const out: AsffFinding['Resources'][number] = { Type: type, Id: f.resource.arn, Partition: partition, Region: region };
  // "Other" says nothing about what the resource is: name it (several of these ARNs are synthetic).
  if (type === 'Other') out.Details = { Other: { Name: truncate(f.resource.name, 1024), Type: f.resource.type } };
  return out;
}

/** `--compliance` puts its framework first, so that the cap of 32 never drops it. */
function relatedRequirements(f: RenderedFinding, first: string | undefined): string[] {
  const out: string[] = [];
  const frameworks = Object.entries(f.compliance).sort(([a], [b]) => Number(b === first) - Number(a === first));
  for (const [framework, ids] of frameworks) {
    for (const id of ids) out.push(`${REQUIREMENT_PREFIX[framework] ?? framework}/${id}`);
  }
  return out.slice(0, ASFF_LIMITS.relatedRequirements);
}

function productFields(result: ScanResult, f: RenderedFinding, account?: ScanResult['accounts'][number]): Record<string, string> {
  const fields: Record<string, string | null> = {
    'aws-lockdown/CheckId': f.checkId,
    'aws-lockdown/FindingId': f.id,
    'aws-lockdown/Status': f.status,
    'aws-lockdown/Severity': f.severity,
    'aws-lockdown/MessageId': f.messageId,
    'aws-lockdown/ResourceType': f.resource.type,
    'aws-lockdown/ResourceName': f.resource.name,
    'aws-lockdown/Muted': String(f.muted),
    'aws-lockdown/MuteReason': f.muted ? (f.muteReason ?? '') : null,
    'aws-lockdown/EvidenceSource': f.evidence.source,
    'aws-lockdown/EvidenceObservedAt': f.evidence.observedAt,
    'aws-lockdown/EvidenceAction': f.evidence.action,
    'aws-lockdown/RootOnly': f.remediation ? String(f.remediation.rootOnly) : null,
    'aws-lockdown/ScanId': result.scan.id,
    'aws-lockdown/ScanSource': result.scan.source,
    'aws-lockdown/Version': result.tool.version,
    // Many-account scans (issue 8): where the account sits; a one-account scan has neither.
    'aws-lockdown/AccountName': account?.name ?? null,
    'aws-lockdown/OuPath': account?.ouPath ? ouPathText(account.ouPath, result.scan.lang) : null,
    'aws-lockdown/OuIds': account?.ouPath?.length ? account.ouPath.map((ou) => ou.id).join('/') : null,
    'aws-lockdown/ScanCoverage': isManyAccounts(result) ? `${result.coverage.assessed}/${result.coverage.inScope}` : null,
  };
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(fields)) {
    // Security Hub rejects empty strings as much as over-long ones.
    if (value !== null && value !== '') out[key] = truncate(value, ASFF_LIMITS.productFieldValue);
  }
  return out;
}

/** At most `max` characters (code points, as Security Hub counts them), ending in … when cut. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  return `${chars.slice(0, max - 1).join('')}…`;
}
