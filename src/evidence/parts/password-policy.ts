import { z } from 'zod';
import { compact, obj, optional } from './aws-shape.js';
import { definePart } from './define.js';

const passwordPolicy = z.strictObject({
  minimumPasswordLength: z.number().int().optional(),
  requireSymbols: z.boolean(),
  requireNumbers: z.boolean(),
  requireUppercaseCharacters: z.boolean(),
  requireLowercaseCharacters: z.boolean(),
  allowUsersToChangePassword: z.boolean(),
  expirePasswords: z.boolean(),
  maxPasswordAge: z.number().int().optional(),
  passwordReusePrevention: z.number().int().optional(),
  hardExpiry: z.boolean().optional(),
});
export type PasswordPolicy = z.output<typeof passwordPolicy>;

export function fromPasswordPolicy(raw: unknown) {
  const p = obj(obj(raw, 'GetAccountPasswordPolicy').PasswordPolicy, 'PasswordPolicy');
  return compact({
    minimumPasswordLength: optional(p.MinimumPasswordLength),
    requireSymbols: p.RequireSymbols ?? false,
    requireNumbers: p.RequireNumbers ?? false,
    requireUppercaseCharacters: p.RequireUppercaseCharacters ?? false,
    requireLowercaseCharacters: p.RequireLowercaseCharacters ?? false,
    allowUsersToChangePassword: p.AllowUsersToChangePassword ?? false,
    expirePasswords: p.ExpirePasswords ?? false,
    maxPasswordAge: optional(p.MaxPasswordAge),
    passwordReusePrevention: optional(p.PasswordReusePrevention),
    hardExpiry: optional(p.HardExpiry),
  });
}

export const passwordPolicyPart = definePart({
  data: passwordPolicy.nullable(), // null: NoSuchEntity, the AWS default applies
  actions: ['iam:GetAccountPasswordPolicy'],
  exports: [{ file: 'iam-get-account-password-policy', args: ['iam', 'get-account-password-policy'], action: 'iam:GetAccountPasswordPolicy', normalise: fromPasswordPolicy }],
  // GetAccountPasswordPolicy answers NoSuchEntity when no custom policy is set (aws/aws-cli#8402).
  facts: { NoSuchEntity: null, NoSuchEntityException: null },
});
