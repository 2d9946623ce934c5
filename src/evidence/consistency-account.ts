import { msg } from '../i18n/index.js';
import { parseArn } from './consistency-arn.js';
import { at, type Problem } from './consistency-problem.js';
import type { Evidence } from './schema.js';

// One evidence document is one account in one partition. An ARN of another account (a root row
// pasted from another report, an export folder whose identity file is of another account) would
// be judged as if it were this account's: a foreign root row could hide this root's keys.

interface Expect {
  service: string;
  /** 'aws' also allowed: AWS-managed policies (arn:aws:iam::aws:policy/…). */
  awsManaged?: boolean;
  /** The resource must start with one of these (`user/`, `root`…). */
  resource?: readonly string[];
  region?: string;
}

export function oneAccount(ev: Evidence): Problem[] {
  const { id, partition } = ev.account;
  const problems: Problem[] = [];
  const arn = (part: string, field: string, value: string, expect: Expect): void => {
    const p = parseArn(value);
    const fits =
      p !== undefined &&
      p.service === expect.service &&
      (expect.region === undefined || p.region === expect.region) &&
      (expect.resource === undefined || expect.resource.some((r) => p.resource === r || p.resource.startsWith(`${r}/`)));
    if (!fits) {
      problems.push({ part, code: 'ImpossibleValue', detail: msg('notThisArn', { field, value: JSON.stringify(value), expected: `arn:${partition}:${expect.service}:${expect.region ?? ''}:${id}:${expect.resource?.[0] ?? '…'}` }) });
      return;
    }
    if (p.partition === partition && (p.account === id || (expect.awsManaged === true && p.account === 'aws'))) return;
    problems.push({ part, code: 'ForeignAccount', detail: msg('foreignAccount', { field, value: JSON.stringify(value), account: p.account, partition: p.partition, ownAccount: id, ownPartition: partition }) });
  };

  if (ev.account.callerArn !== undefined) {
    const p = parseArn(ev.account.callerArn);
    if (!p || p.partition !== partition || p.account !== id) {
      problems.push({ part: 'account', code: 'ForeignAccount', detail: msg('foreignAccount', { field: 'account.callerArn', value: JSON.stringify(ev.account.callerArn), account: p?.account ?? '?', partition: p?.partition ?? '?', ownAccount: id, ownPartition: partition }) });
    }
  }

  const { credentialReport, authorizationDetails, virtualMfaDevices, serverCertificates } = ev.parts;
  if (credentialReport.ok) {
    for (const [i, row] of credentialReport.data.rows.entries()) {
      // Root's row is `<root_account>` with the account's own ARN; every other row is an IAM user.
      arn('credentialReport', `${at('rows', i)}.arn`, row.arn, { service: 'iam', resource: row.user === '<root_account>' ? ['root'] : ['user'] });
    }
  }
  if (authorizationDetails.ok) {
    const a = authorizationDetails.data;
    const attached = (field: string, list: readonly { arn: string }[]) => list.forEach((p, j) => arn('authorizationDetails', `${field}.attachedPolicies[${j}].arn`, p.arn, { service: 'iam', awsManaged: true, resource: ['policy'] }));
    for (const [field, resource] of [['users', 'user'], ['groups', 'group'], ['roles', 'role']] as const) {
      a[field].forEach((x, i) => {
        arn('authorizationDetails', `${at(field, i)}.arn`, x.arn, { service: 'iam', resource: [resource] });
        attached(at(field, i), x.attachedPolicies);
      });
    }
    a.policies.forEach((p, i) => arn('authorizationDetails', `${at('policies', i)}.arn`, p.arn, { service: 'iam', awsManaged: true, resource: ['policy'] }));
  }
  if (virtualMfaDevices.ok) {
    virtualMfaDevices.data.forEach((d, i) => {
      // A virtual device's serial number is its ARN; anything else would pass for a hardware key.
      arn('virtualMfaDevices', `${at('data', i)}.serialNumber`, d.serialNumber, { service: 'iam', resource: ['mfa'] });
      if (d.userArn !== undefined) arn('virtualMfaDevices', `${at('data', i)}.userArn`, d.userArn, { service: 'iam', resource: ['root', 'user'] });
    });
  }
  if (serverCertificates.ok) {
    serverCertificates.data.forEach((c, i) => arn('serverCertificates', `${at('data', i)}.arn`, c.arn, { service: 'iam', resource: ['server-certificate'] }));
  }
  for (const [region, part] of Object.entries(ev.accessAnalyzers)) {
    if (!part.ok) continue;
    part.data.forEach((a, i) => arn(`accessAnalyzers.${region}`, `${at('data', i)}.arn`, a.arn, { service: 'access-analyzer', region, resource: ['analyzer'] }));
  }
  return problems;
}
