import { GetAlternateContactCommand } from '@aws-sdk/client-account';
import { ListAWSServiceAccessForOrganizationCommand } from '@aws-sdk/client-organizations';
import type { ContactFallback } from '../collect/alternate-contacts.js';
import type { Clients } from '../collect/clients.js';
import { errorCode, ok, type PartJson } from '../collect/collector.js';
import { fromAlternateContact } from '../evidence/parts/alternate-contacts.js';
import { msg, say } from '../i18n/index.js';
import { TRUSTED_ACCESS_ACTION } from './actions.js';

// A member's alternate contacts when its own role may not read them. An organisation scan reads
// them inside each member first (each member's own Account API quota); only a contact the member
// was refused (AccessDenied) is read from the management account (or a delegated administrator)
// with AccountId = the member, and only when trusted access for AWS Account Management is enabled
// in the organisation (without it AWS refuses AccountId anyway). Whether it is enabled is read once
// per organisation, on the first refusal. The calls from the management account wait in their own
// rate-limit family (rate-limit.ts, MANAGEMENT_ACCOUNT_API): they spend that account's quota.

export const ACCOUNT_MANAGEMENT_PRINCIPAL = 'account.amazonaws.com';
const GET_ALTERNATE_CONTACT = 'account:GetAlternateContact';
/** Far more pages than AWS has service principals (20 per page). */
const MAX_PAGES = 50;

type TrustedAccess = { enabled: boolean } | { error: { code: string; detail: string } };

export interface ManagementContactsOptions {
  /** The clients of the account that listed the organisation, limited as MANAGEMENT_ACCOUNT_API; made on first use. */
  clients: () => Promise<Clients>;
  organizationId: string;
  managementAccountId: string;
  /** The account that listed the organisation: the management account or a delegated administrator. */
  callerAccountId: string;
}

/** One reader per organisation; `forMember(id)` is the fallback of that member's contacts collector. */
export function managementContacts(options: ManagementContactsOptions): { forMember(accountId: string): ContactFallback } {
  let trusted: Promise<TrustedAccess> | undefined;
  const role = options.callerAccountId === options.managementAccountId ? 'management' : 'delegated';
  const where = { role, caller: options.callerAccountId };
  return {
    forMember: (accountId) => async (type, part, denied) => {
      const memberCode = errorCode(denied) || 'AccessDenied';
      const member = { memberCode, memberDetail: firstLine(denied) };
      const failedBoth = (id: Parameters<typeof msg>[0], params: Record<string, string>): PartJson => ({
        error: { code: memberCode, message: say('en', msg(id, { ...member, ...where, org: options.organizationId, account: accountId, ...params })), action: GET_ALTERNATE_CONTACT },
      });
      let clients: Clients;
      try {
        clients = await options.clients();
        trusted ??= trustedAccess(clients);
        const known = await trusted;
        if ('error' in known) {
          // Not kept: a later member asks again (the cause may have been passing, e.g. throttling).
          trusted = undefined;
          return failedBoth('contactsTrustedAccessUnknown', known.error);
        }
        if (!known.enabled) return failedBoth('contactsNoTrustedAccess', {});
      } catch (error) {
        return failedBoth('contactsTrustedAccessUnknown', { code: errorCode(error) || 'Error', detail: firstLine(error) });
      }
      const action = say('en', msg('contactsReadVia', { ...where, account: accountId }));
      try {
        const out = await clients.account.send(new GetAlternateContactCommand({ AccountId: accountId, AlternateContactType: type }));
        return ok(action, fromAlternateContact(out));
      } catch (error) {
        const code = errorCode(error);
        // ResourceNotFoundException: the member has no contact of this type (a fact, as when read inside it).
        if (part.facts && Object.hasOwn(part.facts, code)) return ok(action, part.facts[code as keyof typeof part.facts]);
        return failedBoth('contactsViaFailed', { code: code || 'Error', detail: firstLine(error) });
      }
    },
  };
}

/** Whether a part's action says it was read from the management account (not one of the member's own reads). */
export const readFromManagement = (action: string | undefined): boolean => action !== undefined && action.startsWith(`${GET_ALTERNATE_CONTACT} `);

/** Whether account.amazonaws.com has trusted access; a failure is kept (and named by every contact that needed it). */
async function trustedAccess(clients: Clients): Promise<TrustedAccess> {
  try {
    const seen = new Set<string>();
    let token: string | undefined;
    for (let page = 0; page < MAX_PAGES; page++) {
      const out = await clients.organizations.send(new ListAWSServiceAccessForOrganizationCommand(token ? { NextToken: token } : {}));
      if ((out.EnabledServicePrincipals ?? []).some((p) => p.ServicePrincipal === ACCOUNT_MANAGEMENT_PRINCIPAL)) return { enabled: true };
      token = out.NextToken;
      if (!token) return { enabled: false };
      if (seen.has(token)) break;
      seen.add(token);
    }
    return { error: { code: 'PaginationLoop', detail: `${TRUSTED_ACCESS_ACTION} kept paging` } };
  } catch (error) {
    return { error: { code: errorCode(error) || 'Error', detail: firstLine(error) } };
  }
}

const firstLine = (error: unknown) => ((error as Error)?.message ?? String(error)).split('\n')[0]?.slice(0, 300) ?? '';
