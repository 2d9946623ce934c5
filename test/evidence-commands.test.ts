import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { EXPORT_CALLS } from '../src/evidence/cli-export-manifest.js';
import { commandsScript } from '../src/evidence/commands-script.js';
import { loadEvidence } from '../src/evidence/load.js';

// The offline collection script that `lockdown evidence commands` prints (SPEC §4), read as text
// and run with bash against a stub `aws` that logs its calls and answers from CLI v2 fixtures.

const FIXTURES = fileURLToPath(new URL('./fixtures/cli-export/', import.meta.url));
const V2 = join(FIXTURES, 'v2');
const READ_ONLY = /^(get|list|describe)-/;
const SCRIPT = commandsScript('0.1.0');

const scratch = mkdtempSync(join(tmpdir(), 'lockdown-commands-'));
after(() => rmSync(scratch, { recursive: true, force: true }));
let counter = 0;
const tempDir = (name: string) => {
  const dir = join(scratch, `${counter++}-${name}`);
  mkdirSync(dir, { recursive: true });
  return dir;
};

const scriptPath = join(scratch, 'lockdown-evidence.sh');
writeFileSync(scriptPath, SCRIPT);
const binDir = join(scratch, 'bin');
mkdirSync(binDir);
copyFileSync(join(FIXTURES, 'aws-stub.sh'), join(binDir, 'aws'));
chmodSync(join(binDir, 'aws'), 0o755);

const NO_SUCH_ENTITY =
  '\nAn error occurred (NoSuchEntity) when calling the GetAccountPasswordPolicy operation: The Password Policy with domain name 123456789012 cannot be found.\n';

/** The stub's answers: the v2 fixtures, with files replaced (string) or removed (null). */
function canned(changes: Record<string, string | null> = {}): string {
  const dir = tempDir('canned');
  cpSync(V2, dir, { recursive: true });
  rmSync(join(dir, 'lockdown-export.json'));
  for (const [file, content] of Object.entries(changes)) {
    if (content === null) rmSync(join(dir, file));
    else writeFileSync(join(dir, file), content);
  }
  return dir;
}

interface Call {
  profile: string;
  args: string[];
  service: string | undefined;
  operation: string | undefined;
  /** The last --region (the AWS CLI takes the last of repeated options). */
  region: string | undefined;
  option: (name: string) => string | undefined;
}

function parseCall(line: string): Call {
  const [profile = '', ...args] = line.split('\t');
  const words: string[] = [];
  const options = new Map<string, string>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === '--version') continue;
    if (arg.startsWith('--')) options.set(arg, args[++i] as string);
    else words.push(arg);
  }
  return { profile: profile.replace(/^AWS_PROFILE=/, ''), args, service: words[0], operation: words[1], region: options.get('--region'), option: (n) => options.get(n) };
}

interface Run {
  status: number | null;
  stderr: string;
  calls: Call[];
}

/** Runs the script with bash, the stub first on PATH and only the environment given. */
function runScript(opts: { canned: string; args?: string[]; cwd?: string; env?: Record<string, string> }): Run {
  const log = join(tempDir('log'), 'calls.log');
  writeFileSync(log, '');
  const result = spawnSync('bash', [scriptPath, ...(opts.args ?? [])], {
    cwd: opts.cwd ?? scratch,
    encoding: 'utf8',
    timeout: 30_000,
    env: { PATH: `${binDir}:${process.env.PATH ?? '/usr/bin:/bin'}`, HOME: scratch, STUB_LOG: log, STUB_CANNED: opts.canned, ...opts.env },
  });
  if (result.error) throw result.error;
  const lines = readFileSync(log, 'utf8').split('\n').filter(Boolean);
  return { status: result.status, stderr: result.stderr, calls: lines.map(parseCall) };
}

const awsCalls = (run: Run) => run.calls.filter((c) => !c.args.includes('--version'));
const operations = (run: Run, service: string, operation: string) => run.calls.filter((c) => c.service === service && c.operation === operation);

describe('the script is read-only (parsed from its text)', () => {
  const runLines = [...SCRIPT.matchAll(/^\s*run (\S+) (\S+) (\S+)/gm)].map((m) => ({ file: m[1] as string, service: m[2] as string, operation: m[3] as string }));

  it('has one run line per export call, writing the file the importer reads', () => {
    assert.equal(runLines.length, EXPORT_CALLS.length);
    for (const call of EXPORT_CALLS) {
      const file = call.file.replace('{region}', '$R');
      const line = runLines.find((l) => l.file === file);
      assert.ok(line, `no run line writes ${file}.json`);
      assert.deepEqual([line.service, line.operation], call.args.slice(0, 2));
    }
  });

  it('every run line calls a get-, list- or describe- operation', () => {
    for (const line of runLines) assert.match(line.operation, READ_ONLY, `${line.file}: ${line.service} ${line.operation} is not a read`);
  });

  it('the only other aws calls are generate-credential-report and --version', () => {
    const awsLines = SCRIPT.split('\n')
      .filter((l) => !l.trimStart().startsWith('#'))
      .filter((l) => /(^|[\s($])aws\s/.test(l));
    const generate = awsLines.filter((l) => /\baws "\$\{OPTS\[@\]\}" iam /.test(l));
    assert.equal(generate.length, 1);
    assert.match(generate[0] as string, /aws "\$\{OPTS\[@\]\}" iam generate-credential-report --query State --output text/);
    const rest = awsLines.filter((l) => !generate.includes(l));
    assert.deepEqual(
      rest.map((l) => l.trim()),
      ['if aws "${OPTS[@]}" "$@" > "$OUT/$name.json.part" 2> "$OUT/$name.error.txt"; then', `"0.1.0" "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$(aws --version 2>&1 | head -n 1)" > "$OUT/lockdown-export.json"`],
    );
  });
});

describe('running the script against a stub aws', () => {
  const answers = canned({ 'iam-get-account-password-policy.json': null, 'iam-get-account-password-policy.error.txt': NO_SUCH_ENTITY });
  const out = join(tempDir('run'), 'evidence');
  const run = runScript({ canned: answers, args: [out], env: { AWS_PROFILE: 'audit-ro', AWS_ENDPOINT_URL: 'http://127.0.0.1:4566' } });

  it('finishes and says where the evidence went', () => {
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stderr, new RegExp(`collecting evidence into ${out} \\(profile audit-ro\\)`));
    assert.match(run.stderr, /iam-get-account-password-policy: {2}An error occurred \(NoSuchEntity\)/);
    assert.match(run.stderr, new RegExp(`done; now run: lockdown scan --evidence ${out}`));
  });

  it('writes one .json per answered call and an .error.txt for the failed one into DIR', () => {
    const expected = readdirSync(answers).concat('lockdown-export.json').sort();
    assert.deepEqual(readdirSync(out).sort(), expected);
    for (const file of readdirSync(answers)) assert.equal(readFileSync(join(out, file), 'utf8'), readFileSync(join(answers, file), 'utf8'), file);
    assert.ok(!existsSync(join(out, 'iam-get-account-password-policy.json')));
  });

  it('records the export time and the CLI version', () => {
    const meta = JSON.parse(readFileSync(join(out, 'lockdown-export.json'), 'utf8'));
    assert.equal(meta.tool, 'aws-lockdown');
    assert.equal(meta.version, '0.1.0');
    assert.match(meta.cli, /^aws-cli\/2\.15\.30 /);
    assert.match(meta.collectedAt, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    assert.ok(Math.abs(Date.parse(meta.collectedAt) - Date.now()) < 120_000);
  });

  it('passes --endpoint-url on every call when AWS_ENDPOINT_URL is set', () => {
    const calls = awsCalls(run);
    assert.ok(calls.length >= EXPORT_CALLS.length);
    for (const call of calls) assert.equal(call.option('--endpoint-url'), 'http://127.0.0.1:4566', call.args.join(' '));
  });

  it('AWS_PROFILE reaches the AWS CLI', () => {
    assert.deepEqual([...new Set(run.calls.map((c) => c.profile))], ['audit-ro']);
  });

  it('never invokes a write operation', () => {
    for (const call of awsCalls(run)) {
      assert.ok(READ_ONLY.test(call.operation ?? '') || call.operation === 'generate-credential-report', `write call: ${call.args.join(' ')}`);
    }
  });

  it('asks IAM for the credential report before downloading it, once when it is ready', () => {
    const ops = awsCalls(run).map((c) => c.operation);
    assert.equal(ops.filter((o) => o === 'generate-credential-report').length, 1);
    assert.ok(ops.indexOf('generate-credential-report') < ops.indexOf('get-credential-report'));
  });

  it('calls global services in the partition default region and regional ones once per enabled region', () => {
    for (const call of operations(run, 'iam', 'get-account-summary')) assert.equal(call.region, 'us-east-1');
    // Without a configured region STS is asked in us-east-1 first; it answered, so only there.
    assert.deepEqual(operations(run, 'sts', 'get-caller-identity').map((c) => c.region), ['us-east-1']);
    assert.deepEqual(operations(run, 'accessanalyzer', 'list-analyzers').map((c) => c.region).sort(), ['eu-west-1', 'us-east-1']);
    assert.deepEqual(operations(run, 'sso-admin', 'list-instances').map((c) => c.region).sort(), ['eu-west-1', 'us-east-1']);
    assert.equal(operations(run, 'organizations', 'describe-account')[0]?.option('--account-id'), '123456789012');
  });

  it('writes a folder that loads as evidence', () => {
    const ev = loadEvidence(out);
    assert.equal(ev.collector, 'aws-cli-export');
    assert.deepEqual(ev.account, { id: '123456789012', partition: 'aws', callerArn: 'arn:aws:sts::123456789012:assumed-role/SecurityAudit/auditor-session' });
    const policy = ev.parts.passwordPolicy;
    assert.ok(policy.ok);
    assert.equal(policy.data, null);
    const fixtures = loadEvidence(V2);
    assert.deepEqual(ev.parts.credentialReport, fixtures.parts.credentialReport);
    assert.deepEqual(ev.parts.regions.ok && ev.parts.regions.data, ['eu-west-1', 'us-east-1']);
    assert.deepEqual(Object.keys(ev.accessAnalyzers).sort(), ['eu-west-1', 'us-east-1']);
  });
});

describe('script environment', () => {
  it('writes into the current directory without DIR, and passes no --endpoint-url without AWS_ENDPOINT_URL', () => {
    const cwd = tempDir('cwd');
    const run = runScript({ canned: canned(), cwd });
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stderr, /collecting evidence into \.$/m);
    assert.ok(existsSync(join(cwd, 'sts-get-caller-identity.json')));
    assert.ok(existsSync(join(cwd, 'iam-get-account-password-policy.json')));
    for (const call of awsCalls(run)) assert.ok(!call.args.includes('--endpoint-url'), call.args.join(' '));
    assert.deepEqual([...new Set(run.calls.map((c) => c.profile))], ['']);
    const policy = loadEvidence(cwd).parts.passwordPolicy;
    assert.ok(policy.ok);
    assert.equal(policy.data?.minimumPasswordLength, 14);
  });

  it('uses AWS_REGION for every global call, the caller identity included', () => {
    const run = runScript({ canned: canned(), args: [join(tempDir('region'), 'out')], env: { AWS_REGION: 'eu-central-1' } });
    assert.equal(run.status, 0, run.stderr);
    for (const call of awsCalls(run).filter((c) => c.service !== 'accessanalyzer' && c.service !== 'sso-admin')) assert.equal(call.region, 'eu-central-1', call.args.join(' '));
  });

  it('picks a GovCloud region for a GovCloud caller', () => {
    const identity = { UserId: 'AIDAGOVEXAMPLE', Account: '210987654321', Arn: 'arn:aws-us-gov:iam::210987654321:user/auditor' };
    const run = runScript({ canned: canned({ 'sts-get-caller-identity.json': `${JSON.stringify(identity, null, 4)}\n` }), args: [join(tempDir('gov'), 'out')] });
    assert.equal(run.status, 0, run.stderr);
    assert.equal(operations(run, 'iam', 'get-account-summary')[0]?.region, 'us-gov-west-1');
    assert.equal(operations(run, 'organizations', 'describe-account')[0]?.option('--account-id'), '210987654321');
  });

  it('exits 3 with a message and calls nothing else when the caller identity fails in every partition', () => {
    const answers = canned({
      'sts-get-caller-identity.json': null,
      'sts-get-caller-identity.error.txt': '\nUnable to locate credentials. You can configure credentials by running "aws configure".\n',
    });
    const out = join(tempDir('nocreds'), 'out');
    const run = runScript({ canned: answers, args: [out] });
    assert.equal(run.status, 3);
    assert.match(run.stderr, new RegExp(`the AWS CLI has no working credentials \\(see ${out}/sts-get-caller-identity.error.txt\\)`));
    assert.match(readFileSync(join(out, 'sts-get-caller-identity.error.txt'), 'utf8'), /Unable to locate credentials/);
    assert.deepEqual(readdirSync(out), ['sts-get-caller-identity.error.txt']);
    assert.deepEqual(
      run.calls.map((c) => [c.service, c.operation, c.region]),
      [['sts', 'get-caller-identity', 'us-east-1'], ['sts', 'get-caller-identity', 'us-gov-west-1'], ['sts', 'get-caller-identity', 'cn-north-1']],
    );
  });
});
