import { timingSafeEqual } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { InputError } from '../errors.js';
import { say, type Lang } from '../i18n/index.js';
import type { Store } from '../store/store.js';
import { catalogue, compliance, diffView, findingView, overview, RenderedScans, scanFindings, type DiffQuery } from './data.js';
import { view, type View } from './layout.js';
import { BadQuery, findingsQuery, paramsOf } from './query.js';
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

  app.use('*', async (c, next) => {
    c.header('Content-Security-Policy', CSP);
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'no-referrer');
    c.header('X-Frame-Options', 'DENY');
    c.header('Cache-Control', 'no-store');
    if (options.allowedHosts && !options.allowedHosts.includes(c.req.header('host') ?? '')) return c.text('unknown Host', 421);
    // Read-only: nothing here changes the store.
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return c.text('read-only', 405, { Allow: 'GET, HEAD' });
    if (options.token !== null) {
      const offered = bearer(c.req.header('authorization')) ?? c.req.query('token') ?? getCookie(c, TOKEN_COOKIE);
      if (offered === undefined || !same(offered, options.token)) {
        return c.req.path.startsWith('/api/') ? c.json({ error: 'token required' }, 401) : c.html(errorPage(viewOf(c), viewOf(c).say('badToken')), 401);
      }
      if (c.req.query('token') !== undefined) {
        // Keep the token out of the address bar and history: a cookie from now on.
        setCookie(c, TOKEN_COOKIE, options.token, { httpOnly: true, sameSite: 'Strict', path: '/' });
        const url = new URL(c.req.url);
        url.searchParams.delete('token');
        return c.redirect(url.pathname + url.search, 303);
      }
    }
    await next();
  });

  app.get('/assets/style.css', (c) => c.body(DASHBOARD_STYLE, 200, { 'Content-Type': 'text/css; charset=utf-8', 'Cache-Control': 'max-age=3600' }));

  app.get('/assets/icon.svg', (c) => c.body(DASHBOARD_ICON, 200, { 'Content-Type': 'image/svg+xml', 'Cache-Control': 'max-age=3600' }));
  app.get('/favicon.ico', (c) => c.redirect('/assets/icon.svg', 301));

  app.get('/', async (c) => c.html(overviewPage(viewOf(c), await overview(store, langOf(c)))));
  app.get('/api/overview', async (c) => c.json(await overview(store, langOf(c))));

  const listScans = (c: Context) => store.listScans({ account: c.req.query('account') || undefined, limit: Number(c.req.query('limit') ?? 100) || 100 });
  app.get('/scans', async (c) => c.html(scansPage(viewOf(c), await listScans(c))));
  app.get('/api/scans', async (c) => c.json(await listScans(c)));

  const scanId = (c: Context) => store.resolveScanRef(c.req.param('id') ?? '');
  app.get('/scans/:id', async (c) => {
    const id = await scanId(c);
    const params = paramsOf(new URL(c.req.url));
    return c.html(scanPage(viewOf(c), await scanFindings(store, findingsQuery(id, params), langOf(c)), params));
  });
  app.get('/api/scans/:id', async (c) => c.json(await store.scanSummary(await scanId(c))));
  app.get('/api/scans/:id/findings', async (c) => {
    const { page, ...query } = findingsQuery(await scanId(c), paramsOf(new URL(c.req.url)));
    return c.json({ ...(await scanFindings(store, query, langOf(c))).page, page });
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

  app.notFound((c) => (c.req.path.startsWith('/api/') ? c.json({ error: 'not found' }, 404) : c.html(errorPage(viewOf(c), viewOf(c).say('notFound', { what: c.req.path })), 404)));
  app.onError((error, c) => {
    const v = viewOf(c);
    const api = c.req.path.startsWith('/api/');
    if (error instanceof BadQuery) return api ? c.json({ error: error.message }, 400) : c.html(errorPage(v, v.say('badRequest', { detail: error.message })), 400);
    // The store's "unknown scan id" / "ambiguous prefix", or a finding that is not stored.
    if (error instanceof InputError || error instanceof NotFound) {
      const detail = error instanceof InputError ? say(v.lang, error.said) : error.message;
      return api ? c.json({ error: detail }, 404) : c.html(errorPage(v, v.say('notFound', { what: detail })), 404);
    }
    return api ? c.json({ error: 'internal error' }, 500) : c.html(errorPage(v, 'internal error'), 500);
  });
  return app;
}

function bearer(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  return match?.[1];
}

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
