import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { CHECKS } from '../src/checks/registry.js';
import { evaluate } from '../src/engine/evaluate.js';
import { InputError } from '../src/errors.js';
import { loadEvidence } from '../src/evidence/load.js';
import { parseEvidence } from '../src/evidence/parse.js';
import { say, type Message } from '../src/i18n/index.js';
import { runMain } from './run-main.js';
import { evidenceJson } from './builders/evidence.js';

// Two answers to one fact must agree (issue 11 item 1): the root e-mail address told by
// organizations:DescribeAccount and by account:GetPrimaryEmail in one export folder, and by
// accountEmail and DescribeOrganization's MasterAccountEmail for a management account. Neither is
// picked: offline input is refused (exit 2, one line), live evidence makes root-email-domain ERROR.

const tmp = mkdtempSync(join(tmpdir(), 'lockdown-contradictions-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

/** The v2 export folder of a management account, with GetPrimaryEmail telling another address. */
function folderWithTwoAddresses(name: string): string {
  const dir = join(tmp, name);
  cpSync('test/fixtures/cli-export/v2', dir, { recursive: true });
  // As the AWS CLI prints it: GetPrimaryEmail read after the address was changed, or a hand-edited file.
  writeFileSync(join(dir, 'account-get-primary-email.json'), '{\n    "PrimaryEmail": "aws-root@gmail.com"\n}\n');
  return dir;
}

function refusal(fn: () => unknown): Message {
  try {
    fn();
  } catch (error) {
    assert.ok(error instanceof InputError, `an InputError (exit 2), not ${String(error)}`);
    return error.said;
  }
  assert.fail('the evidence was accepted');
}

describe('DescribeAccount and GetPrimaryEmail in one export folder', () => {
  it('agreeing answers are read as before (DescribeAccount is the part)', () => {
    const ev = loadEvidence('test/fixtures/cli-export/v2');
    assert.ok(ev.parts.accountEmail.ok);
    assert.deepEqual(ev.parts.accountEmail.data, { email: 'aws-root@example.com', via: 'organizations:DescribeAccount' });
  });

  it('different addresses: refused naming both files and both values, never the first kept', () => {
    const dir = folderWithTwoAddresses('two-addresses');
    const said = refusal(() => loadEvidence(dir));
    assert.equal(said.id, 'exportContradicts');
    assert.deepEqual(said.params, {
      first: join(dir, 'organizations-describe-account.json'),
      firstValue: 'aws-root@example.com',
      second: join(dir, 'account-get-primary-email.json'),
      secondValue: 'aws-root@gmail.com',
      part: 'accountEmail',
    });
  });

  it('one of the two failed: the other is the answer, nothing to contradict', () => {
    const dir = folderWithTwoAddresses('one-failed');
    rmSync(join(dir, 'organizations-describe-account.json'));
    writeFileSync(join(dir, 'organizations-describe-account.error.txt'), '\nAn error occurred (AccessDeniedException) when calling the DescribeAccount operation: denied\n');
    // The organisation's MasterAccountEmail still names the other address: that pair is checked too.
    rmSync(join(dir, 'organizations-describe-organization.json'));
    writeFileSync(join(dir, 'organizations-describe-organization.error.txt'), '\nAn error occurred (AccessDeniedException) when calling the DescribeOrganization operation: denied\n');
    const ev = loadEvidence(dir);
    assert.ok(ev.parts.accountEmail.ok);
    assert.deepEqual(ev.parts.accountEmail.data, { email: 'aws-root@gmail.com', via: 'account:GetPrimaryEmail' });
  });

  it('the CLI: exit 2 and one line naming both files and both addresses', async () => {
    const dir = folderWithTwoAddresses('cli');
    const run = await runMain(['scan', '--evidence', dir, '--format', 'json', '--no-store'], { PATH: '', HOME: tmp });
    assert.equal(run.code, 2, run.stderr);
    assert.equal(run.stdout, '');
    const lines = run.stderr.trim().split('\n');
    assert.equal(lines.length, 1, run.stderr);
    for (const s of ['organizations-describe-account.json', 'account-get-primary-email.json', 'aws-root@example.com', 'aws-root@gmail.com', 'accountEmail']) {
      assert.ok(lines[0]?.includes(s), `${s} in: ${run.stderr}`);
    }
  });
});

describe("accountEmail and the organisation's MasterAccountEmail of a management account", () => {
  const disagreeing = () => {
    const d = evidenceJson();
    (d.parts.accountEmail as { data: { email: string } }).data.email = 'founder@gmail.com';
    return d;
  };

  it('refused offline, naming both fields and both values', () => {
    const said = refusal(() => parseEvidence(disagreeing(), 'evidence.json'));
    assert.equal(said.id, 'atFile');
    const text = say('en', said);
    for (const s of ['evidence.json', 'accountEmail', 'organization.masterAccountEmail', 'founder@gmail.com', 'aws-root@example.com']) assert.ok(text.includes(s), `${s} in: ${text}`);
  });

  it('live: accountEmail is an ERROR part, root-email-domain is ERROR with the reason and no address in it', () => {
    const ev = parseEvidence(disagreeing(), 'live evidence', { onInconsistent: 'error' });
    const part = ev.parts.accountEmail;
    assert.ok(!part.ok);
    assert.equal(part.error.code, 'Contradiction');
    assert.ok(part.error.message.includes('gmail.com') && part.error.message.includes('example.com'), part.error.message);
    assert.ok(!part.error.message.includes('@'), `no address in a finding: ${part.error.message}`);
    const findings = evaluate(ev, CHECKS).filter((f) => f.checkId === 'root-email-domain');
    assert.equal(findings.length, 1);
    assert.equal(findings[0]?.status, 'ERROR');
    assert.equal(findings[0]?.messageId, 'engine.evidenceUnavailable');
  });

  it('a member account (not the management account): its MasterAccountEmail is another account\'s, no contradiction', () => {
    const d = disagreeing();
    (d.parts.organization as { data: { masterAccountId: string } }).data.masterAccountId = '210987654321';
    const ev = parseEvidence(d, 'evidence.json');
    assert.ok(ev.parts.accountEmail.ok);
  });
});
