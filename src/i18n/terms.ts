import type { Lang } from './lang.js';

// The words that findings name things with, in each language. ICU syntax: `{kind, select, …}`.
// Dutch renders access keys as "toegangssleutel" and IAM users, groups and roles as "gebruiker",
// "groep" and "rol"; contact types as the task the contact has (docs/decisions.md).
export const TERMS = {
  en: {
    password: 'password',
    accessKey: 'access key {n}',
    principal: '{kind, select, user {user} group {group} role {role} other {{kind}}} {name}',
    /** A policy by name; `inline` is yes for an inline policy. */
    policy: '{inline, select, yes {{name} (inline)} other {{name}}}',
    /** A policy a user holds through a group. */
    groupPolicy: 'group {group}: {inline, select, yes {{name} (inline)} other {{name}}}',
    contact: '{type, select, BILLING {billing} OPERATIONS {operations} SECURITY {security} other {{type}}}',
    more: '{count} more',
  },
  nl: {
    password: 'wachtwoord',
    accessKey: 'toegangssleutel {n}',
    principal: '{kind, select, user {gebruiker} group {groep} role {rol} other {{kind}}} {name}',
    policy: '{inline, select, yes {{name} (inline)} other {{name}}}',
    groupPolicy: 'groep {group}: {inline, select, yes {{name} (inline)} other {{name}}}',
    contact: '{type, select, BILLING {facturatie} OPERATIONS {beheer} SECURITY {beveiliging} other {{type}}}',
    more: 'nog {count}',
  },
} as const satisfies Record<Lang, Record<string, string>>;

export type TermId = keyof (typeof TERMS)['en'];
