import { GetPrimaryEmailCommand } from '@aws-sdk/client-account';
import { DescribeAccountCommand, DescribeOrganizationCommand } from '@aws-sdk/client-organizations';
import { ListOrganizationsFeaturesCommand } from '@aws-sdk/client-iam';
import { accountEmailPart, fromDescribeAccount, fromPrimaryEmail } from '../evidence/parts/account-email.js';
import { fromOrganization, NOT_IN_ORGANIZATION, organizationPart } from '../evidence/parts/organization.js';
import { fromOrganizationsFeatures, organizationsFeaturesPart } from '../evidence/parts/organizations-features.js';
import { errorCode, failed, failedOrFact, ok, type CollectContext, type Collector, type PartJson } from './collector.js';

const DESCRIBE_ORGANIZATION = organizationPart.actions[0];
const [DESCRIBE_ACCOUNT, GET_PRIMARY_EMAIL] = accountEmailPart.actions as readonly [string, string];

/** The organisation, the root e-mail address (no other read API tells it) and centralised root access. */
export const organizationCollector: Collector = {
  name: 'AWS Organizations',
  parts: ['organization', 'accountEmail', 'organizationsFeatures'],
  async collect(ctx) {
    let organization: PartJson;
    try {
      const out = await ctx.send(() => ctx.clients.organizations.send(new DescribeOrganizationCommand({})));
      organization = ok(DESCRIBE_ORGANIZATION, fromOrganization(out));
    } catch (error) {
      if (errorCode(error) !== NOT_IN_ORGANIZATION) {
        const denied = failed(DESCRIBE_ORGANIZATION, error);
        return { parts: { organization: denied, accountEmail: denied, organizationsFeatures: await centralisedRootAccess(ctx) } };
      }
      // A standalone account: no read API returns the root address (the config file can), and
      // ListOrganizationsFeatures could only answer OrganizationNotFoundException, so it is not asked.
      return {
        parts: {
          organization: ok(DESCRIBE_ORGANIZATION, null),
          accountEmail: ok(DESCRIBE_ACCOUNT, null),
          organizationsFeatures: ok(DESCRIBE_ORGANIZATION, { state: 'organizationNotFound' }),
        },
      };
    }
    const [accountEmail, organizationsFeatures] = await Promise.all([rootEmail(ctx), centralisedRootAccess(ctx)]);
    return { parts: { organization, accountEmail, organizationsFeatures } };
  },
};

// DescribeAccount works from the management account and delegated administrators;
// GetPrimaryEmail is the Account Management API's way. The first that answers wins.
async function rootEmail(ctx: CollectContext): Promise<PartJson> {
  const AccountId = ctx.account.id;
  try {
    const out = await ctx.send(() => ctx.clients.organizations.send(new DescribeAccountCommand({ AccountId })));
    return ok(DESCRIBE_ACCOUNT, fromDescribeAccount(out));
  } catch (first) {
    try {
      const out = await ctx.send(() => ctx.clients.account.send(new GetPrimaryEmailCommand({ AccountId })));
      return ok(GET_PRIMARY_EMAIL, fromPrimaryEmail(out));
    } catch {
      return failed(DESCRIBE_ACCOUNT, first);
    }
  }
}

// ListOrganizationsFeatures answers four error codes that are four different facts (see its part module).
async function centralisedRootAccess(ctx: CollectContext): Promise<PartJson> {
  const action = organizationsFeaturesPart.actions[0];
  try {
    const out = await ctx.send(() => ctx.clients.iam.send(new ListOrganizationsFeaturesCommand({})));
    return ok(action, fromOrganizationsFeatures(out));
  } catch (error) {
    return failedOrFact(organizationsFeaturesPart, action, error);
  }
}
