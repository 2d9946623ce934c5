import { existsSync } from 'node:fs';
import { InputError } from '../errors.js';
import { readJsonInput } from '../evidence/read-input.js';
import type { Side } from '../history/compare.js';
import { sideFromJson } from '../history/from-result.js';
import { list, msg } from '../i18n/index.js';
import type { Store } from '../store/store.js';

// The dashboard imported these from here first; src/history/compare.ts is their home.
export { baselineLabel, diffSides, diffWithPrevious, sideLabel, sideWords, timeText, type Side } from '../history/compare.js';

/** What the store helpers need of the CLI's io (scan.ts's Io, without importing scan.ts). */
interface Io {
  env: NodeJS.ProcessEnv;
}

// What history, diff, report, rescan and `scan --fail-on-new` share: the store the user named
// (--db, LOCKDOWN_DB, else the data folder), a scan named by id, prefix, last, last~N or a file,
// and the baseline of a scan: each account's own previous stored scan.

/**
 * The store `--db` / LOCKDOWN_DB / the data folder names. Commands that only read it do not create
 * it (`create: false`): `lockdown history --db typo.db` must not leave a typo.db behind.
 */
export async function openUserStore(db: string | undefined, io: Io, create = true): Promise<Store> {
  const { openStore, storeLocation } = await import('../store/store.js');
  const location = storeLocation(db, io.env);
  if (!create && location.kind === 'sqlite' && !existsSync(location.path)) throw new InputError(msg('storeMissing', { store: location.path }));
  return openStore(location, { create });
}

/** A missing SQLite store (for a command that only reads). */
export async function storeExists(db: string | undefined, io: Io): Promise<boolean> {
  const { storeLocation } = await import('../store/store.js');
  const location = storeLocation(db, io.env);
  return location.kind !== 'sqlite' || existsSync(location.path);
}

export async function withStore<T>(db: string | undefined, io: Io, use: (store: Store) => Promise<T>, create = false): Promise<T> {
  const store = await openUserStore(db, io, create);
  try {
    return await use(store);
  } finally {
    await store.close();
  }
}

/**
 * A path names a file when it has a folder separator or ends in .json; anything else (ids,
 * prefixes, last, last~N) names a stored scan, so a file called `last` in the current folder cannot
 * shadow the newest scan (give it as ./last).
 */
export const isFileRef = (ref: string): boolean => /[/\\]/.test(ref) || /\.json$/i.test(ref);

export async function loadSide(ref: string, store: Store | null, flag: string, account?: string): Promise<Side> {
  if (isFileRef(ref)) {
    return { ...sideFromJson(ref, readJsonInput(ref, flag)), path: ref };
  }
  if (!store) throw new Error('a stored scan needs a store');
  const id = await store.resolveScanRef(ref, account === undefined ? {} : { account });
  return { record: await store.loadScan(id), words: null, path: null };
}

export const accountsList = (ids: readonly string[]) => list(ids, 10);

/** A whole number flag (`--limit`, `--keep`, `--older-than`). */
export function wholeNumber(flag: string, value: string, min: number): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n < min) throw new InputError(msg('notWholeNumber', { flag, value, min }));
  return n;
}
