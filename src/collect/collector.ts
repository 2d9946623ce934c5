import type { PartJson } from '../evidence/parts/define.js';
import type { PartName } from '../evidence/schema.js';
import type { Clients } from './clients.js';

export type { PartJson } from '../evidence/parts/define.js';

export interface Collected {
  parts?: Partial<Record<PartName, PartJson>>;
  accessAnalyzers?: Record<string, PartJson>;
}

/** What a live collection reports while it runs; the caller puts it into words (or not). */
export type CollectEvent =
  | { type: 'identifying' }
  | { type: 'collector-started'; collector: string }
  | { type: 'collector-finished'; collector: string; failedParts: number }
  | { type: 'waiting-for-report'; waitedMs: number }
  | { type: 'reading-analyzers'; regions: number };

export interface CollectContext {
  clients: Clients;
  account: { id: string; partition: string };
  /** The region of the scan: regional calls with no region of their own go there. */
  homeRegion: string;
  /** Sends through the shared concurrency bound. */
  send<T>(call: () => Promise<T>): Promise<T>;
  progress(event: CollectEvent): void;
  /** Waits between credential-report polls; tests make it instant. */
  sleep(ms: number): Promise<void>;
  /** How long to wait for IAM to build the credential report. */
  reportTimeoutMs: number;
}

/**
 * The SDK side of one evidence part, or of a few read together (STYLE.md: the only code that
 * talks to AWS). The IAM actions it may call are declared by the part modules it fills
 * (src/evidence/parts/): together they are the published least-privilege policy.
 */
export interface Collector {
  name: string;
  /** The evidence parts it fills; an unexpected failure turns all of them into errors. */
  parts: readonly PartName[];
  collect(ctx: CollectContext): Promise<Collected>;
}

export const nowIso = () => new Date().toISOString();

export function ok(action: string, data: unknown, source: 'api' | 'credential-report' = 'api', observedAt = nowIso()): PartJson {
  return { source, action, observedAt, data };
}

/** An SDK error as the evidence records it: the AWS error code, its message, the action denied. */
export function failed(action: string, error: unknown): PartJson {
  const e = error as { name?: string; Code?: string; message?: string };
  const code = e.Code ?? (e.name === 'TimeoutError' ? 'Timeout' : e.name) ?? 'Error';
  return { error: { code, message: e.message ?? String(error), action } };
}

export const errorCode = (error: unknown): string => ((error as { Code?: string; name?: string }).Code ?? (error as { name?: string }).name ?? '');

/** A failed call, or the data its error code stands for when the part declares that code a fact. */
export function failedOrFact(part: { facts?: Readonly<Record<string, unknown>>; actions: readonly string[] }, action: string, error: unknown): PartJson {
  const code = errorCode(error);
  return part.facts && Object.hasOwn(part.facts, code) ? ok(action, part.facts[code]) : failed(action, error);
}
