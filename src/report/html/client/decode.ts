import { formatMessage } from '../../../i18n/format.js';
import type { CheckSummary, RenderedFinding } from '../../../record/result.js';
import type { FindingData, Row } from '../data.js';
import { fill } from '../fill.js';

// Rebuilds findings from the compact rows of data.ts. It needs no DOM, so the unit tests run it in
// node and compare every decoded finding with the JSON result.

export type Remediation = NonNullable<RenderedFinding['remediation']>;
/** What to do, also for a finding without a remediation of its own (then without rootOnly). */
export type Fix = Pick<Remediation, 'summary' | 'steps' | 'cli'> & { rootOnly?: boolean };
export type Vars = Record<'accountId' | 'partition' | 'region' | 'resourceName' | 'resourceArn' | 'consoleUrl', string>;

/** The data block without the page's words: what decoding needs (also the dashboard's API shape). */
export type Decodable = Pick<FindingData, 'lang' | 's' | 'n' | 'p' | 'c' | 'k' | 'a' | 'e' | 'r' | 'f' | 'x'> & { st: readonly string[]; sv: readonly string[] };

const own = (o: object, k: PropertyKey) => Object.prototype.hasOwnProperty.call(o, k);
const at = (r: Row, n: 11 | 12) => (r.length > n ? (r[n] as number) : -1);

export type Decoder = ReturnType<typeof decoder>;

export function decoder(D: Decodable) {
  const F = D.f;
  const row = (i: number) => F[i] as Row;
  const extra = (i: number) => (own(D.x, i) ? D.x[i] : undefined);
  function checkOf(i: number): CheckSummary | null {
    const id = D.c[row(i)[1]] as string;
    return own(D.k, id) ? (D.k[id] as CheckSummary) : null;
  }
  function title(i: number): string {
    const x = extra(i);
    if (x && x.t !== undefined) return x.t;
    return checkOf(i)?.title ?? '';
  }
  function arn(i: number): string {
    const r = row(i);
    return typeof r[8] === 'number' ? D.s[r[8]] + r[7] : r[8];
  }
  // Filled on first use and kept: searching and sorting read every message.
  const messages: (string | undefined)[] = [];
  function message(i: number): string {
    let text = messages[i];
    if (text === undefined) {
      const m = row(i)[9];
      if (m < 0) text = D.s[-1 - m] as string;
      else {
        const [template, params] = D.n[m] as [number, number];
        text = formatMessage(D.lang, D.s[template] as string, { ...D.p[params], ...vars(i) });
      }
      messages[i] = text;
    }
    return text;
  }
  const muted = (i: number) => at(row(i), 12) !== -1;
  function muteReason(i: number): string | null {
    const m = at(row(i), 12);
    return m >= 0 ? (D.s[m] as string) : null;
  }
  function vars(i: number): Vars {
    const r = row(i);
    const a = D.a[r[4]] as FindingData['a'][number];
    return { accountId: a[0], partition: a[1], region: D.s[r[5]] as string, resourceName: r[7], resourceArn: arn(i), consoleUrl: a[2] };
  }
  function fromCheck(c: CheckSummary, v: Vars): Remediation {
    return { summary: fill(c.fixSummary, v), steps: c.fixSteps.map((s) => fill(s, v)), cli: c.cli === null ? null : fill(c.cli, v), rootOnly: c.rootOnly };
  }
  function remediation(i: number): Remediation | null {
    const k = at(row(i), 11);
    if (k < 0) return null;
    if (k > 0) {
      const x = D.r[k - 1] as FindingData['r'][number];
      return { summary: x[0], steps: x[1].slice(), cli: x[2], rootOnly: x[3] };
    }
    return fromCheck(checkOf(i) as CheckSummary, vars(i));
  }
  /** What to do about a finding: its own remediation, else (PASS, N/A) the check's, for reference. */
  function fix(i: number): Fix | null {
    const rem = remediation(i);
    if (rem) return rem;
    const c = checkOf(i);
    return c ? fromCheck(c, vars(i)) : null;
  }
  function compliance(i: number): Record<string, string[]> {
    const x = extra(i);
    if (x && x.p !== undefined) return x.p;
    return checkOf(i)?.compliance ?? {};
  }
  /** The finding as the JSON result has it, without its message id. */
  function decode(i: number): Omit<RenderedFinding, 'messageId'> {
    const r = row(i);
    const a = D.a[r[4]] as FindingData['a'][number];
    const e = D.e[r[10]] as FindingData['e'][number];
    const x = extra(i);
    const resource: RenderedFinding['resource'] = { type: D.s[r[6]] as RenderedFinding['resource']['type'], arn: arn(i), name: r[7] };
    if (x && x.g !== undefined) resource.region = x.g;
    return {
      id: r[0],
      checkId: D.c[r[1]] as string,
      status: D.st[r[2]] as RenderedFinding['status'],
      severity: D.sv[r[3]] as RenderedFinding['severity'],
      accountId: a[0],
      partition: a[1],
      region: D.s[r[5]] as string,
      resource,
      title: title(i),
      message: message(i),
      muted: muted(i),
      muteReason: muteReason(i),
      evidence: { source: e[0], observedAt: e[1], action: e[2], parts: e[3].slice() },
      compliance: compliance(i),
      remediation: remediation(i),
    };
  }
  return { checkOf, title, arn, message, muted, muteReason, vars, remediation, fix, compliance, decode };
}
