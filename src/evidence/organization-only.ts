import type { Part } from './parts/define.js';

/**
 * The error code of an organisation-only part (ORGANIZATION_PARTS) that a scan did not fill
 * because it was no organisation scan: a fact about the scan, not a failed read. Its checks
 * report NOT_APPLICABLE with that reason, and the account's evidence list leaves it out.
 */
export const NOT_ORGANIZATION_SCAN = 'NotOrganizationScan';

/** An organisation-only part that this scan, being no organisation scan, did not fill. */
export const isNotOrganizationScan = (part: Part<unknown>): boolean => !part.ok && part.error.code === NOT_ORGANIZATION_SCAN;
