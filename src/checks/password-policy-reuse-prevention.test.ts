import { checkTester } from '../../test/check-tester.js';
import { evidence } from '../../test/builders/evidence.js';
import { policyCases } from '../../test/builders/password-policy-cases.js';
import { passwordPolicyReusePrevention } from './password-policy-reuse-prevention.js';

const remember = (passwordReusePrevention: number | undefined) => evidence({ passwordPolicy: { passwordReusePrevention } });

checkTester.run(passwordPolicyReusePrevention, {
  pass: [
    { name: 'remembers 24', ev: evidence(), messageId: 'enough', params: { count: 24, required: 24 } },
    { name: 'config asks for 5, policy remembers 5', ev: remember(5), config: { thresholds: { passwordReusePrevention: 5 } }, messageId: 'enough', params: { count: 5, required: 5 } },
  ],
  fail: [
    { name: 'remembers 5', ev: remember(5), messageId: 'tooFew', params: { count: 5, required: 24 } },
    { name: 'remembers 1', ev: remember(1), messageId: 'tooFew', params: { count: 1, required: 24 } },
    { name: 'config asks for 12, policy remembers 10', ev: remember(10), config: { thresholds: { passwordReusePrevention: 12 } }, messageId: 'tooFew', params: { count: 10, required: 12 } },
    { name: 'custom policy without reuse prevention', ev: remember(undefined), messageId: 'notSet', params: { required: 24 } },
    policyCases.awsDefault('defaultPolicy', { required: 24 }),
  ],
  error: [policyCases.unreadable()],
});
