import type { RenderedFinding, ScanResult } from '../engine/result.js';
import { interpolate } from '../engine/text.js';
import type { Lang, Status } from '../engine/types.js';
import { STATUS_LABELS } from './labels.js';
import type { ReportOptions } from './options.js';
import type { OuStep } from '../record/record.js';
import { accountIndex, accountLabel, coverageText, isManyAccounts, ouPathText } from './accounts.js';
import { ACCOUNT_TEXT } from './labels.js';

// JUnit XML for CI test views (Jenkins, GitLab, GitHub test reporters): one <testsuite> per check,
// one <testcase> per finding. FAIL is a <failure>, ERROR an <error>; NOT_APPLICABLE, MANUAL and every
// muted finding are <skipped> with the reason; PASS is a bare test case.

export const JUNIT_TEXT = {
  en: {
    suites: 'aws-lockdown {version}: account {account} ({partition})',
    suitesMany: 'aws-lockdown {version}: {coverage}',
    fix: 'Fix: {summary}',
    cli: 'Command: {cli}',
    muted: 'Muted ({status}): {reason}',
  },
  nl: {
    suites: 'aws-lockdown {version}: account {account} ({partition})',
    suitesMany: 'aws-lockdown {version}: {coverage}',
    fix: 'Oplossing: {summary}',
    cli: 'Commando: {cli}',
    muted: 'Gedempt ({status}): {reason}',
  },
} as const satisfies Record<Lang, Record<string, string>>;

type Outcome = 'failure' | 'error' | 'skipped' | 'passed';
const OUTCOME = { FAIL: 'failure', ERROR: 'error', MANUAL: 'skipped', NOT_APPLICABLE: 'skipped', PASS: 'passed' } as const satisfies Record<Status, Outcome>;
const outcome = (f: RenderedFinding): Outcome => (f.muted ? 'skipped' : OUTCOME[f.status]);

/**
 * Characters XML 1.0 forbids (C0 controls but tab, LF and CR; lone surrogates; U+FFFE/U+FFFF) are
 * dropped: no escape can carry them, and a parser would reject the whole file.
 */
const FORBIDDEN = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
// A parser turns a raw CR (or CRLF) into LF everywhere, and raw tab and LF in attributes into
// spaces; character references survive both.
const TEXT_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;', '\r': '&#13;' };
const ATTR_ESCAPES: Record<string, string> = { ...TEXT_ESCAPES, '\t': '&#9;', '\n': '&#10;' };

export function xmlText(value: string): string {
  return value.replace(FORBIDDEN, '').replace(/[&<>"'\r]/g, (c) => TEXT_ESCAPES[c] as string);
}
export function xmlAttr(value: string): string {
  return value.replace(FORBIDDEN, '').replace(/[&<>"'\t\n\r]/g, (c) => ATTR_ESCAPES[c] as string);
}

export function renderJunit(result: ScanResult, options: ReportOptions): string {
  return junitChunks(result, options).join('');
}

/** renderJunit's text as pieces (a suite each): a 1,000-account scan's file is over 100 MB. */
export function junitChunks(result: ScanResult, _options: ReportOptions): string[] {
  const lang = result.scan.lang;
  const t = JUNIT_TEXT[lang];
  const account = result.accounts[0];
  const many = isManyAccounts(result);
  const byId = accountIndex(result);

  const byCheck = new Map<string, RenderedFinding[]>();
  for (const f of result.findings) {
    const list = byCheck.get(f.checkId) ?? [];
    list.push(f);
    byCheck.set(f.checkId, list);
  }

  const totals = { tests: 0, failure: 0, error: 0, skipped: 0 };
  const suites: string[] = [];
  for (const [checkId, findings] of [...byCheck].sort(([a], [b]) => a.localeCompare(b))) {
    const counts = { failure: 0, error: 0, skipped: 0 };
    const cases: string[] = [];
    for (const f of findings) {
      const kind = outcome(f);
      if (kind !== 'passed') counts[kind]++;
      cases.push(testcase(f, kind, lang, many ? (byId.get(f.accountId) ?? { id: f.accountId, name: null, ouPath: null }) : undefined));
    }
    totals.tests += findings.length;
    totals.failure += counts.failure;
    totals.error += counts.error;
    totals.skipped += counts.skipped;
    const check = result.checks[checkId];
    const properties = check
      ? `    <properties>\n      <property name="title" value="${xmlAttr(check.title)}"/>\n      <property name="severity" value="${check.severity}"/>\n    </properties>\n`
      : '';
    suites.push(
      `  <testsuite name="${xmlAttr(checkId)}" tests="${findings.length}" failures="${counts.failure}" errors="${counts.error}" skipped="${counts.skipped}">\n${properties}${cases.join('')}  </testsuite>\n`,
    );
  }

  // Each account that could not be assessed is a test case in error (it counts as ERROR for --fail-on).
  if (result.notAssessed.length > 0) {
    const cases = result.notAssessed.map((n) => {
      const props = placeProperties(n, lang);
      return `    <testcase classname="${NOT_ASSESSED}" name="${xmlAttr(accountLabel(n))}">\n${props}      <error message="${xmlAttr(n.reason.message)}" type="${xmlAttr(n.reason.code)}">${xmlText(`${ACCOUNT_TEXT[lang].notAssessedTitle}: ${n.reason.message}`)}</error>\n    </testcase>\n`;
    });
    totals.tests += cases.length;
    totals.error += cases.length;
    suites.push(`  <testsuite name="${NOT_ASSESSED}" tests="${cases.length}" failures="0" errors="${cases.length}" skipped="0">\n${cases.join('')}  </testsuite>\n`);
  }

  const name = many
    ? interpolate(t.suitesMany, { version: result.tool.version, coverage: coverageText(result) })
    : interpolate(t.suites, { version: result.tool.version, account: account?.id ?? '?', partition: account?.partition ?? '?' });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
      `<testsuites name="${xmlAttr(name)}" tests="${totals.tests}" failures="${totals.failure}" errors="${totals.error}" skipped="${totals.skipped}">\n`,
    ...suites,
    '</testsuites>\n',
  ];
}

const NOT_ASSESSED = 'accounts-not-assessed';

type Place = { id: string; name: string | null; ouPath: OuStep[] | null };

/** A test case's account, name and OU path (many-account scans), as JUnit properties. */
function placeProperties(a: Place, lang: Lang): string {
  const props: [string, string][] = [['account', a.id]];
  if (a.name) props.push(['accountName', a.name]);
  if (a.ouPath) props.push(['ouPath', ouPathText(a.ouPath, lang)]);
  return `      <properties>\n${props.map(([k, v]) => `        <property name="${k}" value="${xmlAttr(v)}"/>\n`).join('')}      </properties>\n`;
}

/** `place`: the finding's account in a many-account scan, which names the test case and adds its properties. */
function testcase(f: RenderedFinding, kind: Outcome, lang: Lang, place?: Place): string {
  const t = JUNIT_TEXT[lang];
  const name = place ? `${accountLabel(place)}: ${f.resource.name}` : f.resource.name;
  const open = `    <testcase classname="${xmlAttr(f.checkId)}" name="${xmlAttr(name)}"`;
  const props = place ? placeProperties(place, lang) : '';
  // A passing case is named with its account; the properties (OU path) go where there is something to act on.
  if (kind === 'passed') return `${open}/>\n`;
  if (kind === 'skipped') {
    const message = f.muted ? interpolate(t.muted, { status: STATUS_LABELS[lang][f.status], reason: f.muteReason ?? '' }) : `${STATUS_LABELS[lang][f.status]}: ${f.message}`;
    return `${open}>\n${props}      <skipped message="${xmlAttr(message)}"/>\n    </testcase>\n`;
  }
  const body = [f.message, f.resource.arn];
  if (f.remediation) {
    body.push(interpolate(t.fix, { summary: f.remediation.summary }));
    if (f.remediation.cli) body.push(interpolate(t.cli, { cli: f.remediation.cli }));
  }
  return `${open}>\n${props}      <${kind} message="${xmlAttr(f.message)}" type="${f.severity}">${xmlText(body.join('\n'))}</${kind}>\n    </testcase>\n`;
}
