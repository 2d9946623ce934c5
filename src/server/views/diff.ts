import { html, type Html } from '../../report/html/markup.js';
import { STATUS_LABELS } from '../../report/labels.js';
import type { diffView } from '../data.js';
import { page, severityBadge, statusBadge, when, type View } from '../layout.js';

type DiffData = Awaited<ReturnType<typeof diffView>>;
type Entry = DiffData['new'][number];

const SECTIONS = [
  ['new', 'diffNew'],
  ['regressed', 'diffRegressed'],
  ['resolved', 'diffResolved'],
  ['changed', 'diffChanged'],
] as const;

/** What changed between two scans, by stable finding id, in the four categories of `lockdown diff`. */
export function diffPage(v: View, data: DiffData, query: Record<string, string | undefined>): Html {
  const b = data.after;
  const heading = data.before.length ? v.say('diffHeading', { a: data.before.map((s) => s.id.slice(0, 8)).join(', '), b: b.id.slice(0, 8) }) : v.say('diffNoPrevious');
  const rows = (entries: readonly Entry[]) =>
    html`<table class="findings"><thead><tr><th>${v.say('status')}</th><th>${v.say('severity')}</th><th>${v.say('check')}</th><th>${v.say('account')}</th><th>${v.say('resource')}</th><th>${v.say('message')}</th></tr></thead>
<tbody>${entries.map((e) => {
      const state = e.after ?? e.before;
      return html`<tr><td>${state ? statusBadge(v.lang, state.status) : ''}${e.before && e.after && e.before.status !== e.after.status ? html`<div class="dim">${v.say('was', { status: STATUS_LABELS[v.lang][e.before.status] })}</div>` : ''}</td>
<td>${state ? severityBadge(v.lang, state.severity) : ''}</td><td><a href="${v.href(`/findings/${e.id}`)}">${e.title}</a><div class="dim">${e.checkId}</div></td>
<td>${e.accountId}</td><td class="break">${e.resource.name}</td><td class="break">${e.message}</td></tr>`;
    })}</tbody></table>`;
  const sections = SECTIONS.map(
    ([key, word]) => html`<h2>${v.say(word)} (${data[key].length})</h2>${data[key].length ? rows(data[key]) : html`<p class="dim">${v.say('diffNone')}</p>`}`,
  );
  return page(
    v,
    'scans',
    heading,
    html`<h1>${heading}</h1>
<p class="facts">${data.before.map((s) => html`<a href="${v.href(`/scans/${s.id}`)}">${when(v.lang, s.startedAt)}</a> → `)}<a href="${v.href(`/scans/${b.id}`)}">${when(v.lang, b.startedAt)}</a>
· ${v.say('diffUnchanged', { count: data.counts.unchanged })}</p>
${sections}`,
    { path: '/diff', query },
  );
}
