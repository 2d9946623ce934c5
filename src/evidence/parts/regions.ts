import { arr, obj } from './aws-shape.js';
import { definePart, stringList } from './define.js';

/**
 * The regions a scan reads regional services in. ENABLED (opted in) and ENABLED_BY_DEFAULT count;
 * ENABLING and DISABLING do not: an ENABLING region holds no resources yet and a DISABLING one
 * stops answering, so asking them would only add errors (docs/decisions.md).
 */
export const ENABLED_STATES = ['ENABLED', 'ENABLED_BY_DEFAULT'] as const;

/** account:ListRegions (the SDK's pages merged, or the AWS CLI's auto-paginated answer). */
export function fromListRegions(raw: unknown) {
  return arr(obj(raw, 'ListRegions').Regions, 'Regions')
    .filter((r) => (ENABLED_STATES as readonly unknown[]).includes(r.RegionOptStatus))
    .map((r) => r.RegionName)
    .sort();
}

/** ec2:DescribeRegions without --all-regions, as exports before account:ListRegions wrote it. */
export function fromDescribeRegions(raw: unknown) {
  return arr(obj(raw, 'DescribeRegions').Regions, 'Regions')
    .filter((r) => r.OptInStatus === undefined || r.OptInStatus !== 'not-opted-in')
    .map((r) => r.RegionName)
    .sort();
}

export const regionsPart = definePart({
  data: stringList,
  actions: ['account:ListRegions'],
  exports: [
    { file: 'account-list-regions', args: ['account', 'list-regions', '--region-opt-status-contains', ...ENABLED_STATES], action: 'account:ListRegions', normalise: fromListRegions },
    { file: 'ec2-describe-regions', args: ['ec2', 'describe-regions'], action: 'ec2:DescribeRegions', normalise: fromDescribeRegions, legacy: true },
  ],
});
