import { GetPrimaryEmailCommand } from '@aws-sdk/client-account';
import { DescribeAccountCommand, DescribeOrganizationCommand } from '@aws-sdk/client-organizations';
import { ListOrganizationsFeaturesCommand } from '@aws-sdk/client-iam';
import { NOT_IN_ORGANIZATION, ORGANIZATIONS_FEATURES_STATES } from '../evidence/aws-errors.js';
import { fromDescribeAccount, fromOrganization, fromOrganizationsFeatures, fromPrimaryEmail } from '../evidence/normalise.js';
import { errorCode, failed, ok, type Collector, type PartJson } from './collector.js';

/** The organisation, the root e-mail address (no other read API tells it) and centralised root access. */
export const organizationCollector: Collector = {
  name: 'AWS Organizations',
  parts: ['organization', 'accountEmail', 'organizationsFeatures'],
  actions: ['organizations:DescribeOrganization', 'organizations:DescribeAccount', 'account:GetPrimaryEmail', 'iam:ListOrganizationsFeatures'],
  async collect(ctx) {
    let organization: PartJson;
    try {
      const out = await ctx.send(() => ctx.clients.organizations.send(new DescribeOrganizationCommand({})));
      organization = ok('organizations:DescribeOrganization', fromOrganization(out));
    } catch (error) {
      if (!NOT_IN_ORGANIZATION.has(errorCode(error))) {
        const denied = failed('organizations:DescribeOrganization', error);
        return { parts: { organization: denied, accountEmail: denied, organizationsFeatures: await centralisedRootAccess(ctx) } };
      }
      // A standalone account: no read API returns the root address (the config file can), and
      // ListOrganizationsFeatures could only answer OrganizationNotFoundException, so it is not asked.
      return {
        parts: {
          organization: ok('organizations:DescribeOrganization', null),
          accountEmail: ok('organizations:DescribeAccount', null),
          organizationsFeatures: ok('organizations:DescribeOrganization', { state: 'organizationNotFound' }),
        },
      };
    }
    const [accountEmail, organizationsFeatures] = await Promise.all([rootEmail(ctx), centralisedRootAccess(ctx)]);
    return { parts: { organization, accountEmail, organizationsFeatures } };
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

// ListOrganizationsFeatures answers four error codes that are four different facts (aws-errors.ts).
async function centralisedRootAccess(ctx: Parameters<Collector['collect']>[0]): Promise<PartJson> {
  const action = 'iam:ListOrganizationsFeatures';
  try {
    const out = await ctx.send(() => ctx.clients.iam.send(new ListOrganizationsFeaturesCommand({})));
    return ok(action, fromOrganizationsFeatures(out));
  } catch (error) {
    const state = ORGANIZATIONS_FEATURES_STATES[errorCode(error)];
    return state ? ok(action, { state }) : failed(action, error);
  }
}
