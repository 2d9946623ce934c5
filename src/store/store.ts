// The scan store (issue 9): the types are in types.ts (see there for the data model), the
// implementation in kysely-store.ts (one Kysely schema for SQLite and PostgreSQL).
import type { OpenOptions, Store, StoreLocation } from './types.js';

export * from './types.js';
export { defaultStoreDir, storeLabel, storeLocation } from './location.js';

/** Opens (creating and migrating forward when needed) the store at a location or a `--db` value. */
export async function openStore(location: StoreLocation | string, options: OpenOptions = {}): Promise<Store> {
  const { storeLocation } = await import('./location.js');
  const where = typeof location === 'string' ? storeLocation(location) : location;
  const { openKyselyStore } = await import('./kysely-store.js');
  return openKyselyStore(where, options);
}
