import type { CheckText } from './text.js';
import type { CheckContext, Evidence, Outcome, Resource, ResourceFactory, ResourceType, Severity } from './types.js';

/** A check is data plus one pure function of the evidence (STYLE.md habits 1 and 11). */
export interface Check<M extends string = string> {
  /** Permanent kebab-case id; a rename keeps the old id in `aliases`. */
  id: string;
  aliases?: string[];
  /**
   * The id the check was first released under, when it was renamed since (one of `aliases`).
   * Finding ids hash it, so a rename keeps every finding id and the history that hangs on it.
   */
  releasedAs?: string;
  /** Bumped when a verdict on the same evidence can change; part of the check-set fingerprint. Default 1. */
  version?: number;
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

/** The permanent key that finding ids hash: the id the check was first released under. */
export const checkKey = (check: Pick<Check, 'id' | 'releasedAs'>): string => check.releasedAs ?? check.id;
