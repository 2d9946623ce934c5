import { defineCheck } from '../engine/check.js';
import type { Outcome } from '../engine/types.js';
import { list } from '../i18n/index.js';
import { adminAnalysis, exceptList, grantsFullAdmin } from './lib/admin.js';
import { adminEquivalent, type AdminEquivalent } from './lib/admin-equivalent.js';
import { isAwsManagedArn, names, managedPolicyHolders, principals } from './lib/policies.js';
import { text } from './policy-full-admin.text.js';

type MessageId = keyof typeof text.en.messages;

export const policyFullAdmin = defineCheck({
  id: 'policy-full-admin',
  severity: 'high',
  resourceType: 'AwsIamPolicy',
  text,
  evaluate(ev, ctx) {
    const auth = ctx.need(ev.parts.authorizationDetails);
    const { managedIsAdmin } = adminAnalysis(auth);
    const holders = managedPolicyHolders(auth);
    const documents = new Map(auth.policies.map((p) => [p.arn, p]));
    const outcomes: Outcome<MessageId>[] = [];
    // Admin-equivalent but not literally *:* passes CIS 1.16 with a note (docs/decisions.md);
    // user-admin-mfa treats its holders as administrators.
    const note = (e: AdminEquivalent) => ({ except: exceptList(e), selfGrant: list(e.selfGrant) });

    // Every managed policy with a document, then attached ones whose document the evidence lacks
    // (an AWS CLI export may leave out AWS-managed policies such as AdministratorAccess).
    const arns = [...documents.keys(), ...[...holders.keys()].filter((arn) => !documents.has(arn))];
    for (const arn of arns) {
      const policy = documents.get(arn);
      const held = holders.get(arn) ?? [];
      const resource = ctx.resources.policy(policy?.name ?? (arn.split('/').pop() as string), arn);
      const admin = managedIsAdmin(arn);
      if (admin === undefined) {
        outcomes.push(ctx.error(resource, 'documentMissing', { holders: names(held.map((h) => h.label)), count: held.length }));
      } else if (!admin) {
        const equivalent = policy ? adminEquivalent(policy.defaultDocument) : undefined;
        const attached = held.length > 0 || (policy?.attachmentCount ?? 0) > 0;
        if (equivalent && (attached || !isAwsManagedArn(arn))) {
          outcomes.push(ctx.pass(resource, 'adminEquivalent', { ...note(equivalent), holders: names(held.map((h) => h.label)), count: held.length }));
        }
      } else if (held.length > 0) {
        outcomes.push(ctx.fail(resource, 'attached', { holders: names(held.map((h) => h.label)), count: held.length }));
      } else if ((policy?.attachmentCount ?? 0) > 0) {
        // IAM counts an attachment the authorization details do not show: still attached.
        outcomes.push(ctx.fail(resource, 'attachedUnlisted', { count: policy?.attachmentCount ?? 0 }));
      } else if (!isAwsManagedArn(arn)) {
        // Every account has the AWS-managed AdministratorAccess; only an idle one of our own is worth a note.
        outcomes.push(ctx.pass(resource, 'unattached'));
      }
    }

    for (const principal of principals(auth)) {
      for (const inline of principal.inlinePolicies) {
        const resource = ctx.resources.policy(inline.name, `${principal.arn}/inline-policy/${inline.name}`);
        // holderKind/holderName fill the inline-policy commands (get-user-policy, delete-role-policy, …).
        const holder = { holders: principal.label, count: 1, holderKind: principal.kind, holderName: principal.name };
        if (grantsFullAdmin(inline.document)) {
          outcomes.push(ctx.fail(resource, 'inline', holder));
          continue;
        }
        const equivalent = adminEquivalent(inline.document);
        if (equivalent) outcomes.push(ctx.pass(resource, 'inlineAdminEquivalent', { ...holder, ...note(equivalent) }));
      }
    }

    if (outcomes.length === 0) return [ctx.pass(ctx.resources.account(), 'noAdminPolicies')];
    return outcomes;
  },
});
