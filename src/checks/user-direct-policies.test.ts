import { checkTester } from '../../test/check-tester.js';
import { list, term } from '../i18n/index.js';
import { withStructuredParams } from '../../test/builders/structured-params.js';
import { BASE_USERS, allowAll, awsPolicy, evidence, failed, user } from '../../test/builders/evidence.js';
import { userDirectPolicies } from './user-direct-policies.js';

const many = Array.from({ length: 12 }, (_, i) => awsPolicy(`Policy${String(i + 1).padStart(2, '0')}`));

checkTester.run(userDirectPolicies, withStructuredParams(userDirectPolicies, {
  pass: [
    { name: 'user gets permissions only through a group', ev: evidence(), resource: 'alice', messageId: 'noDirectPolicies' },
    { name: 'user in no group and without policies', ev: evidence({ users: [user('idle', { groups: [] })] }), resource: 'idle', messageId: 'noDirectPolicies' },
  ],
  fail: [
    {
      name: 'managed policy attached to the user',
      ev: evidence({ users: [...BASE_USERS, user('carol', { attached: [awsPolicy('ReadOnlyAccess')] })] }),
      resource: 'carol',
      messageId: 'directPolicies',
      params: { count: 1, names: list(['ReadOnlyAccess']) },
    },
    {
      name: 'inline policy on the user',
      ev: evidence({ users: [user('dave', { inline: [{ name: 'break-glass', document: allowAll() }] })] }),
      resource: 'dave',
      messageId: 'directPolicies',
      params: { count: 1, names: list([term('policy', { name: 'break-glass', inline: 'yes' })]) },
    },
    {
      name: 'managed and inline together',
      ev: evidence({ users: [user('erin', { attached: [awsPolicy('AmazonS3FullAccess')], inline: [{ name: 'extra', document: allowAll() }] })] }),
      resource: 'erin',
      messageId: 'directPolicies',
      params: { count: 2, names: list(['AmazonS3FullAccess', term('policy', { name: 'extra', inline: 'yes' })]) },
    },
    {
      name: 'more than ten names are capped',
      ev: evidence({ users: [user('frank', { attached: many })] }),
      resource: 'frank',
      messageId: 'directPolicies',
      params: { count: 12, names: { list: many.slice(0, 10).map((a) => a.split('/').pop() as string), more: 2 } },
    },
  ],
  error: [
    {
      name: 'authorization details denied',
      ev: evidence({ parts: { authorizationDetails: failed('AccessDenied', 'iam:GetAccountAuthorizationDetails') } }),
      params: { code: 'AccessDenied', action: 'iam:GetAccountAuthorizationDetails' },
    },
    { name: 'authorization details not collected', ev: evidence({ parts: { authorizationDetails: undefined } }), params: { code: 'NotCollected' } },
  ],
  notApplicable: [{ name: 'account with no IAM users', ev: evidence({ users: [] }), messageId: 'engine.noResources' }],
}));
