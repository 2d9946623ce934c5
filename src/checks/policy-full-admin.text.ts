import { defineText } from '../engine/text.js';

export const text = defineText({
  cli:
    'aws iam list-entities-for-policy --policy-arn {resourceArn}   ' +
    '# then for each holder: aws iam detach-role-policy --role-name <role> --policy-arn {resourceArn} ' +
    '(detach-user-policy --user-name / detach-group-policy --group-name for users and groups)',
  // An inline policy has no ARN of its own: it is read and deleted through the user, group or role that holds it.
  cliFor: {
    inline:
      'aws iam get-{holderKind}-policy --{holderKind}-name {holderName} --policy-name {resourceName}   ' +
      '# keep what the holder needs in a narrower policy, then: aws iam delete-{holderKind}-policy --{holderKind}-name {holderName} --policy-name {resourceName}',
  },
  en: {
    title: 'No IAM policy granting full administrator rights (*:*) is attached',
    risk:
      'A policy that allows every action on every resource makes its holder an administrator: it can read all data, change ' +
      'or delete anything, create new users and keys for itself and switch off logging. Whoever steals that user\'s ' +
      'credentials or can assume that role owns the account. Least privilege keeps one mistake or one leaked key from ' +
      'becoming a full compromise.',
    fixSummary: 'Replace the *:* policy with policies that grant only the actions each holder needs, then detach it.',
    fixSteps: [
      'Find out what the holders really do: {consoleUrl}/iam → Policies → {resourceName} → Entities attached, and use Access Advisor (Last accessed) on each user or role.',
      'Create or choose narrower policies for that work (for example a job-function policy such as PowerUserAccess or ViewOnlyAccess, or a customer-managed policy generated from CloudTrail activity with IAM Access Analyzer).',
      'Attach the narrow policies, then detach {resourceName} from each user, group and role (Entities attached → Detach); for an inline policy, delete it on the user, group or role\'s Permissions tab.',
      'Keep full administrator access for a few break-glass roles that require MFA, not for everyday users or workloads.',
    ],
    messages: {
      attached: 'Policy {resourceName} allows every action on every resource and is attached to {count, plural, one {# principal} other {# principals}}: {holders}.',
      attachedUnlisted: 'Policy {resourceName} allows every action on every resource and IAM counts {count, plural, one {# attachment} other {# attachments}}, which the authorization details do not list.',
      inline: 'Inline policy {resourceName} on {holders} allows every action on every resource.',
      unattached: 'Policy {resourceName} allows every action on every resource but is attached to nobody; one attachment would make its holder an administrator, so delete it if it is not needed.',
      documentMissing: 'Policy {resourceName} is attached ({holders}) but its policy document is missing from the evidence, so whether it grants full administrator rights is unknown.',
      noAdminPolicies: 'No policy attached to a user, group or role allows every action on every resource.',
      adminEquivalent:
        'Policy {resourceName} does not allow literally every action (*:*), so it meets CIS, but it allows everything except {except} on every resource, {selfGrant} included; {count, plural, =0 {it is attached to nobody, and one attachment would let its holder grant itself *:*} one {its holder ({holders}) can grant itself *:*} other {its # holders ({holders}) can grant themselves *:*}}.',
      inlineAdminEquivalent:
        'Inline policy {resourceName} on {holders} does not allow literally every action (*:*), so it meets CIS, but it allows everything except {except} on every resource, {selfGrant} included; its holder can grant itself *:*.',
    },
  },
  nl: {
    title: 'Er is geen IAM-policy met volledige beheerrechten (*:*) gekoppeld',
    risk:
      'Een policy die elke actie op elke resource toestaat, maakt de houder beheerder: die kan alle data lezen, alles wijzigen ' +
      'of verwijderen, nieuwe gebruikers en sleutels voor zichzelf aanmaken en logging uitzetten. Wie de credentials van die ' +
      'gebruiker steelt of de rol kan aannemen, heeft het account in handen. Met least privilege wordt één fout of één ' +
      'uitgelekte sleutel geen volledige compromittering.',
    fixSummary: 'Vervang de *:*-policy door policy’s die alleen de acties toestaan die elke houder nodig heeft, en ontkoppel hem daarna.',
    fixSteps: [
      'Zoek uit wat de houders echt doen: {consoleUrl}/iam → Policies → {resourceName} → Entities attached, en gebruik Access Advisor (Last accessed) per gebruiker of rol.',
      'Maak of kies smallere policy’s voor dat werk (bijvoorbeeld een job-function-policy zoals PowerUserAccess of ViewOnlyAccess, of een customer-managed policy die IAM Access Analyzer uit de CloudTrail-activiteit genereert).',
      'Koppel de smallere policy’s en ontkoppel daarna {resourceName} van elke gebruiker, groep en rol (Entities attached → Detach); een inline policy verwijder je op het tabblad Permissions van die gebruiker, groep of rol.',
      'Houd volledige beheerrechten alleen over voor een paar break-glass-rollen met verplichte MFA, niet voor dagelijkse gebruikers of workloads.',
    ],
    messages: {
      attached: 'Policy {resourceName} staat elke actie op elke resource toe en is gekoppeld aan {count, plural, one {# identiteit} other {# identiteiten}}: {holders}.',
      attachedUnlisted: 'Policy {resourceName} staat elke actie op elke resource toe en IAM telt {count, plural, one {# koppeling die} other {# koppelingen die}} GetAccountAuthorizationDetails niet opsomt.',
      inline: 'Inline policy {resourceName} op {holders} staat elke actie op elke resource toe.',
      unattached: 'Policy {resourceName} staat elke actie op elke resource toe maar is aan niemand gekoppeld; één koppeling maakt de houder beheerder, dus verwijder hem als hij niet nodig is.',
      documentMissing: 'Policy {resourceName} is gekoppeld ({holders}) maar het policydocument ontbreekt in het bewijs, dus het is onbekend of hij volledige beheerrechten geeft.',
      noAdminPolicies: 'Geen enkele policy die aan een gebruiker, groep of rol hangt, staat elke actie op elke resource toe.',
      adminEquivalent:
        'Policy {resourceName} staat niet letterlijk elke actie toe (*:*) en voldoet dus aan CIS, maar staat op elke resource alles toe behalve {except}, ook {selfGrant}; {count, plural, =0 {hij is aan niemand gekoppeld, en één koppeling laat de houder zichzelf *:* geven} one {de houder ({holders}) kan zichzelf *:* geven} other {de # houders ({holders}) kunnen zichzelf *:* geven}}.',
      inlineAdminEquivalent:
        'Inline policy {resourceName} op {holders} staat niet letterlijk elke actie toe (*:*) en voldoet dus aan CIS, maar staat op elke resource alles toe behalve {except}, ook {selfGrant}; de houder kan zichzelf *:* geven.',
    },
  },
});
