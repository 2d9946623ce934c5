import {
  DescribeOrganizationalUnitCommand,
  DescribeOrganizationCommand,
  ListParentsCommand,
  paginateListAccounts,
} from '@aws-sdk/client-organizations';
import type { Clients } from '../collect/clients.js';
import { errorCode } from '../collect/collector.js';
import { InputError, ScanUnavailableError } from '../errors.js';
import { msg } from '../i18n/index.js';
import type { OuStep } from '../record/record.js';
import type { OrganizationFilters } from './targets.js';

// An organisation as its management account (or a delegated administrator) lists it: the
// accounts with their name, root e-mail and state, and each account's OU path. A path is read
// with ListParents and DescribeOrganizationalUnit; every OU is described once and shared by all
// accounts under it (a promise per OU, so concurrent lookups of one OU make one call).

export interface OrgInfo {
  id: string;
  arn: string;
  masterAccountId: string;
  masterAccountEmail?: string;
  featureSet: 'ALL' | 'CONSOLIDATED_BILLING';
  /** When DescribeOrganization answered (ISO). */
  observedAt: string;
}

export interface ListedAccount {
  id: string;
  name: string | null;
  email: string | null;
  /** ACTIVE, SUSPENDED, PENDING_CLOSURE, … (State, or the deprecated Status when State is absent). */
  state: string;
  partition: string;
  /** When ListAccounts answered (ISO). */
  listedAt: string;
}

/** Pages of ListAccounts far above AWS's quota of accounts per organisation (20 per page). */
const MAX_ACCOUNT_PAGES = 10_000;
/** OUs nest at most five deep under the root; more steps means a loop in the answers. */
const MAX_OU_DEPTH = 8;

export class Organization {
  private readonly ous = new Map<string, Promise<{ name: string; parentId: string; parentType: string }>>();
  private readonly places = new Map<string, Promise<OuStep[]>>();

  private constructor(
    private readonly clients: Clients,
    readonly info: OrgInfo,
    readonly accounts: ListedAccount[],
    /** The account whose credentials list the organisation. */
    readonly callerAccountId: string,
  ) {}

  /**
   * Lists the organisation the credentials belong to. Credentials that may not list it (a member
   * that is no delegated administrator, an account outside any organisation) stop the scan with
   * one line (exit 3): without the account list nothing is in scope.
   */
  static async list(clients: Clients, caller: { accountId: string; partition: string }, via: string): Promise<Organization> {
    let info: OrgInfo;
    try {
      const out = await clients.organizations.send(new DescribeOrganizationCommand({}));
      const o = out.Organization;
      info = {
        id: o?.Id ?? '',
        arn: o?.Arn ?? '',
        masterAccountId: o?.MasterAccountId ?? '',
        ...(o?.MasterAccountEmail ? { masterAccountEmail: o.MasterAccountEmail } : {}),
        featureSet: o?.FeatureSet === 'CONSOLIDATED_BILLING' ? 'CONSOLIDATED_BILLING' : 'ALL',
        observedAt: new Date().toISOString(),
      };
    } catch (error) {
      const code = errorCode(error) || 'Error';
      if (code === 'AWSOrganizationsNotInUseException') throw new ScanUnavailableError(msg('orgNone', { via, account: caller.accountId }));
      throw new ScanUnavailableError(msg('orgCannotList', { via, account: caller.accountId, code, action: 'organizations:DescribeOrganization', detail: firstLine(error) }));
    }
    const accounts: ListedAccount[] = [];
    try {
      for await (const page of pages(paginateListAccounts({ client: clients.organizations }, {}))) {
        const listedAt = new Date().toISOString();
        for (const a of page.Accounts ?? []) {
          if (!a.Id) continue;
          accounts.push({ id: a.Id, name: a.Name ?? null, email: a.Email ?? null, state: a.State ?? a.Status ?? 'UNKNOWN', partition: partitionOf(a.Arn) ?? caller.partition, listedAt });
        }
      }
    } catch (error) {
      const code = errorCode(error) || 'Error';
      if (caller.accountId !== info.masterAccountId && /AccessDenied|NotManagementOrDelegated/.test(code)) {
        throw new ScanUnavailableError(msg('orgNotAdmin', { via, account: caller.accountId, org: info.id, management: info.masterAccountId, code }));
      }
      throw new ScanUnavailableError(msg('orgCannotList', { via, account: caller.accountId, code, action: 'organizations:ListAccounts', detail: firstLine(error) }));
    }
    return new Organization(clients, info, accounts, caller.accountId);
  }

  /**
   * The accounts in scope after the filters, in ListAccounts order. --ous needs every account's
   * path first; without it paths are read while the accounts are scanned.
   */
  async select(filters: OrganizationFilters, flag: { ous: string; accounts: string }): Promise<ListedAccount[]> {
    const known = new Set(this.accounts.map((a) => a.id));
    for (const id of filters.accounts ?? []) {
      if (!known.has(id)) throw new InputError(msg('accountNotInOrg', { flag: flag.accounts, value: id, org: this.info.id }));
    }
    const only = filters.accounts ? new Set(filters.accounts) : null;
    const excluded = new Set(filters.excludeAccounts ?? []);
    let selected = this.accounts.filter((a) => (!only || only.has(a.id)) && !excluded.has(a.id));
    if (filters.ous && filters.ous.length > 0) {
      const wanted = new Set(filters.ous);
      for (const ou of wanted) if (ou.startsWith('ou-')) await this.ou(ou, flag.ous);
      const inside = await Promise.all(selected.map(async (a) => {
        const { rootId, path } = await this.pathWithRoot(a.id);
        return wanted.has(rootId) || path.some((step) => wanted.has(step.id));
      }));
      selected = selected.filter((_, i) => inside[i]);
    }
    return selected;
  }

  /** The account's OUs from the root down (root excluded); [] directly under the root. */
  ouPath(accountId: string): Promise<OuStep[]> {
    let place = this.places.get(accountId);
    if (!place) {
      place = this.pathWithRoot(accountId).then((p) => p.path);
      this.places.set(accountId, place);
    }
    return place;
  }

  private async pathWithRoot(childId: string): Promise<{ rootId: string; path: OuStep[] }> {
    const path: OuStep[] = [];
    let parent = await this.parentOf(childId);
    for (let depth = 0; parent.type === 'ORGANIZATIONAL_UNIT'; depth++) {
      if (depth >= MAX_OU_DEPTH) throw new Error(`OU path of ${childId} deeper than ${MAX_OU_DEPTH}`);
      const ou = await this.ou(parent.id, null);
      path.unshift({ id: parent.id, name: ou.name });
      parent = { id: ou.parentId, type: ou.parentType };
    }
    return { rootId: parent.id, path };
  }

  private async parentOf(childId: string): Promise<{ id: string; type: string }> {
    const out = await this.clients.organizations.send(new ListParentsCommand({ ChildId: childId }));
    const p = out.Parents?.[0];
    if (!p?.Id) throw new Error(`ListParents gave no parent for ${childId}`);
    return { id: p.Id, type: p.Type ?? (p.Id.startsWith('ou-') ? 'ORGANIZATIONAL_UNIT' : 'ROOT') };
  }

  /** One OU, described once; `flag` set: an OU the user named, so "not found" is their input error. */
  private ou(id: string, flag: string | null) {
    let ou = this.ous.get(id);
    if (!ou) {
      ou = (async () => {
        const [described, parent] = await Promise.all([
          this.clients.organizations.send(new DescribeOrganizationalUnitCommand({ OrganizationalUnitId: id })),
          this.parentOf(id),
        ]);
        return { name: described.OrganizationalUnit?.Name ?? id, parentId: parent.id, parentType: parent.type };
      })();
      this.ous.set(id, ou);
    }
    if (flag === null) return ou;
    return ou.catch((error: unknown) => {
      const code = errorCode(error);
      if (code === 'OrganizationalUnitNotFoundException' || code === 'ChildNotFoundException' || code === 'InvalidInputException') {
        throw new InputError(msg('ouNotInOrg', { flag, value: id, org: this.info.id }));
      }
      throw error;
    });
  }
}

/** Every page of a paginator, stopping a token that repeats (the same guard as src/collect/paginate.ts). */
async function* pages<T extends { NextToken?: string }>(paginator: AsyncIterable<T>): AsyncGenerator<T> {
  const seen = new Set<string>();
  let count = 0;
  for await (const page of paginator) {
    yield page;
    if (page.NextToken === undefined) return;
    if (seen.has(page.NextToken) || ++count >= MAX_ACCOUNT_PAGES) throw Object.assign(new Error('ListAccounts kept paging'), { name: 'PaginationLoop' });
    seen.add(page.NextToken);
  }
}

const partitionOf = (arn: string | undefined) => /^arn:([^:]+):/.exec(arn ?? '')?.[1];
const firstLine = (error: unknown) => ((error as Error).message ?? String(error)).split('\n')[0]?.slice(0, 300) ?? '';
