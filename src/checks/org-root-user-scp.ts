import { defineCheck } from '../engine/check.js';
import { isNotOrganizationScan } from '../evidence/organization-only.js';
import { judgePath, rootContext } from './lib/scp.js';
import { names } from './lib/policies.js';
import { text } from './org-root-user-scp.text.js';

export const orgRootUserScp = defineCheck({
  id: 'org-root-user-scp',
  severity: 'medium',
  resourceType: 'AwsAccountRoot',
  resource: (r) => r.root(),
  text,
  evaluate(ev, ctx) {
    const root = ctx.resources.root();
    const part = ev.parts.serviceControlPolicies;
    if (isNotOrganizationScan(part)) return [ctx.notApplicable(root, 'notOrganizationScan')];
    const scps = ctx.need(part);
    if (scps.state === 'managementAccount') return [ctx.notApplicable(root, 'managementAccount')];
    if (scps.state === 'scpsDisabled') return [ctx.fail(root, 'scpsDisabled')];
    // The path as the console shows it: Root / OU / … / account.
    const path = scps.path.map((level) => level.name).join(' / ');
    const judged = judgePath(scps.path, rootContext(ctx.account.partition, ctx.account.id, scps.organizationId));
    const deny = judged.deny;
    // A Deny anywhere on the path applies, so one that reaches the root user decides, whatever
    // else on the path could not be read.
    if (deny?.kind === 'all') return [ctx.pass(root, 'denied', { policyName: deny.policyName, policyId: deny.policyId, target: deny.target })];
    if (deny?.kind === 'allExcept') {
      return [ctx.pass(root, 'deniedExcept', { policyName: deny.policyName, policyId: deny.policyId, target: deny.target, except: names(deny.except) })];
    }
    if (deny?.kind === 'implicit') return [ctx.pass(root, 'nothingAllowed', { target: deny.target, policies: names(deny.policyNames) })];
    const unreadable = judged.unreadable[0];
    if (unreadable) {
      return [ctx.error(root, 'unreadable', { policyName: unreadable.policyName, policyId: unreadable.policyId, target: unreadable.target, reason: unreadable.reason })];
    }
    if (judged.partial.length > 0) return [ctx.fail(root, 'deniedInPart', { path, policies: names(judged.partial.map((p) => p.policyName)), count: judged.partial.length })];
    return [ctx.fail(root, 'notDenied', { path, count: scps.path.reduce((n, level) => n + level.policies.length, 0) })];
  },
});
