import {
  GetAccountPasswordPolicyCommand,
  GetAccountSummaryCommand,
  paginateListServerCertificates,
  paginateListVirtualMFADevices,
  type ServerCertificateMetadata,
  type VirtualMFADevice,
} from '@aws-sdk/client-iam';
import { NO_PASSWORD_POLICY } from '../evidence/aws-errors.js';
import { fromAccountSummary, fromPasswordPolicy, fromServerCertificates, fromVirtualMfaDevices } from '../evidence/normalise.js';
import { errorCode, failed, ok, type Collector } from './collector.js';

// The account-wide IAM reads: one call each, or one page per 1,000 items.

export const accountSummaryCollector: Collector = {
  name: 'IAM account summary',
  parts: ['accountSummary'],
  actions: ['iam:GetAccountSummary'],
  async collect(ctx) {
    try {
      const out = await ctx.send(() => ctx.clients.iam.send(new GetAccountSummaryCommand({})));
      return { parts: { accountSummary: ok('iam:GetAccountSummary', fromAccountSummary(out)) } };
    } catch (error) {
      return { parts: { accountSummary: failed('iam:GetAccountSummary', error) } };
    }
  },
};

export const passwordPolicyCollector: Collector = {
  name: 'IAM password policy',
  parts: ['passwordPolicy'],
  actions: ['iam:GetAccountPasswordPolicy'],
  async collect(ctx) {
    const action = 'iam:GetAccountPasswordPolicy';
    try {
      const out = await ctx.send(() => ctx.clients.iam.send(new GetAccountPasswordPolicyCommand({})));
      return { parts: { passwordPolicy: ok(action, fromPasswordPolicy(out)) } };
    } catch (error) {
      // NoSuchEntity: no custom policy, the AWS default applies. A fact, not a failure.
      if (NO_PASSWORD_POLICY.has(errorCode(error))) return { parts: { passwordPolicy: ok(action, null) } };
      return { parts: { passwordPolicy: failed(action, error) } };
    }
  },
};

export const virtualMfaCollector: Collector = {
  name: 'IAM virtual MFA devices',
  parts: ['virtualMfaDevices'],
  actions: ['iam:ListVirtualMFADevices'],
  async collect(ctx) {
    const action = 'iam:ListVirtualMFADevices';
    try {
      const devices: VirtualMFADevice[] = [];
      const pages = paginateListVirtualMFADevices({ client: ctx.clients.iam, pageSize: 1000 }, { AssignmentStatus: 'Assigned' });
      for await (const page of throughLimit(ctx, pages)) devices.push(...(page.VirtualMFADevices ?? []));
      return { parts: { virtualMfaDevices: ok(action, fromVirtualMfaDevices({ VirtualMFADevices: devices })) } };
    } catch (error) {
      return { parts: { virtualMfaDevices: failed(action, error) } };
    }
  },
};

export const serverCertificatesCollector: Collector = {
  name: 'IAM server certificates',
  parts: ['serverCertificates'],
  actions: ['iam:ListServerCertificates'],
  async collect(ctx) {
    const action = 'iam:ListServerCertificates';
    try {
      const certificates: ServerCertificateMetadata[] = [];
      for await (const page of throughLimit(ctx, paginateListServerCertificates({ client: ctx.clients.iam, pageSize: 1000 }, {}))) {
        certificates.push(...(page.ServerCertificateMetadataList ?? []));
      }
      return { parts: { serverCertificates: ok(action, fromServerCertificates({ ServerCertificateMetadataList: certificates })) } };
    } catch (error) {
      return { parts: { serverCertificates: failed(action, error) } };
    }
  },
};

/** Pages of an SDK paginator, each page request taking a slot of the shared concurrency bound. */
export async function* throughLimit<T>(ctx: Parameters<Collector['collect']>[0], pages: AsyncIterable<T>): AsyncGenerator<T> {
  const iterator = pages[Symbol.asyncIterator]();
  for (;;) {
    const next = await ctx.send(() => iterator.next());
    if (next.done) return;
    yield next.value;
  }
}
