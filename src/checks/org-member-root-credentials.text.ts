import { defineText } from '../engine/text.js';

export const text = defineText({
  cli: 'aws sts assume-root --region {region} --target-principal {accountId} --task-policy-arn arn=arn:{partition}:iam::aws:policy/root-task/IAMDeleteRootUserCredentials   # from the management account; with that session: aws iam delete-login-profile; aws iam delete-access-key --access-key-id <AKIA…>; aws iam deactivate-mfa-device --serial-number <arn>; aws iam delete-signing-certificate --certificate-id <id>',
  en: {
    title: 'The root user of the member account has no credentials',
    risk:
      'With centralized root access the management account can do the few tasks that need a member\'s root user, so the ' +
      'root password, access keys, MFA devices and signing certificates of member accounts serve no purpose any more. ' +
      'Every one that remains is a way into the account that no IAM policy limits: a password can be reset by whoever ' +
      'reads the root e-mail address, a key can leak from a laptop or a script.',
    fixSummary: 'Delete the member\'s root credentials from the management account (IAM → Root access management).',
    fixSteps: [
      'In the management account open {consoleUrl}/iam → Root access management and select account {accountId}.',
      'Choose Take privileged action → Delete root user credentials, and confirm: this removes the password, access keys, signing certificates and MFA devices at once.',
      'Before that, move anything that still uses a root access key to an IAM role; the credential report of {accountId} shows when each key was last used.',
      'Keep Root credentials management enabled, so that the account cannot get new root credentials without a password recovery.',
    ],
    messages: {
      noCredentials: 'The root user of this member account has no password, no access keys, no MFA devices and no signing certificates (read through sts:AssumeRoot).',
      credentialsExist:
        'The root user of this member account still has {credentials}{activeKeys, plural, =0 {} one { (# access key active)} other { (# access keys active)}}.',
      rootSessionUnavailable:
        'The root user\'s credentials could not be read: {reason, select, rootSessionsDisabled {privileged root actions (RootSessions) are not enabled in the organization, so sts:AssumeRoot is refused} trustedAccessNotEnabled {IAM trusted access is not enabled in AWS Organizations} notAllFeaturesMode {the organization runs in consolidated billing mode, without centralized root access} other {the scanning account is neither the management account nor the delegated administrator for IAM, so it cannot call sts:AssumeRoot}}.',
      managementAccount: 'sts:AssumeRoot cannot reach the root user of the management account; the root checks judge its credentials.',
      notOrganizationScan: 'Only an organisation scan (lockdown scan --org from the management account) reads the root credentials of member accounts.',
    },
  },
  nl: {
    title: 'De root-gebruiker van het member account heeft geen credentials',
    risk:
      'Met centraal root-beheer kan het management account de paar taken doen waarvoor de root-gebruiker van een member ' +
      'account nodig is; het root-wachtwoord, de toegangssleutels, MFA-apparaten en ondertekeningscertificaten van member ' +
      'accounts dienen dan nergens meer voor. Elk daarvan dat overblijft is een ingang die geen IAM-policy beperkt: wie ' +
      'het root-e-mailadres leest kan het wachtwoord herstellen, en een sleutel kan uitlekken uit een laptop of script.',
    fixSummary: 'Verwijder de root-credentials van het member account vanuit het management account (IAM → Root access management).',
    fixSteps: [
      'Open in het management account {consoleUrl}/iam → Root access management en selecteer account {accountId}.',
      'Kies Take privileged action → Delete root user credentials en bevestig: dit verwijdert in één keer het wachtwoord, de toegangssleutels, de ondertekeningscertificaten en de MFA-apparaten.',
      'Zet vooraf alles wat nog een root-toegangssleutel gebruikt over op een IAM-rol; het credential report van {accountId} laat zien wanneer elke sleutel het laatst is gebruikt.',
      'Laat Root credentials management aan staan, zodat het account geen nieuwe root-credentials krijgt zonder wachtwoordherstel.',
    ],
    messages: {
      noCredentials: 'De root-gebruiker van dit member account heeft geen wachtwoord, geen toegangssleutels, geen MFA-apparaten en geen ondertekeningscertificaten (gelezen via sts:AssumeRoot).',
      credentialsExist:
        'De root-gebruiker van dit member account heeft nog {credentials}{activeKeys, plural, =0 {} one { (# toegangssleutel actief)} other { (# toegangssleutels actief)}}.',
      rootSessionUnavailable:
        'De credentials van de root-gebruiker konden niet worden gelezen: {reason, select, rootSessionsDisabled {privileged root actions (RootSessions) staan niet aan in de organisatie, dus sts:AssumeRoot wordt geweigerd} trustedAccessNotEnabled {IAM trusted access staat niet aan in AWS Organizations} notAllFeaturesMode {de organisatie draait in consolidated billing-modus, zonder centraal root-beheer} other {het scannende account is geen management account en geen delegated administrator voor IAM, dus het kan sts:AssumeRoot niet aanroepen}}.',
      managementAccount: 'sts:AssumeRoot kan de root-gebruiker van het management account niet bereiken; de root-checks beoordelen de credentials daarvan.',
      notOrganizationScan: 'Alleen een organisatiescan (lockdown scan --org vanuit het management account) leest de root-credentials van member accounts.',
    },
  },
});
