import { defineText } from '../engine/text.js';
import { POLICY_CLI, policyText } from './lib/password-policy.js';

export const text = defineText({
  cli: POLICY_CLI,
  en: {
    title: 'Password policy prevents reuse of the last 24 passwords',
    risk:
      'Without reuse prevention a user who must change a password can set the old one again, or alternate between two, so a password ' +
      'that leaked or was shared stays valid after the change. Reuse prevention is what makes a password change actually retire the old password.',
    fixSummary: 'Tick Prevent password reuse and remember 24 passwords, passing every other setting in the same update.',
    fixSteps: policyText.en.fixSteps,
    messages: {
      defaultPolicy: 'No custom password policy is set, and the AWS default does not prevent password reuse (required: remember {required} passwords).',
      notSet: 'The custom password policy does not prevent password reuse (required: remember {required} passwords).',
      tooFew: 'The password policy remembers only {count, plural, one {# previous password} other {# previous passwords}}; {required} are required.',
      enough: 'The password policy prevents reuse of the last {count} passwords (required: {required}).',
    },
  },
  nl: {
    title: 'Wachtwoordbeleid voorkomt hergebruik van de laatste 24 wachtwoorden',
    risk:
      'Zonder hergebruikpreventie kan een gebruiker die zijn wachtwoord moet wijzigen gewoon het oude weer instellen, of tussen twee ' +
      'wachtwoorden wisselen, zodat een uitgelekt of gedeeld wachtwoord na de wijziging geldig blijft. Pas met hergebruikpreventie ' +
      'is een oud wachtwoord na een wijziging echt afgedankt.',
    fixSummary: 'Vink Prevent password reuse aan met 24 onthouden wachtwoorden en geef alle andere instellingen in dezelfde wijziging mee.',
    fixSteps: policyText.nl.fixSteps,
    messages: {
      defaultPolicy: 'Er is geen eigen wachtwoordbeleid, en de AWS-standaard voorkomt geen hergebruik van wachtwoorden (eis: {required} wachtwoorden onthouden).',
      notSet: 'Het eigen wachtwoordbeleid voorkomt geen hergebruik van wachtwoorden (eis: {required} wachtwoorden onthouden).',
      tooFew: 'Het wachtwoordbeleid onthoudt maar {count, plural, one {# eerder wachtwoord} other {# eerdere wachtwoorden}}; {required} is de eis.',
      enough: 'Het wachtwoordbeleid voorkomt hergebruik van de laatste {count} wachtwoorden (eis: {required}).',
    },
  },
});
