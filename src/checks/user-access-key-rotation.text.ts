import { defineText } from '../engine/text.js';

export const text = defineText({
  cli:
    'aws iam create-access-key --user-name {resourceName}   # put the new key in use everywhere, then: ' +
    'aws iam update-access-key --user-name {resourceName} --access-key-id <OLD_KEY_ID> --status Inactive && ' +
    'aws iam delete-access-key --user-name {resourceName} --access-key-id <OLD_KEY_ID>',
  en: {
    title: 'Active access keys of IAM users are rotated within the maximum age (90 days by default)',
    risk:
      'An access key is a password that never expires and is never typed: it sits in configuration files, CI variables, ' +
      'laptops and old backups. The longer a key lives, the more places it has been copied to and the longer a leaked copy ' +
      'keeps working without anyone noticing.',
    fixSummary: 'Create a new access key, switch every workload to it, then deactivate and delete the old key.',
    fixSteps: [
      'Better still, replace the key with a role: workloads on AWS get temporary credentials from an instance profile or task role, CI systems through OIDC federation.',
      '{consoleUrl}/iam → Users → {resourceName} → Security credentials → Access keys → Create access key (a user can hold two keys; delete an unused inactive one first if both slots are taken).',
      'Put the new key in every place that uses the old one; the old key\'s "Last used" shows whether anything still calls with it.',
      'Actions → Deactivate on the old key, wait long enough to be sure nothing breaks, then Actions → Delete.',
    ],
    messages: {
      keyTooOld: 'Access key {key} of user {resourceName} was last rotated {days} days ago (limit {max}); {count, plural, one {# active key is} other {# active keys are}} over the limit.',
      keysFresh: 'The active access keys of user {resourceName} are at most {days, plural, one {# day} other {# days}} old (limit {max}).',
      noActiveKeys: 'User {resourceName} has no active access keys.',
      rotationUnknown: 'The credential report gives no creation date for active {count, plural, one {access key {key} of user {resourceName}, so its age is} other {access keys {key} of user {resourceName}, so their ages are}} unknown.',
    },
  },
  nl: {
    title: 'Actieve toegangssleutels van IAM-gebruikers worden binnen de maximale leeftijd vervangen (standaard 90 dagen)',
    risk:
      'Een toegangssleutel is een wachtwoord dat nooit verloopt en nooit wordt ingetikt: hij staat in configuratiebestanden, ' +
      'CI-variabelen, op laptops en in oude back-ups. Hoe langer een sleutel meegaat, hoe meer kopieën er rondslingeren en ' +
      'hoe langer een gelekte kopie onopgemerkt blijft werken.',
    fixSummary: 'Maak een nieuwe toegangssleutel aan, zet alle workloads erop over en deactiveer en verwijder daarna de oude.',
    fixSteps: [
      'Beter nog: vervang de sleutel door een rol. Workloads op AWS krijgen tijdelijke credentials via een instance profile of een ECS-taakrol, CI-systemen via OIDC-federatie.',
      '{consoleUrl}/iam → Users → {resourceName} → Security credentials → Access keys → Create access key (een gebruiker kan twee sleutels hebben; verwijder eerst een ongebruikte inactieve sleutel als beide plekken bezet zijn).',
      'Vervang de oude sleutel overal door de nieuwe; bij de oude sleutel zie je onder "Last used" of er nog iets mee aanroept.',
      'Actions → Deactivate op de oude sleutel, wacht tot je zeker weet dat er niets stukgaat, en dan Actions → Delete.',
    ],
    messages: {
      keyTooOld: 'Toegangssleutel {key} van gebruiker {resourceName} is {days} dagen geleden voor het laatst vervangen (grens {max}); {count, plural, one {# actieve sleutel zit} other {# actieve sleutels zitten}} boven de grens.',
      keysFresh: 'De actieve toegangssleutels van gebruiker {resourceName} zijn hooguit {days, plural, one {# dag} other {# dagen}} oud (grens {max}).',
      noActiveKeys: 'Gebruiker {resourceName} heeft geen actieve toegangssleutels.',
      rotationUnknown: 'Het credential report geeft geen aanmaakdatum voor actieve {count, plural, one {toegangssleutel {key}} other {toegangssleutels {key}}} van gebruiker {resourceName}, dus de leeftijd is onbekend.',
    },
  },
});
