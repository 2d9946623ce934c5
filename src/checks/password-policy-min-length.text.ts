import { defineText } from '../engine/text.js';
import { POLICY_CLI, policyText } from './lib/password-policy.js';

export const text = defineText({
  cli: POLICY_CLI,
  en: {
    title: 'Password policy requires passwords of 14 characters or more',
    risk:
      'Length is what makes a password hard to guess: every extra character multiplies the work of a guessing attack far more than ' +
      'any character rule. A short minimum lets IAM users keep 8-character passwords that sit in cracked-password lists, which ' +
      'password-spraying and credential-stuffing attacks try against the console sign-in page.',
    fixSummary: 'Set Password minimum length to 14 or more, passing every other setting in the same update.',
    fixSteps: policyText.en.fixSteps,
    messages: {
      tooShort: 'The password policy requires only {length} characters; {required} are required.',
      defaultPolicy: 'No custom password policy is set, so the AWS default minimum of {length} characters applies; {required} are required.',
      lengthUnset: 'The custom password policy sets no minimum length, counted as {length} (what IAM stores when none is given); {required} are required.',
      longEnough: 'The password policy requires at least {length} characters (required: {required}).',
    },
  },
  nl: {
    title: 'Wachtwoordbeleid eist wachtwoorden van 14 tekens of meer',
    risk:
      'Lengte maakt een wachtwoord moeilijk te raden: elk extra teken vermenigvuldigt het werk van een raadaanval veel sterker dan ' +
      'welke tekeneis ook. Met een korte minimumlengte houden IAM-gebruikers wachtwoorden van 8 tekens die in lijsten met gekraakte ' +
      'wachtwoorden staan, en precies die proberen password-spraying- en credential-stuffing-aanvallen op de inlogpagina van de console.',
    fixSummary: 'Zet Password minimum length op 14 of meer en geef alle andere instellingen in dezelfde wijziging mee.',
    fixSteps: policyText.nl.fixSteps,
    messages: {
      tooShort: 'Het wachtwoordbeleid eist maar {length} tekens; {required} is de eis.',
      defaultPolicy: 'Er is geen eigen wachtwoordbeleid, dus geldt het AWS-standaardminimum van {length} tekens; {required} is de eis.',
      lengthUnset: 'Het eigen wachtwoordbeleid noemt geen minimumlengte; dat telt als {length} (wat IAM vastlegt als er niets is opgegeven); {required} is de eis.',
      longEnough: 'Het wachtwoordbeleid eist minstens {length} tekens (eis: {required}).',
    },
  },
});
