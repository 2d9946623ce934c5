import { readFileSync } from 'node:fs';
import { it } from 'node:test';

// The test files listed in test/in-one-process.txt, in this one process: each would otherwise pay
// a second of start-up. `npm run test:unit` leaves the listed files out of its own list (grep -vxFf
// on the same file). Their suites keep their names; a file that fails to load (or is listed but
// gone) becomes a failing test named after it, and the others still run.

const REPO = new URL('../', import.meta.url);
const files = readFileSync(new URL('test/in-one-process.txt', REPO), 'utf8')
  .split('\n')
  .map((line) => line.trim())
  .filter((line) => line !== '' && !line.startsWith('#'));

for (const file of files) {
  try {
    await import(new URL(file, REPO).href);
  } catch (error) {
    it(`${file} loads`, () => {
      throw error;
    });
  }
}
