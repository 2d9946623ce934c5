import type { RenderedFinding, ScanResult } from '../engine/result.js';
import type { CredentialReportTimeSource } from '../record/record.js';
import { interpolate } from '../engine/text.js';
import { SEVERITIES, STATUSES, type Lang, type Severity, type Status } from '../engine/types.js';
import { complianceView, frameworkById, type RequirementVerdict } from './compliance.js';
import { ACCOUNT_TEXT, SEVERITY_LABELS, STATUS_LABELS, VERDICT_LABELS } from './labels.js';
import type { ReportOptions } from './options.js';
import { safeText } from './safe-text.js';
import { coverageText, failCount, isManyAccounts, ouPathText, worstFirst } from './accounts.js';

// A short summary for pull-request comments and CI step summaries. GitHub caps a comment at
// 65,536 characters and a step summary at 1 MiB, so the output is bounded by construction: at most
// MAX_ROWS rows, each cell truncated, whatever the number of findings.

/** Checks listed before "… and N more". */
const MAX_ROWS = 20;
/** Resource names shown per check. */
const NAMES_PER_ROW = 3;
/** Longest prose cell and longest name, in characters, before "…". */
const MAX_TEXT = 240;
const MAX_NAME = 64;
/** Unreadable evidence parts named before "…". */
const MAX_PARTS = 10;

const ACTIONABLE: readonly Status[] = ['FAIL', 'ERROR', 'MANUAL'];

export const MARKDOWN_TEXT = {
  en: {
    heading: 'aws-lockdown {version}: account {account} ({partition})',
    severity: 'severity',
    total: 'total',
    toActOn: 'To act on, worst first',
    check: 'check',
    findings: 'findings',
    fix: 'fix',
    more: '… and {count} more checks (see `--format json`).',
    moreRequirements: '… and {count} more requirements (see `--format csv --compliance`).',
    nothingToDo: 'Nothing to act on: no unmuted FAIL, ERROR or MANUAL findings.',
    filtered: 'Listing only: {statuses} (the counts above include every finding).',
    muted: 'Muted findings: {count}.',
    mutedBy: 'Muted findings: {count} (by {file}).',
    expiredRules: 'Expired mutelist rules, no longer muting: {rules}.',
    evidence: 'Evidence: {collector}, collected {collectedAt}.',
    report: 'Credential report generated {generatedAt} ({age} before collection).',
    reportFileModified: 'Credential report file last modified {generatedAt}; a console CSV does not say when it was generated.',
    reportNewestEntry: 'Credential report generated no earlier than {generatedAt}, its newest date (the file time is older).',
    reportUnread: 'Credential report: not read.',
    unreadable: 'Evidence that could not be read: {parts}.',
    minutes: '{count} min',
    hours: '{count} h',
    compliance: '{name} {version}: {totals}',
    requirement: 'item',
    verdict: 'verdict',
    title: 'requirement',
  },
  nl: {
    heading: 'aws-lockdown {version}: account {account} ({partition})',
    severity: 'ernst',
    total: 'totaal',
    toActOn: 'Op te pakken, ernstigste eerst',
    check: 'controle',
    findings: 'bevindingen',
    fix: 'oplossing',
    more: '… en nog {count} controles (zie `--format json`).',
    moreRequirements: '… en nog {count} eisen (zie `--format csv --compliance`).',
    nothingToDo: 'Niets op te pakken: geen ongedempte bevindingen met VOLDOET NIET, NIET BEOORDEELD of HANDMATIG.',
    filtered: 'Alleen getoond: {statuses} (de aantallen hierboven tellen alle bevindingen).',
    muted: 'Gedempte bevindingen: {count}.',
    mutedBy: 'Gedempte bevindingen: {count} (door {file}).',
    expiredRules: 'Verlopen mutelist-regels, dempen niet meer: {rules}.',
    evidence: 'Bewijs: {collector}, verzameld {collectedAt}.',
    report: 'Credential report gemaakt {generatedAt} ({age} voor het verzamelen).',
    reportFileModified: 'Credential report: bestand gewijzigd {generatedAt}; een console-CSV vermeldt niet wanneer het rapport is gemaakt.',
    reportNewestEntry: 'Credential report niet eerder gemaakt dan {generatedAt}, de jongste datum erin (de bestandstijd is ouder).',
    reportUnread: 'Credential report: niet gelezen.',
    unreadable: 'Bewijs dat niet gelezen kon worden: {parts}.',
    minutes: '{count} min',
    hours: '{count} uur',
    compliance: '{name} {version}: {totals}',
    requirement: 'item',
    verdict: 'oordeel',
    title: 'eis',
  },
} as const satisfies Record<Lang, Record<string, string>>;

/**
 * Words for placeholders that only a single finding can fill: check-level texts (a rule's help,
 * a per-check fix line) are shown for every resource at once.
 */
export const PLACEHOLDER_TEXT = {
  en: { resourceName: 'RESOURCE_NAME', resourceArn: 'RESOURCE_ARN', region: 'REGION', accountId: 'ACCOUNT_ID' },
  nl: { resourceName: 'RESOURCENAAM', resourceArn: 'RESOURCE_ARN', region: 'REGIO', accountId: 'ACCOUNT_ID' },
} as const satisfies Record<Lang, Record<string, string>>;

// A console CSV has no generation time: its file time or newest date is said to be just that.
const REPORT_TEXT = {
  iam: 'report',
  fileModified: 'reportFileModified',
  newestEntry: 'reportNewestEntry',
} as const satisfies Record<CredentialReportTimeSource, keyof (typeof MARKDOWN_TEXT)['en']>;

/**
 * A check-level text (fix summary, steps, CLI) with the account's values filled in; with several
 * accounts the account id stays a placeholder, and partition and console only when all share them.
 */
export function fillCheckText(template: string, result: ScanResult): string {
  const account = result.accounts[0];
  const one = result.accounts.length === 1;
  const samePartition = account !== undefined && result.accounts.every((a) => a.partition === account.partition);
  return interpolate(template, {
    ...PLACEHOLDER_TEXT[result.scan.lang],
    ...(account && samePartition ? { partition: account.partition, consoleUrl: account.consoleUrl } : {}),
    ...(account && one ? { accountId: account.id } : {}),
  });
}

const MD_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/**
 * Prose for a Markdown table cell or paragraph: one line, control characters shown as `\uXXXX`
 * (safe-text.ts), Markdown punctuation backslash-escaped and `<`, `>`, `&` as entities, so no text
 * can open HTML, a link, emphasis or a new cell. Every text from evidence passes here or mdCode.
 */
export function mdText(text: string, max = MAX_TEXT): string {
  return unlinked(truncate(oneLine(safeText(text)), max).replace(/[\\`*_[\]~|<>&]/g, (c) => MD_ESCAPES[c] ?? `\\${c}`));
}

/** U+200D ZERO WIDTH JOINER: invisible, and no word or URL character, so it breaks GitHub's patterns. */
const ZWJ = '\u200d';

/**
 * A comment posted by CI must not notify people or link issues because of a name in the evidence:
 * GitHub turns `@name` into a mention, `#12`, `GH-12` and `owner/repo#12` into issue links, and
 * `https://…`, `www.…` and e-mail addresses into links, in plain text (not in code spans). A
 * zero-width joiner after `@`, `#`, `GH`, `:` of `://` and `www` leaves the text readable and
 * matches none of these patterns.
 */
export function unlinked(text: string): string {
  return text.replace(/[@#]/g, `$&${ZWJ}`).replace(/\b(GH)-(?=\d)/gi, `$1${ZWJ}-`).replace(/:\/\//g, `:${ZWJ}//`).replace(/\b(www)\./gi, `$1${ZWJ}.`);
}

/**
 * A name as an inline code span: GitHub renders no HTML, links or @mentions inside one (an IAM user
 * may be called `@team`). The table splits cells before code spans are parsed, so `|` still needs
 * its backslash; a backslash cannot be escaped inside a code span and no AWS name has one, so it
 * becomes the look-alike U+2216 rather than break the row.
 */
export function mdCode(text: string, max = MAX_NAME): string {
  const body = truncate(oneLine(safeText(text)), max).replace(/\\/g, '\u2216').replace(/\|/g, '\\|');
  const longestTicks = Math.max(0, ...(body.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestTicks + 1);
  const pad = longestTicks > 0 || body.startsWith(' ') || body.endsWith(' ') ? ' ' : '';
  return `${fence}${pad}${body}${pad}${fence}`;
}

const oneLine = (text: string) => text.replace(/\s*[\r\n\u2028\u2029]+\s*/g, ' ');
const truncate = (text: string, max: number) => {
  const chars = [...text];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : text;
};

const rank = (s: Severity) => SEVERITIES.indexOf(s);
const worst = (list: RenderedFinding[]) => Math.min(...list.map((f) => STATUSES.indexOf(f.status)));
const count = (n: number) => (n === 0 ? '·' : String(n));
const when = (iso: string) => `${iso.slice(0, 16).replace('T', ' ')} UTC`;

/** Counts by severity × status, then the checks to act on, worst first; bounded in size. */
export function renderMarkdown(result: ScanResult, options: ReportOptions): string {
  const lang = result.scan.lang;
  const t = MARKDOWN_TEXT[lang];
  const many = isManyAccounts(result);
  const account = many ? undefined : result.accounts[0];
  const out: string[] = [];

  if (many) out.push(...accountsSection(result));
  else out.push(`## ${interpolate(t.heading, { version: mdText(result.tool.version), account: mdCode(account?.id ?? '?'), partition: mdText(account?.partition ?? '?') })}`, '');

  // The summary counts every finding, muted ones and those a --status filter leaves out included.
  out.push(`| ${t.severity} | ${STATUSES.map((s) => STATUS_LABELS[lang][s]).join(' | ')} |`, `| :-- |${' --: |'.repeat(STATUSES.length)}`);
  for (const severity of SEVERITIES) {
    out.push(`| ${SEVERITY_LABELS[lang][severity]} | ${STATUSES.map((s) => count(result.summary.bySeverityAndStatus[severity][s])).join(' | ')} |`);
  }
  out.push(`| **${t.total}** | ${STATUSES.map((s) => `**${result.summary.byStatus[s]}**`).join(' | ')} |`, '');
  if (result.scan.statusFilter) out.push(interpolate(t.filtered, { statuses: result.scan.statusFilter.map((s) => STATUS_LABELS[lang][s]).join(', ') }), '');

  const groups = new Map<string, RenderedFinding[]>();
  for (const f of result.findings) {
    if (f.muted || !ACTIONABLE.includes(f.status)) continue;
    const list = groups.get(f.checkId) ?? [];
    list.push(f);
    groups.set(f.checkId, list);
  }
  const first = (list: RenderedFinding[]) => list[0] as RenderedFinding;
  const ordered = [...groups.values()].sort(
    (a, b) => rank(first(a).severity) - rank(first(b).severity) || worst(a) - worst(b) || b.length - a.length || first(a).checkId.localeCompare(first(b).checkId),
  );

  out.push(`### ${t.toActOn}`, '');
  if (ordered.length === 0) out.push(t.nothingToDo, '');
  else {
    out.push(`| ${t.severity} | ${t.check} | ${t.findings} | ${t.fix} |`, '| :-- | :-- | :-- | :-- |');
    for (const list of ordered.slice(0, MAX_ROWS)) out.push(row(list, result, many));
    if (ordered.length > MAX_ROWS) out.push('', interpolate(t.more, { count: ordered.length - MAX_ROWS }));
    out.push('');
  }

  const framework = options.compliance ? frameworkById(options.compliance) : undefined;
  if (framework) out.push(...complianceSection(result, options.compliance as string), '');

  out.push(result.mutelist ? interpolate(t.mutedBy, { count: result.summary.muted, file: mdCode(result.mutelist.file, 120) }) : interpolate(t.muted, { count: result.summary.muted }));
  if (result.mutelist?.expired.length) out.push('', interpolate(t.expiredRules, { rules: result.mutelist.expired.slice(0, MAX_PARTS).join(', ') }));
  if (account) {
    const generated = account.credentialReportGeneratedAt;
    const evidence = [
      interpolate(t.evidence, { collector: mdText(account.collector), collectedAt: when(account.collectedAt) }),
      generated ? interpolate(t[REPORT_TEXT[account.credentialReportTimeSource ?? 'iam']], { generatedAt: when(generated), age: age(Date.parse(account.collectedAt) - Date.parse(generated), lang) }) : t.reportUnread,
    ];
    const unreadable = Object.entries(account.evidence).flatMap(([part, e]) => ('error' in e ? [`${mdCode(part)} (${mdText([e.error.code, e.error.action].filter(Boolean).join(', '), 120)})`] : []));
    if (unreadable.length) evidence.push(interpolate(t.unreadable, { parts: unreadable.slice(0, MAX_PARTS).join(', ') + (unreadable.length > MAX_PARTS ? ', …' : '') }));
    out.push('', evidence.join(' '));
  }
  return `${out.join('\n')}\n`;
}

/**
 * A many-account scan opens with its scope: the coverage figure, the accounts worst first and the
 * accounts that could not be assessed, with why; each list bounded like the rest of the comment.
 */
function accountsSection(result: ScanResult): string[] {
  const lang = result.scan.lang;
  const a = ACCOUNT_TEXT[lang];
  const coverage = coverageText(result);
  const out = [`## ${interpolate(a.heading, { version: mdText(result.tool.version), inScope: result.coverage.inScope })}`, '', result.coverage.assessed < result.coverage.inScope ? `**${coverage}**` : coverage, ''];
  const ranked = worstFirst(result);
  if (ranked.length > 0) {
    out.push(`### ${a.rollUp}`, '', `| ${a.account} | ${a.ouPath} | ${a.critical} | ${a.high} | ${a.fail} | ${a.error} |`, '| :-- | :-- | --: | --: | --: | --: |');
    for (const acc of ranked.slice(0, MAX_ROWS)) {
      const s = acc.summary;
      out.push(`| ${mdCode(acc.id)}${acc.name ? ` ${mdText(acc.name, MAX_NAME)}` : ''} | ${mdText(ouPathText(acc.ouPath, lang), 120)} | ${count(s.bySeverity.critical)} | ${count(s.bySeverity.high)} | ${count(failCount(acc))} | ${count(s.byStatus.ERROR)} |`);
    }
    if (ranked.length > MAX_ROWS) out.push('', mdText(interpolate(a.moreAccounts, { count: ranked.length - MAX_ROWS })));
    out.push('');
  }
  if (result.notAssessed.length > 0) {
    out.push(`### ${interpolate(a.notAssessed, { count: result.notAssessed.length })}`, '');
    for (const n of result.notAssessed.slice(0, MAX_ROWS)) {
      const ou = ouPathText(n.ouPath, lang);
      out.push(`- ${mdCode(n.id)}${n.name ? ` ${mdText(n.name, MAX_NAME)}` : ''}${ou ? ` (${mdText(ou, 120)})` : ''}: ${mdText(n.reason.message)}`);
    }
    if (result.notAssessed.length > MAX_ROWS) out.push('', mdText(interpolate(a.moreNotAssessed, { count: result.notAssessed.length - MAX_ROWS })));
    out.push('');
  }
  return out;
}

function row(list: RenderedFinding[], result: ScanResult, many = false): string {
  const lang = result.scan.lang;
  const f = list[0] as RenderedFinding;
  const counts = STATUSES.filter((s) => list.some((x) => x.status === s)).map((s) => `${list.filter((x) => x.status === s).length} ${STATUS_LABELS[lang][s]}`);
  const names = [...list]
    .sort((a, b) => STATUSES.indexOf(a.status) - STATUSES.indexOf(b.status) || a.resource.name.localeCompare(b.resource.name))
    .slice(0, NAMES_PER_ROW)
    .map((x) => mdCode(many ? `${accountName(result, x.accountId)}/${x.resource.name}` : x.resource.name));
  const rest = list.length - names.length;
  // One resource's own fix when every finding shares it; else the check's, with generic words.
  const summaries = new Set(list.map((x) => x.remediation?.summary ?? ''));
  const check = result.checks[f.checkId];
  const fix = summaries.size === 1 || !check ? ([...summaries][0] ?? '') : fillCheckText(check.fixSummary, result);
  return `| ${SEVERITY_LABELS[lang][f.severity]} | ${mdCode(f.checkId)} ${mdText(f.title)} | ${counts.join(', ')}: ${names.join(', ')}${rest > 0 ? ` +${rest}` : ''} | ${mdText(fix)} |`;
}

function complianceSection(result: ScanResult, frameworkId: string): string[] {
  const lang = result.scan.lang;
  const t = MARKDOWN_TEXT[lang];
  const view = complianceView(result, frameworkById(frameworkId) as NonNullable<ReturnType<typeof frameworkById>>);
  const totals = (Object.keys(view.totals) as RequirementVerdict[])
    .filter((v) => view.totals[v] > 0)
    .map((v) => `${view.totals[v]} ${VERDICT_LABELS[lang][v]}`)
    .join(' · ');
  const out = [`### ${interpolate(t.compliance, { name: mdText(view.framework.name), version: mdText(view.framework.version), totals })}`, ''];
  // Only requirements that need attention: the full view is in --format csv --compliance.
  const open = view.requirements.filter((r) => r.verdict === 'FAIL' || r.verdict === 'ERROR');
  if (open.length) {
    out.push(`| ${t.requirement} | ${t.verdict} | ${t.title} |`, '| :-- | :-- | :-- |');
    for (const r of open.slice(0, MAX_ROWS)) out.push(`| ${mdText(r.id)} | ${VERDICT_LABELS[lang][r.verdict]} | ${mdText(r.title)} |`);
    if (open.length > MAX_ROWS) out.push('', interpolate(t.moreRequirements, { count: open.length - MAX_ROWS }));
  }
  return out;
}

function age(ms: number, lang: Lang): string {
  const minutes = Math.max(0, Math.round(ms / 60_000));
  const t = MARKDOWN_TEXT[lang];
  return minutes < 120 ? interpolate(t.minutes, { count: minutes }) : interpolate(t.hours, { count: Math.round(minutes / 60) });
}

/** An account as a many-account comment names it beside a resource: its name, else its id. */
function accountName(result: ScanResult, id: string): string {
  return result.accounts.find((a) => a.id === id)?.name ?? id;
}
