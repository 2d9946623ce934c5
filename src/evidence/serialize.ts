import { isNotOrganizationScan } from './organization-only.js';
import type { Evidence, Part } from './schema.js';

const strip = (part: Part<unknown>) => {
  const { ok: _ok, ...json } = part;
  return json;
};

/** The evidence file form of a document (`--save-evidence`); parseEvidence reads it back. */
export function serializeEvidence(evidence: Evidence): string {
  // An organisation-only part a one-account scan did not fill is left out, as it was read in.
  const map = (parts: Record<string, Part<unknown>>) => Object.fromEntries(Object.entries(parts).filter(([, v]) => !isNotOrganizationScan(v)).map(([k, v]) => [k, strip(v)]));
  return `${JSON.stringify({ ...evidence, parts: map(evidence.parts), accessAnalyzers: map(evidence.accessAnalyzers) }, null, 2)}\n`;
}
