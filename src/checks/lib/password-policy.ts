import type { Config } from '../../config/config.js';
import type { Evidence, PasswordPolicy } from '../../evidence/schema.js';
import { defineText, type CheckText } from '../../engine/text.js';
import type { CheckContext, Lang, Outcome, Params, ResourceFactory } from '../../engine/types.js';

// Shared by the account group: the password-policy checks (one evaluator, the yes/no rule, the
// words all of them repeat) and the alternate-contact checks (their console steps).

export type Thresholds = Config['thresholds'];

/** What a password-policy rule concludes; `policyRule` puts it on the policy resource. */
export interface Verdict<M extends string> {
  compliant: boolean;
  messageId: M;
  params?: Params;
}

export const meets = <M extends string>(messageId: M, params?: Params): Verdict<M> => ({ compliant: true, messageId, params });
export const fallsShort = <M extends string>(messageId: M, params?: Params): Verdict<M> => ({ compliant: false, messageId, params });

/** The fields every password-policy check shares: the policy is its one resource. */
export const onPasswordPolicy = {
  resourceType: 'AwsIamPasswordPolicy',
  resource: (r: ResourceFactory) => r.passwordPolicy(),
} as const;

/**
 * A password-policy check's `evaluate`. GetAccountPasswordPolicy answers NoSuchEntity when no
 * custom policy is set and the collector records that as null: the AWS default policy applies, a
 * fact to judge, not unreadable evidence. An unreadable policy throws through `need` (ERROR).
 */
export function policyRule<M extends string>(judge: (policy: PasswordPolicy | null, thresholds: Thresholds) => Verdict<M>) {
  return (ev: Evidence, ctx: CheckContext<M>): Outcome<M>[] => {
    const verdict = judge(ctx.need(ev.parts.passwordPolicy), ctx.config.thresholds);
    const resource = ctx.resources.passwordPolicy();
    return [verdict.compliant ? ctx.pass(resource, verdict.messageId, verdict.params) : ctx.fail(resource, verdict.messageId, verdict.params)];
  };
}

type Flag = 'requireUppercaseCharacters' | 'requireLowercaseCharacters' | 'requireNumbers' | 'requireSymbols' | 'allowUsersToChangePassword';

/**
 * A yes/no setting. The AWS default policy sets none of them: it asks for three of the four
 * character kinds but no kind in particular, and lets users change their own password only
 * when an IAM policy grants iam:ChangePassword.
 */
export function flagRule<On extends string = 'required', Off extends string = 'notRequired'>(flag: Flag, on = 'required' as On, off = 'notRequired' as Off) {
  return policyRule<On | Off | 'defaultPolicy'>((policy) => {
    if (policy === null) return fallsShort('defaultPolicy');
    return policy[flag] ? meets(on) : fallsShort(off);
  });
}

/** The CLI fix shared by every password-policy check: all settings in one call, see `policyText`. */
export const POLICY_CLI =
  'aws iam update-account-password-policy --minimum-password-length 14 --require-symbols --require-numbers ' +
  '--require-uppercase-characters --require-lowercase-characters --allow-users-to-change-password ' +
  '--max-password-age 90 --password-reuse-prevention 24   # replaces the whole policy: always pass every option';

// The AWS default password policy, per the IAM User Guide ("Set an account password policy for
// IAM users", default password policy): 8 to 128 characters, three of four character kinds, not
// the account name or e-mail; no expiry, no reuse prevention, no self-service change. The values
// UpdateAccountPasswordPolicy falls back to for an omitted option come from the IAM API reference.
export const policyText = {
  en: {
    awsDefault:
      'the AWS default password policy applies: 8 to 128 characters from at least three of the four kinds (uppercase letters, ' +
      'lowercase letters, numbers, symbols), not identical to the account name or e-mail address; passwords never expire, old passwords ' +
      'may be reused, and users can change their own password only when an IAM policy grants iam:ChangePassword',
    fixSteps: [
      'Open {consoleUrl}/iam → Account settings → Password policy → Edit, and choose Custom.',
      'Set Password minimum length to 14 or more; tick all four Password strength boxes (uppercase, lowercase, number, non-alphanumeric character); ' +
        'tick Turn on password expiration and set 90 days; tick Allow users to change their own password; tick Prevent password reuse and remember 24 passwords. Save changes.',
      'With the CLI or API: UpdateAccountPasswordPolicy replaces the whole policy, so pass every setting in one call, as in the command below. ' +
        'An option you leave out falls back to its API default (minimum length 6, no character requirements, no expiry, no reuse prevention, ' +
        'users cannot change their own password) and silently undoes what was set before.',
      'Length and character rules apply from each user’s next password change; an expiry period applies at once, so users whose password is older must change it at their next sign-in.',
    ],
  },
  nl: {
    awsDefault:
      'geldt het standaard-wachtwoordbeleid van AWS: 8 tot 128 tekens uit minstens drie van de vier soorten (hoofdletters, ' +
      'kleine letters, cijfers, symbolen), niet gelijk aan de accountnaam of het e-mailadres; wachtwoorden verlopen nooit, ' +
      'oude wachtwoorden mogen opnieuw worden gebruikt en gebruikers kunnen hun eigen wachtwoord alleen wijzigen als een IAM-policy iam:ChangePassword toestaat',
    fixSteps: [
      'Open {consoleUrl}/iam → Account settings → Password policy → Edit en kies Custom.',
      'Zet Password minimum length op 14 of meer; vink alle vier vakjes onder Password strength aan (hoofdletter, kleine letter, cijfer, niet-alfanumeriek teken); ' +
        'vink Turn on password expiration aan met 90 dagen; vink Allow users to change their own password aan; vink Prevent password reuse aan met 24 onthouden wachtwoorden. Klik op Save changes.',
      'Via de CLI of API: UpdateAccountPasswordPolicy vervangt het hele beleid, dus geef alle instellingen in één aanroep mee, zoals in het commando hieronder. ' +
        'Een optie die je weglaat valt terug op de API-standaard (minimale lengte 6, geen tekeneisen, geen verloop, geen hergebruikpreventie, ' +
        'gebruikers kunnen hun wachtwoord niet zelf wijzigen) en draait ongemerkt terug wat eerder was ingesteld.',
      'Lengte- en tekeneisen gelden vanaf de volgende wachtwoordwijziging van elke gebruiker; een verlooptermijn geldt direct, dus wie een ouder wachtwoord heeft moet dat bij de volgende keer inloggen wijzigen.',
    ],
  },
} satisfies Record<Lang, { awsDefault: string; fixSteps: string[] }>;


/** A character kind in both languages: "uppercase letter" / "uppercase letters". */
export interface CharacterKind {
  one: string;
  many: string;
}

/**
 * The words of the four character-kind checks, which differ only in the kind. The AWS default
 * policy asks for three of the four kinds, so a default policy never guarantees any one of them.
 */
export function characterKindText(kind: Record<Lang, CharacterKind>): CheckText<'required' | 'notRequired' | 'defaultPolicy'> {
  const { en, nl } = kind;
  return defineText({
    cli: POLICY_CLI,
    en: {
      title: `Password policy requires at least one ${en.one}`,
      risk:
        `When passwords need not contain ${en.many}, users choose from fewer characters and fall back on predictable patterns ` +
        '(a word with a capital first and a digit at the end) that guessing and cracking tools try first. Each required kind makes ' +
        'the console passwords of IAM users harder to guess; length and MFA matter more, but CIS and Security Hub (IAM.7, IAM.11 to IAM.14) expect the rule.',
      fixSummary: `Require at least one ${en.one} in the password policy, passing every other setting in the same update.`,
      fixSteps: policyText.en.fixSteps,
      messages: {
        required: `The password policy requires at least one ${en.one}.`,
        notRequired: `The custom password policy accepts passwords without ${en.many}.`,
        defaultPolicy: `No custom password policy is set: the AWS default asks for three of the four kinds (uppercase, lowercase, numbers, symbols) but not for ${en.many} in particular.`,
      },
    },
    nl: {
      title: `Wachtwoordbeleid eist minstens één ${nl.one}`,
      risk:
        `Hoeven wachtwoorden geen ${nl.many} te bevatten, dan kiezen gebruikers uit minder tekens en vallen ze terug op voorspelbare patronen ` +
        '(een woord met een hoofdletter vooraan en een cijfer achteraan) die raad- en kraaktools als eerste proberen. Elke verplichte soort teken maakt ' +
        'de consolewachtwoorden van IAM-gebruikers moeilijker te raden; lengte en MFA wegen zwaarder, maar CIS en Security Hub (IAM.7, IAM.11 t/m IAM.14) verwachten deze eis.',
      fixSummary: `Eis minstens één ${nl.one} in het wachtwoordbeleid en geef alle andere instellingen in dezelfde wijziging mee.`,
      fixSteps: policyText.nl.fixSteps,
      messages: {
        required: `Het wachtwoordbeleid eist minstens één ${nl.one}.`,
        notRequired: `Het eigen wachtwoordbeleid accepteert wachtwoorden zonder ${nl.many}.`,
        defaultPolicy: `Er is geen eigen wachtwoordbeleid: de AWS-standaard vraagt drie van de vier soorten tekens (hoofdletters, kleine letters, cijfers, symbolen), maar niet specifiek ${nl.many}.`,
      },
    },
  });
}

// Alternate contacts: a standalone account edits its own on the Account page; a member account's
// contacts are edited from the management account or the Account Management delegated
// administrator, which needs trusted access for AWS Account Management (AWS Account Management
// Reference, "Update the alternate contacts for your AWS account").
export const contactText = {
  en: {
    open: 'Open {consoleUrl}/billing/home#/account (account menu → Account) and, under Alternate contacts, choose Edit.',
    organization:
      'In a member account of an organization, do it from the management account (or the delegated administrator for AWS Account Management): ' +
      'in the AWS Organizations console on the account, or with the command below plus --account-id {accountId}. Trusted access for AWS Account Management must be enabled.',
  },
  nl: {
    open: 'Open {consoleUrl}/billing/home#/account (accountmenu → Account) en kies onder Alternate contacts voor Edit.',
    organization:
      'Is dit een member-account in een organisatie, doe het dan vanuit het management-account (of de delegated administrator voor AWS Account Management): ' +
      'in de AWS Organizations-console bij het account, of met het commando hieronder plus --account-id {accountId}. Trusted access voor AWS Account Management moet aanstaan.',
  },
} satisfies Record<Lang, Record<string, string>>;
