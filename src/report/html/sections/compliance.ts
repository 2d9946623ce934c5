import type { ScanResult } from '../../../record/result.js';
import { interpolate as fill } from '../../../engine/text.js';
import { STATUSES, type Lang } from '../../../engine/types.js';
import { FRAMEWORKS } from '../../../frameworks/index.js';
import { complianceView, frameworkById, type ComplianceView, type CountedFinding, type RequirementVerdict } from '../../compliance.js';
import { VERDICT_LABELS, STATUS_LABELS } from '../../labels.js';
import type { ReportOptions } from '../../options.js';
import { html, type Html } from '../markup.js';
import type { Text } from '../text.js';
import { badge, joined } from './common.js';

/**
 * One requirement table per framework, the `--compliance` one first. Works without script.
 * `findings`: the result's findings, or their neutral fields (../findings.ts).
 */
export function compliance(result: ScanResult, findings: readonly CountedFinding[], options: ReportOptions, t: Text): Html {
  const chosen = options.compliance ? frameworkById(options.compliance) : undefined;
  const frameworks = chosen ? [chosen, ...FRAMEWORKS.filter((f) => f !== chosen)] : FRAMEWORKS;
  const views = frameworks.map((f) => complianceView(result, f, findings));
  const listed = new Set(findings.map((f) => f.checkId));
  return html`<section id="panel-compliance" class="panel" role="tabpanel" aria-labelledby="tab-compliance">
<h2>${t.compliance}</h2>
<p class="note">${t.complianceIntro}</p>
<ul class="toc">${views.map((v) => html`<li><a href="#fw-${v.framework.id}">${`${v.framework.name} ${v.framework.version}`}</a></li>`)}</ul>
${joined(
  views.map((v) => frameworkSection(v, result.scan.lang, listed, t)),
  '\n',
)}
</section>`;
}

/** `listed`: the checks with findings in the result; only those link to the explorer. */
function frameworkSection(view: ComplianceView, lang: Lang, listed: ReadonlySet<string>, t: Text): Html {
  const verdicts = Object.keys(view.totals) as RequirementVerdict[];
  const totals = verdicts.filter((v) => view.totals[v] > 0).map((v) => html`${badge('v', v, VERDICT_LABELS[lang][v])} ${view.totals[v]}`);
  const rows = view.requirements.map((r) => {
    const counted = STATUSES.filter((s) => r.counts[s] > 0).map((s) => `${r.counts[s]} ${STATUS_LABELS[lang][s]}`);
    if (r.muted > 0) counted.push(fill(t.mutedCount, { count: r.muted }));
    const checks = r.checks.map((c) =>
      listed.has(c) ? html`<button type="button" class="check-link" data-check="${c}" title="${fill(t.showChecks, { check: c })}">${c}</button>` : html`<code class="small">${c}</code>`,
    );
    const manual = r.assessment === 'manual' ? html`<span class="tag">${t.manualItem}</span>` : '';
    return html`<tr class="v-${r.verdict}"><td>${r.id}</td><td>${r.title}${manual}</td><td>${badge('v', r.verdict, VERDICT_LABELS[lang][r.verdict])}</td><td class="small">${counted.join(', ') || '·'}</td><td>${joined(checks, ' ')}</td></tr>`;
  });
  return html`<section class="framework" id="fw-${view.framework.id}" data-framework="${view.framework.id}">
<h3>${`${view.framework.name} ${view.framework.version}`}</h3>
<p>${joined(totals, html` &nbsp; `)}</p>
<table class="requirements"><thead><tr><th>${t.requirement}</th><th>${t.requirementTitle}</th><th>${t.verdict}</th><th>${t.findings}</th><th>${t.checks}</th></tr></thead><tbody>${rows}</tbody></table>
</section>`;
}
