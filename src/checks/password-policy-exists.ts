import { defineCheck } from '../engine/check.js';
import { fallsShort, meets, onPasswordPolicy, policyRule } from './lib/password-policy.js';
import { text } from './password-policy-exists.text.js';

export const passwordPolicyExists = defineCheck({
  id: 'password-policy-exists',
  severity: 'medium',
  ...onPasswordPolicy,
  text,
  evaluate: policyRule((policy) => (policy === null ? fallsShort('noCustomPolicy') : meets('customPolicy'))),
});
