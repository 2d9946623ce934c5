import { defineText } from '../engine/text.js';
import { contactText } from './lib/password-policy.js';

const put = (type: string, mailbox: string) =>
  `aws account put-alternate-contact --alternate-contact-type ${type} --name "<name>" --title "<title>" --email-address ${mailbox}@<your-domain> --phone-number "<phone>"`;

export const text = defineText({
  cli: `${put('BILLING', 'billing')} && ${put('OPERATIONS', 'operations')}   # member account: run from the management account with --account-id {accountId}`,
  en: {
    title: 'Account has separate billing and operations alternate contacts',
    risk:
      'AWS sends invoices and payment problems (an unpaid bill can get the account suspended) to the billing contact, and ' +
      'operational notices such as service events and scheduled maintenance to the operations contact. Without these contacts ' +
      'the messages reach only the root mailbox; when contacts share one address, one person leaving or one full mailbox ' +
      'silences several channels at once.',
    fixSummary: 'Set BILLING and OPERATIONS alternate contacts, each with its own monitored team address.',
    fixSteps: [
      contactText.en.open,
      'Fill in Billing contact and Operations contact, each with a name, a title, a team e-mail address of its own (finance for billing, the platform or on-call team for operations) and a phone number; choose Update.',
      contactText.en.organization,
    ],
    messages: {
      missing: 'No alternate contact is set for: {types}.',
      duplicate: 'Alternate contacts share one e-mail address: {types}.',
      distinct: 'Billing and operations alternate contacts are set, each with its own e-mail address.',
    },
  },
  nl: {
    title: 'Account heeft aparte alternatieve contacten voor facturatie en beheer',
    risk:
      'AWS stuurt facturen en betalingsproblemen (een onbetaalde rekening kan tot opschorting van het account leiden) naar het ' +
      'contact voor facturatie (Billing), en operationele meldingen zoals service-events en gepland onderhoud naar het contact voor beheer (Operations). Zonder die ' +
      'contacten komen de berichten alleen in de root-mailbox terecht; delen contacten één adres, dan legt één vertrokken collega ' +
      'of één volle mailbox meerdere kanalen tegelijk stil.',
    fixSummary: 'Stel de alternatieve contacten BILLING en OPERATIONS in, elk met een eigen teamadres dat wordt gelezen.',
    fixSteps: [
      contactText.nl.open,
      'Vul Billing contact en Operations contact in, elk met een naam, een functie, een eigen team-e-mailadres (de financiële afdeling voor facturatie, het platform- of dienstteam voor beheer) en een telefoonnummer; kies Update.',
      contactText.nl.organization,
    ],
    messages: {
      missing: 'Er is geen alternatief contact ingesteld voor: {types}.',
      duplicate: 'Alternatieve contacten delen één e-mailadres: {types}.',
      distinct: 'Er zijn alternatieve contacten voor facturatie en beheer ingesteld, elk met een eigen e-mailadres.',
    },
  },
});
