import { evidence, failed } from './evidence.js';
import type { Case, Table } from '../check-tester.js';

// Cases the password-policy test tables share (src/checks/password-policy-*.test.ts).

export const policyCases = {
  /** GetAccountPasswordPolicy denied: ERROR that names the action, never a verdict. */
  unreadable: (): Case => ({
    name: 'password policy unreadable (AccessDenied)',
    ev: evidence({ parts: { passwordPolicy: failed('AccessDenied', 'iam:GetAccountPasswordPolicy') } }),
    params: { code: 'AccessDenied', action: 'iam:GetAccountPasswordPolicy' },
  }),
  /** GetAccountPasswordPolicy answered NoSuchEntity: no custom policy, the AWS default applies. */
  awsDefault: (messageId: string, params?: Case['params']): Case => ({
    name: 'no custom policy, AWS default applies (NoSuchEntity)',
    ev: evidence({ passwordPolicy: null }),
    messageId,
    ...(params ? { params } : {}),
  }),
};

const WEAK_POLICY = {
  minimumPasswordLength: 8,
  requireSymbols: false,
  requireNumbers: false,
  requireUppercaseCharacters: false,
  requireLowercaseCharacters: false,
  allowUsersToChangePassword: false,
  expirePasswords: false,
  maxPasswordAge: undefined,
  passwordReusePrevention: undefined,
};

/** The whole table of a yes/no password-policy setting. */
export function flagTable(flag: keyof typeof WEAK_POLICY, on = 'required', off = 'notRequired'): Table {
  return {
    pass: [
      { name: 'hardened policy', ev: evidence(), messageId: on },
      { name: `weak policy that does set ${flag}`, ev: evidence({ passwordPolicy: { ...WEAK_POLICY, [flag]: true } }), messageId: on },
    ],
    fail: [
      { name: `hardened policy but ${flag} off`, ev: evidence({ passwordPolicy: { [flag]: false } }), messageId: off },
      { name: 'weak policy', ev: evidence({ passwordPolicy: WEAK_POLICY }), messageId: off },
      policyCases.awsDefault('defaultPolicy'),
    ],
    error: [policyCases.unreadable()],
  };
}
