import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { it } from 'node:test';

// The test files listed in test/in-one-process.txt, in this one process: each would otherwise pay
// a second of start-up. `npm run test:unit` leaves the listed files out of its own list (grep -vxFf
// on the same file). Their suites keep their names; a file that fails to load (or is listed but
// gone) fails the first test, by name, and the others still run.

const REPO = new URL('../', import.meta.url);
const files = readFileSync(new URL('test/in-one-process.txt', REPO), 'utf8')
  .split('\n')
  .map((line) => line.trim())
  .filter((line) => line !== '' && !line.startsWith('#'));

// This test holds the run open until every file is imported: without it, the tests of the first
// file would finish while the next loads, and the runner would call the root after() hooks of the
// files loaded so far (config.test.ts removes its temp folder there) before the rest had run.
let loaded = () => undefined as void;
const allLoaded = new Promise<void>((resolve) => (loaded = resolve));
const failures: string[] = [];
it('every file in test/in-one-process.txt loads', async () => {
  await allLoaded;
  assert.deepEqual(failures, []);
});

for (const file of files) {
  try {
    await import(new URL(file, REPO).href);
  } catch (error) {
    failures.push(`${file}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  }
}
loaded();
