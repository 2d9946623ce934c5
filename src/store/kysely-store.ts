import type { OpenOptions, Store, StoreLocation } from './types.js';

export async function openKyselyStore(_location: StoreLocation, _options: OpenOptions): Promise<Store> {
  throw new Error('the store is not implemented yet');
}
