import { checkTester } from '../../test/check-tester.js';
import { evidence, failed } from '../../test/builders/evidence.js';
import { policyCases } from '../../test/builders/password-policy-cases.js';
import { passwordPolicyExists } from './password-policy-exists.js';

checkTester.run(passwordPolicyExists, {
  pass: [
    { name: 'hardened custom policy', ev: evidence(), messageId: 'customPolicy' },
    // Weak settings are for the other password-policy checks; this one asks only whether a policy exists.
    { name: 'weak custom policy', ev: evidence({ passwordPolicy: { minimumPasswordLength: 6, requireSymbols: false, expirePasswords: false, maxPasswordAge: undefined } }), messageId: 'customPolicy' },
  ],
  fail: [policyCases.awsDefault('noCustomPolicy')],
  error: [
    policyCases.unreadable(),
    { name: 'password policy missing from the evidence', ev: evidence({ parts: { passwordPolicy: undefined } }), params: { code: 'NotCollected', action: 'iam:GetAccountPasswordPolicy' } },
    { name: 'throttled', ev: evidence({ parts: { passwordPolicy: failed('Throttling', 'iam:GetAccountPasswordPolicy') } }), params: { code: 'Throttling' } },
  ],
});
