import { html, type Html } from '../../report/html/markup.js';
import type { ShownFinding } from '../data.js';
import { ouText, severityBadge, statusBadge, type View } from '../layout.js';

/** Findings as rows: status, severity, check, account, resource and message, each linked to its page. */
export function findingsTable(v: View, findings: readonly ShownFinding[], sorting?: { link: (column: string, label: string) => Html; column: string; descending: boolean }): Html {
  const head = (column: string, word: Parameters<View['say']>[0]) => {
    const sort = sorting?.column === column ? html` aria-sort="${sorting.descending ? 'descending' : 'ascending'}"` : '';
    return html`<th scope="col"${sort}>${sorting ? sorting.link(column, v.say(word)) : v.say(word)}</th>`;
  };
  return html`<table class="findings">
<thead><tr>${head('status', 'status')}${head('severity', 'severity')}${head('check', 'check')}${head('account', 'account')}${head('resource', 'resource')}<th scope="col">${v.say('message')}</th></tr></thead>
<tbody>${findings.map(
    (f) => html`<tr>
<td>${statusBadge(v.lang, f.status)}</td><td>${severityBadge(v.lang, f.severity)}</td>
<td><a href="${v.href(`/findings/${f.id}`)}">${f.title}</a><div class="dim">${f.checkId}</div></td>
<td>${f.accountId}${f.accountName ? html`<div class="dim break">${f.accountName} ${ouText(f.ouPath)}</div>` : ''}</td>
<td class="break">${f.resource.name}<div class="dim">${f.resource.arn}</div></td>
<td class="break">${f.message}${f.muted ? html`<div class="dim">${v.say('mutedBecause', { reason: f.muteReason ?? '' })}</div>` : ''}</td></tr>`,
  )}</tbody></table>`;
}
