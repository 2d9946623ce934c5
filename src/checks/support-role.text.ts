import { defineText } from '../engine/text.js';

export const text = defineText({
  cli:
    'aws iam create-role --role-name AWSSupportRole --assume-role-policy-document ' +
    '\'{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:{partition}:iam::{accountId}:root"},"Action":"sts:AssumeRole"}]}\' && ' +
    'aws iam attach-role-policy --role-name AWSSupportRole --policy-arn arn:{partition}:iam::aws:policy/AWSSupportAccess',
  en: {
    title: 'A role exists for managing incidents with AWS Support',
    risk:
      'During an incident you need to open and follow AWS Support cases quickly. Without a dedicated role, that ends up ' +
      'being done with an administrator or the root user, or waits until someone finds the right credentials. A role with ' +
      'AWSSupportAccess lets the people on call work with AWS Support, with every use logged in CloudTrail.',
    fixSummary: 'Create a role that your incident responders can assume and attach the AWS-managed policy AWSSupportAccess to it.',
    fixSteps: [
      'Open {consoleUrl}/iam → Roles → Create role → AWS account → This account ({accountId}), and require MFA if you like.',
      'On Add permissions, search for and select AWSSupportAccess, then name the role, e.g. AWSSupportRole, and create it.',
      'Allow your incident responders (an IAM group or an Identity Center permission set) to assume the role with sts:AssumeRole.',
      'If AWSSupportAccess is attached to users or groups directly, detach it there once the role works.',
    ],
    messages: {
      supportRole: '{count, plural, one {Role} other {Roles}} with AWSSupportAccess: {roles}.',
      notOnRole: 'AWSSupportAccess is attached only to users or groups ({holders}), not to a role.',
      noSupportRole: 'No role has the AWS-managed policy AWSSupportAccess attached.',
    },
  },
  nl: {
    title: 'Er is een rol om incidenten met AWS Support af te handelen',
    risk:
      'Tijdens een incident moet je snel supportcases bij AWS kunnen openen en volgen. Zonder aparte rol gebeurt dat met een ' +
      'beheerder of de root-gebruiker, of wacht het tot iemand de juiste credentials vindt. Met een rol met AWSSupportAccess ' +
      'kunnen de mensen van dienst met AWS Support werken, en staat elk gebruik in CloudTrail.',
    fixSummary: 'Maak een rol die je incidentresponders kunnen aannemen en koppel daar de AWS-managed policy AWSSupportAccess aan.',
    fixSteps: [
      'Open {consoleUrl}/iam → Roles → Create role → AWS account → This account ({accountId}), eventueel met verplichte MFA.',
      'Zoek bij Add permissions AWSSupportAccess op en selecteer die, geef de rol een naam, bijvoorbeeld AWSSupportRole, en maak hem aan.',
      'Geef je incidentresponders (een IAM-groep of een Identity Center-permission set) het recht de rol aan te nemen met sts:AssumeRole.',
      'Hangt AWSSupportAccess direct aan gebruikers of groepen? Ontkoppel hem daar zodra de rol werkt.',
    ],
    messages: {
      supportRole: '{count, plural, one {Rol} other {Rollen}} met AWSSupportAccess: {roles}.',
      notOnRole: 'AWSSupportAccess hangt alleen aan gebruikers of groepen ({holders}), niet aan een rol.',
      noSupportRole: 'Geen enkele rol heeft de AWS-managed policy AWSSupportAccess.',
    },
  },
});
