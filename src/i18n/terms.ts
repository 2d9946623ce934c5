import type { Lang } from './lang.js';

// The words that findings name things with, in each language. ICU syntax: `{kind, select, …}`.
// Dutch renders access keys as "toegangssleutel" and IAM users, groups and roles as "gebruiker",
// "groep" and "rol"; contact types as the task the contact has (docs/decisions.md).
export const TERMS = {
  en: {
    password: 'password',
    accessKey: 'access key {n}',
    /** A credential with its idle time; `never` is yes when the report shows no use at all. */
    credentialIdle:
      '{credential, select, password {password} other {access key {n}}} ({never, select, yes {never used, set {days, plural, one {# day} other {# days}} ago} other {last used {days, plural, one {# day} other {# days}} ago}})',
    principal: '{kind, select, user {user} group {group} role {role} other {{kind}}} {name}',
    /** A policy by name; `inline` is yes for an inline policy. */
    policy: '{inline, select, yes {{name} (inline)} other {{name}}}',
    /** A policy a user holds through a group. */
    groupPolicy: 'group {group}: {inline, select, yes {{name} (inline)} other {{name}}}',
    /** An admin-equivalent policy: `except` lists its NotAction entries. */
    policyAllBut: '{inline, select, yes {{name} (inline)} other {{name}}}, which allows everything except {except}',
    groupPolicyAllBut: 'group {group}: {inline, select, yes {{name} (inline)} other {{name}}}, which allows everything except {except}',
    contact: '{type, select, BILLING {billing} OPERATIONS {operations} SECURITY {security} other {{type}}}',
    more: '{count} more',
    /** A kind of root credential and how many of it exist (org-member-root-credentials). */
    rootCredential:
      '{kind, select, password {a console password} accessKeys {{count, plural, one {# access key} other {# access keys}}} mfaDevices {{count, plural, one {# MFA device} other {# MFA devices}}} other {{count, plural, one {# signing certificate} other {# signing certificates}}}}',
  },
  nl: {
    password: 'wachtwoord',
    accessKey: 'toegangssleutel {n}',
    credentialIdle:
      '{credential, select, password {wachtwoord} other {toegangssleutel {n}}} ({never, select, yes {nooit gebruikt, {days, plural, one {# dag} other {# dagen}} geleden ingesteld} other {{days, plural, one {# dag} other {# dagen}} geleden voor het laatst gebruikt}})',
    principal: '{kind, select, user {gebruiker} group {groep} role {rol} other {{kind}}} {name}',
    policy: '{inline, select, yes {{name} (inline)} other {{name}}}',
    groupPolicy: 'groep {group}: {inline, select, yes {{name} (inline)} other {{name}}}',
    policyAllBut: '{inline, select, yes {{name} (inline)} other {{name}}}, die alles toestaat behalve {except}',
    groupPolicyAllBut: 'groep {group}: {inline, select, yes {{name} (inline)} other {{name}}}, die alles toestaat behalve {except}',
    contact: '{type, select, BILLING {facturatie} OPERATIONS {beheer} SECURITY {beveiliging} other {{type}}}',
    more: 'nog {count}',
    rootCredential:
      '{kind, select, password {een consolewachtwoord} accessKeys {{count, plural, one {# toegangssleutel} other {# toegangssleutels}}} mfaDevices {{count, plural, one {# MFA-apparaat} other {# MFA-apparaten}}} other {{count, plural, one {# ondertekeningscertificaat} other {# ondertekeningscertificaten}}}}',
  },
} as const satisfies Record<Lang, Record<string, string>>;

export type TermId = keyof (typeof TERMS)['en'];
