import type { Partition } from '../evidence/schema.js';
import type { Resource, ResourceFactory } from './types.js';

const CONSOLE_HOSTS: Record<Partition, string> = {
  aws: 'https://console.aws.amazon.com',
  'aws-us-gov': 'https://console.amazonaws-us-gov.com',
  'aws-cn': 'https://console.amazonaws.cn',
};

// Account-level things that have no ARN of their own get one built on the account's ARN
// (arn:<p>:account::<id>:account), so that finding ids stay unique and stable. docs/decisions.md
// lists these synthetic forms.
export function resourceFactory(accountId: string, partition: Partition): ResourceFactory {
  const accountArn = `arn:${partition}:account::${accountId}:account`;
  return {
    account: () => ({ type: 'AwsAccount', arn: accountArn, name: accountId }),
    root: () => ({ type: 'AwsAccountRoot', arn: `arn:${partition}:iam::${accountId}:root`, name: '<root_account>' }),
    passwordPolicy: () => ({
      type: 'AwsIamPasswordPolicy',
      arn: `arn:${partition}:iam::${accountId}:account-password-policy`,
      name: 'account password policy',
    }),
    contact: (type) => ({ type: 'AwsAccountContact', arn: `${accountArn}/alternate-contact/${type}`, name: type }),
    organization: (arn) => ({ type: 'AwsOrganization', arn: arn ?? `${accountArn}/organization`, name: arn?.split('/').pop() ?? 'organization' }),
    user: (name, arn) => ({ type: 'AwsIamUser', arn, name }),
    policy: (name, arn) => ({ type: 'AwsIamPolicy', arn, name }),
    role: (name, arn) => ({ type: 'AwsIamRole', arn, name }),
    serverCertificate: (name, arn) => ({ type: 'AwsIamServerCertificate', arn, name }),
    analyzerRegion: (region): Resource => ({
      type: 'AwsAccessAnalyzerRegion',
      arn: `arn:${partition}:access-analyzer:${region}:${accountId}:analyzer/*`,
      name: region,
      region,
    }),
    consoleUrl: () => CONSOLE_HOSTS[partition],
  };
}
