import { checkTester } from '../../test/check-tester.js';
import { evidence, failed, ok } from '../../test/builders/evidence.js';
import { orgCentralizedRootAccess } from './org-centralized-root-access.js';

const features = (data: unknown) => evidence({ parts: { organizationsFeatures: ok(data) } });
const enabled = (...enabledFeatures: string[]) => features({ state: 'enabled', organizationId: 'o-a1b2c3d4e5', enabledFeatures });

checkTester.run(orgCentralizedRootAccess, {
  pass: [
    { name: 'root credentials management and root sessions enabled', ev: evidence(), messageId: 'enabled', params: { organizationId: 'o-a1b2c3d4e5' } },
    { name: 'both features, listed the other way round', ev: enabled('RootSessions', 'RootCredentialsManagement'), messageId: 'enabled' },
  ],
  fail: [
    { name: 'trusted access on, no features', ev: enabled(), messageId: 'notEnabled', params: { organizationId: 'o-a1b2c3d4e5' } },
    { name: 'root credentials management without root sessions', ev: enabled('RootCredentialsManagement'), messageId: 'enabledWithoutRootSessions', params: { organizationId: 'o-a1b2c3d4e5' } },
    { name: 'root sessions without root credentials management', ev: enabled('RootSessions'), messageId: 'rootSessionsOnly', params: { organizationId: 'o-a1b2c3d4e5' } },
    { name: 'an unknown feature only', ev: enabled('SomeFutureFeature'), messageId: 'notEnabled' },
    { name: 'consolidated billing organization', ev: features({ state: 'notAllFeaturesMode' }), messageId: 'notAllFeatures' },
    { name: 'IAM trusted access not enabled', ev: features({ state: 'trustedAccessNotEnabled' }), messageId: 'trustedAccessDisabled' },
  ],
  error: [
    {
      name: 'ListOrganizationsFeatures denied',
      ev: evidence({ parts: { organizationsFeatures: failed('AccessDenied', 'iam:ListOrganizationsFeatures') } }),
      params: { code: 'AccessDenied', action: 'iam:ListOrganizationsFeatures' },
    },
    {
      name: 'DescribeOrganization denied',
      ev: evidence({ parts: { organization: failed('AccessDeniedException', 'organizations:DescribeOrganization') } }),
      params: { code: 'AccessDeniedException', action: 'organizations:DescribeOrganization' },
    },
  ],
  notApplicable: [
    { name: 'standalone account', ev: evidence({ parts: { organization: ok(null) } }), messageId: 'noOrganization' },
    {
      name: 'standalone account, features unreadable',
      ev: evidence({ parts: { organization: ok(null), organizationsFeatures: failed('AccessDenied', 'iam:ListOrganizationsFeatures') } }),
      messageId: 'noOrganization',
    },
    { name: 'member account', ev: features({ state: 'notManagementOrDelegatedAdmin' }), messageId: 'memberAccount' },
    { name: 'organization not found by IAM', ev: features({ state: 'organizationNotFound' }), messageId: 'noOrganization' },
  ],
});
