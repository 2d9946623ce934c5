import { InputError } from '../errors.js';
import { msg } from '../i18n/index.js';
import { consistent, type OnInconsistent } from './consistency.js';
import { evidenceDocument, ORGANIZATION_PART_NAMES, PART_ACTIONS, PART_NAMES, type Evidence, type OrganizationPartName, type Part, type PartName } from './schema.js';
import { firstIssue } from './zod-issue.js';
import { NOT_ORGANIZATION_SCAN } from './organization-only.js';

export interface ParseOptions {
  /** Names the file a part came from (an export folder), so a problem inside it is reported there. */
  fileOfPart?: (part: string) => string | undefined;
  /** Offline input is refused when inconsistent (the default); live evidence gets error parts. */
  onInconsistent?: OnInconsistent;
}

/**
 * Validates an evidence document, fills every absent part with a NotCollected error and makes
 * sure it is consistent before anything judges it (./consistency.ts). `label` names the input in
 * an error, with the field path inside the part.
 */
export function parseEvidence(json: unknown, label: string, options: ParseOptions | ParseOptions['fileOfPart'] = {}): Evidence {
  const { fileOfPart, onInconsistent = 'refuse' } = typeof options === 'function' ? { fileOfPart: options } : options;
  const result = evidenceDocument.safeParse(json, { reportInput: true });
  if (!result.success) {
    const partFile = (path: readonly PropertyKey[]) => (path[0] === 'parts' ? fileOfPart?.(String(path[1])) : undefined);
    const issue = firstIssue(result.error, (path) => (partFile(path) ? 2 : 0));
    throw new InputError(msg('atFile', { path: partFile(issue.path) ?? label, detail: issue.said }));
  }
  const doc = result.data;
  const parts = {} as Record<PartName, Part<unknown>>;
  for (const name of PART_NAMES) {
    parts[name] = doc.parts[name] ?? (ORGANIZATION_PART_NAMES.includes(name as OrganizationPartName) ? notOrganizationScan(name) : notCollected(name));
  }
  const evidence = { ...doc, parts: parts as Evidence['parts'], accessAnalyzers: doc.accessAnalyzers ?? {} };
  return consistent(evidence, onInconsistent, label, fileOfPart);
}

export function notCollected(name: PartName): Part<never> {
  return {
    ok: false,
    error: { code: 'NotCollected', message: `the evidence holds no '${name}' part`, action: PART_ACTIONS[name] },
  };
}

export function notOrganizationScan(name: PartName): Part<never> {
  return {
    ok: false,
    error: { code: NOT_ORGANIZATION_SCAN, message: `only an organisation scan collects '${name}'`, action: PART_ACTIONS[name] },
  };
}
