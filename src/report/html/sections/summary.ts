import type { ScanResult } from '../../../record/result.js';
import { interpolate as fill } from '../../../engine/text.js';
import { SEVERITIES, STATUSES } from '../../../engine/types.js';
import { SEVERITY_LABELS, STATUS_LABELS } from '../../labels.js';
import { severityChart } from '../chart.js';
import { html, type Html } from '../markup.js';
import type { Text } from '../text.js';
import { badge, joined } from './common.js';

/** The severity × status counts of every finding, the chart, and what the mutelist did. */
export function summary(result: ScanResult, t: Text): Html {
  const lang = result.scan.lang;
  const counts = result.summary.bySeverityAndStatus;
  const num = (n: number) => (n === 0 ? html`<td class="n zero">·</td>` : html`<td class="n">${n}</td>`);
  const head = html`<tr><th>${t.severity}</th>${STATUSES.map((s) => html`<th class="n">${badge('st', s, STATUS_LABELS[lang][s])}</th>`)}<th class="n">${t.total}</th></tr>`;
  const rows = SEVERITIES.map(
    (sev) => html`<tr><td class="sev">${badge('sev', sev, SEVERITY_LABELS[lang][sev])}</td>${STATUSES.map((s) => num(counts[sev][s]))}<td class="n">${STATUSES.reduce((sum, s) => sum + counts[sev][s], 0)}</td></tr>`,
  );
  const all = STATUSES.reduce((sum, s) => sum + result.summary.byStatus[s], 0);
  const total = html`<tr class="total"><td>${t.total}</td>${STATUSES.map((s) => html`<td class="n">${result.summary.byStatus[s]}</td>`)}<td class="n">${all}</td></tr>`;
  return html`<section id="summary">
<h2>${t.summary}</h2>
<div class="summary-grid">
<table class="counts" id="summary-counts"><thead>${head}</thead><tbody>${rows}${total}</tbody></table>
${severityChart(result, t.chartTitle)}
</div>
${result.summary.muted > 0 ? html`<p class="note">${fill(t.mutedTotal, { count: result.summary.muted })}</p>` : ''}
${result.mutelist ? mutelist(result.mutelist, t) : ''}
</section>`;
}

function mutelist(report: NonNullable<ScanResult['mutelist']>, t: Text): Html {
  const rows = report.rules.map(
    (r) =>
      html`<tr><td class="n">${r.rule}</td><td>${joined(r.checks.map((c) => html`<code>${c}</code>`))}</td><td>${r.reason}</td><td>${r.owner ?? ''}</td><td>${r.expires ?? ''}${r.expired ? html` <span class="tag warn">${t.expired}</span>` : ''}</td><td class="n">${r.matched}</td></tr>`,
  );
  return html`<h3>${fill(t.mutelist, { file: report.file })}</h3>
<table class="small"><thead><tr><th class="n">${t.rule}</th><th>${t.ruleChecks}</th><th>${t.reason}</th><th>${t.owner}</th><th>${t.expires}</th><th class="n">${t.matched}</th></tr></thead><tbody>${rows}</tbody></table>
${report.unused.length ? html`<p class="note warn">${fill(t.unusedRules, { rules: report.unused.join(', ') })}</p>` : ''}
${report.expired.length ? html`<p class="note warn">${fill(t.expiredRules, { rules: report.expired.join(', ') })}</p>` : ''}`;
}
