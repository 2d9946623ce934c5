import { defineText } from '../engine/text.js';

export const text = defineText({
  cli:
    'aws iam update-access-key --user-name {resourceName} --access-key-id <AKIA…> --status Inactive   # and for an unused password: ' +
    'aws iam delete-login-profile --user-name {resourceName}',
  en: {
    title: 'IAM user credentials unused for 45 days or more (by default) are disabled',
    risk:
      'A password or access key nobody uses is still a way in, and nobody will notice when it is abused: its owner has ' +
      'left, changed jobs or moved to another tool. Forgotten credentials are exactly the ones that leak unnoticed from old ' +
      'laptops, repositories and backups.',
    fixSummary: 'Deactivate the unused access keys and remove the unused console password.',
    fixSteps: [
      'Ask the owner of {resourceName} whether the credential is still needed; the credential report shows when each one was last used.',
      'Unused access key: {consoleUrl}/iam → Users → {resourceName} → Security credentials → Access keys → Actions → Deactivate; delete it once it is clear nothing breaks.',
      'Unused password: Users → {resourceName} → Security credentials → Console sign-in → Manage console access → Disable console access.',
      'If the whole user is no longer needed, delete the user.',
    ],
    messages: {
      unused: 'User {resourceName} has credentials unused for {days, plural, one {# day} other {# days}} or more (limit {max}): {details}.',
      used: 'Every enabled credential of user {resourceName} was used or set up within the last {days, plural, one {# day} other {# days}} (limit {max}): {details}.',
      noCredentials: 'User {resourceName} has no console password and no active access keys.',
      usageUnknown: 'The credential report does not show when these credentials of user {resourceName} were last used or set up: {credentials}.',
    },
  },
  nl: {
    title: 'Credentials van IAM-gebruikers die 45 dagen of langer (standaard) ongebruikt zijn, zijn uitgeschakeld',
    risk:
      'Een wachtwoord of toegangssleutel die niemand gebruikt, is nog steeds een ingang, en misbruik valt niemand op: de eigenaar ' +
      'is vertrokken, heeft een andere functie of werkt met een ander hulpmiddel. Juist vergeten credentials lekken ongemerkt ' +
      'uit oude laptops, repositories en back-ups.',
    fixSummary: 'Deactiveer ongebruikte toegangssleutels en verwijder het ongebruikte consolewachtwoord.',
    fixSteps: [
      'Vraag de eigenaar van {resourceName} of de credential nog nodig is; in het credential report zie je wanneer elke credential voor het laatst is gebruikt.',
      'Ongebruikte toegangssleutel: {consoleUrl}/iam → Users → {resourceName} → Security credentials → Access keys → Actions → Deactivate; verwijder hem zodra duidelijk is dat er niets stukgaat.',
      'Ongebruikt wachtwoord: Users → {resourceName} → Security credentials → Console sign-in → Manage console access → Disable console access.',
      'Is de hele gebruiker niet meer nodig? Verwijder dan de gebruiker.',
    ],
    messages: {
      unused: 'Gebruiker {resourceName} heeft credentials die {days, plural, one {# dag} other {# dagen}} of langer niet zijn gebruikt (grens {max}): {details}.',
      used: 'Alle actieve credentials van gebruiker {resourceName} zijn in de afgelopen {days, plural, one {# dag} other {# dagen}} gebruikt of ingesteld (grens {max}): {details}.',
      noCredentials: 'Gebruiker {resourceName} heeft geen consolewachtwoord en geen actieve toegangssleutels.',
      usageUnknown: 'Het credential report laat niet zien wanneer deze credentials van gebruiker {resourceName} voor het laatst zijn gebruikt of ingesteld: {credentials}.',
    },
  },
});
