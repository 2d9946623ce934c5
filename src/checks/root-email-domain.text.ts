import { defineText } from '../engine/text.js';

export const text = defineText({
  // Member accounts only, from the organization's management account (or delegated administrator)
  // with trusted access for AWS Account Management; a standalone account changes it in the console.
  cli:
    'aws account start-primary-email-update --account-id {accountId} --primary-email <aws-root+{accountId}@your-company-domain> && ' +
    'aws account accept-primary-email-update --account-id {accountId} --primary-email <aws-root+{accountId}@your-company-domain> --otp <code from the e-mail>',
  en: {
    title: 'Root e-mail address is a company-owned mailbox',
    risk:
      'Whoever controls the root e-mail address can reset the root password and, with the account recovery process, ' +
      'take over the whole account. A personal free-mail mailbox leaves with the employee, can be phished or recycled by ' +
      'the provider, and is outside the company\'s security controls and offboarding.',
    fixSummary: 'Change the root e-mail address to a shared mailbox or distribution list on a domain the company owns.',
    fixSteps: [
      'Create a mailbox or distribution list on the company domain (for example aws-root+{accountId}@your-company-domain) that more than one trusted person receives and that is protected by the company\'s mail security.',
      'Standalone account: sign in to {consoleUrl} as the root user of account {accountId}, open the account menu (top right) → Account → Account details → Edit, and change the e-mail address.',
      'Member account of an organization: in the management account open AWS Organizations → AWS accounts → the account → Account settings and update the root user e-mail address (or use the CLI command).',
      'Confirm the change with the code sent to the new address, then set the company domains in the aws-lockdown config (account.companyDomains) so this check enforces them.',
    ],
    messages: {
      freeMail: 'The root e-mail address is on the free-mail domain {domain}.',
      outsideCompany: 'The root e-mail address is on {domain}, which is not one of the company domains ({companyDomains}).',
      companyDomain: 'The root e-mail address is on {domain}, a company domain ({companyDomain}).',
      notFreeMail: 'The root e-mail address is on {domain}, not a known free-mail domain; set account.companyDomains in the config to check that it is the company\'s.',
      emailUnknown: 'The root e-mail address could not be read; set account.email in the config, or check in the console that it is a company-owned mailbox.',
      emailMalformed: 'The root e-mail address in the evidence has no valid domain.',
      emailContradicts: 'The root e-mail address in the config (account.email, on {configDomain}) is not the one AWS gives ({via}, on {apiDomain}), so neither is judged; correct account.email or remove it.',
    },
  },
  nl: {
    title: 'Root-e-mailadres is een mailbox van het bedrijf',
    risk:
      'Wie het root-e-mailadres beheert, kan het root-wachtwoord resetten en via de accountherstelprocedure het hele ' +
      'account overnemen. Een persoonlijke gratis mailbox vertrekt met de medewerker, kan worden gephisht of door de ' +
      'provider opnieuw worden uitgegeven, en valt buiten de beveiliging en de offboarding van het bedrijf.',
    fixSummary: 'Wijzig het root-e-mailadres in een gedeelde mailbox of distributielijst op een domein van het bedrijf.',
    fixSteps: [
      'Maak een mailbox of distributielijst op het bedrijfsdomein (bijvoorbeeld aws-root+{accountId}@jouw-bedrijfsdomein) die door meer dan één vertrouwde collega wordt gelezen en onder de mailbeveiliging van het bedrijf valt.',
      'Losstaand account: log in op {consoleUrl} als root-gebruiker van account {accountId}, open het accountmenu (rechtsboven) → Account → Account details → Edit en wijzig het e-mailadres.',
      'Member-account in een organisatie: open in het management-account AWS Organizations → AWS accounts → het account → Account settings en pas het e-mailadres van de root-gebruiker aan (of gebruik het CLI-commando).',
      'Bevestig de wijziging met de code die naar het nieuwe adres wordt gestuurd en zet daarna de bedrijfsdomeinen in de aws-lockdown-config (account.companyDomains), zodat deze controle ze afdwingt.',
    ],
    messages: {
      freeMail: 'Het root-e-mailadres staat op het gratis maildomein {domain}.',
      outsideCompany: 'Het root-e-mailadres staat op {domain}, en dat is geen van de bedrijfsdomeinen ({companyDomains}).',
      companyDomain: 'Het root-e-mailadres staat op {domain}, een bedrijfsdomein ({companyDomain}).',
      notFreeMail: 'Het root-e-mailadres staat op {domain}, geen bekend gratis maildomein; zet account.companyDomains in de config om te controleren dat het van het bedrijf is.',
      emailUnknown: 'Het root-e-mailadres kon niet worden gelezen; zet account.email in de config, of controleer in de console dat het een mailbox van het bedrijf is.',
      emailMalformed: 'Het root-e-mailadres in het bewijs heeft geen geldig domein.',
      emailContradicts: 'Het root-e-mailadres in de config (account.email, op {configDomain}) is niet het adres dat AWS geeft ({via}, op {apiDomain}), dus geen van beide wordt beoordeeld; corrigeer account.email of haal het weg.',
    },
  },
});
