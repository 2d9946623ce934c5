import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { ScanResult } from '../src/record/result.js';
import { ACCOUNTS, orgScenario } from './fake-aws/org-scenarios.js';
import { BASE_ACCESS_KEY_ID, startFakeOrg, type FakeOrg } from './fake-aws/org-server.js';
import { liveEnv } from './live-env.js';
import { runMain } from './run-main.js';

// --save-evidence DIR in a many-account scan writes one evidence file per assessed account (as
// soon as it is read) and a scope file; `scan --evidence DIR` judges the folder again into the same
// many-account result: the same accounts with their names and OU paths, the same not-assessed list
// and reasons, the same findings.

const { home, env } = liveEnv('org-evidence', {
  credentials: `[mgmt]\naws_access_key_id = ${BASE_ACCESS_KEY_ID}\naws_secret_access_key = fake\n`,
  config: '[profile mgmt]\nregion = eu-west-1\n',
});
const lockdown = (args: string[]) => runMain(args, { PATH: process.env.PATH ?? '', HOME: home, ...env });
const dir = mkdtempSync(join(tmpdir(), 'org-evidence-'));

let fake: FakeOrg;
before(async () => {
  fake = await startFakeOrg(orgScenario());
});
after(() => fake.close());

const verdicts = (r: ScanResult) => r.findings.map((f) => `${f.accountId} ${f.id} ${f.checkId} ${f.status} ${f.messageId}`).sort();

describe('many-account evidence folders', () => {
  it('--save-evidence DIR then --evidence DIR gives the same many-account result', async () => {
    const saved = join(dir, 'org');
    const live = await lockdown(['scan', '--profile', 'mgmt', '--endpoint-url', fake.url, '--org', '--format', 'json', '--save-evidence', saved]);
    assert.equal(live.code, 0, live.stderr);
    const first = JSON.parse(live.stdout) as ScanResult;
    const files = readdirSync(saved).sort();
    assert.deepEqual(files, [...first.accounts.map((a) => `${a.id}.evidence.json`), 'lockdown-scope.json'].sort());
    // Each file is one account's ordinary evidence document: it scans on its own too.
    const one = await lockdown(['scan', '--evidence', join(saved, `${ACCOUNTS.dev}.evidence.json`), '--format', 'json']);
    assert.equal(one.code, 0, one.stderr);
    assert.deepEqual((JSON.parse(one.stdout) as ScanResult).accounts.map((a) => a.id), [ACCOUNTS.dev]);

    const again = await lockdown(['scan', '--evidence', saved, '--format', 'json', '--fail-on', 'critical']);
    assert.equal(again.code, 1, again.stderr);
    const second = JSON.parse(again.stdout) as ScanResult;
    assert.equal(second.scan.source, 'evidence');
    assert.deepEqual(second.accounts.map(({ id, name, email, ouPath, via }) => ({ id, name, email, ouPath, via })), first.accounts.map(({ id, name, email, ouPath, via }) => ({ id, name, email, ouPath, via })));
    assert.deepEqual(second.notAssessed, first.notAssessed);
    assert.deepEqual(second.coverage, first.coverage);
    assert.deepEqual(verdicts(second), verdicts(first));
  });

  it('a folder whose scope file names a missing account file, or a file of another account, is exit 2 naming it', async () => {
    const saved = join(dir, 'broken');
    await lockdown(['scan', '--profile', 'mgmt', '--endpoint-url', fake.url, '--org', '--accounts', `${ACCOUNTS.dev},${ACCOUNTS.prod}`, '--format', 'json', '--save-evidence', saved]);
    const devFile = join(saved, `${ACCOUNTS.dev}.evidence.json`);
    const prodFile = join(saved, `${ACCOUNTS.prod}.evidence.json`);
    writeFileSync(prodFile, readFileSync(devFile));
    const wrong = await lockdown(['scan', '--evidence', saved, '--format', 'json']);
    assert.equal(wrong.code, 2);
    assert.equal(wrong.stderr, `lockdown: --evidence ${prodFile}: holds account ${ACCOUNTS.dev}, the scope file says ${ACCOUNTS.prod}\n`);

    const scope = JSON.parse(readFileSync(join(saved, 'lockdown-scope.json'), 'utf8')) as { accounts: { file: string }[] };
    scope.accounts.push({ ...scope.accounts[0], id: '123412341234', file: '123412341234.evidence.json' } as never);
    writeFileSync(join(saved, 'lockdown-scope.json'), JSON.stringify(scope));
    const missing = await lockdown(['scan', '--evidence', saved, '--format', 'json']);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /^lockdown: --evidence .*broken: 123412341234\.evidence\.json is missing, but lockdown-scope\.json lists it\n$/);
  });

  it('--save-evidence naming a file in a many-account scan is exit 2 before anything is read', async () => {
    const file = join(dir, 'a-file.json');
    writeFileSync(file, '{}');
    const calls = fake.calls.length;
    const run = await lockdown(['scan', '--profile', 'mgmt', '--endpoint-url', fake.url, '--org', '--save-evidence', file]);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /^lockdown: --save-evidence .*a-file\.json: a scan of many accounts writes one file per account into a folder, and this is a file\n$/);
    assert.equal(fake.calls.length, calls);
    assert.ok(existsSync(file));
  });
});
