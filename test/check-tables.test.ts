import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { it } from 'node:test';
import { CHECKS } from '../src/checks/registry.js';

// Every test table under src/checks/ in this one process: a process per table cost a second of
// start-up each. `npm run test:unit` leaves src/checks/ out of its file list and runs this file
// instead. Each table names itself (checkTester.run's describe is the check id); a table that
// fails to load becomes a failing test named after its file, and the others still run.

const CHECKS_DIR = new URL('../src/checks/', import.meta.url);
const tables = readdirSync(CHECKS_DIR, { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('.test.ts'))
  .sort();

for (const file of tables) {
  try {
    await import(new URL(file, CHECKS_DIR).href);
  } catch (error) {
    it(`src/checks/${file} loads`, () => {
      throw error;
    });
  }
}

// A wrong folder would find nothing and pass in silence.
it('ran a test table for every registered check', () => {
  assert.deepEqual(CHECKS.map((c) => `${c.id}.test.ts`).filter((name) => !tables.includes(name)), []);
});
