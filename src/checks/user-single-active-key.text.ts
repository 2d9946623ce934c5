import { defineText } from '../engine/text.js';

export const text = defineText({
  cli: 'aws iam list-access-keys --user-name {resourceName}   # then, for the key no longer in use: aws iam update-access-key --user-name {resourceName} --access-key-id <AKIA…> --status Inactive',
  en: {
    title: 'IAM users have at most one active access key',
    risk:
      'Two active keys double the number of long-lived secrets that can leak, and usually mean a rotation was started and ' +
      'never finished: the old key still works, often in places nobody remembers.',
    fixSummary: 'Find out which key is still in use, then deactivate and delete the other one.',
    fixSteps: [
      '{consoleUrl}/iam → Users → {resourceName} → Security credentials → Access keys: compare "Last used" of both keys.',
      'Move anything still using the older key to the newer one.',
      'Actions → Deactivate on the key that is no longer needed; once nothing breaks, Actions → Delete.',
    ],
    messages: {
      twoActiveKeys: 'User {resourceName} has two active access keys.',
      oneActiveKey: 'User {resourceName} has one active access key.',
      noActiveKeys: 'User {resourceName} has no active access keys.',
    },
  },
  nl: {
    title: 'IAM-gebruikers hebben hooguit één actieve toegangssleutel',
    risk:
      'Twee actieve sleutels betekent twee keer zoveel langlevende geheimen die kunnen lekken, en meestal een vervanging die ' +
      'is begonnen maar nooit afgerond: de oude sleutel werkt nog, vaak op plekken die niemand zich herinnert.',
    fixSummary: 'Zoek uit welke sleutel nog in gebruik is en deactiveer en verwijder de andere.',
    fixSteps: [
      '{consoleUrl}/iam → Users → {resourceName} → Security credentials → Access keys: vergelijk "Last used" van beide sleutels.',
      'Zet alles wat de oudere sleutel nog gebruikt over op de nieuwere.',
      'Actions → Deactivate op de sleutel die niet meer nodig is; gaat er niets stuk, dan Actions → Delete.',
    ],
    messages: {
      twoActiveKeys: 'Gebruiker {resourceName} heeft twee actieve toegangssleutels.',
      oneActiveKey: 'Gebruiker {resourceName} heeft één actieve toegangssleutel.',
      noActiveKeys: 'Gebruiker {resourceName} heeft geen actieve toegangssleutels.',
    },
  },
});
