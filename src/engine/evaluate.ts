import { DEFAULT_CONFIG, type Config } from '../config/config.js';
import type { Part, PartError } from '../evidence/schema.js';
import { complianceIndex } from '../frameworks/index.js';
import { list } from '../i18n/index.js';
import { checkKey, type Check } from './check.js';
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
  // Framework files may still name a check by a former id: map those to the current one.
  const currentId = new Map(checks.flatMap((c) => (c.aliases ?? []).map((alias) => [alias, c.id] as const)));
  const compliance = complianceIndex(undefined, (id) => currentId.get(id) ?? id);
  const partNames = new Map<object, string>();
  for (const [name, part] of Object.entries(evidence.parts)) partNames.set(part, name);
  for (const [region, part] of Object.entries(evidence.accessAnalyzers)) partNames.set(part, `accessAnalyzers.${region}`);

  const findings: Finding[] = [];
  for (const check of checks) {
    const used: EvidenceRef[] = [];
    // A check reads the same part once per resource: it is listed on first use only.
    const usedParts = new Set<object>();
    const use = <T>(part: Part<T>): T | undefined => {
      if (!part.ok) return undefined;
      if (usedParts.has(part)) return part.data;
      usedParts.add(part);
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

    const key = checkKey(check);
    for (const o of oncePerResource(outcomes, check.id)) {
      findings.push({
        id: findingId(partition, accountId, key, o.resource.arn),
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

/**
 * One finding per (check, resource). Two verdicts on one resource are a bug in the check or
 * evidence that names a thing twice: that resource becomes one ERROR naming both verdicts, in
 * the place of the first, and the rest of the scan goes on.
 */
function oncePerResource(outcomes: Outcome[], checkId: string): Outcome[] {
  // The usual case, every resource judged once, costs one set of ARNs; groups only when one repeats.
  const seen = new Set<string>();
  for (const o of outcomes) seen.add(o.resource.arn);
  if (seen.size === outcomes.length) return outcomes;
  const byArn = new Map<string, Outcome[]>();
  for (const o of outcomes) {
    const same = byArn.get(o.resource.arn);
    if (same) same.push(o);
    else byArn.set(o.resource.arn, [o]);
  }
  return [...byArn.values()].map((same) => {
    const first = same[0] as Outcome;
    if (same.length === 1) return first;
    return { status: 'ERROR', resource: first.resource, messageId: 'engine.judgedTwice', params: { checkId, count: same.length, statuses: list(same.map((o) => o.status)) } };
  });
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
