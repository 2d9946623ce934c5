import { html, type Html } from '../../report/html/markup.js';
import type { ShownFinding } from '../data.js';
import { ouText, severityBadge, statusBadge, type View } from '../layout.js';

/** Findings as rows: status, severity, check, account, resource and message, each linked to its page. */
export function findingsTable(v: View, findings: readonly ShownFinding[], sortLinks?: (column: string, label: string) => Html): Html {
  const head = (column: string, word: Parameters<View['say']>[0]) => (sortLinks ? sortLinks(column, v.say(word)) : v.say(word));
  return html`<table class="findings">
<thead><tr><th>${head('status', 'status')}</th><th>${head('severity', 'severity')}</th><th>${head('check', 'check')}</th><th>${head('account', 'account')}</th><th>${head('resource', 'resource')}</th><th>${v.say('message')}</th></tr></thead>
<tbody>${findings.map(
    (f) => html`<tr>
<td>${statusBadge(v.lang, f.status)}</td><td>${severityBadge(v.lang, f.severity)}</td>
<td><a href="${v.href(`/findings/${f.id}`)}">${f.title}</a><div class="dim">${f.checkId}</div></td>
<td>${f.accountId}${f.accountName ? html`<div class="dim break">${f.accountName} ${ouText(f.ouPath)}</div>` : ''}</td>
<td class="break">${f.resource.name}<div class="dim">${f.resource.arn}</div></td>
<td class="break">${f.message}${f.muted ? html`<div class="dim">${v.say('mutedBecause', { reason: f.muteReason ?? '' })}</div>` : ''}</td></tr>`,
  )}</tbody></table>`;
}
