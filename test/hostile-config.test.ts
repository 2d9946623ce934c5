import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { MAX_YAML_BYTES } from '../src/config/yaml-file.js';
import { runMain, type Run } from './run-main.js';

// Config and mutelist files and flags as a careless or hostile user gives them (issue 11 items 6
// and 7): each is exit 2 with one line naming the file or flag, never a hang or a stack trace.

const dir = mkdtempSync(join(tmpdir(), 'lockdown-hostile-config-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const write = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

const scan = (...args: string[]) => runMain(['scan', '--demo', '--format', 'json', ...args], { LANG: 'en_US.UTF-8' });

function refused(run: Run, pattern: RegExp) {
  assert.equal(run.code, 2, run.stderr);
  assert.equal(run.stdout, '');
  assert.equal(run.stderr.trimEnd().split('\n').length, 1, run.stderr);
  assert.doesNotMatch(run.stderr, /\n\s+at /);
  assert.match(run.stderr, pattern);
}

// "Billion laughs": nine levels of nine aliases each expand to 9^9 strings.
const BOMB = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
  .concat(['b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'].map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(',')}]`))
  .join('\n');

describe('hostile config and mutelist files', () => {
  it('an alias bomb as --config is refused at once', async () => {
    const start = Date.now();
    refused(await scan('--config', write('bomb.yaml', BOMB)), /config .*bomb\.yaml: more than 100 alias expansions/);
    assert.ok(Date.now() - start < 5_000);
  });

  it('an alias bomb as --mutelist is refused', async () => {
    refused(await scan('--mutelist', write('bomb-mutelist.yaml', `rules: []\n${BOMB}`)), /mutelist .*bomb-mutelist\.yaml: more than 100 alias expansions/);
  });

  it('a few aliases are still fine', async () => {
    const run = await scan('--config', write('aliases.yaml', 'thresholds:\n  accessKeyMaxAgeDays: &d 60\n  unusedCredentialsDays: *d\n'));
    assert.ok(run.code === 0 || run.code === 1, run.stderr);
  });

  it('a directory as --config or --mutelist', async () => {
    const folder = join(dir, 'a-folder');
    mkdirSync(folder);
    refused(await scan('--config', folder), /config .*a-folder: is a (folder|directory)/);
    refused(await scan('--mutelist', folder), /mutelist .*a-folder: is a (folder|directory)/);
  });

  it('a FIFO as --config is refused without opening it (opening would wait forever)', async () => {
    const fifo = join(dir, 'pipe.yaml');
    assert.equal(spawnSync('mkfifo', [fifo]).status, 0);
    refused(await scan('--config', fifo), /config .*pipe\.yaml: is a named pipe \(FIFO\)/);
  });

  it('a file over the size limit names its size and the limit', async () => {
    const big = write('big.yaml', `# ${'x'.repeat(MAX_YAML_BYTES)}\n`);
    refused(await scan('--mutelist', big), new RegExp(`mutelist .*big\\.yaml: ${MAX_YAML_BYTES + 3} bytes is over the limit of ${MAX_YAML_BYTES} bytes`));
  });
});

describe('empty flag values', () => {
  it("--region '' is refused, naming the flag", async () => {
    refused(await runMain(['scan', '--region', ''], { LANG: 'en_US.UTF-8' }), /--region: needs a value, not an empty string/);
  });

  it("--profile ' ' is refused, naming the flag", async () => {
    refused(await runMain(['scan', '--profile', ' '], { LANG: 'en_US.UTF-8' }), /--profile: needs a value/);
  });
});
