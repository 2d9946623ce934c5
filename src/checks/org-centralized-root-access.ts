import { defineCheck } from '../engine/check.js';
import { text } from './org-centralized-root-access.text.js';

export const orgCentralizedRootAccess = defineCheck({
  id: 'org-centralized-root-access',
  // 2: RootSessions is required too; root credentials management alone was a PASS in version 1.
  version: 2,
  severity: 'high',
  resourceType: 'AwsOrganization',
  resource: (r) => r.organization(),
  text,
  evaluate(ev, ctx) {
    // Always the account-based ARN, so that the finding id does not change with what was readable.
    const org = ctx.resources.organization();
    if (ctx.need(ev.parts.organization) === null) return [ctx.notApplicable(org, 'noOrganization')];
    const features = ctx.need(ev.parts.organizationsFeatures);
    switch (features.state) {
      case 'notManagementOrDelegatedAdmin':
        return [ctx.notApplicable(org, 'memberAccount')];
      case 'organizationNotFound':
        return [ctx.notApplicable(org, 'noOrganization')];
      case 'notAllFeaturesMode':
        return [ctx.fail(org, 'notAllFeatures')];
      case 'trustedAccessNotEnabled':
        return [ctx.fail(org, 'trustedAccessDisabled')];
      case 'enabled': {
        const params = { organizationId: features.organizationId };
        const credentials = features.enabledFeatures.includes('RootCredentialsManagement');
        // RootSessions (privileged root actions) is what sts:AssumeRoot needs: without it nobody can
        // audit or delete a member's root credentials centrally, nor unlock a bucket or queue policy
        // without the member's own root user. Both are required (issue 8; version 2).
        const sessions = features.enabledFeatures.includes('RootSessions');
        if (credentials && sessions) return [ctx.pass(org, 'enabled', params)];
        if (credentials) return [ctx.fail(org, 'enabledWithoutRootSessions', params)];
        if (sessions) return [ctx.fail(org, 'rootSessionsOnly', params)];
        return [ctx.fail(org, 'notEnabled', params)];
      }
    }
  },
});
