import { defineCheck } from '../engine/check.js';
import { fallsShort, meets, onPasswordPolicy, policyRule } from './lib/password-policy.js';
import { text } from './password-policy-reuse-prevention.text.js';

export const passwordPolicyReusePrevention = defineCheck({
  id: 'password-policy-reuse-prevention',
  severity: 'medium',
  ...onPasswordPolicy,
  text,
  evaluate: policyRule((policy, { passwordReusePrevention: required }) => {
    if (policy === null) return fallsShort('defaultPolicy', { required });
    const count = policy.passwordReusePrevention;
    if (count === undefined) return fallsShort('notSet', { required });
    return count >= required ? meets('enough', { count, required }) : fallsShort('tooFew', { count, required });
  }),
});
