import { html, type Html } from '../../report/html/markup.js';
import { STATUS_LABELS } from '../../report/labels.js';
import type { FindingView } from '../data.js';
import { page, severityBadge, statusBadge, when, type View } from '../layout.js';

/** One finding: its latest state, the fix, and its timeline over the account's stored scans. */
export function findingPage(v: View, data: FindingView): Html {
  const { history, shown } = data;
  const timeline = html`<ol class="timeline">${history.timeline.map(
    (entry) => html`<li>${statusBadge(v.lang, entry.status)} ${severityBadge(v.lang, entry.severity)}
${entry.from.scanId === entry.to.scanId ? v.say('fromToSame', { from: when(v.lang, entry.from.startedAt) }) : v.say('fromTo', { from: when(v.lang, entry.from.startedAt), to: when(v.lang, entry.to.startedAt) })}
(<a href="${v.href(`/scans/${entry.from.scanId}`)}">${entry.from.scanId.slice(0, 8)}</a>${entry.to.scanId === entry.from.scanId ? '' : html` – <a href="${v.href(`/scans/${entry.to.scanId}`)}">${entry.to.scanId.slice(0, 8)}</a>`})
${entry.muted ? html`<span class="dim">${v.say('mutedBecause', { reason: entry.muteReason ?? '' })}</span>` : ''}
${entry.absentAfter ? html`<div class="dim">${v.say('goneAfter')}</div>` : ''}</li>`,
  )}</ol>`;
  const fix = shown.remediation
    ? html`<h2>${v.say('fix')}</h2><p>${shown.remediation.summary}</p><ol>${shown.remediation.steps.map((s) => html`<li>${s}</li>`)}</ol>${shown.remediation.cli ? html`<pre>${shown.remediation.cli}</pre>` : ''}`
    : '';
  return page(
    v,
    null,
    v.say('findingHeading', { id: history.findingId }),
    html`<h1>${shown.title}</h1>
<p>${statusBadge(v.lang, shown.status)} ${severityBadge(v.lang, shown.severity)} <span class="dim">${shown.checkId} · ${history.findingId}</span></p>
<p class="break">${shown.message}</p>
<p class="dim break">${v.say('account')} ${history.accountId} · ${shown.resource.name} · ${shown.resource.arn}</p>
<p class="dim">${v.say('firstSeen', { time: when(v.lang, history.firstSeen.startedAt) })} · ${v.say('lastSeen', { time: when(v.lang, history.lastSeen.startedAt) })} · ${history.present ? v.say('stillOpen') : v.say('notPresent')}
${history.present ? '' : html` (${STATUS_LABELS[v.lang][shown.status]})`}</p>
${data.risk ? html`<h2>${v.say('risk')}</h2><p>${data.risk}</p>` : ''}
${fix}
<h2>${v.say('timeline')}</h2>${timeline}`,
    { path: `/findings/${history.findingId}`, query: {} },
  );
}
