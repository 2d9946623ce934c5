import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { it } from 'node:test';
import { CHECKS } from '../src/checks/registry.js';

// Every test table under src/checks/ in this one process: a process per table cost a second of
// start-up each. `npm run test:unit` leaves src/checks/ out of its file list and runs this file
// instead. Each table names itself (checkTester.run's describe is the check id); a table that
// fails to load fails the first test, by name, and the others still run.

const CHECKS_DIR = new URL('../src/checks/', import.meta.url);
const tables = readdirSync(CHECKS_DIR, { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('.test.ts'))
  .sort();

// Holds the run open until every table is imported, so no table's tests start after the runner
// has seen all tests so far finish (see test/in-one-process.test.ts).
let loaded = () => undefined as void;
const allLoaded = new Promise<void>((resolve) => (loaded = resolve));
const failures: string[] = [];
it('every test table under src/checks/ loads', async () => {
  await allLoaded;
  assert.deepEqual(failures, []);
});

// A wrong folder would find nothing and pass in silence.
it('every registered check has a test table here', () => {
  assert.deepEqual(CHECKS.map((c) => `${c.id}.test.ts`).filter((name) => !tables.includes(name)), []);
});

for (const file of tables) {
  try {
    await import(new URL(file, CHECKS_DIR).href);
  } catch (error) {
    failures.push(`src/checks/${file}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  }
}
loaded();
