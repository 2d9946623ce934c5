import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { CHECKS_BY_ID } from '../src/checks/registry.js';
import type { Check } from '../src/engine/check.js';
import { DEFAULT_CONFIG, loadConfig, type Config } from '../src/config/config.js';
import { evaluate } from '../src/engine/evaluate.js';
import { InputError } from '../src/errors.js';
import { BASE_USERS, daysAgo, evidence, user } from './builders/evidence.js';

const dir = mkdtempSync(join(tmpdir(), 'lockdown-config-'));
after(() => rmSync(dir, { recursive: true, force: true }));

let files = 0;
function write(text: string, ext = 'yaml'): string {
  const path = join(dir, `config-${++files}.${ext}`);
  writeFileSync(path, text);
  return path;
}

const check = (id: string) => CHECKS_BY_ID.get(id) as Check;

const DEFAULTS = {
  thresholds: { rootRecentUseDays: 90, passwordMinimumLength: 14, passwordReusePrevention: 24, passwordMaxAgeDays: 90, accessKeyMaxAgeDays: 90, unusedCredentialsDays: 45 },
  account: {},
};

describe('loadConfig', () => {
  it('gives the SPEC §3 defaults without a file', () => {
    assert.deepEqual(loadConfig(undefined), DEFAULTS);
    assert.equal(loadConfig(undefined), DEFAULT_CONFIG);
  });

  it('fills in defaults around what a YAML file sets', () => {
    const config = loadConfig(write('thresholds:\n  accessKeyMaxAgeDays: 30\naccount:\n  email: aws-root@example.com\n  companyDomains: [example.com, example.nl]\n'));
    assert.deepEqual(config, {
      thresholds: { ...DEFAULTS.thresholds, accessKeyMaxAgeDays: 30 },
      account: { email: 'aws-root@example.com', companyDomains: ['example.com', 'example.nl'] },
    });
  });

  it('reads JSON too', () => {
    assert.deepEqual(loadConfig(write('{"thresholds": {"unusedCredentialsDays": 30, "passwordMinimumLength": 16}}', 'json')).thresholds, {
      ...DEFAULTS.thresholds,
      unusedCredentialsDays: 30,
      passwordMinimumLength: 16,
    });
  });

  it('treats a file of only comments as no settings', () => {
    assert.deepEqual(loadConfig(write('# thresholds:\n#   accessKeyMaxAgeDays: 30\n')), DEFAULTS);
  });

  // Each bad file → one InputError naming the file, the line and the field.
  const bad: { name: string; text: string; line: number; message: RegExp }[] = [
    { name: 'a negative threshold', text: 'thresholds:\n  rootRecentUseDays: 30\n  accessKeyMaxAgeDays: -5\n', line: 3, message: /field thresholds\.accessKeyMaxAgeDays: must be a whole number of days above 0/ },
    { name: 'a zero threshold', text: 'thresholds:\n  unusedCredentialsDays: 0\n', line: 2, message: /field thresholds\.unusedCredentialsDays: must be a whole number of days above 0/ },
    { name: 'a fractional threshold', text: 'thresholds:\n  rootRecentUseDays: 1.5\n', line: 2, message: /field thresholds\.rootRecentUseDays: / },
    { name: 'a threshold given as text', text: 'thresholds:\n  accessKeyMaxAgeDays: "30"\n', line: 2, message: /field thresholds\.accessKeyMaxAgeDays: .*expected number/ },
    { name: 'a password length below 6', text: 'thresholds:\n  passwordMinimumLength: 4\n', line: 2, message: /field thresholds\.passwordMinimumLength: / },
    { name: 'reuse prevention above what IAM allows', text: 'thresholds:\n  passwordReusePrevention: 25\n', line: 2, message: /field thresholds\.passwordReusePrevention: / },
    { name: 'an unknown top-level key', text: 'thresholds:\n  accessKeyMaxAgeDays: 30\nmutelist: other.yaml\n', line: 3, message: /field \(top level\): unknown key 'mutelist'/ },
    { name: 'a misspelt threshold', text: 'thresholds:\n  accessKeyMaxAgeDays: 30\n  accesKeyMaxAgeDays: 60\n', line: 3, message: /field thresholds: unknown key 'accesKeyMaxAgeDays'/ },
    { name: 'a bad companyDomains entry', text: 'account:\n  companyDomains:\n    - example.com\n    - "@example.nl"\n', line: 4, message: /field account\.companyDomains\[1\]: must be a domain name like example\.com/ },
    { name: 'companyDomains as one string', text: 'account:\n  companyDomains: example.com\n', line: 2, message: /field account\.companyDomains: .*expected array/ },
    { name: 'a bad e-mail address', text: 'account:\n  email: root-at-example.com\n', line: 2, message: /field account\.email: / },
    { name: 'a list instead of a mapping', text: '- thresholds\n', line: 1, message: /field \(top level\): .*expected object/ },
  ];
  for (const c of bad) {
    it(`rejects ${c.name}, naming the field and line`, () => {
      const path = write(c.text);
      assert.throws(
        () => loadConfig(path),
        (error: unknown) => {
          assert.ok(error instanceof InputError, String(error));
          assert.ok(error.message.startsWith(`config ${path}:${c.line}: `), error.message);
          assert.match(error.message, c.message);
          return true;
        },
      );
    });
  }

  it('names a path that cannot be read', () => {
    const missing = join(dir, 'no-such-config.yaml');
    assert.throws(() => loadConfig(missing), { name: 'InputError', message: `config ${missing}: cannot be read (ENOENT)` });
    // A directory is refused before it is opened (issue 11), still naming the file.
    assert.throws(() => loadConfig(dir), { name: 'InputError', message: new RegExp(`^config ${dir}: is a (folder|directory)`) });
  });
});

describe('config reaches the checks', () => {
  const withKey = (days: number) => evidence({ users: [...BASE_USERS, user('etl', { groups: ['ci'], key1: { active: true, lastRotated: daysAgo(days), lastUsed: daysAgo(1) } })] });
  const etl = (config: Config, days: number) => {
    const found = evaluate(withKey(days), [check('user-access-key-rotation')], { config }).filter((f) => f.resource.name === 'etl');
    assert.equal(found.length, 1);
    return found[0] as (typeof found)[number];
  };

  it('accessKeyMaxAgeDays: 30 makes a 40-day-old key FAIL in user-access-key-rotation', () => {
    assert.equal(etl(DEFAULT_CONFIG, 40).status, 'PASS');
    const config = loadConfig(write('thresholds:\n  accessKeyMaxAgeDays: 30\n'));
    const f = etl(config, 40);
    assert.equal(f.status, 'FAIL');
    assert.equal(f.messageId, 'keyTooOld');
    assert.deepEqual(f.params, { key: '1', days: 40, max: 30, count: 1 });
  });

  it('a higher limit turns a default FAIL into a PASS', () => {
    assert.equal(etl(DEFAULT_CONFIG, 120).status, 'FAIL');
    assert.equal(etl(loadConfig(write('thresholds:\n  accessKeyMaxAgeDays: 180\n')), 120).status, 'PASS');
  });

  it('companyDomains reaches root-email-domain and is named as evidence', () => {
    // The base root address is aws-root@example.com.
    const run = (config: Config) => evaluate(evidence(), [check('root-email-domain')], { config })[0];
    assert.equal(run(DEFAULT_CONFIG)?.status, 'PASS');
    const outside = run(loadConfig(write('account:\n  companyDomains: [example.nl]\n')));
    assert.equal(outside?.status, 'FAIL');
    assert.ok(outside?.evidence.some((e) => e.part === 'config.account.companyDomains' && e.source === 'config'));
    assert.equal(run(loadConfig(write('account:\n  companyDomains: [example.com]\n')))?.status, 'PASS');
  });
});
