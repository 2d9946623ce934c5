import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, createReadStream, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { msg } from '../src/i18n/index.js';
import { redactUrlCredentials, tell } from '../src/cli/tell.js';
import { evidenceJson } from './builders/evidence.js';
import { runMain, type Run } from './run-main.js';
import type { ScanResult } from '../src/record/result.js';

// Where a scan's files go (issue 11 items 10, 11, 15, 16): never over an input or a device, every
// file or none, and messages that neither dump a broken file nor echo a secret.

const REPORT_CSV = fileURLToPath(new URL('fixtures/cli-export/credential-report.csv', import.meta.url));
const DEMO = fileURLToPath(new URL('../demo/insecure-account.evidence.json', import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), 'lockdown-files-'));
after(() => rmSync(tmp, { recursive: true, force: true }));
let n = 0;
const dir = () => {
  const d = join(tmp, `case-${n++}`);
  mkdirSync(d);
  return d;
};

const env = { PATH: process.env.PATH ?? '', HOME: tmp, AWS_EC2_METADATA_DISABLED: 'true', AWS_CONFIG_FILE: join(tmp, 'none'), AWS_SHARED_CREDENTIALS_FILE: join(tmp, 'none') };
const lockdown = (args: string[]): Promise<Run> => runMain(args, env);
/** Temporary files left beside the targets (output.ts names them `.<name>.<pid>-<hex>.tmp`). */
const temps = (d: string) => readdirSync(d).filter((f) => f.endsWith('.tmp'));

describe('--output never clobbers what is not a report', () => {
  it('--output equal to --evidence (also by another spelling or a link) is exit 2 before anything is read', async () => {
    const d = dir();
    const evidence = join(d, 'evidence.json');
    writeFileSync(evidence, readFileSync(DEMO));
    const before = readFileSync(evidence, 'utf8');
    symlinkSync(evidence, join(d, 'link.json'));
    for (const output of [evidence, join(d, '.', 'sub', '..', 'evidence.json'), join(d, 'link.json')]) {
      mkdirSync(join(d, 'sub'), { recursive: true });
      const run = await lockdown(['scan', '--evidence', evidence, '--format', 'json', '--output', output]);
      assert.equal(run.code, 2, output);
      assert.match(run.stderr, /^lockdown: --output .*: is the file given to --evidence; the scan would overwrite its own input\n$/);
    }
    assert.equal(readFileSync(evidence, 'utf8'), before);
  });

  it('a file under --output-dir or --save-evidence equal to --config, --mutelist or --evidence is exit 2', async () => {
    const d = dir();
    const config = join(d, 'aws-lockdown.json');
    writeFileSync(config, 'maxKeyAgeDays: 90\n');
    const mutelist = join(d, 'mutelist.yaml');
    writeFileSync(mutelist, 'rules: []\n');
    const byDir = await lockdown(['scan', '--demo', '--format', 'json,csv', '--output-dir', d, '--config', config]);
    assert.equal(byDir.code, 2);
    assert.match(byDir.stderr, /--output-dir .*aws-lockdown\.json: is the file given to --config/);
    const saved = await lockdown(['scan', '--demo', '--save-evidence', mutelist, '--mutelist', mutelist]);
    assert.equal(saved.code, 2);
    assert.match(saved.stderr, /--save-evidence .*mutelist\.yaml: is the file given to --mutelist/);
    const twice = await lockdown(['scan', '--demo', '--save-evidence', join(d, 'x.json'), '--output', join(d, 'x.json')]);
    assert.equal(twice.code, 2);
    assert.match(twice.stderr, /--save-evidence and --output both name/);
    assert.equal(readFileSync(config, 'utf8'), 'maxKeyAgeDays: 90\n');
    assert.equal(readFileSync(mutelist, 'utf8'), 'rules: []\n');
  });

  it('--output /dev/null writes into the device instead of renaming a file over it', async () => {
    const run = await lockdown(['scan', '--demo', '--format', 'json', '--output', '/dev/null']);
    assert.equal(run.code, 0, run.stderr);
    assert.ok(statSync('/dev/null').isCharacterDevice());
  });

  it('--output to a FIFO writes the report into the pipe, and the FIFO stays a FIFO', async () => {
    const d = dir();
    const fifo = join(d, 'report.fifo');
    execFileSync('mkfifo', [fifo]);
    // The reader opens first (in the thread pool), as `cat fifo` in another terminal would.
    const received = new Promise<string>((resolve, reject) => {
      let text = '';
      createReadStream(fifo, 'utf8').on('data', (c) => (text += c)).on('end', () => resolve(text)).on('error', reject);
    });
    const run = await lockdown(['scan', '--demo', '--format', 'json', '--output', fifo]);
    assert.equal(run.code, 0, run.stderr);
    assert.equal((JSON.parse(await received) as { schemaVersion: number }).schemaVersion, 1);
    assert.ok(statSync(fifo).isFIFO());
    assert.deepEqual(temps(d), []);
  });

  it('a replaced report keeps its permissions; a symbolic link is written through', async () => {
    const d = dir();
    const file = join(d, 'report.json');
    writeFileSync(file, 'old');
    chmodSync(file, 0o640);
    assert.equal((await lockdown(['scan', '--demo', '--format', 'json', '--output', file])).code, 0);
    assert.equal(statSync(file).mode & 0o777, 0o640);
    assert.equal((JSON.parse(readFileSync(file, 'utf8')) as { schemaVersion: number }).schemaVersion, 1);
    const link = join(d, 'latest.json');
    symlinkSync(file, link);
    writeFileSync(file, 'old');
    assert.equal((await lockdown(['scan', '--demo', '--format', 'csv', '--output', link])).code, 0);
    assert.ok(readFileSync(file, 'utf8').startsWith('id,account'), 'the link target holds the new report');
    assert.ok(statSync(link).isFile() && readdirSync(d).includes('latest.json'));
  });
});

describe('all files or none', () => {
  it('--save-evidence with an --output that cannot be written leaves the old evidence file as it was', async () => {
    const d = dir();
    const saved = join(d, 'saved.json');
    writeFileSync(saved, 'previous evidence');
    writeFileSync(join(d, 'not-a-dir'), '');
    const run = await lockdown(['scan', '--demo', '--format', 'json', '--save-evidence', saved, '--output', join(d, 'not-a-dir', 'report.json')]);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /^lockdown: --output .*report\.json: cannot be written \(ENOTDIR\)\n$/);
    assert.equal(readFileSync(saved, 'utf8'), 'previous evidence');
    assert.deepEqual(temps(d), []);
  });

  it('--output-dir with several formats: one target that cannot be replaced leaves every other file as it was', async () => {
    const d = dir();
    for (const name of ['aws-lockdown.json', 'aws-lockdown.csv']) writeFileSync(join(d, name), 'previous');
    // A folder where the SARIF file should go: the last of the three cannot be written.
    mkdirSync(join(d, 'aws-lockdown.sarif', 'inside'), { recursive: true });
    const run = await lockdown(['scan', '--demo', '--format', 'json,csv,sarif', '--output-dir', d, '--save-evidence', join(d, 'evidence.json')]);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /--output-dir .*aws-lockdown\.sarif: cannot be written \(EISDIR\)/);
    assert.equal(readFileSync(join(d, 'aws-lockdown.json'), 'utf8'), 'previous');
    assert.equal(readFileSync(join(d, 'aws-lockdown.csv'), 'utf8'), 'previous');
    assert.deepEqual(readdirSync(d).sort(), ['aws-lockdown.csv', 'aws-lockdown.json', 'aws-lockdown.sarif'], 'no evidence file, no temp file');
  });

  it('a write that fails after the first temporary file is written removes it too', async () => {
    const d = dir();
    writeFileSync(join(d, 'file'), '');
    // The evidence (first) is staged, then the report's folder turns out to be a file.
    const run = await lockdown(['scan', '--demo', '--format', 'json,csv', '--output-dir', d, '--save-evidence', join(d, 'e.json')]);
    assert.equal(run.code, 0, 'control: the same scan writes when nothing is in the way');
    rmSync(join(d, 'e.json'));
    const blocked = await lockdown(['scan', '--demo', '--format', 'json', '--save-evidence', join(d, 'e.json'), '--output', join(d, 'file', 'r.json')]);
    assert.equal(blocked.code, 2);
    assert.deepEqual(readdirSync(d).sort(), ['aws-lockdown.csv', 'aws-lockdown.json', 'file']);
  });
});

describe('--exclude-checks leaving nothing', () => {
  it('is exit 2 with a message, not an empty scan that passes', async () => {
    for (const args of [['--exclude-checks', '*'], ['--checks', 'root-mfa', '--exclude-checks', 'root-*']]) {
      const run = await lockdown(['scan', '--demo', '--format', 'json', ...args]);
      assert.equal(run.code, 2, args.join(' '));
      assert.equal(run.stdout, '');
      assert.equal(run.stderr, 'lockdown: --exclude-checks: leaves no check to run\n');
    }
  });
});

describe('messages speak the user language', () => {
  it('a credential in an --endpoint-url is never echoed', async () => {
    const run = await lockdown(['scan', '--endpoint-url', 'ftp://admin:s3cret@fake.example:9000']);
    assert.equal(run.code, 2);
    assert.equal(run.stderr, "lockdown: --endpoint-url: 'ftp://***@fake.example:9000' is not an http(s) URL\n");
    assert.equal(redactUrlCredentials('at https://AKIA:secret@host/x and http://u@h'), 'at https://***@host/x and http://***@h');
    assert.equal(redactUrlCredentials('mail alice@example.com, https://host/a@b'), 'mail alice@example.com, https://host/a@b');
  });

  it('a quoted value from a broken file is capped and shown safely, whatever its length', async () => {
    const d = dir();
    // A credential report whose password_enabled cell of alice holds an ESC sequence and 5,000 characters.
    const lines = readFileSync(REPORT_CSV, 'utf8').split('\n');
    const cells = (lines[2] as string).split(',');
    cells[3] = `\u001b[31m${'X'.repeat(5000)}`;
    lines[2] = cells.join(',');
    const file = join(d, 'credential-report.csv');
    writeFileSync(file, lines.join('\n'));
    const run = await lockdown(['scan', '--evidence', file, '--format', 'json']);
    assert.equal(run.code, 2);
    assert.equal(run.stderr.split('\n').length, 2, 'one line');
    assert.ok(run.stderr.length < 400, run.stderr);
    assert.ok(!run.stderr.includes('\u001b'), 'no raw ESC');
    assert.match(run.stderr, /^lockdown: .*credential-report\.csv: line 3, column password_enabled: expected TRUE or FALSE, got "\\u001b\[31mX{48}…\n$/);
    const line = tell('en', msg('expectedTimestamp', { field: 'collectedAt', value: JSON.stringify('x'.repeat(100)) }));
    assert.equal(line, `collectedAt: expected a timestamp with a time zone, got "${'x'.repeat(58)}…`);
  });

  it('an internal error says it is a bug, without JavaScript words or a stack', async () => {
    const io = { stdout: { write: () => true }, stderr: { write: (s: string) => (stderr += s) }, env };
    let stderr = '';
    const { main } = await import('../src/cli/main.js');
    // A stdout that throws as a bug would: a TypeError from deep inside.
    const broken = { ...io, stdout: { write: () => (null as unknown as { x: number }).x } };
    assert.equal(await main(['scan', '--demo', '--format', 'json'], broken), 3);
    assert.equal(stderr, 'lockdown: internal error (TypeError): this is a bug in aws-lockdown; please report it with the command you ran (LOCKDOWN_DEBUG=1 shows where it happened)\n');
    stderr = '';
    assert.equal(await main(['scan', '--demo', '--format', 'json'], { ...broken, env: { ...env, LOCKDOWN_DEBUG: '1' } }), 3);
    assert.match(stderr, /Cannot read properties of null[\s\S]*\n\s+at /, 'the details on request');
  });
});

describe('remediation commands', () => {
  it('a user named with shell syntax stays one argument when the command is pasted into a shell', async () => {
    const d = dir();
    const name = "x; touch pwned; $(touch pwned2) `touch pwned3` it's";
    const file = join(d, 'evidence.json');
    writeFileSync(file, JSON.stringify(evidenceJson({ users: [{ name, password: true, mfa: false }] })));
    const run = await lockdown(['scan', '--evidence', file, '--format', 'json']);
    const f = (JSON.parse(run.stdout) as ScanResult).findings.find((x) => x.checkId === 'user-console-mfa' && x.resource.name === name);
    const cli = f?.remediation?.cli;
    assert.ok(cli, 'a remediation command for the user');
    // A real shell is the word splitter: \`aws\` prints its arguments NUL-separated; the <…>
    // placeholders a person fills in are filled in here.
    const script = `aws() { printf '%s\\0' "$@"; }\n${cli.replace(/<[^>]*>/g, '000000')}\n`;
    const sh = spawnSync('sh', ['-c', script], { cwd: d, encoding: 'utf8' });
    assert.equal(sh.status, 0, sh.stderr);
    const words = sh.stdout.split('\0');
    assert.equal(words[words.indexOf('--user-name') + 1], name);
    assert.ok(words.includes(`${name}-mfa.png`), 'a name inside a longer word stays inside it');
    assert.deepEqual(readdirSync(d).filter((x) => x.startsWith('pwned')), [], 'nothing ran');
  });
});
