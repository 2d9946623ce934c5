import { defineText } from '../engine/text.js';
import { POLICY_CLI, policyText } from './lib/password-policy.js';

export const text = defineText({
  cli: POLICY_CLI,
  en: {
    title: 'Password policy lets IAM users change their own password',
    risk:
      'When users cannot change their own password, an administrator has to reset it for them. Passwords that should change at ' +
      'once (after a suspected leak, or the temporary one from the first sign-in) then stay in use until someone has time, and the ' +
      'new ones travel through chat and e-mail, where they can leak again.',
    fixSummary: 'Tick Allow users to change their own password, passing every other setting in the same update.',
    fixSteps: policyText.en.fixSteps,
    messages: {
      allowed: 'IAM users can change their own password.',
      notAllowed: 'The custom password policy does not let IAM users change their own password; only users whose IAM policies grant iam:ChangePassword can.',
      defaultPolicy: 'No custom password policy is set; under the AWS default, IAM users can change their own password only when an IAM policy grants iam:ChangePassword.',
    },
  },
  nl: {
    title: 'Wachtwoordbeleid laat IAM-gebruikers hun eigen wachtwoord wijzigen',
    risk:
      'Kunnen gebruikers hun eigen wachtwoord niet wijzigen, dan moet een beheerder het voor ze resetten. Wachtwoorden die meteen ' +
      'zouden moeten veranderen (na een vermoed lek, of het tijdelijke wachtwoord van de eerste keer inloggen) blijven dan in gebruik ' +
      'tot iemand er tijd voor heeft, en de nieuwe gaan via chat en e-mail, waar ze opnieuw kunnen uitlekken.',
    fixSummary: 'Vink Allow users to change their own password aan en geef alle andere instellingen in dezelfde wijziging mee.',
    fixSteps: policyText.nl.fixSteps,
    messages: {
      allowed: 'IAM-gebruikers kunnen hun eigen wachtwoord wijzigen.',
      notAllowed: 'Het eigen wachtwoordbeleid laat IAM-gebruikers hun wachtwoord niet zelf wijzigen; dat kunnen alleen gebruikers wier IAM-policy’s iam:ChangePassword toestaan.',
      defaultPolicy: 'Er is geen eigen wachtwoordbeleid; onder de AWS-standaard kunnen IAM-gebruikers hun eigen wachtwoord alleen wijzigen als een IAM-policy iam:ChangePassword toestaat.',
    },
  },
});
