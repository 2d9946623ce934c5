import { fromNodeProviderChain } from '@aws-sdk/credential-providers';
import { PARTITION_REGIONS } from '../evidence/partitions.js';
import { callerIdentity } from './caller-identity.js';
import { configuredRegion, makeClients, type Credentials } from './clients.js';

export interface SessionOptions {
  profile?: string;
  /** --region; else the profile's or environment's, else the partition's first region. */
  region?: string;
  /** --endpoint-url; AWS_ENDPOINT_URL[_<SERVICE>] work without it (the SDK reads them). */
  endpoint?: string;
  env: NodeJS.ProcessEnv;
  /** Called with the IAM action of every command sent (before retries): the least-privilege proof. */
  onCommand?: (action: string) => void;
  maxAttempts?: number;
  requestTimeoutMs?: number;
  /** The bound on one call, retries included (default CALL_TIMEOUT_MS, 60 s). */
  callTimeoutMs?: number;
  /** Waited on before every attempt: a many-account scan's shared rate limit per API family. */
  rateLimit?: (action: string) => Promise<void>;
}

/** Credentials that work, the account they belong to and the region a scan of it goes to. */
export interface AwsSession {
  credentials: Credentials;
  region: string;
  account: { id: string; partition: string; callerArn: string };
  endpoint?: string;
  onCommand?: (action: string) => void;
  maxAttempts?: number;
  requestTimeoutMs?: number;
  callTimeoutMs?: number;
  rateLimit?: (action: string) => Promise<void>;
}

/**
 * The default credential chain (or a profile), checked with sts:GetCallerIdentity. Without
 * working credentials nothing else can be read: every failure throws a ScanUnavailableError
 * (exit 3) with a one-line cause and hint.
 */
export async function openSession(options: SessionOptions): Promise<AwsSession> {
  const credentials = fromNodeProviderChain(options.profile ? { profile: options.profile } : {});
  const region = options.region ?? (await configuredRegion(options.profile));
  let identity;
  try {
    identity = await identify(options, credentials, region ?? 'us-east-1');
  } catch (error) {
    // With no region configured, GovCloud and China credentials are refused by the commercial
    // STS in us-east-1: ask each other partition's first region before giving up.
    identity = region ? undefined : await otherPartition(options, credentials);
    if (!identity) throw error;
  }
  const home = region ?? PARTITION_REGIONS[identity.partition] ?? 'us-east-1';
  return sessionFrom(credentials, { ...options, region: home, account: { id: identity.accountId, partition: identity.partition, callerArn: identity.arn } });
}

/** A session from credentials already known to work (e.g. an assumed role of an organisation scan): no identity call. */
export function sessionFrom(credentials: Credentials, options: Omit<AwsSession, 'credentials'>): AwsSession {
  const { region, account, endpoint, onCommand, maxAttempts, requestTimeoutMs, callTimeoutMs, rateLimit } = options;
  return { credentials, region, account, endpoint, onCommand, maxAttempts, requestTimeoutMs, callTimeoutMs, rateLimit };
}

async function identify(options: SessionOptions, credentials: Credentials, region: string) {
  const clients = makeClients({ ...options, region, credentials });
  try {
    return await callerIdentity(clients, options);
  } finally {
    clients.destroy();
  }
}

async function otherPartition(options: SessionOptions, credentials: Credentials) {
  for (const region of [PARTITION_REGIONS['aws-us-gov'] as string, PARTITION_REGIONS['aws-cn'] as string]) {
    try {
      return await identify(options, credentials, region);
    } catch {
      // not this partition either
    }
  }
  return undefined;
}
