import { CHECKS } from '../../checks/registry.js';
import { SEVERITIES, STATUSES } from '../../engine/types.js';
import { FRAMEWORKS } from '../../frameworks/index.js';
import { html, type Html } from '../../report/html/markup.js';
import { SEVERITY_LABELS, STATUS_LABELS } from '../../report/labels.js';
import { FINDING_SORTS } from '../../store/store.js';
import type { ScanFindings } from '../data.js';
import { ouText, page, severityBadge, statusBadge, when, type View } from '../layout.js';
import type { ScanSummary, StoredSummary } from '../../store/store.js';
import type { Params } from '../query.js';
import { findingsTable } from './findings-table.js';

const SORT_WORDS = { severity: 'sortSeverity', status: 'sortStatus', check: 'sortCheck', resource: 'sortResource', account: 'sortAccount' } as const;

/** The findings explorer: filters and sorting are a plain GET form, paging is links; the database does the work. */
export function scanPage(v: View, data: ScanFindings, params: Params): Html {
  const { scan, page: rows } = data;
  const path = `/scans/${scan.id}`;
  const selected = (name: string, value: string) => (params[name] ?? []).flatMap((p) => p.split(',')).includes(value);
  const query = (change: Record<string, string | undefined>) => {
    const next: Record<string, string[] | string | undefined> = { ...params };
    delete next.lang;
    for (const [key, value] of Object.entries(change)) next[key] = value;
    return v.href(path, next);
  };
  const notAssessed = scan.accounts.filter((a) => !a.assessed);
  const single = scan.accounts.length === 1 ? scan.accounts[0] : undefined;
  const facts = html`<p class="facts">${v.say('scanFacts', { started: when(v.lang, scan.startedAt), source: scan.source, version: scan.toolVersion, fingerprint: scan.checkSetFingerprint })}<br>
${v.say('coverage', scan.coverage)} ·
${FRAMEWORKS.map((f) => html`<a href="${v.href(`${path}/compliance/${f.id}`)}">${f.name} ${f.version}</a> · `)}
${single ? html`<a href="${v.href('/diff', { b: scan.id, account: single.accountId })}">${v.say('diffWithPrevious')}</a>` : ''}</p>`;
  const missing = notAssessed.length
    ? html`<h2>${v.say('notAssessedHeading')}</h2><table><thead><tr><th>${v.say('account')}</th><th>${v.say('name')}</th><th>${v.say('ou')}</th><th>${v.say('reason')}</th></tr></thead>
<tbody>${notAssessed.map((a) => html`<tr><td>${a.accountId}</td><td class="break">${a.name ?? '–'}</td><td class="break">${ouText(a.ouPath)}</td><td>${a.notAssessedCode ?? ''}</td></tr>`)}</tbody></table>`
    : '';
  const form = html`<form class="filters" method="get" action="${path}" aria-label="${v.say('filters')}">
${v.lang === 'en' ? '' : html`<input type="hidden" name="lang" value="${v.lang}">`}
${
  scan.accounts.length > 1
    ? html`<label>${v.say('account')}<select name="account" multiple>${scan.accounts.map((a) => html`<option value="${a.accountId}"${selected('account', a.accountId) ? ' selected' : ''}>${a.accountId}${a.name ? ` ${a.name}` : ''}</option>`)}</select></label>
<label>${v.say('ou')}<input name="ou" value="${params.ou?.[0] ?? ''}"></label>`
    : ''
}
<label>${v.say('severity')}<select name="severity" multiple>${SEVERITIES.map((s) => html`<option value="${s}"${selected('severity', s) ? ' selected' : ''}>${SEVERITY_LABELS[v.lang][s]}</option>`)}</select></label>
<label>${v.say('status')}<select name="status" multiple>${STATUSES.map((s) => html`<option value="${s}"${selected('status', s) ? ' selected' : ''}>${STATUS_LABELS[v.lang][s]}</option>`)}</select></label>
<label>${v.say('check')}<select name="check"><option value="">${v.say('any')}</option>${CHECKS.map((c) => html`<option value="${c.id}"${selected('check', c.id) ? ' selected' : ''}>${c.id}</option>`)}</select></label>
<label>${v.say('muted')}<select name="muted"><option value="">${v.say('mutedAny')}</option><option value="yes"${selected('muted', 'yes') ? ' selected' : ''}>${v.say('mutedYes')}</option><option value="no"${selected('muted', 'no') ? ' selected' : ''}>${v.say('mutedNo')}</option></select></label>
<label>${v.say('text')}<input type="search" name="q" value="${params.q?.[0] ?? ''}" placeholder="${v.say('textHint')}"></label>
<label>${v.say('sortBy')}<select name="sort">${FINDING_SORTS.map((s) => html`<option value="${s}"${selected('sort', s) ? ' selected' : ''}>${v.say(SORT_WORDS[s])}</option>`)}</select></label>
<button type="submit">${v.say('apply')}</button> <a href="${v.href(path)}">${v.say('reset')}</a>
</form>`;
  const first = rows.total === 0 ? 0 : rows.offset + 1;
  const last = Math.min(rows.offset + rows.limit, rows.total);
  const pageNo = Math.floor(rows.offset / rows.limit) + 1;
  const pager = html`<div class="pager">
${pageNo > 1 ? html`<a rel="prev" href="${query({ page: String(pageNo - 1) })}">${v.say('previous')}</a>` : ''}
<span>${v.say('pageOf', { from: first, to: last, total: rows.total })}</span>
${last < rows.total ? html`<a rel="next" href="${query({ page: String(pageNo + 1) })}">${v.say('next')}</a>` : ''}</div>`;
  const sortLink = (column: string, label: string) => {
    const current = params.sort?.[0] === column;
    const desc = current && params.desc?.[0] !== '1' ? '1' : undefined;
    return html`<a href="${query({ sort: column, desc, page: undefined })}">${label}</a>`;
  };
  const table = rows.rows.length ? findingsTable(v, rows.rows, (column, label) => ((FINDING_SORTS as readonly string[]).includes(column) ? sortLink(column, label) : html`${label}`)) : html`<p>${v.say('noFindings')}</p>`;
  return page(v, 'scans', v.say('scanHeading', { id: scan.id.slice(0, 8) }), html`<h1>${v.say('scanHeading', { id: scan.id })}</h1>${facts}${rollUps(v, scan, path)}${missing}<h2>${v.say('findings')}</h2>${form}${pager}${table}${pager}`, { path, query: params });
}

/** Per account and per OU (sub-OUs counted in their parents), worst first: a scan of many accounts at a glance. */
function rollUps(v: View, scan: ScanSummary, path: string): Html | string {
  const assessed = scan.accounts.filter((a) => a.assessed);
  if (scan.accounts.length < 2) return '';
  const worst = (x: StoredSummary, y: StoredSummary) => SEVERITIES.reduce((d, s) => d || y.bySeverity[s] - x.bySeverity[s], 0) || y.byStatus.ERROR - x.byStatus.ERROR;
  const ous = new Map<string, StoredSummary>();
  for (const account of assessed) {
    const names = account.ouPath === null || account.ouPath === '' ? [] : account.ouPath.split('/');
    for (let depth = 0; depth <= names.length; depth++) {
      const key = names.slice(0, depth).join('/');
      const sum = ous.get(key) ?? { byStatus: { PASS: 0, FAIL: 0, ERROR: 0, MANUAL: 0, NOT_APPLICABLE: 0 }, bySeverity: { critical: 0, high: 0, medium: 0, low: 0, info: 0 }, muted: 0, total: 0 };
      for (const s of SEVERITIES) sum.bySeverity[s] += account.summary.bySeverity[s];
      for (const s of STATUSES) sum.byStatus[s] += account.summary.byStatus[s];
      sum.muted += account.summary.muted;
      sum.total += account.summary.total;
      ous.set(key, sum);
    }
  }
  const cells = (sum: StoredSummary) => html`${SEVERITIES.map((s) => html`<td class="num">${sum.bySeverity[s]}</td>`)}<td class="num">${sum.byStatus.ERROR}</td>`;
  const head = (first: string) => html`<thead><tr><th>${first}</th>${SEVERITIES.map((s) => html`<th class="num">${severityBadge(v.lang, s)}</th>`)}<th class="num">${statusBadge(v.lang, 'ERROR')}</th></tr></thead>`;
  const byAccount = [...assessed].sort((x, y) => worst(x.summary, y.summary));
  const byOu = [...ous.entries()].sort(([x], [y]) => x.localeCompare(y));
  return html`<h2>${v.say('accounts')}</h2><table>${head(v.say('account'))}<tbody>${byAccount.map(
    (a) => html`<tr><td><a href="${v.href(path, { account: a.accountId })}">${a.accountId}</a> <span class="dim break">${a.name ?? ''} ${ouText(a.ouPath)}</span></td>${cells(a.summary)}</tr>`,
  )}</tbody></table>
${byOu.length > 1 ? html`<h2>${v.say('ou')}</h2><table>${head(v.say('ou'))}<tbody>${byOu.map(([ou, sum]) => html`<tr><td><a href="${v.href(path, ou ? { ou } : {})}">${ouText(ou)}</a></td>${cells(sum)}</tr>`)}</tbody></table>` : ''}`;
}
