import { checkTester } from '../../test/check-tester.js';
import { list } from '../i18n/index.js';
import { withStructuredParams } from '../../test/builders/structured-params.js';
import { ACCOUNT_ID, evidence, failed, ok } from '../../test/builders/evidence.js';
import { accessAnalyzerEnabled } from './access-analyzer-enabled.js';

const analyzer = (name: string, type: string, status = 'ACTIVE', region = 'eu-west-1') => ({
  name,
  type,
  status,
  arn: `arn:aws:access-analyzer:${region}:${ACCOUNT_ID}:analyzer/${name}`,
});
const external = ok([analyzer('ExternalAccess', 'ACCOUNT', 'ACTIVE', 'us-east-1')]);
/** eu-west-1 as given, us-east-1 healthy. */
const euWest = (data: unknown[] | ReturnType<typeof failed>) => evidence({ accessAnalyzers: { 'eu-west-1': Array.isArray(data) ? ok(data) : data, 'us-east-1': external } });

checkTester.run(accessAnalyzerEnabled, withStructuredParams(accessAnalyzerEnabled, {
  pass: [
    { name: 'account analyzer active', ev: evidence(), resource: 'eu-west-1', messageId: 'active', params: { name: 'ExternalAccess' } },
    {
      name: 'organization analyzer active beside an unused-access one',
      ev: euWest([analyzer('UnusedAccess', 'ACCOUNT_UNUSED_ACCESS'), analyzer('OrgExternal', 'ORGANIZATION')]),
      resource: 'eu-west-1',
      messageId: 'active',
      params: { name: 'OrgExternal' },
    },
    {
      name: 'one active analyzer is enough beside a failed one',
      ev: euWest([analyzer('Broken', 'ACCOUNT', 'FAILED'), analyzer('ExternalAccess', 'ACCOUNT')]),
      resource: 'eu-west-1',
      messageId: 'active',
      params: { name: 'ExternalAccess' },
    },
    {
      name: 'an unreadable region does not hide the others',
      ev: euWest(failed('AccessDeniedException', 'access-analyzer:ListAnalyzers')),
      resource: 'us-east-1',
      messageId: 'active',
    },
  ],
  fail: [
    { name: 'no analyzer in a region', ev: euWest([]), resource: 'eu-west-1', messageId: 'none' },
    {
      name: 'only an unused-access analyzer',
      ev: euWest([analyzer('UnusedAccess', 'ACCOUNT_UNUSED_ACCESS')]),
      resource: 'eu-west-1',
      messageId: 'onlyUnusedAccess',
      params: { types: list(['ACCOUNT_UNUSED_ACCESS']) },
    },
    {
      name: 'organization unused-access analyzer only',
      ev: euWest([analyzer('OrgUnused', 'ORGANIZATION_UNUSED_ACCESS')]),
      resource: 'eu-west-1',
      messageId: 'onlyUnusedAccess',
      params: { types: list(['ORGANIZATION_UNUSED_ACCESS']) },
    },
    { name: 'external analyzer disabled', ev: euWest([analyzer('ExternalAccess', 'ACCOUNT', 'DISABLED')]), resource: 'eu-west-1', messageId: 'notActive', params: { status: 'DISABLED' } },
    {
      name: 'organization analyzer failed',
      ev: euWest([analyzer('OrgExternal', 'ORGANIZATION', 'FAILED')]),
      resource: 'eu-west-1',
      messageId: 'notActive',
      params: { name: 'OrgExternal', status: 'FAILED' },
    },
    { name: 'unused-access analyzer disabled too', ev: euWest([analyzer('UnusedAccess', 'ACCOUNT_UNUSED_ACCESS', 'DISABLED')]), resource: 'eu-west-1', messageId: 'none' },
  ],
  error: [
    { name: 'regions unreadable', ev: evidence({ parts: { regions: failed('UnauthorizedOperation', 'ec2:DescribeRegions') } }), params: { code: 'UnauthorizedOperation', action: 'ec2:DescribeRegions' } },
    {
      name: 'region listing denied',
      ev: euWest(failed('AccessDeniedException', 'access-analyzer:ListAnalyzers')),
      resource: 'eu-west-1',
      messageId: 'regionUnreadable',
      params: { code: 'AccessDeniedException', action: 'access-analyzer:ListAnalyzers' },
    },
    { name: 'enabled region not collected', ev: evidence({ accessAnalyzers: { 'us-east-1': external } }), resource: 'eu-west-1', messageId: 'regionNotCollected' },
  ],
  notApplicable: [{ name: 'no enabled regions', ev: evidence({ parts: { regions: ok([]) } }), messageId: 'engine.noResources' }],
}));
