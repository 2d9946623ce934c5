import type { Lang } from './lang.js';

// The words that findings name things with, in each language. ICU syntax: `{kind, select, …}`.
export const TERMS = {
  en: {
    password: 'password',
    accessKey: 'access key {n}',
    principal: '{kind, select, user {user} group {group} role {role} other {{kind}}} {name}',
    more: '{count} more',
  },
  nl: {
    password: 'wachtwoord',
    accessKey: 'toegangssleutel {n}',
    principal: '{kind, select, user {gebruiker} group {groep} role {rol} other {{kind}}} {name}',
    more: 'nog {count}',
  },
} as const satisfies Record<Lang, Record<string, string>>;

export type TermId = keyof (typeof TERMS)['en'];
