import type { CheckSummary, RenderedFinding, ScanResult } from '../../record/result.js';
import { SEVERITIES, STATUSES, type Lang, type Severity, type Status } from '../../engine/types.js';
import { fill } from './fill.js';
import { formatMessage } from '../../i18n/format.js';
import type { Params } from '../../i18n/params.js';
import type { ScanRecord } from '../../record/record.js';
import { messageTemplates } from '../../record/render.js';
import { HTML_TEXT, type TextKey } from './text.js';
import { isManyAccounts } from '../accounts.js';

// The findings as the page carries them. A 5,000-user account has ~40,000 findings whose full
// JSON is ~37 MB, mostly the same check texts over and over; here each finding is one short row
// of indexes into shared tables, and the page script puts the words back together (decoder in
// client/decode.ts). Messages travel as they are stored in the scan record: a catalogue template
// and language-neutral parameters, which the page fills with the same formatter as the server
// (src/i18n/format.ts, bundled into the page). Everything the script would rebuild differently is
// stored whole, so the page shows exactly what the JSON result says.

/**
 * One finding: [id, check, status, severity, account, region, resource type, resource name, ARN,
 * message, evidence, remediation?, mute?]. `check` indexes `c`; `status` and `severity` index
 * STATUSES and SEVERITIES; `account` indexes `a`; region, type and the numbers below index `s`.
 * ARN: a number is the index of a prefix that the name completes, a string is the whole ARN.
 * Message: n ≥ 0 is `n[n]`, a template and its parameters; n < 0 the whole text at s[-n - 1]. Remediation: absent or -1 none, 0 the check's templates filled in, k > 0 r[k - 1].
 * Mute: absent or -1 not muted, -2 muted without a reason, k ≥ 0 muted with reason s[k].
 */
export type Row = [string, number, number, number, number, number, number, string, number | string, number, number, number?, number?];

export interface FindingData {
  lang: Lang;
  /** Shared strings: regions, resource types, ARN prefixes, message templates, mute reasons. */
  s: string[];
  /** Messages: [template in `s`, parameters in `p`], filled with the finding's resource and account. */
  n: [number, number][];
  /** The findings' language-neutral message parameters (src/i18n/params.ts). */
  p: Params[];
  /** Check ids in sorted order. */
  c: string[];
  /** result.checks: titles, risk and the fix templates with their placeholders. */
  k: Record<string, CheckSummary>;
  /** Accounts: [id, partition, console URL]. */
  a: [string, string, string][];
  /** Many-account scans only, by the index of `a`: the account's name, the ids of the OUs above it and its OU path in words. */
  ap?: [string | null, string[], string][];
  /** Evidence: [source, observedAt, action, parts]. */
  e: [string, string | null, string | null, string[]][];
  /** Remediations that differ from their check's filled-in templates: [summary, steps, cli, rootOnly]. */
  r: [string, string[], string | null, boolean][];
  f: Row[];
  /** Rare per-finding departures from the check, by row: title, compliance, resource region. */
  x: Record<number, { t?: string; p?: Record<string, string[]>; g?: string }>;
}

/** Everything the page script reads from the data block: the findings and the words around them. */
export interface PageData extends FindingData {
  /** The page's labels in the report's language (text.ts). */
  t: Record<TextKey, string>;
  st: readonly Status[];
  sv: readonly Severity[];
  /** Status and severity labels, in the order of `st` and `sv`. */
  sl: string[];
  vl: string[];
  /** Evidence sources in words. */
  src: Record<string, string>;
  /** Framework ids → name and version. */
  fw: Record<string, string>;
}

class Interned<T> {
  readonly list: T[] = [];
  private readonly index = new Map<string, number>();
  constructor(private readonly key: (item: T) => string) {}
  id(item: T): number {
    const k = this.key(item);
    let i = this.index.get(k);
    if (i === undefined) {
      i = this.list.length;
      this.list.push(item);
      this.index.set(k, i);
    }
    return i;
  }
}

// Findings of one check share their compliance and evidence objects (buildResult reuses them), so
// their JSON is computed once per object.
const jsonOf = new WeakMap<object, string>();
function json(value: object | undefined): string {
  if (value === undefined) return 'undefined';
  let text = jsonOf.get(value);
  if (text === undefined) jsonOf.set(value, (text = JSON.stringify(value)));
  return text;
}
const same = (a: object | undefined, b: object | undefined) => a === b || json(a) === json(b);

/**
 * `record`: the record the result was rendered from; without it, messages are stored as text.
 * `findings`: the result's findings, taken once in order, each dropped once encoded (see findings.ts).
 */
export function encodeFindings(result: ScanResult, record?: ScanRecord, findings: Iterable<RenderedFinding> = result.findings): FindingData {
  const lang = result.scan.lang;
  const strings = new Interned<string>((s) => s);
  const messages = new Interned<[number, number]>((m) => `${m[0]},${m[1]}`);
  const params = new Interned<Params>((p) => JSON.stringify(p));
  const templateOf = messageTemplates(lang);
  const neutral = new Map(record?.findings.map((f) => [f.id, f]));
  const accounts = new Interned<[string, string, string]>((a) => `${a[0]}|${a[1]}`);
  const evidence = new Interned<RenderedFinding['evidence']>(json);
  const remediations = new Interned<FindingData['r'][number]>((r) => JSON.stringify(r));
  // A row's check first indexes the checks in the order met; once every finding is seen, the sorted index.
  const metChecks = new Interned<string>((id) => id);
  const statusIndex = new Map(STATUSES.map((s, i) => [s, i]));
  const severityIndex = new Map(SEVERITIES.map((s, i) => [s, i]));
  const consoles = new Map(result.accounts.map((a) => [a.id, a.consoleUrl]));
  const consoleOf = (accountId: string) => consoles.get(accountId) ?? result.accounts[0]?.consoleUrl ?? '';
  const overrides: FindingData['x'] = {};

  const rows: Row[] = [];
  for (const f of findings) {
    const i = rows.length;
    const check = Object.hasOwn(result.checks, f.checkId) ? result.checks[f.checkId] : undefined;
    const { name, arn } = f.resource;
    const consoleUrl = consoleOf(f.accountId);
    const account = accounts.id([f.accountId, f.partition, consoleUrl]);

    const vars = { accountId: f.accountId, partition: f.partition, region: f.region, resourceName: name, resourceArn: arn, consoleUrl };
    // The record's template and parameters, when they give exactly the result's text.
    const source = neutral.get(f.id);
    const template = source && templateOf(source.checkId, source.messageId);
    const message =
      source && template !== undefined && formatMessage(lang, template, { ...source.params, ...vars }) === f.message
        ? messages.id([strings.id(template), params.id(source.params)])
        : -1 - strings.id(f.message);
    const arnCell = arn.endsWith(name) ? strings.id(arn.slice(0, arn.length - name.length)) : arn;
    // Cells in the order of Row; the shared tables fill in this order.
    const c = metChecks.id(f.checkId);
    const st = statusIndex.get(f.status) as number;
    const sv = severityIndex.get(f.severity) as number;
    const region = strings.id(f.region);
    const type = strings.id(f.resource.type);
    const ev = evidence.id(f.evidence);
    const remediation = encodeRemediation(f, check, vars);
    const mute = f.muted ? (f.muteReason === null ? -2 : strings.id(f.muteReason)) : -1;
    const fix = remediation === null ? -1 : remediation === 'template' ? 0 : remediations.id(remediation) + 1;
    // Trailing defaults are left off: most findings are neither actionable nor muted. Each row is
    // made at its final length (a push would leave room for 20 more cells, on hundreds of thousands of rows).
    const row: Row =
      mute !== -1
        ? [f.id, c, st, sv, account, region, type, name, arnCell, message, ev, fix, mute]
        : fix !== -1
          ? [f.id, c, st, sv, account, region, type, name, arnCell, message, ev, fix]
          : [f.id, c, st, sv, account, region, type, name, arnCell, message, ev];

    const x: FindingData['x'][number] = {};
    if (f.title !== check?.title) x.t = f.title;
    if (!same(f.compliance, check?.compliance)) x.p = f.compliance;
    if (f.resource.region !== undefined) x.g = f.resource.region;
    if (Object.keys(x).length > 0) overrides[i] = x;
    rows.push(row);
  }
  const checkIds = [...new Set([...Object.keys(result.checks), ...metChecks.list])].sort();
  const checkIndex = new Map(checkIds.map((id, i) => [id, i]));
  const sorted = metChecks.list.map((id) => checkIndex.get(id) as number);
  for (const row of rows) row[1] = sorted[row[1]] as number;

  const checks: Record<string, CheckSummary> = {};
  for (const id of checkIds) if (Object.hasOwn(result.checks, id)) checks[id] = result.checks[id] as CheckSummary;
  const e = evidence.list.map((ev): FindingData['e'][number] => [ev.source, ev.observedAt, ev.action, ev.parts]);
  const out: FindingData = { lang, s: strings.list, n: messages.list, p: params.list, c: checkIds, k: checks, a: accounts.list, e, r: remediations.list, f: rows, x: overrides };
  if (isManyAccounts(result)) {
    const places = new Map(result.accounts.map((a) => [a.id, a]));
    const orgRoot = HTML_TEXT[lang].orgRoot;
    out.ap = accounts.list.map(([id]) => {
      const a = places.get(id);
      const path = a?.ouPath ?? null;
      return [a?.name ?? null, (path ?? []).map((ou) => ou.id), path === null ? '' : path.length === 0 ? orgRoot : path.map((ou) => ou.name).join(' / ')];
    });
  }
  return out;
}

/** 'template' when the check's fix texts, filled in for this finding, give exactly its remediation. */
function encodeRemediation(f: RenderedFinding, check: CheckSummary | undefined, vars: Record<string, string>): 'template' | FindingData['r'][number] | null {
  const rem = f.remediation;
  if (!rem) return null;
  if (
    check &&
    fill(check.fixSummary, vars) === rem.summary &&
    check.fixSteps.length === rem.steps.length &&
    check.fixSteps.every((s, i) => fill(s, vars) === rem.steps[i]) &&
    (check.cli === null ? null : fill(check.cli, vars)) === rem.cli &&
    check.rootOnly === rem.rootOnly
  ) {
    return 'template';
  }
  return [rem.summary, rem.steps, rem.cli, rem.rootOnly];
}
