import { globMatch } from '../../config/glob.js';
import type { Partition, ScpLevel } from '../../evidence/schema.js';

// Whether the service control policies on a member's path deny what its root user does with its
// own credentials (password or access keys). Each statement is judged against the request context
// AWS builds for such a request, and a condition on anything else is "unknown": the deny then holds
// only sometimes, which is not a guardrail. The rules, and why, are in docs/decisions.md
// ("org-root-user-scp: what counts as denying the root user").

/** A policy we cannot read as an SCP: a verdict resting on it could be false either way. */
export class UnreadablePolicy extends Error {
  constructor(readonly reason: UnreadableReason) {
    super(reason);
  }
}
export type UnreadableReason = 'notJson' | 'noStatements' | 'badStatement' | 'unknownElement' | 'badEffect' | 'unknownOperator' | 'badCondition';

type Tri = boolean | 'unknown';

/**
 * The request context of the member's root user signing in with its own credentials: what AWS
 * puts there for every such request (IAM User Guide, "AWS global condition context keys").
 * `null`: the key is absent from that context. A key not listed is unknown (it depends on the request).
 */
export function rootContext(partition: Partition, accountId: string, organizationId: string | null): Map<string, string | null> {
  const ctx = new Map<string, string | null>([
    ['aws:principalarn', `arn:${partition}:iam::${accountId}:root`],
    ['aws:principalaccount', accountId],
    ['aws:principaltype', 'Account'],
    ['aws:userid', accountId],
    ['aws:principalisawsservice', 'false'],
    // Only a privileged root session (sts:AssumeRoot) carries aws:AssumedRoot.
    ['aws:assumedroot', null],
    ['aws:principalservicename', null],
    ['aws:principalservicenameslist', null],
  ]);
  if (organizationId) ctx.set('aws:principalorgid', organizationId);
  return ctx;
}

const absentKey = (key: string) => key.startsWith('aws:principaltag/');

const STRING_OPS = new Set(['StringEquals', 'StringNotEquals', 'StringEqualsIgnoreCase', 'StringNotEqualsIgnoreCase', 'StringLike', 'StringNotLike']);
const ARN_OPS = new Set(['ArnEquals', 'ArnLike', 'ArnNotEquals', 'ArnNotLike']);
const OTHER_OPS = new Set([
  'Bool',
  'Null',
  'BinaryEquals',
  'IpAddress',
  'NotIpAddress',
  'NumericEquals',
  'NumericNotEquals',
  'NumericLessThan',
  'NumericLessThanEquals',
  'NumericGreaterThan',
  'NumericGreaterThanEquals',
  'DateEquals',
  'DateNotEquals',
  'DateLessThan',
  'DateLessThanEquals',
  'DateGreaterThan',
  'DateGreaterThanEquals',
]);
const NEGATED = new Set(['StringNotEquals', 'StringNotEqualsIgnoreCase', 'StringNotLike', 'ArnNotEquals', 'ArnNotLike', 'NotIpAddress', 'NumericNotEquals', 'DateNotEquals']);

function values(raw: unknown): string[] {
  const list = Array.isArray(raw) ? raw : [raw];
  if (list.length === 0) throw new UnreadablePolicy('badCondition');
  return list.map((v) => {
    if (typeof v === 'string') return v;
    if (typeof v === 'boolean' || typeof v === 'number') return String(v);
    throw new UnreadablePolicy('badCondition');
  });
}

/** `${aws:PrincipalAccount}` and friends; undefined when a variable is not known for this request. */
function substitute(value: string, ctx: Map<string, string | null>): string | undefined {
  let unknown = false;
  const out = value.replace(/\$\{([^}]*)\}/g, (_m, name: string) => {
    if (name === '*' || name === '?' || name === '$') return name;
    const known = ctx.get(name.toLowerCase());
    if (typeof known !== 'string') unknown = true;
    return known ?? '';
  });
  return unknown ? undefined : out;
}

/** ArnLike/ArnEquals: each of the six colon-separated parts is matched on its own, wildcards included. */
function arnMatches(pattern: string, arn: string): boolean {
  const split = (s: string) => {
    const parts = s.split(':');
    return parts.length < 6 ? undefined : [...parts.slice(0, 5), parts.slice(5).join(':')];
  };
  const p = split(pattern);
  const a = split(arn);
  return p !== undefined && a !== undefined && p.every((seg, i) => globMatch(seg, a[i] as string));
}

function baseMatch(op: string, pattern: string, actual: string): Tri {
  switch (op) {
    case 'StringEquals':
    case 'StringNotEquals':
      return pattern === actual;
    case 'StringEqualsIgnoreCase':
    case 'StringNotEqualsIgnoreCase':
      return pattern.toLowerCase() === actual.toLowerCase();
    case 'StringLike':
    case 'StringNotLike':
      return globMatch(pattern, actual);
    case 'ArnEquals':
    case 'ArnLike':
    case 'ArnNotEquals':
    case 'ArnNotLike':
      return arnMatches(pattern, actual);
    case 'Bool':
      return pattern.toLowerCase() === actual.toLowerCase();
    default:
      // Numbers, dates, addresses and binaries are never compared with these string keys.
      return 'unknown';
  }
}

/** One `Operator: { key: values }` entry, for one key: true, false, or unknown for this request. */
function entry(operator: string, key: string, raw: unknown, ctx: Map<string, string | null>): Tri {
  let op = operator;
  let set: 'any' | 'all' | undefined;
  if (op.startsWith('ForAnyValue:')) [set, op] = ['any', op.slice('ForAnyValue:'.length)];
  else if (op.startsWith('ForAllValues:')) [set, op] = ['all', op.slice('ForAllValues:'.length)];
  const ifExists = op !== 'Null' && op.endsWith('IfExists');
  if (ifExists) op = op.slice(0, -'IfExists'.length);
  if (!STRING_OPS.has(op) && !ARN_OPS.has(op) && !OTHER_OPS.has(op)) throw new UnreadablePolicy('unknownOperator');
  const wanted = values(raw);
  const k = key.toLowerCase();
  const actual = ctx.has(k) ? ctx.get(k) : absentKey(k) ? null : undefined;
  if (actual === undefined) return 'unknown';
  if (op === 'Null') {
    const v = (wanted[0] as string).toLowerCase();
    if (wanted.length !== 1 || (v !== 'true' && v !== 'false')) throw new UnreadablePolicy('badCondition');
    return (actual === null) === (v === 'true');
  }
  if (actual === null) {
    // An absent key: ForAllValues over an empty set and …IfExists hold; a negated operator holds
    // ("the key is not there, so it does not match"); every other operator does not.
    if (set === 'all' || ifExists) return true;
    if (set === 'any') return false;
    return NEGATED.has(op);
  }
  let any: Tri = false;
  for (const w of wanted) {
    const pattern = substitute(w, ctx);
    const m = pattern === undefined ? 'unknown' : baseMatch(op, pattern, actual);
    if (m === true) {
      any = true;
      break;
    }
    if (m === 'unknown') any = 'unknown';
  }
  if (!NEGATED.has(op)) return any;
  return any === 'unknown' ? 'unknown' : !any;
}

/** A statement's Condition block for the root user's own request: every entry must hold. */
export function conditionHolds(condition: unknown, ctx: Map<string, string | null>): Tri {
  if (condition === undefined) return true;
  if (!isObject(condition)) throw new UnreadablePolicy('badCondition');
  let result: Tri = true;
  for (const [operator, block] of Object.entries(condition)) {
    if (!isObject(block)) throw new UnreadablePolicy('badCondition');
    for (const [key, raw] of Object.entries(block)) {
      const r = entry(operator, key, raw, ctx);
      if (r === false) return false;
      if (r === 'unknown') result = 'unknown';
    }
  }
  return result;
}

/** Keys that pick out the root user among the account's principals. */
const PRINCIPAL_KEYS = new Set(['aws:principalarn', 'aws:principaltype', 'aws:userid']);

/**
 * The condition singles out the root user: a positive test on its ARN, type or user id holds.
 * Only such a statement is a deny "of the root user" when it reaches it only in part; a Deny of
 * one action for everyone is a guardrail of another kind.
 */
function namesRoot(condition: unknown, ctx: Map<string, string | null>): boolean {
  if (!isObject(condition)) return false;
  return Object.entries(condition).some(
    ([operator, block]) =>
      isObject(block) &&
      !NEGATED.has(operator.replace(/^For(Any|All)Values:/, '').replace(/IfExists$/, '')) &&
      Object.entries(block).some(([key, raw]) => PRINCIPAL_KEYS.has(key.toLowerCase()) && entry(operator, key, raw, ctx) === true),
  );
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function strings(raw: unknown): string[] {
  const list = Array.isArray(raw) ? raw : [raw];
  if (list.length === 0 || list.some((v) => typeof v !== 'string')) throw new UnreadablePolicy('badStatement');
  return list as string[];
}

const ELEMENTS = new Set(['Sid', 'Effect', 'Action', 'NotAction', 'Resource', 'NotResource', 'Condition']);
/** One action, named in full: `service:Action`, no wildcard. */
const SINGLE_ACTION = /^[a-z0-9-]+:[A-Za-z0-9]+$/i;

export interface Statement {
  effect: 'Allow' | 'Deny';
  actions?: string[];
  notActions?: string[];
  resources?: string[];
  notResources?: string[];
  condition?: unknown;
}

/** The statements of an SCP document, or UnreadablePolicy. */
export function statements(content: string): Statement[] {
  let doc: unknown;
  try {
    doc = JSON.parse(content);
  } catch {
    throw new UnreadablePolicy('notJson');
  }
  if (!isObject(doc) || doc.Statement === undefined) throw new UnreadablePolicy('noStatements');
  const raw = Array.isArray(doc.Statement) ? doc.Statement : [doc.Statement];
  return raw.map((s) => {
    if (!isObject(s)) throw new UnreadablePolicy('badStatement');
    // Principal and NotPrincipal have no place in an SCP; anything else unknown is not ours to guess.
    for (const key of Object.keys(s)) if (!ELEMENTS.has(key)) throw new UnreadablePolicy('unknownElement');
    if (s.Effect !== 'Allow' && s.Effect !== 'Deny') throw new UnreadablePolicy('badEffect');
    if ((s.Action === undefined) === (s.NotAction === undefined)) throw new UnreadablePolicy('badStatement');
    if (s.Resource !== undefined && s.NotResource !== undefined) throw new UnreadablePolicy('badStatement');
    if (s.Condition !== undefined && !isObject(s.Condition)) throw new UnreadablePolicy('badCondition');
    return {
      effect: s.Effect,
      ...(s.Action !== undefined ? { actions: strings(s.Action) } : {}),
      ...(s.NotAction !== undefined ? { notActions: strings(s.NotAction) } : {}),
      ...(s.Resource !== undefined ? { resources: strings(s.Resource) } : {}),
      ...(s.NotResource !== undefined ? { notResources: strings(s.NotResource) } : {}),
      ...(s.Condition !== undefined ? { condition: s.Condition } : {}),
    };
  });
}

/**
 * What one Deny statement does to the root user's own requests:
 * - `all`: every action on every resource, always;
 * - `allExcept`: every action but a few named ones (NotAction listing single actions), always;
 * - `partial`: only some actions or resources, or only when a condition about the request holds;
 * - `none`: never (its condition rules the root user out, or it denies nothing).
 */
export type DenyReach = { kind: 'all' } | { kind: 'allExcept'; except: string[] } | { kind: 'partial' } | { kind: 'none' };

const isStar = (a: string) => a === '*' || a === '*:*';

export function denyReach(s: Statement, ctx: Map<string, string | null>): DenyReach {
  const applies = conditionHolds(s.condition, ctx);
  if (applies === false) return { kind: 'none' };
  let reach: DenyReach;
  if (s.actions) reach = s.actions.some(isStar) ? { kind: 'all' } : { kind: 'partial' };
  else {
    const except = s.notActions as string[];
    if (except.some(isStar)) return { kind: 'none' };
    // A NotAction with a wildcard exception (`iam:*`, `s3:Get*`) leaves whole families allowed.
    reach = except.every((a) => SINGLE_ACTION.test(a)) ? { kind: 'allExcept', except } : { kind: 'partial' };
  }
  const everywhere = s.notResources === undefined && (s.resources === undefined || s.resources.some((r) => r === '*'));
  if (everywhere && applies === true && reach.kind !== 'partial') return reach;
  // Reaching the root user only in part: counted when the statement is about the root user (its
  // condition names it, or its resource is a root user's ARN), not for any Deny of some action.
  const rootArn = ctx.get('aws:principalarn') ?? '';
  const aboutRoot = namesRoot(s.condition, ctx) || (s.resources ?? []).some((r) => r !== '*' && arnMatches(r, rootArn));
  return aboutRoot ? { kind: 'partial' } : { kind: 'none' };
}

/** Whether an Allow statement may apply to the root user's requests (its condition does not rule it out). */
export function allowMayApply(s: Statement, ctx: Map<string, string | null>): boolean {
  return conditionHolds(s.condition, ctx) !== false;
}

export interface ScpFinding {
  /** The strongest deny found: all, then allExcept (fewest exceptions), then an implicit one. */
  deny?:
    | { kind: 'all' | 'allExcept'; policyId: string; policyName: string; target: string; except: string[] }
    | { kind: 'implicit'; target: string; policyNames: string[] };
  /** Policies with a Deny that reaches the root user only in part. */
  partial: { policyId: string; policyName: string; target: string }[];
  /** Policies that cannot be read (first per policy). */
  unreadable: { policyId: string; policyName: string; target: string; reason: UnreadableReason }[];
}

/** Judges every policy on the path against the root user's own requests. */
export function judgePath(path: readonly ScpLevel[], ctx: Map<string, string | null>): ScpFinding {
  const out: ScpFinding = { partial: [], unreadable: [] };
  let best: { rank: number; deny: NonNullable<ScpFinding['deny']> } | undefined;
  const offer = (rank: number, deny: NonNullable<ScpFinding['deny']>) => {
    if (!best || rank < best.rank) best = { rank, deny };
  };
  for (const level of path) {
    let allowsRoot = false;
    let readable = level.policies.length > 0;
    for (const policy of level.policies) {
      let list: Statement[];
      try {
        list = statements(policy.content);
        for (const s of list) {
          if (s.effect === 'Allow') {
            if (allowMayApply(s, ctx)) allowsRoot = true;
            continue;
          }
          const reach = denyReach(s, ctx);
          const where = { policyId: policy.id, policyName: policy.name, target: level.name };
          if (reach.kind === 'all') offer(0, { kind: 'all', ...where, except: [] });
          else if (reach.kind === 'allExcept') offer(1 + reach.except.length / 10_000, { kind: 'allExcept', ...where, except: reach.except });
          else if (reach.kind === 'partial' && !out.partial.some((p) => p.policyId === policy.id)) out.partial.push(where);
        }
      } catch (error) {
        if (!(error instanceof UnreadablePolicy)) throw error;
        readable = false;
        out.unreadable.push({ policyId: policy.id, policyName: policy.name, target: level.name, reason: error.reason });
      }
    }
    // Every level needs an Allow; one whose policies (all read) allow the root user nothing denies
    // it everything. A level with no SCP at all is not judged: with SCPs enabled AWS keeps one on
    // every root, OU and account, so none means it was not read.
    if (readable && !allowsRoot) offer(2, { kind: 'implicit', target: level.name, policyNames: level.policies.map((p) => p.name) });
  }
  if (best) out.deny = (best as { deny: NonNullable<ScpFinding['deny']> }).deny;
  return out;
}
