import { defineText } from '../engine/text.js';

export const text = defineText({
  cli: 'aws organizations invite-account-to-organization --target Id={accountId},Type=ACCOUNT   # run in the management account; then in {accountId}: aws organizations accept-handshake --handshake-id <h-…>',
  en: {
    title: 'The account is a member of an AWS Organization',
    risk:
      'A standalone account has only its own IAM to protect it: there are no service control policies that keep even an ' +
      'administrator from disabling CloudTrail or leaving a region unguarded, no central removal of root credentials and ' +
      'no organisation-wide security services. A single compromised administrator can undo every safeguard in it.',
    fixSummary: 'Bring the account into your AWS Organization (or create one) with all features enabled.',
    fixSteps: [
      'If your company already has an organization: in its management account open {consoleUrl}/organizations → AWS accounts → Add an AWS account → Invite an existing AWS account, and enter {accountId}.',
      'Then, signed in to account {accountId}, accept the invitation under {consoleUrl}/organizations → Invitations.',
      'If there is no organization yet, create one from a dedicated, otherwise empty management account (Organizations → Create an organization) and invite this account.',
      'Once it is a member, apply service control policies and central root access management to it.',
    ],
    messages: {
      standalone: 'Account {accountId} is not a member of an AWS Organization.',
      member: 'Account {accountId} is a member of organization {organizationId} (management account {managementAccountId}).',
      managementAccount: 'Account {accountId} is the management account of organization {organizationId} ({managementAccountId}).',
    },
  },
  nl: {
    title: 'Het account is lid van een AWS Organization',
    risk:
      'Een los account wordt alleen door zijn eigen IAM beschermd: er zijn geen service control policies die zelfs een ' +
      'beheerder tegenhouden als die CloudTrail uitzet of een regio onbewaakt laat, geen centrale verwijdering van ' +
      'root-credentials en geen organisatiebrede beveiligingsdiensten. Eén gecompromitteerde beheerder kan er elke ' +
      'beveiliging ongedaan maken.',
    fixSummary: 'Haal het account in je AWS Organization (of maak er een aan) met alle features ingeschakeld.',
    fixSteps: [
      'Heeft je bedrijf al een organisatie: open in het management account {consoleUrl}/organizations → AWS accounts → Add an AWS account → Invite an existing AWS account en vul {accountId} in.',
      'Accepteer daarna, ingelogd op account {accountId}, de uitnodiging via {consoleUrl}/organizations → Invitations.',
      'Is er nog geen organisatie, maak er dan een aan vanuit een apart, verder leeg management account (Organizations → Create an organization) en nodig dit account uit.',
      'Pas zodra het lid is service control policies en centraal root-toegangsbeheer op het account toe.',
    ],
    messages: {
      standalone: 'Account {accountId} is geen lid van een AWS Organization.',
      member: 'Account {accountId} is lid van organisatie {organizationId} (management account {managementAccountId}).',
      managementAccount: 'Account {accountId} is het management account van organisatie {organizationId} ({managementAccountId}).',
    },
  },
});
