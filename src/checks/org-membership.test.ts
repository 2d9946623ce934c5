import { checkTester } from '../../test/check-tester.js';
import { ACCOUNT_ID, evidence, failed, ok } from '../../test/builders/evidence.js';
import { orgMembership } from './org-membership.js';

const memberOf = ok({
  id: 'o-a1b2c3d4e5',
  arn: 'arn:aws:organizations::210987654321:organization/o-a1b2c3d4e5',
  masterAccountId: '210987654321',
  featureSet: 'ALL',
});

checkTester.run(orgMembership, {
  pass: [
    { name: 'management account', ev: evidence(), messageId: 'managementAccount', params: { organizationId: 'o-a1b2c3d4e5', managementAccountId: ACCOUNT_ID } },
    { name: 'member account', ev: evidence({ parts: { organization: memberOf } }), messageId: 'member', params: { organizationId: 'o-a1b2c3d4e5', managementAccountId: '210987654321' } },
  ],
  fail: [{ name: 'not in an organization', ev: evidence({ parts: { organization: ok(null) } }), messageId: 'standalone' }],
  error: [
    {
      name: 'DescribeOrganization denied',
      ev: evidence({ parts: { organization: failed('AccessDeniedException', 'organizations:DescribeOrganization') } }),
      params: { code: 'AccessDeniedException', action: 'organizations:DescribeOrganization' },
    },
  ],
});
