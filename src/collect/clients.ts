import { AccessAnalyzerClient } from '@aws-sdk/client-accessanalyzer';
import { AccountClient } from '@aws-sdk/client-account';
import { IAMClient, type IAMClientConfig } from '@aws-sdk/client-iam';
import { OrganizationsClient } from '@aws-sdk/client-organizations';
import { SSOAdminClient } from '@aws-sdk/client-sso-admin';
import { STSClient } from '@aws-sdk/client-sts';

/** IAM-policy service prefix of each SDK client: the recorder maps a command to an IAM action. */
const ACTION_PREFIX: Record<string, string> = {
  IAMClient: 'iam',
  STSClient: 'sts',
  AccountClient: 'account',
  OrganizationsClient: 'organizations',
  AccessAnalyzerClient: 'access-analyzer',
  SSOAdminClient: 'sso',
};

export type Credentials = NonNullable<IAMClientConfig['credentials']>;

export interface ClientOptions {
  region: string;
  credentials: Credentials;
  /** --endpoint-url; AWS_ENDPOINT_URL[_<SERVICE>] work without it (the SDK reads them). */
  endpoint?: string;
  /** Called with the IAM action of every command sent (before retries): the least-privilege proof. */
  onCommand?: (action: string) => void;
  maxAttempts?: number;
  requestTimeoutMs?: number;
  /** The whole of one call, retries included (default CALL_TIMEOUT_MS). */
  callTimeoutMs?: number;
  /**
   * Waited on before every attempt (retries included) with the call's IAM action: a many-account
   * scan's rate limit per API family, shared by all accounts (src/org/rate-limit.ts).
   */
  rateLimit?: (action: string) => Promise<void>;
}

/**
 * A hung call (accepted, never answered) costs at most this, retries included; then its part is
 * ERROR with code Timeout. Without it each of the 8 attempts waits out its own request timeout
 * (minutes in all). Generous enough for throttled retries, which back off for seconds, not minutes.
 */
export const CALL_TIMEOUT_MS = 60_000;
/** One attempt waits this long for the connection to say anything (the SDK's socket timeout). */
export const REQUEST_TIMEOUT_MS = 20_000;

type Send = (command: unknown, options?: { abortSignal?: AbortSignal }) => Promise<unknown>;
type Client = { middlewareStack: { add: (mw: never, options: { step: 'initialize'; name: string }) => void }; destroy(): void; send: unknown };

/** The call outlived its deadline; `failed()` records a TimeoutError as code Timeout. */
export class CallTimeoutError extends Error {
  override name = 'TimeoutError';
  constructor(ms: number) {
    super(`no answer within ${ms / 1000} s (the limit for one call, retries included)`);
  }
}

/**
 * Every send of the client gets an abort signal that fires after `ms`: the SDK then stops the
 * request in flight and does not retry (an AbortError is never retried). Paginators send through
 * the same method, so each page is bounded too.
 */
function withDeadline(client: Client, ms: number): void {
  const send = (client.send as Send).bind(client);
  client.send = async (command: unknown, options: { abortSignal?: AbortSignal } = {}) => {
    const deadline = AbortSignal.timeout(ms);
    const abortSignal = options.abortSignal ? AbortSignal.any([options.abortSignal, deadline]) : deadline;
    try {
      return await send(command, { ...options, abortSignal });
    } catch (error) {
      if (deadline.aborted) throw new CallTimeoutError(ms);
      throw error;
    }
  };
}

export type Clients = ReturnType<typeof makeClients>;

/** The settings every SDK client of a scan shares: credentials, adaptive retries, timeouts, endpoint. */
export function clientConfig(options: Omit<ClientOptions, 'region' | 'onCommand'>) {
  return {
    credentials: options.credentials,
    // Adaptive mode slows the whole client down when AWS throttles, instead of retrying blindly.
    retryMode: 'adaptive' as const,
    maxAttempts: options.maxAttempts ?? 8,
    // Without throwOnRequestTimeout the handler only logs a warning and waits on (smithy's default).
    requestHandler: { connectionTimeout: 5_000, requestTimeout: options.requestTimeoutMs ?? REQUEST_TIMEOUT_MS, throwOnRequestTimeout: true },
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
  };
}

/** The profile's (or environment's) region, as the SDK itself resolves it; undefined when none is set. */
export async function configuredRegion(profile: string | undefined): Promise<string | undefined> {
  const probe = new STSClient(profile ? { profile } : {});
  try {
    return await probe.config.region();
  } catch {
    return undefined;
  } finally {
    probe.destroy();
  }
}

/** One client per service (and per region for regional ones), all with adaptive retries. */
export function makeClients(options: ClientOptions) {
  const common = clientConfig(options);
  const made: Client[] = [];
  const track = <C extends Client>(client: C): C => {
    withDeadline(client, options.callTimeoutMs ?? CALL_TIMEOUT_MS);
    if (options.onCommand) {
      const record = options.onCommand;
      const middleware = (next: (args: unknown) => Promise<unknown>, context: { clientName?: string; commandName?: string }) => async (args: unknown) => {
        record(`${ACTION_PREFIX[context.clientName ?? ''] ?? context.clientName}:${(context.commandName ?? '').replace(/Command$/, '')}`);
        return next(args);
      };
      client.middlewareStack.add(middleware as never, { step: 'initialize', name: 'lockdownRecordAction' });
    }
    if (options.rateLimit) {
      const wait = options.rateLimit;
      // finalizeRequest at normal priority runs inside the retry middleware: every attempt waits its turn.
      const middleware = (next: (args: unknown) => Promise<unknown>, context: { clientName?: string; commandName?: string }) => async (args: unknown) => {
        await wait(`${ACTION_PREFIX[context.clientName ?? ''] ?? context.clientName}:${(context.commandName ?? '').replace(/Command$/, '')}`);
        return next(args);
      };
      client.middlewareStack.add(middleware as never, { step: 'finalizeRequest', name: 'lockdownRateLimit' } as never);
    }
    made.push(client);
    return client;
  };
  const perRegion = <C extends Client>(create: (region: string) => C) => {
    const cache = new Map<string, C>();
    return (region: string): C => {
      let client = cache.get(region);
      if (!client) cache.set(region, (client = track(create(region))));
      return client;
    };
  };
  const region = options.region;
  return {
    region,
    sts: track(new STSClient({ ...common, region })),
    iam: track(new IAMClient({ ...common, region })),
    account: track(new AccountClient({ ...common, region })),
    organizations: track(new OrganizationsClient({ ...common, region })),
    accessAnalyzer: perRegion((r) => new AccessAnalyzerClient({ ...common, region: r })),
    ssoAdmin: perRegion((r) => new SSOAdminClient({ ...common, region: r })),
    destroy: () => made.forEach((c) => c.destroy()),
  };
}
