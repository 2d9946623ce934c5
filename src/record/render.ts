import { CHECKS } from '../checks/registry.js';
import type { Check } from '../engine/check.js';
import { resourceFactory } from '../engine/resources.js';
import { cliFor, commonText, engineMessages, interpolate, interpolateWith, type EngineMessageId } from '../engine/text.js';
import { SEVERITIES, STATUSES, type Finding, type Lang, type Severity, type Status } from '../engine/types.js';
import type { Partition } from '../evidence/schema.js';
import { formatMessage, formatParam, formatTemplate, say, type Param } from '../i18n/index.js';
import type { ScanRecord } from './record.js';
import type { AccountSummary, CheckSummary, RenderedFinding, ScanResult } from './result.js';

export interface RenderOptions {
  /** Only these statuses are listed; the summary still counts every finding. */
  statusFilter?: Status[] | null;
  /** The catalogue to take words from (default: this version's checks). */
  checks?: readonly Check[];
}

/**
 * A record in one language: the canonical result (SPEC §6). Pure: the same record renders the same
 * way every time. A finding whose check or message this version no longer has still renders,
 * and says so, instead of failing the whole report.
 */
export function render(record: ScanRecord, lang: Lang, options: RenderOptions = {}): ScanResult {
  const catalogue = checkLookup(options.checks ?? CHECKS);
  const findings = record.findings;

  const byStatus = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
  const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  const bySeverityAndStatus = Object.fromEntries(SEVERITIES.map((sev) => [sev, { ...byStatus }])) as Record<Severity, Record<Status, number>>;
  let muted = 0;
  const perAccount = new Map<string, AccountSummary>();
  for (const a of record.accounts) perAccount.set(a.id, { byStatus: { ...byStatus }, bySeverity: { ...bySeverity }, muted: 0 });
  for (const f of findings) {
    const own = perAccount.get(f.accountId);
    if (own) {
      own.byStatus[f.status]++;
      if (f.muted) own.muted++;
      else if (f.status === 'FAIL') own.bySeverity[f.severity]++;
    }
    byStatus[f.status]++;
    bySeverityAndStatus[f.severity][f.status]++;
    if (f.muted) muted++;
    // bySeverity counts what needs fixing: unmuted FAIL findings.
    else if (f.status === 'FAIL') bySeverity[f.severity]++;
  }

  // The console of an account's partition (accounts of several partitions can share a record).
  const consoleUrls = new Map<string, string>();
  const consoleUrl = (accountId: string, partition: string) => {
    let url = consoleUrls.get(partition);
    if (url === undefined) consoleUrls.set(partition, (url = resourceFactory(accountId, partition as Partition).consoleUrl()));
    return url;
  };

  // Findings of one check share their evidence list (evaluate builds one per check): render it once.
  const evidenceOf = new Map<Finding['evidence'], RenderedFinding['evidence']>();
  const renderEvidence = (refs: Finding['evidence']) => {
    let rendered = evidenceOf.get(refs);
    if (!rendered) {
      const primary = refs[0];
      rendered = { source: primary?.source ?? 'none', observedAt: primary?.observedAt ?? null, action: primary?.action ?? null, parts: refs.map((r) => r.part) };
      evidenceOf.set(refs, rendered);
    }
    return rendered;
  };

  // A command names the same account, region and resources finding after finding: each value is
  // quoted for the shell once.
  const quoted = new Map<string, string>();
  const quote = (value: string) => {
    let word = quoted.get(value);
    if (word === undefined) quoted.set(value, (word = shellWord(value)));
    return word;
  };

  // Lists named in messages (a user's groups, its unused credentials) repeat finding after
  // finding: each distinct one is put into words once.
  const words = new Map<string, string | number>();
  const inWords = (param: Param): string | number => {
    if (typeof param !== 'object' || !('list' in param)) return formatParam(lang, param);
    // Each item length-prefixed, so no two different lists share a key.
    let key = String(param.more ?? 0);
    for (const item of param.list) {
      const text = typeof item === 'string' ? item : JSON.stringify(item);
      key += `${typeof item === 'string' ? ',' : ';'}${text.length}:${text}`;
    }
    let text = words.get(key);
    if (text === undefined) words.set(key, (text = formatParam(lang, param)));
    return text;
  };

  const renderFinding = (f: Finding): RenderedFinding => {
    const check = catalogue(f.checkId);
    const vars: Vars = { accountId: f.accountId, partition: f.partition, region: f.region, resourceName: f.resource.name, resourceArn: f.resource.arn, consoleUrl: consoleUrl(f.accountId, f.partition) };
    const actionable = f.status === 'FAIL' || f.status === 'ERROR' || f.status === 'MANUAL';
    return {
      id: f.id,
      checkId: f.checkId,
      status: f.status,
      severity: f.severity,
      accountId: f.accountId,
      partition: f.partition,
      region: f.region,
      resource: f.resource,
      title: check ? check.text[lang].title : removedTitle(lang, f.checkId),
      message: message(f, check, lang, vars, inWords),
      messageId: f.messageId,
      muted: f.muted,
      muteReason: f.muteReason,
      evidence: renderEvidence(f.evidence),
      compliance: f.compliance,
      remediation: actionable && check ? remediation(check, lang, vars, f, quote) : null,
    };
  };

  const listed = options.statusFilter ? findings.filter((f) => options.statusFilter?.includes(f.status)) : findings;
  // The findings are put into words when first read: a reporter that writes them one by one
  // (JSON, see unrenderedFindings) never holds tens of thousands of rendered findings at once.
  let renderedFindings: RenderedFinding[] | undefined;
  const result: ScanResult = {
    schemaVersion: 1,
    tool: record.tool,
    scan: { ...record.scan, lang, statusFilter: options.statusFilter ?? null },
    accounts: record.accounts.map((a) => ({
      ...a,
      assessed: true as const,
      consoleUrl: consoleUrl(a.id, a.partition),
      summary: perAccount.get(a.id) as AccountSummary,
    })),
    notAssessed: record.notAssessed.map(({ reason, code, ...a }) => ({ ...a, assessed: false as const, reason: { code, message: say(lang, reason) } })),
    coverage: { assessed: record.accounts.length, inScope: record.accounts.length + record.notAssessed.length },
    checks: checkSummaries(findings, catalogue, lang),
    get findings() {
      return (renderedFindings ??= listed.map(renderFinding));
    },
    set findings(value) {
      renderedFindings = value;
    },
    summary: { byStatus, bySeverity, bySeverityAndStatus, muted },
    mutelist: record.mutelist,
  };
  unrendered.set(result, () => (renderedFindings === undefined ? { count: listed.length, each: lazily(listed, renderFinding) } : undefined));
  return result;
}

function* lazily(findings: readonly Finding[], renderFinding: (f: Finding) => RenderedFinding): Generator<RenderedFinding, void, undefined> {
  for (const f of findings) yield renderFinding(f);
}

const unrendered = new WeakMap<ScanResult, () => UnrenderedFindings | undefined>();

/** A result's findings, rendered one at a time as they are taken. */
export interface UnrenderedFindings {
  count: number;
  each: Iterable<RenderedFinding>;
}

/**
 * The findings of a result from render() that nobody has read yet, to be put into words one by
 * one as they are written (each is garbage once written); undefined once `result.findings` was
 * read or replaced, or for a result render() did not make: then that array is the truth.
 */
export function unrenderedFindings(result: ScanResult): UnrenderedFindings | undefined {
  return unrendered.get(result)?.();
}

/** Checks by current id and by former id (a record made before a rename names the old one). */
function checkLookup(checks: readonly Check[]): (id: string) => Check | undefined {
  const byId = new Map<string, Check>();
  for (const c of checks) for (const alias of c.aliases ?? []) byId.set(alias, c);
  for (const c of checks) byId.set(c.id, c);
  return (id) => byId.get(id);
}

/** What every message and fix text of a finding may name besides its own parameters. */
type Vars = { accountId: string; partition: string; region: string; resourceName: string; resourceArn: string; consoleUrl: string };

function message(f: Finding, check: Check | undefined, lang: Lang, vars: Vars, inWords: (param: Param) => string | number): string {
  const template = f.messageId.startsWith('engine.')
    ? (engineMessages[lang][f.messageId as EngineMessageId] as string | undefined)
    : check && (check.text[lang].messages as Record<string, string | undefined>)[f.messageId];
  if (template !== undefined) {
    // formatMessage(lang, template, { ...f.params, ...vars }) without the merged copy: the
    // finding's parameters in words, then the names, which win over a parameter of the same name.
    const values: Record<string, string | number> = {};
    for (const key in f.params) values[key] = inWords(f.params[key] as Param);
    return formatTemplate(lang, template, Object.assign(values, vars));
  }
  const missing: EngineMessageId = check ? 'engine.removedMessage' : 'engine.removedCheck';
  return formatMessage(lang, engineMessages[lang][missing], { checkId: f.checkId, messageId: f.messageId });
}

const removedTitle = (lang: Lang, checkId: string) => interpolate(commonText[lang].removedCheck, { checkId });

function remediation(check: Check, lang: Lang, vars: Vars, f: Finding, quote: (value: string) => string): NonNullable<RenderedFinding['remediation']> {
  const cli = cliFor(check.text, f);
  const texts = check.text[lang];
  const steps = texts.fixSteps.map((s) => interpolate(s, vars));
  if (check.rootOnly) steps.unshift(commonText[lang].rootOnly);
  return {
    summary: interpolate(texts.fixSummary, vars),
    steps,
    // shellWords({ ...cli.values, ...vars }) for the names the command uses only: the resource's
    // names win over a parameter of the same name.
    cli: cli ? interpolateWith(cli.template, (key) => (Object.hasOwn(vars, key) ? quote(vars[key as keyof Vars]) : Object.hasOwn(cli.values, key) ? quote(cli.values[key] as string) : undefined)) : null,
    rootOnly: check.rootOnly ?? false,
  };
}

/**
 * A value as one POSIX shell word: as it is when it holds only characters no shell treats
 * specially, else in single quotes (a quote inside as '\''). The remediation command is meant to
 * be pasted into a shell, and a user called `x; touch pwned; $(id)` must stay one argument. The HTML
 * report's Copy button copies this same text (html/data.ts stores it when it differs from the
 * check's template filled in plainly).
 */
export function shellWord(value: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(value) ? value : `'${value.replace(/'/g, "'\\''")}'`;
}

function checkSummaries(findings: readonly Finding[], catalogue: (id: string) => Check | undefined, lang: Lang): Record<string, CheckSummary> {
  const out: Record<string, CheckSummary> = {};
  for (const f of findings) {
    if (out[f.checkId]) continue;
    const check = catalogue(f.checkId);
    if (!check) {
      out[f.checkId] = { title: removedTitle(lang, f.checkId), severity: f.severity, resourceType: f.resource.type, risk: '', fixSummary: '', fixSteps: [], cli: null, rootOnly: false, compliance: f.compliance };
      continue;
    }
    const t = check.text[lang];
    out[f.checkId] = {
      title: t.title,
      severity: check.severity,
      resourceType: check.resourceType,
      risk: t.risk,
      fixSummary: t.fixSummary,
      fixSteps: check.rootOnly ? [commonText[lang].rootOnly, ...t.fixSteps] : t.fixSteps,
      cli: check.text.cli ?? null,
      rootOnly: check.rootOnly ?? false,
      compliance: f.compliance,
    };
  }
  return out;
}

/**
 * The catalogue template a finding's message is filled from (`{...params, resourceName, …}`), or
 * undefined when this version no longer has it. For the HTML report, whose page fills messages
 * itself with the same formatter.
 */
export function messageTemplates(lang: Lang, checks: readonly Check[] = CHECKS): (checkId: string, messageId: string) => string | undefined {
  const catalogue = checkLookup(checks);
  return (checkId, messageId) =>
    messageId.startsWith('engine.')
      ? (engineMessages[lang][messageId as EngineMessageId] as string | undefined)
      : (catalogue(checkId)?.text[lang].messages as Record<string, string | undefined> | undefined)?.[messageId];
}
