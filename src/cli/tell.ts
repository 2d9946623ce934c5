import { say, type Lang, type Message, type MessageParam } from '../i18n/index.js';
import { safeText } from '../report/safe-text.js';

// Every line the CLI prints outside a report goes through tell(): the one place where a message
// meets the terminal. Values the message quotes from a user's file are shown, not dumped.

/** Characters of a quoted value (`got {value}`) shown before "…": enough to recognise it. */
const VALUE_CHARS = 60;
/** Characters of a detail from a library or AWS (`{detail}`) shown before "…". */
const DETAIL_CHARS = 300;
const CAPS: Record<string, number> = { value: VALUE_CHARS, detail: DETAIL_CHARS };

/**
 * A message in the user's language, safe for a terminal: quoted values capped, control and bidi
 * characters shown as `\uXXXX` (report/safe-text.ts), and the user-info part of any URL
 * (`https://user:secret@host`, from --endpoint-url or an SDK error) shown as `***`.
 */
export function tell(lang: Lang, message: Message): string {
  return redactUrlCredentials(safeText(say(lang, capped(message))));
}

export function redactUrlCredentials(text: string): string {
  return text.replace(/\b([a-z][a-z0-9+.-]*:\/\/)[^\s/?#@]+@/gi, '$1***@');
}

function capped(message: Message): Message {
  const params: Record<string, MessageParam> = {};
  for (const [key, value] of Object.entries(message.params)) {
    const cap = CAPS[key];
    if (typeof value === 'string' && cap !== undefined) params[key] = cut(value, cap);
    else if (typeof value === 'object' && 'id' in value && 'params' in value) params[key] = capped(value);
    else params[key] = value;
  }
  return { id: message.id, params };
}

function cut(text: string, max: number): string {
  const chars = [...text];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : text;
}
