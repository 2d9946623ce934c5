import type { Lang, Params } from './types.js';

/**
 * The words of one check in one language. Placeholders are `{name}`: finding parameters plus
 * `{accountId}`, `{partition}`, `{region}`, `{resourceName}`, `{resourceArn}` and `{consoleUrl}`.
 * `messages` are ICU MessageFormat (plurals: `{count, plural, one {# key} other {# keys}}`,
 * apostrophes literal); the other texts are plain `{name}` templates.
 */
export interface Texts<M extends string> {
  /** The compliant state: "Root user has MFA enabled". */
  title: string;
  /** What it means: the concrete impact of the weakness. */
  risk: string;
  /** One line for the table: the first thing to do. */
  fixSummary: string;
  /** How to fix it: console steps, one per array item. */
  fixSteps: string[];
  messages: Record<M, string>;
}

export interface CheckText<M extends string> {
  /** A runnable `aws` CLI command, the same in every language; absent when no API can fix it. */
  cli?: string;
  /**
   * A different command for findings with these message ids (an inline policy is deleted with
   * other commands than a managed one is detached). Its placeholders may also name the finding's
   * plain parameters (strings and numbers), such as `{holderName}`.
   */
  cliFor?: Partial<Record<M, string>>;
  en: Texts<M>;
  nl: Texts<M>;
}

/** Ties the Dutch catalogue to the English message ids: a missing or extra key does not compile. */
export function defineText<M extends string>(text: {
  cli?: string;
  cliFor?: Partial<Record<NoInfer<M>, string>>;
  en: Texts<M>;
  nl: Texts<NoInfer<M>>;
}): CheckText<M> {
  return text;
}

/**
 * The command for one finding and the values its placeholders are filled from besides the
 * resource's (`vars`): the message id's own command, else the check's.
 */
export function cliFor(text: CheckText<string>, finding: { messageId: string; params: Params }): { template: string; values: Record<string, string> } | undefined {
  const template = text.cliFor?.[finding.messageId] ?? text.cli;
  if (template === undefined) return undefined;
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(finding.params)) if (typeof value === 'string' || typeof value === 'number') values[key] = String(value);
  return { template, values };
}

const PLACEHOLDER = /\{([A-Za-z][A-Za-z0-9]*)\}/g;

export function placeholders(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((m) => m[1] as string).sort();
}

// Templates are split once into literal and placeholder pieces: a scan fills the same few hundred
// templates tens of thousands of times.
const compiled = new Map<string, string[]>();

function piecesOf(template: string): string[] {
  let pieces = compiled.get(template);
  if (!pieces) {
    // split() with a capture group alternates literal, key, literal, key, …, literal.
    pieces = template.split(PLACEHOLDER);
    compiled.set(template, pieces);
  }
  return pieces;
}

/** Fills `{name}` placeholders; an unknown one stays visible rather than vanishing. */
export function interpolate(template: string, params: Params): string {
  return interpolateWith(template, (key) => params[key]);
}

/**
 * interpolate() with each value asked for by name, so only the placeholders the template names
 * are looked up (and, for a shell command, quoted).
 */
export function interpolateWith(template: string, value: (key: string) => unknown): string {
  const pieces = piecesOf(template);
  let out = pieces[0] as string;
  for (let i = 1; i < pieces.length; i += 2) {
    const key = pieces[i] as string;
    const v = value(key);
    out += (v === undefined ? `{${key}}` : String(v)) + (pieces[i + 1] as string);
  }
  return out;
}

// Messages the engine itself emits (ERROR findings and empty checks), with `engine.` ids.
export const engineMessages = {
  en: {
    'engine.evidenceUnavailable': 'Evidence "{part}" could not be read ({code}{actionNote}): {errorMessage}',
    'engine.checkCrashed': 'The check failed on this evidence: {errorMessage}',
    'engine.noResources': 'Nothing to check: the evidence holds no {resourceKind, select, AwsIamUser {IAM users} AwsIamPolicy {IAM policies} AwsIamRole {IAM roles} AwsIamServerCertificate {server certificates} AwsAccessAnalyzerRegion {enabled regions} other {{resourceKind}}} in this account.',
    'engine.judgedTwice': 'Check {checkId} reached {count} verdicts on this resource ({statuses}); the evidence may name it twice. Not judged.',
    'engine.removedCheck': 'This version of aws-lockdown no longer has check {checkId}; the finding was stored by an earlier version (message {messageId}).',
    'engine.removedMessage': 'This version of aws-lockdown has no text for message {messageId} of check {checkId}; the finding was stored by an earlier version.',
  },
  nl: {
    'engine.evidenceUnavailable': 'Bewijs "{part}" kon niet worden gelezen ({code}{actionNote}): {errorMessage}',
    'engine.checkCrashed': 'De controle liep vast op dit bewijs: {errorMessage}',
    'engine.noResources': 'Niets te controleren: het bewijs bevat geen {resourceKind, select, AwsIamUser {IAM-gebruikers} AwsIamPolicy {IAM-policy’s} AwsIamRole {IAM-rollen} AwsIamServerCertificate {servercertificaten} AwsAccessAnalyzerRegion {ingeschakelde regio’s} other {{resourceKind}}} in dit account.',
    'engine.judgedTwice': 'Check {checkId} kwam tot {count} oordelen over deze resource ({statuses}); mogelijk noemt het bewijs hem twee keer. Niet beoordeeld.',
    'engine.removedCheck': 'Deze versie van aws-lockdown heeft check {checkId} niet meer; de bevinding is opgeslagen door een eerdere versie (bericht {messageId}).',
    'engine.removedMessage': 'Deze versie van aws-lockdown heeft geen tekst voor bericht {messageId} van check {checkId}; de bevinding is opgeslagen door een eerdere versie.',
  },
} satisfies Record<Lang, Record<string, string>>;

export type EngineMessageId = keyof (typeof engineMessages)['en'];

// Words shared by every check's remediation.
export const commonText = {
  en: {
    rootOnly: 'Only the root user can do this: sign in as root (e-mail address and password) to make this change.',
    removedCheck: 'Check {checkId} (not in this version of aws-lockdown)',
  },
  nl: {
    rootOnly: 'Alleen de root-gebruiker kan dit: log in als root (e-mailadres en wachtwoord) om dit aan te passen.',
    removedCheck: 'Check {checkId} (niet in deze versie van aws-lockdown)',
  },
} satisfies Record<Lang, Record<string, string>>;
