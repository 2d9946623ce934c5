import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { it } from 'node:test';
import { CHECKS } from '../src/checks/registry.js';
import { loadInOneProcess } from './builders/load-in-one-process.js';

// Every test table under src/checks/ in this one process: a process per table cost a second of
// start-up each. `npm run test:unit` leaves src/checks/ out of its file list and runs this file
// instead. Each table names itself (checkTester.run's describe is the check id).

const CHECKS_DIR = new URL('../src/checks/', import.meta.url);
const tables = readdirSync(CHECKS_DIR, { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('.test.ts'))
  .sort();

// A wrong folder would find nothing and pass in silence.
it('every registered check has a test table here', () => {
  assert.deepEqual(CHECKS.map((c) => `${c.id}.test.ts`).filter((name) => !tables.includes(name)), []);
});

await loadInOneProcess('src/checks/', tables.map((file) => ({ name: `src/checks/${file}`, url: new URL(file, CHECKS_DIR) })));
