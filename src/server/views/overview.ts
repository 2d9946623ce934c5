import { SEVERITIES } from '../../engine/types.js';
import { html, type Html } from '../../report/html/markup.js';
import type { Overview } from '../data.js';
import { ouText, page, severityBadge, statusBadge, when, type View } from '../layout.js';
import { trendChart } from '../trend-chart.js';
import { findingsTable } from './findings-table.js';

export function overviewPage(v: View, data: Overview): Html {
  if (data.accounts.length === 0) return page(v, 'overview', v.say('navOverview'), html`<h1>${v.say('overviewHeading')}</h1><p>${v.say('noScans')}</p>`, { path: '/', query: {} });
  const accounts = html`<table>
<thead><tr><th scope="col">${v.say('account')}</th><th scope="col">${v.say('name')}</th><th scope="col">${v.say('ou')}</th><th scope="col">${v.say('lastScan')}</th>
${SEVERITIES.map((s) => html`<th scope="col" class="num">${severityBadge(v.lang, s)}</th>`)}<th scope="col" class="num">${statusBadge(v.lang, 'ERROR')}</th></tr></thead>
<tbody>${data.accounts.map(
    (a) => html`<tr><td><a href="${v.href(`/scans/${a.latest.scanId}`, { account: a.accountId })}">${a.accountId}</a></td>
<td class="break">${a.name ?? '–'}</td><td class="break">${ouText(a.ouPath)}</td><td>${when(v.lang, a.latest.startedAt)}</td>
${
  a.latest.assessed
    ? html`${SEVERITIES.map((s) => html`<td class="num">${v.num(a.latest.summary.bySeverity[s])}</td>`)}<td class="num">${v.num(a.latest.summary.byStatus.ERROR)}</td>`
    : html`<td colspan="${SEVERITIES.length + 1}">${statusBadge(v.lang, 'ERROR')} ${v.say('notAssessed', { code: a.latest.notAssessedCode ?? '' })}</td>`
}</tr>`,
  )}</tbody></table>
<p class="dim">${v.say('coverage', data.coverage)} · ${v.say('failBySeverity')}</p>`;
  const trend = data.trend.length
    ? html`<div class="trend">${trendChart(
        data.trend.map((p) => ({ label: when(v.lang, p.startedAt), fail: p.fail, error: p.error })),
        v.say('trendTitle'),
        (p) => v.say('trendPoint', { time: p.label, fail: p.fail, error: p.error }),
      )}</div><p class="dim">${v.say('trendTitle')}. ${v.say('trendLegend')}</p>`
    : html`<p>${v.say('trendEmpty')}</p>`;
  const worst = data.worst.length ? findingsTable(v, data.worst) : html`<p>${v.say('worstNone')}</p>`;
  return page(
    v,
    'overview',
    v.say('navOverview'),
    html`<h1>${v.say('overviewHeading')}</h1>${accounts}<h2>${v.say('trendHeading')}</h2>${trend}<h2>${v.say('worstHeading')}</h2>${worst}`,
    { path: '/', query: {} },
  );
}
