import type { AuthorizationDetails, Partition, PolicyDocument } from '../../evidence/schema.js';
import { list, term, type ParamList, type Term } from '../../i18n/index.js';

/** How many names a finding lists before it counts the rest ("and 2 more"). */
export const NAME_CAP = 10;

/** Names for a finding parameter: at most NAME_CAP, joined in the reader's language. */
export function names(items: readonly (string | Term)[]): ParamList {
  return list(items, NAME_CAP);
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
  /** "user alice", "group admins", "role Ops": how findings name a holder, in either language. */
  label: Term;
  attachedPolicies: { name: string; arn: string }[];
  inlinePolicies: { name: string; document: PolicyDocument }[];
}

/** Every user, group and role of the authorization details, in that order. */
export function principals(auth: AuthorizationDetails): Principal[] {
  const tag = (kind: PrincipalKind) => (p: Omit<Principal, 'kind' | 'label'>): Principal => ({
    kind,
    name: p.name,
    arn: p.arn,
    label: term('principal', { kind, name: p.name }),
    attachedPolicies: p.attachedPolicies,
    inlinePolicies: p.inlinePolicies,
  });
  return [...auth.users.map(tag('user')), ...auth.groups.map(tag('group')), ...auth.roles.map(tag('role'))];
}

/** Managed policy ARN → the principals it is attached to (in evidence order, each once). */
export function managedPolicyHolders(auth: AuthorizationDetails): Map<string, Principal[]> {
  const holders = new Map<string, Principal[]>();
  for (const p of principals(auth)) {
    for (const attached of p.attachedPolicies) {
      const held = holders.get(attached.arn) ?? [];
      if (!held.includes(p)) held.push(p);
      holders.set(attached.arn, held);
    }
  }
  return holders;
}
