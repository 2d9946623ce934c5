import { InputError } from '../errors.js';
import { msg } from '../i18n/index.js';
import { evidenceDocument, PART_ACTIONS, PART_NAMES, type Evidence, type Part, type PartName } from './schema.js';
import { firstIssue } from './zod-issue.js';

/** Validates an evidence document and fills every absent part with a NotCollected error. */
export function parseEvidence(json: unknown, label: string): Evidence {
  const result = evidenceDocument.safeParse(json, { reportInput: true });
  if (!result.success) throw new InputError(msg('atFile', { path: label, detail: firstIssue(result.error).said }));
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
