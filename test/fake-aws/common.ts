// Shared pieces of the fake: service names, the error a handler throws, request input and paging.
import type { Scenario } from './scenario.js';

/** IAM-policy action prefixes; `calls[].action` and fault lists use `${service}:${Operation}`. */
export type ServiceName = 'iam' | 'sts' | 'account' | 'organizations' | 'access-analyzer' | 'sso' | 'securityhub';

/** A service error as AWS names it; `status` is the HTTP status the fake answers with. */
export class AwsError extends Error {
  constructor(readonly code: string, message: string, readonly status = 400) {
    super(message);
  }
}

/** The operation's parameters, whatever the protocol carried them in. */
export interface Input {
  str(name: string): string | undefined;
  /** Query lists (`Filter.member.1`) or JSON arrays. */
  list(name: string): string[];
  /** The raw form body (Query protocols only), for nested parameters. */
  form?: URLSearchParams;
  /** The parsed JSON body (JSON protocols only), for nested structures such as Security Hub's Findings. */
  body?: Record<string, unknown>;
}

export function formInput(form: URLSearchParams): Input {
  return {
    form,
    str: (name) => form.get(name) ?? undefined,
    list: (name) => {
      const out: string[] = [];
      for (const prefix of [`${name}.member.`, `${name}.`]) {
        for (let i = 1; form.has(prefix + i); i++) out.push(form.get(prefix + i) ?? '');
        if (out.length) break;
      }
      return out;
    },
  };
}

export function jsonInput(body: Record<string, unknown>, query?: URLSearchParams): Input {
  return {
    body,
    str: (name) => {
      const q = query?.get(name);
      if (q !== null && q !== undefined) return q;
      const v = body[name];
      return v === undefined || v === null ? undefined : String(v);
    },
    list: (name) => {
      const v = body[name];
      return Array.isArray(v) ? v.map(String) : query ? query.getAll(name) : [];
    },
  };
}

/** Mutable per-server state (what real AWS remembers between calls). */
export interface ServerState {
  /** Credential report generation; see CredentialReportSpec. */
  report: { phase: 'none' | 'expired' | 'generating' | 'complete'; polls: number; limitExceeded: number };
  /** Every finding BatchImportFindings accepted, in the order received (re-imports appear again). */
  securityHubFindings: Record<string, unknown>[];
}

export interface Ctx {
  scenario: Scenario;
  state: ServerState;
  /** The region from the request's SigV4 credential scope. */
  region: string;
  input: Input;
}

export type Handler = (ctx: Ctx) => unknown;

const TOKEN_PREFIX = 'fake-aws-page:';

/**
 * The opaque token of the page that starts at `start`; `tag` is ignored when it is read back, so
 * tokens with different tags are different strings for the same page (the endless-pages fault).
 */
export const pageToken = (start: number, tag = '??>~~') => Buffer.from(`${TOKEN_PREFIX}${start}:${tag}`).toString('base64');

/**
 * One page of `items` starting at the opaque `token` (IAM Marker / NextToken). Tokens are base64
 * so that they contain `+`, `/` and `=` like real ones do and clients must encode them.
 */
export function page<T>(items: readonly T[], token: string | undefined, max: number, badToken: () => AwsError): { items: T[]; next?: string } {
  let start = 0;
  if (token !== undefined && token !== '') {
    const decoded = Buffer.from(token, 'base64').toString('utf8');
    const m = new RegExp(`^${TOKEN_PREFIX}(\\d+):`).exec(decoded);
    start = m ? Number(m[1]) : NaN;
    if (!Number.isInteger(start) || start < 0 || start > items.length) throw badToken();
  }
  const end = Math.min(items.length, start + max);
  const next = end < items.length ? pageToken(end) : undefined;
  return next === undefined ? { items: items.slice(start, end) } : { items: items.slice(start, end), next };
}

/** A page size parameter: absent → `dflt`; outside 1..max → the service's validation error. */
export function pageSize(raw: string | undefined, dflt: number, max: number, invalid: (msg: string) => AwsError, paramName: string): number {
  if (raw === undefined) return dflt;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > max) {
    throw invalid(`1 validation error detected: Value '${raw}' at '${paramName}' failed to satisfy constraint: Member must have value ${n < 1 ? 'greater than or equal to 1' : `less than or equal to ${max}`}`);
  }
  return n;
}
