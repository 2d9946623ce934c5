import { checkTester } from '../../test/check-tester.js';
import { list, term } from '../i18n/index.js';
import { withStructuredParams } from '../../test/builders/structured-params.js';
import { evidence, failed, ok } from '../../test/builders/evidence.js';
import { accountBillingOperationsContacts } from './account-billing-operations-contacts.js';

const contact = (name: string, emailAddress: string) => ok({ name, title: 'Team mailbox', emailAddress, phoneNumber: '+31201234567' });
const none = () => ok(null);
const denied = () => failed('AccessDenied', 'account:GetAlternateContact');

checkTester.run(accountBillingOperationsContacts, withStructuredParams(accountBillingOperationsContacts, {
  pass: [
    { name: 'billing and operations set, all addresses distinct', ev: evidence(), messageId: 'distinct' },
    // The security contact only sharpens the duplicate test; unreadable, it is left out.
    { name: 'security contact unreadable', ev: evidence({ parts: { alternateContactSecurity: denied() } }), messageId: 'distinct' },
    { name: 'no security contact', ev: evidence({ parts: { alternateContactSecurity: none() } }), messageId: 'distinct' },
  ],
  fail: [
    { name: 'no billing contact', ev: evidence({ parts: { alternateContactBilling: none() } }), messageId: 'missing', params: { types: list([term('contact', { type: 'BILLING' })]) } },
    { name: 'no operations contact', ev: evidence({ parts: { alternateContactOperations: none() } }), messageId: 'missing', params: { types: list([term('contact', { type: 'OPERATIONS' })]) } },
    {
      name: 'neither contact',
      ev: evidence({ parts: { alternateContactBilling: none(), alternateContactOperations: none() } }),
      messageId: 'missing',
      params: { types: list([term('contact', { type: 'BILLING' }), term('contact', { type: 'OPERATIONS' })]) },
    },
    {
      name: 'billing and operations share an address (case and spaces differ)',
      ev: evidence({ parts: { alternateContactOperations: contact('Platform Team', ' Billing@Example.com ') } }),
      messageId: 'duplicate',
      params: { types: list([term('contact', { type: 'BILLING' }), term('contact', { type: 'OPERATIONS' })]) },
    },
    {
      name: 'operations and security share an address',
      ev: evidence({ parts: { alternateContactOperations: contact('Platform Team', 'security@example.com') } }),
      messageId: 'duplicate',
      params: { types: list([term('contact', { type: 'OPERATIONS' }), term('contact', { type: 'SECURITY' })]) },
    },
    {
      name: 'one mailbox for all three',
      ev: evidence({
        parts: {
          alternateContactBilling: contact('IT', 'it@example.com'),
          alternateContactOperations: contact('IT', 'it@example.com'),
          alternateContactSecurity: contact('IT', 'IT@example.com'),
        },
      }),
      messageId: 'duplicate',
      params: { types: list([term('contact', { type: 'BILLING' }), term('contact', { type: 'OPERATIONS' }), term('contact', { type: 'SECURITY' })]) },
    },
  ],
  error: [
    { name: 'billing contact unreadable', ev: evidence({ parts: { alternateContactBilling: denied() } }), params: { code: 'AccessDenied', action: 'account:GetAlternateContact' } },
    { name: 'operations contact unreadable', ev: evidence({ parts: { alternateContactOperations: denied() } }), params: { code: 'AccessDenied', part: 'alternateContactOperations' } },
  ],
}));
