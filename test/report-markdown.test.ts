import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CheckSummary, RenderedFinding, ScanResult } from '../src/engine/result.js';
import { SEVERITIES, STATUSES } from '../src/engine/types.js';
import { SEVERITY_LABELS, STATUS_LABELS } from '../src/report/labels.js';
import { mdCode, mdText, renderMarkdown } from '../src/report/markdown.js';
import type { ReportOptions } from '../src/report/options.js';
import { fixedResult, HOSTILE_POLICY, HOSTILE_USER } from './report-fixture.js';

const OPTIONS: ReportOptions = { color: false, region: 'eu-west-1' };
/** GitHub's limit for a pull-request comment, in characters; we aim well below it. */
const BUDGET = 60_000;

/** Splits a GFM table row the way cmark-gfm does: a backslash escapes the next character. */
function cells(row: string): string[] {
  const out: string[] = [];
  let cell = '';
  for (let i = 0; i < row.length; i++) {
    const c = row[i] as string;
    if (c === '\\' && i + 1 < row.length) {
      cell += c + row[++i];
    } else if (c === '|') {
      out.push(cell.trim());
      cell = '';
    } else cell += c;
  }
  out.push(cell.trim());
  return out.slice(1, -1);
}

/** The rows of the table that follows a line starting with `heading`. */
function table(text: string, header: string): string[][] {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.startsWith(`| ${header} |`));
  assert.ok(start >= 0, `no table starting with "${header}"`);
  const rows: string[][] = [];
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith('|')) break;
    rows.push(cells(line));
  }
  return rows;
}

/** The text with every code span removed: what GitHub would render as Markdown or HTML. */
const outsideCode = (text: string) => text.replace(/(`+)[\s\S]*?\1/g, '');

function many(result: ScanResult, count: number, name: (i: number) => string): ScanResult {
  const findings = Array.from({ length: count }, (_, i): RenderedFinding => {
    const f = result.findings[i % result.findings.length] as RenderedFinding;
    return { ...f, id: i.toString(16).padStart(16, '0'), status: 'FAIL', muted: false, resource: { ...f.resource, name: name(i) }, message: `${name(i)} ${f.message}` };
  });
  return { ...result, findings };
}

const en = fixedResult('en');
const nl = fixedResult('nl');

describe('markdown reporter', () => {
  it('starts with the account and a table of counts by severity × status', () => {
    const text = renderMarkdown(en, OPTIONS);
    assert.ok(text.startsWith('## aws-lockdown 0.1.0: account `123456789012` (aws)\n'));
    const rows = table(text, 'severity');
    assert.deepEqual(cells(text.split('\n').find((l) => l.startsWith('| severity |')) as string), ['severity', ...STATUSES.map((s) => STATUS_LABELS.en[s])]);
    assert.equal(rows.length, SEVERITIES.length + 1);
    for (const [i, severity] of SEVERITIES.entries()) {
      const counts = STATUSES.map((s) => en.summary.bySeverityAndStatus[severity][s]);
      assert.deepEqual(rows[i], [SEVERITY_LABELS.en[severity], ...counts.map((n) => (n === 0 ? '·' : String(n)))]);
    }
    assert.deepEqual(rows[SEVERITIES.length], ['**total**', ...STATUSES.map((s) => `**${en.summary.byStatus[s]}**`)]);
  });

  it('lists the checks to act on, worst first, capped at 20 with a "more" line', () => {
    const text = renderMarkdown(en, OPTIONS);
    const rows = table(text, 'severity | check');
    const actionable = new Map<string, RenderedFinding[]>();
    for (const f of en.findings) if (!f.muted && ['FAIL', 'ERROR', 'MANUAL'].includes(f.status)) actionable.set(f.checkId, [...(actionable.get(f.checkId) ?? []), f]);
    assert.ok(actionable.size > 20, 'the fixture has more checks to act on than fit');
    assert.equal(rows.length, 20);
    assert.ok(text.includes(`… and ${actionable.size - 20} more checks (see \`--format json\`).`));
    // Worst severity first; never a muted-only check (root-access-keys is muted in the fixture).
    const ranks = rows.map((r) => SEVERITIES.findIndex((s) => SEVERITY_LABELS.en[s] === r[0]));
    assert.deepEqual(ranks, [...ranks].sort((a, b) => a - b));
    assert.equal(rows[0]?.[1], '`root-mfa` Root user has MFA enabled');
    assert.ok(!rows.some((r) => r[1]?.startsWith('`root-access-keys`')));
    for (const row of rows) {
      const checkId = /^`([a-z0-9-]+)`/.exec(row[1] as string)?.[1] as string;
      const list = actionable.get(checkId) as RenderedFinding[];
      assert.ok(list, checkId);
      assert.match(row[2] as string, new RegExp(`^${list.length} (FAIL|ERROR|MANUAL)`));
      assert.ok((row[3] as string).length > 10, `${checkId} has a one-line fix`);
    }
    const policy = rows.find((r) => r[1]?.startsWith('`policy-full-admin`'));
    assert.equal(policy?.[3], mdText(en.findings.find((f) => f.checkId === 'policy-full-admin' && f.remediation)?.remediation?.summary as string));
  });

  it('ends with the muted count and the age of the evidence', () => {
    const text = renderMarkdown(en, OPTIONS);
    assert.ok(text.includes('Muted findings: 1 (by `mutelist.yaml`).'));
    assert.ok(text.includes('Evidence: demo, collected 2026-11-20 10:00 UTC. Credential report generated 2026-11-20 08:48 UTC (72 min before collection).'));
    assert.ok(text.includes('Evidence that could not be read: `identityCenterInstances` (AccessDenied, sso:ListInstances).'));
    const noMutelist = renderMarkdown({ ...en, mutelist: null }, OPTIONS);
    assert.ok(noMutelist.includes('Muted findings: 1.'));
  });

  it('cannot be made to render HTML, links or mentions by a resource name', () => {
    const text = renderMarkdown(en, OPTIONS);
    assert.ok(text.includes(`\`${HOSTILE_USER}\``), 'the HTML-named user is shown as code');
    assert.ok(text.includes('`=cmd\\|\' /C calc\'!A0`'), 'the pipe in the policy name is escaped');
    assert.doesNotMatch(outsideCode(text), /<[a-z/!]/i, 'no tag outside code spans');
    for (const row of table(text, 'severity | check')) assert.equal(row.length, 4);

    const evil = ['@security-team', 'x|y', 'line\nbreak', '[click](https://evil.example)', 'back`tick', 'back\\|slash', '<script>alert(1)</script>', '**bold**'];
    const result: ScanResult = { ...en, findings: en.findings.map((f, i) => (f.checkId === 'root-mfa' || f.checkId === 'user-console-mfa' ? { ...f, resource: { ...f.resource, name: evil[i % evil.length] as string } } : f)) };
    const hostile = renderMarkdown(result, OPTIONS);
    assert.doesNotMatch(outsideCode(hostile), /<[a-z/!]|@security|\]\(|\*\*bold/i);
    for (const row of table(hostile, 'severity | check')) assert.equal(row.length, 4, row.join(' ¦ '));
    assert.equal(mdCode('a`b'), '`` a`b ``');
    assert.equal(mdCode('a|b'), '`a\\|b`');
    assert.equal(mdCode('a\nb'), '`a b`');
    assert.equal(mdText('<b>|x*_[y]&'), '&lt;b&gt;\\|x\\*\\_\\[y\\]&amp;');
  });

  it(`stays under ${BUDGET.toLocaleString('en')} characters for 40,000 findings with long names`, () => {
    const big = many(en, 40_000, (i) => `${HOSTILE_POLICY}-${'x'.repeat(500)}-${i}`);
    // 200 distinct checks, so the row cap is what bounds the table.
    const checks: Record<string, CheckSummary> = { ...big.checks };
    const findings = big.findings.map((f, i) => {
      // Exactly 200 checks whatever the fixture's number of findings.
      const checkId = `bulk-check-${i % 200}`;
      checks[checkId] = { ...(big.checks[f.checkId] as CheckSummary), fixSummary: 'y'.repeat(5000) };
      return { ...f, checkId, title: 'z'.repeat(5000) };
    });
    const text = renderMarkdown({ ...big, checks, findings }, OPTIONS);
    assert.ok(text.length < BUDGET, `${text.length} characters`);
    assert.ok(Buffer.byteLength(text) < BUDGET, `${Buffer.byteLength(text)} bytes`);
    assert.equal(table(text, 'severity | check').length, 20);
    assert.ok(text.includes('… and 180 more checks'));
  });

  it('says when there is nothing to act on, and when the list is filtered', () => {
    const clean: ScanResult = { ...en, findings: en.findings.filter((f) => f.status === 'PASS'), scan: { ...en.scan, statusFilter: ['PASS'] } };
    const text = renderMarkdown(clean, OPTIONS);
    assert.ok(text.includes('Nothing to act on: no unmuted FAIL, ERROR or MANUAL findings.'));
    assert.ok(text.includes('Listing only: PASS (the counts above include every finding).'));
  });

  it('adds the open requirements of a framework with --compliance', () => {
    const text = renderMarkdown(en, { ...OPTIONS, compliance: 'cis-aws-v5.0.0' });
    assert.match(text, /### CIS Amazon Web Services Foundations Benchmark 5\.0\.0: \d+ FAIL/);
    const rows = table(text, 'item');
    assert.ok(rows.some((r) => r[0] === '1.4' && r[1] === 'FAIL'));
    assert.ok(!rows.some((r) => r[0] === '1.3'), 'the muted root key leaves 1.3 without a FAIL');
    assert.ok(!renderMarkdown(en, OPTIONS).includes('### CIS'));
  });

  it('speaks Dutch for a Dutch result', () => {
    const text = renderMarkdown(nl, OPTIONS);
    assert.ok(text.includes('| ernst | VOLDOET NIET | NIET BEOORDEELD | HANDMATIG | VOLDOET | N.V.T. |'));
    assert.ok(text.includes('### Op te pakken, ernstigste eerst'));
    assert.ok(text.includes(`| kritiek | \`root-mfa\` ${mdText(nl.checks['root-mfa']?.title as string)} | 1 VOLDOET NIET: \`<root_account>\` |`));
    assert.ok(text.includes('Gedempte bevindingen: 1 (door `mutelist.yaml`).'));
    assert.ok(text.includes('(72 min voor het verzamelen)'));
    assert.ok(text.includes('… en nog 5 controles'));
  });
});
