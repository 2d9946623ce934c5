import type { PartDef, PartJson } from './define.js';

/**
 * The one way a regional part's per-region reads become evidence, for the live collector and the
 * export importer alike. 'keyed' parts keep one part per region; 'merged' parts (Identity Center,
 * which lives in one region that a scan cannot know in advance) hold every region's items, and
 * any unreadable region makes them an error: it could be the one that holds the data.
 */
export function mergeRegions(def: PartDef, perRegion: Record<string, PartJson>, observedAt: string): PartJson {
  const answers = Object.values(perRegion);
  const failed = answers.find((p) => 'error' in p);
  if (failed) return failed;
  const data = answers.flatMap((p) => ('data' in p ? (p.data as unknown[]) : []));
  return { source: 'api', action: def.actions[0], observedAt, data };
}

/** A regional part when the enabled regions could not be read: it fails for the same reason. */
export function regionsUnknown(def: PartDef, regionsPart: Extract<PartJson, { error: unknown }>): PartJson {
  return { error: { ...regionsPart.error, action: def.actions[0] } };
}
