import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { CHECKS } from '../src/checks/registry.js';
import { evaluate } from '../src/engine/evaluate.js';
import type { Param } from '../src/engine/types.js';
import { loadEvidence } from '../src/evidence/load.js';
import { FRAMEWORKS } from '../src/frameworks/index.js';
import { accountRecord, buildRecord } from '../src/record/record.js';
import { render } from '../src/record/render.js';
import { renderHtml } from '../src/report/html.js';
import { renderMarkdown } from '../src/report/markdown.js';
import { renderTable } from '../src/report/table.js';

// The demo scanned in Dutch must read as Dutch: no English word where Dutch has one (issue 7).
// What stays English on purpose is taken out before the scan: the demo's own names and ARNs,
// commands, and the labels of the AWS console, which is English (docs/decisions.md).

const evidence = loadEvidence(fileURLToPath(new URL('../demo/insecure-account.evidence.json', import.meta.url)));
const findings = evaluate(evidence, CHECKS);
const record = buildRecord([{ account: accountRecord(evidence), findings, mutelist: null }], { source: 'demo', startedAt: evidence.collectedAt, checks: CHECKS });
const result = render(record, 'nl');
const options = { color: false, region: 'eu-west-1', record };

/** English that must not appear in Dutch prose. */
const ENGLISH: RegExp[] = [
  /\bpasswords?\b/i,
  /\busers?\b/,
  /\bgroups?\b/,
  /\broles?\b/,
  /\bprincipals?\b/i,
  /\bpolicies\b/,
  /\baccess keys?\b/i,
  /\bdays?\b/i,
  /\band\b/,
  /\bmore\b/,
  /\bthe\b/i,
  /\bnot\b/,
  /\(s\)|\(en\)|\/policies/,
  /\b(January|February|March|May|June|July|August|October)\b/,
  /\b(April|September|November|December) \d/,
  // A date in prose; a timestamp (date and time) in a report header is not prose.
  /\d{4}-\d{2}-\d{2}(?![T ]\d)/,
];

// AWS console labels and AWS names a Dutch reader looks for as AWS writes them.
const AWS_WORDS = [
  'Allow users to change their own password',
  'Prevent password reuse',
  'Turn on password expiration',
  'Password minimum length',
  'Password strength',
  'Password policy',
  'Security credentials',
  'Create access key',
  'Access keys',
  'Manage console access',
  'Disable console access',
  'Console sign-in',
  'User groups',
  'Add users',
  'Users',
  'Last used',
  'Invite an existing AWS account',
  'Add an AWS account',
  'Create an organization',
  'Enable all features',
  'Take privileged action',
  'Root access management',
  'Root credentials management',
  'Privileged root actions',
  'Entities attached',
  'Create group',
  'Create role',
  'Roles',
  'Console password',
  '"Tasks that require root user credentials"',
  'password-spraying-',
  'Last accessed',
  'Assign MFA device',
  'service control policies',
  'Service control policies',
  'Delete root user credentials',
  'AWSReservedSSO',
];

/** Every name a parameter carries: resource, policy, group and role names shown as they are. */
function names(param: Param | undefined, out: Set<string>): void {
  if (param === undefined || typeof param === 'number') return;
  if (typeof param === 'string') out.add(param);
  else if ('list' in param) for (const item of param.list) names(item, out);
  // Of a term, only the names it carries: its other arguments (kind, inline) are choices, not text.
  else if ('term' in param) for (const key of ['name', 'group'] as const) names(param.args?.[key], out);
}

// Check ids and the requirement ids and titles of the frameworks (CIS and AWS publish them in English).
const verbatim = new Set<string>([evidence.account.id, ...CHECKS.flatMap((c) => [c.id, ...(c.aliases ?? [])])]);
for (const framework of FRAMEWORKS) for (const r of framework.requirements) verbatim.add(r.title).add(r.id);
for (const f of findings) {
  verbatim.add(f.resource.arn);
  verbatim.add(f.resource.name);
  for (const value of Object.values(f.params)) names(value, verbatim);
}
for (const f of result.findings) if (f.remediation?.cli) verbatim.add(f.remediation.cli);
for (const c of Object.values(result.checks)) if (c.cli) verbatim.add(c.cli);
// Longest first, so that an ARN goes before the name inside it.
// Short numbers (key slots, counts) stay: removing them would hide an ISO date.
const strip = [...verbatim, ...AWS_WORDS].filter((s) => s.length > 1 && !/^\d{1,4}$/.test(s)).sort((a, b) => b.length - a.length);

function prose(text: string): string {
  let out = text
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/`[^`\n]*`/g, ' ')
    .replace(/https?:\/\/\S+/g, ' ');
  for (const s of strip) out = out.replace(new RegExp(`(?<![\\w-])${s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w-])`, 'g'), ' ');
  return out;
}

function htmlText(html: string): string {
  return html
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/g, ' ')
    .replace(/<(code|pre)\b[\s\S]*?<\/\1>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');
}

/** The English words of one text, with a little context each. */
function english(text: string): string[] {
  const clean = prose(text);
  const hits: string[] = [];
  for (const pattern of ENGLISH) {
    for (const m of clean.matchAll(new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`))) {
      hits.push(`${m[0]} … ${clean.slice(Math.max(0, m.index - 40), m.index + 40).replace(/\s+/g, ' ')}`);
    }
  }
  return hits;
}

describe('Dutch output has no English words where Dutch has one', () => {
  it('the demo has findings of every kind to look at', () => {
    assert.ok(result.findings.length > 50);
    for (const status of ['FAIL', 'PASS', 'MANUAL', 'NOT_APPLICABLE'] as const) assert.ok(result.findings.some((f) => f.status === status), status);
  });

  it('finding messages', () => {
    const hits = result.findings.flatMap((f) => english(f.message).map((h) => `${f.checkId} ${f.messageId}: ${h}`));
    assert.deepEqual([...new Set(hits)], []);
  });

  it('check titles, risks and fixes', () => {
    const hits = Object.entries(result.checks).flatMap(([id, c]) =>
      [c.title, c.risk, c.fixSummary, ...c.fixSteps].flatMap((t) => english(t).map((h) => `${id}: ${h}`)),
    );
    assert.deepEqual([...new Set(hits)], []);
  });

  it('every check text, also of checks the demo does not reach', () => {
    const hits = CHECKS.flatMap((c) => {
      const t = c.text.nl;
      return [t.title, t.risk, t.fixSummary, ...t.fixSteps].flatMap((s) => english(s).map((h) => `${c.id}: ${h}`));
    });
    assert.deepEqual([...new Set(hits)], []);
  });

  for (const [format, text] of [
    ['table', renderTable(result, options)],
    ['Markdown', renderMarkdown(result, options)],
    ['HTML', htmlText(renderHtml(result, options))],
  ] as const) {
    it(`the ${format} report`, () => {
      assert.deepEqual([...new Set(english(text))], []);
    });
  }

  it('the word list catches what it is meant to catch', () => {
    const leftovers = ['1 access key(s)', 'het password', 'user alice', 'group admins', '3 dag(en)', 'a, b and c', '4 policy/policies', 'access key 1', '21 November 2026', '2026-11-21', '2 days'];
    for (const text of leftovers) assert.notDeepEqual(english(text), [], text);
    assert.deepEqual(english('Open Security credentials → Access keys; 21 november 2026, toegangssleutel 1 en gebruiker alice'), []);
  });
});
