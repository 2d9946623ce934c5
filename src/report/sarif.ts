import type { Log, ReportingDescriptor, Result } from 'sarif';
import type { CheckSummary, RenderedFinding, ScanResult } from '../engine/result.js';
import { interpolate } from '../engine/text.js';
import { SEVERITIES, STATUSES, type Lang, type Severity, type Status } from '../engine/types.js';
import { fillCheckText, mdText } from './markdown.js';
import type { ReportOptions } from './options.js';
import type { OuStep } from '../record/record.js';
import { accountIndex, accountLabel, isManyAccounts, ouPathText } from './accounts.js';
import { ACCOUNT_TEXT } from './labels.js';

// SARIF 2.1.0 for GitHub code scanning (docs.github.com: "SARIF support for code scanning").
//
// Which findings: GitHub shows every result as an alert, so by default only FAIL, ERROR and MANUAL
// findings go in; PASS and NOT_APPLICABLE go in only when the user asked for them with a status
// filter (then exactly the listed findings are written). Muted findings stay in, with a suppression,
// which GitHub shows as dismissed.
//
// Where: SARIF wants a file; a cloud resource has none, so each result carries a logical location
// (the ARN) and a stable pseudo path `<partition>/<account>/<resource type>/<name>` as its physical
// location, which GitHub requires.

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
/** No project page exists beyond the package registry. */
const INFORMATION_URI = 'https://www.npmjs.com/package/aws-lockdown';
/** GitHub rejects a run with more results than this; the worst findings are kept. */
export const MAX_RESULTS = 25_000;
/** GitHub rejects more than 20 tags per rule and shows 10. */
const MAX_TAGS = 10;

/** GitHub's security-severity scale: ≥ 9.0 critical, 7.0–8.9 high, 4.0–6.9 medium, 0.1–3.9 low. */
const SECURITY_SEVERITY = { critical: '9.5', high: '8.0', medium: '5.5', low: '3.0', info: '0.0' } as const satisfies Record<Severity, string>;
const FAIL_LEVEL = { critical: 'error', high: 'error', medium: 'warning', low: 'note', info: 'note' } as const satisfies Record<Severity, Result.level>;
const KIND = { FAIL: 'fail', ERROR: 'fail', MANUAL: 'review', PASS: 'pass', NOT_APPLICABLE: 'notApplicable' } as const satisfies Record<Status, Result.kind>;
const LANGUAGE = { en: 'en-US', nl: 'nl-NL' } as const satisfies Record<Lang, string>;

export const SARIF_TEXT = {
  en: {
    risk: 'What it means',
    fix: 'How to fix it',
    cli: 'Command',
    truncated: '{dropped} of {total} results were left out: GitHub accepts at most {max} per run. The least severe went first; --format json has them all.',
  },
  nl: {
    risk: 'Wat het betekent',
    fix: 'Zo los je het op',
    cli: 'Commando',
    truncated: '{dropped} van de {total} resultaten zijn weggelaten: GitHub accepteert er hooguit {max} per run. De minst ernstige vielen het eerst af; --format json bevat ze allemaal.',
  },
} as const satisfies Record<Lang, Record<string, string>>;

/**
 * SARIF §3.27.9/§3.27.10: a result whose kind is not "fail" must have level "none". GitHub shows
 * MANUAL results with the rule's security severity either way.
 */
function level(f: RenderedFinding): Result.level {
  if (f.status === 'FAIL') return FAIL_LEVEL[f.severity];
  if (f.status === 'ERROR') return 'error';
  return 'none';
}

export function renderSarif(result: ScanResult, _options: ReportOptions): string {
  const lang = result.scan.lang;
  const many = isManyAccounts(result);
  const account = result.accounts[0];
  const byId = accountIndex(result);
  const ruleIds = Object.keys(result.checks).sort();
  const ruleIndex = new Map(ruleIds.map((id, i) => [id, i]));
  const rules = ruleIds.map((id) => rule(id, result.checks[id] as CheckSummary, result));

  const wanted: readonly Status[] = result.scan.statusFilter ?? ['FAIL', 'ERROR', 'MANUAL'];
  let listed = result.findings.filter((f) => wanted.includes(f.status));
  const total = listed.length;
  if (total > MAX_RESULTS) {
    // Unmuted before muted, then by severity, then FAIL before ERROR before MANUAL.
    const weight = (f: RenderedFinding) => Number(f.muted) * 100 + SEVERITIES.indexOf(f.severity) * 10 + STATUSES.indexOf(f.status);
    listed = [...listed].sort((a, b) => weight(a) - weight(b)).slice(0, MAX_RESULTS);
  }

  const results = listed.map((f): Result => {
    const index = ruleIndex.get(f.checkId);
    if (index === undefined) throw new Error(`finding ${f.id} names check ${f.checkId}, which is not in result.checks`);
    return {
      ruleId: f.checkId,
      ruleIndex: index,
      kind: KIND[f.status],
      level: level(f),
      message: { text: f.message },
      locations: [
        {
          physicalLocation: { artifactLocation: { uri: pseudoPath(f) }, region: { startLine: 1 } },
          logicalLocations: [{ name: f.resource.name, fullyQualifiedName: f.resource.arn, kind: 'resource' }],
        },
      ],
      partialFingerprints: { 'awsLockdown/v1': f.id },
      ...(f.muted ? { suppressions: [{ kind: 'external' as const, justification: f.muteReason ?? '' }] } : {}),
      properties: {
        status: f.status,
        severity: f.severity,
        resourceType: f.resource.type,
        region: f.region,
        evidence: { source: f.evidence.source, observedAt: f.evidence.observedAt },
        ...(f.remediation ? { fix: f.remediation.summary, cli: f.remediation.cli } : {}),
        ...(many ? place(byId.get(f.accountId) ?? { id: f.accountId, name: null, ouPath: null }, lang) : {}),
      },
    };
  });
  // SARIF has no result without a rule and a location for "this account was not looked at": each is
  // an error notification of the run, which GitHub shows with the upload.
  const notAssessed = result.notAssessed.map((n) => ({
    level: 'error' as const,
    descriptor: { id: 'account-not-assessed' },
    message: { text: `${ACCOUNT_TEXT[lang].notAssessedTitle}: ${accountLabel(n)}: ${n.reason.message}` },
    properties: { ...place(n, lang), code: n.reason.code },
  }));
  const truncated =
    total > listed.length ? [{ level: 'warning' as const, message: { text: interpolate(SARIF_TEXT[lang].truncated, { dropped: total - listed.length, total, max: MAX_RESULTS }) } }] : [];
  const notifications = [...truncated, ...notAssessed];

  const log: Log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'aws-lockdown', version: result.tool.version, semanticVersion: result.tool.version, informationUri: INFORMATION_URI, language: LANGUAGE[lang], rules } },
        // One category per account, so uploads for several accounts do not close each other's alerts.
        // A many-account scan is one category of its own (its accounts' ids are in each result).
        automationDetails: { id: many ? 'aws-lockdown/many-accounts/' : `aws-lockdown/${account?.id ?? 'unknown'}/` },
        invocations: [
          {
            executionSuccessful: true,
            startTimeUtc: result.scan.startedAt,
            endTimeUtc: result.scan.finishedAt,
            ...(notifications.length ? { toolExecutionNotifications: notifications } : {}),
          },
        ],
        language: LANGUAGE[lang],
        columnKind: 'unicodeCodePoints',
        results,
        properties: many
          ? { accounts: result.accounts.map((a) => a.id), notAssessed: result.notAssessed.map((n) => n.id), coverage: result.coverage }
          : {
              accountId: account?.id,
              partition: account?.partition,
              credentialReportGeneratedAt: account?.credentialReportGeneratedAt ?? null,
              // Where that time comes from: IAM, the console CSV's file time, or its newest date (issue 10).
              credentialReportTimeSource: account?.credentialReportTimeSource ?? null,
            },
      },
    ],
  };
  return `${JSON.stringify(log, null, result.findings.length > 1000 ? undefined : 2)}\n`;
}

/** An account's id, name and OU path as result or notification properties. */
function place(a: { id: string; name: string | null; ouPath: OuStep[] | null }, lang: Lang) {
  return { accountId: a.id, ...(a.name ? { accountName: a.name } : {}), ...(a.ouPath ? { ouPath: ouPathText(a.ouPath, lang), ouIds: a.ouPath.map((ou) => ou.id) } : {}) };
}

function rule(id: string, check: CheckSummary, result: ScanResult): ReportingDescriptor {
  const t = SARIF_TEXT[result.scan.lang];
  const steps = check.fixSteps.map((s) => fillCheckText(s, result));
  const summary = fillCheckText(check.fixSummary, result);
  const cli = check.cli ? fillCheckText(check.cli, result) : null;
  const text = [`${t.risk}: ${check.risk}`, `${t.fix}: ${summary}`, ...steps.map((s, i) => `${i + 1}. ${s}`), ...(cli ? [`${t.cli}: ${cli}`] : [])].join('\n');
  const markdown = [
    `**${t.risk}**`,
    '',
    mdText(check.risk, Infinity),
    '',
    `**${t.fix}**`,
    '',
    mdText(summary, Infinity),
    '',
    ...steps.map((s, i) => `${i + 1}. ${mdText(s, Infinity)}`),
    ...(cli ? ['', `**${t.cli}**`, '', fence(cli)] : []),
  ].join('\n');
  const compliance = Object.entries(check.compliance).flatMap(([framework, ids]) => ids.map((req) => `${framework}/${req}`));
  return {
    id,
    name: id.replace(/(^|-)([a-z0-9])/g, (_m, _dash: string, c: string) => c.toUpperCase()),
    shortDescription: { text: check.title },
    fullDescription: { text: check.risk },
    help: { text, markdown },
    defaultConfiguration: { level: FAIL_LEVEL[check.severity] },
    properties: {
      severity: check.severity,
      'security-severity': SECURITY_SEVERITY[check.severity],
      tags: ['security', 'aws', check.resourceType, ...compliance].slice(0, MAX_TAGS),
      ...(compliance.length ? { compliance: check.compliance } : {}),
    },
  };
}

/** A code block that no backtick run in the command can close early. */
function fence(code: string): string {
  const longest = Math.max(2, ...(code.match(/`+/g) ?? []).map((run) => run.length));
  const ticks = '`'.repeat(longest + 1);
  return `${ticks}sh\n${code}\n${ticks}`;
}

/** `aws/123456789012/AwsIamUser/alice`: stable across scans; each name segment percent-encoded. */
function pseudoPath(f: RenderedFinding): string {
  return [f.partition, f.accountId, f.resource.type, f.resource.name].map((segment) => encodeURIComponent(wellFormed(segment))).join('/');
}

// encodeURIComponent throws on a lone UTF-16 surrogate, which a tampered name can hold (issue 11
// item 6); it becomes U+FFFD, as it would in any UTF-8 file.
const wellFormed = (text: string) => text.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');

