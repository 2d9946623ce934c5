import { defineCheck } from '../engine/check.js';
import { flagRule, onPasswordPolicy } from './lib/password-policy.js';
import { text } from './password-policy-numbers.text.js';

export const passwordPolicyNumbers = defineCheck({
  id: 'password-policy-numbers',
  severity: 'medium',
  ...onPasswordPolicy,
  text,
  evaluate: flagRule('requireNumbers'),
});
