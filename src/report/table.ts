import Table from 'cli-table3';
import { createColors } from 'picocolors';
import type { RenderedFinding, ScanResult } from '../engine/result.js';
import { interpolate } from '../engine/text.js';
import { SEVERITIES, STATUSES, type Severity, type Status } from '../engine/types.js';
import { complianceView, frameworkById, type ComplianceView, type RequirementVerdict } from './compliance.js';
import { ACCOUNT_TEXT, REPORT_TIME_TEXT, SEVERITY_LABELS, STATUS_LABELS, TABLE_TEXT, VERDICT_LABELS } from './labels.js';
import type { ReportOptions } from './options.js';
import { safeStrings } from './safe-text.js';
import { accountIndex, accountLabel, coverageText, failCount, isManyAccounts, ouPathText, worstFirst } from './accounts.js';

/** Resources listed per check before "… and N more". */
const PER_CHECK = 10;
/** Accounts in the roll-up, and not-assessed accounts listed, before "… and N more". */
const ROLL_UP_ROWS = 30;
const NOT_ASSESSED_ROWS = 50;

const ACTIONABLE: readonly Status[] = ['FAIL', 'ERROR', 'MANUAL'];
const rank = (s: Severity) => SEVERITIES.indexOf(s);

/** What a person reads first: counts by severity × status, then what to fix, worst first. */
export function renderTable(input: ScanResult, options: ReportOptions): string {
  // No escape sequence from evidence reaches the terminal (safe-text.ts).
  const result = safeStrings(input);
  const c = createColors(options.color);
  const lang = result.scan.lang;
  const t = TABLE_TEXT[lang];
  const perCheck = PER_CHECK;
  const statusColor = { FAIL: c.red, ERROR: c.magenta, MANUAL: c.yellow, PASS: c.green, NOT_APPLICABLE: c.dim } satisfies Record<Status, (s: string) => string>;
  const severityColor = { critical: (s: string) => c.bold(c.red(s)), high: c.red, medium: c.yellow, low: c.cyan, info: c.dim } satisfies Record<Severity, (s: string) => string>;
  const out: string[] = [];

  const many = isManyAccounts(result);
  const account = many ? undefined : result.accounts[0];
  if (many) out.push(...accountsSection(result, c));
  else out.push(c.bold(interpolate(t.heading, { version: result.tool.version, account: account?.id ?? '?', partition: account?.partition ?? '?' })));
  if (account) {
    const generated = account.credentialReportGeneratedAt;
    const report = generated ? interpolate(t[REPORT_TIME_TEXT[account.credentialReportTimeSource ?? 'iam']], { at: when(generated) }) : t.reportUnknown;
    out.push(interpolate(t.evidenceLine, { collector: account.collector, collectedAt: when(account.collectedAt), report }));
  }
  out.push('', c.bold(t.summary));

  // The summary counts every finding, so a --status filter still shows the whole picture.
  const summary = new Table({
    head: [t.severity, ...STATUSES.map((s) => STATUS_LABELS[lang][s])],
    style: { head: [], border: [] },
    chars: options.color ? {} : undefined,
  });
  for (const severity of SEVERITIES) {
    summary.push([severityColor[severity](SEVERITY_LABELS[lang][severity]), ...STATUSES.map((s) => cell(result.summary.bySeverityAndStatus[severity][s], statusColor[s]))]);
  }
  summary.push([c.bold(t.total), ...STATUSES.map((s) => c.bold(String(result.summary.byStatus[s])))]);
  out.push(summary.toString());
  if (result.scan.statusFilter) out.push(interpolate(t.filtered, { statuses: result.scan.statusFilter.join(', ') }));
  if (result.mutelist) {
    out.push(interpolate(t.muted, { count: result.summary.muted, file: result.mutelist.file }));
    if (result.mutelist.unused.length) out.push(c.yellow(interpolate(t.unusedRules, { rules: result.mutelist.unused.join(', ') })));
    if (result.mutelist.expired.length) out.push(c.yellow(interpolate(t.expiredRules, { rules: result.mutelist.expired.join(', ') })));
  }

  // With many accounts, a check's findings are listed worst account first, each with its account.
  const byId = accountIndex(result);
  const accountRank = new Map(worstFirst(result).map((a, i) => [a.id, i]));
  const groups = new Map<string, RenderedFinding[]>();
  for (const f of result.findings) {
    if (!ACTIONABLE.includes(f.status)) continue;
    const list = groups.get(f.checkId) ?? [];
    list.push(f);
    groups.set(f.checkId, list);
  }
  const ordered = [...groups.values()].sort(
    (a, b) => rank((a[0] as RenderedFinding).severity) - rank((b[0] as RenderedFinding).severity) || worst(a) - worst(b) || b.length - a.length || (a[0] as RenderedFinding).checkId.localeCompare((b[0] as RenderedFinding).checkId),
  );
  out.push('', c.bold(t.failing));
  if (ordered.length === 0) out.push(c.green(t.nothingFailing));
  for (const list of ordered) {
    const first = list[0] as RenderedFinding;
    list.sort(
      (a, b) =>
        STATUSES.indexOf(a.status) - STATUSES.indexOf(b.status) ||
        Number(a.muted) - Number(b.muted) ||
        (accountRank.get(a.accountId) ?? 0) - (accountRank.get(b.accountId) ?? 0) ||
        a.resource.name.localeCompare(b.resource.name),
    );
    out.push('', `${severityColor[first.severity](SEVERITY_LABELS[lang][first.severity].toUpperCase().padEnd(9))}${c.bold(first.checkId)}  ${first.title}`);
    for (const f of list.slice(0, perCheck)) {
      const tag = f.muted ? c.dim(` [${interpolate(t.mutedTag, { reason: f.muteReason ?? '' })}]`) : '';
      const where = many ? `${accountLabel(byId.get(f.accountId) ?? { id: f.accountId, name: null })} ` : '';
      out.push(`  ${statusColor[f.status](STATUS_LABELS[lang][f.status].padEnd(6))} ${where}${f.resource.name}: ${f.message}${tag}`);
    }
    if (list.length > perCheck) out.push(c.dim(`  ${interpolate(t.more, { count: list.length - perCheck })}`));
    const fix = list.find((f) => f.remediation)?.remediation;
    if (fix) out.push(`  ${c.bold(`${t.fix}:`)} ${fix.summary}`);
  }
  const framework = options.compliance ? frameworkById(options.compliance) : undefined;
  if (framework) out.push('', ...complianceSection(complianceView(result, framework), result.scan.lang, c));
  return `${out.join('\n')}\n`;
}

/**
 * A many-account scan opens with its scope: the coverage figure, the accounts worst first (unmuted
 * critical and high FAILs, then ERRORs) and the accounts that could not be assessed, with why.
 */
function accountsSection(result: ScanResult, c: ReturnType<typeof createColors>): string[] {
  const lang = result.scan.lang;
  const a = ACCOUNT_TEXT[lang];
  const out = [c.bold(interpolate(a.heading, { version: result.tool.version, inScope: result.coverage.inScope })), result.coverage.assessed < result.coverage.inScope ? c.magenta(coverageText(result)) : coverageText(result)];
  const ranked = worstFirst(result);
  if (ranked.length > 0) {
    const table = new Table({ head: [a.account, a.name, a.ouPath, a.critical, a.high, a.fail, a.error], style: { head: [], border: [] } });
    for (const acc of ranked.slice(0, ROLL_UP_ROWS)) {
      const s = acc.summary;
      table.push([acc.id, acc.name ?? '', ouPathText(acc.ouPath, lang), cell(s.bySeverity.critical, (x) => c.bold(c.red(x))), cell(s.bySeverity.high, c.red), cell(failCount(acc), c.red), cell(s.byStatus.ERROR, c.magenta)]);
    }
    out.push('', c.bold(a.rollUp), table.toString());
    if (ranked.length > ROLL_UP_ROWS) out.push(c.dim(interpolate(a.moreAccounts, { count: ranked.length - ROLL_UP_ROWS })));
  }
  if (result.notAssessed.length > 0) {
    out.push('', c.bold(c.magenta(interpolate(a.notAssessed, { count: result.notAssessed.length }))));
    for (const n of result.notAssessed.slice(0, NOT_ASSESSED_ROWS)) {
      const ou = ouPathText(n.ouPath, lang);
      out.push(`  ${c.magenta(STATUS_LABELS[lang].ERROR)} ${accountLabel(n)}${ou ? ` [${ou}]` : ''}: ${n.reason.message}`);
    }
    if (result.notAssessed.length > NOT_ASSESSED_ROWS) out.push(c.dim(`  ${interpolate(a.moreNotAssessed, { count: result.notAssessed.length - NOT_ASSESSED_ROWS })}`));
  }
  return out;
}

function complianceSection(view: ComplianceView, lang: ScanResult['scan']['lang'], c: ReturnType<typeof createColors>): string[] {
  const t = TABLE_TEXT[lang];
  const color = { PASS: c.green, FAIL: c.red, ERROR: c.magenta, MANUAL: c.yellow, NOT_APPLICABLE: c.dim, NOT_RUN: c.dim } satisfies Record<RequirementVerdict, (s: string) => string>;
  const table = new Table({ head: [t.requirement, t.verdict, t.checksColumn, t.titleColumn], style: { head: [], border: [] }, wordWrap: true, colWidths: [7, 17, 26, 50] });
  for (const r of view.requirements) {
    const counted = STATUSES.filter((s) => r.counts[s] > 0).map((s) => `${r.counts[s]} ${STATUS_LABELS[lang][s]}`).join(', ');
    table.push([r.id, color[r.verdict](VERDICT_LABELS[lang][r.verdict]), counted || '·', r.title]);
  }
  const totals = (Object.keys(view.totals) as RequirementVerdict[]).filter((v) => view.totals[v] > 0).map((v) => `${view.totals[v]} ${VERDICT_LABELS[lang][v]}`);
  return [c.bold(interpolate(t.complianceHeading, { name: view.framework.name, version: view.framework.version })), table.toString(), totals.join(' · ')];
}

const worst = (list: RenderedFinding[]) => Math.min(...list.map((f) => STATUSES.indexOf(f.status)));
const cell = (n: number, color: (s: string) => string) => (n === 0 ? '·' : color(String(n)));
const when = (iso: string) => `${iso.slice(0, 16).replace('T', ' ')} UTC`;
