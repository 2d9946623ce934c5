import type { ScanResult } from '../../../record/result.js';
import type { OuStep } from '../../../record/record.js';
import { interpolate as fill } from '../../../engine/text.js';
import { SEVERITIES } from '../../../engine/types.js';
import { failCount, worstFirst } from '../../accounts.js';
import type { CountedFinding } from '../../compliance.js';
import { STATUS_LABELS } from '../../labels.js';
import { html, type Html } from '../markup.js';
import type { Text } from '../text.js';
import { badge } from './common.js';

// The accounts of a many-account scan (issue 8): a scope filter (account, OU), the accounts worst
// first with their own counts, an account × check matrix of FAILs and the accounts that could not
// be assessed. All server-rendered, so the page reads (and prints) without script; the page script
// only hides rows outside the chosen scope and narrows the findings explorer with it. Every row
// carries its account id and the ids of the OUs above it, which is all the filter needs.

/** `Production / Web`, `Root` directly under the organisation root, '' outside an organisation scan. */
export function ouPathLabel(path: readonly OuStep[] | null, t: Text): string {
  if (path === null) return '';
  return path.length === 0 ? t.orgRoot : path.map((ou) => ou.name).join(' / ');
}

const ouIds = (path: readonly OuStep[] | null) => (path ?? []).map((ou) => ou.id).join(' ');

/** `findings`: the result's findings, or their neutral fields (../findings.ts). */
export function accountsSection(result: ScanResult, findings: Iterable<CountedFinding>, t: Text): Html {
  const lang = result.scan.lang;
  const ranked = worstFirst(result);
  const num = (n: number) => (n === 0 ? html`<td class="n zero">·</td>` : html`<td class="n">${n}</td>`);

  const rows = ranked.map((a) => {
    const s = a.summary;
    return html`<tr data-account="${a.id}" data-ous="${ouIds(a.ouPath)}"><td><button type="button" class="account-link" data-account="${a.id}" title="${fill(t.showAccount, { account: a.id })}">${a.id}</button></td><td>${a.name ?? ''}</td><td class="small">${ouPathLabel(a.ouPath, t)}</td>${num(s.bySeverity.critical)}${num(s.bySeverity.high)}${num(failCount(a))}${num(s.byStatus.ERROR)}${num(s.byStatus.MANUAL)}${num(s.byStatus.PASS)}${num(s.muted)}</tr>`;
  });
  const head = html`<tr><th>${t.account}</th><th>${t.accountName}</th><th>${t.ouPath}</th><th class="n">${t.colCritical}</th><th class="n">${t.colHigh}</th>${(['FAIL', 'ERROR', 'MANUAL', 'PASS'] as const).map((s) => html`<th class="n">${badge('st', s, STATUS_LABELS[lang][s])}</th>`)}<th class="n">${t.matched}</th></tr>`;

  return html`<section id="accounts">
<h2>${t.accountsHeading}</h2>
<p class="note">${t.accountsIntro}</p>
${scopeFilter(result, t)}
<div class="scroll"><table class="small accounts" id="account-table"><thead>${head}</thead><tbody>${rows}</tbody></table></div>
${notAssessed(result, t)}
${matrix(result, findings, ranked, t)}
</section>`;
}

/** The account and OU selects; OUs as a tree, each once, in the order they first appear. */
function scopeFilter(result: ScanResult, t: Text): Html {
  const ous = new Map<string, { name: string; depth: number; parent: string }>();
  const places = [...result.accounts, ...result.notAssessed];
  for (const a of places) {
    a.ouPath?.forEach((ou, depth) => {
      if (!ous.has(ou.id)) ous.set(ou.id, { name: ou.name, depth, parent: a.ouPath?.[depth - 1]?.id ?? '' });
    });
  }
  // Children right after their parent: walk the tree from the root.
  const ordered: string[] = [];
  const visit = (parent: string) => {
    for (const [id, ou] of ous) {
      if (ou.parent !== parent) continue;
      ordered.push(id);
      visit(id);
    }
  };
  visit('');
  const accounts = [...places].sort((a, b) => (a.name ?? a.id).localeCompare(b.name ?? b.id) || a.id.localeCompare(b.id));
  const ouOptions = ordered.map((id) => {
    const ou = ous.get(id) as { name: string; depth: number };
    return html`<option value="${id}">${`${'\u00a0\u00a0'.repeat(ou.depth)}${ou.name}`}</option>`;
  });
  return html`<div class="controls scope needs-js">
<div class="row">
<label>${t.accountFilter} <select id="filter-account"><option value="">${t.allAccounts}</option>${accounts.map((a) => html`<option value="${a.id}">${a.name ? `${a.name} (${a.id})` : a.id}</option>`)}</select></label>
${ordered.length ? html`<label>${t.ouFilter} <select id="filter-ou"><option value="">${t.allOus}</option>${ouOptions}</select></label>` : ''}
<span id="accounts-shown" aria-live="polite"></span>
</div>
</div>`;
}

function notAssessed(result: ScanResult, t: Text): Html {
  if (result.notAssessed.length === 0) return html``;
  const rows = result.notAssessed.map(
    (n) =>
      html`<tr data-account="${n.id}" data-ous="${ouIds(n.ouPath)}"><td>${n.id}</td><td>${n.name ?? ''}</td><td class="small">${ouPathLabel(n.ouPath, t)}</td><td><code>${n.reason.code}</code></td><td>${n.reason.message}</td></tr>`,
  );
  return html`<h3 id="not-assessed-heading" class="warn">${fill(t.notAssessedHeading, { count: result.notAssessed.length })}</h3>
<p class="note">${t.notAssessedIntro}</p>
<div class="scroll"><table class="small" id="not-assessed"><thead><tr><th>${t.account}</th><th>${t.accountName}</th><th>${t.ouPath}</th><th>${t.reasonCode}</th><th>${t.reason}</th></tr></thead><tbody>${rows}</tbody></table></div>`;
}

/**
 * Accounts (worst first) × the checks that fail somewhere (worst severity first): the number of
 * unmuted FAIL findings in each cell. One pass over the findings; empty cells are empty.
 */
function matrix(result: ScanResult, findings: Iterable<CountedFinding>, ranked: readonly ScanResult['accounts'][number][], t: Text): Html {
  const counts = new Map<string, Map<string, number>>();
  for (const f of findings) {
    if (f.status !== 'FAIL' || f.muted) continue;
    let row = counts.get(f.accountId);
    if (!row) counts.set(f.accountId, (row = new Map()));
    row.set(f.checkId, (row.get(f.checkId) ?? 0) + 1);
  }
  const failing = new Set<string>();
  for (const row of counts.values()) for (const id of row.keys()) failing.add(id);
  const severityOf = (id: string) => SEVERITIES.indexOf(result.checks[id]?.severity ?? 'info');
  const checks = [...failing].sort((a, b) => severityOf(a) - severityOf(b) || a.localeCompare(b));
  if (checks.length === 0) return html`<h3>${t.matrixHeading}</h3><p class="note" id="matrix-none">${t.matrixNone}</p>`;
  const head = html`<tr><th>${t.account}</th>${checks.map((id) => html`<th class="mx sev-${result.checks[id]?.severity ?? 'info'}" title="${result.checks[id]?.title ?? id}"><button type="button" class="check-link" data-check="${id}"><span>${id}</span></button></th>`)}</tr>`;
  const rows = ranked.map((a) => {
    const row = counts.get(a.id);
    const cells = checks.map((id) => {
      const n = row?.get(id);
      return n ? html`<td class="n hit">${n}</td>` : html`<td></td>`;
    });
    return html`<tr data-account="${a.id}" data-ous="${ouIds(a.ouPath)}"><th>${a.name ? `${a.name} (${a.id})` : a.id}</th>${cells}</tr>`;
  });
  return html`<h3>${t.matrixHeading}</h3>
<p class="note">${t.matrixIntro}</p>
<div class="scroll"><table class="small matrix" id="matrix"><thead>${head}</thead><tbody>${rows}</tbody></table></div>`;
}
