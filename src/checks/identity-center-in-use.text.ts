import { defineText } from '../engine/text.js';

export const text = defineText({
  en: {
    title: 'People sign in through IAM Identity Center, not as IAM users',
    risk:
      'IAM users with console passwords are long-lived identities managed account by account: leavers keep working ' +
      'passwords until someone remembers to remove them, MFA and password rules have to be enforced per account, and ' +
      'access keys next to the password tend to live for years. IAM Identity Center gives people short-lived credentials ' +
      'tied to your central directory, so disabling one account there removes access everywhere.',
    fixSummary: 'Enable IAM Identity Center, give people access through permission sets, and then remove the IAM users\' console passwords.',
    fixSteps: [
      'In the management account (or a delegated administrator) open {consoleUrl}/singlesignon and choose Enable.',
      'Connect your identity provider (Entra ID, Google Workspace, Okta, …) or create the users in the Identity Center directory.',
      'Create permission sets for the jobs people do and assign them, with their groups, to account {accountId}.',
      'Once everyone signs in through the AWS access portal, remove the console passwords of the IAM users ({consoleUrl}/iam → Users → user → Security credentials → Console sign-in → Disable) and delete users nobody needs.',
    ],
    messages: {
      noConsoleUsers: 'No IAM user has a console password.',
      notInUse: '{count, plural, one {# IAM user signs} other {# IAM users sign}} in with a console password and no IAM Identity Center instance is visible.',
      inUse: 'IAM Identity Center is in use; {count, plural, one {# IAM user still has} other {# IAM users still have}} a console password and could move to it.',
      inUseViaRoles: 'IAM Identity Center gives access to this account ({roles, plural, one {# AWSReservedSSO role} other {# AWSReservedSSO roles}}); {count, plural, one {# IAM user still has} other {# IAM users still have}} a console password and could move to it.',
    },
  },
  nl: {
    title: 'Mensen loggen in via IAM Identity Center, niet als IAM-gebruiker',
    risk:
      'IAM-gebruikers met een consolewachtwoord zijn langlevende identiteiten die je per account beheert: wie vertrekt houdt ' +
      'een werkend wachtwoord tot iemand eraan denkt het te verwijderen, MFA en wachtwoordregels moet je per account afdwingen, ' +
      'en toegangssleutels naast het wachtwoord blijven vaak jaren bestaan. IAM Identity Center geeft mensen kortlevende ' +
      'credentials die aan je centrale directory hangen: zet je daar een account uit, dan is de toegang overal weg.',
    fixSummary: 'Zet IAM Identity Center aan, geef mensen toegang via permission sets en verwijder daarna de consolewachtwoorden van de IAM-gebruikers.',
    fixSteps: [
      'Open in het management account (of een delegated administrator) {consoleUrl}/singlesignon en kies Enable.',
      'Koppel je identity provider (Entra ID, Google Workspace, Okta, …) of maak de gebruikers aan in de Identity Center-directory.',
      'Maak permission sets voor de taken die mensen doen en wijs ze, met hun groepen, toe aan account {accountId}.',
      'Zodra iedereen via het AWS access portal inlogt, verwijder je de consolewachtwoorden van de IAM-gebruikers ({consoleUrl}/iam → Users → gebruiker → Security credentials → Console sign-in → Disable) en ruim je gebruikers op die niemand nodig heeft.',
    ],
    messages: {
      noConsoleUsers: 'Geen enkele IAM-gebruiker heeft een consolewachtwoord.',
      notInUse: '{count, plural, one {# IAM-gebruiker logt} other {# IAM-gebruikers loggen}} in met een consolewachtwoord en er is geen IAM Identity Center-instantie zichtbaar.',
      inUse: 'IAM Identity Center is in gebruik; {count, plural, one {# IAM-gebruiker heeft nog een consolewachtwoord en kan} other {# IAM-gebruikers hebben nog een consolewachtwoord en kunnen}} overstappen.',
      inUseViaRoles: 'IAM Identity Center geeft toegang tot dit account ({roles, plural, one {# AWSReservedSSO-rol} other {# AWSReservedSSO-rollen}}); {count, plural, one {# IAM-gebruiker heeft nog een consolewachtwoord en kan} other {# IAM-gebruikers hebben nog een consolewachtwoord en kunnen}} overstappen.',
    },
  },
});
