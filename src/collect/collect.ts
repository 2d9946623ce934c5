import type { ZodType } from 'zod';
import { say } from '../i18n/index.js';
import { parseEvidence } from '../evidence/parse.js';
import { analyzerPart, PART_ACTIONS, partSchemas, type Evidence, type EvidenceJson, type PartName } from '../evidence/schema.js';
import { firstIssue } from '../evidence/zod-issue.js';
import { alternateContactsCollector } from './alternate-contacts.js';
import { authorizationDetailsCollector } from './authorization-details.js';
import { makeClients } from './clients.js';
import type { CollectContext, CollectEvent, Collected, Collector, PartJson } from './collector.js';
import { credentialReportCollector } from './credential-report.js';
import { accountSummaryCollector, passwordPolicyCollector, serverCertificatesCollector, virtualMfaCollector } from './iam-account.js';
import { limiter } from './limit.js';
import { organizationCollector } from './organization.js';
import { collectAnalyzers, collectIdentityCenter, collectRegions } from './regional.js';
import type { AwsSession } from './session.js';


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

export interface CollectOptions {
  progress?: (event: CollectEvent) => void;
  /** Calls in flight at once (default 8). */
  concurrency?: number;
  reportTimeoutMs?: number;
  sleep?: (ms: number) => Promise<void>;
  /** Collectors to run instead of the built-in ones (tests: a collector that crashes). */
  collectors?: readonly Collector[];
}

/** Reads one account with the session handed in and returns validated evidence (SPEC §4, source 1). */
export async function collectEvidence(session: AwsSession, options: CollectOptions = {}): Promise<Evidence> {
  const startedAt = new Date().toISOString();
  const progress = options.progress ?? (() => undefined);
  const clients = makeClients(session);
  const limit = limiter(options.concurrency ?? 8);
  const ctx: CollectContext = {
    clients,
    account: { id: session.account.id, partition: session.account.partition },
    homeRegion: session.region,
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
      for (const part of collector.parts) parts[part] = { error: { code: 'CollectorFailed', message, action: PART_ACTIONS[part] } };
      progress({ type: 'collector-finished', collector: collector.name, failedParts: collector.parts.length });
    }
  };

  try {
    await Promise.all([
      ...(options.collectors ?? INDEPENDENT_COLLECTORS).map(run),
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
    account: { id: session.account.id, partition: session.account.partition as EvidenceJson['account']['partition'], callerArn: session.account.callerArn },
    collectedAt: startedAt,
    collector: 'aws-sdk',
    parts: validated(parts, (name) => partSchemas[name as PartName]) as EvidenceJson['parts'],
    accessAnalyzers: validated(accessAnalyzers, () => analyzerPart) as EvidenceJson['accessAnalyzers'],
  };
  return parseEvidence(doc, 'live evidence', { onInconsistent: 'error' });
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
