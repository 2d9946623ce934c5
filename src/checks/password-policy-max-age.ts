import { defineCheck } from '../engine/check.js';
import { fallsShort, meets, onPasswordPolicy, policyRule } from './lib/password-policy.js';
import { text } from './password-policy-max-age.text.js';

export const passwordPolicyMaxAge = defineCheck({
  id: 'password-policy-max-age',
  severity: 'low',
  ...onPasswordPolicy,
  text,
  evaluate: policyRule((policy, { passwordMaxAgeDays: maxDays }) => {
    if (policy === null) return fallsShort('defaultPolicy', { maxDays });
    // ExpirePasswords is false exactly when MaxPasswordAge is 0 or absent (IAM API reference).
    const days = policy.expirePasswords ? (policy.maxPasswordAge ?? 0) : 0;
    if (days === 0) return fallsShort('noExpiry', { maxDays });
    return days <= maxDays ? meets('expires', { days, maxDays }) : fallsShort('tooLong', { days, maxDays });
  }),
});
