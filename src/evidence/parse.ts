import { InputError } from '../errors.js';
import { msg } from '../i18n/index.js';
import { evidenceDocument, PART_ACTIONS, PART_NAMES, type Evidence, type Part, type PartName } from './schema.js';
import { firstIssue } from './zod-issue.js';

/**
 * Validates an evidence document and fills every absent part with a NotCollected error. `label`
 * names the input in an error; `fileOfPart` names the file a part came from (an export folder),
 * so that a problem inside it is reported there, with the field path inside that part.
 */
export function parseEvidence(json: unknown, label: string, fileOfPart?: (part: string) => string | undefined): Evidence {
  const result = evidenceDocument.safeParse(json, { reportInput: true });
  if (!result.success) {
    const partFile = (path: readonly PropertyKey[]) => (path[0] === 'parts' ? fileOfPart?.(String(path[1])) : undefined);
    const issue = firstIssue(result.error, (path) => (partFile(path) ? 2 : 0));
    throw new InputError(msg('atFile', { path: partFile(issue.path) ?? label, detail: issue.said }));
  }
  const doc = result.data;
  const parts = {} as Record<PartName, Part<unknown>>;
  for (const name of PART_NAMES) {
    parts[name] = doc.parts[name] ?? notCollected(name);
  }
  return { ...doc, parts: parts as Evidence['parts'], accessAnalyzers: doc.accessAnalyzers ?? {} };
}

export function notCollected(name: PartName): Part<never> {
  return {
    ok: false,
    error: { code: 'NotCollected', message: `the evidence holds no '${name}' part`, action: PART_ACTIONS[name] },
  };
}
