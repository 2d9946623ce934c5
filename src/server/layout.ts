import type { Severity, Status } from '../engine/types.js';
import { formatMessage, type Lang } from '../i18n/index.js';
import { html, type Child, type Html } from '../report/html/markup.js';
import { SEVERITY_LABELS, STATUS_LABELS } from '../report/labels.js';
import { DASHBOARD_TEXT, type DashboardWord } from './text.js';

/** What every view needs: the request's language, its words, and links that keep the language. */
export interface View {
  lang: Lang;
  /** The server's language: links and forms carry ?lang= only when the request's differs. */
  defaultLang: Lang;
  /** A number parameter is shown the language's way; plurals choose on {nameCount}. */
  say(word: DashboardWord, params?: Record<string, string | number>): string;
  /** A count the language's way: 50,000 / 50.000. */
  num(n: number): string;
  /** A link inside the dashboard; the language travels along unless it is the default. */
  href(path: string, query?: Record<string, string | readonly string[] | undefined>): string;
}

const numberFormats: Partial<Record<Lang, Intl.NumberFormat>> = {};
const numberFormat = (lang: Lang) => (numberFormats[lang] ??= new Intl.NumberFormat(lang === 'nl' ? 'nl-NL' : 'en-GB'));

export function view(lang: Lang, defaultLang: Lang): View {
  const num = (n: number) => numberFormat(lang).format(n);
  return {
    lang,
    defaultLang,
    num,
    say: (word, params = {}) => {
      const values: Record<string, string | number> = {};
      for (const [key, value] of Object.entries(params)) {
        if (typeof value === 'number') {
          values[key] = num(value);
          values[`${key}Count`] = value;
        } else values[key] = value;
      }
      return formatMessage(lang, DASHBOARD_TEXT[lang][word], values);
    },
    href: (path, query = {}) => {
      const search = new URLSearchParams();
      for (const [key, value] of Object.entries(query)) {
        if (value === undefined) continue;
        for (const v of typeof value === 'string' ? [value] : value) search.append(key, v);
      }
      if (lang !== defaultLang) search.set('lang', lang);
      const text = search.toString();
      return text ? `${path}?${text}` : path;
    },
  };
}

export type Section = 'overview' | 'scans' | 'checks';

/** The page around a view: navigation, the other language, the stylesheet. */
export function page(v: View, section: Section | null, title: string, body: Child, here: { path: string; query: Record<string, string | readonly string[] | undefined> }): Html {
  const other: Lang = v.lang === 'en' ? 'nl' : 'en';
  const otherHref = (() => {
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(here.query)) {
      if (value === undefined || key === 'lang') continue;
      for (const item of typeof value === 'string' ? [value] : value) search.append(key, item);
    }
    search.set('lang', other);
    return `${here.path}?${search.toString()}`;
  })();
  const nav = (target: Section, path: string, word: DashboardWord) =>
    html`<a href="${v.href(path)}"${section === target ? html` class="current" aria-current="page"` : ''}>${v.say(word)}</a>`;
  return html`<!doctype html>
<html lang="${v.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${title} · aws-lockdown</title>
<link rel="stylesheet" href="/assets/style.css">
<link rel="icon" href="/assets/icon.svg" type="image/svg+xml">
</head>
<body>
<header><span class="brand">${v.say('appName')}</span>
<nav aria-label="${v.say('mainNav')}">${nav('overview', '/', 'navOverview')}${nav('scans', '/scans', 'navScans')}${nav('checks', '/checks', 'navChecks')}</nav>
<a href="${otherHref}" hreflang="${other}" lang="${other}">${v.say('otherLang')}</a></header>
<main>
${body}
</main>
</body>
</html>`;
}

export const statusBadge = (lang: Lang, status: Status): Html => html`<span class="badge st-${status}">${STATUS_LABELS[lang][status]}</span>`;
export const severityBadge = (lang: Lang, severity: Severity): Html => html`<span class="badge sev-${severity}">${SEVERITY_LABELS[lang][severity]}</span>`;

/** A time as people read it in the dashboard's language, in UTC (stored times are UTC). */
export function when(lang: Lang, iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(date) + ' UTC';
}

/** Where a scan's evidence came from, in words (and what it re-ran, for a rescan). */
export function sourceText(v: View, scan: { source: string; rescanOf?: string | null }): string {
  const words = { aws: 'sourceAws', evidence: 'sourceEvidence', demo: 'sourceDemo' } as const;
  const source = scan.source in words ? v.say(words[scan.source as keyof typeof words]) : scan.source;
  return scan.rescanOf ? v.say('rescanOf', { source, id: scan.rescanOf.slice(0, 8) }) : source;
}

/** An OU path as the store gives it ('/'-joined names), or a dash. */
export const ouText = (ouPath: string | null): string => (ouPath === null ? '–' : ouPath === '' ? '/' : `/${ouPath}`);
