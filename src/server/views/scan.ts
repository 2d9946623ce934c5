import { CHECKS } from '../../checks/registry.js';
import { SEVERITIES, STATUSES } from '../../engine/types.js';
import { FRAMEWORKS } from '../../frameworks/index.js';
import { html, type Html } from '../../report/html/markup.js';
import { SEVERITY_LABELS, STATUS_LABELS } from '../../report/labels.js';
import { FINDING_SORTS } from '../../store/store.js';
import { rollUps, type ScanFindings } from '../data.js';
import { ouText, page, severityBadge, sourceText, statusBadge, when, type View } from '../layout.js';
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
  const facts = html`<p class="facts">${v.say('scanFacts', { started: when(v.lang, scan.startedAt), source: sourceText(v, scan), version: scan.toolVersion, fingerprint: scan.checkSetFingerprint })}<br>
${v.say('coverage', scan.coverage)} ·
${FRAMEWORKS.map((f) => html`<a href="${v.href(`${path}/compliance/${f.id}`)}">${f.name} ${f.version}</a> · `)}
${single ? html`<a href="${v.href('/diff', { b: scan.id, account: single.accountId })}">${v.say('diffWithPrevious')}</a>` : html`<a href="${v.href('/diff', { b: scan.id })}">${v.say('diffWithPreviousEach')}</a>`}</p>`;
  const missing = notAssessed.length
    ? html`<h2>${v.say('notAssessedHeading')}</h2><table><thead><tr><th scope="col">${v.say('account')}</th><th scope="col">${v.say('name')}</th><th scope="col">${v.say('ou')}</th><th scope="col">${v.say('reason')}</th></tr></thead>
<tbody>${notAssessed.map((a) => html`<tr><td>${a.accountId}</td><td class="break">${a.name ?? '–'}</td><td class="break">${ouText(a.ouPath)}</td><td>${a.notAssessedCode ?? ''}</td></tr>`)}</tbody></table>`
    : '';
  const form = html`<form class="filters" method="get" action="${path}" aria-label="${v.say('filters')}">
${v.lang === v.defaultLang ? '' : html`<input type="hidden" name="lang" value="${v.lang}">`}
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
  const pageNo = rows.page;
  const pager = html`<nav class="pager" aria-label="${v.say('pagerNav')}">
${pageNo > 1 ? html`<a rel="prev" href="${query({ page: String(pageNo - 1) })}">${v.say('previous')}</a>` : ''}
<span>${v.say('pageOf', { from: first, to: last, total: rows.total })}</span>
${last < rows.total ? html`<a rel="next" href="${query({ page: String(pageNo + 1) })}">${v.say('next')}</a>` : ''}</nav>`;
  const sortLink = (column: string, label: string) => {
    const current = params.sort?.[0] === column;
    const desc = current && params.desc?.[0] !== '1' ? '1' : undefined;
    return html`<a href="${query({ sort: column, desc, page: undefined })}">${label}</a>`;
  };
  const sorted = { column: params.sort?.[0] ?? 'severity', descending: params.desc?.[0] === '1' };
  const table = rows.rows.length
    ? findingsTable(v, rows.rows, { link: (column, label) => ((FINDING_SORTS as readonly string[]).includes(column) ? sortLink(column, label) : html`${label}`), ...sorted })
    : html`<p>${v.say('noFindings')}</p>`;
  return page(v, 'scans', v.say('scanHeading', { id: scan.id.slice(0, 8) }), html`<h1>${v.say('scanHeading', { id: scan.id })}</h1>${facts}${rollUpTables(v, scan, path)}${missing}<h2>${v.say('findings')}</h2>${form}${rows.pastEnd ? html`<p role="status">${v.say('lastPage')}</p>` : ''}${pager}${table}${pager}`, { path, query: params });
}

/** Per account and per OU (sub-OUs counted in their parents), worst first: a scan of many accounts at a glance. */
function rollUpTables(v: View, scan: ScanSummary, path: string): Html | string {
  const { accounts, ous } = rollUps(scan);
  if (accounts.length === 0 && ous.length === 0) return '';
  const cells = (sum: StoredSummary) => html`${SEVERITIES.map((s) => html`<td class="num">${v.num(sum.bySeverity[s])}</td>`)}<td class="num">${v.num(sum.byStatus.ERROR)}</td>`;
  const head = (first: string) => html`<thead><tr><th scope="col">${first}</th>${SEVERITIES.map((s) => html`<th scope="col" class="num">${severityBadge(v.lang, s)}</th>`)}<th scope="col" class="num">${statusBadge(v.lang, 'ERROR')}</th></tr></thead>`;
  return html`<h2>${v.say('rollUpAccounts')}</h2><table class="rollup">${head(v.say('account'))}<tbody>${accounts.map(
    (a) => html`<tr><th scope="row"><a href="${v.href(path, { account: a.key })}">${a.key}</a> <span class="dim break">${a.name ?? ''} ${ouText(a.ouPath)}</span></th>${cells(a.summary)}</tr>`,
  )}</tbody></table>
${ous.length ? html`<h2>${v.say('rollUpOus')}</h2><table class="rollup">${head(v.say('ou'))}<tbody>${ous.map((o) => html`<tr><th scope="row"><a href="${v.href(path, o.key ? { ou: o.key } : {})}">${ouText(o.key)}</a></th>${cells(o.summary)}</tr>`)}</tbody></table>` : ''}`;
}
