import { createColors } from 'picocolors';
import type { Lang, Severity, Status } from '../engine/types.js';
import { day, list, msg, say, type MessageId, type MessageParam } from '../i18n/index.js';
import { html, selfContainedHead } from '../report/html/markup.js';
import { SEVERITY_LABELS, STATUS_LABELS } from '../report/labels.js';
import { mdCode, mdText } from '../report/markdown.js';
import { safeText } from '../report/safe-text.js';
import { CATEGORIES, headline, type Category, type DiffEntry, type ScanDiff } from './diff.js';

// A diff in words: table (terminal), JSON, Markdown (pull requests, bounded) and HTML (one
// self-contained page, no script). Titles and messages come from the two scans as rendered in the
// asked language (a saved JSON result keeps the words it was written with).

export const DIFF_FORMATS = ['table', 'json', 'markdown', 'html'] as const;
export type DiffFormat = (typeof DIFF_FORMATS)[number];

/** A finding's words in one scan. */
export interface FindingWords {
  title: string;
  message: string;
}

export interface DiffView {
  diff: ScanDiff;
  lang: Lang;
  /** How each side is named: a stored scan, or the file it was read from. */
  sides: { before: string; after: string };
  /** Words of the findings in the older and the newer scan, by finding id. */
  words: { before: ReadonlyMap<string, FindingWords>; after: ReadonlyMap<string, FindingWords> };
  color?: boolean;
}

/** Entries listed per category in the table and Markdown before "… and N more". */
const TABLE_MAX = 50;
const MARKDOWN_MAX = 20;

export function renderDiff(view: DiffView, format: DiffFormat): string {
  switch (format) {
    case 'table':
      return diffTable(view);
    case 'json':
      return diffJson(view);
    case 'markdown':
      return diffMarkdown(view);
    case 'html':
      return diffHtml(view);
  }
}

const t = (lang: Lang, id: MessageId, params: Record<string, MessageParam> = {}) => say(lang, msg(id, params));

/** The line a table starts with after a stored scan: "since the last scan (date): N new, …". */
export function sinceLine(diff: ScanDiff, lang: Lang): string {
  const last = diff.before.at(-1);
  if (!last) {
    const accounts = diff.accounts.map((a) => a.accountId);
    return t(lang, 'firstStoredScan', { count: accounts.length, accounts: list(accounts) });
  }
  return t(lang, 'sinceLastScan', { date: day(new Date(last.startedAt)), ...headline(diff) });
}

function words(view: DiffView, e: DiffEntry): FindingWords {
  return view.words.after.get(e.id) ?? view.words.before.get(e.id) ?? { title: e.checkId, message: '' };
}

/** What changed about an entry, in words: "was PASS", "severity low → high", "no longer muted". */
export function notes(e: DiffEntry, lang: Lang): string[] {
  const out: string[] = [];
  const { before, after } = e;
  for (const why of e.why) {
    if (why === 'gone') out.push(t(lang, 'diffGone'));
    else if (why === 'cameBack') out.push(t(lang, 'diffCameBack'));
    else if ((why === 'worse' || why === 'fixed' || why === 'status') && before) out.push(t(lang, 'diffWas', { status: STATUS_LABELS[lang][before.status] }));
    else if (why === 'severity' && before && after) out.push(t(lang, 'diffSeverity', { before: SEVERITY_LABELS[lang][before.severity], after: SEVERITY_LABELS[lang][after.severity] }));
    else if (why === 'muted' && after) out.push(after.muted ? t(lang, 'diffNowMuted', { reason: after.muteReason ?? '' }) : t(lang, 'diffNoLongerMuted'));
    else if (why === 'checkVersion' && before && after) out.push(t(lang, 'diffCheckVersion', { before: before.checkVersion ?? '?', after: after.checkVersion ?? '?' }));
  }
  return out;
}

const shown = (e: DiffEntry): { status: Status; severity: Severity; muted: boolean } => {
  const s = e.after ?? e.before;
  return { status: s?.status ?? 'ERROR', severity: s?.severity ?? 'info', muted: s?.muted ?? false };
};

export function extras(view: DiffView): string[] {
  const { diff, lang } = view;
  const out: string[] = [];
  const checks = (items: { checkId: string; findings: number; problems: number }[]) => list(items.map((c) => t(lang, 'diffCheckCount', { ...c })));
  if (diff.checks.added.length) out.push(t(lang, 'diffChecksAdded', { checks: checks(diff.checks.added) }));
  if (diff.checks.removed.length) out.push(t(lang, 'diffChecksRemoved', { checks: checks(diff.checks.removed) }));
  if (diff.checks.updated.length) out.push(t(lang, 'diffChecksUpdated', { checks: list(diff.checks.updated.map((u) => `${u.checkId} ${u.before} → ${u.after}`)) }));
  return out;
}

export function accountLines(view: DiffView): string[] {
  return view.diff.accounts
    .filter((a) => a.change !== 'firstScan')
    .map((a) => t(view.lang, 'diffAccount', { account: a.name ? `${a.accountId} (${a.name})` : a.accountId, change: a.change, code: a.code ?? '', findings: a.findings }));
}

function totals(view: DiffView): string {
  const c = view.diff.counts;
  return t(view.lang, 'diffTotals', { new: c.new, regressed: c.regressed, resolved: c.resolved, changed: c.changed, unchanged: c.unchanged });
}

function diffTable(view: DiffView): string {
  const { diff, lang } = view;
  const c = createColors(view.color ?? false);
  const statusColor = { FAIL: c.red, ERROR: c.magenta, MANUAL: c.yellow, PASS: c.green, NOT_APPLICABLE: c.dim } satisfies Record<Status, (s: string) => string>;
  const categoryColor = { new: c.red, regressed: c.red, resolved: c.green, changed: c.yellow } satisfies Record<Category, (s: string) => string>;
  const out: string[] = [c.bold(t(lang, 'diffHeading', { before: view.sides.before, after: view.sides.after })), totals(view)];
  const several = new Set([...CATEGORIES.flatMap((k) => diff.entries[k].map((e) => e.accountId))]).size > 1;
  for (const category of CATEGORIES) {
    const entries = diff.entries[category];
    if (entries.length === 0) continue;
    out.push('', c.bold(categoryColor[category](t(lang, 'diffCategory', { category, count: entries.length }))));
    for (const e of entries.slice(0, TABLE_MAX)) {
      const s = shown(e);
      const w = words(view, e);
      const tags = [...notes(e, lang), ...(s.muted ? [t(lang, 'diffMutedTag')] : [])];
      const where = several ? `${e.accountId} ` : '';
      out.push(`  ${SEVERITY_LABELS[lang][s.severity].padEnd(8)} ${statusColor[s.status](STATUS_LABELS[lang][s.status].padEnd(6))} ${c.bold(e.checkId)} ${where}${e.resource.name}: ${w.message}${tags.length ? c.dim(` [${tags.join('; ')}]`) : ''}`);
    }
    if (entries.length > TABLE_MAX) out.push(c.dim(`  ${t(lang, 'diffMore', { count: entries.length - TABLE_MAX })}`));
  }
  if (CATEGORIES.every((k) => diff.entries[k].length === 0)) out.push('', t(lang, 'diffNothing'));
  const more = extras(view);
  if (more.length) out.push('', ...more);
  const accounts = accountLines(view);
  if (accounts.length) out.push('', c.bold(t(lang, 'diffAccountsHeading', { count: accounts.length })), ...accounts.map((line) => `  ${line}`));
  // Names and messages come from the account: no escape sequence reaches the terminal.
  return `${out.map((line) => safeText(line)).join('\n')}\n`;
}

/** The diff as data, with each entry's words: the same shape `/api/` serves (schema aws-lockdown/diff@1). */
export function diffData(view: DiffView) {
  const { diff } = view;
  const entry = (e: DiffEntry) => ({ ...e, ...words(view, e) });
  return {
    schema: 'aws-lockdown/diff@1' as const,
    lang: view.lang,
    before: diff.before,
    after: diff.after,
    headline: headline(diff),
    counts: diff.counts,
    new: diff.entries.new.map(entry),
    regressed: diff.entries.regressed.map(entry),
    resolved: diff.entries.resolved.map(entry),
    changed: diff.entries.changed.map(entry),
    checks: diff.checks,
    accounts: diff.accounts,
  };
}

function diffJson(view: DiffView): string {
  return `${JSON.stringify(diffData(view), null, 2)}\n`;
}

function diffMarkdown(view: DiffView): string {
  const { diff, lang } = view;
  const out: string[] = [`### ${mdText(t(lang, 'diffHeading', { before: view.sides.before, after: view.sides.after }))}`, '', mdText(totals(view))];
  for (const category of CATEGORIES) {
    const entries = diff.entries[category];
    if (entries.length === 0) continue;
    out.push('', `#### ${mdText(t(lang, 'diffCategory', { category, count: entries.length }))}`, '');
    for (const e of entries.slice(0, MARKDOWN_MAX)) {
      const s = shown(e);
      const tags = [...notes(e, lang), ...(s.muted ? [t(lang, 'diffMutedTag')] : [])];
      out.push(`- **${mdText(STATUS_LABELS[lang][s.status])}** ${mdText(SEVERITY_LABELS[lang][s.severity])} ${mdCode(e.checkId)} ${mdCode(e.resource.name)}: ${mdText(words(view, e).message)}${tags.length ? ` _(${mdText(tags.join('; '))})_` : ''}`);
    }
    if (entries.length > MARKDOWN_MAX) out.push(`- ${mdText(t(lang, 'diffMore', { count: entries.length - MARKDOWN_MAX }))}`);
  }
  if (CATEGORIES.every((k) => diff.entries[k].length === 0)) out.push('', mdText(t(lang, 'diffNothing')));
  const more = extras(view);
  if (more.length) out.push('', ...more.map((line) => mdText(line, 2000)));
  const accounts = accountLines(view);
  if (accounts.length) out.push('', `#### ${mdText(t(lang, 'diffAccountsHeading', { count: accounts.length }))}`, '', ...accounts.slice(0, MARKDOWN_MAX).map((line) => `- ${mdText(line)}`));
  return `${out.join('\n')}\n`;
}

const STYLE = `body{font:15px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:72rem;padding:0 1rem;color:#1b1f24}
h1{font-size:1.3rem}h2{font-size:1.1rem;margin-top:1.6rem}table{border-collapse:collapse;width:100%}
td,th{border-bottom:1px solid #d0d7de;padding:.3rem .5rem;text-align:left;vertical-align:top}
.FAIL{color:#b42318;font-weight:600}.ERROR{color:#8a3ffc;font-weight:600}.PASS{color:#1a7f37}.MANUAL{color:#9a6700}.NOT_APPLICABLE{color:#57606a}
.note{color:#57606a}code{font-size:.9em}`;

function diffHtml(view: DiffView): string {
  const { diff, lang } = view;
  const sections = CATEGORIES.filter((k) => diff.entries[k].length > 0).map(
    (category) => html`<section><h2>${t(lang, 'diffCategory', { category, count: diff.entries[category].length })}</h2>
<table><tbody>${diff.entries[category].map((e) => {
      const s = shown(e);
      const w = words(view, e);
      const tags = [...notes(e, lang), ...(s.muted ? [t(lang, 'diffMutedTag')] : [])];
      return html`<tr><td class="${s.status}">${STATUS_LABELS[lang][s.status]}</td><td>${SEVERITY_LABELS[lang][s.severity]}</td><td><code>${e.checkId}</code><br>${w.title}</td><td>${e.accountId}</td><td>${e.resource.name}</td><td>${w.message}${tags.length ? html`<div class="note">${tags.join('; ')}</div>` : ''}</td></tr>`;
    })}</tbody></table></section>`,
  );
  const more = extras(view);
  const accounts = accountLines(view);
  const title = t(lang, 'diffDocumentTitle', { before: diff.before.map((s) => s.id.slice(0, 8)).join(', ') || '—', after: diff.after.id.slice(0, 8) });
  return html`${selfContainedHead({ lang, title, style: STYLE })}
<body>
<h1>${t(lang, 'diffHeading', { before: view.sides.before, after: view.sides.after })}</h1>
<p>${totals(view)}</p>
${sections.length ? sections : html`<p>${t(lang, 'diffNothing')}</p>`}
${more.length ? html`<section>${more.map((line) => html`<p>${line}</p>`)}</section>` : ''}
${accounts.length ? html`<section><h2>${t(lang, 'diffAccountsHeading', { count: accounts.length })}</h2><ul>${accounts.map((line) => html`<li>${line}</li>`)}</ul></section>` : ''}
</body>
</html>
`.toString();
}
