import { defineCheck } from '../engine/check.js';
import { flagRule, onPasswordPolicy } from './lib/password-policy.js';
import { text } from './password-policy-symbols.text.js';

export const passwordPolicySymbols = defineCheck({
  id: 'password-policy-symbols',
  severity: 'medium',
  ...onPasswordPolicy,
  text,
  evaluate: flagRule('requireSymbols'),
});
