import { defineCheck } from '../engine/check.js';
import { flagRule, onPasswordPolicy } from './lib/password-policy.js';
import { text } from './password-policy-allow-change.text.js';

export const passwordPolicyAllowChange = defineCheck({
  id: 'password-policy-allow-change',
  severity: 'low',
  ...onPasswordPolicy,
  text,
  evaluate: flagRule('allowUsersToChangePassword', 'allowed', 'notAllowed'),
});
