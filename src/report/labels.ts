import type { Lang, Severity, Status } from '../engine/types.js';
import type { CredentialReportTimeSource } from '../record/record.js';
import type { RequirementVerdict } from './compliance.js';

// Words of the reporters, per language. `satisfies` makes a missing status, severity or Dutch
// label a compile error (STYLE.md §10).
export const STATUS_LABELS = {
  en: { FAIL: 'FAIL', ERROR: 'ERROR', MANUAL: 'MANUAL', PASS: 'PASS', NOT_APPLICABLE: 'N/A' },
  // As a Dutch audit report says it: voldoet / voldoet niet; ERROR is "not assessed" (the evidence
  // was missing), not "fout", which a Dutch reader takes for a failed check.
  nl: { FAIL: 'VOLDOET NIET', ERROR: 'NIET BEOORDEELD', MANUAL: 'HANDMATIG', PASS: 'VOLDOET', NOT_APPLICABLE: 'N.V.T.' },
} as const satisfies Record<Lang, Record<Status, string>>;

export const SEVERITY_LABELS = {
  en: { critical: 'critical', high: 'high', medium: 'medium', low: 'low', info: 'info' },
  nl: { critical: 'kritiek', high: 'hoog', medium: 'middel', low: 'laag', info: 'info' },
} as const satisfies Record<Lang, Record<Severity, string>>;

export const VERDICT_LABELS = {
  en: { PASS: 'PASS', FAIL: 'FAIL', ERROR: 'ERROR', MANUAL: 'MANUAL', NOT_APPLICABLE: 'N/A', NOT_RUN: 'not run' },
  nl: { PASS: 'VOLDOET', FAIL: 'VOLDOET NIET', ERROR: 'NIET BEOORDEELD', MANUAL: 'HANDMATIG', NOT_APPLICABLE: 'N.V.T.', NOT_RUN: 'niet uitgevoerd' },
} as const satisfies Record<Lang, Record<RequirementVerdict, string>>;

export const TABLE_TEXT = {
  en: {
    heading: 'aws-lockdown {version}: account {account} ({partition})',
    evidenceLine: 'Evidence: {collector}, collected {collectedAt}; {report}',
    reportGenerated: 'credential report generated {at}',
    reportFileModified: 'credential report file last modified {at} (a console CSV does not say when it was generated)',
    reportNewestEntry: 'credential report generated no earlier than {at}, its newest date (the file time is older)',
    reportUnknown: 'credential report not read',
    severity: 'severity',
    total: 'total',
    summary: 'Summary',
    // Table text is filled with plain {name} values (no plurals), so counts stand after a colon.
    muted: 'Findings muted by {file}: {count}',
    unusedRules: 'Mutelist rules that matched nothing: {rules}',
    expiredRules: 'Expired mutelist rules (no longer muting): {rules}',
    failing: 'Findings to act on, worst first',
    nothingFailing: 'Nothing to act on: no FAIL, ERROR or MANUAL findings.',
    more: '… and {count} more (see --format json)',
    fix: 'Fix',
    mutedTag: 'muted: {reason}',
    filtered: 'Listing only: {statuses}',
    complianceHeading: 'Compliance: {name} {version}',
    requirement: 'item',
    verdict: 'verdict',
    checksColumn: 'findings',
    titleColumn: 'requirement',
  },
  nl: {
    heading: 'aws-lockdown {version}: account {account} ({partition})',
    evidenceLine: 'Bewijs: {collector}, verzameld {collectedAt}; {report}',
    reportGenerated: 'credential report gemaakt {at}',
    reportFileModified: 'credential report: bestand gewijzigd {at} (een console-CSV vermeldt niet wanneer het rapport is gemaakt)',
    reportNewestEntry: 'credential report niet eerder gemaakt dan {at}, de jongste datum erin (de bestandstijd is ouder)',
    reportUnknown: 'credential report niet gelezen',
    severity: 'ernst',
    total: 'totaal',
    summary: 'Samenvatting',
    muted: 'Bevindingen gedempt door {file}: {count}',
    unusedRules: 'Mutelist-regels zonder treffer: {rules}',
    expiredRules: 'Verlopen mutelist-regels (dempen niet meer): {rules}',
    failing: 'Bevindingen om op te pakken, ernstigste eerst',
    nothingFailing: 'Niets op te pakken: geen bevindingen met VOLDOET NIET, NIET BEOORDEELD of HANDMATIG.',
    more: '… en nog {count} (zie --format json)',
    fix: 'Oplossing',
    mutedTag: 'gedempt: {reason}',
    filtered: 'Alleen getoond: {statuses}',
    complianceHeading: 'Compliance: {name} {version}',
    requirement: 'item',
    verdict: 'oordeel',
    checksColumn: 'bevindingen',
    titleColumn: 'eis',
  },
} as const satisfies Record<Lang, Record<string, string>>;

/**
 * Which TABLE_TEXT phrase states the credential report's time: IAM's generation time, or for a
 * console CSV (which has none) the file's modification time or the report's newest date.
 */
export const REPORT_TIME_TEXT = {
  iam: 'reportGenerated',
  fileModified: 'reportFileModified',
  newestEntry: 'reportNewestEntry',
} as const satisfies Record<CredentialReportTimeSource, keyof (typeof TABLE_TEXT)['en']>;

/** Words about the accounts of a many-account scan, shared by the reporters (accounts.ts). */
export const ACCOUNT_TEXT = {
  en: {
    heading: 'aws-lockdown {version}: {inScope} accounts in scope',
    coverage: 'Coverage: {assessed} of {inScope} accounts assessed ({percent})',
    orgRoot: 'Root',
    account: 'account',
    name: 'name',
    ouPath: 'OU path',
    critical: 'critical',
    high: 'high',
    fail: 'FAIL',
    error: 'ERROR',
    rollUp: 'Accounts, worst first',
    notAssessed: 'Accounts not assessed ({count})',
    notAssessedTitle: 'Account not assessed',
    reason: 'reason',
    moreAccounts: '… and {count} more accounts (see --format csv or html)',
    moreNotAssessed: '… and {count} more accounts not assessed (see --format json)',
  },
  nl: {
    heading: 'aws-lockdown {version}: {inScope} accounts in scope',
    coverage: 'Dekking: {assessed} van {inScope} accounts beoordeeld ({percent})',
    orgRoot: 'Root',
    account: 'account',
    name: 'naam',
    ouPath: 'OU-pad',
    critical: 'kritiek',
    high: 'hoog',
    fail: 'VOLDOET NIET',
    error: 'NIET BEOORDEELD',
    rollUp: 'Accounts, slechtste eerst',
    notAssessed: 'Niet beoordeelde accounts ({count})',
    notAssessedTitle: 'Account niet beoordeeld',
    reason: 'reden',
    moreAccounts: '… en nog {count} accounts (zie --format csv of html)',
    moreNotAssessed: '… en nog {count} niet beoordeelde accounts (zie --format json)',
  },
} as const satisfies Record<Lang, Record<string, string>>;
