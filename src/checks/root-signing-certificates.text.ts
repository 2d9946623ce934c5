import { defineText } from '../engine/text.js';

export const text = defineText({
  cli: 'aws iam list-signing-certificates   # run with root credentials; then: aws iam delete-signing-certificate --certificate-id <certificate id>',
  en: {
    title: 'Root user has no active X.509 signing certificates',
    risk:
      'A root signing certificate is a long-lived root credential that signs requests to the SOAP-era APIs that still ' +
      'accept it. Its private key usually sits in a file somewhere, and whoever holds it acts as root without a password ' +
      'or MFA.',
    fixSummary: 'Sign in as root and delete the root X.509 signing certificates.',
    fixSteps: [
      'Check whether anything still signs requests with the certificate (old EC2 AMI tools or SOAP clients); move it to an IAM role.',
      'Sign in to {consoleUrl} as the root user of account {accountId}.',
      'Open the account menu (top right) → Security credentials → X.509 certificate.',
      'For each certificate: Actions → Make inactive, confirm nothing breaks, then Actions → Delete.',
    ],
    messages: {
      activeCertificates: 'The root user has {count, plural, one {# active X.509 signing certificate} other {# active X.509 signing certificates}}.',
      certificatesInSummary: 'GetAccountSummary reports a root signing certificate that the credential report does not list as active (yet).',
      inactiveCertificates: 'The root user has no active signing certificate, but {count, plural, one {# inactive one remains; delete it} other {# inactive ones remain; delete them}}, an inactive certificate can be reactivated.',
      noCertificates: 'The root user has no X.509 signing certificates.',
      certificatesUnknown: 'The credential report has no root row and GetAccountSummary does not count signing certificates, so root certificates are unknown.',
      summaryAllZero: 'The root user has no password, access keys or certificates (root credentials removed).',
      noRootRowInReport: 'This partition has no root user credentials (the credential report has no root row).',
    },
  },
  nl: {
    title: 'Root-gebruiker heeft geen actieve X.509-ondertekeningscertificaten',
    risk:
      'Een root-ondertekeningscertificaat is een langlevende root-credential waarmee verzoeken worden ondertekend aan de oude ' +
      'SOAP-API\'s die hem nog accepteren. De private key staat meestal ergens in een bestand, en wie die heeft, handelt ' +
      'als root zonder wachtwoord of MFA.',
    fixSummary: 'Log in als root en verwijder de X.509-ondertekeningscertificaten van root.',
    fixSteps: [
      'Ga na of er nog iets verzoeken met het certificaat ondertekent (oude EC2 AMI-tools of SOAP-clients) en zet dat over op een IAM-rol.',
      'Log in op {consoleUrl} als root-gebruiker van account {accountId}.',
      'Open het accountmenu (rechtsboven) → Security credentials → X.509 certificate.',
      'Per certificaat: Actions → Make inactive, controleer dat er niets stukgaat, en daarna Actions → Delete.',
    ],
    messages: {
      activeCertificates: 'De root-gebruiker heeft {count, plural, one {# actief X.509-ondertekeningscertificaat} other {# actieve X.509-ondertekeningscertificaten}}.',
      certificatesInSummary: 'GetAccountSummary meldt een root-ondertekeningscertificaat dat (nog) niet als actief in het credential report staat.',
      inactiveCertificates: 'De root-gebruiker heeft geen actief ondertekeningscertificaat, maar nog wel {count} inactieve; verwijder ze, want een inactief certificaat kan weer worden aangezet.',
      noCertificates: 'De root-gebruiker heeft geen X.509-ondertekeningscertificaten.',
      certificatesUnknown: 'Het credential report heeft geen root-regel en GetAccountSummary telt geen ondertekeningscertificaten, dus of root certificaten heeft is onbekend.',
      summaryAllZero: 'De root-gebruiker heeft geen wachtwoord, toegangssleutels of certificaten (root-credentials verwijderd).',
      noRootRowInReport: 'Deze partitie heeft geen root-credentials (het credential report bevat geen root-regel).',
    },
  },
});
