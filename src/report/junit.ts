import type { RenderedFinding, ScanResult } from '../engine/result.js';
import { interpolate } from '../engine/text.js';
import type { Lang, Status } from '../engine/types.js';
import { STATUS_LABELS } from './labels.js';
import type { ReportOptions } from './options.js';

// JUnit XML for CI test views (Jenkins, GitLab, GitHub test reporters): one <testsuite> per check,
// one <testcase> per finding. FAIL is a <failure>, ERROR an <error>; NOT_APPLICABLE, MANUAL and every
// muted finding are <skipped> with the reason; PASS is a bare test case.

export const JUNIT_TEXT = {
  en: {
    suites: 'aws-lockdown {version}: account {account} ({partition})',
    fix: 'Fix: {summary}',
    cli: 'Command: {cli}',
    muted: 'Muted ({status}): {reason}',
  },
  nl: {
    suites: 'aws-lockdown {version}: account {account} ({partition})',
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

export function renderJunit(result: ScanResult, _options: ReportOptions): string {
  const lang = result.scan.lang;
  const t = JUNIT_TEXT[lang];
  const account = result.accounts[0];

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
      cases.push(testcase(f, kind, lang));
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

  const name = interpolate(t.suites, { version: result.tool.version, account: account?.id ?? '?', partition: account?.partition ?? '?' });
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<testsuites name="${xmlAttr(name)}" tests="${totals.tests}" failures="${totals.failure}" errors="${totals.error}" skipped="${totals.skipped}">\n` +
    suites.join('') +
    '</testsuites>\n'
  );
}

function testcase(f: RenderedFinding, kind: Outcome, lang: Lang): string {
  const t = JUNIT_TEXT[lang];
  const open = `    <testcase classname="${xmlAttr(f.checkId)}" name="${xmlAttr(f.resource.name)}"`;
  if (kind === 'passed') return `${open}/>\n`;
  if (kind === 'skipped') {
    const message = f.muted ? interpolate(t.muted, { status: STATUS_LABELS[lang][f.status], reason: f.muteReason ?? '' }) : `${STATUS_LABELS[lang][f.status]}: ${f.message}`;
    return `${open}>\n      <skipped message="${xmlAttr(message)}"/>\n    </testcase>\n`;
  }
  const body = [f.message, f.resource.arn];
  if (f.remediation) {
    body.push(interpolate(t.fix, { summary: f.remediation.summary }));
    if (f.remediation.cli) body.push(interpolate(t.cli, { cli: f.remediation.cli }));
  }
  return `${open}>\n      <${kind} message="${xmlAttr(f.message)}" type="${f.severity}">${xmlText(body.join('\n'))}</${kind}>\n    </testcase>\n`;
}
