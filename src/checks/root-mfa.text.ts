import { defineText } from '../engine/text.js';

// No CLI: MFA for the root user is assigned in the console only (EnableMFADevice needs an IAM
// user name, and passkeys and security keys are registered in the browser).
export const text = defineText({
  en: {
    title: 'Root user has MFA enabled',
    risk:
      'The root user can do anything in the account, including closing it, changing billing and removing every other ' +
      'safeguard, and no IAM policy limits it. Without MFA a phished, guessed or leaked root password (or a root key) ' +
      'is all an attacker needs to take the whole account over.',
    fixSummary: 'Sign in as root and assign an MFA device to the root user (a passkey or security key is best).',
    fixSteps: [
      'Sign in to {consoleUrl} as the root user of account {accountId}.',
      'Open the account menu (top right) → Security credentials → Multi-factor authentication (MFA) → Assign MFA device.',
      'Choose Passkey or security key (preferred) or Authenticator app, and follow the steps; register a second device as a backup.',
      'Keep the backup device in a safe place that more than one trusted person can reach.',
    ],
    messages: {
      mfa: 'The root user has MFA enabled.',
      noMfa: 'The root user can sign in with a password (or its password state is unknown) and has no MFA.',
      noMfaKeysOnly:
        'The root user has no console password but still has {keys, plural, one {# access key} other {# access keys}} and {certificates, plural, one {# signing certificate} other {# signing certificates}}, and no MFA; delete those credentials or enable MFA.',
      mfaUnknown: 'Neither GetAccountSummary nor the credential report says whether the root user has MFA.',
      summaryAllZero: 'The root user has no password, access keys or certificates (root credentials removed).',
      noRootRowInReport: 'This partition has no root user credentials (the credential report has no root row).',
    },
  },
  nl: {
    title: 'Root-gebruiker heeft MFA aan staan',
    risk:
      'De root-gebruiker mag alles in het account, ook het opzeggen ervan, de facturatie aanpassen en alle andere ' +
      'beveiliging uitzetten, en geen enkele IAM-policy houdt hem tegen. Zonder MFA is een gephisht, geraden of gelekt ' +
      'root-wachtwoord (of een root-sleutel) genoeg om het hele account over te nemen.',
    fixSummary: 'Log in als root en koppel een MFA-apparaat aan de root-gebruiker (het liefst een passkey of security key).',
    fixSteps: [
      'Log in op {consoleUrl} als root-gebruiker van account {accountId}.',
      'Open het accountmenu (rechtsboven) → Security credentials → Multi-factor authentication (MFA) → Assign MFA device.',
      'Kies Passkey or security key (aanbevolen) of Authenticator app en volg de stappen; koppel ook een tweede apparaat als reserve.',
      'Bewaar het reserve-apparaat op een veilige plek waar meer dan één vertrouwde collega bij kan.',
    ],
    messages: {
      mfa: 'De root-gebruiker heeft MFA aan staan.',
      noMfa: 'De root-gebruiker kan met een wachtwoord inloggen (of het is onbekend of er een wachtwoord is) en heeft geen MFA.',
      noMfaKeysOnly:
        'De root-gebruiker heeft geen consolewachtwoord, maar nog wel {keys, plural, one {# toegangssleutel} other {# toegangssleutels}} en {certificates, plural, one {# ondertekeningscertificaat} other {# ondertekeningscertificaten}}, en geen MFA; verwijder die credentials of zet MFA aan.',
      mfaUnknown: 'GetAccountSummary noch het credential report vertelt of de root-gebruiker MFA heeft.',
      summaryAllZero: 'De root-gebruiker heeft geen wachtwoord, toegangssleutels of certificaten (root-credentials verwijderd).',
      noRootRowInReport: 'Deze partitie heeft geen root-credentials (het credential report bevat geen root-regel).',
    },
  },
});
