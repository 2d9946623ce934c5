import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { globMatch } from '../src/config/glob.js';

// The glob semantics the mutelist and --checks promise: `*` any run (`/` and `:` included),
// `?` exactly one character, everything else itself, the whole name.
const CASES: [pattern: string, text: string, matches: boolean][] = [
  ['*', '', true],
  ['*', 'arn:aws:iam::123456789012:user/a/b', true],
  ['', '', true],
  ['', 'a', false],
  ['?', '', false],
  ['?', 'a', true],
  ['?', 'ab', false],
  ['a*', 'a', true],
  ['*a', 'ba', true],
  ['*a', 'ab', false],
  ['arn:aws:iam::*:user/*', 'arn:aws:iam::123456789012:user/ci/build-bot', true],
  ['arn:aws:iam::*:user/ci/*', 'arn:aws:iam::123456789012:user/build-bot', false],
  ['*:root', 'arn:aws:iam::123456789012:root', true],
  ['*:root', 'arn:aws:iam::123456789012:root/x', false],
  ['root-*-mfa', 'root-account-mfa', true],
  ['root-*-mfa', 'root-hardware-mfa-x', false],
  ['12345678901?', '123456789012', true],
  ['a*b*c', 'aXbYbZc', true],
  ['a*b*c', 'aXcYb', false],
  ['*ab*ab', 'abXabYab', true],
  ['**', 'x', true],
  ['a.b', 'aXb', false],
  ['a+b', 'a+b', true],
  ['*aab', 'aaab', true],
  ['a*?', 'a', false],
  ['a*?', 'ab', true],
];

describe('globMatch', () => {
  for (const [pattern, text, expected] of CASES) {
    it(`${JSON.stringify(pattern)} ${expected ? 'matches' : 'does not match'} ${JSON.stringify(text)}`, () => {
      assert.equal(globMatch(pattern, text), expected);
    });
  }

  // bench/mutelist.ts measures it (microseconds); here a regression to a backtracking matcher must
  // fail within seconds instead of hanging the suite, so it runs in a child with a timeout.
  it('matches a star-heavy pattern against a long name without backtracking blow-up', () => {
    const script = `
      import { globMatch } from './src/config/glob.ts';
      const name = 'a'.repeat(64);
      const pattern = 'a*'.repeat(8) + 'b';
      const long = 'a*'.repeat(200) + 'b';
      console.log(JSON.stringify([globMatch(pattern, name), globMatch(long, 'a'.repeat(10000)), globMatch(pattern, name + 'b')]));`;
    const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8', timeout: 10_000 });
    assert.equal(child.signal, null, 'the match did not finish within 10 s');
    assert.equal(child.stderr, '');
    assert.deepEqual(JSON.parse(child.stdout), [false, false, true]);
  });
});
