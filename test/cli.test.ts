import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { CHECKS, CHECKS_BY_ID } from '../src/checks/registry.js';
import type { ScanResult } from '../src/engine/result.js';
import { SEVERITIES, STATUSES } from '../src/engine/types.js';
import { evidenceJson } from './builders/evidence.js';
import { runMain, type Run } from './run-main.js';

// The CLI end to end. Most runs call main(argv, io) in this process (test/run-main.ts); a few
// smoke tests spawn the built CLI (bin/lockdown.js runs dist/; `npm test` builds first) so the
// real process is covered too: start-up, exit codes, a closed pipe, errors without a stack trace.

const REPO = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(REPO, 'bin', 'lockdown.js');
const FIXTURES = join(REPO, 'test', 'fixtures', 'cli');
const tmp = mkdtempSync(join(tmpdir(), 'lockdown-cli-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

/** A clean environment: no locale, no colour settings, nothing that could reach AWS. */
const cleanEnv = (env: Record<string, string>): Record<string, string> => ({
  PATH: process.env.PATH ?? '',
  HOME: tmp,
  AWS_EC2_METADATA_DISABLED: 'true',
  AWS_CONFIG_FILE: join(tmp, 'aws-config'),
  AWS_SHARED_CREDENTIALS_FILE: join(tmp, 'aws-credentials'),
  ...env,
});

/** The CLI in this process (every path given to it is absolute: the spawned runs had cwd tmp). */
function lockdown(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return runMain(args, cleanEnv(env));
}

/** The built CLI in its own process. */
function spawnLockdown(args: string[], env: Record<string, string> = {}): Run {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: tmp, encoding: 'utf8', timeout: 30_000, env: cleanEnv(env) });
  if (r.error) throw r.error;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function json(run: Run): ScanResult {
  assert.equal(run.stderr, '', 'nothing on stderr when stderr is not a terminal');
  return JSON.parse(run.stdout) as ScanResult;
}

const statuses = (r: ScanResult) => new Map(r.findings.map((f) => [f.id, `${f.checkId} ${f.status}`]));
const hasAnsi = (s: string) => s.includes('\u001b[');

before(() => {
  assert.ok(existsSync(join(REPO, 'dist', 'cli', 'main.js')), 'dist/ is missing: run `npm run build` first');
});

describe('lockdown scan --demo', () => {
  let en: Run;
  let nl: Run;
  let enResult: ScanResult;
  let nlResult: ScanResult;
  let tableEn: Run;
  let tableNl: Run;

  before(async () => {
    // --lang must win over the locale: an English run under a Dutch LANG, and the reverse.
    en = await lockdown(['scan', '--demo', '--format', 'json', '--lang', 'en'], { LANG: 'nl_NL.UTF-8' });
    nl = await lockdown(['scan', '--demo', '--format', 'json', '--lang', 'nl'], { LANG: 'en_US.UTF-8' });
    enResult = json(en);
    nlResult = json(nl);
    // FORCE_COLOR is set to show that the "not a terminal" decision, not the environment, turns
    // colour off; in a real process, where a library could read it too.
    tableEn = spawnLockdown(['scan', '--demo', '--format', 'table', '--lang', 'en'], { FORCE_COLOR: '1' });
    tableNl = await lockdown(['scan', '--demo', '--format', 'table', '--lang', 'nl']);
  });

  it('exits 0 without --fail-on, in every format and language', async () => {
    assert.deepEqual([en.code, nl.code, tableEn.code, tableNl.code], [0, 0, 0, 0]);
    assert.equal(tableEn.stderr, '');
    assert.equal(tableNl.stderr, '');
  });

  it('writes the SPEC §6 JSON shape', async () => {
    const r = enResult;
    assert.equal(r.schemaVersion, 1);
    assert.deepEqual(r.tool, { name: 'aws-lockdown', version: JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')).version });
    assert.equal(r.scan.source, 'demo');
    assert.equal(r.scan.lang, 'en');
    assert.match(r.scan.id, /^[0-9a-f-]{36}$/);
    assert.ok(Date.parse(r.scan.startedAt) <= Date.parse(r.scan.finishedAt));
    assert.equal(r.accounts.length, 1);
    const account = r.accounts[0];
    assert.equal(account?.id, '123456789012');
    assert.equal(account?.partition, 'aws');
    assert.equal(account?.credentialReportGeneratedAt, '2026-11-20T08:48:00.000Z');

    assert.ok(r.findings.length > 100);
    for (const f of r.findings) {
      const where = `${f.checkId} ${f.resource.name}`;
      assert.match(f.id, /^[0-9a-f]{16}$/, where);
      assert.ok(CHECKS_BY_ID.has(f.checkId), where);
      assert.ok((STATUSES as readonly string[]).includes(f.status), where);
      assert.equal(f.severity, CHECKS_BY_ID.get(f.checkId)?.severity, where);
      assert.equal(f.accountId, '123456789012', where);
      assert.equal(typeof f.region, 'string', where);
      assert.equal(typeof f.resource.type, 'string', where);
      assert.match(f.resource.arn, /^arn:aws:[a-z-]+:/, where);
      assert.ok(f.resource.name.length > 0, where);
      assert.equal(f.title, CHECKS_BY_ID.get(f.checkId)?.text.en.title, where);
      assert.ok(f.message.length > 0 && !/\{[A-Za-z]+\}/.test(f.message), `${where}: ${f.message}`);
      assert.equal(f.muted, false, where);
      assert.equal(f.muteReason, null, where);
      assert.equal(typeof f.evidence.source, 'string', where);
      assert.ok(f.evidence.observedAt === null || !Number.isNaN(Date.parse(f.evidence.observedAt)), where);
      assert.equal(typeof f.compliance, 'object', where);
    }
    const rootMfa = r.findings.find((f) => f.checkId === 'root-mfa');
    assert.deepEqual(rootMfa?.resource, { type: 'AwsAccountRoot', arn: 'arn:aws:iam::123456789012:root', name: '<root_account>' });
    assert.deepEqual(rootMfa?.compliance['cis-aws-v5.0.0'], ['1.4']);
    assert.deepEqual(rootMfa?.compliance['aws-securityhub'], ['IAM.9']);
    // The verdict rests on GetAccountSummary and the credential report (SPEC §1.3: source and time shown).
    assert.ok(['api', 'credential-report'].includes(rootMfa?.evidence.source ?? ''), rootMfa?.evidence.source);
    assert.ok(!Number.isNaN(Date.parse(rootMfa?.evidence.observedAt ?? '')));

    const count = (pred: (f: ScanResult['findings'][number]) => boolean) => r.findings.filter(pred).length;
    assert.deepEqual(r.summary.byStatus, Object.fromEntries(STATUSES.map((s) => [s, count((f) => f.status === s)])));
    assert.deepEqual(r.summary.bySeverity, Object.fromEntries(SEVERITIES.map((s) => [s, count((f) => f.status === 'FAIL' && f.severity === s)])));
    assert.equal(r.summary.muted, 0);
  });

  it('covers every check, with PASS, FAIL, NOT_APPLICABLE and MANUAL findings and no ERROR', async () => {
    const listed = await lockdown(['checks', '--json']);
    assert.equal(listed.code, 0);
    const ids = (JSON.parse(listed.stdout) as { id: string }[]).map((c) => c.id);
    const covered = new Set(enResult.findings.map((f) => f.checkId));
    assert.deepEqual(ids.filter((id) => !covered.has(id)), []);
    const seen = new Set(enResult.findings.map((f) => f.status));
    for (const s of ['PASS', 'FAIL', 'NOT_APPLICABLE', 'MANUAL'] as const) assert.ok(seen.has(s), s);
    assert.equal(enResult.summary.byStatus.ERROR, 0);
  });

  it('says the same findings in Dutch: same ids and statuses, other titles and messages', async () => {
    assert.equal(nlResult.scan.lang, 'nl');
    assert.deepEqual(statuses(nlResult), statuses(enResult));
    const english = new Map(enResult.findings.map((f) => [f.id, f]));
    for (const f of nlResult.findings) {
      const e = english.get(f.id);
      assert.equal(f.title, CHECKS_BY_ID.get(f.checkId)?.text.nl.title);
      assert.notEqual(f.title, e?.title, f.checkId);
      assert.notEqual(f.message, e?.message, `${f.checkId} ${f.resource.name}`);
    }
  });

  it('renders a table with the summary and the failing checks, without ANSI codes when not a terminal', async () => {
    for (const [run, result, lang] of [
      [tableEn, enResult, 'en'],
      [tableNl, nlResult, 'nl'],
    ] as const) {
      const out = run.stdout;
      assert.equal(hasAnsi(out), false, lang);
      assert.match(out, lang === 'en' ? /^Summary$/m : /^Samenvatting$/m);
      assert.match(out, /aws-lockdown \S+: account 123456789012 \(aws\)/);
      // The totals row holds byStatus in column order.
      const totals = out.split('\n').find((l) => /\b(total|totaal)\b/.test(l)) ?? '';
      assert.deepEqual(totals.match(/\d+/g)?.map(Number), STATUSES.map((s) => result.summary.byStatus[s]), totals);

      const tokens = new Set(out.split(/\s+/));
      const failing = new Set(result.findings.filter((f) => f.status === 'FAIL').map((f) => f.checkId));
      for (const id of failing) assert.ok(tokens.has(id), `${lang}: ${id} missing from the table`);
      const quiet = CHECKS.map((c) => c.id).filter((id) => !result.findings.some((f) => f.checkId === id && ['FAIL', 'ERROR', 'MANUAL'].includes(f.status)));
      assert.ok(quiet.length > 0);
      for (const id of quiet) assert.equal(tokens.has(id), false, `${lang}: ${id} has nothing to act on but is listed`);
      const rootMfa = CHECKS_BY_ID.get('root-mfa')?.text[lang].title ?? '?';
      assert.ok(out.includes(rootMfa), `${lang} title of root-mfa`);
    }
    assert.match(tableNl.stdout, /VOLDOET NIET/);
    assert.doesNotMatch(tableNl.stdout, /Findings to act on/);
  });

  it('takes Dutch from LANG without --lang, and limits findings with --checks', async () => {
    const run = await lockdown(['scan', '--demo', '--format', 'json', '--checks', 'root-mfa,password-policy-*'], { LANG: 'nl_NL.UTF-8' });
    assert.equal(run.code, 0);
    const r = json(run);
    assert.equal(r.scan.lang, 'nl');
    const expected = CHECKS.map((c) => c.id).filter((id) => id === 'root-mfa' || id.startsWith('password-policy-'));
    assert.equal(expected.length, 10);
    assert.deepEqual([...new Set(r.findings.map((f) => f.checkId))].sort(), expected);
    const dutch = new Map(nlResult.findings.map((f) => [f.id, f.title]));
    for (const f of r.findings) assert.equal(f.title, dutch.get(f.id), f.checkId);
    assert.equal(r.summary.byStatus.FAIL + r.summary.byStatus.PASS + r.summary.byStatus.NOT_APPLICABLE + r.summary.byStatus.MANUAL + r.summary.byStatus.ERROR, r.findings.length);
  });

  it('drops the checks named by --exclude-checks', async () => {
    const r = json(await lockdown(['scan', '--demo', '--format', 'json', '--exclude-checks', 'root-*,user-console-mfa']));
    const ids = new Set(r.findings.map((f) => f.checkId));
    const expected = CHECKS.map((c) => c.id).filter((id) => !id.startsWith('root-') && id !== 'user-console-mfa');
    assert.deepEqual([...ids].sort(), expected);
  });

  describe('--fail-on', () => {
    it('exits 1 on an unmuted critical FAIL; --status FAIL lists only FAIL but the summary counts all', async () => {
      // A real process: the exit code reaches the shell.
      const run = spawnLockdown(['scan', '--demo', '--format', 'json', '--fail-on', 'critical', '--status', 'FAIL']);
      assert.equal(run.code, 1);
      const r = json(run);
      assert.deepEqual(r.scan.statusFilter, ['FAIL']);
      assert.ok(r.findings.length > 0);
      assert.ok(r.findings.every((f) => f.status === 'FAIL'));
      assert.equal(r.findings.length, enResult.summary.byStatus.FAIL);
      assert.deepEqual(r.summary.byStatus, enResult.summary.byStatus);
      assert.ok(r.summary.byStatus.PASS > 0);
    });

    it('exits 0 when a mutelist mutes every critical FAIL, and still 1 for high', async () => {
      const critical = enResult.findings.filter((f) => f.status === 'FAIL' && f.severity === 'critical');
      assert.ok(critical.length > 0);
      const mutelist = join(tmp, 'mute-critical.yaml');
      writeFileSync(
        mutelist,
        `rules:\n${critical.map((f) => `  - checks: [${f.checkId}]\n    resources: ["${f.resource.arn}"]\n    reason: root is a break-glass account, fixed in CHANGE-1234\n`).join('')}`,
      );
      const run = await lockdown(['scan', '--demo', '--format', 'json', '--fail-on', 'critical', '--mutelist', mutelist]);
      assert.equal(run.code, 0, run.stderr);
      const r = json(run);
      assert.equal(r.summary.muted, critical.length);
      assert.equal(r.summary.bySeverity.critical, 0);
      for (const f of r.findings.filter((x) => x.severity === 'critical')) {
        assert.equal(f.status, 'FAIL');
        assert.equal(f.muted, true);
        assert.equal(f.muteReason, 'root is a break-glass account, fixed in CHANGE-1234');
      }
      assert.deepEqual(r.mutelist?.unused, []);
      assert.equal((await lockdown(['scan', '--demo', '--format', 'json', '--fail-on', 'HIGH', '--mutelist', mutelist])).code, 1);
    });

    it('exits 0 on a hardened account even at --fail-on info', async () => {
      const file = join(tmp, 'hardened.evidence.json');
      writeFileSync(file, JSON.stringify(evidenceJson(), null, 2));
      const run = await lockdown(['scan', '--evidence', file, '--format', 'json', '--fail-on', 'info']);
      assert.equal(run.code, 0, run.stderr);
      const r = json(run);
      assert.equal(r.scan.source, 'evidence');
      assert.equal(r.summary.byStatus.FAIL, 0);
      assert.equal(r.summary.byStatus.ERROR, 0);
    });
  });

  it('--save-evidence writes evidence that scans to the same findings', async () => {
    const saved = join(tmp, 'saved.evidence.json');
    const first = await lockdown(['scan', '--demo', '--save-evidence', saved]);
    assert.equal(first.code, 0, first.stderr);
    // Not a terminal and no --format: JSON.
    assert.deepEqual(statuses(json(first)), statuses(enResult));
    assert.equal(JSON.parse(readFileSync(saved, 'utf8')).schema, 'aws-lockdown/evidence@1');
    const again = json(await lockdown(['scan', '--evidence', saved, '--format', 'json']));
    assert.equal(again.scan.source, 'evidence');
    assert.deepEqual(statuses(again), statuses(enResult));
  });
});

describe('lockdown scan --output', () => {
  it('writes the file and nothing on stdout; a failed run leaves an existing file alone', async () => {
    const dir = join(tmp, 'out');
    mkdirSync(dir);
    const file = join(dir, 'report.json');
    const ok = await lockdown(['scan', '--demo', '--format', 'json', '--output', file]);
    assert.equal(ok.code, 0);
    assert.equal(ok.stdout, '');
    assert.equal(ok.stderr, '');
    const written = readFileSync(file, 'utf8');
    assert.equal((JSON.parse(written) as ScanResult).scan.source, 'demo');

    const bad = await lockdown(['scan', '--demo', '--format', 'pdf', '--output', file]);
    assert.equal(bad.code, 2);
    assert.equal(bad.stdout, '');
    assert.equal(readFileSync(file, 'utf8'), written);

    const mutelist = join(FIXTURES, 'mutelist-bad-glob.yaml');
    assert.equal((await lockdown(['scan', '--demo', '--format', 'table', '--mutelist', mutelist, '--output', file])).code, 2);
    assert.equal(readFileSync(file, 'utf8'), written);
    assert.deepEqual(readdirSync(dir), ['report.json']);
  });

  it('names --output when the file cannot be written, and leaves no temp file', async () => {
    const dir = join(tmp, 'out-dir');
    mkdirSync(join(dir, 'report.json'), { recursive: true });
    const run = await lockdown(['scan', '--demo', '--format', 'json', '--output', join(dir, 'report.json')]);
    assert.equal(run.code, 2);
    assert.equal(run.stdout, '');
    assert.match(run.stderr, /^lockdown: --output .*report\.json: cannot be written \(EISDIR\)\n$/);
    assert.deepEqual(readdirSync(dir), ['report.json']);
  });

  it('names --save-evidence, not --output, when the evidence cannot be written', async () => {
    const run = await lockdown(['scan', '--demo', '--format', 'json', '--save-evidence', join(tmp, 'no-such-dir', 'ev.json')]);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /^lockdown: --save-evidence .*no-such-dir.*ev\.json: cannot be written \(ENOENT\)\n$/);
  });
});

describe('lockdown bad input', () => {
  const missing = join(tmpdir(), 'lockdown-no-such-evidence.json');
  const fixture = (name: string) => join(FIXTURES, name);
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  // Each → exit 2, nothing on stdout, one line on stderr naming the flag, file or field.
  const cases: { name: string; args: string[]; stderr: RegExp }[] = [
    { name: 'unknown flag', args: ['scan', '--demo', '--bogus'], stderr: /--bogus/ },
    { name: 'unknown check id', args: ['scan', '--demo', '--checks', 'root-mfa,no-such-check'], stderr: /--checks: unknown check id 'no-such-check'/ },
    { name: 'unknown --format', args: ['scan', '--demo', '--format', 'pdf'], stderr: /--format: 'pdf' is not one of .*json/ },
    { name: 'bad --lang', args: ['scan', '--demo', '--lang', 'de'], stderr: /--lang: 'de' is not one of en, nl/ },
    { name: 'bad --fail-on', args: ['scan', '--demo', '--fail-on', 'severe'], stderr: /--fail-on: 'severe' is not one of critical, high, medium, low, info/ },
    { name: 'bad --status', args: ['scan', '--demo', '--status', 'FAIL,BROKEN'], stderr: /--status: 'BROKEN'/ },
    { name: 'malformed evidence JSON', args: ['scan', '--evidence', fixture('evidence-truncated.json')], stderr: new RegExp(`${escape(fixture('evidence-truncated.json'))}, line \\d+, column \\d+: not valid JSON: the text ends inside a value`) },
    {
      name: 'evidence folder missing a file',
      args: ['scan', '--evidence', fixture('evidence-folder-incomplete')],
      stderr: new RegExp(`evidence folder ${escape(fixture('evidence-folder-incomplete'))}: iam-get-credential-report\\.json is missing`),
    },
    { name: 'evidence path that does not exist', args: ['scan', '--evidence', missing], stderr: new RegExp(`--evidence ${escape(missing)}: no such file or folder`) },
    {
      name: 'mutelist with an unknown key',
      args: ['scan', '--demo', '--mutelist', fixture('mutelist-unknown-key.yaml')],
      stderr: new RegExp(`mutelist ${escape(fixture('mutelist-unknown-key.yaml'))}:6: field rules\\[0\\]: unknown key 'expiry'`),
    },
    {
      name: 'mutelist rule without reason',
      args: ['scan', '--demo', '--mutelist', fixture('mutelist-no-reason.yaml')],
      stderr: new RegExp(`mutelist ${escape(fixture('mutelist-no-reason.yaml'))}:2: field rules\\[0\\]\\.reason: `),
    },
    {
      name: 'mutelist with a bad glob',
      args: ['scan', '--demo', '--mutelist', fixture('mutelist-bad-glob.yaml')],
      stderr: new RegExp(`mutelist ${escape(fixture('mutelist-bad-glob.yaml'))}:4: field rules\\[0\\]\\.resources\\[0\\]: bad pattern`),
    },
    {
      name: 'config with a negative threshold',
      args: ['scan', '--demo', '--config', fixture('config-negative-threshold.yaml')],
      stderr: new RegExp(`config ${escape(fixture('config-negative-threshold.yaml'))}:3: field thresholds\\.accessKeyMaxAgeDays: `),
    },
    { name: 'both --demo and --evidence', args: ['scan', '--demo', '--evidence', fixture('evidence-truncated.json')], stderr: /--demo and --evidence/ },
    { name: 'explain of an unknown check', args: ['explain', 'nope'], stderr: /explain: unknown check id 'nope'/ },
  ];
  for (const c of cases) {
    it(`exits 2 on ${c.name}`, async () => {
      const run = await lockdown(c.args);
      assert.equal(run.code, 2, run.stderr);
      assert.equal(run.stdout, '');
      assert.match(run.stderr, /^lockdown: [^\n]+\n$/, 'exactly one line');
      assert.match(run.stderr, c.stderr);
    });
  }

  it('exits 3 with a one-line hint for a live scan without AWS credentials', async () => {
    // A real process, so the SDK sees only the clean environment (it reads process.env).
    const run = spawnLockdown(['scan', '--format', 'json']);
    assert.equal(run.code, 3);
    assert.equal(run.stdout, '');
    assert.match(run.stderr, /^lockdown: no AWS credentials found: [^\n]+--profile[^\n]+--demo\)\n$/);
  });

  it('refuses live-scan flags on an offline scan', async () => {
    const run = await lockdown(['scan', '--demo', '--profile', 'prod']);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /^lockdown: --profile applies to a live scan/);
  });
});

describe('lockdown checks, explain, evidence commands', () => {
  it('lists the catalogue as text and as JSON', async () => {
    const text = await lockdown(['checks']);
    assert.equal(text.code, 0);
    const lines = text.stdout.trimEnd().split('\n');
    assert.deepEqual(
      lines.map((l) => l.split(/\s+/)[0]),
      CHECKS.map((c) => c.id),
    );
    assert.match(lines.find((l) => l.startsWith('root-mfa ')) ?? '', /critical\s+Root user has MFA enabled$/);

    const listed = await lockdown(['checks', '--json']);
    const catalogue = JSON.parse(listed.stdout) as { id: string; severity: string; title: string; risk: string; fixSteps: string[]; compliance: Record<string, string[]> }[];
    assert.equal(catalogue.length, CHECKS.length);
    assert.deepEqual(
      catalogue.map((c) => c.id),
      CHECKS.map((c) => c.id),
    );
    for (const c of catalogue) {
      assert.equal(c.title, CHECKS_BY_ID.get(c.id)?.text.en.title, c.id);
      assert.ok(c.title.length > 0 && c.risk.length > 0 && c.fixSteps.length > 0, c.id);
      assert.equal(c.severity, CHECKS_BY_ID.get(c.id)?.severity, c.id);
    }
  });

  it('explains a check in English and Dutch', async () => {
    const en = await lockdown(['explain', 'root-mfa']);
    assert.equal(en.code, 0);
    assert.match(en.stdout, /^root-mfa: Root user has MFA enabled\nSeverity: critical\n/);
    assert.match(en.stdout, /^What it means:$/m);
    assert.match(en.stdout, /^How to fix it:$/m);
    assert.match(en.stdout, /aws-securityhub: IAM\.9/);

    const nl = await lockdown(['explain', 'root-mfa', '--lang', 'nl']);
    assert.equal(nl.code, 0);
    assert.ok(nl.stdout.startsWith(`root-mfa: ${CHECKS_BY_ID.get('root-mfa')?.text.nl.title}\nErnst: kritiek\n`), nl.stdout);
    assert.match(nl.stdout, /^Wat het betekent:$/m);
    assert.doesNotMatch(nl.stdout, /What it means/);
  });

  it('prints the offline collection script as valid bash', async () => {
    const run = await lockdown(['evidence', 'commands']);
    assert.equal(run.code, 0);
    assert.ok(run.stdout.startsWith('#!/usr/bin/env bash\n'));
    assert.match(run.stdout, /sts-get-caller-identity/);
    assert.match(run.stdout, /iam-get-credential-report/);
    const syntax = spawnSync('bash', ['-n'], { input: run.stdout, encoding: 'utf8' });
    assert.equal(syntax.status, 0, syntax.stderr);
  });
});

describe('lockdown scan: several formats, compliance views, Dutch messages', () => {
  it('writes one file per format into --output-dir, each in its own format, and nothing on stdout', async () => {
    const dir = join(tmp, 'reports');
    const run = await lockdown(['scan', '--demo', '--format', 'json,html,sarif,csv,junit,markdown,ocsf,asff,table', '--output-dir', dir]);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stdout, '');
    assert.deepEqual(readdirSync(dir).sort(), [
      'aws-lockdown.asff.json', 'aws-lockdown.csv', 'aws-lockdown.html', 'aws-lockdown.json', 'aws-lockdown.junit.xml',
      'aws-lockdown.md', 'aws-lockdown.ocsf.json', 'aws-lockdown.sarif', 'aws-lockdown.txt',
    ]);
    const json = JSON.parse(readFileSync(join(dir, 'aws-lockdown.json'), 'utf8')) as ScanResult;
    const sarif = JSON.parse(readFileSync(join(dir, 'aws-lockdown.sarif'), 'utf8')) as { version: string; runs: { results: unknown[] }[] };
    assert.equal(sarif.version, '2.1.0');
    assert.equal(sarif.runs[0]?.results.length, json.findings.filter((f) => ['FAIL', 'ERROR', 'MANUAL'].includes(f.status)).length);
    assert.equal((JSON.parse(readFileSync(join(dir, 'aws-lockdown.ocsf.json'), 'utf8')) as unknown[]).length, json.findings.length);
    assert.match(readFileSync(join(dir, 'aws-lockdown.html'), 'utf8'), /^<!DOCTYPE html>/i);
    assert.match(readFileSync(join(dir, 'aws-lockdown.junit.xml'), 'utf8'), /^<\?xml/);
  });

  it('refuses several formats without --output-dir, and a format twice', async () => {
    const several = await lockdown(['scan', '--demo', '--format', 'json,html']);
    assert.equal(several.code, 2);
    assert.match(several.stderr, /^lockdown: --format: several formats \(json, html\) need --output-dir DIR/);
    assert.equal((await lockdown(['scan', '--demo', '--format', 'json,json', '--output-dir', join(tmp, 'twice')])).code, 2);
  });

  it('adds the requirement view of --compliance to the table, in the chosen language', async () => {
    const en = await lockdown(['scan', '--demo', '--format', 'table', '--compliance', 'cis-aws-v5.0.0']);
    assert.equal(en.code, 0, en.stderr);
    assert.match(en.stdout, /Compliance: CIS Amazon Web Services Foundations Benchmark 5\.0\.0/);
    assert.match(en.stdout, /│ 1\.4 +│ FAIL/);
    const nl = await lockdown(['scan', '--demo', '--format', 'table', '--compliance', 'cis-aws-v5.0.0', '--lang', 'nl']);
    assert.match(nl.stdout, /│ 1\.4 +│ VOLDOET NIET/);
    const bad = await lockdown(['scan', '--demo', '--compliance', 'cis-9']);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /^lockdown: --compliance: 'cis-9' is not one of cis-aws-v5\.0\.0/);
  });

  it('speaks Dutch in errors and help: --lang wins over LANG, LANG=nl_* without --lang', async () => {
    // A flag with no near neighbour, so that commander suggests nothing.
    const flag = await lockdown(['scan', '--demo', '--qqqqqqqq', '--lang', 'nl']);
    assert.equal(flag.code, 2);
    assert.equal(flag.stderr, "lockdown: onbekende optie '--qqqqqqqq'\n");
    const locale = await lockdown(['scan', '--demo', '--checks', 'nope'], { LANG: 'nl_NL.UTF-8' });
    assert.equal(locale.stderr, "lockdown: --checks: onbekende check-id 'nope' (zie 'lockdown checks')\n");
    const english = await lockdown(['scan', '--demo', '--checks', 'nope', '--lang', 'en'], { LANG: 'nl_NL.UTF-8' });
    assert.equal(english.stderr, "lockdown: --checks: unknown check id 'nope' (see 'lockdown checks')\n");
    const help = await lockdown(['scan', '--help'], { LC_ALL: 'nl_BE.UTF-8' });
    assert.match(help.stdout, /^Gebruik: lockdown scan/);
    assert.match(help.stdout, /Opties:/);
    const evidence = await lockdown(['scan', '--evidence', join(FIXTURES, 'evidence-truncated.json'), '--lang', 'nl']);
    assert.equal(evidence.code, 2);
    assert.match(evidence.stderr, /geen geldige JSON/);
  });
});

describe('bin/lockdown.js in a real process', () => {
  it('--version prints the package version and exits 0', () => {
    const run = spawnLockdown(['--version']);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stdout, `${JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')).version}\n`);
    assert.equal(run.stderr, '');
  });

  it('bad input: exit 2 and one line on stderr, no stack trace', () => {
    const run = spawnLockdown(['scan', '--evidence', join(FIXTURES, 'evidence-truncated.json')]);
    assert.equal(run.code, 2);
    assert.equal(run.stdout, '');
    assert.match(run.stderr, /^lockdown: [^\n]+: not valid JSON[^\n]*\n$/);
    assert.doesNotMatch(run.stderr, /\n\s+at /);
  });

  it('a reader that closes the pipe early (`| head`) is no error: exit 0, nothing on stderr', () => {
    // The demo's JSON is far larger than a pipe's buffer, so the CLI is still writing when head exits.
    const script = `"${process.execPath}" "${BIN}" scan --demo --format json 2>"${join(tmp, 'epipe.err')}" | head -c 100 >/dev/null; echo "\${PIPESTATUS[0]}"`;
    const r = spawnSync('bash', ['-c', script], { cwd: tmp, encoding: 'utf8', timeout: 30_000, env: cleanEnv({}) });
    assert.equal(r.stdout, '0\n', r.stderr);
    assert.equal(readFileSync(join(tmp, 'epipe.err'), 'utf8'), '');
  });
});
