import { globMatch } from '../../config/glob.js';
import type { PolicyDocument, PolicyStatement } from '../../evidence/schema.js';

/**
 * The IAM actions with which a principal allowed nearly everything can grant itself `*:*` without
 * help from anything that may not exist: attach the AWS-managed AdministratorAccess (present in
 * every account) to itself, its group or a role it creates; write an inline `*:*` policy; or make
 * a `*:*` version the default of a customer policy it holds (this very policy). Paths that need an
 * administrator to exist already (PassRole, UpdateAssumeRolePolicy, AddUserToGroup, CreateAccessKey
 * for another user) are left out: without them the list still proves admin-equivalence.
 */
export const SELF_GRANT_ACTIONS = [
  'iam:AttachUserPolicy',
  'iam:AttachGroupPolicy',
  'iam:AttachRolePolicy',
  'iam:PutUserPolicy',
  'iam:PutGroupPolicy',
  'iam:PutRolePolicy',
  'iam:CreatePolicyVersion',
] as const;

/**
 * IAM action matching: `*` any run of characters, `?` one, case-insensitive throughout (service
 * prefixes and action names alike; IAM User Guide, "IAM JSON policy elements: Action").
 */
export function actionMatches(pattern: string, action: string): boolean {
  return globMatch(pattern.toLowerCase(), action.toLowerCase());
}

export interface AdminEquivalent {
  /** The NotAction entries of the statement: what it does not allow. */
  except: string[];
  /** The self-grant actions it leaves allowed. */
  selfGrant: string[];
}

const onEverything = (s: PolicyStatement) => !s.notResources && (s.resources?.includes('*') ?? false);

/**
 * An Allow with NotAction on Resource "*" that leaves at least one self-grant action allowed: not
 * the literal CIS `*:*`, but its holder can turn itself into an administrator. Like `*:*`, a
 * conditional Allow still counts (it grants this whenever the condition holds); an unconditional
 * Deny of the self-grant actions on "*" takes them back. Returns the first such statement.
 */
export function adminEquivalent(doc: PolicyDocument): AdminEquivalent | undefined {
  const denied = (action: string) =>
    doc.statements.some((s) => s.effect === 'Deny' && !s.hasCondition && onEverything(s) && (s.actions?.some((p) => actionMatches(p, action)) ?? false));
  for (const s of doc.statements) {
    if (s.effect !== 'Allow' || !s.notActions || !onEverything(s)) continue;
    const notActions = s.notActions;
    const selfGrant = SELF_GRANT_ACTIONS.filter((a) => !notActions.some((p) => actionMatches(p, a)) && !denied(a));
    if (selfGrant.length > 0) return { except: notActions, selfGrant };
  }
  return undefined;
}
