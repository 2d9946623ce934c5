import type { Severity, Status } from '../engine/types.js';
import { formatMessage, type Lang } from '../i18n/index.js';
import { html, type Child, type Html } from '../report/html/markup.js';
import { SEVERITY_LABELS, STATUS_LABELS } from '../report/labels.js';
import { DASHBOARD_TEXT, type DashboardWord } from './text.js';

/** What every view needs: the request's language, its words, and links that keep the language. */
export interface View {
  lang: Lang;
  say(word: DashboardWord, params?: Record<string, string | number>): string;
  /** A link inside the dashboard; the language travels along unless it is the default. */
  href(path: string, query?: Record<string, string | readonly string[] | undefined>): string;
}

export function view(lang: Lang, defaultLang: Lang): View {
  return {
    lang,
    say: (word, params = {}) => formatMessage(lang, DASHBOARD_TEXT[lang][word], params),
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
<nav>${nav('overview', '/', 'navOverview')}${nav('scans', '/scans', 'navScans')}${nav('checks', '/checks', 'navChecks')}</nav>
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

/** An OU path as the store gives it ('/'-joined names), or a dash. */
export const ouText = (ouPath: string | null): string => (ouPath === null ? '–' : ouPath === '' ? '/' : `/${ouPath}`);
