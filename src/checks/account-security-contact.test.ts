import { checkTester } from '../../test/check-tester.js';
import { evidence, failed, ok } from '../../test/builders/evidence.js';
import { accountSecurityContact } from './account-security-contact.js';

checkTester.run(accountSecurityContact, {
  pass: [
    { name: 'security contact set', ev: evidence(), messageId: 'present', params: { name: 'Security Team' } },
    {
      name: 'contact without title or phone',
      ev: evidence({ parts: { alternateContactSecurity: ok({ name: 'SOC', emailAddress: 'soc@example.com' }) } }),
      messageId: 'present',
      params: { name: 'SOC' },
    },
  ],
  fail: [{ name: 'no security contact (ResourceNotFoundException)', ev: evidence({ parts: { alternateContactSecurity: ok(null) } }), messageId: 'missing' }],
  error: [
    {
      name: 'GetAlternateContact denied',
      ev: evidence({ parts: { alternateContactSecurity: failed('AccessDenied', 'account:GetAlternateContact') } }),
      params: { code: 'AccessDenied', action: 'account:GetAlternateContact' },
    },
    { name: 'contact missing from the evidence', ev: evidence({ parts: { alternateContactSecurity: undefined } }), params: { code: 'NotCollected' } },
  ],
});
