import { html, type Html } from '../../report/html/markup.js';
import type { Severity } from '../../engine/types.js';
import type { catalogue } from '../data.js';
import { page, severityBadge, type View } from '../layout.js';

export function checksPage(v: View, data: ReturnType<typeof catalogue>): Html {
  const names = new Map(data.frameworks.map((f) => [f.id, `${f.name} ${f.version}`]));
  return page(
    v,
    'checks',
    v.say('checksHeading'),
    html`<h1>${v.say('checksHeading')}</h1>
<table><thead><tr><th scope="col">${v.say('check')}</th><th scope="col">${v.say('severity')}</th><th scope="col">${v.say('title')}</th><th scope="col">${v.say('frameworks')}</th></tr></thead>
<tbody>${data.checks.map(
      (c) => html`<tr id="${c.id}"><td>${c.id}</td><td>${severityBadge(v.lang, c.severity as Severity)}</td><td><strong>${c.title}</strong><div class="dim">${c.risk}</div></td>
<td>${Object.entries(c.compliance).map(([id, items]) => html`<div>${names.get(id) ?? id}: ${items.join(', ')}</div>`)}</td></tr>`,
    )}</tbody></table>`,
    { path: '/checks', query: {} },
  );
}
