import {
  GetAccountPasswordPolicyCommand,
  GetAccountSummaryCommand,
  paginateListServerCertificates,
  paginateListVirtualMFADevices,
  type ServerCertificateMetadata,
  type VirtualMFADevice,
} from '@aws-sdk/client-iam';
import { accountSummaryPart, fromAccountSummary } from '../evidence/parts/account-summary.js';
import { fromPasswordPolicy, passwordPolicyPart } from '../evidence/parts/password-policy.js';
import { fromServerCertificates, serverCertificatesPart } from '../evidence/parts/server-certificates.js';
import { fromVirtualMfaDevices, virtualMfaDevicesPart } from '../evidence/parts/virtual-mfa-devices.js';
import { failed, failedOrFact, ok, type Collector } from './collector.js';
import { paginate } from './paginate.js';

// The account-wide IAM reads: one call each, or one page per 1,000 items.

// Page caps (see paginate.ts), far above IAM's quotas: 5,000 users with at most 8 MFA devices each
// is 40 full pages; server certificates are capped at 1,000 per account, one page.
const MAX_MFA_PAGES = 500;
const MAX_CERTIFICATE_PAGES = 100;

export const accountSummaryCollector: Collector = {
  name: 'IAM account summary',
  parts: ['accountSummary'],
  async collect(ctx) {
    const action = accountSummaryPart.actions[0];
    try {
      const out = await ctx.send(() => ctx.clients.iam.send(new GetAccountSummaryCommand({})));
      return { parts: { accountSummary: ok(action, fromAccountSummary(out)) } };
    } catch (error) {
      return { parts: { accountSummary: failed(action, error) } };
    }
  },
};

export const passwordPolicyCollector: Collector = {
  name: 'IAM password policy',
  parts: ['passwordPolicy'],
  async collect(ctx) {
    const action = passwordPolicyPart.actions[0];
    try {
      const out = await ctx.send(() => ctx.clients.iam.send(new GetAccountPasswordPolicyCommand({})));
      return { parts: { passwordPolicy: ok(action, fromPasswordPolicy(out)) } };
    } catch (error) {
      // NoSuchEntity: no custom policy, the AWS default applies. A fact, not a failure.
      return { parts: { passwordPolicy: failedOrFact(passwordPolicyPart, action, error) } };
    }
  },
};

export const virtualMfaCollector: Collector = {
  name: 'IAM virtual MFA devices',
  parts: ['virtualMfaDevices'],
  async collect(ctx) {
    const action = virtualMfaDevicesPart.actions[0];
    try {
      const devices: VirtualMFADevice[] = [];
      const pages = paginateListVirtualMFADevices({ client: ctx.clients.iam, pageSize: 1000 }, { AssignmentStatus: 'Assigned' });
      for await (const page of paginate(ctx, pages, MAX_MFA_PAGES)) devices.push(...(page.VirtualMFADevices ?? []));
      return { parts: { virtualMfaDevices: ok(action, fromVirtualMfaDevices({ VirtualMFADevices: devices })) } };
    } catch (error) {
      return { parts: { virtualMfaDevices: failed(action, error) } };
    }
  },
};

export const serverCertificatesCollector: Collector = {
  name: 'IAM server certificates',
  parts: ['serverCertificates'],
  async collect(ctx) {
    const action = serverCertificatesPart.actions[0];
    try {
      const certificates: ServerCertificateMetadata[] = [];
      for await (const page of paginate(ctx, paginateListServerCertificates({ client: ctx.clients.iam, pageSize: 1000 }, {}), MAX_CERTIFICATE_PAGES)) {
        certificates.push(...(page.ServerCertificateMetadataList ?? []));
      }
      return { parts: { serverCertificates: ok(action, fromServerCertificates({ ServerCertificateMetadataList: certificates })) } };
    } catch (error) {
      return { parts: { serverCertificates: failed(action, error) } };
    }
  },
};
