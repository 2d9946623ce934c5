import { paginateListAnalyzers, type AnalyzerSummary } from '@aws-sdk/client-accessanalyzer';
import { paginateListRegions, type Region } from '@aws-sdk/client-account';
import { paginateListInstances, type InstanceMetadata } from '@aws-sdk/client-sso-admin';
import { accessAnalyzersPart, fromAnalyzers } from '../evidence/parts/access-analyzers.js';
import type { PartDef } from '../evidence/parts/define.js';
import { fromIdentityCenterInstances, identityCenterInstancesPart } from '../evidence/parts/identity-center.js';
import { mergeRegions } from '../evidence/parts/regional.js';
import { ENABLED_STATES, fromListRegions, regionsPart } from '../evidence/parts/regions.js';
import { failed, nowIso, ok, type CollectContext, type Collected, type PartJson } from './collector.js';
import { paginate } from './paginate.js';

// Regional reads: the enabled regions, then Access Analyzer in each of them, and Identity Center
// in the regions where it can live for this account.

// Page caps (see paginate.ts): AWS has about 40 regions (one page of 50); a region holds a handful
// of analyzers and an account at most one Identity Center instance.
const MAX_REGION_PAGES = 20;
const MAX_ANALYZER_PAGES = 100;
const MAX_INSTANCE_PAGES = 100;

/** account:ListRegions, 50 a page (its maximum), only the enabled ones (see the part module). */
export async function collectRegions(ctx: CollectContext): Promise<{ part: PartJson; regions: string[] }> {
  const action = regionsPart.actions[0];
  try {
    const regions: Region[] = [];
    const pages = paginateListRegions({ client: ctx.clients.account, pageSize: 50 }, { RegionOptStatusContains: [...ENABLED_STATES] });
    for await (const page of paginate(ctx, pages, MAX_REGION_PAGES)) regions.push(...(page.Regions ?? []));
    const names = fromListRegions({ Regions: regions }) as string[];
    return { part: ok(action, names), regions: names };
  } catch (error) {
    return { part: failed(action, error), regions: [] };
  }
}

/** The one regional runner: reads a part in each region (through the concurrency bound), one answer per region. */
async function eachRegion(ctx: CollectContext, def: PartDef, regions: Iterable<string>, read: (region: string) => Promise<unknown>): Promise<Record<string, PartJson>> {
  const action = def.actions[0];
  const entries = await Promise.all(
    [...regions].map(async (region): Promise<[string, PartJson]> => {
      try {
        return [region, ok(action, await read(region))];
      } catch (error) {
        return [region, failed(action, error)];
      }
    }),
  );
  return Object.fromEntries(entries);
}

export async function collectAnalyzers(ctx: CollectContext, regions: string[]): Promise<Collected> {
  const perRegion = await eachRegion(ctx, accessAnalyzersPart, regions, async (region) => {
    const analyzers: AnalyzerSummary[] = [];
    for await (const page of paginate(ctx, paginateListAnalyzers({ client: ctx.clients.accessAnalyzer(region) }, {}), MAX_ANALYZER_PAGES)) analyzers.push(...(page.analyzers ?? []));
    return fromAnalyzers({ analyzers });
  });
  return { accessAnalyzers: perRegion };
}

/**
 * Identity Center answers ListInstances only in its home region. Roles it provisions live under
 * /aws-reserved/sso.amazonaws.com/[<region>/], which names that region (no region: us-east-1);
 * the scan's own region is asked too.
 */
export async function collectIdentityCenter(ctx: CollectContext, roleArns: string[]): Promise<Collected> {
  const regions = new Set([ctx.homeRegion]);
  for (const arn of roleArns) {
    const match = /:role\/aws-reserved\/sso\.amazonaws\.com\/(?:([a-z]{2}(?:-[a-z]+)+-\d)\/)?/.exec(arn);
    if (match) regions.add(match[1] ?? 'us-east-1');
  }
  const perRegion = await eachRegion(ctx, identityCenterInstancesPart, regions, async (region) => {
    const instances: InstanceMetadata[] = [];
    for await (const page of paginate(ctx, paginateListInstances({ client: ctx.clients.ssoAdmin(region) }, {}), MAX_INSTANCE_PAGES)) instances.push(...(page.Instances ?? []));
    return fromIdentityCenterInstances({ Instances: instances });
  });
  return { parts: { identityCenterInstances: mergeRegions(identityCenterInstancesPart, perRegion, nowIso()) } };
}
