// Mutelist globs: `*` matches any run of characters (ARN paths and colons included), `?` one
// character, everything else itself. No regular expressions, no substring matching (STYLE.md §9).
const BAD = /[[\]{}()|^$\\\s]/;

export function globProblem(pattern: string): string | undefined {
  if (pattern.length === 0) return 'an empty pattern matches nothing';
  const bad = BAD.exec(pattern);
  if (bad) return `'${bad[0]}' is not allowed in a pattern (only * and ? are wildcards)`;
  return undefined;
}

export function globToRegExp(pattern: string): RegExp {
  const body = pattern.replace(/[.+^${}()|[\]\\/]/g, '\\$&').replace(/\*+/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${body}$`, 's');
}

export const isGlob = (pattern: string) => /[*?]/.test(pattern);
