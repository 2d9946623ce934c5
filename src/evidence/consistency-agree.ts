import { msg } from '../i18n/index.js';
import type { Problem } from './consistency-problem.js';
import type { Evidence } from './schema.js';

// Two parts that answer the same fact must agree; neither is preferred over the other (issue 11).
// The only such fact two parts of the evidence both state is the root e-mail address of an
// organisation's management account: `accountEmail` (DescribeAccount or GetPrimaryEmail) and
// DescribeOrganization's `MasterAccountEmail`. GetAccountSummary and the credential report's root
// row are not such a pair: the report can be four hours older, so they may differ truthfully, and
// the root checks take the union of what either shows (src/checks/lib/root.ts).

const domainOf = (address: string) => address.slice(address.lastIndexOf('@') + 1);

export function agreement(ev: Evidence): Problem[] {
  const { accountEmail, organization } = ev.parts;
  if (!accountEmail.ok || !organization.ok || !accountEmail.data || !organization.data) return [];
  const { masterAccountId, masterAccountEmail } = organization.data;
  const email = accountEmail.data.email;
  if (masterAccountId !== ev.account.id || masterAccountEmail === undefined || masterAccountEmail === email) return [];
  const field = 'accountEmail.email';
  const otherField = 'organization.masterAccountEmail';
  return [
    {
      part: 'accountEmail',
      code: 'Contradiction',
      detail: msg('rootEmailsDisagree', { field, value: JSON.stringify(email), otherField, otherValue: JSON.stringify(masterAccountEmail) }),
      // Findings never carry the root address (root-email-domain shows its domain only).
      shared: msg('rootEmailsDisagreeShared', { field, otherField, domain: domainOf(email), otherDomain: domainOf(masterAccountEmail) }),
    },
  ];
}
