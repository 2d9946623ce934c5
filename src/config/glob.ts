import { msg, type Message } from '../i18n/index.js';
// Mutelist globs: `*` matches any run of characters (ARN paths and colons included), `?` one
// character, everything else itself. No regular expressions, no substring matching (STYLE.md §9).
const BAD = /[[\]{}()|^$\\\s]/;

export function globProblem(pattern: string): Message | undefined {
  if (pattern.length === 0) return msg('patternEmpty');
  const bad = BAD.exec(pattern);
  if (bad) return msg('patternChar', { char: bad[0] });
  return undefined;
}

export function globToRegExp(pattern: string): RegExp {
  const body = pattern.replace(/[.+^${}()|[\]\\/]/g, '\\$&').replace(/\*+/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${body}$`, 's');
}

export const isGlob = (pattern: string) => /[*?]/.test(pattern);
