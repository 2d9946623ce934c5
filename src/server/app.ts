import { createHash, timingSafeEqual } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { InputError } from '../errors.js';
import { say, type Lang } from '../i18n/index.js';
import type { Store } from '../store/store.js';
import { catalogue, compliance, diffView, findingView, overview, RenderedScans, rollUps, scanFindings, type DiffQuery } from './data.js';
import { view, type View } from './layout.js';
import type { DashboardWord } from './text.js';
import { BadQuery, findingsQuery, MAX_LIMIT, paramsOf, whole } from './query.js';
import { DASHBOARD_ICON, DASHBOARD_STYLE } from './style.js';
import { checksPage } from './views/checks.js';
import { compliancePage } from './views/compliance.js';
import { diffPage } from './views/diff.js';
import { errorPage } from './views/error.js';
import { findingPage } from './views/finding.js';
import { overviewPage } from './views/overview.js';
import { scanPage } from './views/scan.js';
import { scansPage } from './views/scans.js';

// The dashboard as a hono app: pages rendered on the server (no script at all), the same data as
// JSON under /api/, read-only over the store. Every response carries a strict
// Content-Security-Policy; off loopback, every request needs the access token.

export interface DashboardOptions {
  /** The default language (a request may ask for the other with ?lang=). */
  lang: Lang;
  /** Required on every request when set (Authorization: Bearer, the cookie, or ?token= once). */
  token: string | null;
  /** The Host headers accepted (DNS rebinding); null accepts any. */
  allowedHosts: readonly string[] | null;
}

const CSP = [
  "default-src 'none'",
  "style-src 'self'",
  "img-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const TOKEN_COOKIE = 'lockdown_token';

class NotFound extends Error {}

export function dashboardApp(store: Store, options: DashboardOptions): Hono {
  const app = new Hono();
  const scans = new RenderedScans(store);
  const langOf = (c: Context): Lang => {
    const asked = c.req.query('lang');
    return asked === 'en' || asked === 'nl' ? asked : options.lang;
  };
  const viewOf = (c: Context): View => view(langOf(c), options.lang);
  /** A refusal in the request's language: JSON under /api/, a page elsewhere. */
  const refuse = (c: Context, status: 400 | 401 | 404 | 405 | 421 | 500, word: DashboardWord, params: Record<string, string> = {}) => {
    const v = viewOf(c);
    const text = v.say(word, params);
    return c.req.path.startsWith('/api/') ? c.json({ error: text }, status) : c.html(errorPage(v, text), status);
  };

  app.use('*', async (c, next) => {
    secure(c);
    if (options.allowedHosts && !options.allowedHosts.includes((c.req.header('host') ?? '').toLowerCase())) return refuse(c, 421, 'unknownHost');
    // Read-only: nothing here changes the store.
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') {
      c.header('Allow', 'GET, HEAD');
      return refuse(c, 405, 'readOnly');
    }
    // A query string that is not valid UTF-8 once decoded is refused: silently turning %FF into U+FFFD would search for something nobody typed.
    const broken = brokenParameter(c.req.url);
    if (broken !== null) return refuse(c, 400, 'badRequest', { detail: viewOf(c).say('badEncoding', { name: broken }) });
    if (options.token !== null) {
      const offered = bearer(c.req.header('authorization')) ?? c.req.query('token') ?? getCookie(c, TOKEN_COOKIE);
      if (offered === undefined || !same(offered, options.token)) {
        return refuse(c, 401, 'badToken');
      }
      if (c.req.query('token') !== undefined) {
        // Keep the token out of the address bar and history: a cookie from now on. The way back is
        // this server's own path: '//evil.example' or '/\\evil.example' would leave it (open redirect).
        setCookie(c, TOKEN_COOKIE, options.token, { httpOnly: true, sameSite: 'Strict', path: '/' });
        const url = new URL(c.req.url);
        url.searchParams.delete('token');
        return c.redirect(ownPath(url.pathname) + url.search, 303);
      }
    }
    await next();
  });

  app.get('/assets/style.css', (c) => c.body(DASHBOARD_STYLE, 200, { 'Content-Type': 'text/css; charset=utf-8', 'Cache-Control': 'max-age=3600' }));

  app.get('/assets/icon.svg', (c) => c.body(DASHBOARD_ICON, 200, { 'Content-Type': 'image/svg+xml', 'Cache-Control': 'max-age=3600' }));
  app.get('/favicon.ico', (c) => c.redirect('/assets/icon.svg', 301));

  app.get('/', async (c) => c.html(overviewPage(viewOf(c), await overview(store, langOf(c)))));
  app.get('/api/overview', async (c) => c.json(await overview(store, langOf(c))));

  const listScans = (c: Context) => store.listScans({ account: c.req.query('account') || undefined, limit: whole('limit', c.req.query('limit'), 100, MAX_LIMIT) || 100 });
  app.get('/scans', async (c) => c.html(scansPage(viewOf(c), await listScans(c))));
  app.get('/api/scans', async (c) => c.json(await listScans(c)));

  const scanId = (c: Context) => store.resolveScanRef(c.req.param('id') ?? '');
  app.get('/scans/:id', async (c) => {
    const id = await scanId(c);
    const params = paramsOf(new URL(c.req.url));
    return c.html(scanPage(viewOf(c), await scanFindings(store, findingsQuery(id, params), langOf(c)), params));
  });
  app.get('/api/scans/:id', async (c) => {
    const summary = await store.scanSummary(await scanId(c));
    return c.json({ ...summary, rollUps: rollUps(summary) });
  });
  app.get('/api/scans/:id/findings', async (c) => {
    const { page: _asked, ...query } = findingsQuery(await scanId(c), paramsOf(new URL(c.req.url)));
    return c.json((await scanFindings(store, query, langOf(c))).page);
  });
  app.get('/api/scans/:id/result', async (c) => c.json(await scans.result(await scanId(c), langOf(c))));

  const complianceOf = async (c: Context) => {
    const id = await scanId(c);
    const view = await compliance(scans, id, c.req.param('framework') ?? '', langOf(c));
    if (!view) throw new NotFound(c.req.param('framework'));
    return { id, view };
  };
  app.get('/scans/:id/compliance/:framework', async (c) => {
    const { id, view } = await complianceOf(c);
    return c.html(compliancePage(viewOf(c), id, view));
  });
  app.get('/api/scans/:id/compliance/:framework', async (c) => c.json((await complianceOf(c)).view));

  const findingOf = async (c: Context) => {
    const found = await findingView(store, c.req.param('id') ?? '', langOf(c));
    if (!found) throw new NotFound(c.req.param('id'));
    return found;
  };
  app.get('/findings/:id', async (c) => c.html(findingPage(viewOf(c), await findingOf(c))));
  app.get('/api/findings/:id', async (c) => c.json(await findingOf(c)));

  const diffQuery = (c: Context): DiffQuery => ({ a: c.req.query('a') || undefined, b: c.req.query('b') || undefined, account: c.req.query('account') || undefined });
  app.get('/diff', async (c) => {
    const query = diffQuery(c);
    return c.html(diffPage(viewOf(c), await diffView(store, scans, query, langOf(c)), { ...query }));
  });
  app.get('/api/diff', async (c) => c.json(await diffView(store, scans, diffQuery(c), langOf(c))));

  app.get('/checks', (c) => c.html(checksPage(viewOf(c), catalogue(langOf(c)))));
  app.get('/api/checks', (c) => c.json(catalogue(langOf(c))));

  app.notFound((c) => refuse(c, 404, 'notFound', { what: c.req.path }));
  app.onError((error, c) => {
    // The error handler runs on a fresh response: the security headers again.
    secure(c);
    if (error instanceof BadQuery) return refuse(c, 400, 'badRequest', { detail: viewOf(c).say(error.word, error.params) });
    // The store's "unknown scan id" / "ambiguous prefix", or a finding that is not stored.
    if (error instanceof InputError || error instanceof NotFound) return refuse(c, 404, 'notFound', { what: error instanceof InputError ? say(langOf(c), error.said) : error.message });
    // Nothing of the error leaves the server (no stack, no file path): it goes to the terminal.
    console.error(`lockdown serve: ${c.req.method} ${c.req.path}: ${error instanceof Error ? error.message : String(error)}`);
    return refuse(c, 500, 'internalError');
  });
  return app;
}

function secure(c: Context): void {
  c.header('Content-Security-Policy', CSP);
  c.header('X-Content-Type-Options', 'nosniff');
  c.header('Referrer-Policy', 'no-referrer');
  c.header('X-Frame-Options', 'DENY');
  c.header('Cross-Origin-Resource-Policy', 'same-origin');
  c.header('Cache-Control', 'no-store');
}

/** The name of the first query parameter whose name or value is not valid percent-encoded UTF-8, or null. */
export function brokenParameter(url: string): string | null {
  const at = url.indexOf('?');
  if (at < 0) return null;
  for (const pair of url.slice(at + 1).split('#')[0]?.split('&') ?? []) {
    const [name = '', value = ''] = pair.split('=', 2);
    try {
      decodeURIComponent(value.replace(/\+/g, ' '));
    } catch {
      try {
        return decodeURIComponent(name.replace(/\+/g, ' '));
      } catch {
        return '?';
      }
    }
    try {
      decodeURIComponent(name.replace(/\+/g, ' '));
    } catch {
      return '?';
    }
  }
  return null;
}

/** A path on this server: leading slashes and backslashes become one '/', so it never names another host. */
export function ownPath(path: string): string {
  return `/${path.replace(/^[/\\\s]+/, '')}`;
}

function bearer(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  return match?.[1];
}

/** Compares digests of equal length, so neither the content nor the length of the token leaks through timing. */
function same(a: string, b: string): boolean {
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(a), digest(b));
}
