import { defineCheck } from '../engine/check.js';
import { flagRule, onPasswordPolicy } from './lib/password-policy.js';
import { text } from './password-policy-uppercase.text.js';

export const passwordPolicyUppercase = defineCheck({
  id: 'password-policy-uppercase',
  severity: 'medium',
  ...onPasswordPolicy,
  text,
  evaluate: flagRule('requireUppercaseCharacters'),
});
