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

/**
 * Whether `text` matches the glob `pattern` as a whole. The two-pointer wildcard algorithm: on a
 * mismatch it returns to the last `*` and lets it swallow one more character, never to an earlier
 * one, so the worst case is O(pattern × text) steps. A regular expression `^a.*a.*…$` backtracks
 * exponentially instead (a 64-character name against 8 stars took minutes; issue 11 item 7).
 */
export function globMatch(pattern: string, text: string): boolean {
  // The part after the last star must end the text: checking it first rejects most ARNs at once.
  const tail = pattern.length - 1 - pattern.lastIndexOf('*');
  if (pattern.length - tail > 0 && !fixedAt(pattern, pattern.length - tail, text, text.length - tail, tail)) return false;
  let p = 0;
  let t = 0;
  let star = -1;
  let resume = 0;
  while (t < text.length) {
    const c = pattern[p];
    if (c === '*') {
      star = p++;
      resume = t;
    } else if (c !== undefined && (c === '?' || c === text[t])) {
      p++;
      t++;
    } else if (star >= 0) {
      p = star + 1;
      t = ++resume;
    } else {
      return false;
    }
  }
  while (pattern[p] === '*') p++;
  return p === pattern.length;
}

/** `length` star-free pattern characters from `p` match the text from `t`. */
function fixedAt(pattern: string, p: number, text: string, t: number, length: number): boolean {
  if (t < 0) return false;
  for (let i = 0; i < length; i++) if (pattern[p + i] !== '?' && pattern[p + i] !== text[t + i]) return false;
  return true;
}

export const isGlob = (pattern: string) => /[*?]/.test(pattern);

/** A matcher for one glob, for applying the same pattern to many names (a plain id is compared whole). */
export const globMatcher = (pattern: string) => (isGlob(pattern) ? (text: string) => globMatch(pattern, text) : (text: string) => text === pattern);
