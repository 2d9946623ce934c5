import { defineText } from '../engine/text.js';

export const text = defineText({
  cli:
    'aws iam create-virtual-mfa-device --virtual-mfa-device-name {resourceName} --outfile {resourceName}-mfa.png --bootstrap-method QRCodePNG && ' +
    'aws iam enable-mfa-device --user-name {resourceName} --serial-number arn:{partition}:iam::{accountId}:mfa/{resourceName} --authentication-code1 <code1> --authentication-code2 <code2>',
  en: {
    title: 'IAM users with a console password have MFA',
    risk:
      'A console password alone is one phishing e-mail, reused password or keylogger away from an attacker signing in as ' +
      'this user with all of its permissions. MFA makes a stolen password useless on its own.',
    fixSummary: 'Have the user register an MFA device (a passkey or security key is best), or remove the console password if it is not needed.',
    fixSteps: [
      'Ask the user to sign in and open the account menu → Security credentials → Multi-factor authentication → Assign MFA device (passkey or security key preferred).',
      'Or, as an administrator: {consoleUrl}/iam → Users → {resourceName} → Security credentials → Assign MFA device.',
      'If the user never signs in to the console, remove the password instead: Security credentials → Console sign-in → Disable.',
      'Enforce it for everyone with a policy that denies all but MFA set-up actions when aws:MultiFactorAuthPresent is false.',
    ],
    messages: {
      noMfa: 'User {resourceName} can sign in to the console with a password and has no MFA device.',
      mfa: 'User {resourceName} has a console password and MFA.',
      noPassword: 'User {resourceName} has no console password.',
    },
  },
  nl: {
    title: 'IAM-gebruikers met een consolewachtwoord hebben MFA',
    risk:
      'Met alleen een consolewachtwoord is deze gebruiker één phishingmail, hergebruikt wachtwoord of keylogger verwijderd van ' +
      'een aanvaller die met al zijn rechten inlogt. Met MFA is een gestolen wachtwoord op zichzelf waardeloos.',
    fixSummary: 'Laat de gebruiker een MFA-apparaat koppelen (liefst een passkey of security key), of verwijder het consolewachtwoord als het niet nodig is.',
    fixSteps: [
      'Vraag de gebruiker in te loggen en via het accountmenu → Security credentials → Multi-factor authentication → Assign MFA device een apparaat te koppelen (bij voorkeur een passkey of security key).',
      'Of als beheerder: {consoleUrl}/iam → Users → {resourceName} → Security credentials → Assign MFA device.',
      'Logt de gebruiker nooit in op de console? Verwijder dan het wachtwoord: Security credentials → Console sign-in → Disable.',
      'Dwing het voor iedereen af met een policy die alles behalve het instellen van MFA weigert zolang aws:MultiFactorAuthPresent false is.',
    ],
    messages: {
      noMfa: 'Gebruiker {resourceName} kan met een wachtwoord op de console inloggen en heeft geen MFA-apparaat.',
      mfa: 'Gebruiker {resourceName} heeft een consolewachtwoord en MFA.',
      noPassword: 'Gebruiker {resourceName} heeft geen consolewachtwoord.',
    },
  },
});
