import { paginateListAnalyzers, type AnalyzerSummary } from '@aws-sdk/client-accessanalyzer';
import { DescribeRegionsCommand } from '@aws-sdk/client-ec2';
import { paginateListInstances, type InstanceMetadata } from '@aws-sdk/client-sso-admin';
import { fromAnalyzers, fromIdentityCenterInstances, fromRegions } from '../evidence/normalise.js';
import { failed, ok, type CollectContext, type Collected, type PartJson } from './collector.js';
import { throughLimit } from './iam-account.js';

// Regional reads: the enabled regions, then Access Analyzer in each of them, and Identity Center
// in the regions where it can live for this account.

export const REGIONAL_ACTIONS = ['ec2:DescribeRegions', 'access-analyzer:ListAnalyzers', 'sso:ListInstances'] as const;

export async function collectRegions(ctx: CollectContext): Promise<{ part: PartJson; regions: string[] }> {
  try {
    const out = await ctx.send(() => ctx.clients.ec2.send(new DescribeRegionsCommand({})));
    const regions = fromRegions(out) as string[];
    return { part: ok('ec2:DescribeRegions', regions), regions };
  } catch (error) {
    return { part: failed('ec2:DescribeRegions', error), regions: [] };
  }
}

export async function collectAnalyzers(ctx: CollectContext, regions: string[]): Promise<Collected> {
  const entries = await Promise.all(
    regions.map(async (region): Promise<[string, PartJson]> => {
      try {
        const analyzers: AnalyzerSummary[] = [];
        for await (const page of throughLimit(ctx, paginateListAnalyzers({ client: ctx.clients.accessAnalyzer(region) }, {}))) analyzers.push(...(page.analyzers ?? []));
        return [region, ok('access-analyzer:ListAnalyzers', fromAnalyzers({ analyzers }))];
      } catch (error) {
        return [region, failed('access-analyzer:ListAnalyzers', error)];
      }
    }),
  );
  return { accessAnalyzers: Object.fromEntries(entries) };
}

/**
 * Identity Center answers ListInstances only in its home region. Roles it provisions live under
 * /aws-reserved/sso.amazonaws.com/[<region>/], which names that region (no region: us-east-1);
 * the scan's own region is asked too. Any unreadable region makes the part an error: it could
 * hide the instance.
 */
export async function collectIdentityCenter(ctx: CollectContext, roleArns: string[]): Promise<Collected> {
  const regions = new Set([ctx.homeRegion]);
  for (const arn of roleArns) {
    const match = /:role\/aws-reserved\/sso\.amazonaws\.com\/(?:([a-z]{2}(?:-[a-z]+)+-\d)\/)?/.exec(arn);
    if (match) regions.add(match[1] ?? 'us-east-1');
  }
  const instances: InstanceMetadata[] = [];
  for (const region of regions) {
    try {
      for await (const page of throughLimit(ctx, paginateListInstances({ client: ctx.clients.ssoAdmin(region) }, {}))) instances.push(...(page.Instances ?? []));
    } catch (error) {
      return { parts: { identityCenterInstances: failed('sso:ListInstances', error) } };
    }
  }
  return { parts: { identityCenterInstances: ok('sso:ListInstances', fromIdentityCenterInstances({ Instances: instances })) } };
}
