import { defineCheck } from '../engine/check.js';
import type { PasswordPolicy } from '../evidence/schema.js';
import { fallsShort, meets, onPasswordPolicy, policyRule } from './lib/password-policy.js';
import { text } from './password-policy-min-length.text.js';

// The AWS default policy asks for 8 characters (IAM User Guide). A custom policy without a length
// got the UpdateAccountPasswordPolicy default of 6 (IAM API reference): counting the lower value
// can never turn a short policy into a PASS.
function effectiveLength(policy: PasswordPolicy | null) {
  if (policy === null) return { length: 8, short: 'defaultPolicy' } as const;
  if (policy.minimumPasswordLength === undefined) return { length: 6, short: 'lengthUnset' } as const;
  return { length: policy.minimumPasswordLength, short: 'tooShort' } as const;
}

export const passwordPolicyMinLength = defineCheck({
  id: 'password-policy-min-length',
  severity: 'medium',
  ...onPasswordPolicy,
  text,
  evaluate: policyRule((policy, { passwordMinimumLength: required }) => {
    const { length, short } = effectiveLength(policy);
    return length >= required ? meets('longEnough', { length, required }) : fallsShort(short, { length, required });
  }),
});
