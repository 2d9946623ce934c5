import { defineText } from '../engine/text.js';

// No CLI: there is nothing left to configure.
export const text = defineText({
  en: {
    title: 'Account recovery does not rely on security challenge questions',
    risk:
      'AWS retired security challenge questions: no new ones can be added since January 2024 and existing ones can no ' +
      'longer be edited since January 2025. Account recovery now rests on the root user\'s MFA, the alternate contacts ' +
      'and control of the root e-mail address; if those are weak, recovery is hard for you and easier for an attacker.',
    fixSummary: 'Nothing to set here: make sure root has MFA, the alternate contacts are filled in and the root mailbox is company-owned.',
    fixSteps: [
      'Give the root user MFA, preferably two passkeys or security keys (see the root-mfa and root-hardware-mfa checks).',
      'Fill in the SECURITY, BILLING and OPERATIONS alternate contacts: {consoleUrl} → account menu → Account → Alternate contacts.',
      'Make sure the root e-mail address is a company-owned shared mailbox (see the root-email-domain check).',
    ],
    messages: {
      retired:
        'AWS retired security challenge questions (none can be added since January 2024). The recovery path that replaces them is MFA on the root user, up-to-date alternate contacts and a company-owned root mailbox.',
    },
  },
  nl: {
    title: 'Accountherstel leunt niet op beveiligingsvragen',
    risk:
      'AWS heeft de beveiligingsvragen (security challenge questions) afgeschaft: sinds januari 2024 kun je er geen nieuwe ' +
      'meer toevoegen en sinds januari 2025 ook de bestaande niet meer wijzigen. Accountherstel draait nu om MFA ' +
      'op de root-gebruiker, de alternatieve contactpersonen en wie het root-e-mailadres beheert; zijn die zwak, dan is ' +
      'herstel lastig voor jou en makkelijker voor een aanvaller.',
    fixSummary: 'Hier valt niets in te stellen: zorg dat root MFA heeft, de alternatieve contactpersonen zijn ingevuld en de root-mailbox van het bedrijf is.',
    fixSteps: [
      'Geef de root-gebruiker MFA, het liefst twee passkeys of security keys (zie de controles root-mfa en root-hardware-mfa).',
      'Vul de alternatieve contactpersonen SECURITY, BILLING en OPERATIONS in: {consoleUrl} → accountmenu → Account → Alternate contacts.',
      'Zorg dat het root-e-mailadres een gedeelde mailbox van het bedrijf is (zie de controle root-email-domain).',
    ],
    messages: {
      retired:
        'AWS heeft de beveiligingsvragen afgeschaft (sinds januari 2024 kunnen er geen nieuwe bij). Daarvoor in de plaats komt herstel via MFA op de root-gebruiker, actuele alternatieve contactpersonen en een root-mailbox van het bedrijf.',
    },
  },
});
