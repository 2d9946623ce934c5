import { checkTester } from '../../test/check-tester.js';
import { list, term } from '../i18n/index.js';
import { withStructuredParams } from '../../test/builders/structured-params.js';
import { ACCOUNT_ID, BASE_USERS, awsPolicy, evidence, failed, user } from '../../test/builders/evidence.js';
import { supportRole } from './support-role.js';

const noSupport = { roles: [{ name: 'OrganizationAccountAccessRole', attached: [awsPolicy('AdministratorAccess')] }] };

checkTester.run(supportRole, withStructuredParams(supportRole, {
  pass: [
    { name: 'AWSSupportRole has AWSSupportAccess', ev: evidence(), messageId: 'supportRole', params: { roles: list(['AWSSupportRole']), count: 1 } },
    { name: 'aws-cn partition ARN', ev: evidence({ partition: 'aws-cn' }), messageId: 'supportRole', params: { roles: list(['AWSSupportRole']) } },
    {
      name: 'two support roles',
      ev: evidence({ roles: [{ name: 'SupportA', attached: [awsPolicy('AWSSupportAccess')] }, { name: 'SupportB', attached: [awsPolicy('ReadOnlyAccess'), awsPolicy('AWSSupportAccess')] }] }),
      messageId: 'supportRole',
      params: { roles: list(['SupportA', 'SupportB']), count: 2 },
    },
  ],
  fail: [
    { name: 'no role has AWSSupportAccess', ev: evidence(noSupport), messageId: 'noSupportRole' },
    { name: 'no roles at all', ev: evidence({ roles: [] }), messageId: 'noSupportRole' },
    {
      name: 'customer policy named AWSSupportAccess does not count',
      ev: evidence({ roles: [{ name: 'Support', attached: [`arn:aws:iam::${ACCOUNT_ID}:policy/AWSSupportAccess`] }] }),
      messageId: 'noSupportRole',
    },
    {
      name: 'only a user and a group hold AWSSupportAccess',
      ev: evidence({
        ...noSupport,
        users: [...BASE_USERS, user('helpdesk', { attached: [awsPolicy('AWSSupportAccess')] })],
        groups: [{ name: 'support', attached: [awsPolicy('AWSSupportAccess')] }],
      }),
      messageId: 'notOnRole',
      params: { holders: list([term('principal', { kind: 'user', name: 'helpdesk' }), term('principal', { kind: 'group', name: 'support' })]) },
    },
  ],
  error: [
    {
      name: 'authorization details denied',
      ev: evidence({ parts: { authorizationDetails: failed('AccessDenied', 'iam:GetAccountAuthorizationDetails') } }),
      params: { code: 'AccessDenied', action: 'iam:GetAccountAuthorizationDetails' },
    },
  ],
}));
