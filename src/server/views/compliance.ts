import { html, type Html } from '../../report/html/markup.js';
import { VERDICT_LABELS } from '../../report/labels.js';
import type { ComplianceView } from '../../report/compliance.js';
import { page, type View } from '../layout.js';

const VERDICT_CLASS = { PASS: 'PASS', FAIL: 'FAIL', ERROR: 'ERROR', MANUAL: 'MANUAL', NOT_APPLICABLE: 'NOT_APPLICABLE', NOT_RUN: 'NOT_APPLICABLE' } as const;

export function compliancePage(v: View, scanId: string, view: ComplianceView): Html {
  const path = `/scans/${scanId}/compliance/${view.framework.id}`;
  const title = v.say('complianceHeading', { framework: `${view.framework.name} ${view.framework.version}`, id: scanId.slice(0, 8) });
  return page(
    v,
    'scans',
    title,
    html`<h1>${title}</h1>
<p class="facts">${Object.entries(view.totals).map(([verdict, count]) => html`<span class="badge st-${VERDICT_CLASS[verdict as keyof typeof VERDICT_CLASS]}">${VERDICT_LABELS[v.lang][verdict as keyof typeof VERDICT_CLASS]} ${v.num(count)}</span> `)}
· <a href="${v.href(`/scans/${scanId}`)}">${v.say('findings')}</a></p>
<table><thead><tr><th scope="col">${v.say('requirement')}</th><th scope="col">${v.say('title')}</th><th scope="col">${v.say('verdict')}</th><th scope="col">${v.say('check')}</th></tr></thead>
<tbody>${view.requirements.map(
      (r) => html`<tr><td>${r.id}</td><td>${r.title}</td><td><span class="badge st-${VERDICT_CLASS[r.verdict]}">${VERDICT_LABELS[v.lang][r.verdict]}</span></td>
<td>${r.checks.map((c) => html`<a href="${v.href(`/scans/${scanId}`, { check: c })}">${c}</a> `)}</td></tr>`,
    )}</tbody></table>`,
    { path, query: {} },
  );
}
