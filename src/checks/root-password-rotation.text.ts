import { defineText } from '../engine/text.js';

// No CLI: ChangePassword works for IAM users only; the root password is changed in the console.
export const text = defineText({
  en: {
    title: 'Root password is changed regularly',
    risk:
      'A root password that has been known to former colleagues, typed on shared machines or stored in an old password ' +
      'manager is a way into the one user that can close the account. AWS does not tell its age, so only the people who ' +
      'manage it know whether it is still safe.',
    fixSummary: 'Confirm who knows the root password and when it was last changed; change it after staff changes or any suspected exposure.',
    fixSteps: [
      'Check the company password vault for when the root password of account {accountId} was last changed and who can read it.',
      'Change it if someone who knew it has left, if it was ever shared outside the vault, or if you cannot tell: sign in to {consoleUrl} as the root user, open the account menu (top right) → Security credentials → Console password (or Account → Account details → Edit) and set a new long, random password.',
      'Store the new password in the company vault only, readable by the few people who need it, and record the date of the change.',
    ],
    messages: {
      manualCheck:
        'IAM does not expose the age of the root password ({report, select, notSupported {the credential report says not_supported} noRootRow {the credential report has no root row, as in reports from GovCloud or China or a report without root} unread {the credential report could not be read} other {the credential report gives no date}}); check when it was last changed and who knows it.',
      oldPassword: 'The root password was last changed {days, plural, one {# day} other {# days}} ago ({date}), more than {threshold, plural, one {# day} other {# days}} ago.',
      recentlyChanged: 'The root password was changed {days, plural, one {# day} other {# days}} ago ({date}), within {threshold, plural, one {# day} other {# days}}.',
      noPassword: 'The root user has no console password.',
      summaryAllZero: 'The root user has no password, access keys or certificates (root credentials removed).',
      noRootRowInReport: 'This partition has no root user credentials (the credential report has no root row).',
    },
  },
  nl: {
    title: 'Root-wachtwoord wordt regelmatig gewijzigd',
    risk:
      'Een root-wachtwoord dat oud-collega\'s kennen, dat op gedeelde machines is getypt of in een oude wachtwoordmanager ' +
      'staat, is een ingang naar de enige gebruiker die het account kan opzeggen. AWS laat niet zien hoe oud het is, dus ' +
      'alleen de beheerders weten of het nog veilig is.',
    fixSummary: 'Ga na wie het root-wachtwoord kent en wanneer het voor het laatst is gewijzigd; wijzig het na personeelswisselingen of bij elk vermoeden van uitlekken.',
    fixSteps: [
      'Kijk in de wachtwoordkluis van het bedrijf wanneer het root-wachtwoord van account {accountId} voor het laatst is gewijzigd en wie het kan inzien.',
      'Wijzig het als iemand die het kende is vertrokken, als het ooit buiten de kluis is gedeeld, of als je het niet weet: log in op {consoleUrl} als root-gebruiker, open het accountmenu (rechtsboven) → Security credentials → Console password (of Account → Account details → Edit) en stel een nieuw lang, willekeurig wachtwoord in.',
      'Bewaar het nieuwe wachtwoord alleen in de bedrijfskluis, leesbaar voor de paar mensen die het nodig hebben, en noteer de datum van de wijziging.',
    ],
    messages: {
      manualCheck:
        'IAM geeft de leeftijd van het root-wachtwoord niet prijs ({report, select, notSupported {het credential report zegt not_supported} noRootRow {het credential report heeft geen root-regel, zoals rapporten uit GovCloud of China of een rapport zonder root} unread {het credential report kon niet worden gelezen} other {het credential report geeft geen datum}}); controleer wanneer het voor het laatst is gewijzigd en wie het kent.',
      oldPassword: 'Het root-wachtwoord is voor het laatst {days, plural, one {# dag} other {# dagen}} geleden gewijzigd ({date}), meer dan {threshold, plural, one {# dag} other {# dagen}} geleden.',
      recentlyChanged: 'Het root-wachtwoord is {days, plural, one {# dag} other {# dagen}} geleden gewijzigd ({date}), binnen {threshold, plural, one {# dag} other {# dagen}}.',
      noPassword: 'De root-gebruiker heeft geen consolewachtwoord.',
      summaryAllZero: 'De root-gebruiker heeft geen wachtwoord, toegangssleutels of certificaten (root-credentials verwijderd).',
      noRootRowInReport: 'Deze partitie heeft geen root-credentials (het credential report bevat geen root-regel).',
    },
  },
});
