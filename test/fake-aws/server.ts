// The fake AWS endpoint: one loopback HTTP server speaking IAM/STS (AWS Query),
// Organizations and SSO Admin (awsJson1_1), Account, Access Analyzer and Security Hub (restJson1), so that the
// unmodified SDK v3 clients run against it with `endpoint: url`. See SPEC.md §8.
// One account; organisations (many accounts, sessions by access key) are org-server.ts.
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AwsError, formInput, jsonInput, pageToken, type Handler, type Input, type ServerState, type ServiceName } from './common.js';
import { jsonError, jsonResult } from './protocols/json.js';
import { queryError, queryResult, type WireResponse } from './protocols/query.js';
import type { Faults, Scenario } from './scenario.js';
import { iamHandlers } from './services/iam.js';
import { accessAnalyzerHandlers, accountHandlers, organizationsHandlers, ssoHandlers, stsHandlers } from './services/others.js';
import { securityHubHandlers } from './services/securityhub.js';

export interface FakeAwsCall {
  service: ServiceName | 'unknown';
  /** IAM-policy style, e.g. `iam:GetAccountSummary`. */
  action: string;
  /** The HTTP status answered; 0: never answered (the `hang` fault). */
  status: number;
}

export interface FakeAws {
  url: string;
  calls: FakeAwsCall[];
  /** The findings securityhub:BatchImportFindings accepted, in order (re-imports appear again). */
  securityHubFindings: Record<string, unknown>[];
  setFaults(f: Faults): void;
  close(): Promise<void>;
}

export type Protocol = 'query' | 'json' | 'rest-json';

export interface ServiceDef {
  protocol: Protocol;
  handlers: Record<string, Handler>;
  /** [code, HTTP status] of the service's own names for the injected faults. */
  throttle: [string, number];
  denied: [string, number];
  serverError: [string, number];
  credentials: Record<NonNullable<Faults['badCredentials']>[string], [string, number]>;
}

const QUERY_CREDENTIALS: ServiceDef['credentials'] = {
  ExpiredToken: ['ExpiredToken', 403], InvalidClientTokenId: ['InvalidClientTokenId', 403], SignatureDoesNotMatch: ['SignatureDoesNotMatch', 403],
};
const JSON_CREDENTIALS: ServiceDef['credentials'] = {
  ExpiredToken: ['ExpiredTokenException', 403], InvalidClientTokenId: ['UnrecognizedClientException', 403], SignatureDoesNotMatch: ['InvalidSignatureException', 403],
};

export const SERVICES: Record<ServiceName, ServiceDef> = {
  iam: { protocol: 'query', handlers: iamHandlers, throttle: ['Throttling', 400], denied: ['AccessDenied', 403], serverError: ['ServiceFailure', 500], credentials: QUERY_CREDENTIALS },
  sts: { protocol: 'query', handlers: stsHandlers, throttle: ['Throttling', 400], denied: ['AccessDenied', 403], serverError: ['InternalFailure', 500], credentials: QUERY_CREDENTIALS },
  account: { protocol: 'rest-json', handlers: accountHandlers, throttle: ['TooManyRequestsException', 429], denied: ['AccessDeniedException', 403], serverError: ['InternalServerException', 500], credentials: JSON_CREDENTIALS },
  organizations: { protocol: 'json', handlers: organizationsHandlers, throttle: ['TooManyRequestsException', 400], denied: ['AccessDeniedException', 403], serverError: ['ServiceException', 500], credentials: JSON_CREDENTIALS },
  'access-analyzer': { protocol: 'rest-json', handlers: accessAnalyzerHandlers, throttle: ['ThrottlingException', 429], denied: ['AccessDeniedException', 403], serverError: ['InternalServerException', 500], credentials: JSON_CREDENTIALS },
  sso: { protocol: 'json', handlers: ssoHandlers, throttle: ['ThrottlingException', 429], denied: ['AccessDeniedException', 403], serverError: ['InternalServerException', 500], credentials: JSON_CREDENTIALS },
  securityhub: { protocol: 'rest-json', handlers: securityHubHandlers, throttle: ['LimitExceededException', 429], denied: ['AccessDeniedException', 403], serverError: ['InternalException', 500], credentials: JSON_CREDENTIALS },
};

const JSON_TARGETS: Record<string, ServiceName> = { AWSOrganizationsV20161128: 'organizations', SWBExternalService: 'sso' };
const REST_ROUTES: Record<string, [ServiceName, string]> = {
  'POST /getAlternateContact': ['account', 'GetAlternateContact'],
  'POST /getPrimaryEmail': ['account', 'GetPrimaryEmail'],
  'POST /listRegions': ['account', 'ListRegions'],
  'GET /analyzer': ['access-analyzer', 'ListAnalyzers'],
  'POST /findings/import': ['securityhub', 'BatchImportFindings'],
};

export interface Signing {
  accessKeyId: string;
  region: string;
  service: string;
}

/** SigV4: `Authorization: AWS4-HMAC-SHA256 Credential=AKID/20261120/us-east-1/iam/aws4_request, …`. */
export function parseSigning(req: IncomingMessage): Signing {
  const m = /Credential=([^/,\s]+)\/\d{8}\/([^/]+)\/([^/]+)\/aws4_request/.exec(req.headers.authorization ?? '');
  return m ? { accessKeyId: m[1] ?? '', region: m[2] ?? 'us-east-1', service: m[3] ?? '' } : { accessKeyId: '', region: 'us-east-1', service: '' };
}

export interface Routed {
  service: ServiceName | 'unknown';
  protocol: Protocol;
  operation: string;
  input: Input;
}

function isService(name: string): name is ServiceName {
  return Object.hasOwn(SERVICES, name);
}

/** A JSON body; an unparsable one leaves the input empty and the handler reports what is missing. */
function parseJson(body: string): Record<string, unknown> {
  try {
    const value: unknown = body ? JSON.parse(body) : {};
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

export function route(req: IncomingMessage, body: string, signing: Signing): Routed {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const signed = isService(signing.service) ? signing.service : 'unknown';
  const target = req.headers['x-amz-target'];
  if (typeof target === 'string') {
    const [prefix = '', operation = ''] = target.split('.');
    return { service: JSON_TARGETS[prefix] ?? signed, protocol: 'json', operation, input: jsonInput(parseJson(body)) };
  }
  const contentType = req.headers['content-type'] ?? '';
  if (req.method === 'POST' && url.pathname === '/' && contentType.startsWith('application/x-www-form-urlencoded')) {
    const form = new URLSearchParams(body);
    const operation = form.get('Action') ?? '';
    const service: ServiceName = signed === 'iam' || signed === 'sts' ? signed : operation === 'GetCallerIdentity' ? 'sts' : 'iam';
    return { service, protocol: 'query', operation, input: formInput(form) };
  }
  const rest = REST_ROUTES[`${req.method} ${url.pathname}`];
  const json = parseJson(body);
  if (rest) return { service: rest[0], protocol: 'rest-json', operation: rest[1], input: jsonInput(json, url.searchParams) };
  return { service: signed, protocol: 'rest-json', operation: `${req.method ?? 'GET'} ${url.pathname}`, input: jsonInput(json, url.searchParams) };
}

export function matches(list: string[] | undefined, service: string, action: string): boolean {
  return !!list?.some((a) => a === action || a === '*' || a === `${service}:*`);
}

/**
 * Whether call number `n` (1-based) is one of the throttled fraction `rate`: exactly ⌊n·rate⌋ of
 * the first n calls are, spread evenly (at 0.3: calls 4, 7, 10, 14, …), so any run of calls sees
 * the rate and, below 0.5, a retried call always gets through.
 */
export function throttledAt(n: number, rate: number): boolean {
  return Math.floor(n * rate) > Math.floor((n - 1) * rate);
}

export function render(protocol: Protocol, service: ServiceName | 'unknown', operation: string, outcome: { result: unknown } | { error: AwsError }, requestId: string): WireResponse {
  const tsFormat = service === 'access-analyzer' ? 'date-time' : 'epoch-seconds';
  if ('error' in outcome) {
    const { status, code, message } = outcome.error;
    if (protocol === 'query') return queryError(service === 'sts' ? 'sts' : 'iam', status, code, message, requestId);
    return jsonError(protocol, status, code, message, requestId);
  }
  if (protocol === 'query') return queryResult(service === 'sts' ? 'sts' : 'iam', operation, outcome.result, requestId);
  return jsonResult(protocol, outcome.result, tsFormat, requestId);
}

/** A paged answer rewritten to say "more to come" with `token` (IAM: IsTruncated and Marker). */
export function morePages(protocol: Protocol, result: unknown, token: string): unknown {
  const r = result as Record<string, unknown>;
  if (protocol === 'query') return { ...r, IsTruncated: true, Marker: token };
  return { ...r, [Object.hasOwn(r, 'nextToken') ? 'nextToken' : 'NextToken']: token };
}

export function unknownOperation(protocol: Protocol, service: string, operation: string): AwsError {
  if (protocol === 'query') return new AwsError('InvalidAction', `Could not find operation ${operation} for service ${service}`, 400);
  if (protocol === 'json') return new AwsError('UnknownOperationException', `Unknown operation ${operation} for service ${service}`, 400);
  return new AwsError('UnknownOperationException', `Unknown operation ${operation} for service ${service}`, 404);
}

export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Writes one answer, or a plain 500 naming what broke inside the fake. */
export function answer(res: ServerResponse, wire: WireResponse): void {
  res.writeHead(wire.status, { ...wire.headers, 'content-length': Buffer.byteLength(wire.body) });
  res.end(wire.body);
}

export function fakeFailed(res: ServerResponse, err: unknown): void {
  if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
  res.end(`fake-aws: ${String(err)}`);
}

/** Listens on a free loopback port; the fake's base URL. */
export async function listenOnLoopback(server: Server): Promise<string> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

export async function startFakeAws(scenario: Scenario, faults: Faults = {}): Promise<FakeAws> {
  const calls: FakeAwsCall[] = [];
  const state: ServerState = { report: { phase: scenario.credentialReport.initialState ?? 'none', polls: 0, limitExceeded: 0 }, securityHubFindings: [] };
  let current = faults;
  /** Calls since the faults were set: what throttleRate counts. */
  let seq = 0;
  let throttledSoFar = new Map<string, number>();

  /** The fault to answer instead of running the operation, if any. */
  function injectedFault(def: ServiceDef, service: ServiceName, action: string, signing: Signing): AwsError | undefined {
    const keyPartition = current.keyPartitions?.[signing.accessKeyId];
    const regionPartition = signing.region.startsWith('us-gov-') ? 'aws-us-gov' : signing.region.startsWith('cn-') ? 'aws-cn' : 'aws';
    const bad = current.badCredentials?.[signing.accessKeyId] ?? (keyPartition && keyPartition !== regionPartition ? 'InvalidClientTokenId' : undefined);
    if (bad) {
      const [code, status] = def.credentials[bad];
      const message = bad === 'ExpiredToken' ? 'The security token included in the request is expired'
        : bad === 'InvalidClientTokenId' ? 'The security token included in the request is invalid.'
          : 'The request signature we calculated does not match the signature you provided.';
      return new AwsError(code, message, status);
    }
    if (matches(current.accessDenied, service, action)) {
      return new AwsError(def.denied[0], `User: ${scenario.callerArn} is not authorized to perform: ${action} because no identity-based policy allows the ${action} action`, def.denied[1]);
    }
    const throttle = () => new AwsError(def.throttle[0], 'Rate exceeded', def.throttle[1]);
    if (matches(current.alwaysThrottle, service, action)) return throttle();
    const first = current.throttleFirst?.[action] ?? 0;
    const sofar = throttledSoFar.get(action) ?? 0;
    if (sofar < first) {
      throttledSoFar.set(action, sofar + 1);
      return throttle();
    }
    if (current.throttleRate && throttledAt(seq, current.throttleRate)) return throttle();
    if (matches(current.serverError, service, action)) return new AwsError(def.serverError[0], 'We encountered an internal error. Please try again.', def.serverError[1]);
    return undefined;
  }

  const server = createServer((req, res) => {
    void (async () => {
      const body = await readBody(req);
      const signing = parseSigning(req);
      const { service, protocol, operation, input } = route(req, body, signing);
      const action = `${service}:${operation}`;
      const requestId = randomUUID();
      seq++;
      let outcome: { result: unknown } | { error: AwsError };
      const def = service === 'unknown' ? undefined : SERVICES[service];
      const handler = def && Object.hasOwn(def.handlers, operation) ? def.handlers[operation] : undefined;
      if (matches(current.hang, service, action)) {
        calls.push({ service, action, status: 0 });
        return;
      }
      const fault = def && handler && service !== 'unknown' ? injectedFault(def, service, action, signing) : undefined;
      if (fault) {
        outcome = { error: fault };
      } else if (current.answers && Object.hasOwn(current.answers, action)) {
        outcome = { result: current.answers[action] };
      } else if (!handler) {
        outcome = { error: unknownOperation(protocol, service, operation) };
      } else {
        try {
          outcome = { result: handler({ scenario, state, region: signing.region, input }) };
        } catch (err) {
          outcome = { error: err instanceof AwsError ? err : new AwsError('InternalFailure', `fake-aws handler crashed: ${String(err)}`, 500) };
        }
      }
      if ('result' in outcome && matches(current.repeatToken, service, action)) outcome = { result: morePages(protocol, outcome.result, pageToken(0)) };
      if ('result' in outcome && matches(current.endlessPages, service, action)) outcome = { result: morePages(protocol, outcome.result, pageToken(0, `endless-${seq}`)) };
      const wire = render(protocol, service, operation, outcome, requestId);
      const latency = current.latencyByAction?.[action] ?? current.latencyMs ?? 0;
      if (latency > 0) await sleep(latency);
      calls.push({ service, action, status: wire.status });
      answer(res, wire);
    })().catch((err: unknown) => fakeFailed(res, err));
  });
  const url = await listenOnLoopback(server);
  return {
    url,
    calls,
    securityHubFindings: state.securityHubFindings,
    setFaults(f: Faults) {
      current = f;
      throttledSoFar = new Map();
      seq = 0;
    },
    close: () => new Promise<void>((resolve, reject) => {
      server.closeAllConnections();
      server.close((err) => (err ? reject(err) : resolve()));
    }),
  };
}
