import { InputError } from '../errors.js';
import { msg, say } from '../i18n/index.js';
import { oneAccount } from './consistency-account.js';
import { agreement } from './consistency-agree.js';
import { duplicates } from './consistency-duplicates.js';
import type { Problem } from './consistency-problem.js';
import { timesMakeSense } from './consistency-time.js';
import { possibleValues } from './consistency-values.js';
import { REGIONAL_RECORDS } from './parts/index.js';
import { PART_ACTIONS, type Evidence, type Part, type PartName } from './schema.js';

export type { Problem } from './consistency-problem.js';

/**
 * What to do with evidence that contradicts itself or AWS. 'refuse': offline input (a file, an
 * export folder) has someone who can fix it, so it stops with exit 2 naming the input, the part,
 * the field and the value. 'error': live evidence has no file to fix, so each affected part
 * becomes an error part and only the checks that need it give ERROR (docs/decisions.md).
 */
export type OnInconsistent = 'refuse' | 'error';

/** Every way the evidence cannot be judged as it stands, in document order per rule. */
export function inconsistencies(ev: Evidence): Problem[] {
  return [...oneAccount(ev), ...duplicates(ev), ...timesMakeSense(ev), ...possibleValues(ev), ...agreement(ev)];
}

/**
 * Evidence is consistent before it is judged (issue 11): one account and partition, each thing
 * listed once, no date after the collection, only values AWS can return, two answers to one fact
 * agree. Every source (saved evidence, export folder, console CSV, live collection) passes here,
 * through parseEvidence.
 */
export function consistent(ev: Evidence, on: OnInconsistent, label: string, fileOfPart?: (part: string) => string | undefined): Evidence {
  const problems = inconsistencies(ev);
  if (problems.length === 0) return ev;
  if (on === 'refuse' || problems.some((p) => p.part === 'account')) {
    const first = problems[0] as Problem;
    const file = fileOfPart?.(first.part.split('.')[0] as string);
    throw new InputError(msg('atFile', { path: file ?? label, detail: msg('inPart', { part: first.part, detail: first.detail }) }));
  }
  const parts = { ...ev.parts } as Record<PartName, Part<unknown>>;
  const accessAnalyzers = { ...ev.accessAnalyzers };
  for (const problem of problems) {
    const [name, region] = problem.part.split('.') as [string, string | undefined];
    const action = region === undefined ? PART_ACTIONS[name as PartName] : REGIONAL_RECORDS.accessAnalyzers.actions[0];
    // The first problem of a part is the one it reports; the rest are about data already set aside.
    const failed: Part<never> = { ok: false, error: { code: problem.code, message: say('en', problem.shared ?? problem.detail), action } };
    if (region !== undefined) {
      if (accessAnalyzers[region]?.ok) accessAnalyzers[region] = failed;
    } else if (parts[name as PartName].ok) parts[name as PartName] = failed;
  }
  return { ...ev, parts: parts as Evidence['parts'], accessAnalyzers };
}
