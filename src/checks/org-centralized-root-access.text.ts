import { defineText } from '../engine/text.js';

export const text = defineText({
  cli: 'aws organizations enable-aws-service-access --service-principal iam.amazonaws.com && aws iam enable-organizations-root-credentials-management && aws iam enable-organizations-root-sessions',
  en: {
    title: 'Root access to member accounts is managed centrally',
    risk:
      'Without centralized root access every member account keeps its own root password, and possibly root keys and MFA ' +
      'devices, each one a way in that bypasses service control policies and that someone has to guard. With root ' +
      'credentials management enabled, the management account can remove those credentials, and new accounts are created ' +
      'without them, so there is nothing left to steal. Privileged root actions (RootSessions) let the management account ' +
      'open a short root session in a member (sts:AssumeRoot) to audit and delete those credentials, or to unlock a ' +
      'bucket or queue policy, without anyone signing in as that root user.',
    fixSummary: 'Enable IAM trusted access in AWS Organizations and turn on both Root credentials management and Privileged root actions.',
    fixSteps: [
      'In the management account open {consoleUrl}/iam → Root access management and choose Enable (this also turns on IAM trusted access in AWS Organizations).',
      'Select Root credentials management, and also Privileged root actions in member accounts, then confirm.',
      'If Organizations is in consolidated billing mode, first switch it to all features: {consoleUrl}/organizations → Settings → Enable all features.',
      'Afterwards remove the existing root credentials of each member account from the same page (Root access management → account → Take privileged action).',
    ],
    messages: {
      enabled: 'Root credentials management and privileged root actions (RootSessions) are enabled for organization {organizationId}.',
      enabledWithoutRootSessions:
        'Root credentials management is enabled for organization {organizationId}, but privileged root actions (RootSessions) are not: no one can audit or delete member root credentials centrally (sts:AssumeRoot is refused), and unlocking a bucket or queue policy still needs the member\'s root user.',
      rootSessionsOnly:
        'Privileged root actions (RootSessions) are enabled for organization {organizationId}, but root credentials management is not: member accounts keep their root credentials and new accounts get them.',
      notEnabled: 'Neither root credentials management nor privileged root actions (RootSessions) are enabled for organization {organizationId}.',
      notAllFeatures: 'The organization runs in consolidated billing mode; centralized root access needs all features enabled.',
      trustedAccessDisabled: 'IAM trusted access is not enabled in AWS Organizations, so root credentials management cannot be on.',
      memberAccount: 'This account is neither the management account nor a delegated administrator for IAM; check centralized root access from the management account.',
      noOrganization: 'The account is not in an AWS Organization, so there is no root access to manage centrally.',
    },
  },
  nl: {
    title: 'Root-toegang tot member accounts wordt centraal beheerd',
    risk:
      'Zonder centraal root-beheer houdt elk member account een eigen root-wachtwoord, en misschien root-sleutels en ' +
      'MFA-apparaten: elk daarvan is een ingang die service control policies omzeilt en die iemand moet bewaken. Met ' +
      'root credentials management kan het management account die credentials verwijderen en krijgen nieuwe accounts ze ' +
      'niet eens, zodat er niets meer te stelen valt. Met privileged root actions (RootSessions) opent het management ' +
      'account een korte root-sessie in een member account (sts:AssumeRoot) om die credentials te controleren en te ' +
      'verwijderen, of om een bucket- of queue-policy te ontgrendelen, zonder dat iemand als die root-gebruiker inlogt.',
    fixSummary: 'Zet IAM trusted access in AWS Organizations aan en schakel zowel Root credentials management als Privileged root actions in.',
    fixSteps: [
      'Open in het management account {consoleUrl}/iam → Root access management en kies Enable (dit zet ook IAM trusted access in AWS Organizations aan).',
      'Selecteer Root credentials management, en ook Privileged root actions in member accounts, en bevestig.',
      'Draait Organizations in consolidated billing-modus, zet dan eerst alle features aan: {consoleUrl}/organizations → Settings → Enable all features.',
      'Verwijder daarna vanaf dezelfde pagina de bestaande root-credentials van elk member account (Root access management → account → Take privileged action).',
    ],
    messages: {
      enabled: 'Root credentials management en privileged root actions (RootSessions) staan aan voor organisatie {organizationId}.',
      enabledWithoutRootSessions:
        'Root credentials management staat aan voor organisatie {organizationId}, maar privileged root actions (RootSessions) niet: niemand kan de root-credentials van member accounts centraal controleren of verwijderen (sts:AssumeRoot wordt geweigerd), en voor het ontgrendelen van een bucket- of queue-policy is nog steeds de root-gebruiker van het member account nodig.',
      rootSessionsOnly:
        'Privileged root actions (RootSessions) staan aan voor organisatie {organizationId}, maar root credentials management niet: member accounts houden hun root-credentials en nieuwe accounts krijgen ze.',
      notEnabled: 'Root credentials management en privileged root actions (RootSessions) staan allebei niet aan voor organisatie {organizationId}.',
      notAllFeatures: 'De organisatie draait in consolidated billing-modus; centraal root-beheer vereist dat alle features aan staan.',
      trustedAccessDisabled: 'IAM trusted access staat niet aan in AWS Organizations, dus root credentials management kan niet aan staan.',
      memberAccount: 'Dit account is geen management account en geen delegated administrator voor IAM; controleer centraal root-beheer vanuit het management account.',
      noOrganization: 'Het account zit niet in een AWS Organization, dus er is geen root-toegang om centraal te beheren.',
    },
  },
});
