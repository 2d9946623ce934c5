import { defineCheck } from '../engine/check.js';
import { term, type Term } from '../i18n/index.js';
import { isNotOrganizationScan } from '../evidence/organization-only.js';
import { names } from './lib/policies.js';
import { text } from './org-member-root-credentials.text.js';

export const orgMemberRootCredentials = defineCheck({
  id: 'org-member-root-credentials',
  severity: 'high',
  resourceType: 'AwsAccountRoot',
  resource: (r) => r.root(),
  text,
  evaluate(ev, ctx) {
    const root = ctx.resources.root();
    const part = ev.parts.memberRootCredentials;
    if (isNotOrganizationScan(part)) return [ctx.notApplicable(root, 'notOrganizationScan')];
    // A denied sts:AssumeRoot or a denied root-session read is an error part: `need` makes it ERROR
    // with AWS's code, the action and its message (an SCP that denies root sessions says so there).
    const found = ctx.need(part);
    if (found.state === 'managementAccount') return [ctx.notApplicable(root, 'managementAccount')];
    if (found.state === 'rootSessionUnavailable') return [ctx.error(root, 'rootSessionUnavailable', { reason: found.reason })];
    const exists: Term[] = [];
    if (found.loginProfile) exists.push(term('rootCredential', { kind: 'password', count: 1 }));
    if (found.accessKeys.length > 0) exists.push(term('rootCredential', { kind: 'accessKeys', count: found.accessKeys.length }));
    if (found.mfaDevices.length > 0) exists.push(term('rootCredential', { kind: 'mfaDevices', count: found.mfaDevices.length }));
    if (found.signingCertificates.length > 0) exists.push(term('rootCredential', { kind: 'certificates', count: found.signingCertificates.length }));
    if (exists.length === 0) return [ctx.pass(root, 'noCredentials')];
    const activeKeys = found.accessKeys.filter((k) => k.status === 'Active').length;
    return [ctx.fail(root, 'credentialsExist', { credentials: names(exists), activeKeys })];
  },
});
