import type { RenderedFinding, ScanResult } from '../engine/result.js';
import { STATUSES, type Lang } from '../engine/types.js';
import { complianceView, frameworkById } from './compliance.js';
import { SEVERITY_LABELS, STATUS_LABELS, VERDICT_LABELS } from './labels.js';
import type { ReportOptions } from './options.js';
import { safeCsvText, safeStrings } from './safe-text.js';
import { accountIndex, isManyAccounts, ouPathText } from './accounts.js';
import { joinedChunks } from './chunks.js';

// RFC 4180 CSV for spreadsheets: CRLF line ends, a header row in the result's language, and
// statuses and severities in that language's words too (the JSON output is the one for programs).
// No byte-order mark: RFC 4180 has none and it would stick to the first header in most parsers.

export const CSV_TEXT = {
  en: {
    id: 'id',
    account: 'account',
    region: 'region',
    check: 'check',
    title: 'title',
    severity: 'severity',
    status: 'status',
    muted: 'muted',
    muteReason: 'mute reason',
    resourceType: 'resource type',
    resourceName: 'resource name',
    resourceArn: 'resource ARN',
    message: 'message',
    fix: 'fix summary',
    cli: 'CLI command',
    compliance: 'compliance',
    evidenceSource: 'evidence source',
    evidenceTime: 'evidence time',
    yes: 'yes',
    no: 'no',
    framework: 'framework',
    requirement: 'requirement',
    requirementTitle: 'requirement title',
    assessment: 'assessment',
    verdict: 'verdict',
    checks: 'checks',
    automated: 'automated',
    manual: 'manual',
    accountName: 'account name',
    ouPath: 'OU path',
    notAssessed: 'Account not assessed',
  },
  nl: {
    id: 'id',
    account: 'account',
    region: 'regio',
    check: 'controle',
    title: 'titel',
    severity: 'ernst',
    status: 'status',
    muted: 'gedempt',
    muteReason: 'reden demping',
    resourceType: 'resourcetype',
    resourceName: 'resourcenaam',
    resourceArn: 'resource-ARN',
    message: 'melding',
    fix: 'oplossing',
    cli: 'CLI-commando',
    compliance: 'compliance',
    evidenceSource: 'bron bewijs',
    evidenceTime: 'tijd bewijs',
    yes: 'ja',
    no: 'nee',
    framework: 'framework',
    requirement: 'eis',
    requirementTitle: 'titel eis',
    assessment: 'beoordeling',
    verdict: 'oordeel',
    checks: 'controles',
    automated: 'automatisch',
    manual: 'handmatig',
    accountName: 'accountnaam',
    ouPath: 'OU-pad',
    notAssessed: 'Account niet beoordeeld',
  },
} as const satisfies Record<Lang, Record<string, string>>;

/**
 * OWASP "CSV Injection": a cell that starts with = + - @ tab or carriage return may run as a
 * formula in Excel, LibreOffice or Google Sheets; a leading single quote makes it text. Quotes
 * already in front of such a character get one more, so removing one quote always gives back the
 * original value.
 */
const FORMULA_START = /^'*[=+\-@\t\r]/;

export function neutralise(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** The inverse of neutralise, for readers (and tests) that want the raw value back. */
export function unneutralise(value: string): string {
  return /^'+[=+\-@\t\r]/.test(value) ? value.slice(1) : value;
}

/** One RFC 4180 field: quoted when it holds a comma, quote, CR or LF; quotes doubled. */
export function csvField(value: string): string {
  const safe = neutralise(value);
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const line = (fields: readonly string[]) => `${fields.map(csvField).join(',')}\r\n`;

/** `cis-aws-v5.0.0 1.4; aws-securityhub IAM.9`: one framework-and-item pair per requirement. */
export function complianceCell(compliance: Record<string, string[]>): string {
  return Object.entries(compliance)
    .flatMap(([framework, ids]) => ids.map((id) => `${framework} ${id}`))
    .join('; ');
}

/** One row per finding; with --compliance, one row per requirement of that framework instead. */
export function renderCsv(input: ScanResult, options: ReportOptions): string {
  return [...csvChunks(input, options)].join('');
}

/** renderCsv's text in pieces: a 1,000-account scan's CSV is hundreds of MB. */
export function csvChunks(input: ScanResult, options: ReportOptions): Iterable<string> {
  // No escape sequence from evidence reaches a terminal that `cat`s the file (safe-text.ts).
  const result = safeStrings(input, safeCsvText);
  if (options.compliance !== undefined) return [requirementsCsv(result, options.compliance)];
  return joinedChunks(csvLines(result));
}

function* csvLines(result: ScanResult): Generator<string, void, undefined> {
  const lang = result.scan.lang;
  const t = CSV_TEXT[lang];
  const header = [t.id, t.account, t.region, t.check, t.title, t.severity, t.status, t.muted, t.muteReason, t.resourceType, t.resourceName, t.resourceArn, t.message, t.fix, t.cli, t.compliance, t.evidenceSource, t.evidenceTime];
  const row = (f: RenderedFinding) => [
    f.id,
    f.accountId,
    f.region,
    f.checkId,
    f.title,
    SEVERITY_LABELS[lang][f.severity],
    STATUS_LABELS[lang][f.status],
    f.muted ? t.yes : t.no,
    f.muteReason ?? '',
    f.resource.type,
    f.resource.name,
    f.resource.arn,
    f.message,
    f.remediation?.summary ?? '',
    f.remediation?.cli ?? '',
    complianceCell(f.compliance),
    f.evidence.source,
    f.evidence.observedAt ?? '',
  ];
  // A many-account scan adds the account's name and OU path at the end (so the columns before them
  // keep their places), and a row per account that could not be assessed: ERROR, with its reason.
  if (!isManyAccounts(result)) {
    yield line(header);
    for (const f of result.findings) yield line(row(f));
    return;
  }
  const byId = accountIndex(result);
  const place = (id: string) => {
    const a = byId.get(id);
    return a ? [a.name ?? '', ouPathText(a.ouPath, lang)] : ['', ''];
  };
  yield line([...header, t.accountName, t.ouPath]);
  for (const n of result.notAssessed) {
    yield line(['', n.id, '', '', t.notAssessed, '', STATUS_LABELS[lang].ERROR, t.no, '', 'AwsAccount', n.id, n.partition ? `arn:${n.partition}:iam::${n.id}:root` : '', n.reason.message, '', '', '', '', '', n.name ?? '', ouPathText(n.ouPath, lang)]);
  }
  for (const f of result.findings) yield line([...row(f), ...place(f.accountId)]);
}

function requirementsCsv(result: ScanResult, frameworkId: string): string {
  const framework = frameworkById(frameworkId);
  // The CLI checks --compliance first; reaching here with an unknown id is a bug, not user input.
  if (!framework) throw new Error(`no framework '${frameworkId}'`);
  const lang = result.scan.lang;
  const t = CSV_TEXT[lang];
  const view = complianceView(result, framework);
  let out = line([t.framework, t.requirement, t.requirementTitle, t.assessment, t.verdict, ...STATUSES.map((s) => STATUS_LABELS[lang][s]), t.muted, t.checks]);
  for (const r of view.requirements) {
    out += line([view.framework.id, r.id, r.title, t[r.assessment], VERDICT_LABELS[lang][r.verdict], ...STATUSES.map((s) => String(r.counts[s])), String(r.muted), r.checks.join('; ')]);
  }
  return out;
}
