import { defineText } from '../engine/text.js';
import { POLICY_CLI, policyText } from './lib/password-policy.js';

export const text = defineText({
  cli: POLICY_CLI,
  en: {
    title: 'Password policy expires passwords within 90 days',
    risk:
      'A password that never expires keeps working for years after it leaks through reuse on another site, phishing or a shared ' +
      'document; an expiry period bounds how long a stolen password is useful. NIST SP 800-63B and current CIS AWS Foundations ' +
      'versions no longer ask for periodic expiry when passwords are long and MFA is enforced, Security Hub (IAM.17) still does: ' +
      'if your standard follows NIST, mute this check with that reason.',
    fixSummary: 'Turn on password expiration at 90 days or less, passing every other setting in the same update.',
    fixSteps: policyText.en.fixSteps,
    messages: {
      defaultPolicy: 'No custom password policy is set, and under the AWS default passwords never expire (limit: {maxDays} days).',
      noExpiry: 'The custom password policy does not expire passwords (limit: {maxDays} days).',
      tooLong: 'Passwords expire only after {days} days; the limit is {maxDays}.',
      expires: 'Passwords expire after {days} days (limit: {maxDays}).',
    },
  },
  nl: {
    title: 'Wachtwoordbeleid laat wachtwoorden binnen 90 dagen verlopen',
    risk:
      'Een wachtwoord dat nooit verloopt blijft jarenlang werken nadat het is uitgelekt via hergebruik op een andere site, phishing ' +
      'of een gedeeld document; een verlooptermijn begrenst hoe lang een gestolen wachtwoord bruikbaar is. NIST SP 800-63B en de ' +
      'huidige CIS AWS Foundations-versies vragen geen periodiek verloop meer als wachtwoorden lang zijn en MFA verplicht is, Security ' +
      'Hub (IAM.17) wel: volgt jouw norm NIST, mute deze controle dan met die reden.',
    fixSummary: 'Zet Turn on password expiration aan op 90 dagen of minder en geef alle andere instellingen in dezelfde wijziging mee.',
    fixSteps: policyText.nl.fixSteps,
    messages: {
      defaultPolicy: 'Er is geen eigen wachtwoordbeleid, en onder de AWS-standaard verlopen wachtwoorden nooit (grens: {maxDays} dagen).',
      noExpiry: 'Het eigen wachtwoordbeleid laat wachtwoorden niet verlopen (grens: {maxDays} dagen).',
      tooLong: 'Wachtwoorden verlopen pas na {days} dagen; de grens is {maxDays}.',
      expires: 'Wachtwoorden verlopen na {days} dagen (grens: {maxDays}).',
    },
  },
});
