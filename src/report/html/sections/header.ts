import type { CredentialReportTimeSource } from '../../../record/record.js';
import type { ScanResult } from '../../../record/result.js';
import { interpolate as fill } from '../../../engine/text.js';
import { STATUS_LABELS } from '../../labels.js';
import { html, type Html } from '../markup.js';
import { EVIDENCE_SOURCE_TEXT, SOURCE_TEXT, type Text } from '../text.js';
import { when } from './common.js';
import { isManyAccounts } from '../../accounts.js';

const FOUR_HOURS = 4 * 3_600_000;

// A console CSV has no generation time: its file time or newest date is said to be just that.
const REPORT_AGE_TEXT = {
  iam: 'reportAge',
  fileModified: 'reportAgeFileModified',
  newestEntry: 'reportAgeNewestEntry',
} as const satisfies Record<CredentialReportTimeSource, keyof Text>;

/** Who and what was scanned, when, from which evidence, and how old the credential report was. */
export function header(result: ScanResult, t: Text): Html {
  const source = t[SOURCE_TEXT[result.scan.source]];
  const filter = result.scan.statusFilter;
  // A many-account scan states its scope and coverage here; each account's own facts are in the accounts section.
  const many = isManyAccounts(result);
  return html`<header class="report">
<h1>${many ? fill(t.headingMany, { count: result.coverage.inScope }) : t.heading}</h1>
<p class="lede">${fill(t.subheading, { version: result.tool.version, source })}</p>
${many ? scopeFacts(result, source, t) : result.accounts.map((account) => accountFacts(result, account, source, t))}
${filter ? html`<p class="note warn">${fill(t.statusFilter, { statuses: filter.map((s) => STATUS_LABELS[result.scan.lang][s]).join(', ') })}</p>` : ''}
</header>`;
}

function scopeFacts(result: ScanResult, source: string, t: Text): Html {
  const { assessed, inScope } = result.coverage;
  const percent = inScope === 0 ? '100%' : `${Math.floor((assessed / inScope) * 100)}%`;
  const collectors = [...new Set(result.accounts.map((a) => a.collector))].join(', ');
  return html`<dl class="facts">
<dt>${t.accountsInScope}</dt><dd id="accounts-in-scope">${inScope}</dd>
<dt>${t.coverage}</dt><dd id="coverage" class="${assessed < inScope ? 'warn' : ''}">${fill(t.coverageValue, { assessed, inScope, percent })}</dd>
<dt>${t.scanTime}</dt><dd>${when(result.scan.startedAt)}</dd>
<dt>${t.source}</dt><dd>${collectors ? fill(t.sourceWithCollector, { source, collector: collectors }) : source}</dd>
</dl>`;
}

function accountFacts(result: ScanResult, account: ScanResult['accounts'][number], source: string, t: Text): Html {
  // The age is taken at the start of the scan, so the page says the same thing whenever it is
  // opened; the absolute time stands beside it. A report generated during the scan is 0 old.
  const generated = account.credentialReportGeneratedAt;
  const ageMs = generated ? Math.max(0, Date.parse(result.scan.startedAt) - Date.parse(generated)) : 0;
  const report = generated
    ? html`<dd class="${ageMs > FOUR_HOURS ? 'warn' : ''}" id="report-age">${fill(t[REPORT_AGE_TEXT[account.credentialReportTimeSource ?? 'iam']], { time: when(generated), age: age(ageMs, t) })}</dd>`
    : html`<dd class="warn" id="report-age">${t.reportMissing}</dd>`;
  return html`<dl class="facts">
<dt>${t.account}</dt><dd id="account-id">${account.id}</dd>
<dt>${t.partition}</dt><dd>${account.partition}</dd>
<dt>${t.scanTime}</dt><dd>${when(result.scan.startedAt)}</dd>
<dt>${t.source}</dt><dd>${fill(t.sourceWithCollector, { source, collector: account.collector })}</dd>
<dt>${t.collectedAt}</dt><dd>${when(account.collectedAt)}</dd>
<dt>${t.credentialReport}</dt>${report}
</dl>
<p class="note">${t.reportAgeNote}</p>
${evidenceParts(account, t)}`;
}

function age(ms: number, t: Text): string {
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 1) return t.ageNow;
  if (minutes < 60) return fill(t.ageMinutes, { minutes });
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return fill(t.ageHours, { hours, minutes: minutes % 60 });
  return fill(t.ageDays, { days: Math.floor(hours / 24) });
}

function evidenceParts(account: ScanResult['accounts'][number], t: Text): Html {
  const rows = Object.entries(account.evidence).map(([name, part]) => {
    const cells =
      'error' in part
        ? html`<td colspan="3" class="warn">${fill(t.partError, { code: part.error.code, message: part.error.message })}${part.error.action ? ` (${part.error.action})` : ''}</td>`
        : html`<td>${sourceLabel(part.source, t)}</td><td>${when(part.observedAt)}</td><td>${part.action ?? ''}</td>`;
    return html`<tr><td><code>${name}</code></td>${cells}</tr>`;
  });
  return html`<details class="parts"><summary>${fill(t.evidenceParts, { count: rows.length })}</summary><table class="small"><thead><tr><th>${t.part}</th><th>${t.partSource}</th><th>${t.observedAt}</th><th>${t.action}</th></tr></thead><tbody>${rows}</tbody></table></details>`;
}

function sourceLabel(source: string, t: Text): string {
  return Object.hasOwn(EVIDENCE_SOURCE_TEXT, source) ? t[EVIDENCE_SOURCE_TEXT[source as keyof typeof EVIDENCE_SOURCE_TEXT]] : source;
}
