import type { CheckText } from './text.js';
import type { CheckContext, Evidence, Outcome, Resource, ResourceFactory, ResourceType, Severity } from './types.js';

/** A check is data plus one pure function of the evidence (STYLE.md habits 1 and 11). */
export interface Check<M extends string = string> {
  /** Permanent kebab-case id; a rename keeps the old id in `aliases`. */
  id: string;
  aliases?: string[];
  severity: Severity;
  resourceType: ResourceType;
  /** Only the root user can carry out the fix; the remediation says so. */
  rootOnly?: boolean;
  /** The one resource an account-level check judges; ERROR findings land on it too. */
  resource?: (resources: ResourceFactory) => Resource;
  text: CheckText<M>;
  evaluate(evidence: Evidence, ctx: CheckContext<M>): Outcome<M>[];
}

export function defineCheck<M extends string>(check: Check<M>): Check<M> {
  return check;
}
