import type { AuthorizationDetails, ManagedPolicy, PolicyDocument, PolicyStatement } from '../../evidence/schema.js';
import { term, type Term } from '../../i18n/index.js';
import { adminEquivalent, type AdminEquivalent } from './admin-equivalent.js';

const covers = (values: string[] | undefined, all: string[]) => values?.some((v) => all.includes(v)) ?? false;
const allActions = (s: PolicyStatement) => !s.notActions && covers(s.actions, ['*', '*:*']);
const allResources = (s: PolicyStatement) => !s.notResources && covers(s.resources, ['*']);

/**
 * CIS 1.16 / 5.0 1.15: an Allow of Action "*" on Resource "*". `sqs:*`, `Action: "*"` on one
 * resource, NotAction or NotResource grants are broad but not full administrator rights. A Deny of
 * everything without a condition cancels it; a conditional Deny does not (the grant holds whenever
 * the condition is false), and neither does a conditional Allow (it is admin whenever it holds).
 */
export function grantsFullAdmin(doc: PolicyDocument): boolean {
  const allows = doc.statements.some((s) => s.effect === 'Allow' && allActions(s) && allResources(s));
  const cancelled = doc.statements.some((s) => s.effect === 'Deny' && !s.hasCondition && allActions(s) && allResources(s));
  return allows && !cancelled;
}

/** AdministratorAccess grants *:* by definition; known even when a CLI export omits its document. */
export function isAdministratorAccessArn(arn: string): boolean {
  return /^arn:aws[a-z-]*:iam::aws:policy\/AdministratorAccess$/.test(arn);
}

export interface AdminVerdict {
  admin: boolean;
  /**
   * Where the admin grant comes from: "AdministratorAccess", "group Admins: AdministratorAccess",
   * or a policy that is admin-equivalent: "PowerPlus, which allows everything except iam:CreateUser".
   */
  via: Term[];
  /** Attached policies (or groups) whose document the evidence lacks: the verdict may miss a grant. */
  unknownPolicies: Term[];
}

type PolicyHolder = { attachedPolicies: { name: string; arn: string }[]; inlinePolicies: { name: string; document: PolicyDocument }[] };

/** Judges users (directly and through groups) against the account's policy documents. */
export function adminAnalysis(auth: AuthorizationDetails) {
  const byArn = new Map<string, ManagedPolicy>(auth.policies.map((p) => [p.arn, p]));
  const groups = new Map(auth.groups.map((g) => [g.name, g]));

  const managedVerdicts = new Map<string, boolean | undefined>();
  const managedIsAdmin = (arn: string): boolean | undefined => {
    if (managedVerdicts.has(arn)) return managedVerdicts.get(arn);
    const policy = byArn.get(arn);
    const admin = policy ? grantsFullAdmin(policy.defaultDocument) : isAdministratorAccessArn(arn) ? true : undefined;
    managedVerdicts.set(arn, admin);
    return admin;
  };

  // A policy the user holds itself, or through `group`; with `equivalent`, why it counts as admin.
  const named = (name: string, inline: boolean, group: string | undefined, equivalent?: AdminEquivalent): Term => {
    const args = { name, inline: inline ? 'yes' : 'no', ...(group === undefined ? {} : { group }) };
    if (equivalent) return term(group === undefined ? 'policyAllBut' : 'groupPolicyAllBut', { ...args, except: exceptList(equivalent) });
    return term(group === undefined ? 'policy' : 'groupPolicy', args);
  };

  const judge = (holder: PolicyHolder, group: string | undefined, verdict: AdminVerdict) => {
    for (const p of holder.attachedPolicies) {
      const admin = managedIsAdmin(p.arn);
      const document = admin === false ? byArn.get(p.arn)?.defaultDocument : undefined;
      const equivalent = document ? adminEquivalent(document) : undefined;
      if (admin === undefined) verdict.unknownPolicies.push(named(p.name, false, group));
      else if (admin) verdict.via.push(named(p.name, false, group));
      else if (equivalent) verdict.via.push(named(p.name, false, group, equivalent));
    }
    for (const p of holder.inlinePolicies) {
      if (grantsFullAdmin(p.document)) {
        verdict.via.push(named(p.name, true, group));
        continue;
      }
      const equivalent = adminEquivalent(p.document);
      if (equivalent) verdict.via.push(named(p.name, true, group, equivalent));
    }
  };

  // Thousands of users share a few dozen groups: each group is judged once.
  const groupVerdicts = new Map<string, AdminVerdict>();
  const groupVerdict = (name: string): AdminVerdict => {
    let verdict = groupVerdicts.get(name);
    if (!verdict) {
      verdict = { admin: false, via: [], unknownPolicies: [] };
      const group = groups.get(name);
      if (group) judge(group, name, verdict);
      else verdict.unknownPolicies.push(term('principal', { kind: 'group', name }));
      groupVerdicts.set(name, verdict);
    }
    return verdict;
  };

  return {
    managedIsAdmin,
    user(user: AuthorizationDetails['users'][number]): AdminVerdict {
      const verdict: AdminVerdict = { admin: false, via: [], unknownPolicies: [] };
      judge(user, undefined, verdict);
      for (const groupName of user.groups) {
        const group = groupVerdict(groupName);
        verdict.via.push(...group.via);
        verdict.unknownPolicies.push(...group.unknownPolicies);
      }
      verdict.admin = verdict.via.length > 0;
      return verdict;
    },
  };
}

/** The NotAction entries as IAM writes them (action names, the same in every language), at most five. */
export function exceptList(equivalent: AdminEquivalent): string {
  const shown = equivalent.except.slice(0, 5).join(', ');
  return equivalent.except.length > 5 ? `${shown}, …` : shown;
}
