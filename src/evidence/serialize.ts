import type { Evidence, Part } from './schema.js';

const strip = (part: Part<unknown>) => {
  const { ok: _ok, ...json } = part;
  return json;
};

/** The evidence file form of a document (`--save-evidence`); parseEvidence reads it back. */
export function serializeEvidence(evidence: Evidence): string {
  const map = (parts: Record<string, Part<unknown>>) => Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, strip(v)]));
  return `${JSON.stringify({ ...evidence, parts: map(evidence.parts), accessAnalyzers: map(evidence.accessAnalyzers) }, null, 2)}\n`;
}
