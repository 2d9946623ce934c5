import { z } from 'zod';
import { answerField, obj } from './aws-shape.js';
import { definePart } from './define.js';

const accountEmail = z
  .strictObject({ email: z.string(), via: z.string() })
  .nullable(); // null: no API that was allowed tells the root e-mail

export function fromDescribeAccount(raw: unknown) {
  const a = obj(obj(raw, 'DescribeAccount').Account, 'Account');
  return { email: a.Email, via: 'organizations:DescribeAccount' };
}

export function fromPrimaryEmail(raw: unknown) {
  return { email: obj(raw, 'GetPrimaryEmail').PrimaryEmail, via: 'account:GetPrimaryEmail' };
}

// The root e-mail address: no read API outside Organizations and the Account API tells it.
// DescribeAccount works from the management account and delegated administrators; GetPrimaryEmail
// is the Account Management API's way. The export script runs both: when both answered, they must
// name the same address (an export folder whose two answers differ is refused).
export const accountEmailPart = definePart({
  data: accountEmail,
  tells: (data) => data?.email ?? 'null',
  actions: ['organizations:DescribeAccount', 'account:GetPrimaryEmail'],
  exports: [
    {
      file: 'organizations-describe-account',
      args: ['organizations', 'describe-account', '--account-id', '$ACCOUNT_ID'],
      action: 'organizations:DescribeAccount',
      normalise: fromDescribeAccount,
      identify: (raw, { accountId }) => [{ field: 'Account.Id', found: answerField(raw, 'Account', 'Id'), expected: accountId }],
    },
    { file: 'account-get-primary-email', args: ['account', 'get-primary-email', '--account-id', '$ACCOUNT_ID'], action: 'account:GetPrimaryEmail', normalise: fromPrimaryEmail },
  ],
});
