import { defineText } from '../engine/text.js';

export const text = defineText({
  cli: 'aws iam list-access-keys --user-name {resourceName}   # then, for the never-used key: aws iam delete-access-key --user-name {resourceName} --access-key-id <AKIA…>',
  en: {
    title: 'Console users have no access key that was never used',
    risk:
      'An access key created along with a console user "just in case" is a permanent secret that nobody needs: it was handed ' +
      'over at setup, may sit in an e-mail or a downloaded CSV file, and works without MFA. People who need API access can ' +
      'create a key themselves when they need it, or better, use temporary credentials.',
    fixSummary: 'Delete the access key that has never been used.',
    fixSteps: [
      '{consoleUrl}/iam → Users → {resourceName} → Security credentials → Access keys: the key whose "Last used" says N/A has never been used.',
      'Actions → Deactivate, then Actions → Delete.',
      'Stop creating keys at user setup: let users create their own when they need one, or have them use IAM Identity Center for temporary CLI credentials.',
    ],
    messages: {
      unusedSetupKey: 'User {resourceName} has a console password and {count, plural, one {active access key {key}, which has} other {active access keys {key}, which have}} never been used.',
      noUnusedKey: 'User {resourceName} has a console password and no active access key that was never used.',
      noPassword: 'User {resourceName} has no console password.',
    },
  },
  nl: {
    title: 'Consolegebruikers hebben geen toegangssleutel die nooit is gebruikt',
    risk:
      'Een toegangssleutel die "voor de zekerheid" samen met een consolegebruiker is aangemaakt, is een permanent geheim dat niemand ' +
      'nodig heeft: hij is bij het aanmaken overgedragen, staat misschien in een e-mail of een gedownload CSV-bestand en werkt ' +
      'zonder MFA. Wie API-toegang nodig heeft, maakt zelf een sleutel aan als het zover is, of gebruikt liever tijdelijke credentials.',
    fixSummary: 'Verwijder de toegangssleutel die nooit is gebruikt.',
    fixSteps: [
      '{consoleUrl}/iam → Users → {resourceName} → Security credentials → Access keys: de sleutel met N/A bij "Last used" is nooit gebruikt.',
      'Actions → Deactivate en daarna Actions → Delete.',
      'Maak bij het aanmaken van gebruikers geen sleutels meer aan: laat gebruikers er zelf een maken als ze die nodig hebben, of laat ze via IAM Identity Center tijdelijke CLI-credentials gebruiken.',
    ],
    messages: {
      unusedSetupKey: 'Gebruiker {resourceName} heeft een consolewachtwoord en {count, plural, one {actieve toegangssleutel {key}, die nooit is gebruikt} other {actieve toegangssleutels {key}, die nooit zijn gebruikt}}.',
      noUnusedKey: 'Gebruiker {resourceName} heeft een consolewachtwoord en geen actieve toegangssleutel die nooit is gebruikt.',
      noPassword: 'Gebruiker {resourceName} heeft geen consolewachtwoord.',
    },
  },
});
