import { defineCheck } from '../engine/check.js';
import { flagRule, onPasswordPolicy } from './lib/password-policy.js';
import { text } from './password-policy-lowercase.text.js';

export const passwordPolicyLowercase = defineCheck({
  id: 'password-policy-lowercase',
  severity: 'medium',
  ...onPasswordPolicy,
  text,
  evaluate: flagRule('requireLowercaseCharacters'),
});
