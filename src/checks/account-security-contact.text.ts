import { defineText } from '../engine/text.js';
import { contactText } from './lib/password-policy.js';

export const text = defineText({
  cli:
    'aws account put-alternate-contact --alternate-contact-type SECURITY --name "<name>" --title "<title>" ' +
    '--email-address security@<your-domain> --phone-number "<phone>"   # member account: run from the management account with --account-id {accountId}',
  en: {
    title: 'Account has a security alternate contact',
    risk:
      'AWS sends security notices (abuse reports, access keys found exposed in public code, signs of a compromised account) to the ' +
      'security contact as well as to the root user’s e-mail address. Without one they reach only the root mailbox, often one ' +
      'person’s inbox or a box nobody reads, so an attack can run on for days before the people who can act hear of it.',
    fixSummary: 'Set a SECURITY alternate contact with a monitored team address (a distribution list, not one person).',
    fixSteps: [
      contactText.en.open,
      'Under Security contact, enter a name, a title, a team e-mail address that is always watched (a distribution list or ticket queue) and a phone number; choose Update.',
      contactText.en.organization,
    ],
    messages: {
      missing: 'No security alternate contact is set; AWS security notices reach only the root user’s e-mail address.',
      present: 'A security alternate contact is set: {name}.',
    },
  },
  nl: {
    title: 'Account heeft een alternatief contact voor beveiliging',
    risk:
      'AWS stuurt securitymeldingen (misbruikmeldingen, toegangssleutels die openbaar in code zijn gevonden, signalen van een ' +
      'gecompromitteerd account) naar het beveiligingscontact én naar het e-mailadres van de root-gebruiker. Zonder beveiligingscontact ' +
      'komen ze alleen in de root-mailbox terecht, vaak de inbox van één persoon of een box die niemand leest, zodat een aanval ' +
      'dagen kan doorlopen voordat de mensen die kunnen ingrijpen ervan horen.',
    fixSummary: 'Stel het alternatieve contact SECURITY in met een teamadres dat wordt gelezen (een distributielijst, geen persoon).',
    fixSteps: [
      contactText.nl.open,
      'Vul onder Security contact een naam, een functie, een team-e-mailadres dat altijd wordt gevolgd (distributielijst of ticketwachtrij) en een telefoonnummer in; kies Update.',
      contactText.nl.organization,
    ],
    messages: {
      missing: 'Er is geen alternatief contact voor beveiliging; securitymeldingen van AWS komen alleen aan op het e-mailadres van de root-gebruiker.',
      present: 'Er is een alternatief contact voor beveiliging ingesteld: {name}.',
    },
  },
});
