/** A versioned benchmark as a tree of requirements over check ids (Steampipe-style). */
export interface Framework {
  /** The key used in a finding's `compliance` map, e.g. `cis-aws-v5.0.0`. */
  id: string;
  name: string;
  version: string;
  requirements: Requirement[];
}

export interface Requirement {
  id: string;
  title: string;
  /** CIS "Manual" items: the verdict needs a person even when our check automates part of it. */
  assessment?: 'automated' | 'manual';
  checks: string[];
  /**
   * Where the framework's own rule is stricter than our check: findings with these message ids
   * count with another status for this requirement (e.g. Security Hub's IAM.1 also fails an
   * unattached customer-managed `*:*` policy, which our check passes with a note).
   */
  counts?: { check: string; messageIds: string[]; as: 'FAIL' }[];
}

export function defineFramework(framework: Framework): Framework {
  return framework;
}
