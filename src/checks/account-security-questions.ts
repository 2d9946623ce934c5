import { defineCheck } from '../engine/check.js';
import { text } from './account-security-questions.text.js';

// AWS retired security challenge questions (none can be added since January 2024); the check stays
// in the catalogue so that audits listing the old CIS item get an explicit, explained answer.
// It reads no evidence, so no evidence can make it fail or error.
export const accountSecurityQuestions = defineCheck({
  id: 'account-security-questions',
  severity: 'info',
  resourceType: 'AwsAccount',
  resource: (r) => r.account(),
  text,
  evaluate(_ev, ctx) {
    return [ctx.notApplicable(ctx.resources.account(), 'retired')];
  },
});
