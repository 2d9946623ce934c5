import type { CollectEvent } from '../collect/live.js';

/** What a scan reports while it runs, as data; the CLI puts it into words, the server may stream it. */
export type ScanEvent =
  | CollectEvent
  | { type: 'reading-evidence'; path: string }
  | { type: 'evaluating'; checks: number; account: string };
