import { defineText } from '../engine/text.js';

export const text = defineText({
  cli: 'aws iam add-user-to-group --user-name {resourceName} --group-name <group>',
  en: {
    title: 'Every IAM user belongs to a group',
    risk:
      'A user outside every group either has no purpose (a leftover account that can still hold credentials) or gets its ' +
      'permissions attached one by one, where nobody reviews them. Groups are what make permissions readable: who can do ' +
      'what follows from the group, and removing someone from it removes the access.',
    fixSummary: 'Add the user to the group that matches its job, or delete the user if nobody needs it any more.',
    fixSteps: [
      'Check whether {resourceName} is still needed: {consoleUrl}/iam → Users → {resourceName} shows the last console sign-in and access key use.',
      'If it is no longer needed, delete the user (Users → {resourceName} → Delete).',
      'Otherwise open User groups → <group> → Users → Add users and add {resourceName}, creating a group for the job if none fits.',
      'Then move any policies attached to the user itself into that group.',
    ],
    messages: {
      noGroup: 'User {resourceName} is not a member of any group.',
      inGroup: 'User {resourceName} is a member of: {groups}.',
    },
  },
  nl: {
    title: 'Elke IAM-gebruiker zit in een groep',
    risk:
      'Een gebruiker die in geen enkele groep zit, heeft óf geen doel meer (een overgebleven account dat nog steeds sleutels ' +
      'kan hebben), óf krijgt zijn rechten los toegekend, waar niemand ze controleert. Groepen maken rechten overzichtelijk: ' +
      'wie wat mag volgt uit de groep, en wie uit de groep gaat, raakt de toegang kwijt.',
    fixSummary: 'Zet de gebruiker in de groep die bij zijn taak past, of verwijder de gebruiker als niemand hem nog nodig heeft.',
    fixSteps: [
      'Ga na of {resourceName} nog nodig is: {consoleUrl}/iam → Users → {resourceName} toont de laatste console-login en het laatste gebruik van toegangssleutels.',
      'Niet meer nodig? Verwijder de gebruiker (Users → {resourceName} → Delete).',
      'Anders: open User groups → <groep> → Users → Add users en voeg {resourceName} toe; maak een groep voor de taak als er nog geen past.',
      'Verplaats daarna de policy’s die direct aan de gebruiker hangen naar die groep.',
    ],
    messages: {
      noGroup: 'Gebruiker {resourceName} zit in geen enkele groep.',
      inGroup: 'Gebruiker {resourceName} zit in: {groups}.',
    },
  },
});
