import { checkTester } from '../../test/check-tester.js';
import { list } from '../i18n/index.js';
import { withStructuredParams } from '../../test/builders/structured-params.js';
import { BASE_USERS, evidence, failed, user } from '../../test/builders/evidence.js';
import { userInGroup } from './user-in-group.js';

checkTester.run(userInGroup, withStructuredParams(userInGroup, {
  pass: [
    { name: 'user in one group', ev: evidence(), resource: 'alice', messageId: 'inGroup', params: { groups: list(['developers']) } },
    {
      name: 'user in two groups',
      ev: evidence({ users: [...BASE_USERS, user('carol', { groups: ['developers', 'ci'] })] }),
      resource: 'carol',
      messageId: 'inGroup',
      params: { groups: list(['developers', 'ci']) },
    },
  ],
  fail: [
    { name: 'user in no group', ev: evidence({ users: [...BASE_USERS, user('orphan', { groups: [] })] }), resource: 'orphan', messageId: 'noGroup' },
    { name: 'programmatic user in no group', ev: evidence({ users: [user('legacy-bot', { groups: [], password: false })] }), resource: 'legacy-bot', messageId: 'noGroup' },
  ],
  error: [
    {
      name: 'authorization details denied',
      ev: evidence({ parts: { authorizationDetails: failed('AccessDenied', 'iam:GetAccountAuthorizationDetails') } }),
      params: { code: 'AccessDenied', action: 'iam:GetAccountAuthorizationDetails' },
    },
  ],
  notApplicable: [{ name: 'account with no IAM users', ev: evidence({ users: [] }), messageId: 'engine.noResources' }],
}));
