import { defineCheck } from '../engine/check.js';
import { text } from './org-centralized-root-access.text.js';

export const orgCentralizedRootAccess = defineCheck({
  id: 'org-centralized-root-access',
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
        if (!features.enabledFeatures.includes('RootCredentialsManagement')) return [ctx.fail(org, 'notEnabled', params)];
        // RootSessions is the companion feature: privileged root tasks from the management account without root credentials.
        if (features.enabledFeatures.includes('RootSessions')) return [ctx.pass(org, 'enabled', params)];
        return [ctx.pass(org, 'enabledWithoutRootSessions', params)];
      }
    }
  },
});
