import { ALIASES, CHECKS } from '../checks/registry.js';
import { checkKey } from '../engine/check.js';
import { SEVERITIES, STATUSES, type Finding } from '../engine/types.js';
import { InputError } from '../errors.js';
import { msg } from '../i18n/index.js';
import { RECORD_SCHEMA, type ScanRecord } from '../record/record.js';
import type { FindingWords } from './render-diff.js';

// A saved file as one side of a diff or a --baseline: the canonical JSON result (`scan --format
// json`), a scan export (`history export`) or a bare record. A JSON result carries each finding's
// id, check, status, severity, resource, message id and mute, and its words in the language it was
// written in, but not the message parameters nor the check versions: it is compared by id,
// status, severity and mute like a stored scan; its checks are the ones it has findings of, matched
// to today's permanent keys (a renamed check stays the same); and its findings keep their words.

export interface FileSide {
  record: ScanRecord;
  /** The words the file was written with (JSON results), else null: render the record. */
  words: Map<string, FindingWords> | null;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

export function sideFromJson(path: string, value: unknown): FileSide {
  if (!isObject(value)) throw bad(path, '(top level)', 'type');
  if (value.schema === RECORD_SCHEMA) return { record: value as unknown as ScanRecord, words: null };
  if (isObject(value.record) && value.record.schema === RECORD_SCHEMA) return { record: value.record as unknown as ScanRecord, words: null };
  return recordFromResult(path, value);
}

const KEY_OF = (() => {
  const keys = new Map<string, string>();
  for (const c of CHECKS) keys.set(c.id, checkKey(c));
  for (const [id, aliases] of ALIASES) for (const alias of aliases) keys.set(alias, keys.get(id) ?? id);
  return keys;
})();

function recordFromResult(path: string, value: Json): FileSide {
  if (value.schemaVersion !== 1) throw bad(path, 'schemaVersion', value.schemaVersion === undefined ? 'missing' : 'type');
  const scan = need(path, value, 'scan', isObject);
  const findings = need(path, value, 'findings', Array.isArray);
  const accounts = need(path, value, 'accounts', Array.isArray);
  const notAssessed = Array.isArray(value.notAssessed) ? value.notAssessed : [];
  const words = new Map<string, FindingWords>();
  const checks: ScanRecord['checkSet']['checks'] = {};
  const out: Finding[] = findings.map((f, i) => {
    const at = `findings[${i}]`;
    if (!isObject(f)) throw bad(path, at, 'type');
    const field = <T>(name: string, ok: (v: unknown) => v is T): T => need(path, f, name, ok, `${at}.`);
    const id = field('id', isString);
    const checkId = field('checkId', isString);
    const status = field('status', (v): v is Finding['status'] => STATUSES.includes(v as Finding['status']));
    const severity = field('severity', (v): v is Finding['severity'] => SEVERITIES.includes(v as Finding['severity']));
    const accountId = field('accountId', isString);
    const resource = field('resource', isObject) as unknown as Finding['resource'];
    if (typeof resource.name !== 'string' || typeof resource.arn !== 'string') throw bad(path, `${at}.resource.name`, 'type');
    words.set(id, { title: typeof f.title === 'string' ? f.title : checkId, message: typeof f.message === 'string' ? f.message : '' });
    checks[checkId] ??= { version: 0, key: KEY_OF.get(checkId) ?? checkId };
    return {
      id,
      checkId,
      status,
      severity,
      accountId,
      partition: (typeof f.partition === 'string' ? f.partition : 'aws') as Finding['partition'],
      region: typeof f.region === 'string' ? f.region : 'global',
      resource,
      messageId: typeof f.messageId === 'string' ? f.messageId : '',
      params: {},
      evidence: [],
      compliance: {},
      muted: f.muted === true,
      muteReason: typeof f.muteReason === 'string' ? f.muteReason : null,
    };
  });
  const record: ScanRecord = {
    schema: RECORD_SCHEMA,
    tool: isObject(value.tool) ? (value.tool as ScanRecord['tool']) : { name: 'aws-lockdown', version: '?' },
    // Version 0: unknown (a result does not say which version judged); never reported as "changed".
    checkSet: { fingerprint: '', checks },
    scan: { id: need(path, scan, 'id', isString, 'scan.'), startedAt: need(path, scan, 'startedAt', isString, 'scan.'), finishedAt: String(scan.finishedAt ?? scan.startedAt), source: String(scan.source ?? 'evidence') as ScanRecord['scan']['source'] },
    accounts: accounts.map((a, i) => {
      if (!isObject(a) || !isString(a.id)) throw bad(path, `accounts[${i}].id`, 'missing');
      return a as unknown as ScanRecord['accounts'][number];
    }),
    notAssessed: notAssessed.filter(isObject).map((a) => {
      const reason = isObject(a.reason) ? a.reason : {};
      return { ...(a as unknown as ScanRecord['notAssessed'][number]), code: String(reason.code ?? a.code ?? ''), reason: msg('commanderSays', { detail: String(reason.message ?? '') }) };
    }),
    findings: out,
    mutelist: null,
  };
  return { record, words };
}

const isString = (v: unknown): v is string => typeof v === 'string';

function need<T>(path: string, object: Json, name: string, ok: (v: unknown) => v is T, prefix = ''): T {
  const v = object[name];
  if (v === undefined) throw bad(path, `${prefix}${name}`, 'missing');
  if (!ok(v)) throw bad(path, `${prefix}${name}`, 'type');
  return v;
}

function bad(path: string, field: string, problem: 'missing' | 'type'): InputError {
  return new InputError(msg('notAResult', { path, field, problem }));
}
