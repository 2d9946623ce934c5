import { readFileSync } from 'node:fs';
import { loadInOneProcess } from './builders/load-in-one-process.js';

// The test files listed in test/in-one-process.txt, in this one process. `npm run test:unit`
// leaves the listed files out of its own list (grep -vxFf on the same file). Their suites keep
// their names.

const REPO = new URL('../', import.meta.url);
const files = readFileSync(new URL('test/in-one-process.txt', REPO), 'utf8')
  .split('\n')
  .map((line) => line.trim())
  .filter((line) => line !== '' && !line.startsWith('#'));

await loadInOneProcess('test/in-one-process.txt', files.map((name) => ({ name, url: new URL(name, REPO) })));
