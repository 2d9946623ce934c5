import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { CHECKS, CHECKS_BY_ID } from '../src/checks/registry.js';
import { loadMutelist } from '../src/config/mutelist.js';
import { evaluate } from '../src/engine/evaluate.js';
import { applyMutelist } from '../src/engine/mutelist.js';
import type { Finding } from '../src/engine/types.js';
import { InputError } from '../src/errors.js';
import { ACCOUNT_ID, BASE_USERS, COLLECTED_AT, evidence, user } from './builders/evidence.js';

const dir = mkdtempSync(join(tmpdir(), 'lockdown-mutelist-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const KNOWN = new Set([...CHECKS_BY_ID.keys(), 'root-account-mfa']);
const NO_ALIASES: ReadonlyMap<string, string[]> = new Map();
const NOW = new Date(COLLECTED_AT);

let files = 0;
function write(text: string, ext = 'yaml'): string {
  const path = join(dir, `mutelist-${++files}.${ext}`);
  writeFileSync(path, text);
  return path;
}
const load = (text: string, ext = 'yaml') => loadMutelist(write(text, ext), KNOWN);

// An account with a root user without MFA, a second key user and a user under a path, so
// that rules have FAIL findings, user ARNs with and without a path, and PASS findings to mute.
const findings = (): Finding[] =>
  evaluate(
    evidence({
      root: { mfa: false },
      summary: { AccountMFAEnabled: 0 },
      passwordPolicy: { minimumPasswordLength: 8, requireSymbols: false },
      users: [...BASE_USERS, user('build-bot', { path: '/ci/', groups: ['ci'] }), user('alex', { password: true, mfa: true, passwordLastUsed: COLLECTED_AT })],
    }),
    CHECKS,
  );
const one = (list: Finding[], checkId: string, name?: string): Finding => {
  const hits = list.filter((f) => f.checkId === checkId && (name === undefined || f.resource.name === name));
  assert.equal(hits.length, 1, `${checkId} ${name ?? ''}: ${hits.length} findings`);
  return hits[0] as Finding;
};
const mutedIds = (list: Finding[]) => list.filter((f) => f.muted).map((f) => `${f.checkId} ${f.resource.name}`).sort();

describe('applyMutelist', () => {
  it('mutes by exact check id and keeps the status, adding the reason', () => {
    const list = findings();
    assert.equal(one(list, 'root-mfa').status, 'FAIL');
    const report = applyMutelist(list, load('rules:\n  - checks: [root-mfa]\n    reason: break-glass account, MFA in the safe\n'), NOW, NO_ALIASES);
    const f = one(list, 'root-mfa');
    assert.equal(f.status, 'FAIL');
    assert.equal(f.muted, true);
    assert.equal(f.muteReason, 'break-glass account, MFA in the safe');
    assert.deepEqual(mutedIds(list), ['root-mfa <root_account>']);
    assert.equal(report.rules[0]?.matched, 1);
    assert.deepEqual(report.unused, []);
    assert.deepEqual(report.expired, []);
  });

  it('mutes every check a glob names, and only those', () => {
    const list = findings();
    const report = applyMutelist(list, load('rules:\n  - checks: ["password-policy-*"]\n    reason: policy set by the identity provider\n'), NOW, NO_ALIASES);
    const muted = list.filter((f) => f.muted);
    const policyChecks = CHECKS.filter((c) => c.id.startsWith('password-policy-')).length;
    assert.equal(policyChecks, 9);
    assert.equal(muted.length, policyChecks, 'one finding per password policy check');
    assert.ok(muted.every((f) => f.checkId.startsWith('password-policy-')));
    assert.equal(one(list, 'password-policy-min-length').status, 'FAIL');
    assert.equal(one(list, 'password-policy-min-length').muted, true);
    assert.equal(one(list, 'root-mfa').muted, false);
    assert.equal(report.rules[0]?.matched, policyChecks);
  });

  it('matches a rule written for a former check id through the aliases map', () => {
    const mutelist = load('rules:\n  - checks: [root-account-mfa]\n    reason: old id from last year\n');
    const without = findings();
    applyMutelist(without, mutelist, NOW, NO_ALIASES);
    assert.equal(one(without, 'root-mfa').muted, false);

    const withAliases = findings();
    const report = applyMutelist(withAliases, mutelist, NOW, new Map([['root-mfa', ['root-account-mfa']]]));
    assert.equal(one(withAliases, 'root-mfa').muted, true);
    assert.deepEqual(mutedIds(withAliases), ['root-mfa <root_account>']);
    assert.deepEqual(report.unused, []);
  });

  it('applies the accounts filter, ids and globs', () => {
    const cases: [string, boolean][] = [
      [`["${ACCOUNT_ID}"]`, true],
      ['["210987654321"]', false],
      ['["1234*"]', true],
      ['["9*", "12345678901?"]', true],
    ];
    for (const [accounts, mutes] of cases) {
      const list = findings();
      applyMutelist(list, load(`rules:\n  - checks: [root-mfa]\n    accounts: ${accounts}\n    reason: test\n`), NOW, NO_ALIASES);
      assert.equal(one(list, 'root-mfa').muted, mutes, `accounts ${accounts}`);
    }
  });

  it('matches resource ARN globs: * crosses / and :, ? is one character, no substring matches', () => {
    const cases: [string, string[]][] = [
      // * spans the account id and the /ci/ path
      ['arn:aws:iam::*:user/*bot', ['user-in-group build-bot', 'user-in-group deploy-bot']],
      ['arn:aws:iam::*bot', ['user-in-group build-bot', 'user-in-group deploy-bot']],
      ['arn:aws:iam::123456789012:user/ale?', ['user-in-group alex']],
      ['arn:aws:iam::123456789012:user/al?', []],
      // a plain ARN is exact: no substring match on alice/alex
      ['arn:aws:iam::123456789012:user/al', []],
      ['arn:aws:iam::123456789012:user/ci/build-bot', ['user-in-group build-bot']],
    ];
    for (const [glob, expected] of cases) {
      const list = findings();
      applyMutelist(list, load(`rules:\n  - checks: [user-in-group]\n    resources: ["${glob}"]\n    reason: test\n`), NOW, NO_ALIASES);
      assert.deepEqual(mutedIds(list), expected, glob);
    }
  });

  it('lets the first matching rule win; a later rule that only overlaps is reported unused', () => {
    const list = findings();
    const report = applyMutelist(
      list,
      load(
        [
          'rules:',
          '  - checks: [root-mfa]',
          '    reason: first',
          '  - checks: ["root-*"]',
          '    reason: second',
          '  - checks: [user-in-group]',
          '    resources: ["arn:aws:iam::*:user/nobody"]',
          '    reason: third',
          '',
        ].join('\n'),
      ),
      NOW,
      NO_ALIASES,
    );
    assert.equal(one(list, 'root-mfa').muteReason, 'first');
    assert.equal(one(list, 'root-access-keys').muteReason, 'second');
    assert.deepEqual(
      report.rules.map((r) => [r.rule, r.matched]),
      [
        [1, 1],
        [2, CHECKS.filter((c) => c.id.startsWith('root-')).length - 1],
        [3, 0],
      ],
    );
    assert.deepEqual(report.unused, [3]);
  });

  it('stops muting with an expired rule and reports it; a rule expiring today still mutes', () => {
    const text = (expires: string) => `rules:\n  - checks: [root-mfa]\n    reason: until the token arrives\n    owner: platform-team\n    expires: ${expires}\n`;

    const expired = findings();
    const r1 = applyMutelist(expired, load(text('2026-11-19')), NOW, NO_ALIASES);
    assert.equal(one(expired, 'root-mfa').muted, false);
    assert.equal(one(expired, 'root-mfa').muteReason, null);
    assert.deepEqual(r1.expired, [1]);
    assert.deepEqual(r1.unused, [], 'an expired rule is reported as expired, not as unused');
    assert.deepEqual(r1.rules[0], { rule: 1, checks: ['root-mfa'], reason: 'until the token arrives', owner: 'platform-team', expires: '2026-11-19', expired: true, matched: 0 });

    for (const now of [NOW, new Date('2026-11-20T23:59:00Z')]) {
      const today = findings();
      const r2 = applyMutelist(today, load(text('2026-11-20')), now, NO_ALIASES);
      assert.equal(one(today, 'root-mfa').muted, true, `expires today, now ${now.toISOString()}`);
      assert.deepEqual(r2.expired, []);
    }

    const timed = findings();
    const r3 = applyMutelist(timed, load(text('2026-11-20T09:00:00Z')), NOW, NO_ALIASES);
    assert.equal(one(timed, 'root-mfa').muted, false, 'a date with a time expires at that time');
    assert.deepEqual(r3.expired, [1]);
  });

  it('leaves findings alone when no rule matches', () => {
    const list = findings();
    const before = JSON.stringify(list);
    const report = applyMutelist(list, load('rules:\n  - checks: [support-role]\n    resources: ["arn:aws:iam::*:role/none"]\n    reason: test\n'), NOW, NO_ALIASES);
    assert.equal(JSON.stringify(list), before);
    assert.deepEqual(report.unused, [1]);
  });
});

describe('loadMutelist', () => {
  it('reads YAML and JSON into the same rules', () => {
    const yaml = load(
      'version: 1\nrules:\n  - checks: [root-mfa, "password-policy-*"]\n    accounts: ["123456789012"]\n    resources: ["arn:aws:iam::*:root"]\n    reason: break glass\n    owner: security@example.com\n    expires: 2027-01-31\n',
    );
    const json = load(
      JSON.stringify({ version: 1, rules: [{ checks: ['root-mfa', 'password-policy-*'], accounts: ['123456789012'], resources: ['arn:aws:iam::*:root'], reason: 'break glass', owner: 'security@example.com', expires: '2027-01-31' }] }, null, 2),
      'json',
    );
    assert.deepEqual({ ...yaml, file: '' }, { ...json, file: '' });
    assert.deepEqual(yaml.rules[0], {
      checks: ['root-mfa', 'password-policy-*'],
      accounts: ['123456789012'],
      resources: ['arn:aws:iam::*:root'],
      reason: 'break glass',
      owner: 'security@example.com',
      expires: '2027-01-31',
    });
    assert.match(yaml.file, /mutelist-\d+\.yaml$/);
  });

  // Each bad file → an InputError naming the file, the line and the field.
  const bad: { name: string; text: string; ext?: string; line: number; message: RegExp }[] = [
    { name: 'unknown key', text: 'rules:\n  - checks: [root-mfa]\n    reason: x\n    colour: blue\n', line: 4, message: /field rules\[0\]: unknown key 'colour'/ },
    { name: 'unknown top-level key', text: '# muted findings\nrules: []\nignore: [root-mfa]\n', line: 3, message: /field \(top level\): unknown key 'ignore'/ },
    { name: 'unknown key in JSON', ext: 'json', text: '{\n  "rules": [\n    {\n      "checks": ["root-mfa"],\n      "reason": "x",\n      "why": "y"\n    }\n  ]\n}\n', line: 6, message: /unknown key 'why'/ },
    { name: 'missing reason', text: 'rules:\n  - checks: [root-mfa]\n    owner: me\n', line: 2, message: /field rules\[0\]\.reason: a rule must say why it mutes/ },
    { name: 'blank reason', text: 'rules:\n  - checks: [root-mfa]\n    reason: "  "\n', line: 3, message: /field rules\[0\]\.reason: a rule must say why it mutes/ },
    { name: 'bad resource glob', text: 'rules:\n  - checks: [user-console-mfa]\n    resources:\n      - "arn:aws:iam::*:user/[a-z]"\n    reason: x\n', line: 4, message: /field rules\[0\]\.resources\[0\]: bad pattern .*'\[' is not allowed/ },
    { name: 'regex in checks', text: 'rules:\n  - checks: ["root-(mfa|access-keys)"]\n    reason: x\n', line: 2, message: /field rules\[0\]\.checks\[0\]: bad pattern/ },
    { name: 'unknown check id', text: 'rules:\n  - checks:\n      - root-mfa\n      - root-mfaa\n    reason: x\n', line: 4, message: /field rules\[0\]\.checks\[1\]: unknown check id 'root-mfaa'/ },
    { name: 'bad account', text: 'rules:\n  - checks: [root-mfa]\n    accounts: ["12345"]\n    reason: x\n', line: 3, message: /field rules\[0\]\.accounts\[0\]: an account is a 12-digit id/ },
    { name: 'expires not a date', text: 'rules:\n  - checks: [root-mfa]\n    reason: x\n    expires: 31-01-2027\n', line: 4, message: /field rules\[0\]\.expires: expires must be a date like 2027-01-31/ },
    { name: 'expires on a day that does not exist', text: 'rules:\n  - checks: [root-mfa]\n    reason: x\n    expires: 2027-02-30\n', line: 4, message: /field rules\[0\]\.expires: expires is not a real date/ },
    { name: 'rules missing', text: 'version: 1\n', line: 1, message: /field rules: / },
    { name: 'YAML syntax error', text: 'rules:\n  - checks: [root-mfa\n    reason: x\n', line: 3, message: /mutelist .*:\d+: / },
  ];
  for (const c of bad) {
    it(`rejects a file with ${c.name}, naming file and line`, () => {
      const path = write(c.text, c.ext);
      assert.throws(
        () => loadMutelist(path, KNOWN),
        (error: unknown) => {
          assert.ok(error instanceof InputError, String(error));
          assert.ok(error.message.startsWith(`mutelist ${path}:`), error.message);
          if (c.name !== 'YAML syntax error') assert.ok(error.message.startsWith(`mutelist ${path}:${c.line}: `), error.message);
          assert.match(error.message, c.message);
          assert.doesNotMatch(error.message, /\n/);
          return true;
        },
      );
    });
  }

  it('names a file that cannot be read', () => {
    const path = join(dir, 'missing.yaml');
    assert.throws(() => loadMutelist(path, KNOWN), { name: 'InputError', message: `mutelist ${path}: cannot be read (ENOENT)` });
  });
});
