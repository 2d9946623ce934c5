import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import type { Lang } from '../i18n/index.js';
import type { Store } from '../store/store.js';
import { dashboardApp } from './app.js';

export interface ServeOptions {
  store: Store;
  host: string;
  /** 0 picks a free port. */
  port: number;
  /** Required on every request when set; must be set off loopback (the CLI makes one). */
  token: string | null;
  lang: Lang;
}

export interface RunningDashboard {
  url: string;
  close(): Promise<void>;
}

/** Loopback addresses: only the user's own machine can reach a dashboard bound there. */
export const isLoopback = (host: string): boolean => host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);

/** Starts the dashboard; rejects with the listen error (EADDRINUSE, EADDRNOTAVAIL, EACCES). */
export async function startDashboard(options: ServeOptions): Promise<RunningDashboard> {
  if (!isLoopback(options.host) && options.token === null) throw new Error('a dashboard bound off loopback needs a token');
  // Bound to loopback, only its own names are accepted as Host: a web page elsewhere cannot reach
  // it through DNS rebinding. Off loopback, the token guards it.
  // Until the port is known, a loopback dashboard accepts no Host at all (never any Host).
  let allowedHosts: string[] | null = isLoopback(options.host) ? [] : null;
  const app = dashboardApp(options.store, {
    lang: options.lang,
    token: options.token,
    get allowedHosts() {
      return allowedHosts;
    },
  });
  const server = createAdaptorServer({ fetch: app.fetch });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  if (isLoopback(options.host)) allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`, `${options.host}:${port}`];
  const shownHost = options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    url: `http://${shownHost}:${port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        (server as { closeAllConnections?: () => void }).closeAllConnections?.();
      }),
  };
}
