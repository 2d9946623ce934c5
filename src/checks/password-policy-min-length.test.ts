import { checkTester } from '../../test/check-tester.js';
import { evidence } from '../../test/builders/evidence.js';
import { policyCases } from '../../test/builders/password-policy-cases.js';
import { passwordPolicyMinLength } from './password-policy-min-length.js';

const length = (minimumPasswordLength: number | undefined) => evidence({ passwordPolicy: { minimumPasswordLength } });
const threshold = (passwordMinimumLength: number) => ({ thresholds: { passwordMinimumLength } });

checkTester.run(passwordPolicyMinLength, {
  pass: [
    { name: '16 characters', ev: evidence(), messageId: 'longEnough', params: { length: 16, required: 14 } },
    { name: 'exactly 14 characters', ev: length(14), messageId: 'longEnough', params: { length: 14, required: 14 } },
    { name: 'config asks for 12, policy has 12', ev: length(12), config: threshold(12), messageId: 'longEnough', params: { length: 12, required: 12 } },
    { name: 'config asks for 8, AWS default gives 8', ev: evidence({ passwordPolicy: null }), config: threshold(8), messageId: 'longEnough', params: { length: 8, required: 8 } },
  ],
  fail: [
    { name: '8 characters', ev: length(8), messageId: 'tooShort', params: { length: 8, required: 14 } },
    { name: 'one short of 14', ev: length(13), messageId: 'tooShort', params: { length: 13, required: 14 } },
    { name: 'config asks for 20, policy has 16', ev: evidence(), config: threshold(20), messageId: 'tooShort', params: { length: 16, required: 20 } },
    policyCases.awsDefault('defaultPolicy', { length: 8, required: 14 }),
    { name: 'custom policy without a length counts as 6', ev: length(undefined), messageId: 'lengthUnset', params: { length: 6, required: 14 } },
    { name: 'config asks for 8, custom policy without a length', ev: length(undefined), config: threshold(8), messageId: 'lengthUnset', params: { length: 6, required: 8 } },
  ],
  error: [policyCases.unreadable()],
});
