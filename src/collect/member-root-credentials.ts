import {
  GetLoginProfileCommand,
  ListAccessKeysCommand,
  ListMFADevicesCommand,
  ListSigningCertificatesCommand,
  type IAMClient,
} from '@aws-sdk/client-iam';
import { AssumeRootCommand, STSClient } from '@aws-sdk/client-sts';
import {
  ASSUME_ROOT,
  auditTaskPolicyArn,
  ROOT_SESSION_SECONDS,
  type MemberRootCredentialsJson,
  type RootSessionUnavailable,
} from '../evidence/parts/member-root-credentials.js';
import type { OrganizationsFeatures } from '../evidence/parts/organizations-features.js';
import { CALL_TIMEOUT_MS, CallTimeoutError, clientConfig, makeClients } from './clients.js';
import { errorCode, failed, ok, type PartJson } from './collector.js';
import type { AwsSession } from './session.js';

// org-member-root-credentials: a privileged root session in one member account, opened from the
// management account (or the delegated administrator for IAM) with sts:AssumeRoot, and the four
// reads that tell which root credentials exist. The task policy is a constant of this module: no
// argument, option or configuration can ask AWS for any other (a test holds the fake's log of
// every AssumeRoot to it).

export interface MemberRootCredentialsTarget {
  /** The member account whose root user is audited. */
  accountId: string;
  /** The organisation's management account: AssumeRoot cannot target it. */
  managementAccountId: string;
  /**
   * The caller's own ListOrganizationsFeatures answer, when the scan read it: a known reason why
   * AssumeRoot would be refused is recorded as such (AssumeRoot itself only says AccessDenied),
   * and no call is made.
   */
  features?: OrganizationsFeatures | undefined;
}

/**
 * The STS client of the root session: regional, never the global endpoint (sts.amazonaws.com),
 * which refuses AssumeRoot (STS API Reference, AssumeRoot). The scan's region is always a real
 * region, so `useGlobalEndpoint: false` gives sts.<region>.amazonaws.com even in us-east-1.
 */
export function assumeRootClient(session: AwsSession): STSClient {
  return new STSClient({ ...clientConfig(session), region: session.region, useGlobalEndpoint: false });
}

/** Why AssumeRoot cannot work, from the caller's centralized root access features; undefined: ask AWS. */
export function rootSessionUnavailable(features: OrganizationsFeatures | undefined): RootSessionUnavailable | undefined {
  switch (features?.state) {
    case 'enabled':
      return features.enabledFeatures.includes('RootSessions') ? undefined : 'rootSessionsDisabled';
    case 'trustedAccessNotEnabled':
      return 'trustedAccessNotEnabled';
    case 'notAllFeaturesMode':
      return 'notAllFeaturesMode';
    case 'notManagementOrDelegatedAdmin':
      return 'notRootAdministrator';
    default:
      return undefined;
  }
}

/**
 * The member's `memberRootCredentials` part, read with the management-account (or delegated
 * administrator) session handed in. Never throws: a refused AssumeRoot or read is the part's error.
 */
export async function collectMemberRootCredentials(session: AwsSession, target: MemberRootCredentialsTarget): Promise<PartJson> {
  if (target.accountId === target.managementAccountId) return ok(ASSUME_ROOT, { state: 'managementAccount' } satisfies MemberRootCredentialsJson);
  const unavailable = rootSessionUnavailable(target.features);
  if (unavailable) return ok(ASSUME_ROOT, { state: 'rootSessionUnavailable', reason: unavailable } satisfies MemberRootCredentialsJson);

  const taskPolicyArn = auditTaskPolicyArn(session.account.partition);
  let credentials;
  const sts = assumeRootClient(session);
  try {
    session.onCommand?.(ASSUME_ROOT);
    await session.rateLimit?.(ASSUME_ROOT);
    const out = await withDeadline(session, (abortSignal) =>
      sts.send(new AssumeRootCommand({ TargetPrincipal: target.accountId, TaskPolicyArn: { arn: taskPolicyArn }, DurationSeconds: ROOT_SESSION_SECONDS }), { abortSignal }),
    );
    credentials = out.Credentials;
    if (!credentials?.AccessKeyId || !credentials.SecretAccessKey) return { error: { code: 'InvalidResponse', message: 'AssumeRoot returned no credentials', action: ASSUME_ROOT } };
  } catch (error) {
    return failed(ASSUME_ROOT, error);
  } finally {
    sts.destroy();
  }

  // The root session's calls are made with its own credentials, which the task policy alone
  // permits: they are not the scanning role's actions, so they are not recorded as such.
  const clients = makeClients({
    ...session,
    onCommand: undefined,
    credentials: { accessKeyId: credentials.AccessKeyId, secretAccessKey: credentials.SecretAccessKey, sessionToken: credentials.SessionToken, expiration: credentials.Expiration },
  });
  try {
    return await rootReads(clients.iam, taskPolicyArn);
  } finally {
    clients.destroy();
  }
}

async function rootReads(iam: IAMClient, taskPolicyArn: string): Promise<PartJson> {
  const iso = (d: Date | undefined) => d?.toISOString();
  let step = 'iam:GetLoginProfile';
  try {
    // No UserName: in a root session each call is about the root user itself.
    let loginProfile: { createDate: string } | null = null;
    try {
      const created = (await iam.send(new GetLoginProfileCommand({}))).LoginProfile?.CreateDate;
      if (!created) return { error: { code: 'InvalidResponse', message: 'GetLoginProfile returned no CreateDate', action: step } };
      loginProfile = { createDate: created.toISOString() };
    } catch (error) {
      // NoSuchEntity: the root user has no console password.
      if (errorCode(error) !== 'NoSuchEntity' && errorCode(error) !== 'NoSuchEntityException') throw error;
    }
    step = 'iam:ListAccessKeys';
    const accessKeys = (await pages((Marker) => iam.send(new ListAccessKeysCommand({ Marker }))).then((ps) => ps.flatMap((p) => p.AccessKeyMetadata ?? []))).map((k) => ({
      accessKeyId: k.AccessKeyId ?? '',
      status: k.Status as 'Active' | 'Inactive',
      ...(k.CreateDate ? { createDate: iso(k.CreateDate) } : {}),
    }));
    step = 'iam:ListMFADevices';
    const mfaDevices = (await pages((Marker) => iam.send(new ListMFADevicesCommand({ Marker }))).then((ps) => ps.flatMap((p) => p.MFADevices ?? []))).map((d) => ({
      serialNumber: d.SerialNumber ?? '',
      ...(d.EnableDate ? { enableDate: iso(d.EnableDate) } : {}),
    }));
    step = 'iam:ListSigningCertificates';
    const signingCertificates = (await pages((Marker) => iam.send(new ListSigningCertificatesCommand({ Marker }))).then((ps) => ps.flatMap((p) => p.Certificates ?? []))).map((c) => ({
      certificateId: c.CertificateId ?? '',
      status: c.Status as 'Active' | 'Inactive',
      ...(c.UploadDate ? { uploadDate: iso(c.UploadDate) } : {}),
    }));
    const data: MemberRootCredentialsJson = { state: 'audited', taskPolicyArn, loginProfile, accessKeys, mfaDevices, signingCertificates };
    return ok(ASSUME_ROOT, data);
  } catch (error) {
    return failed(step, error);
  }
}

/**
 * Every page of an IAM list call. The root user holds at most 2 access keys, 2 signing
 * certificates and 8 MFA devices: one page each. More than 10 pages, or a marker seen before, is
 * an answer no AWS gives (issue 11: never loop).
 */
async function pages<T extends { IsTruncated?: boolean | undefined; Marker?: string | undefined }>(call: (marker: string | undefined) => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  const seen = new Set<string>();
  let marker: string | undefined;
  for (;;) {
    const page = await call(marker);
    out.push(page);
    if (!page.IsTruncated || !page.Marker) return out;
    if (seen.has(page.Marker) || out.length >= 10) throw Object.assign(new Error('the list never ended; stopped'), { name: 'PaginationLoop' });
    seen.add(page.Marker);
    marker = page.Marker;
  }
}

/** One call bounded like every call of a scan (60 s, retries included). */
async function withDeadline<T>(session: AwsSession, call: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const ms = session.callTimeoutMs ?? CALL_TIMEOUT_MS;
  const deadline = AbortSignal.timeout(ms);
  try {
    return await call(deadline);
  } catch (error) {
    if (deadline.aborted) throw new CallTimeoutError(ms);
    throw error;
  }
}
