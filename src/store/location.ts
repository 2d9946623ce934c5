import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import type { StoreLocation } from './types.js';

/** The default folder of the embedded store: $XDG_DATA_HOME/aws-lockdown, else ~/.local/share/aws-lockdown. */
export function defaultStoreDir(env: NodeJS.ProcessEnv = process.env): string {
  const xdg = env.XDG_DATA_HOME;
  // The XDG spec: a relative $XDG_DATA_HOME is invalid and ignored.
  const base = xdg && xdg.startsWith('/') ? xdg : join(env.HOME || homedir(), '.local', 'share');
  return join(base, 'aws-lockdown');
}

/**
 * Where the store is: `--db` wins over LOCKDOWN_DB, then the default file store.db in
 * defaultStoreDir(). A postgres:// or postgresql:// URL is PostgreSQL; anything else is a file path.
 */
export function storeLocation(flag?: string, env: NodeJS.ProcessEnv = process.env): StoreLocation {
  const given = flag ?? (env.LOCKDOWN_DB || undefined);
  if (given === undefined) return { kind: 'sqlite', path: join(defaultStoreDir(env), 'store.db') };
  if (/^postgres(ql)?:\/\//i.test(given)) return { kind: 'postgres', url: given };
  return { kind: 'sqlite', path: resolve(given) };
}

/** The store as messages name it: a path, or the URL without user-info password. */
export function storeLabel(location: StoreLocation): string {
  if (location.kind === 'sqlite') return location.path;
  try {
    const url = new URL(location.url);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return location.url.replace(/\/\/[^@/]*@/, '//***@');
  }
}
