import { InputError } from '../errors.js';
import { msg } from '../i18n/index.js';

// What a many-account scan is asked to cover, before anything is read from AWS: accounts reached
// through a role (possibly after hops through other roles), and organisations whose accounts are
// listed from their management account or a delegated administrator.

/** The role AWS Organizations creates in accounts it creates: full administrator, so a read-only role is better. */
export const DEFAULT_ROLE_NAME = 'OrganizationAccountAccessRole';

/** One sts:AssumeRole step. */
export interface RoleHop {
  roleArn: string;
  externalId?: string;
}

/** An IAM role ARN: arn:<partition>:iam::<12 digits>:role/<path/>name (IAM's own character set). */
export const ROLE_ARN = /^arn:(aws|aws-us-gov|aws-cn):iam::(\d{12}):role\/[\w+=,.@/-]{1,512}$/;
/** sts:AssumeRole's ExternalId: 2–1224 characters of [\w+=,.@:/-]. */
export const EXTERNAL_ID = /^[\w+=,.@:/-]{2,1224}$/;
/** A role name (as --role-name gives it, possibly with a path). */
export const ROLE_NAME = /^[\w+=,.@/-]{1,512}$/;
export const OU_ID = /^ou-[0-9a-z]{4,32}-[0-9a-z]{8,32}$/;
export const ROOT_ID = /^r-[0-9a-z]{4,32}$/;
export const ACCOUNT_ID = /^\d{12}$/;

export function roleAccount(roleArn: string): { accountId: string; partition: string } {
  const m = ROLE_ARN.exec(roleArn);
  return { accountId: m?.[2] ?? '', partition: m?.[1] ?? 'aws' };
}

export interface OrganizationFilters {
  /** Only these accounts (ids). */
  accounts?: readonly string[];
  excludeAccounts?: readonly string[];
  /** Only accounts under these OUs (or roots), sub-OUs included. */
  ous?: readonly string[];
}

/** What to scan, as given by flags or a targets file. */
export type TargetSpec =
  | { kind: 'account'; chain: RoleHop[]; name?: string }
  | {
      kind: 'organization';
      /** Hops into the management account or delegated administrator; [] for the caller's own credentials. */
      via: RoleHop[];
      /** The role assumed in each member (from the last hop's session). */
      roleName: string;
      /** The external id each member's role asks for, if any. */
      externalId?: string;
      filters: OrganizationFilters;
      name?: string;
    };

/** A comma-separated list of 12-digit account ids (--accounts, --exclude-accounts). */
export function accountList(flag: string, value: string): string[] {
  const ids = value.split(',').map((s) => s.trim()).filter(Boolean);
  if (ids.length === 0) throw new InputError(msg('emptyValue', { flag }));
  for (const id of ids) if (!ACCOUNT_ID.test(id)) throw new InputError(msg('notAccountId', { flag, value: id }));
  return ids;
}

/** A comma-separated list of OU ids (or the root id) for --ous. */
export function ouList(flag: string, value: string): string[] {
  const ids = value.split(',').map((s) => s.trim()).filter(Boolean);
  if (ids.length === 0) throw new InputError(msg('emptyValue', { flag }));
  for (const id of ids) if (!OU_ID.test(id) && !ROOT_ID.test(id)) throw new InputError(msg('notOuId', { flag, value: id }));
  return ids;
}

export function checkRoleArn(flag: string, value: string): string {
  if (!ROLE_ARN.test(value)) throw new InputError(msg('notRoleArn', { flag, value }));
  return value;
}

export function checkExternalId(flag: string, value: string): string {
  if (!EXTERNAL_ID.test(value)) throw new InputError(msg('notExternalId', { flag }));
  return value;
}

export function checkRoleName(flag: string, value: string): string {
  if (!ROLE_NAME.test(value)) throw new InputError(msg('notRoleName', { flag, value }));
  return value;
}

/** The role ARN of `roleName` (a name, or path/name) in an account. */
export function memberRoleArn(partition: string, accountId: string, roleName: string): string {
  return `arn:${partition}:iam::${accountId}:role/${roleName.replace(/^\/+/, '')}`;
}
