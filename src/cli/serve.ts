import { randomBytes } from 'node:crypto';
import { InputError } from '../errors.js';
import { msg, type Lang } from '../i18n/index.js';
import type { Io } from './scan.js';
import { parseLang } from './options.js';
import { tell } from './tell.js';

export interface ServeFlags {
  port?: string;
  host?: string;
  token?: string;
  db?: string;
  lang?: string;
}

export const DEFAULT_PORT = 4280;

/**
 * `lockdown serve`: the dashboard over the store until Ctrl-C (SIGINT/SIGTERM). On loopback by
 * default; bound anywhere else it requires a token, and makes one (printed once) if none is given.
 * `stop` lets a test end it like a signal would.
 */
export async function runServe(flags: ServeFlags, io: Io, cliLang: Lang, stop?: AbortSignal): Promise<number> {
  const lang = parseLang(flags.lang, io.env);
  const port = flags.port === undefined ? DEFAULT_PORT : Number(flags.port);
  if (flags.port !== undefined && (!/^\d{1,5}$/.test(flags.port) || port > 65535)) throw new InputError(msg('notPort', { flag: '--port', value: flags.port }));
  const host = flags.host ?? '127.0.0.1';
  if (flags.token !== undefined && !/^[A-Za-z0-9_-]{16,}$/.test(flags.token)) throw new InputError(msg('notToken', { flag: '--token' }));
  const [{ openStore, storeLocation }, { isLoopback, startDashboard }] = await Promise.all([import('../store/store.js'), import('../server/serve.js')]);
  const generated = flags.token === undefined && !isLoopback(host);
  const token = flags.token ?? (generated ? randomBytes(24).toString('base64url') : null);
  const store = await openStore(storeLocation(flags.db, io.env));
  let running;
  try {
    running = await startDashboard({ store, host, port, token, lang });
  } catch (error) {
    await store.close();
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new InputError(code === 'EADDRINUSE' ? msg('servePortInUse', { port, host }) : msg('serveCannotBind', { host, code }));
  }
  io.stderr.write(`${tell(cliLang, msg('serveListening', { url: running.url, store: store.label }))}\n`);
  if (generated && token) io.stderr.write(`${tell(cliLang, msg('serveToken', { host, url: running.url, token }))}\n`);
  await new Promise<void>((resolve) => {
    const done = () => {
      process.off('SIGINT', done);
      process.off('SIGTERM', done);
      resolve();
    };
    process.once('SIGINT', done);
    process.once('SIGTERM', done);
    if (stop?.aborted) done();
    stop?.addEventListener('abort', done, { once: true });
  });
  await running.close();
  await store.close();
  return 0;
}
