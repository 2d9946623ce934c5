import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { writeFiles } from '../src/cli/output.js';

// Reports given as pieces (the JSON report, src/report/json.ts) are written as they are produced,
// with the same all-or-nothing promise as whole texts.

const dir = mkdtempSync(join(tmpdir(), 'lockdown-write-files-'));
after(() => rmSync(dir, { recursive: true, force: true }));

describe('writeFiles with pieces', () => {
  it('writes the pieces one after another, beside a whole text', async () => {
    const a = join(dir, 'a.json');
    const b = join(dir, 'b.txt');
    await writeFiles([
      { flag: '--output-dir', path: a, content: (function* () { yield '{"a":'; yield '"é→…"'; yield '}\n'; })() },
      { flag: '--output-dir', path: b, content: 'whole' },
    ]);
    assert.equal(readFileSync(a, 'utf8'), '{"a":"é→…"}\n');
    assert.equal(readFileSync(b, 'utf8'), 'whole');
  });

  it('a reporter failing halfway through its pieces: its own error, no temporary file left, every previous file kept', async () => {
    const a = join(dir, 'keep-a.json');
    const b = join(dir, 'keep-b.txt');
    writeFileSync(a, 'previous a');
    writeFileSync(b, 'previous b');
    const bug = new TypeError('a reporter bug');
    const failing = (function* () {
      yield 'x'.repeat(100_000);
      throw bug;
    })();
    await assert.rejects(
      writeFiles([
        { flag: '--output-dir', path: b, content: 'new b' },
        { flag: '--output-dir', path: a, content: failing },
      ]),
      (error) => error === bug,
    );
    assert.equal(readFileSync(a, 'utf8'), 'previous a');
    assert.equal(readFileSync(b, 'utf8'), 'previous b');
    assert.deepEqual(readdirSync(dir).filter((name) => name.endsWith('.tmp')), []);
  });
});
