import { DEFAULT_CONFIG, type Config } from '../config/config.js';
import type { Part, PartError } from '../evidence/schema.js';
import { complianceIndex } from '../frameworks/index.js';
import type { Check } from './check.js';
import { findingId } from './finding-id.js';
import { resourceFactory } from './resources.js';
import type { CheckContext, EvidenceRef, Evidence, Finding, Outcome, Params, Resource, Status } from './types.js';

/** Thrown by `need()`; the engine turns it into an ERROR finding that quotes the cause. */
export class EvidenceUnavailable extends Error {
  constructor(
    readonly part: string,
    readonly cause_: PartError,
  ) {
    super(`${part}: ${cause_.code}`);
  }
}

export interface EvaluateOptions {
  config?: Config;
  /** Defaults to the evidence's collection time (see CheckContext.now). */
  now?: Date;
}

export function evaluate(evidence: Evidence, checks: readonly Check[], options: EvaluateOptions = {}): Finding[] {
  const config = options.config ?? DEFAULT_CONFIG;
  const now = options.now ?? evidence.collectedAt;
  const { id: accountId, partition } = evidence.account;
  const resources = resourceFactory(accountId, partition);
  const compliance = complianceIndex();
  const partNames = new Map<object, string>();
  for (const [name, part] of Object.entries(evidence.parts)) partNames.set(part, name);
  for (const [region, part] of Object.entries(evidence.accessAnalyzers)) partNames.set(part, `accessAnalyzers.${region}`);

  const findings: Finding[] = [];
  for (const check of checks) {
    const used: EvidenceRef[] = [];
    const use = <T>(part: Part<T>): T | undefined => {
      if (!part.ok) return undefined;
      const name = partNames.get(part) ?? 'unknown';
      if (!used.some((u) => u.part === name)) {
        used.push({ part: name, source: part.source, action: part.action, observedAt: part.observedAt.toISOString() });
      }
      return part.data;
    };
    const outcome =
      (status: Status) =>
      (resource: Resource, messageId: string, params: Params = {}): Outcome => ({ status, resource, messageId, params });
    const ctx: CheckContext<string> = {
      account: { id: accountId, partition },
      now,
      config,
      resources,
      need: (part) => {
        if (!part.ok) throw new EvidenceUnavailable(partNames.get(part) ?? 'unknown', part.error);
        return use(part) as never;
      },
      get: use,
      fromConfig: (field) => {
        if (!used.some((u) => u.part === `config.${field}`)) used.push({ part: `config.${field}`, source: 'config', observedAt: now.toISOString() });
      },
      pass: outcome('PASS'),
      fail: outcome('FAIL'),
      notApplicable: outcome('NOT_APPLICABLE'),
      manual: outcome('MANUAL'),
      error: outcome('ERROR'),
    };

    let outcomes: Outcome[];
    const fallback = check.resource?.(resources) ?? resources.account();
    try {
      outcomes = check.evaluate(evidence, ctx);
      if (outcomes.length === 0) {
        outcomes = [{ status: 'NOT_APPLICABLE', resource: fallback, messageId: 'engine.noResources', params: { resourceKind: check.resourceType } }];
      }
    } catch (error) {
      outcomes = [errorOutcome(error, fallback)];
    }

    const seen = new Set<string>();
    for (const o of outcomes) {
      const id = findingId(partition, accountId, check.id, o.resource.arn);
      // One finding per (check, resource): a duplicate is a bug in the check, made loud.
      if (seen.has(id)) throw new Error(`check ${check.id} judged ${o.resource.arn} twice`);
      seen.add(id);
      findings.push({
        id,
        checkId: check.id,
        status: o.status,
        severity: check.severity,
        accountId,
        partition,
        region: o.resource.region ?? 'global',
        resource: o.resource,
        messageId: o.messageId,
        params: o.params,
        // One list per check, shared by its findings: it is complete once evaluate() returned.
        evidence: used,
        compliance: compliance.get(check.id) ?? {},
        muted: false,
        muteReason: null,
      });
    }
  }
  return findings;
}

function errorOutcome(error: unknown, resource: Resource): Outcome {
  if (error instanceof EvidenceUnavailable) {
    const { code, message, action } = error.cause_;
    return {
      status: 'ERROR',
      resource,
      messageId: 'engine.evidenceUnavailable',
      params: { part: error.part, code, errorMessage: message, action: action ?? '', actionNote: action ? `, ${action}` : '' },
    };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { status: 'ERROR', resource, messageId: 'engine.checkCrashed', params: { errorMessage: message } };
}
