import { fromNodeProviderChain } from '@aws-sdk/credential-providers';
import { parseEvidence } from '../evidence/parse.js';
import type { ZodType } from 'zod';
import { analyzerPart, partSchemas, type Evidence, type EvidenceJson, type PartName } from '../evidence/schema.js';
import { firstIssue } from '../evidence/zod-issue.js';
import { alternateContactsCollector } from './alternate-contacts.js';
import { authorizationDetailsCollector } from './authorization-details.js';
import { callerIdentity, CALLER_IDENTITY_ACTION } from './caller-identity.js';
import { configuredRegion, makeClients, PARTITION_REGIONS, type Credentials } from './clients.js';
import type { CollectContext, CollectEvent, Collected, Collector, PartJson } from './collector.js';
import { credentialReportCollector } from './credential-report.js';
import { accountSummaryCollector, passwordPolicyCollector, serverCertificatesCollector, virtualMfaCollector } from './iam-account.js';
import { limiter } from './limit.js';
import { organizationCollector } from './organization.js';
import { collectAnalyzers, collectIdentityCenter, collectRegions, REGIONAL_ACTIONS } from './regional.js';
import { say } from '../i18n/index.js';

/** Collectors with no dependency on one another: they run side by side. */
export const INDEPENDENT_COLLECTORS: readonly Collector[] = [
  credentialReportCollector,
  accountSummaryCollector,
  passwordPolicyCollector,
  virtualMfaCollector,
  serverCertificatesCollector,
  alternateContactsCollector,
  organizationCollector,
];

/** Every IAM action a scan may call: the least-privilege policy is built from this list. */
export const SCAN_ACTIONS: readonly string[] = [
  ...new Set([CALLER_IDENTITY_ACTION, ...INDEPENDENT_COLLECTORS.flatMap((c) => c.actions), ...authorizationDetailsCollector.actions, ...REGIONAL_ACTIONS]),
].sort();

export interface LiveScanOptions {
  profile?: string;
  region?: string;
  endpoint?: string;
  env: NodeJS.ProcessEnv;
  progress?: (event: CollectEvent) => void;
  onCommand?: (action: string) => void;
  /** Calls in flight at once (default 8). */
  concurrency?: number;
  reportTimeoutMs?: number;
  maxAttempts?: number;
  requestTimeoutMs?: number;
  sleep?: (ms: number) => Promise<void>;
}


/** Reads the account with the AWS SDK and returns validated evidence (SPEC §4, source 1). */
export async function collectEvidence(options: LiveScanOptions): Promise<Evidence> {
  const startedAt = new Date().toISOString();
  const progress = options.progress ?? (() => undefined);
  const credentials = fromNodeProviderChain(options.profile ? { profile: options.profile } : {});
  const region = options.region ?? (await configuredRegion(options.profile));
  let clients = makeClients({ ...options, region: region ?? 'us-east-1', credentials });

  progress({ type: 'identifying' });
  let identity;
  try {
    identity = await callerIdentity(clients, options);
  } catch (error) {
    // With no region configured, GovCloud and China credentials are refused by the commercial
    // STS in us-east-1: ask each other partition's first region before giving up.
    const other = region ? undefined : await otherPartition(options, credentials);
    if (!other) throw error;
    clients.destroy();
    ({ identity, clients } = other);
  }
  const homeRegion = region ?? PARTITION_REGIONS[identity.partition] ?? 'us-east-1';
  if (!region && clients.region !== homeRegion) {
    clients.destroy();
    clients = makeClients({ ...options, region: homeRegion, credentials });
  }

  const limit = limiter(options.concurrency ?? 8);
  const ctx: CollectContext = {
    clients,
    account: { id: identity.accountId, partition: identity.partition },
    homeRegion,
    send: limit,
    progress,
    sleep: options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
    reportTimeoutMs: options.reportTimeoutMs ?? 60_000,
  };

  const parts: Partial<Record<PartName, PartJson>> = {};
  const accessAnalyzers: Record<string, PartJson> = {};
  const merge = (collected: Collected) => {
    Object.assign(parts, collected.parts);
    Object.assign(accessAnalyzers, collected.accessAnalyzers);
  };
  const run = async (collector: Collector) => {
    progress({ type: 'collector-started', collector: collector.name });
    try {
      const collected = await collector.collect(ctx);
      merge(collected);
      progress({ type: 'collector-finished', collector: collector.name, failedParts: Object.values(collected.parts ?? {}).filter((p) => 'error' in p).length });
    } catch (error) {
      // A collector bug or an answer it could not read: its parts fail, the scan goes on.
      const message = error instanceof Error ? error.message : String(error);
      for (const part of collector.parts) parts[part] = { error: { code: 'CollectorFailed', message, action: collector.actions[0] } };
      progress({ type: 'collector-finished', collector: collector.name, failedParts: collector.parts.length });
    }
  };

  try {
    await Promise.all([
      ...INDEPENDENT_COLLECTORS.map(run),
      run(authorizationDetailsCollector).then(() => {
        const auth = parts.authorizationDetails;
        const roles = auth && 'data' in auth ? (auth.data as { roles: { arn: string }[] }).roles.map((r) => r.arn) : [];
        progress({ type: 'collector-started', collector: 'IAM Identity Center' });
        return collectIdentityCenter(ctx, roles).then(merge);
      }),
      collectRegions(ctx).then(({ part, regions }) => {
        parts.regions = part;
        progress({ type: 'reading-analyzers', regions: regions.length });
        return collectAnalyzers(ctx, regions).then(merge);
      }),
    ]);
  } finally {
    clients.destroy();
  }

  const doc: EvidenceJson = {
    schema: 'aws-lockdown/evidence@1',
    account: { id: identity.accountId, partition: identity.partition as EvidenceJson['account']['partition'], callerArn: identity.arn },
    collectedAt: startedAt,
    collector: 'aws-sdk',
    parts: validated(parts, (name) => partSchemas[name as PartName]) as EvidenceJson['parts'],
    accessAnalyzers: validated(accessAnalyzers, () => analyzerPart) as EvidenceJson['accessAnalyzers'],
  };
  return parseEvidence(doc, 'live evidence');
}

async function otherPartition(options: LiveScanOptions, credentials: Credentials) {
  for (const region of [PARTITION_REGIONS['aws-us-gov'] as string, PARTITION_REGIONS['aws-cn'] as string]) {
    const clients = makeClients({ ...options, region, credentials });
    try {
      return { identity: await callerIdentity(clients, options), clients };
    } catch {
      clients.destroy();
    }
  }
  return undefined;
}

// An answer that does not fit the evidence schema fails its part, not the scan.
function validated(parts: Record<string, PartJson>, schemaOf: (name: string) => ZodType): Record<string, PartJson> {
  return Object.fromEntries(
    Object.entries(parts).map(([name, part]) => {
      const result = schemaOf(name).safeParse(part, { reportInput: true });
      if (result.success) return [name, part];
      // Evidence keeps its error messages in English, as AWS gives its own.
      return [name, { error: { code: 'InvalidResponse', message: say('en', firstIssue(result.error).said), action: 'action' in part ? part.action : undefined } }];
    }),
  );
}
