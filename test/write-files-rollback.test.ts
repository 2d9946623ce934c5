import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { writeFiles } from '../src/cli/output.js';
import { InputError } from '../src/errors.js';

// Issue 11 item 11: "a rename failing after another succeeded can leave a mixed set". The commit
// keeps every replaced file until all renames succeeded and puts them back when one fails.
// The failure is made during the test hook's pause between staging and renaming: the second
// file's staged temporary file is taken away, so its rename fails after the first one's succeeded.

const root = mkdtempSync(join(tmpdir(), 'lockdown-rollback-'));
after(() => rmSync(root, { recursive: true, force: true }));
let counter = 0;
const dirFor = () => mkdtempSync(join(root, `${counter++}-`));

/** Removes the staged temporary files in `dir` once they are there (during the pause). */
function takeAwayStaged(dir: string, name: string): Promise<void> {
  return new Promise((done) => {
    const look = () => {
      const temp = readdirSync(dir).find((f) => f.startsWith(`.${name}.`) && f.endsWith('.tmp'));
      if (!temp) return void setTimeout(look, 5);
      rmSync(join(dir, temp));
      done();
    };
    look();
  });
}

const leftovers = (dir: string) => readdirSync(dir).filter((f) => f.startsWith('.'));

describe('writeFiles: a rename failing after another succeeded', () => {
  it('puts the previous files back, with their permissions, and leaves no temporary or backup file', async () => {
    const one = dirFor();
    const two = dirFor();
    const a = join(one, 'aws-lockdown.json');
    const b = join(two, 'evidence.json');
    writeFileSync(a, 'previous report', { mode: 0o640 });
    writeFileSync(b, 'previous evidence');
    const write = writeFiles(
      [
        { flag: '--output', path: a, content: 'new report' },
        { flag: '--save-evidence', path: b, content: 'new evidence' },
      ],
      { pauseBeforeCommitMs: 300 },
    );
    await takeAwayStaged(two, 'evidence.json');
    await assert.rejects(write, (error: unknown) => error instanceof InputError && JSON.stringify(error).includes(b));
    assert.equal(readFileSync(a, 'utf8'), 'previous report', 'the first file, already renamed, is put back');
    assert.equal(statSync(a).mode & 0o777, 0o640);
    assert.equal(readFileSync(b, 'utf8'), 'previous evidence');
    assert.deepEqual([...leftovers(one), ...leftovers(two)], []);
  });

  it('removes a new file that replaced nothing, so the set is as it was: absent', async () => {
    const one = dirFor();
    const two = dirFor();
    const a = join(one, 'aws-lockdown.html');
    const b = join(two, 'aws-lockdown.sarif');
    writeFileSync(b, 'previous sarif');
    const write = writeFiles(
      [
        { flag: '--output-dir', path: a, content: '<html>' },
        { flag: '--output-dir', path: b, content: '{}' },
      ],
      { pauseBeforeCommitMs: 300 },
    );
    await takeAwayStaged(two, 'aws-lockdown.sarif');
    await assert.rejects(write, InputError);
    assert.equal(existsSync(a), false);
    assert.equal(readFileSync(b, 'utf8'), 'previous sarif');
    assert.deepEqual([...leftovers(one), ...leftovers(two)], []);
  });

  it('a commit that succeeds leaves no backup behind and replaces every file', async () => {
    const dir = dirFor();
    mkdirSync(join(dir, 'sub'));
    const a = join(dir, 'a.json');
    const b = join(dir, 'sub', 'b.json');
    writeFileSync(a, 'old a');
    await writeFiles([
      { flag: '--output', path: a, content: 'new a' },
      { flag: '--save-evidence', path: b, content: 'new b' },
    ]);
    assert.equal(readFileSync(a, 'utf8'), 'new a');
    assert.equal(readFileSync(b, 'utf8'), 'new b');
    assert.deepEqual([...leftovers(dir), ...leftovers(join(dir, 'sub'))], []);
  });
});
