import { html, type Html } from '../../report/html/markup.js';
import type { DiffResult } from '../data.js';
import { page, severityBadge, sourceText, statusBadge, when, type View } from '../layout.js';

type Entry = DiffResult['new'][number];

const SECTIONS = [
  ['new', 'diffNew'],
  ['regressed', 'diffRegressed'],
  ['resolved', 'diffResolved'],
  ['changed', 'diffChanged'],
] as const;

/**
 * What changed between two scans, by stable finding id, in the four categories of `lockdown diff`;
 * above it a plain GET form to pick any two stored scans of the account.
 */
export function diffPage(v: View, data: DiffResult, query: Record<string, string | undefined>): Html {
  const b = data.after;
  const heading = data.before.length ? v.say('diffHeading', { a: data.before.map((s) => s.id.slice(0, 8)).join(', '), b: b.id.slice(0, 8) }) : v.say('diffNoPrevious');
  const rows = (entries: readonly Entry[]) =>
    html`<table class="findings"><thead><tr><th scope="col">${v.say('status')}</th><th scope="col">${v.say('severity')}</th><th scope="col">${v.say('check')}</th><th scope="col">${v.say('account')}</th><th scope="col">${v.say('resource')}</th><th scope="col">${v.say('message')}</th></tr></thead>
<tbody>${entries.map((e) => {
      const state = e.after ?? e.before;
      return html`<tr><td>${state ? statusBadge(v.lang, state.status) : ''}${(data.notes[e.id] ?? []).map((note) => html`<div class="dim">${note}</div>`)}</td>
<td>${state ? severityBadge(v.lang, state.severity) : ''}</td><td><a href="${v.href(`/findings/${e.id}`)}">${e.title}</a><div class="dim">${e.checkId}</div></td>
<td>${e.accountId}</td><td class="break">${e.resource.name}</td><td class="break">${e.message}</td></tr>`;
    })}</tbody></table>`;
  const sections = SECTIONS.map(
    ([key, word]) => html`<h2>${v.say(word)} (${v.num(data[key].length)})</h2>${data[key].length ? rows(data[key]) : html`<p class="dim">${v.say('diffNone')}</p>`}`,
  );
  const option = (id: string, startedAt: string, source: string, chosen: boolean) =>
    html`<option value="${id}"${chosen ? ' selected' : ''}>${when(v.lang, startedAt)} · ${id.slice(0, 8)} · ${sourceText(v, { source })}</option>`;
  const aChosen = data.before.length === 1 ? data.before[0]?.id : undefined;
  const picker = data.choices.length
    ? html`<form class="picker" method="get" action="/diff" aria-labelledby="diff-pick">
<h2 id="diff-pick">${v.say('diffPickHeading')}</h2>
${v.lang === v.defaultLang ? '' : html`<input type="hidden" name="lang" value="${v.lang}">`}
${query.account ? html`<input type="hidden" name="account" value="${query.account}">` : ''}
<label>${v.say('diffOlder')}<select name="a"><option value=""${query.a ? '' : ' selected'}>${v.say('diffPreviousOfEach')}</option>${data.choices.map((s) => option(s.id, s.startedAt, s.source, query.a !== undefined && s.id === aChosen))}</select></label>
<label>${v.say('diffNewer')}<select name="b">${data.choices.map((s) => option(s.id, s.startedAt, s.source, s.id === b.id))}</select></label>
<button type="submit">${v.say('diffCompare')}</button>
</form>`
    : '';
  return page(
    v,
    'scans',
    heading,
    html`<h1>${heading}</h1>
<p class="facts">${data.before.map((s) => html`<a href="${v.href(`/scans/${s.id}`)}">${when(v.lang, s.startedAt)}</a> → `)}<a href="${v.href(`/scans/${b.id}`)}">${when(v.lang, b.startedAt)}</a>
· ${v.say('diffUnchanged', { count: data.counts.unchanged })}</p>
${picker}
${data.remarks.map((r) => html`<p class="dim">${r}</p>`)}
${sections}`,
    { path: '/diff', query },
  );
}
