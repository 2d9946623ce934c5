import { defineText } from '../engine/text.js';

const SCP =
  '{"Version":"2012-10-17","Statement":[{"Sid":"DenyRootUser","Effect":"Deny","Action":"*","Resource":"*","Condition":{"ArnLike":{"aws:PrincipalArn":"arn:{partition}:iam::*:root"},"Null":{"aws:AssumedRoot":"true"}}}]}';

export const text = defineText({
  cli: `aws organizations create-policy --type SERVICE_CONTROL_POLICY --name DenyRootUser --description 'Deny the root user of member accounts' --content '${SCP}'   # in the management account; then: aws organizations attach-policy --policy-id <p-…> --target-id <r-… or ou-…>`,
  en: {
    title: 'A service control policy denies the root user of the member account',
    risk:
      'The root user of a member account can do anything in it that no service control policy forbids: change or close ' +
      'the account, delete its data, and turn off the logging that would show it. Anyone who gets hold of its e-mail ' +
      'mailbox can reset the password and sign in. An SCP that denies every action by the root user takes that power ' +
      'away in every account below it, also for accounts whose root credentials were never removed.',
    fixSummary: 'Attach an SCP that denies every action by the root user (except privileged root sessions) to the organisation root or the OUs.',
    fixSteps: [
      'In the management account open {consoleUrl}/organizations → Policies → Service control policies (enable them there if they are off).',
      'Create a policy with one statement: Effect Deny, Action "*", Resource "*", with the conditions ArnLike aws:PrincipalArn arn:{partition}:iam::*:root and Null aws:AssumedRoot true, so that privileged root sessions from the management account keep working.',
      'Attach it to the organisation root, or to every OU that holds member accounts; the management account is never affected by SCPs.',
      'Run the scan again: the account passes once a policy on its path denies its root user.',
    ],
    messages: {
      denied: 'Service control policy {policyName} ({policyId}), attached to {target}, denies every action by the root user of this account.',
      deniedExcept: 'Service control policy {policyName} ({policyId}), attached to {target}, denies every action by the root user of this account except {except}.',
      nothingAllowed: 'No service control policy attached to {target} allows anything to the root user ({policies}), so every action by it is denied.',
      deniedInPart:
        'On the path {path} no service control policy denies every action by the root user: {policies} {count, plural, one {denies} other {deny}} it only some actions or resources, or only under a condition about the request.',
      notDenied:
        'No service control policy on the path {path} denies actions by the root user of this account ({count, plural, =0 {no policies are attached} one {# policy is attached} other {# policies are attached}}).',
      scpsDisabled: 'Service control policies are not enabled in this organization, so nothing limits the root user of this account.',
      unreadable:
        'Service control policy {policyName} ({policyId}), attached to {target}, cannot be read as a policy ({reason, select, notJson {not valid JSON} noStatements {no Statement} badStatement {a statement without a valid Action or Resource} unknownElement {an element SCPs do not have} badEffect {an Effect other than Allow or Deny} unknownOperator {an unknown condition operator} other {a malformed Condition}}); whether the root user is denied is unknown.',
      managementAccount: 'Service control policies do not apply to the management account; its root user is judged by the root checks.',
      notOrganizationScan: 'Only an organisation scan (lockdown scan --org) reads the service control policies on this account\'s path.',
    },
  },
  nl: {
    title: 'Een service control policy weigert de root-gebruiker van het member account',
    risk:
      'De root-gebruiker van een member account mag er alles wat geen service control policy verbiedt: het account ' +
      'wijzigen of opzeggen, gegevens wissen en de logging uitzetten die dat zou laten zien. Wie de mailbox van het ' +
      'root-e-mailadres in handen krijgt, kan het wachtwoord herstellen en inloggen. Een SCP die elke actie van de ' +
      'root-gebruiker weigert, neemt die macht weg in elk account eronder, ook waar de root-credentials nooit zijn verwijderd.',
    fixSummary: 'Koppel aan de organisatie-root of de OU’s een SCP die elke actie van de root-gebruiker weigert (behalve geprivilegieerde root-sessies).',
    fixSteps: [
      'Open in het management account {consoleUrl}/organizations → Policies → Service control policies (zet ze daar aan als ze uit staan).',
      'Maak een policy met één statement: Effect Deny, Action "*", Resource "*", met de voorwaarden ArnLike aws:PrincipalArn arn:{partition}:iam::*:root en Null aws:AssumedRoot true, zodat geprivilegieerde root-sessies vanuit het management account blijven werken.',
      'Koppel hem aan de organisatie-root, of aan elke OU met member accounts; op het management account hebben SCP’s nooit effect.',
      'Scan opnieuw: het account slaagt zodra een policy op zijn pad de root-gebruiker weigert.',
    ],
    messages: {
      denied: 'Service control policy {policyName} ({policyId}), gekoppeld aan {target}, weigert elke actie van de root-gebruiker van dit account.',
      deniedExcept: 'Service control policy {policyName} ({policyId}), gekoppeld aan {target}, weigert elke actie van de root-gebruiker van dit account behalve {except}.',
      nothingAllowed: 'Geen service control policy gekoppeld aan {target} staat de root-gebruiker iets toe ({policies}), dus elke actie van de root-gebruiker wordt geweigerd.',
      deniedInPart:
        'Op het pad {path} weigert geen service control policy elke actie van de root-gebruiker: {policies} {count, plural, one {weigert} other {weigeren}} hem alleen bepaalde acties of resources, of alleen onder een voorwaarde over het verzoek.',
      notDenied:
        'Geen service control policy op het pad {path} weigert acties van de root-gebruiker van dit account ({count, plural, =0 {er zijn geen policy’s gekoppeld} one {er is # policy gekoppeld} other {er zijn # policy’s gekoppeld}}).',
      scpsDisabled: 'Service control policies staan in deze organisatie niet aan, dus niets beperkt de root-gebruiker van dit account.',
      unreadable:
        'Service control policy {policyName} ({policyId}), gekoppeld aan {target}, is niet als policy te lezen ({reason, select, notJson {geen geldige JSON} noStatements {geen Statement} badStatement {een statement zonder geldige Action of Resource} unknownElement {een element dat SCP’s niet kennen} badEffect {een Effect anders dan Allow of Deny} unknownOperator {een onbekende conditie-operator} other {een misvormde Condition}}); of de root-gebruiker wordt geweigerd, is onbekend.',
      managementAccount: 'Service control policies gelden niet voor het management account; de root-checks beoordelen de root-gebruiker daarvan.',
      notOrganizationScan: 'Alleen een organisatiescan (lockdown scan --org) leest de service control policies op het pad van dit account.',
    },
  },
});
