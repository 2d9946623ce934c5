import { paginateGetAccountAuthorizationDetails, type GetAccountAuthorizationDetailsCommandOutput } from '@aws-sdk/client-iam';
import { authorizationDetailsPart, fromAuthorizationDetails } from '../evidence/parts/authorization-details.js';
import { failed, ok, type Collector } from './collector.js';
import { paginate } from './paginate.js';

const ACTION = authorizationDetailsPart.actions[0];
// IAM's quotas cap an account at 5,000 users, 300 groups, 5,000 roles and 5,000 customer-managed
// policies (plus the AWS-managed ones attached): about 17 full pages. IAM may answer fewer items
// than asked for, so the cap is generous.
const MAX_PAGES = 1_000;

/**
 * Users, groups, roles and their policies in one paginated call (1,000 entities a page) instead
 * of several calls per user: the reason a 5,000-user account takes seconds, not minutes.
 */
export const authorizationDetailsCollector: Collector = {
  name: 'IAM users, groups, roles and policies',
  parts: ['authorizationDetails'],
  async collect(ctx) {
    const merged = { UserDetailList: [], GroupDetailList: [], RoleDetailList: [], Policies: [] } as Required<
      Pick<GetAccountAuthorizationDetailsCommandOutput, 'UserDetailList' | 'GroupDetailList' | 'RoleDetailList' | 'Policies'>
    >;
    try {
      const pages = paginateGetAccountAuthorizationDetails({ client: ctx.clients.iam, pageSize: 1000 }, {});
      for await (const page of paginate(ctx, pages, MAX_PAGES)) {
        merged.UserDetailList.push(...(page.UserDetailList ?? []));
        merged.GroupDetailList.push(...(page.GroupDetailList ?? []));
        merged.RoleDetailList.push(...(page.RoleDetailList ?? []));
        merged.Policies.push(...(page.Policies ?? []));
      }
    } catch (error) {
      return { parts: { authorizationDetails: failed(ACTION, error) } };
    }
    return { parts: { authorizationDetails: ok(ACTION, fromAuthorizationDetails(merged)) } };
  },
};
