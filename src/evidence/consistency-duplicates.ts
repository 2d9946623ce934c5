import { msg } from '../i18n/index.js';
import { at, type Problem } from './consistency-problem.js';
import type { Evidence } from './schema.js';

// A thing listed twice would be judged twice, or one of its two versions silently (the engine
// can only see that a resource got two verdicts, after the fact). AWS lists each of these once:
// IAM names are unique per account regardless of case, ARNs are unique everywhere.

/** The first repeat in `items` by `key`, as a problem of `part`. */
function firstRepeat<T>(part: string, field: string, items: readonly T[], key: (item: T) => string, what: (item: T) => string): Problem[] {
  const seen = new Map<string, number>();
  for (const [i, item] of items.entries()) {
    const k = key(item);
    const first = seen.get(k);
    if (first !== undefined) {
      return [{ part, code: 'DuplicateEntry', detail: msg('entryTwice', { field, value: JSON.stringify(what(item)), first: at(field, first), second: at(field, i) }) }];
    }
    seen.set(k, i);
  }
  return [];
}

const byName = <T extends { name: string }>(x: T) => x.name.toLowerCase();
const name = <T extends { name: string }>(x: T) => x.name;
const byArn = <T extends { arn: string }>(x: T) => x.arn;

export function duplicates(ev: Evidence): Problem[] {
  const problems: Problem[] = [];
  const { credentialReport, authorizationDetails, virtualMfaDevices, serverCertificates, regions, identityCenterInstances } = ev.parts;
  if (credentialReport.ok) {
    const rows = credentialReport.data.rows;
    problems.push(
      ...firstRepeat('credentialReport', 'rows', rows, (r) => r.user, (r) => r.user),
      ...firstRepeat('credentialReport', 'rows', rows, (r) => r.arn, (r) => r.arn),
    );
  }
  if (authorizationDetails.ok) {
    const a = authorizationDetails.data;
    for (const field of ['users', 'groups', 'roles'] as const) {
      problems.push(...firstRepeat('authorizationDetails', field, a[field], byName, name), ...firstRepeat('authorizationDetails', field, a[field], byArn, byArn));
    }
    problems.push(...firstRepeat('authorizationDetails', 'policies', a.policies, byArn, byArn));
  }
  if (virtualMfaDevices.ok) problems.push(...firstRepeat('virtualMfaDevices', 'data', virtualMfaDevices.data, (d) => d.serialNumber, (d) => d.serialNumber));
  if (serverCertificates.ok) {
    problems.push(...firstRepeat('serverCertificates', 'data', serverCertificates.data, name, name), ...firstRepeat('serverCertificates', 'data', serverCertificates.data, byArn, byArn));
  }
  if (regions.ok) problems.push(...firstRepeat('regions', 'data', regions.data, (r) => r, (r) => r));
  if (identityCenterInstances.ok) {
    problems.push(...firstRepeat('identityCenterInstances', 'data', identityCenterInstances.data, (i) => i.instanceArn, (i) => i.instanceArn));
  }
  for (const [region, part] of Object.entries(ev.accessAnalyzers)) {
    if (part.ok) problems.push(...firstRepeat(`accessAnalyzers.${region}`, 'data', part.data, byArn, byArn));
  }
  return problems;
}
