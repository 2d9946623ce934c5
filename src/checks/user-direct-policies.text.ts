import { defineText } from '../engine/text.js';

export const text = defineText({
  cli:
    'aws iam list-attached-user-policies --user-name {resourceName} && aws iam list-user-policies --user-name {resourceName}   ' +
    '# then: aws iam add-user-to-group --user-name {resourceName} --group-name <group> && ' +
    'aws iam detach-user-policy --user-name {resourceName} --policy-arn <policy-arn> && aws iam delete-user-policy --user-name {resourceName} --policy-name <policy-name>',
  en: {
    title: 'IAM users get their permissions through groups',
    risk:
      'Permissions attached to individual users are hard to review and are easily forgotten when someone changes role or ' +
      'leaves: each user becomes a one-off that nobody audits. Over time this is how people quietly collect more rights ' +
      'than their job needs, and how a leaked credential turns out to be far more powerful than expected.',
    fixSummary: 'Move the permissions to a group (or a role), add the user to it, and remove the user\'s own policies.',
    fixSteps: [
      'Open {consoleUrl}/iam → Users → {resourceName} → Permissions and note the policies listed as "Attached directly" and the inline policies.',
      'Find or create a group that carries those permissions (User groups → Create group → attach the managed policies; turn inline policies into managed ones first).',
      'Add {resourceName} to that group: User groups → <group> → Users → Add users.',
      'Back on the user\'s Permissions tab, remove each directly attached and inline policy.',
      'Better still for people: give them access through IAM Identity Center instead of IAM users.',
    ],
    messages: {
      directPolicies: 'User {resourceName} has {count, plural, one {# policy} other {# policies}} attached directly: {names}.',
      noDirectPolicies: 'User {resourceName} has no policies attached directly.',
    },
  },
  nl: {
    title: 'IAM-gebruikers krijgen hun rechten via groepen',
    risk:
      'Rechten die direct aan een gebruiker hangen zijn lastig te reviewen en worden makkelijk vergeten als iemand van functie ' +
      'wisselt of vertrekt: elke gebruiker wordt een uitzondering die niemand controleert. Zo verzamelen mensen ongemerkt meer ' +
      'rechten dan ze nodig hebben, en blijkt een uitgelekte sleutel veel machtiger dan gedacht.',
    fixSummary: 'Verplaats de rechten naar een groep (of rol), zet de gebruiker in die groep en haal de eigen policy’s van de gebruiker weg.',
    fixSteps: [
      'Open {consoleUrl}/iam → Users → {resourceName} → Permissions en noteer de policy’s die als "Attached directly" staan, plus de inline policy’s.',
      'Zoek of maak een groep met die rechten (User groups → Create group → koppel de managed policy’s; zet inline policy’s eerst om naar managed policy’s).',
      'Voeg {resourceName} toe aan die groep: User groups → <groep> → Users → Add users.',
      'Verwijder daarna op het tabblad Permissions van de gebruiker elke direct gekoppelde en inline policy.',
      'Nog beter voor mensen: geef ze toegang via IAM Identity Center in plaats van met IAM-gebruikers.',
    ],
    messages: {
      directPolicies: 'Gebruiker {resourceName} heeft {count, plural, one {# direct gekoppelde policy} other {# direct gekoppelde policy’s}}: {names}.',
      noDirectPolicies: 'Gebruiker {resourceName} heeft geen direct gekoppelde policy’s.',
    },
  },
});
