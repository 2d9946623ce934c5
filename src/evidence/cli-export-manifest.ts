import type { ExportCall, PartDef } from './parts/define.js';
import { IDENTITY_CALL, PARTS, REGIONAL_RECORDS } from './parts/index.js';

export type { ExportCall } from './parts/define.js';

/**
 * The files of an AWS CLI export folder (SPEC §4): the contract between the script that
 * `lockdown evidence commands` prints and the importer that reads the folder, gathered from the
 * part modules. `{region}` files are written once per enabled region.
 */
const allParts: PartDef[] = [...Object.values(PARTS), ...Object.values(REGIONAL_RECORDS)];

/** Every call the script makes, the caller identity first (legacy files are only read). */
export const EXPORT_CALLS: readonly (Omit<ExportCall, 'normalise'> & { perRegion?: boolean })[] = [
  IDENTITY_CALL,
  ...allParts.flatMap((p) => p.exports.filter((c) => !c.legacy).map((c) => ({ ...c, perRegion: p.regional !== undefined }))),
];

/** Written by the script: when and with which CLI the folder was collected. */
export const EXPORT_METADATA_FILE = 'lockdown-export.json';
