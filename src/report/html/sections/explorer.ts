import type { ScanResult } from '../../../record/result.js';
import { interpolate as fill } from '../../../engine/text.js';
import { SEVERITIES, STATUSES, type Severity, type Status } from '../../../engine/types.js';
import type { CountedFinding } from '../../compliance.js';
import { SEVERITY_LABELS, STATUS_LABELS } from '../../labels.js';
import { html, type Html } from '../markup.js';
import type { Text } from '../text.js';
import { badge } from './common.js';

/**
 * The tab bar; the page script makes it work (without script both panels simply show).
 * `count`: how many findings the result lists.
 */
export function tabs(count: number, t: Text): Html {
  const tab = (id: string, label: string) => html`<button type="button" role="tab" id="tab-${id}" data-tab="${id}" aria-controls="panel-${id}">${label}</button>`;
  return html`<nav class="tabs needs-js" role="tablist" aria-label="${t.tabs}">${tab('findings', fill(t.tabFindings, { count }))}${tab('compliance', t.tabCompliance)}</nav>`;
}

/**
 * The findings explorer's frame: filters with their counts, the table head, the pager and the
 * print area. The rows come from the page script, which reads them from the data block.
 * `findings`: the result's findings, or their neutral fields (../findings.ts).
 */
export function explorer(result: ScanResult, findings: Iterable<CountedFinding>, t: Text): Html {
  const lang = result.scan.lang;
  const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  const byStatus = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
  let muted = 0;
  const checkIds = new Set<string>();
  for (const f of findings) {
    bySeverity[f.severity]++;
    byStatus[f.status]++;
    if (f.muted) muted++;
    checkIds.add(f.checkId);
  }
  const box = (name: string, index: number, label: Html, count: number) => html`<label><input type="checkbox" name="${name}" value="${index}" checked> ${label} <span class="sub">(${count})</span></label>`;
  const checkOptions = [...checkIds].sort().map((id) => {
    const title = result.checks[id]?.title;
    return html`<option value="${id}">${title ? `${id} — ${title}` : id}</option>`;
  });
  const sortable = (key: string, label: string) => html`<th data-sort="${key}" aria-sort="none"><button type="button">${label}</button></th>`;
  return html`<section id="panel-findings" class="panel" role="tabpanel" aria-labelledby="tab-findings">
<h2>${t.findingsHeading}</h2>
<noscript><p class="note">${t.noscript}</p></noscript>
<div class="controls needs-js">
<div class="row"><fieldset><legend>${t.severity}</legend>${SEVERITIES.map((s, i) => box('severity', i, badge('sev', s, SEVERITY_LABELS[lang][s]), bySeverity[s]))}</fieldset></div>
<div class="row"><fieldset><legend>${t.status}</legend>${STATUSES.map((s, i) => box('status', i, badge('st', s, STATUS_LABELS[lang][s]), byStatus[s]))}</fieldset></div>
<div class="row">
<label>${t.check} <select id="filter-check"><option value="">${t.allChecks}</option>${checkOptions}</select></label>
<label>${t.resource} <input type="search" id="filter-resource" placeholder="${t.resourcePlaceholder}" autocomplete="off"></label>
<label>${t.search} <input type="search" id="filter-search" placeholder="${t.searchPlaceholder}" autocomplete="off"></label>
<label><input type="checkbox" id="filter-muted" checked> ${fill(t.showMuted, { count: muted })}</label>
<button type="button" id="filter-reset">${t.reset}</button>
</div>
</div>
<div class="result-line needs-js"><span id="result-count" aria-live="polite"></span><span>${t.rowHint}</span></div>
<table class="findings needs-js" id="findings-table">
<thead><tr>${sortable('severity', t.colSeverity)}${sortable('status', t.colStatus)}${sortable('check', t.colCheck)}${sortable('resource', t.colResource)}${sortable('message', t.colMessage)}</tr></thead>
<tbody id="findings-body"></tbody>
</table>
<div class="pager needs-js"><button type="button" id="page-prev">${t.previous}</button><span id="page-info"></span><button type="button" id="page-next">${t.next}</button></div>
<div id="print-findings" class="print-only"></div>
</section>`;
}
