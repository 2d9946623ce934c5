import { checkTester } from '../../test/check-tester.js';
import { evidence } from '../../test/builders/evidence.js';
import { policyCases } from '../../test/builders/password-policy-cases.js';
import { passwordPolicyMaxAge } from './password-policy-max-age.js';

const expiresAfter = (maxPasswordAge: number) => evidence({ passwordPolicy: { expirePasswords: true, maxPasswordAge } });
const maxDays = (passwordMaxAgeDays: number) => ({ thresholds: { passwordMaxAgeDays } });

checkTester.run(passwordPolicyMaxAge, {
  pass: [
    { name: 'expires after 90 days', ev: evidence(), messageId: 'expires', params: { days: 90, maxDays: 90 } },
    { name: 'expires after 30 days', ev: expiresAfter(30), messageId: 'expires', params: { days: 30, maxDays: 90 } },
    { name: 'config allows 365, policy has 180', ev: expiresAfter(180), config: maxDays(365), messageId: 'expires', params: { days: 180, maxDays: 365 } },
  ],
  fail: [
    { name: 'expires after 180 days', ev: expiresAfter(180), messageId: 'tooLong', params: { days: 180, maxDays: 90 } },
    { name: 'config allows 60, policy has 90', ev: evidence(), config: maxDays(60), messageId: 'tooLong', params: { days: 90, maxDays: 60 } },
    { name: 'custom policy without expiry', ev: evidence({ passwordPolicy: { expirePasswords: false, maxPasswordAge: undefined } }), messageId: 'noExpiry', params: { maxDays: 90 } },
    { name: 'ExpirePasswords false wins over a stray MaxPasswordAge', ev: evidence({ passwordPolicy: { expirePasswords: false } }), messageId: 'noExpiry' },
    { name: 'ExpirePasswords true without MaxPasswordAge', ev: evidence({ passwordPolicy: { maxPasswordAge: undefined } }), messageId: 'noExpiry' },
    policyCases.awsDefault('defaultPolicy', { maxDays: 90 }),
  ],
  error: [policyCases.unreadable()],
});
