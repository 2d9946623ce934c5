import type { z } from 'zod';
import { msg, type Message } from '../i18n/index.js';

type Issue = z.core.$ZodIssue;

// A union failure nests one issue list per branch; the branch that got deepest into the input
// is the one the author meant, so its first issue is the useful one to show.
function deepest(issue: Issue): Issue {
  if (issue.code !== 'invalid_union' || issue.errors.length === 0) return issue;
  let best: Issue = issue;
  let bestDepth = -1;
  for (const branch of issue.errors) {
    for (const inner of branch) {
      const candidate = deepest({ ...inner, path: [...issue.path, ...inner.path] } as Issue);
      if (candidate.path.length > bestDepth) {
        best = candidate;
        bestDepth = candidate.path.length;
      }
    }
  }
  return best;
}

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out || '(top level)';
}

/**
 * The first issue of a zod error as `field a.b[2].c: message`, for one-line CLI errors. The issue
 * is put into words in the reader's language when the message is shown (parse with reportInput,
 * so that zod can say what it received).
 */
export function firstIssue(error: z.ZodError, within: (path: readonly PropertyKey[]) => number = () => 0): { path: PropertyKey[]; said: Message } {
  const issue = deepest(error.issues[0] as Issue);
  const detail = issue.code === 'unrecognized_keys' ? msg('unknownKeys', { keys: issue.keys.map((k) => `'${k}'`).join(', ') }) : { zodIssue: issue };
  // `within` says how many leading path keys the reader already knows (a file that holds one part).
  return { path: [...issue.path], said: msg('atField', { field: formatPath(issue.path.slice(within(issue.path))), detail }) };
}
