import { SEVERITIES, STATUSES, type Severity, type Status } from '../engine/types.js';
import { FINDING_SORTS, type FindingFilters, type FindingSort, type FindingsPageQuery } from '../store/store.js';

// The findings explorer's query string, shared by its page and /api/: repeated keys for lists
// (?severity=critical&severity=high), one page of PAGE_SIZE rows. A value that is not one of the
// allowed ones is a BadQuery (400) naming the parameter, never silently ignored.

export const PAGE_SIZE = 50;
export const MAX_LIMIT = 1000;

/** A parameter the dashboard cannot use: a 400 that names it, in the request's language. */
export class BadQuery extends Error {
  constructor(
    readonly word: 'badValue' | 'notWhole' | 'badEncoding',
    readonly params: Record<string, string>,
  ) {
    super(`${params.name}: ${word}`);
  }
}

export type Params = Record<string, string[]>;

export function paramsOf(url: URL): Params {
  const out: Params = {};
  for (const [key, value] of url.searchParams) (out[key] ??= []).push(value);
  return out;
}

function oneOf<T extends string>(name: string, values: string[] | undefined, allowed: readonly T[]): T[] | undefined {
  const list = (values ?? []).flatMap((v) => v.split(',')).filter((v) => v !== '');
  for (const value of list) if (!(allowed as readonly string[]).includes(value)) throw new BadQuery('badValue', { name, value, allowed: allowed.join(', ') });
  return list.length ? (list as T[]) : undefined;
}

export function whole(name: string, value: string | undefined, fallback: number, max: number): number {
  if (value === undefined || value === '') return fallback;
  if (!/^\d+$/.test(value)) throw new BadQuery('notWhole', { name, value });
  return Math.min(Number(value), max);
}

export function findingsQuery(scanId: string, params: Params): FindingsPageQuery & { page: number } {
  const list = (name: string) => (params[name] ?? []).flatMap((v) => v.split(',')).map((v) => v.trim()).filter((v) => v !== '');
  const muted = params.muted?.[0];
  if (muted !== undefined && !['', 'yes', 'no'].includes(muted)) throw new BadQuery('badValue', { name: 'muted', value: muted, allowed: 'yes, no' });
  const filters: FindingFilters = {
    account: list('account').length ? list('account') : undefined,
    ou: params.ou?.[0] || undefined,
    severity: oneOf<Severity>('severity', params.severity, SEVERITIES),
    status: oneOf<Status>('status', params.status, STATUSES),
    check: list('check').length ? list('check') : undefined,
    muted: muted === 'yes' ? true : muted === 'no' ? false : undefined,
    text: params.q?.[0] || undefined,
  };
  const sort = oneOf<FindingSort>('sort', params.sort, FINDING_SORTS)?.[0];
  const limit = whole('limit', params.limit?.[0], PAGE_SIZE, MAX_LIMIT) || PAGE_SIZE;
  const page = Math.max(1, whole('page', params.page?.[0], 1, 1_000_000));
  return { scanId, filters, sort, descending: params.desc?.[0] === '1', offset: (page - 1) * limit, limit, page };
}
