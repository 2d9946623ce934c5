import { defineText } from '../engine/text.js';

export const text = defineText({
  cli: 'aws iam list-access-keys   # run with root credentials; then: aws iam delete-access-key --access-key-id <AKIA…>',
  en: {
    title: 'Root user has no access keys',
    risk:
      'A root access key is a permanent credential with unrestricted power over the whole account, billing and ' +
      'account closure included. It cannot be limited by IAM policies or SCPs in a standalone account, it tends to ' +
      'end up in scripts and laptops, and a leaked key gives an attacker everything without a password or MFA prompt.',
    fixSummary: 'Sign in as root and delete every root access key (do not merely deactivate it).',
    fixSteps: [
      'Find out what still uses the key: the credential report shows when and where it was last used; move that workload to an IAM role.',
      'Sign in to {consoleUrl} as the root user of account {accountId}.',
      'Open the account menu (top right) → Security credentials → Access keys.',
      'For each key: Actions → Deactivate, confirm nothing breaks, then Actions → Delete.',
    ],
    messages: {
      activeKeys:
        'The root user has {count, plural, one {# active access key} other {# active access keys}}{inactive, plural, =0 {} one { and # inactive one; delete both, an inactive key can be reactivated} other { and # inactive ones; delete them all, an inactive key can be reactivated}}.',
      inactiveKeys: 'The root user has {count, plural, one {# inactive access key; delete it} other {# inactive access keys; delete them}}, an inactive key can be reactivated.',
      keysInSummary: 'GetAccountSummary reports root access keys that the credential report does not list yet.',
      noKeys: 'The root user has no access keys.',
      keysUnknown: 'Neither the credential report nor GetAccountSummary says whether the root user has access keys.',
      summaryAllZero: 'The root user has no password, access keys or certificates (root credentials removed).',
      noRootRowInReport: 'This partition has no root user credentials (the credential report has no root row).',
    },
  },
  nl: {
    title: 'Root-gebruiker heeft geen toegangssleutels',
    risk:
      'Een root-toegangssleutel is een permanente sleutel met onbeperkte macht over het hele account, inclusief facturatie ' +
      'en het opzeggen van het account. IAM-policy’s beperken hem niet, hij belandt vaak in scripts en op laptops, en ' +
      'wie de sleutel buitmaakt heeft alles in handen zonder wachtwoord of MFA-vraag.',
    fixSummary: 'Log in als root en verwijder alle root-toegangssleutels (niet alleen deactiveren).',
    fixSteps: [
      'Zoek uit wat de sleutel nog gebruikt: het credential report laat zien wanneer en waar hij het laatst is gebruikt; zet die workload over op een IAM-rol.',
      'Log in op {consoleUrl} als root-gebruiker van account {accountId}.',
      'Open het accountmenu (rechtsboven) → Security credentials → Access keys.',
      'Per sleutel: Actions → Deactivate, controleer dat er niets stukgaat, en daarna Actions → Delete.',
    ],
    messages: {
      activeKeys:
        'De root-gebruiker heeft {count, plural, one {# actieve toegangssleutel} other {# actieve toegangssleutels}}{inactive, plural, =0 {} one { en # inactieve; verwijder ze allebei, want een inactieve sleutel kan weer worden aangezet} other { en # inactieve; verwijder ze allemaal, want een inactieve sleutel kan weer worden aangezet}}.',
      inactiveKeys: 'De root-gebruiker heeft {count, plural, one {# inactieve toegangssleutel; verwijder die} other {# inactieve toegangssleutels; verwijder ze}}, want een inactieve sleutel kan weer worden aangezet.',
      keysInSummary: 'GetAccountSummary meldt root-toegangssleutels die nog niet in het credential report staan.',
      noKeys: 'De root-gebruiker heeft geen toegangssleutels.',
      keysUnknown: 'Het credential report noch GetAccountSummary vertelt of de root-gebruiker toegangssleutels heeft.',
      summaryAllZero: 'De root-gebruiker heeft geen wachtwoord, toegangssleutels of certificaten (root-credentials verwijderd).',
      noRootRowInReport: 'Deze partitie heeft geen root-credentials (het credential report bevat geen root-regel).',
    },
  },
});
