// zod's locales alone, not zod: a CLI that only prints its version must not load the whole library.
import zodEn from 'zod/v4/locales/en.js';
import zodNl from 'zod/v4/locales/nl.js';
import type { $ZodIssue } from 'zod/v4/core';
import { formatMessage } from './format.js';
import type { Lang } from './lang.js';
import { MESSAGES, type MessageId } from './messages.js';
import type { Param } from './params.js';

export { formatMessage, formatParam, formatTemplate, templateArguments } from './format.js';
export { LANGS, langFromArgs, localeLang, type Lang } from './lang.js';
export { day, list, term, type DateParam, type Param, type ParamList, type Params, type Term } from './params.js';
export type { MessageId } from './messages.js';

// Code says what happened as a message id and parameters; the words come when a caller puts it
// into its own language (`say`). Nothing here holds a "current language": the CLI, a server
// request and a stored scan each pass theirs.

type ZodIssue = $ZodIssue;

/** A CLI message before it is put into words. Parameters may be messages or zod issues themselves. */
export interface Message {
  id: MessageId;
  params: Record<string, MessageParam>;
}
export type MessageParam = Param | Message | { zodIssue: ZodIssue };

export function msg(id: MessageId, params: Record<string, MessageParam> = {}): Message {
  return { id, params };
}

const isMessage = (value: MessageParam): value is Message => typeof value === 'object' && 'id' in value && 'params' in value;

/** A message in one language. */
export function say(lang: Lang, message: Message): string {
  const params: Record<string, Param> = {};
  for (const [key, value] of Object.entries(message.params)) {
    if (typeof value === 'object' && 'zodIssue' in value) params[key] = zodIssueText(lang, value.zodIssue);
    else params[key] = isMessage(value) ? say(lang, value) : value;
  }
  return formatMessage(lang, MESSAGES[lang][message.id], params);
}

// zod keeps a custom error as a string; a message carried through it is marked so that it is
// put into the reader's language when the issue is shown, not when the schema was built.
const MARK = '\u0000lockdown:';

/** A message as a zod custom error (`{ error: () => messageRef(msg('wholeDays')) }`). */
export function messageRef(message: Message): string {
  return MARK + JSON.stringify(message);
}

const ZOD_LOCALES = { en: zodEn(), nl: zodNl() } satisfies Record<Lang, { localeError: unknown }>;

/** A zod issue in one language: our own message if the schema gave one, else zod's words for it. */
export function zodIssueText(lang: Lang, issue: ZodIssue): string {
  if (issue.message.startsWith(MARK)) return say(lang, JSON.parse(issue.message.slice(MARK.length)) as Message);
  const text = ZOD_LOCALES[lang].localeError(issue as never) as string | { message: string } | undefined;
  return typeof text === 'string' ? text : (text?.message ?? issue.message);
}
