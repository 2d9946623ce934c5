import { defineText } from '../engine/text.js';
import { POLICY_CLI, policyText } from './lib/password-policy.js';

export const text = defineText({
  cli: POLICY_CLI,
  en: {
    title: 'Account has a custom IAM password policy',
    risk:
      'Without a custom policy the AWS default applies: 8-character passwords from three of four character kinds that never expire ' +
      'and may be reused. CIS and Security Hub (IAM.7) count that as no policy, and every IAM user with a console password is held ' +
      'only to the minimum AWS asks.',
    fixSummary: 'Set a custom password policy, with every setting in one update.',
    fixSteps: policyText.en.fixSteps,
    messages: {
      noCustomPolicy: `No custom password policy is set, so ${policyText.en.awsDefault}.`,
      customPolicy: 'A custom password policy is set; the other password-policy checks judge its settings.',
    },
  },
  nl: {
    title: 'Account heeft een eigen IAM-wachtwoordbeleid',
    risk:
      'Zonder eigen beleid geldt de AWS-standaard: wachtwoorden van 8 tekens uit drie van de vier soorten tekens, die nooit verlopen ' +
      'en opnieuw gebruikt mogen worden. CIS en Security Hub (IAM.7) tellen dat als geen beleid, en elke IAM-gebruiker met een ' +
      'consolewachtwoord hoeft dan alleen aan het minimum van AWS te voldoen.',
    fixSummary: 'Stel een eigen wachtwoordbeleid in, met alle instellingen in één wijziging.',
    fixSteps: policyText.nl.fixSteps,
    messages: {
      noCustomPolicy: `Er is geen eigen wachtwoordbeleid ingesteld, dus ${policyText.nl.awsDefault}.`,
      customPolicy: 'Er is een eigen wachtwoordbeleid; de andere wachtwoordbeleid-controles beoordelen de instellingen ervan.',
    },
  },
});
