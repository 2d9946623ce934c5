import { defineText } from '../engine/text.js';

// No CLI: hardware and FIDO devices for root are registered in the console only.
export const text = defineText({
  en: {
    title: 'Root user uses a hardware or FIDO MFA device',
    risk:
      'An authenticator app on a phone can be phished in real time, and its secret lives on a device that gets lost, ' +
      'replaced or backed up to a personal cloud account. For the one user that can close the account, a FIDO security ' +
      'key or hardware token resists phishing and stays under the company\'s physical control.',
    fixSummary: 'Sign in as root and register a FIDO security key or passkey (or a hardware TOTP token); then remove any virtual MFA device.',
    fixSteps: [
      'Sign in to {consoleUrl} as the root user of account {accountId}.',
      'Open the account menu (top right) → Security credentials → Multi-factor authentication (MFA) → Assign MFA device.',
      'Choose Passkey or security key (or Hardware TOTP token) and register two keys: one in daily use, one locked away as a backup.',
      'Sign out and sign back in with the new key to prove it works. If a virtual MFA device is listed, select it and choose Remove.',
    ],
    messages: {
      noMfa: 'The root user has no MFA device at all: register a FIDO security key or passkey (or a hardware TOTP token), ideally two.',
      virtualMfa: 'The root user\'s MFA is a virtual (authenticator app) device: {serialNumber}.',
      hardwareMfa:
        'The root user has MFA and no virtual MFA device: it uses a hardware or FIDO device. A passkey cannot be told apart from a hardware security key through the IAM API.',
      mfaUnknown: 'The root user has no virtual MFA device, but neither GetAccountSummary nor the credential report says whether it has MFA at all.',
      summaryAllZero: 'The root user has no password, access keys or certificates (root credentials removed).',
      noRootRowInReport: 'This partition has no root user credentials (the credential report has no root row).',
    },
  },
  nl: {
    title: 'Root-gebruiker gebruikt een hardware- of FIDO-MFA-apparaat',
    risk:
      'Een authenticator-app op een telefoon is live te phishen, en het geheim staat op een toestel dat kwijtraakt, ' +
      'vervangen wordt of een back-up maakt naar een privé-cloudaccount. Voor de enige gebruiker die het account kan ' +
      'opzeggen is een FIDO-security key of hardwaretoken phishingbestendig en blijft hij fysiek in handen van het bedrijf.',
    fixSummary: 'Log in als root en registreer een FIDO-security key of passkey (of een hardware-TOTP-token); verwijder daarna een eventueel virtueel MFA-apparaat.',
    fixSteps: [
      'Log in op {consoleUrl} als root-gebruiker van account {accountId}.',
      'Open het accountmenu (rechtsboven) → Security credentials → Multi-factor authentication (MFA) → Assign MFA device.',
      'Kies Passkey or security key (of Hardware TOTP token) en registreer twee sleutels: één voor dagelijks gebruik en één als reserve achter slot en grendel.',
      'Log uit en weer in met de nieuwe sleutel om te controleren dat hij werkt. Staat er een virtueel MFA-apparaat in de lijst, selecteer het dan en kies Remove.',
    ],
    messages: {
      noMfa: 'De root-gebruiker heeft helemaal geen MFA-apparaat: registreer een FIDO-security key of passkey (of een hardware-TOTP-token), bij voorkeur twee.',
      virtualMfa: 'De MFA van de root-gebruiker is een virtueel apparaat (authenticator-app): {serialNumber}.',
      hardwareMfa:
        'De root-gebruiker heeft MFA en geen virtueel MFA-apparaat: het is een hardware- of FIDO-apparaat. Via de IAM-API is een passkey niet te onderscheiden van een hardware-security key.',
      mfaUnknown: 'De root-gebruiker heeft geen virtueel MFA-apparaat, maar GetAccountSummary noch het credential report vertelt of hij überhaupt MFA heeft.',
      summaryAllZero: 'De root-gebruiker heeft geen wachtwoord, toegangssleutels of certificaten (root-credentials verwijderd).',
      noRootRowInReport: 'Deze partitie heeft geen root-credentials (het credential report bevat geen root-regel).',
    },
  },
});
