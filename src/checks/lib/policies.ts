import type { AuthorizationDetails, Partition, PolicyDocument } from '../../evidence/schema.js';

/** How many names a finding lists before it summarises the rest as "+N". */
export const NAME_CAP = 10;

/**
 * Joins names for a finding parameter, at most `cap` of them. The rest is counted as "+N" rather
 * than in words, because the parameter is shown unchanged in every language.
 */
export function joinNames(names: readonly string[], cap = NAME_CAP): string {
  if (names.length <= cap) return names.join(', ');
  return `${names.slice(0, cap).join(', ')}, +${names.length - cap}`;
}

/** AWS-managed policies live in the `aws` account of every partition: arn:<p>:iam::aws:policy/… */
export function isAwsManagedArn(arn: string): boolean {
  return /^arn:aws[a-z-]*:iam::aws:policy\//.test(arn);
}

export function awsManagedArn(partition: Partition, name: string): string {
  return `arn:${partition}:iam::aws:policy/${name}`;
}

export type PrincipalKind = 'user' | 'group' | 'role';

export interface Principal {
  kind: PrincipalKind;
  name: string;
  arn: string;
  /** "user alice", "group admins", "role Ops": how findings name a holder. */
  label: string;
  attachedPolicies: { name: string; arn: string }[];
  inlinePolicies: { name: string; document: PolicyDocument }[];
}

/** Every user, group and role of the authorization details, in that order. */
export function principals(auth: AuthorizationDetails): Principal[] {
  const tag = (kind: PrincipalKind) => (p: Omit<Principal, 'kind' | 'label'>): Principal => ({
    kind,
    name: p.name,
    arn: p.arn,
    label: `${kind} ${p.name}`,
    attachedPolicies: p.attachedPolicies,
    inlinePolicies: p.inlinePolicies,
  });
  return [...auth.users.map(tag('user')), ...auth.groups.map(tag('group')), ...auth.roles.map(tag('role'))];
}

/** Managed policy ARN → the principals it is attached to (labels, in evidence order). */
export function managedPolicyHolders(auth: AuthorizationDetails): Map<string, string[]> {
  const holders = new Map<string, string[]>();
  for (const p of principals(auth)) {
    for (const attached of p.attachedPolicies) {
      const list = holders.get(attached.arn) ?? [];
      if (!list.includes(p.label)) list.push(p.label);
      holders.set(attached.arn, list);
    }
  }
  return holders;
}
