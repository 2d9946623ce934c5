import { SEVERITIES } from '../../engine/types.js';
import { html, type Html } from '../../report/html/markup.js';
import type { ScanSummary } from '../../store/store.js';
import { page, severityBadge, sourceText, statusBadge, when, type View } from '../layout.js';

export function scansPage(v: View, scans: readonly ScanSummary[]): Html {
  const body = scans.length
    ? html`<table><thead><tr><th scope="col">${v.say('started')}</th><th scope="col">${v.say('scan')}</th><th scope="col">${v.say('source')}</th><th scope="col">${v.say('accounts')}</th>
${SEVERITIES.map((s) => html`<th scope="col" class="num">${severityBadge(v.lang, s)}</th>`)}<th scope="col" class="num">${statusBadge(v.lang, 'ERROR')}</th><th scope="col">${v.say('tool')}</th></tr></thead>
<tbody>${scans.map(
        (s) => html`<tr><td>${when(v.lang, s.startedAt)}</td><td><a href="${v.href(`/scans/${s.id}`)}">${s.id.slice(0, 8)}</a></td><td>${sourceText(v, s)}</td>
<td>${s.accounts.length === 1 ? (s.accounts[0]?.accountId ?? '') : v.say('coverage', s.coverage)}</td>
${SEVERITIES.map((sev) => html`<td class="num">${v.num(s.summary.bySeverity[sev])}</td>`)}<td class="num">${v.num(s.summary.byStatus.ERROR)}</td><td>${s.toolVersion}</td></tr>`,
      )}</tbody></table>`
    : html`<p>${v.say('noScans')}</p>`;
  return page(v, 'scans', v.say('scansHeading'), html`<h1>${v.say('scansHeading')}</h1>${body}`, { path: '/scans', query: {} });
}
