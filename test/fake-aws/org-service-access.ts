// organizations:ListAWSServiceAccessForOrganization for the fake organisation (org-server.ts): the
// service principals with trusted access (`OrgScenario.trustedAccess`, read live, so a test may flip
// it between calls), paged like AWS (MaxResults 1–20, NextToken). Only the management account or a
// delegated administrator may call it; the server checks that before it asks here.
import type { Input } from './common.js';
import type { OrgScenario } from './org-scenario.js';

/** When the fake says trusted access was enabled (the scenario does not model the date). */
export const SERVICE_ACCESS_ENABLED = new Date('2024-03-01T09:00:00Z');

export function listServiceAccess(
  org: OrgScenario,
  input: Input,
  paged: <T>(input: Input, items: readonly T[]) => { items: T[]; NextToken?: string },
): unknown {
  const { items, ...rest } = paged(input, org.trustedAccess);
  return { EnabledServicePrincipals: items.map((ServicePrincipal) => ({ ServicePrincipal, DateEnabled: SERVICE_ACCESS_ENABLED })), ...rest };
}
