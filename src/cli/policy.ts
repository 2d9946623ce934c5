import { InputError } from '../errors.js';
import { leastPrivilegePolicy, policyStatements } from '../evidence/least-privilege.js';
import { msg } from '../i18n/index.js';
import { ACCOUNT_ID, checkExternalId, checkRoleName } from '../org/targets.js';

export interface PolicyFlags {
  securityHub?: boolean;
  /** Add what an organisation scan needs in the management account (listing, AssumeRole, AssumeRoot for the audit only). */
  org?: boolean;
  cloudformation?: boolean;
  trustAccount?: string;
  externalId?: string;
  roleName?: string;
}

export const DEFAULT_SCAN_ROLE_NAME = 'LockdownAudit';

/** `lockdown policy`: the scan policy as IAM JSON, or wrapped in a CloudFormation template that creates the scanning role. */
export async function runPolicy(flags: PolicyFlags): Promise<string> {
  if (!flags.cloudformation) {
    for (const [flag, value] of [['--trust-account', flags.trustAccount], ['--external-id', flags.externalId], ['--role-name', flags.roleName]] as const) {
      if (value !== undefined) throw new InputError(msg('needsFlag', { flag, needs: '--cloudformation' }));
    }
    return leastPrivilegePolicy({ securityHub: flags.securityHub, organization: flags.org });
  }
  if (flags.securityHub) throw new InputError(msg('notTogether', { a: '--cloudformation', b: '--security-hub' }));
  if (flags.trustAccount === undefined) throw new InputError(msg('needsValue', { flag: '--trust-account', with: '--cloudformation' }));
  if (!ACCOUNT_ID.test(flags.trustAccount)) throw new InputError(msg('notAccountId', { flag: '--trust-account', value: flags.trustAccount }));
  const externalId = flags.externalId === undefined ? '' : checkExternalId('--external-id', flags.externalId);
  const roleName = flags.roleName === undefined ? DEFAULT_SCAN_ROLE_NAME : checkRoleName('--role-name', flags.roleName);
  return `${JSON.stringify(scanRoleTemplate({ trustAccount: flags.trustAccount, externalId, roleName, organization: Boolean(flags.org) }), null, 2)}\n`;
}

/**
 * A CloudFormation template (JSON, which is also YAML) for the read-only scanning role, to deploy
 * in every member as a StackSet: the trust names the scanner's account and, when given, requires
 * the external id; the permissions are exactly `lockdown policy` (with --org: what the management
 * account's role needs too). Parameters keep the given values as defaults, so the same template
 * serves a StackSet that overrides them per deployment.
 */
export function scanRoleTemplate(options: { trustAccount: string; externalId: string; roleName: string; organization: boolean }) {
  return {
    AWSTemplateFormatVersion: '2010-09-09',
    Description: 'aws-lockdown: a read-only role that aws-lockdown scans this account through (lockdown policy --cloudformation)',
    Parameters: {
      ScannerAccountId: { Type: 'String', Description: 'The AWS account id the scanner runs in', AllowedPattern: '^\\d{12}$', Default: options.trustAccount },
      ExternalId: { Type: 'String', Description: 'The external id the scanner must give (empty: none)', AllowedPattern: '^$|^[\\w+=,.@:/-]{2,1224}$', Default: options.externalId, NoEcho: false },
      RoleName: { Type: 'String', Description: 'The name of the scanning role', AllowedPattern: '^[\\w+=,.@-]{1,64}$', Default: options.roleName },
    },
    Conditions: { HasExternalId: { 'Fn::Not': [{ 'Fn::Equals': [{ Ref: 'ExternalId' }, ''] }] } },
    Resources: {
      LockdownScanRole: {
        Type: 'AWS::IAM::Role',
        Properties: {
          RoleName: { Ref: 'RoleName' },
          Description: 'aws-lockdown read-only security baseline scan',
          // A chained session cannot outlast an hour anyway; the scanner renews it.
          MaxSessionDuration: 3600,
          AssumeRolePolicyDocument: {
            Version: '2012-10-17',
            Statement: [
              {
                Effect: 'Allow',
                Principal: { AWS: { 'Fn::Sub': 'arn:${AWS::Partition}:iam::${ScannerAccountId}:root' } },
                Action: 'sts:AssumeRole',
                Condition: { 'Fn::If': ['HasExternalId', { StringEquals: { 'sts:ExternalId': { Ref: 'ExternalId' } } }, { Ref: 'AWS::NoValue' }] },
              },
            ],
          },
          Policies: [{ PolicyName: 'aws-lockdown-scan', PolicyDocument: { Version: '2012-10-17', Statement: policyStatements({ organization: options.organization }) } }],
          Tags: [{ Key: 'managed-by', Value: 'aws-lockdown' }],
        },
      },
    },
    Outputs: { RoleArn: { Description: 'Give this to lockdown scan --role-arn (or --role-name with --org)', Value: { 'Fn::GetAtt': ['LockdownScanRole', 'Arn'] } } },
  };
}
