import { GetPrimaryEmailCommand } from '@aws-sdk/client-account';
import { DescribeAccountCommand, DescribeOrganizationCommand } from '@aws-sdk/client-organizations';
import { ListOrganizationsFeaturesCommand } from '@aws-sdk/client-iam';
import { NOT_IN_ORGANIZATION, ORGANIZATIONS_FEATURES_STATES } from '../evidence/aws-errors.js';
import { fromDescribeAccount, fromOrganization, fromOrganizationsFeatures, fromPrimaryEmail } from '../evidence/normalise.js';
import { errorCode, failed, ok, type Collector, type PartJson } from './collector.js';

/** The organisation, and through it the root e-mail address (no other read API tells it). */
export const organizationCollector: Collector = {
  name: 'AWS Organizations',
  parts: ['organization', 'accountEmail'],
  actions: ['organizations:DescribeOrganization', 'organizations:DescribeAccount', 'account:GetPrimaryEmail'],
  async collect(ctx) {
    let organization: PartJson;
    try {
      const out = await ctx.send(() => ctx.clients.organizations.send(new DescribeOrganizationCommand({})));
      organization = ok('organizations:DescribeOrganization', fromOrganization(out));
    } catch (error) {
      if (!NOT_IN_ORGANIZATION.has(errorCode(error))) {
        return { parts: { organization: failed('organizations:DescribeOrganization', error), accountEmail: failed('organizations:DescribeAccount', error) } };
      }
      // A standalone account: no read API returns the root address (the config file can).
      return { parts: { organization: ok('organizations:DescribeOrganization', null), accountEmail: ok('organizations:DescribeAccount', null) } };
    }
    return { parts: { organization, accountEmail: await rootEmail(ctx) } };
  },
};

// DescribeAccount works from the management account and delegated administrators;
// GetPrimaryEmail is the Account Management API's way. The first that answers wins.
async function rootEmail(ctx: Parameters<Collector['collect']>[0]): Promise<PartJson> {
  const AccountId = ctx.account.id;
  try {
    const out = await ctx.send(() => ctx.clients.organizations.send(new DescribeAccountCommand({ AccountId })));
    return ok('organizations:DescribeAccount', fromDescribeAccount(out));
  } catch (first) {
    try {
      const out = await ctx.send(() => ctx.clients.account.send(new GetPrimaryEmailCommand({ AccountId })));
      return ok('account:GetPrimaryEmail', fromPrimaryEmail(out));
    } catch {
      return failed('organizations:DescribeAccount', first);
    }
  }
}

export const organizationsFeaturesCollector: Collector = {
  name: 'centralised root access',
  parts: ['organizationsFeatures'],
  actions: ['iam:ListOrganizationsFeatures'],
  async collect(ctx) {
    const action = 'iam:ListOrganizationsFeatures';
    try {
      const out = await ctx.send(() => ctx.clients.iam.send(new ListOrganizationsFeaturesCommand({})));
      return { parts: { organizationsFeatures: ok(action, fromOrganizationsFeatures(out)) } };
    } catch (error) {
      // Four error codes are four different facts about the organisation (aws-errors.ts).
      const state = ORGANIZATIONS_FEATURES_STATES[errorCode(error)];
      return { parts: { organizationsFeatures: state ? ok(action, { state }) : failed(action, error) } };
    }
  },
};
